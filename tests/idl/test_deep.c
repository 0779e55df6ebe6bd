/* Nesting in .did text is bounded by memory, not by the native stack:
 * 100,000 levels parse and convert to candid_type in a thread whose stack
 * is 64 KiB, malformed deep input fails cleanly there too, and so does a
 * chain of 10,000 imports. */
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

enum { LEVELS = 100000, ARENA = 256 << 20 };

typedef struct job {
    const char *src;
    int whole_file;             /* candid_idl_parse, else candid_idl_parse_type */
    candid_status st;
    candid_syntax_error err;
    const candid_type *type;    /* parse_type's result, or the definition A */
} job;

static uint8_t *mem;

static void *run(void *arg) {
    job *j = arg;
    candid_arena arena;
    candid_arena_init(&arena, mem, ARENA);
    candid_idl idl;
    candid_idl_init(&idl, &arena);
    if (j->whole_file) {
        j->st = candid_idl_parse(&idl, j->src, strlen(j->src), &j->err);
        j->type = j->st ? NULL : candid_idl_lookup(&idl, "A", 1);
    } else {
        j->st = candid_idl_parse_type(&idl, j->src, strlen(j->src), &j->type, &j->err);
    }
    return NULL;
}

/* Runs fn(j) on a 64 KiB stack: recursion per level would overflow it. */
static void on_small_stack(void *(*fn)(void *), job *j) {
    pthread_attr_t attr;
    pthread_t t;
    assert_int_equal(pthread_attr_init(&attr), 0);
    assert_int_equal(pthread_attr_setstacksize(&attr, 64 << 10), 0);
    assert_int_equal(pthread_create(&t, &attr, fn, j), 0);
    assert_int_equal(pthread_join(t, NULL), 0);
    pthread_attr_destroy(&attr);
}

static char *repeat(const char *head, const char *unit, size_t n, const char *mid, const char *close,
                    const char *tail) {
    size_t len = strlen(head) + n * (strlen(unit) + strlen(close)) + strlen(mid) + strlen(tail) + 1;
    char *s = malloc(len), *p = s;
    assert_non_null(s);
    p += sprintf(p, "%s", head);
    for (size_t i = 0; i < n; i++) p += sprintf(p, "%s", unit);
    p += sprintf(p, "%s", mid);
    for (size_t i = 0; i < n; i++) p += sprintf(p, "%s", close);
    sprintf(p, "%s", tail);
    return s;
}

static void deep_options(void **state) {
    (void)state;
    job j = {.whole_file = 1};
    j.src = repeat("type A = ", "opt ", LEVELS, "nat", "", ";");
    on_small_stack(run, &j);
    assert_int_equal(j.st, CANDID_OK);
    const candid_type *t = j.type;
    for (int i = 0; i < LEVELS; i++) {
        assert_int_equal(t->kind, CANDID_OPT);
        t = t->inner;
    }
    assert_int_equal(t->kind, CANDID_NAT);
    free((void *)j.src);
}

/* Every kind of frame: record field, vec, variant case, service method,
 * function argument, 20,000 times each. */
static void deep_mixed(void **state) {
    (void)state;
    enum { N = LEVELS / 5 };
    job j = {0};
    j.src = repeat("", "record { x : vec variant { y : service { m : (", N, "blob", ") -> () } } }", "");
    on_small_stack(run, &j);
    assert_int_equal(j.st, CANDID_OK);
    const candid_type *t = j.type;
    for (int i = 0; i < N; i++) {
        assert_int_equal(t->kind, CANDID_RECORD);
        t = t->fields[0].type;
        assert_int_equal(t->kind, CANDID_VEC);
        t = t->inner;
        assert_int_equal(t->kind, CANDID_VARIANT);
        t = t->fields[0].type;
        assert_int_equal(t->kind, CANDID_SERVICE);
        t = t->methods[0].type;
        assert_int_equal(t->kind, CANDID_FUNC);
        assert_int_equal(t->count, 1);
        t = t->args[0];
    }
    assert_int_equal(t->kind, CANDID_VEC);
    assert_int_equal(t->repr, CANDID_REPR_SLICE);
    free((void *)j.src);
}

/* Deep input that ends too early, or closes the wrong thing. */
static void deep_errors(void **state) {
    (void)state;
    job j = {.whole_file = 1};
    j.src = repeat("type A = ", "vec record { ", LEVELS, "", "", "");
    on_small_stack(run, &j);
    assert_int_equal(j.st, CANDID_ERR_SYNTAX);
    assert_int_equal(j.err.line, 1);
    assert_int_equal(j.err.column, 10 + 13 * LEVELS);
    assert_string_equal(j.err.message, "expected a type");
    free((void *)j.src);
    j.src = repeat("type A = ", "opt record { ", LEVELS, "nat", ")", ";");
    on_small_stack(run, &j);
    assert_int_equal(j.st, CANDID_ERR_SYNTAX);
    assert_int_equal(j.err.column, 13 + 13 * LEVELS);
    assert_string_equal(j.err.message, "expected ';' or '}'");
    free((void *)j.src);
}

/* A chain of 10,000 files, each importing the next, on the same small
 * stack: imports are a heap stack of lexers too. */
enum { FILES = 10000 };
static char names[FILES][8], *sources[FILES];

static int chain_reader(void *ctx, const char *importer, const char *path, const char **name,
                        const char **src, size_t *len) {
    (void)ctx;
    (void)importer;
    int i = atoi(path);
    if (i <= 0 || i >= FILES) return 1;
    *name = names[i];
    *src = sources[i];
    *len = strlen(sources[i]);
    return 0;
}

static void *parse_chain(void *arg) {
    job *j = arg;
    candid_arena arena;
    candid_arena_init(&arena, mem, ARENA);
    candid_idl idl;
    candid_idl_init(&idl, &arena);
    j->st = candid_idl_parse_file(&idl, names[0], sources[0], strlen(sources[0]), chain_reader, NULL,
                                  &j->err);
    j->type = j->st ? NULL : candid_idl_lookup(&idl, "T0", 2);
    return NULL;
}

static void deep_imports(void **state) {
    (void)state;
    for (int i = 0; i < FILES; i++) {
        snprintf(names[i], sizeof names[i], "%d", i);
        sources[i] = malloc(64);
        assert_non_null(sources[i]);
        if (i + 1 < FILES)
            snprintf(sources[i], 64, "import \"%d\";\ntype T%d = opt T%d;", i + 1, i, i + 1);
        else
            snprintf(sources[i], 64, "type T%d = text;", i);
    }
    job j = {0};
    on_small_stack(parse_chain, &j);
    assert_int_equal(j.st, CANDID_OK);
    const candid_type *ty = j.type;
    for (int i = 0; i + 1 < FILES; i++) {
        assert_int_equal(ty->kind, CANDID_OPT);
        ty = ty->inner;
    }
    assert_int_equal(ty->kind, CANDID_TEXT);
    for (int i = 0; i < FILES; i++) free(sources[i]);
}

int main(void) {
    mem = malloc(ARENA);
    if (!mem) return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(deep_options),
        cmocka_unit_test(deep_mixed),
        cmocka_unit_test(deep_errors),
        cmocka_unit_test(deep_imports),
    };
    int r = cmocka_run_group_tests(tests, NULL, NULL);
    free(mem);
    return r;
}
