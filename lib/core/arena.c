/* Bump allocation over caller memory; see include/candid/arena.h. */
#include "candid/arena.h"

void candid_arena_init(candid_arena *a, void *mem, size_t cap) {
    a->_private.base = (uint8_t *)mem;
    a->_private.cap = mem ? cap : 0;
    a->used = 0;
    a->needed = 0;
}

void candid_arena_reset(candid_arena *a) {
    a->used = 0;
    a->needed = 0;
}

void *candid_arena_alloc(candid_arena *a, size_t size, size_t align) {
    /* Alignment is computed on the address, not the offset, so that a base
     * that is less aligned than `align` still yields aligned blocks. */
    uintptr_t base = (uintptr_t)a->_private.base;
    size_t pad = (size_t)((align - ((base + a->needed) & (align - 1))) & (align - 1));
    size_t start = a->needed + pad;
    if (size > SIZE_MAX - start) {
        a->needed = SIZE_MAX;
        return NULL;
    }
    a->needed = start + size;
    /* Once anything overflowed, later blocks must not be placed in memory
     * that the overflowed one would have covered. */
    if (a->used != start - pad || a->needed > a->_private.cap) {
        return NULL;
    }
    a->used = a->needed;
    return a->_private.base + start;
}
