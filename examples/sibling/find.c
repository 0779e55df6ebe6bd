/* Substring search in UTF-8 text by characters. Both texts are valid
 * UTF-8, so a byte match can only start on a character's first byte: the
 * search runs on bytes and counts characters as it goes. */
#include "kit.h"

static int starts_char(uint8_t b) { return (b & 0xC0) != 0x80; }

int kit_find(const uint8_t *hay, size_t hay_len, const uint8_t *needle, size_t needle_len,
             uint64_t from, uint32_t *fail, uint64_t *at) {
    size_t i = 0;
    uint64_t chars = 0; /* characters in hay[0..i) */
    while (i < hay_len && chars < from) {
        i++;
        while (i < hay_len && !starts_char(hay[i])) i++;
        chars++;
    }
    if (chars < from) return -1;
    if (needle_len == 0) {
        *at = chars;
        return 0;
    }
    uint64_t needle_chars = 0;
    for (size_t j = 0; j < needle_len; j++) needle_chars += starts_char(needle[j]);
    /* fail[j]: the longest proper border of needle[0..j], as a length. */
    fail[0] = 0;
    for (size_t j = 1, b = 0; j < needle_len; j++) {
        while (b && needle[j] != needle[b]) b = fail[b - 1];
        if (needle[j] == needle[b]) b++;
        fail[j] = (uint32_t)b;
    }
    for (size_t m = 0; i < hay_len; i++) {
        chars += starts_char(hay[i]);
        while (m && hay[i] != needle[m]) m = fail[m - 1];
        if (hay[i] == needle[m]) m++;
        if (m == needle_len) {
            *at = chars - needle_chars;
            return 0;
        }
    }
    return -1;
}
