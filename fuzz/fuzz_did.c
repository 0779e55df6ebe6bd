/* libFuzzer: the .did parser and its conversion to candid types. The
 * input is up to 8 files separated by NUL bytes: the first is the main
 * file, `import "3"` names the fourth. Whatever parses must be usable:
 * every definition laid out, every method's argument and result tuples
 * and the init tuple turned into records whose message headers build. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "candid/candid.h"
#include "candid/idl.h"

enum { MAX_FILES = 8 };

typedef struct files {
    const char *src[MAX_FILES];
    size_t len[MAX_FILES];
    size_t n;
} files;

static const char *const names[MAX_FILES] = {"0", "1", "2", "3", "4", "5", "6", "7"};

static int reader(void *ctx, const char *importer, const char *path, const char **name,
                  const char **src, size_t *len) {
    const files *fs = ctx;
    (void)importer;
    if (path[0] < '0' || path[0] > '7' || path[1] || (size_t)(path[0] - '0') >= fs->n) return 1;
    size_t i = (size_t)(path[0] - '0');
    *name = names[i];
    *src = fs->src[i];
    *len = fs->len[i];
    return 0;
}

static uint8_t types_mem[1 << 22], hdr[1 << 16], work[1 << 16];

static void header_builds(const candid_type *args) {
    candid_header h;
    candid_status st = candid_header_build(&h, args, hdr, sizeof hdr, work, sizeof work);
    if (st && st != CANDID_ERR_BUFFER_FULL && st != CANDID_ERR_WORK_FULL) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    files fs = {0};
    const char *p = (const char *)data, *end = p + size;
    while (fs.n < MAX_FILES) {
        const char *nul = memchr(p, 0, (size_t)(end - p));
        fs.src[fs.n] = p;
        fs.len[fs.n++] = (size_t)((nul ? nul : end) - p);
        if (!nul) break;
        p = nul + 1;
    }
    candid_arena types;
    candid_arena_init(&types, types_mem, sizeof types_mem);
    candid_idl idl;
    candid_idl_init(&idl, &types);
    candid_syntax_error e;
    if (candid_idl_parse_file(&idl, names[0], fs.src[0], fs.len[0], reader, &fs, &e)) {
        if (!e.message || !e.line) abort(); /* every rejection says where and why */
        return 0;
    }
    const char *name;
    size_t len;
    const candid_type *t;
    for (const candid_idl_def *d = NULL; (d = candid_idl_next(&idl, d, &name, &len, &t));)
        if (!t->kind || candid_idl_lookup(&idl, name, len) != t) abort();
    if (idl.init_args) header_builds(idl.init_args);
    const candid_type *s = idl.service;
    for (uint32_t m = 0; s && m < s->count; m++) {
        const candid_type *args, *results;
        candid_status st = candid_idl_method(&idl, s->methods[m].name, s->methods[m].name_len, &args, &results);
        if (st == CANDID_ERR_ARENA_FULL) break;
        if (st) abort();
        header_builds(args);
        header_builds(results);
    }
    return 0;
}
