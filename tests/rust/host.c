/* The host backend (candid/host.h) for tests/canister.rs: the Rust ledger
 * (its C server stubs, whose NAME_METHOD_impl are the Rust Service) as
 * canister 0x01, a C sibling answering fee_info with 10,000 as 0x02, and
 * one that rejects as 0x03. */
#include "candid/host.h"
#include "ledger.h"
#include "sibling.h"

static const uint8_t LEDGER[] = {0x01}, SIBLING[] = {0x02}, GRUMPY[] = {0x03};
static uint8_t host_mem[1 << 18];
static candid_host host;

static void sibling_fee_info(void) {
    static uint8_t out[256];
    sibling_fee_info_result r = {{10000}};
    candid_writer w;
    candid_writer_init(&w, out, sizeof out);
    if (sibling_fee_info_result_encode(&w, &r)) candid_trap("cannot encode");
    candid_msg_reply_append(out, w.total);
    candid_msg_reply();
}

static void grumpy_fee_info(void) { candid_msg_reject("no fee here", 11); }

/* Sets the three canisters up on this thread's host. */
int rust_host_setup(void) {
    static const candid_host_method ledger_m[] = {
        {"canister_init", ledger_init_serve},
        {"icrc1_balance_of", ledger_icrc1_balance_of_serve},
        {"icrc1_transfer", ledger_icrc1_transfer_serve},
        {"relay_fee", ledger_relay_fee_serve},
    };
    static const candid_host_method sibling_m[] = {{"fee_info", sibling_fee_info}};
    static const candid_host_method grumpy_m[] = {{"fee_info", grumpy_fee_info}};
    static const candid_host_canister ledger = {LEDGER, 1, ledger_m, 4};
    static const candid_host_canister sibling = {SIBLING, 1, sibling_m, 1};
    static const candid_host_canister grumpy = {GRUMPY, 1, grumpy_m, 1};
    if (candid_host_init(&host, host_mem, sizeof host_mem)) return -1;
    candid_host_activate(&host);
    if (candid_host_add(&host, &ledger) || candid_host_add(&host, &sibling) || candid_host_add(&host, &grumpy))
        return -1;
    return 0;
}

/* An ingress message to the ledger, run to its answer: 1 replied (the reply
 * in *out), 0 rejected (the message in *out), -1 not delivered. */
int rust_host_ingress(const char *method, const uint8_t *caller, size_t caller_len, const uint8_t *arg,
                      size_t len, const uint8_t **out, size_t *out_len) {
    candid_outcome o;
    if (candid_host_ingress(&host, LEDGER, 1, method, caller, caller_len, arg, len, &o)) return -1;
    *out = o.replied ? o.reply : (const uint8_t *)o.reject_message;
    *out_len = o.replied ? o.reply_len : o.reject_message_len;
    return o.replied;
}

/* The sizes of the structs the libcandid crate mirrors (bindings/rust/src/
 * sys.rs), for tests/mirrors.rs: a C member added or moved shows there. */
size_t rust_c_sizeof(int which) {
    switch (which) {
    case 0: return sizeof(candid_limits);
    case 1: return sizeof(candid_cache);
    case 2: return sizeof(candid_decoder);
    case 3: return sizeof(candid_arena);
    case 4: return sizeof(candid_writer);
    case 5: return sizeof(candid_header);
    case 6: return sizeof(candid_call);
    case 7: return sizeof(candid_outcome);
    default: return 0;
    }
}
