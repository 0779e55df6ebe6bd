/* The call envelope on the IC System API (module "ic0"), for canister
 * Wasm. Pointer-sized parameters are uintptr_t: i32 on wasm32, i64 on
 * wasm64, as the interface specification's `I` requires. */
#include "../backend.h"

#define IC0(name) __attribute__((import_module("ic0"), import_name(#name)))

IC0(msg_arg_data_size) uintptr_t ic0_msg_arg_data_size(void);
IC0(msg_arg_data_copy) void ic0_msg_arg_data_copy(uintptr_t dst, uintptr_t offset, uintptr_t size);
IC0(msg_caller_size) uintptr_t ic0_msg_caller_size(void);
IC0(msg_caller_copy) void ic0_msg_caller_copy(uintptr_t dst, uintptr_t offset, uintptr_t size);
IC0(msg_reject_code) uint32_t ic0_msg_reject_code(void);
IC0(msg_reject_msg_size) uintptr_t ic0_msg_reject_msg_size(void);
IC0(msg_reject_msg_copy) void ic0_msg_reject_msg_copy(uintptr_t dst, uintptr_t offset, uintptr_t size);
IC0(msg_reply_data_append) void ic0_msg_reply_data_append(uintptr_t src, uintptr_t size);
IC0(msg_reply) void ic0_msg_reply(void);
IC0(msg_reject) void ic0_msg_reject(uintptr_t src, uintptr_t size);
IC0(canister_self_size) uintptr_t ic0_canister_self_size(void);
IC0(canister_self_copy) void ic0_canister_self_copy(uintptr_t dst, uintptr_t offset, uintptr_t size);
IC0(call_new) void ic0_call_new(uintptr_t callee_src, uintptr_t callee_size, uintptr_t name_src,
                                uintptr_t name_size, uintptr_t reply_fun, uintptr_t reply_env,
                                uintptr_t reject_fun, uintptr_t reject_env);
IC0(call_on_cleanup) void ic0_call_on_cleanup(uintptr_t fun, uintptr_t env);
IC0(call_data_append) void ic0_call_data_append(uintptr_t src, uintptr_t size);
IC0(call_cycles_add128) void ic0_call_cycles_add128(uint64_t high, uint64_t low);
IC0(call_perform) uint32_t ic0_call_perform(void);
IC0(trap) void ic0_trap(uintptr_t src, uintptr_t size);

#define P(x) ((uintptr_t)(x))

size_t candid_msg_arg_size(void) { return ic0_msg_arg_data_size(); }

void candid_msg_arg_copy(void *dst, size_t offset, size_t size) {
    ic0_msg_arg_data_copy(P(dst), offset, size);
}

size_t candid_msg_caller(uint8_t *dst, size_t cap) {
    size_t n = ic0_msg_caller_size();
    if (n > cap) candid_trap("caller buffer too small");
    ic0_msg_caller_copy(P(dst), 0, n);
    return n;
}

size_t candid_self(uint8_t *dst, size_t cap) {
    size_t n = ic0_canister_self_size();
    if (n > cap) candid_trap("self buffer too small");
    ic0_canister_self_copy(P(dst), 0, n);
    return n;
}

void candid_msg_reply_append(const void *p, size_t n) { ic0_msg_reply_data_append(P(p), n); }
void candid_msg_reply(void) { ic0_msg_reply(); }
void candid_msg_reject(const char *msg, size_t len) { ic0_msg_reject(P(msg), len); }

/* ic0.trap carries the message to the caller's reject; it does not
 * return, and the unreachable after it says so to the compiler. */
_Noreturn void candid_trap(const char *msg) {
    size_t n = 0;
    if (!msg) msg = "";
    while (msg[n]) n++;
    ic0_trap(P(msg), n);
    __builtin_trap();
}

/* Reject messages are copied here for the continuation: the first 1,024
 * bytes, cut back to a whole character. */
static char reject_text[1024];

static void deliver_reply(uintptr_t env) {
    candid_call *c = (candid_call *)env;
    candid_outcome o = {0};
    size_t n = ic0_msg_arg_data_size();
    if (n > c->reply_cap) {
        static const char too_big[] = "reply larger than the call's reply buffer";
        o.reject_code = CANDID_REJECT_SYS_UNKNOWN;
        o.reject_message = too_big;
        o.reject_message_len = sizeof too_big - 1;
    } else {
        ic0_msg_arg_data_copy(P(c->reply_buf), 0, n);
        o.replied = 1;
        o.reply = c->reply_buf;
        o.reply_len = n;
    }
    c->_private.state = 0;
    c->_private.done(c, &o);
}

static void deliver_reject(uintptr_t env) {
    candid_call *c = (candid_call *)env;
    candid_outcome o = {0};
    size_t n = ic0_msg_reject_msg_size();
    ic0_msg_reject_msg_copy(P(reject_text), 0, n < sizeof reject_text ? n : sizeof reject_text);
    o.reject_code = ic0_msg_reject_code();
    o.reject_message = reject_text;
    o.reject_message_len = candid__utf8_clip((const uint8_t *)reject_text, n, sizeof reject_text);
    c->_private.state = 0;
    c->_private.done(c, &o);
}

/* Runs when a continuation trapped: the call is over all the same. */
static void cleanup(uintptr_t env) { ((candid_call *)env)->_private.state = 0; }

candid_status candid__call_begin(candid_call *c) {
    ic0_call_new(P(c->_private.callee), c->_private.callee_len, P(c->_private.method),
                 c->_private.method_len, P(deliver_reply), P(c), P(deliver_reject), P(c));
    ic0_call_on_cleanup(P(cleanup), P(c));
    c->_private.state = 1;
    return CANDID_OK;
}

int candid__call_append(candid_call *c, const uint8_t *p, size_t n) {
    (void)c;
    ic0_call_data_append(P(p), n);
    return 0;
}

/* The IC drops a call under construction when the message ends, and a
 * new call_new replaces it: nothing to undo. */
void candid__call_cancel(candid_call *c) { (void)c; }

candid_status candid__call_send(candid_call *c) {
    uint64_t high = c->_private.cycles_high, low = c->_private.cycles_low;
    if (high || low) ic0_call_cycles_add128(high, low);
    uint32_t err = ic0_call_perform();
    if (!err) return CANDID_OK;
    /* Refused at once: no callback will run, and the caller, told so, still
     * answers its own message. */
    c->refused = err;
    c->_private.state = 0;
    return CANDID_ERR_CALL;
}
