/* candid_decoder_error_path: where a decode failed, as exact strings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "support.h"

static uint8_t work[1 << 16], arena_mem[1 << 16], cache_mem[1 << 16];
static char line[256];

/* Decodes and returns the error line (NULL when the decode succeeded). */
static const char *path_of(const uint8_t *msg, size_t len, const candid_type *args,
                           candid_cache *cache, size_t work_cap) {
    static uint8_t out[256];
    candid_decoder d;
    candid_decoder_init(&d, work, work_cap);
    d.cache = cache;
    candid_arena a;
    candid_arena_init(&a, arena_mem, sizeof arena_mem);
    if (candid_decode(&d, msg, len, args, out, &a) == CANDID_OK) {
        assert_int_equal(candid_decoder_error_path(&d, line, sizeof line), CANDID_ERR_ARGUMENT);
        return NULL;
    }
    assert_int_equal(candid_decoder_error_path(&d, line, sizeof line), CANDID_OK);
    return line;
}

#define PATH(lit, args) path_of((const uint8_t *)(lit), sizeof(lit) - 1, &(args), NULL, sizeof work)

/* record { to : record { owner : principal; subaccount : opt blob };
 *          amount : nat }, with names and without */
static const candid_type nat8_t = {.kind = CANDID_NAT8, .size = 1, .align = 1};
static const candid_type nat_t = {.kind = CANDID_NAT, .size = 8, .align = 8};
static const candid_type text_t = {.kind = CANDID_TEXT, .size = sizeof(candid_slice), .align = 8};
static const candid_type blob_t = {.kind = CANDID_VEC, .repr = CANDID_REPR_SLICE,
                                   .size = sizeof(candid_slice), .align = 8, .inner = &nat8_t};
static const candid_type opt_blob_t = {.kind = CANDID_OPT, .repr = CANDID_REPR_BOXED, .size = 8,
                                       .align = 8, .inner = &blob_t};
static const candid_type principal_t = {.kind = CANDID_PRINCIPAL, .size = sizeof(candid_slice),
                                        .align = 8};
#define ACCOUNT(T, n1, n2)                                                                   \
    static const candid_field T##_f[] = {                                                    \
        {.id = 947296307, .offset = 0, .type = &principal_t, .name = n1},                       \
        {.id = 1349681965, .offset = 16, .type = &opt_blob_t, .name = n2},                      \
    };                                                                                          \
    static const candid_type T = {.kind = CANDID_RECORD, .size = 24, .align = 8, .count = 2, \
                                     .fields = T##_f}
#define TRANSFER(T, account, n1, n2)                                                       \
    static const candid_field T##_f[] = {                                                  \
        {.id = 25979, .offset = 0, .type = &account, .name = n1},                             \
        {.id = 3573748184u, .offset = 24, .type = &nat_t, .name = n2},                        \
    };                                                                                        \
    static const candid_type T##_rec = {.kind = CANDID_RECORD, .size = 32, .align = 8,     \
                                           .count = 2, .fields = T##_f};                   \
    static const candid_field T##_a[] = {{.id = 0, .offset = 0, .type = &T##_rec}};     \
    static const candid_type T = {.kind = CANDID_RECORD, .size = 32, .align = 8, .count = 1, \
                                     .fields = T##_a}
ACCOUNT(account_t, "owner", "subaccount");
TRANSFER(transfer_args, account_t, "to", "amount");
ACCOUNT(account_anon, NULL, NULL);
TRANSFER(transfer_anon, account_anon, NULL, NULL);

/* wire: record { to : record { owner : text; subaccount : opt blob }; amount : nat } */
#define OWNER_TEXT                                                                            \
    "DIDL\x04\x6c\x02\xfb\xca\x01\x01\xd8\xa3\x8c\xa8\x0d\x7d\x6c\x02\xb3\xb0\xda\xc3\x03\x71" \
    "\xad\x86\xca\x83\x05\x02\x6e\x03\x6d\x7b\x01\x00\x03\x61\x62\x63\x00\x05"

static void fields_by_name_and_by_id(void **state) {
    (void)state;
    assert_string_equal(PATH(OWNER_TEXT, transfer_args),
                        "argument 0 .to .owner: expected principal, found text at byte 37");
    assert_string_equal(PATH(OWNER_TEXT, transfer_anon),
                        "argument 0 .25979 .947296307: expected principal, found text at byte 37");
}

static void the_same_from_the_cache(void **state) {
    (void)state;
    candid_cache c;
    assert_int_equal(candid_cache_init(&c, cache_mem, sizeof cache_mem, 2), CANDID_OK);
    for (int round = 0; round < 2; round++) {
        assert_string_equal(path_of((const uint8_t *)OWNER_TEXT, sizeof OWNER_TEXT - 1,
                                    &transfer_args, &c, sizeof work),
                            "argument 0 .to .owner: expected principal, found text at byte 37");
    }
    assert_int_equal(c.hits, 1);
}

/* vec variant { Ok : nat; Err : text } at vec variant { Ok : nat }: the
 * third element's case is not expected. */
static const candid_field ok_f[] = {{.id = 17724, .offset = 8, .type = &nat_t, .name = "Ok"}};
static const candid_type ok_t = {.kind = CANDID_VARIANT, .size = 16, .align = 8, .count = 1, .fields = ok_f};
static const candid_type vec_ok_t = {.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8, .inner = &ok_t};
static const candid_field vec_ok_a[] = {{.id = 0, .offset = 0, .type = &vec_ok_t}};
static const candid_type vec_ok_args = {.kind = CANDID_RECORD, .size = 16, .align = 8, .count = 1, .fields = vec_ok_a};

static void vector_elements_and_cases(void **state) {
    (void)state;
    assert_string_equal(PATH("DIDL\x02\x6d\x01\x6b\x02\xbc\x8a\x01\x7d\xc5\xfe\xd2\x01\x71\x01\x00"
                             "\x03\x00\x01\x00\x02\x01\x02no",
                             vec_ok_args),
                        "argument 0 [2] .3456837: a variant case the expected type lacks at byte 26");
    /* the case that is expected but whose value does not coerce */
    assert_string_equal(PATH("DIDL\x02\x6d\x01\x6b\x01\xbc\x8a\x01\x71\x01\x00\x02\x00\x01x\x00\x01y",
                             vec_ok_args),
                        "argument 0 [0] .Ok: expected nat, found text at byte 17");
}

/* record { a : nat8; b : vec text } at record { a : nat8 }: b is skipped,
 * and still validated. */
static const candid_field a_f[] = {{.id = 97, .offset = 0, .type = &nat8_t, .name = "a"}};
static const candid_type a_rec = {.kind = CANDID_RECORD, .size = 1, .align = 1, .count = 1, .fields = a_f};
static const candid_field a_args_f[] = {{.id = 0, .offset = 0, .type = &a_rec}};
static const candid_type a_args = {.kind = CANDID_RECORD, .size = 1, .align = 1, .count = 1, .fields = a_args_f};

static void skipped_values_by_id(void **state) {
    (void)state;
    assert_string_equal(PATH("DIDL\x02\x6c\x02\x61\x7b\x62\x01\x6d\x71\x01\x00\x01\x02\x01x\x01\xff", a_args),
                        "argument 0 .98 [1]: text is not valid UTF-8 at byte 20");
}

static const candid_type vec_nat_t = {.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8, .inner = &nat_t};
static const candid_field vec_nat_a[] = {{.id = 0, .offset = 0, .type = &vec_nat_t}};
static const candid_type vec_nat_args = {.kind = CANDID_RECORD, .size = 16, .align = 8, .count = 1, .fields = vec_nat_a};
static const candid_field two_f[] = {{.id = 0, .offset = 0, .type = &nat_t}, {.id = 1, .offset = 8, .type = &text_t}};
static const candid_type two_args = {.kind = CANDID_RECORD, .size = 24, .align = 8, .count = 2, .fields = two_f};

static void other_errors(void **state) {
    (void)state;
    /* a number beyond 64 bits stored into a uint64_t */
    assert_string_equal(PATH("DIDL\x01\x6d\x7d\x01\x00\x02\x05\x85\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01",
                             vec_nat_args),
                        "argument 0 [1]: number out of range for its representation at byte 11");
    assert_string_equal(PATH("DIDL\0\x01\x7d\x05", two_args),
                        "argument 1: required argument missing at byte 7");
    /* the header: no path */
    assert_string_equal(PATH("DIDL\0\x01", two_args), "input ends before the announced data at byte 6");
    assert_null(PATH("DIDL\0\x02\x7d\x71\x05\x01x", two_args));
}

/* type List = opt record { head : int; tail : List }, 2,000 nodes and a
 * bad option flag at the end: the decode needs no frames, its trace one
 * per node, which do not fit 32 KiB: the line has no path. */
typedef struct list_node { int64_t head; struct list_node *tail; } list_node;
static const candid_type list_t;
static const candid_field node_f[] = {
    {.id = 1158359328, .offset = 0, .type = &(const candid_type){.kind = CANDID_INT, .size = 8, .align = 8}, .name = "head"},
    {.id = 1291237008, .offset = 8, .type = &list_t, .name = "tail"},
};
static const candid_type node_t = {.kind = CANDID_RECORD, .size = 16, .align = 8, .count = 2, .fields = node_f};
static const candid_type list_t = {.kind = CANDID_OPT, .repr = CANDID_REPR_BOXED, .size = 8, .align = 8, .inner = &node_t};
static const candid_field list_a[] = {{.id = 0, .offset = 0, .type = &list_t}};
static const candid_type list_args = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1, .fields = list_a};

static void deep_paths(void **state) {
    (void)state;
    static uint8_t msg[8192];
    static const uint8_t head[] = "DIDL\x02\x6e\x01\x6c\x02\xa0\xd2\xac\xa8\x04\x7c\x90\xed\xda\xe7\x04\x00\x01\x00";
    size_t n = sizeof head - 1;
    memcpy(msg, head, n);
    for (int i = 0; i < 2000; i++) {
        msg[n++] = 1;
        msg[n++] = 0;
    }
    msg[n++] = 2;
    candid_decoder d;
    candid_decoder_init(&d, work, 1 << 15);
    candid_arena a;
    static uint8_t big_arena[1 << 16];
    candid_arena_init(&a, big_arena, sizeof big_arena);
    list_node *l;
    assert_int_equal(candid_decode(&d, msg, n, &list_args, &l, &a), CANDID_ERR_BAD_TAG);
    assert_int_equal(candid_decoder_error_path(&d, line, sizeof line), CANDID_OK);
    assert_string_equal(line, "byte must be 0 or 1 at byte 4023");
    /* three nodes: the path names every one */
    n = sizeof head - 1;
    for (int i = 0; i < 3; i++) {
        msg[n++] = 1;
        msg[n++] = 0;
    }
    msg[n++] = 2;
    assert_int_equal(candid_decode(&d, msg, n, &list_args, &l, &a), CANDID_ERR_BAD_TAG);
    assert_int_equal(candid_decoder_error_path(&d, line, sizeof line), CANDID_OK);
    assert_string_equal(line, "argument 0 .tail .tail .tail: byte must be 0 or 1 at byte 29");
    /* a short buffer: cut, still terminated */
    char small[12];
    assert_int_equal(candid_decoder_error_path(&d, small, sizeof small), CANDID_ERR_BUFFER_FULL);
    assert_string_equal(small, "argument 0 ");
    assert_int_equal(candid_decoder_error_path(&d, NULL, 0), CANDID_ERR_ARGUMENT);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fields_by_name_and_by_id),
        cmocka_unit_test(the_same_from_the_cache),
        cmocka_unit_test(vector_elements_and_cases),
        cmocka_unit_test(skipped_values_by_id),
        cmocka_unit_test(other_errors),
        cmocka_unit_test(deep_paths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
