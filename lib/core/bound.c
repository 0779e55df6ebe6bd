/* How much work memory a decode can take, before the call: from the
 * message length, the limits and the size of the expected type. Each term
 * follows an allocation of header.c, plan.c or run.c; see decode.h. */
#include "internal.h"
#include "plan.h"

/* Saturating arithmetic: a bound that overflows is "everything". */
static uint64_t add(uint64_t a, uint64_t b) {
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static uint64_t mul(uint64_t a, uint64_t b) {
    /* Operands stay below 2^32 or the result saturates: no 128-bit
     * multiply on Wasm. */
    if (a >> 32 || b >> 32) return a && b ? UINT64_MAX : 0;
    return a * b;
}

/* Prim types a wire graph can point at (null..empty, principal). */
#define PRIM_TYPES 18u

size_t candid_work_bound(const candid_limits *lim, size_t msg_len, size_t exp_size) {
    uint64_t h = msg_len, s = exp_size;
    /* Header: every table entry a node; every other byte at most one
     * field, argument, reference or method (each at most a field's size),
     * plus alignment padding. */
    uint64_t n = h < lim->max_table_entries ? h : lim->max_table_entries;
    uint64_t header = add(mul(n, sizeof(candid_type)), mul(h, sizeof(candid_field) + 8));
    /* Plan: one node per (wire, expected) pair, a wire type against no
     * expected type (skipped) and an expected one against no wire type
     * (null); the wire fields of each pair and the expected fields each
     * pair lacks take a few words (steps, ids, merged skips). A plan is
     * made only when every entry parsed, and each takes two bytes or more:
     * the wire types are at most h / 2 entries, the arguments and prims. */
    uint64_t parsed = h / 2 < n ? h / 2 : n;
    uint64_t w = add(add(parsed, 1), PRIM_TYPES);
    uint64_t pairs = add(mul(add(w, 1), add(s, 1)), h);
    uint64_t words = add(add(mul(NODE_WORDS, add(pairs, 1)), mul(8, mul(add(s, 1), h))),
                         mul(3, mul(add(w, 1), s)));
    /* Map and queue: at most 8/3 slots per pair before they double, 48
     * bytes a slot, and the copies left behind by doubling. */
    uint64_t map = add(mul(300, add(pairs, 1)), 4096);
    /* The memo of one subtype check of references at a time. */
    uint64_t sub = add(mul(128, mul(add(w, 1), add(s, 1))), 4096);
    uint64_t frames = add(mul(lim->max_depth, CANDID__FRAME_SIZE), 8);
    uint64_t total = add(add(add(header, map), add(sub, mul(4, words))), add(frames, 64));
    return total > SIZE_MAX ? SIZE_MAX : (size_t)total;
}

/* An open-addressing set of node pointers (at most half full) and a stack
 * of nodes still to expand, both in caller memory: 24 bytes a node. */
typedef struct walk {
    const candid_type **set, **stack;
    size_t slots, nodes, sp;
} walk;

/* Pushes x unless it was seen; 0 when the set is full. */
static int visit(walk *k, const candid_type *x) {
    if (!x) return 1;
    size_t i = (size_t)(((uint64_t)(uintptr_t)x >> 3) * 0x9e3779b97f4a7c15ull) & (k->slots - 1);
    while (k->set[i]) {
        if (k->set[i] == x) return 1;
        i = (i + 1) & (k->slots - 1);
    }
    if (k->nodes == k->slots / 2) return 0;
    k->set[i] = x;
    k->nodes++;
    k->stack[k->sp++] = x;
    return 1;
}

candid_status candid_type_size(const candid_type *t, void *work, size_t cap, size_t *size) {
    if (!t || !size) return CANDID_ERR_ARGUMENT;
    size_t lost = (size_t)(-(uintptr_t)work & 7);
    size_t usable = work && cap > lost ? cap - lost : 0;
    size_t slots = 16;
    while (slots <= SIZE_MAX / 24 && slots * 2 * 12 <= usable) slots *= 2;
    if (slots * 12 > usable) return CANDID_ERR_WORK_FULL;
    walk k;
    k.set = (const candid_type **)(void *)((uint8_t *)work + lost);
    k.stack = k.set + slots;
    k.slots = slots;
    k.nodes = k.sp = 0;
    CANDID_MEMSET(k.set, 0, slots * sizeof *k.set);
    size_t total = 0;
    if (!visit(&k, t)) return CANDID_ERR_WORK_FULL;
    while (k.sp) {
        const candid_type *x = k.stack[--k.sp];
        uint32_t n = 0;
        int ok = 1;
        switch (x->kind) {
        case CANDID_OPT:
        case CANDID_VEC:
            ok = visit(&k, x->inner);
            break;
        case CANDID_RECORD:
        case CANDID_VARIANT:
            n = x->fields ? x->count : 0;
            for (uint32_t j = 0; j < n && ok; j++) ok = visit(&k, x->fields[j].type);
            break;
        case CANDID_FUNC:
            n = x->args ? x->count + x->count2 : 0;
            for (uint32_t j = 0; j < n && ok; j++) ok = visit(&k, x->args[j]);
            break;
        case CANDID_SERVICE:
            n = x->methods ? x->count : 0;
            for (uint32_t j = 0; j < n && ok; j++) ok = visit(&k, x->methods[j].type);
            break;
        default:
            break;
        }
        if (!ok) return CANDID_ERR_WORK_FULL;
        total += 1 + (size_t)n;
    }
    *size = total;
    return CANDID_OK;
}
