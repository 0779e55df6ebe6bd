/* Unsigned LEB128: seven bits a byte, least significant first, the high
 * bit set on every byte but the last. */
#include "kit.h"

size_t kit_varint_put(uint64_t v, uint8_t *out) {
    size_t n = 0;
    do {
        uint8_t b = v & 0x7F;
        v >>= 7;
        out[n++] = (uint8_t)(b | (v ? 0x80 : 0));
    } while (v);
    return n;
}

int kit_varint_get(const uint8_t *in, size_t len, size_t *pos, uint64_t *v) {
    uint64_t x = 0;
    for (size_t p = *pos, shift = 0;; p++, shift += 7) {
        if (p == len) return KIT_TRUNCATED;
        uint64_t bits = in[p] & 0x7F;
        /* The tenth byte holds bit 63 only; a later byte, or more bits, overflow
         * (0x80 0x00 style padding within 64 bits is accepted). */
        if (shift == 63 ? bits > 1 : shift > 63 && bits) return KIT_OVERFLOW;
        if (shift < 64) x |= bits << shift;
        if (!(in[p] & 0x80)) {
            *pos = p + 1;
            *v = x;
            return 0;
        }
    }
}
