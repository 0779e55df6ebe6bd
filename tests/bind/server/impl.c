/* A ledger written against the server stubs `candid bind --server` makes
 * from examples/ledger/ledger.did (prefix srv): the implementations only,
 * no decoding or encoding by hand. relay_fee asks another canister for its
 * icrc1_fee through the ICRC-1 client stubs (prefix icrc1) and answers
 * from the continuation. Freestanding: no libc, all memory static. */
#include "icrc1.h"
#include "srv.h"

enum { MAX_ACCOUNTS = 16, FEE = 10 };

static struct {
    uint8_t owner[29];
    size_t len;
    uint64_t balance;
} accounts[MAX_ACCOUNTS];
static size_t naccounts;
static uint64_t next_tx;

static int same(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen) {
    if (alen != blen) return 0;
    for (size_t i = 0; i < alen; i++)
        if (a[i] != b[i]) return 0;
    return 1;
}

/* The balance of a principal; a new account when create is set (NULL when
 * full or absent). Subaccounts are not modelled. */
static uint64_t *balance(const uint8_t *owner, size_t len, int create) {
    for (size_t i = 0; i < naccounts; i++)
        if (same(accounts[i].owner, accounts[i].len, owner, len)) return &accounts[i].balance;
    if (!create || naccounts == MAX_ACCOUNTS || len > sizeof accounts[0].owner) return NULL;
    for (size_t i = 0; i < len; i++) accounts[naccounts].owner[i] = owner[i];
    accounts[naccounts].len = len;
    return &accounts[naccounts++].balance;
}

/* The caller of canister_init starts with 1,000 tokens. */
void srv_init_impl(const srv_init_args *args, srv_ctx *ctx) {
    (void)args;
    (void)ctx;
    uint8_t caller[29];
    size_t n = candid_msg_caller(caller, sizeof caller);
    *balance(caller, n, 1) = 1000;
}

void srv_icrc1_balance_of_impl(const srv_icrc1_balance_of_args *args, srv_icrc1_balance_of_result *result,
                               srv_ctx *ctx) {
    (void)ctx;
    const uint64_t *b = balance(args->_0.owner.ptr, args->_0.owner.len, 0);
    result->_0 = b ? *b : 0;
}

void srv_icrc1_transfer_impl(const srv_icrc1_transfer_args *args, srv_icrc1_transfer_result *result,
                             srv_ctx *ctx) {
    const srv_TransferArg *t = &args->_0;
    uint8_t caller[29];
    size_t n = candid_msg_caller(caller, sizeof caller);
    uint64_t *from = balance(caller, n, 0);
    srv_TransferError *err = &result->_0.u.Err;
    result->_0.tag = srv_icrc1_transfer_ret_0_Err_tag;
    if (t->fee.present && t->fee.value != FEE) {
        err->tag = srv_TransferError_BadFee_tag;
        err->u.BadFee.expected_fee = FEE;
    } else if (!from || *from < t->amount || *from - t->amount < FEE) {
        err->tag = srv_TransferError_InsufficientFunds_tag;
        err->u.InsufficientFunds.balance = from ? *from : 0;
    } else {
        uint64_t *to = balance(t->to.owner.ptr, t->to.owner.len, 1);
        if (!to) {
            ctx->reject = "the ledger is full";
            return;
        }
        *from -= t->amount + FEE;
        *to += t->amount;
        result->_0.tag = srv_icrc1_transfer_ret_0_Ok_tag;
        result->_0.u.Ok = next_tx++;
    }
}

static candid_call relay_call;
static uint8_t reply_buf[512];
static const uint8_t REJECTED[] = "the canister rejected the call";

static void relay_answered(candid_call *call, const candid_outcome *o) {
    static uint64_t work[1024];
    static uint8_t arena_mem[1024];
    candid_decoder d;
    candid_decoder_init(&d, work, sizeof work);
    candid_arena a;
    candid_arena_init(&a, arena_mem, sizeof arena_mem);
    icrc1_icrc1_fee_result fee;
    srv_relay_fee_result r;
    (void)call;
    if (icrc1_icrc1_fee_reply_decode(&d, o, &fee, &a) == CANDID_OK) {
        r._0.tag = srv_relay_fee_ret_0_Ok_tag;
        r._0.u.Ok = fee._0;
    } else {
        r._0.tag = srv_relay_fee_ret_0_Err_tag;
        r._0.u.Err = (candid_slice){REJECTED, sizeof REJECTED - 1};
    }
    srv_relay_fee_reply(&r);
}

void srv_relay_fee_impl(const srv_relay_fee_args *args, srv_relay_fee_result *result, srv_ctx *ctx) {
    static const icrc1_icrc1_fee_args none;
    (void)result;
    relay_call.reply_buf = reply_buf;
    relay_call.reply_cap = sizeof reply_buf;
    if (icrc1_icrc1_fee_call(&relay_call, args->_0.ptr, args->_0.len, &none, relay_answered, NULL))
        ctx->reject = "the call could not be made";
    else
        ctx->defer = 1;
}
