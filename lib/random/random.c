/* Random values of any type, made with an explicit stack: a record or a
 * vector waits on the stack while its fields or elements are made; an
 * option or a variant passes straight on to its one child. */
#include <stdlib.h>
#include <string.h>

#include "height.h"
#include "leaf.h"

/* Beyond max_size, how many values the smallest ones may still take. */
#define SMALLEST_MAX (1u << 20)

void candid_random_init(candid_random *r, uint64_t seed) {
    r->state = seed;
    r->max_size = 64;
    r->max_depth = 8;
    r->max_len = 8;
}

/* splitmix64 (Steele, Lea and Flood): every seed gives a full-period stream. */
uint64_t candid_random_next(candid_random *r) {
    uint64_t z = (r->state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

typedef struct frame {
    const candid_type *t; /* a record or a vec */
    uint8_t *block;       /* its fields, or its elements */
    uint32_t next, count; /* the next field or element to make, of count */
    uint32_t depth;
} frame;

typedef struct gen {
    candid_random *r;
    candid_arena *a;
    height_map heights;
    frame *stack;
    size_t top, cap;
    uint64_t made; /* values made or promised (children chosen) so far */
} gen;

static uint8_t *zeroed(gen *g, size_t size, size_t align) {
    uint8_t *p = candid_arena_alloc(g->a, size ? size : 1, align ? align : 1);
    if (p) memset(p, 0, size ? size : 1);
    return p;
}

static candid_status push(gen *g, frame f) {
    if (g->top == g->cap) {
        size_t cap = g->cap ? 2 * g->cap : 32;
        frame *s = realloc(g->stack, cap * sizeof *s);
        if (!s) return CANDID_ERR_ARENA_FULL;
        g->stack = s;
        g->cap = cap;
    }
    g->stack[g->top++] = f;
    return CANDID_OK;
}

/* Counts children chosen before they are made, so that siblings still to
 * come are not given the same room. */
static candid_status promise(gen *g, uint64_t n) {
    g->made += n;
    return g->made > (uint64_t)g->r->max_size + SMALLEST_MAX ? CANDID_ERR_LIMIT : CANDID_OK;
}

/* Past the size or depth bound, values stop growing. */
static int smallest(const gen *g, uint32_t depth) {
    return g->made >= g->r->max_size || depth >= g->r->max_depth;
}

/* Growing gets less likely with depth: false with probability depth/max_depth. */
static int grow(gen *g, uint32_t depth) {
    return random_below(g->r, g->r->max_depth) >= depth;
}

/* The case of a variant: any case that has values, or past the bounds
 * (and, with depth, ever more often) the first of the lowest ones. */
static uint32_t pick_case(gen *g, const candid_type *t, uint32_t depth) {
    uint32_t lowest = 0, lowest_h = HEIGHT_NONE, live = 0;
    for (uint32_t i = 0; i < t->count; i++) {
        uint32_t h = height_of(&g->heights, t->fields[i].type);
        if (h < lowest_h) {
            lowest = i;
            lowest_h = h;
        }
        live += h != HEIGHT_NONE;
    }
    if (smallest(g, depth) || !grow(g, depth)) return lowest;
    uint64_t k = random_below(g->r, live);
    for (uint32_t i = 0;; i++)
        if (height_of(&g->heights, t->fields[i].type) != HEIGHT_NONE && k-- == 0) return i;
}

/* Makes t in slot. A leaf is done at once; a record or vector is pushed to
 * have its children made; for an option with a value or a variant, *child
 * and *child_slot say what to make next (*child stays NULL otherwise). */
static candid_status start(gen *g, const candid_type *t, uint8_t *slot, uint32_t depth,
                           const candid_type **child, uint8_t **child_slot) {
    *child = NULL;
    if (height_of(&g->heights, t) == HEIGHT_NONE)
        return t->kind == CANDID_FUTURE ? CANDID_ERR_BAD_TYPE : CANDID_ERR_EMPTY_VALUE;
    uint8_t *block = slot;
    if ((t->kind == CANDID_RECORD || t->kind == CANDID_VARIANT) && (t->repr & CANDID_REPR_BOXED)) {
        if (!(block = zeroed(g, t->size, t->align))) return CANDID_ERR_ARENA_FULL;
        memcpy(slot, &block, sizeof block);
    }
    switch (t->kind) {
    case CANDID_OPT: {
        if (smallest(g, depth) || random_below(g->r, 3) == 0 || !grow(g, depth) ||
            height_of(&g->heights, t->inner) == HEIGHT_NONE)
            return CANDID_OK; /* null: a zero flag or pointer */
        uint8_t *inner = slot + t->offset;
        if (t->repr & CANDID_REPR_BOXED) {
            inner = zeroed(g, candid_slot_size(t->inner), candid_slot_align(t->inner));
            if (!inner) return CANDID_ERR_ARENA_FULL;
            memcpy(slot, &inner, sizeof inner);
        } else {
            slot[0] = 1;
        }
        *child = t->inner;
        *child_slot = inner;
        return promise(g, 1);
    }
    case CANDID_VEC: {
        if (t->repr & CANDID_REPR_SLICE) break;
        uint64_t n = 0;
        if (!smallest(g, depth) && grow(g, depth) && height_of(&g->heights, t->inner) != HEIGHT_NONE) {
            uint64_t room = g->r->max_size - g->made; /* not smallest: made < max_size */
            n = random_below(g->r, (room < g->r->max_len ? room : g->r->max_len) + 1);
        }
        size_t stride = candid_slot_size(t->inner);
        candid_vec v = {zeroed(g, n * stride, candid_slot_align(t->inner)), (size_t)n};
        if (!v.items) return CANDID_ERR_ARENA_FULL;
        memcpy(slot, &v, sizeof v);
        if (!n) return CANDID_OK;
        candid_status st = promise(g, n);
        return st ? st : push(g, (frame){t, v.items, 0, (uint32_t)n, depth});
    }
    case CANDID_RECORD: {
        if (!t->count) return CANDID_OK;
        candid_status st = promise(g, t->count);
        return st ? st : push(g, (frame){t, block, 0, t->count, depth});
    }
    case CANDID_VARIANT: {
        uint32_t i = pick_case(g, t, depth);
        memcpy(block, &i, sizeof i);
        *child = t->fields[i].type;
        *child_slot = block + t->fields[i].offset;
        return promise(g, 1);
    }
    default: break;
    }
    return random_leaf(g->r, t, slot, g->a);
}

candid_status candid_random_value(candid_random *r, const candid_type *t, void *slot,
                                  candid_arena *arena) {
    gen g = {.r = r, .a = arena};
    candid_status st = height_build(&g.heights, t);
    uint8_t *at = slot;
    /* Every slot below is carved zeroed from the arena; the caller's starts
     * zeroed too, so that a null option is a zero flag or pointer. */
    if (!st) memset(slot, 0, candid_slot_size(t));
    uint32_t depth = 0;
    g.made = 1;
    while (!st) {
        if (t) {
            st = start(&g, t, at, depth, &t, &at);
            depth++;
            continue;
        }
        if (!g.top) break;
        frame *f = &g.stack[g.top - 1];
        if (f->next == f->count) {
            g.top--;
            continue;
        }
        uint32_t i = f->next++;
        if (f->t->kind == CANDID_RECORD) {
            t = f->t->fields[i].type;
            at = f->block + f->t->fields[i].offset;
        } else {
            t = f->t->inner;
            at = f->block + (size_t)i * candid_slot_size(t);
        }
        depth = f->depth + 1;
    }
    free(g.stack);
    height_free(&g.heights);
    return st;
}
