/* Server stubs from `candid bind --server` on the host backend: the example
 * ledger (examples/ledger, written only as ledger_did_*_impl functions)
 * served through the generated ledger_did_*_serve entry points and called
 * with messages the generated encoders make. Arguments that do not decode
 * are rejected with the exact error path; canister_init without argument
 * bytes gets (), with bad ones it traps; a deferred reply comes from a
 * call's continuation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../examples/ledger/ledger.h"
#include "../../examples/ledger/ledger_did.h"
#include "../../examples/ledger/sibling.h"
#include "candid/host.h"

static const uint8_t LEDGER[] = {0x01}, SIBLING[] = {0x02};
static const uint8_t ALICE[] = {0xa1}, BOB[] = {0xb0, 0xb0};
static uint8_t host_mem[1 << 18], msg[1024], work[1 << 14], arena_mem[1 << 12];
static candid_host host;

static void sibling_fee_info(void) {
    sibling_fee_info_result r = {{7}};
    candid_writer w;
    candid_writer_init(&w, msg, sizeof msg);
    assert_int_equal(sibling_fee_info_result_encode(&w, &r), CANDID_OK);
    candid_msg_reply_append(msg, w.total);
    candid_msg_reply();
}

static candid_outcome ingress(const char *method, const uint8_t *caller, size_t caller_len, size_t len) {
    candid_outcome o;
    assert_int_equal(candid_host_ingress(&host, LEDGER, 1, method, caller, caller_len, msg, len, &o), CANDID_OK);
    return o;
}

static void setup_ledger(void) {
    static const candid_host_method ledger_m[] = {
        {"canister_init", ledger_did_init_serve},
        {"icrc1_balance_of", ledger_did_icrc1_balance_of_serve},
        {"icrc1_transfer", ledger_did_icrc1_transfer_serve},
        {"relay_fee", ledger_did_relay_fee_serve},
    };
    static const candid_host_method sibling_m[] = {{"fee_info", sibling_fee_info}};
    static const candid_host_canister ledger = {LEDGER, 1, ledger_m, 4};
    static const candid_host_canister sibling = {SIBLING, 1, sibling_m, 1};
    assert_int_equal(candid_host_init(&host, host_mem, sizeof host_mem), CANDID_OK);
    candid_host_activate(&host);
    candid_host_add(&host, &ledger);
    candid_host_add(&host, &sibling);
}

static uint64_t balance_of(const uint8_t *who, size_t len) {
    ledger_did_icrc1_balance_of_args a;
    memset(&a, 0, sizeof a);
    a._0.owner = (candid_slice){who, len};
    candid_writer w;
    candid_writer_init(&w, msg, sizeof msg);
    assert_int_equal(ledger_did_icrc1_balance_of_args_encode(&w, &a), CANDID_OK);
    candid_outcome o = ingress("icrc1_balance_of", BOB, sizeof BOB, w.total);
    assert_true(o.replied);
    ledger_did_icrc1_balance_of_result r;
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    candid_arena ar;
    candid_arena_init(&ar, arena_mem, sizeof arena_mem);
    assert_int_equal(ledger_did_icrc1_balance_of_result_decode(&d, o.reply, o.reply_len, &r, &ar), CANDID_OK);
    return r._0;
}

/* An install without argument bytes is an install with (). */
static void init_without_arguments_mints_the_supply(void **state) {
    (void)state;
    setup_ledger();
    candid_outcome o = ingress("canister_init", ALICE, sizeof ALICE, 0);
    assert_false(o.replied); /* canister_init answers nothing (the host reports code 5) */
    assert_true(balance_of(ALICE, sizeof ALICE) == LEDGER_SUPPLY);
    assert_int_equal(balance_of(BOB, sizeof BOB), 0);
}

static void assert_rejected(const char *method, const void *arg, size_t len, uint32_t code, const char *want) {
    memcpy(msg, arg, len);
    candid_outcome o = ingress(method, BOB, sizeof BOB, len);
    assert_false(o.replied);
    assert_int_equal(o.reject_code, code);
    assert_int_equal(o.reject_message_len, strlen(want));
    assert_memory_equal(o.reject_message, want, strlen(want));
}

static void undecodable_arguments_are_rejected_with_the_error_path(void **state) {
    (void)state;
    setup_ledger();
    static const uint8_t text_arg[] = {'D', 'I', 'D', 'L', 0, 1, 0x71, 1, 'x'}; /* ("x") */
    assert_rejected("icrc1_balance_of", text_arg, sizeof text_arg, CANDID_REJECT_CANISTER_REJECT,
                    "cannot decode the arguments: CANDID_ERR_TYPE_MISMATCH: "
                    "argument 0: expected record, found text at byte 7");
    /* (record { owner = "me"; subaccount = null }): the owner is text */
    static const uint8_t owner_text[] = {'D', 'I', 'D', 'L', 1, 0x6c, 2, 0xb3, 0xb0, 0xda, 0xc3, 0x03, 0x71,
                                         0xad, 0x86, 0xca, 0x83, 0x05, 0x7f, 1, 0, 2, 'm', 'e'};
    assert_rejected("icrc1_balance_of", owner_text, sizeof owner_text, CANDID_REJECT_CANISTER_REJECT,
                    "cannot decode the arguments: CANDID_ERR_TYPE_MISMATCH: "
                    "argument 0 .owner: expected principal, found text at byte 21");
    assert_rejected("icrc1_balance_of", "DIDX", 4, CANDID_REJECT_CANISTER_REJECT,
                    "cannot decode the arguments: CANDID_ERR_MAGIC: missing magic bytes \"DIDL\" at byte 0");
    /* canister_init cannot reject: it traps with the same text */
    assert_rejected("canister_init", "DIDX", 4, CANDID_REJECT_CANISTER_ERROR,
                    "Canister trapped: cannot decode the arguments: CANDID_ERR_MAGIC: missing magic bytes \"DIDL\" at byte 0");
}

static void relay_replies_from_the_continuation(void **state) {
    (void)state;
    setup_ledger();
    ledger_did_relay_fee_args a = {{SIBLING, sizeof SIBLING}};
    candid_writer w;
    candid_writer_init(&w, msg, sizeof msg);
    assert_int_equal(ledger_did_relay_fee_args_encode(&w, &a), CANDID_OK);
    candid_outcome o = ingress("relay_fee", ALICE, sizeof ALICE, w.total);
    assert_true(o.replied);
    ledger_did_relay_fee_result r;
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    candid_arena ar;
    candid_arena_init(&ar, arena_mem, sizeof arena_mem);
    assert_int_equal(ledger_did_relay_fee_result_decode(&d, o.reply, o.reply_len, &r, &ar), CANDID_OK);
    assert_int_equal(r._0.tag, ledger_did_relay_fee_ret_0_Ok_tag);
    assert_int_equal(r._0.u.Ok, 7);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(init_without_arguments_mints_the_supply),
        cmocka_unit_test(undecodable_arguments_are_rejected_with_the_error_path),
        cmocka_unit_test(relay_replies_from_the_continuation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
