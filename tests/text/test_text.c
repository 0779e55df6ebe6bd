/* Textual values: every value form and escape, errors with their
 * positions, the printer's exact output, round trips, principals and
 * equality. Types come from the .did parser. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "candid/candid.h"
#include "candid/idl.h"
#include "candid/principal.h"
#include "candid/text.h"

static uint8_t types_mem[1 << 20], values_mem[1 << 20], work[1 << 16];
static candid_arena types, values;
static candid_idl idl;

static const candid_type *args_of(const char *tuple) {
    candid_syntax_error e;
    const candid_type *t = NULL;
    assert_int_equal(candid_idl_parse_args(&idl, tuple, strlen(tuple), &t, &e), CANDID_OK);
    return t;
}

static int setup(void **state) {
    (void)state;
    candid_arena_init(&types, types_mem, sizeof types_mem);
    candid_arena_init(&values, values_mem, sizeof values_mem);
    candid_idl_init(&idl, &types);
    static const char defs[] = "type List = opt record { head : int; tail : List };"
                               "type Color = variant { red; green; blue };";
    candid_syntax_error e;
    assert_int_equal(candid_idl_parse(&idl, defs, sizeof defs - 1, &e), CANDID_OK);
    return 0;
}

/* parse at types, print, compare with the expected text */
static void printed_as(const char *tuple, const char *text, const char *expected) {
    const candid_type *args = args_of(tuple);
    void *block = candid_arena_alloc(&values, args->size + 1, 16);
    candid_syntax_error e = {0};
    candid_status st = candid_text_parse_args(text, strlen(text), args, block, &values, &idl, &e);
    if (st) print_error("%s at %s: %u:%u %s\n", text, tuple, e.line, e.column, e.message);
    assert_int_equal(st, CANDID_OK);
    candid_strbuf out = {0};
    assert_int_equal(candid_text_print_args(args, block, &out), CANDID_OK);
    assert_string_equal(out.data, expected);
    /* and the printed form parses back to an equal value */
    void *again = candid_arena_alloc(&values, args->size + 1, 16);
    assert_int_equal(candid_text_parse_args(out.data, out.len, args, again, &values, &idl, &e), CANDID_OK);
    for (uint32_t i = 0; i < args->count; i++)
        assert_true(candid_value_equal(args->fields[i].type, (uint8_t *)block + args->fields[i].offset,
                                       (uint8_t *)again + args->fields[i].offset));
    candid_strbuf_free(&out);
}

static void rejected(const char *tuple, const char *text, candid_status want, uint32_t line, uint32_t col) {
    const candid_type *args = args_of(tuple);
    void *block = candid_arena_alloc(&values, args->size + 1, 16);
    candid_syntax_error e = {0};
    candid_status st = candid_text_parse_args(text, strlen(text), args, block, &values, &idl, &e);
    if (st != want || e.line != line || e.column != col)
        print_error("%s: got %s at %u:%u (%s)\n", text, candid_status_name(st), e.line, e.column, e.message);
    assert_int_equal(st, want);
    assert_int_equal(e.line, line);
    assert_int_equal(e.column, col);
}

static void numbers(void **state) {
    (void)state;
    printed_as("(nat, int, nat8, int16, nat32, int64, nat64)",
               "(1_000_000, -42, 255, -32768, 0xffff_ffff, -9_223_372_036_854_775_808, 0)",
               "(1_000_000 : nat, -42 : int, 255 : nat8, -32768 : int16, 4_294_967_295 : nat32, "
               "-9_223_372_036_854_775_808 : int64, 0 : nat64)");
    printed_as("(float64, float32, float64, float64)", "(0.5, -3.25, 1e10, 0x1p-2)",
               "(0.5 : float64, -3.25 : float32, 1e+10 : float64, 0.25 : float64)");
    printed_as("(nat)", "(123456789012345678901234567890)", "(123_456_789_012_345_678_901_234_567_890 : nat)");
    printed_as("(int)", "((5 : nat))", "(5 : int)");
    rejected("(nat8)", "(256)", CANDID_ERR_RANGE, 1, 2);
    rejected("(nat)", "(-1)", CANDID_ERR_RANGE, 1, 2);
    rejected("(float64)", "(1)", CANDID_ERR_TYPE_MISMATCH, 1, 2);
    rejected("(int)", "(1.5)", CANDID_ERR_TYPE_MISMATCH, 1, 2);
    rejected("(vec nat)", "(vec { 1; -1 })", CANDID_ERR_RANGE, 1, 11);
}

static void texts_and_escapes(void **state) {
    (void)state;
    printed_as("(text)", "(\"\\u{2603}\")", "(\"\xe2\x98\x83\")");
    printed_as("(text)", "(\"\\u{26_03}x\")", "(\"\xe2\x98\x83x\")");
    printed_as("(text)", "(\"\\n\\r\\t\\\\\\\"\\'\\41\")", "(\"\\n\\r\\t\\\\\\\"'A\")");
    printed_as("(text)", "(\"\\01\")", "(\"\\01\")");
    printed_as("(blob)", "(blob \"\\de\\ad\\be\\ef AB\")", "(blob \"\\de\\ad\\be\\ef AB\")");
    printed_as("(blob)", "(vec { 1; 2 })", "(blob \"\\01\\02\")");
    rejected("(text)", "(\"\\u{2603\")", CANDID_ERR_SYNTAX, 1, 3);
    rejected("(text)", "(\"\\u{d800}\")", CANDID_ERR_SYNTAX, 1, 3);
    rejected("(text)", "(\"\\ff\")", CANDID_ERR_UTF8, 1, 2);
    rejected("(text)", "(\"abc)", CANDID_ERR_SYNTAX, 1, 7);
    rejected("(text)", "(\"\\q\")", CANDID_ERR_SYNTAX, 1, 3);
    /* raw control characters and raw invalid UTF-8 must be escapes */
    rejected("(text)", "(\"a\tb\")", CANDID_ERR_SYNTAX, 1, 4);
    /* fuzz finding: a backslash ending the input looped forever */
    rejected("(text)", "(\"\\", CANDID_ERR_SYNTAX, 1, 3);
    rejected("(blob)", "(blob \"\xff\")", CANDID_ERR_UTF8, 1, 8);
    /* fuzz finding: a name with NUL printed differently than it parsed */
    rejected("(variant { a })", "(variant { \"a\\00\" })", CANDID_ERR_SYNTAX, 1, 12);
}

static void composites(void **state) {
    (void)state;
    printed_as("(opt nat8, opt text, opt opt bool)", "(opt 5, null, opt null)",
               "(opt (5 : nat8), null, opt null)");
    printed_as("(vec text, vec int)", "(vec { \"a\"; \"b\" }, vec {})", "(vec { \"a\"; \"b\" }, vec {})");
    printed_as("(record { name : text; age : nat8; \"first name\" : text })",
               "(record { age = 7; name = \"x\"; \"first name\" = \"y\"; ignored = 1 })",
               "(record { age = 7 : nat8; name = \"x\"; \"first name\" = \"y\" })");
    printed_as("(record { int; bool })", "(record { 42; true })", "(record { 42 : int; true })");
    printed_as("(record { 5 : text })", "(record { 5 = \"five\" })", "(record { 5 = \"five\" })");
    printed_as("(record { a : opt nat; b : null; c : reserved })", "(record {})",
               "(record { a = null; b = null; c = null })");
    printed_as("(Color, variant { Ok : nat; Err : text })", "(variant { green }, variant { Err = \"no\" })",
               "(variant { green }, variant { Err = \"no\" })");
    printed_as("(List)", "(opt record { head = 1; tail = opt record { head = 2; tail = null } })",
               "(opt record { head = 1 : int; tail = opt record { head = 2 : int; tail = null } })");
    printed_as("(principal, service {}, func () -> ())",
               "(principal \"w7x7r-cok77-xa\", service \"aaaaa-aa\", func \"2vxsx-fae\".\"go on\")",
               "(principal \"w7x7r-cok77-xa\", service \"aaaaa-aa\", func \"2vxsx-fae\".\"go on\")");
    printed_as("(nat, opt text)", "(1)", "(1 : nat, null)");
    printed_as("()", "()", "()");
    printed_as("(opt nat)", "()", "(null)");
    rejected("(record { a : nat })", "(record {})", CANDID_ERR_TYPE_MISMATCH, 1, 2);
    rejected("(variant {})", "(variant {})", CANDID_ERR_SYNTAX, 1, 2);
    rejected("(Color)", "(variant { pink })", CANDID_ERR_TYPE_MISMATCH, 1, 2);
    rejected("(nat, nat)", "(1)", CANDID_ERR_TYPE_MISMATCH, 1, 4);
    rejected("(principal)", "(principal \"w7x7r-cok77-xb\")", CANDID_ERR_SYNTAX, 1, 2);
    rejected("(service {})", "(principal \"aaaaa-aa\")", CANDID_ERR_TYPE_MISMATCH, 1, 2);
    rejected("(record { a : nat })", "(record { a = 1; a = 2 })", CANDID_ERR_SYNTAX, 1, 22);
    rejected("(nat)", "(1\n  2)", CANDID_ERR_SYNTAX, 2, 3);
    rejected("(nat)", "(1) /* unterminated", CANDID_ERR_SYNTAX, 1, 20);
}

static void comments_and_annotations(void **state) {
    (void)state;
    printed_as("(nat8)", "( // a comment\n /* nested /* block */ comment */ (42 : nat8) )", "(42 : nat8)");
    rejected("(nat8)", "((42 : undefined_type))", CANDID_ERR_UNBOUND, 1, 8);
}

static void principal_vectors(void **state) {
    (void)state;
    static const struct { const char *text; const char *bytes; size_t n; } v[] = {
        {"aaaaa-aa", "", 0},
        {"2vxsx-fae", "\x04", 1},
        {"w7x7r-cok77-xa", "\xca\xff\xee", 3},
        {"2chl6-4hpzw-vqaaa-aaaaa-c", "\xef\xcd\xab\x00\x00\x00\x00\x00\x01", 9},
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        char text[CANDID_PRINCIPAL_MAX_TEXT];
        uint8_t bytes[29];
        size_t n;
        assert_int_equal(candid_principal_to_text((const uint8_t *)v[i].bytes, v[i].n, text), CANDID_OK);
        assert_string_equal(text, v[i].text);
        assert_int_equal(candid_principal_from_text(v[i].text, strlen(v[i].text), bytes, &n), CANDID_OK);
        assert_int_equal(n, v[i].n);
        assert_memory_equal(bytes, v[i].bytes, n);
    }
    uint8_t bytes[29];
    size_t n;
    const char *bad[] = {"w7x7r-cok77-xb", "W7X7R-COK77-XA", "w7x7rcok77xa", "w7x7r--cok77-xa", "aaaa", "w7x7r-cok77-x1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(candid_principal_from_text(bad[i], strlen(bad[i]), bytes, &n), CANDID_ERR_SYNTAX);
    assert_int_equal(candid_principal_to_text(bytes, 30, (char[80]){0}), CANDID_ERR_RANGE);
}

static void decoded_and_parsed_values_compare(void **state) {
    (void)state;
    /* nat decoded at int (an unsigned slice) equals the parsed int */
    const candid_type *args = args_of("(int, reserved, float64)");
    uint8_t a[256], b[256];
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    static const uint8_t msg[] = "DIDL\0\x03\x7d\x7f\x72\x80\x01\x01\x00\x00\x00\x00\x00\xf0\x7f";
    assert_int_equal(candid_decode(&d, msg, sizeof msg - 1, args, a, &values), CANDID_OK);
    candid_syntax_error e;
    assert_int_equal(candid_text_parse_args("(128, \"anything\", nan)", 22, args, b, &values, &idl, &e), CANDID_OK);
    for (uint32_t i = 0; i < 3; i++)
        assert_true(candid_value_equal(args->fields[i].type, a + args->fields[i].offset, b + args->fields[i].offset));
    assert_int_equal(candid_text_parse_args("(-128, null, 0.0)", 17, args, b, &values, &idl, &e), CANDID_OK);
    assert_false(candid_value_equal(args->fields[0].type, a + args->fields[0].offset, b + args->fields[0].offset));
}

static void inferred_types(void **state) {
    (void)state;
    const char *text = "(42, -1.5, \"x\", opt true, vec { 1; 2 }, record { a = null }, variant { b }, blob \"\\00\")";
    const candid_type *args;
    candid_syntax_error e;
    assert_int_equal(candid_text_infer_args(text, strlen(text), &args, &types, &idl, &e), CANDID_OK);
    assert_int_equal(args->count, 8);
    assert_int_equal(args->fields[0].type->kind, CANDID_INT);
    assert_int_equal(args->fields[1].type->kind, CANDID_FLOAT64);
    assert_int_equal(args->fields[3].type->kind, CANDID_OPT);
    assert_int_equal(args->fields[4].type->inner->kind, CANDID_INT);
    assert_int_equal(args->fields[5].type->fields[0].id, 97);
    assert_int_equal(args->fields[6].type->kind, CANDID_VARIANT);
    assert_int_equal(args->fields[7].type->repr, CANDID_REPR_SLICE);
    uint8_t block[512];
    assert_int_equal(candid_text_parse_args(text, strlen(text), args, block, &values, &idl, &e), CANDID_OK);
    candid_strbuf out = {0};
    assert_int_equal(candid_text_print_args(args, block, &out), CANDID_OK);
    assert_string_equal(out.data, "(42 : int, -1.5 : float64, \"x\", opt true, vec { 1 : int; 2 : int }, "
                                  "record { a = null }, variant { b }, blob \"\\00\")");
    candid_strbuf_free(&out);
    /* no values: no types */
    assert_int_equal(candid_text_infer_args("( )", 3, &args, &types, &idl, &e), CANDID_OK);
    assert_int_equal(args->count, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(numbers, setup),
        cmocka_unit_test_setup(texts_and_escapes, setup),
        cmocka_unit_test_setup(composites, setup),
        cmocka_unit_test_setup(comments_and_annotations, setup),
        cmocka_unit_test(principal_vectors),
        cmocka_unit_test_setup(decoded_and_parsed_values_compare, setup),
        cmocka_unit_test_setup(inferred_types, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
