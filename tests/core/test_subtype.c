/* Subtyping (spec "Upgrading and Subtyping"), directly through
 * candid_subtype and as the coercion of func and service references. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

/* t1 <: t2 (or = with CANDID_SUB_EQUAL): the answer, and the explanation
 * when it is no. */
static char why[512];
static int explain(const candid_type *a, const candid_type *b, unsigned flags) {
    int r = -1;
    assert_int_equal(candid_subtype_explain(a, b, flags, work, sizeof work, &r, why, sizeof why),
                     CANDID_OK);
    if (r) assert_string_equal(why, "");
    return r;
}

static const candid_field named_f[] = {{.id = 25979, .type = &nat_t, .name = "to"},
                                       {.id = 1213809850, .type = &text_t, .name = "memo"}};
static const candid_type r_named = {.kind = CANDID_RECORD, .count = 2, .fields = named_f, .name = "Arg"};
static const candid_field named2_f[] = {{.id = 25979, .type = &nat_t, .name = "to"}};
static const candid_type r_named2 = {.kind = CANDID_RECORD, .count = 1, .fields = named2_f};
static const candid_type vec_named2 = {.kind = CANDID_VEC, .inner = &r_named2};
static const candid_type vec_named = {.kind = CANDID_VEC, .inner = &r_named};
static const candid_type *const fv_args[] = {&vec_named, &nat_t};
static const candid_type f_vec_named = {.kind = CANDID_FUNC, .count = 1, .count2 = 1, .args = fv_args};
static const candid_type *const fv2_args[] = {&vec_named2, &text_t};
static const candid_type f_vec_named2 = {.kind = CANDID_FUNC, .count = 1, .count2 = 1, .args = fv2_args};
static const candid_method m_x[] = {{.name = "xfer", .name_len = 4, .type = &f_vec_named}};
static const candid_method m_x2[] = {{.name = "xfer", .name_len = 4, .type = &f_vec_named2}};
static const candid_type s_x = {.kind = CANDID_SERVICE, .count = 1, .methods = m_x};
static const candid_type s_x2 = {.kind = CANDID_SERVICE, .count = 1, .methods = m_x2};

static void explanations_name_the_path(void **state) {
    (void)state;
    assert_int_equal(explain(&bool_t, &nat_t, 0), 0);
    assert_string_equal(why, "bool is not a subtype of nat");
    assert_int_equal(explain(&r_empty, &r_a_nat, 0), 0);
    assert_string_equal(why, "field 1 is only in the supertype and is not opt, null or reserved");
    assert_int_equal(explain(&v01, &v0, 0), 0);
    assert_string_equal(why, "case 1 is only in the subtype");
    assert_int_equal(explain(&s_foo, &s_foo_bar, 0), 0);
    assert_string_equal(why, "method 'bar' is only in the supertype");
    assert_int_equal(explain(&f_nat_void, &f_void, 0), 0);
    assert_string_equal(why, "argument 0 of the subtype is not passed by callers of the supertype "
                             "and is not opt, null or reserved");
    assert_int_equal(explain(&f_void, &f_text_nat, 0), 0);
    assert_string_equal(why, "result 0 of the supertype is not returned by the subtype "
                             "and is not opt, null or reserved");
    assert_int_equal(explain(&f_text_nat, &f_text_nat_q, 0), 0);
    assert_string_equal(why, "annotations differ: none vs query");
    /* the argument (contravariant) holds, the result does not */
    assert_int_equal(explain(&s_x2, &s_x, 0), 0);
    assert_string_equal(why, "method 'xfer' > result 0: text is not a subtype of nat");
    /* arguments swap sides: the supertype's argument must be the subtype */
    assert_int_equal(explain(&s_x, &s_x2, 0), 0);
    assert_string_equal(why, "method 'xfer' > argument 0 > vec: field 'memo' (id 1213809850) is only "
                             "in the supertype and is not opt, null or reserved");
    assert_int_equal(explain(&r_wide, &r_a_nat, 0), 0);
    assert_string_equal(why, "field 1: int is not a subtype of nat");
    /* the field's name comes from whichever side has one */
    static const candid_field unnamed_f[] = {{.id = 25979, .type = &text_t}};
    static const candid_type r_unnamed = {.kind = CANDID_RECORD, .count = 1, .fields = unnamed_f};
    assert_int_equal(explain(&r_unnamed, &r_named2, 0), 0);
    assert_string_equal(why, "field 'to' (id 25979): text is not a subtype of nat");
    assert_int_equal(explain(&r_named2, &r_unnamed, 0), 0);
    assert_string_equal(why, "field 'to' (id 25979): nat is not a subtype of text");
    assert_int_equal(explain(&text_t, &r_named, 0), 0);
    assert_string_equal(why, "text is not a subtype of record Arg");
    /* a short buffer truncates, always terminated */
    int r = -1;
    assert_int_equal(candid_subtype_explain(&bool_t, &nat_t, 0, work, sizeof work, &r, why, 5), CANDID_OK);
    assert_string_equal(why, "bool");
    assert_int_equal(candid_subtype_explain(&bool_t, &nat_t, 0, work, sizeof work, &r, NULL, 0), CANDID_OK);
    assert_int_equal(r, 0);
}

static void equality(void **state) {
    (void)state;
    assert_int_equal(explain(&vec_rec, &vec_vec_rec, CANDID_SUB_EQUAL), 1);
    assert_int_equal(explain(&opt_nat, &opt_nat, CANDID_SUB_EQUAL), 1);
    assert_int_equal(explain(&opt_nat, &opt_bool, CANDID_SUB_EQUAL), 0);
    assert_string_equal(why, "opt: nat is not bool");
    assert_int_equal(explain(&nat_t, &int_t, CANDID_SUB_EQUAL), 0);
    assert_string_equal(why, "nat is not int");
    assert_int_equal(explain(&r_a_nat, &r_a_opt, CANDID_SUB_EQUAL), 0);
    assert_string_equal(why, "field 1: nat is not opt");
    assert_int_equal(explain(&r_empty, &r_a_opt, CANDID_SUB_EQUAL), 0);
    assert_string_equal(why, "field 1 is only in the second type");
    assert_int_equal(explain(&s_foo_bar, &s_foo, CANDID_SUB_EQUAL), 0);
    assert_string_equal(why, "method 'bar' is only in the first type");
    assert_int_equal(explain(&f_opt_void, &f_void, CANDID_SUB_EQUAL), 0);
    assert_string_equal(why, "1 -> 0 arguments and results vs 0 -> 0");
}

typedef struct warnings { char text[1024]; int n; } warnings;

static void collect(void *ctx, const char *warning) {
    warnings *w = ctx;
    size_t len = strlen(w->text);
    snprintf(w->text + len, sizeof w->text - len, "%s%s", w->n++ ? " | " : "", warning);
}

static const char *warn(const candid_type *a, const candid_type *b) {
    static warnings w;
    w.text[0] = 0;
    w.n = 0;
    assert_int_equal(explain(a, b, 0), 1);
    assert_int_equal(candid_subtype_warnings(a, b, work, sizeof work, collect, &w), CANDID_OK);
    return w.text;
}

/* record { 1 : opt nat; 2 : opt text } and record { 1 : opt bool; 2 : opt nat } */
static const candid_type opt_text = {.kind = CANDID_OPT, .inner = &text_t};
static const candid_field two_opts_f[] = {{.id = 1, .type = &opt_nat}, {.id = 2, .type = &opt_text}};
static const candid_type two_opts = {.kind = CANDID_RECORD, .count = 2, .fields = two_opts_f};
static const candid_field two_opts2_f[] = {{.id = 1, .type = &opt_bool}, {.id = 2, .type = &opt_nat}};
static const candid_type two_opts2 = {.kind = CANDID_RECORD, .count = 2, .fields = two_opts2_f};
/* opt record { 1 : opt nat } and opt record { 1 : opt text }; opt record { 1 : nat } */
static const candid_type opt_r_a_opt = {.kind = CANDID_OPT, .inner = &r_a_opt};
static const candid_field r_opt_text_f[] = {{.id = 1, .type = &opt_text}};
static const candid_type r_opt_text = {.kind = CANDID_RECORD, .count = 1, .fields = r_opt_text_f};
static const candid_type opt_r_opt_text = {.kind = CANDID_OPT, .inner = &r_opt_text};
static const candid_type opt_r_a_nat = {.kind = CANDID_OPT, .inner = &r_a_nat};
static const candid_field r_text_f[] = {{.id = 1, .type = &text_t}};
static const candid_type r_text = {.kind = CANDID_RECORD, .count = 1, .fields = r_text_f};
static const candid_type opt_r_text = {.kind = CANDID_OPT, .inner = &r_text};

static void special_opt_rule_warnings(void **state) {
    (void)state;
    assert_string_equal(warn(&opt_nat, &opt_bool), "opt: nat is not a subtype of bool");
    assert_string_equal(warn(&nat_t, &opt_bool), "opt: nat is not a subtype of bool");
    assert_string_equal(warn(&null_t, &opt_bool), "");
    assert_string_equal(warn(&opt_nat, &opt_nat), "");
    assert_string_equal(warn(&nat_t, &opt_nat), "");
    assert_string_equal(warn(&two_opts, &two_opts2),
                        "field 1 > opt: nat is not a subtype of bool | field 2 > opt: text is not a subtype of nat");
    /* the innermost option absorbs the difference, the outer one holds */
    assert_string_equal(warn(&opt_r_a_opt, &opt_r_opt_text), "opt > field 1 > opt: nat is not a subtype of text");
    assert_string_equal(warn(&opt_r_a_nat, &opt_r_text), "opt > field 1: nat is not a subtype of text");
    /* arguments: the caller's opt nat arrives at opt bool */
    static const candid_type *const fa[] = {&opt_nat};
    static const candid_type *const fb[] = {&opt_bool};
    static const candid_type f_a = {.kind = CANDID_FUNC, .count = 1, .args = fa};
    static const candid_type f_b = {.kind = CANDID_FUNC, .count = 1, .args = fb};
    assert_string_equal(warn(&f_b, &f_a), "argument 0 > opt: nat is not a subtype of bool");
}

static void errors(void **state) {
    (void)state;
    int r;
    static const candid_type opt_null_inner = {.kind = CANDID_VEC};
    assert_int_equal(candid_subtype_explain(&opt_null_inner, &vec_rec, 0, work, sizeof work, &r, NULL, 0),
                     CANDID_ERR_BAD_TYPE);
    assert_int_equal(candid_subtype_explain(&vec_rec, &vec_vec_rec, 0, work, 64, &r, NULL, 0),
                     CANDID_ERR_WORK_FULL);
    assert_int_equal(candid_subtype_explain(NULL, &vec_rec, 0, work, sizeof work, &r, NULL, 0),
                     CANDID_ERR_ARGUMENT);
}

/* 100,000 nested records (field 0) around nat, or around text, and
 * nested options compared for equality: the check takes work memory, not
 * native stack, and runs here in a thread with a 64 KiB stack. */
enum { DEEP = 100000 };
typedef struct deep_chain {
    candid_type t[DEEP + 1];
    candid_field f[DEEP];
} deep_chain;

static void build_chain(deep_chain *c, uint8_t kind, const candid_type *leaf) {
    for (uint32_t i = 0; i < DEEP; i++) {
        c->t[i] = (candid_type){.kind = kind};
        if (kind == CANDID_RECORD) {
            c->f[i] = (candid_field){.id = 0, .type = &c->t[i + 1]};
            c->t[i].count = 1;
            c->t[i].fields = &c->f[i];
        } else {
            c->t[i].inner = &c->t[i + 1];
        }
    }
    c->t[DEEP] = *leaf;
}

typedef struct deep_job {
    const candid_type *a, *b;
    unsigned flags;
    uint8_t *work;
    size_t work_cap;
    candid_status st;
    int result;
    char why[64];
} deep_job;

static void *run_deep(void *arg) {
    deep_job *j = arg;
    j->st = candid_subtype_explain(j->a, j->b, j->flags, j->work, j->work_cap, &j->result, j->why,
                                   sizeof j->why);
    return NULL;
}

static void deep_job_run(deep_job *j) {
    pthread_attr_t attr;
    pthread_t th;
    assert_int_equal(pthread_attr_init(&attr), 0);
    assert_int_equal(pthread_attr_setstacksize(&attr, 64 * 1024), 0);
    assert_int_equal(pthread_create(&th, &attr, run_deep, j), 0);
    assert_int_equal(pthread_join(th, NULL), 0);
    pthread_attr_destroy(&attr);
}

static void deep_types_take_no_native_stack(void **state) {
    (void)state;
    deep_chain *r1 = malloc(sizeof *r1), *r2 = malloc(sizeof *r2), *r3 = malloc(sizeof *r3);
    deep_chain *o1 = malloc(sizeof *o1), *o2 = malloc(sizeof *o2);
    size_t cap = 64u << 20;
    uint8_t *mem = malloc(cap);
    assert_non_null(r1 && r2 && r3 && o1 && o2 && mem);
    build_chain(r1, CANDID_RECORD, &nat_t);
    build_chain(r2, CANDID_RECORD, &int_t);
    build_chain(r3, CANDID_RECORD, &text_t);
    build_chain(o1, CANDID_OPT, &nat_t);
    build_chain(o2, CANDID_OPT, &nat_t);
    deep_job j = {.a = &r1->t[0], .b = &r2->t[0], .work = mem, .work_cap = cap};
    deep_job_run(&j);
    assert_int_equal(j.st, CANDID_OK);
    assert_int_equal(j.result, 1);
    j.b = &r3->t[0];
    deep_job_run(&j);
    assert_int_equal(j.st, CANDID_OK);
    assert_int_equal(j.result, 0);
    assert_string_equal(j.why, "field 0 > field 0 > field 0 > field 0 > field 0 > field 0 > fie");
    j = (deep_job){.a = &o1->t[0], .b = &o2->t[0], .flags = CANDID_SUB_EQUAL, .work = mem, .work_cap = cap};
    deep_job_run(&j);
    assert_int_equal(j.st, CANDID_OK);
    assert_int_equal(j.result, 1);
    /* too little work memory is an error, not a crash */
    j.work_cap = 1 << 20;
    deep_job_run(&j);
    assert_int_equal(j.st, CANDID_ERR_WORK_FULL);
    free(r1), free(r2), free(r3), free(o1), free(o2), free(mem);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(primitives_top_bottom_and_opt),
        cmocka_unit_test(records_and_variants),
        cmocka_unit_test(functions),
        cmocka_unit_test(services),
        cmocka_unit_test(recursive_types),
        cmocka_unit_test(func_references_decode_by_subtyping),
        cmocka_unit_test(explanations_name_the_path),
        cmocka_unit_test(equality),
        cmocka_unit_test(special_opt_rule_warnings),
        cmocka_unit_test(errors),
        cmocka_unit_test(deep_types_take_no_native_stack),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
