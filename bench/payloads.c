/* Benchmark payloads (issue set a-f and a canbench-style set); see
 * payloads.h. Field ids are name hashes, fields sorted by id. */
#include "payloads.h"
#include "ledger_did.h" /* generated from examples/ledger/ledger.did (bench/meson.build) */

/* The Wasm instruction counts (bench/wasm) use the types only: no libc. */
#ifdef BENCH_NO_GENERATORS
#define GEN(fn) NULL
#else
#define GEN(fn) fn
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#endif

#define T(k, ty) {.kind = (k), .size = sizeof(ty), .align = _Alignof(ty)}
static const candid_type nat_t = T(CANDID_NAT, uint64_t), int_t = T(CANDID_INT, int64_t),
                         nat64_t = T(CANDID_NAT64, uint64_t), nat32_t = T(CANDID_NAT32, uint32_t),
                         int64_t_ = T(CANDID_INT64, int64_t), int16_t_ = T(CANDID_INT16, int16_t),
                         nat8_t = T(CANDID_NAT8, uint8_t), bool_t = T(CANDID_BOOL, uint8_t),
                         text_t = T(CANDID_TEXT, candid_slice),
                         null_t = {.kind = CANDID_NULL, .align = 1};
static const candid_type blob_t = {.kind = CANDID_VEC, .repr = CANDID_REPR_SLICE, .size = sizeof(candid_slice),
                                   .align = 8, .inner = &nat8_t};
#define VEC_OF(name_, inner_) \
    static const candid_type name_ = {.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8, .inner = (inner_)}
#define ARGS1(name_, type_, size_)                                                      \
    static const candid_field name_##_f[] = {{.id = 0, .offset = 0, .type = (type_)}}; \
    static const candid_type name_ = {.kind = CANDID_RECORD, .size = (size_), .align = 8, .count = 1, .fields = name_##_f}

#ifndef BENCH_NO_GENERATORS
/* Every block the generators allocate, for bench_payload_free. */
static void **kept;
static size_t kept_len, kept_cap;

static void *keep(void *p) {
    if (!p) abort();
    if (kept_len == kept_cap) {
        kept_cap = kept_cap ? 2 * kept_cap : 64;
        kept = realloc(kept, kept_cap * sizeof *kept);
        if (!kept) abort();
    }
    return kept[kept_len++] = p;
}
static void *kept_malloc(size_t n) { return keep(malloc(n ? n : 1)); }
static void *kept_calloc(size_t n, size_t size) { return keep(calloc(n ? n : 1, size)); }

void bench_payload_free(void) {
    for (size_t i = 0; i < kept_len; i++) free(kept[i]);
    free(kept);
    kept = NULL;
    kept_len = kept_cap = 0;
}

static char *text_of(size_t i, size_t *len) {
    char buf[32];
    int n = snprintf(buf, sizeof buf, "item-%zu", i);
    char *s = kept_malloc((size_t)n);
    memcpy(s, buf, (size_t)n);
    *len = (size_t)n;
    return s;
}
#endif

/* a: (nat64) */
ARGS1(a_args, &nat64_t, 8);
#ifndef BENCH_NO_GENERATORS
static void *make_a(size_t n) {
    (void)n;
    uint64_t *v = kept_malloc(8);
    *v = 0x0123456789abcdefull;
    return v;
}
#endif

/* b: record { id : nat64; name : text; tags : vec text; balance : nat; active : bool } */
typedef struct { uint64_t id; candid_slice name; candid_vec tags; uint64_t balance; uint8_t active; } b_t;
VEC_OF(vec_text_t, &text_t);
static const candid_field b_f[] = {
    {.id = 23515, .offset = offsetof(b_t, id), .type = &nat64_t, .name = "id"},
    {.id = 373703110, .offset = offsetof(b_t, active), .type = &bool_t, .name = "active"},
    {.id = 596483356, .offset = offsetof(b_t, balance), .type = &nat_t, .name = "balance"},
    {.id = 1224700491, .offset = offsetof(b_t, name), .type = &text_t, .name = "name"},
    {.id = 1291236569, .offset = offsetof(b_t, tags), .type = &vec_text_t, .name = "tags"},
};
static const candid_type b_rec = {.kind = CANDID_RECORD, .size = sizeof(b_t), .align = 8, .count = 5, .fields = b_f};
ARGS1(b_args, &b_rec, sizeof(b_t));
#ifndef BENCH_NO_GENERATORS
static void *make_b(size_t n) {
    (void)n;
    b_t *v = kept_calloc(1, sizeof *v);
    static candid_slice tags[3] = {{(const uint8_t *)"gold", 4}, {(const uint8_t *)"early", 5},
                                   {(const uint8_t *)"verified", 8}};
    v->id = 42;
    v->name = (candid_slice){(const uint8_t *)"Ada Lovelace", 12};
    v->tags = (candid_vec){tags, 3};
    v->balance = 1000000000;
    v->active = 1;
    return v;
}
#endif

/* c: blob of n bytes */
ARGS1(c_args, &blob_t, sizeof(candid_slice));
#ifndef BENCH_NO_GENERATORS
static void *make_blob(size_t n) {
    uint8_t *b = kept_malloc(n);
    for (size_t i = 0; i < n; i++) b[i] = (uint8_t)(i * 31 + 7);
    candid_slice *s = kept_malloc(sizeof *s);
    *s = (candid_slice){b, n};
    return s;
}
#endif

/* text of n bytes (ASCII) */
ARGS1(text_args, &text_t, sizeof(candid_slice));
#ifndef BENCH_NO_GENERATORS
static void *make_text(size_t n) {
    uint8_t *b = kept_malloc(n);
    for (size_t i = 0; i < n; i++) b[i] = (uint8_t)('a' + i % 26);
    candid_slice *s = kept_malloc(sizeof *s);
    *s = (candid_slice){b, n};
    return s;
}
#endif

/* d: vec record { a : nat32; b : text; c : opt int64 } */
typedef struct { uint8_t has; int64_t v; } opt_i64;
typedef struct { uint32_t a; candid_slice b; opt_i64 c; } d_item;
static const candid_type opt_int64_t = {.kind = CANDID_OPT, .size = sizeof(opt_i64), .align = 8,
                                        .offset = offsetof(opt_i64, v), .inner = &int64_t_};
static const candid_field d_f[] = {
    {.id = 97, .offset = offsetof(d_item, a), .type = &nat32_t, .name = "a"},
    {.id = 98, .offset = offsetof(d_item, b), .type = &text_t, .name = "b"},
    {.id = 99, .offset = offsetof(d_item, c), .type = &opt_int64_t, .name = "c"},
};
static const candid_type d_rec = {.kind = CANDID_RECORD, .size = sizeof(d_item), .align = 8, .count = 3, .fields = d_f};
VEC_OF(d_vec, &d_rec);
ARGS1(d_args, &d_vec, sizeof(candid_vec));
#ifndef BENCH_NO_GENERATORS
static void *make_d(size_t n) {
    d_item *items = kept_calloc(n, sizeof *items);
    for (size_t i = 0; i < n; i++) {
        items[i].a = (uint32_t)i;
        items[i].b.ptr = (const uint8_t *)text_of(i, &items[i].b.len);
        items[i].c = (opt_i64){(uint8_t)(i % 2), -(int64_t)i};
    }
    candid_vec *v = kept_malloc(sizeof *v);
    *v = (candid_vec){items, n};
    return v;
}
#endif

/* e1: ICRC-1 TransferArg, e2: its result; the C types, descriptors and
 * headers are generated by candid bind from examples/ledger/ledger.did. */
#define e1_args ledger_did_icrc1_transfer_args_type
#define e2_args ledger_did_icrc1_transfer_result_type
static const uint8_t owner[29] = {0x0a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f, 0x60, 0x71, 0x82, 0x93};
static const uint8_t sub[32] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};
#ifndef BENCH_NO_GENERATORS
static void *make_e1(size_t n) {
    (void)n;
    ledger_did_TransferArg *t = kept_calloc(1, sizeof *t);
    t->to.owner = (candid_slice){owner, 29};
    t->to.subaccount = (ledger_did_opt_blob){1, {sub, 32}};
    t->fee = (ledger_did_opt_nat){1, 10000};
    t->memo = (ledger_did_opt_blob){1, {(const uint8_t *)"invoice 2026-11-24 #7", 21}};
    t->created_at_time = (ledger_did_opt_nat64){1, 1795000000000000000ull};
    t->amount = 123456789;
    return t;
}
#endif

#ifndef BENCH_NO_GENERATORS
static void *make_e2ok(size_t n) {
    (void)n;
    ledger_did_icrc1_transfer_ret_0 *r = kept_calloc(1, sizeof *r);
    r->tag = ledger_did_icrc1_transfer_ret_0_Ok_tag;
    r->u.Ok = 987654;
    return r;
}
#endif
#ifndef BENCH_NO_GENERATORS
static void *make_e2err(size_t n) {
    (void)n;
    ledger_did_icrc1_transfer_ret_0 *r = kept_calloc(1, sizeof *r);
    r->tag = ledger_did_icrc1_transfer_ret_0_Err_tag;
    r->u.Err.tag = ledger_did_TransferError_GenericError_tag;
    r->u.Err.u.GenericError.error_code = 500;
    r->u.Err.u.GenericError.message = (candid_slice){(const uint8_t *)"ledger is being upgraded", 24};
    return r;
}
#endif

/* f: type List = opt record { head : int; tail : List } */
typedef struct node { int64_t head; struct node *tail; } node;
static const candid_type list_t;
static const candid_field node_f[] = {
    {.id = 1158359328, .offset = offsetof(node, head), .type = &int_t, .name = "head"},
    {.id = 1291237008, .offset = offsetof(node, tail), .type = &list_t, .name = "tail"},
};
static const candid_type node_t = {.kind = CANDID_RECORD, .size = sizeof(node), .align = 8, .count = 2, .fields = node_f};
static const candid_type list_t = {.kind = CANDID_OPT, .repr = CANDID_REPR_BOXED, .size = 8, .align = 8, .inner = &node_t};
ARGS1(f_args, &list_t, sizeof(void *));
#ifndef BENCH_NO_GENERATORS
static void *make_list(size_t n) {
    node *nodes = kept_calloc(n ? n : 1, sizeof *nodes);
    for (size_t i = 0; i < n; i++) {
        nodes[i].head = (int64_t)i * 7 - 3000;
        nodes[i].tail = i + 1 < n ? &nodes[i + 1] : NULL;
    }
    node **first = kept_malloc(sizeof *first);
    *first = n ? nodes : NULL;
    return first;
}
#endif

/* type VariantList = variant { nil; cons : record { head : int; tail : VariantList } } */
typedef struct vnode { uint32_t tag; struct { int64_t head; void *tail; } cons; } vnode;
static const candid_type vlist_t;
static const candid_field cons_f[] = {
    {.id = 1158359328, .offset = 0, .type = &int_t, .name = "head"},
    {.id = 1291237008, .offset = 8, .type = &vlist_t, .name = "tail"},
};
static const candid_type cons_t = {.kind = CANDID_RECORD, .size = 16, .align = 8, .count = 2, .fields = cons_f};
static const candid_field vlist_f[] = {
    {.id = 5493713, .offset = 8, .type = &null_t, .name = "nil"},
    {.id = 1103411697, .offset = 8, .type = &cons_t, .name = "cons"},
};
static const candid_type vlist_t = {.kind = CANDID_VARIANT, .repr = CANDID_REPR_BOXED, .size = sizeof(vnode),
                                    .align = 8, .count = 2, .fields = vlist_f};
ARGS1(vlist_args, &vlist_t, sizeof(void *));
#ifndef BENCH_NO_GENERATORS
static void *make_vlist(size_t n) {
    vnode *nodes = kept_calloc(n + 1, sizeof *nodes);
    for (size_t i = 0; i < n; i++) {
        nodes[i].tag = 1;
        nodes[i].cons.head = (int64_t)i;
        nodes[i].cons.tail = &nodes[i + 1];
    }
    nodes[n].tag = 0;
    vnode **first = kept_malloc(sizeof *first);
    *first = nodes;
    return first;
}
#endif

/* vectors of fixed-width numbers and of nat */
VEC_OF(vec_int16_t, &int16_t_);
VEC_OF(vec_nat32_t, &nat32_t);
VEC_OF(vec_nat64_t, &nat64_t);
VEC_OF(vec_nat_t, &nat_t);
ARGS1(vec_int16_args, &vec_int16_t, sizeof(candid_vec));
ARGS1(vec_nat32_args, &vec_nat32_t, sizeof(candid_vec));
ARGS1(vec_nat64_args, &vec_nat64_t, sizeof(candid_vec));
ARGS1(vec_nat_args, &vec_nat_t, sizeof(candid_vec));
#ifndef BENCH_NO_GENERATORS
#define MAKE_VEC(name_, ctype_, expr_)               \
    static void *name_(size_t n) {                   \
        ctype_ *items = kept_malloc(n * sizeof *items);   \
        for (size_t i = 0; i < n; i++) items[i] = (ctype_)(expr_); \
        candid_vec *v = kept_malloc(sizeof *v);           \
        *v = (candid_vec){items, n};                 \
        return v;                                    \
    }
MAKE_VEC(make_vec_int16, int16_t, (i * 37) - 20000)
MAKE_VEC(make_vec_nat32, uint32_t, i * 2654435761u)
MAKE_VEC(make_vec_nat64, uint64_t, i * 0x9e3779b97f4a7c15ull)
/* Below 2^14, as the target counts, spread over the range (an odd
 * multiplier permutes it) so that short prefixes, which the Wasm counts
 * use, have the mix of one- and two-byte numbers of the whole. */
MAKE_VEC(make_vec_nat, uint64_t, (i * 40503u) % 16384)
#endif

/* map: vec record { text; nat } */
typedef struct { candid_slice k; uint64_t v; } map_entry;
static const candid_field map_f[] = {
    {.id = 0, .offset = offsetof(map_entry, k), .type = &text_t},
    {.id = 1, .offset = offsetof(map_entry, v), .type = &nat_t},
};
static const candid_type map_rec = {.kind = CANDID_RECORD, .size = sizeof(map_entry), .align = 8, .count = 2, .fields = map_f};
VEC_OF(map_vec, &map_rec);
ARGS1(map_args, &map_vec, sizeof(candid_vec));
#ifndef BENCH_NO_GENERATORS
static void *make_map(size_t n) {
    map_entry *e = kept_malloc(n * sizeof *e);
    for (size_t i = 0; i < n; i++) {
        e[i].k.ptr = (const uint8_t *)text_of(i, &e[i].k.len);
        e[i].v = i * 1000;
    }
    candid_vec *v = kept_malloc(sizeof *v);
    *v = (candid_vec){e, n};
    return v;
}
#endif

/* records of 16 fields (ids 0..15, nat64), decoded as they are (the cost
 * of a field) and as records of 4 */
typedef struct { uint64_t f[16]; } wide;
typedef struct { uint64_t f[4]; } narrow;
#define F(i) {.id = (i), .offset = 8 * (i), .type = &nat64_t}
static const candid_field wide_f[] = {F(0), F(1), F(2),  F(3),  F(4),  F(5),  F(6),  F(7),
                                      F(8), F(9), F(10), F(11), F(12), F(13), F(14), F(15)};
static const candid_field narrow_fixed[] = {
    {.id = 0, .offset = 0, .type = &nat64_t}, {.id = 5, .offset = 8, .type = &nat64_t},
    {.id = 10, .offset = 16, .type = &nat64_t}, {.id = 15, .offset = 24, .type = &nat64_t}};
static const candid_type wide_t = {.kind = CANDID_RECORD, .size = sizeof(wide), .align = 8, .count = 16, .fields = wide_f};
static const candid_type narrow_t = {.kind = CANDID_RECORD, .size = sizeof(narrow), .align = 8, .count = 4, .fields = narrow_fixed};
VEC_OF(wide_vec, &wide_t);
VEC_OF(narrow_vec, &narrow_t);
ARGS1(wide_args, &wide_vec, sizeof(candid_vec));
ARGS1(narrow_args, &narrow_vec, sizeof(candid_vec));
#ifndef BENCH_NO_GENERATORS
static void *make_wide(size_t n) {
    wide *w = kept_malloc(n * sizeof *w);
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < 16; k++) w[i].f[k] = i * 16 + (size_t)k;
    candid_vec *v = kept_malloc(sizeof *v);
    *v = (candid_vec){w, n};
    return v;
}
#endif

/* results: vec variant { Ok : nat; Err : text } */
typedef struct { uint32_t tag; union { uint64_t ok; candid_slice err; } u; } res;
static const candid_field res_f[] = {
    {.id = 17724, .offset = offsetof(res, u), .type = &nat_t, .name = "Ok"},
    {.id = 3456837, .offset = offsetof(res, u), .type = &text_t, .name = "Err"},
};
static const candid_type res_t = {.kind = CANDID_VARIANT, .size = sizeof(res), .align = 8, .count = 2, .fields = res_f};
VEC_OF(res_vec, &res_t);
ARGS1(res_args, &res_vec, sizeof(candid_vec));
#ifndef BENCH_NO_GENERATORS
static void *make_results(size_t n) {
    res *r = kept_malloc(n * sizeof *r);
    for (size_t i = 0; i < n; i++) {
        r[i].tag = (uint32_t)(i % 2);
        if (i % 2) r[i].u.err = (candid_slice){(const uint8_t *)"insufficient funds", 18};
        else r[i].u.ok = i;
    }
    candid_vec *v = kept_malloc(sizeof *v);
    *v = (candid_vec){r, n};
    return v;
}
#endif

const payload bench_payloads[] = {
    {"a", "(nat64)", &a_args, NULL, 1, GEN(make_a), 1, 1},
    {"b", "(record { id : nat64; name : text; tags : vec text; balance : nat; active : bool })", &b_args, NULL, 1, GEN(make_b), 1, 1},
    {"c", "(blob)", &c_args, NULL, 1 << 20, GEN(make_blob), 1 << 20, 1 << 20},
    {"d", "(vec record { a : nat32; b : text; c : opt int64 })", &d_args, NULL, 10000, GEN(make_d), 10000, 10000},
    {"e1", "(record { to : record { owner : principal; subaccount : opt blob }; fee : opt nat; memo : opt blob; "
           "from_subaccount : opt blob; created_at_time : opt nat64; amount : nat })", &e1_args, NULL, 1, GEN(make_e1), 1, 1},
    {"e2ok", "(TransferResult)", &e2_args, NULL, 1, GEN(make_e2ok), 1, 1},
    {"e2err", "(TransferResult)", &e2_args, NULL, 1, GEN(make_e2err), 1, 1},
    {"f", "(List)", &f_args, NULL, 1000, GEN(make_list), 1000, 1000},
    {"blob2m", "(blob)", &c_args, NULL, 2 << 20, GEN(make_blob), 2 << 20, 2 << 20},
    {"text2m", "(text)", &text_args, NULL, 2 << 20, GEN(make_text), 2 << 20, 2 << 20},
    {"vec_int16", "(vec int16)", &vec_int16_args, NULL, 1 << 21, GEN(make_vec_int16), 1 << 21, 1 << 21},
    {"vec_nat32", "(vec nat32)", &vec_nat32_args, NULL, 1 << 21, GEN(make_vec_nat32), 1 << 21, 1 << 21},
    {"vec_nat64", "(vec nat64)", &vec_nat64_args, NULL, 1 << 21, GEN(make_vec_nat64), 1 << 21, 1 << 21},
    {"vec_nat", "(vec nat)", &vec_nat_args, NULL, 1 << 18, GEN(make_vec_nat), 1 << 18, 1 << 14},
    {"map", "(vec record { text; nat })", &map_args, NULL, 1 << 20, GEN(make_map), 1 << 20, 1 << 14},
    {"optlist", "(List)", &f_args, NULL, 2048, GEN(make_list), 2048, 2048},
    {"variantlist", "(VariantList)", &vlist_args, NULL, 2048, GEN(make_vlist), 2048, 2048},
    {"rec16", "(vec record { 0:nat64; ... 15:nat64 })", &wide_args, NULL, 1000, GEN(make_wide), 1000, 1000},
    {"rec16as4", "(vec record { 0:nat64; ... 15:nat64 }) at (vec record { 0; 5; 10; 15 })", &wide_args, &narrow_args, 1000, GEN(make_wide), 1000, 1000},
    {"results", "(vec variant { Ok : nat; Err : text })", &res_args, NULL, 1000, GEN(make_results), 1000, 1000},
};
const size_t bench_payload_count = sizeof bench_payloads / sizeof bench_payloads[0];
