/* The types textual values have by themselves, for `candid encode` without
 * -t, as didc infers them. */
#include <string.h>

#include "value.h"

typedef struct infer {
    candid_arena *arena;
    candid_type **nodes;
    size_t n, cap;
    int oom;
} infer;

static candid_type *node(infer *in, candid_kind k) {
    candid_type *t = candid_arena_alloc(in->arena, sizeof *t, _Alignof(candid_type));
    if (in->n == in->cap) {
        size_t cap = in->cap ? 2 * in->cap : 32;
        candid_type **g = candid_arena_alloc(in->arena, cap * sizeof *g, _Alignof(candid_type *));
        if (g && in->n) memcpy(g, in->nodes, in->n * sizeof *g);
        in->nodes = g;
        in->cap = cap;
    }
    if (!t || !in->nodes) {
        in->oom = 1;
        return NULL;
    }
    memset(t, 0, sizeof *t);
    t->kind = (uint8_t)k;
    in->nodes[in->n++] = t;
    return t;
}

static const candid_type *type_of(infer *in, const tv *v) {
    candid_type *t;
    switch (v->kind) {
    case TV_NUM:
        return candid_prim_type_big(v->num_float ? CANDID_FLOAT64 : CANDID_INT);
    case TV_TEXT:
        return candid_prim_type_big(CANDID_TEXT);
    case TV_BOOL:
        return candid_prim_type_big(CANDID_BOOL);
    case TV_NULL:
        return candid_prim_type_big(CANDID_NULL);
    case TV_PRINCIPAL:
        return candid_prim_type_big(CANDID_PRINCIPAL);
    case TV_ANNOT:
        return v->annot;
    case TV_OPT:
        t = node(in, CANDID_OPT);
        if (!t || !(t->inner = type_of(in, v->child))) return NULL;
        t->repr = CANDID_REPR_BOXED;
        return t;
    case TV_BLOB:
        t = node(in, CANDID_VEC);
        if (!t) return NULL;
        t->inner = candid_prim_type_big(CANDID_NAT8);
        t->repr = CANDID_REPR_SLICE;
        return t;
    case TV_VEC:
        t = node(in, CANDID_VEC);
        if (!t) return NULL;
        t->inner = v->nitems ? type_of(in, v->items[0]) : candid_prim_type_big(CANDID_EMPTY);
        if (t->inner && t->inner->kind == CANDID_NAT8) t->repr = CANDID_REPR_SLICE;
        return t->inner ? t : NULL;
    case TV_SERVICE:
        return node(in, CANDID_SERVICE);
    case TV_FUNC:
        return node(in, CANDID_FUNC);
    default: { /* record, variant */
        t = node(in, v->kind == TV_RECORD ? CANDID_RECORD : CANDID_VARIANT);
        candid_field *f = candid_arena_alloc(in->arena, (v->nfields + 1) * sizeof *f, _Alignof(candid_field));
        if (!t || !f) {
            in->oom = 1;
            return NULL;
        }
        t->repr = CANDID_REPR_BOXED;
        for (uint32_t i = 0; i < v->nfields; i++) {
            f[i].id = v->fields[i].id;
            f[i].name = v->fields[i].name;
            f[i].offset = 0;
            if (!(f[i].type = type_of(in, v->fields[i].val))) return NULL;
        }
        /* sorted by id, as types require */
        for (uint32_t i = 1; i < v->nfields; i++) {
            candid_field x = f[i];
            uint32_t j = i;
            while (j > 0 && f[j - 1].id > x.id) {
                f[j] = f[j - 1];
                j--;
            }
            f[j] = x;
        }
        t->fields = f;
        t->count = v->nfields;
        return t;
    }
    }
}

candid_status candid_text_infer_args(const char *src, size_t len, const candid_type **args,
                                     candid_arena *arena, candid_idl *idl,
                                     candid_syntax_error *err) {
    tv_parser p;
    uint32_t n;
    tv **items = tv_parse_args(&p, src, len, arena, idl, &n);
    if (!items) return idl_error(&p.lx, err);
    infer in = {arena, NULL, 0, 0, 0};
    candid_type *r = node(&in, CANDID_RECORD);
    candid_field *f = candid_arena_alloc(arena, (n + 1) * sizeof *f, _Alignof(candid_field));
    if (r && f) {
        memset(f, 0, (n + 1) * sizeof *f);
        for (uint32_t i = 0; i < n; i++) {
            f[i].id = i;
            if (!(f[i].type = type_of(&in, items[i]))) break;
        }
        r->fields = f;
        r->count = n;
    }
    candid_status st = CANDID_OK;
    if (in.oom || !r || !f) st = CANDID_ERR_ARENA_FULL;
    if (!st) st = candid_type_layout_list(in.nodes, in.n);
    if (err) {
        err->status = st;
        err->line = err->column = 0;
        err->message = st ? "cannot build the value's type" : NULL;
    }
    if (!st) *args = r;
    return st;
}
