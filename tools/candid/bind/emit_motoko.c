/* candid bind --target motoko: a Motoko module with the .did's types and
 * its service as an actor type, in the shape didc's `mo` target gives
 * (names escaped as Motoko's IDL mapping reads them back), printed with an
 * explicit stack so that no nesting depth can exhaust the C stack. */
#include <stdlib.h>
#include <string.h>

#include "bind.h"

/* Motoko 0.x reserved words (moc 4.10.0's lexer, checked one by one with
 * mo.check): a Candid name spelled like one gets a trailing '_', which
 * Motoko drops again when it maps the name back to Candid. Sorted. */
static const char *const keywords[] = {
    "actor", "and", "assert", "async", "await", "break", "case", "catch", "class",
    "composite", "continue", "debug", "debug_show", "do", "else", "false", "finally",
    "flexible", "for", "from_candid", "func", "if", "ignore", "implicit", "import", "in",
    "include", "label", "let", "loop", "mixin", "module", "not", "null", "object", "or",
    "persistent", "private", "public", "query", "return", "shared", "stable", "switch",
    "system", "throw", "to_candid", "transient", "true", "try", "type", "var", "weak",
    "while", "with",
};

/* Type names the module itself uses: a definition named like one would
 * shadow it (`type Nat = nat64` would retype every other nat), so such a
 * definition gets a trailing '_' too. Type names are not part of the
 * Candid interface, so renaming them changes nothing on the wire. */
static const char *const taken_types[] = {
    "Any", "Blob", "Bool", "Float", "Float32", "Int", "Int16", "Int32", "Int64", "Int8",
    "Nat", "Nat16", "Nat32", "Nat64", "Nat8", "None", "Null", "Principal", "Self",
    "Service", "Text",
};

static int listed(const char *const *list, size_t n, const char *s, size_t len) {
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0) return 1;
    return 0;
}

static int is_ident(const char *s, size_t len) {
    if (!len || (s[0] >= '0' && s[0] <= '9')) return 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            return 0;
    }
    return 1;
}

/* A Candid name as Motoko spells it: a keyword or a name ending in '_'
 * gets a '_' appended (Motoko strips one trailing '_'); a name that is no
 * identifier becomes _HASH_, Motoko's form for a field id. NULL when the
 * name is no identifier and hashing is not allowed (method names are
 * texts on the wire, not hashes). */
static char *mo_name(const char *s, size_t len, int may_hash, int is_type) {
    if (!is_ident(s, len))
        return may_hash ? bind_fmt("_%u_", (unsigned)candid_hash(s, len)) : NULL;
    int suffix = s[len - 1] == '_' || listed(keywords, sizeof keywords / sizeof *keywords, s, len) ||
                 (is_type && listed(taken_types, sizeof taken_types / sizeof *taken_types, s, len));
    return bind_fmt("%.*s%s", (int)len, s, suffix ? "_" : "");
}

/* A record whose fields are numbered 0..n-1, n >= 2, is a Motoko tuple. */
static int is_tuple(const candid_type *t) {
    if (t->kind != CANDID_RECORD || t->count < 2) return 0;
    for (uint32_t k = 0; k < t->count; k++)
        if (t->fields[k].id != k || t->fields[k].name) return 0;
    return 1;
}

static const char *prim_name(uint8_t kind) {
    switch (kind) {
    case CANDID_NULL: return "Null";
    case CANDID_BOOL: return "Bool";
    case CANDID_NAT: return "Nat";
    case CANDID_INT: return "Int";
    case CANDID_NAT8: return "Nat8";
    case CANDID_NAT16: return "Nat16";
    case CANDID_NAT32: return "Nat32";
    case CANDID_NAT64: return "Nat64";
    case CANDID_INT8: return "Int8";
    case CANDID_INT16: return "Int16";
    case CANDID_INT32: return "Int32";
    case CANDID_INT64: return "Int64";
    case CANDID_FLOAT32: return "Float32";
    case CANDID_FLOAT64: return "Float";
    case CANDID_TEXT: return "Text";
    case CANDID_RESERVED: return "Any";
    case CANDID_EMPTY: return "None";
    case CANDID_PRINCIPAL: return "Principal";
    default: return NULL;
    }
}

/* Work items of the printer: a piece of text, a line break at an indent
 * (or the text given instead, for a member that stays on its line),
 * a field or method name, or a type to print (body: print a definition's
 * structure rather than its name; wrap: parenthesize a function or actor
 * type, which Motoko does not accept after '?' or as a lone argument). */
enum { OP_TEXT, OP_BREAK, OP_FIELD, OP_METHOD, OP_TYPE, OP_BODY };
enum { WRAP = 1 };

typedef struct item {
    uint8_t op, flags;
    uint32_t level;
    const void *p;
} item;

typedef struct printer {
    FILE *f;
    item *st;
    size_t sp, cap;
    const char *bad_method; /* a method name Motoko cannot spell */
    size_t bad_len;
} printer;

static void push(printer *pr, uint8_t op, const void *p, uint32_t level, uint8_t flags) {
    if (pr->sp == pr->cap) {
        pr->cap = pr->cap ? 2 * pr->cap : 256;
        pr->st = realloc(pr->st, pr->cap * sizeof *pr->st);
        if (!pr->st) {
            fputs("candid: out of memory\n", stderr);
            exit(1);
        }
    }
    pr->st[pr->sp++] = (item){op, flags, level, p};
}

static void text(printer *pr, const char *s) { push(pr, OP_TEXT, s, 0, 0); }

/* Deep nesting keeps this indentation, so output stays linear in the
 * input. */
#define MAX_INDENT 24

static void indent(FILE *f, uint32_t level) {
    fprintf(f, "\n%*s", 2 * (int)(level < MAX_INDENT ? level : MAX_INDENT), "");
}

/* Items are pushed in reverse: the last pushed is printed first. These
 * helpers push the pieces of one construct, each called with the pieces
 * that follow it already on the stack. */

/* An argument or result list: () for none, T for one (a tuple or a
 * function in parentheses), (T1, T2) for several. */
static void push_list(printer *pr, const candid_type *const *ts, uint32_t n, uint32_t level) {
    if (n == 1) {
        if (is_tuple(ts[0]) && !ts[0]->name) {
            text(pr, ")");
            push(pr, OP_TYPE, ts[0], level, 0);
            text(pr, "(");
        } else {
            push(pr, OP_TYPE, ts[0], level, WRAP);
        }
        return;
    }
    text(pr, ")");
    for (uint32_t k = n; k-- > 0;) {
        push(pr, OP_TYPE, ts[k], level, 0);
        if (k) text(pr, ", ");
    }
    text(pr, "(");
}

static void push_func(printer *pr, const candid_type *t, uint32_t level) {
    if (t->aux & CANDID_ANN_ONEWAY) {
        text(pr, "()");
    } else {
        push_list(pr, t->args + t->count, t->count2, level);
        text(pr, "async ");
    }
    text(pr, " -> ");
    push_list(pr, t->args, t->count, level);
    text(pr, t->aux & CANDID_ANN_QUERY             ? "shared query "
             : t->aux & CANDID_ANN_COMPOSITE_QUERY ? "shared composite query "
                                                   : "shared ");
}

/* Members of a record, variant or actor: one per line below the opener,
 * or a single one on the opener's line. */
static void push_members(printer *pr, const candid_type *t, uint32_t level) {
    int one = t->count == 1;
    text(pr, "}");
    push(pr, OP_BREAK, one ? " " : NULL, level, 0);
    for (uint32_t k = t->count; k-- > 0;) {
        if (!one) text(pr, ";");
        if (t->kind == CANDID_SERVICE) {
            push(pr, OP_TYPE, t->methods[k].type, level + 1, 0);
            text(pr, " : ");
            push(pr, OP_METHOD, &t->methods[k], 0, 0);
        } else {
            const candid_field *fd = &t->fields[k];
            /* A case of type null is a bare tag; one of a named type keeps
             * the name, as didc prints it. */
            if (t->kind == CANDID_RECORD || fd->type->kind != CANDID_NULL || fd->type->name) {
                push(pr, OP_TYPE, fd->type, level + 1, 0);
                text(pr, " : ");
            }
            push(pr, OP_FIELD, fd, 0, 0);
            if (t->kind == CANDID_VARIANT) text(pr, "#");
        }
        push(pr, OP_BREAK, one ? " " : NULL, level + 1, 0);
    }
}

static void expand(printer *pr, const candid_type *t, uint32_t level, uint8_t flags) {
    FILE *f = pr->f;
    const char *prim = prim_name(t->kind);
    if (prim) {
        fputs(prim, f);
        return;
    }
    switch (t->kind) {
    case CANDID_OPT:
        fputc('?', f);
        push(pr, OP_TYPE, t->inner, level, WRAP);
        return;
    case CANDID_VEC:
        if (t->inner->kind == CANDID_NAT8 && !t->inner->name) {
            fputs("Blob", f);
            return;
        }
        text(pr, "]");
        push(pr, OP_TYPE, t->inner, level, 0);
        fputc('[', f);
        return;
    case CANDID_RECORD:
        if (is_tuple(t)) {
            text(pr, ")");
            for (uint32_t k = t->count; k-- > 0;) {
                push(pr, OP_TYPE, t->fields[k].type, level, 0);
                if (k) text(pr, ", ");
            }
            fputc('(', f);
            return;
        }
        /* fall through */
    case CANDID_VARIANT:
        if (t->count == 0) {
            fputs(t->kind == CANDID_RECORD ? "{}" : "{#}", f);
            return;
        }
        push_members(pr, t, level);
        fputc('{', f);
        return;
    case CANDID_SERVICE:
        if (flags & WRAP) text(pr, ")");
        if (t->count == 0) {
            text(pr, "actor {}");
        } else {
            push_members(pr, t, level);
            text(pr, "actor {");
        }
        if (flags & WRAP) fputc('(', f);
        return;
    default: /* func */
        if (flags & WRAP) text(pr, ")");
        push_func(pr, t, level);
        if (flags & WRAP) fputc('(', f);
        return;
    }
}

static void field_name(FILE *f, const candid_field *fd) {
    if (!fd->name) {
        fprintf(f, "_%u_", (unsigned)fd->id);
        return;
    }
    char *s = mo_name(fd->name, strlen(fd->name), 1, 0);
    fputs(s, f);
    free(s);
}

/* Prints t (its structure when body, else its name if it has one). */
static void print_type(printer *pr, const candid_type *t, int body) {
    push(pr, body ? OP_BODY : OP_TYPE, t, 1, 0);
    while (pr->sp) {
        item it = pr->st[--pr->sp];
        switch (it.op) {
        case OP_TEXT: fputs(it.p, pr->f); break;
        case OP_BREAK:
            if (it.p) fputs(it.p, pr->f);
            else indent(pr->f, it.level);
            break;
        case OP_FIELD: field_name(pr->f, it.p); break;
        case OP_METHOD: {
            const candid_method *md = it.p;
            char *s = mo_name(md->name, md->name_len, 0, 0);
            if (!s && !pr->bad_method) {
                pr->bad_method = md->name;
                pr->bad_len = md->name_len;
            }
            fputs(s ? s : "_", pr->f);
            free(s);
            break;
        }
        default: {
            const candid_type *t2 = it.p;
            if (it.op == OP_TYPE && t2->name) {
                char *s = mo_name(t2->name, strlen(t2->name), 1, 1);
                fputs(s, pr->f);
                free(s);
            } else {
                expand(pr, t2, it.level, it.flags);
            }
        }
        }
    }
}

typedef struct def {
    const char *name;
    const candid_type *t;
} def;

static int by_name(const void *a, const void *b) {
    return strcmp(((const def *)a)->name, ((const def *)b)->name);
}

int bind_emit_motoko(FILE *f, const candid_idl *idl, const char *did_name) {
    printer pr = {.f = f};
    size_t n = 0;
    const char *name;
    size_t len;
    const candid_type *t;
    for (const candid_idl_def *d = candid_idl_next(idl, NULL, &name, &len, &t); d;
         d = candid_idl_next(idl, d, &name, &len, &t))
        n++;
    /* Definitions by name, as didc orders them: the output does not depend
     * on the order of the .did file's definitions. */
    def *defs = calloc(n + 1, sizeof *defs);
    if (!defs) {
        fputs("candid: out of memory\n", stderr);
        exit(1);
    }
    n = 0;
    for (const candid_idl_def *d = candid_idl_next(idl, NULL, &name, &len, &t); d;
         d = candid_idl_next(idl, d, &name, &len, &t))
        defs[n++] = (def){name, t};
    qsort(defs, n, sizeof *defs, by_name);

    fprintf(f, "// Generated by `candid bind --target motoko` from %s: its types and its\n"
               "// service for Motoko. A canister calls the service through\n"
               "//   let s : Module.Service = actor (\"<canister id>\");\n\n"
               "module {\n",
            did_name);
    for (size_t i = 0; i < n; i++) {
        char *s = mo_name(defs[i].name, strlen(defs[i].name), 1, 1);
        fprintf(f, "  public type %s = ", s);
        free(s);
        print_type(&pr, defs[i].t, 1);
        fputs(";\n", f);
    }
    if (idl->service) {
        fputs("  public type Service = ", f);
        print_type(&pr, idl->service, 0);
        fputs(";\n", f);
        /* didc's name for the service; with init arguments, the class form
         * (the type of the canister's installation). */
        fputs("  public type Self = ", f);
        if (idl->init_args) {
            const candid_type *a = idl->init_args;
            fputc('(', f);
            for (uint32_t k = 0; k < a->count; k++) {
                if (k) fputs(", ", f);
                print_type(&pr, a->fields[k].type, 0);
            }
            fputs(") -> async ", f);
        }
        fputs("Service;\n", f);
    }
    fputs("}\n", f);
    free(pr.st);
    free(defs);
    if (pr.bad_method) {
        fprintf(stderr,
                "candid: method \"%.*s\" is not a Motoko identifier: Motoko cannot name it in an "
                "actor type\n",
                (int)pr.bad_len, pr.bad_method);
        return 2;
    }
    return ferror(f) != 0;
}
