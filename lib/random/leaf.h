/* Random values of the types without children. Internal. */
#ifndef CANDID_RANDOM_LEAF_H
#define CANDID_RANDOM_LEAF_H

#include "candid/random.h"

/* A value below n (n > 0). */
uint64_t random_below(candid_random *r, uint64_t n);

/* Writes a random value of t into slot for every kind but opt, record,
 * variant and a vec without CANDID_REPR_SLICE (and empty, which has none).
 * Fails with CANDID_ERR_ARENA_FULL or CANDID_ERR_BAD_TYPE (another kind). */
candid_status random_leaf(candid_random *r, const candid_type *t, uint8_t *slot, candid_arena *a);

#endif
