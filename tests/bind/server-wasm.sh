#!/bin/sh
# The example ledger, written only against its --server stubs, as a
# canister: built freestanding for wasm32 and wasm64
# (tools/wasm/build-canister.sh), it imports only from ic0 and, when
# ic-wasm can be had (tools/wasm/ic-wasm-path), its exports match ledger.did
# (ic-wasm check-endpoints) and the interface embeds as candid:service
# metadata. tools/wasm/check.sh runs its messages too. SOURCE_ROOT
set -eu
root=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
icwasm=$(bash "$root/tools/wasm/ic-wasm-path" 2>/dev/null || true)
did="$root/examples/ledger/ledger.did"
for w in 32 64; do
  bash "$root/tools/wasm/build-canister.sh" $w "$out/ledger$w.wasm"
  echo "ledger$w.wasm: $(stat -c %s "$out/ledger$w.wasm") bytes"
  others=$(wasm-objdump -x -j Import "$out/ledger$w.wasm" | grep -E '^ - ' | grep -v '<- ic0\.' || true)
  [ -z "$others" ] || { echo "FAIL: imports beside ic0: $others"; exit 1; }
  if [ -n "$icwasm" ]; then
    "$icwasm" "$out/ledger$w.wasm" check-endpoints --candid "$did" --hidden "$root/examples/ledger/hidden-endpoints.txt"
    "$icwasm" "$out/ledger$w.wasm" -o "$out/meta$w.wasm" metadata candid:service -f "$did" -v public
    "$icwasm" "$out/meta$w.wasm" info | grep candid:service >/dev/null
    echo "ok wasm$w: ic-wasm check-endpoints and metadata"
  else
    echo "ok wasm$w (ic-wasm not found: endpoints not checked)"
  fi
done
