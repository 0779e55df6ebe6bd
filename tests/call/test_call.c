/* The call envelope on the host backend: the example ledger (the same
 * source as the canister) with sibling canisters, through ingress messages.
 * Replies decoded at the caller's types (with an extra field on the callee
 * side), rejects with code and message, missing canisters and methods,
 * traps, and methods that never answer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../examples/ledger/ledger.h"
#include "../../examples/ledger/types.h"
#include "candid/candid.h"
#include "candid/host.h"

static const uint8_t LEDGER[] = {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x01, 0x01};
static const uint8_t SIBLING[] = {0x0a};
static const uint8_t GRUMPY[] = {0x0b};
static const uint8_t BROKEN[] = {0x0c};
static const uint8_t NOBODY[] = {0x0d};
static const uint8_t ALICE[] = {0xa1, 0x1c, 0xe0};
static const uint8_t BOB[] = {0xb0, 0xb0};

static uint8_t host_mem[1 << 18], work[1 << 15], arena_mem[1 << 14], msg[4096];
static candid_host host;

/* fee_info on the sibling replies with one field more than the caller
 * expects: record { fee : nat; note : text }. */
typedef struct { uint64_t fee; candid_slice note; } fee_info_v2;
static const candid_type nat_t = {.kind = CANDID_NAT, .size = 8, .align = 8};
static const candid_type text_t = {.kind = CANDID_TEXT, .size = sizeof(candid_slice), .align = 8};
static const candid_field v2_f[] = {
    {.id = 5094982, .offset = offsetof(fee_info_v2, fee), .type = &nat_t},
    {.id = 1225398258, .offset = offsetof(fee_info_v2, note), .type = &text_t},
};
static const candid_type v2_t = {.kind = CANDID_RECORD, .size = sizeof(fee_info_v2), .align = 8, .count = 2, .fields = v2_f};
static const candid_field v2_args_f[] = {{.id = 0, .offset = 0, .type = &v2_t}};
static const candid_type v2_args = {.kind = CANDID_RECORD, .size = sizeof(fee_info_v2), .align = 8, .count = 1, .fields = v2_args_f};

static void sibling_fee_info(void) {
    static candid_header h;
    static uint8_t hb[64];
    if (!h.args) candid_header_build(&h, &v2_args, hb, sizeof hb, work, sizeof work);
    fee_info_v2 v = {10000, {(const uint8_t *)"a newer sibling", 15}};
    candid_reply(&h, &v, work, sizeof work);
}
static void grumpy_fee_info(void) { candid_msg_reject("no fee for you", 14); }
static void broken_fee_info(void) { candid_trap("index out of bounds"); }
static void silent(void) {}

static const candid_host_method ledger_methods[] = {
    {"canister_init", ledger_init},
    {"icrc1_balance_of", ledger_icrc1_balance_of},
    {"icrc1_transfer", ledger_icrc1_transfer},
    {"relay_fee", ledger_relay_fee},
};
static const candid_host_method sibling_methods[] = {{"fee_info", sibling_fee_info}, {"silent", silent}};
static const candid_host_method grumpy_methods[] = {{"fee_info", grumpy_fee_info}};
static const candid_host_method broken_methods[] = {{"fee_info", broken_fee_info}};
static const candid_host_canister ledger = {LEDGER, sizeof LEDGER, ledger_methods, 4};
static const candid_host_canister sibling = {SIBLING, sizeof SIBLING, sibling_methods, 2};
static const candid_host_canister grumpy = {GRUMPY, sizeof GRUMPY, grumpy_methods, 1};
static const candid_host_canister broken = {BROKEN, sizeof BROKEN, broken_methods, 1};

static int setup(void **state) {
    (void)state;
    assert_int_equal(candid_host_init(&host, host_mem, sizeof host_mem), CANDID_OK);
    assert_int_equal(candid_host_add(&host, &ledger), CANDID_OK);
    assert_int_equal(candid_host_add(&host, &sibling), CANDID_OK);
    assert_int_equal(candid_host_add(&host, &grumpy), CANDID_OK);
    assert_int_equal(candid_host_add(&host, &broken), CANDID_OK);
    candid_outcome o;
    /* canister_init answers nothing: the host reports that, the mint stays */
    candid_host_ingress(&host, LEDGER, sizeof LEDGER, "canister_init", ALICE, sizeof ALICE, NULL, 0, &o);
    return 0;
}

static size_t encode(const candid_type *args, const void *values) {
    static uint8_t hb[512];
    candid_header h;
    assert_int_equal(candid_header_build(&h, args, hb, sizeof hb, work, sizeof work), CANDID_OK);
    candid_writer w;
    candid_writer_init(&w, msg, sizeof msg);
    assert_int_equal(candid_encode(&w, &h, values, work, sizeof work, 0), CANDID_OK);
    return w.total;
}

static void call(const uint8_t *callee, size_t callee_len, const char *method, const uint8_t *caller,
                 size_t caller_len, size_t arg_len, candid_outcome *o) {
    assert_int_equal(candid_host_ingress(&host, callee, callee_len, method, caller, caller_len, msg,
                                         arg_len, o),
                     CANDID_OK);
}

static void decode(const candid_outcome *o, const candid_type *args, void *out) {
    assert_true(o->replied);
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    candid_arena a;
    candid_arena_init(&a, arena_mem, sizeof arena_mem);
    assert_int_equal(candid_decode(&d, o->reply, o->reply_len, args, out, &a), CANDID_OK);
}

static uint64_t balance_of(const uint8_t *owner, size_t len) {
    account acc;
    memset(&acc, 0, sizeof acc);
    acc.owner = (candid_slice){owner, len};
    candid_outcome o;
    call(LEDGER, sizeof LEDGER, "icrc1_balance_of", BOB, sizeof BOB, encode(&ledger_account_args, &acc), &o);
    uint64_t b = 0;
    decode(&o, &ledger_nat_args, &b);
    return b;
}

static void balances_and_transfers(void **state) {
    (void)state;
    assert_true(balance_of(ALICE, sizeof ALICE) == LEDGER_SUPPLY);
    assert_true(balance_of(BOB, sizeof BOB) == 0);
    transfer_arg t;
    memset(&t, 0, sizeof t);
    t.to.owner = (candid_slice){BOB, sizeof BOB};
    t.amount = 500;
    candid_outcome o;
    call(LEDGER, sizeof LEDGER, "icrc1_transfer", ALICE, sizeof ALICE, encode(&ledger_transfer_args, &t), &o);
    transfer_result r;
    decode(&o, &ledger_result_args, &r);
    assert_int_equal(r.tag, 0);
    assert_true(r.u.Ok == 0);
    assert_true(balance_of(BOB, sizeof BOB) == 500);
    assert_true(balance_of(ALICE, sizeof ALICE) == LEDGER_SUPPLY - 500 - LEDGER_FEE);
    /* Bob cannot pay 500 plus the fee */
    call(LEDGER, sizeof LEDGER, "icrc1_transfer", BOB, sizeof BOB, encode(&ledger_transfer_args, &t), &o);
    decode(&o, &ledger_result_args, &r);
    assert_int_equal(r.tag, 1);
    assert_int_equal(r.u.Err.tag, ledger_did_TransferError_InsufficientFunds_tag);
    assert_true(r.u.Err.u.InsufficientFunds.balance == 500);
    /* a wrong fee */
    t.fee = (ledger_did_opt_nat){1, 1};
    call(LEDGER, sizeof LEDGER, "icrc1_transfer", ALICE, sizeof ALICE, encode(&ledger_transfer_args, &t), &o);
    decode(&o, &ledger_result_args, &r);
    assert_int_equal(r.u.Err.tag, ledger_did_TransferError_BadFee_tag);
    assert_true(r.u.Err.u.BadFee.expected_fee == LEDGER_FEE);
}

static void relay(const uint8_t *target, size_t len, fee_result *r) {
    candid_slice p = {target, len};
    candid_outcome o;
    call(LEDGER, sizeof LEDGER, "relay_fee", ALICE, sizeof ALICE, encode(&ledger_principal_args, &p), &o);
    decode(&o, &ledger_fee_result_args, r);
}

static void calls_between_canisters(void **state) {
    (void)state;
    fee_result r;
    /* a reply with an extra field, decoded at the caller's narrower type */
    relay(SIBLING, sizeof SIBLING, &r);
    assert_int_equal(r.tag, 0);
    assert_true(r.u.Ok == 10000);
    /* a reject: its message comes back */
    relay(GRUMPY, sizeof GRUMPY, &r);
    assert_int_equal(r.tag, 1);
    assert_int_equal(r.u.Err.len, 14);
    assert_memory_equal(r.u.Err.ptr, "no fee for you", 14);
    /* a trap in the callee */
    relay(BROKEN, sizeof BROKEN, &r);
    assert_int_equal(r.tag, 1);
    assert_int_equal(r.u.Err.len, strlen("Canister trapped: index out of bounds"));
    assert_memory_equal(r.u.Err.ptr, "Canister trapped: index out of bounds", r.u.Err.len);
    /* no such canister */
    relay(NOBODY, sizeof NOBODY, &r);
    assert_int_equal(r.tag, 1);
    assert_memory_equal(r.u.Err.ptr, "Canister not found", r.u.Err.len);
}

static void rejects_seen_by_the_harness(void **state) {
    (void)state;
    candid_outcome o;
    size_t n = encode(&ledger_no_args, NULL);
    call(LEDGER, sizeof LEDGER, "no_such_method", ALICE, sizeof ALICE, n, &o);
    assert_int_equal(o.replied, 0);
    assert_int_equal(o.reject_code, CANDID_REJECT_CANISTER_ERROR);
    call(NOBODY, sizeof NOBODY, "fee_info", ALICE, sizeof ALICE, n, &o);
    assert_int_equal(o.reject_code, CANDID_REJECT_DESTINATION_INVALID);
    call(GRUMPY, sizeof GRUMPY, "fee_info", ALICE, sizeof ALICE, n, &o);
    assert_int_equal(o.reject_code, CANDID_REJECT_CANISTER_REJECT);
    assert_memory_equal(o.reject_message, "no fee for you", 14);
    call(BROKEN, sizeof BROKEN, "fee_info", ALICE, sizeof ALICE, n, &o);
    assert_int_equal(o.reject_code, CANDID_REJECT_CANISTER_ERROR);
    call(SIBLING, sizeof SIBLING, "silent", ALICE, sizeof ALICE, n, &o);
    assert_int_equal(o.reject_code, CANDID_REJECT_CANISTER_ERROR);
    /* arguments of the wrong type: the ledger rejects with the decoder's message */
    memcpy(msg, "DIDL\x00\x01\x7d", 7);
    call(LEDGER, sizeof LEDGER, "icrc1_balance_of", ALICE, sizeof ALICE, 7, &o);
    assert_int_equal(o.reject_code, CANDID_REJECT_CANISTER_REJECT);
    assert_memory_equal(o.reject_message, "value does not coerce to the expected type", o.reject_message_len);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(balances_and_transfers, setup),
        cmocka_unit_test_setup(calls_between_canisters, setup),
        cmocka_unit_test_setup(rejects_seen_by_the_harness, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
