/* Generated and dynamic paths agree. For each case, 10,000 random values
 * are written as Candid text from the parsed .did types, parsed and encoded
 * by the dynamic path (candid_text_parse_args, candid_header_build,
 * candid_encode); the generated decoder reads the message into its struct
 * and the generated encoder must write the identical bytes; the decoded
 * values, printed through the generated and the dynamic descriptors, must
 * be the identical text. Cases: the ICRC-1 transfer argument and result,
 * a recursive list, and the NNS governance manage_neuron argument. */
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
#include "icrc1.h"
#include "recursion.h"
#ifdef HAVE_GOVERNANCE
#include "gov.h"
#endif

enum { VALUES = 10000, MAX_DEPTH = 6 };

static uint64_t rng = 0x9E3779B97F4A7C15u;
static uint64_t next(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static uint64_t below(uint64_t n) { return next() % n; }

/* A growing text buffer. */
static char *text;
static size_t text_len, text_cap;
static void put(const char *fmt, ...) {
    va_list ap;
    if (!text) { /* text + text_len on NULL is undefined, even adding 0 */
        text_cap = 256;
        text = malloc(text_cap);
        assert_non_null(text);
    }
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(text + text_len, text_cap - text_len, fmt, ap);
        va_end(ap);
        if ((size_t)n < text_cap - text_len) {
            text_len += (size_t)n;
            return;
        }
        text_cap = 2 * text_cap + (size_t)n + 64;
        text = realloc(text, text_cap);
        assert_non_null(text);
    }
}

static const char *const principals[] = {"aaaaa-aa", "ryjl3-tyaaa-aaaaa-aaaba-cai",
                                         "rrkah-fqaaa-aaaaa-aaaaq-cai", "2vxsx-fae"};

static void put_text(void) {
    static const char *const pieces[] = {"a", "Z", " ", "\\\"", "\\\\", "\\n", "é", "∂", "0", "_"};
    put("\"");
    for (uint64_t n = below(8); n; n--) put("%s", pieces[below(sizeof pieces / sizeof pieces[0])]);
    put("\"");
}

static void put_prim(const candid_type *t) {
    switch (t->kind) {
    case CANDID_NULL:
    case CANDID_RESERVED: put("null"); break;
    case CANDID_BOOL: put(below(2) ? "true" : "false"); break;
    case CANDID_NAT: put("%llu", (unsigned long long)(below(2) ? below(1000) : next())); break;
    case CANDID_INT: put("%lld", (long long)(below(2) ? (int64_t)below(1000) - 500 : (int64_t)next())); break;
    case CANDID_NAT8: put("%u", (unsigned)below(256)); break;
    case CANDID_NAT16: put("%u", (unsigned)below(65536)); break;
    case CANDID_NAT32: put("%u", (unsigned)next()); break;
    case CANDID_NAT64: put("%llu", (unsigned long long)next()); break;
    case CANDID_INT8: put("%d", (int)(int8_t)next()); break;
    case CANDID_INT16: put("%d", (int)(int16_t)next()); break;
    case CANDID_INT32: put("%ld", (long)(int32_t)next()); break;
    case CANDID_INT64: put("%lld", (long long)(int64_t)next()); break;
    case CANDID_FLOAT32:
    case CANDID_FLOAT64: put("%lld.%02u", (long long)below(2000) - 1000, (unsigned)below(4) * 25); break;
    case CANDID_TEXT: put_text(); break;
    case CANDID_PRINCIPAL: put("principal \"%s\"", principals[below(4)]); break;
    case CANDID_FUNC: put("func \"%s\".m%u", principals[below(4)], (unsigned)below(3)); break;
    case CANDID_SERVICE: put("service \"%s\"", principals[below(4)]); break;
    default: fail_msg("no value of kind %d", t->kind);
    }
}

/* Values are written by an explicit stack of pending pieces: a type to
 * write at some depth, or a fixed string. */
typedef struct piece {
    const candid_type *t;
    const char *lit;
    uint32_t label;
    int depth, is_label;
} piece;
static piece *stack;
static size_t sp, scap;
static void push(piece p) {
    if (sp == scap) {
        scap = 2 * scap + 64;
        stack = realloc(stack, scap * sizeof *stack);
        assert_non_null(stack);
    }
    stack[sp++] = p;
}

/* A case that cannot recurse, to end values below the depth bound. */
static int shallow(const candid_type *t) {
    return t->kind != CANDID_RECORD && t->kind != CANDID_VARIANT && t->kind != CANDID_EMPTY;
}

static void put_value(const candid_type *t, int depth) {
    switch (t->kind) {
    case CANDID_OPT:
        if (depth > MAX_DEPTH || below(3) == 0) {
            put("null");
        } else {
            put("opt ");
            push((piece){.t = t->inner, .depth = depth + 1});
        }
        return;
    case CANDID_VEC: {
        uint64_t n = depth > MAX_DEPTH ? 0 : below(4);
        if (t->inner->kind == CANDID_NAT8) {
            put("blob \"");
            while (n--) put("\\%02x", (unsigned)below(256));
            put("\"");
            return;
        }
        put("vec { ");
        push((piece){.lit = "}"});
        while (n--) {
            push((piece){.lit = "; "});
            push((piece){.t = t->inner, .depth = depth + 1});
        }
        return;
    }
    case CANDID_RECORD:
        put("record { ");
        push((piece){.lit = "}"});
        for (uint32_t k = t->count; k-- > 0;) {
            push((piece){.lit = "; "});
            push((piece){.t = t->fields[k].type, .depth = depth + 1});
            push((piece){.is_label = 1, .label = t->fields[k].id});
        }
        return;
    case CANDID_VARIANT: {
        uint32_t k = (uint32_t)below(t->count);
        if (depth > MAX_DEPTH) {
            for (uint32_t j = 0; j < t->count; j++)
                if (shallow(t->fields[(k + j) % t->count].type)) {
                    k = (k + j) % t->count;
                    break;
                }
        }
        while (t->fields[k].type->kind == CANDID_EMPTY) k = (k + 1) % t->count;
        put("variant { %u = ", t->fields[k].id);
        push((piece){.lit = " }"});
        push((piece){.t = t->fields[k].type, .depth = depth + 1});
        return;
    }
    default: put_prim(t);
    }
}

/* "(v0, v1, ...)" for the argument record `args`. */
static void random_args(const candid_type *args) {
    text_len = 0;
    put("(");
    sp = 0;
    for (uint32_t k = args->count; k-- > 0;) {
        if (k + 1 < args->count) push((piece){.lit = ", "});
        push((piece){.t = args->fields[k].type, .depth = 0});
    }
    while (sp) {
        piece p = stack[--sp];
        if (p.lit) put("%s", p.lit);
        else if (p.is_label) put("%u = ", p.label);
        else put_value(p.t, p.depth);
    }
    put(")");
}

typedef candid_status (*decode_fn)(candid_decoder *, const uint8_t *, size_t, void *, candid_arena *);
typedef candid_status (*encode_fn)(candid_writer *, const void *);

typedef struct diff_case {
    const char *did;       /* under the source root, or absolute */
    const char *method;
    int results;           /* 1: the method's results, 0: its arguments */
    const candid_type *gen_type;
    decode_fn decode;
    encode_fn encode;
    size_t size;
} diff_case;

static uint8_t types_mem[32 << 20], values_mem[1 << 22], arena_mem[1 << 22], work[1 << 18];
static uint8_t msg1[1 << 18], msg2[1 << 18], hdr[1 << 16];
static char src[1 << 20];

static void run(const diff_case *c) {
    char path[1024];
    snprintf(path, sizeof path, "%s%s%s", c->did[0] == '/' ? "" : SRC_DIR, c->did[0] == '/' ? "" : "/", c->did);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t n = fread(src, 1, sizeof src, f);
    fclose(f);
    candid_arena ta;
    candid_arena_init(&ta, types_mem, sizeof types_mem);
    candid_idl idl;
    candid_idl_init(&idl, &ta);
    candid_syntax_error e;
    assert_int_equal(candid_idl_parse(&idl, src, n, &e), CANDID_OK);
    const candid_type *args, *results;
    assert_int_equal(candid_idl_method(&idl, c->method, strlen(c->method), &args, &results), CANDID_OK);
    const candid_type *dyn = c->results ? results : args;
    candid_header h;
    assert_int_equal(candid_header_build(&h, dyn, hdr, sizeof hdr, work, sizeof work), CANDID_OK);
    void *gen = malloc(c->size);
    assert_non_null(gen);
    for (int i = 0; i < VALUES; i++) {
        random_args(dyn);
        if (getenv("BIND_DIFF_SHOW") && i < 3) printf("%s: %s\n", c->method, text);
        candid_arena va, ga;
        candid_arena_init(&va, values_mem, sizeof values_mem);
        candid_arena_init(&ga, arena_mem, sizeof arena_mem);
        void *dv = candid_arena_alloc(&va, dyn->size + 1, 16);
        candid_status st = candid_text_parse_args(text, text_len, dyn, dv, &va, &idl, &e);
        if (st) fail_msg("%s: cannot parse %s: %s at %u:%u", c->method, text, e.message, e.line, e.column);
        candid_writer w;
        candid_writer_init(&w, msg1, sizeof msg1);
        assert_int_equal(candid_encode(&w, &h, dv, work, sizeof work, 0), CANDID_OK);
        assert_int_equal(candid_writer_finish(&w), CANDID_OK);
        size_t len1 = w.total;

        candid_decoder d;
        candid_decoder_init(&d, work, sizeof work);
        st = c->decode(&d, msg1, len1, gen, &ga);
        if (st) fail_msg("%s: generated decode failed (%s) on %s", c->method, candid_status_name(st), text);
        candid_writer_init(&w, msg2, sizeof msg2);
        assert_int_equal(c->encode(&w, gen), CANDID_OK);
        assert_int_equal(candid_writer_finish(&w), CANDID_OK);
        if (w.total != len1 || memcmp(msg1, msg2, len1) != 0)
            fail_msg("%s: generated encoding differs for %s", c->method, text);

        candid_decoder_init(&d, work, sizeof work);
        void *back = candid_arena_alloc(&va, dyn->size + 1, 16);
        assert_int_equal(candid_decode(&d, msg1, len1, dyn, back, &va), CANDID_OK);
        candid_strbuf p1 = {0}, p2 = {0};
        assert_int_equal(candid_text_print_args(dyn, back, &p1), CANDID_OK);
        assert_int_equal(candid_text_print_args(c->gen_type, gen, &p2), CANDID_OK);
        if (strcmp(p1.data, p2.data) != 0)
            fail_msg("%s: decoded values differ:\n%s\n%s", c->method, p1.data, p2.data);
        candid_strbuf_free(&p1);
        candid_strbuf_free(&p2);
    }
    free(gen);
}

#define CASE(did_, m_, res_, prefix_, fn_)                                                        \
    {did_, m_, res_, &prefix_##_##fn_##_type, (decode_fn)prefix_##_##fn_##_decode,                \
     (encode_fn)prefix_##_##fn_##_encode, sizeof(prefix_##_##fn_)}

static void icrc1_transfer_arg(void **state) {
    (void)state;
    static const diff_case c = CASE("examples/icrc1/icrc1.did", "icrc1_transfer", 0, icrc1, icrc1_transfer_args);
    run(&c);
}

static void icrc1_transfer_result(void **state) {
    (void)state;
    static const diff_case c = CASE("examples/icrc1/icrc1.did", "icrc1_transfer", 1, icrc1, icrc1_transfer_result);
    run(&c);
}

static void recursive_list(void **state) {
    (void)state;
    static const diff_case c = CASE("tests/bind/golden/recursion.did", "sum", 0, recursion, sum_args);
    run(&c);
}

static void recursive_tree_and_entries(void **state) {
    (void)state;
    static const diff_case c1 = CASE("tests/bind/golden/recursion.did", "depth", 0, recursion, depth_args);
    static const diff_case c2 = CASE("tests/bind/golden/recursion.did", "walk", 0, recursion, walk_args);
    run(&c1);
    run(&c2);
}

static void governance_manage_neuron(void **state) {
    (void)state;
#ifdef HAVE_GOVERNANCE
    static const diff_case c = CASE(GOVERNANCE_DID, "manage_neuron", 0, gov, manage_neuron_args);
    run(&c);
#else
    skip();
#endif
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(icrc1_transfer_arg),
        cmocka_unit_test(icrc1_transfer_result),
        cmocka_unit_test(recursive_list),
        cmocka_unit_test(recursive_tree_and_entries),
        cmocka_unit_test(governance_manage_neuron),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    free(text);
    free(stack);
    return rc;
}
