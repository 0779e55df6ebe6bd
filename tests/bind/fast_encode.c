/* The generated fast encoders (candid bind --fast) against candid_encode
 * through the same header: for every method of
 * fuzz/fast_encode/fast_encode.did (every Candid kind, recursive types
 * among them), random values (candid_random_value) and the same values
 * with one slot made bad, in five kinds of writer (fast_encode_check.c):
 * the same status, bytes, `total` and latched error every time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "candid/candid.h"
#include "candid/random.h"
#include "fast_encode_check.h"
#include "fx.h"
#include "fxb.h"

enum { VALUES = 3000 };

typedef struct fe_case {
    const char *name;
    const candid_type *type;
    const candid_header *header;
    candid_encode_fn encode;
    size_t size;
    int spoilable; /* has a slot fe_mutate can make bad */
} fe_case;

#define CASE(p_, m_, bad_)                                                                       \
    {#p_ " " #m_, &p_##_##m_##_args_type, &p_##_##m_##_args_header, p_##_##m_##_args_message,   \
     sizeof(p_##_##m_##_args), bad_}

/* fx: nat and int as uint64_t and int64_t; fxb: as bignums (--nat big) */
static const fe_case cases[] = {
    CASE(fx, leaf, 1),     CASE(fx, item, 1),  CASE(fx, shape, 1), CASE(fx, refs, 1),
    CASE(fx, nested, 1),   CASE(fx, list, 0),  CASE(fx, tree, 1),  CASE(fx, dir, 1),
    CASE(fx, empties, 1),  CASE(fx, none, 0),  CASE(fx, tuple, 1), CASE(fx, chain, 1),
    CASE(fxb, leaf, 1),
    CASE(fxb, nested, 1),  CASE(fxb, list, 1), CASE(fxb, tree, 1), CASE(fxb, shape, 1),
    CASE(fxb, tuple, 1),
};

static _Alignas(16) uint8_t random_mem[1 << 20], value_mem[1 << 16];

static void same(const fe_case *c, const void *v, const char *what, int i) {
    const char *why = fe_compare(c->encode, c->header, v, fx_ENCODE_WORK);
    if (why) fail_msg("%s %s #%d: %s", c->name, what, i, why);
}

static void run(const fe_case *c, uint64_t seed) {
    candid_random r;
    candid_random_init(&r, seed);
    size_t bad = 0;
    for (int i = 0; i < VALUES; i++) {
        candid_arena a;
        candid_arena_init(&a, random_mem, sizeof random_mem);
        assert_true(c->size <= sizeof value_mem);
        candid_status st = candid_random_value(&r, c->type, value_mem, &a);
        if (st) fail_msg("%s: no random value (%s)", c->name, candid_status_name(st));
        same(c, value_mem, "value", i);
        uint64_t k = candid_random_next(&r), how = candid_random_next(&r);
        if (fe_mutate(c->type, value_mem, k, how)) {
            bad++;
            same(c, value_mem, "bad value", i);
        }
    }
    /* every case but those without a slot to spoil tried bad values */
    if (c->spoilable && bad <= VALUES / 2) fail_msg("%s: %zu bad values", c->name, bad);
}

static void every_method(void **state) {
    (void)state;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) run(&cases[k], 0xfe00 + k);
}

/* The fast path itself ran: a plain value is written by the generated
 * code (candid_encode would give the same bytes, so only timing or this
 * shows it; here the header comes from the generated array). */
static void item_bytes(void **state) {
    (void)state;
    fx_item_args v = {0};
    v._0.a = 7;
    v._0.b = (candid_slice){(const uint8_t *)"hi", 2};
    v._0.c.present = 1;
    v._0.c.value = -1;
    uint8_t buf[256];
    candid_writer w;
    candid_writer_init(&w, buf, sizeof buf);
    assert_int_equal(fx_item_args_encode(&w, &v), CANDID_OK);
    size_t h = fx_item_args_header.len;
    static const uint8_t values[] = {7, 0, 0, 0, 2, 'h', 'i', 1, 0xff, 0xff, 0xff, 0xff,
                                     0xff, 0xff, 0xff, 0xff, 0};
    assert_int_equal(w.total, h + sizeof values);
    assert_memory_equal(buf, fx_item_args_header.bytes, h);
    assert_memory_equal(buf + h, values, sizeof values);
}

/* A list long enough that native recursion would overflow, and a cycle. */
static void long_list_and_cycle(void **state) {
    (void)state;
    enum { N = 1000000 };
    static fx_List_value nodes[N];
    for (size_t k = 0; k < N; k++) {
        nodes[k].head = (int64_t)k;
        nodes[k].tail = k + 1 < N ? &nodes[k + 1] : NULL;
    }
    fx_list_args v = {nodes};
    candid_writer w;
    candid_writer_init(&w, NULL, 0);
    assert_int_equal(fx_list_args_encode(&w, &v), CANDID_OK);
    assert_true(w.total > 2 * (size_t)N);
    nodes[N - 1].tail = &nodes[N / 2];
    candid_writer_init(&w, NULL, 0);
    assert_int_equal(fx_list_args_encode(&w, &v), CANDID_ERR_DEPTH);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(item_bytes),
        cmocka_unit_test(every_method),
        cmocka_unit_test(long_list_and_cycle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
