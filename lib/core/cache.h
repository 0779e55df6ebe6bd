/* Plan cache internals shared by cache.c and decode.c. */
#ifndef CANDID_CORE_CACHE_H
#define CANDID_CORE_CACHE_H

#include "internal.h"

typedef struct cached_plan {
    const uint32_t *plan;
    uint32_t root;
    size_t header_len;
} cached_plan;

/* 1 and the plan when msg starts with a cached header compiled for exp. */
int candid__cache_find(candid_cache *c, const uint8_t *msg, size_t len,
                       const candid_type *exp, cached_plan *out);

/* Stores a plan unless it does not fit a slot; evicts the least recently
 * used slot. */
void candid__cache_store(candid_cache *c, const uint8_t *msg, size_t key_len,
                         const candid_type *exp, const plan *p);

#endif
