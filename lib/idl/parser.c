/* The .did type grammar (spec "Core Grammar" and its shorthands) into
 * candid_type graphs with the generic layout. Names refer to one node per
 * definition, so recursive definitions become cyclic graphs. */
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

static const char *const keywords[] = {
    "type", "import", "service", "func", "opt", "vec", "record", "variant",
    "blob", "query", "oneway", "composite_query",
};

static int is_keyword(const token *t) {
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (t->len == strlen(keywords[i]) && memcmp(t->start, keywords[i], t->len) == 0) return 1;
    for (size_t i = 0; i < sizeof prims / sizeof prims[0]; i++)
        if (t->len == strlen(prims[i].name) && memcmp(t->start, prims[i].name, t->len) == 0) return 1;
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

static candid_idl_def *find_def(candid_idl *idl, const char *name, size_t len) {
    for (candid_idl_def *d = idl->defs; d; d = d->next)
        if (d->len == len && memcmp(d->name, name, len) == 0) return d;
    return NULL;
}

/* The definition for a name, created on first mention. */
static candid_idl_def *def_for(idl_parser *p, const token *t) {
    candid_idl_def *d = find_def(p->idl, t->start, t->len);
    if (d) return d;
    d = alloc(p, sizeof *d, _Alignof(candid_idl_def));
    if (!d) return NULL;
    char *name = alloc(p, t->len + 1, 1);
    d->node = new_node(p, CANDID_NULL);
    if (!name || !d->node) return NULL;
    memcpy(name, t->start, t->len);
    d->node->kind = 0; /* not defined yet */
    d->name = name;
    d->len = t->len;
    d->line = t->line;
    d->col = t->col;
    d->next = p->idl->defs;
    p->idl->defs = d;
    return d;
}

/* A field or method name: an identifier or a text literal. */
static int name_token(const token *t) {
    return (t->kind == TK_ID && !is_keyword(t)) || t->kind == TK_TEXT;
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
    if (t->num_float || t->start[0] == '-' || t->start[0] == '+') goto bad;
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

static int sort_fields(idl_parser *p, candid_field *f, uint32_t n) {
    for (uint32_t i = 1; i < n; i++) {
        candid_field x = f[i];
        uint32_t j = i;
        while (j > 0 && f[j - 1].id > x.id) {
            f[j] = f[j - 1];
            j--;
        }
        f[j] = x;
    }
    for (uint32_t i = 1; i < n; i++) {
        if (f[i].id == f[i - 1].id) {
            lex_error(p->lx, CANDID_ERR_BAD_TYPE, "duplicate field id (or a hash collision)");
            return 0;
        }
    }
    return 1;
}

/* record { ... } and variant { ... } (the lexer after the keyword). */
static candid_type *fields(idl_parser *p, candid_kind kind) {
    lexer *lx = p->lx;
    if (!expect(p, TK_LBRACE, "expected '{'")) return NULL;
    candid_type *t = new_node(p, kind);
    if (!t) return NULL;
    t->repr = CANDID_REPR_BOXED;
    size_t cap = 0, n = 0;
    candid_field *f = lex_reserve(lx, NULL, 0, &cap, sizeof *f);
    uint32_t next_id = 0;
    while (f && lx->tok.kind != TK_RBRACE && !lx->err) {
        if (!(f = lex_reserve(lx, f, n, &cap, sizeof *f))) return NULL;
        candid_field *fd = &f[n];
        token first = lx->tok;
        lex_mark m = lex_save(lx);
        lex_next(lx);
        int has_colon = lx->tok.kind == TK_COLON;
        if (first.kind == TK_NUM && (has_colon || kind == CANDID_VARIANT)) {
            if (!field_number(p, &first, &fd->id)) return NULL;
        } else if (name_token(&first) && (has_colon || kind == CANDID_VARIANT)) {
            size_t len;
            fd->name = name_copy(p, &first, &len);
            if (!fd->name) return NULL;
            fd->id = candid_hash(fd->name, len);
        } else if (kind == CANDID_RECORD) {
            /* positional: the type alone, id = previous + 1 */
            lex_restore(lx, m);
            fd->id = next_id;
            has_colon = -1;
        } else {
            lex_error(lx, CANDID_ERR_SYNTAX, "expected a variant case name or number");
            return NULL;
        }
        if (has_colon == 1) {
            lex_next(lx);
            fd->type = idl_type(p);
        } else if (has_colon == -1) {
            fd->type = idl_type(p);
        } else {
            fd->type = candid_prim_type_big(CANDID_NULL); /* variant shorthand */
        }
        if (!fd->type) return NULL;
        next_id = fd->id + 1;
        n++;
        if (lx->tok.kind == TK_SEMI) {
            lex_next(lx);
        } else if (lx->tok.kind != TK_RBRACE) {
            lex_error(lx, CANDID_ERR_SYNTAX, "expected ';' or '}'");
            return NULL;
        }
    }
    if (lx->err || !f) return NULL;
    lex_next(lx);
    if (!sort_fields(p, f, (uint32_t)n)) return NULL;
    t->fields = f;
    t->count = (uint32_t)n;
    return t;
}

/* "(T, name : T, ...)" into an array; *count set. */
static const candid_type **tuple(idl_parser *p, uint32_t *count) {
    lexer *lx = p->lx;
    if (!expect(p, TK_LPAREN, "expected '('")) return NULL;
    size_t cap = 0, n = 0;
    const candid_type **a = lex_reserve(lx, NULL, 0, &cap, sizeof *a);
    while (a && lx->tok.kind != TK_RPAREN && !lx->err) {
        if (!(a = lex_reserve(lx, (void *)a, n, &cap, sizeof *a))) return NULL;
        /* named arguments: the name is documentation only */
        if (name_token(&lx->tok)) {
            lex_mark m = lex_save(lx);
            lex_next(lx);
            if (lx->tok.kind == TK_COLON) {
                lex_next(lx);
            } else {
                lex_restore(lx, m);
            }
        }
        a[n] = idl_type(p);
        if (!a[n]) return NULL;
        n++;
        if (lx->tok.kind == TK_COMMA) {
            lex_next(lx);
        } else if (lx->tok.kind != TK_RPAREN) {
            lex_error(lx, CANDID_ERR_SYNTAX, "expected ',' or ')'");
            return NULL;
        }
    }
    if (lx->err || !a) return NULL;
    lex_next(lx);
    *count = (uint32_t)n;
    return a;
}

/* "(args) -> (results) annotations" (the lexer at '('). */
static candid_type *functype(idl_parser *p) {
    uint32_t na, nr;
    const candid_type **args = tuple(p, &na);
    if (!args || !expect(p, TK_ARROW, "expected '->'")) return NULL;
    const candid_type **res = tuple(p, &nr);
    if (!res) return NULL;
    candid_type *t = new_node(p, CANDID_FUNC);
    const candid_type **all = alloc(p, (na + nr + 1) * sizeof *all, _Alignof(candid_type *));
    if (!t || !all) return NULL;
    memcpy(all, args, na * sizeof *all);
    memcpy(all + na, res, nr * sizeof *all);
    t->args = all;
    t->count = na;
    t->count2 = nr;
    for (;;) {
        if (lex_is(p->lx, "query")) t->aux |= CANDID_ANN_QUERY;
        else if (lex_is(p->lx, "oneway")) t->aux |= CANDID_ANN_ONEWAY;
        else if (lex_is(p->lx, "composite_query")) t->aux |= CANDID_ANN_COMPOSITE_QUERY;
        else break;
        lex_next(p->lx);
    }
    if ((t->aux & CANDID_ANN_ONEWAY) && nr) {
        lex_error(p->lx, CANDID_ERR_BAD_TYPE, "a oneway function has no results");
        return NULL;
    }
    return t;
}

static int method_less(const candid_method *a, const candid_method *b) {
    uint32_t m = a->name_len < b->name_len ? a->name_len : b->name_len;
    int r = memcmp(a->name, b->name, m);
    return r < 0 || (r == 0 && a->name_len < b->name_len);
}

/* "{ name : functype-or-id; ... }" (the lexer at '{'). */
candid_type *idl_actortype(idl_parser *p) {
    lexer *lx = p->lx;
    if (!expect(p, TK_LBRACE, "expected '{'")) return NULL;
    candid_type *t = new_node(p, CANDID_SERVICE);
    size_t cap = 0, n = 0;
    candid_method *m = lex_reserve(lx, NULL, 0, &cap, sizeof *m);
    while (t && m && lx->tok.kind != TK_RBRACE && !lx->err) {
        if (!(m = lex_reserve(lx, m, n, &cap, sizeof *m))) return NULL;
        if (!name_token(&lx->tok)) {
            lex_error(lx, CANDID_ERR_SYNTAX, "expected a method name");
            return NULL;
        }
        size_t len;
        m[n].name = name_copy(p, &lx->tok, &len);
        m[n].name_len = (uint32_t)len;
        if (!m[n].name) return NULL;
        lex_next(lx);
        if (!expect(p, TK_COLON, "expected ':'")) return NULL;
        if (lx->tok.kind == TK_LPAREN) {
            m[n].type = functype(p);
        } else if (lx->tok.kind == TK_ID && !is_keyword(&lx->tok)) {
            candid_idl_def *d = def_for(p, &lx->tok);
            m[n].type = d ? d->node : NULL;
            lex_next(lx);
        } else {
            lex_error(lx, CANDID_ERR_SYNTAX, "expected a function type or a type name");
            return NULL;
        }
        if (!m[n].type) return NULL;
        n++;
        if (lx->tok.kind == TK_SEMI) {
            lex_next(lx);
        } else if (lx->tok.kind != TK_RBRACE) {
            lex_error(lx, CANDID_ERR_SYNTAX, "expected ';' or '}'");
            return NULL;
        }
    }
    if (lx->err || !t || !m) return NULL;
    lex_next(lx);
    for (size_t i = 1; i < n; i++) {
        candid_method x = m[i];
        size_t j = i;
        while (j > 0 && method_less(&x, &m[j - 1])) {
            m[j] = m[j - 1];
            j--;
        }
        m[j] = x;
    }
    for (size_t i = 1; i < n; i++) {
        if (!method_less(&m[i - 1], &m[i])) {
            lex_error(lx, CANDID_ERR_BAD_TYPE, "duplicate method name");
            return NULL;
        }
    }
    t->methods = m;
    t->count = (uint32_t)n;
    return t;
}

static candid_type *type_expr(idl_parser *p);

candid_type *idl_type(idl_parser *p) {
    if (++p->depth > CANDID_TEXT_MAX_DEPTH) {
        lex_error(p->lx, CANDID_ERR_DEPTH, "types nested too deeply");
        p->depth--;
        return NULL;
    }
    candid_type *t = type_expr(p);
    p->depth--;
    return t;
}

static candid_type *type_expr(idl_parser *p) {
    lexer *lx = p->lx;
    token t = lx->tok;
    if (lx->err) return NULL;
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
        candid_kind k = lex_is(lx, "opt") ? CANDID_OPT : CANDID_VEC;
        lex_next(lx);
        candid_type *inner = idl_type(p);
        candid_type *n = inner ? new_node(p, k) : NULL;
        if (!n) return NULL;
        n->inner = inner;
        if (k == CANDID_OPT) n->repr = CANDID_REPR_BOXED;
        return n;
    }
    if (lex_is(lx, "blob")) {
        lex_next(lx);
        candid_type *n = new_node(p, CANDID_VEC);
        if (!n) return NULL;
        n->inner = candid_prim_type_big(CANDID_NAT8);
        return n;
    }
    if (lex_is(lx, "record") || lex_is(lx, "variant")) {
        candid_kind k = lex_is(lx, "record") ? CANDID_RECORD : CANDID_VARIANT;
        lex_next(lx);
        return fields(p, k);
    }
    if (lex_is(lx, "func")) {
        lex_next(lx);
        return functype(p);
    }
    if (lex_is(lx, "service")) {
        lex_next(lx);
        return idl_actortype(p);
    }
    if (is_keyword(&t)) {
        lex_error(lx, CANDID_ERR_SYNTAX, "expected a type");
        return NULL;
    }
    candid_idl_def *d = def_for(p, &t);
    lex_next(lx);
    return d ? d->node : NULL;
}

candid_type *idl_tuple_record(idl_parser *p) {
    uint32_t n;
    const candid_type **a = tuple(p, &n);
    if (!a) return NULL;
    candid_type *r = new_node(p, CANDID_RECORD);
    candid_field *f = alloc(p, (n + 1) * sizeof *f, _Alignof(candid_field));
    if (!r || !f) return NULL;
    for (uint32_t i = 0; i < n; i++) {
        f[i].id = i;
        f[i].type = a[i];
    }
    r->fields = f;
    r->count = n;
    return r;
}

void idl_definition(idl_parser *p) {
    lexer *lx = p->lx;
    lex_next(lx); /* "type" */
    token name = lx->tok;
    if (name.kind != TK_ID || is_keyword(&name)) {
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
    d->line = name.line;
    d->col = name.col;
    lex_next(lx);
    if (!expect(p, TK_EQ, "expected '='")) return;
    candid_type *t = idl_type(p);
    if (!t) return;
    for (candid_idl_def *o = p->idl->defs; o; o = o->next) {
        if (o->node == t) { /* the right side is a name: an alias */
            d->alias = o;
            return;
        }
    }
    *d->node = *t;
    d->node->name = d->name;
}

candid_status idl_finish(idl_parser *p) {
    lexer *lx = p->lx;
    if (lx->err) return lx->err;
    candid_idl *idl = p->idl;
    for (candid_idl_def *d = idl->defs; d; d = d->next) {
        if (!d->defined) {
            lx->err = CANDID_ERR_UNBOUND;
            lx->err_line = d->line;
            lx->err_col = d->col;
            lx->err_msg = "undefined type name";
            return lx->err;
        }
    }
    /* Aliases: follow each chain to a real type; a chain that comes back
     * on itself defines nothing (vacuous). */
    for (candid_idl_def *d = idl->defs; d; d = d->next) {
        if (!d->alias || d->node->kind) continue;
        candid_idl_def *e = d;
        size_t steps = 0;
        while (e->alias && !e->node->kind) {
            e = e->alias;
            if (++steps > 1000000 || e == d) {
                lx->err = CANDID_ERR_BAD_TYPE;
                lx->err_line = d->line;
                lx->err_col = d->col;
                lx->err_msg = "cyclic type definition";
                return lx->err;
            }
        }
        *d->node = *e->node;
        d->node->name = d->name;
    }
    for (size_t i = 0; i < p->n; i++) {
        candid_type *t = p->nodes[i];
        if (t->kind == CANDID_VEC && t->inner->kind == CANDID_NAT8) t->repr = CANDID_REPR_SLICE;
    }
    for (size_t i = 0; i < p->n; i++) {
        candid_type *t = p->nodes[i];
        if (t->kind != CANDID_SERVICE) continue;
        for (uint32_t m = 0; m < t->count; m++) {
            if (t->methods[m].type->kind != CANDID_FUNC) {
                lx->err = CANDID_ERR_BAD_TYPE;
                lx->err_line = lx->tok.line;
                lx->err_col = lx->tok.col;
                lx->err_msg = "a method's type must be a function";
                return lx->err;
            }
        }
    }
    if (candid_type_layout_list(p->nodes, p->n)) {
        lx->err = CANDID_ERR_BAD_TYPE;
        lx->err_line = lx->tok.line;
        lx->err_col = lx->tok.col;
        lx->err_msg = "type has no finite layout";
        return lx->err;
    }
    p->n = 0;
    return CANDID_OK;
}
