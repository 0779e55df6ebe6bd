/* Values nested 100,000 levels deep through every function of the text
 * layer (parse, elaboration at a type, printing, equality, inference),
 * each run on a thread with a 64 KiB stack: any recursion that follows the
 * input overflows it. Results are checked on the main thread (cmocka's
 * assertions must not jump across threads). */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "candid/candid.h"
#include "candid/idl.h"
#include "candid/text.h"

enum { LEVELS = 100000, SMALL_STACK = 64 << 10 };
#define ARENA ((size_t)256 << 20) /* pages are touched only as used */

static candid_arena types, values;
static void *types_mem, *values_mem;
static candid_idl idl;

/* Runs fn(arg) on a thread whose stack is 64 KiB. */
static void on_small_stack(void *(*fn)(void *), void *arg) {
    pthread_attr_t attr;
    pthread_t th;
    assert_int_equal(pthread_attr_init(&attr), 0);
    assert_int_equal(pthread_attr_setstacksize(&attr, SMALL_STACK), 0);
    assert_int_equal(pthread_create(&th, &attr, fn, arg), 0);
    assert_int_equal(pthread_join(th, NULL), 0);
    pthread_attr_destroy(&attr);
}

/* prefix x LEVELS, middle, suffix x LEVELS, in "(...)". */
static char *nested(const char *prefix, const char *middle, const char *suffix) {
    size_t np = strlen(prefix), nm = strlen(middle), ns = strlen(suffix);
    char *s = malloc(LEVELS * (np + ns) + nm + 3), *o = s;
    assert_non_null(s);
    *o++ = '(';
    for (int i = 0; i < LEVELS; i++, o += np) memcpy(o, prefix, np);
    memcpy(o, middle, nm);
    o += nm;
    for (int i = 0; i < LEVELS; i++, o += ns) memcpy(o, suffix, ns);
    *o++ = ')';
    *o = 0;
    return s;
}

static int setup(void **state) {
    (void)state;
    types_mem = malloc(ARENA);
    values_mem = malloc(ARENA);
    assert_non_null(types_mem);
    assert_non_null(values_mem);
    candid_arena_init(&types, types_mem, ARENA);
    candid_arena_init(&values, values_mem, ARENA);
    candid_idl_init(&idl, &types);
    static const char defs[] = "type List = opt record { head : int; tail : List };"
                               "type Tree = vec Tree;";
    candid_syntax_error e;
    assert_int_equal(candid_idl_parse(&idl, defs, sizeof defs - 1, &e), CANDID_OK);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    free(types_mem);
    free(values_mem);
    return 0;
}

static const candid_type *args_of(const char *tuple) {
    candid_syntax_error e;
    const candid_type *t = NULL;
    assert_int_equal(candid_idl_parse_args(&idl, tuple, strlen(tuple), &t, &e), CANDID_OK);
    return t;
}

/* One job for the small-stack thread: the inputs, and what came out. */
typedef struct job {
    const char *text, *text2;     /* values to parse (text2: a second one, for equality) */
    const candid_type *args;      /* NULL: inferred */
    candid_status parsed, printed;
    candid_syntax_error err;
    int equal;                    /* text and text2 compare equal */
    candid_strbuf out;            /* the first value printed */
} job;

static void *run(void *arg) {
    job *j = arg;
    candid_arena_reset(&values); /* each job starts empty */
    if (!j->args) {
        j->parsed = candid_text_infer_args(j->text, strlen(j->text), &j->args, &types, &idl, &j->err);
        if (j->parsed) return NULL;
    }
    void *a = candid_arena_alloc(&values, j->args->size + 1, 16);
    j->parsed = candid_text_parse_args(j->text, strlen(j->text), j->args, a, &values, &idl, &j->err);
    if (j->parsed) return NULL;
    j->printed = candid_text_print_args(j->args, a, &j->out);
    if (j->text2) {
        void *b = candid_arena_alloc(&values, j->args->size + 1, 16);
        j->parsed = candid_text_parse_args(j->text2, strlen(j->text2), j->args, b, &values, &idl, &j->err);
        if (j->parsed) return NULL;
        j->equal = candid_value_equal(j->args->fields[0].type, a, b);
    }
    return NULL;
}

static void check(job *j, const char *printed) {
    on_small_stack(run, j);
    if (j->parsed) print_error("%u:%u: %s\n", j->err.line, j->err.column, j->err.message);
    assert_int_equal(j->parsed, CANDID_OK);
    assert_int_equal(j->printed, CANDID_OK);
    assert_string_equal(j->out.data, printed);
    candid_strbuf_free(&j->out);
}

/* A 100,000-node List: parsed and elaborated at List, printed, compared
 * with itself and with a list differing in its last head. */
static void deep_list(void **state) {
    (void)state;
    char *text = nested("opt record { head = 1; tail = ", "null", " }");
    char *same = nested("opt record { head = 1 : int; tail = ", "null", " }");
    char *printed = nested("opt record { head = 1 : int; tail = ", "null", " }");
    job j = {.text = text, .text2 = same, .args = args_of("(List)")};
    check(&j, printed);
    assert_true(j.equal);

    char *other = nested("opt record { head = 1; tail = ", "opt record { head = 2; tail = null }", " }");
    job k = {.text = text, .text2 = other, .args = args_of("(List)")};
    check(&k, printed);
    assert_false(k.equal);
    free(text);
    free(same);
    free(printed);
    free(other);
}

/* Types inferred for 100,000 nested options, records, variants and
 * vectors, and values elaborated, printed and compared at them. */
static void deep_inferred(void **state) {
    (void)state;
    char *text = nested("opt record { variant { x = vec { ", "true", " } } }");
    char *printed = nested("opt record { variant { x = vec { ", "true", " } } }");
    job j = {.text = text, .text2 = text};
    check(&j, printed);
    assert_true(j.equal);
    const candid_type *t = j.args->fields[0].type;
    for (int i = 0; i < LEVELS; i++) {
        assert_int_equal(t->kind, CANDID_OPT);
        assert_int_equal(t->inner->kind, CANDID_RECORD);
        assert_int_equal(t->inner->fields[0].type->kind, CANDID_VARIANT);
        t = t->inner->fields[0].type->fields[0].type;
        assert_int_equal(t->kind, CANDID_VEC);
        t = t->inner;
    }
    assert_int_equal(t->kind, CANDID_BOOL);
    free(text);
    free(printed);
}

/* Parentheses and annotations 100,000 deep, at a recursive type. */
static void deep_parentheses_and_annotations(void **state) {
    (void)state;
    char *text = nested("(vec { ", "", "} : Tree)");
    /* the innermost vec is empty: "vec {}" */
    char *printed = malloc(LEVELS * 8 + 16);
    assert_non_null(printed);
    char *o = printed;
    *o++ = '(';
    for (int i = 1; i < LEVELS; i++, o += 6) memcpy(o, "vec { ", 6);
    memcpy(o, "vec {}", 6);
    o += 6;
    for (int i = 1; i < LEVELS; i++, o += 2) memcpy(o, " }", 2);
    strcpy(o, ")");
    job j = {.text = text, .text2 = text, .args = args_of("(Tree)")};
    check(&j, printed);
    assert_true(j.equal);
    free(text);
    free(printed);
}

/* A value under two annotations per level is written 2^levels times in
 * a naive elaboration; 30 levels must fail fast on the work budget, not
 * run for hours. */
static void nested_annotations_are_budgeted(void **state) {
    (void)state;
    enum { K = 30 };
    char text[K * 24 + 16] = "(", *o = text + 1;
    for (int i = 0; i < K; i++, o += 2) memcpy(o, "((", 2);
    o += sprintf(o, "null");
    for (int i = 0; i < K; i++) o += sprintf(o, " : reserved) : null)");
    strcpy(o, ")");
    job j = {.text = text, .args = args_of("(null)")};
    on_small_stack(run, &j);
    assert_int_equal(j.parsed, CANDID_ERR_BUDGET);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(deep_list, setup, teardown),
        cmocka_unit_test_setup_teardown(deep_inferred, setup, teardown),
        cmocka_unit_test_setup_teardown(deep_parentheses_and_annotations, setup, teardown),
        cmocka_unit_test_setup_teardown(nested_annotations_are_budgeted, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
