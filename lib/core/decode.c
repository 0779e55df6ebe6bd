/* Decoding entry points: cache lookup, header parsing, plan compilation and
 * the run, over the caller's work memory; see include/candid/decode.h. */
#include "cache.h"
#include "internal.h"

void candid_limits_default(candid_limits *l) {
    l->max_table_entries = 4096;
    l->max_table_bytes = 1u << 20;
    l->max_depth = 4096;
    l->budget_base = 100000;
    l->budget_per_byte = 64;
    l->skip_base = 100000;
    l->skip_per_byte = 64;
}

void candid_decoder_init(candid_decoder *d, void *work, size_t work_cap) {
    CANDID_MEMSET(d, 0, sizeof *d);
    candid_limits_default(&d->limits);
    d->_private.work = work;
    d->_private.work_cap = work ? work_cap : 0;
}

/* The work memory as the decoder uses it: from an 8-aligned base (frames
 * and scratch) to a 4-aligned top (the plan grows down from it). */
typedef struct work_span {
    uint8_t *base;
    size_t lost;  /* bytes before base */
    size_t avail; /* top - base */
} work_span;

static work_span span_of(void *work, size_t cap) {
    work_span s = {NULL, 0, 0};
    if (!work) return s;
    size_t lost = (size_t)(-(uintptr_t)work & 7);
    if (lost >= cap) return s;
    s.base = (uint8_t *)work + lost;
    s.lost = lost;
    s.avail = (cap - lost) & ~(size_t)3;
    return s;
}

/* Work bytes to report: `need` bytes from the base, as a size the caller
 * can pass back (the same base alignment, the top rounded as it will be). */
static size_t reported(const work_span *s, size_t need) {
    size_t r = (need + 3) & ~(size_t)3;
    return r > SIZE_MAX - s->lost ? SIZE_MAX : r + s->lost;
}

/* Work a run needs at most besides the plan: max_depth frames. */
static size_t frames_bound(const candid_limits *lim) {
    uint64_t b = (uint64_t)lim->max_depth * CANDID__FRAME_SIZE;
    return b > SIZE_MAX ? SIZE_MAX : (size_t)b;
}

static size_t add_sat(size_t a, size_t b) {
    return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

/* After WORK_FULL with the header or the compiler's scratch too large to
 * measure: enough for any header of this length, and at least twice the
 * memory (the compiler's map grows by doubling). */
static size_t grow_need(const candid_limits *lim, const work_span *s, size_t len) {
    size_t twice = add_sat(s->avail, s->avail);
    size_t b = candid_work_bound(lim, len, 0);
    return add_sat(b > twice ? b : twice, s->lost);
}

/* What a decode of msg at args needs from an 8-aligned base: the header,
 * the compiler's scratch, the plan and max_depth frames. Measured in
 * mem[0..cap) (any memory: the plan's words are not written); 0 when that
 * is too small or the message fails before it has a plan. */
static size_t measure(const candid_limits *lim, const uint8_t *msg, size_t len,
                      const candid_type *args, void *mem, size_t cap) {
    work_span s = span_of(mem, cap);
    candid_arena work;
    candid_arena_init(&work, s.base, s.avail);
    wire_header h;
    plan p;
    size_t off;
    if (candid__parse_header(lim, msg, len, &work, &h, &off, 0) ||
        candid__compile(&work, NULL, &h.args, args, &p))
        return 0;
    size_t run = add_sat((size_t)p.len * 4, frames_bound(lim));
    return run > p.peak ? run : p.peak;
}

/* After WORK_FULL with the header or the compiler's scratch too large for
 * the work memory: measured in the arena's free memory (a failed decode
 * leaves the arena unspecified), else as grow_need. Out of line, so that
 * the common path's frame does not hold its state. */
static __attribute__((noinline, cold)) size_t
retry_need(const candid_decoder *d, const uint8_t *msg, size_t len, const candid_type *args,
           candid_arena *arena) {
    work_span ws = span_of(d->_private.work, d->_private.work_cap);
    size_t used = arena->used > arena->needed ? arena->used : arena->needed;
    size_t need = 0;
    if (arena->_private.base && used < arena->_private.cap)
        need = measure(&d->limits, msg, len, args, arena->_private.base + used,
                       arena->_private.cap - used);
    return need ? reported(&ws, need) : grow_need(&d->limits, &ws, len);
}

/* Inlined into candid_decode: a frame of its own would add to the stack
 * every decode takes. */
CANDID_INLINE candid_status
decode(candid_decoder *d, const uint8_t *msg, size_t len, const candid_type *args, void *out,
       candid_arena *arena) {
    work_span ws = span_of(d->_private.work, d->_private.work_cap);
    d->error_offset = 0;
    d->steps = d->skip_steps = 0;
    d->cache_hit = 0;
    d->work_needed = 0;

    /* Inputs only: candid__run sets every output on every path (zeroing
     * the whole context would cost a store per word per decode). */
    run_ctx rc;
    rc.lim = &d->limits;
    rc.msg = msg;
    rc.len = len;
    rc.arena = arena;
    size_t start, peak, plan_len;
    candid_status st;
    cached_plan cp;

    /* A hit stands for exactly the work a miss does: a slot is only used
     * when this decoder's limits and memory would have let it be made. */
    if (d->cache && candid__cache_find(d->cache, msg, len, args, &d->limits, ws.avail, &cp)) {
        d->cache_hit = 1;
        rc.plan = cp.plan;
        rc.root = cp.root;
        start = cp.header_len;
        peak = cp.peak;
        plan_len = cp.plan_len;
    } else {
        candid_arena work;
        candid_arena_init(&work, ws.base, ws.avail);
        uint32_t *top = ws.base ? (uint32_t *)(void *)(ws.base + ws.avail) : NULL;
        wire_header h;
        plan p;
        st = candid__parse_header(&d->limits, msg, len, &work, &h, &d->error_offset, 0);
        if (st == CANDID_ERR_WORK_FULL) return st; /* candid_decode measures */
        if (st) {
            d->work_needed = reported(&ws, work.used);
            return st;
        }
        size_t header_used = work.used;
        st = candid__compile(&work, top, &h.args, args, &p);
        if (st == CANDID_ERR_WORK_FULL) {
            /* Measure what the plan takes, its words unwritten, with all
             * the memory for the scratch: a retry with that and room for
             * the deepest run decodes. */
            work.used = work.needed = header_used;
            work._private.cap = ws.avail;
            if (!candid__compile(&work, NULL, &h.args, args, &p)) {
                size_t run = add_sat((size_t)p.len * 4, frames_bound(&d->limits));
                d->work_needed = reported(&ws, run > p.peak ? run : p.peak);
            }
        } else if (st) {
            d->work_needed = reported(&ws, p.peak);
        }
        if (st) {
            d->error_offset = h.end;
            return st;
        }
        if (d->cache) candid__cache_store(d->cache, msg, h.end, h.n_nodes, args, &p);
        rc.plan = p.w;
        rc.root = p.root;
        start = h.end;
        peak = p.peak;
        plan_len = p.len;
    }
    /* The frames take everything below the plan (where it would be when
     * it came from the cache). */
    rc.stack = ws.base;
    rc.stack_cap = ws.avail - (size_t)plan_len * 4;
    st = candid__run(&rc, start, out);
    d->steps = rc.steps;
    d->skip_steps = rc.skip_steps;
    d->error_offset = rc.err_off;
    /* Words all (the frame size is a multiple of 4), within avail unless
     * the frames did not fit. */
    size_t need = (size_t)plan_len * 4 + rc.frames_peak * CANDID__FRAME_SIZE;
    if (need < peak) need = peak;
    d->work_needed = need + ws.lost;
    if (st == CANDID_ERR_WORK_FULL) {
        size_t deepest = add_sat((size_t)plan_len * 4, frames_bound(&d->limits));
        d->work_needed = reported(&ws, deepest > peak ? deepest : peak);
    }
    if (!st && arena->needed > arena->used) st = CANDID_ERR_ARENA_FULL;
    if (st) {
        d->_private.failed.plan = rc.plan;
        d->_private.failed.root = rc.root;
        d->_private.failed.plan_len = (uint32_t)plan_len;
        d->_private.failed.start = start;
    }
    return st;
}

candid_status candid_decode(candid_decoder *d, const uint8_t *msg, size_t len,
                            const candid_type *args, void *out,
                            candid_arena *arena) {
    if (!d || (!msg && len) || !args || !arena || (!out && args->size) ||
        args->kind != CANDID_RECORD)
        return CANDID_ERR_ARGUMENT;
    d->_private.failed.plan = NULL;
    candid_status st = decode(d, msg, len, args, out, arena);
    /* WORK_FULL without a figure: the header or the compiler's scratch
     * did not fit. */
    if (st == CANDID_ERR_WORK_FULL && !d->work_needed)
        d->work_needed = retry_need(d, msg, len, args, arena);
    d->_private.failed.status = st;
    if (st) {
        d->_private.failed.msg = msg;
        d->_private.failed.len = len;
        d->_private.failed.args = args;
    }
    return st;
}

candid_status candid_wire_types(candid_decoder *d, const uint8_t *msg,
                                size_t len, const candid_type **args_out,
                                candid_arena *types) {
    if (!d || (!msg && len) || !args_out || !types) return CANDID_ERR_ARGUMENT;
    wire_header h;
    candid_status st = candid__parse_header(&d->limits, msg, len, types, &h, &d->error_offset, 1);
    if (st) return st == CANDID_ERR_WORK_FULL ? CANDID_ERR_ARENA_FULL : st;
    candid_type *a = candid_arena_alloc(types, sizeof *a, _Alignof(candid_type));
    if (!a) return CANDID_ERR_ARENA_FULL;
    *a = h.args;
    *args_out = a;
    return CANDID_OK;
}

candid_status candid_subtype(candid_decoder *d, const candid_type *t1,
                             const candid_type *t2, int *result) {
    if (!d || !t1 || !t2 || !result) return CANDID_ERR_ARGUMENT;
    candid_arena work;
    candid_arena_init(&work, d->_private.work, d->_private.work_cap);
    return candid__subtype(&work, t1, t2, result);
}
