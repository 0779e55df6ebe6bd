/* The model of a .did file for code generation: every type reachable from
 * the definitions and the methods, which of them sit on a cycle of value
 * containment (and so are held through pointers), and unique C names. */
#include <stdlib.h>
#include <string.h>

#include "bind.h"

static _Noreturn void out_of_memory(void) {
    fputs("candid: out of memory\n", stderr);
    exit(1);
}

static void *xrealloc(void *p, size_t size) {
    p = realloc(p, size ? size : 1);
    if (!p) out_of_memory();
    return p;
}

static size_t ptr_hash(const void *p, size_t cap) {
    return (size_t)(((uintptr_t)p >> 4) * 0x9E3779B97F4A7C15u) & (cap - 1);
}

static size_t str_hash(const char *s) {
    size_t h = 1469598103934665603u;
    for (; *s; s++) h = (h ^ (uint8_t)*s) * 1099511628211u;
    return h;
}

static size_t slot_of(const bind_model *m, const candid_type *t) {
    size_t i = ptr_hash(t, m->icap);
    while (m->ikey[i] && m->ikey[i] != t) i = (i + 1) & (m->icap - 1);
    return i;
}

size_t bind_node(const bind_model *m, const candid_type *t) {
    return m->ival[slot_of(m, t)];
}

static void index_grow(bind_model *m) {
    size_t old = m->icap;
    const candid_type **k = m->ikey;
    size_t *v = m->ival;
    m->icap = old ? 2 * old : 256;
    m->ikey = calloc(m->icap, sizeof *m->ikey);
    m->ival = calloc(m->icap, sizeof *m->ival);
    if (!m->ikey || !m->ival) out_of_memory();
    for (size_t i = 0; i < old; i++) {
        if (!k[i]) continue;
        size_t s = slot_of(m, k[i]);
        m->ikey[s] = k[i];
        m->ival[s] = v[i];
    }
    free(k);
    free(v);
}

/* The node for t, added when new; *added says which. */
static size_t add(bind_model *m, const candid_type *t, int *added) {
    if (2 * (m->n + 1) > m->icap) index_grow(m);
    size_t s = slot_of(m, t);
    *added = m->ikey[s] == NULL;
    if (!*added) return m->ival[s];
    if (m->n == m->cap) {
        m->cap = m->cap ? 2 * m->cap : 64;
        m->nodes = xrealloc(m->nodes, m->cap * sizeof *m->nodes);
    }
    memset(&m->nodes[m->n], 0, sizeof m->nodes[0]);
    m->nodes[m->n].t = t;
    m->ikey[s] = t;
    m->ival[s] = m->n;
    return m->n++;
}

static size_t child_count(const candid_type *t) {
    switch (t->kind) {
    case CANDID_OPT:
    case CANDID_VEC: return 1;
    case CANDID_RECORD:
    case CANDID_VARIANT:
    case CANDID_SERVICE: return t->count;
    case CANDID_FUNC: return (size_t)t->count + t->count2;
    default: return 0;
    }
}

static const candid_type *child(const candid_type *t, size_t k) {
    switch (t->kind) {
    case CANDID_OPT:
    case CANDID_VEC: return t->inner;
    case CANDID_RECORD:
    case CANDID_VARIANT: return t->fields[k].type;
    case CANDID_SERVICE: return t->methods[k].type;
    default: return t->args[k];
    }
}

/* Children held by value: fields and cases, an option's value. */
static size_t value_child_count(const candid_type *t) {
    return t->kind == CANDID_VEC || t->kind == CANDID_FUNC || t->kind == CANDID_SERVICE
               ? 0 : child_count(t);
}

static int containable(const candid_type *t) {
    return t->kind == CANDID_OPT || t->kind == CANDID_RECORD || t->kind == CANDID_VARIANT;
}

int bind_is_void(const candid_type *t) {
    return t->kind == CANDID_NULL || t->kind == CANDID_RESERVED || t->kind == CANDID_EMPTY;
}

static int is_blob(const candid_type *t) {
    return t->kind == CANDID_VEC && t->inner->kind == CANDID_NAT8;
}

int bind_is_struct(const bind_model *m, size_t i) {
    const bnode *n = &m->nodes[i];
    switch (n->t->kind) {
    case CANDID_RECORD:
    case CANDID_VARIANT: return 1;
    case CANDID_OPT: return !n->boxed_opt;
    case CANDID_VEC: return !is_blob(n->t);
    default: return 0;
    }
}

int bind_edge_boxed(const bind_model *m, size_t parent, size_t child_i) {
    const bnode *p = &m->nodes[parent], *c = &m->nodes[child_i];
    return (p->t->kind == CANDID_RECORD || p->t->kind == CANDID_VARIANT) &&
           (c->t->kind == CANDID_RECORD || c->t->kind == CANDID_VARIANT) && p->scc &&
           p->scc == c->scc;
}

/* Everything reachable from the roots already in the model, depth first. */
static void collect(bind_model *m, size_t from) {
    size_t *stack = xrealloc(NULL, (m->n - from) * sizeof *stack), sp = 0, scap = m->n - from;
    for (size_t i = m->n; i-- > from;) stack[sp++] = i;
    while (sp) {
        const candid_type *t = m->nodes[stack[--sp]].t;
        size_t k = child_count(t);
        while (k--) {
            int added;
            size_t c = add(m, child(t, k), &added);
            if (!added) continue;
            if (sp == scap) stack = xrealloc(stack, (scap *= 2) * sizeof *stack);
            stack[sp++] = c;
        }
    }
    free(stack);
}

/* Tarjan's strongly connected components over value containment, with an
 * explicit stack of frames. Components of one node without a self-edge get
 * scc 0: nothing on them needs a pointer. */
static void components(bind_model *m) {
    size_t n = m->n, counter = 1, sp = 0, fp = 0;
    uint32_t next_scc = 1;
    size_t *idx = calloc(n, sizeof *idx), *low = calloc(n, sizeof *low);
    size_t *st = calloc(n, sizeof *st);
    uint8_t *on = calloc(n, 1);
    struct frame { size_t v, k; } *fr = calloc(n, sizeof *fr);
    if (!idx || !low || !st || !on || !fr) out_of_memory();
    for (size_t root = 0; root < n; root++) {
        if (idx[root] || !containable(m->nodes[root].t)) continue;
        idx[root] = low[root] = counter++;
        st[sp++] = root;
        on[root] = 1;
        fr[fp++] = (struct frame){root, 0};
        while (fp) {
            struct frame *f = &fr[fp - 1];
            const candid_type *t = m->nodes[f->v].t;
            if (f->k < value_child_count(t)) {
                const candid_type *ct = child(t, f->k++);
                if (!containable(ct)) continue;
                size_t w = bind_node(m, ct);
                if (!idx[w]) {
                    idx[w] = low[w] = counter++;
                    st[sp++] = w;
                    on[w] = 1;
                    fr[fp++] = (struct frame){w, 0};
                } else if (on[w] && idx[w] < low[f->v]) {
                    low[f->v] = idx[w];
                }
                continue;
            }
            size_t v = f->v;
            fp--;
            if (fp && low[v] < low[fr[fp - 1].v]) low[fr[fp - 1].v] = low[v];
            if (low[v] != idx[v]) continue;
            int cyclic = st[sp - 1] != v;
            for (size_t k = 0; !cyclic && k < value_child_count(t); k++)
                cyclic = child(t, k) == t;
            uint32_t id = cyclic ? next_scc++ : 0;
            size_t w;
            do {
                w = st[--sp];
                on[w] = 0;
                m->nodes[w].scc = id;
            } while (w != v);
        }
    }
    free(idx);
    free(low);
    free(st);
    free(on);
    free(fr);
    for (size_t i = 0; i < n; i++) {
        bnode *b = &m->nodes[i];
        if (b->t->kind == CANDID_OPT && b->scc) b->boxed_opt = 1;
        for (size_t k = 0; k < value_child_count(b->t); k++) {
            size_t c = bind_node(m, child(b->t, k));
            if (bind_edge_boxed(m, i, c)) m->nodes[c].boxed_ref = 1;
        }
    }
}

/* Member names of records and variants: escaped names, "_ID" for numbered
 * fields, unique within their type (the first declared keeps the plain
 * name). */
static void members(bind_model *m) {
    for (size_t i = 0; i < m->n; i++) {
        bnode *b = &m->nodes[i];
        if (b->t->kind != CANDID_RECORD && b->t->kind != CANDID_VARIANT) continue;
        b->order = candid_idl_field_order(m->idl, b->t);
        b->members = xrealloc(NULL, (b->t->count + 1) * sizeof *b->members);
        for (uint32_t d = 0; d < b->t->count; d++) {
            uint32_t k = bind_decl(b, d);
            const candid_field *f = &b->t->fields[k];
            char *s = f->name ? bind_escape(f->name, strlen(f->name)) : bind_fmt("_%u", f->id);
            for (unsigned dup = 2;; dup++) {
                uint32_t j = 0;
                while (j < d && strcmp(b->members[bind_decl(b, j)], s) != 0) j++;
                if (j == d) break;
                char *base = f->name ? bind_escape(f->name, strlen(f->name)) : bind_fmt("_%u", f->id);
                free(s);
                s = bind_fmt("%s_%u", base, dup);
                free(base);
            }
            b->members[k] = s;
        }
    }
}

/* Reserves stem and stem+suffix for every suffix, trying stem_2, ... until
 * all are free: a type's functions never collide with another type. */
static char *reserve_family(bind_names *names, const char *want, const char *const *suffixes) {
    char *stem = bind_fmt("%s", want);
    for (unsigned k = 2;; k++) {
        int free_all = !bind_names_taken(names, stem);
        for (size_t s = 0; free_all && suffixes[s]; s++) {
            char *x = bind_fmt("%s%s", stem, suffixes[s]);
            free_all = !bind_names_taken(names, x);
            free(x);
        }
        if (free_all) break;
        free(stem);
        stem = bind_fmt("%s_%u", want, k);
    }
    free(bind_names_reserve(names, stem));
    for (size_t s = 0; suffixes[s]; s++) {
        char *x = bind_fmt("%s%s", stem, suffixes[s]);
        free(bind_names_reserve(names, x));
        free(x);
    }
    return stem;
}

static const char *const type_fns[] = {"_encode", "_decode", "_type", NULL};
static const char *const method_fns[] = {"_args", "_result", "_args_encode", "_args_decode",
                                         "_result_encode", "_result_decode", "_call",
                                         "_reply_decode", "_args_type", "_result_type",
                                         "_impl", "_serve", "_reply", "_args_header",
                                         "_result_header", NULL};
static const char *const no_fns[] = {NULL};

static const char *const prim_names[] = {
    [CANDID_NULL] = "null", [CANDID_BOOL] = "bool", [CANDID_NAT] = "nat", [CANDID_INT] = "int",
    [CANDID_NAT8] = "nat8", [CANDID_NAT16] = "nat16", [CANDID_NAT32] = "nat32",
    [CANDID_NAT64] = "nat64", [CANDID_INT8] = "int8", [CANDID_INT16] = "int16",
    [CANDID_INT32] = "int32", [CANDID_INT64] = "int64", [CANDID_FLOAT32] = "float32",
    [CANDID_FLOAT64] = "float64", [CANDID_TEXT] = "text", [CANDID_RESERVED] = "reserved",
    [CANDID_EMPTY] = "empty", [CANDID_PRINCIPAL] = "principal",
};

static int selected(const bind_opts *o, const candid_method *md) {
    if (!o->methods) return 1;
    for (size_t i = 0; i < o->nmethods; i++)
        if (strlen(o->methods[i]) == md->name_len && memcmp(o->methods[i], md->name, md->name_len) == 0)
            return 1;
    return 0;
}

static char *join(const char *path, const char *member) {
    return bind_fmt("%s%s%s", path, member[0] == '_' ? "" : "_", member);
}

/* The path of child k of node i, given i's path. */
static char *child_path(const bind_model *m, size_t i, size_t k) {
    const bnode *b = &m->nodes[i];
    switch (b->t->kind) {
    case CANDID_OPT: return bind_fmt("%s%s", b->path, b->named ? "_value" : "");
    case CANDID_VEC: return bind_fmt("%s%s", b->path, b->named ? "_item" : "");
    case CANDID_RECORD:
    case CANDID_VARIANT: return join(b->path, b->members[k]);
    case CANDID_FUNC:
        return k < b->t->count ? bind_fmt("%s_arg%zu", b->path, k)
                               : bind_fmt("%s_ret%zu", b->path, k - b->t->count);
    default: {
        const candid_method *md = &b->t->methods[k];
        char *e = bind_escape(md->name, md->name_len);
        char *s = join(b->path, e);
        free(e);
        return s;
    }
    }
}

/* Anonymous records, variants, functions and services are named after the
 * first path that reaches them from a definition or a method. Below a path
 * longer than PATH_MAX_LEN, paths restart from their root and depth
 * (Deep_98_a): names, and so the output, stay linear in the number of
 * types however deep they nest. */
enum { PATH_MAX_LEN = 100 };

static void path_names(bind_model *m, const size_t *roots, size_t nroots) {
    size_t cap = m->n + 1, sp = 0;
    size_t *stack = xrealloc(NULL, cap * sizeof *stack);
    size_t *root = xrealloc(NULL, m->n * sizeof *root);
    uint32_t *depth = xrealloc(NULL, m->n * sizeof *depth);
    for (size_t r = nroots; r-- > 0;) {
        stack[sp++] = roots[r];
        root[roots[r]] = roots[r];
        depth[roots[r]] = 0;
    }
    while (sp) {
        size_t i = stack[--sp];
        size_t nc = child_count(m->nodes[i].t);
        for (size_t d = nc; d-- > 0;) {
            /* fields in declaration order */
            size_t k = m->nodes[i].order ? m->nodes[i].order[d] : d;
            size_t c = bind_node(m, child(m->nodes[i].t, k));
            bnode *cb = &m->nodes[c];
            if (cb->named || cb->path || cb->stem) continue;
            root[c] = root[i];
            depth[c] = depth[i] + 1;
            cb->path = child_path(m, i, k);
            if (strlen(m->nodes[i].path) > PATH_MAX_LEN) {
                /* child_path extends the parent's path */
                char *tail = cb->path + strlen(m->nodes[i].path);
                char *p = bind_fmt("%s_%u%s", m->nodes[root[c]].path, depth[c], tail);
                free(cb->path);
                cb->path = p;
            }
            uint8_t kind = cb->t->kind;
            if (kind == CANDID_RECORD || kind == CANDID_VARIANT || kind == CANDID_FUNC ||
                kind == CANDID_SERVICE)
                cb->stem = reserve_family(m->names, cb->path, no_fns);
            if (sp == cap) stack = xrealloc(stack, (cap *= 2) * sizeof *stack);
            stack[sp++] = c;
        }
    }
    free(stack);
    free(root);
    free(depth);
}

/* Anonymous options and vectors are named by structure (opt_vec_Account):
 * equal structures share one C type. */
static void structural_names(bind_model *m) {
    size_t npairs = 0;
    char **cand = xrealloc(NULL, (m->n + 1) * sizeof *cand);
    char **stem = xrealloc(NULL, (m->n + 1) * sizeof *stem);
    size_t *chain = xrealloc(NULL, (m->n + 1) * sizeof *chain);
    /* candidates seen, by hash: index + 1 into cand, 0 for an empty slot */
    size_t tcap = 16;
    while (tcap < 2 * (m->n + 1)) tcap *= 2;
    size_t *seen = calloc(tcap, sizeof *seen);
    if (!seen) out_of_memory();
    for (size_t i = 0; i < m->n; i++) {
        size_t len = 0, j = i;
        while (!m->nodes[j].stem) {
            chain[len++] = j;
            j = bind_node(m, m->nodes[j].t->inner);
        }
        while (len--) {
            bnode *b = &m->nodes[chain[len]];
            const char *inner = m->nodes[bind_node(m, b->t->inner)].stem;
            char *c = is_blob(b->t) && b->t->inner == candid_prim_type_big(CANDID_NAT8)
                          ? bind_fmt("blob")
                          : bind_fmt("%s_%s", b->t->kind == CANDID_OPT ? "opt" : "vec", inner);
            size_t h = str_hash(c) & (tcap - 1);
            while (seen[h] && strcmp(cand[seen[h] - 1], c) != 0) h = (h + 1) & (tcap - 1);
            size_t p = seen[h] - 1;
            if (!seen[h]) {
                p = npairs;
                seen[h] = ++npairs;
                cand[p] = c;
                stem[p] = bind_names_reserve(m->names, c);
            } else {
                free(c);
            }
            b->stem = bind_fmt("%s", stem[p]);
        }
    }
    for (size_t p = 0; p < npairs; p++) {
        free(cand[p]);
        free(stem[p]);
    }
    free(cand);
    free(stem);
    free(chain);
    free(seen);
}

static void tags(bind_model *m) {
    for (size_t i = 0; i < m->n; i++) {
        bnode *b = &m->nodes[i];
        if (b->t->kind != CANDID_VARIANT) continue;
        b->tags = xrealloc(NULL, (b->t->count + 1) * sizeof *b->tags);
        for (uint32_t d = 0; d < b->t->count; d++) {
            uint32_t k = bind_decl(b, d);
            char *want = bind_fmt("%s_%s_tag", b->stem, b->members[k]);
            b->tags[k] = bind_names_reserve(m->names, want);
            free(want);
        }
    }
}

int bind_model_build(bind_model *m, candid_idl *idl, const bind_opts *opts) {
    memset(m, 0, sizeof *m);
    m->opts = *opts;
    m->idl = idl;
    m->names = bind_names_new();
    int added;
    for (size_t k = 1; k < sizeof prim_names / sizeof prim_names[0]; k++) {
        if (!prim_names[k]) continue;
        size_t i = add(m, candid_prim_type_big((candid_kind)k), &added);
        m->nodes[i].stem = bind_names_reserve(m->names, prim_names[k]);
    }
    /* candid_idl_next gives the latest first mention first: reversed, the
     * order in which the source (imports included) first names them. */
    struct def { const char *name; size_t len; const candid_type *t; } *defs = NULL;
    size_t ndefs = 0, dcap = 0;
    const char *dname;
    size_t dlen;
    const candid_type *dt;
    for (const candid_idl_def *d = candid_idl_next(idl, NULL, &dname, &dlen, &dt); d;
         d = candid_idl_next(idl, d, &dname, &dlen, &dt)) {
        if (ndefs == dcap) defs = xrealloc(defs, (dcap = dcap ? 2 * dcap : 64) * sizeof *defs);
        defs[ndefs++] = (struct def){dname, dlen, dt};
    }
    m->defs = xrealloc(NULL, (ndefs + 1) * sizeof *m->defs);
    size_t *roots = xrealloc(NULL, (ndefs + 2 * (idl->service ? idl->service->count : 0) + 2) * sizeof *roots);
    size_t nroots = 0, first = m->n;
    for (size_t k = ndefs; k-- > 0;) {
        size_t i = add(m, defs[k].t, &added);
        char *e = bind_escape(defs[k].name, defs[k].len);
        m->nodes[i].stem = reserve_family(m->names, e, type_fns);
        m->nodes[i].path = bind_fmt("%s", m->nodes[i].stem);
        m->nodes[i].named = 1;
        free(e);
        m->defs[m->ndefs++] = i;
        roots[nroots++] = i;
    }
    free(defs);
    const candid_type *s = idl->service;
    size_t nsel = 0;
    m->methods = xrealloc(NULL, ((s ? s->count : 0) + 2) * sizeof *m->methods);
    if (idl->init_args) {
        bmethod *bm = &m->methods[m->nmethods++];
        static const char *const init_fns[] = {"_args", "_args_encode", "_args_decode",
                                                 "_args_type", "_impl", "_serve", NULL};
        bm->m = NULL;
        bm->stem = reserve_family(m->names, "init", init_fns);
        bm->args = add(m, idl->init_args, &added);
        bm->results = (size_t)-1;
        m->has_init = 1;
    }
    for (uint32_t k = 0; s && k < s->count; k++) {
        const candid_method *md = &s->methods[k];
        if (!selected(opts, md)) continue;
        nsel++;
        const candid_type *args, *res;
        if (candid_idl_method(idl, md->name, md->name_len, &args, &res)) {
            fputs("candid: out of memory\n", stderr);
            return 1;
        }
        bmethod *bm = &m->methods[m->nmethods++];
        char *e = bind_escape(md->name, md->name_len);
        bm->m = md;
        bm->stem = reserve_family(m->names, e, method_fns);
        free(e);
        bm->args = add(m, args, &added);
        bm->results = add(m, res, &added);
    }
    if (opts->methods && nsel != opts->nmethods) {
        for (size_t i = 0; i < opts->nmethods; i++) {
            uint32_t k = 0;
            while (s && k < s->count &&
                   (strlen(opts->methods[i]) != s->methods[k].name_len ||
                    memcmp(opts->methods[i], s->methods[k].name, s->methods[k].name_len) != 0))
                k++;
            if (!s || k == s->count) fprintf(stderr, "candid: the service has no method '%s'\n", opts->methods[i]);
        }
        free(roots);
        return 1;
    }
    for (size_t k = 0; k < m->nmethods; k++) {
        bmethod *bm = &m->methods[k];
        bnode *a = &m->nodes[bm->args];
        a->stem = bind_fmt("%s_args", bm->stem);
        a->path = bind_fmt("%s_arg", bm->stem);
        a->named = a->is_tuple = 1;
        roots[nroots++] = bm->args;
        if (bm->results == (size_t)-1) continue;
        bnode *r = &m->nodes[bm->results];
        r->stem = bind_fmt("%s_result", bm->stem);
        r->path = bind_fmt("%s_ret", bm->stem);
        r->named = r->is_tuple = 1;
        roots[nroots++] = bm->results;
    }
    collect(m, first);
    components(m);
    members(m);
    path_names(m, roots, nroots);
    free(roots);
    tags(m);
    structural_names(m);
    return 0;
}

void bind_model_free(bind_model *m) {
    for (size_t i = 0; i < m->n; i++) {
        bnode *b = &m->nodes[i];
        uint32_t count = b->t->kind == CANDID_RECORD || b->t->kind == CANDID_VARIANT ? b->t->count : 0;
        for (uint32_t k = 0; b->members && k < count; k++) {
            free(b->members[k]);
            if (b->tags) free(b->tags[k]);
        }
        free(b->members);
        free(b->tags);
        free(b->stem);
        free(b->path);
    }
    for (size_t k = 0; k < m->nmethods; k++) free(m->methods[k].stem);
    free(m->methods);
    free(m->nodes);
    free(m->defs);
    free(m->ikey);
    free(m->ival);
    bind_names_free(m->names);
}

const char *bind_prim_ctype(const bind_model *m, uint8_t kind) {
    switch (kind) {
    case CANDID_BOOL:
    case CANDID_NAT8: return "uint8_t";
    case CANDID_NAT: return m->opts.nat_big ? "candid_bignum" : "uint64_t";
    case CANDID_INT: return m->opts.nat_big ? "candid_bignum" : "int64_t";
    case CANDID_NAT16: return "uint16_t";
    case CANDID_NAT32: return "uint32_t";
    case CANDID_NAT64: return "uint64_t";
    case CANDID_INT8: return "int8_t";
    case CANDID_INT16: return "int16_t";
    case CANDID_INT32: return "int32_t";
    case CANDID_INT64: return "int64_t";
    case CANDID_FLOAT32: return "float";
    case CANDID_FLOAT64: return "double";
    case CANDID_TEXT:
    case CANDID_PRINCIPAL:
    case CANDID_SERVICE:
    case CANDID_VEC: return "candid_slice";
    case CANDID_FUNC: return "candid_funcref";
    default: return "uint8_t"; /* null, reserved, empty: no data */
    }
}

char *bind_ctype(const bind_model *m, size_t i) {
    size_t stars = 0;
    while (m->nodes[i].boxed_opt && !m->nodes[i].named) {
        stars++;
        i = bind_node(m, m->nodes[i].t->inner);
    }
    const bnode *b = &m->nodes[i];
    char *base = b->named || bind_is_struct(m, i)
                     ? bind_fmt("%s_%s", m->opts.name, b->stem)
                     : bind_fmt("%s", bind_prim_ctype(m, b->t->kind));
    if (!stars) return base;
    char *s = xrealloc(NULL, strlen(base) + stars + 2);
    size_t len = (size_t)sprintf(s, "%s ", base);
    memset(s + len, '*', stars);
    s[len + stars] = 0;
    free(base);
    return s;
}

char *bind_dsym(const bind_model *m, size_t i) {
    if (m->nodes[i].named) return bind_fmt("%s_%s_type", m->opts.name, m->nodes[i].stem);
    return bind_fmt("%s_%s", m->nodes[i].boxed_opt ? "tp" : "t", m->nodes[i].stem);
}

int bind_fixed_width(uint8_t kind) {
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

candid_status bind_header(const candid_type *args, candid_header *h, uint8_t **bytes) {
    size_t cap = 256, wcap = 1u << 16;
    uint8_t *buf = NULL;
    void *work = xrealloc(NULL, wcap);
    candid_status st;
    for (;;) {
        buf = xrealloc(buf, cap);
        st = candid_header_build(h, args, buf, cap, work, wcap);
        if (st == CANDID_ERR_BUFFER_FULL) cap = h->len;
        else if (st == CANDID_ERR_WORK_FULL) work = xrealloc(work, wcap *= 4);
        else break;
    }
    free(work);
    *bytes = buf;
    return st;
}
