/* UTF-8 validation (RFC 3629 well-formedness); see include/candid/wire.h. */
#include "candid/wire.h"

int candid_utf8_valid(const uint8_t *s, size_t n) {
    size_t i = 0;
    const uint64_t high = 0x8080808080808080ull;
    /* Short ASCII texts (names, tags, symbols) in a few loads instead of a
     * loop: two overlapping words cover 4 to 8 bytes, and the first, middle
     * and last byte cover 1 to 3. */
    if (n <= 8) {
        uint32_t acc;
        if (n >= 4) {
            uint32_t a, b;
            __builtin_memcpy(&a, s, 4);
            __builtin_memcpy(&b, s + n - 4, 4);
            acc = a | b;
        } else if (n) {
            acc = (uint32_t)(s[0] | s[n / 2] | s[n - 1]);
        } else {
            return 1;
        }
        if (!(acc & 0x80808080u)) return 1;
    }
    while (i < n) {
        /* ASCII runs dominate real text: 64 bytes per test, then 32, then
         * 8, then the last word (under one Wasm instruction per byte). */
        while (i + 64 <= n) {
            const uint8_t *q = s + i;
            uint64_t a, b, c, d, e, f, g, h;
            __builtin_memcpy(&a, q, 8);
            __builtin_memcpy(&b, q + 8, 8);
            __builtin_memcpy(&c, q + 16, 8);
            __builtin_memcpy(&d, q + 24, 8);
            __builtin_memcpy(&e, q + 32, 8);
            __builtin_memcpy(&f, q + 40, 8);
            __builtin_memcpy(&g, q + 48, 8);
            __builtin_memcpy(&h, q + 56, 8);
            if ((a | b | c | d | e | f | g | h) & high) break;
            i += 64;
        }
        while (i + 32 <= n) {
            uint64_t a, b, c, d;
            __builtin_memcpy(&a, s + i, 8);
            __builtin_memcpy(&b, s + i + 8, 8);
            __builtin_memcpy(&c, s + i + 16, 8);
            __builtin_memcpy(&d, s + i + 24, 8);
            if ((a | b | c | d) & high) break;
            i += 32;
        }
        while (i + 8 <= n) {
            uint64_t a;
            __builtin_memcpy(&a, s + i, 8);
            if (a & high) break;
            i += 8;
        }
        if (i < n && n >= 8 && n - i <= 8) {
            /* The last word covers the rest, overlapping bytes already
             * accepted, which is harmless. */
            uint64_t a;
            __builtin_memcpy(&a, s + n - 8, 8);
            if (!(a & high)) return 1;
        }
        while (i < n && s[i] < 0x80) i++;
        if (i >= n) break;
        uint8_t c = s[i];
        size_t need;
        uint8_t lo = 0x80, hi = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) {
            need = 1;
        } else if (c >= 0xe0 && c <= 0xef) {
            need = 2;
            if (c == 0xe0) lo = 0xa0;      /* no overlong forms */
            if (c == 0xed) hi = 0x9f;      /* no surrogates */
        } else if (c >= 0xf0 && c <= 0xf4) {
            need = 3;
            if (c == 0xf0) lo = 0x90;
            if (c == 0xf4) hi = 0x8f;      /* at most U+10FFFF */
        } else {
            return 0;
        }
        if (n - i - 1 < need) return 0;
        if (s[i + 1] < lo || s[i + 1] > hi) return 0;
        for (size_t k = 2; k <= need; k++) {
            if ((s[i + k] & 0xc0) != 0x80) return 0;
        }
        i += need + 1;
    }
    return 1;
}
