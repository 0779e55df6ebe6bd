/* libcandid: the runtime of generated exact-match fast decoders.
 *
 * `candid bind --target c --fast` (the default) emits, for every type a stub
 * decodes, a straight-line decoder that applies only when the arriving
 * message's header is byte for byte the one the stub itself sends. Such a
 * decoder reads the value with the readers below, which return 1 on success
 * and 0 on anything else: the fast path does not explain failures. Whenever
 * it fails, or cannot prove the interpreter would succeed within the
 * decoder's limits, budget, work memory and arena, candid_fast_end runs
 * candid_decode on the same message, so the caller sees exactly the
 * interpreter's status, values, error offset and arena use.
 *
 * What differs after a successful fast decode: d->steps is an upper bound
 * of the interpreter's count (it stays within the budget), d->work_needed
 * is the work the interpreter would need at most (with room for the
 * deepest frames, so that this stub decodes the message again with it), the cache is not
 * consulted (hits and misses do not move) and d->cache_hit is 0.
 *
 * Text, blobs, principals and bignums borrow from the message; vectors are
 * carved from the arena with the interpreter's sizes and alignments, in its
 * order. Everything here is freestanding and allocates nothing.
 */
#ifndef CANDID_FAST_H
#define CANDID_FAST_H

#include <stddef.h>
#include <stdint.h>

#include "candid/arena.h"
#include "candid/decode.h"
#include "candid/types.h"
#include "candid/wire.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What a recursive type's decoder does when the value under way is
 * complete: resume a record at a field, the next element of a vector, or
 * finish an option. */
typedef struct candid_fast_frame {
    uint8_t *dst;  /* the record, or the next element's slot */
    uint64_t left; /* elements still to come */
    uint32_t resume;
} candid_fast_frame;

/* A fast decode under way: a cursor over the value bytes and the steps
 * charged so far. Set by candid_fast_begin; the members are for the
 * readers below. */
typedef struct candid_fast {
    const uint8_t *p;   /* next value byte */
    const uint8_t *end; /* the message's end */
    uint64_t steps;     /* charged so far (an upper bound of the interpreter's) */
    uint64_t budget;    /* the decoder's budget for this message */
    candid_arena *arena;
    size_t a_used, a_needed; /* the arena as it was, to rewind to */
    size_t work;        /* the interpreter's work memory for this message */
    candid_fast_frame *frames; /* recursive types' stack, in the work memory */
    size_t sp, frames_cap;
    size_t frames_peak; /* the most frames held at once */
} candid_fast;

/* Starts a fast decode of msg[0..len) when it begins with hdr[0..hlen) (the
 * generated stub's own header, of `entries` type-table entries) and the
 * decoder's limits and work memory leave the interpreter room for this
 * type: `work` bytes (the
 * interpreter's header, plan and frames for values `depth` containers
 * deep, measured by the generator) and max_depth >= depth. What is left of
 * both holds the frames of recursive types (candid_fast_push), each
 * standing for at most one of the interpreter's. Returns 1 to go
 * ahead, 0 when candid_fast_end must fall back (also for arguments
 * candid_decode rejects, and a NULL out). */
int candid_fast_begin(candid_fast *f, const candid_decoder *d, const uint8_t *msg, size_t len,
                      const void *out, const uint8_t *hdr, size_t hlen, uint32_t entries, size_t work,
                      uint32_t depth, candid_arena *arena);

/* Ends a decode: with ok set (the generated decoder read a whole value)
 * and every byte consumed, the budget kept and the arena large enough, the
 * decode succeeded: fills d as candid_decode does (see above for the
 * differences) and returns CANDID_OK. Otherwise rewinds the arena and
 * returns candid_decode(d, msg, len, args, out, arena), with its status,
 * error offset and arena use. */
candid_status candid_fast_end(candid_fast *f, int ok, candid_decoder *d, const uint8_t *msg,
                              size_t len, const candid_type *args, void *out);

/* Pushes a frame for a recursive type; 0 when the interpreter might run
 * out of depth or work memory (the decode falls back and fails as the
 * interpreter does). */
static inline int candid_fast_push(candid_fast *f, uint32_t resume, void *dst, uint64_t left) {
    if (f->sp == f->frames_cap) return 0;
    candid_fast_frame *fr = &f->frames[f->sp++];
    if (f->sp > f->frames_peak) f->frames_peak = f->sp;
    fr->dst = (uint8_t *)dst;
    fr->left = left;
    fr->resume = resume;
    return 1;
}

/* Readers. Each advances the cursor and returns 1, or returns 0 when the
 * bytes are malformed, truncated or out of range for the slot (the cursor is
 * then unspecified: the decode falls back). */

/* Charges n steps; 0 when that exceeds the budget. */
static inline int candid_fast_charge(candid_fast *f, uint64_t n) {
    return n <= f->budget - f->steps ? (f->steps += n, 1) : 0;
}

/* A length or count: one byte inline, longer ones by candid_read_leb. */
static inline int candid_fast_len(candid_fast *f, uint64_t *n) {
    if (f->p < f->end && *f->p < 0x80) {
        *n = *f->p++;
        return 1;
    }
    size_t pos = 0;
    if (candid_read_leb(f->p, (size_t)(f->end - f->p), &pos, n)) return 0;
    f->p += pos;
    return 1;
}

/* A vector's element count. `min_bytes` (0 or 1): whether an element takes
 * at least one byte, so that the count cannot exceed the bytes left. The
 * count must also fit the budget (each element takes a step): a vector of
 * 2^60 nulls fails here rather than loop. */
static inline int candid_fast_count(candid_fast *f, int min_bytes, uint64_t *n) {
    if (!candid_fast_len(f, n)) return 0;
    if (min_bytes && *n > (uint64_t)(f->end - f->p)) return 0;
    return *n <= f->budget - f->steps;
}

/* nat as uint64_t: values of 2^64 and more fail (CANDID_ERR_RANGE in the
 * interpreter). One and two bytes inline. */
static inline int candid_fast_nat(candid_fast *f, uint64_t *out) {
    const uint8_t *p = f->p;
    if (f->end - p >= 2) {
        if (!(p[0] & 0x80)) {
            *out = p[0];
            f->p = p + 1;
            return 1;
        }
        if (!(p[1] & 0x80)) {
            *out = (uint64_t)(p[0] & 0x7f) | (uint64_t)p[1] << 7;
            f->p = p + 2;
            return 1;
        }
    }
    size_t pos = 0;
    if (candid_read_leb(p, (size_t)(f->end - p), &pos, out)) return 0;
    f->p = p + pos;
    return 1;
}

/* n nats into items[0..n), the cursor in a local: vectors of small
 * numbers (counts, amounts, ids) are one or two bytes each. While the bytes
 * left hold two per element still to come, values below 2^14 are read
 * without bounds checks, two at a time while both take two bytes;
 * anything longer, and the tail, go through candid_fast_nat. */
static inline int candid_fast_nats(candid_fast *f, uint64_t *items, uint64_t n) {
    const uint8_t *p = f->p, *end = f->end;
    uint64_t *it = items, *stop = items + n;
    while (it != stop) {
        size_t room = (size_t)(end - p) / 2, todo = (size_t)(stop - it);
        uint64_t *safe = it + (room < todo ? room : todo);
        while (it != safe) {
            if (safe - it >= 2) { /* two two-byte values (above 127) per load */
                uint32_t w = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
                             (uint32_t)p[3] << 24;
                if ((w & 0x80808080u) == 0x00800080u) {
                    it[0] = (w & 0x7f) | (w >> 1 & 0x3f80);
                    it[1] = (w >> 16 & 0x7f) | (w >> 17 & 0x3f80);
                    it += 2;
                    p += 4;
                    continue;
                }
            }
            uint32_t w = (uint32_t)p[0] | (uint32_t)p[1] << 8;
            if (!(w & 0x80)) {
                *it++ = w & 0x7f;
                p++;
            } else if (!(w & 0x8000)) {
                *it++ = (w & 0x7f) | (w >> 1 & 0x3f80);
                p += 2;
            } else {
                break;
            }
        }
        if (it == stop) break;
        f->p = p;
        if (!candid_fast_nat(f, it++)) return 0;
        p = f->p;
    }
    f->p = p;
    return 1;
}

/* int as int64_t. */
static inline int candid_fast_int(candid_fast *f, int64_t *out) {
    const uint8_t *p = f->p;
    if (p < f->end && !(p[0] & 0x80)) {
        *out = (int64_t)(p[0] & 0x3f) - (int64_t)(p[0] & 0x40);
        f->p = p + 1;
        return 1;
    }
    size_t pos = 0;
    if (candid_read_sleb(p, (size_t)(f->end - p), &pos, out)) return 0;
    f->p = p + pos;
    return 1;
}

/* nat or int as a candid_bignum over the message, member by member (the
 * slot's padding stays as it was, as the interpreter leaves it). */
static inline int candid_fast_bignum(candid_fast *f, candid_bignum *out, uint8_t is_signed) {
    size_t pos = 0;
    if (candid_skip_leb(f->p, (size_t)(f->end - f->p), &pos)) return 0;
    out->ptr = f->p;
    out->len = pos;
    out->is_signed = is_signed;
    f->p += pos;
    return 1;
}

/* A fixed-width number (1, 2, 4 or 8 bytes, little-endian on the wire)
 * into a slot of the same width. */
static inline int candid_fast_fixed(candid_fast *f, void *out, size_t width) {
    if ((size_t)(f->end - f->p) < width) return 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    __builtin_memcpy(out, f->p, width);
#else
    for (size_t i = 0; i < width; i++) ((uint8_t *)out)[i] = f->p[width - 1 - i];
#endif
    f->p += width;
    return 1;
}

/* bool, and an option's flag: one byte, 0 or 1. */
static inline int candid_fast_bool(candid_fast *f, uint8_t *out) {
    if (f->p == f->end || *f->p > 1) return 0;
    *out = *f->p++;
    return 1;
}

/* A length and that many bytes; with `utf8`, they must be UTF-8. Charges
 * the steps the interpreter charges for reading them, and one more (it
 * may round a run of several such up). */
static inline int candid_fast_bytes(candid_fast *f, int utf8, candid_slice *out) {
    uint64_t n;
    if (!candid_fast_len(f, &n)) return 0;
    const uint8_t *s = f->p;
    if (n > (uint64_t)(f->end - s) || (utf8 && !candid_utf8_valid(s, (size_t)n))) return 0;
    out->ptr = s;
    out->len = (size_t)n;
    f->p = s + n;
    return candid_fast_charge(f, (n >> 4) + 2);
}

/* A principal (or service reference): tag 1, at most 29 bytes. */
static inline int candid_fast_principal(candid_fast *f, candid_slice *out) {
    uint64_t n;
    if (f->p == f->end || *f->p != 1) return 0;
    f->p++;
    if (!candid_fast_len(f, &n)) return 0;
    const uint8_t *s = f->p;
    if (n > (uint64_t)(f->end - s) || n > 29) return 0;
    out->ptr = s;
    out->len = (size_t)n;
    f->p = s + n;
    return 1;
}

/* A func reference: tags 1 and 1, the principal, the method name. */
static inline int candid_fast_func(candid_fast *f, candid_funcref *out) {
    if (f->end - f->p < 2 || f->p[0] != 1) return 0;
    f->p++;
    return candid_fast_principal(f, &out->principal) && candid_fast_bytes(f, 1, &out->method);
}

/* A variant's tag: below `cases`. */
static inline int candid_fast_tag(candid_fast *f, uint32_t cases, uint32_t *out) {
    uint64_t v;
    if (!candid_fast_len(f, &v)) return 0;
    *out = (uint32_t)v;
    return v < cases;
}

/* Arena memory for n slots of `size` bytes aligned to `align`, as the
 * interpreter asks for it; NULL when it does not fit (the decode falls
 * back, and the interpreter reports CANDID_ERR_ARENA_FULL). */
static inline void *candid_fast_alloc(candid_fast *f, uint64_t n, size_t size, size_t align) {
    if (size && n > SIZE_MAX / size) return NULL;
    return candid_arena_alloc(f->arena, (size_t)n * size, align);
}

/* A vector of fixed-width numbers copied whole into the arena, charging
 * one step per 16 bytes as the interpreter does. */
static inline int candid_fast_bulk(candid_fast *f, size_t width, candid_vec *out) {
    uint64_t n;
    if (!candid_fast_count(f, 1, &n) || n > (uint64_t)(f->end - f->p) / width) return 0;
    size_t bytes = (size_t)n * width;
    void *items = candid_arena_alloc(f->arena, bytes, width);
    if (!items) return 0;
    __builtin_memcpy(items, f->p, bytes);
    f->p += bytes;
    out->items = items;
    out->len = (size_t)n;
    return candid_fast_charge(f, bytes >> 4);
}

#ifdef __cplusplus
}
#endif
#endif
