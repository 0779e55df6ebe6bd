/* Subtyping (spec "Upgrading and Subtyping"), directly through
 * candid_subtype and as the coercion of func and service references. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "support.h"

#define P(k) (&(const candid_type){.kind = (k)})
static const candid_type nat_t = {.kind = CANDID_NAT}, int_t = {.kind = CANDID_INT},
                         bool_t = {.kind = CANDID_BOOL}, null_t = {.kind = CANDID_NULL},
                         text_t = {.kind = CANDID_TEXT}, empty_t = {.kind = CANDID_EMPTY},
                         reserved_t = {.kind = CANDID_RESERVED}, principal_t = {.kind = CANDID_PRINCIPAL};
static const candid_type opt_bool = {.kind = CANDID_OPT, .inner = &bool_t};
static const candid_type opt_nat = {.kind = CANDID_OPT, .inner = &nat_t};

static uint8_t work[1 << 16];

static int sub(const candid_type *a, const candid_type *b) {
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    int r = -1;
    assert_int_equal(candid_subtype(&d, a, b, &r), CANDID_OK);
    return r;
}

static void primitives_top_bottom_and_opt(void **state) {
    (void)state;
    assert_int_equal(sub(&nat_t, &nat_t), 1);
    assert_int_equal(sub(&nat_t, &int_t), 1);
    assert_int_equal(sub(&int_t, &nat_t), 0);
    assert_int_equal(sub(&bool_t, &nat_t), 0);
    assert_int_equal(sub(&nat_t, &reserved_t), 1);
    assert_int_equal(sub(&empty_t, &text_t), 1);
    assert_int_equal(sub(&text_t, &empty_t), 0);
    /* every type is a subtype of an option */
    assert_int_equal(sub(&nat_t, &opt_bool), 1);
    assert_int_equal(sub(&opt_nat, &opt_bool), 1);
    assert_int_equal(sub(&opt_bool, &bool_t), 0);
    assert_int_equal(sub(&null_t, &opt_bool), 1);
}

static const candid_field r0_f[] = {{.id = 1, .type = &nat_t}};
static const candid_type r_a_nat = {.kind = CANDID_RECORD, .count = 1, .fields = r0_f};
static const candid_field r1_f[] = {{.id = 1, .type = &opt_nat}};
static const candid_type r_a_opt = {.kind = CANDID_RECORD, .count = 1, .fields = r1_f};
static const candid_type r_empty = {.kind = CANDID_RECORD};
static const candid_field r2_f[] = {{.id = 1, .type = &int_t}, {.id = 2, .type = &text_t}};
static const candid_type r_wide = {.kind = CANDID_RECORD, .count = 2, .fields = r2_f};
static const candid_field v_f[] = {{.id = 0, .type = &null_t}, {.id = 1, .type = &nat_t}};
static const candid_type v01 = {.kind = CANDID_VARIANT, .count = 2, .fields = v_f};
static const candid_type v0 = {.kind = CANDID_VARIANT, .count = 1, .fields = v_f};

static void records_and_variants(void **state) {
    (void)state;
    assert_int_equal(sub(&r_a_nat, &r_empty), 1);      /* fields may be dropped */
    assert_int_equal(sub(&r_empty, &r_a_opt), 1);      /* optional ones added */
    assert_int_equal(sub(&r_empty, &r_a_nat), 0);      /* required ones not */
    assert_int_equal(sub(&r_a_nat, &r_wide), 0);       /* missing text */
    assert_int_equal(sub(&r_wide, &r_a_nat), 0);       /* int </: nat */
    assert_int_equal(sub(&v0, &v01), 1);               /* cases may be added */
    assert_int_equal(sub(&v01, &v0), 0);               /* not removed */
}

/* func (text) -> (nat) and friends */
static const candid_type *const f1_args[] = {&text_t, &nat_t};
static const candid_type f_text_nat = {.kind = CANDID_FUNC, .count = 1, .count2 = 1, .args = f1_args};
static const candid_type f_text_nat_q = {.kind = CANDID_FUNC, .count = 1, .count2 = 1, .args = f1_args,
                                         .aux = CANDID_ANN_QUERY};
static const candid_type *const f2_args[] = {&text_t, &opt_nat};
static const candid_type f_text_opt_void = {.kind = CANDID_FUNC, .count = 2, .count2 = 0, .args = f2_args};
static const candid_type *const f3_args[] = {&opt_nat};
static const candid_type f_opt_void = {.kind = CANDID_FUNC, .count = 1, .args = f3_args};
static const candid_type f_void = {.kind = CANDID_FUNC};
static const candid_type *const f4_args[] = {&nat_t};
static const candid_type f_nat_void = {.kind = CANDID_FUNC, .count = 1, .args = f4_args};

static void functions(void **state) {
    (void)state;
    /* results covariant, extra results dropped; arguments contravariant */
    assert_int_equal(sub(&f_text_nat, &f_text_opt_void), 1);
    assert_int_equal(sub(&f_opt_void, &f_void), 1);      /* optional argument dropped */
    assert_int_equal(sub(&f_nat_void, &f_void), 0);      /* required argument */
    assert_int_equal(sub(&f_void, &f_nat_void), 1);      /* extra argument ignored */
    /* annotations must be equal as sets */
    assert_int_equal(sub(&f_text_nat, &f_text_nat_q), 0);
    assert_int_equal(sub(&f_text_nat_q, &f_text_nat), 0);
}

static const candid_method m_foo[] = {{.name = "foo", .name_len = 3, .type = &f_text_nat}};
static const candid_method m_foo_bar[] = {{.name = "bar", .name_len = 3, .type = &f_void},
                                          {.name = "foo", .name_len = 3, .type = &f_text_nat}};
static const candid_type s_empty = {.kind = CANDID_SERVICE};
static const candid_type s_foo = {.kind = CANDID_SERVICE, .count = 1, .methods = m_foo};
static const candid_type s_foo_bar = {.kind = CANDID_SERVICE, .count = 2, .methods = m_foo_bar};

static void services(void **state) {
    (void)state;
    assert_int_equal(sub(&s_foo_bar, &s_foo), 1);
    assert_int_equal(sub(&s_foo, &s_foo_bar), 0);
    assert_int_equal(sub(&s_foo, &s_empty), 1);
    assert_int_equal(sub(&s_foo, &principal_t), 1);     /* service <: principal */
    assert_int_equal(sub(&principal_t, &s_empty), 0);
}

/* type Vec = vec Vec; type R = record { 0 : R }; type S = service { m : () -> (S) } */
static const candid_type vec_rec;
static const candid_type vec_rec = {.kind = CANDID_VEC, .inner = &vec_rec};
static const candid_type vec_vec_rec = {.kind = CANDID_VEC, .inner = &vec_rec};
static const candid_type rec_rec;
static const candid_field rec_rec_f[] = {{.id = 0, .type = &rec_rec}};
static const candid_type rec_rec = {.kind = CANDID_RECORD, .count = 1, .fields = rec_rec_f};
static const candid_type svc_rec;
static const candid_type *const svc_m_args[] = {&svc_rec};
static const candid_type svc_m = {.kind = CANDID_FUNC, .count = 0, .count2 = 1, .args = svc_m_args};
static const candid_method svc_methods[] = {{.name = "m", .name_len = 1, .type = &svc_m}};
static const candid_type svc_rec = {.kind = CANDID_SERVICE, .count = 1, .methods = svc_methods};

static void recursive_types(void **state) {
    (void)state;
    assert_int_equal(sub(&vec_rec, &vec_vec_rec), 1);
    assert_int_equal(sub(&vec_vec_rec, &vec_rec), 1);
    assert_int_equal(sub(&vec_rec, &empty_t), 0);
    assert_int_equal(sub(&empty_t, &vec_rec), 1);
    assert_int_equal(sub(&rec_rec, &rec_rec), 1);
    assert_int_equal(sub(&svc_rec, &s_empty), 1);
    assert_int_equal(sub(&svc_rec, &principal_t), 1);
}

/* A func reference decodes only when its wire type is a subtype; under opt
 * a mismatch is null. */
typedef struct { uint8_t has; candid_funcref f; } opt_func;
static const candid_type func_exp = {.kind = CANDID_FUNC, .size = sizeof(candid_funcref), .align = 8,
                                     .count = 1, .count2 = 1, .args = f1_args};
static const candid_type opt_func_t = {.kind = CANDID_OPT, .size = sizeof(opt_func), .align = 8,
                                       .offset = offsetof(opt_func, f), .inner = &func_exp};
static const candid_field args_f[] = {{.id = 0, .offset = 0, .type = &opt_func_t}};
static const candid_type args_t = {.kind = CANDID_RECORD, .size = sizeof(opt_func), .align = 8,
                                   .count = 1, .fields = args_f};
static decode_env env;

static void func_references_decode_by_subtyping(void **state) {
    (void)state;
    opt_func o;
    /* func (text) -> (nat) query is not a subtype of func (text) -> (nat) */
    assert_int_equal(decode_all_ways(&env, MSG("DIDL\x01\x6a\x01\x71\x01\x7d\x01\x01\x01\x00"
                                               "\x01\x01\x03\xca\xff\xee\x03" "foo"),
                                     &args_t, &o, sizeof o, 256),
                     CANDID_OK);
    assert_int_equal(o.has, 0);
    /* func (text, opt text) -> (nat, bool) is */
    assert_int_equal(decode_all_ways(&env, MSG("DIDL\x02\x6a\x02\x71\x01\x02\x7d\x7e\x00\x6e\x71\x01\x00"
                                               "\x01\x01\x03\xca\xff\xee\x03" "foo"),
                                     &args_t, &o, sizeof o, 256),
                     CANDID_OK);
    assert_int_equal(o.has, 1);
    assert_int_equal(o.f.principal.len, 3);
    assert_memory_equal(o.f.principal.ptr, "\xca\xff\xee", 3);
    assert_int_equal(o.f.method.len, 3);
    assert_memory_equal(o.f.method.ptr, "foo", 3);
    /* an opaque reference (tag 0) is rejected */
    assert_int_equal(decode_all_ways(&env, MSG("DIDL\x01\x6a\x01\x71\x01\x7d\x00\x01\x00\x00\x01\x00"),
                                     &args_t, &o, sizeof o, 256),
                     CANDID_ERR_BAD_TAG);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(primitives_top_bottom_and_opt),
        cmocka_unit_test(records_and_variants),
        cmocka_unit_test(functions),
        cmocka_unit_test(services),
        cmocka_unit_test(recursive_types),
        cmocka_unit_test(func_references_decode_by_subtyping),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
