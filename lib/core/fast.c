/* The entry and exit of generated fast decoders; see include/candid/fast.h.
 * The fast path only ever takes messages the interpreter would decode
 * without error: anything it cannot vouch for goes to candid_decode. */
#include "candid/fast.h"
#include "internal.h"

_Static_assert(sizeof(candid_fast_frame) <= CANDID__FRAME_SIZE, "a fast frame fits an interpreter frame");

/* The interpreter's budget for a message of len bytes (run.c computes the
 * same): base + per_byte * len, saturating. */
static uint64_t budget_for(const candid_limits *l, size_t len) {
    uint64_t n = len > UINT32_MAX ? UINT32_MAX : (uint64_t)len;
    uint64_t b = n * l->budget_per_byte;
    return b > UINT64_MAX - l->budget_base ? UINT64_MAX : b + l->budget_base;
}

/* The work memory the interpreter can use: from the first 8-aligned byte,
 * rounded down to 4 (decode.c's span_of). */
static size_t work_avail(const candid_decoder *d) {
    size_t cap = d->_private.work ? d->_private.work_cap : 0;
    size_t lost = (size_t)(-(uintptr_t)d->_private.work & 7);
    return lost >= cap ? 0 : (cap - lost) & ~(size_t)3;
}

int candid_fast_begin(candid_fast *f, const candid_decoder *d, const uint8_t *msg, size_t len,
                      const void *out, const uint8_t *hdr, size_t hlen, uint32_t entries, size_t work,
                      uint32_t depth, candid_arena *arena) {
    f->arena = arena;
    if (!arena) return 0;
    f->a_used = arena->used;
    f->a_needed = arena->needed;
    if (!d || !msg || !out || len < hlen) return 0;
    /* The generator measured the header: only the caller's limits and
     * work memory are left to check, each with one comparison. */
    const candid_limits *l = &d->limits;
    size_t avail = work_avail(d);
    if ((l->max_depth < depth) | (hlen > l->max_table_bytes) | (entries > l->max_table_entries) |
        (avail < work) || !candid__equal(msg, hdr, hlen))
        return 0;
    f->p = msg + hlen;
    f->end = msg + len;
    f->steps = 0;
    f->budget = budget_for(l, len);
    size_t lost = (size_t)(-(uintptr_t)d->_private.work & 7);
    f->work = work + lost;
    /* Frames within both limits, each taking the room of one of the
     * interpreter's. */
    size_t cap = (avail - work) / CANDID__FRAME_SIZE;
    f->frames_cap = cap < l->max_depth - depth ? cap : l->max_depth - depth;
    f->frames = (candid_fast_frame *)(void *)((uint8_t *)d->_private.work + lost);
    f->sp = f->frames_peak = 0;
    return 1;
}

candid_status candid_fast_end(candid_fast *f, int ok, candid_decoder *d, const uint8_t *msg,
                              size_t len, const candid_type *args, void *out) {
    if (ok && f->p == f->end && f->arena->needed == f->arena->used) {
        d->error_offset = len;
        d->steps = f->steps;
        d->skip_steps = 0;
        /* The frames lie above `work` (candid_fast_begin): a retry
         * must leave room for as many. */
        d->work_needed = f->work + f->frames_peak * CANDID__FRAME_SIZE;
        d->cache_hit = 0;
        d->_private.failed.plan = NULL;
        d->_private.failed.status = CANDID_OK;
        return CANDID_OK;
    }
    if (f->arena) {
        f->arena->used = f->a_used;
        f->arena->needed = f->a_needed;
    }
    return candid_decode(d, msg, len, args, out, f->arena);
}
