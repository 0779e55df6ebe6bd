/* NAME.rs and NAME_layout.c (--target rust): Rust types with the layout of
 * the C types of NAME.h, extern declarations of the C stubs of NAME.c, safe
 * typed wrappers over them (the libcandid crate), and the layouts both
 * sides assert at compile time. The generator computes each slot's size,
 * alignment and field offsets as a C compiler lays out NAME.h, for 64-bit
 * targets and wasm32; the Rust file asserts them with size_of, align_of and
 * offset_of!, NAME_layout.c with sizeof, _Alignof and offsetof, so the two
 * agree whenever both compile. */
#include <stdlib.h>
#include <string.h>

#include "emit_rust.h"

typedef struct lay {
    uint32_t size, align;
} lay;

typedef struct rgen {
    const bind_model *m;
    uint8_t *lt;    /* the Rust type of the node borrows: takes <'a> */
    uint8_t *deep;  /* reaches a cycle: no derived Debug/PartialEq (they recurse) */
    lay *l[2];      /* [0]: 64-bit pointers, [1]: wasm32 */
} rgen;

static const char *const keywords[] = {
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
    "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where", "while",
    "abstract", "become", "box", "do", "final", "gen", "macro", "override", "priv", "try",
    "typeof", "unsized", "virtual", "yield", NULL};

/* A C identifier from the model as a Rust one: keywords as raw identifiers,
 * the four that cannot be raw and a lone '_' get a trailing '_'. */
static char *rid(const char *c) {
    if (!strcmp(c, "self") || !strcmp(c, "Self") || !strcmp(c, "super") || !strcmp(c, "crate") ||
        !strcmp(c, "_"))
        return bind_fmt("%s_", c);
    for (size_t k = 0; keywords[k]; k++)
        if (!strcmp(c, keywords[k])) return bind_fmt("r#%s", c);
    return bind_fmt("%s", c);
}

static size_t nchildren(const candid_type *t) {
    return t->kind == CANDID_OPT || t->kind == CANDID_VEC ? 1
           : t->kind == CANDID_RECORD || t->kind == CANDID_VARIANT ? t->count : 0;
}

static const candid_type *nth(const candid_type *t, size_t k) {
    return t->kind == CANDID_OPT || t->kind == CANDID_VEC ? t->inner : t->fields[k].type;
}

static int is_blob(const candid_type *t) {
    return t->kind == CANDID_VEC && t->inner->kind == CANDID_NAT8;
}

/* Which nodes borrow and which reach a cycle: monotone flags propagated to
 * a fixpoint over the children, so no walk follows the type's depth. */
static void flags(rgen *g) {
    const bind_model *m = g->m;
    for (size_t i = 0; i < m->n; i++) {
        const candid_type *t = m->nodes[i].t;
        uint8_t k = t->kind;
        g->lt[i] = k == CANDID_TEXT || k == CANDID_PRINCIPAL || k == CANDID_SERVICE ||
                   k == CANDID_FUNC || k == CANDID_VEC || m->nodes[i].boxed_opt ||
                   ((k == CANDID_NAT || k == CANDID_INT) && m->opts.nat_big);
        g->deep[i] = m->nodes[i].boxed_opt || m->nodes[i].scc != 0;
    }
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < m->n; i++) {
            const candid_type *t = m->nodes[i].t;
            for (size_t k = 0; k < nchildren(t); k++) {
                size_t c = bind_node(m, nth(t, k));
                uint8_t lt = g->lt[i] | g->lt[c] | (uint8_t)bind_edge_boxed(m, i, c);
                uint8_t deep = g->deep[i] | g->deep[c];
                changed |= lt != g->lt[i] || deep != g->deep[i];
                g->lt[i] = lt;
                g->deep[i] = deep;
            }
        }
    }
}

static uint32_t round_up(uint32_t n, uint32_t a) {
    return (n + a - 1) / a * a;
}

/* The slot of child c of node i (a pointer when the edge is boxed); 0 when
 * c is not laid out yet. */
static int member_lay(const rgen *g, int w, size_t i, size_t c, lay *out) {
    uint32_t p = w ? 4 : 8;
    if (bind_edge_boxed(g->m, i, c)) {
        *out = (lay){p, p};
        return 1;
    }
    *out = g->l[w][c];
    return out->align != 0;
}

/* Node i's slot as NAME.h lays it out; offs (when not NULL) gets each
 * record field's offset. Returns 0 while a child held by value is not laid
 * out yet. */
static int layout(const rgen *g, int w, size_t i, uint32_t *offs, lay *out) {
    const bind_model *m = g->m;
    const candid_type *t = m->nodes[i].t;
    uint32_t p = w ? 4 : 8;
    lay c;
    switch (t->kind) {
    case CANDID_NULL: case CANDID_RESERVED: case CANDID_EMPTY: *out = (lay){0, 1}; return 1;
    case CANDID_BOOL: case CANDID_NAT8: case CANDID_INT8: *out = (lay){1, 1}; return 1;
    case CANDID_NAT16: case CANDID_INT16: *out = (lay){2, 2}; return 1;
    case CANDID_NAT32: case CANDID_INT32: case CANDID_FLOAT32: *out = (lay){4, 4}; return 1;
    case CANDID_NAT64: case CANDID_INT64: case CANDID_FLOAT64: *out = (lay){8, 8}; return 1;
    case CANDID_NAT: case CANDID_INT:
        *out = m->opts.nat_big ? (lay){3 * p, p} : (lay){8, 8};
        return 1;
    case CANDID_TEXT: case CANDID_PRINCIPAL: case CANDID_SERVICE: case CANDID_VEC:
        *out = (lay){2 * p, p};
        return 1;
    case CANDID_FUNC: *out = (lay){4 * p, p}; return 1;
    case CANDID_OPT:
        if (m->nodes[i].boxed_opt) {
            *out = (lay){p, p};
            return 1;
        }
        if (bind_is_void(t->inner)) {
            *out = (lay){1, 1};
            return 1;
        }
        if (!member_lay(g, w, i, bind_node(m, t->inner), &c)) return 0;
        *out = (lay){round_up(round_up(1, c.align) + c.size, c.align), c.align};
        return 1;
    case CANDID_RECORD: {
        uint32_t at = 0, align = 1;
        int any = 0;
        for (uint32_t d = 0; d < t->count; d++) { /* members in declaration order, as NAME.h */
            uint32_t k = bind_decl(&m->nodes[i], d);
            if (bind_is_void(t->fields[k].type)) continue;
            if (!member_lay(g, w, i, bind_node(m, t->fields[k].type), &c)) return 0;
            at = round_up(at, c.align);
            if (offs) offs[k] = at;
            at += c.size;
            align = c.align > align ? c.align : align;
            any = 1;
        }
        *out = any ? (lay){round_up(at, align), align} : (lay){1, 1};
        return 1;
    }
    default: { /* variant: uint32_t tag, then the union of the payloads */
        uint32_t us = 0, ua = 0;
        for (uint32_t k = 0; k < t->count; k++) {
            if (bind_is_void(t->fields[k].type)) continue;
            if (!member_lay(g, w, i, bind_node(m, t->fields[k].type), &c)) return 0;
            us = c.size > us ? c.size : us;
            ua = c.align > ua ? c.align : ua;
        }
        if (!ua) {
            *out = (lay){4, 4};
            return 1;
        }
        uint32_t a = ua > 4 ? ua : 4;
        *out = (lay){round_up(round_up(4, ua) + round_up(us, ua), a), a};
        return 1;
    }
    }
}

/* Lays out every node: passes until nothing changes (a node held by value
 * never contains itself, so each pass completes at least one more). */
static void layouts(rgen *g) {
    for (int w = 0; w < 2; w++) {
        for (int progress = 1; progress;) {
            progress = 0;
            for (size_t i = 0; i < g->m->n; i++) {
                if (g->l[w][i].align) continue;
                lay l;
                if (layout(g, w, i, NULL, &l)) {
                    g->l[w][i] = l;
                    progress = 1;
                }
            }
        }
    }
}

static const char *prim_rty(const bind_model *m, uint8_t kind) {
    switch (kind) {
    case CANDID_BOOL: return "bool";
    case CANDID_NAT8: return "u8";
    case CANDID_NAT16: return "u16";
    case CANDID_NAT32: return "u32";
    case CANDID_NAT64: return "u64";
    case CANDID_INT8: return "i8";
    case CANDID_INT16: return "i16";
    case CANDID_INT32: return "i32";
    case CANDID_INT64: return "i64";
    case CANDID_FLOAT32: return "f32";
    case CANDID_FLOAT64: return "f64";
    case CANDID_NAT: return m->opts.nat_big ? "::libcandid::Bignum" : "u64";
    case CANDID_INT: return m->opts.nat_big ? "::libcandid::Bignum" : "i64";
    case CANDID_TEXT: return "::libcandid::Text";
    case CANDID_PRINCIPAL: return "::libcandid::Principal";
    case CANDID_SERVICE: return "::libcandid::Service";
    case CANDID_VEC: return "::libcandid::Bytes";
    case CANDID_FUNC: return "::libcandid::FuncRef";
    default: return "()";
    }
}

/* The Rust type of node i's slot with lifetime lt ("'a", "'static"):
 * unnamed options and vectors wrap their inner type, followed in a loop. */
static char *rty(const rgen *g, size_t i, const char *lt) {
    const bind_model *m = g->m;
    char *pre = bind_fmt("%s", ""), *s;
    size_t close = 0;
    for (;;) {
        const bnode *b = &m->nodes[i];
        const candid_type *t = b->t;
        const char *wrap = NULL;
        if (!bind_is_void(t) && !b->named && t->kind == CANDID_OPT)
            wrap = b->boxed_opt ? "::core::option::Option<&%s " : "::libcandid::Opt<";
        else if (!b->named && t->kind == CANDID_VEC && !is_blob(t))
            wrap = "::libcandid::Vector<%s, ";
        if (!wrap) break;
        char *w = bind_fmt(wrap, lt), *p2 = bind_fmt("%s%s", pre, w);
        free(w);
        free(pre);
        pre = p2;
        close++;
        i = bind_node(m, t->inner);
    }
    const bnode *b = &m->nodes[i];
    const char *base = bind_is_void(b->t) ? "()" : NULL;
    char *own = NULL;
    if (!base && (b->named || b->t->kind == CANDID_RECORD || b->t->kind == CANDID_VARIANT))
        base = own = rid(b->stem);
    if (!base) base = prim_rty(m, b->t->kind);
    int with_lt = strcmp(base, "()") != 0 && g->lt[i];
    s = bind_fmt("%s%s%s%s%s", pre, base, with_lt ? "<" : "", with_lt ? lt : "", with_lt ? ">" : "");
    while (close--) {
        char *t2 = bind_fmt("%s>", s);
        free(s);
        s = t2;
    }
    free(pre);
    free(own);
    return s;
}

/* The Rust type of a member: a reference when the edge is boxed. */
static char *member_rty(const rgen *g, size_t i, size_t c) {
    char *t = rty(g, c, "'a");
    if (!bind_edge_boxed(g->m, i, c)) return t;
    char *r = bind_fmt("&'a %s", t);
    free(t);
    return r;
}

static const char *generics(const rgen *g, size_t i) {
    return g->lt[i] ? "<'a>" : "";
}

static void derives(FILE *f, const rgen *g, size_t i) {
    fprintf(f, "#[derive(Clone, Copy%s)]\n", g->deep[i] ? "" : ", Debug, PartialEq");
}

static void record_def(FILE *f, const rgen *g, size_t i) {
    const bnode *b = &g->m->nodes[i];
    const candid_type *t = b->t;
    char *tn = rid(b->stem);
    fputs("#[repr(C)]\n", f);
    derives(f, g, i);
    fprintf(f, "pub struct %s%s {\n", tn, generics(g, i));
    free(tn);
    int any = 0;
    for (uint32_t d = 0; d < t->count; d++) { /* declaration order, as NAME.h */
        uint32_t k = bind_decl(b, d);
        size_t c = bind_node(g->m, t->fields[k].type);
        if (bind_is_void(g->m->nodes[c].t)) continue;
        char *name = rid(b->members[k]), *ty = member_rty(g, i, c);
        if (t->fields[k].name && strcmp(t->fields[k].name, b->members[k]) != 0) {
            char *lit = bind_c_string(t->fields[k].name, strlen(t->fields[k].name));
            fprintf(f, "    /// Candid field %s.\n", lit);
            free(lit);
        }
        fprintf(f, "    pub %s: %s,\n", name, ty);
        free(name);
        free(ty);
        any = 1;
    }
    if (!any) fputs("    /// C has no empty structs.\n    pub _empty: u8,\n", f);
    fputs("}\n", f);
}

static void variant_def(FILE *f, const rgen *g, size_t i) {
    const bnode *b = &g->m->nodes[i];
    const candid_type *t = b->t;
    int payloads = 0;
    for (uint32_t k = 0; k < t->count; k++) payloads |= !bind_is_void(t->fields[k].type);
    char *tn = rid(b->stem);
    derives(f, g, i);
    if (!t->count) { /* variant {}: no value; Rust has no repr for an empty enum */
        fprintf(f, "#[repr(C)]\npub struct %s {\n    tag: u32,\n}\n", tn);
        free(tn);
        return;
    }
    /* (C, u32) lays out the tag and a union of the payloads as C does; a
     * fieldless enum takes the tag alone. */
    fprintf(f, "#[repr(%s)]\npub enum %s%s {\n", payloads ? "C, u32" : "u32", tn, generics(g, i));
    free(tn);
    for (uint32_t k = 0; k < t->count; k++) {
        size_t c = bind_node(g->m, t->fields[k].type);
        char *name = rid(b->members[k]);
        if (bind_is_void(g->m->nodes[c].t)) {
            fprintf(f, "    %s,\n", name);
        } else {
            char *ty = member_rty(g, i, c);
            fprintf(f, "    %s(%s),\n", name, ty);
            free(ty);
        }
        free(name);
    }
    fputs("}\n", f);
}

/* Named types that are not records or variants: aliases. */
static void alias_def(FILE *f, const rgen *g, size_t i) {
    const bnode *b = &g->m->nodes[i];
    const candid_type *t = b->t;
    char *ty;
    if (bind_is_void(t)) {
        ty = bind_fmt("()");
    } else if (t->kind == CANDID_OPT || (t->kind == CANDID_VEC && !is_blob(t))) {
        char *inner = rty(g, bind_node(g->m, t->inner), "'a");
        ty = t->kind == CANDID_VEC ? bind_fmt("::libcandid::Vector<'a, %s>", inner)
             : b->boxed_opt        ? bind_fmt("::core::option::Option<&'a %s>", inner)
                                   : bind_fmt("::libcandid::Opt<%s>", inner);
        free(inner);
    } else {
        ty = bind_fmt("%s%s", prim_rty(g->m, t->kind), g->lt[i] ? "<'a>" : "");
    }
    char *tn = rid(b->stem);
    fprintf(f, "pub type %s%s = %s;\n", tn, generics(g, i), ty);
    free(tn);
    free(ty);
}

static void definitions(FILE *f, const rgen *g) {
    const bind_model *m = g->m;
    bind_names *done = bind_names_new();
    for (size_t i = 0; i < m->n; i++) {
        const bnode *b = &m->nodes[i];
        uint8_t k = b->t->kind;
        int def = k == CANDID_RECORD || k == CANDID_VARIANT || b->named;
        if (!def || !b->stem || bind_names_taken(done, b->stem)) continue;
        free(bind_names_reserve(done, b->stem));
        fputc('\n', f);
        if (k == CANDID_RECORD) record_def(f, g, i);
        else if (k == CANDID_VARIANT) variant_def(f, g, i);
        else alias_def(f, g, i);
    }
    bind_names_free(done);
}

/* One named type's or tuple's C stubs and their safe wrappers. */
static void functions(FILE *f, const rgen *g, size_t i, const char *stem, const char *what) {
    const char *p = g->m->opts.name;
    char *ty = rty(g, i, "'a"), *any = rty(g, i, "'_");
    fprintf(f, "\nextern \"C\" {\n"
               "    pub static %s_%s_type: ::libcandid::sys::candid_type;\n"
               "    pub fn %s_%s_encode(w: *mut ::libcandid::sys::candid_writer, v: *const %s)\n"
               "        -> ::libcandid::sys::candid_status;\n"
               "    pub fn %s_%s_decode(d: *mut ::libcandid::sys::candid_decoder, msg: *const u8, len: usize,\n"
               "        out: *mut %s, arena: *mut ::libcandid::sys::candid_arena) -> ::libcandid::sys::candid_status;\n"
               "}\n",
            p, stem, p, stem, any, p, stem, any);
    fprintf(f, "/// Decodes a message of %s; text and blobs borrow `msg`, vectors `arena`.\n"
               "pub fn %s_decode<'a>(d: &mut ::libcandid::Decoder<'_>, msg: &'a [u8],\n"
               "    arena: &'a mut ::libcandid::Arena<'_>) -> ::core::result::Result<%s, ::libcandid::Error> {\n"
               "    // SAFETY: the C stub writes exactly this type's layout (asserted below).\n"
               "    unsafe { d.decode_with(msg, arena, %s_%s_decode) }\n}\n",
            what, stem, ty, p, stem);
    fprintf(f, "/// Appends the message of %s to `w`; returns the bytes written so far.\n"
               "pub fn %s_encode(v: &%s, w: &mut ::libcandid::Writer<'_>)\n"
               "    -> ::core::result::Result<usize, ::libcandid::Error> {\n"
               "    // SAFETY: as for decoding.\n"
               "    unsafe { w.encode_with(v, %s_%s_encode) }\n}\n",
            what, stem, any, p, stem);
    free(ty);
    free(any);
}

static void all_functions(FILE *f, const rgen *g) {
    const bind_model *m = g->m;
    for (size_t k = 0; k < m->ndefs; k++) {
        size_t i = m->defs[k];
        char *what = bind_fmt("`(%s)`", m->nodes[i].stem);
        functions(f, g, i, m->nodes[i].stem, what);
        free(what);
    }
    for (size_t k = 0; k < m->nmethods; k++) {
        const bmethod *bm = &m->methods[k];
        char *name = bm->m ? bind_fmt("%.*s", (int)bm->m->name_len, bm->m->name) : bind_fmt("init");
        char *what = bind_fmt("the arguments of `%s`", name);
        functions(f, g, bm->args, m->nodes[bm->args].stem, what);
        free(what);
        if (bm->results != (size_t)-1) {
            what = bind_fmt("the results of `%s`", name);
            functions(f, g, bm->results, m->nodes[bm->results].stem, what);
            free(what);
        }
        free(name);
    }
}

/* bytes as a Rust byte string literal. */
static char *rust_bytes(const char *s, size_t n) {
    char *out = calloc(4 * n + 4, 1), *o = out;
    if (!out) exit(1);
    *o++ = 'b';
    *o++ = '"';
    for (size_t i = 0; i < n; i++) {
        uint8_t c = (uint8_t)s[i];
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') *o++ = (char)c;
        else o += sprintf(o, "\\x%02x", c);
    }
    *o = '"';
    return out;
}

/* Client side per method: the call and the decoding of its reply. */
static void client(FILE *f, const rgen *g, const bmethod *bm) {
    const char *p = g->m->opts.name, *s = bm->stem;
    char *lit = rust_bytes(bm->m->name, bm->m->name_len), *any = rty(g, bm->args, "'_");
    fprintf(f, "\nextern \"C\" {\n    pub static %s_%s_args_header: ::libcandid::sys::candid_header;\n}\n"
               "/// Calls the method on `callee` with `args`: `done` runs later with the\n"
               "/// outcome, exactly once, unless this fails (then it never runs).\n"
               "pub fn %s_call(call: &'static mut ::libcandid::Call, callee: &[u8], args: &%s,\n"
               "    done: ::libcandid::Continuation) -> ::core::result::Result<(), ::libcandid::Error> {\n"
               "    // SAFETY: the header describes the layout of args.\n"
               "    unsafe { call.start(callee, %s, &%s_%s_args_header, args, done) }\n}\n",
            p, s, s, any, lit, p, s);
    free(lit);
    free(any);
    if (bm->m->type->aux & CANDID_ANN_ONEWAY) return;
    char *ty = rty(g, bm->results, "'a");
    fprintf(f, "/// The reply of a call, decoded; `Status::Call` for a reject.\n"
               "pub fn %s_reply_decode<'a>(d: &mut ::libcandid::Decoder<'_>, o: &::libcandid::Outcome<'a>,\n"
               "    arena: &'a mut ::libcandid::Arena<'_>) -> ::core::result::Result<%s, ::libcandid::Error> {\n"
               "    %s_decode(d, o.reply()?, arena)\n}\n",
            s, ty, g->m->nodes[bm->results].stem);
    free(ty);
}

/* Server side (--server): the trait a canister implements and the macro
 * that exports its methods as the NAME_METHOD_impl functions the C entry
 * points call. */
static void server(FILE *f, const rgen *g) {
    const bind_model *m = g->m;
    const char *p = m->opts.name;
    for (size_t k = 0; k < m->nmethods; k++) {
        const bmethod *bm = &m->methods[k];
        if (!bm->m || bm->m->type->aux & CANDID_ANN_ONEWAY) continue;
        char *any = rty(g, bm->results, "'_");
        fprintf(f, "\nextern \"C\" {\n    pub fn %s_%s_reply(result: *const %s) -> ::libcandid::sys::candid_status;\n}\n"
                   "/// Answers a deferred call of the method (from a continuation).\n"
                   "pub fn %s_reply(result: &%s) -> ::core::result::Result<(), ::libcandid::Error> {\n"
                   "    match ::libcandid::Status::from_raw(unsafe { %s_%s_reply(result) }) {\n"
                   "        None => Ok(()),\n        Some(s) => Err(::libcandid::new_error(s, 0)),\n    }\n}\n",
                p, bm->stem, any, bm->stem, any, p, bm->stem);
        free(any);
    }
    fputs("\n/// The service's methods, to implement: each gets the decoded arguments and\n"
          "/// returns the result that is replied (ignored after `ctx.reject` or\n"
          "/// `ctx.defer`). Export them with the serve macro.\npub trait Service {\n", f);
    for (size_t k = 0; k < m->nmethods; k++) {
        const bmethod *bm = &m->methods[k];
        char *name = rid(bm->stem), *args = rty(g, bm->args, "'a");
        int result = bm->m && !(bm->m->type->aux & CANDID_ANN_ONEWAY);
        char *res = result ? rty(g, bm->results, "'a") : NULL;
        fprintf(f, "    fn %s<'a>(args: &%s, ctx: &mut ::libcandid::Ctx<'a>)%s%s;\n", name, args,
                result ? " -> " : "", result ? res : "");
        free(name);
        free(args);
        free(res);
    }
    fprintf(f, "}\n\n/// `%s_serve!(path::to::this_module => YourType);` exports YourType's\n"
               "/// `Service` methods as the `%s_METHOD_impl` functions of the C server stubs.\n"
               "#[macro_export]\nmacro_rules! %s_serve {\n    ($($m:ident)::+ => $t:ty) => {\n", p, p, p);
    for (size_t k = 0; k < m->nmethods; k++) {
        const bmethod *bm = &m->methods[k];
        const char *s = bm->stem;
        char *name = rid(s);
        int result = bm->m && !(bm->m->type->aux & CANDID_ANN_ONEWAY);
        const char *alt = g->lt[bm->args] ? "<'a>" : "";
        const char *rlt = result && g->lt[bm->results] ? "<'a>" : "";
        fprintf(f, "        #[no_mangle]\n"
                   "        pub unsafe extern \"C\" fn %s_%s_impl<'a>(args: *const $($m)::+::%s_args%s,\n",
                p, s, s, alt);
        if (result)
            fprintf(f, "            result: *mut $($m)::+::%s_result%s,\n", s, rlt);
        fprintf(f, "            ctx: *mut ::libcandid::ServerCtx) {\n"
                   "            let mut ctx = ::libcandid::Ctx::from_raw(ctx);\n"
                   "            %s<$t as $($m)::+::Service>::%s(&*args, &mut ctx)%s;\n        }\n",
                result ? "result.write(" : "", name, result ? ")" : "");
        free(name);
    }
    fputs("    };\n}\n", f);
}

/* Both sides' assertions of one node: Rust into fr, C into fc. */
static void assert_node(FILE *fr, FILE *fc, const rgen *g, int w, size_t i) {
    const bind_model *m = g->m;
    const bnode *b = &m->nodes[i];
    const candid_type *t = b->t;
    lay l = g->l[w][i];
    char *ty = rty(g, i, "'static"), *ct = bind_ctype(m, i);
    uint32_t *offs = calloc(t->kind == CANDID_RECORD ? t->count + 1 : 1, sizeof *offs);
    if (!offs) exit(1);
    int rec = t->kind == CANDID_RECORD && !b->boxed_opt;
    if (rec) layout(g, w, i, offs, &l);
    fprintf(fr, "    ::libcandid::assert_layout!(%s, %u, %u", ty, l.size, l.align);
    fprintf(fc, "_Static_assert(sizeof(%s) == %u && _Alignof(%s) == %u, \"%s: the Rust layout\");\n",
            ct, l.size, ct, l.align, ct);
    for (uint32_t k = 0; rec && k < t->count; k++) {
        if (bind_is_void(t->fields[k].type)) continue;
        char *name = rid(b->members[k]);
        fprintf(fr, ", %s = %u", name, offs[k]);
        fprintf(fc, "_Static_assert(offsetof(%s, %s) == %u, \"%s.%s: the Rust layout\");\n", ct,
                b->members[k], offs[k], ct, b->members[k]);
        free(name);
    }
    fputs(");\n", fr);
    free(offs);
    free(ty);
    free(ct);
}

static void asserts(FILE *fr, FILE *fc, const rgen *g) {
    static const char *const cfg[] = {"target_pointer_width = \"64\"",
                                      "all(target_pointer_width = \"32\", target_arch = \"wasm32\")"};
    static const char *const cif[] = {"#if UINTPTR_MAX == 0xffffffffffffffffu\n",
                                      "#elif UINTPTR_MAX == 0xffffffffu && defined(__wasm32__)\n"};
    fputs("\n/* The layouts of NAME.rs (generated with it), for 64-bit targets and wasm32. */\n", fc);
    for (int w = 0; w < 2; w++) {
        fprintf(fr, "\n#[cfg(%s)]\nconst _: () = {\n", cfg[w]);
        fputs(cif[w], fc);
        bind_names *done = bind_names_new();
        for (size_t i = 0; i < g->m->n; i++) {
            const bnode *b = &g->m->nodes[i];
            if (bind_is_void(b->t) || b->t->kind == CANDID_SERVICE || b->t->kind == CANDID_FUNC) continue;
            char *key = rty(g, i, "'static");
            if (!bind_names_taken(done, key)) {
                free(bind_names_reserve(done, key));
                assert_node(fr, fc, g, w, i);
            }
            free(key);
        }
        bind_names_free(done);
        fputs("};\n", fr);
    }
    fputs("#endif\n", fc);
}

int bind_emit_rust(FILE *fr, FILE *fc, const bind_model *m) {
    rgen g = {.m = m};
    g.lt = calloc(m->n + 1, 1);
    g.deep = calloc(m->n + 1, 1);
    g.l[0] = calloc(m->n + 1, sizeof(lay));
    g.l[1] = calloc(m->n + 1, sizeof(lay));
    if (!g.lt || !g.deep || !g.l[0] || !g.l[1]) exit(1);
    flags(&g);
    layouts(&g);
    const char *p = m->opts.name;
    fprintf(fr, "// %s.rs: generated by `candid bind --target rust` from %s. Do not edit.\n"
                "//\n"
                "// The types of %s.h (`candid bind --target c --name %s`, whose %s.c must be\n"
                "// linked) with the same layout: records are `#[repr(C)]` structs, variants\n"
                "// `#[repr(C, u32)]` enums, options `libcandid::Opt` (a pointer on a cycle:\n"
                "// `Option<&T>`), vectors `libcandid::Vector`, text `libcandid::Text`, blobs,\n"
                "// principals and services `libcandid::Bytes`, nat and int %s. Decoded\n"
                "// values borrow the message and the arena for 'a. The const assertions at\n"
                "// the end check every layout against the numbers %s_layout.c asserts for C.\n"
                "#![allow(non_camel_case_types, non_snake_case, dead_code, improper_ctypes, non_upper_case_globals)]\n",
            p, m->opts.did_name, p, p, p, m->opts.nat_big ? "`libcandid::Bignum`" : "u64 and i64", p);
    fprintf(fc, "/* %s_layout.c: generated by `candid bind --target rust` from %s. Do not edit.\n"
                " * Compile it with %s.c: it fails to compile when the C layout is not the\n"
                " * one %s.rs asserts. */\n#include <stddef.h>\n#include <stdint.h>\n\n"
                "#include \"%s.h\"\n",
            p, m->opts.did_name, p, p, p);
    definitions(fr, &g);
    all_functions(fr, &g);
    for (size_t k = 0; k < m->nmethods; k++)
        if (m->methods[k].m) client(fr, &g, &m->methods[k]);
    if (m->opts.server && m->nmethods) server(fr, &g);
    asserts(fr, fc, &g);
    free(g.lt);
    free(g.deep);
    free(g.l[0]);
    free(g.l[1]);
    return ferror(fr) || ferror(fc) ? 1 : 0;
}
