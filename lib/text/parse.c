/* Textual values into an untyped tree (spec "Values" grammar). */
#include <string.h>

#include "value.h"

static tv *value(tv_parser *p);

static void *alloc(tv_parser *p, size_t size) {
    void *m = candid_arena_alloc(p->lx.arena, size, 16);
    if (!m) {
        lex_error(&p->lx, CANDID_ERR_ARENA_FULL, "out of memory");
        return NULL;
    }
    memset(m, 0, size);
    return m;
}

static tv *node(tv_parser *p, tv_kind kind) {
    tv *v = alloc(p, sizeof *v);
    if (!v) return NULL;
    v->kind = kind;
    v->line = p->lx.tok.line;
    v->col = p->lx.tok.col;
    return v;
}

static int expect(tv_parser *p, tok_kind k, const char *msg) {
    if (p->lx.tok.kind != k) {
        lex_error(&p->lx, CANDID_ERR_SYNTAX, msg);
        return 0;
    }
    lex_next(&p->lx);
    return 1;
}

/* A value, optionally annotated: v | v : T */
static tv *annval(tv_parser *p) {
    tv *v = value(p);
    if (!v || p->lx.tok.kind != TK_COLON) return v;
    tv *a = node(p, TV_ANNOT);
    if (!a) return NULL;
    lex_next(&p->lx);
    a->child = v;
    a->annot = idl_type(&p->types);
    return a->annot ? a : NULL;
}

static int field_id(tv_parser *p, const token *t, uint32_t *id) {
    uint64_t v = 0;
    int hex = t->len > 2 && t->start[0] == '0' && (t->start[1] == 'x' || t->start[1] == 'X');
    if (t->num_float || t->start[0] == '-' || t->start[0] == '+') goto bad;
    for (size_t i = hex ? 2 : 0; i < t->len; i++) {
        char c = t->start[i];
        if (c == '_') continue;
        v = v * (hex ? 16 : 10) + (c <= '9' ? (unsigned)(c - '0') : (unsigned)((c | 0x20) - 'a' + 10));
        if (v > UINT32_MAX) goto bad;
    }
    *id = (uint32_t)v;
    return 1;
bad:
    lex_error_at(&p->lx, t, CANDID_ERR_SYNTAX, "field id must be a natural number below 2^32");
    return 0;
}

/* record { ... } / variant { ... } bodies. */
static tv *fields(tv_parser *p, tv_kind kind) {
    lexer *lx = &p->lx;
    tv *v = node(p, kind);
    if (!v || !expect(p, TK_LBRACE, "expected '{'")) return NULL;
    size_t cap = 0;
    uint32_t n = 0, next = 0;
    tv_field *f = lex_reserve(lx, NULL, 0, &cap, sizeof *f);
    while (f && lx->tok.kind != TK_RBRACE && !lx->err) {
        if (!(f = lex_reserve(lx, f, n, &cap, sizeof *f))) return NULL;
        token first = lx->tok;
        lex_mark m = lex_save(lx);
        lex_next(lx);
        int eq = lx->tok.kind == TK_EQ;
        int shorthand = 0;
        if (first.kind == TK_NUM && (eq || kind == TV_VARIANT)) {
            if (!field_id(p, &first, &f[n].id)) return NULL;
        } else if ((first.kind == TK_ID || first.kind == TK_TEXT) && (eq || kind == TV_VARIANT) &&
                   !(first.kind == TK_ID && !eq && kind == TV_RECORD)) {
            const char *s = first.kind == TK_TEXT ? (const char *)first.text : first.start;
            size_t len = first.kind == TK_TEXT ? first.text_len : first.len;
            if (first.kind == TK_TEXT && (!first.text_utf8 || memchr(s, 0, len))) {
                lex_error_at(lx, &first, CANDID_ERR_SYNTAX, "a name must be valid UTF-8 without NUL");
                return NULL;
            }
            char *name = alloc(p, len + 1);
            if (!name) return NULL;
            memcpy(name, s, len);
            f[n].name = name;
            f[n].id = candid_hash(name, len);
        } else if (kind == TV_RECORD) {
            lex_restore(lx, m);
            f[n].id = next;
            shorthand = 1;
        } else {
            lex_error(lx, CANDID_ERR_SYNTAX, "expected a field name or number");
            return NULL;
        }
        if (eq) {
            lex_next(lx);
            f[n].val = annval(p);
        } else if (shorthand) {
            f[n].val = annval(p);
        } else {
            f[n].val = node(p, TV_NULL); /* variant { tag } */
        }
        if (!f[n].val) return NULL;
        next = f[n].id + 1;
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
    v->fields = f;
    v->nfields = n;
    return v;
}

/* Annotated values separated by `sep` up to `close` (the opening bracket
 * already read); the closing one is consumed. NULL after an error. */
static tv **list(tv_parser *p, tok_kind sep, tok_kind close, const char *msg, uint32_t *count) {
    lexer *lx = &p->lx;
    size_t cap = 0;
    uint32_t n = 0;
    tv **items = lex_reserve(lx, NULL, 0, &cap, sizeof *items);
    while (items && lx->tok.kind != close && !lx->err) {
        if (!(items = lex_reserve(lx, items, n, &cap, sizeof *items))) return NULL;
        if (!(items[n++] = annval(p))) return NULL;
        if (lx->tok.kind == sep) {
            lex_next(lx);
        } else if (lx->tok.kind != close) {
            lex_error(lx, CANDID_ERR_SYNTAX, msg);
            return NULL;
        }
    }
    if (lx->err || !items) return NULL;
    lex_next(lx);
    *count = n;
    return items;
}

static tv *value_expr(tv_parser *p);

static tv *value(tv_parser *p) {
    if (++p->depth > CANDID_TEXT_MAX_DEPTH) {
        lex_error(&p->lx, CANDID_ERR_DEPTH, "values nested too deeply");
        p->depth--;
        return NULL;
    }
    tv *v = value_expr(p);
    p->depth--;
    return v;
}

static tv *value_expr(tv_parser *p) {
    lexer *lx = &p->lx;
    token t = lx->tok;
    tv *v;
    switch (t.kind) {
    case TK_NUM:
        v = node(p, TV_NUM);
        if (!v) return NULL;
        v->num = t.start;
        v->num_len = t.len;
        v->num_float = t.num_float;
        lex_next(lx);
        return v;
    case TK_TEXT:
        v = node(p, TV_TEXT);
        if (!v) return NULL;
        v->bytes = t.text;
        v->len = t.text_len;
        v->utf8 = t.text_utf8;
        lex_next(lx);
        return v;
    case TK_LPAREN:
        lex_next(lx);
        v = annval(p);
        if (v && !expect(p, TK_RPAREN, "expected ')'")) return NULL;
        return v;
    case TK_ID:
        break;
    default:
        lex_error(lx, CANDID_ERR_SYNTAX, "expected a value");
        return NULL;
    }
    if (lex_is(lx, "true") || lex_is(lx, "false")) {
        v = node(p, TV_BOOL);
        if (!v) return NULL;
        v->bval = lex_is(lx, "true");
        lex_next(lx);
        return v;
    }
    if (lex_is(lx, "nan") || lex_is(lx, "inf")) {
        /* not in the spec's grammar, but how NaN and infinity print */
        v = node(p, TV_NUM);
        if (!v) return NULL;
        v->num = t.start;
        v->num_len = t.len;
        v->num_float = 1;
        lex_next(lx);
        return v;
    }
    if (lex_is(lx, "null")) {
        v = node(p, TV_NULL);
        lex_next(lx);
        return v;
    }
    if (lex_is(lx, "opt")) {
        v = node(p, TV_OPT);
        lex_next(lx);
        if (v) v->child = value(p);
        return v && v->child ? v : NULL;
    }
    if (lex_is(lx, "vec")) {
        v = node(p, TV_VEC);
        lex_next(lx);
        if (!v || !expect(p, TK_LBRACE, "expected '{'")) return NULL;
        v->items = list(p, TK_SEMI, TK_RBRACE, "expected ';' or '}'", &v->nitems);
        return v->items ? v : NULL;
    }
    if (lex_is(lx, "record") || lex_is(lx, "variant")) {
        tv_kind k = lex_is(lx, "record") ? TV_RECORD : TV_VARIANT;
        lex_next(lx);
        v = fields(p, k);
        if (v) {
            v->line = t.line; /* errors point at the keyword */
            v->col = t.col;
        }
        return v;
    }
    static const struct { const char *kw; tv_kind k; } refs[] = {
        {"blob", TV_BLOB}, {"principal", TV_PRINCIPAL}, {"service", TV_SERVICE}, {"func", TV_FUNC},
    };
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        if (!lex_is(lx, refs[i].kw)) continue;
        v = node(p, refs[i].k);
        lex_next(lx);
        if (!v) return NULL;
        if (lx->tok.kind != TK_TEXT) {
            lex_error(lx, CANDID_ERR_SYNTAX, "expected a text literal");
            return NULL;
        }
        v->bytes = lx->tok.text;
        v->len = lx->tok.text_len;
        v->utf8 = lx->tok.text_utf8;
        lex_next(lx);
        if (refs[i].k == TV_FUNC) {
            if (!expect(p, TK_DOT, "expected '.' and a method name")) return NULL;
            if (lx->tok.kind == TK_TEXT) {
                v->method = lx->tok.text;
                v->method_len = lx->tok.text_len;
                if (!lx->tok.text_utf8) {
                    lex_error(lx, CANDID_ERR_UTF8, "method name is not valid UTF-8");
                    return NULL;
                }
            } else if (lx->tok.kind == TK_ID) {
                v->method = (const uint8_t *)lx->tok.start;
                v->method_len = lx->tok.len;
            } else {
                lex_error(lx, CANDID_ERR_SYNTAX, "expected a method name");
                return NULL;
            }
            lex_next(lx);
        }
        return v;
    }
    lex_error(lx, CANDID_ERR_SYNTAX, "expected a value");
    return NULL;
}

tv **tv_parse_args(tv_parser *p, const char *src, size_t len, candid_arena *arena,
                   candid_idl *idl, uint32_t *count) {
    lexer *lx = &p->lx;
    if (!idl) {
        candid_idl_init(&p->local_idl, arena);
        idl = &p->local_idl;
    }
    lex_init(lx, src, len, arena);
    idl_parser_init(&p->types, idl, lx);
    p->depth = 0;
    if (!expect(p, TK_LPAREN, "expected '('")) return NULL;
    uint32_t n;
    tv **items = list(p, TK_COMMA, TK_RPAREN, "expected ',' or ')'", &n);
    if (!items) return NULL;
    if (lx->tok.kind != TK_EOF) {
        lex_error(lx, CANDID_ERR_SYNTAX, "expected the end of the input after ')'");
        return NULL;
    }
    /* annotation types need their layout before values are written */
    if (idl_finish(&p->types)) return NULL;
    *count = n;
    return items;
}
