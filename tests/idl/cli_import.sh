#!/bin/sh
# The CLI's -d reads imports relative to the importing file; a cycle and a
# missing file are errors at the import. Usage: cli_import.sh CANDID DIR
candid=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") # before the cd below
dir=$2
fail=0
check() { # what expected actual
    if [ "$2" != "$3" ]; then
        printf '%s:\n  expected: %s\n  got:      %s\n' "$1" "$2" "$3"
        fail=1
    fi
}
cd "$dir" || exit 1
hex=$("$candid" encode -d main.did -t '(Main)' \
    '(record { a = record { owner = principal "aaaaa-aa"; sub = opt blob "\01" } })' 2>&1)
check "encode through an import" \
    4449444c046c0161016c0280d3de0202b3b0dac303686e036d7b01000101010100 "$hex"
out=$("$candid" decode -d main.did -m balance \
    4449444c036c0280d3de0201b3b0dac303686e026d7b0100000100 2>&1)
check "a method of an imported service" \
    '(record { sub = null; owner = principal "aaaaa-aa" })' "$out"
out=$("$candid" decode -d cycle_a.did 4449444c0000 2>&1)
check "a cycle" \
    'candid: lib/cycle_b.did:2:3: import cycle: the file imports itself (CANDID_ERR_BAD_TYPE)' "$out"
out=$("$candid" decode -d missing.did 4449444c0000 2>&1)
check "a missing file" \
    "candid: cannot open lib/absent.did
candid: missing.did:2:1: cannot read the imported file (CANDID_ERR_UNBOUND)" "$out"
exit $fail
