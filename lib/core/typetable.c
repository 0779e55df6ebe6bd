/* Writing the header of a message ("DIDL", type table, argument types) for
 * an expected-type description. Composite types get table indices by
 * identity, so recursive descriptions produce finite tables. */
#include "candid/encode.h"
#include "internal.h"

typedef struct table {
    const candid_type **list;
    uint32_t n, cap;
} table;

static int is_composite(const candid_type *t) {
    return t->kind >= CANDID_OPT && t->kind <= CANDID_SERVICE;
}

/* Index of t in the table, appending it when new; -1 when full. */
static int64_t index_of(table *tb, const candid_type *t) {
    for (uint32_t i = 0; i < tb->n; i++)
        if (tb->list[i] == t) return i;
    if (tb->n == tb->cap) return -1;
    tb->list[tb->n] = t;
    return tb->n++;
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

static uint32_t find(const table *tb, const candid_type *t) {
    uint32_t i = 0;
    while (tb->list[i] != t) i++;
    return i;
}

/* A value that contains itself inline (no vec or BOXED node between) has
 * no finite size, and the encoder would walk it forever. Passes over the
 * table mark the inline entries whose inline members are all marked; a
 * pass that marks nothing leaves only entries on or above such a cycle.
 * `done` is one byte per entry. Quadratic like index_of, with as many
 * passes as inline types nest. */
static candid_status check_inline_cycles(const table *tb, uint8_t *done) {
    uint32_t left = 0;
    for (uint32_t i = 0; i < tb->n; i++) {
        done[i] = !inline_composite(tb->list[i]);
        left += !done[i];
    }
    for (int progress = 1; left && progress;) {
        progress = 0;
        for (uint32_t i = 0; i < tb->n; i++) {
            const candid_type *t = tb->list[i];
            if (done[i]) continue;
            uint32_t n = t->kind == CANDID_OPT ? 1 : t->count, k = 0;
            for (; k < n; k++) {
                const candid_type *m = t->kind == CANDID_OPT ? t->inner : t->fields[k].type;
                if (inline_composite(m) && !done[find(tb, m)]) break;
            }
            if (k == n) {
                done[i] = 1;
                left--;
                progress = 1;
            }
        }
    }
    return left ? CANDID_ERR_BAD_TYPE : CANDID_OK;
}

static candid_status build(candid_header *h, const candid_type *args, uint8_t *out, size_t cap,
                           void *work, size_t work_cap) {
    h->args = args;
    h->bytes = out;
    table tb = {(const candid_type **)work, 0, (uint32_t)(work_cap / sizeof(void *))};
    if (!work) tb.cap = 0;
    /* Discover the table first: the entry count precedes the entries. The
     * discovery pass writes nothing (size-only writer). */
    candid_writer sizer;
    candid_writer_init(&sizer, NULL, 0);
    candid_status st = CANDID_OK;
    for (uint32_t i = 0; i < args->count && !st; i++) st = put_ref(&sizer, &tb, args->fields[i].type);
    for (uint32_t i = 0; i < tb.n && !st; i++) st = put_entry(&sizer, &tb, tb.list[i]);
    if (st) return st;
    if ((size_t)(tb.cap - tb.n) * sizeof *tb.list < tb.n) return CANDID_ERR_WORK_FULL;
    st = check_inline_cycles(&tb, (uint8_t *)(tb.list + tb.n));
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
