/* The server side of a service (--server): one entry point per method that
 * decodes the arguments, calls the user's NAME_METHOD_impl and streams the
 * reply, exported under the names the IC calls ("canister_update m",
 * "canister_query m", "canister_composite_query m", "canister_init") when
 * compiled for Wasm; on the host the same functions register with
 * candid/host.h. All memory is static: no allocator, no libc. */
#include <stdlib.h>
#include <string.h>

#include "bind.h"

void bind_emit_server_header(FILE *f, const bind_model *m) {
    const char *p = m->opts.name;
    fprintf(f, "\n/* Server side. Each implementation gets a candid_ctx (candid/call.h):\n"
               " * its arena for the result's vectors and boxed values; reject, to reject\n"
               " * the call instead of replying; defer, to answer later from a call's\n"
               " * continuation with NAME_METHOD_reply. Arguments that do not decode are\n"
               " * rejected with where and why (candid_decoder_error_path). The argument\n"
               " * buffer, decoder work memory and arena are static, sized by these\n"
               " * macros. */\n"
               "#ifndef %s_ARG_MAX\n#define %s_ARG_MAX (2u << 20)\n#endif\n"
               "#ifndef %s_DECODE_WORK\n#define %s_DECODE_WORK (64u << 10)\n#endif\n"
               "#ifndef %s_ARENA\n#define %s_ARENA (1u << 20)\n#endif\n", p, p, p, p, p, p);
    for (size_t k = 0; k < m->nmethods; k++) {
        const bmethod *bm = &m->methods[k];
        if (!bm->m) {
            fprintf(f, "/* canister_init: the init arguments. Write this. */\n"
                       "void %s_%s_impl(const %s_%s_args *args, candid_ctx *ctx);\n"
                       "void %s_%s_serve(void);\n", p, bm->stem, p, bm->stem, p, bm->stem);
            continue;
        }
        char *lit = bind_c_string(bm->m->name, bm->m->name_len);
        fprintf(f, "/* %s: write the implementation; serve is the entry point. */\n", lit);
        free(lit);
        if (bm->m->type->aux & CANDID_ANN_ONEWAY)
            fprintf(f, "void %s_%s_impl(const %s_%s_args *args, candid_ctx *ctx);\n", p, bm->stem, p,
                    bm->stem);
        else
            fprintf(f, "void %s_%s_impl(const %s_%s_args *args, %s_%s_result *result, candid_ctx *ctx);\n",
                    p, bm->stem, p, bm->stem, p, bm->stem);
        fprintf(f, "void %s_%s_serve(void);\n", p, bm->stem);
        if (!(bm->m->type->aux & CANDID_ANN_ONEWAY))
            fprintf(f, "candid_status %s_%s_reply(const %s_%s_result *result);\n", p, bm->stem, p,
                    bm->stem);
    }
}

/* The shared part; @P stands for the prefix. The entry points' work is
 * candid_serve_begin/candid_serve_finish (candid/call.h). */
static const char runtime[] =
    "\n/* Server side: static memory shared by the entry points. */\n"
    "#ifdef __wasm__\n#define @P_EXPORT(name) __attribute__((export_name(name)))\n#else\n"
    "#define @P_EXPORT(name)\n#endif\n"
    "static uint8_t srv_arg[@P_ARG_MAX];\n"
    "static uint64_t srv_work[@P_DECODE_WORK / 8], srv_cache_mem[8192 / 8], srv_arena_mem[@P_ARENA / 8];\n"
    "static candid_server srv = {\n"
    "    .arg = srv_arg, .arg_cap = sizeof srv_arg, .work = srv_work, .work_cap = sizeof srv_work,\n"
    "    .cache_mem = srv_cache_mem, .cache_cap = sizeof srv_cache_mem,\n"
    "    .arena_mem = srv_arena_mem, .arena_cap = sizeof srv_arena_mem};\n";

static void put_runtime(FILE *f, const char *text, const char *p) {
    for (const char *c = text; *c; c++) {
        if (c[0] == '@' && c[1] == 'P') {
            fputs(p, f);
            c++;
        } else {
            fputc(*c, f);
        }
    }
}

void bind_emit_server_source(FILE *f, const bind_model *m) {
    const char *p = m->opts.name;
    if (!m->nmethods) return;
    put_runtime(f, runtime, p);
    for (size_t k = 0; k < m->nmethods; k++) {
        const bmethod *bm = &m->methods[k];
        const char *s = bm->stem;
        char *export_name;
        if (!bm->m) {
            export_name = bind_fmt("\"canister_init\"");
        } else {
            uint32_t ann = bm->m->type->aux;
            const char *kind = ann & CANDID_ANN_QUERY ? "canister_query "
                               : ann & CANDID_ANN_COMPOSITE_QUERY ? "canister_composite_query "
                               : "canister_update ";
            char *full = bind_fmt("%s%.*s", kind, (int)bm->m->name_len, bm->m->name);
            export_name = bind_c_string(full, strlen(full));
            free(full);
        }
        if (m->opts.fast) /* the stub's decoder, untyped for candid_serve_begin_with */
            fprintf(f, "\nstatic candid_status %s_args_decode_any(candid_decoder *d, const uint8_t *msg, size_t len,\n"
                       "    void *out, candid_arena *arena) {\n"
                       "    return %s_%s_args_decode(d, msg, len, out, arena);\n}\n", s, p, s);
        fprintf(f, "\n%s_EXPORT(%s) void %s_%s_serve(void) {\n    %s_%s_args args;\n    candid_ctx ctx;\n",
                p, export_name, p, s, p, s);
        if (m->opts.fast)
            fprintf(f, "    if (candid_serve_begin_with(&srv, &ctx, &%s_%s_args_type, &args, %d, %s_args_decode_any))\n"
                       "        return;\n", p, s, !bm->m, s);
        else
            fprintf(f, "    if (candid_serve_begin(&srv, &ctx, &%s_%s_args_type, &args, %d)) return;\n",
                    p, s, !bm->m);
        free(export_name);
        if (!bm->m || (bm->m->type->aux & CANDID_ANN_ONEWAY)) {
            fprintf(f, "    %s_%s_impl(&args, &ctx);\n", p, s);
            if (!bm->m) fputs("    if (ctx.reject) candid_trap(ctx.reject);\n", f);
        } else {
            fprintf(f, "    %s_%s_result result = {0};\n    %s_%s_impl(&args, &result, &ctx);\n", p, s, p, s);
            if (m->opts.fast)
                fprintf(f, "    candid_serve_finish_with(&ctx, %s_%s_result_message, &result);\n", p, s);
            else
                fprintf(f, "    uint64_t work[%s_ENCODE_WORK / 8];\n"
                           "    candid_serve_finish(&ctx, &%s_%s_result_header, &result, work, sizeof work);\n",
                        p, p, s);
        }
        fputs("}\n", f);
        if (bm->m && !(bm->m->type->aux & CANDID_ANN_ONEWAY) && m->opts.fast)
            fprintf(f, "\ncandid_status %s_%s_reply(const %s_%s_result *result) {\n"
                       "    return candid_reply_with(%s_%s_result_message, result);\n}\n", p, s, p, s, p, s);
        else if (bm->m && !(bm->m->type->aux & CANDID_ANN_ONEWAY))
            fprintf(f, "\ncandid_status %s_%s_reply(const %s_%s_result *result) {\n"
                       "    uint64_t work[%s_ENCODE_WORK / 8];\n"
                       "    return candid_reply(&%s_%s_result_header, result, work, sizeof work);\n}\n",
                    p, s, p, s, p, p, s);
    }
}
