/* Work memory and limits: work_needed is what a decode takes (a retry
 * with it succeeds, with less fails), candid_work_bound is enough, and
 * neither limits nor work memory can be bypassed through the cache. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "support.h"

static size_t put_leb(uint8_t *p, uint64_t v) {
    return candid_leb_encode(v, p);
}

/* ---- the messages ---- */

/* record { 0 : nat; ...; 299 : nat } at the same record of uint64_t. */
enum { WIDE = 300 };
static candid_field wide_f[WIDE];
static candid_type wide_rec;
static candid_field wide_arg_f[1];
static candid_type wide_args;
static const candid_type nat_ty = {.kind = CANDID_NAT, .size = 8, .align = 8};

static size_t wide_message(uint8_t *msg) {
    size_t n = 0;
    memcpy(msg, "DIDL\x01\x6c", 6);
    n = 6;
    n += put_leb(msg + n, WIDE);
    for (unsigned i = 0; i < WIDE; i++) {
        n += put_leb(msg + n, i);
        msg[n++] = 0x7d;
        wide_f[i] = (candid_field){.id = i, .offset = 8 * i, .type = &nat_ty};
    }
    msg[n++] = 1;
    msg[n++] = 0;
    for (unsigned i = 0; i < WIDE; i++) msg[n++] = (uint8_t)(i & 0x7f);
    wide_rec = (candid_type){.kind = CANDID_RECORD, .size = 8 * WIDE, .align = 8, .count = WIDE,
                             .fields = wide_f};
    wide_arg_f[0] = (candid_field){.id = 0, .offset = 0, .type = &wide_rec};
    wide_args = (candid_type){.kind = CANDID_RECORD, .size = 8 * WIDE, .align = 8, .count = 1,
                              .fields = wide_arg_f};
    return n;
}

/* type E = opt record { 0 : text; 1 : E; 2 : variant { 0 } } at wire type
 * W = opt record { 0 : text; 1 : W; 2 : variant { 0; 1 } }: every level
 * may fail to coerce, so every level holds frames. */
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

static size_t deep_message(uint8_t *msg, unsigned levels) {
    static const uint8_t head[] = "DIDL\x03\x6e\x01\x6c\x03\x00\x71\x01\x00\x02\x02\x6b\x02\x00\x7f\x01\x7f\x01\x00";
    size_t n = sizeof head - 1;
    memcpy(msg, head, n);
    for (unsigned i = 0; i < levels; i++) {
        msg[n++] = 1; /* some */
        msg[n++] = 0; /* "" */
    }
    msg[n++] = 0;
    for (unsigned i = 0; i < levels; i++) msg[n++] = 0; /* case 0 */
    return n;
}

/* A table of `entries` records, each the only field of the one before;
 * decoded at its own wire types (the plan has a node per entry). */
static size_t table_message(uint8_t *msg, unsigned entries) {
    size_t n = 4;
    memcpy(msg, "DIDL", 4);
    n += put_leb(msg + n, entries);
    for (unsigned i = 0; i < entries; i++) {
        msg[n++] = 0x6c;
        if (i + 1 == entries) {
            msg[n++] = 0;
        } else {
            msg[n++] = 1;
            msg[n++] = 0;
            n += candid_sleb_encode((int64_t)i + 1, msg + n); /* a type index */
        }
    }
    msg[n++] = 1;
    msg[n++] = 0;
    return n;
}

static const candid_type *wire_args(const uint8_t *msg, size_t len) {
    static uint8_t mem[1 << 20];
    candid_arena a;
    candid_arena_init(&a, mem, sizeof mem);
    candid_decoder d;
    candid_decoder_init(&d, NULL, 0);
    const candid_type *t = NULL;
    assert_int_equal(candid_wire_types(&d, msg, len, &t, &a), CANDID_OK);
    return t;
}

/* ---- work_needed ---- */

static candid_limits defaults(void) {
    candid_limits l;
    candid_limits_default(&l);
    return l;
}

/* The limits decode_with decodes under; NULL: the defaults. */
static const candid_limits *with_limits;

static int decode_with(const uint8_t *msg, size_t len, const candid_type *args, size_t work,
                       candid_decoder *d) {
    candid_limits l = with_limits ? *with_limits : defaults();
    void *out = calloc(1, args->size ? args->size : 1);
    int st = decode_limited(msg, len, args, &l, work, 1 << 22, out, d);
    free(out);
    return st;
}

/* Exactly work_needed bytes decode, 4 fewer do not (the top is rounded to
 * words), the same uncached, cold and warm. After WORK_FULL from any
 * smaller size, one retry with the reported size decodes. */
static void check_work(const uint8_t *msg, size_t len, const candid_type *args) {
    candid_decoder d;
    assert_int_equal(decode_with(msg, len, args, 1 << 22, &d), CANDID_OK);
    size_t need = d.work_needed;
    assert_true(need > 4);
    assert_int_equal(decode_with(msg, len, args, need, &d), CANDID_OK);
    assert_int_equal(d.work_needed, need);
    assert_int_equal(decode_with(msg, len, args, need - 4, &d), CANDID_ERR_WORK_FULL);
    assert_true(d.work_needed >= need);
    assert_int_equal(decode_with(msg, len, args, d.work_needed, &d), CANDID_OK);
    assert_int_equal(d.work_needed, need);
    const size_t starts[] = {0, 64, need / 3, need / 2, need - 4};
    for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
        size_t size = starts[i];
        int tries = 0;
        while (decode_with(msg, len, args, size, &d) == CANDID_ERR_WORK_FULL) {
            assert_true(d.work_needed > size);
            size = d.work_needed;
            assert_true(++tries <= 1);
        }
        assert_int_equal(d.work_needed, need);
    }
}

static void work_needed_wide_record(void **state) {
    (void)state;
    static uint8_t msg[4096];
    size_t n = wide_message(msg);
    check_work(msg, n, &wide_args);
}

/* An empty record at a record of 2000 optional fields, under max_depth 2:
 * the plan, all absent fields, outweighs the header and the frames, so a
 * figure that allowed only for the header failed again on the plan. */
static void work_needed_one_retry_for_a_wide_expected_type(void **state) {
    (void)state;
    enum { N = 2000 };
    static const candid_type opt_nat_ty = {.kind = CANDID_OPT, .size = 16, .align = 8, .offset = 8,
                                           .inner = &nat_ty};
    static candid_field f[N];
    for (unsigned i = 0; i < N; i++)
        f[i] = (candid_field){.id = i, .offset = 16 * i, .type = &opt_nat_ty};
    static const candid_type rec = {.kind = CANDID_RECORD, .size = 16 * N, .align = 8, .count = N,
                                    .fields = f};
    static const candid_field arg_f[] = {{.id = 0, .offset = 0, .type = &rec}};
    static const candid_type args = {.kind = CANDID_RECORD, .size = 16 * N, .align = 8, .count = 1,
                                     .fields = arg_f};
    static const uint8_t msg[] = "DIDL\x01\x6c\x00\x01\x00";
    candid_limits l = defaults();
    l.max_depth = 2;
    with_limits = &l;
    check_work(msg, sizeof msg - 1, &args);
    with_limits = NULL;
    /* With an arena too small to measure in, the figure is an estimate:
     * the retry may fail once more, then reports the exact size. */
    static struct { uint8_t has; uint64_t v; } vals[N];
    candid_decoder d;
    size_t size = 0;
    int tries = 0;
    while (decode_limited(msg, sizeof msg - 1, &args, &l, size, 16, vals, &d) == CANDID_ERR_WORK_FULL) {
        assert_true(d.work_needed > size);
        size = d.work_needed;
        assert_true(++tries <= 2);
    }
    assert_int_equal(decode_limited(msg, sizeof msg - 1, &args, &l, 1 << 22, 16, vals, &d), CANDID_OK);
}

static void work_needed_deep_values(void **state) {
    (void)state;
    static uint8_t msg[8192];
    size_t n = deep_message(msg, 1000);
    check_work(msg, n, &e_args);
    candid_decoder d;
    assert_int_equal(decode_with(msg, n, &e_args, 1 << 22, &d), CANDID_OK);
    /* two frames a level (the option and the rest of its record) */
    assert_true(d.work_needed > 2000 * 48);
}

static void work_needed_large_table(void **state) {
    (void)state;
    static uint8_t msg[16384];
    size_t n = table_message(msg, 2000);
    check_work(msg, n, wire_args(msg, n));
}

/* type T = variant { 0 : int; 1 : record { 0 : T; 1 : T } }: a tree of
 * `levels` nodes, each with its leaf on the left (right) and the rest of
 * the tree on the other side. */
static size_t tree_message(uint8_t *msg, unsigned levels, int rest_left) {
    static const uint8_t head[] = "DIDL\x02\x6b\x02\x00\x7c\x01\x01\x6c\x02\x00\x00\x01\x00\x01\x00";
    size_t n = sizeof head - 1;
    memcpy(msg, head, n);
    for (unsigned i = 0; i < levels; i++) {
        msg[n++] = 1; /* node */
        if (!rest_left) {
            msg[n++] = 0; /* leaf 0 on the left */
            msg[n++] = 0;
        }
    }
    msg[n++] = 0;
    msg[n++] = 0;
    if (rest_left)
        for (unsigned i = 0; i < levels; i++) {
            msg[n++] = 0; /* leaf 0 on the right */
            msg[n++] = 0;
        }
    return n;
}

static void work_needed_tree(void **state) {
    (void)state;
    static uint8_t msg[8192];
    const unsigned levels[] = {0, 1, 2, 3, 10, 100};
    for (size_t i = 0; i < sizeof levels / sizeof *levels; i++)
        for (int left = 0; left < 2; left++) {
            size_t n = tree_message(msg, levels[i], left);
            check_work(msg, n, wire_args(msg, n));
        }
}

/* ---- candid_work_bound ---- */

static void bound_is_enough(void **state) {
    (void)state;
    static uint8_t msg[16384], tmp[1 << 16];
    candid_limits l = defaults();
    for (int shape = 0; shape < 5; shape++) {
        size_t len;
        const candid_type *args;
        switch (shape) {
        case 0:
            len = wide_message(msg);
            args = &wide_args;
            break;
        case 1:
            len = deep_message(msg, 3);
            args = &e_args;
            break;
        case 2:
            len = deep_message(msg, 200);
            args = &e_args;
            break;
        case 3:
            len = table_message(msg, 20);
            args = wire_args(msg, len);
            break;
        default:
            len = table_message(msg, 1);
            args = wire_args(msg, len);
            break;
        }
        size_t size;
        assert_int_equal(candid_type_size(args, tmp, sizeof tmp, &size), CANDID_OK);
        size_t bound = candid_work_bound(&l, len, size);
        candid_decoder d;
        assert_int_equal(decode_with(msg, len, args, 1 << 22, &d), CANDID_OK);
        assert_true(bound >= d.work_needed);
        assert_true(bound < ((size_t)1 << 28));
        assert_int_equal(decode_with(msg, len, args, bound, &d), CANDID_OK);
    }
}

static void type_size_counts_nodes_and_fields(void **state) {
    (void)state;
    static uint8_t tmp[4096];
    size_t size;
    /* e_args: args record (1 field), E opt, its record (3 fields), text,
     * variant (1 field), null */
    assert_int_equal(candid_type_size(&e_args, tmp, sizeof tmp, &size), CANDID_OK);
    assert_int_equal(size, 2 + 1 + 4 + 1 + 2 + 1);
    assert_int_equal(candid_type_size(&e_args, tmp, 100, &size), CANDID_ERR_WORK_FULL);
    assert_int_equal(candid_type_size(&e_args, NULL, 0, &size), CANDID_ERR_WORK_FULL);
    assert_int_equal(candid_type_size(NULL, tmp, sizeof tmp, &size), CANDID_ERR_ARGUMENT);
}

/* ---- limits hold on cache hits ---- */

typedef struct { uint8_t has; uint64_t v; } opt_u64;
static const candid_type opt_nat = {.kind = CANDID_OPT, .size = 16, .align = 8, .offset = 8, .inner = &nat_ty};
static const candid_field opt_nat_f[] = {{.id = 0, .offset = 0, .type = &opt_nat}};
static const candid_type opt_nat_args = {.kind = CANDID_RECORD, .size = 16, .align = 8, .count = 1,
                                         .fields = opt_nat_f};

static void limits_hold_on_cache_hits(void **state) {
    (void)state;
    static const uint8_t m[] = "DIDL\x01\x6e\x7d\x01\x00\x01\x05";
    size_t mlen = sizeof m - 1;
    opt_u64 o;
    candid_decoder d;
    candid_limits l = defaults();
    assert_int_equal(decode_limited(m, mlen, &opt_nat_args, &l, 1 << 16, 256, &o, &d), CANDID_OK);
    assert_true(o.has == 1 && o.v == 5);
    size_t need = d.work_needed;
    l.max_table_entries = 0;
    assert_int_equal(decode_limited(m, mlen, &opt_nat_args, &l, 1 << 16, 256, &o, &d), CANDID_ERR_LIMIT);
    assert_int_equal(d.error_offset, 5);
    l = defaults();
    l.max_table_bytes = 8;
    assert_int_equal(decode_limited(m, mlen, &opt_nat_args, &l, 1 << 16, 256, &o, &d), CANDID_ERR_LIMIT);
    l = defaults();
    l.budget_base = 1;
    l.budget_per_byte = 0;
    assert_int_equal(decode_limited(m, mlen, &opt_nat_args, &l, 1 << 16, 256, &o, &d), CANDID_ERR_BUDGET);
    l = defaults();
    assert_int_equal(decode_limited(m, mlen, &opt_nat_args, &l, need - 4, 256, &o, &d),
                     CANDID_ERR_WORK_FULL);
    /* depth: ten levels of frames at max_depth 5 */
    static uint8_t deep[256];
    size_t dl = deep_message(deep, 10);
    e_node *p;
    l.max_depth = 5;
    assert_int_equal(decode_limited(deep, dl, &e_args, &l, 1 << 16, 1 << 12, &p, &d), CANDID_ERR_DEPTH);
    /* the skipping budget: a vec nat skipped at no arguments */
    static const uint8_t skip[] = "DIDL\x01\x6d\x7d\x01\x00\x05\x01\x02\x03\x04\x05";
    static const candid_type no_args = {.kind = CANDID_RECORD};
    l = defaults();
    l.skip_base = 2;
    l.skip_per_byte = 0;
    assert_int_equal(decode_limited(skip, sizeof skip - 1, &no_args, &l, 1 << 16, 256, NULL, &d),
                     CANDID_ERR_BUDGET);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(work_needed_wide_record),
        cmocka_unit_test(work_needed_one_retry_for_a_wide_expected_type),
        cmocka_unit_test(work_needed_deep_values),
        cmocka_unit_test(work_needed_large_table),
        cmocka_unit_test(work_needed_tree),
        cmocka_unit_test(bound_is_enough),
        cmocka_unit_test(type_size_counts_nodes_and_fields),
        cmocka_unit_test(limits_hold_on_cache_hits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
