/* libcandid: arbitrary-precision nat and int through libtommath.
 *
 * The core hands out nat/int values as candid_bignum slices of their
 * LEB128/SLEB128 bytes; this layer converts them to and from mp_int and
 * decimal or hex text. Only this layer (and its users) link libtommath.
 */
#ifndef CANDID_BIGNUM_H
#define CANDID_BIGNUM_H

#include <stddef.h>
#include <tommath.h>

#include "candid/arena.h"
#include "candid/error.h"
#include "candid/types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* b (LEB128 or SLEB128, one complete number) into an initialised mp_int.
 * Fails with CANDID_ERR_TRUNCATED for a slice that is not exactly one
 * number, CANDID_ERR_ARENA_FULL when libtommath runs out of memory. */
candid_status candid_bignum_to_mp(candid_bignum b, mp_int *out);

/* v as LEB128 (is_signed 0; v must not be negative: CANDID_ERR_RANGE) or
 * SLEB128 (is_signed 1), with the bytes allocated in `arena`
 * (CANDID_ERR_ARENA_FULL). */
candid_status candid_bignum_from_mp(const mp_int *v, int is_signed, candid_arena *arena,
                                    candid_bignum *out);

/* Parses Candid number text: an optional sign, decimal digits or 0x and hex
 * digits, `_` between digits. Fails with CANDID_ERR_SYNTAX. */
candid_status candid_mp_from_text(const char *s, size_t n, mp_int *out);

/* Decimal text of v into out[0..cap) with a NUL; `_` every three digits
 * when grouped is non-zero (1_000_000, as didc prints). The length needed
 * (without the NUL) is stored in *len; CANDID_ERR_BUFFER_FULL when it does
 * not fit. */
candid_status candid_mp_to_text(const mp_int *v, int grouped, char *out, size_t cap,
                                size_t *len);

#ifdef __cplusplus
}
#endif
#endif
