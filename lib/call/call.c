/* The backend-independent half of the call envelope; see
 * include/candid/call.h. */
#include "backend.h"

static int append_args(void *ctx, const uint8_t *p, size_t n) {
    return candid__call_append((candid_call *)ctx, p, n);
}

candid_status candid_call_new(candid_call *c, const uint8_t *callee, size_t callee_len,
                              const char *method, size_t method_len,
                              candid_continuation done, void *user) {
    if (!c || (!callee && callee_len) || !method || !done) return CANDID_ERR_ARGUMENT;
    c->callee = callee;
    c->callee_len = callee_len;
    c->method = method;
    c->method_len = method_len;
    c->done = done;
    c->user = user;
    c->cycles_high = c->cycles_low = 0;
    c->state = 0;
    candid_writer_init_stream(&c->args, c->chunk, sizeof c->chunk, append_args, c);
    return candid__call_begin(c);
}

candid_status candid_call_args(candid_call *c, const candid_header *h, const void *values,
                               void *work, size_t work_cap) {
    return candid_encode(&c->args, h, values, work, work_cap, 0);
}

void candid_call_cycles(candid_call *c, uint64_t high, uint64_t low) {
    c->cycles_high = high;
    c->cycles_low = low;
}

candid_status candid_call_perform(candid_call *c) {
    if (candid_writer_finish(&c->args)) return CANDID_ERR_CALL;
    return candid__call_send(c);
}

static int append_reply(void *ctx, const uint8_t *p, size_t n) {
    (void)ctx;
    candid_msg_reply_append(p, n);
    return 0;
}

candid_status candid_reply(const candid_header *h, const void *values, void *work,
                           size_t work_cap) {
    uint8_t chunk[256];
    candid_writer w;
    candid_writer_init_stream(&w, chunk, sizeof chunk, append_reply, NULL);
    candid_status st = candid_encode(&w, h, values, work, work_cap, 0);
    if (!st) candid_msg_reply();
    return st;
}
