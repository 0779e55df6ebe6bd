/* The latched-error byte writer; see include/candid/encode.h. */
#include "candid/encode.h"
#include "candid/wire.h"
#include "internal.h"

void candid_writer_init(candid_writer *w, void *buf, size_t cap) {
    w->_private.buf = (uint8_t *)buf;
    w->_private.cap = buf ? cap : 0;
    w->_private.len = 0;
    w->total = 0;
    w->_private.flush = NULL;
    w->_private.flush_ctx = NULL;
    w->err = CANDID_OK;
}

void candid_writer_init_stream(candid_writer *w, void *buf, size_t cap,
                               candid_flush_fn flush, void *ctx) {
    candid_writer_init(w, buf, cap);
    w->_private.flush = flush;
    w->_private.flush_ctx = ctx;
    if (!buf || !cap || !flush) w->err = CANDID_ERR_ARGUMENT;
}

static void drain(candid_writer *w) {
    if (w->_private.len && w->_private.flush(w->_private.flush_ctx, w->_private.buf, w->_private.len) != 0) w->err = CANDID_ERR_FLUSH;
    w->_private.len = 0;
}

void candid_put_bytes(candid_writer *w, const void *p, size_t n) {
    const uint8_t *src = (const uint8_t *)p;
    w->total += n;
    if (w->err) return;
    if (!w->_private.buf) return; /* size-only mode */
    if (!w->_private.flush) {
        if (n > w->_private.cap - w->_private.len) {
            /* Keep counting in `total` so one pass tells the needed size. */
            w->err = CANDID_ERR_BUFFER_FULL;
            return;
        }
        __builtin_memcpy(w->_private.buf + w->_private.len, src, n);
        w->_private.len += n;
        return;
    }
    while (n) {
        if (w->_private.len == w->_private.cap) {
            drain(w);
            if (w->err) return;
        }
        size_t k = w->_private.cap - w->_private.len < n ? w->_private.cap - w->_private.len : n;
        __builtin_memcpy(w->_private.buf + w->_private.len, src, k);
        w->_private.len += k;
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
    if (!w->err && w->_private.flush) drain(w);
    return w->err;
}

candid_status candid_writer_fail(candid_writer *w, candid_status st) {
    /* A full buffer is the one soft error: `total` would claim a size at
     * which the message can be written, and a hard error says there is
     * none. */
    if (!w->err || (w->err == CANDID_ERR_BUFFER_FULL && st)) w->err = st;
    return w->err;
}
