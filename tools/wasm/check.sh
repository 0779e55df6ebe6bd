#!/usr/bin/env bash
# The Wasm checks: tools/wasm/check.sh DIR
#  - the example ledger canister built for wasm32 and wasm64 imports only
#    from "ic0" (wabt's wasm-objdump);
#  - its exports match examples/ledger/ledger.did (ic-wasm check-endpoints;
#    canister_init is the one system entry point beside the methods), the
#    interface embeds as candid:service metadata, and ic-wasm info reads it;
#  - its messages run under an emulation of the ic0 API (ic0-emu.mjs): a
#    refused call, a long reject relayed, a trap's message;
#  - the core's test driver built for wasm32-wasi passes under Node's WASI.
# Prints PASS/FAIL per check; exits non-zero on any FAIL.
set -uo pipefail
cd "$(dirname "$0")/../.."
dir=${1:?usage: tools/wasm/check.sh DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
fails=0
log="$dir/log"
result() { # name status
  if [ "$2" -eq 0 ]; then echo "PASS $1"; else echo "FAIL $1"; tail -n 20 "$log"; fails=$((fails + 1)); fi
}

icwasm=$(bash tools/wasm/ic-wasm-path 2>"$log" || true)

# memory64 is behind a flag on Node 20, standard (and the flag gone) later
node_flags=()
node --experimental-wasm-memory64 -e 0 >/dev/null 2>&1 && node_flags=(--experimental-wasm-memory64)

for w in 32 64; do
  mod="$dir/ledger$w.wasm"
  bash tools/wasm/build-canister.sh "$w" "$mod" >"$log" 2>&1
  result "build ledger canister wasm$w" $?
  [ -f "$mod" ] || continue
  echo "  $(stat -c %s "$mod") bytes"
  others=$(wasm-objdump -x -j Import "$mod" 2>"$log" | grep -E '^ - ' | grep -v '<- ic0\.' || true)
  [ -z "$others" ]
  result "wasm$w imports only from ic0" $?
  node "${node_flags[@]}" tools/wasm/ic0-emu.mjs "$mod" "$w" >"$log" 2>&1
  status=$?
  result "wasm$w messages under the ic0 emulation ($(grep -c '^PASS' "$log") scenarios pass)" $status
  if [ -z "$icwasm" ]; then
    echo "SKIP ic-wasm checks for wasm$w: @icp-sdk/ic-wasm-linux-x64 could not be installed"
    continue
  fi
  "$icwasm" "$mod" check-endpoints --candid examples/ledger/ledger.did \
    --hidden examples/ledger/hidden-endpoints.txt >"$log" 2>&1
  result "wasm$w exports match ledger.did (ic-wasm check-endpoints)" $?
  "$icwasm" "$mod" -o "$dir/ledger$w.meta.wasm" metadata candid:service \
    -f examples/ledger/ledger.did -v public >"$log" 2>&1 &&
    "$icwasm" "$dir/ledger$w.meta.wasm" info >"$log" 2>&1 &&
    grep -q 'candid:service' "$log"
  result "wasm$w candid:service metadata (ic-wasm metadata, info)" $?
done

clang --target=wasm32-wasi --sysroot=/usr -O2 -mbulk-memory -Wall -Wextra -Werror -Iinclude \
  tests/wasi/driver.c lib/core/*.c -o "$dir/driver.wasm" >"$log" 2>&1
result "build core test driver for wasm32-wasi" $?
node tools/wasm/run-wasi.mjs "$dir/driver.wasm" >"$log" 2>&1
status=$?
grep -E 'passed, .* failed|FAIL' "$log" | sed 's/^/  /'
result "core test driver under Node's WASI" $status

[ "$fails" -eq 0 ]
