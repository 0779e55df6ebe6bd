/* The backend-independent half of the call envelope; see
 * include/candid/call.h. */
#include "backend.h"

static int append_args(void *ctx, const uint8_t *p, size_t n) {
    return candid__call_append((candid_call *)ctx, p, n);
}

/* How a message is written: by candid_encode over a header, or by a
 * candid_encode_fn (enc set). */
typedef struct message {
    candid_encode_fn enc;
    const candid_header *h;
    const void *values;
    void *work;
    size_t work_cap;
} message;

static candid_status write_message(candid_writer *w, const message *m) {
    if (m->enc) return m->enc(w, m->values);
    return candid_encode(w, m->h, m->values, m->work, m->work_cap, 0);
}

/* Encodes into w all or nothing: a size-only pass checks the values first,
 * so a failure reaches w as a latched error without a byte written. */
static candid_status encode_whole(candid_writer *w, const message *m) {
    candid_writer size;
    candid_writer_init(&size, NULL, 0);
    candid_status st = write_message(&size, m);
    if (st) return candid_writer_fail(w, st);
    return write_message(w, m);
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

static candid_status call_args(candid_call *c, const message *m) {
    if (!c) return CANDID_ERR_ARGUMENT;
    /* one argument message per call */
    if (c->args.total) return candid_writer_fail(&c->args, CANDID_ERR_ARGUMENT);
    return encode_whole(&c->args, m);
}

candid_status candid_call_args(candid_call *c, const candid_header *h, const void *values,
                               void *work, size_t work_cap) {
    return call_args(c, &(message){NULL, h, values, work, work_cap});
}

candid_status candid_call_args_with(candid_call *c, candid_encode_fn enc, const void *values) {
    return call_args(c, &(message){enc, NULL, values, NULL, 0});
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

static candid_status reply(const message *m) {
    uint8_t chunk[256];
    candid_writer w;
    candid_writer_init_stream(&w, chunk, sizeof chunk, append_reply, NULL);
    candid_status st = encode_whole(&w, m);
    if (!st) candid_msg_reply();
    return st;
}

candid_status candid_reply(const candid_header *h, const void *values, void *work,
                           size_t work_cap) {
    return reply(&(message){NULL, h, values, work, work_cap});
}

candid_status candid_reply_with(candid_encode_fn enc, const void *values) {
    return reply(&(message){enc, NULL, values, NULL, 0});
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

/* Rejects with "WHAT: STATUS: DETAIL"; canister_init (init set), which
 * cannot reject, traps with it. */
static void serve_reject(int init, const char *what, candid_status st, const char *detail) {
    static char msg[512];
    size_t n = 0;
    const char *parts[] = {what, ": ", candid_status_name(st), ": ", detail};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        for (const char *c = parts[i]; *c && n < sizeof msg - 1; c++) msg[n++] = *c;
    msg[n] = 0;
    if (init) candid_trap(msg);
    candid_msg_reject(msg, n);
}

int candid_serve_begin(candid_server *s, candid_ctx *ctx, const candid_type *args_t, void *args,
                       int init) {
    return candid_serve_begin_with(s, ctx, args_t, args, init, NULL);
}

int candid_serve_begin_with(candid_server *s, candid_ctx *ctx, const candid_type *args_t, void *args,
                            int init, candid_decode_fn decode) {
    candid_decoder *d = &s->_private.decoder;
    if (!s->_private.ready) {
        candid_decoder_init(d, s->work, s->work_cap);
        candid_cache_init(&s->_private.cache, s->cache_mem, s->cache_cap, 4);
        d->cache = &s->_private.cache;
        s->_private.ready = 1;
    }
    candid_arena_init(&s->_private.arena, s->arena_mem, s->arena_cap);
    ctx->arena = &s->_private.arena;
    ctx->reject = NULL;
    ctx->defer = 0;
    size_t n = candid_msg_arg_size();
    if (n > s->arg_cap) {
        serve_reject(init, "cannot take the arguments", CANDID_ERR_LIMIT,
                     "more bytes than the server's argument buffer");
        return 1;
    }
    static const uint8_t no_args[] = {'D', 'I', 'D', 'L', 0, 0};
    if (init && n == 0) {
        n = sizeof no_args;
        for (size_t i = 0; i < n; i++) s->arg[i] = no_args[i];
    } else {
        candid_msg_arg_copy(s->arg, 0, n);
    }
    candid_status st = decode ? decode(d, s->arg, n, args, &s->_private.arena)
                              : candid_decode(d, s->arg, n, args_t, args, &s->_private.arena);
    if (!st) return 0;
    static char where[384];
#ifdef CANDID_OPT_SIZE
    /* The size-first build leaves the error-path tracer out of the module:
     * why and where, e.g. "value does not coerce to the expected type at
     * byte 37", without the path. */
    size_t w = 0;
    for (const char *c = candid_status_message(st); *c && w < sizeof where - 32; c++) where[w++] = *c;
    for (const char *c = " at byte "; *c; c++) where[w++] = *c;
    char digits[20];
    size_t k = 0;
    size_t at = d->error_offset;
    do digits[k++] = (char)('0' + at % 10); while ((at /= 10) && k < sizeof digits);
    while (k) where[w++] = digits[--k];
    where[w] = 0;
#else
    /* where and why, e.g. "argument 0 .to .owner: expected principal,
     * found text at byte 37", cut on a character boundary */
    if (candid_decoder_error_path(d, where, sizeof where) == CANDID_ERR_BUFFER_FULL)
        where[candid__utf8_clip((const uint8_t *)where, sizeof where, sizeof where - 1)] = 0;
#endif
    serve_reject(init, "cannot decode the arguments", st, where);
    return 1;
}

static void serve_finish(const candid_ctx *ctx, const message *m) {
    if (ctx->defer) return;
    if (ctx->reject) {
        size_t n = 0;
        while (ctx->reject[n]) n++;
        candid_msg_reject(ctx->reject, n);
        return;
    }
    candid_status st = reply(m);
    if (st) serve_reject(0, "cannot encode the result", st, candid_status_message(st));
}

void candid_serve_finish(const candid_ctx *ctx, const candid_header *h, const void *result,
                         void *work, size_t work_cap) {
    serve_finish(ctx, &(message){NULL, h, result, work, work_cap});
}

void candid_serve_finish_with(const candid_ctx *ctx, candid_encode_fn enc, const void *result) {
    serve_finish(ctx, &(message){enc, NULL, result, NULL, 0});
}
