/* Parsing and validating a message header: "DIDL", the type table and the
 * argument types (spec section "Binary Format"). The result is a candid_type
 * graph over work memory, so the rest of the decoder (subtyping, plans)
 * compares wire types and expected types with one vocabulary. */
#include "candid/wire.h"
#include "internal.h"

typedef struct cursor {
    const uint8_t *buf;
    size_t len;
    size_t pos;
} cursor;

/* The parser's helpers are inlined into candid__parse_header so that the
 * cursor lives in locals: a cursor whose address escapes sits in memory,
 * and on Wasm every byte read then pays a load and a store of the position
 * (the rare func and service entries work on a copy). */
#define HOT CANDID_INLINE

/* Counts and lengths are mostly one byte, field ids (hashes) four or five:
 * both read without a loop, before the general reader's 64-bit one. */
HOT candid_status get_leb(cursor *c, uint64_t *v) {
    size_t p = c->pos;
    const uint8_t *b = c->buf + p;
    if (p < c->len && b[0] < 0x80) {
        c->pos = p + 1;
        *v = b[0];
        return CANDID_OK;
    }
    if (c->len - p >= 5) {
        uint32_t x = (uint32_t)(b[0] & 0x7f) | (uint32_t)(b[1] & 0x7f) << 7;
        size_t n = 2;
        if (b[1] >= 0x80) {
            x |= (uint32_t)(b[2] & 0x7f) << 14;
            n = 3;
            if (b[2] >= 0x80) {
                x |= (uint32_t)(b[3] & 0x7f) << 21;
                n = 4;
                if (b[3] >= 0x80) {
                    /* the fifth byte holds bits 28..31 */
                    if (b[4] > 0x0f) return candid__leb(c->buf, c->len, &c->pos, v);
                    x |= (uint32_t)b[4] << 28;
                    n = 5;
                }
            }
        }
        c->pos = p + n;
        *v = x;
        return CANDID_OK;
    }
    return candid__leb(c->buf, c->len, &c->pos, v);
}

/* A type reference: a primitive opcode or an index into the table. Both
 * are one byte in all but tables of more than 64 entries. */
HOT candid_status get_ref(cursor *c, candid_type *nodes, int64_t n,
                          const candid_type **out, int layout) {
    int64_t op;
    size_t at = c->pos;
    if (at < c->len && c->buf[at] < 0x80) {
        uint8_t b = c->buf[at];
        op = (int64_t)(b & 0x3f) - (int64_t)(b & 0x40);
        c->pos = at + 1;
    } else {
        candid_status st = candid__sleb(c->buf, c->len, &c->pos, &op);
        if (st) return st == CANDID_ERR_LEB_OVERFLOW ? CANDID_ERR_BAD_INDEX : st;
    }
    if (op >= 0) {
        if (op >= n) {
            c->pos = at;
            return CANDID_ERR_BAD_INDEX;
        }
        *out = &nodes[op];
        return CANDID_OK;
    }
    int64_t kind = op < -(int64_t)CANDID_FUTURE ? 0 : -op; /* no overflow at INT64_MIN */
    if ((kind >= CANDID_NULL && kind <= CANDID_EMPTY) || kind == CANDID_PRINCIPAL) {
        *out = layout ? candid_prim_type_big((candid_kind)kind)
                      : candid_prim_type((candid_kind)kind);
        return CANDID_OK;
    }
    c->pos = at;
    return CANDID_ERR_BAD_OPCODE;
}

HOT candid_status parse_fields(cursor *c, candid_type *nodes, int64_t n,
                                  candid_type *t, candid_arena *work,
                                  int layout) {
    uint64_t count;
    candid_status st = get_leb(c, &count);
    if (st) return st;
    /* Each field takes at least two bytes: reject impossible counts before
     * reserving memory for them. */
    if (count > (c->len - c->pos) / 2) return CANDID_ERR_TRUNCATED;
    candid_field *f = candid__alloc(work, (size_t)count * sizeof *f, _Alignof(candid_field));
    if (!f && count) return CANDID_ERR_WORK_FULL;
    uint64_t prev = 0;
    for (uint64_t i = 0; i < count; i++) {
        uint64_t id;
        size_t at = c->pos;
        st = get_leb(c, &id);
        if (st == CANDID_ERR_LEB_OVERFLOW || (!st && id > UINT32_MAX)) {
            c->pos = at;
            return CANDID_ERR_FIELD_ID;
        }
        if (st) return st;
        if (i > 0 && id <= prev) {
            c->pos = at;
            return CANDID_ERR_FIELD_ORDER;
        }
        prev = id;
        f[i].id = (uint32_t)id;
        f[i].offset = 0;
        f[i].name = NULL;
        st = get_ref(c, nodes, n, &f[i].type, layout);
        if (st) return st;
    }
    t->fields = f;
    t->count = (uint32_t)count;
    return CANDID_OK;
}

static __attribute__((noinline)) candid_status parse_refs(cursor *c, candid_type *nodes, int64_t n,
                                const candid_type **out, uint64_t count,
                                int layout) {
    for (uint64_t i = 0; i < count; i++) {
        candid_status st = get_ref(c, nodes, n, &out[i], layout);
        if (st) return st;
    }
    return CANDID_OK;
}

static __attribute__((noinline)) candid_status parse_func(cursor *c, candid_type *nodes, int64_t n,
                                candid_type *t, candid_arena *work, int layout) {
    uint64_t nargs, nres, nann;
    candid_status st = get_leb(c, &nargs);
    if (st) return st;
    if (nargs > c->len - c->pos) return CANDID_ERR_TRUNCATED;
    size_t at = c->pos;
    /* Results follow the arguments; count them before sizing the array. */
    cursor probe = *c;
    for (uint64_t i = 0; i < nargs; i++) {
        st = candid__skip_leb(probe.buf, probe.len, &probe.pos);
        if (st) return st;
    }
    st = get_leb(&probe, &nres);
    if (st) return st;
    if (nres > probe.len - probe.pos) return CANDID_ERR_TRUNCATED;
    const candid_type **refs = candid_arena_alloc(
        work, (size_t)(nargs + nres) * sizeof *refs, _Alignof(candid_type *));
    if (!refs && nargs + nres) return CANDID_ERR_WORK_FULL;
    c->pos = at;
    st = parse_refs(c, nodes, n, refs, nargs, layout);
    if (st) return st;
    c->pos = probe.pos;
    st = parse_refs(c, nodes, n, nres ? refs + nargs : NULL, nres, layout);
    if (st) return st;
    st = get_leb(c, &nann);
    if (st) return st;
    if (nann > c->len - c->pos) return CANDID_ERR_TRUNCATED;
    uint32_t ann = 0;
    for (uint64_t i = 0; i < nann; i++) {
        uint8_t a = c->buf[c->pos];
        if (a < 1 || a > 3) return CANDID_ERR_BAD_ANNOTATION;
        c->pos++;
        ann |= a == 1 ? CANDID_ANN_QUERY : a == 2 ? CANDID_ANN_ONEWAY : CANDID_ANN_COMPOSITE_QUERY;
    }
    t->args = refs;
    t->count = (uint32_t)nargs;
    t->count2 = (uint32_t)nres;
    t->aux = ann;
    return CANDID_OK;
}

static int name_less(const candid_method *a, const candid_method *b) {
    uint32_t m = a->name_len < b->name_len ? a->name_len : b->name_len;
    int r = CANDID_MEMCMP(a->name, b->name, m);
    return r < 0 || (r == 0 && a->name_len < b->name_len);
}

static __attribute__((noinline)) candid_status parse_service(cursor *c, candid_type *nodes, int64_t n,
                                   candid_type *t, candid_arena *work,
                                   int layout) {
    uint64_t count;
    candid_status st = get_leb(c, &count);
    if (st) return st;
    if (count > (c->len - c->pos) / 2) return CANDID_ERR_TRUNCATED;
    candid_method *m = candid_arena_alloc(work, (size_t)count * sizeof *m, _Alignof(candid_method));
    if (!m && count) return CANDID_ERR_WORK_FULL;
    for (uint64_t i = 0; i < count; i++) {
        uint64_t nlen;
        size_t at = c->pos;
        st = get_leb(c, &nlen);
        if (st == CANDID_ERR_LEB_OVERFLOW || (!st && nlen > UINT32_MAX)) return CANDID_ERR_FIELD_ID;
        if (st) return st;
        if (nlen > c->len - c->pos) return CANDID_ERR_TRUNCATED;
        if (!candid_utf8_valid(c->buf + c->pos, (size_t)nlen)) return CANDID_ERR_UTF8;
        m[i].name = (const char *)c->buf + c->pos;
        m[i].name_len = (uint32_t)nlen;
        c->pos += (size_t)nlen;
        if (i > 0 && !name_less(&m[i - 1], &m[i])) {
            c->pos = at;
            return CANDID_ERR_BAD_SERVICE;
        }
        st = get_ref(c, nodes, n, &m[i].type, layout);
        if (st) return st;
    }
    t->methods = m;
    t->count = (uint32_t)count;
    return CANDID_OK;
}

HOT candid_status parse_entry(cursor *c, candid_type *nodes, int64_t n,
                                 candid_type *t, candid_arena *work, int layout) {
    int64_t op;
    size_t at = c->pos;
    candid_status st = candid__sleb(c->buf, c->len, &c->pos, &op);
    if (st) return st == CANDID_ERR_LEB_OVERFLOW ? CANDID_ERR_BAD_OPCODE : st;
    if (op < -(int64_t)CANDID_PRINCIPAL) {
        /* A future type: its bytes are length-prefixed so that old decoders
         * can step over them. */
        uint64_t skip;
        st = get_leb(c, &skip);
        if (st) return st;
        if (skip > c->len - c->pos) return CANDID_ERR_TRUNCATED;
        c->pos += (size_t)skip;
        t->kind = CANDID_FUTURE;
        return CANDID_OK;
    }
    switch (op) {
    case -CANDID_OPT:
    case -CANDID_VEC:
        t->kind = (uint8_t)-op;
        if (layout) {
            t->repr = op == -CANDID_OPT ? CANDID_REPR_BOXED : 0;
        }
        st = get_ref(c, nodes, n, &t->inner, layout);
        if (!st && layout && op == -CANDID_VEC && t->inner->kind == CANDID_NAT8) {
            t->repr = CANDID_REPR_SLICE;
        }
        return st;
    case -CANDID_RECORD:
    case -CANDID_VARIANT:
        t->kind = (uint8_t)-op;
        if (layout) t->repr = CANDID_REPR_BOXED;
        return parse_fields(c, nodes, n, t, work, layout);
    case -CANDID_FUNC:
    case -CANDID_SERVICE: {
        cursor k = *c;
        t->kind = (uint8_t)-op;
        st = op == -CANDID_FUNC ? parse_func(&k, nodes, n, t, work, layout)
                                : parse_service(&k, nodes, n, t, work, layout);
        c->pos = k.pos;
        return st;
    }
    default:
        /* Primitives and indices are not constructors: the table holds
         * composite types only. */
        c->pos = at;
        return CANDID_ERR_BAD_OPCODE;
    }
}

candid_status candid__parse_header(const candid_limits *lim, const uint8_t *msg,
                                   size_t len, candid_arena *work,
                                   wire_header *h, size_t *err_off, int layout) {
    cursor c = {msg, len, 0};
    candid_status st;
    uint64_t n;
    CANDID_MEMSET(h, 0, sizeof *h);
    if (len < 4 || CANDID_MEMCMP(msg, "DIDL", 4) != 0) {
        *err_off = 0;
        return len < 4 && CANDID_MEMCMP(msg, "DIDL", len) == 0 ? CANDID_ERR_TRUNCATED
                                                                : CANDID_ERR_MAGIC;
    }
    c.pos = 4;
    st = get_leb(&c, &n);
    if (st) goto out;
    if (n > lim->max_table_entries) {
        st = CANDID_ERR_LIMIT;
        goto out;
    }
    if (n > len - c.pos) {
        st = CANDID_ERR_TRUNCATED;
        goto out;
    }
    /* in a local: stores through the parsed fields could alias h */
    candid_type *nodes = candid__alloc(work, (size_t)n * sizeof(candid_type), _Alignof(candid_type));
    h->nodes = nodes;
    if (!nodes && n) {
        st = CANDID_ERR_WORK_FULL;
        goto out;
    }
    CANDID_MEMSET(nodes, 0, (size_t)n * sizeof(candid_type));
    h->n_nodes = (uint32_t)n;
    for (uint64_t i = 0; i < n; i++) {
        st = parse_entry(&c, nodes, (int64_t)n, &nodes[i], work, layout);
        if (st) goto out;
        if (c.pos > lim->max_table_bytes) {
            st = CANDID_ERR_LIMIT;
            goto out;
        }
    }
    /* Method types may be forward references: check them once all entries
     * are known. */
    for (uint64_t i = 0; i < n; i++) {
        const candid_type *t = &h->nodes[i];
        if (t->kind != CANDID_SERVICE) continue;
        for (uint32_t m = 0; m < t->count; m++) {
            if (t->methods[m].type->kind != CANDID_FUNC) {
                st = CANDID_ERR_BAD_SERVICE;
                goto out;
            }
        }
    }
    uint64_t nargs;
    st = get_leb(&c, &nargs);
    if (st) goto out;
    if (nargs > len - c.pos) {
        st = CANDID_ERR_TRUNCATED;
        goto out;
    }
    candid_field *args = candid__alloc(work, (size_t)nargs * sizeof *args, _Alignof(candid_field));
    if (!args && nargs) {
        st = CANDID_ERR_WORK_FULL;
        goto out;
    }
    for (uint64_t i = 0; i < nargs; i++) {
        args[i].id = (uint32_t)i;
        args[i].offset = 0;
        args[i].name = NULL;
        st = get_ref(&c, nodes, (int64_t)n, &args[i].type, layout);
        if (st) goto out;
    }
    if (c.pos > lim->max_table_bytes) {
        st = CANDID_ERR_LIMIT;
        goto out;
    }
    h->args.kind = CANDID_RECORD;
    h->args.count = (uint32_t)nargs;
    h->args.fields = args;
    h->end = c.pos;
    if (layout) {
        st = candid_type_layout(h->nodes, h->n_nodes);
        if (!st) st = candid_type_layout(&h->args, 1);
    }
out:
    *err_off = c.pos;
    return st;
}
