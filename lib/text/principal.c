/* Principal text form; see include/candid/principal.h. */
#include <string.h>

#include "candid/principal.h"

uint32_t candid_crc32(const uint8_t *p, size_t n) {
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
    }
    return ~c;
}

static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";

candid_status candid_principal_to_text(const uint8_t *bytes, size_t n, char *out) {
    if (n > CANDID_PRINCIPAL_MAX_BYTES) return CANDID_ERR_RANGE;
    uint8_t data[4 + CANDID_PRINCIPAL_MAX_BYTES];
    uint32_t crc = candid_crc32(bytes, n);
    data[0] = (uint8_t)(crc >> 24);
    data[1] = (uint8_t)(crc >> 16);
    data[2] = (uint8_t)(crc >> 8);
    data[3] = (uint8_t)crc;
    memcpy(data + 4, bytes, n);
    size_t total = n + 4, o = 0, chars = 0;
    uint32_t acc = 0;
    int bits = 0;
    for (size_t i = 0; i < total; i++) {
        acc = acc << 8 | data[i];
        bits += 8;
        while (bits >= 5) {
            if (chars && chars % 5 == 0) out[o++] = '-';
            out[o++] = alphabet[(acc >> (bits - 5)) & 31];
            bits -= 5;
            chars++;
        }
    }
    if (bits) {
        if (chars && chars % 5 == 0) out[o++] = '-';
        out[o++] = alphabet[(acc << (5 - bits)) & 31];
    }
    out[o] = 0;
    return CANDID_OK;
}

candid_status candid_principal_from_text(const char *s, size_t len, uint8_t *out, size_t *n) {
    uint8_t data[4 + CANDID_PRINCIPAL_MAX_BYTES + 8];
    size_t nd = 0, chars = 0;
    uint32_t acc = 0;
    int bits = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '-') {
            if (!chars || chars % 5 != 0 || i + 1 == len || s[i + 1] == '-') return CANDID_ERR_SYNTAX;
            continue;
        }
        const char *hit = c ? strchr(alphabet, c) : NULL;
        if (!hit) return CANDID_ERR_SYNTAX;
        if (chars && chars % 5 == 0 && s[i - 1] != '-') return CANDID_ERR_SYNTAX;
        acc = acc << 5 | (uint32_t)(hit - alphabet);
        bits += 5;
        chars++;
        if (bits >= 8) {
            if (nd == sizeof data) return CANDID_ERR_RANGE;
            data[nd++] = (uint8_t)(acc >> (bits - 8));
            bits -= 8;
        }
    }
    if (nd < 4) return CANDID_ERR_SYNTAX;
    if (nd - 4 > CANDID_PRINCIPAL_MAX_BYTES) return CANDID_ERR_RANGE;
    uint32_t crc = (uint32_t)data[0] << 24 | (uint32_t)data[1] << 16 | (uint32_t)data[2] << 8 | data[3];
    if (crc != candid_crc32(data + 4, nd - 4)) return CANDID_ERR_SYNTAX;
    /* Only the canonical spelling is accepted. */
    char canon[CANDID_PRINCIPAL_MAX_TEXT];
    candid_principal_to_text(data + 4, nd - 4, canon);
    if (strlen(canon) != len || memcmp(canon, s, len) != 0) return CANDID_ERR_SYNTAX;
    memcpy(out, data + 4, nd - 4);
    *n = nd - 4;
    return CANDID_OK;
}
