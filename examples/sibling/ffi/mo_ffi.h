/* Prototype of the blob-in/blob-out convention for C linked into a Motoko
 * module (docs/ffi.md): Motoko passes a Candid message (to_candid of the
 * arguments) as a Blob, the C function decodes it with libcandid, computes,
 * and returns the result's Candid message in a Blob the Motoko runtime
 * allocated (from_candid reads it). */
#ifndef MO_FFI_H
#define MO_FFI_H

#include <stddef.h>
#include <stdint.h>

#include "candid/decode.h"
#include "candid/encode.h"

/* What the runtime system gives the C side: allocation of the reply Blob's
 * payload (len bytes, written before the function returns; NULL when the
 * heap is full). Between allocations the garbage collector may move
 * objects, so the C side keeps no pointer into the Motoko heap across this
 * call: it copies the argument out first. */
typedef struct mo_host {
    uint8_t *(*alloc_blob)(void *rts, size_t len);
    void *rts;
} mo_host;

/* The returned Blob. */
typedef struct mo_blob {
    uint8_t *ptr;
    size_t len;
} mo_blob;

/* A function's result: MO_FFI_REPLY (out is the Candid message of the
 * results), MO_FFI_ERROR (out is a UTF-8 message: a bad argument message,
 * or what the implementation refused; the Motoko glue traps with it), or
 * MO_FFI_NO_MEMORY (alloc_blob failed; out is empty). */
enum { MO_FFI_REPLY = 0, MO_FFI_ERROR = 1, MO_FFI_NO_MEMORY = 2 };

/* Static memory of the C side, one call at a time (Motoko's runtime is
 * single-threaded and the functions do not re-enter): the copied argument,
 * decoder work, and the arena for decoded values and results. */
#ifndef MO_FFI_ARG_MAX
#define MO_FFI_ARG_MAX (1u << 20)
#endif
#ifndef MO_FFI_ARENA
#define MO_FFI_ARENA (4u << 20)
#endif

typedef struct mo_ffi_call {
    const mo_host *host;
    mo_blob *out;
    candid_arena *arena; /* for the implementation's results */
} mo_ffi_call;

/* Copies the argument message (arg, len: a Motoko Blob's payload) into
 * static memory and decodes it at args_t into args. 0, or the status to
 * return (an error message in *out: too large, or the decoder's status and
 * byte offset). */
int mo_ffi_begin(mo_ffi_call *c, const uint8_t *arg, size_t len, const candid_type *args_t,
                 void *args, const mo_host *host, mo_blob *out);

/* Ends the call: the error text reject when it is not NULL, else result
 * encoded with h (measured, then written into one allocated Blob). Returns
 * the status for the Motoko glue. */
int mo_ffi_finish(mo_ffi_call *c, const char *reject, const candid_header *h, const void *result);

#endif
