/* Plan cache internals shared by cache.c and decode.c. */
#ifndef CANDID_CORE_CACHE_H
#define CANDID_CORE_CACHE_H

#include "internal.h"

typedef struct cached_plan {
    const uint32_t *plan;
    uint32_t root;
    uint32_t plan_len;
    size_t header_len;
    size_t peak; /* work bytes compiling it took */
} cached_plan;

/* 1 and the plan when msg starts with a cached header compiled for exp,
 * and a decoder with limits `lim` and `avail` bytes of work memory would
 * have parsed and compiled it too (results never depend on the cache). */
int candid__cache_find(candid_cache *c, const uint8_t *msg, size_t len,
                       const candid_type *exp, const candid_limits *lim,
                       size_t avail, cached_plan *out);

/* Stores a plan unless it does not fit a slot; evicts the least recently
 * used slot. `entries`: the type table's length. */
void candid__cache_store(candid_cache *c, const uint8_t *msg, size_t key_len,
                         uint32_t entries, const candid_type *exp, const plan *p);

#endif
