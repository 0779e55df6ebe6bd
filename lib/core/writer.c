/* The latched-error byte writer; see include/candid/encode.h. */
#include "candid/encode.h"
#include "candid/wire.h"
#include "internal.h"

void candid_writer_init(candid_writer *w, void *buf, size_t cap) {
    w->buf = (uint8_t *)buf;
    w->cap = buf ? cap : 0;
    w->len = 0;
    w->total = 0;
    w->flush = NULL;
    w->flush_ctx = NULL;
    w->err = CANDID_OK;
}

void candid_writer_init_stream(candid_writer *w, void *buf, size_t cap,
                               candid_flush_fn flush, void *ctx) {
    candid_writer_init(w, buf, cap);
    w->flush = flush;
    w->flush_ctx = ctx;
    if (!buf || !cap || !flush) w->err = CANDID_ERR_ARGUMENT;
}

static void drain(candid_writer *w) {
    if (w->len && w->flush(w->flush_ctx, w->buf, w->len) != 0) w->err = CANDID_ERR_FLUSH;
    w->len = 0;
}

void candid_put_bytes(candid_writer *w, const void *p, size_t n) {
    const uint8_t *src = (const uint8_t *)p;
    w->total += n;
    if (w->err) return;
    if (!w->buf) return; /* size-only mode */
    if (!w->flush) {
        if (n > w->cap - w->len) {
            /* Keep counting in `total` so one pass tells the needed size. */
            w->err = CANDID_ERR_BUFFER_FULL;
            return;
        }
        __builtin_memcpy(w->buf + w->len, src, n);
        w->len += n;
        return;
    }
    while (n) {
        if (w->len == w->cap) {
            drain(w);
            if (w->err) return;
        }
        size_t k = w->cap - w->len < n ? w->cap - w->len : n;
        __builtin_memcpy(w->buf + w->len, src, k);
        w->len += k;
        src += k;
        n -= k;
    }
}

void candid_put_u8(candid_writer *w, uint8_t v) {
    candid__put_u8(w, v);
}

void candid_put_leb(candid_writer *w, uint64_t v) {
    candid__put_leb(w, v);
}

void candid_put_sleb(candid_writer *w, int64_t v) {
    candid__put_sleb(w, v);
}

candid_status candid_writer_finish(candid_writer *w) {
    if (!w->err && w->flush) drain(w);
    return w->err;
}

candid_status candid_writer_fail(candid_writer *w, candid_status st) {
    /* A full buffer is the one soft error: `total` would claim a size at
     * which the message can be written, and a hard error says there is
     * none. */
    if (!w->err || (w->err == CANDID_ERR_BUFFER_FULL && st)) w->err = st;
    return w->err;
}
