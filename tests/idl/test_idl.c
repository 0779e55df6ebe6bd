/* The .did parser: grammar forms, recursive definitions, field ids,
 * method order, layouts, and errors at their exact positions. */
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
#include "candid/testfile.h"

static uint8_t mem[1 << 20];
static candid_arena arena;
static candid_idl idl;

static candid_status parse(const char *src, candid_syntax_error *e) {
    candid_arena_init(&arena, mem, sizeof mem);
    candid_idl_init(&idl, &arena);
    memset(e, 0, sizeof *e);
    return candid_idl_parse(&idl, src, strlen(src), e);
}

static const candid_type *def(const char *name) {
    const candid_type *t = candid_idl_lookup(&idl, name, strlen(name));
    assert_non_null(t);
    return t;
}

static void definitions_and_shorthands(void **state) {
    (void)state;
    candid_syntax_error e;
    assert_int_equal(parse("type R = record { foo : nat; bar : bool; 5 : text; \"☃\" : null };\n"
                           "type T = record { int; text; opt nat8 };\n"
                           "type V = variant { a; b : blob; 0x10 };\n"
                           "type B = blob; // a comment\n"
                           "/* a /* nested */ comment */ type A = B;",
                           &e),
                     CANDID_OK);
    const candid_type *r = def("R");
    assert_int_equal(r->kind, CANDID_RECORD);
    assert_int_equal(r->count, 4);
    /* sorted by id: 5, bar (4895187), foo (5097222), ☃ (11272781) */
    assert_int_equal(r->fields[0].id, 5);
    assert_int_equal(r->fields[1].id, 4895187);
    assert_string_equal(r->fields[1].name, "bar");
    assert_int_equal(r->fields[2].id, 5097222);
    assert_int_equal(r->fields[3].id, 11272781);
    const candid_type *t = def("T");
    assert_int_equal(t->count, 3);
    assert_int_equal(t->fields[2].id, 2);
    assert_int_equal(t->fields[2].type->kind, CANDID_OPT);
    const candid_type *v = def("V");
    assert_int_equal(v->count, 3);
    assert_int_equal(v->fields[0].id, 16);
    assert_int_equal(v->fields[0].type->kind, CANDID_NULL);
    assert_int_equal(def("A")->kind, CANDID_VEC);
    assert_int_equal(def("A")->repr, CANDID_REPR_SLICE);
}

static void recursive_types(void **state) {
    (void)state;
    candid_syntax_error e;
    assert_int_equal(parse("type List = opt record { head : int; tail : List };\n"
                           "type Tree = variant { leaf : int; node : record { Tree; Tree } };\n"
                           "type Vec = vec Vec;\n"
                           "type A = record { b : B }; type B = opt A;\n"
                           "type S = service { next : () -> (S) query };",
                           &e),
                     CANDID_OK);
    const candid_type *list = def("List");
    assert_ptr_equal(list->inner->fields[1].type, list);
    const candid_type *tree = def("Tree");
    assert_ptr_equal(tree->fields[1].type->fields[0].type, tree);
    const candid_type *vec = def("Vec");
    assert_ptr_equal(vec->inner, vec);
    const candid_type *s = def("S");
    assert_int_equal(s->methods[0].type->aux, CANDID_ANN_QUERY);
    assert_ptr_equal(s->methods[0].type->args[0], s);
    /* generic layout: boxed records and options are one pointer */
    assert_int_equal(candid_slot_size(list), sizeof(void *));
    assert_int_equal(list->inner->size, sizeof(candid_bignum) + sizeof(void *));
}

static void services(void **state) {
    (void)state;
    candid_syntax_error e;
    assert_int_equal(parse("type F = func (text) -> (nat);\n"
                           "service : (init : nat) -> {\n"
                           "  zeta : F;\n"
                           "  \"🐂\" : (opt int) -> (record {}) query;\n"
                           "  alpha : (name : text, age : nat8) -> (id : nat64) composite_query;\n"
                           "  fire : () -> () oneway;\n"
                           "}",
                           &e),
                     CANDID_OK);
    assert_non_null(idl.service);
    assert_non_null(idl.init_args);
    assert_int_equal(idl.init_args->count, 1);
    const candid_type *s = idl.service;
    assert_int_equal(s->count, 4);
    /* sorted by name bytes */
    assert_memory_equal(s->methods[0].name, "alpha", 5);
    assert_memory_equal(s->methods[1].name, "fire", 4);
    assert_memory_equal(s->methods[2].name, "zeta", 4);
    assert_memory_equal(s->methods[3].name, "\xf0\x9f\x90\x82", 4);
    assert_int_equal(s->methods[0].type->aux, CANDID_ANN_COMPOSITE_QUERY);
    const candid_type *args, *res;
    assert_int_equal(candid_idl_method(&idl, "alpha", 5, &args, &res), CANDID_OK);
    assert_int_equal(args->count, 2);
    assert_int_equal(args->fields[1].type->kind, CANDID_NAT8);
    assert_int_equal(res->fields[0].type->kind, CANDID_NAT64);
    assert_int_equal(candid_idl_method(&idl, "beta", 4, &args, &res), CANDID_ERR_UNBOUND);
    assert_int_equal(parse("type S = service { m : () -> () }; service : S", &e), CANDID_OK);
    assert_int_equal(idl.service->count, 1);
}

typedef struct bad { const char *src; candid_status st; uint32_t line, col; } bad;

static void errors_with_positions(void **state) {
    (void)state;
    static const bad cases[] = {
        {"type A = B; type B = A;", CANDID_ERR_BAD_TYPE, 1, 18},
        {"type A = record { x : Missing };", CANDID_ERR_UNBOUND, 1, 23},
        {"type A = record { x : nat; x : int };", CANDID_ERR_BAD_TYPE, 1, 37},
        {"type A = nat\ntype B = int;", CANDID_ERR_SYNTAX, 2, 1},
        {"type A = record { x : nat ", CANDID_ERR_SYNTAX, 1, 27},
        {"type nat = int;", CANDID_ERR_SYNTAX, 1, 6},
        {"type A = variant { 4294967296 };", CANDID_ERR_SYNTAX, 1, 20},
        {"type A = func (nat) -> (nat) oneway;", CANDID_ERR_BAD_TYPE, 1, 36},
        {"service : { m : nat }", CANDID_ERR_SYNTAX, 1, 17},
        {"type N = nat; service : { m : N }", CANDID_ERR_BAD_TYPE, 1, 34},
        {"service : { m : () -> (); m : () -> () }", CANDID_ERR_BAD_TYPE, 1, 41},
        {"type A = nat; type A = int;", CANDID_ERR_BAD_TYPE, 1, 20},
        {"import \"other.did\";", CANDID_ERR_SYNTAX, 1, 1},
        {"type A = record { x : nat; /* open", CANDID_ERR_SYNTAX, 1, 35},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        candid_syntax_error e;
        candid_status st = parse(cases[i].src, &e);
        if (st != cases[i].st || e.line != cases[i].line || e.column != cases[i].col)
            print_error("%s: got %s at %u:%u (%s)\n", cases[i].src, candid_status_name(st), e.line,
                        e.column, e.message);
        assert_int_equal(st, cases[i].st);
        assert_int_equal(e.line, cases[i].line);
        assert_int_equal(e.column, cases[i].col);
        assert_non_null(e.message);
    }
}

/* Hostile nesting is an error, not a native stack overflow. */
static void deep_nesting_is_an_error(void **state) {
    (void)state;
    enum { LEVELS = 100000 };
    static char src[LEVELS * 4 + 32];
    size_t n = 0;
    n += (size_t)sprintf(src, "type A = ");
    for (int i = 0; i < LEVELS; i++) n += (size_t)sprintf(src + n, "opt ");
    n += (size_t)sprintf(src + n, "nat;");
    candid_syntax_error e;
    assert_int_equal(parse(src, &e), CANDID_ERR_DEPTH);
    assert_int_equal(e.line, 1);
    assert_int_equal(e.column, 10 + 4 * 512);
}

static void argument_tuples(void **state) {
    (void)state;
    candid_syntax_error e;
    assert_int_equal(parse("type T = record { a : nat };", &e), CANDID_OK);
    const candid_type *args;
    assert_int_equal(candid_idl_parse_args(&idl, "(T, x : text, opt T)", 20, &args, &e), CANDID_OK);
    assert_int_equal(args->kind, CANDID_RECORD);
    assert_int_equal(args->repr, 0); /* the argument block itself is not boxed */
    assert_int_equal(args->count, 3);
    assert_int_equal(args->fields[2].id, 2);
    assert_int_equal(args->size, 3 * sizeof(void *) + 8);
    assert_int_equal(candid_idl_parse_args(&idl, "(T,", 3, &args, &e), CANDID_ERR_SYNTAX);
    assert_int_equal(e.column, 4);
}

static void test_files(void **state) {
    (void)state;
    static const char src[] = "type L = opt L;\n"
                              "assert blob \"DIDL\\00\\01\\7e\\01\" == \"(true)\" : (bool) \"bool\";\n"
                              "assert \"(1)\" !: (L);\n"
                              "assert blob \"DIDL\\00\\00\" != blob \"DIDL\\00\\01\\7f\" : (opt nat);\n"
                              "assert \"(5)\" : (nat)";
    candid_arena_init(&arena, mem, sizeof mem);
    candid_idl_init(&idl, &arena);
    candid_test_assertion *a;
    size_t n;
    candid_syntax_error e;
    assert_int_equal(candid_testfile_parse(&idl, src, sizeof src - 1, &a, &n, &e), CANDID_OK);
    assert_int_equal(n, 4);
    assert_int_equal(a->kind, CANDID_TEST_EQUAL);
    assert_int_equal(a->left.is_blob, 1);
    assert_int_equal(a->left.len, 8);
    assert_memory_equal(a->left.bytes, "DIDL\0\x01\x7e\x01", 8);
    assert_int_equal(a->right.is_blob, 0);
    assert_memory_equal(a->right.bytes, "(true)", 6);
    assert_memory_equal(a->desc, "bool", 4);
    assert_int_equal(a->line, 2);
    a = a->next;
    assert_int_equal(a->kind, CANDID_TEST_REJECT);
    assert_int_equal(a->args->fields[0].type->kind, CANDID_OPT);
    a = a->next;
    assert_int_equal(a->kind, CANDID_TEST_NOT_EQUAL);
    assert_null(a->desc);
    a = a->next;
    assert_int_equal(a->kind, CANDID_TEST_ACCEPT);
    assert_null(a->next);
}

/* Every file of the official suite parses, with its number of assertions. */
static void suite_files_parse(void **state) {
    (void)state;
    const char *dir = getenv("CANDID_TEST_SUITE");
    static const struct { const char *name; size_t count; } files[] = {
        {"construct.test.did", 164}, {"overshoot.test.did", 10}, {"prim.test.did", 168},
        {"reference.test.did", 50},  {"spacebomb.test.did", 17}, {"subtypes.test.did", 58},
    };
    char path[4096];
    if (!dir) skip();
    snprintf(path, sizeof path, "%s/%s", dir, files[0].name);
    FILE *probe = fopen(path, "rb");
    if (!probe) skip();
    fclose(probe);
    size_t total = 0;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        static char src[1 << 16];
        size_t len = fread(src, 1, sizeof src, f);
        fclose(f);
        candid_arena_init(&arena, mem, sizeof mem);
        candid_idl_init(&idl, &arena);
        candid_test_assertion *a;
        size_t n;
        candid_syntax_error e;
        assert_int_equal(candid_testfile_parse(&idl, src, len, &a, &n, &e), CANDID_OK);
        assert_int_equal(n, files[i].count);
        total += n;
    }
    assert_int_equal(total, 467);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(definitions_and_shorthands),
        cmocka_unit_test(recursive_types),
        cmocka_unit_test(services),
        cmocka_unit_test(errors_with_positions),
        cmocka_unit_test(deep_nesting_is_an_error),
        cmocka_unit_test(argument_tuples),
        cmocka_unit_test(test_files),
        cmocka_unit_test(suite_files_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
