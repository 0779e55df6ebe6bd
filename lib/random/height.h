/* The smallest nesting height a value of each type in a graph can have:
 * what tells a generator which types have values at all and, once it must
 * stop growing, which variant case leads to a leaf soonest. Internal. */
#ifndef CANDID_RANDOM_HEIGHT_H
#define CANDID_RANDOM_HEIGHT_H

#include <stddef.h>
#include <stdint.h>

#include "candid/error.h"
#include "candid/types.h"

/* The height of a type without values (empty, or only through empty). */
#define HEIGHT_NONE UINT32_MAX

/* Every type reachable from a root through opt, vec, record and variant
 * (func and service values are references: their types are not followed),
 * with its height: 0 for leaves, an empty vector and null options; one more
 * than the highest field for a record; one more than the lowest case for a
 * variant. */
typedef struct height_map {
    const candid_type **keys; /* open addressing, cap a power of two */
    uint32_t *heights;
    size_t cap, count;
    const candid_type **order; /* the `count` types in discovery order */
} height_map;

/* Builds the map for root. Fails only with CANDID_ERR_ARENA_FULL (out of
 * heap memory); the map is then empty but may be freed. */
candid_status height_build(height_map *m, const candid_type *root);

/* The height of t, HEIGHT_NONE for a type outside the map. */
uint32_t height_of(const height_map *m, const candid_type *t);

void height_free(height_map *m);

#endif
