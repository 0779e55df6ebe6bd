/* The example ledger's methods, the same source for the canister (Wasm,
 * ic0 backend) and for host harnesses (host backend). */
#ifndef LEDGER_H
#define LEDGER_H

/* canister_init: mints the initial supply to the installer. */
void ledger_init(void);
void ledger_icrc1_balance_of(void);
void ledger_icrc1_transfer(void);
void ledger_relay_fee(void);

#define LEDGER_FEE 10000u
#define LEDGER_SUPPLY 1000000000u

/* error_code of TransferError's GenericError */
#define LEDGER_ERR_FULL 1            /* no room for a new account */
#define LEDGER_ERR_INVALID_ACCOUNT 2 /* a subaccount that is not 32 bytes */

#endif
