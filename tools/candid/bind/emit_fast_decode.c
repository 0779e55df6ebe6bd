/* --fast: the exact-match decoders of NAME.c. A message whose header is
 * byte for byte the one the stub sends is read by straight-line code
 * instead of the plan interpreter: a function per acyclic type (fields in
 * order, leaves inline through the readers of candid/fast.h, loops for
 * vectors), whose native nesting follows the type, not the input; and
 * for types on a cycle (lists, trees) one function, decode_cycles, that
 * jumps between their labels and keeps what waits on an explicit stack in
 * the decoder's work memory. Anything else, and any failure, goes to
 * candid_decode (see fast.h). */
#include <stdlib.h>
#include <string.h>

#include "bind.h"
#include "candid/decode.h"
#include "candid/encode.h"
#include "candid/wire.h"

/* Children that are decoded as part of a value (func and service
 * references are leaves). */
static size_t value_children(const candid_type *t) {
    switch (t->kind) {
    case CANDID_OPT:
    case CANDID_VEC: return 1;
    case CANDID_RECORD:
    case CANDID_VARIANT: return t->count;
    default: return 0;
    }
}

static const candid_type *value_child(const candid_type *t, size_t k) {
    return t->kind == CANDID_OPT || t->kind == CANDID_VEC ? t->inner : t->fields[k].type;
}

/* Leaves are read inline; other values (records, variants, inline
 * options, vectors other than blobs) by a function of their own. */
static int is_leaf(const bind_model *m, size_t i) { return !bind_is_struct(m, i); }

/* Slots the interpreter gives no bytes (their descriptor's size is 0):
 * null, reserved, empty, records without members. */
static int zero_size(const candid_type *t) {
    if (bind_is_void(t)) return 1;
    if (t->kind != CANDID_RECORD) return 0;
    for (uint32_t k = 0; k < t->count; k++)
        if (!bind_is_void(t->fields[k].type)) return 0;
    return 1;
}

/* The walk facts of every node: whether a cycle is reachable (no fast
 * decoder then), and how many containers deep its values nest. */
typedef struct walk {
    uint8_t *cyclic;
    uint32_t *depth;
    uint8_t *needed; /* reached from a root with a fast decoder */
} walk;

/* Post-order over the acyclic part by an explicit stack; a node on a
 * cycle, or reaching one, is marked cyclic. */
static walk analyse(const bind_model *m) {
    walk w = {calloc(m->n + 1, 1), calloc(m->n + 1, sizeof(uint32_t)), calloc(m->n + 1, 1)};
    uint8_t *state = calloc(m->n + 1, 1); /* 1: entered, 2: done */
    struct fr { size_t v, k; } *st = malloc((m->n + 1 + m->ndefs + 2 * m->nmethods) * sizeof *st);
    if (!w.cyclic || !w.depth || !state || !st) exit(1);
    for (size_t r = 0; r < m->n; r++) {
        if (state[r]) continue;
        size_t sp = 0;
        st[sp++] = (struct fr){r, 0};
        state[r] = 1;
        while (sp) {
            struct fr *top = &st[sp - 1];
            const candid_type *t = m->nodes[top->v].t;
            if (m->nodes[top->v].scc) w.cyclic[top->v] = 1;
            if (top->k < value_children(t)) {
                size_t c = bind_node(m, value_child(t, top->k++));
                if (!state[c]) {
                    state[c] = 1;
                    st[sp++] = (struct fr){c, 0};
                }
                continue;
            }
            uint32_t d = 0;
            for (size_t k = 0; k < value_children(t); k++) {
                size_t c = bind_node(m, value_child(t, k));
                w.cyclic[top->v] |= w.cyclic[c];
                if (w.depth[c] > d) d = w.depth[c];
            }
            w.depth[top->v] = is_leaf(m, top->v) || !value_children(t) ? 0 : d + 1;
            state[top->v] = 2;
            sp--;
        }
    }
    /* The decoders the roots call, by a walk from the roots. */
    size_t sp = 0;
    for (size_t k = 0; k < m->ndefs; k++) st[sp++].v = m->defs[k];
    for (size_t k = 0; k < m->nmethods; k++) {
        st[sp++].v = m->methods[k].args;
        if (m->methods[k].results != (size_t)-1) st[sp++].v = m->methods[k].results;
    }
    size_t roots = sp;
    sp = 0;
    for (size_t k = 0; k < roots; k++)
        if (!w.needed[st[k].v]) w.needed[st[sp++].v = st[k].v] = 1;
    while (sp) {
        const candid_type *t = m->nodes[st[--sp].v].t;
        for (size_t k = 0; k < value_children(t); k++) {
            size_t c = bind_node(m, value_child(t, k));
            if (!w.needed[c]) w.needed[st[sp++].v = c] = 1;
        }
    }
    free(state);
    free(st);
    return w;
}

/* The C expression reading leaf node c into the lvalue `lv`; 1 for values
 * without bytes, 0 for empty (which has none). */
static char *leaf_expr(const bind_model *m, size_t c, const char *lv) {
    const candid_type *t = m->nodes[c].t;
    if (t->kind == CANDID_EMPTY) return bind_fmt("0 /* empty has no values */");
    if (bind_is_void(t)) return NULL;
    int w = bind_fixed_width(t->kind);
    if (w) return bind_fmt("candid_fast_fixed(f, &%s, %d)", lv, w);
    switch (t->kind) {
    case CANDID_BOOL: return bind_fmt("candid_fast_bool(f, &%s)", lv);
    case CANDID_NAT:
    case CANDID_INT:
        if (m->opts.nat_big)
            return bind_fmt("candid_fast_bignum(f, &%s, %d)", lv, t->kind == CANDID_INT);
        return bind_fmt("candid_fast_%s(f, &%s)", t->kind == CANDID_NAT ? "nat" : "int", lv);
    case CANDID_TEXT: return bind_fmt("candid_fast_bytes(f, 1, &%s)", lv);
    case CANDID_VEC: return bind_fmt("candid_fast_bytes(f, 0, &%s)", lv); /* blob */
    case CANDID_FUNC: return bind_fmt("candid_fast_func(f, &%s)", lv);
    default: return bind_fmt("candid_fast_principal(f, &%s)", lv); /* principal, service */
    }
}

/* The expression reading node c into `lv`: a leaf inline, else its
 * function; NULL for values without bytes. */
static char *value_expr(const bind_model *m, size_t c, const char *lv) {
    if (is_leaf(m, c)) return leaf_expr(m, c, lv);
    return bind_fmt("decode_%s(f, &%s)", m->nodes[c].stem, lv);
}

static void record_fn(FILE *f, const bind_model *m, size_t i) {
    const bnode *b = &m->nodes[i];
    const candid_type *t = b->t;
    uint32_t leaves = 0;
    for (uint32_t k = 0; k < t->count; k++) leaves += is_leaf(m, bind_node(m, t->fields[k].type));
    /* a step for the record and one for each leaf (the others count their own) */
    if (zero_size(t)) fputs("    (void)out; /* no members */\n", f);
    fprintf(f, "    return candid_fast_charge(f, %u)", 1 + leaves);
    for (uint32_t k = 0; k < t->count; k++) { /* wire order: by field id */
        size_t c = bind_node(m, t->fields[k].type);
        char *lv = bind_fmt("out->%s", b->members[k]);
        char *e = value_expr(m, c, lv);
        if (e) fprintf(f, " &&\n           %s", e);
        free(e);
        free(lv);
    }
    fputs(";\n", f);
}

static void variant_fn(FILE *f, const bind_model *m, size_t i) {
    const bnode *b = &m->nodes[i];
    const candid_type *t = b->t;
    const char *p = m->opts.name;
    fprintf(f, "    if (!candid_fast_charge(f, 1) || !candid_fast_tag(f, %u, &out->tag)) return 0;\n",
            t->count);
    if (!t->count) {
        fputs("    return 0; /* no case */\n", f);
        return;
    }
    fputs("    switch (out->tag) {\n", f);
    int voids = 0;
    for (uint32_t k = 0; k < t->count; k++) {
        size_t c = bind_node(m, t->fields[k].type);
        char *lv = bind_fmt("out->u.%s", b->members[k]);
        char *e = value_expr(m, c, lv);
        if (!e) {
            voids = 1;
        } else {
            fprintf(f, "    case %s_%s:\n        return ", p, b->tags[k]);
            if (is_leaf(m, c)) fprintf(f, "candid_fast_charge(f, 1) && ");
            fprintf(f, "%s;\n", e);
        }
        free(e);
        free(lv);
    }
    /* a case without data still counts a step for its value */
    fprintf(f, "    default:\n        return %s;\n    }\n", voids ? "candid_fast_charge(f, 1)" : "0");
}

static void opt_fn(FILE *f, const bind_model *m, size_t i) {
    const candid_type *t = m->nodes[i].t;
    size_t c = bind_node(m, t->inner);
    fputs("    if (!candid_fast_charge(f, 1) || !candid_fast_bool(f, &out->present)) return 0;\n", f);
    if (bind_is_void(t->inner) && t->inner->kind != CANDID_EMPTY) {
        fputs("    return !out->present || candid_fast_charge(f, 1);\n", f);
        return;
    }
    char *e = value_expr(m, c, "out->value");
    fputs("    if (!out->present) {\n", f);
    if (!zero_size(t->inner)) {
        /* none: a zeroed value, as the interpreter leaves it */
        char *d = bind_dsym(m, c);
        fprintf(f, "        __builtin_memset(&out->value, 0, %s.size);\n", d);
        free(d);
    }
    fprintf(f, "        return 1;\n    }\n    return %s%s;\n",
            is_leaf(m, c) ? "candid_fast_charge(f, 1) && " : "", e);
    free(e);
}

static void vec_fn(FILE *f, const bind_model *m, size_t i) {
    const candid_type *t = m->nodes[i].t;
    size_t c = bind_node(m, t->inner);
    int w = bind_fixed_width(t->inner->kind);
    if (w) {
        fprintf(f, "    candid_vec v; /* fixed-width numbers: one copy */\n"
                   "    if (!candid_fast_charge(f, 1) || !candid_fast_bulk(f, %d, &v)) return 0;\n"
                   "    out->items = v.items;\n    out->len = v.len;\n    return 1;\n", w);
        return;
    }
    char *d = bind_dsym(m, c);
    /* An element of at least one byte bounds the count by the bytes left. */
    int min_bytes = !bind_is_void(t->inner) && t->inner->kind != CANDID_RECORD;
    fprintf(f, "    uint64_t n;\n"
               "    if (!candid_fast_charge(f, 1) || !candid_fast_count(f, %d, &n)) return 0;\n"
               "    out->items = candid_fast_alloc(f, n, %s.size, %s.align);\n"
               "    out->len = (size_t)n;\n"
               "    if (!out->items) return 0;\n", min_bytes, d, d);
    free(d);
    if (is_leaf(m, c)) {
        char *e = leaf_expr(m, c, "out->items[k]");
        if (t->inner->kind == CANDID_NAT && !m->opts.nat_big) {
            fputs("    const uint8_t *at = f->p;\n"
                  "    if (!candid_fast_nats(f, out->items, n)) return 0;\n"
                  "    /* a step per element and per 16 bytes read */\n"
                  "    return candid_fast_charge(f, n + ((size_t)(f->p - at) >> 4));\n", f);
        } else if (e) {
            fprintf(f, "    const uint8_t *at = f->p;\n"
                       "    for (size_t k = 0; k < n; k++)\n        if (!(%s)) return 0;\n"
                       "    /* a step per element and per 16 bytes read */\n"
                       "    return candid_fast_charge(f, n + ((size_t)(f->p - at) >> 4));\n", e);
        } else {
            fputs("    return candid_fast_charge(f, n); /* elements without bytes */\n", f);
        }
        free(e);
        return;
    }
    /* a slot of no bytes is never indexed */
    fprintf(f, "    for (size_t k = 0; k < n; k++)\n        if (!decode_%s(f, %s)) return 0;\n"
               "    return 1;\n", m->nodes[c].stem, zero_size(t->inner) ? "out->items" : "&out->items[k]");
}

/* Work memory the interpreter needs for the header and plan of `args`:
 * the least with which a message of the header alone does not fail for
 * work memory (its frames are added per decoder from the nesting depth).
 * Searched rather than read from work_needed, which is not always enough
 * for a retry. SIZE_MAX when it cannot be found: no fast path then.
 * Also the header's count of type-table entries. */
static size_t header_work(const candid_type *args, uint64_t *entries) {
    candid_header h;
    uint8_t *buf;
    candid_status st = bind_header(args, &h, &buf);
    size_t pos = 4; /* after the magic */
    if (st || candid_read_leb(buf, h.len, &pos, entries)) st = CANDID_ERR_TRUNCATED;
    size_t lo = 0, hi = 1u << 22; /* hi works, lo does not (or is 0) */
    uint64_t *w2 = malloc(hi);
    /* the parsed graph's layout, not the stub's: room for what the run
     * writes before the truncated value stops it */
    size_t room = (args->size > 1u << 16 ? args->size : 1u << 16) + 1;
    void *out = calloc(1, room), *arena_mem = malloc(room);
    if (!w2 || !out || !arena_mem) exit(1);
    candid_decoder d;
    candid_arena a;
    candid_arena_init(&a, arena_mem, room);
    candid_decoder_init(&d, w2, hi);
    if (st || candid_decode(&d, buf, h.len, args, out, &a) == CANDID_ERR_WORK_FULL) hi = SIZE_MAX;
    while (hi != SIZE_MAX && hi - lo > 4) {
        size_t mid = (lo + hi) / 2 & ~(size_t)3;
        candid_decoder_init(&d, w2, mid);
        candid_arena_init(&a, arena_mem, room);
        if (candid_decode(&d, buf, h.len, args, out, &a) == CANDID_ERR_WORK_FULL) lo = mid;
        else hi = mid;
    }
    free(arena_mem);
    free(out);
    free(w2);
    free(buf);
    return hi;
}

/* Per root: the generator's call of the decoder, or 0 when the type has
 * none (it is on a cycle). */
static walk facts;
static const bind_model *facts_of;

static void emit_machine(FILE *f, const bind_model *m);

static void ensure_facts(const bind_model *m) {
    if (facts_of == m) return;
    free(facts.cyclic);
    free(facts.depth);
    free(facts.needed);
    facts = analyse(m);
    facts_of = m;
}

void bind_emit_fast_decoders(FILE *f, const bind_model *m) {
    ensure_facts(m);
    const char *p = m->opts.name;
    int any = 0;
    /* nodes of one C type share a stem: one function each */
    uint8_t *first = calloc(m->n + 1, 1);
    bind_names *seen = bind_names_new();
    if (!first) exit(1);
    for (size_t i = 0; i < m->n; i++) {
        if (!facts.needed[i] || facts.cyclic[i] || is_leaf(m, i) ||
            bind_names_taken(seen, m->nodes[i].stem))
            continue;
        free(bind_names_reserve(seen, m->nodes[i].stem));
        first[i] = 1;
        if (!any) fputs("\n/* Exact-match decoders (candid/fast.h): one per type, for messages whose\n"
                        " * header is the stub's own. 1 when the value was read; on 0 the caller\n"
                        " * falls back to candid_decode. */\n", f);
        any = 1;
        fprintf(f, "static int decode_%s(candid_fast *f, %s_%s *out);\n", m->nodes[i].stem, p,
                m->nodes[i].stem);
    }
    for (size_t i = 0; i < m->n; i++) {
        if (!first[i]) continue;
        const bnode *b = &m->nodes[i];
        fprintf(f, "\nstatic int decode_%s(candid_fast *f, %s_%s *out) {\n", b->stem, p, b->stem);
        switch (b->t->kind) {
        case CANDID_RECORD: record_fn(f, m, i); break;
        case CANDID_VARIANT: variant_fn(f, m, i); break;
        case CANDID_OPT: opt_fn(f, m, i); break;
        default: vec_fn(f, m, i); break;
        }
        fputs("}\n", f);
    }
    bind_names_free(seen);
    free(first);
    emit_machine(f, m);
}

/* ---- Types on a cycle: one machine over an explicit stack ---- */

/* Nodes the machine decodes: those that reach a cycle and hold data of
 * their own (a boxed option is a pointer, not a struct). */
static int in_machine(const bind_model *m, size_t i) {
    return facts.needed[i] && facts.cyclic[i] && (bind_is_struct(m, i) || m->nodes[i].boxed_opt);
}

/* The slot size and alignment of node c as the interpreter allocates it
 * (candid_slot_size: a pointer for a boxed option). */
static char *slot_size(const bind_model *m, size_t c, const char *what) {
    if (m->nodes[c].boxed_opt) return bind_fmt("%s(void *)", strcmp(what, "size") ? "_Alignof" : "sizeof");
    char *d = bind_dsym(m, c), *r = bind_fmt("%s.%s", d, what);
    free(d);
    return r;
}

/* Vectors the plan copies whole or borrows: not containers for sure(). */
static int may_fail_node(const bind_model *m, size_t c) {
    const candid_type *t = m->nodes[c].t;
    if (t->kind == CANDID_RECORD || t->kind == CANDID_VARIANT) return 1;
    return t->kind == CANDID_VEC && bind_is_struct(m, c) && !bind_fixed_width(t->inner->kind);
}

/* The plan compiler's sure() (lib/core/plan.c) on the types: whether an
 * option's value cannot fail, so that the interpreter keeps no frame for
 * it. Records and variants held by pointer have descriptors of their own,
 * which count apart. */
#define SURE_LIMIT 16
static int opt_sure(const bind_model *m, size_t opt) {
    size_t todo[SURE_LIMIT], seen[SURE_LIMIT], nt = 0, ns = 0;
    todo[nt++] = 2 * bind_node(m, m->nodes[opt].t->inner);
    while (nt) {
        size_t x = todo[--nt], k = 0;
        while (k < ns && seen[k] != x) k++;
        if (k < ns) continue;
        if (ns == SURE_LIMIT) return 0;
        seen[ns++] = x;
        const candid_type *t = m->nodes[x / 2].t;
        if (!may_fail_node(m, x / 2)) continue;
        for (size_t j = 0; j < value_children(t); j++) {
            size_t c = bind_node(m, value_child(t, j));
            if (!may_fail_node(m, c)) continue;
            if (nt == SURE_LIMIT) return 0;
            todo[nt++] = 2 * c + (size_t)bind_edge_boxed(m, x / 2, c);
        }
    }
    return 1;
}

/* Going into child c of machine node `parent` at slot lvalue lv: leaves
 * inline, acyclic values through their function (then `then`), machine
 * nodes by a jump (allocated first when the edge is a pointer). */
static void machine_child(FILE *f, const bind_model *m, size_t parent, size_t c, const char *lv,
                          const char *ind, const char *then) {
    if (!in_machine(m, c)) {
        char *e = value_expr(m, c, lv);
        if (e) fprintf(f, "%sif (!(%s%s)) return 0;\n", ind, is_leaf(m, c) ? "candid_fast_charge(f, 1) && " : "", e);
        else fprintf(f, "%sif (!candid_fast_charge(f, 1)) return 0;\n", ind);
        fprintf(f, "%s%s\n", ind, then);
        free(e);
        return;
    }
    if (bind_edge_boxed(m, parent, c)) {
        fprintf(f, "%sif (!(child = candid_fast_alloc(f, 1, tr_%s.size, tr_%s.align))) return 0;\n"
                   "%s%s = (void *)child;\n%sdst = child;\n", ind, m->nodes[c].stem, m->nodes[c].stem,
                ind, lv, ind);
    } else {
        fprintf(f, "%sdst = (uint8_t *)&%s;\n", ind, lv);
    }
    fprintf(f, "%sgoto %s;\n", ind, m->nodes[c].stem);
}

static void machine_node(FILE *f, const bind_model *m, size_t i) {
    const bnode *b = &m->nodes[i];
    const candid_type *t = b->t;
    const char *p = m->opts.name, *s = b->stem;
    fprintf(f, "%s:\n", s);
    switch (t->kind) {
    case CANDID_RECORD: {
        uint32_t leaves = 0;
        int ended = 0; /* by a jump into the last field */
        for (uint32_t k = 0; k < t->count; k++) {
            size_t c = bind_node(m, t->fields[k].type);
            leaves += is_leaf(m, c) && !in_machine(m, c);
        }
        fprintf(f, "    if (!candid_fast_charge(f, %u)) return 0;\n    base = dst;\n", 1 + leaves);
        for (uint32_t k = 0; k < t->count; k++) {
            size_t c = bind_node(m, t->fields[k].type);
            char *lv = bind_fmt("((%s_%s *)base)->%s", p, s, b->members[k]);
            if (in_machine(m, c)) {
                /* the rest of the record waits, as in the interpreter,
                 * unless this is its last field */
                if (k + 1 < t->count)
                    fprintf(f, "    if (!candid_fast_push(f, R_%s_%u, base, 0)) return 0;\n", s, k + 1);
                machine_child(f, m, i, c, lv, "    ", "");
                if (k + 1 < t->count)
                    fprintf(f, "%s_%u:\n    base = f->frames[--f->sp].dst;\n", s, k + 1);
                else
                    ended = 1;
            } else {
                char *e = value_expr(m, c, lv);
                if (e) fprintf(f, "    if (!%s) return 0;\n", e);
                free(e);
            }
            free(lv);
        }
        if (!ended) fputs("    goto done;\n", f);
        break;
    }
    case CANDID_VARIANT:
        fprintf(f, "    if (!candid_fast_charge(f, 1) || !candid_fast_tag(f, %u, &((%s_%s *)dst)->tag)) return 0;\n"
                   "    switch (((%s_%s *)dst)->tag) {\n", t->count, p, s, p, s);
        for (uint32_t k = 0; k < t->count; k++) {
            size_t c = bind_node(m, t->fields[k].type);
            fprintf(f, "    case %s_%s:\n", p, b->tags[k]);
            if (t->fields[k].type->kind == CANDID_EMPTY) {
                fputs("        return 0;\n", f);
                continue;
            }
            char *lv = bind_fmt("((%s_%s *)dst)->u.%s", p, s, b->members[k]);
            machine_child(f, m, i, c, lv, "        ", "goto done;");
            free(lv);
        }
        fputs("    }\n    return 0;\n", f);
        break;
    case CANDID_OPT: {
        size_t c = bind_node(m, t->inner);
        int boxed = b->boxed_opt;
        fprintf(f, "    if (!candid_fast_charge(f, 1) || !candid_fast_bool(f, &flag)) return 0;\n"
                   "    if (!flag) {\n");
        if (boxed) {
            fputs("        *(void **)dst = NULL;\n", f);
        } else {
            fputs("        dst[0] = 0;\n", f);
            if (!zero_size(t->inner)) {
                char *sz = slot_size(m, c, "size");
                fprintf(f, "        __builtin_memset(&((%s_%s *)dst)->value, 0, %s);\n", p, s, sz);
                free(sz);
            }
        }
        fputs("        goto done;\n    }\n", f);
        if (!opt_sure(m, i))
            fputs("    /* the interpreter keeps a frame for a value that might fail */\n"
                  "    if (!candid_fast_push(f, R_option, NULL, 0)) return 0;\n", f);
        if (boxed) {
            char *sz = slot_size(m, c, "size"), *al = slot_size(m, c, "align");
            fprintf(f, "    if (!(base = candid_fast_alloc(f, 1, %s, %s))) return 0;\n"
                       "    *(void **)dst = base;\n", sz, al);
            free(sz);
            free(al);
            if (in_machine(m, c)) {
                fprintf(f, "    dst = base;\n    goto %s;\n", m->nodes[c].stem);
            } else {
                char *ct = bind_ctype(m, c);
                char *lv = bind_fmt("*(%s *)base", ct);
                machine_child(f, m, i, c, lv, "    ", "goto done;");
                free(lv);
                free(ct);
            }
        } else {
            fputs("    dst[0] = 1;\n", f);
            char *lv = bind_fmt("((%s_%s *)dst)->value", p, s);
            machine_child(f, m, i, c, lv, "    ", "goto done;");
            free(lv);
        }
        break;
    }
    default: { /* a vector of values that reach a cycle */
        size_t c = bind_node(m, t->inner);
        char *sz = slot_size(m, c, "size"), *al = slot_size(m, c, "align");
        fprintf(f, "    if (!candid_fast_charge(f, 1) || !candid_fast_count(f, %d, &n)) return 0;\n"
                   "    ((%s_%s *)dst)->len = (size_t)n;\n"
                   "    if (!(((%s_%s *)dst)->items = candid_fast_alloc(f, n, %s, %s))) return 0;\n"
                   "    if (!n) goto done;\n"
                   "    if (!candid_fast_push(f, R_%s_next, ((%s_%s *)dst)->items, n)) return 0;\n"
                   "%s_next: /* the frame stays until the last element is complete */\n"
                   "    if (!f->frames[f->sp - 1].left) {\n        f->sp--;\n        goto done;\n    }\n"
                   "    f->frames[f->sp - 1].left--;\n"
                   "    dst = f->frames[f->sp - 1].dst;\n"
                   "    f->frames[f->sp - 1].dst += %s;\n",
                t->inner->kind == CANDID_RECORD ? 0 : 1, p, s, p, s, sz, al, s, p, s, s, sz);
        char *ct = bind_ctype(m, c);
        char *lv = bind_fmt("*(%s *)dst", ct);
        if (in_machine(m, c)) {
            fprintf(f, "    goto %s;\n", m->nodes[c].stem);
        } else {
            machine_child(f, m, i, c, lv, "    ", "goto done;");
        }
        free(lv);
        free(ct);
        free(sz);
        free(al);
        break;
    }
    }
}

/* The machine's entry points and resume points, one enum. */
static void emit_machine(FILE *f, const bind_model *m) {
    const char *p = m->opts.name;
    bind_names *seen = bind_names_new();
    uint8_t *first = calloc(m->n + 1, 1);
    if (!first) exit(1);
    int any = 0;
    for (size_t i = 0; i < m->n; i++) {
        if (!in_machine(m, i) || bind_names_taken(seen, m->nodes[i].stem)) continue;
        free(bind_names_reserve(seen, m->nodes[i].stem));
        first[i] = any = 1;
    }
    bind_names_free(seen);
    if (!any) {
        free(first);
        return;
    }
    fputs("\n/* Types on a cycle, in one function: a value enters at its type's label\n"
          " * and, when complete, goes to `done`, which resumes the innermost waiting\n"
          " * record, vector or option from the explicit stack (candid_fast_push, in\n"
          " * the decoder's work memory), never native recursion. */\nenum {\n", f);
    int opt_frames = 0;
    for (size_t i = 0; i < m->n; i++) {
        if (!first[i]) continue;
        const bnode *b = &m->nodes[i];
        fprintf(f, "    E_%s,\n", b->stem);
        if (b->t->kind == CANDID_RECORD)
            for (uint32_t k = 1; k < b->t->count; k++)
                if (in_machine(m, bind_node(m, b->t->fields[k - 1].type))) fprintf(f, "    R_%s_%u,\n", b->stem, k);
        if (b->t->kind == CANDID_VEC) fprintf(f, "    R_%s_next,\n", b->stem);
        if (b->t->kind == CANDID_OPT && !opt_sure(m, i)) opt_frames = 1;
    }
    if (opt_frames) fputs("    R_option,\n", f);
    fprintf(f, "};\n\nstatic int decode_cycles(candid_fast *f, uint32_t entry, void *out) {\n"
               "    uint8_t *dst = out, *base, *child, flag;\n    uint64_t n;\n"
               "    (void)base, (void)child, (void)flag, (void)n; /* not every type needs each */\n"
               "    switch (entry) {\n");
    for (size_t i = 0; i < m->n; i++)
        if (first[i]) fprintf(f, "    case E_%s:\n        goto %s;\n", m->nodes[i].stem, m->nodes[i].stem);
    fputs("    }\n    return 0;\n", f);
    for (size_t i = 0; i < m->n; i++)
        if (first[i]) machine_node(f, m, i);
    fputs("done:\n    if (!f->sp) return 1;\n    switch (f->frames[f->sp - 1].resume) {\n", f);
    for (size_t i = 0; i < m->n; i++) {
        if (!first[i]) continue;
        const bnode *b = &m->nodes[i];
        if (b->t->kind == CANDID_RECORD)
            for (uint32_t k = 1; k < b->t->count; k++)
                if (in_machine(m, bind_node(m, b->t->fields[k - 1].type)))
                    fprintf(f, "    case R_%s_%u:\n        goto %s_%u;\n", b->stem, k, b->stem, k);
        if (b->t->kind == CANDID_VEC) fprintf(f, "    case R_%s_next:\n        goto %s_next;\n", b->stem, b->stem);
    }
    if (opt_frames) fputs("    case R_option:\n        f->sp--;\n        goto done;\n", f);
    fprintf(f, "    }\n    return 0;\n}\n");
    (void)p;
    free(first);
}

/* Frames the interpreter may keep besides the machine's: one for the
 * record whose acyclic field is under way, and that value's own. */
static uint32_t machine_extra(const bind_model *m) {
    uint32_t k = 0;
    for (size_t i = 0; i < m->n; i++) {
        if (!in_machine(m, i)) continue;
        for (size_t j = 0; j < value_children(m->nodes[i].t); j++) {
            size_t c = bind_node(m, value_child(m->nodes[i].t, j));
            if (!in_machine(m, c) && facts.depth[c] > k) k = facts.depth[c];
        }
    }
    return k + 1;
}

int bind_emit_fast_call(FILE *f, const bind_model *m, size_t i, int one_value, const char *desc) {
    ensure_facts(m);
    if (!m->opts.fast) return 0;
    const bnode *b = &m->nodes[i];
    candid_field fd = {.id = 0, .type = b->t};
    candid_type rec = {.kind = CANDID_RECORD, .count = 1, .fields = &fd};
    /* The interpreter's header and plan, and a frame per container level
     * (one more for the message's record of a single value); on a cycle,
     * the machine's frames come on top. */
    int cyc = facts.cyclic[i];
    uint32_t depth = (cyc ? machine_extra(m) : facts.depth[i]) + (one_value ? 1 : 0);
    uint64_t entries;
    size_t hw = header_work(one_value ? &rec : b->t, &entries);
    if (hw == SIZE_MAX || entries > UINT32_MAX) return 0;
    /* one frame more: the run may take one where the header alone took
     * none (the header-only message stops at its first value) */
    size_t work = hw + (size_t)(depth + 1) * (16 + 4 * sizeof(size_t));
    fputs("    candid_fast fast, *f = &fast;\n", f);
    fprintf(f, "    int ok = candid_fast_begin(f, d, msg, len, out, h_%s, sizeof h_%s, %u, %zu, %u, arena) &&\n"
               "             ", b->stem, b->stem, (unsigned)entries, work, depth);
    if (one_value) fputs("candid_fast_charge(f, 1) && ", f);
    if (cyc) {
        fprintf(f, "decode_cycles(f, E_%s, out)", b->stem);
    } else if (!is_leaf(m, i)) {
        fprintf(f, "decode_%s(f, out)", b->stem);
    } else {
        /* the message's record of one value, and the value */
        char *e = leaf_expr(m, i, "*out");
        fprintf(f, "candid_fast_charge(f, 1)%s%s", e ? " && " : "", e ? e : "");
        free(e);
    }
    fprintf(f, ";\n    return candid_fast_end(f, ok, d, msg, len, &%s, out);\n", desc);
    return 1;
}
