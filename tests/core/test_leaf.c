/* The interpreter's leaves: a scalar decodes, fails and is charged the same
 * whether it is an argument, a record field, a vector element, the value of
 * an option or of a variant case, or skipped; and the error path of a
 * failure inside a leaf loop names where it happened. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "support.h"

static uint8_t work[1 << 16], arena_mem[1 << 16];
static uint8_t out[256];
static char line[256];

typedef struct result {
    candid_status st;
    size_t off;
    uint64_t steps;
} result;

static result run(const uint8_t *msg, size_t len, const candid_type *args, uint64_t budget) {
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    if (budget) {
        d.limits.budget_base = budget;
        d.limits.budget_per_byte = 0;
    }
    candid_arena a;
    candid_arena_init(&a, arena_mem, sizeof arena_mem);
    memset(out, 0, sizeof out);
    result r = {candid_decode(&d, msg, len, args, out, &a), d.error_offset, d.steps};
    line[0] = 0;
    if (r.st) assert_int_equal(candid_decoder_error_path(&d, line, sizeof line), CANDID_OK);
    return r;
}

#define RUN(lit, args, budget) run((const uint8_t *)(lit), sizeof(lit) - 1, &(args), budget)

static const candid_type nat8_t = {.kind = CANDID_NAT8, .size = 1, .align = 1};
static const candid_type text_t = {.kind = CANDID_TEXT, .size = sizeof(candid_slice),
                                   .align = _Alignof(candid_slice)};
static const candid_type reserved_t = {.kind = CANDID_RESERVED};

#define ARGS1(name, T, size_)                                                                  \
    static const candid_field name##_f[] = {{.id = 0, .offset = 0, .type = &(T)}};           \
    static const candid_type name = {.kind = CANDID_RECORD, .size = (size_), .align = 8,     \
                                     .count = 1, .fields = name##_f}

/* variant { a : nat8; b : text }: unboxed, every case a scalar (a leaf) */
static const candid_field ab_f[] = {
    {.id = 97, .offset = 8, .type = &nat8_t, .name = "a"},
    {.id = 98, .offset = 8, .type = &text_t, .name = "b"},
};
static const candid_type ab_t = {.kind = CANDID_VARIANT, .size = 8 + sizeof(candid_slice),
                                 .align = 8, .count = 2, .fields = ab_f};
ARGS1(ab_args, ab_t, 24);
ARGS1(text_args, text_t, 16);
ARGS1(reserved_args, reserved_t, 0);

/* opt text, inline: flag byte, the text at offset 8 */
static const candid_type opt_text_t = {.kind = CANDID_OPT, .size = 8 + sizeof(candid_slice),
                                       .align = 8, .offset = 8, .inner = &text_t};
ARGS1(opt_text_args, opt_text_t, 24);

/* vec text, and vec record { x : text } */
static const candid_type vec_text_t = {.kind = CANDID_VEC, .size = sizeof(candid_vec),
                                       .align = _Alignof(candid_vec), .inner = &text_t};
ARGS1(vec_text_args, vec_text_t, 16);
static const candid_field x_f[] = {{.id = 120, .offset = 0, .type = &text_t, .name = "x"}};
static const candid_type x_t = {.kind = CANDID_RECORD, .size = sizeof(candid_slice),
                                .align = 8, .count = 1, .fields = x_f};
static const candid_type vec_x_t = {.kind = CANDID_VEC, .size = sizeof(candid_vec),
                                    .align = _Alignof(candid_vec), .inner = &x_t};
ARGS1(vec_x_args, vec_x_t, 16);

/* Bad UTF-8 (ff fe) is the same error at the same byte in every context,
 * and skipping the value checks it just the same. */
static void test_bad_text_everywhere(void **state) {
    (void)state;
    result r = RUN("DIDL\x00\x01\x71\x02\xff\xfe", text_args, 0);
    assert_int_equal(r.st, CANDID_ERR_UTF8);
    assert_int_equal(r.off, 8);
    assert_string_equal(line, "argument 0: text is not valid UTF-8 at byte 8");
    r = RUN("DIDL\x00\x01\x71\x02\xff\xfe", reserved_args, 0);
    assert_int_equal(r.st, CANDID_ERR_UTF8);
    assert_int_equal(r.off, 8);
    r = RUN("DIDL\x01\x6e\x71\x01\x00\x01\x02\xff\xfe", opt_text_args, 0);
    assert_int_equal(r.st, CANDID_ERR_UTF8);
    assert_int_equal(r.off, 11);
    r = RUN("DIDL\x01\x6d\x71\x01\x00\x02\x01z\x02\xff\xfe", vec_text_args, 0);
    assert_int_equal(r.st, CANDID_ERR_UTF8);
    assert_int_equal(r.off, 13);
    assert_string_equal(line, "argument 0 [1]: text is not valid UTF-8 at byte 13");
    r = RUN("DIDL\x02\x6d\x01\x6c\x01\x78\x71\x01\x00\x02\x01z\x02\xff\xfe", vec_x_args, 0);
    assert_int_equal(r.st, CANDID_ERR_UTF8);
    assert_int_equal(r.off, 17);
    assert_string_equal(line, "argument 0 [1] .x: text is not valid UTF-8 at byte 17");
}

/* A variant of scalars is a leaf; its error path still names the case. */
static void test_leaf_variant(void **state) {
    (void)state;
    result r = RUN("DIDL\x01\x6b\x02\x61\x7b\x62\x71\x01\x00\x01\x02hi", ab_args, 0);
    assert_int_equal(r.st, CANDID_OK);
    uint32_t tag;
    candid_slice s;
    memcpy(&tag, out, 4);
    memcpy(&s, out + 8, sizeof s);
    assert_int_equal(tag, 1);
    assert_int_equal(s.len, 2);
    assert_memory_equal(s.ptr, "hi", 2);
    r = RUN("DIDL\x01\x6b\x02\x61\x7b\x62\x71\x01\x00\x00\x07", ab_args, 0);
    assert_int_equal(r.st, CANDID_OK);
    memcpy(&tag, out, 4);
    assert_int_equal(tag, 0);
    assert_int_equal(out[8], 7);
    r = RUN("DIDL\x01\x6b\x02\x61\x7b\x62\x71\x01\x00\x01\x02\xff\xfe", ab_args, 0);
    assert_int_equal(r.st, CANDID_ERR_UTF8);
    assert_int_equal(r.off, 15);
    assert_string_equal(line, "argument 0 .b: text is not valid UTF-8 at byte 15");
    r = RUN("DIDL\x01\x6b\x02\x61\x7b\x62\x71\x01\x00\x02", ab_args, 0);
    assert_int_equal(r.st, CANDID_ERR_VARIANT_TAG);
    assert_int_equal(r.off, 14);
}

/* Steps: the argument list and its field, the vector's five elements,
 * each element record's field: 2 + 5 + 5. A budget one short fails at the
 * last element, before its work, and the error path (a re-run that charges
 * the same steps at the same places) names it. */
static void test_budget_in_leaf_loop(void **state) {
    (void)state;
    static const char msg[] = "DIDL\x02\x6d\x01\x6c\x01\x78\x71\x01\x00\x05"
                              "\x01g\x01h\x01i\x01j\x01k";
    result r = run((const uint8_t *)msg, sizeof msg - 1, &vec_x_args, 12);
    assert_int_equal(r.st, CANDID_OK);
    assert_int_equal(r.steps, 12);
    r = run((const uint8_t *)msg, sizeof msg - 1, &vec_x_args, 11);
    assert_int_equal(r.st, CANDID_ERR_BUDGET);
    assert_int_equal(r.off, 22);
    assert_string_equal(line, "argument 0 [4]: decoding budget exhausted at byte 22");
    /* vector elements are charged before any of them is read */
    r = run((const uint8_t *)msg, sizeof msg - 1, &vec_x_args, 6);
    assert_int_equal(r.st, CANDID_ERR_BUDGET);
    assert_int_equal(r.off, 14);
    assert_string_equal(line, "argument 0: decoding budget exhausted at byte 14");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_text_everywhere),
        cmocka_unit_test(test_leaf_variant),
        cmocka_unit_test(test_budget_in_leaf_loop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
