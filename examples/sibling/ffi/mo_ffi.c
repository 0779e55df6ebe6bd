/* The blob-in/blob-out convention's C side: static memory, decoding the
 * argument, one allocation for the reply. */
#include "mo_ffi.h"

enum { WORK = 64u << 10, ENCODE_WORK = 8u << 10 };

static uint8_t arg_copy[MO_FFI_ARG_MAX];
static uint64_t work_mem[WORK / 8], arena_mem[MO_FFI_ARENA / 8];
static candid_decoder decoder;
static candid_arena arena;

static size_t length(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

/* An error message Blob: the parts, then the offset when it is not -1. */
static int fail(mo_ffi_call *c, const char *what, candid_status st, size_t at) {
    const char *parts[] = {what, st ? ": " : "", st ? candid_status_name(st) : "",
                           st ? " at byte " : ""};
    char digits[24];
    size_t nd = 0, len = 0;
    if (st) do digits[nd++] = (char)('0' + at % 10); while ((at /= 10) != 0);
    for (size_t i = 0; i < 4; i++) len += length(parts[i]);
    uint8_t *p = c->host->alloc_blob(c->host->rts, len + nd);
    if (!p) return MO_FFI_NO_MEMORY;
    c->out->ptr = p;
    c->out->len = len + nd;
    for (size_t i = 0; i < 4; i++)
        for (const char *s = parts[i]; *s; s++) *p++ = (uint8_t)*s;
    while (nd) *p++ = (uint8_t)digits[--nd];
    return MO_FFI_ERROR;
}

int mo_ffi_begin(mo_ffi_call *c, const uint8_t *arg, size_t len, const candid_type *args_t,
                 void *args, const mo_host *host, mo_blob *out) {
    c->host = host;
    c->out = out;
    out->ptr = NULL;
    out->len = 0;
    if (len > sizeof arg_copy) return fail(c, "argument too large", CANDID_ERR_LIMIT, sizeof arg_copy);
    for (size_t i = 0; i < len; i++) arg_copy[i] = arg[i];
    candid_decoder_init(&decoder, work_mem, sizeof work_mem);
    candid_arena_init(&arena, arena_mem, sizeof arena_mem);
    c->arena = &arena;
    candid_status st = candid_decode(&decoder, arg_copy, len, args_t, args, &arena);
    return st ? fail(c, "cannot decode the argument", st, decoder.error_offset) : 0;
}

int mo_ffi_finish(mo_ffi_call *c, const char *reject, const candid_header *h, const void *result) {
    if (reject) return fail(c, reject, CANDID_OK, 0);
    uint64_t work[ENCODE_WORK / 8];
    candid_writer w;
    candid_writer_init(&w, NULL, 0); /* measures */
    candid_status st = candid_encode(&w, h, result, work, sizeof work, 0);
    if (!st) st = candid_writer_finish(&w);
    if (st) return fail(c, "cannot encode the result", st, 0);
    size_t n = w.total;
    uint8_t *p = c->host->alloc_blob(c->host->rts, n);
    if (!p) return MO_FFI_NO_MEMORY;
    candid_writer_init(&w, p, n);
    st = candid_encode(&w, h, result, work, sizeof work, 0);
    if (!st) st = candid_writer_finish(&w);
    /* Same value, same size: the second pass cannot fail where the first
     * did not. */
    c->out->ptr = p;
    c->out->len = n;
    return st ? MO_FFI_ERROR : MO_FFI_REPLY;
}
