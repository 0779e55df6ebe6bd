/* The sibling library's methods as functions for a Motoko module's runtime
 * (the blob-in/blob-out convention of mo_ffi.h): the same implementations
 * as the canister (impl.c), called in-process instead of across canisters.
 * Each wrapper is what a generator would write per method. */
#include "sibling.h"
#include "sibling_ffi.h"

#define MO_FFI_METHOD(NAME)                                                                    \
    int sibling_ffi_##NAME(const uint8_t *arg, size_t len, const mo_host *host, mo_blob *out) { \
        sibling_##NAME##_args args;                                                            \
        sibling_##NAME##_result result = {0};                                                  \
        mo_ffi_call c;                                                                         \
        int st = mo_ffi_begin(&c, arg, len, &sibling_##NAME##_args_type, &args, host, out);    \
        if (st) return st;                                                                     \
        candid_ctx ctx = {.arena = c.arena};                                                  \
        sibling_##NAME##_impl(&args, &result, &ctx);                                           \
        return mo_ffi_finish(&c, ctx.reject, &sibling_##NAME##_result_header, &result);        \
    }

MO_FFI_METHOD(sha256)
MO_FFI_METHOD(find)
MO_FFI_METHOD(varint_encode)
MO_FFI_METHOD(varint_decode)
