/* Bounded work: every worst case either decodes or fails with
 * CANDID_ERR_BUDGET (or a structural error) having taken at most
 * budget_base + budget_per_byte * length steps (defaults 100,000 and 64;
 * include/candid/decode.h), where long byte runs cost one step per 16 bytes.
 * Spacebombs of the official suite, generated wide and deep values, runs of
 * zero-sized elements, and options whose failed coercion makes the decoder
 * read the same bytes again, level after level. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "support.h"

#define K 100000u
#define C 64u

static uint8_t out[64];
static const candid_type no_args = {.kind = CANDID_RECORD};

/* Uncached, cold and warm from a cache a decoder of wider limits filled:
 * the budgets hold all three ways, with the same result. */
static candid_status run(const uint8_t *msg, size_t len, const candid_type *args, uint64_t *steps) {
    candid_limits lim;
    candid_limits_default(&lim);
    candid_decoder d;
    int st = decode_limited(msg, len, args, &lim, 1 << 20, 1 << 22, out, &d);
    assert_int_not_equal(st, DECODE_CACHE_DIFFERS);
    *steps = d.steps;
    /* The bound, and the skipping budget within it. */
    assert_true(d.steps <= K + (uint64_t)C * len + 1);
    assert_true(d.skip_steps <= K + (uint64_t)C * len + 1);
    return st;
}

typedef struct bomb { const char *msg; size_t len; } bomb;
#define B(lit) {lit, sizeof(lit) - 1}

static void suite_spacebombs(void **state) {
    (void)state;
    static const bomb bombs[] = {
        B("DIDL\x01\x6d\x7f\x01\x00\x80\x94\xeb\xdc\x03"),
        B("DIDL\x01\x6d\x70\x01\x00\x80\x94\xeb\xdc\x03"),
        B("DIDL\x04\x6c\x03\x00\x7f\x01\x01\x02\x02\x6c\x01\x00\x70\x6c\x00\x6d\x00\x01\x03\x80\x94\xeb\xdc\x03"),
        B("DIDL\x02\x6d\x01\x6d\x7f\x01\x00\x05\xff\xff\x3f\xff\xff\x3f\xff\xff\x3f\xff\xff\x3f\xff\xff\x3f"),
        B("DIDL\x02\x6d\x01\x6c\x00\x01\x00\x80\xad\xe2\x04"),
    };
    for (size_t i = 0; i < sizeof bombs / sizeof bombs[0]; i++) {
        uint64_t steps;
        assert_int_equal(run((const uint8_t *)bombs[i].msg, bombs[i].len, &no_args, &steps),
                         CANDID_ERR_BUDGET);
        /* fail fast: the length is charged before the elements are walked */
        assert_true(steps < K);
    }
}

/* record { 0 : record { 0 : ... record { 0 : null; 1 : null } ... } } with
 * two fields per level: 2^levels null values in a few bytes. */
static void exponential_zero_sized_value(void **state) {
    (void)state;
    static uint8_t msg[512];
    size_t n = 0;
    unsigned levels = 24;
    memcpy(msg, "DIDL", 4);
    n = 4;
    msg[n++] = (uint8_t)levels;
    for (unsigned i = 0; i < levels; i++) {
        msg[n++] = 0x6c;
        msg[n++] = 2;
        msg[n++] = 0;
        msg[n++] = i == 0 ? 0x7f : (uint8_t)(i - 1);
        msg[n++] = 1;
        msg[n++] = i == 0 ? 0x7f : (uint8_t)(i - 1);
    }
    msg[n++] = 1;
    msg[n++] = (uint8_t)(levels - 1);
    uint64_t steps;
    assert_int_equal(run(msg, n, &no_args, &steps), CANDID_ERR_BUDGET);
}

/* A wide record: 2,000 fields skipped, each one byte: linear, well inside. */
static void wide_record_skipped(void **state) {
    (void)state;
    static uint8_t msg[16384];
    size_t n = 0;
    memcpy(msg, "DIDL\x01\x6c\xd0\x0f", 8);
    n = 8;
    for (unsigned i = 0; i < 2000; i++) {
        uint8_t id[10];
        size_t k = candid_leb_encode(i, id);
        memcpy(msg + n, id, k);
        n += k;
        msg[n++] = 0x7b; /* nat8 */
    }
    msg[n++] = 1;
    msg[n++] = 0;
    for (unsigned i = 0; i < 2000; i++) msg[n++] = (uint8_t)i;
    uint64_t steps;
    assert_int_equal(run(msg, n, &no_args, &steps), CANDID_OK);
    assert_int_equal(steps, 2002); /* the argument record, the record, its fields */
}

/* Options whose coercion fails only at the end of their value, nested: each
 * level rewinds and skips everything inside it again. Wire
 *   type W = opt record { 0 : text; 1 : W; 2 : variant { 0; 1 } }
 * decoded at
 *   type E = opt record { 0 : text; 1 : E; 2 : variant { 0 } }
 * with tag 1 at every level and a long text at the innermost one. */
typedef struct e_node { candid_slice t; struct e_node *next; uint32_t v; } e_node;
static const candid_type e_opt;
static const candid_type e_text = {.kind = CANDID_TEXT, .size = sizeof(candid_slice), .align = 8};
static const candid_field e_var_f[] = {{.id = 0, .offset = 4, .type = &(const candid_type){.kind = CANDID_NULL, .align = 1}}};
static const candid_type e_var = {.kind = CANDID_VARIANT, .size = 4, .align = 4, .count = 1, .fields = e_var_f};
static const candid_field e_rec_f[] = {
    {.id = 0, .offset = offsetof(e_node, t), .type = &e_text},
    {.id = 1, .offset = offsetof(e_node, next), .type = &e_opt},
    {.id = 2, .offset = offsetof(e_node, v), .type = &e_var},
};
static const candid_type e_rec = {.kind = CANDID_RECORD, .size = sizeof(e_node), .align = 8,
                                  .count = 3, .fields = e_rec_f};
static const candid_type e_opt = {.kind = CANDID_OPT, .repr = CANDID_REPR_BOXED, .size = 8,
                                  .align = 8, .inner = &e_rec};
static const candid_field e_args_f[] = {{.id = 0, .offset = 0, .type = &e_opt}};
static const candid_type e_args = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1,
                                   .fields = e_args_f};

static size_t rewind_bomb(uint8_t *msg, unsigned levels, size_t text_len) {
    static const uint8_t head[] = "DIDL\x03\x6e\x01\x6c\x03\x00\x71\x01\x00\x02\x02\x6b\x02\x00\x7f\x01\x7f\x01\x00";
    size_t n = sizeof head - 1;
    memcpy(msg, head, n);
    for (unsigned i = 0; i < levels; i++) {
        msg[n++] = 1;                                   /* opt: some */
        size_t tl = i + 1 == levels ? text_len : 0;
        n += candid_leb_encode(tl, msg + n);
        memset(msg + n, 'a', tl);
        n += tl;
    }
    msg[n++] = 0;                                       /* innermost: none */
    for (unsigned i = 0; i < levels; i++) msg[n++] = 1; /* variant tag 1 */
    return n;
}

static void rewinding_options(void **state) {
    (void)state;
    static uint8_t msg[1 << 20];
    uint64_t steps;
    /* a few levels: decodes, every level is null */
    size_t n = rewind_bomb(msg, 4, 100);
    assert_int_equal(run(msg, n, &e_args, &steps), CANDID_OK);
    void *p;
    memcpy(&p, out, sizeof p);
    assert_null(p);
    /* 1,500 levels around 100 KB: re-reading would be quadratic; the budget
     * stops it */
    n = rewind_bomb(msg, 1500, 100000);
    assert_int_equal(run(msg, n, &e_args, &steps), CANDID_ERR_BUDGET);
}

/* 100,000 nested options at type Opt = opt Opt. */
static const candid_type fix;
static const candid_type fix = {.kind = CANDID_OPT, .repr = CANDID_REPR_BOXED, .size = 8, .align = 8, .inner = &fix};
static const candid_field fix_f[] = {{.id = 0, .offset = 0, .type = &fix}};
static const candid_type fix_args = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1, .fields = fix_f};

static void deep_nesting(void **state) {
    (void)state;
    static uint8_t msg[200000];
    memcpy(msg, "DIDL\x01\x6e\x00\x01\x00", 9);
    size_t n = 9;
    for (int i = 0; i < 100000; i++) msg[n++] = 1;
    msg[n++] = 0;
    uint64_t steps;
    assert_int_equal(run(msg, n, &fix_args, &steps), CANDID_ERR_DEPTH);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(suite_spacebombs),
        cmocka_unit_test(exponential_zero_sized_value),
        cmocka_unit_test(wide_record_skipped),
        cmocka_unit_test(rewinding_options),
        cmocka_unit_test(deep_nesting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
