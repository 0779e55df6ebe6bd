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
 * The put functions below write through a cursor into the writer's buffer
 * and fall back to candid_put_bytes when it is full, so they fail (latch)
 * as candid_put_* do.
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

/* Where generated code writes: straight into the writer's buffer while
 * there is room (p to end), through candid_put_bytes when there is not
 * (candid_fast_spill). A writer that does not take bytes in place (size
 * only, streaming, an error latched) gets `scratch`, passed to
 * candid_put_bytes as it fills. Set up by candid_fast_encode; the writer
 * is behind by p - base bytes until then. */
#define CANDID_FAST_SCRATCH 256

typedef struct candid_fast_out {
    uint8_t *p, *end, *base;
    candid_writer *w;
    uint8_t scratch[CANDID_FAST_SCRATCH];
} candid_fast_out;

/* Writes the values of a message (after its header) from `values`.
 * Returns 0 when it wrote them all, non-zero at the first value it leaves
 * to candid_encode; what it wrote by then is discarded. */
typedef int (*candid_fast_values_fn)(candid_fast_out *o, const void *values);

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

/* n bytes through the writer itself (the buffer is full, or the writer
 * streams, or has an error latched): the slow path of the put functions. */
void candid_fast_spill(candid_fast_out *o, const void *p, size_t n);

static inline void candid_fast_put_bytes(candid_fast_out *o, const void *p, size_t n) {
    if ((size_t)(o->end - o->p) >= n) {
        __builtin_memcpy(o->p, p, n);
        o->p += n;
        return;
    }
    candid_fast_spill(o, p, n);
}

static inline void candid_fast_put_u8(candid_fast_out *o, uint8_t v) {
    if (o->p != o->end) {
        *o->p++ = v;
        return;
    }
    candid_fast_spill(o, &v, 1);
}

static inline void candid_fast_put_leb(candid_fast_out *o, uint64_t v) {
    if (v < 0x80 && o->p != o->end) { /* lengths, counts, tags: mostly one byte */
        *o->p++ = (uint8_t)v;
        return;
    }
    uint8_t tmp[10], *q = o->end - o->p >= 10 ? o->p : tmp;
    size_t n = 0;
    while (v >= 0x80) {
        q[n++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    q[n++] = (uint8_t)v;
    if (q == o->p) o->p += n;
    else candid_fast_spill(o, tmp, n);
}

/* A fixed-width number of `width` bytes at p, little-endian on the wire. */
static inline void candid_fast_put_fixed(candid_fast_out *o, const void *p, size_t width) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    candid_fast_put_bytes(o, p, width);
#else
    uint8_t tmp[8];
    for (size_t i = 0; i < width; i++) tmp[i] = ((const uint8_t *)p)[width - 1 - i];
    candid_fast_put_bytes(o, tmp, width);
#endif
}

/* The elements of a vector of a fixed-width kind, `width` bytes each: one
 * copy on a little-endian machine. */
static inline void candid_fast_put_array(candid_fast_out *o, const void *items, size_t len,
                                         size_t width) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    candid_fast_put_bytes(o, items, len * width);
#else
    for (size_t i = 0; i < len; i++) candid_fast_put_fixed(o, (const uint8_t *)items + i * width, width);
#endif
}

/* Generated functions keep the cursor in two locals, p and end (a byte
 * stored through p cannot alias a local, so neither is reloaded after each
 * write), and check for room once per run of bounded writes: `n` is the
 * most the run can write. candid_fast_room makes the room (through the
 * writer, or in `scratch` for a writer that does not hold the bytes, n
 * being at most its size) or returns non-zero when a buffer lacks it:
 * then candid_encode writes the message and reports what it must. Between
 * checks the writes are the unchecked candid_fast_w_* below. */
int candid_fast_reserve(candid_fast_out *o, size_t n);

static inline int candid_fast_room(candid_fast_out *o, uint8_t **p, uint8_t **end, size_t n) {
    if ((size_t)(*end - *p) >= n) return 0;
    o->p = *p;
    int r = candid_fast_reserve(o, n);
    *p = o->p;
    *end = o->end;
    return r;
}

/* n bytes of any length (the bytes of a text or blob) at the cursor, and
 * room for `more` after them (the next run's: one check for both); fails
 * as candid_fast_room. */
static inline int candid_fast_copy(candid_fast_out *o, uint8_t **p, uint8_t **end, const void *src,
                                   size_t n, size_t more) {
    if ((size_t)(*end - *p) >= n && (size_t)(*end - *p) - n >= more) {
        __builtin_memcpy(*p, src, n);
        *p += n;
        return 0;
    }
    o->p = *p;
    candid_fast_spill(o, src, n);
    *p = o->p;
    *end = o->end;
    return candid_fast_room(o, p, end, more);
}

static inline uint8_t *candid_fast_w_leb(uint8_t *p, uint64_t v) {
    while (v >= 0x80) {
        *p++ = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    *p++ = (uint8_t)v;
    return p;
}

static inline uint8_t *candid_fast_w_sleb(uint8_t *p, int64_t v) {
    if (v >= -64 && v < 64) { /* one byte or two inline: the usual small ints */
        *p = (uint8_t)(v & 0x7f);
        return p + 1;
    }
    if (v >= -8192 && v < 8192) {
        p[0] = (uint8_t)(v | 0x80);
        p[1] = (uint8_t)(((uint64_t)v >> 7) & 0x7f);
        return p + 2;
    }
    return p + candid_sleb_encode(v, p);
}

static inline uint8_t *candid_fast_w_fixed(uint8_t *p, const void *src, size_t width) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    __builtin_memcpy(p, src, width);
#else
    for (size_t i = 0; i < width; i++) p[i] = ((const uint8_t *)src)[width - 1 - i];
#endif
    return p + width;
}

/* The leaves ending in bytes of any length, with room for their head
 * (10 bytes; 11 for a principal) made, and then room for `more`:
 * non-zero for a value left to candid_encode (as the checked leaves
 * below), or as candid_fast_room. */
static inline int candid_fast_w_text(candid_fast_out *o, uint8_t **p, uint8_t **end, candid_slice s,
                                     size_t more) {
    if ((!s.ptr && s.len) || !candid_utf8_valid(s.ptr, s.len)) return 1;
    *p = candid_fast_w_leb(*p, s.len);
    return candid_fast_copy(o, p, end, s.ptr, s.len, more);
}

static inline int candid_fast_w_principal(candid_fast_out *o, uint8_t **p, uint8_t **end,
                                          candid_slice s, size_t more) {
    if (!s.ptr && s.len) return 1;
    *(*p)++ = 1;
    *p = candid_fast_w_leb(*p, s.len);
    return candid_fast_copy(o, p, end, s.ptr, s.len, more);
}

static inline int candid_fast_w_slice(candid_fast_out *o, uint8_t **p, uint8_t **end, candid_slice s,
                                      size_t width, size_t more) {
    if (s.len % width || (!s.ptr && s.len)) return 1;
    *p = candid_fast_w_leb(*p, s.len / width);
    return candid_fast_copy(o, p, end, s.ptr, s.len, more);
}

/* The checked leaves written through the cursor: non-zero, nothing
 * written, for a value they leave to candid_encode. A principal or
 * service reference: */
static inline int candid_fast_put_principal(candid_fast_out *o, candid_slice s) {
    if (!s.ptr && s.len) return 1;
    candid_fast_put_u8(o, 1);
    candid_fast_put_leb(o, s.len);
    candid_fast_put_bytes(o, s.ptr, s.len);
    return 0;
}

/* A bignum slice already in its wire form (LEB128 at nat, SLEB128 at
 * int); a conversion between the two is left to candid_encode. */
static inline int candid_fast_put_bignum(candid_fast_out *o, candid_bignum b, uint8_t as_int) {
    size_t end = 0;
    if (!b.ptr || b.is_signed != as_int || candid_skip_leb(b.ptr, b.len, &end) || end != b.len)
        return 1;
    candid_fast_put_bytes(o, b.ptr, b.len);
    return 0;
}

/* A func reference: the principal, then the method name (UTF-8). */
static inline int candid_fast_put_func(candid_fast_out *o, candid_funcref f) {
    if ((!f.method.ptr && f.method.len) || !candid_utf8_valid(f.method.ptr, f.method.len) ||
        (!f.principal.ptr && f.principal.len))
        return 1;
    candid_fast_put_u8(o, 1);
    candid_fast_put_principal(o, f.principal);
    candid_fast_put_leb(o, f.method.len);
    candid_fast_put_bytes(o, f.method.ptr, f.method.len);
    return 0;
}

#ifdef __cplusplus
}
#endif
#endif
