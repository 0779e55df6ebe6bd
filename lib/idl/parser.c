/* The .did type grammar (the spec's "Core Grammar", its shorthands and the
 * leniencies of the reference parser) into candid_type graphs with the
 * generic layout. Names refer to one node per definition, so recursive
 * definitions become cyclic graphs. Every open construct (opt, vec, record,
 * variant, argument list, service) is a frame on a heap stack, so nesting
 * is bounded by memory and input size, never by the native stack. */
#include <stdlib.h>
#include <string.h>

#include "parser.h"

static const struct {
    const char *name;
    candid_kind kind;
} prims[] = {
    {"null", CANDID_NULL},       {"bool", CANDID_BOOL},       {"nat", CANDID_NAT},
    {"int", CANDID_INT},         {"nat8", CANDID_NAT8},       {"nat16", CANDID_NAT16},
    {"nat32", CANDID_NAT32},     {"nat64", CANDID_NAT64},     {"int8", CANDID_INT8},
    {"int16", CANDID_INT16},     {"int32", CANDID_INT32},     {"int64", CANDID_INT64},
    {"float32", CANDID_FLOAT32}, {"float64", CANDID_FLOAT64}, {"text", CANDID_TEXT},
    {"reserved", CANDID_RESERVED}, {"empty", CANDID_EMPTY},   {"principal", CANDID_PRINCIPAL},
};

/* The reference lexer's keywords. Primitive type names other than null and
 * principal are identifiers there, so they may name fields, cases,
 * methods, arguments and even definitions (which a use of the name never
 * reaches: the primitive wins). */
static const char *const keywords[] = {
    "type",  "import",          "service", "func",      "opt",  "vec",
    "record", "variant",        "blob",    "query",     "oneway",
    "composite_query", "null",  "principal", "true",    "false",
};

int idl_is_keyword(const token *t) {
    if (t->kind != TK_ID) return 0;
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (t->len == strlen(keywords[i]) && memcmp(t->start, keywords[i], t->len) == 0) return 1;
    return 0;
}

void candid_idl_init(candid_idl *idl, candid_arena *arena) {
    memset(idl, 0, sizeof *idl);
    idl->arena = arena;
}

void idl_parser_init(idl_parser *p, candid_idl *idl, lexer *lx) {
    memset(p, 0, sizeof *p);
    p->idl = idl;
    p->lx = lx;
}

candid_status idl_error(const lexer *lx, candid_syntax_error *err) {
    if (err) {
        err->status = lx->err;
        err->line = lx->err_line;
        err->column = lx->err_col;
        err->message = lx->err_msg;
        err->file = NULL;
    }
    return lx->err;
}

static void *alloc(idl_parser *p, size_t size, size_t align) {
    void *m = candid_arena_alloc(p->idl->arena, size, align);
    if (!m) {
        lex_error(p->lx, CANDID_ERR_ARENA_FULL, "out of memory");
        return NULL;
    }
    memset(m, 0, size);
    return m;
}

static candid_type *new_node(idl_parser *p, candid_kind kind) {
    candid_type *t = alloc(p, sizeof *t, _Alignof(candid_type));
    if (!t) return NULL;
    t->kind = (uint8_t)kind;
    if (!(p->nodes = lex_reserve(p->lx, p->nodes, p->n, &p->cap, sizeof *p->nodes))) return NULL;
    p->nodes[p->n++] = t;
    return t;
}

static int expect(idl_parser *p, tok_kind k, const char *msg) {
    if (p->lx->tok.kind != k) {
        lex_error(p->lx, CANDID_ERR_SYNTAX, msg);
        return 0;
    }
    lex_next(p->lx);
    return 1;
}

static size_t name_hash(const char *name, size_t len) {
    size_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) h = (h ^ (uint8_t)name[i]) * 16777619u;
    return h;
}

/* The index slot of a name: its definition's, or the empty one to take. */
static candid_idl_def **slot(const candid_idl *idl, const char *name, size_t len) {
    size_t mask = idl->index_cap - 1, i = name_hash(name, len) & mask;
    for (;; i = (i + 1) & mask) {
        candid_idl_def *d = idl->index[i];
        if (!d || (d->len == len && memcmp(d->name, name, len) == 0)) return &idl->index[i];
    }
}

candid_idl_def *idl_find_def(const candid_idl *idl, const char *name, size_t len) {
    return idl->index_cap ? *slot(idl, name, len) : NULL;
}

void idl_forget_unbound(candid_idl *idl, const candid_idl_def *since) {
    candid_idl_def **link = &idl->defs;
    while (*link != since) {
        candid_idl_def *d = *link;
        if (d->defined) {
            link = &d->next;
        } else {
            *link = d->next;
            idl->count--;
        }
    }
    memset(idl->index, 0, idl->index_cap * sizeof *idl->index);
    for (candid_idl_def *e = idl->defs; e; e = e->next) *slot(idl, e->name, e->len) = e;
}

/* Adds d to the index, doubling it (in the arena) at half full. */
static int index_def(idl_parser *p, candid_idl_def *d) {
    candid_idl *idl = p->idl;
    if (2 * (idl->count + 1) > idl->index_cap) {
        size_t cap = idl->index_cap ? 2 * idl->index_cap : 64;
        candid_idl_def **index = alloc(p, cap * sizeof *index, _Alignof(candid_idl_def *));
        if (!index) return 0;
        idl->index = index;
        idl->index_cap = cap;
        for (candid_idl_def *e = idl->defs; e; e = e->next) *slot(idl, e->name, e->len) = e;
    }
    *slot(idl, d->name, d->len) = d;
    idl->count++;
    return 1;
}

/* The definition for a name, created on first mention. Its node carries
 * the name from the start, which is how a definition's right side is
 * recognised as a bare name (an alias). */
static candid_idl_def *def_for(idl_parser *p, const token *t) {
    candid_idl_def *d = idl_find_def(p->idl, t->start, t->len);
    if (d) return d;
    d = alloc(p, sizeof *d, _Alignof(candid_idl_def));
    if (!d) return NULL;
    char *name = alloc(p, t->len + 1, 1);
    d->node = new_node(p, CANDID_NULL);
    if (!name || !d->node) return NULL;
    memcpy(name, t->start, t->len);
    d->node->kind = 0; /* not defined yet */
    d->node->name = name;
    d->name = name;
    d->len = t->len;
    d->file = p->file;
    d->line = t->line;
    d->col = t->col;
    if (!index_def(p, d)) return NULL;
    d->next = p->idl->defs;
    p->idl->defs = d;
    return d;
}

/* A field, case, method or argument name: an identifier or a text. */
static int name_token(const token *t) {
    return (t->kind == TK_ID && !idl_is_keyword(t)) || t->kind == TK_TEXT;
}

static const char *name_copy(idl_parser *p, const token *t, size_t *len) {
    const char *src = t->kind == TK_TEXT ? (const char *)t->text : t->start;
    size_t n = t->kind == TK_TEXT ? t->text_len : t->len;
    if (t->kind == TK_TEXT && (!t->text_utf8 || memchr(src, 0, n))) {
        lex_error_at(p->lx, t, CANDID_ERR_SYNTAX, "a name must be valid UTF-8 without NUL");
        return NULL;
    }
    char *s = alloc(p, n + 1, 1);
    if (!s) return NULL;
    memcpy(s, src, n);
    *len = n;
    return s;
}

/* A field id written as a number (decimal or hex, `_` allowed), < 2^32. */
static int field_number(idl_parser *p, const token *t, uint32_t *id) {
    uint64_t v = 0;
    size_t i = 0;
    int hex = t->len > 2 && t->start[0] == '0' && (t->start[1] == 'x' || t->start[1] == 'X');
    /* The reference lexes 0X10 as hex but then fails to read it: agree. */
    if (t->num_float || t->start[0] == '-' || t->start[0] == '+' || (hex && t->start[2] == '_') ||
        (hex && t->start[1] == 'X'))
        goto bad;
    for (i = hex ? 2 : 0; i < t->len; i++) {
        char c = t->start[i];
        if (c == '_') continue;
        unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0') : (unsigned)((c | 0x20) - 'a' + 10);
        v = v * (hex ? 16 : 10) + d;
        if (v > UINT32_MAX) goto bad;
    }
    *id = (uint32_t)v;
    return 1;
bad:
    lex_error_at(p->lx, t, CANDID_ERR_SYNTAX, "field id must be a natural number below 2^32");
    return 0;
}

/* One open construct. Lists (fields, arguments, methods) collect their
 * items here until their closing token. */
typedef enum frame_kind {
    F_OPT, F_VEC,          /* waiting for the inner type */
    F_RECORD, F_VARIANT,   /* fields */
    F_ARGS, F_RESULTS,     /* a function's argument and result lists */
    F_TUPLE,               /* an argument list on its own: a record */
    F_METHODS              /* a service's methods */
} frame_kind;

typedef struct arg_name {
    const char *s;
    size_t len;
} arg_name;

typedef struct frame {
    frame_kind kind;
    uint32_t line, col;        /* where the construct starts, for its errors */
    candid_type *node;         /* the record, variant or service being filled */
    void *items;               /* fields, types or methods so far */
    size_t n, cap;
    arg_name *names;           /* argument lists: the names given */
    size_t nnames, names_cap;
    uint32_t next_id;          /* record: the id of a field without a label */
    const candid_type **args;  /* F_RESULTS: the function's arguments */
    uint32_t nargs;
} frame;

typedef struct stack {
    frame *f;
    size_t n, cap;
} stack;

static frame *push(idl_parser *p, stack *st, frame_kind kind, const token *at) {
    if (st->n == st->cap) {
        size_t cap = st->cap ? 2 * st->cap : 32;
        frame *f = cap <= SIZE_MAX / sizeof *f ? realloc(st->f, cap * sizeof *f) : NULL;
        if (!f) {
            lex_error(p->lx, CANDID_ERR_ARENA_FULL, "out of memory");
            return NULL;
        }
        st->f = f;
        st->cap = cap;
    }
    frame *f = &st->f[st->n++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->line = at->line;
    f->col = at->col;
    return f;
}

static int is_tuple(frame_kind k) {
    return k == F_ARGS || k == F_RESULTS || k == F_TUPLE;
}

/* Opens a list at its '{' or '(' (at: the keyword, where errors about a
 * record, variant or service point). */
static int open_list(idl_parser *p, stack *st, frame_kind kind, const token *at) {
    frame *f = push(p, st, kind, is_tuple(kind) ? &p->lx->tok : at);
    if (!f) return 0;
    if (is_tuple(kind)) return expect(p, TK_LPAREN, "expected '('");
    if (!expect(p, TK_LBRACE, "expected '{'")) return 0;
    candid_kind k = kind == F_RECORD ? CANDID_RECORD : kind == F_VARIANT ? CANDID_VARIANT : CANDID_SERVICE;
    if (!(f->node = new_node(p, k))) return 0;
    if (kind != F_METHODS) f->node->repr = CANDID_REPR_BOXED;
    return 1;
}

/* The type constructors that open a list. */
static const struct {
    const char *keyword;
    frame_kind kind;
} lists[] = {
    {"record", F_RECORD}, {"variant", F_VARIANT}, {"func", F_ARGS}, {"service", F_METHODS},
};

/* The start of a type: a complete leaf (primitive, blob, name), or NULL
 * with frames pushed for what opened (or with an error recorded). */
static candid_type *open_type(idl_parser *p, stack *st) {
    lexer *lx = p->lx;
    while (!lx->err) {
        token t = lx->tok;
        if (t.kind != TK_ID) {
            lex_error(lx, CANDID_ERR_SYNTAX, "expected a type");
            return NULL;
        }
        for (size_t i = 0; i < sizeof prims / sizeof prims[0]; i++) {
            if (lex_is(lx, prims[i].name)) {
                lex_next(lx);
                return (candid_type *)candid_prim_type_big(prims[i].kind);
            }
        }
        if (lex_is(lx, "opt") || lex_is(lx, "vec")) {
            if (!push(p, st, lex_is(lx, "opt") ? F_OPT : F_VEC, &t)) return NULL;
            lex_next(lx);
            continue;
        }
        if (lex_is(lx, "blob")) {
            lex_next(lx);
            candid_type *n = new_node(p, CANDID_VEC);
            if (n) n->inner = candid_prim_type_big(CANDID_NAT8);
            return n;
        }
        for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
            if (lex_is(lx, lists[i].keyword)) {
                lex_next(lx);
                open_list(p, st, lists[i].kind, &t);
                return NULL;
            }
        }
        if (idl_is_keyword(&t)) {
            lex_error(lx, CANDID_ERR_SYNTAX, "expected a type");
            return NULL;
        }
        candid_idl_def *d = def_for(p, &t);
        lex_next(lx);
        return d ? d->node : NULL;
    }
    return NULL;
}

/* Room for item f->n of f's list. */
static void *reserve_item(idl_parser *p, frame *f) {
    size_t size = f->kind == F_METHODS ? sizeof(candid_method)
                : is_tuple(f->kind)    ? sizeof(const candid_type *) : sizeof(candid_field);
    f->items = lex_reserve(p->lx, f->items, f->n, &f->cap, size);
    return f->items ? (uint8_t *)f->items + f->n * size : NULL;
}

/* A record field's or variant case's label. Returns 1 when a type
 * follows, 0 for a case without one (its type is null), -1 on error. */
static int field_label(idl_parser *p, frame *f) {
    lexer *lx = p->lx;
    candid_field *fd = reserve_item(p, f);
    if (!fd) return -1;
    token first = lx->tok;
    lex_mark m = lex_save(lx);
    lex_next(lx);
    if (lx->err) return -1;
    int colon = lx->tok.kind == TK_COLON;
    if (first.kind == TK_NUM && (colon || f->kind == F_VARIANT)) {
        if (!field_number(p, &first, &fd->id)) return -1;
    } else if (name_token(&first) && (colon || f->kind == F_VARIANT)) {
        size_t len;
        if (!(fd->name = name_copy(p, &first, &len))) return -1;
        fd->id = candid_hash(fd->name, len);
    } else if (f->kind == F_RECORD) {
        lex_restore(lx, m); /* the type alone: the id follows the previous one */
        fd->id = f->next_id;
        f->next_id = fd->id + 1;
        return 1;
    } else {
        lex_error_at(lx, &first, CANDID_ERR_SYNTAX, "expected a variant case name or number");
        return -1;
    }
    f->next_id = fd->id + 1;
    if (!colon) return 0;
    lex_next(lx);
    return 1;
}

/* An argument's optional "name :", kept to reject a name given twice. */
static int arg_label(idl_parser *p, frame *f) {
    lexer *lx = p->lx;
    token t = lx->tok;
    if (!name_token(&t)) return 1;
    lex_mark m = lex_save(lx);
    lex_next(lx);
    if (lx->err) return 0;
    if (lx->tok.kind != TK_COLON) {
        lex_restore(lx, m);
        return 1;
    }
    lex_next(lx);
    if (!(f->names = lex_reserve(lx, f->names, f->nnames, &f->names_cap, sizeof *f->names))) return 0;
    arg_name *a = &f->names[f->nnames++];
    a->s = t.kind == TK_TEXT ? (const char *)t.text : t.start;
    a->len = t.kind == TK_TEXT ? t.text_len : t.len;
    return 1;
}

/* "name :" of a method, then its type: a function type (pushed) or a type
 * name (returned, checked to be a function in idl_finish). */
static candid_type *method_head(idl_parser *p, stack *st) {
    lexer *lx = p->lx;
    frame *f = &st->f[st->n - 1];
    candid_method *m = reserve_item(p, f);
    if (!m) return NULL;
    if (!name_token(&lx->tok)) {
        lex_error(lx, CANDID_ERR_SYNTAX, "expected a method name");
        return NULL;
    }
    size_t len;
    if (!(m->name = name_copy(p, &lx->tok, &len))) return NULL;
    m->name_len = (uint32_t)len;
    lex_next(lx);
    if (!expect(p, TK_COLON, "expected ':'")) return NULL;
    token t = lx->tok;
    if (t.kind == TK_LPAREN) {
        open_list(p, st, F_ARGS, &t);
        return NULL;
    }
    if (t.kind != TK_ID || idl_is_keyword(&t)) {
        lex_error(lx, CANDID_ERR_SYNTAX, "expected a function type or a type name");
        return NULL;
    }
    candid_idl_def *d = def_for(p, &t);
    if (!d) return NULL;
    p->refs = lex_reserve(lx, p->refs, p->nrefs, &p->refs_cap, sizeof *p->refs);
    if (!p->refs) return NULL;
    idl_method_ref r = {d->node, p->file, t.line, t.col};
    p->refs[p->nrefs++] = r;
    lex_next(lx);
    return d->node;
}

/* Stores a parsed type as the type of the list's current item. */
static int add_item(idl_parser *p, frame *f, candid_type *v) {
    if (is_tuple(f->kind)) {
        const candid_type **a = reserve_item(p, f);
        if (!a) return 0;
        *a = v;
    } else if (f->kind == F_METHODS) {
        ((candid_method *)f->items)[f->n].type = v;
    } else {
        ((candid_field *)f->items)[f->n].type = v;
    }
    f->n++;
    return 1;
}

/* After an item: its separator, or the list's end (left for the caller). */
static int after_item(idl_parser *p, const frame *f) {
    lexer *lx = p->lx;
    int tuple = is_tuple(f->kind);
    if (lx->tok.kind == (tuple ? TK_COMMA : TK_SEMI)) {
        lex_next(lx);
        return 1;
    }
    if (lx->tok.kind == (tuple ? TK_RPAREN : TK_RBRACE)) return 1;
    lex_error(lx, CANDID_ERR_SYNTAX, tuple ? "expected ',' or ')'" : "expected ';' or '}'");
    return 0;
}

static int field_cmp(const void *a, const void *b) {
    uint32_t x = ((const candid_field *)a)->id, y = ((const candid_field *)b)->id;
    return x < y ? -1 : x > y;
}

static int bytes_cmp(const char *a, size_t na, const char *b, size_t nb) {
    int r = memcmp(a, b, na < nb ? na : nb);
    return r ? r : na < nb ? -1 : na > nb;
}

static int method_cmp(const void *a, const void *b) {
    const candid_method *x = a, *y = b;
    return bytes_cmp(x->name, x->name_len, y->name, y->name_len);
}

static int name_cmp(const void *a, const void *b) {
    const arg_name *x = a, *y = b;
    return bytes_cmp(x->s, x->len, y->s, y->len);
}

/* Sorts n items with cmp and says whether two are equal. */
static int sort_unique(void *items, size_t n, size_t size, int (*cmp)(const void *, const void *)) {
    if (n < 2) return 1;
    qsort(items, n, size, cmp);
    for (size_t i = 1; i < n; i++)
        if (!cmp((uint8_t *)items + (i - 1) * size, (uint8_t *)items + i * size)) return 0;
    return 1;
}

int idl_sort_methods(candid_method *m, size_t n) {
    return sort_unique(m, n, sizeof *m, method_cmp);
}

/* "-> (" after a function's arguments: the frame now collects results. */
static void start_results(idl_parser *p, frame *f) {
    f->args = f->items;
    f->nargs = (uint32_t)f->n;
    f->items = NULL;
    f->n = f->cap = f->nnames = 0;
    if (!expect(p, TK_ARROW, "expected '->'")) return;
    f->kind = F_RESULTS;
    f->line = p->lx->tok.line;
    f->col = p->lx->tok.col;
    expect(p, TK_LPAREN, "expected '('");
}

/* A function type from its argument and result lists, and its annotation. */
static candid_type *make_func(idl_parser *p, const frame *f) {
    lexer *lx = p->lx;
    uint32_t na = f->nargs, nr = (uint32_t)f->n;
    candid_type *t = new_node(p, CANDID_FUNC);
    const candid_type **all = alloc(p, (na + nr + 1) * sizeof *all, _Alignof(candid_type *));
    if (!t || !all) return NULL;
    if (na) memcpy(all, f->args, na * sizeof *all);
    if (nr) memcpy(all + na, f->items, nr * sizeof *all);
    t->args = all;
    t->count = na;
    t->count2 = nr;
    token ann = lx->tok;
    for (;;) {
        uint8_t a = lex_is(lx, "query") ? CANDID_ANN_QUERY : lex_is(lx, "oneway") ? CANDID_ANN_ONEWAY
                  : lex_is(lx, "composite_query") ? CANDID_ANN_COMPOSITE_QUERY : 0;
        if (!a) break;
        if (t->aux) {
            lex_error(lx, CANDID_ERR_BAD_TYPE, "a function has at most one annotation");
            return NULL;
        }
        t->aux = a;
        ann = lx->tok;
        lex_next(lx);
    }
    if ((t->aux & CANDID_ANN_ONEWAY) && nr) {
        lex_error_at(lx, &ann, CANDID_ERR_BAD_TYPE, "a oneway function has no results");
        return NULL;
    }
    return t;
}

/* The record (ids 0..n-1) of an argument list on its own. */
static candid_type *make_tuple_record(idl_parser *p, const frame *f) {
    candid_type *r = new_node(p, CANDID_RECORD);
    candid_field *fs = alloc(p, (f->n + 1) * sizeof *fs, _Alignof(candid_field));
    if (!r || !fs) return NULL;
    const candid_type **a = f->items;
    for (uint32_t i = 0; i < f->n; i++) {
        fs[i].id = i;
        fs[i].type = a[i];
    }
    r->fields = fs;
    r->count = (uint32_t)f->n;
    return r;
}

/* At the list's closing token: the finished type (its frame popped), or
 * NULL when parsing goes on (a function's results follow its arguments)
 * or on error. */
static candid_type *close_list(idl_parser *p, stack *st) {
    lexer *lx = p->lx;
    frame *f = &st->f[st->n - 1];
    lex_next(lx);
    if (is_tuple(f->kind) && !sort_unique(f->names, f->nnames, sizeof *f->names, name_cmp)) {
        lex_error_pos(lx, f->line, f->col, CANDID_ERR_BAD_TYPE, "an argument name is used twice");
        return NULL;
    }
    candid_type *t = f->node;
    switch (f->kind) {
    case F_ARGS:
        start_results(p, f);
        return NULL;
    case F_RESULTS:
        t = make_func(p, f);
        break;
    case F_TUPLE:
        t = make_tuple_record(p, f);
        break;
    case F_METHODS:
        if (!idl_sort_methods(f->items, f->n)) {
            lex_error_pos(lx, f->line, f->col, CANDID_ERR_BAD_TYPE, "a method name is used twice");
            return NULL;
        }
        t->methods = f->items;
        t->count = (uint32_t)f->n;
        break;
    default:
        /* offset holds the declaration index until the layout sets it */
        for (size_t k = 0; k < f->n; k++) ((candid_field *)f->items)[k].offset = (uint32_t)k;
        if (!sort_unique(f->items, f->n, sizeof(candid_field), field_cmp)) {
            lex_error_pos(lx, f->line, f->col, CANDID_ERR_BAD_TYPE,
                          "a field id is used twice (or two names hash alike)");
            return NULL;
        }
        if (!idl_keep_order(p->idl, f->items, f->n)) {
            lex_error(lx, CANDID_ERR_ARENA_FULL, "out of memory");
            return NULL;
        }
        t->fields = f->items;
        t->count = (uint32_t)f->n;
        break;
    }
    st->n--;
    return t;
}

typedef enum start { START_TYPE, START_TUPLE, START_ACTOR } start;

/* The pushdown parser: `type` reads the start of a type, `reduce` hands a
 * finished type to the construct around it, `item` starts the next item
 * of the innermost list (or closes it). */
static candid_type *run(idl_parser *p, start what) {
    lexer *lx = p->lx;
    stack st = {0};
    candid_type *v = NULL;
    frame *f;
    token at = lx->tok;
    if (lx->err) return NULL;
    if (what != START_TYPE) {
        if (!open_list(p, &st, what == START_TUPLE ? F_TUPLE : F_METHODS, &at)) goto fail;
        goto item;
    }
type:
    if (!(v = open_type(p, &st))) {
        if (lx->err) goto fail;
        goto item;
    }
reduce:
    for (;;) {
        if (!st.n) goto done;
        f = &st.f[st.n - 1];
        if (f->kind != F_OPT && f->kind != F_VEC) break;
        candid_type *n = new_node(p, f->kind == F_OPT ? CANDID_OPT : CANDID_VEC);
        if (!n) goto fail;
        n->inner = v;
        if (f->kind == F_OPT) n->repr = CANDID_REPR_BOXED;
        v = n;
        st.n--;
    }
    if (!add_item(p, f, v) || !after_item(p, f)) goto fail;
item:
    f = &st.f[st.n - 1];
    if (lx->tok.kind == (is_tuple(f->kind) ? TK_RPAREN : TK_RBRACE)) {
        if ((v = close_list(p, &st))) goto reduce;
        if (lx->err) goto fail;
        goto item;
    }
    switch (f->kind) {
    case F_RECORD:
    case F_VARIANT: {
        int r = field_label(p, f);
        if (r < 0) goto fail;
        if (r) goto type;
        v = (candid_type *)candid_prim_type_big(CANDID_NULL);
        goto reduce;
    }
    case F_METHODS:
        if ((v = method_head(p, &st))) goto reduce;
        if (lx->err) goto fail;
        goto item;
    default:
        if (!arg_label(p, f)) goto fail;
        goto type;
    }
fail:
    v = NULL;
done:
    free(st.f);
    return v;
}

candid_type *idl_type(idl_parser *p) {
    return run(p, START_TYPE);
}

candid_type *idl_actortype(idl_parser *p) {
    return run(p, START_ACTOR);
}

candid_type *idl_tuple_record(idl_parser *p) {
    return run(p, START_TUPLE);
}

void idl_definition(idl_parser *p) {
    lexer *lx = p->lx;
    lex_next(lx); /* "type" */
    token name = lx->tok;
    if (name.kind != TK_ID || idl_is_keyword(&name)) {
        lex_error(lx, CANDID_ERR_SYNTAX, "expected a type name");
        return;
    }
    candid_idl_def *d = def_for(p, &name);
    if (!d) return;
    if (d->defined) {
        lex_error(lx, CANDID_ERR_BAD_TYPE, "type defined twice");
        return;
    }
    d->defined = 1;
    d->file = p->file;
    d->line = name.line;
    d->col = name.col;
    lex_next(lx);
    if (!expect(p, TK_EQ, "expected '='")) return;
    candid_type *t = idl_type(p);
    if (!t) return;
    if (t->name) { /* a definition's node: the right side is a name */
        d->alias = idl_find_def(p->idl, t->name, strlen(t->name));
        return;
    }
    const char *keep = d->node->name;
    *d->node = *t;
    d->node->name = keep;
}

candid_status idl_fail(idl_parser *p, const char *file, uint32_t line, uint32_t col,
                       candid_status st, const char *msg) {
    lex_error_pos(p->lx, line, col, st, msg);
    p->err_file = file;
    return p->lx->err;
}

candid_status idl_finish(idl_parser *p) {
    lexer *lx = p->lx;
    if (lx->err) return lx->err;
    candid_idl *idl = p->idl;
    for (candid_idl_def *d = idl->defs; d; d = d->next)
        if (!d->defined)
            return idl_fail(p, d->file, d->line, d->col, CANDID_ERR_UNBOUND, "undefined type name");
    /* Aliases: follow each chain to a real type, then give that type to
     * every name on the chain, so each definition is walked once; a chain
     * that comes back on itself defines nothing (vacuous). */
    unsigned pass = 0;
    for (candid_idl_def *d = idl->defs; d; d = d->next) {
        if (!d->alias || d->node->kind) continue;
        candid_idl_def *e = d;
        for (++pass; e->alias && !e->node->kind; e = e->alias) {
            if (e->mark == pass) /* e is on the cycle */
                return idl_fail(p, e->file, e->line, e->col, CANDID_ERR_BAD_TYPE,
                                "cyclic type definition");
            e->mark = pass;
        }
        for (candid_idl_def *x = d; x != e; x = x->alias) {
            *x->node = *e->node;
            x->node->name = x->name;
        }
    }
    for (size_t i = 0; i < p->nrefs; i++) {
        const idl_method_ref *r = &p->refs[i];
        if (r->type->kind != CANDID_FUNC)
            return idl_fail(p, r->file, r->line, r->col, CANDID_ERR_BAD_TYPE,
                           "a method's type must be a function");
    }
    p->nrefs = 0;
    for (size_t i = 0; i < p->n; i++) {
        candid_type *t = p->nodes[i];
        if (t->kind == CANDID_VEC && t->inner->kind == CANDID_NAT8) t->repr = CANDID_REPR_SLICE;
    }
    if (candid_type_layout_list(p->nodes, p->n))
        return idl_fail(p, p->file, lx->tok.line, lx->tok.col, CANDID_ERR_BAD_TYPE,
                       "type has no finite layout");
    p->n = 0;
    return CANDID_OK;
}
