/* Where a decode failed, in words: the failed decode is re-run by the
 * tracer (run.c), whose frames are the path from the argument to the
 * failing value; names come from the expected types along it. The decode
 * itself stays as fast as it is: the tracing happens only when asked. */
#include "internal.h"
#include "plan.h"

typedef struct text_out {
    char *buf;
    size_t cap, len;
    int full;
} text_out;

static void put(text_out *o, const char *s) {
    for (; *s; s++) {
        if (o->len + 1 >= o->cap) {
            o->full = 1;
            break;
        }
        o->buf[o->len++] = *s;
    }
    o->buf[o->len] = 0;
}

static void put_u64(text_out *o, uint64_t v) {
    char d[21];
    size_t n = sizeof d - 1;
    d[n] = 0;
    do {
        d[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(o, d + n);
}

static const char *const kind_names[] = {
    [CANDID_NULL] = "null",         [CANDID_BOOL] = "bool",       [CANDID_NAT] = "nat",
    [CANDID_INT] = "int",           [CANDID_NAT8] = "nat8",       [CANDID_NAT16] = "nat16",
    [CANDID_NAT32] = "nat32",       [CANDID_NAT64] = "nat64",     [CANDID_INT8] = "int8",
    [CANDID_INT16] = "int16",       [CANDID_INT32] = "int32",     [CANDID_INT64] = "int64",
    [CANDID_FLOAT32] = "float32",   [CANDID_FLOAT64] = "float64", [CANDID_TEXT] = "text",
    [CANDID_RESERVED] = "reserved", [CANDID_EMPTY] = "empty",     [CANDID_OPT] = "opt",
    [CANDID_VEC] = "vec",           [CANDID_RECORD] = "record",   [CANDID_VARIANT] = "variant",
    [CANDID_FUNC] = "func",         [CANDID_SERVICE] = "service", [CANDID_PRINCIPAL] = "principal",
    [CANDID_FUTURE] = "a future type",
};

static const char *kind_name(uint32_t k) {
    return k < sizeof kind_names / sizeof kind_names[0] && kind_names[k] ? kind_names[k] : "?";
}

/* The expected type under its options (the path does not name them). A
 * cycle of options has no other type under it. */
static const candid_type *unwrap(const candid_type *t) {
    for (int i = 0; t && t->kind == CANDID_OPT && i < 64; i++) t = t->inner;
    return t && t->kind != CANDID_OPT ? t : NULL;
}

static const candid_field *field_by_id(const candid_type *t, uint32_t kind, uint32_t id) {
    if (!t || t->kind != kind || !t->fields) return NULL;
    for (uint32_t i = 0; i < t->count; i++)
        if (t->fields[i].id == id) return &t->fields[i];
    return NULL;
}

/* ".name", or ".id" when the expected type does not name the field. */
static void put_field(text_out *o, const candid_field *f, uint32_t id) {
    put(o, ".");
    if (f && f->name && f->name[0]) {
        put(o, f->name);
    } else {
        put_u64(o, id);
    }
}

/* The path from the frames of the trace; returns the expected type of the
 * failing value (NULL when it is skipped or unknown). */
static const candid_type *put_path(text_out *o, const run_ctx *rc, const candid_type *args) {
    const uint32_t *P = rc->plan;
    const candid_type *e = args;
    for (size_t i = 0; i < rc->frames; i++) {
        uint32_t kind, node;
        uint64_t index;
        candid__frame_at(rc, i, &kind, &node, &index);
        const pnode *nd = node_at(P, node);
        uint32_t op = nd->op, first = nd->agg.first, count = nd->agg.count;
        const candid_field *f = NULL;
        uint32_t id;
        if (kind == TRACE_OPTION) continue;
        if (o->len) put(o, " ");
        switch (kind) {
        case TRACE_FIELD:
            id = P[first + (op == OP_RECORD ? 2 * count : count) + index];
            f = op == OP_RECORD ? field_by_id(unwrap(e), CANDID_RECORD, id) : NULL;
            if (node == rc->root) {
                put(o, "argument ");
                put_u64(o, id);
            } else {
                put_field(o, f, id);
            }
            e = f ? f->type : NULL;
            break;
        case TRACE_ELEMENT:
            put(o, "[");
            put_u64(o, index);
            put(o, "]");
            e = unwrap(e);
            e = op == OP_VEC && e && e->kind == CANDID_VEC ? e->inner : NULL;
            break;
        default: /* TRACE_CASE */
            if (op == OP_VARIANT) {
                uint32_t j = P[first + 3 * index];
                const candid_type *v = unwrap(e);
                id = P[first + 3 * count + index];
                if (j != NO_NODE && v && v->kind == CANDID_VARIANT && v->fields && j < v->count)
                    f = &v->fields[j];
            } else {
                id = P[first + count + index];
            }
            put_field(o, f, id);
            e = f ? f->type : NULL;
            break;
        }
    }
    return e;
}

/* What went wrong at the failing node. */
static void put_what(text_out *o, const run_ctx *rc, candid_status st, const candid_type *e) {
    const pnode *nd = node_at(rc->plan, rc->err_node);
    if (st != CANDID_ERR_TYPE_MISMATCH || nd->op != OP_FAIL) {
        put(o, candid_status_message(st));
        return;
    }
    if (!nd->fail.wire && !nd->fail.exp) {
        put(o, "a variant case the expected type lacks");
    } else if (nd->fail.is_field) {
        put(o, "expected record with field ");
        put_field(o, field_by_id(unwrap(e), CANDID_RECORD, nd->fail.id), nd->fail.id);
        put(o, ", found record without it");
    } else {
        put(o, "expected ");
        put(o, kind_name(nd->fail.exp));
        put(o, nd->fail.wire == nd->fail.exp ? ", found a " : ", found ");
        put(o, kind_name(nd->fail.wire));
        if (nd->fail.wire == nd->fail.exp) put(o, " of an incompatible type");
    }
}

candid_status candid_decoder_error_path(const candid_decoder *d, char *buf, size_t cap) {
    if (!d || !buf || !cap) return CANDID_ERR_ARGUMENT;
    buf[0] = 0;
    const candid_status st = d->_private.failed.status;
    if (!st) return CANDID_ERR_ARGUMENT;
    text_out o = {buf, cap, 0, 0};
    run_ctx rc;
    CANDID_MEMSET(&rc, 0, sizeof rc);
    candid_status traced = CANDID_OK;
    if (d->_private.failed.plan) {
        /* The frames go where the decode's went: below the plan. */
        size_t lost = (size_t)(-(uintptr_t)d->_private.work & 7);
        size_t avail = d->_private.work && d->_private.work_cap > lost ? (d->_private.work_cap - lost) & ~(size_t)3 : 0;
        size_t plan_bytes = (size_t)d->_private.failed.plan_len * 4;
        uint8_t none[8];
        candid_arena arena;
        candid_arena_init(&arena, none, 0);
        rc.lim = &d->limits;
        rc.plan = d->_private.failed.plan;
        rc.root = d->_private.failed.root;
        rc.msg = d->_private.failed.msg;
        rc.len = d->_private.failed.len;
        rc.arena = &arena;
        rc.stack = avail > plan_bytes ? (uint8_t *)d->_private.work + lost : NULL;
        rc.stack_cap = avail > plan_bytes ? avail - plan_bytes : 0;
        traced = candid__trace(&rc, d->_private.failed.start);
    }
    if (d->_private.failed.plan && traced == st && rc.err_off == d->error_offset) {
        const pnode *nd = node_at(rc.plan, rc.err_node);
        const candid_type *e;
        if (nd->op == OP_MISSING_ARG) {
            put(&o, "argument ");
            put_u64(&o, nd->missing.index);
            e = NULL;
        } else {
            e = put_path(&o, &rc, d->_private.failed.args);
        }
        if (o.len) put(&o, ": ");
        put_what(&o, &rc, st, e);
    } else {
        /* Failed before there was a plan (the header), or the trace could
         * not follow (its frames did not fit): no path. */
        put(&o, candid_status_message(st));
    }
    put(&o, " at byte ");
    put_u64(&o, d->error_offset);
    return o.full ? CANDID_ERR_BUFFER_FULL : CANDID_OK;
}
