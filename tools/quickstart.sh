#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds libcandid and runs the demos:
# the C API on an ICRC-1 transfer argument, then the candid tool encoding
# and decoding the same kind of message from its textual form.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
[ -d build ] || meson setup build >/dev/null
ninja -C build >/dev/null
echo "== the C API (tools/demo.c) =="
./build/tools/candid-demo
echo
echo "== the candid tool =="
candid=./build/tools/candid/candid
did=examples/icrc1/icrc1.did
value='(record { to = record { owner = principal "ryjl3-tyaaa-aaaaa-aaaba-cai"; subaccount = null }; amount = 1_000_000; fee = opt 10_000; memo = opt blob "coffee" })'
echo "\$ candid encode -d $did -t '(TransferArg)' '$value'"
hex=$($candid encode -d "$did" -t '(TransferArg)' "$value")
echo "$hex"
echo "\$ candid decode -d $did -m icrc1_transfer $hex"
$candid decode -d "$did" -m icrc1_transfer "$hex"
echo "\$ candid decode $hex    # at the message's own types: field ids only"
$candid decode "$hex"
