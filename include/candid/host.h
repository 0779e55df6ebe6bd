/* libcandid: the in-process call backend for host test harnesses.
 *
 * A registry of canisters (principal -> method handlers written against
 * candid/call.h, the same code a canister build uses) and a queue of
 * messages. Calls are delivered, and their replies or rejects handed to the
 * caller's continuation, only when the harness runs the queue: never inside
 * the call that made them, as on the IC. Reject codes follow the IC: 3 for a
 * canister that does not exist, 5 for a missing method, a trap or a method
 * that neither replies nor rejects, 4 for candid_msg_reject.
 *
 * The answering-side functions of call.h address the message being handled
 * by the host passed to candid_host_activate (one host per thread).
 * Effects of a handler that traps are not rolled back; a call a handler
 * began but did not perform is dropped when the handler ends, as on the IC
 * (performing it later fails with CANDID_ERR_CALL, c->refused 0).
 * Reject and trap messages are kept to 128 bytes, cut on a UTF-8 character
 * boundary.
 */
#ifndef CANDID_HOST_H
#define CANDID_HOST_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

#include "candid/call.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void (*candid_method_fn)(void);

typedef struct candid_host_method {
    const char *name;
    candid_method_fn fn;
} candid_host_method;

typedef struct candid_host_canister {
    const uint8_t *id;
    size_t id_len;
    const candid_host_method *methods;
    size_t nmethods;
} candid_host_canister;

#define CANDID_HOST_CANISTERS 8
#define CANDID_HOST_MESSAGES 32

/* A message: an ingress call, a call between canisters, or a response
 * waiting for its continuation. Private to the backend. */
typedef struct candid_host_msg {
    int kind;                     /* 0 free, -1 being built, 1 call, 2 response,
                                     3 response being delivered */
    const candid_host_canister *callee;
    const char *method;
    size_t method_len;
    const uint8_t *callee_id;
    size_t callee_id_len;
    uint8_t callee_copy[32];      /* a call's callee and method, copied */
    char method_copy[64];
    uint8_t caller[32];
    size_t caller_len;
    uint8_t *arg;                 /* call: arguments; response: reply bytes */
    size_t arg_len, arg_cap;
    candid_call *call;            /* who waits: the caller's call, or NULL */
    int parent;                   /* the call context a continuation answers, or -1 */
    int replied;                  /* 0 pending, 1 replied, 2 rejected */
    uint32_t reject_code;
    char reject_msg[128];
    size_t reject_len;
    uint8_t *reply;
    size_t reply_len, reply_cap;
    int ingress;                  /* the harness's own message */
    int started;                  /* its method has run */
} candid_host_msg;

typedef struct candid_host {
    struct {                      /* the backend's state: do not touch */
        const candid_host_canister *canisters[CANDID_HOST_CANISTERS];
        size_t ncanisters;
        candid_host_msg msgs[CANDID_HOST_MESSAGES];
        uint8_t *mem;             /* message buffers, carved per slot */
        size_t slot_bytes;
        int current;              /* the message being handled, or -1 */
        int building;             /* the call under construction, or -1 */
        jmp_buf trap;
        char trap_msg[128];
        uint32_t refuse_code;     /* see candid_host_refuse_calls */
    } _private;
} candid_host;

/* Uses mem[0..cap) for message buffers (CANDID_HOST_MESSAGES equal slots
 * for arguments and replies). Fails with CANDID_ERR_ARGUMENT when a slot
 * would be under 512 bytes. */
candid_status candid_host_init(candid_host *h, void *mem, size_t cap);

/* Makes h the host that call.h's functions act on. Cannot fail. */
void candid_host_activate(candid_host *h);

/* From now on, every candid_call_perform is refused at once with reject
 * code `code`, as ic0.call_perform refuses a call when the system cannot
 * take it (CANDID_REJECT_SYS_TRANSIENT, say); 0 accepts calls again. For
 * tests of the path where a call is never sent. Cannot fail. */
void candid_host_refuse_calls(candid_host *h, uint32_t code);

/* Registers a canister (kept by pointer, as are its id and methods).
 * CANDID_ERR_LIMIT when CANDID_HOST_CANISTERS are registered already. */
candid_status candid_host_add(candid_host *h, const candid_host_canister *c);

/* Sends an ingress message from `caller` and runs the queue until nothing
 * is left; the outcome of the message lands in *out (reply bytes are in
 * the host's memory until the next ingress); CANDID_OK once it is answered,
 * by a reply or a reject. CANDID_ERR_LIMIT when the queue overflows,
 * CANDID_ERR_BUFFER_FULL when the argument does not fit a slot or the
 * caller is over 32 bytes, CANDID_ERR_CALL when the message was left
 * unanswered. */
candid_status candid_host_ingress(candid_host *h, const uint8_t *callee, size_t callee_len,
                                  const char *method, const uint8_t *caller, size_t caller_len,
                                  const uint8_t *arg, size_t arg_len, candid_outcome *out);

#ifdef __cplusplus
}
#endif
#endif
