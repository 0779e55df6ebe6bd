/* Random values: for many types, values encode and decode back equal and
 * print and parse back equal; exact output for a fixed seed; types without
 * values fail; bounds hold; deep smallest values need no recursion. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>

#include "candid/candid.h"
#include "candid/idl.h"
#include "candid/random.h"
#include "candid/text.h"

enum { TYPES_CAP = 16 << 20, VALUES_CAP = 16 << 20, WORK_CAP = 1 << 20 };
static uint8_t *types_mem, *values_mem, *work;
static candid_arena types, values;
static candid_idl idl;

static const char defs[] =
    "type List = opt record { head : int; tail : List };"
    "type Tree = variant { leaf : int; node : record { left : Tree; right : Tree } };"
    "type Expr = variant { num : float64; neg : Expr; add : record { Expr; Expr }; var : text };"
    "type Rose = record { label : text; kids : vec Rose };"
    "type NoValue = record { self : NoValue };"
    "type F = func (nat) -> (text) query;"
    "type S = service { get : () -> (nat) query; put : (F) -> () };";

static int setup(void **state) {
    (void)state;
    types_mem = malloc(TYPES_CAP);
    values_mem = malloc(VALUES_CAP);
    work = malloc(WORK_CAP);
    candid_arena_init(&types, types_mem, TYPES_CAP);
    candid_arena_init(&values, values_mem, VALUES_CAP);
    candid_idl_init(&idl, &types);
    candid_syntax_error e;
    assert_int_equal(candid_idl_parse(&idl, defs, sizeof defs - 1, &e), CANDID_OK);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    free(types_mem);
    free(values_mem);
    free(work);
    return 0;
}

static const candid_type *args_of(const char *tuple) {
    candid_syntax_error e;
    const candid_type *t = NULL;
    assert_int_equal(candid_idl_parse_args(&idl, tuple, strlen(tuple), &t, &e), CANDID_OK);
    return t;
}

static void *block(const candid_type *args) {
    void *b = candid_arena_alloc(&values, args->size + 1, 16);
    assert_non_null(b);
    memset(b, 0, args->size + 1);
    return b;
}

static int args_equal(const candid_type *args, const void *a, const void *b) {
    for (uint32_t i = 0; i < args->count; i++) {
        const candid_field *f = &args->fields[i];
        if (!candid_value_equal(f->type, (const uint8_t *)a + f->offset, (const uint8_t *)b + f->offset))
            return 0;
    }
    return 1;
}

/* The message of the values, malloc'd. */
static uint8_t *encoded(const candid_type *args, const void *v, size_t *len) {
    static uint8_t hdr[1 << 16];
    candid_header h;
    assert_int_equal(candid_header_build(&h, args, hdr, sizeof hdr, work, WORK_CAP), CANDID_OK);
    candid_writer w;
    candid_writer_init(&w, NULL, 0);
    assert_int_equal(candid_encode(&w, &h, v, work, WORK_CAP, 0), CANDID_OK);
    *len = w.total;
    uint8_t *msg = malloc(*len);
    assert_non_null(msg);
    candid_writer_init(&w, msg, *len);
    assert_int_equal(candid_encode(&w, &h, v, work, WORK_CAP, 0), CANDID_OK);
    return msg;
}

/* n random values of args: each survives encode/decode and print/parse. */
static void round_trips(const candid_type *args, uint64_t seed, int n) {
    candid_random r;
    candid_random_init(&r, seed);
    for (int i = 0; i < n; i++) {
        candid_arena_reset(&values);
        void *v = block(args);
        assert_int_equal(candid_random_value(&r, args, v, &values), CANDID_OK);
        size_t len;
        uint8_t *msg = encoded(args, v, &len);
        candid_decoder d;
        candid_decoder_init(&d, work, WORK_CAP);
        void *back = block(args);
        candid_status st = candid_decode(&d, msg, len, args, back, &values);
        candid_strbuf text = {0};
        assert_int_equal(candid_text_print_args(args, v, &text), CANDID_OK);
        if (st || !args_equal(args, v, back))
            print_error("value %d: %s: %s at byte %zu\n", i, text.data, candid_status_name(st), d.error_offset);
        assert_int_equal(st, CANDID_OK);
        assert_true(args_equal(args, v, back));
        void *parsed = block(args);
        candid_syntax_error e = {0};
        st = candid_text_parse_args(text.data, text.len, args, parsed, &values, &idl, &e);
        if (st || !args_equal(args, v, parsed))
            print_error("value %d: %s: %u:%u %s\n", i, text.data, e.line, e.column, e.message);
        assert_int_equal(st, CANDID_OK);
        assert_true(args_equal(args, v, parsed));
        candid_strbuf_free(&text);
        free(msg);
    }
}

static void every_primitive_round_trips(void **state) {
    (void)state;
    static const char *const tuples[] = {
        "(null)", "(bool)", "(nat)", "(int)", "(nat8)", "(nat16)", "(nat32)", "(nat64)",
        "(int8)", "(int16)", "(int32)", "(int64)", "(float32)", "(float64)", "(text)",
        "(reserved)", "(principal)", "()",
        "(nat, int, nat8, int8, float32, float64, text, principal, bool, null, reserved)",
    };
    for (size_t i = 0; i < sizeof tuples / sizeof tuples[0]; i++) round_trips(args_of(tuples[i]), i, 200);
}

static void structures_round_trip(void **state) {
    (void)state;
    static const char *const tuples[] = {
        "(opt nat)", "(opt opt text)", "(vec int)", "(blob)", "(vec bool)", "(vec float32)",
        "(vec vec nat16)", "(vec record { nat; text })", "(record { a : nat; b : opt int64 })",
        "(record { \"with space\" : text; 7 : bool; x : vec principal })",
        "(variant { a; b : nat; c : text; d : record { int; int } })",
        "(opt empty, vec empty, variant { e : empty; ok : bool })",
        "(vec variant { Ok : nat; Err : text })", "(record {})", "(opt reserved, vec null)",
    };
    for (size_t i = 0; i < sizeof tuples / sizeof tuples[0]; i++) round_trips(args_of(tuples[i]), 100 + i, 200);
}

static void recursive_types_round_trip(void **state) {
    (void)state;
    static const char *const tuples[] = {"(List)", "(Tree)", "(Expr)", "(Rose)", "(vec List, opt Tree)"};
    for (size_t i = 0; i < sizeof tuples / sizeof tuples[0]; i++) round_trips(args_of(tuples[i]), 200 + i, 200);
}

static void references_round_trip(void **state) {
    (void)state;
    round_trips(args_of("(F, S, func () -> (), service {}, opt F)"), 300, 200);
}

/* A layout as generated code declares it: nat as uint64_t, an inline
 * option, a fixed-width vector as a slice, an unboxed variant. */
typedef struct small {
    uint64_t n;
    struct {
        uint8_t present;
        int8_t value;
    } o;
    candid_slice v;
    struct {
        uint32_t tag;
        int64_t x;
    } var;
} small;

static void struct_layouts_round_trip(void **state) {
    (void)state;
    candid_type o = {.kind = CANDID_OPT, .size = 2, .align = 1, .offset = 1,
                     .inner = candid_prim_type(CANDID_INT8)};
    candid_type v = {.kind = CANDID_VEC, .repr = CANDID_REPR_SLICE, .size = sizeof(candid_slice),
                     .align = _Alignof(candid_slice), .inner = candid_prim_type(CANDID_NAT16)};
    candid_field vf[] = {{.id = 0, .offset = 8, .type = candid_prim_type(CANDID_NULL)},
                         {.id = 1, .offset = 8, .type = candid_prim_type(CANDID_INT64)}};
    candid_type var = {.kind = CANDID_VARIANT, .size = 16, .align = 8, .count = 2, .fields = vf};
    candid_field rf[] = {
        {.id = 0, .offset = offsetof(small, n), .type = candid_prim_type(CANDID_NAT)},
        {.id = 1, .offset = offsetof(small, o), .type = &o},
        {.id = 2, .offset = offsetof(small, v), .type = &v},
        {.id = 3, .offset = offsetof(small, var), .type = &var},
    };
    candid_type rec = {.kind = CANDID_RECORD, .size = sizeof(small), .align = _Alignof(small),
                       .count = 4, .fields = rf};
    candid_field af[] = {{.id = 0, .offset = 0, .type = &rec}};
    candid_type args = {.kind = CANDID_RECORD, .size = sizeof(small), .align = _Alignof(small),
                        .count = 1, .fields = af};
    round_trips(&args, 400, 200);
}

/* The caller's slot may hold anything: a null inline option still comes out
 * with a zero flag (the flag was left as found before). */
static void caller_slot_need_not_be_zeroed(void **state) {
    (void)state;
    candid_type o = {.kind = CANDID_OPT, .size = 2, .align = 1, .offset = 1,
                     .inner = candid_prim_type(CANDID_INT8)};
    candid_random r;
    candid_random_init(&r, 7);
    int nulls = 0;
    for (int i = 0; i < 200; i++) {
        uint8_t slot[2] = {0xaa, 0xaa};
        candid_arena_reset(&values);
        assert_int_equal(candid_random_value(&r, &o, slot, &values), CANDID_OK);
        assert_true(slot[0] == 0 || slot[0] == 1);
        nulls += slot[0] == 0;
    }
    assert_true(nulls > 0);
}

/* Every method of every .did file of the production corpus, both ways. */
static void corpus_methods_round_trip(void **state) {
    (void)state;
    DIR *dir = opendir(CORPUS_DIR);
    if (!dir) {
        print_message("corpus not found at %s: skipped\n", CORPUS_DIR);
        skip();
    }
    candid_arena saved = types;
    candid_idl saved_idl = idl;
    size_t files = 0, methods = 0;
    for (struct dirent *d; (d = readdir(dir));) {
        size_t n = strlen(d->d_name);
        if (n < 4 || strcmp(d->d_name + n - 4, ".did") != 0) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", CORPUS_DIR, d->d_name);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        static char src[1 << 20];
        size_t len = fread(src, 1, sizeof src, f);
        fclose(f);
        types = saved;
        candid_idl_init(&idl, &types);
        candid_syntax_error e;
        assert_int_equal(candid_idl_parse(&idl, src, len, &e), CANDID_OK);
        files++;
        if (!idl.service) continue;
        for (uint32_t m = 0; m < idl.service->count; m++) {
            const candid_method *cm = &idl.service->methods[m];
            const candid_type *args, *results;
            assert_int_equal(candid_idl_method(&idl, cm->name, cm->name_len, &args, &results), CANDID_OK);
            round_trips(args, m, 20);
            round_trips(results, m, 20);
            methods++;
        }
    }
    closedir(dir);
    types = saved;
    idl = saved_idl;
    print_message("%zu files, %zu methods\n", files, methods);
    assert_true(files > 0);
}

static char *printed(const candid_type *args, candid_random *r) {
    void *v = block(args);
    assert_int_equal(candid_random_value(r, args, v, &values), CANDID_OK);
    candid_strbuf out = {0};
    assert_int_equal(candid_text_print_args(args, v, &out), CANDID_OK);
    return out.data;
}

static void fixed_seed_gives_exact_values(void **state) {
    (void)state;
    const candid_type *args = args_of("(nat8, opt text, variant { a; b : int16 }, float64)");
    static const char *const want[] = {
        "(255 : nat8, opt \"\", variant { a }, -5.710587888203329e+62 : float64)",
        "(190 : nat8, opt \"\", variant { b = -32768 : int16 }, 1.0 : float64)",
        "(255 : nat8, null, variant { a }, 5e-324 : float64)",
    };
    candid_random r;
    candid_random_init(&r, 42);
    for (size_t i = 0; i < 3; i++) {
        char *s = printed(args, &r);
        assert_string_equal(s, want[i]);
        free(s);
    }
}

static void same_seed_same_values(void **state) {
    (void)state;
    const candid_type *args = args_of("(Tree, List, text, float32)");
    candid_random a, b, c;
    candid_random_init(&a, 9);
    candid_random_init(&b, 9);
    candid_random_init(&c, 10);
    int differ = 0;
    for (int i = 0; i < 20; i++) {
        char *x = printed(args, &a), *y = printed(args, &b), *z = printed(args, &c);
        assert_string_equal(x, y);
        differ += strcmp(x, z) != 0;
        free(x);
        free(y);
        free(z);
    }
    assert_true(differ > 0);
}

static void types_without_values_fail(void **state) {
    (void)state;
    static const char *const tuples[] = {"(empty)", "(nat, record { empty })", "(NoValue)",
                                         "(variant {})", "(variant { a : empty; b : NoValue })"};
    candid_random r;
    candid_random_init(&r, 1);
    for (size_t i = 0; i < sizeof tuples / sizeof tuples[0]; i++) {
        const candid_type *args = args_of(tuples[i]);
        assert_int_equal(candid_random_value(&r, args, block(args), &values), CANDID_ERR_EMPTY_VALUE);
    }
}

/* Elements in a value of vec vec vec nat. */
static size_t elements(const candid_vec *v) {
    size_t n = v->len;
    for (size_t i = 0; i < v->len; i++) {
        const candid_vec *w = (const candid_vec *)v->items + i;
        n += w->len;
        for (size_t j = 0; j < w->len; j++) n += ((const candid_vec *)w->items)[j].len;
    }
    return n;
}

static void max_size_bounds_values(void **state) {
    (void)state;
    const candid_type *args = args_of("(vec vec vec nat)");
    candid_random r;
    candid_random_init(&r, 5);
    r.max_size = 30;
    r.max_depth = 100;
    size_t most = 0;
    for (int i = 0; i < 200; i++) {
        candid_arena_reset(&values);
        void *v = block(args);
        assert_int_equal(candid_random_value(&r, args, v, &values), CANDID_OK);
        size_t n = elements(v);
        assert_true(n < 30);
        if (n > most) most = n;
    }
    assert_true(most > 10); /* and they do grow */
}

static void max_depth_zero_gives_smallest_values(void **state) {
    (void)state;
    const candid_type *args = args_of("(opt nat, vec text, Tree, List)");
    candid_random r;
    candid_random_init(&r, 3);
    r.max_depth = 0;
    for (int i = 0; i < 20; i++) {
        char *s = printed(args, &r);
        assert_int_equal(strncmp(s, "(null, vec {}, variant { leaf = ", 32), 0);
        assert_non_null(strstr(s, " : int }, null)"));
        free(s);
    }
}

/* record { record { ... record { nat } } }, 200,000 boxed records deep as
 * the smallest (and only) value: made without recursion, which would need
 * far more than a thread's stack. */
static void deep_values_use_no_recursion(void **state) {
    (void)state;
    enum { N = 200000 };
    candid_type *chain = calloc(N, sizeof *chain);
    candid_field *fields = calloc(N, sizeof *fields);
    assert_true(chain && fields);
    for (size_t i = 0; i < N; i++) {
        fields[i].type = i + 1 < N ? &chain[i + 1] : candid_prim_type(CANDID_NAT);
        chain[i] = (candid_type){.kind = CANDID_RECORD, .repr = CANDID_REPR_BOXED, .count = 1,
                                 .fields = &fields[i], .size = sizeof(void *),
                                 .align = _Alignof(void *)};
    }
    candid_random r;
    candid_random_init(&r, 8);
    void *slot = NULL;
    assert_int_equal(candid_random_value(&r, chain, &slot, &values), CANDID_OK);
    const candid_type *t = chain;
    const uint8_t *at = (const uint8_t *)&slot;
    size_t depth = 0;
    while (t->kind == CANDID_RECORD) {
        const uint8_t *block; /* boxed: the slot holds the block */
        memcpy(&block, at, sizeof block);
        at = block + t->fields[0].offset;
        t = t->fields[0].type;
        depth++;
    }
    assert_int_equal(depth, N);
    free(chain);
    free(fields);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_primitive_round_trips),
        cmocka_unit_test(structures_round_trip),
        cmocka_unit_test(recursive_types_round_trip),
        cmocka_unit_test(references_round_trip),
        cmocka_unit_test(struct_layouts_round_trip),
        cmocka_unit_test(caller_slot_need_not_be_zeroed),
        cmocka_unit_test(corpus_methods_round_trip),
        cmocka_unit_test(fixed_seed_gives_exact_values),
        cmocka_unit_test(same_seed_same_values),
        cmocka_unit_test(types_without_values_fail),
        cmocka_unit_test(max_size_bounds_values),
        cmocka_unit_test(max_depth_zero_gives_smallest_values),
        cmocka_unit_test(deep_values_use_no_recursion),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
