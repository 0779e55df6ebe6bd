/* Imports: files read through the caller's reader relative to the
 * importing file, each once; services joined; cycles, missing files and
 * errors inside imported files reported with the file and its position. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "candid/candid.h"
#include "candid/idl.h"

typedef struct file {
    const char *name, *src;
} file;

/* The files a test can import, by path. */
static const file *files;
static int reads;

/* Resolves path against the importing file's folder, as the CLI does. */
static int reader(void *ctx, const char *importer, const char *path, const char **name,
                  const char **src, size_t *len) {
    static char full[8][256];
    char *out = full[reads++ % 8];
    (void)ctx;
    const char *slash = importer ? strrchr(importer, '/') : NULL;
    int dir = slash ? (int)(slash - importer + 1) : 0;
    snprintf(out, sizeof full[0], "%.*s%s", dir, importer, path);
    for (const file *f = files; f->name; f++) {
        if (strcmp(f->name, out) == 0) {
            *name = f->name;
            *src = f->src;
            *len = strlen(f->src);
            return 0;
        }
    }
    return 1;
}

static uint8_t mem[1 << 20];
static candid_arena arena;
static candid_idl idl;

static candid_status parse(const file *set, candid_syntax_error *e) {
    files = set;
    reads = 0;
    candid_arena_init(&arena, mem, sizeof mem);
    candid_idl_init(&idl, &arena);
    memset(e, 0, sizeof *e);
    return candid_idl_parse_file(&idl, set[0].name, set[0].src, strlen(set[0].src), reader, NULL, e);
}

static void types_and_services(void **state) {
    (void)state;
    static const file set[] = {
        {"main.did", "import \"lib/types.did\";\n"
                     "import service \"lib/ledger.did\";\n"
                     "type Main = record { a : Account };\n"
                     "service : (Main) -> { local : (Main) -> () }"},
        {"lib/types.did", "import \"common.did\"; type Account = record { owner : principal; sub : opt Sub };"},
        {"lib/common.did", "type Sub = blob;"},
        /* imports types.did again: read once, defined once */
        {"lib/ledger.did", "import \"types.did\";\nservice : { balance : (Account) -> (nat) query }"},
        {NULL, NULL},
    };
    candid_syntax_error e;
    assert_int_equal(parse(set, &e), CANDID_OK);
    assert_int_equal(reads, 4);
    const candid_type *acc = candid_idl_lookup(&idl, "Account", 7);
    assert_non_null(acc);
    assert_int_equal(acc->count, 2);
    assert_int_equal(candid_idl_lookup(&idl, "Sub", 3)->repr, CANDID_REPR_SLICE);
    assert_ptr_equal(candid_idl_lookup(&idl, "Main", 4)->fields[0].type, acc);
    const candid_type *s = idl.service;
    assert_int_equal(s->kind, CANDID_SERVICE);
    assert_int_equal(s->count, 2);
    assert_memory_equal(s->methods[0].name, "balance", 7);
    assert_memory_equal(s->methods[1].name, "local", 5);
    assert_int_equal(idl.init_args->count, 1);
    const candid_type *args, *res;
    assert_int_equal(candid_idl_method(&idl, "balance", 7, &args, &res), CANDID_OK);
    assert_ptr_equal(args->fields[0].type, acc);
    assert_int_equal(res->fields[0].type->kind, CANDID_NAT);
}

/* Without a service of its own, the file's service is the imported ones. */
static void service_from_imports_only(void **state) {
    (void)state;
    static const file set[] = {
        {"a.did", "import service \"b.did\"; import service \"c.did\""},
        {"b.did", "type T = text; service : { b : (T) -> () }"},
        {"c.did", "service S : { c : () -> () oneway; }"},
        {NULL, NULL},
    };
    candid_syntax_error e;
    assert_int_equal(parse(set, &e), CANDID_OK);
    assert_int_equal(idl.service->count, 2);
    assert_memory_equal(idl.service->methods[1].name, "c", 1);
    assert_null(idl.init_args);
    /* an `import service` inside an imported file counts too (as in the
     * reference), while that file's own service does not */
    static const file nested[] = {
        {"a.did", "import \"b.did\"; service : { a : () -> () }"},
        {"b.did", "import service \"c.did\"; service : { b : () -> () }"},
        {"c.did", "service : { c : () -> () }"},
        {NULL, NULL},
    };
    assert_int_equal(parse(nested, &e), CANDID_OK);
    assert_int_equal(idl.service->count, 2);
    assert_memory_equal(idl.service->methods[0].name, "a", 1);
    assert_memory_equal(idl.service->methods[1].name, "c", 1);
}

typedef struct bad {
    file set[4];
    candid_status st;
    const char *file;
    uint32_t line, col;
    const char *msg;
} bad;

static void errors_name_the_file(void **state) {
    (void)state;
    static const bad cases[] = {
        {{{"a.did", "type A = nat;\nimport \"b.did\";"}, {"b.did", "type B = nat;\nimport \"a.did\";"}},
         CANDID_ERR_BAD_TYPE, "b.did", 2, 1, "import cycle: the file imports itself"},
        {{{"a.did", "import \"a.did\""}}, CANDID_ERR_BAD_TYPE, "a.did", 1, 1,
         "import cycle: the file imports itself"},
        {{{"main.did", "type A = nat;\n  import \"nope.did\";"}}, CANDID_ERR_UNBOUND, "main.did", 2, 3,
         "cannot read the imported file"},
        {{{"main.did", "import \"bad.did\";"}, {"bad.did", "\ntype X = record {"}}, CANDID_ERR_SYNTAX,
         "bad.did", 2, 18, "expected a type"},
        {{{"main.did", "import \"bad.did\";"}, {"bad.did", "type X = Y;"}}, CANDID_ERR_UNBOUND,
         "bad.did", 1, 10, "undefined type name"},
        {{{"main.did", "import \"b.did\"; type B = int;"}, {"b.did", "type B = nat;"}}, CANDID_ERR_BAD_TYPE,
         "main.did", 1, 22, "type defined twice"},
        {{{"main.did", "import \"b.did\" type A = nat;"}, {"b.did", ""}}, CANDID_ERR_SYNTAX, "main.did",
         1, 16, "expected ';'"},
        {{{"main.did", "type A = nat;\nimport service \"b.did\";"}, {"b.did", "type B = nat;"}},
         CANDID_ERR_UNBOUND, "main.did", 2, 1, "the imported file has no main service"},
        {{{"main.did", "import service \"b.did\";"}, {"b.did", "service : (nat) -> {}"}},
         CANDID_ERR_BAD_TYPE, "main.did", 1, 1, "an imported service cannot have init arguments"},
        {{{"main.did", "import service \"b.did\"; service : { m : () -> () }"},
          {"b.did", "service : { m : () -> () }"}},
         CANDID_ERR_BAD_TYPE, "main.did", 1, 1, "the imported service repeats a method name"},
        {{{"main.did", "import service \"b.did\"; service : { m : () -> () }"},
          {"b.did", "type S = nat; service : S"}},
         CANDID_ERR_BAD_TYPE, "b.did", 1, 25, "the main service must have a service type"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        candid_syntax_error e;
        candid_status st = parse(cases[i].set, &e);
        if (st != cases[i].st || !e.file || strcmp(e.file, cases[i].file) || e.line != cases[i].line ||
            e.column != cases[i].col || strcmp(e.message, cases[i].msg))
            print_error("case %zu: got %s at %s:%u:%u (%s)\n", i, candid_status_name(st),
                        e.file ? e.file : "-", e.line, e.column, e.message);
        assert_int_equal(st, cases[i].st);
        assert_string_equal(e.file, cases[i].file);
        assert_int_equal(e.line, cases[i].line);
        assert_int_equal(e.column, cases[i].col);
        assert_string_equal(e.message, cases[i].msg);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(types_and_services),
        cmocka_unit_test(service_from_imports_only),
        cmocka_unit_test(errors_name_the_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
