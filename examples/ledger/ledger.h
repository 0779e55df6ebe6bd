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

#endif
