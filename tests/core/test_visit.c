/* The generic walk: a message decoded at its own wire types (generic
 * layout) reports exactly the expected event stream. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "support.h"

typedef struct trace { char text[1024]; size_t len; } trace;

static candid_status record_event(void *ctx, const candid_event *ev) {
    trace *t = ctx;
    const char *k = ev->kind == CANDID_EV_ENTER ? "+" : ev->kind == CANDID_EV_LEAVE ? "-" : "";
    int n = snprintf(t->text + t->len, sizeof t->text - t->len, "%s%u", k, ev->type->kind);
    if (ev->field && ev->kind != CANDID_EV_LEAVE)
        n += snprintf(t->text + t->len + n, sizeof t->text - t->len - n, "@%u", ev->field->id);
    if (ev->kind == CANDID_EV_VALUE && ev->type->kind == CANDID_INT) {
        candid_bignum b;
        memcpy(&b, ev->slot, sizeof b);
        int64_t v;
        candid_bignum_to_i64(b, &v);
        n += snprintf(t->text + t->len + n, sizeof t->text - t->len - n, "=%lld", (long long)v);
    }
    if (ev->kind == CANDID_EV_ENTER)
        n += snprintf(t->text + t->len + n, sizeof t->text - t->len - n, "#%llu", (unsigned long long)ev->count);
    t->len += (size_t)n;
    t->text[t->len++] = ' ';
    t->text[t->len] = 0;
    return CANDID_OK;
}

static uint8_t work[1 << 16], types_mem[1 << 14], arena_mem[1 << 14], out[256];

static void walk(const uint8_t *msg, size_t len, trace *t) {
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    candid_arena types, arena;
    candid_arena_init(&types, types_mem, sizeof types_mem);
    candid_arena_init(&arena, arena_mem, sizeof arena_mem);
    const candid_type *args;
    assert_int_equal(candid_wire_types(&d, msg, len, &args, &types), CANDID_OK);
    assert_int_equal(candid_decode(&d, msg, len, args, out, &arena), CANDID_OK);
    t->len = 0;
    t->text[0] = 0;
    assert_int_equal(candid_visit(args, out, record_event, t, work, sizeof work, 0), CANDID_OK);
}

static void list_events(void **state) {
    (void)state;
    trace t;
    /* (List) with 1, 2: opt record { head = 1; tail = opt record { head = 2; tail = null } } */
    walk(MSG("DIDL\x02\x6e\x01\x6c\x02\xa0\xd2\xac\xa8\x04\x7c\x90\xed\xda\xe7\x04\x00\x01\x00"
             "\x01\x01\x01\x02\x00"), &t);
    assert_string_equal(t.text,
                        "+20#1 +18@0#1 +20#2 4@1158359328=1 +18@1291237008#1 +20#2 4@1158359328=2 "
                        "+18@1291237008#0 -18 -20 -18 -20 -18 -20 ");
}

static void variant_vec_and_blob_events(void **state) {
    (void)state;
    trace t;
    /* (variant { 1 = vec { 5; -1 } }, blob "\01\02") */
    walk(MSG("DIDL\x03\x6b\x02\x00\x7f\x01\x01\x6d\x7c\x6d\x7b\x02\x00\x02\x01\x02\x05\x7f\x02\x01\x02"), &t);
    assert_string_equal(t.text, "+20#2 +21@0#1 +19@1#2 4=5 4=-1 -19 -21 19@1 -20 ");
}

static void depth_and_callback_errors(void **state) {
    (void)state;
    trace t;
    walk(MSG("DIDL\x01\x6e\x7c\x01\x00\x01\x2a"), &t);
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    candid_arena types;
    candid_arena_init(&types, types_mem, sizeof types_mem);
    const candid_type *args;
    static const uint8_t msg[] = "DIDL\x01\x6e\x7c\x01\x00\x01\x2a";
    assert_int_equal(candid_wire_types(&d, msg, sizeof msg - 1, &args, &types), CANDID_OK);
    assert_int_equal(candid_visit(args, out, record_event, &t, work, sizeof work, 1), CANDID_ERR_DEPTH);
    assert_int_equal(candid_visit(args, out, record_event, &t, NULL, 0, 0), CANDID_ERR_WORK_FULL);
}

/* Regression: a BOXED variant whose slot holds NULL was read through the
 * NULL pointer (its case index) before the check for NULL. */
static void null_boxed_variant_is_an_error(void **state) {
    (void)state;
    static const candid_type null_t = {.kind = CANDID_NULL, .align = 1};
    static const candid_field cases[] = {{.id = 0, .offset = 4, .type = &null_t}};
    static const candid_type v = {.kind = CANDID_VARIANT, .repr = CANDID_REPR_BOXED, .size = 4,
                                  .align = 4, .count = 1, .fields = cases};
    const void *slot = NULL;
    trace t = {.len = 0};
    assert_int_equal(candid_visit(&v, &slot, record_event, &t, work, sizeof work, 0),
                     CANDID_ERR_BAD_TYPE);
    assert_int_equal(t.len, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(list_events),
        cmocka_unit_test(variant_vec_and_blob_events),
        cmocka_unit_test(depth_and_callback_errors),
        cmocka_unit_test(null_boxed_variant_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
