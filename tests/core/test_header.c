/* Type-table well-formedness (spec "Binary Format" > "Types"): each rule
 * accepted and rejected, with the exact status and byte offset. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "support.h"

static const candid_type no_args = {.kind = CANDID_RECORD};

static guarded work_g, arena_g;

static candid_status decode_unit(const uint8_t *msg, size_t len, size_t *off) {
    uint8_t *work = guard_init(&work_g, 1 << 16);
    uint8_t *mem = guard_init(&arena_g, 1 << 12);
    candid_decoder d;
    candid_decoder_init(&d, work, 1 << 16);
    candid_arena a;
    candid_arena_init(&a, mem, 1 << 12);
    candid_status st = candid_decode(&d, msg, len, &no_args, NULL, &a);
    assert_true(guard_intact(&work_g));
    assert_true(guard_intact(&arena_g));
    if (off) *off = d.error_offset;
    return st;
}

typedef struct vec {
    const char *msg;
    size_t len;
    candid_status want;
    size_t off;
} vec;

#define V(lit, st, off) {lit, sizeof(lit) - 1, st, off}

static void run(const vec *v, size_t n) {
    for (size_t i = 0; i < n; i++) {
        size_t off = 0;
        candid_status st = decode_unit((const uint8_t *)v[i].msg, v[i].len, &off);
        if (st != v[i].want || off != v[i].off) {
            print_error("vector %zu: got %s at %zu, want %s at %zu\n", i,
                        candid_status_name(st), off, candid_status_name(v[i].want), v[i].off);
            fail();
        }
    }
}

static void magic_and_lengths(void **state) {
    (void)state;
    static const vec v[] = {
        V("", CANDID_ERR_TRUNCATED, 0),
        V("DID", CANDID_ERR_TRUNCATED, 0),
        V("\0\0", CANDID_ERR_MAGIC, 0),
        V("DADL\0\0", CANDID_ERR_MAGIC, 0),
        V("DIDL\0\0", CANDID_OK, 6),
        V("DIDL\x80\0\0", CANDID_OK, 7),           /* overlong table length */
        V("DIDL\0\x80\0", CANDID_OK, 7),           /* overlong argument count */
        V("DIDL\0\0\0", CANDID_ERR_TRAILING, 6),
        V("DIDL\0\x01\x7f", CANDID_OK, 7),         /* extra arguments ignored */
        V("DIDL\x80\x94\xeb\xdc\x03\0", CANDID_ERR_LIMIT, 9),
        V("DIDL\0\x80\x94\xeb\xdc\x03", CANDID_ERR_TRUNCATED, 10),
    };
    run(v, sizeof v / sizeof v[0]);
}

static void table_entries_must_be_constructors(void **state) {
    (void)state;
    static const vec v[] = {
        V("DIDL\x01\x6e\x6f\0", CANDID_OK, 8),               /* unused type */
        V("DIDL\x02\x6e\x6f\x6e\x6f\0", CANDID_OK, 10),      /* repeated */
        V("DIDL\x01\x6e\x00\0", CANDID_OK, 8),               /* recursive */
        V("DIDL\x01\x7f\0", CANDID_ERR_BAD_OPCODE, 5),       /* primitive */
        V("DIDL\x01\x68\0", CANDID_ERR_BAD_OPCODE, 5),       /* principal */
        V("DIDL\x01\x00\0", CANDID_ERR_BAD_OPCODE, 5),       /* index */
        V("DIDL\x02\x6d\x7f\x00\0", CANDID_ERR_BAD_OPCODE, 7),
        V("DIDL\x01\x6e\x01\0", CANDID_ERR_BAD_INDEX, 6),    /* out of range */
        V("DIDL\x00\x01\x00", CANDID_ERR_BAD_INDEX, 6),      /* arg out of range */
        V("DIDL\x00\x01\x6e", CANDID_ERR_BAD_OPCODE, 6),     /* constructor as arg */
        V("DIDL\x00\x01\x5e", CANDID_ERR_BAD_OPCODE, 6),     /* unknown opcode as arg */
        /* fuzz finding: the most negative SLEB128 as an argument type */
        V("DIDL\x00\x01\x80\x80\x80\x80\x80\x80\x80\x80\x80\x7f", CANDID_ERR_BAD_OPCODE, 6),
        V("DIDL\x01\x6e", CANDID_ERR_TRUNCATED, 6),
        V("DIDL\x00\x03\x7f\x7f", CANDID_ERR_TRUNCATED, 6),
    };
    run(v, sizeof v / sizeof v[0]);
}

static void record_and_variant_fields(void **state) {
    (void)state;
    static const vec v[] = {
        V("DIDL\x01\x6c\x02\x00\x7c\x01\x7e\0", CANDID_OK, 12),
        V("DIDL\x01\x6c\x02\x00\x7c\x00\x7e\0", CANDID_ERR_FIELD_ORDER, 9),  /* duplicate */
        V("DIDL\x01\x6c\x02\x01\x7c\x00\x7e\0", CANDID_ERR_FIELD_ORDER, 9),  /* unsorted */
        V("DIDL\x01\x6b\x02\x01\x7f\x00\x7f\0", CANDID_ERR_FIELD_ORDER, 9),
        V("DIDL\x01\x6c\x01\x80\xe4\x97\xd0\x12\x7c\0", CANDID_ERR_FIELD_ID, 7),
        V("DIDL\x01\x6b\x03\x00\x7f\x01\x7f\xff\xff\xff\xff\x0f\x7f\0", CANDID_OK, 18),
        /* ids of five bytes and more: 2^32 is out, overlong forms are in */
        V("DIDL\x01\x6c\x01\x80\x80\x80\x80\x10\x7c\0", CANDID_ERR_FIELD_ID, 7),
        V("DIDL\x01\x6c\x01\x81\x80\x80\x80\x00\x7c\0", CANDID_OK, 14),
        V("DIDL\x01\x6c\x01\x81\x80\x80\x80\x80\x00\x7c\0", CANDID_OK, 15),
        V("DIDL\x01\x6c\x02\x81\x80\x80\x80\x00\x7c\x01\x7c\0", CANDID_ERR_FIELD_ORDER, 13),
        V("DIDL\x01\x6c\x80\x94\xeb\xdc\x03\x00\x7f\x00\x7f", CANDID_ERR_TRUNCATED, 11),
        V("DIDL\x01\x6c\x02\x00\x01\x01\x7e\0", CANDID_ERR_BAD_INDEX, 8),
    };
    run(v, sizeof v / sizeof v[0]);
}

static void functions_and_services(void **state) {
    (void)state;
    static const vec v[] = {
        V("DIDL\x01\x6a\x01\x71\x01\x7d\x01\x01\0", CANDID_OK, 13),
        V("DIDL\x01\x6a\x01\x71\x01\x7d\x01\x03\0", CANDID_OK, 13),
        V("DIDL\x01\x6a\x01\x71\x01\x7d\x01\x80\x01\0", CANDID_ERR_BAD_ANNOTATION, 11),
        V("DIDL\x01\x6a\x01\x69\x01\x7d\x00\0", CANDID_ERR_BAD_OPCODE, 7),
        /* methods sorted by name bytes, types must be functions */
        V("DIDL\x02\x6a\x00\x00\x00\x69\x02\x03" "foo\x00\x04" "foo2\x00\0", CANDID_OK, 23),
        V("DIDL\x02\x6a\x00\x00\x00\x69\x02\x04" "foo2\x00\x03" "foo\x00\0", CANDID_ERR_BAD_SERVICE, 17),
        V("DIDL\x02\x6a\x00\x00\x00\x69\x02\x03" "foo\x00\x03" "foo\x00\0", CANDID_ERR_BAD_SERVICE, 16),
        V("DIDL\x02\x6e\x7e\x69\x01\x03" "foo\x00\0", CANDID_ERR_BAD_SERVICE, 14),
        V("DIDL\x01\x69\x01\x03" "foo\x68\0", CANDID_ERR_BAD_SERVICE, 12),
        V("DIDL\x02\x6a\x00\x00\x00\x69\x01\x03\xe2\x28\xa1\x00\0", CANDID_ERR_UTF8, 12),
    };
    run(v, sizeof v / sizeof v[0]);
}

static void future_types_are_skipped(void **state) {
    (void)state;
    static const vec v[] = {
        V("DIDL\x01\x67\x00\0", CANDID_OK, 8),
        V("DIDL\x01\x67\x03" "ABC" "\0", CANDID_OK, 11),
        V("DIDL\x01\x67\x80\x94\xeb\xdc\x03\0\0", CANDID_ERR_TRUNCATED, 11),
        /* a future value: m bytes and n references */
        V("DIDL\x01\x67\x00\x01\x00\x02\x00" "ab", CANDID_OK, 13),
        V("DIDL\x01\x67\x00\x01\x00\x80\x94\xeb\xdc\x03\x00", CANDID_ERR_TRUNCATED, 15),
    };
    run(v, sizeof v / sizeof v[0]);
}

/* Large hostile tables: parsing and planning them is linear in their bytes,
 * and the limits stop them at exact offsets. */
static uint8_t big[1 << 16];

static candid_status decode_big(const candid_limits *lim, size_t len, size_t *off) {
    uint8_t *work = guard_init(&work_g, 1 << 20);
    uint8_t *mem = guard_init(&arena_g, 1 << 12);
    candid_decoder d;
    candid_decoder_init(&d, work, 1 << 20);
    if (lim) d.limits = *lim;
    candid_arena a;
    candid_arena_init(&a, mem, 1 << 12);
    candid_status st = candid_decode(&d, big, len, &no_args, NULL, &a);
    assert_true(guard_intact(&work_g));
    assert_true(guard_intact(&arena_g));
    *off = d.error_offset;
    return st;
}

/* n entries, entry i = opt (i + 1), the last opt null; one argument of
 * type 0, the value null. Returns the message length. */
static size_t opt_chain(uint32_t n) {
    size_t len = 4;
    memcpy(big, "DIDL", 4);
    len += candid_leb_encode(n, big + len);
    for (uint32_t i = 0; i < n; i++) {
        big[len++] = 0x6e;
        len += candid_sleb_encode(i + 1 < n ? (int64_t)i + 1 : -CANDID_NULL, big + len);
    }
    big[len++] = 1;
    big[len++] = 0;
    big[len++] = 0;
    return len;
}

static void large_hostile_tables(void **state) {
    (void)state;
    /* (the work memory holds about 2500 entries' plans) */
    size_t off, len = opt_chain(2048);
    assert_int_equal(decode_big(NULL, len, &off), CANDID_OK);
    assert_int_equal(off, len);
    len = opt_chain(4097); /* one more entry than the limit allows */
    assert_int_equal(decode_big(NULL, len, &off), CANDID_ERR_LIMIT);
    assert_int_equal(off, 6);

    /* one record of 2000 null fields, 5880 bytes, against a 4096-byte
     * limit: refused at the end of the entry */
    candid_limits lim;
    candid_limits_default(&lim);
    lim.max_table_bytes = 4096;
    len = 4;
    memcpy(big, "DIDL\x01\x6c", 6);
    len = 6 + candid_leb_encode(2000, big + 6);
    for (uint32_t i = 0; i < 2000; i++) {
        len += candid_leb_encode(i, big + len);
        big[len++] = 0x7f;
    }
    assert_int_equal(len, 5880);
    memcpy(big + len, "\x01\x00\x00\x00", 4); /* record with 2000 nulls: no bytes */
    assert_int_equal(decode_big(&lim, len + 2, &off), CANDID_ERR_LIMIT);
    assert_int_equal(off, 5880);
    lim.max_table_bytes = 5882; /* the limit counts the argument types too */
    assert_int_equal(decode_big(&lim, len + 2, &off), CANDID_OK);
    assert_int_equal(off, len + 2);

    /* counts far beyond the bytes that follow fail before any work */
    static const vec v[] = {
        V("DIDL\x01\x6c\xff\xff\xff\xff\x0f\0", CANDID_ERR_TRUNCATED, 11),
        V("DIDL\x01\x6b\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", CANDID_ERR_TRUNCATED, 16),
        V("DIDL\x01\x69\xff\xff\xff\x7f\0", CANDID_ERR_TRUNCATED, 10),
        V("DIDL\x01\x6a\xff\xff\xff\x7f\0", CANDID_ERR_TRUNCATED, 10),
    };
    run(v, sizeof v / sizeof v[0]);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(magic_and_lengths),
        cmocka_unit_test(table_entries_must_be_constructors),
        cmocka_unit_test(record_and_variant_fields),
        cmocka_unit_test(functions_and_services),
        cmocka_unit_test(future_types_are_skipped),
        cmocka_unit_test(large_hostile_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
