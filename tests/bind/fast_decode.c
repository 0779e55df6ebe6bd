/* The generated exact-match decoders against the interpreter, on the
 * stubs of fuzz/fast/all.did (every Candid kind; generated twice, with
 * nat/int as 64-bit words and as bignums). Random values are encoded by
 * the generated encoders, so their headers are the stubs' own, and decoded
 * by the generated decoder and by candid_decode: the same status, error
 * offset and arena use, equal values. Then the same on every message with
 * one byte changed or cut short, and under budgets, depths, work memory
 * and arenas just too small and just large enough. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "candid/candid.h"
#include "candid/random.h"
#include "candid/text.h"
#include "fa.h"
#include "fab.h"
#include "cases.h"

static uint8_t random_mem[1 << 20], arena1[1 << 20], arena2[1 << 20], msg[1 << 16], mut[1 << 16];
static _Alignas(8) uint8_t work1[1 << 18], work2[1 << 18];
static _Alignas(8) uint8_t out1[1 << 12], out2[1 << 12], value[1 << 12];
static _Alignas(8) uint8_t cache_mem[1 << 16];

typedef struct setup {
    candid_limits lim;
    size_t work, arena;
} setup;

/* Decodes m both ways under s; returns the status. Counts in *fast the
 * decodes the generated path finished itself (the cache, which only the
 * interpreter consults, did not move). */
static candid_status compare(const fast_case *c, const uint8_t *m, size_t len, const setup *s,
                             int *fast) {
    candid_decoder d1, d2;
    candid_cache cache;
    candid_decoder_init(&d1, work1, s->work);
    candid_decoder_init(&d2, work2, s->work);
    d1.limits = d2.limits = s->lim;
    assert_int_equal(candid_cache_init(&cache, cache_mem, sizeof cache_mem, 4), CANDID_OK);
    d1.cache = &cache;
    candid_arena a1, a2;
    candid_arena_init(&a1, arena1, s->arena);
    candid_arena_init(&a2, arena2, s->arena);
    memset(out1, 0, c->type->size);
    memset(out2, 0, c->type->size);
    candid_status st1 = c->decode(&d1, m, len, out1, &a1);
    candid_status st2 = candid_decode(&d2, m, len, c->type, out2, &a2);
    if (st1 != st2 || d1.error_offset != d2.error_offset || a1.used != a2.used ||
        a1.needed != a2.needed)
        fail_msg("%s: fast %s at %zu (arena %zu/%zu), interpreter %s at %zu (arena %zu/%zu), work %zu: %zu/%zu",
                 c->name, candid_status_name(st1), d1.error_offset, a1.used, a1.needed,
                 candid_status_name(st2), d2.error_offset, a2.used, a2.needed, s->work, d1.work_needed, d2.work_needed);
    if (!st1) {
        assert_true(candid_value_equal(c->type, out1, out2));
        /* an upper bound of the interpreter's count, within the budget */
        assert_true(d1.steps >= d2.steps);
        if (!cache.hits && !cache.misses) ++*fast;
        /* work_needed is enough for the interpreter, and a retry through
         * the stub with exactly that decodes (issue 10's one retry) */
        assert_true(d1.work_needed >= d2.work_needed);
        size_t need = d1.work_needed;
        candid_decoder_init(&d1, work1, need);
        d1.limits = s->lim;
        candid_arena_init(&a1, arena1, s->arena);
        if (c->decode(&d1, m, len, out1, &a1))
            fail_msg("%s: work_needed %zu, a decode with it fails", c->name, need);
    } else {
        assert_int_equal(d1.steps, d2.steps);
        assert_int_equal(d1.work_needed, d2.work_needed);
    }
    return st1;
}

static size_t encode(const fast_case *c, candid_random *r) {
    candid_arena ra;
    candid_arena_init(&ra, random_mem, sizeof random_mem);
    candid_status st = candid_random_value(r, c->type, value, &ra);
    if (st == CANDID_ERR_EMPTY_VALUE) return 0; /* a type without values */
    assert_int_equal(st, CANDID_OK);
    candid_writer w;
    candid_writer_init(&w, msg, sizeof msg);
    assert_int_equal(c->encode(&w, value), CANDID_OK);
    assert_int_equal(candid_writer_finish(&w), CANDID_OK);
    return w.total;
}

static void run(const fast_case *c, int values, int mutated) {
    candid_random r;
    candid_random_init(&r, 0xfa57u);
    setup big;
    candid_limits_default(&big.lim);
    big.work = sizeof work1;
    big.arena = sizeof arena1;
    int fast = 0, valid = 0;
    for (int i = 0; i < values; i++) {
        size_t len = encode(c, &r);
        if (!len) continue;
        valid++;
        assert_int_equal(compare(c, msg, len, &big, &fast), CANDID_OK);
        /* Budget, depth, work memory and arena around what the
         * interpreter took. */
        candid_decoder d;
        candid_arena a;
        candid_decoder_init(&d, work2, sizeof work2);
        candid_arena_init(&a, arena2, sizeof arena2);
        assert_int_equal(candid_decode(&d, msg, len, c->type, out2, &a), CANDID_OK);
        int ignored = 0;
        for (uint64_t k = 0; k < 3; k++) {
            setup s = big;
            s.lim.budget_per_byte = 0;
            s.lim.budget_base = d.steps + k - 1;
            compare(c, msg, len, &s, &ignored);
            s = big;
            s.lim.max_depth = (uint32_t)k;
            compare(c, msg, len, &s, &ignored);
            s = big;
            s.work = d.work_needed + 4 * k - 4;
            compare(c, msg, len, &s, &ignored);
            s = big;
            s.arena = a.used + k - 1;
            compare(c, msg, len, &s, &ignored);
        }
        if (i >= mutated) continue;
        for (size_t at = 0; at < len; at++) {
            static const uint8_t flips[] = {0x01, 0x80, 0xff, 0x7f};
            memcpy(mut, msg, len);
            compare(c, mut, at, &big, &ignored); /* cut short */
            for (size_t k = 0; k < sizeof flips; k++) {
                mut[at] = msg[at] ^ flips[k];
                compare(c, mut, len, &big, &ignored);
            }
            mut[at] = msg[at];
        }
    }
    /* the generated path took every one of the stubs' own messages */
    assert_int_equal(fast, valid);
}

static void test_cases(void **state) {
    (void)state;
    for (size_t k = 0; k < sizeof fast_cases / sizeof *fast_cases; k++) run(&fast_cases[k], 300, 20);
}

/* A tree 60 nodes deep on the left, through the stub: the generated path
 * reported the work of the header and plan alone (2,048 bytes), and a
 * retry with that had no room for its frames and failed in the
 * interpreter with CANDID_ERR_WORK_FULL. */
static void work_needed_counts_fast_frames(void **state) {
    (void)state;
    const candid_header *h = &fa_lists_result_header;
    for (int levels = 0; levels <= 60; levels += 20) {
        size_t n = h->len;
        memcpy(msg, h->bytes, n);
        for (int i = 0; i <= levels; i++) msg[n++] = i < levels; /* node ... leaf */
        msg[n++] = 0; /* the deepest leaf's int */
        for (int i = 0; i < levels; i++) {
            msg[n++] = 0; /* each right: leaf 0 */
            msg[n++] = 0;
        }
        candid_decoder d1, d2;
        candid_arena a1, a2;
        candid_decoder_init(&d1, work1, sizeof work1);
        candid_decoder_init(&d2, work2, sizeof work2);
        candid_arena_init(&a1, arena1, sizeof arena1);
        candid_arena_init(&a2, arena2, sizeof arena2);
        assert_int_equal(fa_lists_result_decode(&d1, msg, n, (void *)out1, &a1), CANDID_OK);
        assert_int_equal(candid_decode(&d2, msg, n, h->args, out2, &a2), CANDID_OK);
        assert_true(d1.work_needed >= d2.work_needed);
        size_t need = d1.work_needed;
        candid_decoder_init(&d1, work1, need);
        candid_arena_init(&a1, arena1, sizeof arena1);
        assert_int_equal(fa_lists_result_decode(&d1, msg, n, (void *)out1, &a1), CANDID_OK);
        assert_int_equal(d1.work_needed, need);
        candid_decoder_init(&d2, work2, need);
        candid_arena_init(&a2, arena2, sizeof arena2);
        assert_int_equal(candid_decode(&d2, msg, n, h->args, out2, &a2), CANDID_OK);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_cases),
                                       cmocka_unit_test(work_needed_counts_fast_frames)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
