/* The generated fast encoders (candid bind --fast) against candid_encode
 * through the same header: for every method of
 * fuzz/fast_encode/fast_encode.did (every Candid kind, recursive types
 * among them), random values (candid_random_value) and the same values
 * with one slot made bad (fast_encode_mutate.c), written into a large
 * buffer, a buffer too small, a size-only writer, a streaming writer and a
 * writer with an error latched already: the same status, bytes, `total`
 * and latched error every time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "candid/candid.h"
#include "candid/random.h"
#include "fast_encode_mutate.h"
#include "fx.h"

enum { VALUES = 3000, CHUNK = 7 };

typedef struct fe_case {
    const char *name;
    const candid_type *type;
    const candid_header *header;
    candid_encode_fn encode;
    size_t size;
    int spoilable; /* has a slot fe_mutate can make bad */
} fe_case;

#define CASE(m_, bad_)                                                                           \
    {#m_, &fx_##m_##_args_type, &fx_##m_##_args_header, fx_##m_##_args_message,                 \
     sizeof(fx_##m_##_args), bad_}

static const fe_case cases[] = {
    CASE(leaf, 1), CASE(item, 1),  CASE(shape, 1),   CASE(refs, 1), CASE(nested, 1), CASE(list, 0),
    CASE(tree, 1), CASE(dir, 1),   CASE(empties, 1), CASE(none, 0), CASE(tuple, 1),
};

static _Alignas(16) uint8_t random_mem[1 << 20], value_mem[1 << 16];
static uint8_t out1[1 << 18], out2[1 << 18];

typedef struct sink {
    uint8_t *buf;
    size_t len, cap;
} sink;

static int collect(void *ctx, const uint8_t *p, size_t n) {
    sink *s = ctx;
    if (n > s->cap - s->len) return 1;
    memcpy(s->buf + s->len, p, n);
    s->len += n;
    return 0;
}

enum { BUFFER, SMALL, SIZE_ONLY, STREAM, LATCHED, MODES };

/* One encode of v in writer mode `mode`, fast or through candid_encode. */
static candid_status encode(const fe_case *c, const void *v, int mode, size_t cap, int fast,
                            candid_writer *w, sink *s, uint8_t *out) {
    static uint8_t chunk[2][CHUNK];
    uint64_t work[fx_ENCODE_WORK / 8]; /* what the generated encoders use */
    switch (mode) {
    case BUFFER: candid_writer_init(w, out, sizeof out1); break;
    case SMALL: candid_writer_init(w, out, cap); break;
    case SIZE_ONLY: candid_writer_init(w, NULL, 0); break;
    case STREAM:
        *s = (sink){out, 0, sizeof out1};
        candid_writer_init_stream(w, chunk[fast], CHUNK, collect, s);
        break;
    default: /* a buffer already full: BUFFER_FULL latched */
        candid_writer_init(w, out, 1);
        candid_put_bytes(w, "ab", 2);
    }
    if (fast) return c->encode(w, v);
    return candid_encode(w, c->header, v, work, sizeof work, 0);
}

/* Both ways in every mode; the first difference fails the test. */
static void same(const fe_case *c, const void *v, const char *what, int i) {
    for (int mode = 0; mode < MODES; mode++) {
        candid_writer w1, w2;
        sink s1 = {0}, s2 = {0};
        candid_writer size;
        candid_writer_init(&size, NULL, 0);
        candid_encode_fn enc = c->encode;
        enc(&size, v);
        size_t cap = size.total / 2;
        candid_status st1 = encode(c, v, mode, cap, 1, &w1, &s1, out1);
        candid_status st2 = encode(c, v, mode, cap, 0, &w2, &s2, out2);
        if (st1 != st2 || w1.err != w2.err || w1.total != w2.total ||
            w1._private.len != w2._private.len || s1.len != s2.len)
            fail_msg("%s %s #%d mode %d: fast %s total %zu len %zu, candid_encode %s total %zu len %zu",
                     c->name, what, i, mode, candid_status_name(st1), w1.total, w1._private.len,
                     candid_status_name(st2), w2.total, w2._private.len);
        size_t n = mode == STREAM ? s1.len : mode == SIZE_ONLY ? 0 : w1._private.len;
        if (memcmp(out1, out2, n) != 0)
            fail_msg("%s %s #%d mode %d: the bytes differ", c->name, what, i, mode);
    }
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
    if (c->spoilable) assert_true(bad > VALUES / 2);
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
