/* The backend-independent half of the call envelope; see
 * include/candid/call.h. */
#include "backend.h"

static int append_args(void *ctx, const uint8_t *p, size_t n) {
    return candid__call_append((candid_call *)ctx, p, n);
}

/* Encodes into w all or nothing: a size-only pass checks the values first,
 * so a failure reaches w as a latched error without a byte written. */
static candid_status encode_whole(candid_writer *w, const candid_header *h, const void *values,
                                  void *work, size_t work_cap) {
    candid_writer size;
    candid_writer_init(&size, NULL, 0);
    candid_status st = candid_encode(&size, h, values, work, work_cap, 0);
    if (st) return candid_writer_fail(w, st);
    return candid_encode(w, h, values, work, work_cap, 0);
}

candid_status candid_call_new(candid_call *c, const uint8_t *callee, size_t callee_len,
                              const char *method, size_t method_len,
                              candid_continuation done, void *user) {
    if (!c) return CANDID_ERR_ARGUMENT;
    c->_private.callee = callee;
    c->_private.callee_len = callee_len;
    c->_private.method = method;
    c->_private.method_len = method_len;
    c->_private.done = done;
    c->user = user;
    c->_private.cycles_high = c->_private.cycles_low = 0;
    c->_private.state = 0;
    c->refused = 0;
    candid_writer_init_stream(&c->args, c->_private.chunk, sizeof c->_private.chunk, append_args, c);
    if ((!callee && callee_len) || !method || !done)
        return candid_writer_fail(&c->args, CANDID_ERR_ARGUMENT);
    return candid_writer_fail(&c->args, candid__call_begin(c));
}

candid_status candid_call_args(candid_call *c, const candid_header *h, const void *values,
                               void *work, size_t work_cap) {
    if (!c) return CANDID_ERR_ARGUMENT;
    /* one argument message per call */
    if (c->args.total) return candid_writer_fail(&c->args, CANDID_ERR_ARGUMENT);
    return encode_whole(&c->args, h, values, work, work_cap);
}

void candid_call_cycles(candid_call *c, uint64_t high, uint64_t low) {
    c->_private.cycles_high = high;
    c->_private.cycles_low = low;
}

candid_status candid_call_perform(candid_call *c) {
    if (!c) return CANDID_ERR_ARGUMENT;
    candid_status st = candid_writer_finish(&c->args);
    if (st) {
        candid__call_cancel(c);
        return st;
    }
    st = candid__call_send(c);
    /* Sent or refused, the call is over: performing it again sends nothing. */
    candid_writer_fail(&c->args, st ? st : CANDID_ERR_ARGUMENT);
    return st;
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
    candid_status st = encode_whole(&w, h, values, work, work_cap);
    if (!st) candid_msg_reply();
    return st;
}

size_t candid__utf8_clip(const uint8_t *s, size_t len, size_t cap) {
    if (len <= cap) return len;
    size_t k = 0; /* continuation bytes (10xxxxxx) ending s[0..cap) */
    while (k < 3 && k < cap && (s[cap - 1 - k] & 0xc0) == 0x80) k++;
    if (k == cap) return 0;
    uint8_t lead = s[cap - 1 - k];
    size_t need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    return k + 1 < need ? cap - 1 - k : cap;
}
