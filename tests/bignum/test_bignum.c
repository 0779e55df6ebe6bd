/* Bignum conversions: LEB128/SLEB128 <-> mp_int <-> text, at the 64-bit
 * edges and at thousands of digits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "candid/bignum.h"
#include "candid/wire.h"

static uint8_t mem[1 << 16];

/* text -> (S)LEB128 bytes -> text */
static candid_bignum encode(const char *text, int is_signed) {
    static candid_arena a;
    candid_arena_init(&a, mem, sizeof mem);
    mp_int m;
    assert_int_equal(mp_init(&m), MP_OKAY);
    assert_int_equal(candid_mp_from_text(text, strlen(text), &m), CANDID_OK);
    candid_bignum b;
    assert_int_equal(candid_bignum_from_mp(&m, is_signed, &a, &b), CANDID_OK);
    mp_clear(&m);
    return b;
}

static void decode_text(candid_bignum b, int grouped, char *out, size_t cap) {
    mp_int m;
    size_t len;
    assert_int_equal(mp_init(&m), MP_OKAY);
    assert_int_equal(candid_bignum_to_mp(b, &m), CANDID_OK);
    assert_int_equal(candid_mp_to_text(&m, grouped, out, cap, &len), CANDID_OK);
    assert_int_equal(len, strlen(out));
    mp_clear(&m);
}

static void small_vectors(void **state) {
    (void)state;
    candid_bignum b = encode("624485", 0);
    assert_int_equal(b.len, 3);
    assert_memory_equal(b.ptr, "\xe5\x8e\x26", 3);
    b = encode("-123456", 1);
    assert_int_equal(b.len, 3);
    assert_memory_equal(b.ptr, "\xc0\xbb\x78", 3);
    b = encode("0", 0);
    assert_int_equal(b.len, 1);
    assert_int_equal(b.ptr[0], 0);
    b = encode("64", 1); /* needs a second byte for the sign */
    assert_int_equal(b.len, 2);
    assert_memory_equal(b.ptr, "\xc0\x00", 2);
    b = encode("-1", 1);
    assert_int_equal(b.len, 1);
    assert_int_equal(b.ptr[0], 0x7f);
    b = encode("0xf_f", 0);
    assert_memory_equal(b.ptr, "\xff\x01", 2);
    b = encode("1_000_000", 0);
    char text[64];
    decode_text(b, 1, text, sizeof text);
    assert_string_equal(text, "1_000_000");
    decode_text(b, 0, text, sizeof text);
    assert_string_equal(text, "1000000");
}

static void around_two_to_the_64(void **state) {
    (void)state;
    static const struct { const char *text; int is_signed; const char *bytes; size_t n; } v[] = {
        {"18446744073709551615", 0, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 10},
        {"18446744073709551616", 0, "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x02", 10},
        {"18446744073709551617", 0, "\x81\x80\x80\x80\x80\x80\x80\x80\x80\x02", 10},
        {"-18446744073709551615", 1, "\x81\x80\x80\x80\x80\x80\x80\x80\x80\x7e", 10},
        {"-18446744073709551616", 1, "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x7e", 10},
        {"-18446744073709551617", 1, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7d", 10},
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        candid_bignum b = encode(v[i].text, v[i].is_signed);
        assert_int_equal(b.len, v[i].n);
        assert_memory_equal(b.ptr, v[i].bytes, v[i].n);
        char text[64];
        decode_text(b, 0, text, sizeof text);
        assert_string_equal(text, v[i].text);
    }
    uint64_t u;
    assert_int_equal(candid_bignum_to_u64(encode("18446744073709551615", 0), &u), CANDID_OK);
    assert_true(u == UINT64_MAX);
    assert_int_equal(candid_bignum_to_u64(encode("18446744073709551616", 0), &u), CANDID_ERR_RANGE);
}

static void thousands_of_digits(void **state) {
    (void)state;
    enum { DIGITS = 3000 };
    static char text[DIGITS + 2], back[DIGITS + 2000];
    text[0] = '-';
    for (int i = 1; i <= DIGITS; i++) text[i] = (char)('1' + (i * 7) % 9);
    text[DIGITS + 1] = 0;
    candid_bignum b = encode(text, 1);
    /* 3000 decimal digits are about 9966 bits: 1424 groups of 7 */
    assert_int_equal(b.len, 1424);
    decode_text(b, 0, back, sizeof back);
    assert_string_equal(back, text);
    candid_bignum n = encode(text + 1, 0);
    decode_text(n, 0, back, sizeof back);
    assert_string_equal(back, text + 1);
    size_t len;
    mp_int m;
    assert_int_equal(mp_init(&m), MP_OKAY);
    assert_int_equal(candid_bignum_to_mp(n, &m), CANDID_OK);
    char small[16];
    assert_int_equal(candid_mp_to_text(&m, 1, small, sizeof small, &len), CANDID_ERR_BUFFER_FULL);
    assert_int_equal(len, DIGITS + (DIGITS - 1) / 3);
    mp_clear(&m);
}

static void malformed_text_and_bytes(void **state) {
    (void)state;
    mp_int m;
    assert_int_equal(mp_init(&m), MP_OKAY);
    const char *bad[] = {"", "-", "_1", "1_", "1__0", "0x", "0x_f", "12a", "0xg"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(candid_mp_from_text(bad[i], strlen(bad[i]), &m), CANDID_ERR_SYNTAX);
    candid_bignum cut = {(const uint8_t *)"\x80", 1, 0};
    assert_int_equal(candid_bignum_to_mp(cut, &m), CANDID_ERR_TRUNCATED);
    candid_arena a;
    candid_arena_init(&a, mem, sizeof mem);
    candid_bignum out;
    assert_int_equal(candid_mp_from_text("-5", 2, &m), CANDID_OK);
    assert_int_equal(candid_bignum_from_mp(&m, 0, &a, &out), CANDID_ERR_RANGE);
    mp_clear(&m);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(small_vectors),
        cmocka_unit_test(around_two_to_the_64),
        cmocka_unit_test(thousands_of_digits),
        cmocka_unit_test(malformed_text_and_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
