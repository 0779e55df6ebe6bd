/* The driver of generated fast encoders; see include/candid/fast_encode.h. */
#include "candid/fast_encode.h"
#include "internal.h"

/* candid_encode's stack level: encode.h gives 48 bytes (32 on 32-bit
 * targets), and aligning the work memory to 8 may cost one more. */
#define ENCODE_LEVEL (2 * (2 * sizeof(void *) + 8))

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
        if (w->err || fn(&dry, values)) return candid_encode(w, h, values, work, work_cap, 0);
        candid__put_bytes(w, h->bytes, h->len);
        fn(w, values); /* the same values: it cannot give up now */
        return candid_writer_finish(w);
    }
    size_t total = w->total, len = w->_private.len;
    candid_status err = w->err;
    candid__put_bytes(w, h->bytes, h->len);
    if (fn(w, values)) {
        w->total = total;
        w->_private.len = len;
        w->err = err;
        return candid_encode(w, h, values, work, work_cap, 0);
    }
    return candid_writer_finish(w);
}
