/* An ICRC-1 style ledger on libcandid's call envelope: balances, transfers,
 * and a method that asks another canister for its fee and relays the
 * answer. Compiled unchanged into the canister (ic0 backend) and into host
 * tests (host backend). All memory is static: no allocator. */
#include <stddef.h>

#if __STDC_HOSTED__
#include <string.h>
#else
/* A canister links no libc: examples/ledger/libc.c provides these. */
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
#endif

#include "candid/call.h"
#include "candid/decode.h"
#include "ledger.h"
#include "types.h"

enum { MAX_ACCOUNTS = 64, ARG_MAX = 4096 };

typedef struct entry {
    uint8_t owner[29];
    uint8_t owner_len;
    uint8_t sub[32]; /* all zero: the default subaccount */
    uint64_t balance;
    int used;
} entry;

static entry accounts[MAX_ACCOUNTS];
static uint64_t next_tx;

static uint8_t work[1 << 15], arena_mem[1 << 13], cache_mem[1 << 13], arg_buf[ARG_MAX];
static candid_cache cache;
static candid_decoder decoder;
static int ready;

static void setup(void) {
    if (ready) return;
    candid_decoder_init(&decoder, work, sizeof work);
    candid_cache_init(&cache, cache_mem, sizeof cache_mem, 4);
    decoder.cache = &cache;
    ready = 1;
}

static void reject_str(const char *msg) { candid_msg_reject(msg, strlen(msg)); }

/* Reads and decodes this message's arguments; rejects and returns 0 on
 * failure. */
static int read_args(const candid_type *args, void *out, candid_arena *a) {
    setup();
    size_t n = candid_msg_arg_size();
    if (n > sizeof arg_buf) {
        reject_str("argument too large");
        return 0;
    }
    candid_msg_arg_copy(arg_buf, 0, n);
    candid_arena_init(a, arena_mem, sizeof arena_mem);
    candid_status st = candid_decode(&decoder, arg_buf, n, args, out, a);
    if (st) {
        reject_str(candid_status_message(st));
        return 0;
    }
    return 1;
}

/* Encodes a reply with the header candid bind computed for its type. */
static void reply(const candid_header *h, const void *values) {
    if (candid_reply(h, values, work, sizeof work)) reject_str("cannot encode the reply");
}

/* An ICRC-1 account names a principal (at most 29 bytes, which the
 * decoder ensures) and a 32-byte subaccount; null is the all-zero one. */
static int valid(const account *acc) {
    return acc->owner.len <= 29 && (!acc->subaccount.present || acc->subaccount.value.len == 32);
}

/* The entry of a valid account, created on request; NULL when there is
 * none (or no free slot to create it in). */
static entry *find(const account *acc, int create) {
    uint8_t sub[32] = {0};
    if (acc->subaccount.present) memcpy(sub, acc->subaccount.value.ptr, 32);
    entry *free_slot = NULL;
    for (int i = 0; i < MAX_ACCOUNTS; i++) {
        entry *e = &accounts[i];
        if (!e->used) {
            if (!free_slot) free_slot = e;
            continue;
        }
        if (e->owner_len == acc->owner.len && memcmp(e->owner, acc->owner.ptr, e->owner_len) == 0 &&
            memcmp(e->sub, sub, 32) == 0)
            return e;
    }
    if (!create || !free_slot) return NULL;
    memset(free_slot, 0, sizeof *free_slot);
    free_slot->used = 1;
    free_slot->owner_len = (uint8_t)acc->owner.len;
    memcpy(free_slot->owner, acc->owner.ptr, acc->owner.len);
    memcpy(free_slot->sub, sub, 32);
    return free_slot;
}

void ledger_init(void) {
    uint8_t caller[29];
    account acc;
    memset(&acc, 0, sizeof acc);
    acc.owner.ptr = caller;
    acc.owner.len = candid_msg_caller(caller, sizeof caller);
    entry *e = valid(&acc) ? find(&acc, 1) : NULL;
    if (e) e->balance = LEDGER_SUPPLY;
}

void ledger_icrc1_balance_of(void) {
    account acc;
    candid_arena a;
    if (!read_args(&ledger_account_args, &acc, &a)) return;
    entry *e = valid(&acc) ? find(&acc, 0) : NULL;
    uint64_t balance = e ? e->balance : 0;
    reply(&ledger_did_icrc1_balance_of_result_header, &balance);
}

static void generic(ledger_did_TransferError *e, uint64_t code, const char *msg) {
    e->tag = ledger_did_TransferError_GenericError_tag;
    e->u.GenericError.error_code = code;
    e->u.GenericError.message = (candid_slice){(const uint8_t *)msg, strlen(msg)};
}

void ledger_icrc1_transfer(void) {
    transfer_arg t;
    candid_arena a;
    if (!read_args(&ledger_transfer_args, &t, &a)) return;
    transfer_result r;
    memset(&r, 0, sizeof r);
    uint8_t caller[29];
    account from;
    memset(&from, 0, sizeof from);
    from.owner.ptr = caller;
    from.owner.len = candid_msg_caller(caller, sizeof caller);
    from.subaccount = t.from_subaccount;
    int accounts_valid = valid(&from) && valid(&t.to);
    entry *src = accounts_valid ? find(&from, 0) : NULL;
    uint64_t have = src ? src->balance : 0;
    r.tag = ledger_did_icrc1_transfer_ret_0_Err_tag;
    if (!accounts_valid) {
        /* ICRC-1 has no case for a malformed account: GenericError, with a
         * code of its own so clients can tell it from a full ledger. */
        generic(&r.u.Err, LEDGER_ERR_INVALID_ACCOUNT, "invalid account: a subaccount is 32 bytes");
    } else if (t.fee.present && t.fee.value != LEDGER_FEE) {
        r.u.Err.tag = ledger_did_TransferError_BadFee_tag;
        r.u.Err.u.BadFee.expected_fee = LEDGER_FEE;
    } else if (t.amount > UINT64_MAX - LEDGER_FEE || have < t.amount + LEDGER_FEE) {
        r.u.Err.tag = ledger_did_TransferError_InsufficientFunds_tag;
        r.u.Err.u.InsufficientFunds.balance = have;
    } else {
        entry *dst = find(&t.to, 1);
        if (!dst) {
            generic(&r.u.Err, LEDGER_ERR_FULL, "ledger full");
        } else {
            src->balance -= t.amount + LEDGER_FEE;
            dst->balance += t.amount;
            r.tag = ledger_did_icrc1_transfer_ret_0_Ok_tag;
            r.u.Ok = next_tx++;
        }
    }
    reply(&ledger_did_icrc1_transfer_result_header, &r);
}

/* relay_fee: one call in flight at a time is enough for an example. */
static candid_call relay;
static uint8_t relay_target[29];
static int relay_busy;

static void relay_done(candid_call *c, const candid_outcome *o) {
    (void)c;
    relay_busy = 0;
    fee_result r;
    memset(&r, 0, sizeof r);
    if (o->replied) {
        sibling_fee_info_result info;
        candid_arena a;
        candid_arena_init(&a, arena_mem, sizeof arena_mem);
        candid_status st = sibling_fee_info_reply_decode(&decoder, o, &info, &a);
        if (st) {
            r.tag = ledger_did_relay_fee_ret_0_Err_tag;
            r.u.Err = (candid_slice){(const uint8_t *)candid_status_message(st),
                                     strlen(candid_status_message(st))};
        } else {
            r.u.Ok = info._0.fee;
        }
    } else {
        r.tag = ledger_did_relay_fee_ret_0_Err_tag;
        r.u.Err = (candid_slice){(const uint8_t *)o->reject_message, o->reject_message_len};
    }
    reply(&ledger_did_relay_fee_result_header, &r);
}

void ledger_relay_fee(void) {
    static const sibling_fee_info_args none;
    candid_slice target;
    candid_arena a;
    if (!read_args(&ledger_principal_args, &target, &a)) return;
    if (relay_busy) {
        /* relay and relay_target belong to the call in flight */
        reject_str("a relay is in flight; try again");
        return;
    }
    memcpy(relay_target, target.ptr, target.len);
    static uint8_t reply_buf[1024];
    relay.reply_buf = reply_buf;
    relay.reply_cap = sizeof reply_buf;
    /* Only OK from the stub (new, arguments, perform) means relay_done will
     * answer; on any failure nothing was sent. */
    if (sibling_fee_info_call(&relay, relay_target, target.len, &none, relay_done, NULL)) {
        reject_str("cannot call the sibling");
        return;
    }
    relay_busy = 1;
}
