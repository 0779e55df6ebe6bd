/* NAME.h: the C types of a .did file and the prototypes of their encoders,
 * decoders and call stubs, documented in place. */
#include <stdlib.h>
#include <string.h>

#include "bind.h"

static const char intro[] =
    " *\n"
    " * Conventions (see candid/types.h for the slot layouts):\n"
    " *   - record: a struct, one member per field in field-id order; a field of\n"
    " *     type null, reserved or empty has no member;\n"
    " *   - variant: `tag` (one of the TYPE_CASE_tag constants) and a union `u`\n"
    " *     of the cases' payloads;\n"
    " *   - opt: `present` (0 or 1) and `value`; on a recursive cycle a pointer\n"
    " *     instead (NULL for none);\n"
    " *   - vec: {items, len}; blob: candid_slice; text and principal:\n"
    " *     candid_slice; func: candid_funcref; service: candid_slice;\n"
    " *   - nat and int: %s.\n"
    " * Decoded text, blobs and principals point into the message, vectors and\n"
    " * boxed values into the arena: both must outlive the values. Every\n"
    " * function returns a candid_status (CANDID_OK is 0) and fails as\n"
    " * candid_encode or candid_decode does; decoders set d->error_offset.\n"
    " * Encoders write a whole message into the writer (call\n"
    " * candid_writer_finish after) with %s_ENCODE_WORK bytes of stack for the\n"
    " * encoder's explicit stack (32 per nesting level; deeper values fail with\n"
    " * CANDID_ERR_WORK_FULL).\n"
    " */\n";

/* A Candid name inside a C comment: quoted UTF-8, control characters as
 * '?', and no comment terminator. */
static char *comment_text(const char *name) {
    size_t n = strlen(name);
    char *out = bind_fmt("\"%s\"", name);
    for (size_t i = 1; i <= n; i++) {
        if ((uint8_t)out[i] < 0x20 || out[i] == 0x7f) out[i] = '?';
        if (out[i] == '/' && out[i - 1] == '*') out[i] = '|';
    }
    return out;
}

/* What a member's C type does not say: the Candid type of a plain C
 * member (uint64_t may be nat or nat64, candid_slice text or blob), and the
 * Candid name when escaping changed it. */
static char *member_note(const bind_model *m, size_t child, const char *name, const char *candid) {
    const candid_type *t = m->nodes[child].t;
    int plain = !m->nodes[child].named && !bind_is_struct(m, child) && !m->nodes[child].boxed_opt;
    const char *kind = !plain ? NULL
                       : t->kind == CANDID_VEC ? "blob"
                       : t->kind == CANDID_FUNC ? "func" : t->kind == CANDID_SERVICE ? "service"
                       : m->nodes[child].stem;
    int renamed = candid && strcmp(candid, name) != 0;
    if (!kind && !renamed) return NULL;
    char *lit = renamed ? comment_text(candid) : NULL;
    char *note = bind_fmt(" /* %s%s%s */", kind ? kind : "", kind && lit ? " " : "", lit ? lit : "");
    free(lit);
    return note;
}

static void member(FILE *f, const bind_model *m, size_t parent, size_t child, const char *name,
                   const char *candid, const char *indent) {
    const bnode *c = &m->nodes[child];
    if (bind_is_void(c->t)) return;
    char *ct = bind_ctype(m, child);
    int boxed = bind_edge_boxed(m, parent, child);
    char *note = member_note(m, child, name, candid);
    fprintf(f, "%s%s%s%s%s;%s\n", indent, ct, boxed || ct[strlen(ct) - 1] != '*' ? " " : "",
            boxed ? "*" : "", name, note ? note : "");
    free(note);
    free(ct);
}

/* --fast: the candid_encode_fn of a method's argument or result list. */
static void message_decl(FILE *f, const char *p, const char *s, const char *what) {
    fprintf(f, "candid_status %s_%s_%s_message(candid_writer *w, const void *values);\n", p, s, what);
}

static void struct_body(FILE *f, const bind_model *m, size_t i) {
    const bnode *b = &m->nodes[i];
    const char *p = m->opts.name;
    const candid_type *t = b->t;
    switch (t->kind) {
    case CANDID_RECORD: {
        fprintf(f, "struct %s_%s {\n", p, b->stem);
        int any = 0;
        for (uint32_t d = 0; d < t->count; d++) {
            uint32_t k = bind_decl(b, d);
            size_t c = bind_node(m, t->fields[k].type);
            any |= !bind_is_void(m->nodes[c].t);
            member(f, m, i, c, b->members[k], t->fields[k].name, "    ");
        }
        if (!any) fputs("    uint8_t _empty; /* C has no empty structs */\n", f);
        fputs("};\n", f);
        break;
    }
    case CANDID_VARIANT: {
        if (t->count) { /* variant {} has no tags, and C no empty enum */
            fprintf(f, "enum {\n");
            for (uint32_t d = 0; d < t->count; d++) /* values: the cases in id order */
                fprintf(f, "    %s_%s = %u,\n", p, b->tags[bind_decl(b, d)], bind_decl(b, d));
            fprintf(f, "};\n");
        }
        fprintf(f, "struct %s_%s {\n    uint32_t tag;\n", p, b->stem);
        int any = 0;
        for (uint32_t k = 0; k < t->count; k++)
            any |= !bind_is_void(t->fields[k].type);
        if (any) {
            fputs("    union {\n", f);
            for (uint32_t d = 0; d < t->count; d++) {
                uint32_t k = bind_decl(b, d);
                member(f, m, i, bind_node(m, t->fields[k].type), b->members[k], t->fields[k].name,
                       "        ");
            }
            fputs("    } u;\n", f);
        }
        fputs("};\n", f);
        break;
    }
    case CANDID_OPT: {
        fprintf(f, "struct %s_%s {\n    uint8_t present;\n", p, b->stem);
        member(f, m, i, bind_node(m, t->inner), "value", NULL, "    ");
        fputs("};\n", f);
        break;
    }
    default: { /* vec */
        size_t c = bind_node(m, t->inner);
        char *ct = bind_is_void(t->inner) ? bind_fmt("uint8_t") : bind_ctype(m, c);
        fprintf(f, "struct %s_%s {\n    %s *items;\n    size_t len;\n};\n", p, b->stem, ct);
        free(ct);
        break;
    }
    }
}

/* Struct definitions after everything they hold by value, by an iterative
 * depth-first walk. */
static void structs(FILE *f, const bind_model *m) {
    uint8_t *state = calloc(m->n + 1, 1); /* 1: on the stack, 2: printed */
    struct frame { size_t v; uint32_t k; } *st = calloc(m->n + 1, sizeof *st);
    bind_names *printed = bind_names_new();
    if (!state || !st) exit(1);
    for (size_t root = 0; root < m->n; root++) {
        if (state[root] || !bind_is_struct(m, root)) continue;
        size_t sp = 0;
        st[sp++] = (struct frame){root, 0};
        state[root] = 1;
        while (sp) {
            struct frame *fr = &st[sp - 1];
            const candid_type *t = m->nodes[fr->v].t;
            uint32_t nk = t->kind == CANDID_OPT ? 1
                          : t->kind == CANDID_RECORD || t->kind == CANDID_VARIANT ? t->count : 0;
            if (fr->k < nk) {
                const candid_type *ct = t->kind == CANDID_OPT ? t->inner
                                        : t->fields[bind_decl(&m->nodes[fr->v], fr->k)].type;
                fr->k++;
                size_t c = bind_node(m, ct);
                if (state[c] || !bind_is_struct(m, c) || bind_edge_boxed(m, fr->v, c)) continue;
                state[c] = 1;
                st[sp++] = (struct frame){c, 0};
                continue;
            }
            size_t v = fr->v;
            sp--;
            state[v] = 2;
            if (bind_names_taken(printed, m->nodes[v].stem)) continue;
            free(bind_names_reserve(printed, m->nodes[v].stem));
            fputc('\n', f);
            struct_body(f, m, v);
        }
    }
    bind_names_free(printed);
    free(state);
    free(st);
}

/* Named types that are not structs: typedefs of the primitive C type, or
 * of a pointer for a named option on a cycle. */
static void aliases(FILE *f, const bind_model *m, int pointers) {
    for (size_t k = 0; k < m->ndefs; k++) {
        size_t i = m->defs[k];
        const bnode *b = &m->nodes[i];
        if (bind_is_struct(m, i) || (b->boxed_opt != pointers)) continue;
        char *ct;
        if (b->boxed_opt) {
            size_t c = bind_node(m, b->t->inner);
            char *inner = bind_is_void(b->t->inner) ? bind_fmt("uint8_t") : bind_ctype(m, c);
            ct = bind_fmt("%s *", inner);
            free(inner);
        } else {
            ct = bind_fmt("%s", bind_prim_ctype(m, b->t->kind));
        }
        fprintf(f, "typedef %s%s%s_%s;\n", ct, ct[strlen(ct) - 1] == '*' ? "" : " ",
                m->opts.name, b->stem);
        free(ct);
    }
}

static void forward(FILE *f, const bind_model *m) {
    bind_names *seen = bind_names_new();
    for (size_t i = 0; i < m->n; i++) {
        if (!bind_is_struct(m, i) || bind_names_taken(seen, m->nodes[i].stem)) continue;
        free(bind_names_reserve(seen, m->nodes[i].stem));
        fprintf(f, "typedef struct %s_%s %s_%s;\n", m->opts.name, m->nodes[i].stem,
                m->opts.name, m->nodes[i].stem);
    }
    bind_names_free(seen);
}

static void prototypes(FILE *f, const bind_model *m) {
    const char *p = m->opts.name;
    fputs("\n/* Named types: the descriptor (for candid_text_print_value and the\n"
          " * like) and messages of one value, (T). Methods: descriptors and\n"
          " * precomputed headers of the argument and result lists (for\n"
          " * candid_decode, candid_reply, candid_call_args), and their messages. */\n", f);
    for (size_t k = 0; k < m->ndefs; k++) {
        const char *s = m->nodes[m->defs[k]].stem;
        fprintf(f, "extern const candid_type %s_%s_type;\n", p, s);
        fprintf(f, "candid_status %s_%s_encode(candid_writer *w, const %s_%s *v);\n", p, s, p, s);
        fprintf(f, "candid_status %s_%s_decode(candid_decoder *d, const uint8_t *msg, size_t len,\n"
                   "    %s_%s *out, candid_arena *arena);\n", p, s, p, s);
    }
    for (size_t k = 0; k < m->nmethods; k++) {
        const bmethod *bm = &m->methods[k];
        const char *s = bm->stem;
        if (!bm->m) {
            fputs("\n/* The service's init arguments (canister_init). */\n", f);
        } else {
            char *lit = bind_c_string(bm->m->name, bm->m->name_len);
            uint32_t ann = bm->m->type->aux;
            fprintf(f, "\n/* Method %s%s. */\n", lit,
                    ann & CANDID_ANN_ONEWAY ? " (oneway)" : ann & CANDID_ANN_QUERY ? " (query)"
                    : ann & CANDID_ANN_COMPOSITE_QUERY ? " (composite_query)" : "");
            free(lit);
        }
        fprintf(f, "extern const candid_type %s_%s_args_type;\n", p, s);
        fprintf(f, "extern const candid_header %s_%s_args_header;\n", p, s);
        fprintf(f, "candid_status %s_%s_args_encode(candid_writer *w, const %s_%s_args *v);\n", p, s, p, s);
        if (m->opts.fast) message_decl(f, p, s, "args");
        fprintf(f, "candid_status %s_%s_args_decode(candid_decoder *d, const uint8_t *msg, size_t len,\n"
                   "    %s_%s_args *out, candid_arena *arena);\n", p, s, p, s);
        if (!bm->m) continue;
        fprintf(f, "extern const candid_type %s_%s_result_type;\n", p, s);
        fprintf(f, "extern const candid_header %s_%s_result_header;\n", p, s);
        fprintf(f, "candid_status %s_%s_result_encode(candid_writer *w, const %s_%s_result *v);\n", p, s, p, s);
        if (m->opts.fast) message_decl(f, p, s, "result");
        fprintf(f, "candid_status %s_%s_result_decode(candid_decoder *d, const uint8_t *msg, size_t len,\n"
                   "    %s_%s_result *out, candid_arena *arena);\n", p, s, p, s);
        char *lit = bind_c_string(bm->m->name, bm->m->name_len);
        char *work = m->opts.fast ? bind_fmt("%s", "") : bind_fmt("    uint64_t work[%s_ENCODE_WORK / 8];\n", p);
        char *args = m->opts.fast
            ? bind_fmt("    if (!st) st = candid_call_args_with(call, %s_%s_args_message, args);\n", p, s)
            : bind_fmt("    if (!st) st = candid_call_args(call, &%s_%s_args_header, args, work, sizeof work);\n", p, s);
        fprintf(f, "/* Client side, inline so that only callers link the call envelope.\n"
                   " * Calls the method on callee with args (candid_call_new, _args, _perform):\n"
                   " * done(call, outcome) runs later with env in call->user. Fails as those do. */\n"
                   "static inline candid_status %s_%s_call(candid_call *call, const uint8_t *callee,\n"
                   "    size_t callee_len, const %s_%s_args *args, candid_continuation done, void *env) {\n"
                   "%s"
                   "    candid_status st = candid_call_new(call, callee, callee_len, %s, %u, done, env);\n"
                   "%s"
                   "    return st ? st : candid_call_perform(call);\n}\n",
                p, s, p, s, work, lit, bm->m->name_len, args);
        free(work);
        free(args);
        free(lit);
        if (bm->m->type->aux & CANDID_ANN_ONEWAY) continue;
        fprintf(f, "/* The reply of a call into out; CANDID_ERR_CALL for a reject (its code and\n"
                   " * message are in the outcome). */\n"
                   "static inline candid_status %s_%s_reply_decode(candid_decoder *d, const candid_outcome *o,\n"
                   "    %s_%s_result *out, candid_arena *arena) {\n"
                   "    if (!o->replied) return CANDID_ERR_CALL;\n", p, s, p, s);
        if (m->opts.fast) /* through the stub: its exact-match decoder first */
            fprintf(f, "    return %s_%s_result_decode(d, o->reply, o->reply_len, out, arena);\n}\n", p, s);
        else
            fprintf(f, "    return candid_decode(d, o->reply, o->reply_len, &%s_%s_result_type, out, arena);\n}\n",
                    p, s);
    }
}

int bind_emit_header(FILE *f, const bind_model *m) {
    const char *p = m->opts.name;
    fprintf(f, "/* %s.h: generated by `candid bind` from %s. Do not edit.\n", p, m->opts.did_name);
    fprintf(f, intro, m->opts.nat_big ? "candid_bignum (any size)"
                                      : "uint64_t and int64_t (larger values are CANDID_ERR_RANGE)", p);
    fprintf(f, "#ifndef %s_H\n#define %s_H\n\n#include <stddef.h>\n#include <stdint.h>\n\n"
               "#include \"candid/call.h\"\n#include \"candid/candid.h\"\n\n"
               "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n", p, p);
    fprintf(f, "#ifndef %s_ENCODE_WORK\n#define %s_ENCODE_WORK 2048\n#endif\n\n", p, p);
    aliases(f, m, 0);
    forward(f, m);
    aliases(f, m, 1);
    structs(f, m);
    prototypes(f, m);
    if (m->opts.server) bind_emit_server_header(f, m);
    fprintf(f, "\n#ifdef __cplusplus\n}\n#endif\n#endif\n");
    return ferror(f) ? 1 : 0;
}
