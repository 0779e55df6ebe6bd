/* candid_idl_field_order: the .did's field order beside the id order the
 * descriptors keep. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "candid/idl.h"

static uint8_t mem[1 << 16];
static candid_arena arena;
static candid_idl idl;

static void parse(const char *src) {
    candid_arena_init(&arena, mem, sizeof mem);
    candid_idl_init(&idl, &arena);
    candid_syntax_error e;
    assert_int_equal(candid_idl_parse(&idl, src, strlen(src), &e), CANDID_OK);
}

static const candid_type *def(const char *name) {
    const candid_type *t = candid_idl_lookup(&idl, name, strlen(name));
    assert_non_null(t);
    return t;
}

/* The names of t's fields in the order the .did wrote them. */
static void assert_written(const candid_type *t, const char *const *names, uint32_t n) {
    const uint32_t *order = candid_idl_field_order(&idl, t);
    assert_non_null(order);
    assert_int_equal(t->count, n);
    for (uint32_t k = 0; k < n; k++) assert_string_equal(t->fields[order[k]].name, names[k]);
    for (uint32_t k = 1; k < n; k++) assert_true(t->fields[k - 1].id < t->fields[k].id);
}

static void records_and_variants_keep_the_written_order(void **state) {
    (void)state;
    parse("type R = record { to : nat; amount : nat; fee : opt nat; memo : blob };\n"
          "type V = variant { Pending; Ok : nat; Err : text };\n"
          "type A = R;\n"
          "service : { m : (record { zz : nat; aa : nat }) -> () }");
    static const char *const r[] = {"to", "amount", "fee", "memo"};
    static const char *const v[] = {"Pending", "Ok", "Err"};
    assert_written(def("R"), r, 4);
    assert_written(def("V"), v, 3);
    assert_written(def("A"), r, 4); /* an alias copies the order too */
    const candid_type *args, *res;
    assert_int_equal(candid_idl_method(&idl, "m", 1, &args, &res), CANDID_OK);
    static const char *const anon[] = {"zz", "aa"};
    assert_written(args->fields[0].type, anon, 2);
}

static void id_order_and_other_types_give_null(void **state) {
    (void)state;
    parse("type T = record { nat; text; bool };\n"
          "type S = record { a : nat; b : nat };\n" /* a's id is below b's */
          "type N = vec nat;");
    assert_null(candid_idl_field_order(&idl, def("T")));
    assert_true(def("S")->fields[0].id < def("S")->fields[1].id);
    assert_null(candid_idl_field_order(&idl, def("S")));
    assert_null(candid_idl_field_order(&idl, def("N")));
    static const candid_field f[] = {{1, 0, NULL, "x"}, {0, 8, NULL, "y"}};
    static const candid_type hand = {.kind = CANDID_RECORD, .count = 2, .fields = f};
    assert_null(candid_idl_field_order(&idl, &hand));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(records_and_variants_keep_the_written_order),
        cmocka_unit_test(id_order_and_other_types_give_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
