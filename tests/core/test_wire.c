/* Wire primitives: LEB128/SLEB128 of any length, UTF-8, field hash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "candid/candid.h"

static void leb_reads_small_and_overlong(void **state) {
    (void)state;
    static const struct { uint8_t b[12]; size_t n; uint64_t v; } ok[] = {
        {{0x00}, 1, 0},
        {{0x7f}, 1, 127},
        {{0x80, 0x01}, 2, 128},
        {{0xff, 0x7f}, 2, 16383},
        {{0x80, 0x00}, 2, 0},                       /* overlong zero */
        {{0xff, 0x80, 0x80, 0x80, 0x00}, 5, 127},   /* overlong */
        {{0xe5, 0x8e, 0x26}, 3, 624485},
        {{0x80, 0x80, 0x98, 0xf4, 0xe9, 0xb5, 0xca, 0x6a}, 8, 60000000000000000ull},
        {{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, 10, UINT64_MAX},
        {{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x81, 0x80, 0x00}, 12, UINT64_MAX},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        size_t pos = 0;
        uint64_t v = 1;
        assert_int_equal(candid_read_leb(ok[i].b, ok[i].n, &pos, &v), CANDID_OK);
        assert_int_equal(pos, ok[i].n);
        assert_true(v == ok[i].v);
    }
}

static void leb_rejects_truncation_and_overflow(void **state) {
    (void)state;
    const uint8_t trunc[] = {0x80, 0x80};
    size_t pos = 0;
    uint64_t v;
    assert_int_equal(candid_read_leb(trunc, 2, &pos, &v), CANDID_ERR_TRUNCATED);
    assert_int_equal(pos, 0);
    assert_int_equal(candid_read_leb(trunc, 0, &pos, &v), CANDID_ERR_TRUNCATED);
    const uint8_t big[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02};
    assert_int_equal(candid_read_leb(big, sizeof big, &pos, &v), CANDID_ERR_LEB_OVERFLOW);
    const uint8_t big2[] = {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01};
    assert_int_equal(candid_read_leb(big2, sizeof big2, &pos, &v), CANDID_ERR_LEB_OVERFLOW);
    /* skipping never overflows */
    pos = 0;
    assert_int_equal(candid_skip_leb(big2, sizeof big2, &pos), CANDID_OK);
    assert_int_equal(pos, sizeof big2);
}

static void sleb_reads_signs_and_overlong(void **state) {
    (void)state;
    static const struct { uint8_t b[12]; size_t n; int64_t v; } ok[] = {
        {{0x00}, 1, 0},
        {{0x7f}, 1, -1},
        {{0x40}, 1, -64},
        {{0x3f}, 1, 63},
        {{0x80, 0x01}, 2, 128},
        {{0xff, 0x7f}, 2, -1},    /* overlong ones */
        {{0xff, 0x00}, 2, 127},   /* not overlong when signed */
        {{0x80, 0x7f}, 2, -128},
        {{0xc0, 0xbb, 0x78}, 3, -123456},
        {{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f}, 10, INT64_MIN},
        {{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00}, 10, INT64_MAX},
        {{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}, 11, -1},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        size_t pos = 0;
        int64_t v = 1;
        assert_int_equal(candid_read_sleb(ok[i].b, ok[i].n, &pos, &v), CANDID_OK);
        assert_int_equal(pos, ok[i].n);
        assert_true(v == ok[i].v);
    }
    const uint8_t over[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01};
    size_t pos = 0;
    int64_t v;
    assert_int_equal(candid_read_sleb(over, sizeof over, &pos, &v), CANDID_ERR_LEB_OVERFLOW);
    const uint8_t under[] = {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7e};
    assert_int_equal(candid_read_sleb(under, sizeof under, &pos, &v), CANDID_ERR_LEB_OVERFLOW);
}

static void leb_encoders_are_minimal(void **state) {
    (void)state;
    uint8_t out[10];
    assert_int_equal(candid_leb_encode(0, out), 1);
    assert_int_equal(out[0], 0);
    assert_int_equal(candid_leb_encode(624485, out), 3);
    assert_memory_equal(out, "\xe5\x8e\x26", 3);
    assert_int_equal(candid_leb_encode(UINT64_MAX, out), 10);
    assert_int_equal(out[9], 0x01);
    assert_int_equal(candid_sleb_encode(-123456, out), 3);
    assert_memory_equal(out, "\xc0\xbb\x78", 3);
    assert_int_equal(candid_sleb_encode(63, out), 1);
    assert_int_equal(candid_sleb_encode(64, out), 2);
    assert_memory_equal(out, "\xc0\x00", 2);
    assert_int_equal(candid_sleb_encode(-65, out), 2);
    assert_memory_equal(out, "\xbf\x7f", 2);
    assert_int_equal(candid_sleb_encode(INT64_MIN, out), 10);
    assert_int_equal(out[9], 0x7f);
}

static void bignum_conversions_check_range(void **state) {
    (void)state;
    uint64_t u;
    int64_t s;
    candid_bignum n = {(const uint8_t *)"\xe5\x8e\x26", 3, 0};
    assert_int_equal(candid_bignum_to_u64(n, &u), CANDID_OK);
    assert_true(u == 624485);
    candid_bignum neg = {(const uint8_t *)"\xc0\xbb\x78", 3, 1};
    assert_int_equal(candid_bignum_to_i64(neg, &s), CANDID_OK);
    assert_true(s == -123456);
    assert_int_equal(candid_bignum_to_u64(neg, &u), CANDID_ERR_RANGE);
    candid_bignum two64 = {(const uint8_t *)"\x80\x80\x80\x80\x80\x80\x80\x80\x80\x02", 10, 0};
    assert_int_equal(candid_bignum_to_u64(two64, &u), CANDID_ERR_RANGE);
    candid_bignum two63 = {(const uint8_t *)"\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01", 10, 0};
    assert_int_equal(candid_bignum_to_u64(two63, &u), CANDID_OK);
    assert_true(u == (uint64_t)1 << 63);
    assert_int_equal(candid_bignum_to_i64(two63, &s), CANDID_ERR_RANGE);
    candid_bignum partial = {(const uint8_t *)"\x80", 1, 0};
    assert_int_equal(candid_bignum_to_u64(partial, &u), CANDID_ERR_TRUNCATED);
    candid_bignum extra = {(const uint8_t *)"\x01\x01", 2, 0};
    assert_int_equal(candid_bignum_to_u64(extra, &u), CANDID_ERR_TRUNCATED);
}

static void utf8_accepts_and_rejects(void **state) {
    (void)state;
    assert_true(candid_utf8_valid((const uint8_t *)"", 0));
    assert_true(candid_utf8_valid((const uint8_t *)"Motoko, the language of canisters", 33));
    assert_true(candid_utf8_valid((const uint8_t *)"\xe2\x98\x83", 3));           /* U+2603 */
    assert_true(candid_utf8_valid((const uint8_t *)"\xf0\x9f\x90\x82", 4));       /* U+1F402 */
    assert_true(candid_utf8_valid((const uint8_t *)"\xf4\x8f\xbf\xbf", 4));       /* U+10FFFF */
    assert_false(candid_utf8_valid((const uint8_t *)"\xe2\x28\xa1", 3));
    assert_false(candid_utf8_valid((const uint8_t *)"\xe2\x98", 2));              /* cut */
    assert_false(candid_utf8_valid((const uint8_t *)"\xc0\x80", 2));              /* overlong */
    assert_false(candid_utf8_valid((const uint8_t *)"\xe0\x80\x80", 3));          /* overlong */
    assert_false(candid_utf8_valid((const uint8_t *)"\xed\xa0\x80", 3));          /* surrogate */
    assert_false(candid_utf8_valid((const uint8_t *)"\xf4\x90\x80\x80", 4));      /* > U+10FFFF */
    assert_false(candid_utf8_valid((const uint8_t *)"\xff", 1));
    assert_false(candid_utf8_valid((const uint8_t *)"abcdefgh\x80", 9));          /* after a fast run */
}

/* Decodes code points one at a time: slow and plainly per RFC 3629, to
 * check the word-at-a-time validator against. */
static int utf8_reference(const uint8_t *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        uint32_t c = s[i], cp, need;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xc0 && c < 0xe0) { need = 1; cp = c & 0x1f; }
        else if (c >= 0xe0 && c < 0xf0) { need = 2; cp = c & 0x0f; }
        else if (c >= 0xf0 && c < 0xf8) { need = 3; cp = c & 0x07; }
        else return 0;
        if (n - i - 1 < need) return 0;
        for (uint32_t k = 1; k <= need; k++) {
            if ((s[i + k] & 0xc0) != 0x80) return 0;
            cp = cp << 6 | (s[i + k] & 0x3f);
        }
        static const uint32_t min[] = {0, 0x80, 0x800, 0x10000};
        if (cp < min[need] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
        i += need + 1;
    }
    return 1;
}

static void utf8_agrees_with_reference_at_every_length(void **state) {
    (void)state;
    /* Every length from 0 to 140 (the short-text, 64-, 32- and 8-byte and
     * tail paths), with
     * each interesting byte at each position of an ASCII text, and then
     * pseudo-random texts drawn from the same bytes. */
    static const uint8_t pick[] = {'a', 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0,
                                   0xed, 0xef, 0xa0, 0x9f, 0xf0, 0xf4, 0x90, 0x8f, 0xf5, 0xff};
    uint8_t buf[140];
    unsigned checked = 0, accepted = 0;
    for (size_t n = 0; n <= sizeof buf; n++) {
        for (size_t at = 0; at < n; at++) {
            for (size_t b = 0; b < sizeof pick; b++) {
                memset(buf, 'x', n);
                buf[at] = pick[b];
                assert_int_equal(candid_utf8_valid(buf, n), utf8_reference(buf, n));
                checked++;
            }
        }
        memset(buf, 'x', n);
        assert_true(candid_utf8_valid(buf, n));
    }
    uint32_t seed = 12345;
    for (unsigned round = 0; round < 200000; round++) {
        seed = seed * 1103515245u + 12345u;
        size_t n = (seed >> 16) % (sizeof buf + 1);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            /* mostly ASCII, so that valid texts are common too */
            buf[i] = (seed >> 20) % 4 ? 'q' : pick[(seed >> 8) % sizeof pick];
        }
        int want = utf8_reference(buf, n);
        assert_int_equal(candid_utf8_valid(buf, n), want);
        accepted += (unsigned)want;
        checked++;
    }
    assert_int_equal(checked, 377660); /* (0 + 1 + ... + 140) * 18 + 200000 */
    assert_int_equal(accepted, 6482); /* as many as Python's UTF-8 decoder accepts */
}

static void field_hash_matches_spec(void **state) {
    (void)state;
    assert_int_equal(candid_hash("foo", 3), 5097222);
    assert_int_equal(candid_hash("bar", 3), 4895187);
    assert_int_equal(candid_hash("", 0), 0);
    assert_int_equal(candid_hash("\xe2\x98\x83", 3), 11272781);  /* "☃" as in the suite */
    assert_int_equal(candid_hash("head", 4), 1158359328);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(leb_reads_small_and_overlong),
        cmocka_unit_test(leb_rejects_truncation_and_overflow),
        cmocka_unit_test(sleb_reads_signs_and_overlong),
        cmocka_unit_test(leb_encoders_are_minimal),
        cmocka_unit_test(bignum_conversions_check_range),
        cmocka_unit_test(utf8_accepts_and_rejects),
        cmocka_unit_test(utf8_agrees_with_reference_at_every_length),
        cmocka_unit_test(field_hash_matches_spec),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
