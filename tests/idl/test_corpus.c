/* Every published .did file of ../shared/did-corpus (DFINITY's ledgers,
 * governance, management canister, ...) parses, and every definition,
 * method and init tuple becomes a laid-out candid_type whose message
 * header builds. Skipped when the folder is absent. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "candid/candid.h"
#include "candid/idl.h"

static const struct {
    const char *name;
    size_t defs, methods;
    int init;
} files[] = {
    {"assets_assetstorage.did", 33, 39, 1}, {"cmc.did", 32, 12, 1},
    {"cycles_ledger.did", 47, 25, 1},       {"ic_management.did", 97, 41, 0},
    {"icp_ledger.did", 66, 31, 1},          {"icrc_icrc-1.did", 7, 10, 0},
    {"icrc_ledger.did", 68, 26, 1},         {"nns_governance.did", 193, 32, 1},
};

static uint8_t mem[1 << 22], hdr[1 << 16], work[1 << 16];

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = malloc(1 << 20);
    assert_non_null(buf);
    *len = fread(buf, 1, 1 << 20, f);
    fclose(f);
    return buf;
}

static void header_builds(const candid_type *args) {
    candid_header h;
    assert_int_equal(args->kind, CANDID_RECORD);
    assert_int_equal(candid_header_build(&h, args, hdr, sizeof hdr, work, sizeof work), CANDID_OK);
}

static void corpus(void **state) {
    (void)state;
    const char *dir = getenv("CANDID_DID_CORPUS");
    char path[4096];
    size_t len;
    if (!dir) skip();
    snprintf(path, sizeof path, "%s/%s", dir, files[0].name);
    char *probe = slurp(path, &len);
    if (!probe) {
        print_message("no corpus at %s: skipped\n", dir);
        skip();
    }
    free(probe);
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        char *src = slurp(path, &len);
        assert_non_null(src);
        candid_arena arena;
        candid_arena_init(&arena, mem, sizeof mem);
        candid_idl idl;
        candid_idl_init(&idl, &arena);
        candid_syntax_error e;
        candid_status st = candid_idl_parse_file(&idl, files[i].name, src, len, NULL, NULL, &e);
        if (st) print_error("%s:%u:%u: %s\n", files[i].name, e.line, e.column, e.message);
        assert_int_equal(st, CANDID_OK);
        size_t defs = 0;
        const char *name;
        size_t name_len;
        const candid_type *t;
        for (const candid_idl_def *d = NULL; (d = candid_idl_next(&idl, d, &name, &name_len, &t));) {
            assert_ptr_equal(candid_idl_lookup(&idl, name, name_len), t);
            assert_int_not_equal(t->kind, 0);
            assert_int_not_equal(candid_slot_align(t), 0);
            defs++;
        }
        assert_int_equal(defs, files[i].defs);
        const candid_type *s = idl.service;
        assert_non_null(s);
        assert_int_equal(s->count, files[i].methods);
        for (uint32_t m = 0; m < s->count; m++) {
            const candid_type *args, *results;
            assert_int_equal(candid_idl_method(&idl, s->methods[m].name, s->methods[m].name_len, &args,
                                               &results),
                             CANDID_OK);
            header_builds(args);
            header_builds(results);
        }
        assert_int_equal(idl.init_args != NULL, files[i].init);
        if (idl.init_args) header_builds(idl.init_args);
        free(src);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(corpus),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
