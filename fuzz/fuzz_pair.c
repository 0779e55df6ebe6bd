/* libFuzzer: any pair of wire and expected types. The input carries both:
 *
 *   [L: 2 bytes LE] [R: 8 bytes] [T: L bytes] [message]
 *
 * "DIDL" + T is a type table with argument types; candid_wire_types turns it
 * into a candid_type graph (the generic layout), then the bits of R pick
 * other representations node by node (nat/int as 64-bit, inline options,
 * unboxed records and variants, vectors of fixed-width numbers as slices or
 * not) and candid_type_layout_list lays the graph out again. The message is
 * decoded at that graph uncached, cold-cached and warm-cached; the three must
 * agree byte for byte (status, offset, output block, arena).
 *
 * The oracle across types: whether a message is well-formed does not depend
 * on the type it is decoded at (skipped values are checked as much as read
 * ones). So the message is also decoded at its own wire types, and a
 * malformation error at one type with success at the other is a bug.
 * CANDID_ERR_RANGE means a malformation too (a principal over 29 bytes) at
 * the own types, whose nat and int are read whole; at the expected types it
 * may also be a nat or int that does not fit 64 bits, but only where the
 * graph reads one into 64 bits. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "candid/candid.h"

#define MAX_NODES 512

static uint8_t work[1 << 18], cache_mem[1 << 18], types_mem[1 << 18], type_msg[4 + 0xffff];
static uint8_t arena_mem[1 << 16], saved_arena[1 << 16], out[1 << 14], saved_out[1 << 14];
static uint8_t own_types_mem[1 << 18];

typedef struct {
    uint64_t bits;
    int narrowed; /* some nat or int is read into 64 bits */
    candid_type *nodes[MAX_NODES];
    size_t n;
} graph;

static int next_bit(graph *g) {
    int b = (int)(g->bits & 1);
    g->bits = g->bits >> 1 | (uint64_t)b << 63; /* rotate: long graphs reuse the bits */
    return b;
}

static int fixed_width(candid_kind k) {
    return k == CANDID_BOOL || (k >= CANDID_NAT8 && k <= CANDID_FLOAT64);
}

/* A reference to a type, re-pointed at the 64-bit primitive when its bit
 * says so; composite nodes are queued once (they live in types_mem, so
 * they are mutable). Returns 0 when the graph has more nodes than we track,
 * or a node expected types cannot have. */
static int visit(graph *g, const candid_type **ref) {
    const candid_type *t = *ref;
    if (t->kind == CANDID_FUTURE) return 0;
    if (t->kind == CANDID_NAT || t->kind == CANDID_INT) {
        if (next_bit(g)) {
            *ref = candid_prim_type((candid_kind)t->kind);
            g->narrowed = 1;
        }
        return 1;
    }
    if (t->kind < CANDID_OPT || t->kind == CANDID_PRINCIPAL) return 1;
    for (size_t i = 0; i < g->n; i++)
        if (g->nodes[i] == t) return 1;
    if (g->n == MAX_NODES) return 0;
    g->nodes[g->n++] = (candid_type *)t;
    return 1;
}

/* Re-represents every node reachable from args (breadth first over the
 * node list, no recursion). */
static int mutate(graph *g, candid_type *args) {
    g->nodes[0] = args;
    g->n = 1;
    for (size_t i = 0; i < g->n; i++) {
        candid_type *t = g->nodes[i];
        switch (t->kind) {
        case CANDID_OPT:
            if (i && next_bit(g)) t->repr ^= CANDID_REPR_BOXED;
            if (!visit(g, &t->inner)) return 0;
            break;
        case CANDID_VEC:
            if (fixed_width((candid_kind)t->inner->kind) && next_bit(g)) t->repr ^= CANDID_REPR_SLICE;
            if (!visit(g, &t->inner)) return 0;
            break;
        case CANDID_RECORD:
        case CANDID_VARIANT:
            if (i && next_bit(g)) t->repr ^= CANDID_REPR_BOXED;
            for (uint32_t f = 0; f < t->count; f++)
                if (!visit(g, &((candid_field *)t->fields)[f].type)) return 0;
            break;
        default: /* func and service references keep their wire form */
            break;
        }
    }
    return candid_type_layout_list(g->nodes, g->n) == CANDID_OK;
}

/* Smaller budgets than the defaults keep executions fast; the budget code
 * is exercised the same way. */
static void decoder_init(candid_decoder *d, candid_cache *cache) {
    candid_decoder_init(d, work, sizeof work);
    d->limits.budget_base = d->limits.skip_base = 10000;
    d->cache = cache;
}

/* Errors that say the bytes are not a message of their own wire types. */
static int malformed(candid_status st) {
    return st == CANDID_ERR_TRUNCATED || st == CANDID_ERR_TRAILING || st == CANDID_ERR_LEB_OVERFLOW ||
           st == CANDID_ERR_UTF8 || st == CANDID_ERR_BAD_TAG || st == CANDID_ERR_VARIANT_TAG;
}

/* The status of decoding msg at its own wire types (the generic layout). */
static candid_status at_own_types(const uint8_t *msg, size_t len) {
    candid_decoder d;
    decoder_init(&d, NULL);
    candid_arena types, a;
    candid_arena_init(&types, own_types_mem, sizeof own_types_mem);
    const candid_type *own;
    candid_status st = candid_wire_types(&d, msg, len, &own, &types);
    if (st) return st;
    if (own->size > sizeof out) return CANDID_ERR_ARENA_FULL;
    candid_arena_init(&a, arena_mem, sizeof arena_mem);
    return candid_decode(&d, msg, len, own, out, &a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 10) return 0;
    size_t tlen = (size_t)data[0] | (size_t)data[1] << 8;
    graph g = {.n = 0};
    memcpy(&g.bits, data + 2, 8);
    data += 10;
    size -= 10;
    if (tlen > size) tlen = size;
    memcpy(type_msg, "DIDL", 4);
    memcpy(type_msg + 4, data, tlen);
    const uint8_t *msg = data + tlen;
    size_t len = size - tlen;

    candid_decoder d;
    decoder_init(&d, NULL);
    candid_arena types;
    candid_arena_init(&types, types_mem, sizeof types_mem);
    const candid_type *wire_args;
    if (candid_wire_types(&d, type_msg, tlen + 4, &wire_args, &types)) return 0;
    candid_type *args = (candid_type *)wire_args;
    if (!mutate(&g, args) || args->size > sizeof out) return 0;

    candid_cache cache;
    candid_cache_init(&cache, cache_mem, sizeof cache_mem, 2);
    candid_status first = CANDID_OK;
    size_t first_off = 0, first_used = 0;
    for (int way = 0; way < 3; way++) {
        decoder_init(&d, way ? &cache : NULL);
        candid_arena a;
        memset(arena_mem, 0, sizeof arena_mem);
        memset(out, 0, args->size);
        candid_arena_init(&a, arena_mem, sizeof arena_mem);
        candid_status st = candid_decode(&d, msg, len, args, out, &a);
        if (way == 0) {
            first = st;
            first_off = d.error_offset;
            first_used = a.used;
            memcpy(saved_out, out, args->size);
            memcpy(saved_arena, arena_mem, a.used);
            continue;
        }
        if (st != first || d.error_offset != first_off || a.used != first_used ||
            memcmp(out, saved_out, args->size) != 0 || memcmp(arena_mem, saved_arena, a.used) != 0)
            abort();
    }
    candid_status own = at_own_types(msg, len);
    /* A message whose own types hold a future type cannot be decoded at
     * them (a future type is no expected type, and within a func or service
     * type it has no subtypes): its own verdict says nothing about the
     * value bytes, so there is nothing to compare. */
    if (own == CANDID_ERR_TYPE_MISMATCH || own == CANDID_ERR_BAD_TYPE) return 0;
    int own_malformed = malformed(own) || own == CANDID_ERR_RANGE;
    if ((own_malformed && first == CANDID_OK) || (own == CANDID_OK && malformed(first))) abort();
    if (first == CANDID_ERR_RANGE && !g.narrowed && own != CANDID_ERR_RANGE) abort();
    return 0;
}
