/* The ledger's type descriptions; see types.h. Field ids are the hashes of
 * the names (candid hash NAME), fields sorted by id. */
#include "types.h"

#define PRIM(k, T) {.kind = (k), .size = sizeof(T), .align = _Alignof(T)}

static const candid_type nat_t = PRIM(CANDID_NAT, uint64_t);
static const candid_type nat64_t = PRIM(CANDID_NAT64, uint64_t);
static const candid_type text_t = PRIM(CANDID_TEXT, candid_slice);
static const candid_type null_t = {.kind = CANDID_NULL, .align = 1};
static const candid_type principal_t = PRIM(CANDID_PRINCIPAL, candid_slice);
static const candid_type nat8_t = PRIM(CANDID_NAT8, uint8_t);
static const candid_type blob_t = {.kind = CANDID_VEC, .repr = CANDID_REPR_SLICE, .size = sizeof(candid_slice),
                                   .align = _Alignof(candid_slice), .inner = &nat8_t};
static const candid_type opt_blob_t = {.kind = CANDID_OPT, .size = sizeof(opt_blob), .align = _Alignof(opt_blob),
                                       .offset = offsetof(opt_blob, v), .inner = &blob_t};
static const candid_type opt_nat_t = {.kind = CANDID_OPT, .size = sizeof(opt_u64), .align = 8,
                                      .offset = offsetof(opt_u64, v), .inner = &nat_t};
static const candid_type opt_nat64_t = {.kind = CANDID_OPT, .size = sizeof(opt_u64), .align = 8,
                                        .offset = offsetof(opt_u64, v), .inner = &nat64_t};

static const candid_field account_f[] = {
    {.id = 947296307, .offset = offsetof(account, owner), .type = &principal_t, .name = "owner"},
    {.id = 1349681965, .offset = offsetof(account, subaccount), .type = &opt_blob_t, .name = "subaccount"},
};
static const candid_type account_t = {.kind = CANDID_RECORD, .size = sizeof(account),
                                      .align = _Alignof(account), .count = 2, .fields = account_f};

static const candid_field transfer_f[] = {
    {.id = 25979, .offset = offsetof(transfer_arg, to), .type = &account_t, .name = "to"},
    {.id = 5094982, .offset = offsetof(transfer_arg, fee), .type = &opt_nat_t, .name = "fee"},
    {.id = 1213809850, .offset = offsetof(transfer_arg, memo), .type = &opt_blob_t, .name = "memo"},
    {.id = 1835347746, .offset = offsetof(transfer_arg, from_subaccount), .type = &opt_blob_t, .name = "from_subaccount"},
    {.id = 3258775938u, .offset = offsetof(transfer_arg, created_at_time), .type = &opt_nat64_t, .name = "created_at_time"},
    {.id = 3573748184u, .offset = offsetof(transfer_arg, amount), .type = &nat_t, .name = "amount"},
};
static const candid_type transfer_t = {.kind = CANDID_RECORD, .size = sizeof(transfer_arg),
                                       .align = _Alignof(transfer_arg), .count = 6, .fields = transfer_f};

/* record { x : nat } for one field name */
#define ONE_NAT(name_, id_)                                                                  \
    static const candid_field name_##_f[] = {{.id = (id_), .offset = 0, .type = &nat_t, .name = #name_}}; \
    static const candid_type name_##_t = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1, .fields = name_##_f}
ONE_NAT(expected_fee, 3725446591u);
ONE_NAT(min_burn_amount, 2765068699u);
ONE_NAT(balance, 596483356u);
ONE_NAT(duplicate_of, 326934155u);
static const candid_field ledger_time_f[] = {{.id = 2709806499u, .offset = 0, .type = &nat64_t, .name = "ledger_time"}};
static const candid_type ledger_time_t = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1, .fields = ledger_time_f};
static const candid_field generic_f[] = {
    {.id = 2584819143u, .offset = offsetof(generic_error, message), .type = &text_t, .name = "message"},
    {.id = 3601615940u, .offset = offsetof(generic_error, error_code), .type = &nat_t, .name = "error_code"},
};
static const candid_type generic_t = {.kind = CANDID_RECORD, .size = sizeof(generic_error), .align = 8,
                                      .count = 2, .fields = generic_f};

#define CASE(id_, name_, type_) {.id = (id_), .offset = offsetof(transfer_error, u), .type = (type_), .name = name_}
static const candid_field error_f[] = {
    CASE(260448849u, "GenericError", &generic_t),
    CASE(658180290u, "TemporarilyUnavailable", &null_t),
    CASE(1093787796u, "BadBurn", &min_burn_amount_t),
    CASE(1122632043u, "Duplicate", &duplicate_of_t),
    CASE(2142953889u, "BadFee", &expected_fee_t),
    CASE(2608432112u, "CreatedInFuture", &ledger_time_t),
    CASE(3373249171u, "TooOld", &null_t),
    CASE(4206284395u, "InsufficientFunds", &balance_t),
};
static const candid_type error_t = {.kind = CANDID_VARIANT, .size = sizeof(transfer_error),
                                    .align = _Alignof(transfer_error), .count = 8, .fields = error_f};
static const candid_field result_f[] = {
    {.id = 17724, .offset = offsetof(transfer_result, u), .type = &nat_t, .name = "Ok"},
    {.id = 3456837, .offset = offsetof(transfer_result, u), .type = &error_t, .name = "Err"},
};
static const candid_type result_t = {.kind = CANDID_VARIANT, .size = sizeof(transfer_result),
                                     .align = _Alignof(transfer_result), .count = 2, .fields = result_f};
static const candid_field fee_result_f[] = {
    {.id = 17724, .offset = offsetof(fee_result, u), .type = &nat_t, .name = "Ok"},
    {.id = 3456837, .offset = offsetof(fee_result, u), .type = &text_t, .name = "Err"},
};
static const candid_type fee_result_t = {.kind = CANDID_VARIANT, .size = sizeof(fee_result),
                                         .align = _Alignof(fee_result), .count = 2, .fields = fee_result_f};
static const candid_field fee_info_f[] = {{.id = 5094982, .offset = 0, .type = &nat_t, .name = "fee"}};
static const candid_type fee_info_t = {.kind = CANDID_RECORD, .size = 8, .align = 8, .count = 1,
                                       .fields = fee_info_f};

/* Argument lists: records with ids 0, 1, ... */
#define ARGS1(name_, type_, ctype_)                                                          \
    static const candid_field name_##_f[] = {{.id = 0, .offset = 0, .type = (type_)}};       \
    const candid_type name_ = {.kind = CANDID_RECORD, .size = sizeof(ctype_),               \
                               .align = _Alignof(ctype_), .count = 1, .fields = name_##_f}
ARGS1(ledger_account_args, &account_t, account);
ARGS1(ledger_nat_args, &nat_t, uint64_t);
ARGS1(ledger_transfer_args, &transfer_t, transfer_arg);
ARGS1(ledger_result_args, &result_t, transfer_result);
ARGS1(ledger_principal_args, &principal_t, candid_slice);
ARGS1(ledger_fee_result_args, &fee_result_t, fee_result);
ARGS1(ledger_fee_info_args, &fee_info_t, uint64_t);
const candid_type ledger_no_args = {.kind = CANDID_RECORD, .align = 1};
