/* C layouts and Candid descriptions of the ledger's types (what a code
 * generator would emit from ledger.did). */
#ifndef LEDGER_TYPES_H
#define LEDGER_TYPES_H

#include <stddef.h>

#include "candid/types.h"

typedef struct { uint8_t has; candid_slice v; } opt_blob;
typedef struct { uint8_t has; uint64_t v; } opt_u64;
typedef struct { candid_slice owner; opt_blob subaccount; } account;
typedef struct {
    account to;
    opt_u64 fee;
    opt_blob memo;
    opt_blob from_subaccount;
    opt_u64 created_at_time;
    uint64_t amount;
} transfer_arg;


typedef struct { uint64_t error_code; candid_slice message; } generic_error;
typedef struct {
    uint32_t tag;
    union {
        uint64_t number; /* the one nat field of most cases */
        generic_error generic;
    } u;
} transfer_error;
typedef struct {
    uint32_t tag; /* 0 Ok, 1 Err */
    union {
        uint64_t ok;
        transfer_error err;
    } u;
} transfer_result;

typedef struct {
    uint32_t tag; /* 0 Ok, 1 Err */
    union {
        uint64_t ok;
        candid_slice err;
    } u;
} fee_result;

extern const candid_type ledger_account_args;   /* (Account) */
extern const candid_type ledger_nat_args;       /* (nat) */
extern const candid_type ledger_transfer_args;  /* (TransferArg) */
extern const candid_type ledger_result_args;    /* (variant { Ok : nat; Err : TransferError }) */
extern const candid_type ledger_principal_args; /* (principal) */
extern const candid_type ledger_fee_result_args;/* (variant { Ok : nat; Err : text }) */
extern const candid_type ledger_fee_info_args;  /* (record { fee : nat }) */
extern const candid_type ledger_no_args;        /* () */

/* Case positions of TransferError (sorted by field id). */
#define TE_GENERIC_ERROR 0
#define TE_TEMPORARILY_UNAVAILABLE 1
#define TE_BAD_BURN 2
#define TE_DUPLICATE 3
#define TE_BAD_FEE 4
#define TE_CREATED_IN_FUTURE 5
#define TE_TOO_OLD 6
#define TE_INSUFFICIENT_FUNDS 7

#endif
