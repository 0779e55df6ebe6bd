/* The Motoko interop corpus through GENERATED C types (stubs of
 * interop.did by `candid bind --target c`, built with --fast and with
 * --no-fast): tests/motoko/oracle.mjs runs it both ways.
 *
 *   motoko-typed decode   reads lines "LABEL HEX" (Motoko's to_candid
 *                         bytes) on stdin, decodes each listed check's
 *                         message with the generated NAME_decode into the
 *                         generated struct and compares every field with
 *                         the values written here; prints
 *                         "ok CHECK" or "FAIL CHECK: why" per check.
 *   motoko-typed encode   prints "LABEL HEX" for every value below,
 *                         encoded with the generated NAME_encode, for
 *                         Motoko's from_candid (expectations: typed.mjs).
 *
 * The 64 KiB blob and the 10,000 rows are built by formula here and in
 * Oracle.mo alike. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interop.h"

static uint8_t work[1 << 16], arena_mem[1 << 23], out[1 << 20];
static candid_decoder d;
static candid_arena a;
static candid_status last; /* of the latest DECODE, for the failure line */

#define BIG_BLOB 65536
#define ROWS 10000
static const uint8_t LEDGER[] = {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x01, 0x01};
static const char TEXT[] = "h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80 \"q\"\n";

static uint8_t big_blob_byte(size_t i) {
    return (uint8_t)((i * 7 + 3) % 256);
}

static int row_has_score(size_t i) {
    return i % 3 != 0;
}

static int64_t row_score(size_t i) {
    return (int64_t)i * 1000 - 5000000;
}

/* "item-<i>" into buf (at least 16 bytes); its length. */
static size_t row_name(size_t i, char *buf) {
    return (size_t)snprintf(buf, 16, "item-%zu", i);
}

static int eq(candid_slice s, const void *bytes, size_t n) {
    return s.len == n && (n == 0 || memcmp(s.ptr, bytes, n) == 0);
}

static candid_slice slice(const void *bytes, size_t n) {
    return (candid_slice){(const uint8_t *)bytes, n};
}

#define LIT(s) slice((s), sizeof(s) - 1)
#define SEQ(s, lit) eq((s), (lit), sizeof(lit) - 1)

static int same_bits(double x, double y) {
    return memcmp(&x, &y, sizeof x) == 0;
}

/* ---- decode: Motoko's bytes into the generated structs ---- */

#define STR_(x) #x
#define STR(x) STR_(x)
#define EXPECT(c) \
    do { \
        if (!(c)) return "line " STR(__LINE__) ": " #c; \
    } while (0)
/* The generated decoder of T on the check's message, fresh memory each time. */
#define DECODE(T, v) \
    (candid_decoder_init(&d, work, sizeof work), candid_arena_init(&a, arena_mem, sizeof arena_mem), \
     last = interop_##T##_decode(&d, msg, len, (v), &a))
#define DECODES(T, v) EXPECT(DECODE(T, v) == CANDID_OK)

typedef const char *(*check_fn)(const uint8_t *msg, size_t len);

static const char *beyond_64_bits(const uint8_t *msg, size_t len) {
    interop_big_args v;
    EXPECT(DECODE(big_args, &v) == CANDID_ERR_RANGE);
    return NULL;
}

static const char *fixed_max(const uint8_t *msg, size_t len) {
    interop_fixed_args v;
    DECODES(fixed_args, &v);
    EXPECT(v._0 == UINT8_MAX && v._1 == UINT16_MAX && v._2 == UINT32_MAX && v._3 == UINT64_MAX);
    EXPECT(v._4 == INT8_MAX && v._5 == INT16_MAX && v._6 == INT32_MAX && v._7 == INT64_MAX);
    return NULL;
}

static const char *fixed_min(const uint8_t *msg, size_t len) {
    interop_fixed_args v;
    DECODES(fixed_args, &v);
    EXPECT(v._0 == 0 && v._1 == 0 && v._2 == 0 && v._3 == 0);
    EXPECT(v._4 == INT8_MIN && v._5 == INT16_MIN && v._6 == INT32_MIN && v._7 == INT64_MIN);
    return NULL;
}

static const char *floats(const uint8_t *msg, size_t len) {
    interop_floats_args v;
    DECODES(floats_args, &v);
    EXPECT(same_bits(v._0, 1.5) && same_bits(v._1, -0.0) && same_bits(v._2, 1e300));
    EXPECT(same_bits(v._3, 0.1) && same_bits(v._4, -2.5e-310));
    return NULL;
}

static const char *infinities(const uint8_t *msg, size_t len) {
    interop_infs_args v;
    DECODES(infs_args, &v);
    EXPECT(same_bits(v._0, INFINITY) && same_bits(v._1, -INFINITY));
    return NULL;
}

static const char *texts(const uint8_t *msg, size_t len) {
    interop_texts_args v;
    DECODES(texts_args, &v);
    EXPECT(SEQ(v._0, TEXT) && SEQ(v._1, "\x00\xff\x7f") && eq(v._2, LEDGER, sizeof LEDGER));
    return NULL;
}

static const char *empty_texts(const uint8_t *msg, size_t len) {
    interop_texts_args v;
    DECODES(texts_args, &v);
    EXPECT(v._0.len == 0 && v._1.len == 0 && v._2.len == 0);
    return NULL;
}

static const char *composite(const uint8_t *msg, size_t len) {
    interop_composite_args v;
    DECODES(composite_args, &v);
    EXPECT(v._0.present && v._0.value == 7);
    EXPECT(v._1.len == 3 && v._1.items[0] == -1 && v._1.items[1] == 0 && v._1.items[2] == 1);
    EXPECT(v._2.a == 1 && v._2.b.present && SEQ(v._2.b.value, "x"));
    EXPECT(v._3.tag == interop_composite_arg_3_C_tag && SEQ(v._3.u.C, "z"));
    return NULL;
}

static const char *list3(const uint8_t *msg, size_t len) {
    interop_List v;
    DECODES(List, &v);
    EXPECT(v && v->head == 1 && v->tail && v->tail->head == -2 && v->tail->tail);
    EXPECT(v->tail->tail->head == 300 && !v->tail->tail->tail);
    return NULL;
}

static const char *list2000(const uint8_t *msg, size_t len) {
    interop_List v;
    DECODES(List, &v);
    int64_t n = 0;
    for (; v; v = v->tail, n++) EXPECT(v->head == n);
    EXPECT(n == 2000);
    return NULL;
}

static const char *map_beyond_64_bits(const uint8_t *msg, size_t len) {
    interop_Map v;
    EXPECT(DECODE(Map, &v) == CANDID_ERR_RANGE);
    return NULL;
}

static const char *transfer(const uint8_t *msg, size_t len) {
    interop_TransferArg v;
    DECODES(TransferArg, &v);
    EXPECT(!v.from_subaccount.present && eq(v.to.owner, LEDGER, sizeof LEDGER));
    EXPECT(v.to.subaccount.present && SEQ(v.to.subaccount.value, "\x01\x02"));
    EXPECT(v.amount == 1000000 && v.fee.present && v.fee.value == 10000);
    EXPECT(v.memo.present && SEQ(v.memo.value, "coffee"));
    EXPECT(v.created_at_time.present && v.created_at_time.value == 1700000000000000000u);
    return NULL;
}

static const char *result_ok(const uint8_t *msg, size_t len) {
    interop_TransferResult v;
    DECODES(TransferResult, &v);
    EXPECT(v.tag == interop_TransferResult_Ok_tag && v.u.Ok == 42);
    return NULL;
}

/* The error of a TransferResult message into e; NULL when it decoded. */
#define DECODE_ERR(e) \
    interop_TransferResult v; \
    DECODES(TransferResult, &v); \
    EXPECT(v.tag == interop_TransferResult_Err_tag); \
    const interop_TransferError *e = &v.u.Err

static const char *err_bad_fee(const uint8_t *msg, size_t len) {
    DECODE_ERR(e);
    EXPECT(e->tag == interop_TransferError_BadFee_tag && e->u.BadFee.expected_fee == 10000);
    return NULL;
}

static const char *err_bad_burn(const uint8_t *msg, size_t len) {
    DECODE_ERR(e);
    EXPECT(e->tag == interop_TransferError_BadBurn_tag && e->u.BadBurn.min_burn_amount == 1);
    return NULL;
}

static const char *err_insufficient(const uint8_t *msg, size_t len) {
    DECODE_ERR(e);
    EXPECT(e->tag == interop_TransferError_InsufficientFunds_tag && e->u.InsufficientFunds.balance == 5);
    return NULL;
}

static const char *err_too_old(const uint8_t *msg, size_t len) {
    DECODE_ERR(e);
    EXPECT(e->tag == interop_TransferError_TooOld_tag);
    return NULL;
}

static const char *err_in_future(const uint8_t *msg, size_t len) {
    DECODE_ERR(e);
    EXPECT(e->tag == interop_TransferError_CreatedInFuture_tag && e->u.CreatedInFuture.ledger_time == UINT64_MAX);
    return NULL;
}

static const char *err_duplicate(const uint8_t *msg, size_t len) {
    DECODE_ERR(e);
    EXPECT(e->tag == interop_TransferError_Duplicate_tag && e->u.Duplicate.duplicate_of == UINT64_MAX);
    return NULL;
}

static const char *err_unavailable(const uint8_t *msg, size_t len) {
    DECODE_ERR(e);
    EXPECT(e->tag == interop_TransferError_TemporarilyUnavailable_tag);
    return NULL;
}

static const char *err_generic(const uint8_t *msg, size_t len) {
    DECODE_ERR(e);
    EXPECT(e->tag == interop_TransferError_GenericError_tag && e->u.GenericError.error_code == 7);
    EXPECT(SEQ(e->u.GenericError.message, "busy"));
    return NULL;
}

static const char *opt_opt(const uint8_t *msg, size_t len) {
    interop_opt_opt_args v;
    DECODES(opt_opt_args, &v);
    EXPECT(v._0.present && v._0.value.present && v._0.value.value == 5);
    EXPECT(v._1.present && !v._1.value.present && !v._2.present);
    EXPECT(v._3.present && SEQ(v._3.value, "x"));
    return NULL;
}

static const char *wide_at_wide(const uint8_t *msg, size_t len) {
    interop_Wide v;
    DECODES(Wide, &v);
    EXPECT(v.a == 1 && v.b.present && SEQ(v.b.value, "x") && v.c.present && v.c.value == 2);
    return NULL;
}

static const char *wide_at_narrow(const uint8_t *msg, size_t len) {
    interop_Narrow v;
    DECODES(Narrow, &v);
    EXPECT(v.a == 1);
    return NULL;
}

static const char *narrow_at_wide(const uint8_t *msg, size_t len) {
    interop_Wide v;
    DECODES(Wide, &v);
    EXPECT(v.a == 5 && !v.b.present && !v.c.present);
    return NULL;
}

static const char *variant_c(const uint8_t *msg, size_t len) {
    interop_Big v;
    DECODES(Big, &v);
    EXPECT(v.tag == interop_Big_C_tag && SEQ(v.u.C, "z"));
    return NULL;
}

static const char *variant_c_at_small(const uint8_t *msg, size_t len) {
    interop_Small v;
    EXPECT(DECODE(Small, &v) == CANDID_ERR_TYPE_MISMATCH);
    return NULL;
}

static const char *variant_d_beyond_64_bits(const uint8_t *msg, size_t len) {
    interop_Big v;
    EXPECT(DECODE(Big, &v) == CANDID_ERR_RANGE);
    return NULL;
}

static const char *opt_variants(const uint8_t *msg, size_t len) {
    interop_OptSmalls v;
    DECODES(OptSmalls, &v);
    EXPECT(v.len == 3 && v.items[0].present && v.items[0].value.tag == interop_Small_A_tag);
    EXPECT(v.items[1].present && v.items[1].value.tag == interop_Small_B_tag && v.items[1].value.u.B == 1);
    EXPECT(!v.items[2].present);
    return NULL;
}

static const char *nat(const uint8_t *msg, size_t len) {
    interop_Nat v;
    DECODES(Nat, &v);
    EXPECT(v == 5);
    return NULL;
}

static const char *nat_at_int(const uint8_t *msg, size_t len) {
    interop_Int v;
    DECODES(Int, &v);
    EXPECT(v == 5);
    return NULL;
}

static const char *nat_at_opt(const uint8_t *msg, size_t len) {
    interop_OptNat v;
    DECODES(OptNat, &v);
    EXPECT(v.present && v.value == 5);
    return NULL;
}

static const char *none_at_opt(const uint8_t *msg, size_t len) {
    interop_OptNat v;
    DECODES(OptNat, &v);
    EXPECT(!v.present);
    return NULL;
}

static const char *bool_null(const uint8_t *msg, size_t len) {
    interop_bool_null_args v;
    DECODES(bool_null_args, &v);
    EXPECT(v._0 == 1 && v._2 == 0);
    return NULL;
}

static const char *refs(const uint8_t *msg, size_t len) {
    interop_refs_args v;
    DECODES(refs_args, &v);
    EXPECT(eq(v._0.principal, LEDGER, sizeof LEDGER) && SEQ(v._0.method, "q"));
    EXPECT(eq(v._1, LEDGER, sizeof LEDGER));
    return NULL;
}

static const char *big_blob(const uint8_t *msg, size_t len) {
    interop_Bytes v;
    DECODES(Bytes, &v);
    EXPECT(v.len == BIG_BLOB);
    for (size_t i = 0; i < v.len; i++) EXPECT(v.ptr[i] == big_blob_byte(i));
    return NULL;
}

/* Row i's id and name, as every row type has them. */
#define EXPECT_ROW_HEAD(r, i) \
    do { \
        char name[16]; \
        size_t n = row_name((i), name); \
        EXPECT((r).id == (uint32_t)(i) && eq((r).name, name, n)); \
    } while (0)

static const char *rows(const uint8_t *msg, size_t len) {
    interop_Rows v;
    DECODES(Rows, &v);
    EXPECT(v.len == ROWS);
    for (size_t i = 0; i < v.len; i++) {
        EXPECT_ROW_HEAD(v.items[i], i);
        EXPECT(v.items[i].score.present == row_has_score(i));
        EXPECT(!row_has_score(i) || v.items[i].score.value == row_score(i));
    }
    return NULL;
}

static const char *rows_at_old(const uint8_t *msg, size_t len) {
    interop_OldRows v;
    DECODES(OldRows, &v);
    EXPECT(v.len == ROWS);
    for (size_t i = 0; i < v.len; i++) EXPECT_ROW_HEAD(v.items[i], i);
    return NULL;
}

static const char *rows_at_new(const uint8_t *msg, size_t len) {
    interop_NewRows v;
    DECODES(NewRows, &v);
    EXPECT(v.len == ROWS);
    for (size_t i = 0; i < v.len; i++) {
        EXPECT_ROW_HEAD(v.items[i], i);
        EXPECT(v.items[i].score.present == row_has_score(i) && !v.items[i].note.present);
    }
    return NULL;
}

/* Each check: the label of a Motoko encoding (Oracle.mo) and the type it
 * is read at. */
static const struct {
    const char *label, *name;
    check_fn fn;
} CHECKS[] = {
    {"big", "big beyond 64 bits is CANDID_ERR_RANGE", beyond_64_bits},
    {"fixed-max", "fixed-width maxima", fixed_max},
    {"fixed-min", "fixed-width minima", fixed_min},
    {"floats", "floats bit for bit", floats},
    {"float-inf", "infinities", infinities},
    {"texts", "multibyte text, blob, principal", texts},
    {"empty-texts", "empty text, blob, principal", empty_texts},
    {"composite", "opt, vec int, record, variant", composite},
    {"list", "recursive list of 3", list3},
    {"list-2000", "recursive list of 2000", list2000},
    {"map", "map with a nat beyond 64 bits is CANDID_ERR_RANGE", map_beyond_64_bits},
    {"transfer", "ICRC-1 TransferArg", transfer},
    {"result-ok", "TransferResult Ok", result_ok},
    {"result-err", "TransferResult Err", err_insufficient},
    {"err-BadFee", "Err BadFee", err_bad_fee},
    {"err-BadBurn", "Err BadBurn", err_bad_burn},
    {"err-InsufficientFunds", "Err InsufficientFunds", err_insufficient},
    {"err-TooOld", "Err TooOld", err_too_old},
    {"err-CreatedInFuture", "Err CreatedInFuture", err_in_future},
    {"err-Duplicate", "Err Duplicate", err_duplicate},
    {"err-TemporarilyUnavailable", "Err TemporarilyUnavailable", err_unavailable},
    {"err-GenericError", "Err GenericError", err_generic},
    {"opt-opt", "nested opt", opt_opt},
    {"record-wide", "record at its own type", wide_at_wide},
    {"record-wide", "newer record at an older type (opt fields dropped)", wide_at_narrow},
    {"record-narrow", "older record at a newer type (opt fields null)", narrow_at_wide},
    {"variant-c", "variant case", variant_c},
    {"variant-c", "variant case unknown to an older type is CANDID_ERR_TYPE_MISMATCH", variant_c_at_small},
    {"variant-d", "variant nat beyond 64 bits is CANDID_ERR_RANGE", variant_d_beyond_64_bits},
    {"opt-variants", "vec opt variant", opt_variants},
    {"nat", "nat", nat},
    {"nat", "nat at int", nat_at_int},
    {"nat", "nat at opt nat", nat_at_opt},
    {"none", "no argument at opt nat", none_at_opt},
    {"bool-null", "bool, null, bool", bool_null},
    {"refs", "func and service references", refs},
    {"blob-64k", "64 KiB blob", big_blob},
    {"rows-10000", "vec record of 10,000", rows},
    {"rows-10000", "vec record of 10,000 at an older record", rows_at_old},
    {"rows-10000", "vec record of 10,000 at a newer record", rows_at_new},
};
#define NCHECKS (sizeof CHECKS / sizeof CHECKS[0])

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static int decode_all(void) {
    struct {
        char *label;
        uint8_t *bytes;
        size_t len;
    } msgs[128];
    size_t count = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, stdin)) > 0 && count < 128) {
        char *sp = strchr(line, ' ');
        if (!sp) continue;
        *sp = 0;
        const char *hex = sp + 1;
        size_t n = strcspn(hex, "\n") / 2;
        uint8_t *bytes = malloc(n + 1);
        for (size_t i = 0; i < n; i++) bytes[i] = (uint8_t)(hexval(hex[2 * i]) << 4 | hexval(hex[2 * i + 1]));
        msgs[count].label = strdup(line);
        msgs[count].bytes = bytes;
        msgs[count].len = n;
        count++;
    }
    free(line);
    int failed = 0;
    for (size_t c = 0; c < NCHECKS; c++) {
        const char *why = "no message with this label";
        for (size_t m = 0; m < count; m++)
            if (strcmp(msgs[m].label, CHECKS[c].label) == 0) why = CHECKS[c].fn(msgs[m].bytes, msgs[m].len);
        if (why) {
            failed++;
            printf("FAIL %s (%s): %s (last decode: %s at byte %zu)\n", CHECKS[c].name, CHECKS[c].label, why,
                   candid_status_name(last), (size_t)d.error_offset);
        } else {
            printf("ok %s (%s)\n", CHECKS[c].name, CHECKS[c].label);
        }
    }
    for (size_t m = 0; m < count; m++) {
        free(msgs[m].label);
        free(msgs[m].bytes);
    }
    return failed != 0;
}

/* ---- encode: generated structs to bytes for Motoko ---- */

static void emit(const char *label, candid_writer *w, candid_status st) {
    if (!st) st = candid_writer_finish(w);
    if (st) {
        printf("%s FAIL %s\n", label, candid_status_name(st));
        return;
    }
    printf("%s ", label);
    for (size_t i = 0; i < w->total; i++) printf("%02x", out[i]);
    printf("\n");
}

#define ENCODE(label, T, v) \
    do { \
        candid_writer w; \
        candid_writer_init(&w, out, sizeof out); \
        emit((label), &w, interop_##T##_encode(&w, (v))); \
    } while (0)

static interop_TransferResult err_result(interop_TransferError e) {
    return (interop_TransferResult){.tag = interop_TransferResult_Err_tag, .u.Err = e};
}

static int encode_all(void) {
    interop_fixed_args fmax = {UINT8_MAX, UINT16_MAX, UINT32_MAX, UINT64_MAX, INT8_MAX, INT16_MAX, INT32_MAX, INT64_MAX};
    ENCODE("fixed-max", fixed_args, &fmax);
    interop_fixed_args fmin = {0, 0, 0, 0, INT8_MIN, INT16_MIN, INT32_MIN, INT64_MIN};
    ENCODE("fixed-min", fixed_args, &fmin);
    interop_floats_args fl = {1.5, -0.0, 1e300, 0.1, -2.5e-310};
    ENCODE("floats", floats_args, &fl);
    interop_texts_args tx = {LIT(TEXT), LIT("\x00\xff\x7f"), slice(LEDGER, sizeof LEDGER)};
    ENCODE("texts", texts_args, &tx);
    int64_t ints[] = {-1, 0, 1};
    interop_composite_args co = {
        ._0 = {1, 7},
        ._1 = {ints, 3},
        ._2 = {.a = 1, .b = {1, LIT("x")}},
        ._3 = {.tag = interop_composite_arg_3_C_tag, .u.C = LIT("z")},
    };
    ENCODE("composite", composite_args, &co);

    static interop_List_value nodes[1000];
    interop_List_value n3[3] = {{1, &n3[1]}, {-2, &n3[2]}, {300, NULL}};
    interop_List l3 = n3;
    ENCODE("list-3", List, &l3);
    for (size_t i = 0; i < 1000; i++) nodes[i] = (interop_List_value){(int64_t)i, i + 1 < 1000 ? &nodes[i + 1] : NULL};
    interop_List l1000 = nodes;
    ENCODE("list-1000", List, &l1000);

    interop_TransferArg ta = {
        .to = {.owner = slice(LEDGER, sizeof LEDGER), .subaccount = {1, LIT("\x01\x02")}},
        .amount = 1000000,
        .fee = {1, 10000},
        .memo = {1, LIT("coffee")},
        .created_at_time = {1, 1700000000000000000u},
    };
    ENCODE("transfer", TransferArg, &ta);
    interop_TransferResult ok = {.tag = interop_TransferResult_Ok_tag, .u.Ok = 42};
    ENCODE("result-ok", TransferResult, &ok);
    interop_TransferResult errs[] = {
        err_result((interop_TransferError){.tag = interop_TransferError_BadFee_tag, .u.BadFee = {10000}}),
        err_result((interop_TransferError){.tag = interop_TransferError_BadBurn_tag, .u.BadBurn = {1}}),
        err_result((interop_TransferError){.tag = interop_TransferError_InsufficientFunds_tag, .u.InsufficientFunds = {5}}),
        err_result((interop_TransferError){.tag = interop_TransferError_TooOld_tag}),
        err_result((interop_TransferError){.tag = interop_TransferError_CreatedInFuture_tag, .u.CreatedInFuture = {UINT64_MAX}}),
        err_result((interop_TransferError){.tag = interop_TransferError_Duplicate_tag, .u.Duplicate = {UINT64_MAX}}),
        err_result((interop_TransferError){.tag = interop_TransferError_TemporarilyUnavailable_tag}),
        err_result((interop_TransferError){.tag = interop_TransferError_GenericError_tag,
                                           .u.GenericError = {7, LIT("busy")}}),
    };
    static const char *const err_labels[] = {"err-BadFee", "err-BadBurn", "err-InsufficientFunds", "err-TooOld",
        "err-CreatedInFuture", "err-Duplicate", "err-TemporarilyUnavailable", "err-GenericError"};
    for (size_t i = 0; i < sizeof errs / sizeof errs[0]; i++) ENCODE(err_labels[i], TransferResult, &errs[i]);

    interop_Wide wide = {.a = 1, .b = {1, LIT("x")}, .c = {1, 2}};
    ENCODE("wide", Wide, &wide);
    interop_Narrow narrow = {.a = 5};
    ENCODE("narrow", Narrow, &narrow);
    interop_Big big_c = {.tag = interop_Big_C_tag, .u.C = LIT("z")};
    ENCODE("big-c", Big, &big_c);
    interop_Small small_b = {.tag = interop_Small_B_tag, .u.B = 7};
    ENCODE("small-b", Small, &small_b);
    interop_opt_Small os[] = {{1, {.tag = interop_Small_A_tag}}, {1, {.tag = interop_Small_B_tag, .u.B = 1}}, {0, {0}}};
    interop_OptSmalls osv = {os, 3};
    ENCODE("opt-variants", OptSmalls, &osv);
    interop_Nat five = 5;
    ENCODE("nat", Nat, &five);
    interop_OptOptNat opt_null = {1, {0, 0}};
    ENCODE("opt-null", OptOptNat, &opt_null);
    interop_misc_args misc = {._0 = 1, ._3 = LIT("t")};
    ENCODE("misc", misc_args, &misc);
    interop_refs_args rf = {{slice(LEDGER, sizeof LEDGER), LIT("q")}, slice(LEDGER, sizeof LEDGER)};
    ENCODE("refs", refs_args, &rf);

    static uint8_t blob[BIG_BLOB];
    for (size_t i = 0; i < BIG_BLOB; i++) blob[i] = big_blob_byte(i);
    interop_Bytes bb = slice(blob, BIG_BLOB);
    ENCODE("blob-64k", Bytes, &bb);
    static interop_Row rows_v[ROWS];
    static interop_NewRows_item new_rows[ROWS];
    static char names[ROWS][16];
    for (size_t i = 0; i < ROWS; i++) {
        candid_slice name = slice(names[i], row_name(i, names[i]));
        rows_v[i] = (interop_Row){(uint32_t)i, name, {(uint8_t)row_has_score(i), row_has_score(i) ? row_score(i) : 0}};
        new_rows[i] = (interop_NewRows_item){.id = (uint32_t)i, .name = name, .score = rows_v[i].score,
                                             .note = {1, LIT("n")}};
    }
    interop_Rows rv = {rows_v, ROWS};
    ENCODE("rows-10000", Rows, &rv);
    interop_NewRows nrv = {new_rows, ROWS};
    ENCODE("new-rows-10000", NewRows, &nrv);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "decode") == 0) return decode_all();
    if (argc == 2 && strcmp(argv[1], "encode") == 0) return encode_all();
    fprintf(stderr, "usage: %s decode|encode\n", argv[0]);
    return 2;
}
