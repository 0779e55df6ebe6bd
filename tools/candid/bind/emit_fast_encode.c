/* candid bind --fast: the generated fast encoders. Each struct type gets a
 * function writing its values in wire order (fields sorted by id, leaves
 * inline, a loop per vector), each message a function over its tuple
 * that candid_fast_encode (candid/fast_encode.h) runs after the
 * precomputed header. The functions give up (return 1) on any value that
 * is not ordinary and candid_encode writes the message instead, so they
 * check only what decides that and need no error codes of their own.
 * Lists (an option of a record whose last field is the list) are loops;
 * other types that contain themselves keep candid_encode: their fast
 * encoders, which need an explicit stack, are not written yet. */
#include <stdlib.h>
#include <string.h>

#include "bind.h"

enum { WHITE, GRAY, DONE, RECURSIVE };

/* Deeper types keep candid_encode: the stubs' default work memory
 * (NAME_ENCODE_WORK, 2,048 bytes) holds 42 of candid_encode's levels, so a
 * fast path deeper than this would rarely run, and a long chain of nested
 * functions costs the compiler more than it saves. */
#define MAX_LEVELS 64

struct bind_fast {
    uint8_t *state;   /* per node: WHITE, GRAY (on the walk), DONE, RECURSIVE */
    uint32_t *levels; /* per node: candid_encode stack levels its values can take */
    bind_names *written; /* fe_ functions: nodes of one shape share a stem and a struct */
};

/* A list: an option on a cycle (a pointer) of a record whose last field,
 * in wire order, is the option itself. candid_encode takes no stack level
 * for a last field, nor does the generated code: a list is a loop. */
static int is_list(const bind_model *m, size_t i) {
    const candid_type *t = m->nodes[i].t;
    if (t->kind != CANDID_OPT || !m->nodes[i].boxed_opt || t->inner->kind != CANDID_RECORD ||
        !t->inner->count)
        return 0;
    const candid_type *r = t->inner;
    return bind_node(m, r->fields[r->count - 1].type) == i;
}

/* Nodes with an fe_ function of their own. */
static int has_fn(const bind_model *m, size_t i) {
    return bind_is_struct(m, i) || is_list(m, i);
}

/* The values a value of node i contains (node indices): a list's are its
 * record's fields but the last. */
static size_t nchildren(const bind_model *m, size_t i) {
    const candid_type *t = m->nodes[i].t;
    if (is_list(m, i)) return t->inner->count - 1;
    if (t->kind == CANDID_OPT || t->kind == CANDID_VEC) return 1;
    if (t->kind == CANDID_RECORD || t->kind == CANDID_VARIANT) return t->count;
    return 0; /* func and service values hold references, not values */
}

static size_t child(const bind_model *m, size_t i, size_t k) {
    const candid_type *t = m->nodes[i].t;
    if (is_list(m, i)) return bind_node(m, t->inner->fields[k].type);
    return bind_node(m, t->kind == CANDID_OPT || t->kind == CANDID_VEC ? t->inner : t->fields[k].type);
}

/* "fe_STEM", the function writing values of struct node i. */
static char *fn_name(const bind_model *m, size_t i) {
    return bind_fmt("fe_%s", m->nodes[i].stem);
}

/* The statements writing the value of node c held at the lvalue `e`. */
static void put_value(FILE *f, const bind_model *m, size_t c, const char *e, const char *ind) {
    const candid_type *t = m->nodes[c].t;
    if (has_fn(m, c)) {
        char *fn = fn_name(m, c);
        fprintf(f, "%sif (%s(o, &%s)) return 1;\n", ind, fn, e);
        free(fn);
        return;
    }
    switch (t->kind) {
    case CANDID_NULL:
    case CANDID_RESERVED:
        return;
    case CANDID_EMPTY:
        fprintf(f, "%sreturn 1; /* empty has no values */\n", ind);
        return;
    case CANDID_BOOL:
        fprintf(f, "%sif (candid_fast_put_bool(o, %s)) return 1;\n", ind, e);
        return;
    case CANDID_NAT:
    case CANDID_INT:
        if (m->opts.nat_big)
            fprintf(f, "%sif (candid_fast_put_bignum(o, %s, %d)) return 1;\n", ind, e,
                    t->kind == CANDID_INT);
        else
            fprintf(f, "%scandid_fast_put_%s(o, %s);\n", ind, t->kind == CANDID_NAT ? "leb" : "sleb", e);
        return;
    case CANDID_TEXT:
        fprintf(f, "%sif (candid_fast_put_text(o, %s)) return 1;\n", ind, e);
        return;
    case CANDID_PRINCIPAL:
    case CANDID_SERVICE:
        fprintf(f, "%sif (candid_fast_put_principal(o, %s)) return 1;\n", ind, e);
        return;
    case CANDID_FUNC:
        fprintf(f, "%sif (candid_fast_put_func(o, %s)) return 1;\n", ind, e);
        return;
    case CANDID_VEC: /* blob */
        fprintf(f, "%sif (candid_fast_put_slice(o, %s, 1)) return 1;\n", ind, e);
        return;
    default: /* fixed-width numbers */
        fprintf(f, "%scandid_fast_put_fixed(o, &%s, sizeof %s);\n", ind, e, e);
    }
}

static int is_fixed(const candid_type *t) {
    return t->kind >= CANDID_NAT8 && t->kind <= CANDID_FLOAT64;
}

/* Whether any statement would read the value (else `v` goes unused). */
static int reads(const bind_model *m, size_t c) {
    const candid_type *t = m->nodes[c].t;
    return t->kind != CANDID_NULL && t->kind != CANDID_RESERVED && t->kind != CANDID_EMPTY;
}

/* fe_STEM for struct node i, whose children have theirs already. */
static void struct_fn(FILE *f, const bind_model *m, size_t i) {
    const bnode *b = &m->nodes[i];
    const candid_type *t = b->t;
    const char *p = m->opts.name;
    char *fn = fn_name(m, i);
    fprintf(f, "\nstatic int %s(candid_fast_out *o, const %s_%s *v) {\n", fn, p, b->stem);
    free(fn);
    switch (t->kind) {
    case CANDID_RECORD: {
        int any = 0;
        for (uint32_t k = 0; k < t->count; k++) any |= reads(m, bind_node(m, t->fields[k].type));
        if (!any) fputs("    (void)o;\n    (void)v;\n", f);
        for (uint32_t k = 0; k < t->count; k++) { /* fields sorted by id: wire order */
            char *e = bind_fmt("v->%s", b->members[k]);
            put_value(f, m, bind_node(m, t->fields[k].type), e, "    ");
            free(e);
        }
        break;
    }
    case CANDID_VARIANT:
        if (!t->count) {
            fputs("    (void)o;\n    (void)v;\n    return 1; /* variant {} has no values */\n}\n", f);
            return;
        }
        fprintf(f, "    if (v->tag >= %u) return 1;\n", t->count);
        fputs("    candid_fast_put_leb(o, v->tag);\n    switch (v->tag) {\n", f);
        for (uint32_t k = 0; k < t->count; k++) {
            size_t c = bind_node(m, t->fields[k].type);
            fprintf(f, "    case %s_%s:\n", p, b->tags[k]);
            char *e = bind_fmt("v->u.%s", b->members[k]);
            put_value(f, m, c, e, "        ");
            free(e);
            fputs("        break;\n", f);
        }
        fputs("    }\n", f);
        break;
    case CANDID_OPT: {
        size_t c = bind_node(m, t->inner);
        fputs("    candid_fast_put_u8(o, v->present != 0);\n    if (!v->present) return 0;\n", f);
        put_value(f, m, c, "v->value", "    ");
        break;
    }
    default: { /* vec */
        size_t c = bind_node(m, t->inner);
        fputs("    if (candid_fast_put_count(o, v->items, v->len)) return 1;\n", f);
        if (is_fixed(t->inner)) {
            fputs("    candid_fast_put_array(o, v->items, v->len, sizeof *v->items);\n", f);
        } else if (t->inner->kind == CANDID_EMPTY) {
            fputs("    if (v->len) return 1; /* empty has no values */\n", f);
        } else if (reads(m, c)) {
            fputs("    for (size_t i = 0; i < v->len; i++) {\n", f);
            put_value(f, m, c, "v->items[i]", "        ");
            fputs("    }\n", f);
        }
    }
    }
    fputs("    return 0;\n}\n", f);
}

/* fe_STEM for a list: a loop along the chain. A chain that comes back on
 * itself is found (Brent: compared with the node at the last power of two)
 * and left to candid_encode, which reports it. */
static void list_fn(FILE *f, const bind_model *m, size_t i) {
    const bnode *b = &m->nodes[i];
    size_t r = bind_node(m, b->t->inner);
    const bnode *rb = &m->nodes[r];
    char *ct = bind_ctype(m, i), *rt = bind_ctype(m, r);
    /* the slot is a pointer: named (NAME_List) or not (NAME_Node *) */
    char *param = ct[strlen(ct) - 1] == '*' ? bind_fmt("%sconst *v", ct) : bind_fmt("const %s *v", ct);
    fprintf(f, "\nstatic int fe_%s(candid_fast_out *o, %s) {\n"
               "    const %s *node = *v, *seen = NULL;\n"
               "    for (uint64_t n = 1;; n++) {\n"
               "        candid_fast_put_u8(o, node != NULL);\n"
               "        if (!node) return 0;\n"
               "        if (node == seen) return 1;\n", b->stem, param, rt);
    for (uint32_t k = 0; k + 1 < rb->t->count; k++) {
        char *e = bind_fmt("node->%s", rb->members[k]);
        put_value(f, m, bind_node(m, rb->t->fields[k].type), e, "        ");
        free(e);
    }
    fprintf(f, "        if (!(n & (n - 1))) seen = node;\n"
               "        node = node->%s;\n    }\n}\n", rb->members[rb->t->count - 1]);
    free(param);
    free(ct);
    free(rt);
}

/* A depth-first walk over what root contains: finds the types that contain
 * themselves and counts stack levels. Explicit stack: no recursion on type
 * depth. */
static void walk(const bind_model *m, bind_fast *fa, size_t root) {
    if (fa->state[root] != WHITE) return;
    size_t *node = malloc(m->n * sizeof *node), *next = malloc(m->n * sizeof *next), sp = 0;
    if (!node || !next) exit(1);
    node[sp] = root;
    next[sp++] = 0;
    fa->state[root] = GRAY;
    while (sp) {
        size_t i = node[sp - 1];
        const candid_type *t = m->nodes[i].t;
        if (next[sp - 1] < nchildren(m, i)) {
            size_t c = child(m, i, next[sp - 1]++);
            if (fa->state[c] == GRAY) {
                fa->state[i] = RECURSIVE; /* and so is everything on the walk above */
            } else if (fa->state[c] == WHITE) {
                fa->state[c] = GRAY;
                node[sp] = c;
                next[sp++] = 0;
            }
            continue;
        }
        sp--;
        int rec = fa->state[i] == RECURSIVE;
        uint32_t deepest = 0;
        for (size_t k = 0; k < nchildren(m, i); k++) {
            size_t c = child(m, i, k);
            rec |= fa->state[c] == RECURSIVE;
            if (fa->levels[c] > deepest) deepest = fa->levels[c];
        }
        /* candid_encode takes a level per record and per vector (at most:
         * a last member takes none) */
        fa->levels[i] = deepest + (t->kind == CANDID_RECORD || t->kind == CANDID_VEC) + 2 * is_list(m, i);
        fa->state[i] = rec ? RECURSIVE : DONE;
        if (rec && sp) fa->state[node[sp - 1]] = RECURSIVE;
    }
    free(node);
    free(next);
}

/* The fe_ functions root's values need and do not have yet, callees first
 * (root does not contain itself: the walk ends). */
static void emit_structs(FILE *f, const bind_model *m, bind_fast *fa, size_t root) {
    size_t *node = malloc(m->n * sizeof *node), *next = malloc(m->n * sizeof *next), sp = 0;
    if (!node || !next) exit(1);
    node[sp] = root;
    next[sp++] = 0;
    while (sp) {
        size_t i = node[sp - 1];
        if (next[sp - 1] < nchildren(m, i)) {
            size_t c = child(m, i, next[sp - 1]++);
            if (has_fn(m, c) && !bind_names_taken(fa->written, m->nodes[c].stem)) {
                node[sp] = c;
                next[sp++] = 0;
            }
            continue;
        }
        sp--;
        if (has_fn(m, i) && !bind_names_taken(fa->written, m->nodes[i].stem)) {
            free(bind_names_reserve(fa->written, m->nodes[i].stem));
            if (is_list(m, i)) list_fn(f, m, i);
            else struct_fn(f, m, i);
        }
    }
    free(node);
    free(next);
}

bind_fast *bind_fast_new(const bind_model *m) {
    bind_fast *fa = malloc(sizeof *fa);
    if (!fa) exit(1);
    fa->state = calloc(m->n + 1, 1);
    fa->levels = calloc(m->n + 1, sizeof *fa->levels);
    fa->written = bind_names_new();
    if (!fa->state || !fa->levels || !fa->written) exit(1);
    return fa;
}

void bind_fast_free(bind_fast *fa) {
    if (!fa) return;
    free(fa->state);
    free(fa->levels);
    bind_names_free(fa->written);
    free(fa);
}

/* fv_SYM, the values of a message of node i (a tuple, or the one-value
 * tuple of node i: the same code); 0 when i contains itself. */
static int values_fn(FILE *f, const bind_model *m, bind_fast *fa, size_t i, const char *sym) {
    walk(m, fa, i);
    if (fa->state[i] == RECURSIVE || fa->levels[i] >= MAX_LEVELS) return 0;
    emit_structs(f, m, fa, i);
    fprintf(f, "\nstatic int fv_%s(candid_fast_out *o, const void *values) {\n", sym);
    if (has_fn(m, i)) {
        char *fn = fn_name(m, i);
        fprintf(f, "    return %s(o, values);\n}\n", fn);
        free(fn);
        return 1;
    }
    if (reads(m, i)) {
        char *ct = bind_ctype(m, i);
        fprintf(f, "    const %s *v = values;\n", ct);
        free(ct);
        put_value(f, m, i, "*v", "    ");
    } else {
        fputs("    (void)o;\n    (void)values;\n", f);
        put_value(f, m, i, "", "    ");
    }
    if (m->nodes[i].t->kind != CANDID_EMPTY) fputs("    return 0;\n", f);
    fputs("}\n", f);
    return 1;
}

void bind_fast_encoder(FILE *f, const bind_model *m, bind_fast *fa, size_t i, int one_value,
                       const char *fn, const char *type, const char *hd, const char *message) {
    const char *p = m->opts.name;
    const char *sym = m->nodes[i].stem;
    int fast = values_fn(f, m, fa, i, sym);
    char *body = fast ? bind_fmt("candid_fast_encode(w, &%s, values, work, sizeof work, %u, fv_%s)", hd,
                                 fa->levels[i] + (uint32_t)one_value, sym)
                      : bind_fmt("candid_encode(w, &%s, values, work, sizeof work, 0)", hd);
    if (message) {
        fprintf(f, "\ncandid_status %s(candid_writer *w, const void *values) {\n"
                   "    uint64_t work[%s_ENCODE_WORK / 8];\n    return %s;\n}\n", message, p, body);
        fprintf(f, "\ncandid_status %s_%s(candid_writer *w, const %s_%s *v) {\n"
                   "    return %s(w, v);\n}\n", p, fn, p, type, message);
    } else {
        fprintf(f, "\ncandid_status %s_%s(candid_writer *w, const %s_%s *v) {\n"
                   "    const void *values = v;\n    uint64_t work[%s_ENCODE_WORK / 8];\n"
                   "    return %s;\n}\n", p, fn, p, type, p, body);
    }
    free(body);
}
