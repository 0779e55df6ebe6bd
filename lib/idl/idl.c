/* Entry points of the .did parser: files, tuples, types, methods. */
#include <string.h>

#include "parser.h"

/* service name? : (init) ->? (actortype | name) ;? */
static void main_service(idl_parser *p) {
    lexer *lx = p->lx;
    lex_next(lx); /* "service" */
    if (lx->tok.kind == TK_ID) lex_next(lx); /* the name is documentation */
    if (lx->tok.kind != TK_COLON) {
        lex_error(lx, CANDID_ERR_SYNTAX, "expected ':'");
        return;
    }
    lex_next(lx);
    if (lx->tok.kind == TK_LPAREN) {
        candid_type *init = idl_tuple_record(p);
        if (!init) return;
        p->idl->init_args = init;
        if (lx->tok.kind != TK_ARROW) {
            lex_error(lx, CANDID_ERR_SYNTAX, "expected '->'");
            return;
        }
        lex_next(lx);
    }
    const candid_type *s;
    if (lx->tok.kind == TK_LBRACE) {
        s = idl_actortype(p);
    } else {
        s = idl_type(p); /* a name of a service type, checked in finish */
    }
    if (!s) return;
    p->idl->service = s;
    if (lx->tok.kind == TK_SEMI) lex_next(lx);
}

candid_status candid_idl_parse(candid_idl *idl, const char *src, size_t len,
                               candid_syntax_error *err) {
    lexer lx;
    lex_init(&lx, src, len, idl->arena);
    idl_parser p;
    idl_parser_init(&p, idl, &lx);
    while (!lx.err && lx.tok.kind != TK_EOF) {
        if (lex_is(&lx, "type")) {
            idl_definition(&p);
        } else if (lex_is(&lx, "import")) {
            lex_error(&lx, CANDID_ERR_SYNTAX, "imports are not supported: concatenate the files");
        } else if (lex_is(&lx, "service")) {
            main_service(&p);
            if (!lx.err && lx.tok.kind != TK_EOF)
                lex_error(&lx, CANDID_ERR_SYNTAX, "expected the end of the file after the service");
            break;
        } else {
            lex_error(&lx, CANDID_ERR_SYNTAX, "expected 'type', 'import' or 'service'");
        }
        if (lx.err) break;
        if (lx.tok.kind == TK_SEMI) {
            lex_next(&lx);
        } else if (lx.tok.kind != TK_EOF) {
            lex_error(&lx, CANDID_ERR_SYNTAX, "expected ';'");
        }
    }
    if (!lx.err) idl_finish(&p);
    if (!lx.err && idl->service && idl->service->kind != CANDID_SERVICE) {
        lx.err = CANDID_ERR_BAD_TYPE;
        lx.err_line = lx.tok.line;
        lx.err_col = lx.tok.col;
        lx.err_msg = "the main service must have a service type";
    }
    return idl_error(&lx, err);
}

static candid_status parse_one(candid_idl *idl, const char *src, size_t len, int tuple,
                               const candid_type **out, candid_syntax_error *err) {
    lexer lx;
    lex_init(&lx, src, len, idl->arena);
    idl_parser p;
    idl_parser_init(&p, idl, &lx);
    const candid_type *t = tuple ? idl_tuple_record(&p) : idl_type(&p);
    if (!lx.err && lx.tok.kind != TK_EOF) lex_error(&lx, CANDID_ERR_SYNTAX, "expected the end of the type");
    if (!lx.err) idl_finish(&p);
    if (!lx.err) *out = t;
    return idl_error(&lx, err);
}

candid_status candid_idl_parse_args(candid_idl *idl, const char *src, size_t len,
                                    const candid_type **args, candid_syntax_error *err) {
    return parse_one(idl, src, len, 1, args, err);
}

candid_status candid_idl_parse_type(candid_idl *idl, const char *src, size_t len,
                                    const candid_type **type, candid_syntax_error *err) {
    return parse_one(idl, src, len, 0, type, err);
}

const candid_type *candid_idl_lookup(const candid_idl *idl, const char *name, size_t len) {
    for (candid_idl_def *d = idl->defs; d; d = d->next)
        if (d->len == len && memcmp(d->name, name, len) == 0 && d->defined) return d->node;
    return NULL;
}

/* The record (ids 0..n-1) of a list of types. */
static const candid_type *as_record(candid_idl *idl, const candid_type *const *types, uint32_t n) {
    candid_type *r = candid_arena_alloc(idl->arena, sizeof *r, _Alignof(candid_type));
    candid_field *f = candid_arena_alloc(idl->arena, (n + 1) * sizeof *f, _Alignof(candid_field));
    if (!r || !f) return NULL;
    memset(r, 0, sizeof *r);
    memset(f, 0, (n + 1) * sizeof *f);
    for (uint32_t i = 0; i < n; i++) {
        f[i].id = i;
        f[i].type = types[i];
    }
    r->kind = CANDID_RECORD;
    r->fields = f;
    r->count = n;
    return candid_type_layout(r, 1) ? NULL : r;
}

candid_status candid_idl_method(candid_idl *idl, const char *name, size_t len,
                                const candid_type **args, const candid_type **results) {
    const candid_type *s = idl->service;
    if (!s) return CANDID_ERR_UNBOUND;
    for (uint32_t i = 0; i < s->count; i++) {
        const candid_method *m = &s->methods[i];
        if (m->name_len != len || memcmp(m->name, name, len) != 0) continue;
        const candid_type *f = m->type;
        if (args && !(*args = as_record(idl, f->args, f->count))) return CANDID_ERR_ARENA_FULL;
        if (results && !(*results = as_record(idl, f->args + f->count, f->count2)))
            return CANDID_ERR_ARENA_FULL;
        return CANDID_OK;
    }
    return CANDID_ERR_UNBOUND;
}
