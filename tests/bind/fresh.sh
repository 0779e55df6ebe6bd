#!/bin/sh
# The generated files checked in beside examples/ledger are what candid bind
# writes today: CANDID SOURCE_ROOT.
set -eu
candid=$1
root=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$candid" bind --target c --server -o "$out" --name ledger_did "$root/examples/ledger/ledger.did"
"$candid" bind --target c -o "$out" --name sibling "$root/examples/ledger/sibling.did"
status=0
for f in ledger_did.h ledger_did.c sibling.h sibling.c; do
  diff -u "$root/examples/ledger/$f" "$out/$f" || status=1
done
[ $status = 0 ] || echo "regenerate: see examples/ledger/types.h"
exit $status
