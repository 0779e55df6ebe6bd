/* Compiling a coercion plan for (wire argument types, expected argument
 * types): every decision the spec's coercion rules make from the types
 * alone is taken here, once, so that decoding only follows the plan. Pairs
 * are memoised, which makes recursive types finite plans; the compiler
 * works from a queue, never recursing along the types. */
#include "internal.h"
#include "plan.h"

typedef struct map_entry {
    const candid_type *w; /* NULL: key is a "null value of e" node */
    const candid_type *e; /* NULL: key is a skip node for w */
    uint32_t node;
    uint32_t used;
} map_entry;

typedef struct pending {
    const candid_type *w;
    const candid_type *e;
    uint32_t node;
} pending;

typedef struct compiler {
    candid_arena *work;
    plan *p;
    uint32_t *top; /* word k of the plan is top[-1 - k] until compiled;
                      NULL: only measure the plan, writing no word */
    uint32_t sink; /* where a measuring compiler's words go */
    size_t peak;   /* most bytes scratch and plan took together */
    map_entry *map;
    uint32_t map_mask;
    uint32_t map_used;
    pending *queue;
    uint32_t q_len, q_cap, q_head;
    uint32_t fail_node;
    candid_status err;
} compiler;

/* Whether every value of wire type t takes at least one byte; lets vector
 * lengths be checked against the remaining input before any work. A
 * conservative "no" only loses that early check. */
static uint32_t min_one_byte(const candid_type *t, int depth) {
    switch (t->kind) {
    case CANDID_NULL:
    case CANDID_RESERVED:
        return 0;
    case CANDID_RECORD:
        if (depth > 3) return 0;
        for (uint32_t i = 0; i < t->count; i++)
            if (min_one_byte(t->fields[i].type, depth + 1)) return 1;
        return 0;
    default:
        return 1;
    }
}

/* The plan grows down from the top of work memory while the scratch (wire
 * graph, map, queue, subtype memo) grows up from its base, so either may
 * take all the room the other leaves. Words are stored in reverse order
 * until the plan is complete, which keeps every word at a fixed address. */
static uint32_t *word(compiler *c, uint32_t k) {
    return c->top ? c->top - 1 - k : &c->sink;
}

/* Reserves n words; 1 on success. The scratch's capacity shrinks to what
 * the plan leaves. */
static int alloc_words(compiler *c, uint32_t n) {
    plan *p = c->p;
    candid_arena *a = c->work;
    if (n > UINT32_MAX - p->len) {
        c->err = CANDID_ERR_WORK_FULL;
        return 0;
    }
    if (!c->top) {
        p->len += n;
        return 1;
    }
    size_t room = (size_t)((uint8_t *)(c->top - p->len) - (a->_private.base + a->needed)) / 4;
    if (a->needed > a->_private.cap || n > room) {
        c->err = CANDID_ERR_WORK_FULL;
        return 0;
    }
    p->len += n;
    a->_private.cap = (size_t)((uint8_t *)(c->top - p->len) - a->_private.base);
    return 1;
}

/* A node's words are contiguous (in reverse): word k + i is at w[-i]. */
static uint32_t new_node(compiler *c) {
    uint32_t at = c->p->len;
    if (!alloc_words(c, NODE_WORDS)) return 0;
    if (c->top) CANDID_MEMSET(c->top - at - NODE_WORDS, 0, NODE_WORDS * sizeof(uint32_t));
    return at;
}

/* The ops of the scalar table (plan.h): one value, nothing nested, never a failure
 * to coerce. */
static int scalar_op(uint32_t op) {
    switch (op) {
#define X(op_, name_, keep_, var_) case op_:
        SCALAR_OPS(X)
#undef X
        return 1;
    default:
        return 0;
    }
}

/* Writes node n, word by word in the compiler's reverse order. */
static void put_node(compiler *c, uint32_t n, pnode *nd) {
    if (!c->top) return;
    if (scalar_op(nd->op)) nd->flags |= PF_LEAF | PF_SCALAR;
    uint32_t w[NODE_WORDS], *t = c->top - 1 - n;
    CANDID_MEMCPY(w, nd, sizeof w);
    t[0] = w[0];
    t[-1] = w[1];
    t[-2] = w[2];
    t[-3] = w[3];
    t[-4] = w[4];
}

/* A node of op with no operands. */
static void set_op(compiler *c, uint32_t n, uint32_t op) {
    pnode nd;
    CANDID_MEMSET(&nd, 0, sizeof nd);
    nd.op = (uint8_t)op;
    put_node(c, n, &nd);
}

/* The fixed-width forms: a byte count. */
static void set_fixed(compiler *c, uint32_t n, uint32_t op, uint32_t width) {
    pnode nd;
    CANDID_MEMSET(&nd, 0, sizeof nd);
    nd.op = (uint8_t)op;
    nd.fixed.width = width;
    put_node(c, n, &nd);
}

/* Options: the child to try, the skip to fall back to, where the value
 * goes. */
static void set_opt(compiler *c, uint32_t n, uint32_t op, const candid_type *e, uint32_t child,
                    uint32_t skip) {
    pnode nd;
    CANDID_MEMSET(&nd, 0, sizeof nd);
    nd.op = (uint8_t)op;
    nd.opt.child = child;
    nd.opt.skip = skip;
    if (e && (e->repr & CANDID_REPR_BOXED)) {
        nd.flags = PF_BOXED;
        nd.opt.size = (uint32_t)candid_slot_size(e->inner);
        nd.align = (uint16_t)candid_slot_align(e->inner);
    } else if (e) {
        nd.opt.off = e->offset;
        nd.opt.size = (uint32_t)candid_slot_size(e->inner);
    }
    put_node(c, n, &nd);
}

static void set_vec(compiler *c, uint32_t n, uint32_t op, uint32_t child, const candid_type *wi,
                    const candid_type *ei) {
    pnode nd;
    CANDID_MEMSET(&nd, 0, sizeof nd);
    nd.op = (uint8_t)op;
    nd.vec.child = child;
    nd.vec.min1 = min_one_byte(wi, 0);
    if (ei) {
        nd.vec.size = (uint32_t)candid_slot_size(ei);
        nd.align = (uint16_t)candid_slot_align(ei);
    } else {
        nd.vec.width = candid__fixed_width(wi->kind);
    }
    put_node(c, n, &nd);
}

/* Records and variants: their steps or cases, and for the decoding ops
 * the expected type's block when boxed. */
static void set_agg(compiler *c, uint32_t n, uint32_t op, uint32_t first, uint32_t count,
                    const candid_type *e) {
    pnode nd;
    CANDID_MEMSET(&nd, 0, sizeof nd);
    nd.op = (uint8_t)op;
    nd.agg.first = first;
    nd.agg.count = count;
    if (e && (e->repr & CANDID_REPR_BOXED)) {
        nd.flags = PF_BOXED;
        nd.agg.size = e->size;
        nd.align = e->align ? e->align : 1;
    }
    put_node(c, n, &nd);
}

static void set_fail(compiler *c, uint32_t n, uint32_t wire, uint32_t exp, uint32_t id,
                     uint32_t is_field) {
    pnode nd;
    CANDID_MEMSET(&nd, 0, sizeof nd);
    nd.op = OP_FAIL;
    nd.fail.wire = wire;
    nd.fail.exp = exp;
    nd.fail.id = id;
    nd.fail.is_field = is_field;
    put_node(c, n, &nd);
}

static uint32_t key_hash(const candid_type *w, const candid_type *e) {
    uint64_t x = (uint64_t)(uintptr_t)w * 0x9e3779b97f4a7c15ull ^
                 ((uint64_t)(uintptr_t)e + 0x632be59bd9b4e019ull);
    x ^= x >> 31;
    x *= 0xd6e8feb86659fd93ull;
    return (uint32_t)(x ^ (x >> 32));
}

/* Map and queue start small (most types make a few dozen pairs) and double
 * when full; the old copies stay behind in the work arena. */
static int grow(compiler *c) {
    uint32_t slots = 2 * (c->map_mask + 1);
    map_entry *m = candid_arena_alloc(c->work, (size_t)slots * sizeof *m, _Alignof(map_entry));
    pending *q = candid_arena_alloc(c->work, (size_t)slots * sizeof *q, _Alignof(pending));
    if (!m || !q || slots > (1u << 28)) {
        c->err = CANDID_ERR_WORK_FULL;
        return 0;
    }
    CANDID_MEMSET(m, 0, (size_t)slots * sizeof *m);
    for (uint32_t i = 0; i <= c->map_mask; i++) {
        if (!c->map[i].used) continue;
        uint32_t j = key_hash(c->map[i].w, c->map[i].e) & (slots - 1);
        while (m[j].used) j = (j + 1) & (slots - 1);
        m[j] = c->map[i];
    }
    CANDID_MEMCPY(q, c->queue, (size_t)c->q_len * sizeof *q);
    c->map = m;
    c->map_mask = slots - 1;
    c->queue = q;
    c->q_cap = slots;
    return 1;
}

/* The node for a key, created (and queued for filling) on first use. */
static uint32_t get(compiler *c, const candid_type *w, const candid_type *e) {
    if (c->err) return 0;
    if (e && e->kind == CANDID_RESERVED && w) e = NULL; /* reserved: skip */
    uint32_t i = key_hash(w, e) & c->map_mask;
    for (;;) {
        map_entry *m = &c->map[i];
        if (!m->used) break;
        if (m->w == w && m->e == e) return m->node;
        i = (i + 1) & c->map_mask;
    }
    if ((c->map_used + 1) * 4 > (c->map_mask + 1) * 3 || c->q_len == c->q_cap) {
        if (!grow(c)) return 0;
        return get(c, w, e);
    }
    uint32_t n = new_node(c);
    if (c->err) return 0;
    c->map[i] = (map_entry){w, e, n, 1};
    c->map_used++;
    c->queue[c->q_len++] = (pending){w, e, n};
    return n;
}

static void fill_skip(compiler *c, uint32_t n, const candid_type *w) {
    int width = candid__fixed_width(w->kind);
    if (width) {
        set_fixed(c, n, OP_SKIP_FIXED, (uint32_t)width);
        return;
    }
    switch (w->kind) {
    case CANDID_NULL:
    case CANDID_RESERVED:
        set_op(c, n, OP_NOP);
        return;
    case CANDID_BOOL:
        set_op(c, n, OP_SKIP_BOOL);
        return;
    case CANDID_NAT:
    case CANDID_INT:
        set_op(c, n, OP_SKIP_LEB);
        return;
    case CANDID_TEXT:
        set_op(c, n, OP_SKIP_TEXT);
        return;
    case CANDID_PRINCIPAL:
    case CANDID_SERVICE:
        set_op(c, n, OP_SKIP_PRINCIPAL);
        return;
    case CANDID_FUNC:
        set_op(c, n, OP_SKIP_FUNC);
        return;
    case CANDID_FUTURE:
        set_op(c, n, OP_SKIP_FUTURE);
        return;
    case CANDID_OPT:
        set_opt(c, n, OP_SKIP_OPT, NULL, get(c, w->inner, NULL), 0);
        return;
    case CANDID_VEC:
        set_vec(c, n, OP_SKIP_VEC, get(c, w->inner, NULL), w->inner, NULL);
        return;
    case CANDID_RECORD:
    case CANDID_VARIANT: {
        uint32_t first = c->p->len;
        if (!alloc_words(c, 2 * w->count)) return;
        for (uint32_t i = 0; i < w->count; i++) {
            uint32_t child = get(c, w->fields[i].type, NULL);
            *word(c, first + i) = child;
            *word(c, first + w->count + i) = w->fields[i].id;
        }
        set_agg(c, n, w->kind == CANDID_RECORD ? OP_SKIP_RECORD : OP_SKIP_VARIANT, first,
                w->count, NULL);
        return;
    }
    default: /* CANDID_EMPTY */
        set_op(c, n, OP_EMPTY);
        return;
    }
}

/* The value a missing field or argument of nullable type e reads as. */
static void fill_null(compiler *c, uint32_t n, const candid_type *e) {
    if (e->kind == CANDID_OPT) {
        set_opt(c, n, OP_OPT_NONE, e, 0, 0);
    } else {
        set_op(c, n, OP_NOP);
    }
}

/* Whether no value of wire type w (not null, opt or reserved) coerces to
 * e, judging by the head constructors alone. */
static int never_coerces(const candid_type *w, const candid_type *e) {
    if (e->kind == CANDID_OPT || e->kind == CANDID_RESERVED) return 0;
    if (w->kind == e->kind) return w->kind == CANDID_FUTURE;
    return !((w->kind == CANDID_NAT && e->kind == CANDID_INT) ||
             (w->kind == CANDID_SERVICE && e->kind == CANDID_PRINCIPAL) ||
             w->kind == CANDID_EMPTY);
}

static void fill_opt(compiler *c, uint32_t n, const candid_type *w,
                     const candid_type *e) {
    switch (w->kind) {
    case CANDID_NULL:
    case CANDID_RESERVED:
        fill_null(c, n, e);
        return;
    case CANDID_OPT: {
        uint32_t child = get(c, w->inner, e->inner);
        set_opt(c, n, OP_OPT_FLAG, e, child, get(c, w->inner, NULL));
        return;
    }
    default: {
        /* A non-optional value at an option: the value itself, if it
         * coerces to the constituent type, else null. When the types alone
         * rule the value out, null is decided here (NO_NODE: skip, none). */
        uint32_t child = never_coerces(w, e->inner) ? NO_NODE : get(c, w, e->inner);
        set_opt(c, n, OP_OPT_WRAP, e, child, get(c, w, NULL));
        return;
    }
    }
}

static void fill_record(compiler *c, uint32_t n, const candid_type *w,
                        const candid_type *e) {
    uint32_t missing = 0, j = 0;
    for (uint32_t i = 0; i < e->count; i++) {
        if (i > 0 && e->fields[i].id <= e->fields[i - 1].id) {
            c->err = CANDID_ERR_BAD_TYPE;
            return;
        }
        while (j < w->count && w->fields[j].id < e->fields[i].id) j++;
        if (j < w->count && w->fields[j].id == e->fields[i].id) continue;
        if (!candid__nullable(e->fields[i].type)) {
            /* at the top this is a missing argument, not a mismatch */
            if (n == c->p->root) {
                pnode nd;
                CANDID_MEMSET(&nd, 0, sizeof nd);
                nd.op = OP_MISSING_ARG;
                nd.missing.index = e->fields[i].id;
                put_node(c, n, &nd);
            } else {
                set_fail(c, n, w->kind, e->kind, e->fields[i].id, 1);
            }
            return;
        }
        missing++;
    }
    /* Steps, then their field ids (for error paths); the ids are written
     * after room for every step and moved down once the steps are known. */
    uint32_t first = c->p->len, total = w->count + missing, ids = first + 2 * total;
    if (!alloc_words(c, 3 * total)) return;
    uint32_t s = first;
    j = 0;
    for (uint32_t i = 0; i < w->count; i++) {
        while (j < e->count && e->fields[j].id < w->fields[i].id) j++;
        uint32_t child, off = 0; /* skipping ops ignore their slot */
        if (j < e->count && e->fields[j].id == w->fields[i].id) {
            child = get(c, w->fields[i].type, e->fields[j].type);
            off = e->fields[j].offset;
        } else {
            /* Ignored fixed-width fields in a row are skipped as one run
             * of bytes (a record read at a narrower type skips a lot). */
            uint32_t run = 0, k = i, jj = j;
            while (k < w->count && candid__fixed_width(w->fields[k].type->kind)) {
                while (jj < e->count && e->fields[jj].id < w->fields[k].id) jj++;
                if (jj < e->count && e->fields[jj].id == w->fields[k].id) break;
                run += candid__fixed_width(w->fields[k].type->kind);
                k++;
            }
            if (k - i > 1) {
                child = new_node(c);
                set_fixed(c, child, OP_SKIP_FIXED, run);
                i = k - 1;
            } else {
                child = get(c, w->fields[i].type, NULL);
            }
        }
        *word(c, ids + (s - first) / 2) = w->fields[i].id;
        *word(c, s++) = child;
        *word(c, s++) = off;
    }
    j = 0;
    for (uint32_t i = 0; i < e->count; i++) {
        while (j < w->count && w->fields[j].id < e->fields[i].id) j++;
        if (j < w->count && w->fields[j].id == e->fields[i].id) continue;
        *word(c, ids + (s - first) / 2) = e->fields[i].id;
        *word(c, s++) = get(c, NULL, e->fields[i].type);
        *word(c, s++) = e->fields[i].offset;
    }
    uint32_t steps = (s - first) / 2;
    for (uint32_t k = 0; k < steps; k++) *word(c, s + k) = *word(c, ids + k);
    for (uint32_t k = s + steps; k < first + 3 * total; k++) *word(c, k) = 0;
    set_agg(c, n, OP_RECORD, first, steps, e);
}

static void fill_variant(compiler *c, uint32_t n, const candid_type *w,
                         const candid_type *e) {
    uint32_t first = c->p->len;
    if (!alloc_words(c, 4 * w->count)) return; /* the map, then wire ids */
    for (uint32_t i = 1; i < e->count; i++) {
        if (e->fields[i].id <= e->fields[i - 1].id) {
            c->err = CANDID_ERR_BAD_TYPE;
            return;
        }
    }
    uint32_t j = 0;
    for (uint32_t i = 0; i < w->count; i++) {
        uint32_t m = first + 3 * i;
        *word(c, first + 3 * w->count + i) = w->fields[i].id;
        while (j < e->count && e->fields[j].id < w->fields[i].id) j++;
        if (j < e->count && e->fields[j].id == w->fields[i].id) {
            uint32_t child = get(c, w->fields[i].type, e->fields[j].type);
            *word(c, m) = j;
            *word(c, m + 1) = child;
            *word(c, m + 2) = e->fields[j].offset;
        } else {
            *word(c, m) = NO_NODE;
            *word(c, m + 1) = c->fail_node;
            *word(c, m + 2) = 0;
        }
    }
    set_agg(c, n, OP_VARIANT, first, w->count, e);
}

static void fill_vec(compiler *c, uint32_t n, const candid_type *w,
                     const candid_type *e) {
    int we = candid__fixed_width(w->inner->kind), ee = candid__fixed_width(e->inner->kind);
    int same = we && w->inner->kind == e->inner->kind;
    if (e->repr & CANDID_REPR_SLICE) {
        if (!ee) {
            c->err = CANDID_ERR_BAD_TYPE;
            return;
        }
        set_fixed(c, n, OP_VEC_SLICE, same ? (uint32_t)we : 0);
        return;
    }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (same) {
        set_fixed(c, n, OP_VEC_BULK, (uint32_t)we);
        return;
    }
#endif
    set_vec(c, n, OP_VEC, get(c, w->inner, e->inner), w->inner, e->inner);
}

static void fill_pair(compiler *c, uint32_t n, const candid_type *w,
                      const candid_type *e) {
    if (e->kind < CANDID_NULL || e->kind > CANDID_PRINCIPAL) {
        c->err = CANDID_ERR_BAD_TYPE;
        return;
    }
    if (w->kind == CANDID_EMPTY) {
        set_op(c, n, OP_EMPTY);
        return;
    }
    if (e->kind == CANDID_OPT) {
        fill_opt(c, n, w, e);
        return;
    }
    if (w->kind != e->kind) {
        if (w->kind == CANDID_NAT && e->kind == CANDID_INT)
            set_op(c, n, (e->repr & CANDID_REPR_BIG) ? OP_NAT_BIG : OP_NAT_I64);
        else if (w->kind == CANDID_SERVICE && e->kind == CANDID_PRINCIPAL)
            set_op(c, n, OP_PRINCIPAL);
        else
            set_fail(c, n, w->kind, e->kind, 0, 0);
        return;
    }
    int width = candid__fixed_width(w->kind);
    if (width) {
        set_fixed(c, n, OP_FIXED, (uint32_t)width);
        return;
    }
    int big = (e->repr & CANDID_REPR_BIG) != 0;
    switch (w->kind) {
    case CANDID_NULL:
        set_op(c, n, OP_NOP);
        return;
    case CANDID_BOOL:
        set_op(c, n, OP_BOOL);
        return;
    case CANDID_NAT:
        set_op(c, n, big ? OP_NAT_BIG : OP_NAT_U64);
        return;
    case CANDID_INT:
        set_op(c, n, big ? OP_INT_BIG : OP_INT_I64);
        return;
    case CANDID_TEXT:
        set_op(c, n, OP_TEXT);
        return;
    case CANDID_PRINCIPAL:
        set_op(c, n, OP_PRINCIPAL);
        return;
    case CANDID_VEC:
        fill_vec(c, n, w, e);
        return;
    case CANDID_RECORD:
        fill_record(c, n, w, e);
        return;
    case CANDID_VARIANT:
        fill_variant(c, n, w, e);
        return;
    case CANDID_FUNC:
    case CANDID_SERVICE: {
        /* Reference values coerce only when their types are subtypes. The
         * memo of the check is scratch for this pair only. */
        int ok = 0;
        size_t used = c->work->used;
        candid_status st = candid__subtype(c->work, w, e, &ok);
        size_t peak = c->work->needed + (size_t)c->p->len * 4;
        if (peak > c->peak) c->peak = peak;
        if (st) {
            c->err = st;
            return;
        }
        c->work->used = c->work->needed = used;
        if (ok)
            set_op(c, n, w->kind == CANDID_FUNC ? OP_FUNC : OP_PRINCIPAL);
        else
            set_fail(c, n, w->kind, e->kind, 0, 0);
        return;
    }
    default:
        set_fail(c, n, w->kind, e->kind, 0, 0);
        return;
    }
}

/* Whether no value decoded by node n can fail to coerce: no failing op is
 * reachable from n except through options, which absorb failures. The
 * search looks at a bounded number of containers and answers "may fail"
 * beyond it, which only costs the decoder a frame. */
#define SURE_LIMIT 16

/* Ops that can fail to coerce themselves or through their children. */
static int may_fail(uint32_t op) {
    return op == OP_FAIL || op == OP_MISSING_ARG || op == OP_VEC_SLICE || op == OP_VEC ||
           op == OP_RECORD || op == OP_VARIANT;
}

static int sure(const uint32_t *P, uint32_t n) {
    uint32_t todo[SURE_LIMIT], seen[SURE_LIMIT], nt = 0, ns = 0;
    todo[nt++] = n;
    while (nt) {
        uint32_t x = todo[--nt], k = 0;
        while (k < ns && seen[k] != x) k++;
        if (k < ns) continue;
        if (ns == SURE_LIMIT) return 0;
        seen[ns++] = x;
        const pnode *nd = node_at(P, x);
        uint32_t op = nd->op, count = 0;
        if (op == OP_FAIL || op == OP_MISSING_ARG) return 0;
        if (op == OP_VEC_SLICE && !nd->fixed.width) return 0; /* only empty vectors coerce */
        if (op == OP_VEC) count = 1;
        if (op == OP_RECORD || op == OP_VARIANT) count = nd->agg.count;
        for (uint32_t i = 0; i < count; i++) {
            uint32_t child;
            if (op == OP_VEC) {
                child = nd->vec.child;
            } else if (op == OP_RECORD) {
                child = P[nd->agg.first + 2 * i];
            } else {
                const uint32_t *m = P + nd->agg.first + 3 * i;
                if (m[0] == NO_NODE) return 0; /* a case the expected type lacks */
                child = m[1];
            }
            if (!may_fail(node_at(P, child)->op)) continue;
            if (nt == SURE_LIMIT) return 0;
            todo[nt++] = child;
        }
    }
    return 1;
}

/* The flags of the plan in reading order (the nodes are const to the
 * interpreter only). */
static pnode *node_rw(uint32_t *P, uint32_t n) {
    return (pnode *)(void *)(P + n);
}

/* Options: sure or not, leaf or not. Variants: leaf or not. */
static void mark_opt(uint32_t *P, uint32_t n) {
    pnode *nd = node_rw(P, n);
    if (nd->op == OP_VARIANT) {
        if (nd->flags & PF_BOXED) return;
        for (uint32_t i = 0; i < nd->agg.count; i++) {
            const uint32_t *m = P + nd->agg.first + 3 * i;
            if (m[0] == NO_NODE || !(node_at(P, m[1])->flags & PF_SCALAR)) return;
        }
        nd->flags |= PF_LEAF;
        return;
    }
    if (nd->op != OP_OPT_FLAG) return;
    const pnode *child = node_at(P, nd->opt.child);
    if (!(nd->flags & PF_BOXED) && (child->flags & PF_SCALAR)) nd->flags |= PF_LEAF;
    /* Options of options keep their frames: a chain of them that reads no
     * bytes (Opt = opt Opt at a non-option value) must end in DEPTH. */
    if (child->op == OP_OPT_FLAG || child->op == OP_OPT_WRAP || child->op == OP_OPT_NONE) return;
    if (sure(P, nd->opt.child)) nd->flags |= PF_SURE;
}

/* Only records that are vector elements: elsewhere a record tests its
 * fields' flags as it goes, and this pass would cost a cold decode more
 * than it saves. */
static void mark_record(uint32_t *P, uint32_t n) {
    pnode *nd = node_rw(P, n);
    if (nd->op != OP_RECORD || (nd->flags & (PF_BOXED | PF_LEAVES))) return;
    for (uint32_t i = 0; i < nd->agg.count; i++)
        if (!(node_at(P, P[nd->agg.first + 2 * i])->flags & PF_LEAF)) return;
    nd->flags |= PF_LEAVES;
}

candid_status candid__compile(candid_arena *work, uint32_t *top, const candid_type *wire_args,
                              const candid_type *exp_args, plan *out) {
    compiler c;
    CANDID_MEMSET(&c, 0, sizeof c);
    c.work = work;
    c.p = out;
    c.top = top;
    out->len = 0;
    out->w = top;
    uint32_t slots = 32;
    c.map = candid_arena_alloc(work, slots * sizeof(map_entry), _Alignof(map_entry));
    c.queue = candid_arena_alloc(work, slots * sizeof(pending), _Alignof(pending));
    if (!c.map || !c.queue) {
        out->peak = (work->needed + 3) & ~(size_t)3;
        return CANDID_ERR_WORK_FULL;
    }
    CANDID_MEMSET(c.map, 0, slots * sizeof(map_entry));
    c.map_mask = slots - 1;
    c.q_cap = slots;

    /* a = 0: the fallback of variant cases the expected type lacks */
    c.fail_node = new_node(&c);
    set_fail(&c, c.fail_node, 0, 0, 0, 0);
    out->root = get(&c, wire_args, exp_args);
    while (!c.err && c.q_head < c.q_len) {
        pending pd = c.queue[c.q_head++];
        if (!pd.e)
            fill_skip(&c, pd.node, pd.w);
        else if (!pd.w)
            fill_null(&c, pd.node, pd.e);
        else
            fill_pair(&c, pd.node, pd.w, pd.e);
    }
    size_t peak = work->needed + (size_t)out->len * 4;
    /* in words, as the top of work memory is rounded */
    out->peak = ((peak > c.peak ? peak : c.peak) + 3) & ~(size_t)3;
    if (c.err || !top) return c.err;
    /* Into reading order: word k at w[k]. Two words a step from each end
     * (a 64-bit word with its halves swapped is the pair reversed). */
    out->w = top - out->len;
    uint32_t *lo = out->w, *hi = top;
    for (; hi - lo >= 4; lo += 2, hi -= 2) {
        uint64_t a, b;
        CANDID_MEMCPY(&a, lo, 8);
        CANDID_MEMCPY(&b, hi - 2, 8);
        a = a << 32 | a >> 32;
        b = b << 32 | b >> 32;
        CANDID_MEMCPY(lo, &b, 8);
        CANDID_MEMCPY(hi - 2, &a, 8);
    }
    for (; hi - lo >= 2; lo++, hi--) {
        uint32_t t = *lo;
        *lo = hi[-1];
        hi[-1] = t;
    }
    uint32_t vecs = 0;
    for (uint32_t i = 0; !c.err && i < c.q_len; i++) {
        uint32_t op = node_at(out->w, c.queue[i].node)->op;
        if (op == OP_OPT_FLAG || op == OP_VARIANT) mark_opt(out->w, c.queue[i].node);
        vecs += op == OP_VEC;
    }
    /* Records after their fields' leafness is known. */
    for (uint32_t i = 0; !c.err && vecs && i < c.q_len; i++) {
        const pnode *nd = node_at(out->w, c.queue[i].node);
        if (nd->op == OP_VEC) mark_record(out->w, nd->vec.child);
    }
    return c.err;
}
