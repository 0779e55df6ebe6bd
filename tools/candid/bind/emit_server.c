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

/* The shared part; @P stands for the prefix. */
static const char runtime[] =
    "\n/* Server side: static memory shared by the entry points. */\n"
    "#ifdef __wasm__\n#define @P_EXPORT(name) __attribute__((export_name(name)))\n#else\n"
    "#define @P_EXPORT(name)\n#endif\n"
    "static uint8_t srv_arg[@P_ARG_MAX];\n"
    "static uint64_t srv_work[@P_DECODE_WORK / 8], srv_cache_mem[8192 / 8], srv_arena_mem[@P_ARENA / 8];\n"
    "static candid_decoder srv_decoder;\n"
    "static candid_cache srv_cache;\n"
    "static candid_arena srv_arena;\n"
    "static int srv_ready;\n"
    "\n"
    "/* Rejects with \"WHAT: STATUS: DETAIL\"; canister_init (init set), which\n"
    " * cannot reject, traps with it. */\n"
    "static void srv_reject(int init, const char *what, candid_status st, const char *detail) {\n"
    "    static char msg[512];\n"
    "    size_t n = 0;\n"
    "    const char *parts[] = {what, \": \", candid_status_name(st), \": \", detail};\n"
    "    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)\n"
    "        for (const char *c = parts[i]; *c && n < sizeof msg - 1; c++) msg[n++] = *c;\n"
    "    msg[n] = 0;\n"
    "    if (init) candid_trap(msg);\n"
    "    candid_msg_reject(msg, n);\n"
    "}\n"
    "\n"
    "/* Decodes this message's arguments at args_t into args; rejects and\n"
    " * returns non-zero on failure. An install without argument bytes\n"
    " * (init set) passes () to canister_init. */\n"
    "static int srv_begin(candid_ctx *ctx, const candid_type *args_t, void *args, int init) {\n"
    "    if (!srv_ready) {\n"
    "        candid_decoder_init(&srv_decoder, srv_work, sizeof srv_work);\n"
    "        candid_cache_init(&srv_cache, srv_cache_mem, sizeof srv_cache_mem, 4);\n"
    "        srv_decoder.cache = &srv_cache;\n"
    "        srv_ready = 1;\n"
    "    }\n"
    "    candid_arena_init(&srv_arena, srv_arena_mem, sizeof srv_arena_mem);\n"
    "    ctx->arena = &srv_arena;\n"
    "    ctx->reject = NULL;\n"
    "    ctx->defer = 0;\n"
    "    size_t n = candid_msg_arg_size();\n"
    "    if (n > sizeof srv_arg) {\n"
    "        srv_reject(init, \"cannot take the arguments\", CANDID_ERR_LIMIT, \"over @P_ARG_MAX bytes\");\n"
    "        return 1;\n"
    "    }\n"
    "    static const uint8_t no_args[] = {'D', 'I', 'D', 'L', 0, 0};\n"
    "    if (init && n == 0) {\n"
    "        n = sizeof no_args;\n"
    "        for (size_t i = 0; i < n; i++) srv_arg[i] = no_args[i];\n"
    "    } else {\n"
    "        candid_msg_arg_copy(srv_arg, 0, n);\n"
    "    }\n"
    "    candid_status st = candid_decode(&srv_decoder, srv_arg, n, args_t, args, &srv_arena);\n"
    "    if (!st) return 0;\n"
    "    /* where and why, e.g. \"argument 0 .to .owner: expected principal,\n"
    "     * found text at byte 37\" */\n"
    "    static char where[384];\n"
    "    if (candid_decoder_error_path(&srv_decoder, where, sizeof where) == CANDID_ERR_BUFFER_FULL) {\n"
    "        /* cut at a character boundary: the message must be UTF-8 */\n"
    "        size_t w = sizeof where - 1;\n"
    "        while (w && ((uint8_t)where[w - 1] & 0xc0) == 0x80) w--;\n"
    "        if (w && ((uint8_t)where[w - 1] & 0x80)) w--;\n"
    "        where[w] = 0;\n"
    "    }\n"
    "    srv_reject(init, \"cannot decode the arguments\", st, where);\n"
    "    return 1;\n"
    "}\n"
    ;

/* Only when some method replies. */
static const char runtime_finish[] =
    "\n"
    "/* Replies with result (streamed), or rejects as the implementation asked. */\n"
    "static void srv_finish(const candid_ctx *ctx, const candid_header *h, const void *result) {\n"
    "    if (ctx->defer) return;\n"
    "    if (ctx->reject) {\n"
    "        size_t n = 0;\n"
    "        while (ctx->reject[n]) n++;\n"
    "        candid_msg_reject(ctx->reject, n);\n"
    "        return;\n"
    "    }\n"
    "    uint64_t work[@P_ENCODE_WORK / 8];\n"
    "    candid_status st = candid_reply(h, result, work, sizeof work);\n"
    "    if (st) srv_reject(0, \"cannot encode the result\", st, candid_status_message(st));\n"
    "}\n";

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
    int replies = 0;
    for (size_t k = 0; k < m->nmethods; k++)
        replies |= m->methods[k].m && !(m->methods[k].m->type->aux & CANDID_ANN_ONEWAY);
    put_runtime(f, runtime, p);
    if (replies) put_runtime(f, runtime_finish, p);
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
        fprintf(f, "\n%s_EXPORT(%s) void %s_%s_serve(void) {\n    %s_%s_args args;\n    candid_ctx ctx;\n"
                   "    if (srv_begin(&ctx, &%s_%s_args_type, &args, %d)) return;\n",
                p, export_name, p, s, p, s, p, s, !bm->m);
        free(export_name);
        if (!bm->m || (bm->m->type->aux & CANDID_ANN_ONEWAY)) {
            fprintf(f, "    %s_%s_impl(&args, &ctx);\n", p, s);
            if (!bm->m) fputs("    if (ctx.reject) candid_trap(ctx.reject);\n", f);
        } else {
            fprintf(f, "    %s_%s_result result = {0};\n    %s_%s_impl(&args, &result, &ctx);\n"
                       "    srv_finish(&ctx, &%s_%s_result_header, &result);\n", p, s, p, s, p, s);
        }
        fputs("}\n", f);
        if (bm->m && !(bm->m->type->aux & CANDID_ANN_ONEWAY))
            fprintf(f, "\ncandid_status %s_%s_reply(const %s_%s_result *result) {\n"
                       "    uint64_t work[%s_ENCODE_WORK / 8];\n"
                       "    return candid_reply(&%s_%s_result_header, result, work, sizeof work);\n}\n",
                    p, s, p, s, p, p, s);
    }
}
