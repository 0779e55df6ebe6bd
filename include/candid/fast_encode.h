/* libcandid: the runtime of the fast encoders `candid bind --fast` generates.
 *
 * A generated fast encoder writes a message's precomputed header and then
 * its values in straight-line code made for one type (fields in wire order,
 * leaves inline, loops for vectors). It handles the common case only: at
 * the first value that is anything but ordinary (text that is not UTF-8, a
 * bool that is not 0/1, a case index out of range, a NULL pointer with a
 * length, a bignum slice, a value of type empty, ...) it gives up, and
 * candid_fast_encode rewinds the writer and lets candid_encode write the
 * whole message, which reports the problem exactly as it always does. So a
 * fast encoder's result (bytes, status, the writer's `total`) is
 * candid_encode's, by construction.
 *
 * The put functions below are candid_put_* with their common case inline
 * (a buffer writer with room and no error); they fail as those do.
 */
#ifndef CANDID_FAST_ENCODE_H
#define CANDID_FAST_ENCODE_H

#include <stddef.h>
#include <stdint.h>

#include "candid/encode.h"
#include "candid/types.h"
#include "candid/wire.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Writes the values of a message (after its header) from `values`.
 * Returns 0 when it wrote them all, non-zero at the first value it leaves
 * to candid_encode; what it wrote by then is discarded. */
typedef int (*candid_fast_values_fn)(candid_writer *w, const void *values);

/* A whole message: h's bytes, then fn's values. `frames` is the number of
 * candid_encode stack levels the type can take (the generator knows it:
 * its types do not recurse); when work_cap holds fewer, or when fn gives
 * up, the result is candid_encode(w, h, values, work, work_cap, 0)'s, with
 * the writer as candid_encode leaves it. A streaming writer is given the
 * values only once fn has gone through them into a size-only writer, since
 * flushed bytes cannot be taken back. Fails as candid_encode. */
candid_status candid_fast_encode(candid_writer *w, const candid_header *h, const void *values,
                                 void *work, size_t work_cap, uint32_t frames,
                                 candid_fast_values_fn fn);

static inline void candid_fast_put_bytes(candid_writer *w, const void *p, size_t n) {
    if (!w->err && w->_private.buf && n <= w->_private.cap - w->_private.len) {
        __builtin_memcpy(w->_private.buf + w->_private.len, p, n);
        w->_private.len += n;
        w->total += n;
        return;
    }
    candid_put_bytes(w, p, n);
}

static inline void candid_fast_put_u8(candid_writer *w, uint8_t v) {
    if (!w->err && w->_private.buf && w->_private.len < w->_private.cap) {
        w->_private.buf[w->_private.len++] = v;
        w->total++;
        return;
    }
    candid_put_bytes(w, &v, 1);
}

static inline void candid_fast_put_leb(candid_writer *w, uint64_t v) {
    uint8_t tmp[10], *o = tmp;
    int direct = !w->err && w->_private.buf && w->_private.cap - w->_private.len >= 10;
    if (direct) o = w->_private.buf + w->_private.len;
    size_t n = 0;
    while (v >= 0x80) {
        o[n++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    o[n++] = (uint8_t)v;
    if (!direct) {
        candid_put_bytes(w, tmp, n);
        return;
    }
    w->_private.len += n;
    w->total += n;
}

static inline void candid_fast_put_sleb(candid_writer *w, int64_t v) {
    uint8_t tmp[10];
    if (!w->err && w->_private.buf && w->_private.cap - w->_private.len >= 10) {
        size_t n = candid_sleb_encode(v, w->_private.buf + w->_private.len);
        w->_private.len += n;
        w->total += n;
        return;
    }
    candid_put_bytes(w, tmp, candid_sleb_encode(v, tmp));
}

/* A fixed-width number of `width` bytes at p, little-endian on the wire. */
static inline void candid_fast_put_fixed(candid_writer *w, const void *p, size_t width) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    candid_fast_put_bytes(w, p, width);
#else
    uint8_t tmp[8];
    for (size_t i = 0; i < width; i++) tmp[i] = ((const uint8_t *)p)[width - 1 - i];
    candid_fast_put_bytes(w, tmp, width);
#endif
}

/* The elements of a vector of a fixed-width kind, `width` bytes each: one
 * copy on a little-endian machine. */
static inline void candid_fast_put_array(candid_writer *w, const void *items, size_t len,
                                         size_t width) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    candid_fast_put_bytes(w, items, len * width);
#else
    for (size_t i = 0; i < len; i++) candid_fast_put_fixed(w, (const uint8_t *)items + i * width, width);
#endif
}

/* The checked leaves: non-zero (nothing written) for a value they leave
 * to candid_encode. */
static inline int candid_fast_bool(candid_writer *w, uint8_t b) {
    if (b > 1) return 1;
    candid_fast_put_u8(w, b);
    return 0;
}

static inline int candid_fast_text(candid_writer *w, candid_slice s) {
    if (!s.ptr && s.len) return 1;
    if (!candid_utf8_valid(s.ptr, s.len)) return 1;
    candid_fast_put_leb(w, s.len);
    candid_fast_put_bytes(w, s.ptr, s.len);
    return 0;
}

/* principal and service references */
static inline int candid_fast_principal(candid_writer *w, candid_slice s) {
    if (!s.ptr && s.len) return 1;
    candid_fast_put_u8(w, 1);
    candid_fast_put_leb(w, s.len);
    candid_fast_put_bytes(w, s.ptr, s.len);
    return 0;
}

/* A vector of a fixed-width kind of `width` bytes held as a slice (blob,
 * vec nat8, ...): its count and one copy. */
static inline int candid_fast_slice(candid_writer *w, candid_slice s, size_t width) {
    if (s.len % width || (!s.ptr && s.len)) return 1;
    candid_fast_put_leb(w, s.len / width);
    candid_fast_put_bytes(w, s.ptr, s.len);
    return 0;
}

/* A candid_vec's count, before its elements: non-zero for NULL items with
 * a length. */
static inline int candid_fast_count(candid_writer *w, const void *items, size_t len) {
    if (!items && len) return 1;
    candid_fast_put_leb(w, len);
    return 0;
}

/* A bignum slice already in its wire form (LEB128 at nat, SLEB128 at
 * int); a conversion between the two is left to candid_encode. */
static inline int candid_fast_bignum(candid_writer *w, candid_bignum b, uint8_t as_int) {
    size_t end = 0;
    if (!b.ptr || b.is_signed != as_int || candid_skip_leb(b.ptr, b.len, &end) || end != b.len)
        return 1;
    candid_fast_put_bytes(w, b.ptr, b.len);
    return 0;
}

/* A func reference: the principal, then the method name (UTF-8). */
static inline int candid_fast_func(candid_writer *w, candid_funcref f) {
    if ((!f.method.ptr && f.method.len) || !candid_utf8_valid(f.method.ptr, f.method.len) ||
        (!f.principal.ptr && f.principal.len))
        return 1;
    candid_fast_put_u8(w, 1);
    candid_fast_principal(w, f.principal);
    candid_fast_put_leb(w, f.method.len);
    candid_fast_put_bytes(w, f.method.ptr, f.method.len);
    return 0;
}

#ifdef __cplusplus
}
#endif
#endif
