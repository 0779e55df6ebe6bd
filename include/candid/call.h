/* libcandid: the call envelope, for inter-canister calls and their answers.
 *
 * One API with two backends chosen at link time: `ic0` (lib/call/ic0) for
 * canister Wasm, on the IC System API, and `host` (lib/call/host) for test
 * harnesses, an in-process registry of canisters. Stub code written against
 * this header runs unchanged on both.
 *
 * Caller side: candid_call_new names the callee, method and continuation;
 * the arguments are encoded straight into the call (candid_call_args, a
 * streaming writer: no second copy); candid_call_perform sends it. The
 * continuation later receives the outcome: reply bytes (decode them with
 * candid_decode, whose plan cache makes repeated replies cheap) or a reject
 * code and message. A failure at any step is latched in the call (c->args,
 * as in any candid_writer) and makes candid_call_perform send nothing.
 *
 * Answering side (inside a method): candid_msg_arg_size/copy read the
 * argument bytes through a window, candid_reply streams an encoded reply,
 * candid_msg_reject rejects; candid_msg_caller and candid_self give the
 * principals. No allocation: envelopes and buffers are the caller's.
 */
#ifndef CANDID_CALL_H
#define CANDID_CALL_H

#include <stddef.h>
#include <stdint.h>

#include "candid/arena.h"
#include "candid/decode.h"
#include "candid/encode.h"
#include "candid/error.h"
#include "candid/types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Reject codes as the IC interface specification numbers them. */
typedef enum candid_reject_code {
    CANDID_REJECT_SYS_FATAL = 1,
    CANDID_REJECT_SYS_TRANSIENT = 2,
    CANDID_REJECT_DESTINATION_INVALID = 3,
    CANDID_REJECT_CANISTER_REJECT = 4,
    CANDID_REJECT_CANISTER_ERROR = 5,
    CANDID_REJECT_SYS_UNKNOWN = 6
} candid_reject_code;

/* What came back. Bytes are valid only during the continuation. */
typedef struct candid_outcome {
    int replied;                 /* 1: a reply; 0: a reject */
    const uint8_t *reply;        /* reply: the Candid message */
    size_t reply_len;
    uint32_t reject_code;        /* reject: candid_reject_code */
    const char *reject_message;  /* reject: UTF-8, not NUL-terminated */
    size_t reject_message_len;
} candid_outcome;

typedef struct candid_call candid_call;
typedef void (*candid_continuation)(candid_call *call, const candid_outcome *outcome);

/* An outgoing call. Keep it alive (static storage in a canister) until its
 * continuation has run. */
struct candid_call {
    void *user;                  /* for the continuation (set by
                                    candid_call_new) */
    candid_writer args;          /* streams argument bytes into the call;
                                    args.err: the call's first failure */
    uint32_t refused;            /* the system's reject code when it refused
                                    candid_call_perform at once, else 0 */
    /* Buffers the ic0 backend copies reply/reject data into before calling
     * the continuation (sizes set by the caller; 0 = none). */
    uint8_t *reply_buf;
    size_t reply_cap;
    struct {                     /* the call's and the backend's state:
                                    do not touch */
        const uint8_t *callee;
        size_t callee_len;
        const char *method;
        size_t method_len;
        candid_continuation done;
        uint64_t cycles_high, cycles_low;
        uint8_t chunk[256];      /* the writer's buffer */
        int state;               /* backend bookkeeping */
    } _private;
};

/* Prepares a call of `method` on `callee` (both copied: the buffers need
 * not outlive this function). Fails with CANDID_ERR_ARGUMENT for NULL
 * arguments; on the host backend also with CANDID_ERR_CALL outside a
 * method, and CANDID_ERR_LIMIT when its message queue is full or the callee
 * is over 32 bytes or the method name over 64. Unless c is NULL, a failure
 * is latched in c->args, so the later steps fail with it. */
candid_status candid_call_new(candid_call *c, const uint8_t *callee, size_t callee_len,
                              const char *method, size_t method_len,
                              candid_continuation done, void *user);

/* Encodes the arguments into the call (the header once per type, see
 * candid_header_build). `work` as for candid_encode. All or nothing: the
 * values are checked with a size-only pass first, so a failure appends no
 * byte to the call. Fails as candid_encode does, with CANDID_ERR_ARGUMENT
 * when arguments were already encoded into this call, with CANDID_ERR_FLUSH
 * when the backend cannot take the bytes (the host's message slot is full),
 * or with the error an earlier step latched; every failure is latched in
 * c->args. */
candid_status candid_call_args(candid_call *c, const candid_header *h, const void *values,
                               void *work, size_t work_cap);

/* A whole message's encoder (a header and the values): `candid bind`
 * generates one per method's argument and result lists, using its fast
 * encoders. It must write into w as candid_encode would, latch its
 * failures in w and return them. */
typedef candid_status (*candid_encode_fn)(candid_writer *w, const void *values);

/* candid_call_args with the message written by enc (the same contract and
 * failures). */
candid_status candid_call_args_with(candid_call *c, candid_encode_fn enc, const void *values);

/* Attaches cycles (128 bits: high and low words). Cannot fail. */
void candid_call_cycles(candid_call *c, uint64_t high, uint64_t low);

/* Sends the call. The result says whether the continuation will run:
 *   CANDID_OK   sent; the continuation runs exactly once, later (on the
 *               IC: in a later message; on the host: when the harness runs
 *               its queue), never inside this function;
 *   otherwise   nothing was sent and the continuation never runs, so the
 *               method still owns its message and must answer it itself:
 *               the error latched in c->args by candid_call_new or
 *               candid_call_args (e.g. CANDID_ERR_UTF8), CANDID_ERR_ARGUMENT
 *               for a call already performed, or CANDID_ERR_CALL when the
 *               system refused the call at once (ic0.call_perform non-zero,
 *               or the host, see candid_host_refuse_calls): c->refused then
 *               holds its reject code (0 on the host for a call dropped
 *               with the handler that began it).
 * On the ic0 backend, reply bytes are copied into c->reply_buf
 * (c->reply_cap bytes; a larger reply becomes a reject with code 6), and a
 * reject message longer than 1,024 bytes is cut there, on a UTF-8
 * character boundary. */
candid_status candid_call_perform(candid_call *c);

/* Answering side, valid inside a method (and, for the argument functions,
 * inside a reply continuation on the ic0 backend). They cannot fail in a
 * way the caller could handle: misuse (a range outside the argument, a
 * buffer too small, an answer after the message was answered, a call
 * outside a method) traps, on the IC as on the host. */
size_t candid_msg_arg_size(void);
/* Copies arg[offset .. offset+size); the range must lie inside the
 * argument (on the IC anything else traps). */
void candid_msg_arg_copy(void *dst, size_t offset, size_t size);
/* Writes the caller's principal into dst[0..cap) and returns its length
 * (at most 29 bytes). */
size_t candid_msg_caller(uint8_t *dst, size_t cap);
/* The same for this canister's own principal. */
size_t candid_self(uint8_t *dst, size_t cap);
/* Appends bytes to the reply; candid_msg_reply sends it. */
void candid_msg_reply_append(const void *p, size_t n);
void candid_msg_reply(void);
/* Rejects the message (code CANDID_REJECT_CANISTER_REJECT). */
void candid_msg_reject(const char *msg, size_t len);

/* Ends the current message as a trap: the caller sees reject code 5 with
 * `msg` (a NUL-terminated string) in the reject message; on the IC through
 * ic0.trap, on the host through the handler's jump buffer. Outside a method
 * on the host (no active host, or no message being handled) it prints msg
 * to stderr and aborts. Does not return. */
#ifdef __cplusplus
[[noreturn]]
#else
_Noreturn
#endif
void candid_trap(const char *msg);

/* Encodes a reply in chunks straight into the reply and sends it. All or
 * nothing: the values are checked with a size-only pass first, so on a
 * failure no byte is appended and the method may still reply or reject.
 * Fails as candid_encode does. */
candid_status candid_reply(const candid_header *h, const void *values, void *work,
                           size_t work_cap);
/* candid_reply with the message written by enc (see candid_encode_fn). */
candid_status candid_reply_with(candid_encode_fn enc, const void *values);

/* What a server implementation generated by `candid bind --server`
 * (NAME_METHOD_impl(const NAME_METHOD_args *, NAME_METHOD_result *,
 * candid_ctx *)) gets beside its arguments and result, one type for every
 * generated service. The generated entry point sets it up before the call
 * and acts on it after. */
typedef struct candid_ctx {
    candid_arena *arena; /* for the result's vectors and boxed values; reset
                            for every message */
    const char *reject;  /* set to a NUL-terminated UTF-8 message to reject
                            the call instead of replying (canister_init
                            traps with it) */
    int defer;           /* set to 1 to answer later, from a call's
                            continuation, with NAME_METHOD_reply or
                            candid_msg_reject: no reply now */
} candid_ctx;

/* The memory the entry points of one generated server share (candid bind
 * --server fills the first eight members from static arrays; the rest is
 * the server's own). */
typedef struct candid_server {
    uint8_t *arg;           /* the message's argument bytes are copied here */
    size_t arg_cap;
    void *work;             /* decoder work memory, 8-byte aligned */
    size_t work_cap;
    void *cache_mem;        /* the plan cache, 8-byte aligned */
    size_t cache_cap;
    void *arena_mem;        /* arguments' and results' vectors, reset per message */
    size_t arena_cap;
    struct {                /* do not touch */
        candid_decoder decoder;
        candid_cache cache;
        candid_arena arena;
        int ready;
    } _private;
} candid_server;

/* Starts serving the current message: prepares ctx and decodes the
 * arguments at args_t into args (an install without argument bytes, init
 * set, passes ()). On failure it answers the message itself, rejecting with
 * "cannot take the arguments: ..." or "cannot decode the arguments: STATUS:
 * PATH" (canister_init, which cannot reject, traps with it), and returns
 * non-zero; then the entry point must return. PATH is
 * candid_decoder_error_path's line; compiled with CANDID_OPT_SIZE (the
 * size-first build), which leaves the tracer out, it is the status's
 * message and the byte offset only ("value does not coerce to the
 * expected type at byte 7"). */
int candid_serve_begin(candid_server *s, candid_ctx *ctx, const candid_type *args_t, void *args,
                       int init);

/* A decoder with candid_decode's contract, e.g. a generated stub's (its
 * exact-match fast path first, candid/fast.h). */
typedef candid_status (*candid_decode_fn)(candid_decoder *d, const uint8_t *msg, size_t len,
                                          void *out, candid_arena *arena);
/* candid_serve_begin decoding with `decode` (candid_decode when NULL);
 * args_t still names the argument types. Fails as candid_serve_begin. */
int candid_serve_begin_with(candid_server *s, candid_ctx *ctx, const candid_type *args_t, void *args,
                            int init, candid_decode_fn decode);

/* Ends serving the current message as ctx says: nothing when deferred, a
 * reject with ctx->reject, or the reply with result at h (streamed; work as
 * for candid_encode). When the result cannot be encoded, rejects with
 * "cannot encode the result: STATUS: message". */
void candid_serve_finish(const candid_ctx *ctx, const candid_header *h, const void *result,
                         void *work, size_t work_cap);
/* candid_serve_finish with the reply written by enc (see candid_encode_fn). */
void candid_serve_finish_with(const candid_ctx *ctx, candid_encode_fn enc, const void *result);

#ifdef __cplusplus
}
#endif
#endif
