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
    d->work = work;
    d->work_cap = work ? work_cap : 0;
}

candid_status candid_decode(candid_decoder *d, const uint8_t *msg, size_t len,
                            const candid_type *args, void *out,
                            candid_arena *arena) {
    if (!d || (!msg && len) || !args || !arena || (!out && args->size) ||
        args->kind != CANDID_RECORD)
        return CANDID_ERR_ARGUMENT;
    candid_arena work;
    candid_arena_init(&work, d->work, d->work_cap);
    d->error_offset = 0;
    d->steps = d->skip_steps = 0;
    d->cache_hit = 0;
    d->work_needed = 0;

    run_ctx rc;
    CANDID_MEMSET(&rc, 0, sizeof rc);
    rc.lim = &d->limits;
    rc.msg = msg;
    rc.len = len;
    rc.arena = arena;
    uint32_t root;
    size_t start;
    candid_status st;
    cached_plan cp;

    if (d->cache && candid__cache_find(d->cache, msg, len, args, &cp)) {
        d->cache_hit = 1;
        rc.plan = cp.plan;
        root = cp.root;
        start = cp.header_len;
    } else {
        /* The plan goes first so that everything after it (the wire graph,
         * the compiler's tables) can become the stack once it is built. */
        plan p;
        size_t plan_bytes = (work.cap / 3) & ~(size_t)3;
        p.w = candid_arena_alloc(&work, plan_bytes, 4);
        p.len = 0;
        p.cap = (uint32_t)(plan_bytes / 4 > UINT32_MAX ? UINT32_MAX : plan_bytes / 4);
        if (!p.w) {
            d->work_needed = work.needed;
            return CANDID_ERR_WORK_FULL;
        }
        wire_header h;
        st = candid__parse_header(&d->limits, msg, len, &work, &h, &d->error_offset, 0);
        if (!st) st = candid__compile(&work, &h.args, args, &p);
        if (st) {
            if (st == CANDID_ERR_WORK_FULL) d->work_needed = work.needed;
            return st;
        }
        if (d->cache) candid__cache_store(d->cache, msg, h.end, args, &p);
        rc.plan = p.w;
        root = p.root;
        start = h.end;
        work.used = work.needed = (size_t)((uint8_t *)(p.w + p.len) - work.base);
    }
    /* The frame stack: the rest of the work memory, 8-byte aligned. */
    if (work.base) {
        size_t pad = (size_t)(-((uintptr_t)work.base + work.used) & 7);
        if (pad <= work.cap - work.used) {
            work.used = work.needed = work.used + pad;
            rc.stack = work.base + work.used;
            rc.stack_cap = work.cap - work.used;
        }
    }
    st = candid__run(&rc, root, start, out);
    d->steps = rc.steps;
    d->skip_steps = rc.skip_steps;
    d->error_offset = rc.err_off;
    if (d->work_needed < work.used) d->work_needed = work.used;
    if (!st && arena->needed > arena->used) st = CANDID_ERR_ARENA_FULL;
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
    candid_arena_init(&work, d->work, d->work_cap);
    return candid__subtype(&work, t1, t2, result);
}
