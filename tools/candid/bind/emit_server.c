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
    fprintf(f, "\n/* Server side. The context of one call of an implementation: the arena\n"
               " * for the result's vectors and boxed values (reset for every message);\n"
               " * reject, a NUL-terminated UTF-8 message to reject the call instead of\n"
               " * replying (canister_init traps with it); defer, to answer later from a\n"
               " * call's continuation with NAME_METHOD_reply or candid_msg_reject.\n"
               " * Arguments that do not decode are rejected with the status and byte\n"
               " * offset. The argument buffer, decoder work memory and arena are static,\n"
               " * sized by these macros. */\n"
               "#ifndef %s_ARG_MAX\n#define %s_ARG_MAX (2u << 20)\n#endif\n"
               "#ifndef %s_DECODE_WORK\n#define %s_DECODE_WORK (64u << 10)\n#endif\n"
               "#ifndef %s_ARENA\n#define %s_ARENA (1u << 20)\n#endif\n"
               "typedef struct %s_ctx {\n    candid_arena *arena;\n    const char *reject;\n"
               "    int defer; /* 1: no reply now; NAME_METHOD_reply answers later */\n} %s_ctx;\n", p, p, p, p, p, p, p, p);
    for (size_t k = 0; k < m->nmethods; k++) {
        const bmethod *bm = &m->methods[k];
        if (!bm->m) {
            fprintf(f, "/* canister_init: the init arguments. Write this. */\n"
                       "void %s_%s_impl(const %s_%s_args *args, %s_ctx *ctx);\n"
                       "void %s_%s_serve(void);\n", p, bm->stem, p, bm->stem, p, p, bm->stem);
            continue;
        }
        char *lit = bind_c_string(bm->m->name, bm->m->name_len);
        fprintf(f, "/* %s: write the implementation; serve is the entry point. */\n", lit);
        free(lit);
        if (bm->m->type->aux & CANDID_ANN_ONEWAY)
            fprintf(f, "void %s_%s_impl(const %s_%s_args *args, %s_ctx *ctx);\n", p, bm->stem, p,
                    bm->stem, p);
        else
            fprintf(f, "void %s_%s_impl(const %s_%s_args *args, %s_%s_result *result, %s_ctx *ctx);\n",
                    p, bm->stem, p, bm->stem, p, bm->stem, p);
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
    "/* Rejects with \"WHAT: STATUS (message) at byte N\". */\n"
    "static void srv_reject(const char *what, candid_status st, size_t at) {\n"
    "    static char msg[256];\n"
    "    size_t n = 0;\n"
    "    const char *parts[] = {what, \": \", candid_status_name(st), \" (\", candid_status_message(st), \") at byte \"};\n"
    "    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)\n"
    "        for (const char *c = parts[i]; *c && n < sizeof msg - 24; c++) msg[n++] = *c;\n"
    "    char digits[24];\n"
    "    size_t d = 0;\n"
    "    do digits[d++] = (char)('0' + at % 10); while ((at /= 10) != 0);\n"
    "    while (d) msg[n++] = digits[--d];\n"
    "    candid_msg_reject(msg, n);\n"
    "}\n"
    "\n"
    "/* Decodes this message's arguments at args_t into args; rejects and\n"
    " * returns non-zero on failure. */\n"
    "static int srv_begin(@P_ctx *ctx, const candid_type *args_t, void *args) {\n"
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
    "        srv_reject(\"the arguments are too large\", CANDID_ERR_LIMIT, sizeof srv_arg);\n"
    "        return 1;\n"
    "    }\n"
    "    candid_msg_arg_copy(srv_arg, 0, n);\n"
    "    candid_status st = candid_decode(&srv_decoder, srv_arg, n, args_t, args, &srv_arena);\n"
    "    if (st) srv_reject(\"cannot decode the arguments\", st, srv_decoder.error_offset);\n"
    "    return st != CANDID_OK;\n"
    "}\n"
    ;

/* Only when some method replies. */
static const char runtime_finish[] =
    "\n"
    "/* Replies with result (streamed), or rejects as the implementation asked. */\n"
    "static void srv_finish(const @P_ctx *ctx, const candid_header *h, const void *result) {\n"
    "    if (ctx->defer) return;\n"
    "    if (ctx->reject) {\n"
    "        size_t n = 0;\n"
    "        while (ctx->reject[n]) n++;\n"
    "        candid_msg_reject(ctx->reject, n);\n"
    "        return;\n"
    "    }\n"
    "    uint64_t work[@P_ENCODE_WORK / 8];\n"
    "    candid_status st = candid_reply(h, result, work, sizeof work);\n"
    "    if (st) srv_reject(\"cannot encode the result\", st, 0);\n"
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
        fprintf(f, "\n%s_EXPORT(%s) void %s_%s_serve(void) {\n    %s_%s_args args;\n    %s_ctx ctx;\n"
                   "    if (srv_begin(&ctx, &%s_%s_args_type, &args)) return;\n",
                p, export_name, p, s, p, s, p, p, s);
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
