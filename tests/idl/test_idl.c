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

typedef struct bad {
    const char *src;
    candid_status st;
    uint32_t line, col;
    const char *msg;
} bad;

static void check_rejections(const bad *cases, size_t n) {
    for (size_t i = 0; i < n; i++) {
        candid_syntax_error e;
        candid_status st = parse(cases[i].src, &e);
        if (st != cases[i].st || e.line != cases[i].line || e.column != cases[i].col ||
            !e.message || strcmp(e.message, cases[i].msg) != 0)
            print_error("%s: got %s at %u:%u (%s)\n", cases[i].src, candid_status_name(st), e.line,
                        e.column, e.message);
        assert_int_equal(st, cases[i].st);
        assert_int_equal(e.line, cases[i].line);
        assert_int_equal(e.column, cases[i].col);
        assert_string_equal(e.message, cases[i].msg);
        assert_null(e.file);
    }
}

static void errors_with_positions(void **state) {
    (void)state;
    static const bad cases[] = {
        {"type A = B; type B = A;", CANDID_ERR_BAD_TYPE, 1, 18, "cyclic type definition"},
        {"type A = A;", CANDID_ERR_BAD_TYPE, 1, 6, "cyclic type definition"},
        /* at a name on the cycle, not at one leading into it */
        {"type X = A; type A = B; type B = A;", CANDID_ERR_BAD_TYPE, 1, 30, "cyclic type definition"},
        {"type A = record { x : Missing };", CANDID_ERR_UNBOUND, 1, 23, "undefined type name"},
        {"type A = record { x : nat; x : int };", CANDID_ERR_BAD_TYPE, 1, 10,
         "a field id is used twice (or two names hash alike)"},
        {"type A = variant { a; 97 : nat; b };", CANDID_ERR_BAD_TYPE, 1, 10,
         "a field id is used twice (or two names hash alike)"},
        {"type A = record { 1 : nat; nat; 2 : int };", CANDID_ERR_BAD_TYPE, 1, 10,
         "a field id is used twice (or two names hash alike)"},
        {"type A = nat\ntype B = int;", CANDID_ERR_SYNTAX, 2, 1, "expected ';'"},
        {"type A = nat;;", CANDID_ERR_SYNTAX, 1, 14, "expected 'type', 'import' or 'service'"},
        {"type A = record { x : nat ", CANDID_ERR_SYNTAX, 1, 27, "expected ';' or '}'"},
        {"type A = record { x : nat;; }", CANDID_ERR_SYNTAX, 1, 27, "expected a type"},
        {"type A = variant { record }", CANDID_ERR_SYNTAX, 1, 20, "expected a variant case name or number"},
        {"type A = variant { a, b }", CANDID_ERR_SYNTAX, 1, 21, "expected ';' or '}'"},
        {"type A = variant { 4294967296 };", CANDID_ERR_SYNTAX, 1, 20,
         "field id must be a natural number below 2^32"},
        {"type A = record { -1 : nat };", CANDID_ERR_SYNTAX, 1, 19,
         "field id must be a natural number below 2^32"},
        {"type A = record { \"a\\00\" : nat };", CANDID_ERR_SYNTAX, 1, 19,
         "a name must be valid UTF-8 without NUL"},
        {"type A = func (nat) -> (nat) oneway;", CANDID_ERR_BAD_TYPE, 1, 30,
         "a oneway function has no results"},
        {"type A = func () -> () query query;", CANDID_ERR_BAD_TYPE, 1, 30,
         "a function has at most one annotation"},
        {"type A = func (a : nat, b : int, a : text) -> ();", CANDID_ERR_BAD_TYPE, 1, 15,
         "an argument name is used twice"},
        {"type A = func (nat) (nat);", CANDID_ERR_SYNTAX, 1, 21, "expected '->'"},
        {"type A = func (nat -> ();", CANDID_ERR_SYNTAX, 1, 20, "expected ',' or ')'"},
        {"type A = func nat;", CANDID_ERR_SYNTAX, 1, 15, "expected '('"},
        {"type A = record nat;", CANDID_ERR_SYNTAX, 1, 17, "expected '{'"},
        {"type A = opt;", CANDID_ERR_SYNTAX, 1, 13, "expected a type"},
        {"type A = query;", CANDID_ERR_SYNTAX, 1, 10, "expected a type"},
        {"type record = nat;", CANDID_ERR_SYNTAX, 1, 6, "expected a type name"},
        {"type A nat;", CANDID_ERR_SYNTAX, 1, 8, "expected '='"},
        {"service : { m : opt nat }", CANDID_ERR_SYNTAX, 1, 17, "expected a function type or a type name"},
        /* as in the reference, a method's type name is never a primitive */
        {"service : { m : nat }", CANDID_ERR_UNBOUND, 1, 17, "undefined type name"},
        {"service : { query : () -> () }", CANDID_ERR_SYNTAX, 1, 13, "expected a method name"},
        {"service : { m () -> () }", CANDID_ERR_SYNTAX, 1, 15, "expected ':'"},
        {"type N = nat; service : { m : N }", CANDID_ERR_BAD_TYPE, 1, 31,
         "a method's type must be a function"},
        {"service : { m : () -> (); m : () -> () }", CANDID_ERR_BAD_TYPE, 1, 11,
         "a method name is used twice"},
        {"type A = nat; type A = int;", CANDID_ERR_BAD_TYPE, 1, 20, "type defined twice"},
        {"type N = nat; service : N", CANDID_ERR_BAD_TYPE, 1, 25,
         "the main service must have a service type"},
        {"service : service {}", CANDID_ERR_SYNTAX, 1, 11, "expected '{' or the name of a service type"},
        {"service S {}", CANDID_ERR_SYNTAX, 1, 11, "expected ':'"},
        {"service : (nat) {}", CANDID_ERR_SYNTAX, 1, 17, "expected '->'"},
        {"service : {}; type A = nat;", CANDID_ERR_SYNTAX, 1, 15,
         "expected the end of the file after the service"},
        {"import \"other.did\";", CANDID_ERR_UNBOUND, 1, 1,
         "imports need a file reader (candid_idl_parse_file)"},
        {"import other.did;", CANDID_ERR_SYNTAX, 1, 8, "expected the imported file's name in quotes"},
        {"type A = record { x : nat; /* open", CANDID_ERR_SYNTAX, 1, 35, "unterminated comment"},
        {"type A = record { \"x\n : nat };", CANDID_ERR_SYNTAX, 2, 10, "unterminated text"},
        {"type A = record { 0X10 : nat };", CANDID_ERR_SYNTAX, 1, 19,
         "field id must be a natural number below 2^32"},
        {"type A = record { \"\\q\" : nat };", CANDID_ERR_SYNTAX, 1, 20, "unknown escape in text"},
        {"type A = record { \"\xff\" : nat };", CANDID_ERR_UTF8, 1, 20, "text is not valid UTF-8"},
        {"type A = nat; @", CANDID_ERR_SYNTAX, 1, 15, "unexpected character"},
    };
    check_rejections(cases, sizeof cases / sizeof cases[0]);
}

/* What the reference parser (Rust candid_parser) accepts beyond the
 * spec's BNF, as published .did files use it. */
static void reference_leniencies(void **state) {
    (void)state;
    candid_syntax_error e;
    /* primitive type names are identifiers: fields, cases, methods,
     * arguments, even definitions (which a use never reaches) */
    assert_int_equal(parse("type nat = int;\n"
                           "type R = record { text : nat; nat; \"record\" : blob; };\n"
                           "type V = variant { text; int : nat; reserved; };\n"
                           "type F = func (text : nat, bool, \"a b\" : int,) -> (nat,) composite_query;\n"
                           "type Later = record { x : Defined };\n"
                           "/* a /* nested */ comment */ type Defined = opt Later;\n"
                           "type S = service { int : F; \"\\u{1F402}\\n\" : (nat) -> (); };\n"
                           "type Esc = record { \"\\u{00_0000_41}\" : null };\n"
                           "service : (nat) -> S",
                           &e),
                     CANDID_OK);
    const candid_type *r = def("R");
    assert_int_equal(r->count, 3);
    /* sorted ids: nat follows text (hash 1291439277), then "record" */
    assert_int_equal(r->fields[0].id, 1291439277);
    assert_int_equal(r->fields[0].type->kind, CANDID_NAT);
    assert_int_equal(r->fields[1].id, 1291439278);
    assert_int_equal(r->fields[1].type->kind, CANDID_NAT);
    assert_int_equal(r->fields[2].id, candid_hash("record", 6));
    assert_int_equal(r->fields[2].type->repr, CANDID_REPR_SLICE);
    const candid_type *v = def("V");
    assert_int_equal(v->count, 3);
    for (uint32_t i = 0; i < 3; i++) assert_non_null(v->fields[i].name);
    const candid_type *f = def("F");
    assert_int_equal(f->count, 3);
    assert_int_equal(f->count2, 1);
    assert_int_equal(f->aux, CANDID_ANN_COMPOSITE_QUERY);
    assert_ptr_equal(def("Later")->fields[0].type, def("Defined"));
    assert_int_equal(def("Esc")->fields[0].id, candid_hash("A", 1));
    assert_non_null(idl.init_args);
    assert_int_equal(idl.service->count, 2);
    assert_memory_equal(idl.service->methods[0].name, "int", 3);
    assert_int_equal(idl.service->methods[1].name_len, 5);
    assert_memory_equal(idl.service->methods[1].name, "\xf0\x9f\x90\x82\n", 5);
    /* the service may follow the last definition without ';' */
    assert_int_equal(parse("type A = nat service : { m : (A) -> () }", &e), CANDID_OK);
    assert_int_equal(parse("", &e), CANDID_OK);
    assert_null(idl.service);
    assert_int_equal(parse("service : {};", &e), CANDID_OK);
    assert_int_equal(idl.service->count, 0);
    assert_int_equal(parse("type A = variant { 0x10; 0x11 : nat; 1_000 }", &e), CANDID_OK);
    assert_int_equal(def("A")->fields[2].id, 1000);
    /* raw control characters and line breaks in quoted names */
    assert_int_equal(parse("type A = record { \"a\tb\" : nat; \"c\nd\" : int };\ntype B = C;", &e),
                     CANDID_ERR_UNBOUND);
    assert_int_equal(e.line, 3);
    assert_int_equal(e.column, 10);
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
    /* a failed type leaves no unbound name behind to fail the next one */
    assert_int_equal(candid_idl_parse_args(&idl, "(Missing, Absent)", 17, &args, &e), CANDID_ERR_UNBOUND);
    assert_int_equal(candid_idl_parse_args(&idl, "(T)", 3, &args, &e), CANDID_OK);
    assert_null(candid_idl_lookup(&idl, "Missing", 7));
    assert_ptr_equal(args->fields[0].type, candid_idl_lookup(&idl, "T", 1));
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
        cmocka_unit_test(reference_leniencies),
        cmocka_unit_test(argument_tuples),
        cmocka_unit_test(test_files),
        cmocka_unit_test(suite_files_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
