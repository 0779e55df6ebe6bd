/* Encoding from C structs: exact header and value bytes, the three writer
 * modes, errors, and decode(encode(x)) == x. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "support.h"

static uint8_t work[1 << 14];

/* record { id : nat64; age : opt nat8; name : text } */
typedef struct { uint64_t id; struct { uint8_t has; uint8_t v; } age; candid_slice name; } person;
static const candid_type nat8_t = {.kind = CANDID_NAT8, .size = 1, .align = 1};
static const candid_type opt_nat8 = {.kind = CANDID_OPT, .size = 2, .align = 1, .offset = 1, .inner = &nat8_t};
static const candid_field person_f[] = {
    {.id = 23515, .offset = offsetof(person, id), .type = &(const candid_type){.kind = CANDID_NAT64, .size = 8, .align = 8}, .name = "id"},
    {.id = 4846783, .offset = offsetof(person, age), .type = &opt_nat8, .name = "age"},
    {.id = 1224700491, .offset = offsetof(person, name), .type = &(const candid_type){.kind = CANDID_TEXT, .size = 16, .align = 8}, .name = "name"},
};
static const candid_type person_t = {.kind = CANDID_RECORD, .size = sizeof(person), .align = 8,
                                     .count = 3, .fields = person_f};
static const candid_field args_f[] = {{.id = 0, .offset = 0, .type = &person_t}};
static const candid_type args_t = {.kind = CANDID_RECORD, .size = sizeof(person), .align = 8,
                                   .count = 1, .fields = args_f};

static const uint8_t expected[] =
    "DIDL\x02\x6c\x03\xdb\xb7\x01\x78\xbf\xe9\xa7\x02\x01\xcb\xe4\xfd\xc7\x04\x71\x6e\x7b\x01\x00"
    "\x2a\x00\x00\x00\x00\x00\x00\x00\x01\x07\x03" "Ada";

static candid_header header(void) {
    static uint8_t hb[64];
    candid_header h;
    assert_int_equal(candid_header_build(&h, &args_t, hb, sizeof hb, work, sizeof work), CANDID_OK);
    return h;
}

static void record_bytes_exact(void **state) {
    (void)state;
    candid_header h = header();
    assert_int_equal(h.len, 26);
    assert_memory_equal(h.bytes, expected, 26);
    person p = {42, {1, 7}, {(const uint8_t *)"Ada", 3}};
    uint8_t out[64];
    candid_writer w;
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, &p, work, sizeof work, 0), CANDID_OK);
    assert_int_equal(w.total, sizeof expected - 1);
    assert_memory_equal(out, expected, sizeof expected - 1);

    /* size only */
    candid_writer_init(&w, NULL, 0);
    assert_int_equal(candid_encode(&w, &h, &p, work, sizeof work, 0), CANDID_OK);
    assert_int_equal(w.total, sizeof expected - 1);

    /* too small: an error, but the needed size is known */
    candid_writer_init(&w, out, 10);
    assert_int_equal(candid_encode(&w, &h, &p, work, sizeof work, 0), CANDID_ERR_BUFFER_FULL);
    assert_int_equal(w.total, sizeof expected - 1);
}

typedef struct sink { uint8_t data[128]; size_t len; int calls; int fail_at; } sink;
static int collect(void *ctx, const uint8_t *p, size_t n) {
    sink *s = ctx;
    if (++s->calls == s->fail_at) return -1;
    memcpy(s->data + s->len, p, n);
    s->len += n;
    return 0;
}

static void streaming_in_chunks(void **state) {
    (void)state;
    candid_header h = header();
    person p = {42, {1, 7}, {(const uint8_t *)"Ada", 3}};
    uint8_t chunk[5];
    sink s = {.fail_at = 0};
    candid_writer w;
    candid_writer_init_stream(&w, chunk, sizeof chunk, collect, &s);
    assert_int_equal(candid_encode(&w, &h, &p, work, sizeof work, 0), CANDID_OK);
    assert_int_equal(s.len, sizeof expected - 1);
    assert_memory_equal(s.data, expected, sizeof expected - 1);
    assert_int_equal(s.calls, 8); /* 38 bytes in 5-byte chunks */
    sink bad = {.fail_at = 2};
    candid_writer_init_stream(&w, chunk, sizeof chunk, collect, &bad);
    assert_int_equal(candid_encode(&w, &h, &p, work, sizeof work, 0), CANDID_ERR_FLUSH);
}

static void invalid_values_are_errors(void **state) {
    (void)state;
    candid_header h = header();
    uint8_t out[64];
    candid_writer w;
    person p = {1, {0, 0}, {(const uint8_t *)"\xe2\x28\xa1", 3}};
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, &p, work, sizeof work, 0), CANDID_ERR_UTF8);
    /* no stack memory */
    p.name.ptr = (const uint8_t *)"x";
    p.name.len = 1;
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, &p, NULL, 0, 0), CANDID_ERR_WORK_FULL);
    /* a NULL text with a length is reported, not read */
    p.name.ptr = NULL;
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, &p, work, sizeof work, 0), CANDID_ERR_ARGUMENT);
    /* and an empty one is fine */
    p.name.len = 0;
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, &p, work, sizeof work, 0), CANDID_OK);
}

/* (null, reserved): zero-sized, so no values block is needed at all */
static const candid_field zero_f[] = {
    {.id = 0, .type = &(const candid_type){.kind = CANDID_NULL}},
    {.id = 1, .type = &(const candid_type){.kind = CANDID_RESERVED}},
};
static const candid_type zero_args = {.kind = CANDID_RECORD, .count = 2, .fields = zero_f};

static void zero_sized_arguments_need_no_values(void **state) {
    (void)state;
    uint8_t hb[16], out[16];
    candid_header h;
    assert_int_equal(candid_header_build(&h, &zero_args, hb, sizeof hb, work, sizeof work), CANDID_OK);
    candid_writer w;
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, NULL, work, sizeof work, 0), CANDID_OK);
    assert_int_equal(w._private.len, 8);
    assert_memory_equal(out, "DIDL\x00\x02\x7f\x70", 8);
}

/* variant { Ok : nat; Err : text } with a BIG nat, and int from nat */
typedef struct { uint32_t tag; union { candid_bignum ok; candid_slice err; } u; } result_t;
static const candid_field result_f[] = {
    {.id = 17724, .offset = 8, .type = &(const candid_type){.kind = CANDID_NAT, .repr = CANDID_REPR_BIG, .size = 24, .align = 8}},
    {.id = 3456837, .offset = 8, .type = &(const candid_type){.kind = CANDID_TEXT, .size = 16, .align = 8}},
};
static const candid_type result_t_ = {.kind = CANDID_VARIANT, .size = sizeof(result_t), .align = 8,
                                      .count = 2, .fields = result_f};
static const candid_type big_int = {.kind = CANDID_INT, .repr = CANDID_REPR_BIG, .size = 24, .align = 8};
typedef struct { result_t r; candid_bignum i; } two;
static const candid_field two_f[] = {
    {.id = 0, .offset = offsetof(two, r), .type = &result_t_},
    {.id = 1, .offset = offsetof(two, i), .type = &big_int},
};
static const candid_type two_t = {.kind = CANDID_RECORD, .size = sizeof(two), .align = 8,
                                  .count = 2, .fields = two_f};

static void variants_and_bignums(void **state) {
    (void)state;
    static uint8_t hb[64];
    candid_header h;
    assert_int_equal(candid_header_build(&h, &two_t, hb, sizeof hb, work, sizeof work), CANDID_OK);
    assert_int_equal(h.len, 19);
    assert_memory_equal(h.bytes, "DIDL\x01\x6b\x02\xbc\x8a\x01\x7d\xc5\xfe\xd2\x01\x71\x02\x00\x7c", 19);
    two v;
    memset(&v, 0, sizeof v);
    v.r.tag = 0;
    v.r.u.ok = (candid_bignum){(const uint8_t *)"\xe5\x8e\x26", 3, 0};
    /* 64 as a nat (LEB128 0x40) must become SLEB128 0xc0 0x00 at int */
    v.i = (candid_bignum){(const uint8_t *)"\x40", 1, 0};
    uint8_t out[64];
    candid_writer w;
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, &v, work, sizeof work, 0), CANDID_OK);
    assert_int_equal(w.total, 19 + 1 + 3 + 2);
    assert_memory_equal(out + 19, "\x00\xe5\x8e\x26\xc0\x00", 6);
    v.r.tag = 2;
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, &v, work, sizeof work, 0), CANDID_ERR_VARIANT_TAG);
    v.r.tag = 0;
    v.r.u.ok = (candid_bignum){(const uint8_t *)"\x7f", 1, 1}; /* -1 at nat */
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, &v, work, sizeof work, 0), CANDID_ERR_RANGE);
}

/* type List = opt record { head : int; tail : List }, boxed */
typedef struct node { int64_t head; struct node *tail; } node;
static const candid_type list_t;
static const candid_field node_f[] = {
    {.id = 1158359328, .offset = offsetof(node, head), .type = &(const candid_type){.kind = CANDID_INT, .size = 8, .align = 8}},
    {.id = 1291237008, .offset = offsetof(node, tail), .type = &list_t},
};
static const candid_type node_t = {.kind = CANDID_RECORD, .size = sizeof(node), .align = 8, .count = 2, .fields = node_f};
static const candid_type list_t = {.kind = CANDID_OPT, .repr = CANDID_REPR_BOXED, .size = 8, .align = 8, .inner = &node_t};
static const candid_field largs_f[] = {{.id = 0, .offset = 0, .type = &list_t}};
static const candid_type largs_t = {.kind = CANDID_RECORD, .size = sizeof(void *), .align = 8, .count = 1, .fields = largs_f};

static void recursive_round_trip(void **state) {
    (void)state;
    static uint8_t hb[64];
    candid_header h;
    assert_int_equal(candid_header_build(&h, &largs_t, hb, sizeof hb, work, sizeof work), CANDID_OK);
    assert_int_equal(h.len, 23);
    assert_memory_equal(h.bytes, "DIDL\x02\x6e\x01\x6c\x02\xa0\xd2\xac\xa8\x04\x7c\x90\xed\xda\xe7\x04\x00\x01\x00", 23);
    /* a 1000-node list: the encoder's native stack does not grow with it */
    enum { N = 1000 };
    static node nodes[N];
    for (int i = 0; i < N; i++) {
        nodes[i].head = i - 500;
        nodes[i].tail = i + 1 < N ? &nodes[i + 1] : NULL;
    }
    node *first = &nodes[0];
    static uint8_t out[8 * N];
    candid_writer w;
    candid_writer_init(&w, out, sizeof out);
    static uint8_t deep_work[N * 64];
    assert_int_equal(candid_encode(&w, &h, &first, deep_work, sizeof deep_work, 0), CANDID_OK);
    /* decode it back */
    static decode_env env;
    node *back = NULL;
    assert_int_equal(decode_all_ways(&env, out, w.total, &largs_t, &back, sizeof back, 1 << 16),
                     CANDID_OK);
    int count = 0;
    for (node *n = back; n; n = n->tail, count++) assert_true(n->head == count - 500);
    assert_int_equal(count, N);
    /* the last field is a tail call: the list needs one frame, whatever
     * its length */
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, &first, deep_work, sizeof deep_work, 1), CANDID_OK);
}

/* type Left = record { left : opt Left; x : nat8 }: the nesting is not in
 * the last field, so each level keeps a frame, and the bound applies. */
typedef struct lnode { struct lnode *left; uint8_t x; } lnode;
static const candid_type left_opt;
static const candid_field lnode_f[] = {
    {.id = 0, .offset = offsetof(lnode, left), .type = &left_opt},
    {.id = 1, .offset = offsetof(lnode, x), .type = &(const candid_type){.kind = CANDID_NAT8, .size = 1, .align = 1}},
};
static const candid_type lnode_t = {.kind = CANDID_RECORD, .size = sizeof(lnode), .align = 8, .count = 2, .fields = lnode_f};
static const candid_type left_opt = {.kind = CANDID_OPT, .repr = CANDID_REPR_BOXED, .size = 8, .align = 8, .inner = &lnode_t};
static const candid_field left_args_f[] = {{.id = 0, .offset = 0, .type = &left_opt}};
static const candid_type left_args = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1, .fields = left_args_f};

static void depth_limit(void **state) {
    (void)state;
    static uint8_t hb[64], out[4096], deep_work[1 << 14];
    candid_header h;
    assert_int_equal(candid_header_build(&h, &left_args, hb, sizeof hb, work, sizeof work), CANDID_OK);
    static lnode nodes[200];
    for (int i = 0; i < 200; i++) {
        nodes[i].left = i + 1 < 200 ? &nodes[i + 1] : NULL;
        nodes[i].x = (uint8_t)i;
    }
    lnode *first = &nodes[0];
    candid_writer w;
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, &first, deep_work, sizeof deep_work, 100), CANDID_ERR_DEPTH);
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, &first, deep_work, sizeof deep_work, 0), CANDID_OK);
    assert_int_equal(w.total, h.len + 200 * 2 + 1);
}

/* (vec nat, vec int, vec text): vectors of leaves take the encoder's own loop */
static const candid_type vn_t = {.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8,
                                 .inner = &(const candid_type){.kind = CANDID_NAT, .size = 8, .align = 8}};
static const candid_type vi_t = {.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8,
                                 .inner = &(const candid_type){.kind = CANDID_INT, .size = 8, .align = 8}};
static const candid_type vt_t = {.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8,
                                 .inner = &(const candid_type){.kind = CANDID_TEXT, .size = 16, .align = 8}};
typedef struct { candid_vec n, i, t; } three_vecs;
static const candid_field three_f[] = {
    {.id = 0, .offset = offsetof(three_vecs, n), .type = &vn_t},
    {.id = 1, .offset = offsetof(three_vecs, i), .type = &vi_t},
    {.id = 2, .offset = offsetof(three_vecs, t), .type = &vt_t},
};
static const candid_type three_t = {.kind = CANDID_RECORD, .size = sizeof(three_vecs), .align = 8,
                                    .count = 3, .fields = three_f};

static void vectors_of_leaves(void **state) {
    (void)state;
    static uint8_t hb[64];
    candid_header h;
    assert_int_equal(candid_header_build(&h, &three_t, hb, sizeof hb, work, sizeof work), CANDID_OK);
    uint64_t nats[] = {5, 70000};
    int64_t ints[] = {1, -300};
    candid_slice texts[] = {{(const uint8_t *)"a", 1}, {(const uint8_t *)"bc", 2}};
    three_vecs v = {{nats, 2}, {ints, 2}, {texts, 2}};
    uint8_t out[64];
    candid_writer w;
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, &v, work, sizeof work, 0), CANDID_OK);
    static const uint8_t values[] = "\x02\x05\xf0\xa2\x04" "\x02\x01\xd4\x7d" "\x02\x01" "a" "\x02" "bc";
    assert_int_equal(w.total, h.len + sizeof values - 1);
    assert_memory_equal(out + h.len, values, sizeof values - 1);
    texts[1].ptr = (const uint8_t *)"\xff";
    texts[1].len = 1;
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, &v, work, sizeof work, 0), CANDID_ERR_UTF8);
    /* NULL items or texts with a length are reported, not read */
    texts[1].ptr = NULL;
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, &v, work, sizeof work, 0), CANDID_ERR_ARGUMENT);
    v.n.items = NULL;
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, &v, work, sizeof work, 0), CANDID_ERR_ARGUMENT);
}

/* record { x : opt empty } with the option set: the flag is written once,
 * then the empty value is an error. */
typedef struct { uint8_t has; } opt_empty_slot;
static const candid_type opt_empty_t = {.kind = CANDID_OPT, .size = 1, .align = 1, .offset = 1,
                                        .inner = &(const candid_type){.kind = CANDID_EMPTY}};
static const candid_field opt_empty_f[] = {{.id = 120, .offset = 0, .type = &opt_empty_t, .name = "x"}};
static const candid_type opt_empty_rec = {.kind = CANDID_RECORD, .size = 1, .align = 1, .count = 1,
                                          .fields = opt_empty_f};
static const candid_field opt_empty_args_f[] = {{.id = 0, .offset = 0, .type = &opt_empty_rec}};
static const candid_type opt_empty_args = {.kind = CANDID_RECORD, .size = 1, .align = 1, .count = 1,
                                           .fields = opt_empty_args_f};

static void empty_values_are_errors(void **state) {
    (void)state;
    uint8_t hb[32], out[64];
    candid_header h;
    assert_int_equal(candid_header_build(&h, &opt_empty_args, hb, sizeof hb, work, sizeof work), CANDID_OK);
    candid_writer w;
    opt_empty_slot v = {1};
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, &v, work, sizeof work, 0), CANDID_ERR_EMPTY_VALUE);
    assert_int_equal(w.total, h.len + 1);
    assert_int_equal(out[h.len], 1);
    /* none is a value of opt empty */
    v.has = 0;
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, &v, work, sizeof work, 0), CANDID_OK);
    assert_int_equal(w.total, h.len + 1);
    assert_int_equal(out[h.len], 0);
}

/* Encodes into a fresh buffer writer and checks that the failure is
 * latched: the writer holds it, finish reports it, later writes do nothing. */
static void expect_latched(const candid_header *h, const void *v, void *wk, size_t wcap,
                           uint32_t max_depth, candid_status want) {
    static uint8_t out[4096];
    candid_writer w;
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, h, v, wk, wcap, max_depth), want);
    assert_int_equal(w.err, want);
    assert_int_equal(candid_writer_finish(&w), want);
    size_t len = w._private.len;
    candid_put_u8(&w, 0);
    assert_int_equal(w._private.len, len);
}

/* (bool) */
static const candid_field bool_args_f[] = {
    {.id = 0, .type = &(const candid_type){.kind = CANDID_BOOL, .size = 1, .align = 1}}};
static const candid_type bool_args = {.kind = CANDID_RECORD, .size = 1, .align = 1, .count = 1,
                                      .fields = bool_args_f};

static candid_header built(const candid_type *args) {
    static uint8_t hb[8][64];
    static int next;
    candid_header h;
    uint8_t *b = hb[next++ % 8];
    assert_int_equal(candid_header_build(&h, args, b, 64, work, sizeof work), CANDID_OK);
    return h;
}

/* QCBOR's rule: every encoder failure latches in the writer, so a message
 * that failed half-way can never be finished (or flushed) as if whole. */
static void every_encoder_error_latches(void **state) {
    (void)state;
    /* vec text with an invalid middle element, in a buffer */
    candid_header h3 = built(&three_t);
    uint64_t nats[] = {5};
    int64_t ints[] = {1};
    candid_slice texts[] = {{(const uint8_t *)"a", 1}, {(const uint8_t *)"\xff", 1},
                            {(const uint8_t *)"bc", 2}};
    three_vecs v = {{nats, 1}, {ints, 1}, {texts, 3}};
    expect_latched(&h3, &v, work, sizeof work, 0, CANDID_ERR_UTF8);
    /* and streamed: what is still buffered is never flushed */
    uint8_t chunk[5];
    sink s = {.fail_at = 0};
    candid_writer w;
    candid_writer_init_stream(&w, chunk, sizeof chunk, collect, &s);
    assert_int_equal(candid_encode(&w, &h3, &v, work, sizeof work, 0), CANDID_ERR_UTF8);
    size_t flushed = s.len;
    assert_int_equal(candid_writer_finish(&w), CANDID_ERR_UTF8);
    assert_int_equal(s.len, flushed);

    /* each kind of value error, and the work memory's */
    uint8_t b = 2;
    candid_header hb = built(&bool_args);
    expect_latched(&hb, &b, work, sizeof work, 0, CANDID_ERR_BAD_TAG);
    two t2;
    memset(&t2, 0, sizeof t2);
    t2.r.tag = 2;
    t2.i = (candid_bignum){(const uint8_t *)"\x01", 1, 0};
    candid_header h2 = built(&two_t);
    expect_latched(&h2, &t2, work, sizeof work, 0, CANDID_ERR_VARIANT_TAG);
    t2.r.tag = 0;
    t2.r.u.ok = (candid_bignum){(const uint8_t *)"\x7f", 1, 1};
    expect_latched(&h2, &t2, work, sizeof work, 0, CANDID_ERR_RANGE);
    opt_empty_slot e = {1};
    candid_header he = built(&opt_empty_args);
    expect_latched(&he, &e, work, sizeof work, 0, CANDID_ERR_EMPTY_VALUE);
    person p = {1, {0, 0}, {NULL, 3}};
    candid_header hp = header();
    expect_latched(&hp, &p, work, sizeof work, 0, CANDID_ERR_ARGUMENT);
    p.name = (candid_slice){(const uint8_t *)"x", 1};
    expect_latched(&hp, &p, NULL, 0, 0, CANDID_ERR_WORK_FULL);
    static lnode nodes[3] = {{&nodes[1], 0}, {&nodes[2], 1}, {NULL, 2}};
    lnode *first = &nodes[0];
    candid_header hl = built(&left_args);
    expect_latched(&hl, &first, work, sizeof work, 2, CANDID_ERR_DEPTH);

    /* an error latched before the call wins, and nothing is written */
    uint8_t out[64];
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_writer_fail(&w, CANDID_ERR_FLUSH), CANDID_ERR_FLUSH);
    assert_int_equal(candid_writer_fail(&w, CANDID_ERR_UTF8), CANDID_ERR_FLUSH);
    assert_int_equal(candid_encode(&w, &hp, &p, work, sizeof work, 0), CANDID_ERR_FLUSH);
    assert_int_equal(w._private.len, 0);
    /* a full buffer is soft: an invalid value after it is the error, as no
     * size would do (and `total` is not the size needed) */
    person bad = {1, {0, 0}, {(const uint8_t *)"\xff", 1}};
    candid_writer_init(&w, out, 10);
    assert_int_equal(candid_encode(&w, &hp, &bad, work, sizeof work, 0), CANDID_ERR_UTF8);
    assert_int_equal(w.err, CANDID_ERR_UTF8);
    /* candid_writer_fail with CANDID_OK changes nothing */
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_writer_fail(&w, CANDID_OK), CANDID_OK);
    assert_int_equal(candid_encode(&w, &hp, &p, work, sizeof work, 0), CANDID_OK);
}

/* A header whose build failed is not a header: candid_encode refuses it
 * instead of writing a message without "DIDL" (or reading past the short
 * buffer the build ran out of). */
static void failed_header_is_an_argument_error(void **state) {
    (void)state;
    person p = {42, {1, 7}, {(const uint8_t *)"Ada", 3}};
    uint8_t small[8];
    candid_header h;
    assert_int_equal(candid_header_build(&h, &args_t, small, sizeof small, work, sizeof work),
                     CANDID_ERR_BUFFER_FULL);
    assert_int_equal(h.len, 26); /* the size needed */
    assert_null(h.args);
    assert_null(h.bytes);
    expect_latched(&h, &p, work, sizeof work, 0, CANDID_ERR_ARGUMENT);
    /* unsorted fields: a bad description */
    static const candid_field unsorted_f[] = {
        {.id = 1, .offset = 0, .type = &nat8_t},
        {.id = 0, .offset = 1, .type = &nat8_t},
    };
    static const candid_type unsorted = {.kind = CANDID_RECORD, .size = 2, .align = 1, .count = 2,
                                         .fields = unsorted_f};
    static const candid_field ua_f[] = {{.id = 0, .offset = 0, .type = &unsorted}};
    static const candid_type ua = {.kind = CANDID_RECORD, .size = 2, .align = 1, .count = 1, .fields = ua_f};
    uint8_t hb[64];
    assert_int_equal(candid_header_build(&h, &ua, hb, sizeof hb, work, sizeof work), CANDID_ERR_BAD_TYPE);
    assert_int_equal(h.len, 0);
    uint8_t two_bytes[2] = {1, 2};
    expect_latched(&h, two_bytes, work, sizeof work, 0, CANDID_ERR_ARGUMENT);
    /* a header never built, and one whose bytes are not a header */
    candid_header z = {0};
    expect_latched(&z, &p, work, sizeof work, 0, CANDID_ERR_ARGUMENT);
    candid_header fake = {&args_t, (const uint8_t *)"XIDL\x00\x00", 6};
    expect_latched(&fake, &p, work, sizeof work, 0, CANDID_ERR_ARGUMENT);
    /* no writer: nothing to latch into */
    candid_header good = header();
    assert_int_equal(candid_encode(NULL, &good, &p, work, sizeof work, 0), CANDID_ERR_ARGUMENT);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(record_bytes_exact),
        cmocka_unit_test(streaming_in_chunks),
        cmocka_unit_test(invalid_values_are_errors),
        cmocka_unit_test(zero_sized_arguments_need_no_values),
        cmocka_unit_test(empty_values_are_errors),
        cmocka_unit_test(variants_and_bignums),
        cmocka_unit_test(recursive_round_trip),
        cmocka_unit_test(depth_limit),
        cmocka_unit_test(vectors_of_leaves),
        cmocka_unit_test(every_encoder_error_latches),
        cmocka_unit_test(failed_header_is_an_argument_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
