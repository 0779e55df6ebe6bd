/* The sibling's library: plain functions on caller memory, with no
 * allocation and no libc, callable from the canister's methods (impl.c) or
 * from any other C program. */
#ifndef KIT_H
#define KIT_H

#include <stddef.h>
#include <stdint.h>

/* SHA-256 (FIPS 180-4) of data[0..len) into out. */
void kit_sha256(const uint8_t *data, size_t len, uint8_t out[32]);

/* The first occurrence of needle in haystack (both valid UTF-8) starting at
 * or after character from, counted in Unicode scalar values: 0 and its
 * character index in *at, or -1 when there is none. Linear time
 * (Knuth-Morris-Pratt): fail holds needle_len entries. */
int kit_find(const uint8_t *haystack, size_t hay_len, const uint8_t *needle, size_t needle_len,
             uint64_t from, uint32_t *fail, uint64_t *at);

/* Unsigned LEB128. kit_varint_put writes v (1 to 10 bytes) at out and
 * returns the length. kit_varint_get reads one number at in[*pos..len),
 * advancing *pos: 0, or KIT_TRUNCATED (the input ends inside it) or
 * KIT_OVERFLOW (it exceeds 64 bits), with *pos at the number's start. */
enum { KIT_TRUNCATED = 1, KIT_OVERFLOW = 2 };
size_t kit_varint_put(uint64_t v, uint8_t *out);
int kit_varint_get(const uint8_t *in, size_t len, size_t *pos, uint64_t *v);

#endif
