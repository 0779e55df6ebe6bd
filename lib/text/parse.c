/* Textual values into an untyped tree (spec "Values" grammar). Open
 * brackets are frames on a heap stack, not native calls, so the depth of
 * nesting is bounded by the input and memory only. */
#include <string.h>

#include "stack.h"
#include "value.h"

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
    p->nodes++;
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

/* v : T, the annotation read from the current ':'. */
static tv *annotate(tv_parser *p, tv *v) {
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

/* A value without brackets of its own: a number, text, bool, null or a
 * reference; "expected a value" for anything else. */
static tv *scalar(tv_parser *p) {
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

/* A bracket whose contents are being read. */
typedef enum frame_kind { F_ARGS, F_PAREN, F_OPT, F_VEC, F_RECORD, F_VARIANT } frame_kind;

typedef struct frame {
    frame_kind kind;
    tv *v;         /* the node being built (ARGS: a TV_VEC of the arguments) */
    size_t base;   /* where its elements start in p->elems */
    uint32_t next; /* RECORD: the id of the next positional field */
} frame;

static void *push(tv_parser *p, tstack *st) {
    void *top = tstack_push(st);
    if (!top) lex_error(&p->lx, CANDID_ERR_ARENA_FULL, "out of memory");
    return top;
}

static frame *open_frame(tv_parser *p, frame_kind kind, tv *v) {
    frame *f = push(p, &p->frames);
    if (!f) return NULL;
    f->kind = kind;
    f->v = v;
    f->base = p->elems.len;
    return f;
}

/* The label of the next field of a record or variant frame, up to its
 * value. Returns 1 when the value is to be read next, 0 for a variant tag
 * without value (its null already stored), -1 after an error. */
static int field_label(tv_parser *p, frame *fr) {
    lexer *lx = &p->lx;
    tv_field *f = push(p, &p->elems);
    if (!f) return -1;
    token first = lx->tok;
    lex_mark m = lex_save(lx);
    lex_next(lx);
    int eq = lx->tok.kind == TK_EQ;
    int is_variant = fr->kind == F_VARIANT;
    if (first.kind == TK_NUM && (eq || is_variant)) {
        if (!field_id(p, &first, &f->id)) return -1;
    } else if ((first.kind == TK_ID || first.kind == TK_TEXT) && (eq || is_variant) &&
               !(first.kind == TK_ID && !eq && !is_variant)) {
        const char *s = first.kind == TK_TEXT ? (const char *)first.text : first.start;
        size_t len = first.kind == TK_TEXT ? first.text_len : first.len;
        if (first.kind == TK_TEXT && (!first.text_utf8 || memchr(s, 0, len))) {
            lex_error_at(lx, &first, CANDID_ERR_SYNTAX, "a name must be valid UTF-8 without NUL");
            return -1;
        }
        char *name = alloc(p, len + 1);
        if (!name) return -1;
        memcpy(name, s, len);
        f->name = name;
        f->id = candid_hash(name, len);
    } else if (!is_variant) { /* record { v1; v2 }: positional */
        lex_restore(lx, m);
        f->id = fr->next;
        return 1;
    } else {
        lex_error(lx, CANDID_ERR_SYNTAX, "expected a field name or number");
        return -1;
    }
    if (eq) {
        lex_next(lx);
        return 1;
    }
    f->val = node(p, TV_NULL); /* variant { tag } */
    return f->val ? 0 : -1;
}

/* After an element of a frame: the separator, or the closing bracket
 * must follow. */
static int separated(tv_parser *p, tok_kind sep, tok_kind close, const char *msg) {
    if (p->lx.tok.kind == sep) {
        lex_next(&p->lx);
        return 1;
    }
    if (p->lx.tok.kind == close) return 1;
    lex_error(&p->lx, CANDID_ERR_SYNTAX, msg);
    return 0;
}

/* After an element of fr (its value stored). */
static int element_done(tv_parser *p, frame *fr) {
    if (fr->kind == F_ARGS) return separated(p, TK_COMMA, TK_RPAREN, "expected ',' or ')'");
    fr->next = ((tv_field *)tstack_top(&p->elems))->id + 1;
    return separated(p, TK_SEMI, TK_RBRACE, "expected ';' or '}'");
}

/* The elements of a closing frame, moved from p->elems into the arena in
 * arrays of their exact size. */
static int close_frame(tv_parser *p, frame *fr) {
    size_t n = p->elems.len - fr->base;
    const tv_field *e = n ? tstack_at(&p->elems, fr->base) : NULL;
    tv *v = fr->v;
    if (n > UINT32_MAX) {
        lex_error(&p->lx, CANDID_ERR_RANGE, "more than 2^32 elements");
        return 0;
    }
    if (n && (fr->kind == F_RECORD || fr->kind == F_VARIANT)) {
        if (!(v->fields = alloc(p, n * sizeof *v->fields))) return 0;
        memcpy(v->fields, e, n * sizeof *v->fields);
        v->nfields = (uint32_t)n;
    } else if (n) {
        if (!(v->items = alloc(p, n * sizeof *v->items))) return 0;
        for (size_t i = 0; i < n; i++) v->items[i] = e[i].val;
        v->nitems = (uint32_t)n;
    }
    p->elems.len = fr->base;
    return 1;
}

/* The next element of the top frame (a list or fields), or its end. Returns
 * 1 when a value is to be read next, 0 when the frame closed (popped, its
 * node in *done), -1 after an error. */
static int advance(tv_parser *p, tv **done) {
    lexer *lx = &p->lx;
    frame *fr = tstack_top(&p->frames);
    int fields = fr->kind == F_RECORD || fr->kind == F_VARIANT;
    tok_kind close = fr->kind == F_ARGS ? TK_RPAREN : TK_RBRACE;
    for (;;) {
        if (lx->err) return -1;
        if (lx->tok.kind == close) break;
        if (!fields) return push(p, &p->elems) ? 1 : -1;
        int r = field_label(p, fr);
        if (r) return r;
        if (!element_done(p, fr)) return -1;
    }
    lex_next(lx);
    if (!close_frame(p, fr)) return -1;
    *done = fr->v;
    tstack_pop(&p->frames);
    return 0;
}

/* The start of a value: a scalar (0, in *out), or an opening bracket
 * pushed as a frame (1 when its contents are to be read, 0 when it closed
 * at once), or -1 after an error. */
static int start(tv_parser *p, tv **out) {
    lexer *lx = &p->lx;
    if (lx->tok.kind == TK_LPAREN) {
        lex_next(lx);
        return open_frame(p, F_PAREN, NULL) ? 1 : -1;
    }
    if (lx->tok.kind == TK_ID && lex_is(lx, "opt")) {
        tv *v = node(p, TV_OPT);
        lex_next(lx);
        return v && open_frame(p, F_OPT, v) ? 1 : -1;
    }
    static const struct { const char *kw; tv_kind k; frame_kind f; } brackets[] = {
        {"vec", TV_VEC, F_VEC}, {"record", TV_RECORD, F_RECORD}, {"variant", TV_VARIANT, F_VARIANT},
    };
    for (size_t i = 0; lx->tok.kind == TK_ID && i < sizeof brackets / sizeof brackets[0]; i++) {
        if (!lex_is(lx, brackets[i].kw)) continue;
        tv *v = node(p, brackets[i].k); /* errors point at the keyword */
        lex_next(lx);
        if (!v || !expect(p, TK_LBRACE, "expected '{'") || !open_frame(p, brackets[i].f, v))
            return -1;
        return advance(p, out);
    }
    *out = scalar(p);
    return *out ? 0 : -1;
}

/* The list "v, ...)" of the argument frame at the bottom of the stack. */
static tv *parse_values(tv_parser *p) {
    lexer *lx = &p->lx;
    tv *v = NULL;
    int r = advance(p, &v);
    for (;;) {
        if (r < 0) return NULL;
        if (r > 0) {
            r = start(p, &v);
            continue;
        }
        if (!p->frames.len) return v; /* the arguments closed */
        frame *fr = tstack_top(&p->frames);
        /* "opt v : T" annotates the option, not v */
        if (fr->kind != F_OPT && lx->tok.kind == TK_COLON && !(v = annotate(p, v))) return NULL;
        switch (fr->kind) {
        case F_OPT:
            fr->v->child = v;
            v = fr->v;
            tstack_pop(&p->frames);
            break;
        case F_PAREN:
            if (!expect(p, TK_RPAREN, "expected ')'")) return NULL;
            tstack_pop(&p->frames);
            break;
        default: /* a list or fields: v is the value of the latest element */
            ((tv_field *)tstack_top(&p->elems))->val = v;
            if (!element_done(p, fr)) return NULL;
            r = advance(p, &v);
            break;
        }
    }
}

tv *tv_parse_args(tv_parser *p, const char *src, size_t len, candid_arena *arena,
                  candid_idl *idl) {
    lexer *lx = &p->lx;
    if (!idl) {
        candid_idl_init(&p->local_idl, arena);
        idl = &p->local_idl;
    }
    lex_init(lx, src, len, arena);
    idl_parser_init(&p->types, idl, lx);
    p->nodes = 0;
    tv *args = node(p, TV_VEC);
    if (!args || !expect(p, TK_LPAREN, "expected '('")) return NULL;
    p->frames = tstack_new(sizeof(frame));
    p->elems = tstack_new(sizeof(tv_field));
    tv *done = open_frame(p, F_ARGS, args) ? parse_values(p) : NULL;
    tstack_free(&p->frames);
    tstack_free(&p->elems);
    if (!done) return NULL;
    if (lx->tok.kind != TK_EOF) {
        lex_error(lx, CANDID_ERR_SYNTAX, "expected the end of the input after ')'");
        return NULL;
    }
    /* annotation types need their layout before values are written */
    if (idl_finish(&p->types)) return NULL;
    return args;
}
