/* Generated and dynamic paths agree. For each case, 10,000 random values
 * are written straight into the generated struct (candid_random_value on
 * the generated descriptor) and encoded by the generated encoder; the same
 * value, printed as Candid text and parsed at the .did's types, must encode
 * to the identical bytes through the dynamic path (candid_text_parse_args,
 * candid_header_build, candid_encode); the generated decoder must read
 * those bytes back to the same value, and the dynamic decoder to the same
 * text. Cases: the ICRC-1 transfer argument and result, recursive types,
 * and the NNS governance manage_neuron argument. */
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
#include "candid/random.h"
#include "candid/text.h"
#include "icrc1.h"
#include "recursion.h"
#ifdef HAVE_GOVERNANCE
#include "gov.h"
#endif

enum { VALUES = 10000 };

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

static uint8_t types_mem[32 << 20], random_mem[1 << 22], values_mem[1 << 22], arena_mem[1 << 22], work[1 << 18];
static uint8_t msg1[1 << 18], msg2[1 << 18], hdr[1 << 16];
static char src[1 << 20];

/* The value at descriptor t in slot, as text; the caller frees it. */
static char *print(const candid_type *t, const void *slot) {
    candid_strbuf p = {0};
    assert_int_equal(candid_text_print_args(t, slot, &p), CANDID_OK);
    return p.data;
}

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
    void *gen = malloc(c->size), *back = malloc(c->size);
    assert_non_null(gen);
    assert_non_null(back);
    candid_random r;
    candid_random_init(&r, 0x5eed0000u + c->size);
    for (int i = 0; i < VALUES; i++) {
        candid_arena ra, va, ga;
        candid_arena_init(&ra, random_mem, sizeof random_mem);
        candid_arena_init(&va, values_mem, sizeof values_mem);
        candid_arena_init(&ga, arena_mem, sizeof arena_mem);
        candid_status st = candid_random_value(&r, c->gen_type, gen, &ra);
        if (st) fail_msg("%s: no random value (%s)", c->method, candid_status_name(st));
        char *text = print(c->gen_type, gen);
        if (getenv("BIND_DIFF_SHOW") && i < 3) printf("%s: %s\n", c->method, text);
        candid_writer w;
        candid_writer_init(&w, msg1, sizeof msg1);
        st = c->encode(&w, gen);
        if (st) fail_msg("%s: generated encode failed (%s) on %s", c->method, candid_status_name(st), text);
        assert_int_equal(candid_writer_finish(&w), CANDID_OK);
        size_t len1 = w.total;

        void *dv = candid_arena_alloc(&va, dyn->size + 1, 16);
        st = candid_text_parse_args(text, strlen(text), dyn, dv, &va, &idl, &e);
        if (st) fail_msg("%s: cannot parse %s: %s at %u:%u", c->method, text, e.message, e.line, e.column);
        candid_writer_init(&w, msg2, sizeof msg2);
        assert_int_equal(candid_encode(&w, &h, dv, work, sizeof work, 0), CANDID_OK);
        assert_int_equal(candid_writer_finish(&w), CANDID_OK);
        if (w.total != len1 || memcmp(msg1, msg2, len1) != 0)
            fail_msg("%s: generated and dynamic encodings differ for %s", c->method, text);

        candid_decoder d;
        candid_decoder_init(&d, work, sizeof work);
        st = c->decode(&d, msg1, len1, back, &ga);
        if (st) fail_msg("%s: generated decode failed (%s) on %s", c->method, candid_status_name(st), text);
        char *again = print(c->gen_type, back);
        if (strcmp(text, again) != 0) fail_msg("%s: generated decode differs:\n%s\n%s", c->method, text, again);
        candid_decoder_init(&d, work, sizeof work);
        void *dback = candid_arena_alloc(&va, dyn->size + 1, 16);
        assert_int_equal(candid_decode(&d, msg1, len1, dyn, dback, &va), CANDID_OK);
        char *dtext = print(dyn, dback);
        if (strcmp(text, dtext) != 0) fail_msg("%s: dynamic decode differs:\n%s\n%s", c->method, text, dtext);
        free(text);
        free(again);
        free(dtext);
    }
    free(gen);
    free(back);
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
    return cmocka_run_group_tests(tests, NULL, NULL);
}
