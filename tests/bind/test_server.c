/* Server stubs from `candid bind --server` on the host backend: the ledger
 * of tests/bind/server/impl.c served through srv_*_serve, called with
 * messages the generated client encoders make; arguments that do not
 * decode are rejected with the status and offset; a deferred reply from a
 * call's continuation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "candid/host.h"
#include "icrc1.h"
#include "srv.h"

static const uint8_t LEDGER[] = {0x01}, SIBLING[] = {0x02}, GRUMPY[] = {0x03};
static const uint8_t ALICE[] = {0xa1}, BOB[] = {0xb0, 0xb0};
static uint8_t host_mem[1 << 18], msg[1024], work[1 << 14], arena_mem[1 << 12];
static candid_host host;

static void sibling_fee(void) {
    icrc1_icrc1_fee_result r = {7};
    candid_writer w;
    candid_writer_init(&w, msg, sizeof msg);
    icrc1_icrc1_fee_result_encode(&w, &r);
    candid_msg_reply_append(msg, w.total);
    candid_msg_reply();
}

static void grumpy_fee(void) { candid_msg_reject("no", 2); }

static int setup(void **state) {
    (void)state;
    static const candid_host_method ledger_m[] = {
        {"canister_init", srv_init_serve},
        {"icrc1_balance_of", srv_icrc1_balance_of_serve},
        {"icrc1_transfer", srv_icrc1_transfer_serve},
        {"relay_fee", srv_relay_fee_serve},
    };
    static const candid_host_method sibling_m[] = {{"icrc1_fee", sibling_fee}};
    static const candid_host_method grumpy_m[] = {{"icrc1_fee", grumpy_fee}};
    static const candid_host_canister ledger = {LEDGER, 1, ledger_m, 4};
    static const candid_host_canister sibling = {SIBLING, 1, sibling_m, 1};
    static const candid_host_canister grumpy = {GRUMPY, 1, grumpy_m, 1};
    assert_int_equal(candid_host_init(&host, host_mem, sizeof host_mem), CANDID_OK);
    candid_host_activate(&host);
    candid_host_add(&host, &ledger);
    candid_host_add(&host, &sibling);
    candid_host_add(&host, &grumpy);
    srv_init_args none = {0};
    candid_writer w;
    candid_writer_init(&w, msg, sizeof msg);
    srv_init_args_encode(&w, &none);
    candid_outcome o;
    assert_int_equal(candid_host_ingress(&host, LEDGER, 1, "canister_init", ALICE, 1, msg, w.total, &o), CANDID_OK);
    return 0;
}

static candid_outcome ingress(const char *method, const uint8_t *caller, size_t caller_len, size_t len) {
    candid_outcome o;
    assert_int_equal(candid_host_ingress(&host, LEDGER, 1, method, caller, caller_len, msg, len, &o), CANDID_OK);
    return o;
}

static uint64_t balance_of(const uint8_t *who, size_t len) {
    srv_icrc1_balance_of_args a = {{{who, len}, {0}}};
    candid_writer w;
    candid_writer_init(&w, msg, sizeof msg);
    srv_icrc1_balance_of_args_encode(&w, &a);
    candid_outcome o = ingress("icrc1_balance_of", BOB, sizeof BOB, w.total);
    assert_true(o.replied);
    srv_icrc1_balance_of_result r;
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    candid_arena ar;
    candid_arena_init(&ar, arena_mem, sizeof arena_mem);
    assert_int_equal(srv_icrc1_balance_of_result_decode(&d, o.reply, o.reply_len, &r, &ar), CANDID_OK);
    return r._0;
}

static srv_icrc1_transfer_result transfer(uint64_t amount, int fee) {
    srv_icrc1_transfer_args a;
    memset(&a, 0, sizeof a);
    a._0.to.owner = (candid_slice){BOB, sizeof BOB};
    a._0.amount = amount;
    a._0.fee.present = fee >= 0;
    a._0.fee.value = (uint64_t)fee;
    candid_writer w;
    candid_writer_init(&w, msg, sizeof msg);
    srv_icrc1_transfer_args_encode(&w, &a);
    candid_outcome o = ingress("icrc1_transfer", ALICE, sizeof ALICE, w.total);
    assert_true(o.replied);
    srv_icrc1_transfer_result r;
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    candid_arena ar;
    candid_arena_init(&ar, arena_mem, sizeof arena_mem);
    assert_int_equal(srv_icrc1_transfer_result_decode(&d, o.reply, o.reply_len, &r, &ar), CANDID_OK);
    return r;
}

static void init_then_balances_and_transfers(void **state) {
    (void)state;
    assert_int_equal(balance_of(ALICE, sizeof ALICE), 1000);
    assert_int_equal(balance_of(BOB, sizeof BOB), 0);
    srv_icrc1_transfer_result r = transfer(300, -1);
    assert_int_equal(r._0.tag, srv_icrc1_transfer_ret_0_Ok_tag);
    assert_int_equal(r._0.u.Ok, 0);
    assert_int_equal(balance_of(ALICE, sizeof ALICE), 690);
    assert_int_equal(balance_of(BOB, sizeof BOB), 300);
    r = transfer(1, 3);
    assert_int_equal(r._0.tag, srv_icrc1_transfer_ret_0_Err_tag);
    assert_int_equal(r._0.u.Err.tag, srv_TransferError_BadFee_tag);
    assert_int_equal(r._0.u.Err.u.BadFee.expected_fee, 10);
    r = transfer(5000, 10);
    assert_int_equal(r._0.u.Err.tag, srv_TransferError_InsufficientFunds_tag);
    assert_int_equal(r._0.u.Err.u.InsufficientFunds.balance, 690);
}

static void undecodable_arguments_are_rejected_with_the_error(void **state) {
    (void)state;
    static const uint8_t text_arg[] = {'D', 'I', 'D', 'L', 0, 1, 0x71, 1, 'x'}; /* ("x") */
    memcpy(msg, text_arg, sizeof text_arg);
    candid_outcome o = ingress("icrc1_balance_of", BOB, sizeof BOB, sizeof text_arg);
    assert_false(o.replied);
    assert_int_equal(o.reject_code, CANDID_REJECT_CANISTER_REJECT);
    const char want[] = "cannot decode the arguments: CANDID_ERR_TYPE_MISMATCH";
    assert_true(o.reject_message_len > sizeof want - 1);
    assert_memory_equal(o.reject_message, want, sizeof want - 1);
    memcpy(msg, "DIDX", 4);
    o = ingress("icrc1_balance_of", BOB, sizeof BOB, 4);
    assert_false(o.replied);
    assert_memory_equal(o.reject_message, "cannot decode the arguments: CANDID_ERR_MAGIC", 45);
}

static srv_relay_fee_result relay(const uint8_t *target) {
    srv_relay_fee_args a = {{target, 1}};
    candid_writer w;
    candid_writer_init(&w, msg, sizeof msg);
    srv_relay_fee_args_encode(&w, &a);
    candid_outcome o = ingress("relay_fee", ALICE, sizeof ALICE, w.total);
    assert_true(o.replied);
    srv_relay_fee_result r;
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    candid_arena ar;
    candid_arena_init(&ar, arena_mem, sizeof arena_mem);
    assert_int_equal(srv_relay_fee_result_decode(&d, o.reply, o.reply_len, &r, &ar), CANDID_OK);
    return r;
}

static void deferred_reply_from_a_continuation(void **state) {
    (void)state;
    srv_relay_fee_result r = relay(SIBLING);
    assert_int_equal(r._0.tag, srv_relay_fee_ret_0_Ok_tag);
    assert_int_equal(r._0.u.Ok, 7);
    r = relay(GRUMPY);
    assert_int_equal(r._0.tag, srv_relay_fee_ret_0_Err_tag);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(init_then_balances_and_transfers, setup),
        cmocka_unit_test_setup(undecodable_arguments_are_rejected_with_the_error, setup),
        cmocka_unit_test_setup(deferred_reply_from_a_continuation, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
