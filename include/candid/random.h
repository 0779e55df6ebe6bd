/* libcandid: random well-typed values (hosted), for tests and fuzz corpora.
 *
 * Writes a random value of any candid_type into a slot laid out as the type
 * describes it (any repr: generic or a generated struct layout), with memory
 * from a caller arena; print it with candid_text_print_args or encode it with
 * candid_encode. Deterministic: the same seed, options and type give the same
 * values on every platform.
 *
 * Values favour the edges: numbers at their extremes (nat and int beyond 64
 * bits when the slot is a bignum), floats including NaN, infinities and -0,
 * empty and multibyte text, principals of 0 to 29 bytes. Sizes are bounded:
 * opt, vec and recursive variants become less likely to grow with depth, and
 * once `max_depth` or `max_size` is reached every value is the smallest one
 * its type allows (null, an empty vector, the variant case nearest to a
 * leaf). Generation walks the type with an explicit stack, never recursion.
 */
#ifndef CANDID_RANDOM_H
#define CANDID_RANDOM_H

#include <stdint.h>

#include "candid/arena.h"
#include "candid/error.h"
#include "candid/types.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct candid_random {
    uint64_t state;     /* of the generator (splitmix64) */
    uint32_t max_size;  /* values (nodes) per call before only the smallest
                           ones are made; default 64 */
    uint32_t max_depth; /* nesting before only the smallest values; default 8 */
    uint32_t max_len;   /* elements of a vector, characters of a text; default 8 */
} candid_random;

/* Seeds r and sets the default bounds. */
void candid_random_init(candid_random *r, uint64_t seed);

/* The next 64 random bits. */
uint64_t candid_random_next(candid_random *r);

/* Writes a random value of type t into slot (candid_slot_size(t) bytes,
 * whatever they held before; the argument record of a message is a record
 * type like any other). Fails with
 * CANDID_ERR_EMPTY_VALUE when t has no values (every value would need one of
 * type empty, e.g. `record { empty }` or `type T = record { T }`),
 * CANDID_ERR_BAD_TYPE for a kind no value can be made of (CANDID_FUTURE),
 * CANDID_ERR_LIMIT when even the smallest value exceeds 2^20 nodes plus
 * max_size, CANDID_ERR_ARENA_FULL when the arena (or the heap, for the
 * generator's own stack) is exhausted; the slot's contents are then
 * unspecified. */
candid_status candid_random_value(candid_random *r, const candid_type *t, void *slot,
                                  candid_arena *arena);

#ifdef __cplusplus
}
#endif
#endif
