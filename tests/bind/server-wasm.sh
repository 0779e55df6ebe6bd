#!/bin/sh
# The server stubs as a canister: examples/ledger/ledger.did with
# tests/bind/server/impl.c, built freestanding for wasm32 and wasm64 (core,
# call envelope with the ic0 backend, generated code, no libc). Checks that
# the module imports only from ic0 and, when ic-wasm is found (IC_WASM or
# PATH), that its exports match the .did (ic-wasm check-endpoints) and the
# interface embeds as candid:service metadata. CANDID SOURCE_ROOT
set -eu
candid=$1
root=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
icwasm=${IC_WASM:-$(command -v ic-wasm || true)}
"$candid" bind --target c --server -o "$out" --name srv "$root/examples/ledger/ledger.did"
"$candid" bind --target c -o "$out" --name icrc1 "$root/examples/icrc1/icrc1.did"
for w in 32 64; do
  flags="--target=wasm$w-unknown-unknown -Os -ffreestanding -nostdlib -mbulk-memory -fno-builtin
         -Wall -Wextra -Werror -std=c11 -I$root/include -I$out"
  objs=""
  for src in "$root"/lib/core/*.c "$root/lib/call/call.c" "$root/lib/call/ic0/ic0.c" \
             "$root/examples/ledger/libc.c" "$out/srv.c" "$out/icrc1.c" "$root/tests/bind/server/impl.c"; do
    obj="$out/w$w-$(basename "$(dirname "$src")")-$(basename "$src" .c).o"
    clang $flags -c "$src" -o "$obj"
    objs="$objs $obj"
  done
  extra=""
  [ $w = 64 ] && extra=-mwasm64
  wasm-ld-14 --no-entry --strip-all --gc-sections -z stack-size=262144 $extra $objs -o "$out/srv$w.wasm"
  echo "srv$w.wasm: $(stat -c %s "$out/srv$w.wasm") bytes"
  others=$(wasm-objdump -x -j Import "$out/srv$w.wasm" | grep -E '^ - ' | grep -v '<- ic0\.' || true)
  [ -z "$others" ] || { echo "FAIL: imports beside ic0: $others"; exit 1; }
  if [ -n "$icwasm" ]; then
    echo canister_init > "$out/hidden.txt"
    "$icwasm" "$out/srv$w.wasm" check-endpoints --candid "$root/examples/ledger/ledger.did" --hidden "$out/hidden.txt"
    "$icwasm" "$out/srv$w.wasm" -o "$out/meta$w.wasm" metadata candid:service -f "$root/examples/ledger/ledger.did" -v public
    "$icwasm" "$out/meta$w.wasm" info | grep candid:service >/dev/null
    echo "ok wasm$w: ic-wasm check-endpoints and metadata"
  else
    echo "ok wasm$w (ic-wasm not found: endpoints not checked)"
  fi
done
