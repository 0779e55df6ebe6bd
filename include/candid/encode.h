/* libcandid: encoding Candid messages from C slots.
 *
 * A candid_writer writes into a caller buffer with a latched error: after the
 * first failure every call is a no-op and candid_writer_finish() reports it,
 * so encoding code reads straight through. Every failure latches, the
 * writer's own and candid_encode's (invalid values, work memory), and an
 * error is never cleared: a half-written message cannot be finished as if it
 * were whole. Three modes:
 *   - buffer:     bytes go into buf; running out is CANDID_ERR_BUFFER_FULL
 *                 but `total` keeps counting what would have been written;
 *   - size only:  buf == NULL, only `total` counts (exact message length);
 *   - streaming:  when buf fills, flush(ctx, buf, n) receives the chunk and
 *                 the buffer is reused (canisters append reply data this way).
 *                 Chunks flushed before a failure have been delivered; when
 *                 the output must be all or nothing, encode into a size-only
 *                 writer first (candid_reply and candid_call_args do).
 */
#ifndef CANDID_ENCODE_H
#define CANDID_ENCODE_H

#include <stddef.h>
#include <stdint.h>

#include "candid/error.h"
#include "candid/types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Returns 0 on success; anything else latches CANDID_ERR_FLUSH. */
typedef int (*candid_flush_fn)(void *ctx, const uint8_t *data, size_t len);

typedef struct candid_writer {
    size_t total;         /* bytes produced since init (read only) */
    candid_status err;    /* first error, latched (read only; set it with
                             candid_writer_fail) */
    struct {              /* the writer's own state: do not touch */
        uint8_t *buf;
        size_t cap;
        size_t len;       /* bytes currently in buf */
        candid_flush_fn flush;
        void *flush_ctx;
    } _private;
} candid_writer;

/* Buffer mode (size only when buf is NULL). Cannot fail. */
void candid_writer_init(candid_writer *w, void *buf, size_t cap);
/* Streaming mode. A NULL buf or flush, or a zero cap, latches
 * CANDID_ERR_ARGUMENT. */
void candid_writer_init_stream(candid_writer *w, void *buf, size_t cap,
                               candid_flush_fn flush, void *ctx);

/* Append to the message. A failure (CANDID_ERR_BUFFER_FULL, CANDID_ERR_FLUSH)
 * latches; after any latched error they only count `total`. */
void candid_put_bytes(candid_writer *w, const void *p, size_t n);
void candid_put_u8(candid_writer *w, uint8_t v);
void candid_put_leb(candid_writer *w, uint64_t v);
void candid_put_sleb(candid_writer *w, int64_t v);

/* Flushes what is buffered (streaming mode) and returns the latched error;
 * after an error nothing more is flushed. */
candid_status candid_writer_finish(candid_writer *w);

/* Latches st as the writer's error unless one is latched already (st ==
 * CANDID_OK changes nothing); returns the latched error. The exception is
 * CANDID_ERR_BUFFER_FULL, which a later error replaces: then no buffer size
 * would do, and `total` is no longer the size needed. For code that writes
 * its own parts of a message and must stop the writer on a failure of its
 * own. */
candid_status candid_writer_fail(candid_writer *w, candid_status st);

/* The header of a message: "DIDL", the type table and the argument types for
 * an argument record `args`. Computed once per type and reused by every
 * encode (stubs keep one per method in static storage). */
typedef struct candid_header {
    const candid_type *args;
    const uint8_t *bytes;
    size_t len;
} candid_header;

/* Builds the header for `args` into out[0..cap). `work` is scratch memory
 * (24 bytes per distinct composite type suffice; 20 on 32-bit targets); the
 * time it takes is linear in the description. Fails with
 * CANDID_ERR_BAD_TYPE for an inconsistent description (unsorted fields, a
 * CANDID_FUTURE node, a type that contains itself inline: a record,
 * variant or inline opt with no vec or BOXED node between it and itself,
 * which no finite value has), CANDID_ERR_WORK_FULL or CANDID_ERR_BUFFER_FULL (then
 * h->len is the size needed). A failed build leaves h->args and h->bytes
 * NULL, so candid_encode refuses h (CANDID_ERR_ARGUMENT) and code that
 * builds on first use (`if (!h.args) ...`) tries again. */
candid_status candid_header_build(candid_header *h, const candid_type *args,
                                  uint8_t *out, size_t cap, void *work,
                                  size_t work_cap);

/* Writes a whole message: the header's bytes then the values in `values`, a
 * block laid out as h->args. `work` holds the encoder's explicit stack (48
 * bytes per nesting level, 32 on 32-bit targets; max_depth levels at most,
 * 0 for 4096; a record's last field, a vector's last element, an option's
 * value and a variant's case take no level, so lists of any length encode). Every
 * failure is latched in w and the result is w's first error (but see
 * candid_writer_fail for CANDID_ERR_BUFFER_FULL), so it is what
 * candid_writer_finish(w) reports too. Fails with CANDID_ERR_ARGUMENT for a
 * NULL w (nothing latched then) or a header that is not a built one
 * (zeroed, or from a candid_header_build that failed), with the writer's
 * error, CANDID_ERR_UTF8 (text that is not UTF-8), CANDID_ERR_BAD_TAG (a
 * bool that is not 0/1), CANDID_ERR_VARIANT_TAG (a case index out of
 * range), CANDID_ERR_RANGE (a bignum slice that is not one (S)LEB128
 * number, or negative at nat), CANDID_ERR_EMPTY_VALUE (a value of type
 * empty), CANDID_ERR_ARGUMENT (a NULL pointer in a slot whose length is not
 * zero, or for a record or variant that is not zero-sized),
 * CANDID_ERR_BAD_TYPE (a description the encoder cannot write: a slice
 * vector of a kind that is not fixed-width or a length that is not a
 * multiple of it, a kind with no values), CANDID_ERR_DEPTH (deeper than
 * max_depth, or a value that reaches itself through its pointers: found
 * within twice the length of the cycle and what leads to it) or
 * CANDID_ERR_WORK_FULL. */
candid_status candid_encode(candid_writer *w, const candid_header *h,
                            const void *values, void *work, size_t work_cap,
                            uint32_t max_depth);

#ifdef __cplusplus
}
#endif
#endif
