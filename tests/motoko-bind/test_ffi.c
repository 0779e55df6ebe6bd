/* The blob-in/blob-out prototype (examples/sibling/ffi): the sibling's
 * methods called as a Motoko runtime would call them, with a host whose
 * allocation wipes the argument Blob (as a moving collector may), so a
 * function that kept a pointer into it would answer wrong. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sibling.h"
#include "sibling_ffi.h"

typedef struct test_rts {
    uint8_t *arg;   /* the argument Blob, wiped on allocation */
    size_t arg_len;
    int allocs;
    int refuse;     /* alloc_blob returns NULL */
    uint8_t *blobs[4];
} test_rts;

static uint8_t *alloc_blob(void *rts, size_t len) {
    test_rts *r = rts;
    memset(r->arg, 0xAA, r->arg_len);
    if (r->refuse || r->allocs == 4) return NULL;
    return r->blobs[r->allocs++] = malloc(len ? len : 1);
}

static void rts_free(test_rts *r) {
    for (int i = 0; i < r->allocs; i++) free(r->blobs[i]);
    free(r->arg);
}

typedef int (*ffi_fn)(const uint8_t *, size_t, const mo_host *, mo_blob *);

/* Calls f on the message in w's buffer, from a heap copy (the Blob). */
static int call(ffi_fn f, const uint8_t *msg, size_t len, test_rts *r, mo_blob *out) {
    r->arg = malloc(len ? len : 1);
    memcpy(r->arg, msg, len);
    r->arg_len = len;
    mo_host host = {alloc_blob, r};
    return f(r->arg, len, &host, out);
}

static uint8_t msg[1 << 16];
static uint64_t work[1 << 13], arena_mem[1 << 16];

static size_t encoded(candid_writer *w) {
    assert_int_equal(candid_writer_finish(w), CANDID_OK);
    return w->total; /* a buffer writer: all it produced is in the buffer */
}

static void test_sha256(void **state) {
    (void)state;
    candid_writer w;
    candid_writer_init(&w, msg, sizeof msg);
    sibling_sha256_args a = {._0 = {(const uint8_t *)"abc", 3}};
    assert_int_equal(sibling_sha256_args_encode(&w, &a), CANDID_OK);
    test_rts r = {0};
    mo_blob out;
    assert_int_equal(call(sibling_ffi_sha256, msg, encoded(&w), &r, &out), MO_FFI_REPLY);
    assert_int_equal(r.allocs, 1);
    candid_decoder d;
    candid_arena arena;
    candid_decoder_init(&d, work, sizeof work);
    candid_arena_init(&arena, arena_mem, sizeof arena_mem);
    sibling_sha256_result res;
    assert_int_equal(sibling_sha256_result_decode(&d, out.ptr, out.len, &res, &arena), CANDID_OK);
    static const uint8_t want[32] = {0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40,
                                     0xde, 0x5d, 0xae, 0x22, 0x23, 0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17,
                                     0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
    assert_int_equal(res._0.len, 32);
    assert_memory_equal(res._0.ptr, want, 32);
    rts_free(&r);
}

static void test_find(void **state) {
    (void)state;
    candid_writer w;
    candid_writer_init(&w, msg, sizeof msg);
    const char *hay = "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"; /* 日本語日本語 */
    sibling_find_args a = {._0 = {(const uint8_t *)hay, 18}, ._1 = {(const uint8_t *)hay + 6, 3}, ._2 = 1};
    assert_int_equal(sibling_find_args_encode(&w, &a), CANDID_OK);
    test_rts r = {0};
    mo_blob out;
    assert_int_equal(call(sibling_ffi_find, msg, encoded(&w), &r, &out), MO_FFI_REPLY);
    /* (opt 2): DIDL, one type (opt nat), the value */
    static const uint8_t want[] = {'D', 'I', 'D', 'L', 1, 0x6e, 0x7d, 1, 0, 1, 2};
    assert_int_equal(out.len, sizeof want);
    assert_memory_equal(out.ptr, want, sizeof want);
    rts_free(&r);
}

static void test_varints(void **state) {
    (void)state;
    candid_writer w;
    candid_writer_init(&w, msg, sizeof msg);
    uint64_t nums[] = {0, 300, UINT64_MAX};
    sibling_varint_encode_args a = {._0 = {nums, 3}};
    assert_int_equal(sibling_varint_encode_args_encode(&w, &a), CANDID_OK);
    test_rts r = {0};
    mo_blob out;
    assert_int_equal(call(sibling_ffi_varint_encode, msg, encoded(&w), &r, &out), MO_FFI_REPLY);
    static const uint8_t want[] = {'D', 'I', 'D', 'L', 1, 0x6d, 0x7b, 1, 0, 13, 0x00, 0xac, 0x02,
                                   0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01};
    assert_int_equal(out.len, sizeof want);
    assert_memory_equal(out.ptr, want, sizeof want);
    /* The reply is the next call's argument: blob -> varint_decode. */
    test_rts r2 = {0};
    mo_blob out2;
    assert_int_equal(call(sibling_ffi_varint_decode, out.ptr, out.len, &r2, &out2), MO_FFI_REPLY);
    candid_decoder d;
    candid_arena arena;
    candid_decoder_init(&d, work, sizeof work);
    candid_arena_init(&arena, arena_mem, sizeof arena_mem);
    sibling_varint_decode_result res;
    assert_int_equal(sibling_varint_decode_result_decode(&d, out2.ptr, out2.len, &res, &arena), CANDID_OK);
    assert_int_equal(res._0.tag, sibling_varint_decode_ret_0_ok_tag);
    assert_int_equal(res._0.u.ok.len, 3);
    assert_memory_equal(res._0.u.ok.items, nums, sizeof nums);
    rts_free(&r);
    rts_free(&r2);
}

static void expect_error(ffi_fn f, const uint8_t *m, size_t len, const char *text) {
    test_rts r = {0};
    mo_blob out;
    assert_int_equal(call(f, m, len, &r, &out), MO_FFI_ERROR);
    assert_int_equal(r.allocs, 1);
    assert_int_equal(out.len, strlen(text));
    assert_memory_equal(out.ptr, text, out.len);
    rts_free(&r);
}

static void test_errors(void **state) {
    (void)state;
    /* (nat16 7) where a blob is expected */
    static const uint8_t nat16[] = {'D', 'I', 'D', 'L', 0, 1, 0x7a, 7, 0};
    expect_error(sibling_ffi_sha256, nat16, sizeof nat16,
                 "cannot decode the argument: CANDID_ERR_TYPE_MISMATCH at byte 7");
    static const uint8_t cut[] = {'D', 'I', 'D'};
    expect_error(sibling_ffi_sha256, cut, sizeof cut, "cannot decode the argument: CANDID_ERR_TRUNCATED at byte 0");
    /* A blob of 1 MiB - 16 zero bytes: one nat64 per byte, 8 MiB of results
     * in a 4 MiB arena: the implementation refuses. */
    size_t n = MO_FFI_ARG_MAX - 16;
    uint8_t *big = malloc(n), *zeros = calloc(n - 32, 1);
    candid_writer w;
    candid_writer_init(&w, big, n);
    sibling_varint_decode_args a = {._0 = {zeros, n - 32}};
    assert_int_equal(sibling_varint_decode_args_encode(&w, &a), CANDID_OK);
    expect_error(sibling_ffi_varint_decode, big, encoded(&w),
                 "sibling: the request needs more memory than the canister's arena");
    free(big);
    free(zeros);
    uint8_t *huge = calloc(MO_FFI_ARG_MAX + 1, 1);
    expect_error(sibling_ffi_sha256, huge, MO_FFI_ARG_MAX + 1,
                 "argument too large: CANDID_ERR_LIMIT at byte 1048576");
    free(huge);
}

/* A function whose result points into its argument (an echo, at the types
 * of sha256): the decoded blob may alias the message, so the argument must
 * be copied out before the reply's allocation wipes it. */
static int ffi_echo(const uint8_t *arg, size_t len, const mo_host *host, mo_blob *out) {
    sibling_sha256_args args;
    mo_ffi_call c;
    int st = mo_ffi_begin(&c, arg, len, &sibling_sha256_args_type, &args, host, out);
    if (st) return st;
    sibling_sha256_result result = {._0 = args._0};
    return mo_ffi_finish(&c, NULL, &sibling_sha256_result_header, &result);
}

static void test_argument_copied(void **state) {
    (void)state;
    candid_writer w;
    candid_writer_init(&w, msg, sizeof msg);
    sibling_sha256_args a = {._0 = {(const uint8_t *)"hello", 5}};
    assert_int_equal(sibling_sha256_args_encode(&w, &a), CANDID_OK);
    size_t len = encoded(&w);
    test_rts r = {0};
    mo_blob out;
    assert_int_equal(call(ffi_echo, msg, len, &r, &out), MO_FFI_REPLY);
    assert_int_equal(out.len, len);
    assert_memory_equal(out.ptr, msg, len);
    rts_free(&r);
}

static void test_no_memory(void **state) {
    (void)state;
    candid_writer w;
    candid_writer_init(&w, msg, sizeof msg);
    sibling_sha256_args a = {._0 = {(const uint8_t *)"abc", 3}};
    assert_int_equal(sibling_sha256_args_encode(&w, &a), CANDID_OK);
    test_rts r = {.refuse = 1};
    mo_blob out;
    assert_int_equal(call(sibling_ffi_sha256, msg, encoded(&w), &r, &out), MO_FFI_NO_MEMORY);
    assert_null(out.ptr);
    assert_int_equal(out.len, 0);
    rts_free(&r);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256), cmocka_unit_test(test_find), cmocka_unit_test(test_varints),
        cmocka_unit_test(test_errors), cmocka_unit_test(test_argument_copied),
        cmocka_unit_test(test_no_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
