#!/bin/sh
# candid check and candid subtype on small .did pairs: exit codes and the
# exact messages. Usage: run.sh CANDID DIR (DIR holds the .did files).
candid=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$2" || exit 1
failed=0

# expect STATUS EXPECTED-STDERR COMMAND...: runs `candid COMMAND...` and
# compares its exit status and standard error.
expect() {
    want_rc=$1 want_err=$2
    shift 2
    got_err=$("$candid" "$@" 2>&1 >/dev/null)
    got_rc=$?
    if [ "$got_rc" != "$want_rc" ] || [ "$got_err" != "$want_err" ]; then
        printf 'FAIL: candid %s\n  status %s (want %s)\n  stderr: %s\n  want:   %s\n' \
            "$*" "$got_rc" "$want_rc" "$got_err" "$want_err"
        failed=1
    fi
}

# compatible upgrades
expect 0 "" check add_opt_field.did base.did
expect 0 "" check add_method.did base.did
# Speed is also an optional result: old clients read the new case as null
expect 0 "candid: warning: method 'speed': result 0 > opt: case 'medium' (id 4274541685) is only in the subtype (only by the special opt rule: the receiver reads null)" \
    check add_arg_case.did base.did
expect 0 "" check base.did base.did
expect 0 "" check base.did base.did --strict
expect 0 "" check base.did

# compatible only by the special opt rule: warnings, status 0
expect 0 "candid: warning: method 'balance': argument 0 > field 'subaccount' (id 1349681965) > opt: vec is not a subtype of text (only by the special opt rule: the receiver reads null)
candid: warning: method 'speed': result 0 > opt: nat is not a subtype of variant Speed (only by the special opt rule: the receiver reads null)
candid: warning: method 'transfer': argument 0 > field 'to' (id 25979) > field 'subaccount' (id 1349681965) > opt: vec is not a subtype of text (only by the special opt rule: the receiver reads null)" \
    check opt_changed.did base.did
expect 1 "candid: opt_changed.did is not structurally equal to base.did:
  method 'balance': argument 0 > field 'subaccount' (id 1349681965) > opt: text is not vec
  method 'speed': result 0 > opt: nat is not variant Speed
  method 'transfer': argument 0 > field 'to' (id 25979) > field 'subaccount' (id 1349681965) > opt: text is not vec" \
    check opt_changed.did base.did --strict

# incompatible upgrades
expect 1 "candid: remove_method.did is not a compatible upgrade of base.did:
  method 'pick' was removed" check remove_method.did base.did
expect 1 "candid: nat_to_text.did is not a compatible upgrade of base.did:
  method 'balance': result 0: text is not a subtype of nat" check nat_to_text.did base.did
expect 1 "candid: add_required_field.did is not a compatible upgrade of base.did:
  method 'transfer': argument 0: field 'fee' (id 5094982) is only in the supertype and is not opt, null or reserved" \
    check add_required_field.did base.did
# a case added to a result variant that is not optional (spec: only under opt)
expect 1 "candid: add_result_case.did is not a compatible upgrade of base.did:
  method 'transfer': result 0: case 'Pending' (id 4181573687) is only in the subtype" \
    check add_result_case.did base.did
expect 1 "candid: add_method.did is not structurally equal to base.did:
  method 'fee' was added" check add_method.did base.did --strict
expect 1 "candid: add_opt_field.did is not structurally equal to base.did:
  method 'transfer': argument 0: field 'memo' (id 1213809850) is only in the first type" \
    check add_opt_field.did base.did --strict
expect 1 "candid: base.did is not a compatible upgrade of add_method.did:
  method 'fee' was removed" check base.did add_method.did

# parse and resolution errors name the line and column
expect 1 "candid: syntax.did:2:1: expected a type (CANDID_ERR_SYNTAX)" check syntax.did
expect 1 "candid: unbound.did:3:15: undefined type name (CANDID_ERR_UNBOUND)" check unbound.did base.did

# subtype
expect 0 "" subtype nat int
expect 0 "" subtype -d base.did 'record { to : Account; amount : nat; memo : blob }' TransferArg
expect 1 "candid: int is not a subtype of nat: int is not a subtype of nat" subtype int nat
expect 1 "candid: TransferArg is not a subtype of record { to : Account; fee : nat }: field 'fee' (id 5094982) is only in the supertype and is not opt, null or reserved" \
    subtype -d base.did TransferArg 'record { to : Account; fee : nat }'
expect 1 "candid: Result is not a subtype of variant { Ok : nat; Err : TransferError }: case 'Pending' (id 4181573687) is only in the subtype" \
    subtype -d add_result_case.did Result 'variant { Ok : nat; Err : TransferError }'
expect 1 "candid: opt nat is not equal to opt int: opt: nat is not int" subtype --strict 'opt nat' 'opt int'
expect 0 "candid: warning: opt: nat is not a subtype of text (only by the special opt rule: the receiver reads null)" \
    subtype 'opt nat' 'opt text'

# usage
expect 2 "candid check: missing FILE.did
Try 'candid check --help'." check
expect 2 "candid check: unknown option '--bogus'
Try 'candid check --help'." check base.did --bogus
expect 2 "candid check: --strict needs PREVIOUS.did
Try 'candid check --help'." check base.did --strict
expect 2 "candid subtype: missing T2
Try 'candid subtype --help'." subtype nat

# Every published .did of the corpus checks, alone and as an upgrade of
# itself (strictly too), when the corpus is there.
corpus=${CANDID_DID_CORPUS:-../../../shared/did-corpus}
if [ -d "$corpus" ]; then
    for f in "$corpus"/*.did; do
        expect 0 "" check "$f"
        expect 0 "" check "$f" "$f"
        expect 0 "" check --strict "$f" "$f"
    done
else
    echo "SKIP corpus checks: no $corpus"
fi

exit $failed
