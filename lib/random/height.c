/* Smallest value heights by fixpoint iteration over the type graph. */
#include <stdlib.h>
#include <string.h>

#include "height.h"

static size_t slot_of(const height_map *m, const candid_type *t) {
    uint64_t h = (uint64_t)(uintptr_t)t * 0x9e3779b97f4a7c15u;
    size_t i = (size_t)(h >> 32) & (m->cap - 1);
    while (m->keys[i] && m->keys[i] != t) i = (i + 1) & (m->cap - 1);
    return i;
}

uint32_t height_of(const height_map *m, const candid_type *t) {
    if (!m->cap) return HEIGHT_NONE;
    size_t i = slot_of(m, t);
    return m->keys[i] ? m->heights[i] : HEIGHT_NONE;
}

/* Adds t unless present; 1 when added, 0 when known, -1 out of memory. */
static int add(height_map *m, const candid_type *t) {
    if (2 * (m->count + 1) > m->cap) {
        height_map bigger = {.cap = m->cap ? 2 * m->cap : 64, .count = m->count};
        bigger.keys = calloc(bigger.cap, sizeof *bigger.keys);
        bigger.heights = calloc(bigger.cap, sizeof *bigger.heights);
        bigger.order = realloc(m->order, bigger.cap / 2 * sizeof *bigger.order);
        if (!bigger.keys || !bigger.heights || !bigger.order) {
            free(bigger.keys);
            free(bigger.heights);
            if (bigger.order) m->order = bigger.order;
            return -1;
        }
        for (size_t i = 0; i < m->cap; i++)
            if (m->keys[i]) bigger.keys[slot_of(&bigger, m->keys[i])] = m->keys[i];
        free(m->keys);
        free(m->heights);
        *m = bigger;
    }
    size_t i = slot_of(m, t);
    if (m->keys[i]) return 0;
    m->keys[i] = t;
    m->order[m->count++] = t;
    return 1;
}

static uint32_t child_count(const candid_type *t) {
    switch (t->kind) {
    case CANDID_OPT:
    case CANDID_VEC: return 1;
    case CANDID_RECORD:
    case CANDID_VARIANT: return t->count;
    default: return 0;
    }
}

static const candid_type *child(const candid_type *t, uint32_t i) {
    return t->kind == CANDID_OPT || t->kind == CANDID_VEC ? t->inner : t->fields[i].type;
}

/* The height t would have from its children's current heights. */
static uint32_t recompute(const height_map *m, const candid_type *t) {
    switch (t->kind) {
    case CANDID_EMPTY:
    case CANDID_FUTURE: return HEIGHT_NONE;
    case CANDID_RECORD:
    case CANDID_VARIANT: break;
    default: return 0;
    }
    uint32_t best = t->kind == CANDID_RECORD ? 0 : HEIGHT_NONE;
    for (uint32_t i = 0; i < t->count; i++) {
        uint32_t h = height_of(m, t->fields[i].type);
        if (t->kind == CANDID_RECORD ? h > best : h < best) best = h;
    }
    return best == HEIGHT_NONE ? best : best + 1;
}

candid_status height_build(height_map *m, const candid_type *root) {
    memset(m, 0, sizeof *m);
    if (add(m, root) < 0) goto oom;
    /* order doubles as the work list: each type's children are added once */
    for (size_t next = 0; next < m->count; next++) {
        const candid_type *t = m->order[next];
        for (uint32_t i = 0; i < child_count(t); i++)
            if (add(m, child(t, i)) < 0) goto oom;
    }
    for (size_t i = 0; i < m->cap; i++) m->heights[i] = HEIGHT_NONE;
    /* Heights only fall, so this ends; visiting the latest found first
     * settles acyclic parts in one pass. */
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t k = m->count; k-- > 0;) {
            const candid_type *t = m->order[k];
            size_t i = slot_of(m, t);
            uint32_t h = recompute(m, t);
            if (h < m->heights[i]) {
                m->heights[i] = h;
                changed = 1;
            }
        }
    }
    return CANDID_OK;
oom:
    height_free(m);
    return CANDID_ERR_ARENA_FULL;
}

void height_free(height_map *m) {
    free(m->keys);
    free(m->heights);
    free(m->order);
    memset(m, 0, sizeof *m);
}
