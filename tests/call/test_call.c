/* The call envelope on the host backend: the example ledger (the same
 * source as the canister) with sibling canisters, through ingress messages.
 * Replies decoded at the caller's types (with an extra field on the callee
 * side), rejects with code and message, missing canisters and methods,
 * traps, and methods that never answer; replies and calls whose encoding
 * fails, calls the system refuses, long rejects. */
#define _POSIX_C_SOURCE 200809L /* fork, pipe: the trap tests run in a child */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "../../examples/ledger/ledger.h"
#include "../../examples/ledger/types.h" /* with ledger_did.h: the generated entry points */
#include "../../lib/call/backend.h"
#include "candid/candid.h"
#include "candid/host.h"

static const uint8_t LEDGER[] = {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x01, 0x01};
static const uint8_t SIBLING[] = {0x0a};
static const uint8_t GRUMPY[] = {0x0b};
static const uint8_t BROKEN[] = {0x0c};
static const uint8_t NOBODY[] = {0x0d};
static const uint8_t WORDY[] = {0x0e};
static const uint8_t TESTER[] = {0x0f};
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

static int sibling_calls;
static void sibling_fee_info(void) {
    static candid_header h;
    sibling_calls++;
    static uint8_t hb[64];
    if (!h.args) candid_header_build(&h, &v2_args, hb, sizeof hb, work, sizeof work);
    fee_info_v2 v = {10000, {(const uint8_t *)"a newer sibling", 15}};
    candid_reply(&h, &v, work, sizeof work);
}
static void grumpy_fee_info(void) { candid_msg_reject("no fee for you", 14); }
static void broken_fee_info(void) { candid_trap("index out of bounds"); }
static void silent(void) {}

/* "x" and 100 two-byte characters: over the host's 128-byte reject buffer,
 * whose last byte would fall inside a character. */
static char wordy_text[202];
static void wordy_fee_info(void) {
    wordy_text[0] = 'x';
    for (int i = 0; i < 100; i++) memcpy(wordy_text + 1 + 2 * i, "\xc3\xa9", 2);
    candid_msg_reject(wordy_text, 201);
}

/* (vec text) of 100 texts of 20 bytes, the 51st invalid when `bad`: far
 * more than one 256-byte chunk is streamed before the failure. */
static const candid_type vec_text_t = {.kind = CANDID_VEC, .size = sizeof(candid_vec), .align = 8, .inner = &text_t};
static const candid_field vt_args_f[] = {{.id = 0, .offset = 0, .type = &vec_text_t}};
static const candid_type vt_args = {.kind = CANDID_RECORD, .size = sizeof(candid_vec), .align = 8, .count = 1, .fields = vt_args_f};
static candid_slice texts[100];
static candid_vec texts_vec(int bad) {
    for (int i = 0; i < 100; i++) texts[i] = (candid_slice){(const uint8_t *)"0123456789abcdef0123", 20};
    if (bad) texts[50] = (candid_slice){(const uint8_t *)"\xff", 1};
    return (candid_vec){texts, 100};
}
static candid_header vt_header(void) {
    static candid_header h;
    static uint8_t hb[64];
    if (!h.args) assert_int_equal(candid_header_build(&h, &vt_args, hb, sizeof hb, work, sizeof work), CANDID_OK);
    return h;
}
static candid_header nat_header(void) {
    static candid_header h;
    static uint8_t hb[64];
    if (!h.args) assert_int_equal(candid_header_build(&h, &ledger_nat_args, hb, sizeof hb, work, sizeof work), CANDID_OK);
    return h;
}
static void reply_nat(uint64_t v) {
    candid_header h = nat_header();
    assert_int_equal(candid_reply(&h, &v, work, sizeof work), CANDID_OK);
}

/* A failed reply followed by a good one. */
static candid_status first_reply;
static void tester_bad_then_good(void) {
    candid_header h = vt_header();
    candid_vec v = texts_vec(1);
    first_reply = candid_reply(&h, &v, work, sizeof work);
    v = texts_vec(0);
    assert_int_equal(candid_reply(&h, &v, work, sizeof work), CANDID_OK);
}

/* A call whose arguments fail to encode: nothing may be sent, the
 * continuation never runs, and the method answers (with perform's result). */
static int tester_continuations;
static void tester_done(candid_call *c, const candid_outcome *o) {
    (void)c;
    (void)o;
    tester_continuations++;
}
static candid_call tester_call;
static void tester_bad_call(void) {
    candid_header h = vt_header();
    candid_vec v = texts_vec(1);
    candid_call_new(&tester_call, SIBLING, sizeof SIBLING, "fee_info", 8, tester_done, NULL);
    assert_int_equal(candid_call_args(&tester_call, &h, &v, work, sizeof work), CANDID_ERR_UTF8);
    /* a second attempt cannot slip good arguments behind the failure */
    v = texts_vec(0);
    assert_int_equal(candid_call_args(&tester_call, &h, &v, work, sizeof work), CANDID_ERR_UTF8);
    reply_nat(candid_call_perform(&tester_call));
}
/* A call begun and abandoned: its message is dropped with the handler. */
static void tester_abandon(void) {
    assert_int_equal(candid_call_new(&tester_call, SIBLING, sizeof SIBLING, "fee_info", 8, tester_done, NULL),
                     CANDID_OK);
    reply_nat(0);
}
/* Arguments over the host's 4,096-byte message slot: the backend refuses
 * the bytes, and the partly written call is dropped, not sent. */
static void tester_too_big(void) {
    static candid_slice many[300];
    for (int i = 0; i < 300; i++) many[i] = (candid_slice){(const uint8_t *)"0123456789abcdef0123", 20};
    candid_vec v = {many, 300};
    candid_header h = vt_header();
    candid_call_new(&tester_call, SIBLING, sizeof SIBLING, "fee_info", 8, tester_done, NULL);
    assert_int_equal(candid_call_args(&tester_call, &h, &v, work, sizeof work), CANDID_ERR_FLUSH);
    reply_nat(candid_call_perform(&tester_call));
}
/* A call whose callee and method sit in buffers that change before the
 * call is delivered (a stack frame, an arena): they were copied. */
static void tester_stack_names(void) {
    uint8_t callee[1] = {SIBLING[0]};
    char method[8];
    memcpy(method, "fee_info", 8);
    candid_header h = vt_header();
    candid_vec v = texts_vec(0);
    candid_call_new(&tester_call, callee, 1, method, 8, tester_done, NULL);
    candid_call_args(&tester_call, &h, &v, work, sizeof work);
    assert_int_equal(candid_call_perform(&tester_call), CANDID_OK);
    callee[0] = NOBODY[0];
    memcpy(method, "xxxxxxxx", 8);
    reply_nat(0);
}
/* The call "abandon" began, performed in a later message: it was dropped. */
static void tester_late_perform(void) { reply_nat(candid_call_perform(&tester_call)); }
/* A good call performed twice: sent once. */
static void tester_twice(void) {
    candid_header h = vt_header();
    candid_vec v = texts_vec(0);
    candid_call_new(&tester_call, SIBLING, sizeof SIBLING, "fee_info", 8, tester_done, NULL);
    assert_int_equal(candid_call_args(&tester_call, &h, &v, work, sizeof work), CANDID_OK);
    assert_int_equal(candid_call_perform(&tester_call), CANDID_OK);
    assert_int_equal(candid_call_perform(&tester_call), CANDID_ERR_ARGUMENT);
    reply_nat(0);
}

static const candid_host_method ledger_methods[] = {
    {"canister_init", ledger_did_init_serve},
    {"icrc1_balance_of", ledger_did_icrc1_balance_of_serve},
    {"icrc1_transfer", ledger_did_icrc1_transfer_serve},
    {"relay_fee", ledger_did_relay_fee_serve},
};
static const candid_host_method sibling_methods[] = {{"fee_info", sibling_fee_info}, {"silent", silent}};
static const candid_host_method grumpy_methods[] = {{"fee_info", grumpy_fee_info}};
static const candid_host_method broken_methods[] = {{"fee_info", broken_fee_info}};
static const candid_host_method wordy_methods[] = {{"fee_info", wordy_fee_info}};
static const candid_host_method tester_methods[] = {
    {"bad_then_good", tester_bad_then_good},
    {"bad_call", tester_bad_call},
    {"abandon", tester_abandon},
    {"late_perform", tester_late_perform},
    {"too_big", tester_too_big},
    {"stack_names", tester_stack_names},
    {"twice", tester_twice},
};
static const candid_host_canister ledger = {LEDGER, sizeof LEDGER, ledger_methods, 4};
static const candid_host_canister sibling = {SIBLING, sizeof SIBLING, sibling_methods, 2};
static const candid_host_canister grumpy = {GRUMPY, sizeof GRUMPY, grumpy_methods, 1};
static const candid_host_canister broken = {BROKEN, sizeof BROKEN, broken_methods, 1};
static const candid_host_canister wordy = {WORDY, sizeof WORDY, wordy_methods, 1};
static const candid_host_canister tester = {TESTER, sizeof TESTER, tester_methods, 7};

static int setup(void **state) {
    (void)state;
    assert_int_equal(candid_host_init(&host, host_mem, sizeof host_mem), CANDID_OK);
    assert_int_equal(candid_host_add(&host, &ledger), CANDID_OK);
    assert_int_equal(candid_host_add(&host, &sibling), CANDID_OK);
    assert_int_equal(candid_host_add(&host, &grumpy), CANDID_OK);
    assert_int_equal(candid_host_add(&host, &broken), CANDID_OK);
    assert_int_equal(candid_host_add(&host, &wordy), CANDID_OK);
    assert_int_equal(candid_host_add(&host, &tester), CANDID_OK);
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
    /* arguments of the wrong type: the ledger's generated entry point
     * rejects with where and why (the size-first build: why, without the
     * path) */
    memcpy(msg, "DIDL\x00\x01\x7d", 7);
    call(LEDGER, sizeof LEDGER, "icrc1_balance_of", ALICE, sizeof ALICE, 7, &o);
    assert_int_equal(o.reject_code, CANDID_REJECT_CANISTER_REJECT);
#ifdef CANDID_OPT_SIZE
    const char *want = "cannot decode the arguments: CANDID_ERR_TYPE_MISMATCH: "
                       "value does not coerce to the expected type at byte 7";
#else
    const char *want = "cannot decode the arguments: CANDID_ERR_TYPE_MISMATCH: "
                       "argument 0: expected record, found nat at byte 7";
#endif
    assert_int_equal(o.reject_message_len, strlen(want));
    assert_memory_equal(o.reject_message, want, strlen(want));
}

/* A failed candid_reply appends nothing: the good reply after it is the
 * whole reply, byte for byte. */
static void failed_reply_appends_nothing(void **state) {
    (void)state;
    candid_outcome o;
    size_t n = encode(&ledger_no_args, NULL);
    call(TESTER, sizeof TESTER, "bad_then_good", ALICE, sizeof ALICE, n, &o);
    assert_int_equal(first_reply, CANDID_ERR_UTF8);
    assert_true(o.replied);
    candid_vec v = texts_vec(0);
    size_t want = encode(&vt_args, &v);
    assert_int_equal(o.reply_len, want);
    assert_memory_equal(o.reply, msg, want);
}

/* A call whose arguments failed (invalid, or over the host's slot) is never
 * sent and its continuation never runs; neither that nor a call abandoned
 * or performed after its message ended leaks a message slot (40 rounds >
 * CANDID_HOST_MESSAGES). */
static void failed_call_arguments_send_nothing(void **state) {
    (void)state;
    candid_outcome o;
    size_t n = encode(&ledger_no_args, NULL);
    sibling_calls = 0;
    tester_continuations = 0;
    uint64_t st = 0;
    for (int i = 0; i < 40; i++) {
        call(TESTER, sizeof TESTER, "bad_call", ALICE, sizeof ALICE, n, &o);
        decode(&o, &ledger_nat_args, &st);
        assert_int_equal(st, CANDID_ERR_UTF8);
        call(TESTER, sizeof TESTER, "too_big", ALICE, sizeof ALICE, n, &o);
        decode(&o, &ledger_nat_args, &st);
        assert_int_equal(st, CANDID_ERR_FLUSH);
        call(TESTER, sizeof TESTER, "abandon", ALICE, sizeof ALICE, n, &o);
        assert_true(o.replied);
    }
    call(TESTER, sizeof TESTER, "late_perform", ALICE, sizeof ALICE, n, &o);
    decode(&o, &ledger_nat_args, &st);
    assert_int_equal(st, CANDID_ERR_CALL);
    assert_int_equal(tester_call.refused, 0);
    assert_int_equal(sibling_calls, 0);
    assert_int_equal(tester_continuations, 0);
}

/* A call performed twice is sent once; its callee and method are copied by
 * candid_call_new, whatever happens to the caller's buffers. */
static void calls_are_sent_once_to_the_callee_named(void **state) {
    (void)state;
    candid_outcome o;
    size_t n = encode(&ledger_no_args, NULL);
    sibling_calls = 0;
    tester_continuations = 0;
    call(TESTER, sizeof TESTER, "twice", ALICE, sizeof ALICE, n, &o);
    assert_true(o.replied);
    assert_int_equal(sibling_calls, 1);
    assert_int_equal(tester_continuations, 1);
    call(TESTER, sizeof TESTER, "stack_names", ALICE, sizeof ALICE, n, &o);
    assert_true(o.replied);
    assert_int_equal(sibling_calls, 2);
    assert_int_equal(tester_continuations, 2);
}

/* A call the system refuses at once: candid_call_perform says nothing was
 * sent, the continuation does not run, and the ledger answers once (a
 * second answer would trap). */
static void refused_call_is_answered_once(void **state) {
    (void)state;
    candid_host_refuse_calls(&host, CANDID_REJECT_SYS_TRANSIENT);
    candid_slice p = {SIBLING, sizeof SIBLING};
    candid_outcome o;
    sibling_calls = 0;
    call(LEDGER, sizeof LEDGER, "relay_fee", ALICE, sizeof ALICE, encode(&ledger_principal_args, &p), &o);
    assert_int_equal(o.replied, 0);
    assert_int_equal(o.reject_code, CANDID_REJECT_CANISTER_REJECT);
    assert_int_equal(o.reject_message_len, strlen("cannot call the sibling"));
    assert_memory_equal(o.reject_message, "cannot call the sibling", o.reject_message_len);
    assert_int_equal(sibling_calls, 0);
    /* accepted again: the relay works (nothing was left in flight) */
    candid_host_refuse_calls(&host, 0);
    fee_result r;
    relay(SIBLING, sizeof SIBLING, &r);
    assert_int_equal(r.tag, 0);
    assert_true(r.u.Ok == 10000);
}

/* A reject longer than the host keeps is cut on a character boundary, so
 * the ledger can relay it as text. */
static void long_reject_is_cut_on_a_character(void **state) {
    (void)state;
    fee_result r;
    relay(WORDY, sizeof WORDY, &r);
    assert_int_equal(r.tag, 1);
    assert_int_equal(r.u.Err.len, 127); /* "x" and 63 whole characters */
    assert_memory_equal(r.u.Err.ptr, wordy_text, 127);
    candid_outcome o;
    call(WORDY, sizeof WORDY, "fee_info", ALICE, sizeof ALICE, encode(&ledger_no_args, NULL), &o);
    assert_int_equal(o.reject_message_len, 127);
}

static void utf8_clip_keeps_whole_characters(void **state) {
    (void)state;
    const uint8_t *s = (const uint8_t *)"a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z"; /* a é € 😀 z */
    assert_int_equal(candid__utf8_clip(s, 11, 11), 11); /* fits */
    assert_int_equal(candid__utf8_clip(s, 11, 20), 11);
    assert_int_equal(candid__utf8_clip(s, 11, 0), 0);
    assert_int_equal(candid__utf8_clip(s, 11, 1), 1);
    assert_int_equal(candid__utf8_clip(s, 11, 2), 1);  /* inside é */
    assert_int_equal(candid__utf8_clip(s, 11, 3), 3);
    assert_int_equal(candid__utf8_clip(s, 11, 4), 3);  /* inside € */
    assert_int_equal(candid__utf8_clip(s, 11, 5), 3);
    assert_int_equal(candid__utf8_clip(s, 11, 6), 6);
    assert_int_equal(candid__utf8_clip(s, 11, 7), 6);  /* inside 😀 */
    assert_int_equal(candid__utf8_clip(s, 11, 8), 6);
    assert_int_equal(candid__utf8_clip(s, 11, 9), 6);
    assert_int_equal(candid__utf8_clip(s, 11, 10), 10);
    /* not UTF-8: a run of continuation bytes keeps nothing */
    assert_int_equal(candid__utf8_clip((const uint8_t *)"\x80\x80\x80", 3, 2), 0);
}

/* candid_trap with no message being handled has no jump buffer to use: it
 * says so on stderr and aborts (it dereferenced NULL when no host was
 * active, and jumped to a stale buffer outside a method). */
static void trap_outside_a_method(int activate, const char *want) {
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        /* cmocka catches SIGSEGV to report a test: here it must kill */
        signal(SIGSEGV, SIG_DFL);
        dup2(fds[1], 2);
        candid_host_activate(activate ? &host : NULL);
        if (activate) candid_msg_arg_size();
        else candid_trap("boom");
        _exit(0);
    }
    close(fds[1]);
    char err[256] = {0};
    size_t got = 0;
    ssize_t k;
    while ((k = read(fds[0], err + got, sizeof err - 1 - got)) > 0) got += (size_t)k;
    close(fds[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGABRT);
    assert_non_null(strstr(err, want));
}

static void trap_without_a_message_aborts_clearly(void **state) {
    (void)state;
    trap_outside_a_method(0, "candid_trap outside a method (no message is being handled): boom");
    trap_outside_a_method(1, "a call.h function needs a message");
}

/* An account whose subaccount is not 32 bytes is invalid, not a full
 * ledger: two GenericError codes. Runs last: it fills the ledger. */
static void invalid_account_is_not_a_full_ledger(void **state) {
    (void)state;
    transfer_arg t;
    memset(&t, 0, sizeof t);
    t.to.owner = (candid_slice){BOB, sizeof BOB};
    t.to.subaccount = (ledger_did_opt_blob){1, {(const uint8_t *)"short", 5}};
    t.amount = 1;
    candid_outcome o;
    transfer_result r;
    call(LEDGER, sizeof LEDGER, "icrc1_transfer", ALICE, sizeof ALICE, encode(&ledger_transfer_args, &t), &o);
    decode(&o, &ledger_result_args, &r);
    assert_int_equal(r.tag, 1);
    assert_int_equal(r.u.Err.tag, ledger_did_TransferError_GenericError_tag);
    assert_true(r.u.Err.u.GenericError.error_code == LEDGER_ERR_INVALID_ACCOUNT);
    assert_int_equal(r.u.Err.u.GenericError.message.len, strlen("invalid account: a subaccount is 32 bytes"));
    /* an invalid from_subaccount too */
    t.to.subaccount.present = 0;
    t.from_subaccount = (ledger_did_opt_blob){1, {(const uint8_t *)"short", 5}};
    call(LEDGER, sizeof LEDGER, "icrc1_transfer", ALICE, sizeof ALICE, encode(&ledger_transfer_args, &t), &o);
    decode(&o, &ledger_result_args, &r);
    assert_true(r.u.Err.u.GenericError.error_code == LEDGER_ERR_INVALID_ACCOUNT);
    /* fill the ledger: then a new valid account is "ledger full" */
    t.from_subaccount.present = 0;
    uint8_t owner[2] = {0xc0, 0};
    t.to.owner = (candid_slice){owner, 2};
    for (int i = 0;; i++) {
        owner[1] = (uint8_t)i;
        call(LEDGER, sizeof LEDGER, "icrc1_transfer", ALICE, sizeof ALICE, encode(&ledger_transfer_args, &t), &o);
        decode(&o, &ledger_result_args, &r);
        if (r.tag) break;
        assert_true(i < 64);
    }
    assert_int_equal(r.u.Err.tag, ledger_did_TransferError_GenericError_tag);
    assert_true(r.u.Err.u.GenericError.error_code == LEDGER_ERR_FULL);
    assert_int_equal(r.u.Err.u.GenericError.message.len, 11);
    assert_memory_equal(r.u.Err.u.GenericError.message.ptr, "ledger full", 11);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(balances_and_transfers, setup),
        cmocka_unit_test_setup(calls_between_canisters, setup),
        cmocka_unit_test_setup(rejects_seen_by_the_harness, setup),
        cmocka_unit_test_setup(failed_reply_appends_nothing, setup),
        cmocka_unit_test_setup(failed_call_arguments_send_nothing, setup),
        cmocka_unit_test_setup(calls_are_sent_once_to_the_callee_named, setup),
        cmocka_unit_test_setup(refused_call_is_answered_once, setup),
        cmocka_unit_test_setup(long_reject_is_cut_on_a_character, setup),
        cmocka_unit_test(utf8_clip_keeps_whole_characters),
        cmocka_unit_test_setup(trap_without_a_message_aborts_clearly, setup),
        cmocka_unit_test_setup(invalid_account_is_not_a_full_ledger, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
