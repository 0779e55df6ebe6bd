/* An ICRC-1 style ledger on the server stubs `candid bind --server` makes
 * from ledger.did (prefix ledger_did): balances, transfers, and a method
 * that asks another canister for its fee (through the client stubs of
 * sibling.did) and relays the answer. The generated entry points decode
 * the arguments, call these ledger_did_*_impl functions and encode the
 * result; nothing here decodes or encodes by hand. Compiled unchanged
 * into the canister (ic0 backend) and into host tests (host backend). All
 * memory is static: no allocator. */
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

#include "ledger.h"
#include "ledger_did.h"
#include "sibling.h"

enum { MAX_ACCOUNTS = 64 };

typedef struct entry {
    uint8_t owner[29];
    uint8_t owner_len;
    uint8_t sub[32]; /* all zero: the default subaccount */
    uint64_t balance;
    int used;
} entry;

static entry accounts[MAX_ACCOUNTS];
static uint64_t next_tx;

/* An ICRC-1 account names a principal (at most 29 bytes, which the
 * decoder ensures) and a 32-byte subaccount; null is the all-zero one. */
static int valid(const ledger_did_Account *acc) {
    return acc->owner.len <= 29 && (!acc->subaccount.present || acc->subaccount.value.len == 32);
}

/* The entry of a valid account, created on request; NULL when there is
 * none (or no free slot to create it in). */
static entry *find(const ledger_did_Account *acc, int create) {
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

/* The caller's default account; its principal lives in `buf`. */
static ledger_did_Account caller_account(uint8_t buf[29]) {
    ledger_did_Account acc;
    memset(&acc, 0, sizeof acc);
    acc.owner.ptr = buf;
    acc.owner.len = candid_msg_caller(buf, 29);
    return acc;
}

/* canister_init: mints the initial supply to the installer. */
void ledger_did_init_impl(const ledger_did_init_args *args, candid_ctx *ctx) {
    (void)args;
    (void)ctx;
    uint8_t caller[29];
    ledger_did_Account acc = caller_account(caller);
    entry *e = valid(&acc) ? find(&acc, 1) : NULL;
    if (e) e->balance = LEDGER_SUPPLY;
}

void ledger_did_icrc1_balance_of_impl(const ledger_did_icrc1_balance_of_args *args,
                                      ledger_did_icrc1_balance_of_result *result, candid_ctx *ctx) {
    (void)ctx;
    const entry *e = valid(&args->_0) ? find(&args->_0, 0) : NULL;
    result->_0 = e ? e->balance : 0;
}

static void generic(ledger_did_TransferError *e, uint64_t code, const char *msg) {
    e->tag = ledger_did_TransferError_GenericError_tag;
    e->u.GenericError.error_code = code;
    e->u.GenericError.message = (candid_slice){(const uint8_t *)msg, strlen(msg)};
}

void ledger_did_icrc1_transfer_impl(const ledger_did_icrc1_transfer_args *args,
                                    ledger_did_icrc1_transfer_result *result, candid_ctx *ctx) {
    (void)ctx;
    const ledger_did_TransferArg *t = &args->_0;
    ledger_did_icrc1_transfer_ret_0 *r = &result->_0;
    uint8_t caller[29];
    ledger_did_Account from = caller_account(caller);
    from.subaccount = t->from_subaccount;
    int accounts_valid = valid(&from) && valid(&t->to);
    entry *src = accounts_valid ? find(&from, 0) : NULL;
    uint64_t have = src ? src->balance : 0;
    r->tag = ledger_did_icrc1_transfer_ret_0_Err_tag;
    if (!accounts_valid) {
        /* ICRC-1 has no case for a malformed account: GenericError, with a
         * code of its own so clients can tell it from a full ledger. */
        generic(&r->u.Err, LEDGER_ERR_INVALID_ACCOUNT, "invalid account: a subaccount is 32 bytes");
    } else if (t->fee.present && t->fee.value != LEDGER_FEE) {
        r->u.Err.tag = ledger_did_TransferError_BadFee_tag;
        r->u.Err.u.BadFee.expected_fee = LEDGER_FEE;
    } else if (t->amount > UINT64_MAX - LEDGER_FEE || have < t->amount + LEDGER_FEE) {
        r->u.Err.tag = ledger_did_TransferError_InsufficientFunds_tag;
        r->u.Err.u.InsufficientFunds.balance = have;
    } else {
        entry *dst = find(&t->to, 1);
        if (!dst) {
            generic(&r->u.Err, LEDGER_ERR_FULL, "ledger full");
        } else {
            src->balance -= t->amount + LEDGER_FEE;
            dst->balance += t->amount;
            r->tag = ledger_did_icrc1_transfer_ret_0_Ok_tag;
            r->u.Ok = next_tx++;
        }
    }
}

/* relay_fee: one call in flight at a time is enough for an example. */
static candid_call relay;
static uint8_t relay_target[29];
static int relay_busy;

static void relay_done(candid_call *c, const candid_outcome *o) {
    static uint64_t work[1 << 12];
    static uint8_t arena_mem[1 << 10];
    (void)c;
    relay_busy = 0;
    ledger_did_relay_fee_result r;
    memset(&r, 0, sizeof r);
    if (o->replied) {
        candid_decoder d;
        candid_decoder_init(&d, work, sizeof work);
        candid_arena a;
        candid_arena_init(&a, arena_mem, sizeof arena_mem);
        sibling_fee_info_result info;
        candid_status st = sibling_fee_info_reply_decode(&d, o, &info, &a);
        if (st) {
            r._0.tag = ledger_did_relay_fee_ret_0_Err_tag;
            r._0.u.Err = (candid_slice){(const uint8_t *)candid_status_message(st),
                                        strlen(candid_status_message(st))};
        } else {
            r._0.u.Ok = info._0.fee;
        }
    } else {
        r._0.tag = ledger_did_relay_fee_ret_0_Err_tag;
        r._0.u.Err = (candid_slice){(const uint8_t *)o->reject_message, o->reject_message_len};
    }
    if (ledger_did_relay_fee_reply(&r)) candid_msg_reject("cannot encode the reply", 23);
}

void ledger_did_relay_fee_impl(const ledger_did_relay_fee_args *args, ledger_did_relay_fee_result *result,
                               candid_ctx *ctx) {
    static const sibling_fee_info_args none;
    static uint8_t reply_buf[1024];
    (void)result;
    if (relay_busy) {
        /* relay and relay_target belong to the call in flight */
        ctx->reject = "a relay is in flight; try again";
        return;
    }
    memcpy(relay_target, args->_0.ptr, args->_0.len);
    relay.reply_buf = reply_buf;
    relay.reply_cap = sizeof reply_buf;
    /* Only OK from the stub (new, arguments, perform) means relay_done will
     * answer; on any failure nothing was sent. */
    if (sibling_fee_info_call(&relay, relay_target, args->_0.len, &none, relay_done, NULL)) {
        ctx->reject = "cannot call the sibling";
        return;
    }
    relay_busy = 1;
    ctx->defer = 1;
}
