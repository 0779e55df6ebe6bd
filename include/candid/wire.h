/* libcandid: wire primitives (LEB128, UTF-8, checked bignum conversions).
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

#ifdef __cplusplus
}
#endif
#endif
