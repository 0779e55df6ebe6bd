/* The ledger's canister entry points (Wasm only): the IC calls exports
 * named "canister_query <method>" and "canister_update <method>". */
#include "ledger.h"

#define EXPORT(name) __attribute__((export_name(name)))

EXPORT("canister_init") void canister_init(void) { ledger_init(); }
EXPORT("canister_query icrc1_balance_of") void query_balance_of(void) { ledger_icrc1_balance_of(); }
EXPORT("canister_update icrc1_transfer") void update_transfer(void) { ledger_icrc1_transfer(); }
EXPORT("canister_update relay_fee") void update_relay_fee(void) { ledger_relay_fee(); }
