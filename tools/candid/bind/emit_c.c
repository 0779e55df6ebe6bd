/* NAME.c: the const descriptor tables (built from offsetof, sizeof and
 * _Alignof, so they cannot drift from the structs), the message headers
 * precomputed here, and the typed wrappers over candid_encode,
 * candid_decode and the call envelope. */
#include <stdlib.h>
#include <string.h>

#include "bind.h"
#include "candid/encode.h"

enum { USE_PLAIN = 1, USE_REF = 2 };

static const char *const kind_names[] = {
    [CANDID_NULL] = "CANDID_NULL", [CANDID_BOOL] = "CANDID_BOOL", [CANDID_NAT] = "CANDID_NAT",
    [CANDID_INT] = "CANDID_INT", [CANDID_NAT8] = "CANDID_NAT8", [CANDID_NAT16] = "CANDID_NAT16",
    [CANDID_NAT32] = "CANDID_NAT32", [CANDID_NAT64] = "CANDID_NAT64", [CANDID_INT8] = "CANDID_INT8",
    [CANDID_INT16] = "CANDID_INT16", [CANDID_INT32] = "CANDID_INT32", [CANDID_INT64] = "CANDID_INT64",
    [CANDID_FLOAT32] = "CANDID_FLOAT32", [CANDID_FLOAT64] = "CANDID_FLOAT64",
    [CANDID_TEXT] = "CANDID_TEXT", [CANDID_RESERVED] = "CANDID_RESERVED",
    [CANDID_EMPTY] = "CANDID_EMPTY", [CANDID_OPT] = "CANDID_OPT", [CANDID_VEC] = "CANDID_VEC",
    [CANDID_RECORD] = "CANDID_RECORD", [CANDID_VARIANT] = "CANDID_VARIANT",
    [CANDID_FUNC] = "CANDID_FUNC", [CANDID_SERVICE] = "CANDID_SERVICE",
    [CANDID_PRINCIPAL] = "CANDID_PRINCIPAL",
};

/* Which descriptors the wrappers reach, so that none is emitted unused. */
static uint8_t *uses(const bind_model *m) {
    uint8_t *use = calloc(m->n + 1, 1);
    size_t *stack = malloc((2 * m->n + 1) * sizeof *stack), sp = 0;
    if (!use || !stack) exit(1);
    for (size_t k = 0; k < m->ndefs; k++) stack[sp++] = m->defs[k];
    for (size_t k = 0; k < m->nmethods; k++) {
        stack[sp++] = m->methods[k].args;
        if (m->methods[k].results != (size_t)-1) stack[sp++] = m->methods[k].results;
    }
    for (size_t k = 0; k < sp; k++) use[stack[k]] |= USE_PLAIN;
    while (sp) {
        size_t i = stack[--sp];
        const candid_type *t = m->nodes[i].t;
        size_t nc = t->kind == CANDID_OPT || t->kind == CANDID_VEC ? 1
                    : t->kind == CANDID_RECORD || t->kind == CANDID_VARIANT || t->kind == CANDID_SERVICE ? t->count
                    : t->kind == CANDID_FUNC ? (size_t)t->count + t->count2 : 0;
        for (size_t k = 0; k < nc; k++) {
            const candid_type *ct = t->kind == CANDID_OPT || t->kind == CANDID_VEC ? t->inner
                                    : t->kind == CANDID_SERVICE ? t->methods[k].type
                                    : t->kind == CANDID_FUNC ? t->args[k] : t->fields[k].type;
            size_t c = bind_node(m, ct);
            uint8_t how = bind_edge_boxed(m, i, c) ? USE_REF : USE_PLAIN;
            int fresh = !use[c];
            use[c] |= how;
            if (fresh) stack[sp++] = c;
        }
    }
    free(stack);
    return use;
}

static char *field_ref(const bind_model *m, size_t parent, size_t c) {
    if (bind_edge_boxed(m, parent, c)) return bind_fmt("tr_%s", m->nodes[c].stem);
    return bind_dsym(m, c);
}

static void name_init(FILE *f, const bnode *b) {
    if (b->named && !b->is_tuple && b->t->name) {
        char *lit = bind_c_string(b->t->name, strlen(b->t->name));
        fprintf(f, ", .name = %s", lit);
        free(lit);
    }
}

/* The arrays a composite descriptor points at. */
static void arrays(FILE *f, const bind_model *m, size_t i) {
    const bnode *b = &m->nodes[i];
    const candid_type *t = b->t;
    const char *p = m->opts.name;
    if ((t->kind == CANDID_RECORD || t->kind == CANDID_VARIANT) && t->count) {
        fprintf(f, "static const candid_field f_%s[] = {\n", b->stem);
        for (uint32_t k = 0; k < t->count; k++) {
            const candid_field *fd = &t->fields[k];
            size_t c = bind_node(m, fd->type);
            char *ref = field_ref(m, i, c);
            fprintf(f, "    {.id = %uu, .offset = ", fd->id);
            if (bind_is_void(fd->type)) fputs("0", f);
            else fprintf(f, "offsetof(%s_%s, %s%s)", p, b->stem,
                         t->kind == CANDID_VARIANT ? "u." : "", b->members[k]);
            fprintf(f, ", .type = &%s", ref);
            if (fd->name) {
                char *lit = bind_c_string(fd->name, strlen(fd->name));
                fprintf(f, ", .name = %s", lit);
                free(lit);
            }
            fputs("},\n", f);
            free(ref);
        }
        fputs("};\n", f);
    } else if (t->kind == CANDID_FUNC && t->count + t->count2) {
        fprintf(f, "static const candid_type *const a_%s[] = {", b->stem);
        for (uint32_t k = 0; k < t->count + t->count2; k++) {
            char *ref = bind_dsym(m, bind_node(m, t->args[k]));
            fprintf(f, "%s&%s", k ? ", " : "", ref);
            free(ref);
        }
        fputs("};\n", f);
    } else if (t->kind == CANDID_SERVICE && t->count) {
        fprintf(f, "static const candid_method m_%s[] = {\n", b->stem);
        for (uint32_t k = 0; k < t->count; k++) {
            const candid_method *md = &t->methods[k];
            char *lit = bind_c_string(md->name, md->name_len);
            char *ref = bind_dsym(m, bind_node(m, md->type));
            fprintf(f, "    {%s, %u, &%s},\n", lit, md->name_len, ref);
            free(lit);
            free(ref);
        }
        fputs("};\n", f);
    }
}

/* Whether a record has a C member (it has none when all fields are null,
 * reserved or empty: its struct's placeholder byte is not data). */
static int has_members(const candid_type *t) {
    for (uint32_t k = 0; k < t->count; k++)
        if (!bind_is_void(t->fields[k].type)) return 1;
    return 0;
}

/* The initializer of node i's descriptor (boxed: the BOXED form of a
 * record or variant). */
static void descriptor(FILE *f, const bind_model *m, size_t i, int boxed) {
    const bnode *b = &m->nodes[i];
    const candid_type *t = b->t;
    const char *p = m->opts.name;
    char *sym = boxed ? bind_fmt("tr_%s", b->stem) : bind_dsym(m, i);
    char *s = bind_fmt("%s_%s", p, b->stem);
    fprintf(f, "%sconst candid_type %s = {.kind = %s", b->named && !boxed ? "" : "static ", sym,
            kind_names[t->kind]);
    switch (t->kind) {
    case CANDID_RECORD:
    case CANDID_VARIANT:
        if (boxed) fputs(", .repr = CANDID_REPR_BOXED", f);
        if (t->kind == CANDID_RECORD && !has_members(t))
            fprintf(f, ", .size = 0, .align = _Alignof(%s), .count = %u", s, t->count); /* no data */
        else
            fprintf(f, ", .size = sizeof(%s), .align = _Alignof(%s), .count = %u", s, s, t->count);
        if (t->count) fprintf(f, ", .fields = f_%s", b->stem);
        break;
    case CANDID_OPT: {
        char *in = bind_dsym(m, bind_node(m, t->inner));
        if (b->boxed_opt) {
            fputs(", .repr = CANDID_REPR_BOXED, .size = sizeof(void *), .align = _Alignof(void *)", f);
        } else {
            fprintf(f, ", .size = sizeof(%s), .align = _Alignof(%s), .offset = ", s, s);
            if (bind_is_void(t->inner)) fputs("1", f);
            else fprintf(f, "offsetof(%s, value)", s);
        }
        fprintf(f, ", .inner = &%s", in);
        free(in);
        break;
    }
    case CANDID_VEC: {
        char *in = bind_dsym(m, bind_node(m, t->inner));
        if (bind_is_struct(m, i))
            fprintf(f, ", .size = sizeof(%s), .align = _Alignof(%s)", s, s);
        else
            fputs(", .repr = CANDID_REPR_SLICE, .size = sizeof(candid_slice), .align = _Alignof(candid_slice)", f);
        fprintf(f, ", .inner = &%s", in);
        free(in);
        break;
    }
    case CANDID_FUNC:
        fprintf(f, ", .size = sizeof(candid_funcref), .align = _Alignof(candid_funcref), .count = %u, "
                   ".count2 = %u, .aux = %u", t->count, t->count2, t->aux);
        if (t->count + t->count2) fprintf(f, ", .args = a_%s", b->stem);
        break;
    case CANDID_SERVICE:
        fprintf(f, ", .size = sizeof(candid_slice), .align = _Alignof(candid_slice), .count = %u", t->count);
        if (t->count) fprintf(f, ", .methods = m_%s", b->stem);
        break;
    default:
        if (bind_is_void(t)) {
            fputs(", .align = 1", f);
        } else {
            const char *ct = bind_prim_ctype(m, t->kind);
            if (m->opts.nat_big && (t->kind == CANDID_NAT || t->kind == CANDID_INT))
                fputs(", .repr = CANDID_REPR_BIG", f);
            fprintf(f, ", .size = sizeof(%s), .align = _Alignof(%s)", ct, ct);
        }
    }
    name_init(f, b);
    fputs("};\n", f);
    free(sym);
    free(s);
}

/* Layout facts the engine relies on and the structs must keep. */
static void asserts(FILE *f, const bind_model *m, size_t i) {
    const bnode *b = &m->nodes[i];
    const char *p = m->opts.name;
    if (b->t->kind == CANDID_VARIANT)
        fprintf(f, "_Static_assert(offsetof(%s_%s, tag) == 0, \"a variant's case index comes first\");\n",
                p, b->stem);
    else if (b->t->kind == CANDID_OPT && !b->boxed_opt)
        fprintf(f, "_Static_assert(offsetof(%s_%s, present) == 0, \"an option's flag comes first\");\n",
                p, b->stem);
    else if (b->t->kind == CANDID_VEC && bind_is_struct(m, i))
        fprintf(f, "_Static_assert(sizeof(%s_%s) == sizeof(candid_vec) && offsetof(%s_%s, len) == "
                   "offsetof(candid_vec, len), \"a vector is a candid_vec\");\n", p, b->stem, p, b->stem);
}

/* The header of a message of the tuple `args` (a record of ids 0..n-1),
 * built now from the parsed graph. */
static int header(FILE *f, const char *sym, const char *hsym, int is_static, const char *desc,
                  const candid_type *args) {
    candid_header h;
    uint8_t *buf;
    candid_status st = bind_header(args, &h, &buf);
    if (!st) {
        fprintf(f, "static const uint8_t h_%s[] = {", sym);
        for (size_t k = 0; k < h.len; k++)
            fprintf(f, "%s0x%02x,", k % 12 ? " " : "\n    ", buf[k]);
        fprintf(f, "\n};\n%sconst candid_header %s = {&%s, h_%s, sizeof h_%s};\n",
                is_static ? "static " : "", hsym, desc, sym, sym);
    } else {
        fprintf(stderr, "candid: cannot build the header of %s: %s\n", sym, candid_status_message(st));
    }
    free(buf);
    return st != CANDID_OK;
}

static void encoder(FILE *f, const char *p, const char *fn, const char *type, const char *hd) {
    fprintf(f, "\ncandid_status %s_%s(candid_writer *w, const %s_%s *v) {\n"
               "    uint64_t work[%s_ENCODE_WORK / 8];\n"
               "    return candid_encode(w, &%s, v, work, sizeof work, 0);\n}\n",
            p, fn, p, type, p, hd);
}

static void decoder(FILE *f, const bind_model *m, size_t i, int one_value, const char *fn,
                    const char *type, const char *desc) {
    const char *p = m->opts.name;
    fprintf(f, "\ncandid_status %s_%s(candid_decoder *d, const uint8_t *msg, size_t len,\n"
               "    %s_%s *out, candid_arena *arena) {\n", p, fn, p, type);
    if (!bind_emit_fast_call(f, m, i, one_value, desc))
        fprintf(f, "    return candid_decode(d, msg, len, &%s, out, arena);\n", desc);
    fputs("}\n", f);
}

static void method_stubs(FILE *f, const bind_model *m, bind_fast *fa, const bmethod *bm) {
    const char *p = m->opts.name, *s = bm->stem;
    for (int res = 0; res < (bm->m ? 2 : 1); res++) {
        const char *what = res ? "result" : "args";
        char *ty = bind_fmt("%s_%s", s, what), *fn = bind_fmt("%s_%s_encode", s, what);
        char *hd = bind_fmt("%s_%s_%s_header", p, s, what), *desc = bind_fmt("%s_%s_%s_type", p, s, what);
        if (fa) {
            char *msg = bind_fmt("%s_%s_%s_message", p, s, what);
            bind_fast_encoder(f, m, fa, res ? bm->results : bm->args, 0, fn, ty, hd, msg);
            free(msg);
        } else {
            encoder(f, p, fn, ty, hd);
        }
        free(fn);
        fn = bind_fmt("%s_%s_decode", s, what);
        decoder(f, m, res ? bm->results : bm->args, 0, fn, ty, desc);
        free(fn);
        free(ty);
        free(hd);
        free(desc);
    }
}

int bind_emit_source(FILE *f, const bind_model *m) {
    const char *p = m->opts.name;
    int rc = 0;
    uint8_t *use = uses(m);
    fprintf(f, "/* %s.c: generated by `candid bind` from %s. Do not edit. */\n"
               "#include \"%s.h\"\n%s\n", p, m->opts.did_name, p,
            m->opts.fast ? "#include \"candid/fast.h\"\n#include \"candid/fast_encode.h\"\n" : "");
    /* Declarations first: descriptors refer to each other in cycles. */
    bind_names *done = bind_names_new();
    for (size_t i = 0; i < m->n; i++) {
        for (int form = USE_PLAIN; form <= USE_REF; form <<= 1) {
            if (!(use[i] & form)) continue;
            if (form == USE_PLAIN && m->nodes[i].named) continue; /* declared in the header */
            char *sym = form == USE_REF ? bind_fmt("tr_%s", m->nodes[i].stem) : bind_dsym(m, i);
            if (!bind_names_taken(done, sym)) {
                free(bind_names_reserve(done, sym));
                fprintf(f, "static const candid_type %s;\n", sym);
            }
            free(sym);
        }
    }
    bind_names_free(done);
    done = bind_names_new();
    for (size_t i = 0; i < m->n; i++) {
        if (!use[i]) continue;
        char *key = bind_dsym(m, i);
        int first = !bind_names_taken(done, key);
        if (first) {
            free(bind_names_reserve(done, key));
            fputc('\n', f);
            asserts(f, m, i);
            arrays(f, m, i);
            if (use[i] & USE_PLAIN) descriptor(f, m, i, 0);
        }
        free(key);
        key = bind_fmt("tr_%s", m->nodes[i].stem);
        if ((use[i] & USE_REF) && !bind_names_taken(done, key)) {
            free(bind_names_reserve(done, key));
            if (!first && !(use[i] & USE_PLAIN)) arrays(f, m, i);
            descriptor(f, m, i, 1);
        }
        free(key);
    }
    bind_names_free(done);
    fputs("\n/* One-value tuples of the named types and their headers. */\n", f);
    for (size_t k = 0; k < m->ndefs; k++) {
        size_t i = m->defs[k];
        const char *s = m->nodes[i].stem;
        char *d = bind_dsym(m, i);
        fprintf(f, "static const candid_field ft_%s[] = {{.id = 0, .offset = 0, .type = &%s}};\n"
                   "static const candid_type tt_%s = {.kind = CANDID_RECORD, .size = sizeof(%s_%s), "
                   ".align = _Alignof(%s_%s), .count = 1, .fields = ft_%s};\n", s, d, s, p, s, p, s, s);
        free(d);
        candid_field fd = {.id = 0, .type = m->nodes[i].t};
        candid_type rec = {.kind = CANDID_RECORD, .count = 1, .fields = &fd};
        char *desc = bind_fmt("tt_%s", s), *hsym = bind_fmt("hd_%s", s);
        rc |= header(f, s, hsym, 1, desc, &rec);
        free(desc);
        free(hsym);
    }
    fputs("\n/* Headers of the methods' argument and result lists. */\n", f);
    for (size_t k = 0; k < m->nmethods; k++) {
        const bmethod *bm = &m->methods[k];
        size_t list[2] = {bm->args, bm->results};
        for (int j = 0; j < 2 && list[j] != (size_t)-1; j++) {
            char *d = bind_dsym(m, list[j]);
            char *hsym = bind_fmt("%s_%s_header", p, m->nodes[list[j]].stem);
            rc |= header(f, m->nodes[list[j]].stem, hsym, 0, d, m->nodes[list[j]].t);
            free(d);
            free(hsym);
        }
    }
    bind_fast *fa = m->opts.fast ? bind_fast_new(m) : NULL;
    if (m->opts.fast) bind_emit_fast_decoders(f, m);
    for (size_t k = 0; k < m->ndefs; k++) {
        const char *s = m->nodes[m->defs[k]].stem;
        char *fn = bind_fmt("%s_encode", s), *desc = bind_fmt("tt_%s", s), *hd = bind_fmt("hd_%s", s);
        if (fa) bind_fast_encoder(f, m, fa, m->defs[k], 1, fn, s, hd, NULL);
        else encoder(f, p, fn, s, hd);
        free(hd);
        free(fn);
        fn = bind_fmt("%s_decode", s);
        decoder(f, m, m->defs[k], 1, fn, s, desc);
        free(fn);
        free(desc);
    }
    for (size_t k = 0; k < m->nmethods; k++) method_stubs(f, m, fa, &m->methods[k]);
    bind_fast_free(fa);
    if (m->opts.server) bind_emit_server_source(f, m);
    free(use);
    return rc || ferror(f);
}
