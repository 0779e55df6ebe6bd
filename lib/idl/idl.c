/* Entry points of the .did parser: files and their imports, tuples, types,
 * methods. Imported files are parsed on a stack of lexers, not by
 * recursion: an import suspends the importing file until the imported one
 * ends. */
#include <stdlib.h>
#include <string.h>

#include "parser.h"

/* A source file: its lexer while it is read, then what the rest of the
 * parse needs of it. */
typedef struct idl_file {
    const char *name;              /* arena copy, or NULL for a source without one */
    lexer lx;
    int open;                      /* on the import stack: importing it again is a cycle */
    const candid_type *service;    /* its main service, once read */
    const candid_type *init;       /* and that service's init arguments */
    uint32_t svc_line, svc_col;    /* where the main service's type is */
    int wanted;                    /* some `import service` names it */
    const char *imp_file;          /* where the first such import is */
    uint32_t imp_line, imp_col;
} idl_file;

typedef struct file_set {
    idl_file **all;                /* in the order they were opened: the root first */
    size_t n, cap;
    idl_file **stack;              /* the importing chain, the file being read last */
    size_t depth;
} file_set;

static idl_file *open_file(file_set *fs, candid_arena *arena, const char *name,
                           const char *src, size_t len) {
    if (fs->n == fs->cap) {
        size_t cap = fs->cap ? 2 * fs->cap : 8;
        idl_file **all = realloc(fs->all, cap * sizeof *all);
        if (!all) return NULL;
        fs->all = all;
        idl_file **stack = realloc(fs->stack, cap * sizeof *stack);
        if (!stack) return NULL;
        fs->stack = stack;
        fs->cap = cap;
    }
    idl_file *f = calloc(1, sizeof *f);
    if (!f) return NULL;
    fs->all[fs->n++] = f;
    if (name) {
        size_t n = strlen(name);
        char *copy = candid_arena_alloc(arena, n + 1, 1);
        if (!copy) return NULL;
        memcpy(copy, name, n + 1);
        f->name = copy;
    }
    lex_init_did(&f->lx, src, len, arena);
    f->open = 1;
    fs->stack[fs->depth++] = f;
    return f;
}

static void free_files(file_set *fs) {
    for (size_t i = 0; i < fs->n; i++) free(fs->all[i]);
    free(fs->all);
    free(fs->stack);
}

/* service name? : (init) ->? ({ methods } | name) ;? */
static void main_service(idl_parser *p, idl_file *f) {
    lexer *lx = p->lx;
    lex_next(lx); /* "service" */
    if (lx->tok.kind == TK_ID && !idl_is_keyword(&lx->tok)) lex_next(lx); /* documentation */
    if (lx->tok.kind != TK_COLON) {
        lex_error(lx, CANDID_ERR_SYNTAX, "expected ':'");
        return;
    }
    lex_next(lx);
    if (lx->tok.kind == TK_LPAREN) {
        if (!(f->init = idl_tuple_record(p))) return;
        if (lx->tok.kind != TK_ARROW) {
            lex_error(lx, CANDID_ERR_SYNTAX, "expected '->'");
            return;
        }
        lex_next(lx);
    }
    f->svc_line = lx->tok.line;
    f->svc_col = lx->tok.col;
    if (lx->tok.kind == TK_LBRACE) {
        f->service = idl_actortype(p);
    } else if (lx->tok.kind == TK_ID && !idl_is_keyword(&lx->tok)) {
        f->service = idl_type(p); /* a name, checked to be a service in finish_services */
    } else {
        lex_error(lx, CANDID_ERR_SYNTAX, "expected '{' or the name of a service type");
        return;
    }
    if (f->service && lx->tok.kind == TK_SEMI) lex_next(lx);
    if (f->service && lx->tok.kind != TK_EOF)
        lex_error(lx, CANDID_ERR_SYNTAX, "expected the end of the file after the service");
}

/* import service? "path": opens the file on the stack (its declarations
 * come next) unless it was read before. */
static void import(idl_parser *p, file_set *fs, candid_idl_reader read, void *ctx) {
    lexer *lx = p->lx;
    token kw = lx->tok;
    lex_next(lx);
    int service = lex_is(lx, "service");
    if (service) lex_next(lx);
    token path = lx->tok;
    if (path.kind != TK_TEXT) {
        lex_error(lx, CANDID_ERR_SYNTAX, "expected the imported file's name in quotes");
        return;
    }
    if (!path.text_utf8 || memchr(path.text, 0, path.text_len)) {
        lex_error(lx, CANDID_ERR_SYNTAX, "a file name must be valid UTF-8 without NUL");
        return;
    }
    lex_next(lx);
    if (lx->err) return;
    if (!read) {
        lex_error_at(lx, &kw, CANDID_ERR_UNBOUND, "imports need a file reader (candid_idl_parse_file)");
        return;
    }
    char *cpath = candid_arena_alloc(lx->arena, path.text_len + 1, 1);
    if (!cpath) {
        lex_error_at(lx, &kw, CANDID_ERR_ARENA_FULL, "out of memory");
        return;
    }
    memcpy(cpath, path.text, path.text_len);
    cpath[path.text_len] = 0;
    const char *name = NULL, *src = NULL;
    size_t len = 0;
    if (read(ctx, p->file, cpath, &name, &src, &len) || !name || (!src && len)) {
        lex_error_at(lx, &kw, CANDID_ERR_UNBOUND, "cannot read the imported file");
        return;
    }
    idl_file *f = NULL;
    for (size_t i = 0; i < fs->n && !f; i++)
        if (fs->all[i]->name && strcmp(fs->all[i]->name, name) == 0) f = fs->all[i];
    if (f && f->open) {
        lex_error_at(lx, &kw, CANDID_ERR_BAD_TYPE, "import cycle: the file imports itself");
        return;
    }
    if (!f && !(f = open_file(fs, p->idl->arena, name, src, len))) {
        lex_error_at(lx, &kw, CANDID_ERR_ARENA_FULL, "out of memory");
        return;
    }
    if (service && !f->wanted) {
        f->wanted = 1;
        f->imp_file = p->file;
        f->imp_line = kw.line;
        f->imp_col = kw.col;
    }
}

/* After a declaration: ';', or the end, or the service (which the
 * reference grammar lets follow the last declaration directly). */
static void after_declaration(lexer *lx) {
    if (lx->tok.kind == TK_SEMI) {
        lex_next(lx);
    } else if (lx->tok.kind != TK_EOF && !lex_is(lx, "service")) {
        lex_error(lx, CANDID_ERR_SYNTAX, "expected ';'");
    }
}

/* Reads every file, the root first and each import where it stands. */
static idl_file *read_files(idl_parser *p, file_set *fs, candid_idl_reader read, void *ctx) {
    while (fs->depth) {
        idl_file *f = fs->stack[fs->depth - 1];
        lexer *lx = p->lx = &f->lx;
        p->file = f->name;
        if (lx->err) return f;
        if (lx->tok.kind == TK_EOF) {
            f->open = 0;
            if (--fs->depth) after_declaration(&fs->stack[fs->depth - 1]->lx);
            continue;
        }
        if (lex_is(lx, "type")) {
            idl_definition(p);
        } else if (lex_is(lx, "import")) {
            size_t depth = fs->depth;
            import(p, fs, read, ctx);
            if (fs->depth > depth) continue; /* the separator once the file is read */
        } else if (lex_is(lx, "service")) {
            main_service(p, f);
            continue;
        } else {
            lex_error(lx, CANDID_ERR_SYNTAX, "expected 'type', 'import' or 'service'");
        }
        if (!lx->err) after_declaration(lx);
    }
    return NULL;
}

/* The main service: the root's own, joined by the methods of every
 * service imported, each name once. */
static candid_status finish_services(idl_parser *p, file_set *fs) {
    candid_idl *idl = p->idl;
    idl_file *root = fs->all[0];
    size_t total = 0;
    for (size_t i = 0; i < fs->n; i++) {
        idl_file *f = fs->all[i];
        if (f != root && !f->wanted) continue;
        if (f != root && !f->service)
            return idl_fail(p, f->imp_file, f->imp_line, f->imp_col, CANDID_ERR_UNBOUND,
                        "the imported file has no main service");
        if (f != root && f->init)
            return idl_fail(p, f->imp_file, f->imp_line, f->imp_col, CANDID_ERR_BAD_TYPE,
                        "an imported service cannot have init arguments");
        if (f->service && f->service->kind != CANDID_SERVICE)
            return idl_fail(p, f->name, f->svc_line, f->svc_col, CANDID_ERR_BAD_TYPE,
                        "the main service must have a service type");
        if (f->service) total += f->service->count;
    }
    idl->init_args = root->init;
    idl->service = root->service;
    size_t wanted = 0;
    for (size_t i = 1; i < fs->n; i++) wanted += fs->all[i]->wanted;
    if (!wanted) return CANDID_OK;
    candid_type *s = candid_arena_alloc(idl->arena, sizeof *s, _Alignof(candid_type));
    candid_method *m = candid_arena_alloc(idl->arena, (total + 1) * sizeof *m, _Alignof(candid_method));
    if (!s || !m) return idl_fail(p, NULL, 0, 0, CANDID_ERR_ARENA_FULL, "out of memory");
    memset(s, 0, sizeof *s);
    size_t n = 0;
    for (size_t i = 0; i < fs->n; i++) {
        idl_file *f = fs->all[i];
        /* an empty service has no method array to copy (NULL) */
        if ((f != root && !f->wanted) || !f->service || !f->service->count) continue;
        memcpy(m + n, f->service->methods, f->service->count * sizeof *m);
        n += f->service->count;
        if (!idl_sort_methods(m, n))
            return f == root ? idl_fail(p, f->name, f->svc_line, f->svc_col, CANDID_ERR_BAD_TYPE,
                                    "a method name is used twice")
                             : idl_fail(p, f->imp_file, f->imp_line, f->imp_col, CANDID_ERR_BAD_TYPE,
                                    "the imported service repeats a method name");
    }
    s->kind = CANDID_SERVICE;
    s->methods = m;
    s->count = (uint32_t)n;
    (void)candid_type_layout(s, 1); /* a service is one slice whatever its methods */
    idl->service = s;
    return CANDID_OK;
}

candid_status candid_idl_parse_file(candid_idl *idl, const char *name, const char *src, size_t len,
                                    candid_idl_reader read, void *ctx, candid_syntax_error *err) {
    file_set fs = {0};
    idl_parser p;
    idl_file *root = open_file(&fs, idl->arena, name, src, len);
    if (!root) {
        free_files(&fs);
        if (err) {
            memset(err, 0, sizeof *err);
            err->status = CANDID_ERR_ARENA_FULL;
            err->message = "out of memory";
        }
        return CANDID_ERR_ARENA_FULL;
    }
    idl_parser_init(&p, idl, &root->lx);
    idl_file *bad = read_files(&p, &fs, read, ctx);
    candid_status st;
    if (bad) {
        st = idl_error(&bad->lx, err);
        if (err) err->file = bad->name;
    } else {
        p.lx = &root->lx;
        p.file = root->name;
        if (!idl_finish(&p)) finish_services(&p, &fs);
        st = idl_error(&root->lx, err);
        if (err) err->file = st ? p.err_file : NULL;
    }
    free_files(&fs);
    return st;
}

candid_status candid_idl_parse(candid_idl *idl, const char *src, size_t len,
                               candid_syntax_error *err) {
    return candid_idl_parse_file(idl, NULL, src, len, NULL, NULL, err);
}

static candid_status parse_one(candid_idl *idl, const char *src, size_t len, int tuple,
                               const candid_type **out, candid_syntax_error *err) {
    lexer lx;
    lex_init_did(&lx, src, len, idl->arena);
    idl_parser p;
    idl_parser_init(&p, idl, &lx);
    const candid_idl_def *before = idl->defs;
    const candid_type *t = tuple ? idl_tuple_record(&p) : idl_type(&p);
    if (!lx.err && lx.tok.kind != TK_EOF) lex_error(&lx, CANDID_ERR_SYNTAX, "expected the end of the type");
    if (!lx.err) idl_finish(&p);
    if (!lx.err) *out = t;
    else idl_forget_unbound(idl, before); /* a type defines nothing: undo its mentions */
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
    const candid_idl_def *d = idl_find_def(idl, name, len);
    return d && d->defined ? d->node : NULL;
}

const candid_idl_def *candid_idl_next(const candid_idl *idl, const candid_idl_def *prev,
                                      const char **name, size_t *len, const candid_type **type) {
    const candid_idl_def *d = prev ? prev->next : idl->defs;
    while (d && !d->defined) d = d->next; /* a failed parse may leave names unbound */
    if (d) {
        *name = d->name;
        *len = d->len;
        *type = d->node;
    }
    return d;
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
