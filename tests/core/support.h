/* Shared helpers for the core tests: decoding with guard bytes around every
 * buffer the library writes, so that any write outside caller memory fails
 * the test. */
#ifndef CANDID_TESTS_CORE_SUPPORT_H
#define CANDID_TESTS_CORE_SUPPORT_H

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

#endif
