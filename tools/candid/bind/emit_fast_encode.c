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
#include "candid/fast_encode.h"

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

/* How a value is written with the cursor in the locals p and end:
 * INLINE in at most `head` bytes, BULK in a bounded head and then bytes of
 * any length (candid_fast_copy, which makes the room for what follows),
 * BULK_END the same under options (absent, it makes no room: the next
 * run checks its own), or CALL through o: its fe_ function, or a leaf the
 * cursor helpers do not cover. */
enum { INLINE, BULK, BULK_END, CALL };

/* An inline option chain stays short: its head (one byte per option) must
 * fit in the scratch run with the rest. */
#define MAX_OPT_CHAIN 48

static int is_fixed(const candid_type *t) {
    return t->kind >= CANDID_NAT8 && t->kind <= CANDID_FLOAT64;
}

/* An option written in place: held by value, not a list. */
static int inline_opt(const bind_model *m, size_t c) {
    return m->nodes[c].t->kind == CANDID_OPT && !m->nodes[c].boxed_opt && !is_list(m, c);
}

/* The way node c is written and, unless CALL, the most its head takes. */
static int way(const bind_model *m, size_t c, size_t *head) {
    size_t opts = 0;
    while (inline_opt(m, c) && opts < MAX_OPT_CHAIN) { /* an option chain: a byte each */
        c = bind_node(m, m->nodes[c].t->inner);
        opts++;
    }
    const candid_type *t = m->nodes[c].t;
    *head = opts;
    if (has_fn(m, c) || (opts == MAX_OPT_CHAIN && inline_opt(m, c))) return CALL;
    switch (t->kind) {
    case CANDID_NULL:
    case CANDID_RESERVED:
    case CANDID_EMPTY:
        return INLINE;
    case CANDID_BOOL:
        *head += 1;
        return INLINE;
    case CANDID_NAT:
    case CANDID_INT:
        *head += 10;
        return m->opts.nat_big ? CALL : INLINE;
    case CANDID_TEXT:
    case CANDID_VEC: /* blob */
        *head += 10;
        return opts ? BULK_END : BULK;
    case CANDID_PRINCIPAL:
    case CANDID_SERVICE:
        *head += 11;
        return opts ? BULK_END : BULK;
    case CANDID_FUNC:
        return CALL;
    default:
        *head += (size_t)bind_fixed_width(t->kind); /* the fixed-width numbers */
        return INLINE;
    }
}
/* The statement writing a CALL value through o. */
static void put_call(FILE *f, const bind_model *m, size_t c, const char *e, const char *ind) {
    const candid_type *t = m->nodes[c].t;
    if (has_fn(m, c)) {
        char *fn = fn_name(m, c);
        fprintf(f, "%sif (%s(o, &%s)) return 1;\n", ind, fn, e);
        free(fn);
    } else if (t->kind == CANDID_FUNC) {
        fprintf(f, "%sif (candid_fast_put_func(o, %s)) return 1;\n", ind, e);
    } else { /* a bignum */
        fprintf(f, "%sif (candid_fast_put_bignum(o, %s, %d)) return 1;\n", ind, e, t->kind == CANDID_INT);
    }
}

/* put_call with the cursor handed to o and, when `more` writes follow,
 * taken back. */
static void put_call_from(FILE *f, const bind_model *m, size_t c, const char *e, const char *ind,
                          int more) {
    fprintf(f, "%so->p = p;\n", ind);
    put_call(f, m, c, e, ind);
    if (more) fprintf(f, "%sp = o->p;\n%send = o->end;\n", ind, ind);
}

/* The statements writing the value of node c held at the lvalue `e`, its
 * head's room made (unless it is a CALL); a BULK one then makes `more`. */
static void put_value(FILE *f, const bind_model *m, size_t c, const char *e, const char *ind,
                      size_t more) {
    size_t head;
    if (way(m, c, &head) == CALL) {
        put_call_from(f, m, c, e, ind, 1);
        return;
    }
    char *x = bind_fmt("%s", e), *in = bind_fmt("%s", ind);
    size_t opts = 0;
    for (; inline_opt(m, c); opts++) {
        fprintf(f, "%s*p++ = %s.present != 0;\n%sif (%s.present) {\n", in, x, in, x);
        char *nx = bind_fmt("%s.value", x), *nin = bind_fmt("%s    ", in);
        free(x);
        free(in);
        x = nx;
        in = nin;
        c = bind_node(m, m->nodes[c].t->inner);
    }
    const candid_type *t = m->nodes[c].t;
    switch (t->kind) {
    case CANDID_NULL:
    case CANDID_RESERVED:
        break;
    case CANDID_EMPTY:
        fprintf(f, "%sreturn 1; /* empty has no values */\n", in);
        break;
    case CANDID_BOOL:
        fprintf(f, "%sif (%s > 1) return 1;\n%s*p++ = %s;\n", in, x, in, x);
        break;
    case CANDID_NAT:
    case CANDID_INT:
        fprintf(f, "%sp = candid_fast_w_%s(p, %s);\n", in, t->kind == CANDID_NAT ? "leb" : "sleb", x);
        break;
    case CANDID_TEXT:
        fprintf(f, "%sif (candid_fast_w_text(o, &p, &end, %s, %zu)) return 1;\n", in, x, more);
        break;
    case CANDID_PRINCIPAL:
    case CANDID_SERVICE:
        fprintf(f, "%sif (candid_fast_w_principal(o, &p, &end, %s, %zu)) return 1;\n", in, x, more);
        break;
    case CANDID_VEC: /* blob */
        fprintf(f, "%sif (candid_fast_w_slice(o, &p, &end, %s, 1, %zu)) return 1;\n", in, x, more);
        break;
    default: /* fixed-width numbers */
        fprintf(f, "%sp = candid_fast_w_fixed(p, &%s, sizeof %s);\n", in, x, x);
    }
    for (; opts; opts--) {
        in[strlen(in) - 4] = 0;
        fprintf(f, "%s}\n", in);
    }
    free(x);
    free(in);
}

/* The most the values from c[i] on write before a BULK one's bytes or a
 * CALL (their run, up to the scratch size), after `room` bytes; *j is
 * where the run stops (after the BULK, or at what did not fit). */
static size_t run_room(const bind_model *m, size_t n, const size_t *c, size_t i, size_t room,
                       size_t *j) {
    size_t head;
    for (*j = i; *j < n; ++*j) {
        int w = way(m, c[*j], &head);
        if (w == CALL || room + head > CANDID_FAST_SCRATCH) break;
        room += head;
        if (w != INLINE) {
            ++*j;
            break;
        }
    }
    return room;
}

/* Writes n values (node c[k] at lvalue e[k]), after `prefix` (code
 * writing at most prefix_len bytes, run first): one room check per run of
 * INLINE values, a BULK one ending it and making the next run's room, a
 * CALL between runs. Returns 1 when it ends with the cursor in o (a last
 * CALL and no `more` writes after). */
static int put_values(FILE *f, const bind_model *m, size_t n, const size_t *c, char *const *e,
                      const char *prefix, size_t prefix_len, const char *ind, int more) {
    size_t i = 0, j, head, room = run_room(m, n, c, 0, prefix ? prefix_len : 0, &j);
    int made = 0; /* the room of the run from i to j is made */
    do {
        if (room && !made) fprintf(f, "%sif (candid_fast_room(o, &p, &end, %zu)) return 1;\n", ind, room);
        if (prefix) fputs(prefix, f);
        prefix = NULL;
        size_t stop = j, next = 0;
        int bulk = stop > i && way(m, c[stop - 1], &head) == BULK;
        if (bulk) next = run_room(m, n, c, stop, 0, &j); /* its copy makes that room */
        for (; i < stop; i++) put_value(f, m, c[i], e[i], ind, i + 1 == stop ? next : 0);
        made = bulk;
        room = next;
        if (bulk) continue;
        if (i < n && way(m, c[i], &head) == CALL) {
            put_call_from(f, m, c[i], e[i], ind, more || i + 1 < n);
            if (++i == n && !more) return 1;
        }
        room = run_room(m, n, c, i, 0, &j);
    } while (i < n);
    return 0;
}

/* put_values of one value. */
static int put_one(FILE *f, const bind_model *m, size_t c, const char *e, const char *prefix,
                   size_t prefix_len, const char *ind, int more) {
    char *es = bind_fmt("%s", e);
    int r = put_values(f, m, 1, &c, &es, prefix, prefix_len, ind, more);
    free(es);
    return r;
}

static const char cursor[] = "    uint8_t *p = o->p, *end = o->end;\n";

/* Whether any statement would read the value (else `v` goes unused). */
static int reads(const bind_model *m, size_t c) {
    const candid_type *t = m->nodes[c].t;
    return t->kind != CANDID_NULL && t->kind != CANDID_RESERVED && t->kind != CANDID_EMPTY;
}

/* fe_STEM for struct node i, whose children have theirs already. */
static void struct_fn(FILE *f, const bind_model *m, size_t i) {
    const bnode *b = &m->nodes[i];
    const candid_type *t = b->t;
    const char *pre = m->opts.name;
    char *fn = fn_name(m, i);
    fprintf(f, "\nstatic int %s(candid_fast_out *o, const %s_%s *v) {\n", fn, pre, b->stem);
    free(fn);
    switch (t->kind) {
    case CANDID_RECORD: {
        int any = 0;
        for (uint32_t k = 0; k < t->count; k++) any |= reads(m, bind_node(m, t->fields[k].type));
        if (!any) {
            fputs("    (void)o;\n    (void)v;\n", f);
            for (uint32_t k = 0; k < t->count; k++)
                if (m->nodes[bind_node(m, t->fields[k].type)].t->kind == CANDID_EMPTY) {
                    fputs("    return 1; /* empty has no values */\n}\n", f);
                    return;
                }
            fputs("    return 0;\n}\n", f);
            return;
        }
        size_t *c = malloc(t->count * sizeof *c);
        char **e = malloc(t->count * sizeof *e);
        if (!c || !e) exit(1);
        for (uint32_t k = 0; k < t->count; k++) { /* fields sorted by id: wire order */
            c[k] = bind_node(m, t->fields[k].type);
            e[k] = bind_fmt("v->%s", b->members[k]);
        }
        int calls = 1; /* only CALLs: no cursor of its own */
        for (uint32_t k = 0; k < t->count; k++) {
            size_t head;
            calls &= way(m, c[k], &head) == CALL || !reads(m, c[k]);
        }
        if (calls) {
            for (uint32_t k = 0; k < t->count; k++)
                if (reads(m, c[k])) put_call(f, m, c[k], e[k], "    ");
                else put_value(f, m, c[k], e[k], "    ", 0); /* empty's return */
        } else {
            fputs(cursor, f);
            if (!put_values(f, m, t->count, c, e, NULL, 0, "    ", 0)) fputs("    o->p = p;\n", f);
        }
        for (uint32_t k = 0; k < t->count; k++) free(e[k]);
        free(c);
        free(e);
        fputs("    return 0;\n}\n", f);
        return;
    }
    case CANDID_VARIANT: {
        if (!t->count) {
            fputs("    (void)o;\n    (void)v;\n    return 1; /* variant {} has no values */\n}\n", f);
            return;
        }
        size_t room = 10, head;
        for (uint32_t k = 0; k < t->count; k++)
            if (way(m, bind_node(m, t->fields[k].type), &head) != CALL && 10 + head > room)
                room = 10 + head;
        fprintf(f, "%s    if (v->tag >= %u) return 1;\n"
                   "    if (candid_fast_room(o, &p, &end, %zu)) return 1;\n"
                   "    p = candid_fast_w_leb(p, v->tag);\n    switch (v->tag) {\n",
                cursor, t->count, room);
        for (uint32_t k = 0; k < t->count; k++) {
            fprintf(f, "    case %s_%s:\n", pre, b->tags[k]);
            char *e = bind_fmt("v->u.%s", b->members[k]);
            put_value(f, m, bind_node(m, t->fields[k].type), e, "        ", 0);
            free(e);
            fputs("        break;\n", f);
        }
        fputs("    }\n", f);
        break;
    }
    case CANDID_OPT:
        fputs(cursor, f);
        if (put_one(f, m, bind_node(m, t->inner), "v->value",
                    "    *p++ = v->present != 0;\n    if (!v->present) {\n        o->p = p;\n"
                    "        return 0;\n    }\n", 1, "    ", 0))
            fputs("    return 0;\n}\n", f);
        else
            fputs("    o->p = p;\n    return 0;\n}\n", f);
        return;
    default: { /* vec */
        size_t c = bind_node(m, t->inner);
        fprintf(f, "%s    if (!v->items && v->len) return 1;\n"
                   "    if (candid_fast_room(o, &p, &end, 10)) return 1;\n"
                   "    p = candid_fast_w_leb(p, v->len);\n", cursor);
        if (is_fixed(t->inner)) {
            fputs("    o->p = p;\n    candid_fast_put_array(o, v->items, v->len, sizeof *v->items);\n"
                  "    return 0;\n}\n", f);
            return;
        } else if (t->inner->kind == CANDID_EMPTY) {
            fputs("    if (v->len) return 1; /* empty has no values */\n", f);
        } else if (reads(m, c)) {
            fputs("    for (size_t i = 0; i < v->len; i++) {\n", f);
            put_one(f, m, c, "v->items[i]", NULL, 0, "        ", 1);
            fputs("    }\n", f);
        }
    }
    }
    fputs("    o->p = p;\n    return 0;\n}\n", f);
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
    fprintf(f, "\nstatic int fe_%s(candid_fast_out *o, %s) {\n%s"
               "    const %s *node = *v, *seen = NULL;\n"
               "    for (uint64_t n = 1;; n++) {\n", b->stem, param, cursor, rt);
    size_t nf = rb->t->count - 1, *c = malloc((nf + 1) * sizeof *c);
    char **e = malloc((nf + 1) * sizeof *e);
    if (!c || !e) exit(1);
    for (size_t k = 0; k < nf; k++) {
        c[k] = bind_node(m, rb->t->fields[k].type);
        e[k] = bind_fmt("node->%s", rb->members[k]);
    }
    put_values(f, m, nf, c, e,
               "        *p++ = node != NULL;\n        if (!node) {\n            o->p = p;\n"
               "            return 0;\n        }\n        if (node == seen) return 1;\n", 1, "        ", 1);
    for (size_t k = 0; k < nf; k++) free(e[k]);
    free(c);
    free(e);
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
            size_t head;
            if (has_fn(m, c) && way(m, c, &head) == CALL &&
                !bind_names_taken(fa->written, m->nodes[c].stem)) {
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
    size_t head;
    if (reads(m, i) && way(m, i, &head) == CALL) {
        char *ct = bind_ctype(m, i), *e = bind_fmt("*(const %s *)values", ct);
        put_call(f, m, i, e, "    ");
        free(ct);
        free(e);
    } else if (reads(m, i)) {
        char *ct = bind_ctype(m, i);
        fprintf(f, "    const %s *v = values;\n%s", ct, cursor);
        free(ct);
        if (!put_one(f, m, i, "*v", NULL, 0, "    ", 0)) fputs("    o->p = p;\n", f);
    } else {
        fputs("    (void)o;\n    (void)values;\n", f);
        if (m->nodes[i].t->kind == CANDID_EMPTY) fputs("    return 1; /* empty has no values */\n", f);
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
