/* Descriptions and values that contain themselves: the header builder
 * refuses a type that contains itself inline, and the encoder stops on a
 * value that reaches itself through pointers, instead of running forever. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "candid/candid.h"

static _Alignas(8) uint8_t work[1 << 14];
static uint8_t hb[256], out[1 << 16];

static candid_status build(candid_header *h, const candid_type *args) {
    return candid_header_build(h, args, hb, sizeof hb, work, sizeof work);
}

static candid_status encode(const candid_type *args, const void *values) {
    candid_header h;
    assert_int_equal(build(&h, args), CANDID_OK);
    candid_writer w;
    candid_writer_init(&w, out, sizeof out);
    return candid_encode(&w, &h, values, work, sizeof work, 0);
}

/* record R { r : R }, no BOXED node: no finite value */
static const candid_type self_rec;
static const candid_field self_rec_f[] = {{.id = 114, .type = &self_rec, .name = "r"}};
static const candid_type self_rec = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1,
                                     .fields = self_rec_f};
static const candid_field self_args_f[] = {{.id = 0, .type = &self_rec}};
static const candid_type self_args = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1,
                                      .fields = self_args_f};

/* A = record { b : opt B }, B = variant { a : A; z : null }, all inline */
static const candid_type cyc_a, cyc_b;
static const candid_type cyc_opt_b = {.kind = CANDID_OPT, .size = 16, .align = 8, .offset = 8,
                                      .inner = &cyc_b};
static const candid_field cyc_a_f[] = {{.id = 98, .type = &cyc_opt_b, .name = "b"}};
static const candid_type cyc_a = {.kind = CANDID_RECORD, .size = 16, .align = 8, .count = 1,
                                  .fields = cyc_a_f};
static const candid_field cyc_b_f[] = {
    {.id = 97, .offset = 8, .type = &cyc_a, .name = "a"},
    {.id = 122, .offset = 8, .type = &(const candid_type){.kind = CANDID_NULL}, .name = "z"},
};
static const candid_type cyc_b = {.kind = CANDID_VARIANT, .size = 24, .align = 8, .count = 2,
                                  .fields = cyc_b_f};
static const candid_field cyc_args_f[] = {{.id = 0, .type = &cyc_a}};
static const candid_type cyc_args = {.kind = CANDID_RECORD, .size = 16, .align = 8, .count = 1,
                                     .fields = cyc_args_f};

static void inline_self_containment_is_a_bad_type(void **state) {
    (void)state;
    candid_header h;
    assert_int_equal(build(&h, &self_args), CANDID_ERR_BAD_TYPE);
    assert_null(h.args);
    assert_int_equal(build(&h, &cyc_args), CANDID_ERR_BAD_TYPE);
    /* too little work memory for the check is WORK_FULL, not a pass */
    assert_int_equal(candid_header_build(&h, &self_args, hb, sizeof hb, work, 8), CANDID_ERR_WORK_FULL);
}

/* type List = opt record { head : nat8; tail : List }, boxed */
typedef struct node { struct node *tail; uint8_t head; } node;
static const candid_type list_t;
static const candid_field node_f[] = {
    {.id = 1158359328, .offset = offsetof(node, head),
     .type = &(const candid_type){.kind = CANDID_NAT8, .size = 1, .align = 1}, .name = "head"},
    {.id = 1291237008, .offset = offsetof(node, tail), .type = &list_t, .name = "tail"},
};
static const candid_type node_t = {.kind = CANDID_RECORD, .size = sizeof(node), .align = 8,
                                   .count = 2, .fields = node_f};
static const candid_type list_t = {.kind = CANDID_OPT, .repr = CANDID_REPR_BOXED, .size = 8,
                                   .align = 8, .inner = &node_t};
static const candid_field list_args_f[] = {{.id = 0, .type = &list_t}};
static const candid_type list_args = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1,
                                      .fields = list_args_f};

static void cyclic_lists_are_depth_errors(void **state) {
    (void)state;
    static node n[1000];
    for (int len = 1; len <= 1000; len = len < 8 ? len + 1 : len * 5) {
        for (int i = 0; i < len; i++) n[i] = (node){&n[(i + 1) % len], (uint8_t)i};
        node *first = &n[0];
        assert_int_equal(encode(&list_args, &first), CANDID_ERR_DEPTH);
        /* the same nodes without the back edge encode */
        n[len - 1].tail = NULL;
        assert_int_equal(encode(&list_args, &first), CANDID_OK);
    }
    /* a cycle entered after a prefix */
    for (int i = 0; i < 100; i++) n[i] = (node){&n[i + 1], (uint8_t)i};
    n[100] = (node){&n[60], 100};
    node *first = &n[0];
    assert_int_equal(encode(&list_args, &first), CANDID_ERR_DEPTH);
}

/* type T = vec T: a vector whose only element is itself */
static const candid_type vt;
static const candid_type vt = {.kind = CANDID_VEC, .size = sizeof(candid_vec),
                               .align = _Alignof(candid_vec), .inner = &vt};
static const candid_field vt_args_f[] = {{.id = 0, .type = &vt}};
static const candid_type vt_args = {.kind = CANDID_RECORD, .size = sizeof(candid_vec),
                                    .align = _Alignof(candid_vec), .count = 1, .fields = vt_args_f};

/* type R = record { r : R }, boxed: an endless chain that writes nothing */
static const candid_type boxed_rec;
static const candid_field boxed_rec_f[] = {{.id = 114, .type = &boxed_rec, .name = "r"}};
static const candid_type boxed_rec = {.kind = CANDID_RECORD, .repr = CANDID_REPR_BOXED, .size = 8,
                                      .align = 8, .count = 1, .fields = boxed_rec_f};
static const candid_field boxed_args_f[] = {{.id = 0, .type = &boxed_rec}};
static const candid_type boxed_args = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1,
                                       .fields = boxed_args_f};

/* type V = variant { v : V; end }, boxed */
static const candid_type var_t;
static const candid_field var_f[] = {
    {.id = 118, .offset = 8, .type = &var_t, .name = "v"},
    {.id = 5047055, .offset = 8, .type = &(const candid_type){.kind = CANDID_NULL}, .name = "end"},
};
static const candid_type var_t = {.kind = CANDID_VARIANT, .repr = CANDID_REPR_BOXED, .size = 8,
                                  .align = 8, .count = 2, .fields = var_f};
static const candid_field var_args_f[] = {{.id = 0, .type = &var_t}};
static const candid_type var_args = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1,
                                     .fields = var_args_f};

static void cyclic_values_of_every_pointer_kind(void **state) {
    (void)state;
    candid_vec self = {NULL, 1};
    self.items = &self;
    assert_int_equal(encode(&vt_args, &self), CANDID_ERR_DEPTH);
    candid_vec leaf = {NULL, 0}, two[2] = {{&leaf, 1}, {NULL, 2}};
    two[1].items = two; /* vec { vec { vec {} }; <itself> } */
    candid_vec root = {two, 2};
    assert_int_equal(encode(&vt_args, &root), CANDID_ERR_DEPTH);
    two[1] = leaf;
    assert_int_equal(encode(&vt_args, &root), CANDID_OK);

    void *r = &r; /* a boxed record whose field points back at it */
    void *boxed = &r;
    assert_int_equal(encode(&boxed_args, &boxed), CANDID_ERR_DEPTH);

    struct { uint32_t tag; void *next; } v = {0, NULL};
    v.next = &v;
    void *vp = &v;
    assert_int_equal(encode(&var_args, &vp), CANDID_ERR_DEPTH);
    struct { uint32_t tag; void *next; } end = {1, NULL};
    v.next = &end;
    assert_int_equal(encode(&var_args, &vp), CANDID_OK);
}

/* Sharing is not a cycle: a DAG in which one list is the tail of many
 * others, and a vector holding the same list many times, encode whole. */
static void shared_values_are_not_cycles(void **state) {
    (void)state;
    static node n[64];
    for (int i = 0; i < 64; i++) n[i] = (node){i + 1 < 64 ? &n[i + 1] : NULL, (uint8_t)i};
    node *first = &n[0];
    assert_int_equal(encode(&list_args, &first), CANDID_OK);
    candid_header h;
    assert_int_equal(build(&h, &list_args), CANDID_OK);
    candid_writer w;
    candid_writer_init(&w, out, sizeof out);
    assert_int_equal(candid_encode(&w, &h, &first, work, sizeof work, 0), CANDID_OK);
    assert_int_equal(w.total, h.len + 64 * 2 + 1);

    candid_vec leaf = {NULL, 0}, mid[8], top;
    for (int i = 0; i < 8; i++) mid[i] = (candid_vec){&leaf, 1};
    top = (candid_vec){mid, 8};
    candid_vec same[4] = {top, top, top, top};
    candid_vec root = {same, 4};
    assert_int_equal(encode(&vt_args, &root), CANDID_OK);
}

/* A chain of 6000 inline options (opt opt ... opt nat8), then the same
 * chain closed into a cycle. Building its header is linear: the builder
 * used to find a type by a linear search and mark the cycle check's
 * entries one pass at a time, cubic here (it ran for minutes). */
#define CHAIN 6000
static candid_type chain[CHAIN];
static _Alignas(8) uint8_t chain_work[CHAIN * 24];
static uint8_t chain_hb[CHAIN * 3 + 16], chain_want[CHAIN * 3 + 16];

static void long_inline_chains_build_in_linear_time(void **state) {
    (void)state;
    static const candid_type nat8_t = {.kind = CANDID_NAT8, .size = 1, .align = 1};
    for (int i = 0; i < CHAIN; i++)
        chain[i] = (candid_type){.kind = CANDID_OPT, .size = (uint32_t)(CHAIN + 1 - i),
                                 .align = 1, .offset = 1,
                                 .inner = i + 1 < CHAIN ? &chain[i + 1] : &nat8_t};
    const candid_field f = {.id = 0, .type = &chain[0]};
    const candid_type args = {.kind = CANDID_RECORD, .size = CHAIN + 1, .align = 1, .count = 1,
                              .fields = &f};
    /* "DIDL", the count, entry i is opt (i + 1), the last opt nat8; (0) */
    size_t n = 4;
    memcpy(chain_want, "DIDL", 4);
    n += candid_leb_encode(CHAIN, chain_want + n);
    for (int i = 0; i < CHAIN; i++) {
        chain_want[n++] = 0x6e;
        n += candid_sleb_encode(i + 1 < CHAIN ? i + 1 : -CANDID_NAT8, chain_want + n);
    }
    chain_want[n++] = 1;
    chain_want[n++] = 0;
    candid_header h;
    assert_int_equal(candid_header_build(&h, &args, chain_hb, sizeof chain_hb, chain_work,
                                         sizeof chain_work),
                     CANDID_OK);
    assert_int_equal(h.len, n);
    assert_memory_equal(chain_hb, chain_want, n);
    /* 24 bytes of work per composite type suffice, and less does not */
    if (sizeof(void *) == 8)
        assert_int_equal(candid_header_build(&h, &args, chain_hb, sizeof chain_hb, chain_work,
                                             sizeof chain_work - 1),
                         CANDID_ERR_WORK_FULL);
    chain[CHAIN - 1].inner = &chain[0];
    assert_int_equal(candid_header_build(&h, &args, chain_hb, sizeof chain_hb, chain_work,
                                         sizeof chain_work),
                     CANDID_ERR_BAD_TYPE);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(inline_self_containment_is_a_bad_type),
        cmocka_unit_test(cyclic_lists_are_depth_errors),
        cmocka_unit_test(cyclic_values_of_every_pointer_kind),
        cmocka_unit_test(shared_values_are_not_cycles),
        cmocka_unit_test(long_inline_chains_build_in_linear_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
