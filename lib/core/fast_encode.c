/* The driver of generated fast encoders; see include/candid/fast_encode.h. */
#include "candid/fast_encode.h"
#include "internal.h"

/* candid_encode's stack level: encode.h gives 48 bytes (32 on 32-bit
 * targets), and aligning the work memory to 8 may cost one more. */
#define ENCODE_LEVEL (2 * (2 * sizeof(void *) + 8))

/* The bytes go in place when the writer holds them in a buffer it does
 * not drain; anything else stages them in scratch. */
static int in_place(const candid_writer *w) {
    return w->_private.buf && !w->_private.flush && !w->err;
}

/* Room for the cursor: the rest of the writer's buffer, or scratch. */
static void open_out(candid_fast_out *o, candid_writer *w) {
    o->w = w;
    if (in_place(w)) {
        o->p = w->_private.buf + w->_private.len;
        o->end = w->_private.buf + w->_private.cap;
    } else {
        o->p = o->scratch;
        o->end = o->scratch + sizeof o->scratch;
    }
    o->base = o->p;
}

/* Brings the writer up to the cursor. */
static void sync_out(candid_fast_out *o) {
    size_t n = (size_t)(o->p - o->base);
    if (o->base == o->scratch) {
        candid_put_bytes(o->w, o->scratch, n);
    } else {
        o->w->_private.len += n;
        o->w->total += n;
    }
    o->base = o->p;
}

void candid_fast_spill(candid_fast_out *o, const void *p, size_t n) {
    sync_out(o);
    candid_put_bytes(o->w, p, n);
    open_out(o, o->w);
}

int candid_fast_reserve(candid_fast_out *o, size_t n) {
    sync_out(o);
    open_out(o, o->w);
    /* A buffer this short may yet hold the message (n is the most a run
     * can take), or not: candid_encode finds out and says so. */
    return (size_t)(o->end - o->p) < n;
}

/* h's bytes and fn's values into w; 0 when fn gave up. */
static int write_all(candid_writer *w, const candid_header *h, const void *values,
                     candid_fast_values_fn fn) {
    candid_fast_out o;
    open_out(&o, w);
    candid_fast_put_bytes(&o, h->bytes, h->len);
    int r = fn(&o, values);
    sync_out(&o);
    return r;
}

candid_status candid_fast_encode(candid_writer *w, const candid_header *h, const void *values,
                                 void *work, size_t work_cap, uint32_t frames,
                                 candid_fast_values_fn fn) {
    /* Anything but the ordinary call is candid_encode's to judge. */
    if (!w || !h || !h->args || !h->bytes || (!values && h->args->size) ||
        !work || work_cap < ((size_t)frames + 1) * ENCODE_LEVEL)
        return candid_encode(w, h, values, work, work_cap, 0);
    if (w->_private.flush) {
        candid_writer dry;
        candid_writer_init(&dry, NULL, 0);
        if (w->err || write_all(&dry, h, values, fn))
            return candid_encode(w, h, values, work, work_cap, 0);
        write_all(w, h, values, fn); /* the same values: it cannot give up now */
        return candid_writer_finish(w);
    }
    size_t total = w->total, len = w->_private.len;
    candid_status err = w->err;
    if (write_all(w, h, values, fn)) {
        w->total = total;
        w->_private.len = len;
        w->err = err;
        return candid_encode(w, h, values, work, work_cap, 0);
    }
    return candid_writer_finish(w);
}
