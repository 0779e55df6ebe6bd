/* --fast: the exact-match decoders of NAME.c. A message whose header is
 * byte for byte the one the stub sends is read by a straight-line
 * function per type (fields in order, leaves inline through the readers
 * of candid/fast.h, loops for vectors) instead of the plan interpreter;
 * anything else, and any failure, goes to candid_decode (see fast.h).
 *
 * Types on a recursive cycle keep the interpreter for now: their
 * decoders would need an explicit stack, and only acyclic types get
 * straight-line code, whose native nesting follows the type, not the
 * input. */
#include <stdlib.h>
#include <string.h>

#include "bind.h"
#include "candid/decode.h"
#include "candid/encode.h"

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

/* A vector of fixed-width numbers: one copy into the arena. */
static int fixed_width(uint8_t kind) {
    switch (kind) {
    case CANDID_NAT8:
    case CANDID_INT8: return 1;
    case CANDID_NAT16:
    case CANDID_INT16: return 2;
    case CANDID_NAT32:
    case CANDID_INT32:
    case CANDID_FLOAT32: return 4;
    case CANDID_NAT64:
    case CANDID_INT64:
    case CANDID_FLOAT64: return 8;
    default: return 0;
    }
}

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
    /* The decoders the roots call, by a walk from the acyclic roots. */
    size_t sp = 0;
    for (size_t k = 0; k < m->ndefs; k++) st[sp++].v = m->defs[k];
    for (size_t k = 0; k < m->nmethods; k++) {
        st[sp++].v = m->methods[k].args;
        if (m->methods[k].results != (size_t)-1) st[sp++].v = m->methods[k].results;
    }
    size_t roots = sp;
    sp = 0;
    for (size_t k = 0; k < roots; k++)
        if (!w.cyclic[st[k].v] && !w.needed[st[k].v]) w.needed[st[sp++].v = st[k].v] = 1;
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
    int w = fixed_width(t->kind);
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
    int w = fixed_width(t->inner->kind);
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
        if (e) {
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

/* Work memory the interpreter needs for the header and plan of `args`,
 * measured on a message of the header alone (its frames are added per
 * decoder from the nesting depth). 0 when it cannot be measured: the fast
 * path then never runs short of the interpreter's needs. */
static size_t header_work(const candid_type *args) {
    size_t cap = 256, wcap = 1u << 16;
    uint8_t *buf = NULL;
    void *work = malloc(wcap);
    candid_header h;
    candid_status st;
    for (;;) {
        free(buf);
        buf = malloc(cap);
        if (!buf || !work) exit(1);
        st = candid_header_build(&h, args, buf, cap, work, wcap);
        if (st == CANDID_ERR_BUFFER_FULL) cap = h.len;
        else if (st == CANDID_ERR_WORK_FULL) work = realloc(work, wcap *= 4);
        else break;
    }
    size_t need = SIZE_MAX;
    if (!st) {
        uint64_t *w2 = malloc(1u << 22);
        candid_decoder d;
        candid_arena a;
        candid_decoder_init(&d, w2, 1u << 22);
        candid_arena_init(&a, NULL, 0);
        void *out = calloc(1, args->size + 1);
        if (!w2 || !out) exit(1);
        st = candid_decode(&d, buf, h.len, args, out, &a);
        if (st != CANDID_ERR_WORK_FULL) need = d.work_needed;
        free(out);
        free(w2);
    }
    free(buf);
    free(work);
    return need;
}

/* Per root: the generator's call of the decoder, or 0 when the type has
 * none (it is on a cycle). */
static walk facts;
static const bind_model *facts_of;

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
        if (!facts.needed[i] || is_leaf(m, i) || bind_names_taken(seen, m->nodes[i].stem)) continue;
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
}

int bind_emit_fast_call(FILE *f, const bind_model *m, size_t i, int one_value, const char *desc) {
    ensure_facts(m);
    if (!m->opts.fast || facts.cyclic[i]) return 0;
    const bnode *b = &m->nodes[i];
    candid_field fd = {.id = 0, .type = b->t};
    candid_type rec = {.kind = CANDID_RECORD, .count = 1, .fields = &fd};
    /* The interpreter's header and plan, and a frame per container level
     * (one more for the message's record of a single value). */
    uint32_t depth = facts.depth[i] + (one_value ? 1 : 0);
    size_t hw = header_work(one_value ? &rec : b->t);
    if (hw == SIZE_MAX) return 0;
    size_t work = hw + (size_t)depth * (16 + 4 * sizeof(size_t));
    fputs("    candid_fast fast, *f = &fast;\n", f);
    fprintf(f, "    int ok = candid_fast_begin(f, d, msg, len, out, h_%s, sizeof h_%s, %zu, %u, arena) &&\n"
               "             ", b->stem, b->stem, work, depth);
    if (one_value && !is_leaf(m, i)) {
        /* the message's record of one value, then the value */
        fprintf(f, "candid_fast_charge(f, 1) && decode_%s(f, out)", b->stem);
    } else if (one_value) {
        char *e = leaf_expr(m, i, "*out");
        fprintf(f, "candid_fast_charge(f, 2)%s%s", e ? " && " : "", e ? e : "");
        free(e);
    } else {
        fprintf(f, "decode_%s(f, out)", b->stem);
    }
    fprintf(f, ";\n    return candid_fast_end(f, ok, d, msg, len, &%s, out);\n", desc);
    return 1;
}
