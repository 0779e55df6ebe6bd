/* libcandid: a bump arena over caller memory.
 *
 * Decoded vectors, boxed records and the like are carved out of an arena the
 * caller owns. It never grows and never calls an allocator. When a request
 * does not fit, the arena keeps counting (`needed`) so that one failed decode
 * tells the caller how much memory the message needs.
 */
#ifndef CANDID_ARENA_H
#define CANDID_ARENA_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct candid_arena {
    size_t used;    /* bytes handed out (including alignment padding) */
    size_t needed;  /* bytes that would have been handed out had cap been
                       large enough; equals used while nothing overflowed */
    struct {        /* the memory given to candid_arena_init: do not touch */
        uint8_t *base;
        size_t cap;
    } _private;
} candid_arena;

/* Prepares an arena over mem[0..cap). mem may be NULL when cap is 0 (then
 * every allocation fails and only `needed` counts). */
void candid_arena_init(candid_arena *a, void *mem, size_t cap);

/* Returns `size` bytes aligned to `align` (a power of two), or NULL when they
 * do not fit (and then only `needed` grows). A zero size returns a valid,
 * non-NULL pointer when the arena has a base. */
void *candid_arena_alloc(candid_arena *a, size_t size, size_t align);

/* Forgets everything allocated. */
void candid_arena_reset(candid_arena *a);

#ifdef __cplusplus
}
#endif
#endif
