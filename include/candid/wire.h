/* libcandid: wire primitives (LEB128, fixed-width little endian, UTF-8).
 *
 * Readers take a cursor (*pos) into buf[0..len) and advance it only on
 * success. They fail with CANDID_ERR_TRUNCATED when the input ends early and
 * never read outside buf.
 */
#ifndef CANDID_WIRE_H
#define CANDID_WIRE_H

#include <stddef.h>
#include <stdint.h>

#include "candid/error.h"
#include "candid/types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Unsigned LEB128 of any length into 64 bits. Overlong encodings (trailing
 * 0x80 groups) are accepted; a value that needs more than 64 bits is
 * CANDID_ERR_LEB_OVERFLOW. */
candid_status candid_read_leb(const uint8_t *buf, size_t len, size_t *pos,
                              uint64_t *out);

/* Signed LEB128 of any length into 64 bits; overlong sign extension is
 * accepted; out of range is CANDID_ERR_LEB_OVERFLOW. */
candid_status candid_read_sleb(const uint8_t *buf, size_t len, size_t *pos,
                               int64_t *out);

/* Advances past one (S)LEB128 number of any length without interpreting it.
 * Only truncation can fail. */
candid_status candid_skip_leb(const uint8_t *buf, size_t len, size_t *pos);

/* Writes v as LEB128 / SLEB128 into out (at least 10 bytes); returns the
 * number of bytes written. Never fails. */
size_t candid_leb_encode(uint64_t v, uint8_t out[10]);
size_t candid_sleb_encode(int64_t v, uint8_t out[10]);

/* Checked conversions of wire-format bignums (see types.h). They fail with
 * CANDID_ERR_RANGE when the value does not fit and CANDID_ERR_TRUNCATED when
 * the slice is not one complete (S)LEB128 number. */
candid_status candid_bignum_to_u64(candid_bignum b, uint64_t *out);
candid_status candid_bignum_to_i64(candid_bignum b, int64_t *out);

/* 1 when s[0..n) is well-formed UTF-8 (no surrogates, no overlong forms, at
 * most U+10FFFF), else 0. Runs a word at a time over ASCII. */
int candid_utf8_valid(const uint8_t *s, size_t n);

/* Little-endian loads; p must have the bytes (no bounds check). */
static inline uint16_t candid_load_u16(const uint8_t *p) {
    return (uint16_t)(p[0] | (uint16_t)p[1] << 8);
}
static inline uint32_t candid_load_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}
static inline uint64_t candid_load_u64(const uint8_t *p) {
    return (uint64_t)candid_load_u32(p) | (uint64_t)candid_load_u32(p + 4) << 32;
}
static inline void candid_store_u16(uint8_t *p, uint16_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}
static inline void candid_store_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}
static inline void candid_store_u64(uint8_t *p, uint64_t v) {
    candid_store_u32(p, (uint32_t)v);
    candid_store_u32(p + 4, (uint32_t)(v >> 32));
}

#ifdef __cplusplus
}
#endif
#endif
