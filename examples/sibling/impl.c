/* The sibling canister: the methods of sibling.did, written against the
 * server stubs `candid bind --target c --server --name sibling` makes
 * (sibling.h, sibling.c). Results live in the call's arena; a request too
 * large for it is rejected with a message. */
#include "kit.h"
#include "sibling.h"

static void *alloc(candid_ctx *ctx, size_t size, size_t align) {
    void *p = candid_arena_alloc(ctx->arena, size ? size : 1, align);
    if (!p) ctx->reject = "sibling: the request needs more memory than the canister's arena";
    return p;
}

void sibling_sha256_impl(const sibling_sha256_args *args, sibling_sha256_result *result,
                         candid_ctx *ctx) {
    uint8_t *out = alloc(ctx, 32, 1);
    if (!out) return;
    kit_sha256(args->_0.ptr, args->_0.len, out);
    result->_0 = (candid_slice){out, 32};
}

void sibling_find_impl(const sibling_find_args *args, sibling_find_result *result,
                       candid_ctx *ctx) {
    uint32_t *fail = alloc(ctx, args->_1.len * sizeof *fail, _Alignof(uint32_t));
    if (!fail) return;
    uint64_t at;
    if (kit_find(args->_0.ptr, args->_0.len, args->_1.ptr, args->_1.len, args->_2, fail, &at) == 0) {
        result->_0.present = 1;
        result->_0.value = at;
    }
}

void sibling_varint_encode_impl(const sibling_varint_encode_args *args,
                                sibling_varint_encode_result *result, candid_ctx *ctx) {
    const sibling_vec_nat64 *v = &args->_0;
    if (v->len > SIZE_MAX / 10) {
        ctx->reject = "sibling: too many numbers";
        return;
    }
    uint8_t *out = alloc(ctx, v->len * 10, 1);
    if (!out) return;
    size_t n = 0;
    for (size_t i = 0; i < v->len; i++) n += kit_varint_put(v->items[i], out + n);
    result->_0 = (candid_slice){out, n};
}

void sibling_varint_decode_impl(const sibling_varint_decode_args *args,
                                sibling_varint_decode_result *result, candid_ctx *ctx) {
    const candid_slice *in = &args->_0;
    /* Each number takes a byte at least. */
    uint64_t *items = alloc(ctx, in->len * sizeof *items, _Alignof(uint64_t));
    if (!items) return;
    sibling_varint_decode_ret_0 *r = &result->_0;
    size_t pos = 0, n = 0;
    while (pos < in->len) {
        int e = kit_varint_get(in->ptr, in->len, &pos, &items[n]);
        if (e) {
            r->tag = sibling_varint_decode_ret_0_err_tag;
            sibling_VarintError *err = &r->u.err;
            if (e == KIT_TRUNCATED) {
                err->tag = sibling_VarintError_truncated_tag;
                err->u.truncated.offset = pos;
            } else {
                err->tag = sibling_VarintError_overflow_tag;
                err->u.overflow.offset = pos;
            }
            return;
        }
        n++;
    }
    r->tag = sibling_varint_decode_ret_0_ok_tag;
    r->u.ok.items = items;
    r->u.ok.len = n;
}
