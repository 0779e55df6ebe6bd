/* Writing the header of a message ("DIDL", type table, argument types) for
 * an expected-type description. Composite types get table indices by
 * identity, so recursive descriptions produce finite tables. */
#include "candid/encode.h"
#include "internal.h"

/* The composite types in table order, and an open-addressing index from a
 * type's address to its slot, so that finding or adding a type is one hash
 * probe (a description with thousands of types stays linear). A slot holds
 * the entry's index + 1 (0: free) and the cycle check's two marks. */
typedef struct table {
    const candid_type **list;
    uint32_t *slots;
    uint32_t n, cap;       /* entries, and most the memory holds */
    uint32_t mask;         /* slots in use - 1 (a power of two) */
    uint32_t slots_max;    /* slots the memory holds */
} table;

#define SLOT_INDEX 0x3fffffffu
#define SLOT_OPEN 0x40000000u /* on the cycle check's path */
#define SLOT_DONE 0x80000000u /* its inline members hold no cycle */

static int is_composite(const candid_type *t) {
    return t->kind >= CANDID_OPT && t->kind <= CANDID_SERVICE;
}

static uint32_t ptr_hash(const candid_type *t) {
    uint64_t x = (uint64_t)(uintptr_t)t * 0x9e3779b97f4a7c15ull;
    return (uint32_t)(x >> 32);
}

/* The slot of t: its own, or the free one where it would go. */
static uint32_t *slot_of(const table *tb, const candid_type *t) {
    for (uint32_t i = ptr_hash(t) & tb->mask;; i = (i + 1) & tb->mask) {
        uint32_t *s = &tb->slots[i];
        if (!*s || tb->list[(*s & SLOT_INDEX) - 1] == t) return s;
    }
}

/* Doubles the slots (at most half of them in use keeps probes short) and
 * places every entry again; the list is the index's source of truth. */
static void grow(table *tb) {
    uint32_t size = (tb->mask + 1) * 2;
    if (size > tb->slots_max) return; /* fuller, but a free slot remains */
    CANDID_MEMSET(tb->slots, 0, (size_t)size * sizeof *tb->slots);
    tb->mask = size - 1;
    for (uint32_t k = 0; k < tb->n; k++) *slot_of(tb, tb->list[k]) = k + 1;
}

/* Index of t in the table, appending it when new; -1 when full. */
static int64_t index_of(table *tb, const candid_type *t) {
    if (!tb->cap) return -1; /* no memory: no slots either */
    uint32_t *s = slot_of(tb, t);
    if (*s) return (*s & SLOT_INDEX) - 1;
    if (tb->n == tb->cap) return -1;
    tb->list[tb->n] = t;
    *s = ++tb->n;
    if (tb->n * 2 > tb->mask + 1) grow(tb);
    return tb->n - 1;
}

static candid_status put_ref(candid_writer *w, table *tb, const candid_type *t) {
    if (!t) return CANDID_ERR_BAD_TYPE;
    if (is_composite(t)) {
        int64_t i = index_of(tb, t);
        if (i < 0) return CANDID_ERR_WORK_FULL;
        candid_put_sleb(w, i);
        return CANDID_OK;
    }
    if (t->kind < CANDID_NULL || t->kind > CANDID_PRINCIPAL) return CANDID_ERR_BAD_TYPE;
    candid_put_sleb(w, -(int64_t)t->kind);
    return CANDID_OK;
}

static candid_status put_entry(candid_writer *w, table *tb, const candid_type *t) {
    candid_status st = CANDID_OK;
    candid_put_sleb(w, -(int64_t)t->kind);
    switch (t->kind) {
    case CANDID_OPT:
    case CANDID_VEC:
        return put_ref(w, tb, t->inner);
    case CANDID_RECORD:
    case CANDID_VARIANT:
        candid_put_leb(w, t->count);
        for (uint32_t i = 0; i < t->count && !st; i++) {
            if (i > 0 && t->fields[i].id <= t->fields[i - 1].id) return CANDID_ERR_BAD_TYPE;
            candid_put_leb(w, t->fields[i].id);
            st = put_ref(w, tb, t->fields[i].type);
        }
        return st;
    case CANDID_FUNC: {
        candid_put_leb(w, t->count);
        for (uint32_t i = 0; i < t->count && !st; i++) st = put_ref(w, tb, t->args[i]);
        candid_put_leb(w, t->count2);
        for (uint32_t i = 0; i < t->count2 && !st; i++) st = put_ref(w, tb, t->args[t->count + i]);
        static const uint8_t bits[3] = {CANDID_ANN_QUERY, CANDID_ANN_ONEWAY,
                                        CANDID_ANN_COMPOSITE_QUERY};
        uint8_t n = 0;
        for (int i = 0; i < 3; i++) n += (t->aux & bits[i]) != 0;
        candid_put_leb(w, n);
        for (int i = 0; i < 3; i++)
            if (t->aux & bits[i]) candid_put_u8(w, (uint8_t)(i + 1));
        return st;
    }
    default: /* CANDID_SERVICE */
        candid_put_leb(w, t->count);
        for (uint32_t i = 0; i < t->count && !st; i++) {
            const candid_method *m = &t->methods[i];
            if (!m->type || m->type->kind != CANDID_FUNC) return CANDID_ERR_BAD_TYPE;
            candid_put_leb(w, m->name_len);
            candid_put_bytes(w, m->name, m->name_len);
            st = put_ref(w, tb, m->type);
        }
        return st;
    }
}

/* Whether t's slot holds its value itself, not a pointer or a vector. */
static int inline_composite(const candid_type *t) {
    return (t->kind == CANDID_OPT || t->kind == CANDID_RECORD || t->kind == CANDID_VARIANT) &&
           !(t->repr & CANDID_REPR_BOXED);
}

/* The members of an inline composite that are inline composites too. */
static uint32_t members(const candid_type *t) {
    return t->kind == CANDID_OPT ? 1 : t->count;
}

static const candid_type *member(const candid_type *t, uint32_t k) {
    return t->kind == CANDID_OPT ? t->inner : t->fields[k].type;
}

typedef struct visit {
    uint32_t entry, next; /* next: the member to look at next */
} visit;

/* A value that contains itself inline (no vec or BOXED node between) has
 * no finite size, and the encoder would walk it forever. A depth-first
 * search over inline members, with an explicit stack of `visit`s (one per
 * entry at most), finds such a cycle: a member still on the path. Each
 * entry is finished once, so the check is linear in the description. */
static candid_status check_inline_cycles(const table *tb, visit *stack) {
    for (uint32_t i = 0; i < tb->n; i++) {
        if (!inline_composite(tb->list[i])) continue;
        uint32_t *root = slot_of(tb, tb->list[i]);
        if (*root & SLOT_DONE) continue;
        *root |= SLOT_OPEN;
        uint32_t depth = 1;
        stack[0] = (visit){i, 0};
        while (depth) {
            visit *v = &stack[depth - 1];
            const candid_type *t = tb->list[v->entry];
            if (v->next == members(t)) {
                *slot_of(tb, t) ^= SLOT_OPEN | SLOT_DONE;
                depth--;
                continue;
            }
            const candid_type *m = member(t, v->next++);
            if (!inline_composite(m)) continue;
            uint32_t *s = slot_of(tb, m);
            if (*s & SLOT_OPEN) return CANDID_ERR_BAD_TYPE;
            if (*s & SLOT_DONE) continue;
            *s |= SLOT_OPEN;
            stack[depth++] = (visit){(*s & SLOT_INDEX) - 1, 0};
        }
    }
    return CANDID_OK;
}

/* Per entry: its list pointer, two index slots and a visit. */
#define ENTRY_BYTES (sizeof(void *) + 2 * sizeof(uint32_t) + sizeof(visit))

static candid_status build(candid_header *h, const candid_type *args, uint8_t *out, size_t cap,
                           void *work, size_t work_cap) {
    h->args = args;
    h->bytes = out;
    /* The list, then the visits, then the slots, in 8-aligned work. */
    table tb = {NULL, NULL, 0, 0, 0, 0};
    visit *stack = NULL;
    size_t lost = work ? (size_t)(-(uintptr_t)work & 7) : 0;
    if (work && work_cap > lost) {
        size_t cap = (work_cap - lost) / ENTRY_BYTES;
        tb.cap = (uint32_t)(cap > SLOT_INDEX ? SLOT_INDEX : cap);
        tb.list = (const candid_type **)(void *)((uint8_t *)work + lost);
        stack = (visit *)(void *)(tb.list + tb.cap);
        tb.slots = (uint32_t *)(void *)(stack + tb.cap);
        tb.slots_max = 2 * tb.cap;
    }
    if (tb.cap) {
        /* 16 slots to start with, or as many as fit when fewer */
        uint32_t size = 2;
        while (size < 16 && size * 2 <= tb.slots_max) size *= 2;
        tb.mask = size - 1;
        CANDID_MEMSET(tb.slots, 0, (size_t)size * sizeof *tb.slots);
    }
    /* Discover the table first: the entry count precedes the entries. The
     * discovery pass writes nothing (size-only writer). */
    candid_writer sizer;
    candid_writer_init(&sizer, NULL, 0);
    candid_status st = CANDID_OK;
    for (uint32_t i = 0; i < args->count && !st; i++) st = put_ref(&sizer, &tb, args->fields[i].type);
    for (uint32_t i = 0; i < tb.n && !st; i++) st = put_entry(&sizer, &tb, tb.list[i]);
    if (st) return st;
    st = check_inline_cycles(&tb, stack);
    if (st) return st;

    candid_writer w;
    candid_writer_init(&w, out, cap);
    candid_put_bytes(&w, "DIDL", 4);
    candid_put_leb(&w, tb.n);
    for (uint32_t i = 0; i < tb.n && !st; i++) st = put_entry(&w, &tb, tb.list[i]);
    candid_put_leb(&w, args->count);
    for (uint32_t i = 0; i < args->count && !st; i++) {
        if (args->fields[i].id != i) return CANDID_ERR_BAD_TYPE;
        st = put_ref(&w, &tb, args->fields[i].type);
    }
    if (st) return st;
    h->len = w.total;
    return candid_writer_finish(&w);
}

candid_status candid_header_build(candid_header *h, const candid_type *args,
                                  uint8_t *out, size_t cap, void *work,
                                  size_t work_cap) {
    if (!h) return CANDID_ERR_ARGUMENT;
    h->len = 0;
    candid_status st = args && args->kind == CANDID_RECORD
                           ? build(h, args, out, cap, work, work_cap)
                           : CANDID_ERR_ARGUMENT;
    if (st) {
        /* Nothing half-built may pass for a header: candid_encode checks. */
        h->args = NULL;
        h->bytes = NULL;
    }
    return st;
}
