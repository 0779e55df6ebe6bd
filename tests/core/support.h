/* Shared helpers for the core tests: decoding with guard bytes around every
 * buffer the library writes, so that any write outside caller memory fails
 * the test. */
#ifndef CANDID_TESTS_CORE_SUPPORT_H
#define CANDID_TESTS_CORE_SUPPORT_H

#include <stdlib.h>
#include <string.h>

#include "candid/candid.h"

#define GUARD 64
#define GUARD_BYTE 0xa5

typedef struct guarded {
    uint8_t mem[GUARD + (1 << 20) + GUARD];
    size_t size;
} guarded;

/* Returns the usable part of g, `size` bytes between two guard zones. */
static inline uint8_t *guard_init(guarded *g, size_t size) {
    g->size = size;
    memset(g->mem, GUARD_BYTE, sizeof g->mem);
    return g->mem + GUARD;
}

static inline int guard_intact(const guarded *g) {
    for (size_t i = 0; i < GUARD; i++) {
        if (g->mem[i] != GUARD_BYTE || g->mem[GUARD + g->size + i] != GUARD_BYTE) return 0;
    }
    return 1;
}

/* Message bytes from a C string literal with embedded escapes. */
#define MSG(lit) (const uint8_t *)(lit), (sizeof(lit) - 1)

/* Decodes msg at args three ways: without a cache, with a cold cache and
 * with the warm cache (which must hit when the header is valid). All three
 * must agree exactly in status, offset, output block and arena bytes. The
 * result stays in out. Returns the status, or one of the DECODE_* codes
 * below when something outside the decode itself went wrong. */
enum {
    DECODE_GUARD = CANDID_STATUS_COUNT, /* a write outside caller memory */
    DECODE_CACHE_DIFFERS,               /* cached and uncached results differ */
    DECODE_NO_HIT                       /* the warm decode did not hit */
};

typedef struct decode_env {
    guarded work, arena, cache, out;
    candid_cache c;
    candid_decoder d;
    candid_arena a;
    uint8_t first_out[1 << 16], first_arena[1 << 20]; /* as large as an arena can be */
} decode_env;

static inline int decode_all_ways(decode_env *e, const uint8_t *msg, size_t len,
                                  const candid_type *args, void *out, size_t out_size,
                                  size_t arena_size) {
    candid_status first = CANDID_OK;
    size_t first_off = 0, first_used = 0;
    candid_cache_init(&e->c, guard_init(&e->cache, 1 << 16), 1 << 16, 4);
    for (int way = 0; way < 3; way++) {
        uint8_t *work = guard_init(&e->work, 1 << 18);
        uint8_t *mem = guard_init(&e->arena, arena_size);
        uint8_t *o = guard_init(&e->out, out_size);
        candid_decoder_init(&e->d, work, 1 << 18);
        e->d.cache = way ? &e->c : NULL;
        candid_arena_init(&e->a, mem, arena_size);
        candid_status st = candid_decode(&e->d, msg, len, args, o, &e->a);
        if (!guard_intact(&e->work) || !guard_intact(&e->arena) || !guard_intact(&e->out) ||
            !guard_intact(&e->cache))
            return DECODE_GUARD;
        size_t used = e->a.used < arena_size ? e->a.used : arena_size;
        if (way == 0) {
            first = st;
            first_off = e->d.error_offset;
            first_used = used;
            memcpy(e->first_out, o, out_size);
            memcpy(e->first_arena, mem, used);
        } else if (st != first || e->d.error_offset != first_off || used != first_used ||
                   memcmp(e->first_out, o, out_size) != 0 ||
                   memcmp(e->first_arena, mem, used) != 0) {
            return DECODE_CACHE_DIFFERS;
        }
        if (way == 2) {
            candid_arena types;
            static uint8_t tmem[1 << 16];
            const candid_type *wt;
            candid_arena_init(&types, tmem, sizeof tmem);
            candid_decoder probe;
            candid_decoder_init(&probe, NULL, 0);
            int header_ok = candid_wire_types(&probe, msg, len, &wt, &types) == CANDID_OK;
            if (header_ok && !e->d.cache_hit) return DECODE_NO_HIT;
        }
        memcpy(out, o, out_size);
    }
    return first;
}
/* Decodes msg at args with limits *lim three ways, each with a fresh
 * decoder of work_size bytes: without a cache, with an empty cache, and
 * with a cache that a decoder of the most permissive limits filled first
 * (by decoding the same message). The three must agree in status, error
 * offset, steps and work_needed: the cache never lets a limit or budget
 * pass. `out` (args->size bytes) holds the last result (values in it may
 * point into the freed arena); *d is the uncached decoder afterwards.
 * Returns the status or DECODE_CACHE_DIFFERS. */
static inline int decode_limited(const uint8_t *msg, size_t len, const candid_type *args,
                                 const candid_limits *lim, size_t work_size, size_t arena_size,
                                 void *out, candid_decoder *d) {
    /* static: the tests call this often, with megabytes each time */
    static uint8_t work_mem[1 << 22], arena_mem[1 << 22], cmem[1 << 20], wwork[1 << 22];
    if (arena_size > sizeof arena_mem) return DECODE_GUARD;
    uint8_t *work = work_size > sizeof work_mem ? malloc(work_size) : work_mem, *arena = arena_mem;
    if (!work) return DECODE_GUARD;
    candid_status first = CANDID_OK;
    int result = -1;
    candid_decoder first_d;
    for (int way = 0; way < 3 && result < 0; way++) {
        candid_cache c;
        candid_cache_init(&c, cmem, 1 << 20, 4);
        if (way == 2) {
            candid_decoder wide;
            candid_decoder_init(&wide, wwork, sizeof wwork);
            wide.limits.max_table_entries = UINT32_MAX;
            wide.limits.max_table_bytes = UINT32_MAX;
            wide.limits.max_depth = 1u << 16;
            wide.limits.budget_base *= 4;
            wide.limits.budget_per_byte *= 4;
            wide.limits.skip_base *= 4;
            wide.limits.skip_per_byte *= 4;
            wide.cache = &c;
            candid_arena a;
            candid_arena_init(&a, arena, arena_size);
            candid_decode(&wide, msg, len, args, out, &a);
        }
        candid_decoder e;
        candid_decoder_init(&e, work, work_size);
        e.limits = *lim;
        e.cache = way ? &c : NULL;
        candid_arena a;
        candid_arena_init(&a, arena, arena_size);
        candid_status st = candid_decode(&e, msg, len, args, out, &a);
        if (way == 0) {
            first = st;
            first_d = e;
        } else if (st != first || e.error_offset != first_d.error_offset ||
                   e.steps != first_d.steps || e.work_needed != first_d.work_needed) {
            result = DECODE_CACHE_DIFFERS;
        }
    }
    if (work != work_mem) free(work);
    *d = first_d;
    return result < 0 ? (int)first : result;
}
#endif
