/* libFuzzer: the call envelope's answering side on the host backend. The
 * example ledger (and a sibling for relay_fee) receives random argument
 * bytes on a method chosen by the first input byte; every message must end
 * in a reply that decodes at the method's result type, or in a reject. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../examples/ledger/ledger.h"
#include "../examples/ledger/types.h"
#include "candid/candid.h"
#include "candid/host.h"

static const uint8_t LEDGER[] = {0x01};
static const uint8_t SIBLING[] = {0x0a};
static const uint8_t CALLER[] = {0xa1, 0x1c, 0xe0};

static void sibling_fee_info(void) {
    static candid_header h;
    static uint8_t hb[32], work[4096];
    if (!h.args) candid_header_build(&h, &ledger_fee_info_args, hb, sizeof hb, work, sizeof work);
    uint64_t fee = 10000;
    candid_reply(&h, &fee, work, sizeof work);
}

static const candid_host_method ledger_methods[] = {
    {"canister_init", ledger_did_init_serve},
    {"icrc1_balance_of", ledger_did_icrc1_balance_of_serve},
    {"icrc1_transfer", ledger_did_icrc1_transfer_serve},
    {"relay_fee", ledger_did_relay_fee_serve},
};
static const candid_host_method sibling_methods[] = {{"fee_info", sibling_fee_info}};
static const candid_host_canister ledger = {LEDGER, sizeof LEDGER, ledger_methods, 4};
static const candid_host_canister sibling = {SIBLING, sizeof SIBLING, sibling_methods, 1};

static uint8_t host_mem[1 << 20], work[1 << 16], arena_mem[1 << 16], out[256];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1 || size > 16384) return 0;
    static candid_host host;
    candid_host_init(&host, host_mem, sizeof host_mem);
    candid_host_add(&host, &ledger);
    candid_host_add(&host, &sibling);
    candid_outcome o;
    candid_host_ingress(&host, LEDGER, sizeof LEDGER, "canister_init", CALLER, sizeof CALLER, NULL, 0, &o);
    static const char *const methods[] = {"icrc1_balance_of", "icrc1_transfer", "relay_fee"};
    static const candid_type *const results[] = {&ledger_nat_args, &ledger_result_args, &ledger_fee_result_args};
    int m = data[0] % 3;
    if (candid_host_ingress(&host, LEDGER, sizeof LEDGER, methods[m], CALLER, sizeof CALLER, data + 1,
                            size - 1, &o) != CANDID_OK)
        abort(); /* every message ends */
    if (o.replied) {
        candid_decoder d;
        candid_decoder_init(&d, work, sizeof work);
        candid_arena a;
        candid_arena_init(&a, arena_mem, sizeof arena_mem);
        if (candid_decode(&d, o.reply, o.reply_len, results[m], out, &a)) abort();
    } else if (o.reject_code < 1 || o.reject_code > 6) {
        abort();
    }
    return 0;
}
