/* Decoding into C structs with the spec's coercion rules. Every case runs
 * uncached, cold-cached and warm-cached (decode_all_ways), which must agree
 * byte for byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "support.h"

#define ARGS1(name, st, ty)                                                    \
    static const candid_field name##_f[] = {{.id = 0, .offset = 0, .type = (ty)}}; \
    static const candid_type name = {.kind = CANDID_RECORD, .size = sizeof(st), \
                                     .align = _Alignof(st), .count = 1, .fields = name##_f}

static decode_env env;

#define DECODE(lit, args, out) \
    decode_all_ways(&env, MSG(lit), &(args), &(out), sizeof(out), 1 << 12)

/* ---- primitives and nat <: int ---- */

typedef struct { int64_t v; } one_i64;
static const candid_type ty_int = {.kind = CANDID_INT, .size = 8, .align = 8};
static const candid_type ty_nat = {.kind = CANDID_NAT, .size = 8, .align = 8};
ARGS1(args_int, one_i64, &ty_int);
static const candid_type big_int = {.kind = CANDID_INT, .repr = CANDID_REPR_BIG,
                                    .size = sizeof(candid_bignum), .align = _Alignof(candid_bignum)};
typedef struct { candid_bignum v; } one_big;
ARGS1(args_bigint, one_big, &big_int);

static void nat_decodes_at_int(void **state) {
    (void)state;
    one_i64 o;
    assert_int_equal(DECODE("DIDL\0\x01\x7d\x80\x01", args_int, o), CANDID_OK);
    assert_true(o.v == 128);
    assert_int_equal(DECODE("DIDL\0\x01\x7c\x80\x7f", args_int, o), CANDID_OK);
    assert_true(o.v == -128);
    /* 2^63 does not fit int64_t: a range error, not a wrong value */
    assert_int_equal(DECODE("DIDL\0\x01\x7d\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01", args_int, o),
                     CANDID_ERR_RANGE);
    one_big b;
    assert_int_equal(DECODE("DIDL\0\x01\x7d\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01", args_bigint, b),
                     CANDID_OK);
    assert_int_equal(b.v.len, 10);
    assert_int_equal(b.v.is_signed, 0);
    assert_memory_equal(b.v.ptr, "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01", 10);
    assert_int_equal(DECODE("DIDL\0\x01\x7c\x7f", args_bigint, b), CANDID_OK);
    assert_int_equal(b.v.is_signed, 1);
    assert_int_equal(b.v.ptr[0], 0x7f);
    /* int does not decode at nat */
    typedef struct { uint64_t v; } one_u64;
    ARGS1(args_nat, one_u64, &ty_nat);
    one_u64 u;
    assert_int_equal(DECODE("DIDL\0\x01\x7c\x01", args_nat, u), CANDID_ERR_TYPE_MISMATCH);
    assert_int_equal(env.d.error_offset, 7);
}

typedef struct {
    uint8_t b;
    int8_t i8;
    uint16_t n16;
    int32_t i32;
    uint64_t n64;
    float f32;
    double f64;
    candid_slice t;
} prims;
static const candid_field prims_f[] = {
    {.id = 0, .offset = offsetof(prims, b), .type = &(const candid_type){.kind = CANDID_BOOL, .size = 1, .align = 1}},
    {.id = 1, .offset = offsetof(prims, i8), .type = &(const candid_type){.kind = CANDID_INT8, .size = 1, .align = 1}},
    {.id = 2, .offset = offsetof(prims, n16), .type = &(const candid_type){.kind = CANDID_NAT16, .size = 2, .align = 2}},
    {.id = 3, .offset = offsetof(prims, i32), .type = &(const candid_type){.kind = CANDID_INT32, .size = 4, .align = 4}},
    {.id = 4, .offset = offsetof(prims, n64), .type = &(const candid_type){.kind = CANDID_NAT64, .size = 8, .align = 8}},
    {.id = 5, .offset = offsetof(prims, f32), .type = &(const candid_type){.kind = CANDID_FLOAT32, .size = 4, .align = 4}},
    {.id = 6, .offset = offsetof(prims, f64), .type = &(const candid_type){.kind = CANDID_FLOAT64, .size = 8, .align = 8}},
    {.id = 7, .offset = offsetof(prims, t), .type = &(const candid_type){.kind = CANDID_TEXT, .size = sizeof(candid_slice), .align = _Alignof(candid_slice)}},
};
static const candid_type args_prims = {.kind = CANDID_RECORD, .size = sizeof(prims),
                                       .align = _Alignof(prims), .count = 8, .fields = prims_f};

static void fixed_width_primitives(void **state) {
    (void)state;
    prims p;
    assert_int_equal(DECODE("DIDL\0\x08\x7e\x77\x7a\x75\x78\x73\x72\x71"
                            "\x01" "\xff" "\x34\x12" "\xfe\xff\xff\xff"
                            "\xff\xff\xff\xff\xff\xff\xff\xff" "\x00\x00\x00\x3f"
                            "\x00\x00\x00\x00\x00\x00\xe0\xbf" "\x03\xe2\x98\x83",
                            args_prims, p),
                     CANDID_OK);
    assert_int_equal(p.b, 1);
    assert_int_equal(p.i8, -1);
    assert_int_equal(p.n16, 0x1234);
    assert_int_equal(p.i32, -2);
    assert_true(p.n64 == UINT64_MAX);
    assert_true(p.f32 == 0.5f);
    assert_true(p.f64 == -0.5);
    assert_int_equal(p.t.len, 3);
    assert_memory_equal(p.t.ptr, "\xe2\x98\x83", 3);
    /* bool out of range, invalid UTF-8, truncated fixed width */
    assert_int_equal(DECODE("DIDL\0\x08\x7e\x77\x7a\x75\x78\x73\x72\x71\x02", args_prims, p),
                     CANDID_ERR_BAD_TAG);
    assert_int_equal(env.d.error_offset, 14);
    assert_int_equal(DECODE("DIDL\0\x08\x7e\x77\x7a\x75\x78\x73\x72\x71"
                            "\x01" "\xff" "\x34\x12" "\xfe\xff\xff\xff"
                            "\xff\xff\xff\xff\xff\xff\xff\xff" "\x00\x00\x00\x3f"
                            "\x00\x00\x00\x00\x00\x00\xe0\xbf" "\x03\xe2\x28\xa1",
                            args_prims, p),
                     CANDID_ERR_UTF8);
    assert_int_equal(env.d.error_offset, 43);
    assert_int_equal(DECODE("DIDL\0\x08\x7e\x77\x7a\x75\x78\x73\x72\x71\x01\xff\x34", args_prims, p), CANDID_ERR_TRUNCATED);
}

/* ---- records: extra fields skipped, missing opt/null/reserved are null ---- */

typedef struct { uint8_t has; int64_t v; } opt_i64;
static const candid_type opt_int = {.kind = CANDID_OPT, .size = sizeof(opt_i64),
                                    .align = _Alignof(opt_i64), .offset = offsetof(opt_i64, v),
                                    .inner = &(const candid_type){.kind = CANDID_INT, .size = 8, .align = 8}};
typedef struct { uint8_t bar; opt_i64 baz; int64_t foo; } rec_t;
/* ids: foo 5097222, bar 4895187, baz 4895194 */
static const candid_field rec_f[] = {
    {.id = 4895187, .offset = offsetof(rec_t, bar), .type = &(const candid_type){.kind = CANDID_BOOL, .size = 1, .align = 1}, .name = "bar"},
    {.id = 4895194, .offset = offsetof(rec_t, baz), .type = &opt_int, .name = "baz"},
    {.id = 5097222, .offset = offsetof(rec_t, foo), .type = &(const candid_type){.kind = CANDID_INT, .size = 8, .align = 8}, .name = "foo"},
};
static const candid_type rec_ty = {.kind = CANDID_RECORD, .size = sizeof(rec_t), .align = _Alignof(rec_t),
                                   .count = 3, .fields = rec_f};
ARGS1(args_rec, rec_t, &rec_ty);

static void record_fields_by_id(void **state) {
    (void)state;
    rec_t r;
    /* wire record { bar : bool; foo : int; 9 : text } */
    assert_int_equal(DECODE("DIDL\x01\x6c\x03\x09\x71\xd3\xe3\xaa\x02\x7e\x86\x8e\xb7\x02\x7c\x01\x00"
                            "\x02hi\x01\x2a",
                            args_rec, r),
                     CANDID_OK);
    assert_int_equal(r.bar, 1);
    assert_int_equal(r.baz.has, 0);
    assert_true(r.foo == 42);
    /* baz present: opt int */
    assert_int_equal(DECODE("DIDL\x02\x6c\x03\xd3\xe3\xaa\x02\x7e\xda\xe3\xaa\x02\x01\x86\x8e\xb7\x02\x7c"
                            "\x6e\x7c\x01\x00\x00\x01\x7f\x2a",
                            args_rec, r),
                     CANDID_OK);
    assert_int_equal(r.baz.has, 1);
    assert_true(r.baz.v == -1);
    /* a missing required argument, and a missing required field */
    assert_int_equal(DECODE("DIDL\0\0", args_rec, r), CANDID_ERR_MISSING_ARG);
    assert_int_equal(DECODE("DIDL\x01\x6c\x01\xd3\xe3\xaa\x02\x7e\x01\x00\x01", args_rec, r),
                     CANDID_ERR_TYPE_MISMATCH);
}

/* ---- variants by tag ---- */

typedef struct { uint32_t tag; union { uint64_t ok; candid_slice err; } u; } result_t;
static const candid_field result_sorted[] = {
    {.id = 17724, .offset = offsetof(result_t, u), .type = &(const candid_type){.kind = CANDID_NAT, .size = 8, .align = 8}, .name = "Ok"},
    {.id = 3456837, .offset = offsetof(result_t, u), .type = &(const candid_type){.kind = CANDID_TEXT, .size = sizeof(candid_slice), .align = 8}, .name = "Err"},
};
static const candid_type result_ty = {.kind = CANDID_VARIANT, .size = sizeof(result_t),
                                      .align = _Alignof(result_t), .count = 2, .fields = result_sorted};
ARGS1(args_result, result_t, &result_ty);

static void variants_by_tag(void **state) {
    (void)state;
    result_t r;
    /* wire variant { Ok : nat; Err : text; Other : null }, value Err "no" */
    assert_int_equal(DECODE("DIDL\x01\x6b\x02\xbc\x8a\x01\x7d\xc5\xfe\xd2\x01\x71\x01\x00\x01\x02no",
                            args_result, r),
                     CANDID_OK);
    assert_int_equal(r.tag, 1);
    assert_int_equal(r.u.err.len, 2);
    assert_memory_equal(r.u.err.ptr, "no", 2);
    assert_int_equal(DECODE("DIDL\x01\x6b\x01\xbc\x8a\x01\x7d\x01\x00\x00\x05", args_result, r),
                     CANDID_OK);
    assert_int_equal(r.tag, 0);
    assert_true(r.u.ok == 5);
    /* a tag the expected variant lacks is a mismatch; one past the wire
     * cases is malformed */
    assert_int_equal(DECODE("DIDL\x01\x6b\x01\x00\x7f\x01\x00\x00", args_result, r),
                     CANDID_ERR_TYPE_MISMATCH);
    assert_int_equal(DECODE("DIDL\x01\x6b\x01\xbc\x8a\x01\x7d\x01\x00\x01", args_result, r),
                     CANDID_ERR_VARIANT_TAG);
}

static const candid_type vec_result = {.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8,
                                       .inner = &result_ty};
typedef struct { candid_vec v; } one_vec_result;
ARGS1(args_vec_result, one_vec_result, &vec_result);

static void vectors_of_variants(void **state) {
    (void)state;
    one_vec_result v;
    /* elements whose case is a scalar complete in the vector loop */
    assert_int_equal(DECODE("DIDL\x02\x6d\x01\x6b\x02\xbc\x8a\x01\x7d\xc5\xfe\xd2\x01\x71\x01\x00"
                            "\x03\x00\x05\x01\x02no\x00\x81\x01",
                            args_vec_result, v),
                     CANDID_OK);
    assert_int_equal(v.v.len, 3);
    const result_t *r = v.v.items;
    assert_int_equal(r[0].tag, 0);
    assert_true(r[0].u.ok == 5);
    assert_int_equal(r[1].tag, 1);
    assert_memory_equal(r[1].u.err.ptr, "no", 2);
    assert_int_equal(r[2].tag, 0);
    assert_true(r[2].u.ok == 129);
    /* a tag past the wire cases, and a case the expected type lacks, are
     * found where they are */
    assert_int_equal(DECODE("DIDL\x02\x6d\x01\x6b\x02\xbc\x8a\x01\x7d\xc5\xfe\xd2\x01\x71\x01\x00"
                            "\x02\x00\x05\x02",
                            args_vec_result, v),
                     CANDID_ERR_VARIANT_TAG);
    assert_int_equal(env.d.error_offset, 24); /* just past the tag */
    assert_int_equal(DECODE("DIDL\x02\x6d\x01\x6b\x02\x00\x7f\xbc\x8a\x01\x7d\x01\x00\x02\x01\x05\x00",
                            args_vec_result, v),
                     CANDID_ERR_TYPE_MISMATCH);
    /* a malformed scalar under a plain case is final */
    assert_int_equal(DECODE("DIDL\x02\x6d\x01\x6b\x02\xbc\x8a\x01\x7d\xc5\xfe\xd2\x01\x71\x01\x00"
                            "\x01\x01\x02n\xff",
                            args_vec_result, v),
                     CANDID_ERR_UTF8);
}

/* ---- the cache tells headers apart by every byte ---- */

static void cache_tells_headers_apart(void **state) {
    (void)state;
    /* Pairs of messages whose headers have the same length and differ in
     * one byte (first, middle or last; short and word-sized headers); the
     * second must miss the first's plan and decode at its own types. */
    static const struct { const char *a, *b; size_t len; int64_t want_b; } pairs[] = {
        {"DIDL\0\x01\x7d\x05", "DIDL\0\x01\x7c\x7b", 8, -5},                 /* last of 7 */
        {"DIDL\x01\x6e\x7d\x01\x00\x01\x05", "DIDL\x01\x6e\x7c\x01\x00\x01\x7b", 11, -5}, /* middle of 9 */
        {"DIDL\x02\x6e\x7d\x6e\x7c\x01\x00\x01\x05", "DIDL\x02\x6e\x7d\x6e\x7c\x01\x01\x01\x7b",
         13, -5},                                                                   /* last of 11 */
    };
    static const candid_type opt_int_ty = {.kind = CANDID_OPT, .size = 16, .align = 8, .offset = 8,
                                           .inner = &ty_int};
    static const candid_field f_plain[] = {{.id = 0, .offset = 0, .type = &ty_int}};
    static const candid_field f_opt[] = {{.id = 0, .offset = 0, .type = &opt_int_ty}};
    static const candid_type plain = {.kind = CANDID_RECORD, .size = 16, .align = 8, .count = 1, .fields = f_plain};
    static const candid_type opt = {.kind = CANDID_RECORD, .size = 16, .align = 8, .count = 1, .fields = f_opt};
    static uint8_t work[1 << 16], cmem[1 << 14], amem[256];
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        const candid_type *args = i == 0 ? &plain : &opt;
        candid_cache c;
        assert_int_equal(candid_cache_init(&c, cmem, sizeof cmem, 4), CANDID_OK);
        candid_decoder d;
        candid_decoder_init(&d, work, sizeof work);
        d.cache = &c;
        candid_arena a;
        struct { int64_t v0, v1; } out;
        for (int round = 0; round < 2; round++) {
            candid_arena_init(&a, amem, sizeof amem);
            assert_int_equal(candid_decode(&d, (const uint8_t *)pairs[i].a, pairs[i].len, args, &out, &a),
                             CANDID_OK);
            assert_int_equal(d.cache_hit, round); /* a's own plan is found again */
            candid_arena_init(&a, amem, sizeof amem);
            assert_int_equal(candid_decode(&d, (const uint8_t *)pairs[i].b, pairs[i].len, args, &out, &a),
                             CANDID_OK);
            assert_int_equal(d.cache_hit, round);
            assert_true((i == 0 ? out.v0 : out.v1) == pairs[i].want_b);
        }
    }
}

/* ---- the opt rules ---- */

typedef struct { uint8_t has; struct { uint8_t has; uint8_t v; } inner; } opt_opt_bool;
static const candid_type opt_bool = {.kind = CANDID_OPT, .size = 2, .align = 1, .offset = 1,
                                     .inner = &(const candid_type){.kind = CANDID_BOOL, .size = 1, .align = 1}};
static const candid_type opt_opt_bool_ty = {.kind = CANDID_OPT, .size = 3, .align = 1, .offset = 1,
                                            .inner = &opt_bool};
ARGS1(args_oob, opt_opt_bool, &opt_opt_bool_ty);
typedef struct { uint8_t has; uint64_t v; } opt_nat_t;
static const candid_type opt_nat = {.kind = CANDID_OPT, .size = 16, .align = 8, .offset = 8,
                                    .inner = &(const candid_type){.kind = CANDID_NAT, .size = 8, .align = 8}};
ARGS1(args_opt_nat, opt_nat_t, &opt_nat);

static void opt_rules(void **state) {
    (void)state;
    opt_opt_bool o;
    /* bool at opt opt bool: opt opt true */
    assert_int_equal(DECODE("DIDL\0\x01\x7e\x01", args_oob, o), CANDID_OK);
    assert_int_equal(o.has, 1);
    assert_int_equal(o.inner.has, 1);
    assert_int_equal(o.inner.v, 1);
    /* opt null : opt null at opt opt bool gives null, not opt null */
    assert_int_equal(DECODE("DIDL\x01\x6e\x7f\x01\x00\x00", args_oob, o), CANDID_OK);
    assert_int_equal(o.has, 0);
    /* opt null : opt opt bool gives opt null */
    assert_int_equal(DECODE("DIDL\x02\x6e\x01\x6e\x7e\x01\x00\x01\x00", args_oob, o), CANDID_OK);
    assert_int_equal(o.has, 1);
    assert_int_equal(o.inner.has, 0);
    opt_nat_t n;
    /* mismatch inside opt is null... */
    assert_int_equal(DECODE("DIDL\x01\x6e\x7e\x01\x00\x01\x01", args_opt_nat, n), CANDID_OK);
    assert_int_equal(n.has, 0);
    assert_true(n.v == 0);
    /* ...but malformed data under opt is an error */
    assert_int_equal(DECODE("DIDL\x01\x6e\x7e\x01\x00\x01\x02", args_opt_nat, n), CANDID_ERR_BAD_TAG);
    assert_int_equal(DECODE("DIDL\x01\x6e\x71\x01\x00\x01\x05hi", args_opt_nat, n), CANDID_ERR_TRUNCATED);
    /* reserved and null read as null; empty never */
    assert_int_equal(DECODE("DIDL\0\x01\x70", args_opt_nat, n), CANDID_OK);
    assert_int_equal(n.has, 0);
    assert_int_equal(DECODE("DIDL\0\x01\x6f", args_opt_nat, n), CANDID_ERR_EMPTY_VALUE);
    /* a missing argument of opt type is null */
    assert_int_equal(DECODE("DIDL\0\0", args_opt_nat, n), CANDID_OK);
    assert_int_equal(n.has, 0);
    /* the value itself, coerced */
    assert_int_equal(DECODE("DIDL\0\x01\x7d\x05", args_opt_nat, n), CANDID_OK);
    assert_int_equal(n.has, 1);
    assert_true(n.v == 5);
}

/* type Opt = opt Opt: true : bool must fail, not loop (nor become null) */
typedef struct { void *p; } boxed_slot;
static const candid_type fix_opt;
static const candid_type fix_opt = {.kind = CANDID_OPT, .repr = CANDID_REPR_BOXED,
                                    .size = sizeof(void *), .align = _Alignof(void *),
                                    .inner = &fix_opt};
ARGS1(args_fix_opt, boxed_slot, &fix_opt);

static void fix_opt_fails_explicitly(void **state) {
    (void)state;
    boxed_slot s;
    assert_int_equal(DECODE("DIDL\0\x01\x7e\x01", args_fix_opt, s), CANDID_ERR_DEPTH);
    assert_int_equal(DECODE("DIDL\x01\x6e\x00\x01\x00\x01\x01\x00", args_fix_opt, s), CANDID_OK);
    assert_non_null(s.p);
    void *inner;
    memcpy(&inner, s.p, sizeof inner);
    assert_non_null(inner);
    void *innermost;
    memcpy(&innermost, inner, sizeof innermost);
    assert_null(innermost);
}

/* type List = opt record { head : int; tail : List } */
typedef struct list_node { int64_t head; struct list_node *tail; } list_node;
static const candid_type list_ty;
static const candid_field node_f[] = {
    {.id = 1158359328, .offset = offsetof(list_node, head), .type = &(const candid_type){.kind = CANDID_INT, .size = 8, .align = 8}, .name = "head"},
    {.id = 1291237008, .offset = offsetof(list_node, tail), .type = &list_ty, .name = "tail"},
};
static const candid_type node_ty = {.kind = CANDID_RECORD, .size = sizeof(list_node),
                                    .align = _Alignof(list_node), .count = 2, .fields = node_f};
static const candid_type list_ty = {.kind = CANDID_OPT, .repr = CANDID_REPR_BOXED, .size = sizeof(void *),
                                    .align = _Alignof(void *), .inner = &node_ty};
typedef struct { list_node *l; } list_args;
ARGS1(args_list, list_args, &list_ty);

static void recursive_list(void **state) {
    (void)state;
    list_args a;
    assert_int_equal(DECODE("DIDL\x02\x6e\x01\x6c\x02\xa0\xd2\xac\xa8\x04\x7c\x90\xed\xda\xe7\x04\x00\x01\x00"
                            "\x01\x01\x01\x02\x01\x03\x00",
                            args_list, a),
                     CANDID_OK);
    assert_non_null(a.l);
    assert_true(a.l->head == 1);
    assert_true(a.l->tail->head == 2);
    assert_true(a.l->tail->tail->head == 3);
    assert_null(a.l->tail->tail->tail);
    /* the same list behind a reordered table */
    assert_int_equal(DECODE("DIDL\x02\x6c\x02\xa0\xd2\xac\xa8\x04\x7c\x90\xed\xda\xe7\x04\x01\x6e\x00\x01\x01"
                            "\x01\x01\x01\x02\x00",
                            args_list, a),
                     CANDID_OK);
    assert_true(a.l->tail->head == 2);
    assert_null(a.l->tail->tail);
}

static void long_list_needs_no_frames(void **state) {
    (void)state;
    /* 20,000 nodes, five times max_depth: an option whose value cannot fail
     * to coerce waits in no frame, and the tail is the record's last field. */
    enum { NODES = 20000 };
    static uint8_t msg[32 + 3 * NODES];
    static const uint8_t head[] = "DIDL\x02\x6e\x01\x6c\x02\xa0\xd2\xac\xa8\x04\x7c\x90\xed\xda\xe7\x04\x00\x01\x00";
    memcpy(msg, head, sizeof head - 1);
    size_t n = sizeof head - 1;
    for (int i = 0; i < NODES; i++) {
        msg[n++] = 1;                            /* some */
        msg[n++] = (uint8_t)(0x80 | (i & 0x3f)); /* head = i % 64, as a */
        msg[n++] = 0;                            /* two-byte SLEB128 */
    }
    msg[n++] = 0; /* none */
    static decode_env big;
    list_args a;
    assert_int_equal(decode_all_ways(&big, msg, n, &args_list, &a, sizeof a, 1 << 20), CANDID_OK);
    int64_t sum = 0;
    int count = 0;
    for (const list_node *l = a.l; l; l = l->tail) {
        sum += l->head;
        count++;
    }
    assert_int_equal(count, NODES);
    assert_int_equal(sum, (NODES / 64) * (63 * 64 / 2) + (31 * 32 / 2)); /* i % 64 summed */
}

/* opt record { x : variant { a; b } } read at opt record { x : variant { a } }:
 * the case b, two levels down, still makes the option null. */
typedef struct { uint8_t has; uint32_t tag; } opt_rec_var;
static const candid_field var_a_f[] = {{.id = 97, .type = &(const candid_type){.kind = CANDID_NULL}, .name = "a"}};
static const candid_type var_a = {.kind = CANDID_VARIANT, .size = 4, .align = 4, .count = 1, .fields = var_a_f};
static const candid_field rec_x_f[] = {{.id = 120, .offset = 0, .type = &var_a, .name = "x"}};
static const candid_type rec_x = {.kind = CANDID_RECORD, .size = 4, .align = 4, .count = 1, .fields = rec_x_f};
static const candid_type opt_rec_x = {.kind = CANDID_OPT, .size = 8, .align = 4, .offset = 4, .inner = &rec_x};
ARGS1(args_opt_rec_x, opt_rec_var, &opt_rec_x);

static void option_falls_back_for_a_deep_missing_case(void **state) {
    (void)state;
    opt_rec_var o;
    /* wire: 0 = opt 1, 1 = record { x : 2 }, 2 = variant { a; b } */
    assert_int_equal(DECODE("DIDL\x03\x6e\x01\x6c\x01\x78\x02\x6b\x02\x61\x7f\x62\x7f\x01\x00\x01\x01",
                            args_opt_rec_x, o), CANDID_OK);
    assert_int_equal(o.has, 0);
    assert_int_equal(o.tag, 0);
    assert_int_equal(DECODE("DIDL\x03\x6e\x01\x6c\x01\x78\x02\x6b\x02\x61\x7f\x62\x7f\x01\x00\x01\x00",
                            args_opt_rec_x, o), CANDID_OK);
    assert_int_equal(o.has, 1);
    assert_int_equal(o.tag, 0);
}

/* ---- vectors: bulk copies, slices, element coercion ---- */

static const candid_type vec_u32 = {.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8,
                                    .inner = &(const candid_type){.kind = CANDID_NAT32, .size = 4, .align = 4}};
typedef struct { candid_vec v; } one_vec;
ARGS1(args_vec_u32, one_vec, &vec_u32);
static const candid_type blob_ty = {.kind = CANDID_VEC, .repr = CANDID_REPR_SLICE, .size = sizeof(candid_slice),
                                    .align = 8, .inner = &(const candid_type){.kind = CANDID_NAT8, .size = 1, .align = 1}};
typedef struct { candid_slice b; } one_blob;
ARGS1(args_blob, one_blob, &blob_ty);
static const candid_type vec_int = {.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8,
                                    .inner = &(const candid_type){.kind = CANDID_INT, .size = 8, .align = 8}};
ARGS1(args_vec_int, one_vec, &vec_int);

static void vectors(void **state) {
    (void)state;
    one_vec v;
    assert_int_equal(DECODE("DIDL\x01\x6d\x79\x01\x00\x02\x01\x00\x00\x00\xff\xff\xff\xff", args_vec_u32, v),
                     CANDID_OK);
    assert_int_equal(v.v.len, 2);
    assert_int_equal(((uint32_t *)v.v.items)[0], 1);
    assert_int_equal(((uint32_t *)v.v.items)[1], UINT32_MAX);
    one_blob b;
    static const uint8_t msg[] = "DIDL\x01\x6d\x7b\x01\x00\x03\xde\xad\xbe";
    assert_int_equal(decode_all_ways(&env, msg, sizeof msg - 1, &args_blob, &b, sizeof b, 64), CANDID_OK);
    assert_int_equal(b.b.len, 3);
    assert_ptr_equal(b.b.ptr, msg + 10); /* a slice of the input, no copy */
    /* nat elements at vec int, and an empty vector of another type */
    assert_int_equal(DECODE("DIDL\x01\x6d\x7d\x01\x00\x02\x01\x80\x01", args_vec_int, v), CANDID_OK);
    assert_int_equal(v.v.len, 2);
    assert_true(((int64_t *)v.v.items)[1] == 128);
    assert_int_equal(DECODE("DIDL\x01\x6d\x71\x01\x00\x00", args_vec_int, v), CANDID_OK);
    assert_int_equal(v.v.len, 0);
    assert_int_equal(DECODE("DIDL\x01\x6d\x71\x01\x00\x01\x00", args_vec_int, v), CANDID_ERR_TYPE_MISMATCH);
    assert_int_equal(DECODE("DIDL\x01\x6d\x7c\x01\x00\x02\x01", args_vec_int, v), CANDID_ERR_TRUNCATED);
}

/* Vectors of leaves take a loop of their own; same results and errors. */
static const candid_type vec_text = {.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8,
                                     .inner = &(const candid_type){.kind = CANDID_TEXT, .size = sizeof(candid_slice), .align = 8}};
ARGS1(args_vec_text, one_vec, &vec_text);
static const candid_type vec_bool = {.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8,
                                     .inner = &(const candid_type){.kind = CANDID_BOOL, .size = 1, .align = 1}};
ARGS1(args_vec_bool, one_vec, &vec_bool);
static const candid_type vec_nat = {.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8, .inner = &ty_nat};
ARGS1(args_vec_nat, one_vec, &vec_nat);

static void vectors_of_leaves(void **state) {
    (void)state;
    one_vec v;
    assert_int_equal(DECODE("DIDL\x01\x6d\x71\x01\x00\x03\x02hi\x00\x03\xe2\x98\x83", args_vec_text, v), CANDID_OK);
    assert_int_equal(v.v.len, 3);
    candid_slice *t = v.v.items;
    assert_int_equal(t[0].len, 2);
    assert_memory_equal(t[0].ptr, "hi", 2);
    assert_int_equal(t[1].len, 0);
    assert_memory_equal(t[2].ptr, "\xe2\x98\x83", 3);
    assert_int_equal(DECODE("DIDL\x01\x6d\x71\x01\x00\x02\x02hi\x01\xff", args_vec_text, v), CANDID_ERR_UTF8);
    assert_int_equal(env.d.error_offset, 14);
    assert_int_equal(DECODE("DIDL\x01\x6d\x71\x01\x00\x02\x02hi\x05xy", args_vec_text, v), CANDID_ERR_TRUNCATED);
    assert_int_equal(DECODE("DIDL\x01\x6d\x7e\x01\x00\x03\x01\x00\x01", args_vec_bool, v), CANDID_OK);
    assert_memory_equal(v.v.items, "\x01\x00\x01", 3);
    assert_int_equal(DECODE("DIDL\x01\x6d\x7e\x01\x00\x03\x01\x02\x01", args_vec_bool, v), CANDID_ERR_BAD_TAG);
    assert_int_equal(env.d.error_offset, 11);
    assert_int_equal(DECODE("DIDL\x01\x6d\x7d\x01\x00\x03\x00\xe5\x8e\x26\x7f", args_vec_nat, v), CANDID_OK);
    assert_true(((uint64_t *)v.v.items)[1] == 624485);
    assert_true(((uint64_t *)v.v.items)[2] == 127);
    assert_int_equal(DECODE("DIDL\x01\x6d\x7d\x01\x00\x01\x80\x80\x80\x80\x80\x80\x80\x80\x80\x02",
                            args_vec_nat, v), CANDID_ERR_RANGE);
    /* The one- and two-byte loop hands over to the general reader on a
     * longer number, an overlong form and the last byte of the message. */
    assert_int_equal(DECODE("DIDL\x01\x6d\x7d\x01\x00\x08\x00\xff\x7f\x80\x01\x80\x80\x01"
                            "\x80\x00\x7f\x81\x00\x06",
                            args_vec_nat, v), CANDID_OK);
    static const uint64_t want[] = {0, 16383, 128, 16384, 0, 127, 1, 6};
    assert_int_equal(v.v.len, 8);
    assert_memory_equal(v.v.items, want, sizeof want);
    assert_int_equal(DECODE("DIDL\x01\x6d\x7d\x01\x00\x02\x81\x01\x81", args_vec_nat, v),
                     CANDID_ERR_TRUNCATED);
    assert_int_equal(DECODE("DIDL\x01\x6d\x7d\x01\x00\x03\x81\x01\x05", args_vec_nat, v),
                     CANDID_ERR_TRUNCATED);
    /* skipped: still validated */
    static const candid_type no_args = {.kind = CANDID_RECORD};
    assert_int_equal(DECODE("DIDL\x01\x6d\x71\x01\x00\x02\x02hi\x01\xff", no_args, v), CANDID_ERR_UTF8);
    assert_int_equal(DECODE("DIDL\x01\x6d\x7d\x01\x00\x02\x00\x80", no_args, v), CANDID_ERR_TRUNCATED);
}

/* ---- arena overflow reports what is needed ---- */

static void arena_overflow_reports_need(void **state) {
    (void)state;
    one_vec v;
    static const uint8_t msg[] = "DIDL\x01\x6d\x7c\x01\x00\x04\x01\x02\x03\x04";
    assert_int_equal(decode_all_ways(&env, msg, sizeof msg - 1, &args_vec_int, &v, sizeof v, 16),
                     CANDID_ERR_ARENA_FULL);
    assert_true(env.a.needed >= 32);
    assert_int_equal(decode_all_ways(&env, msg, sizeof msg - 1, &args_vec_int, &v, sizeof v, env.a.needed),
                     CANDID_OK);
    assert_true(((int64_t *)v.v.items)[3] == 4);
}

/* ---- metering and depth ---- */

static void spacebombs_fail_fast(void **state) {
    (void)state;
    one_vec v;
    static const candid_type no_args = {.kind = CANDID_RECORD};
    /* vec null of 10^9 elements, skipped and decoded */
    assert_int_equal(DECODE("DIDL\x01\x6d\x7f\x01\x00\x80\x94\xeb\xdc\x03", no_args, v), CANDID_ERR_BUDGET);
    assert_true(env.d.steps < 200000);
    assert_int_equal(DECODE("DIDL\x01\x6d\x7f\x01\x00\x80\x94\xeb\xdc\x03", args_vec_int, v), CANDID_ERR_BUDGET);
    /* a vector of non-empty elements longer than the input */
    assert_int_equal(DECODE("DIDL\x01\x6d\x7e\x01\x00\x80\x94\xeb\xdc\x03\x00\x00", no_args, v),
                     CANDID_ERR_TRUNCATED);
    /* the same budgets through a cache a wider decoder filled */
    candid_limits l;
    candid_limits_default(&l);
    candid_decoder d;
    static const uint8_t bomb[] = "DIDL\x01\x6d\x7f\x01\x00\x80\x94\xeb\xdc\x03";
    assert_int_equal(decode_limited(bomb, sizeof bomb - 1, &args_vec_int, &l, 1 << 16, 1 << 12, &v, &d),
                     CANDID_ERR_BUDGET);
    assert_int_equal(decode_limited(bomb, sizeof bomb - 1, &no_args, &l, 1 << 16, 1 << 12, NULL, &d),
                     CANDID_ERR_BUDGET);
}

static void deep_nesting_is_an_error(void **state) {
    (void)state;
    /* 100,000 nested opt: opt opt ... null */
    enum { DEPTH = 100000 };
    static uint8_t msg[8 + DEPTH + 8];
    size_t n = 0;
    memcpy(msg, "DIDL\x01\x6e\x00\x01\x00", 9);
    n = 9;
    for (int i = 0; i < DEPTH; i++) msg[n++] = 1;
    msg[n++] = 0;
    boxed_slot s;
    assert_int_equal(decode_all_ways(&env, msg, n, &args_fix_opt, &s, sizeof s, 1 << 12),
                     CANDID_ERR_DEPTH);
    /* and through a cache a decoder of a larger max_depth filled */
    candid_limits l;
    candid_limits_default(&l);
    candid_decoder d;
    assert_int_equal(decode_limited(msg, n, &args_fix_opt, &l, 1 << 18, 1 << 12, &s, &d),
                     CANDID_ERR_DEPTH);
    /* Skipping the same value needs no stack at all (options are skipped
     * iteratively), so it succeeds within the budget. */
    static const candid_type no_args = {.kind = CANDID_RECORD};
    assert_int_equal(decode_all_ways(&env, msg, n, &no_args, &s, sizeof s, 1 << 12), CANDID_OK);
}

/* ---- zero-sized elements and skipped big numbers ---- */

static const candid_type ty_reserved = {.kind = CANDID_RESERVED, .align = 1};
static const candid_type vec_reserved = {.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8,
                                         .inner = &ty_reserved};
ARGS1(args_vec_reserved, one_vec, &vec_reserved);
static const candid_type vec_vec_reserved = {.kind = CANDID_VEC, .size = sizeof(candid_vec),
                                             .align = 8, .inner = &vec_reserved};
ARGS1(args_vec_vec_reserved, one_vec, &vec_vec_reserved);

/* Elements read at reserved have slots of size 0: they are skipped, never
 * stored, and no element count is derived from a slot size. */
static void vectors_at_reserved(void **state) {
    (void)state;
    one_vec v;
#define M(lit) {(const uint8_t *)(lit), sizeof(lit) - 1}
    static const struct { const uint8_t *p; size_t len; } msgs[] = {
        M("DIDL\x01\x6d\x7c\x01\x00\x03\x01\x02\x80\x01"), /* vec int */
        M("DIDL\x01\x6d\x7d\x01\x00\x03\x01\x02\x80\x01"), /* vec nat */
        M("DIDL\x01\x6d\x7e\x01\x00\x03\x01\x00\x01"),     /* vec bool */
        M("DIDL\x01\x6d\x71\x01\x00\x03\x01\x61\x00\x00"), /* vec text */
    };
#undef M
    for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++) {
        assert_int_equal(decode_all_ways(&env, msgs[i].p, msgs[i].len, &args_vec_reserved, &v,
                                         sizeof v, 64),
                         CANDID_OK);
        assert_int_equal(v.v.len, 3);
    }
    /* vec vec int at vec vec reserved */
    assert_int_equal(DECODE("DIDL\x02\x6d\x01\x6d\x7c\x01\x00\x02\x02\x01\x02\x01\x7f",
                            args_vec_vec_reserved, v), CANDID_OK);
    assert_int_equal(v.v.len, 2);
    assert_int_equal(((candid_vec *)v.v.items)[0].len, 2);
    assert_int_equal(((candid_vec *)v.v.items)[1].len, 1);
    /* other zero-sized elements: null, empty records, at themselves */
    static const candid_type ty_null = {.kind = CANDID_NULL, .align = 1};
    static const candid_type empty_rec = {.kind = CANDID_RECORD, .align = 1};
    static const candid_type vec_null = {.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8,
                                         .inner = &ty_null};
    static const candid_type vec_empty = {.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8,
                                          .inner = &empty_rec};
    ARGS1(args_vec_null, one_vec, &vec_null);
    ARGS1(args_vec_empty, one_vec, &vec_empty);
    assert_int_equal(DECODE("DIDL\x01\x6d\x7f\x01\x00\x05", args_vec_null, v), CANDID_OK);
    assert_int_equal(v.v.len, 5);
    assert_int_equal(DECODE("DIDL\x01\x6d\x7f\x01\x00\x05", args_vec_reserved, v), CANDID_OK);
    assert_int_equal(v.v.len, 5);
    assert_int_equal(DECODE("DIDL\x02\x6d\x01\x6c\x00\x01\x00\x04", args_vec_empty, v), CANDID_OK);
    assert_int_equal(v.v.len, 4);
    assert_int_equal(DECODE("DIDL\x02\x6d\x01\x6c\x00\x01\x00\x04", args_vec_reserved, v), CANDID_OK);
    assert_int_equal(v.v.len, 4);
    /* still validated while skipped */
    assert_int_equal(DECODE("DIDL\x01\x6d\x7e\x01\x00\x02\x01\x02", args_vec_reserved, v),
                     CANDID_ERR_BAD_TAG);
    assert_int_equal(DECODE("DIDL\x01\x6d\x7d\x01\x00\x02\x01\x80", args_vec_reserved, v),
                     CANDID_ERR_TRUNCATED);
}

/* A nat or int beyond 64 bits is skipped without a range check: only a
 * value stored into a 64-bit slot can be out of range. */
typedef struct { uint8_t b; } one_u8;
static const candid_type ty_nat8 = {.kind = CANDID_NAT8, .size = 1, .align = 1};
static const candid_field rec_b_f[] = {{.id = 98, .offset = 0, .type = &ty_nat8, .name = "b"}};
static const candid_type rec_b = {.kind = CANDID_RECORD, .size = 1, .align = 1, .count = 1, .fields = rec_b_f};
ARGS1(args_rec_b, one_u8, &rec_b);
typedef struct { uint8_t has; uint8_t v; } opt_u8;
static const candid_type opt_nat8 = {.kind = CANDID_OPT, .size = 2, .align = 1, .offset = 1, .inner = &ty_nat8};
ARGS1(args_opt_nat8, opt_u8, &opt_nat8);

static void big_numbers_skipped_without_range_check(void **state) {
    (void)state;
    one_u8 r;
    /* record { a : vec nat; b : nat8 } with a = vec { 2^70 + 5 }, b = 5 */
    assert_int_equal(DECODE("DIDL\x02\x6c\x02\x61\x01\x62\x7b\x6d\x7d\x01\x00"
                            "\x01\x85\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01\x05",
                            args_rec_b, r), CANDID_OK);
    assert_int_equal(r.b, 5);
    /* vec int { -(2^70 + 5) } and vec nat { 2^70 + 5; 7 } at opt nat8: null */
    opt_u8 o = {1, 1};
    assert_int_equal(DECODE("DIDL\x01\x6d\x7c\x01\x00\x01\xfb\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7e",
                            args_opt_nat8, o), CANDID_OK);
    assert_int_equal(o.has, 0);
    assert_int_equal(DECODE("DIDL\x01\x6d\x7d\x01\x00\x02\x85\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01\x07",
                            args_opt_nat8, o), CANDID_OK);
    assert_int_equal(o.has, 0);
    /* skipped as a whole argument, and element by element at reserved */
    static const candid_type no_args = {.kind = CANDID_RECORD};
    assert_int_equal(DECODE("DIDL\x01\x6d\x7d\x01\x00\x02\x85\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01\x07",
                            no_args, o), CANDID_OK);
    one_vec v;
    assert_int_equal(DECODE("DIDL\x01\x6d\x7d\x01\x00\x02\x85\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01\x07",
                            args_vec_reserved, v), CANDID_OK);
    assert_int_equal(v.v.len, 2);
    /* stored into a uint64_t slot it is out of range */
    assert_int_equal(DECODE("DIDL\x01\x6d\x7d\x01\x00\x02\x85\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01\x07",
                            args_vec_nat, v), CANDID_ERR_RANGE);
    assert_int_equal(env.d.error_offset, 10);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nat_decodes_at_int),
        cmocka_unit_test(fixed_width_primitives),
        cmocka_unit_test(record_fields_by_id),
        cmocka_unit_test(variants_by_tag),
        cmocka_unit_test(vectors_of_variants),
        cmocka_unit_test(cache_tells_headers_apart),
        cmocka_unit_test(opt_rules),
        cmocka_unit_test(fix_opt_fails_explicitly),
        cmocka_unit_test(recursive_list),
        cmocka_unit_test(long_list_needs_no_frames),
        cmocka_unit_test(option_falls_back_for_a_deep_missing_case),
        cmocka_unit_test(vectors),
        cmocka_unit_test(vectors_of_leaves),
        cmocka_unit_test(arena_overflow_reports_need),
        cmocka_unit_test(spacebombs_fail_fast),
        cmocka_unit_test(deep_nesting_is_an_error),
        cmocka_unit_test(vectors_at_reserved),
        cmocka_unit_test(big_numbers_skipped_without_range_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
