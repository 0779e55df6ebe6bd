/* LEB128 and SLEB128 of any length; see include/candid/wire.h.
 *
 * Overlong encodings are legal Candid, so a number may have any number of
 * bytes: the end is found first (truncation is the error that matters), then
 * the bytes are folded into 64 bits with every discarded bit checked. */
#include "candid/wire.h"
#include "internal.h"

candid_status candid_skip_leb(const uint8_t *buf, size_t len, size_t *pos) {
    size_t p = *pos;
    while (p < len) {
        if (!(buf[p++] & 0x80)) {
            *pos = p;
            return CANDID_OK;
        }
    }
    return CANDID_ERR_TRUNCATED;
}

candid_status candid_read_leb(const uint8_t *buf, size_t len, size_t *pos,
                              uint64_t *out) {
    size_t p = *pos;
    /* Fast path: one byte, the common case for lengths and small nats. */
    if (p < len && buf[p] < 0x80) {
        *out = buf[p];
        *pos = p + 1;
        return CANDID_OK;
    }
    size_t end = p;
    candid_status st = candid_skip_leb(buf, len, &end);
    if (st) return st;
    uint64_t v = 0;
    unsigned shift = 0;
    for (; p < end; p++, shift += 7) {
        uint64_t bits = buf[p] & 0x7f;
        if (shift >= 64) {
            if (bits) return CANDID_ERR_LEB_OVERFLOW;
            continue;
        }
        if (shift > 57 && (bits >> (64 - shift)) != 0) return CANDID_ERR_LEB_OVERFLOW;
        v |= bits << shift;
    }
    *pos = end;
    *out = v;
    return CANDID_OK;
}

candid_status candid_read_sleb(const uint8_t *buf, size_t len, size_t *pos,
                               int64_t *out) {
    size_t p = *pos;
    size_t end = p;
    candid_status st = candid_skip_leb(buf, len, &end);
    if (st) return st;
    /* The sign is bit 6 of the last byte; every bit above 63 must equal it. */
    uint64_t sign = (buf[end - 1] & 0x40) ? 0x7f : 0;
    uint64_t v = 0;
    unsigned shift = 0;
    for (; p < end; p++, shift += 7) {
        uint64_t bits = buf[p] & 0x7f;
        if (shift >= 64) {
            if (bits != sign) return CANDID_ERR_LEB_OVERFLOW;
            continue;
        }
        if (shift > 57) {
            /* bits 0..(63-shift) land in the word, bit (63-shift) is the
             * word's sign bit; the rest must repeat the sign. */
            uint64_t high = bits >> (63 - shift);
            uint64_t want = sign ? (0x7f >> (63 - shift)) : 0;
            if (high != want) return CANDID_ERR_LEB_OVERFLOW;
        }
        v |= bits << shift;
    }
    if (sign && shift < 64) v |= ~(uint64_t)0 << shift;
    *pos = end;
    *out = (int64_t)v;
    return CANDID_OK;
}

size_t candid_leb_encode(uint64_t v, uint8_t out[10]) {
    return candid__leb_encode(v, out);
}

size_t candid_sleb_encode(int64_t v, uint8_t out[10]) {
    size_t n = 0;
    for (;;) {
        uint8_t b = (uint8_t)(v & 0x7f);
        /* Arithmetic shift of a negative value is implementation-defined in
         * C11; do it by hand. */
        v = v < 0 ? ~(~v >> 7) : v >> 7;
        int done = (v == 0 && !(b & 0x40)) || (v == -1 && (b & 0x40));
        out[n++] = (uint8_t)(b | (done ? 0 : 0x80));
        if (done) return n;
    }
}

candid_status candid_bignum_to_u64(candid_bignum b, uint64_t *out) {
    size_t pos = 0;
    candid_status st;
    if (b.is_signed) {
        int64_t v;
        st = candid_read_sleb(b.ptr, b.len, &pos, &v);
        if (st == CANDID_ERR_LEB_OVERFLOW || (!st && v < 0)) return CANDID_ERR_RANGE;
        if (!st) *out = (uint64_t)v;
    } else {
        st = candid_read_leb(b.ptr, b.len, &pos, out);
        if (st == CANDID_ERR_LEB_OVERFLOW) return CANDID_ERR_RANGE;
    }
    if (!st && pos != b.len) return CANDID_ERR_TRUNCATED;
    return st;
}

candid_status candid_bignum_to_i64(candid_bignum b, int64_t *out) {
    size_t pos = 0;
    candid_status st;
    if (b.is_signed) {
        st = candid_read_sleb(b.ptr, b.len, &pos, out);
    } else {
        uint64_t v;
        st = candid_read_leb(b.ptr, b.len, &pos, &v);
        if (!st && v > (uint64_t)INT64_MAX) st = CANDID_ERR_LEB_OVERFLOW;
        if (!st) *out = (int64_t)v;
    }
    if (st == CANDID_ERR_LEB_OVERFLOW) return CANDID_ERR_RANGE;
    if (!st && pos != b.len) return CANDID_ERR_TRUNCATED;
    return st;
}
