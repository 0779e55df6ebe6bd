/* Random leaf values, weighted towards the edges of each type. */
#include <string.h>

#include "candid/principal.h"
#include "candid/wire.h"
#include "leaf.h"

uint64_t random_below(candid_random *r, uint64_t n) {
    return candid_random_next(r) % n;
}

/* As likely narrow as wide: a random number of random bits below 2^bits. */
static uint64_t any_width(candid_random *r, unsigned bits) {
    unsigned w = (unsigned)random_below(r, bits + 1);
    uint64_t v = candid_random_next(r);
    return w == 64 ? v : v & ((UINT64_C(1) << w) - 1);
}

static uint64_t random_unsigned(candid_random *r, unsigned bits) {
    uint64_t max = bits == 64 ? UINT64_MAX : (UINT64_C(1) << bits) - 1;
    switch (random_below(r, 4)) {
    case 0: return 0;
    case 1: return max;
    default: return any_width(r, bits);
    }
}

/* Two's complement in the low `bits`, as the caller stores it. */
static uint64_t random_signed(candid_random *r, unsigned bits) {
    uint64_t max = (UINT64_C(1) << (bits - 1)) - 1;
    switch (random_below(r, 6)) {
    case 0: return 0;
    case 1: return UINT64_MAX; /* -1 */
    case 2: return max;
    case 3: return ~max; /* the minimum */
    default: {
        uint64_t v = any_width(r, bits - 1);
        return random_below(r, 2) ? 0 - v : v;
    }
    }
}

static void store(uint8_t *slot, uint64_t v, size_t size) {
    uint8_t b8 = (uint8_t)v;
    uint16_t b16 = (uint16_t)v;
    uint32_t b32 = (uint32_t)v;
    const void *src = size == 1 ? (const void *)&b8 : size == 2 ? (const void *)&b16
                    : size == 4 ? (const void *)&b32 : (const void *)&v;
    memcpy(slot, src, size);
}

static void *alloc(candid_arena *a, size_t n) {
    void *p = candid_arena_alloc(a, n ? n : 1, 16);
    if (p) memset(p, 0, n ? n : 1);
    return p;
}

/* Just past the 64-bit ranges: 2^64 (LEB128), 2^63 and -2^63 - 1 (SLEB128). */
static const uint8_t nat_2p64[] = {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02};
static const uint8_t int_2p63[] = {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01};
static const uint8_t int_below_min[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7e};

/* A nat or int as (S)LEB128 bytes: 64-bit edges, values just past 64 bits,
 * and numbers of up to 280 bits. */
static candid_status bignum(candid_random *r, int is_signed, uint8_t *slot, candid_arena *a) {
    candid_bignum v = {.is_signed = (uint8_t)is_signed};
    uint8_t *out;
    switch (random_below(r, 4)) {
    case 0:
    case 1:
        if (!(out = alloc(a, 10))) return CANDID_ERR_ARENA_FULL;
        if (is_signed) {
            uint64_t u = random_signed(r, 64);
            int64_t i;
            memcpy(&i, &u, sizeof i); /* two's complement, without an implementation-defined cast */
            v.len = candid_sleb_encode(i, out);
        } else {
            v.len = candid_leb_encode(random_unsigned(r, 64), out);
        }
        break;
    case 2: {
        const uint8_t *edge = !is_signed ? nat_2p64 : random_below(r, 2) ? int_2p63 : int_below_min;
        if (!(out = alloc(a, 10))) return CANDID_ERR_ARENA_FULL;
        memcpy(out, edge, 10);
        v.len = 10;
        break;
    }
    default: {
        size_t n = 10 + (size_t)random_below(r, 31);
        if (!(out = alloc(a, n))) return CANDID_ERR_ARENA_FULL;
        for (size_t i = 0; i < n; i++) out[i] = (uint8_t)(random_below(r, 128) | 0x80);
        /* the last group ends the number and must not be redundant: nonzero
         * for a nat; for an int, not merely the sign of the group before */
        out[n - 1] = (uint8_t)(1 + random_below(r, 126));
        v.len = n;
    }
    }
    v.ptr = out;
    memcpy(slot, &v, sizeof v);
    return CANDID_OK;
}

static const uint64_t double_edges[] = {
    0, UINT64_C(0x8000000000000000), UINT64_C(0x7ff8000000000000), UINT64_C(0x7ff0000000000000),
    UINT64_C(0xfff0000000000000), UINT64_C(0x7fefffffffffffff), UINT64_C(0x0010000000000000), 1,
    UINT64_C(0x3ff0000000000000), UINT64_C(0xbff8000000000000),
};
static const uint32_t float_edges[] = {
    0, 0x80000000u, 0x7fc00000u, 0x7f800000u, 0xff800000u, 0x7f7fffffu, 0x00800000u, 1,
    0x3f800000u, 0xbfc00000u,
};

/* Zeros, NaN, infinities, the largest, smallest normal and smallest
 * subnormal, simple fractions, and any bit pattern. */
static void floating(candid_random *r, int single, uint8_t *slot) {
    size_t n = sizeof double_edges / sizeof double_edges[0];
    uint64_t pick = random_below(r, 3), bits = candid_random_next(r);
    if (single) {
        uint32_t b = (uint32_t)bits;
        float f = (float)((int)random_below(r, 2001) - 1000) / 8;
        if (pick == 0) b = float_edges[bits % n];
        if (pick == 2) memcpy(&b, &f, 4);
        memcpy(slot, &b, 4);
    } else {
        double d = (double)((int)random_below(r, 2001) - 1000) / 8;
        if (pick == 0) bits = double_edges[bits % n];
        if (pick == 2) memcpy(&bits, &d, 8);
        memcpy(slot, &bits, 8);
    }
}

/* Characters that need escapes (NUL among them), and one to four UTF-8
 * bytes. */
static const struct {
    char bytes[4];
    uint8_t len;
} pieces[] = {
    {"a", 1}, {"Z", 1}, {"0", 1}, {" ", 1}, {"_", 1}, {"\"", 1}, {"\\", 1}, {"'", 1},
    {"\n", 1}, {"\t", 1}, {"\r", 1}, {"\0", 1}, {"\x01", 1}, {"\x7f", 1},
    {"\xc3\xa9", 2}, {"\xe2\x82\xac", 3}, {"\xe0\xa0\x80", 3}, {"\xef\xbf\xbd", 3},
    {"\xf0\x9f\x98\x80", 4}, {"\xf4\x8f\xbf\xbf", 4},
};

/* Valid UTF-8 of up to max_len characters (often none). */
static candid_status text(candid_random *r, candid_slice *out, candid_arena *a) {
    size_t n = random_below(r, 4) ? (size_t)random_below(r, r->max_len + 1) : 0;
    uint8_t *p = alloc(a, 4 * n);
    if (!p) return CANDID_ERR_ARENA_FULL;
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        if (random_below(r, 2)) {
            p[len++] = (uint8_t)(' ' + random_below(r, 95));
        } else {
            size_t k = (size_t)random_below(r, sizeof pieces / sizeof pieces[0]);
            memcpy(p + len, pieces[k].bytes, pieces[k].len);
            len += pieces[k].len;
        }
    }
    out->ptr = p;
    out->len = len;
    return CANDID_OK;
}

/* The management canister (no bytes), the anonymous principal, 29 bytes
 * (the longest) and any length between. */
static candid_status principal(candid_random *r, candid_slice *out, candid_arena *a) {
    size_t n;
    switch (random_below(r, 4)) {
    case 0: n = 0; break;
    case 1: n = CANDID_PRINCIPAL_MAX_BYTES; break;
    case 2: n = 1; break;
    default: n = (size_t)random_below(r, CANDID_PRINCIPAL_MAX_BYTES + 1);
    }
    uint8_t *p = alloc(a, n);
    if (!p) return CANDID_ERR_ARENA_FULL;
    for (size_t i = 0; i < n; i++) p[i] = (uint8_t)candid_random_next(r);
    if (n == 1 && random_below(r, 2)) p[0] = 4; /* anonymous */
    out->ptr = p;
    out->len = n;
    return CANDID_OK;
}

/* Raw little-endian elements of a CANDID_REPR_SLICE vector. */
static candid_status raw_vec(candid_random *r, const candid_type *t, uint8_t *slot, candid_arena *a) {
    size_t n = (size_t)random_below(r, r->max_len + 1), es = t->inner->size;
    uint8_t *p = alloc(a, n * es);
    if (!p) return CANDID_ERR_ARENA_FULL;
    for (size_t i = 0; i < n * es; i++)
        p[i] = (uint8_t)(t->inner->kind == CANDID_BOOL ? random_below(r, 2) : candid_random_next(r));
    candid_slice v = {p, n * es};
    memcpy(slot, &v, sizeof v);
    return CANDID_OK;
}

candid_status random_leaf(candid_random *r, const candid_type *t, uint8_t *slot, candid_arena *a) {
    candid_status st = CANDID_OK;
    switch (t->kind) {
    case CANDID_NULL:
    case CANDID_RESERVED: break;
    case CANDID_BOOL: slot[0] = (uint8_t)random_below(r, 2); break;
    case CANDID_NAT:
        if (t->repr & CANDID_REPR_BIG) return bignum(r, 0, slot, a);
        store(slot, random_unsigned(r, 64), 8);
        break;
    case CANDID_INT:
        if (t->repr & CANDID_REPR_BIG) return bignum(r, 1, slot, a);
        store(slot, random_signed(r, 64), 8);
        break;
    case CANDID_NAT8:
    case CANDID_NAT16:
    case CANDID_NAT32:
    case CANDID_NAT64: store(slot, random_unsigned(r, 8 * t->size), t->size); break;
    case CANDID_INT8:
    case CANDID_INT16:
    case CANDID_INT32:
    case CANDID_INT64: store(slot, random_signed(r, 8 * t->size), t->size); break;
    case CANDID_FLOAT32:
    case CANDID_FLOAT64: floating(r, t->kind == CANDID_FLOAT32, slot); break;
    case CANDID_TEXT: {
        candid_slice v;
        st = text(r, &v, a);
        memcpy(slot, &v, sizeof v);
        break;
    }
    case CANDID_PRINCIPAL:
    case CANDID_SERVICE: {
        candid_slice v;
        st = principal(r, &v, a);
        memcpy(slot, &v, sizeof v);
        break;
    }
    case CANDID_FUNC: {
        candid_funcref f;
        st = principal(r, &f.principal, a);
        if (!st) st = text(r, &f.method, a);
        memcpy(slot, &f, sizeof f);
        break;
    }
    case CANDID_VEC:
        if (t->repr & CANDID_REPR_SLICE) return raw_vec(r, t, slot, a);
        return CANDID_ERR_BAD_TYPE;
    default: return CANDID_ERR_BAD_TYPE;
    }
    return st;
}
