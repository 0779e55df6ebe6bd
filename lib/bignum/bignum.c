/* LEB128/SLEB128 <-> mp_int <-> text; see include/candid/bignum.h. */
#include <stdlib.h>
#include <string.h>

#include "candid/bignum.h"
#include "candid/wire.h"

candid_status candid_bignum_to_mp(candid_bignum b, mp_int *out) {
    size_t end = 0;
    if (!b.len || candid_skip_leb(b.ptr, b.len, &end) || end != b.len) return CANDID_ERR_TRUNCATED;
    mp_zero(out);
    /* Most significant group first: shift in 7 bits at a time. */
    for (size_t i = b.len; i-- > 0;) {
        if (mp_mul_2d(out, 7, out) != MP_OKAY || mp_add_d(out, b.ptr[i] & 0x7f, out) != MP_OKAY)
            return CANDID_ERR_ARENA_FULL;
    }
    if (b.is_signed && (b.ptr[b.len - 1] & 0x40)) {
        /* Negative: subtract 2^(7 * len). */
        mp_int p;
        if (mp_init(&p) != MP_OKAY) return CANDID_ERR_ARENA_FULL;
        mp_err e = mp_2expt(&p, (int)(7 * b.len));
        if (e == MP_OKAY) e = mp_sub(out, &p, out);
        mp_clear(&p);
        if (e != MP_OKAY) return CANDID_ERR_ARENA_FULL;
    }
    return CANDID_OK;
}

candid_status candid_bignum_from_mp(const mp_int *v, int is_signed, candid_arena *arena,
                                    candid_bignum *out) {
    int neg = mp_isneg(v) == MP_YES;
    if (!is_signed && neg) return CANDID_ERR_RANGE;
    /* All 7-bit groups of v, in two's complement (v + 2^(7k)) when negative;
     * one spare group leaves room for the sign. Then drop the groups that
     * only repeat the sign, for the minimal encoding. */
    size_t groups = ((size_t)mp_count_bits(v) + 1) / 7 + 1;
    uint8_t *buf = candid_arena_alloc(arena, groups, 1);
    if (!buf) return CANDID_ERR_ARENA_FULL;
    mp_int x;
    if (mp_init_copy(&x, v) != MP_OKAY) return CANDID_ERR_ARENA_FULL;
    mp_err e = MP_OKAY;
    if (neg) {
        mp_int p;
        e = mp_init(&p);
        if (e == MP_OKAY) e = mp_2expt(&p, (int)(7 * groups));
        if (e == MP_OKAY) e = mp_add(&x, &p, &x);
        mp_clear(&p);
    }
    for (size_t i = 0; i < groups && e == MP_OKAY; i++) {
        buf[i] = (uint8_t)(x.used ? x.dp[0] & 0x7f : 0);
        e = mp_div_2d(&x, 7, &x, NULL);
    }
    mp_clear(&x);
    if (e != MP_OKAY) return CANDID_ERR_ARENA_FULL;
    size_t n = groups;
    if (is_signed) {
        while (n > 1 && ((buf[n - 1] == 0 && !(buf[n - 2] & 0x40)) ||
                         (buf[n - 1] == 0x7f && (buf[n - 2] & 0x40))))
            n--;
    } else {
        while (n > 1 && buf[n - 1] == 0) n--;
    }
    for (size_t i = 0; i + 1 < n; i++) buf[i] |= 0x80;
    out->ptr = buf;
    out->len = n;
    out->is_signed = (uint8_t)(is_signed != 0);
    return CANDID_OK;
}

candid_status candid_mp_from_text(const char *s, size_t n, mp_int *out) {
    size_t i = 0;
    int neg = 0;
    if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    int radix = 10;
    if (n - i > 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
        radix = 16;
        i += 2;
    }
    char *digits = malloc(n - i + 1);
    if (!digits) return CANDID_ERR_ARENA_FULL;
    size_t k = 0;
    int prev_digit = 0;
    for (; i < n; i++) {
        char c = s[i];
        int ok = radix == 10 ? (c >= '0' && c <= '9')
                             : ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
        if (ok) {
            digits[k++] = c;
            prev_digit = 1;
        } else if (c == '_' && prev_digit && i + 1 < n) {
            prev_digit = 0;
        } else {
            free(digits);
            return CANDID_ERR_SYNTAX;
        }
    }
    digits[k] = 0;
    if (!k || !prev_digit) {
        free(digits);
        return CANDID_ERR_SYNTAX;
    }
    mp_err e = mp_read_radix(out, digits, radix);
    free(digits);
    if (e == MP_OKAY && neg) e = mp_neg(out, out);
    return e == MP_OKAY ? CANDID_OK : CANDID_ERR_SYNTAX;
}

candid_status candid_mp_to_text(const mp_int *v, int grouped, char *out, size_t cap,
                                size_t *len) {
    int size = 0;
    if (mp_radix_size(v, 10, &size) != MP_OKAY) return CANDID_ERR_ARENA_FULL;
    char *plain = malloc((size_t)size + 1);
    if (!plain) return CANDID_ERR_ARENA_FULL;
    size_t w = 0;
    if (mp_to_radix(v, plain, (size_t)size + 1, &w, 10) != MP_OKAY) {
        free(plain);
        return CANDID_ERR_ARENA_FULL;
    }
    size_t plen = strlen(plain);
    size_t sign = plain[0] == '-';
    size_t nd = plen - sign;
    size_t need = plen + (grouped && nd > 3 ? (nd - 1) / 3 : 0);
    *len = need;
    if (need + 1 > cap) {
        free(plain);
        return CANDID_ERR_BUFFER_FULL;
    }
    size_t o = 0;
    if (sign) out[o++] = '-';
    for (size_t i = 0; i < nd; i++) {
        if (grouped && i > 0 && (nd - i) % 3 == 0) out[o++] = '_';
        out[o++] = plain[sign + i];
    }
    out[o] = 0;
    free(plain);
    return CANDID_OK;
}
