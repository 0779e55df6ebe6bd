/* The types textual values have by themselves, for `candid encode` without
 * -t, as didc infers them. */
#include <string.h>

#include "stack.h"
#include "value.h"

typedef struct infer {
    candid_arena *arena;
    candid_type **nodes;
    size_t n, cap;
    tstack todo;
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

/* Fields to sort once their types are known (sort set), or a value whose
 * type goes to *dst. */
typedef struct task {
    const tv *v;
    const candid_type **dst;
    candid_type *sort;
} task;

static int later(infer *in, const tv *v, const candid_type **dst, candid_type *sort) {
    task *k = tstack_push(&in->todo);
    if (!k) {
        in->oom = 1;
        return 0;
    }
    *k = (task){v, dst, sort};
    return 1;
}

/* Record and variant fields sorted by id, as types require. */
static void sort_fields(candid_type *t) {
    candid_field *f = (candid_field *)t->fields;
    for (uint32_t i = 1; i < t->count; i++) {
        candid_field x = f[i];
        uint32_t j = i;
        while (j > 0 && f[j - 1].id > x.id) {
            f[j] = f[j - 1];
            j--;
        }
        f[j] = x;
    }
}

/* The type of v into *dst, or a node whose element types are scheduled. */
static int type_of(infer *in, const tv *v, const candid_type **dst) {
    candid_type *t;
    switch (v->kind) {
    case TV_NUM:
        *dst = candid_prim_type_big(v->num_float ? CANDID_FLOAT64 : CANDID_INT);
        return 1;
    case TV_TEXT:
        *dst = candid_prim_type_big(CANDID_TEXT);
        return 1;
    case TV_BOOL:
        *dst = candid_prim_type_big(CANDID_BOOL);
        return 1;
    case TV_NULL:
        *dst = candid_prim_type_big(CANDID_NULL);
        return 1;
    case TV_PRINCIPAL:
        *dst = candid_prim_type_big(CANDID_PRINCIPAL);
        return 1;
    case TV_ANNOT:
        *dst = v->annot;
        return 1;
    case TV_SERVICE:
    case TV_FUNC:
        return (*dst = node(in, v->kind == TV_SERVICE ? CANDID_SERVICE : CANDID_FUNC)) != NULL;
    case TV_OPT:
        if (!(t = node(in, CANDID_OPT))) return 0;
        t->repr = CANDID_REPR_BOXED;
        *dst = t;
        return later(in, v->child, &t->inner, NULL);
    case TV_BLOB:
        if (!(t = node(in, CANDID_VEC))) return 0;
        t->inner = candid_prim_type_big(CANDID_NAT8);
        t->repr = CANDID_REPR_SLICE;
        *dst = t;
        return 1;
    case TV_VEC:
        if (!(t = node(in, CANDID_VEC))) return 0;
        *dst = t;
        if (v->nitems) return later(in, v->items[0], &t->inner, NULL);
        t->inner = candid_prim_type_big(CANDID_EMPTY);
        return 1;
    default: { /* record, variant */
        t = node(in, v->kind == TV_RECORD ? CANDID_RECORD : CANDID_VARIANT);
        candid_field *f = candid_arena_alloc(in->arena, (v->nfields + 1) * sizeof *f, _Alignof(candid_field));
        if (!t || !f) {
            in->oom = 1;
            return 0;
        }
        t->repr = CANDID_REPR_BOXED;
        t->fields = f;
        t->count = v->nfields;
        *dst = t;
        /* sorted after the fields' types are in: scheduled before them */
        if (!later(in, NULL, NULL, t)) return 0;
        for (uint32_t i = v->nfields; i-- > 0;) {
            f[i].id = v->fields[i].id;
            f[i].name = v->fields[i].name;
            f[i].offset = 0;
            if (!later(in, v->fields[i].val, &f[i].type, NULL)) return 0;
        }
        return 1;
    }
    }
}

/* The types of the values, with a heap worklist instead of recursion. */
static int infer_all(infer *in, const tv *v, const candid_type **dst) {
    int ok = later(in, v, dst, NULL);
    task *k;
    while (ok && (k = tstack_top(&in->todo))) {
        task cur = *k;
        tstack_pop(&in->todo);
        if (cur.sort) sort_fields(cur.sort);
        else ok = type_of(in, cur.v, cur.dst);
    }
    return ok;
}

candid_status candid_text_infer_args(const char *src, size_t len, const candid_type **args,
                                     candid_arena *arena, candid_idl *idl,
                                     candid_syntax_error *err) {
    tv_parser p;
    const tv *list = tv_parse_args(&p, src, len, arena, idl);
    if (!list) return idl_error(&p.lx, err);
    tv *const *items = list->items;
    uint32_t n = list->nitems;
    infer in = {arena, NULL, 0, 0, tstack_new(sizeof(task)), 0};
    candid_type *r = node(&in, CANDID_RECORD);
    candid_field *f = candid_arena_alloc(arena, (n + 1) * sizeof *f, _Alignof(candid_field));
    if (r && f) {
        memset(f, 0, (n + 1) * sizeof *f);
        for (uint32_t i = 0; i < n; i++) {
            f[i].id = i;
            if (!infer_all(&in, items[i], &f[i].type)) break;
        }
        r->fields = f;
        r->count = n;
    }
    tstack_free(&in.todo);
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
