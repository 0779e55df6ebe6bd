/* The example ledger's constants. Its methods are the ledger_did_*_impl
 * functions ledger_did.h declares (ledger.c implements them); the entry
 * points, ledger_did_*_serve, are generated: exported to the IC in Wasm,
 * registered with candid/host.h in host tests. */
#ifndef LEDGER_H
#define LEDGER_H

#define LEDGER_FEE 10000u
#define LEDGER_SUPPLY 1000000000u

/* error_code of TransferError's GenericError */
#define LEDGER_ERR_FULL 1            /* no room for a new account */
#define LEDGER_ERR_INVALID_ACCOUNT 2 /* a subaccount that is not 32 bytes */

#endif
