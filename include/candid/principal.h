/* libcandid: the textual form of principals ("aaaaa-aa", "2vxsx-fae"):
 * CRC-32 (IEEE) of the bytes, big-endian, then the bytes, in lower-case
 * base32 without padding, with a dash after every five characters. */
#ifndef CANDID_PRINCIPAL_H
#define CANDID_PRINCIPAL_H

#include <stddef.h>
#include <stdint.h>

#include "candid/error.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CANDID_PRINCIPAL_MAX_BYTES 29
/* Text of a 29-byte principal: 66 base32 characters, 13 dashes, NUL. */
#define CANDID_PRINCIPAL_MAX_TEXT 80

/* Writes the text of bytes[0..n) and a NUL into out (at least
 * CANDID_PRINCIPAL_MAX_TEXT bytes). Fails with CANDID_ERR_RANGE when n > 29. */
candid_status candid_principal_to_text(const uint8_t *bytes, size_t n, char *out);

/* Parses principal text into out (at least 29 bytes), *n its length. Fails
 * with CANDID_ERR_SYNTAX for characters outside the alphabet, misplaced
 * dashes, a wrong checksum, or a text that is not the canonical form of its
 * bytes; CANDID_ERR_RANGE for more than 29 bytes. */
candid_status candid_principal_from_text(const char *s, size_t len, uint8_t *out, size_t *n);

/* CRC-32 (IEEE 802.3, reflected, as zlib computes it). */
uint32_t candid_crc32(const uint8_t *p, size_t n);

#ifdef __cplusplus
}
#endif
#endif
