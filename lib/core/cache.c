/* The plan cache: slots in caller memory, each holding the exact header
 * bytes of a message, the expected type it was compiled for, and the plan.
 * A message whose bytes start with a cached header parses to the same table
 * (header parsing depends only on the bytes it reads), so a prefix match is
 * a sound hit. */
#include "cache.h"

typedef struct slot_hdr {
    const candid_type *exp;
    uint64_t last_used;
    size_t peak;
    uint32_t key_len;
    uint32_t plan_len;
    uint32_t root;
    uint32_t entries;
    uint32_t valid;
} slot_hdr;

#define KEY_OFF ((sizeof(slot_hdr) + 7) & ~(size_t)7)

static slot_hdr *slot_at(candid_cache *c, uint32_t i) {
    return (slot_hdr *)(c->_private.mem + (size_t)i * c->_private.slot_size);
}

candid_status candid_cache_init(candid_cache *c, void *mem, size_t size,
                                uint32_t nslots) {
    if (!c || !mem || !nslots) return CANDID_ERR_ARGUMENT;
    /* Slots start 8-byte aligned so plans (32-bit words) and headers can be
     * read in place. */
    uintptr_t base = ((uintptr_t)mem + 7) & ~(uintptr_t)7;
    size_t lost = (size_t)(base - (uintptr_t)mem);
    if (size < lost) return CANDID_ERR_ARGUMENT;
    size_t slot = ((size - lost) / nslots) & ~(size_t)7;
    if (slot < 256) return CANDID_ERR_ARGUMENT;
    c->_private.mem = (uint8_t *)base;
    c->_private.slot_size = slot;
    c->_private.nslots = nslots;
    candid_cache_clear(c);
    return CANDID_OK;
}

void candid_cache_clear(candid_cache *c) {
    c->_private.clock = 0;
    c->hits = 0;
    c->misses = 0;
    for (uint32_t i = 0; i < c->_private.nslots; i++) slot_at(c, i)->valid = 0;
}

int candid__cache_find(candid_cache *c, const uint8_t *msg, size_t len,
                       const candid_type *exp, const candid_limits *lim,
                       size_t avail, cached_plan *out) {
    for (uint32_t i = 0; i < c->_private.nslots; i++) {
        slot_hdr *s = slot_at(c, i);
        if (!s->valid || s->exp != exp || s->key_len > len) continue;
        const uint8_t *key = (const uint8_t *)s + KEY_OFF;
        if (!candid__equal(key, msg, s->key_len)) continue;
        /* The header parser's limits (it fails when the table or the
         * header exceed them) and the memory compiling took. */
        if (s->entries > lim->max_table_entries || s->key_len > lim->max_table_bytes ||
            s->peak > avail)
            break;
        s->last_used = ++c->_private.clock;
        c->hits++;
        out->plan = (const uint32_t *)(key + ((s->key_len + 7) & ~(size_t)7));
        out->root = s->root;
        out->plan_len = s->plan_len;
        out->header_len = s->key_len;
        out->peak = s->peak;
        return 1;
    }
    c->misses++;
    return 0;
}

void candid__cache_store(candid_cache *c, const uint8_t *msg, size_t key_len,
                         uint32_t entries, const candid_type *exp, const plan *p) {
    size_t need = KEY_OFF + ((key_len + 7) & ~(size_t)7) + (size_t)p->len * 4;
    if (need > c->_private.slot_size) return;
    slot_hdr *victim = NULL;
    for (uint32_t i = 0; i < c->_private.nslots; i++) {
        slot_hdr *s = slot_at(c, i);
        if (!s->valid) {
            victim = s;
            break;
        }
        if (!victim || s->last_used < victim->last_used) victim = s;
    }
    uint8_t *key = (uint8_t *)victim + KEY_OFF;
    CANDID_MEMCPY(key, msg, key_len);
    CANDID_MEMCPY(key + ((key_len + 7) & ~(size_t)7), p->w, (size_t)p->len * 4);
    victim->exp = exp;
    victim->key_len = (uint32_t)key_len;
    victim->plan_len = p->len;
    victim->root = p->root;
    victim->entries = entries;
    victim->peak = p->peak;
    victim->last_used = ++c->_private.clock;
    victim->valid = 1;
}
