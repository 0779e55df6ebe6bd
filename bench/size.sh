#!/usr/bin/env bash
# Module sizes of the speed-first and the size-first build (-Dcore_opt=size),
# wasm32, and the largest functions of the size-first core:
#   size core opt=speed|size bytes=N code=N [target=N ok|MISS]
#   size ledger opt=speed|size stubs=fast|no-fast bytes=N code=N [target=N ok|MISS]
#   size top opt=size FUNCTION bytes=N          (the ten largest, when a target is missed)
# The core module is what the wasm32 cross build links (build-size-w32-*/
# candid-core.wasm: -Os, every public function exported) with its names
# stripped; the ledger is tools/wasm/build-canister.sh's canister with the
# core's CANDID_OPT_SIZE for the size build and its stubs generated with
# --no-fast. Usage: bench/size.sh [CANDID] (the candid tool; default
# build/tools/candid/candid).
set -euo pipefail
cd "$(dirname "$0")/.."
candid=${1:-build/tools/candid/candid}
core_target=32768
ledger_target=40960
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The Code section's size.
code_size() {
  local hex
  hex=$(wasm-objdump -h "$1" | sed -n 's/^ *Code .*(size=\(0x[0-9a-f]*\)).*/\1/p')
  echo $((hex))
}
verdict() { # figure target
  if [ "$1" -le "$2" ]; then echo "target=$2 ok"; else echo "target=$2 MISS"; fi
}

for opt in speed size; do
  dir=build-size-w32-$opt
  [ -d "$dir" ] || meson setup "$dir" --cross-file cross/wasm32.ini -Dcore_opt=$opt >/dev/null
  ninja -C "$dir" >/dev/null
  llvm-strip-14 -o "$tmp/core-$opt.wasm" "$dir/candid-core.wasm"
  bytes=$(stat -c %s "$tmp/core-$opt.wasm")
  extra=""
  [ $opt = size ] && extra=" $(verdict "$bytes" $core_target)"
  echo "size core opt=$opt bytes=$bytes code=$(code_size "$tmp/core-$opt.wasm")$extra"
done

# The example ledger: build-canister.sh's flags and link, stubs regenerated.
for opt in speed size; do
  stubs=fast
  defs=()
  if [ $opt = size ]; then stubs=no-fast; defs=(-DCANDID_OPT_SIZE -Oz); fi
  src=$tmp/ledger-$opt
  mkdir -p "$src"
  cp examples/ledger/ledger.c examples/ledger/libc.c examples/ledger/types.h examples/ledger/ledger.h "$src/"
  "$candid" bind --target c --$stubs --server -o "$src" --name ledger_did examples/ledger/ledger.did
  "$candid" bind --target c --$stubs -o "$src" --name sibling examples/ledger/sibling.did
  objs=()
  for f in lib/core/*.c lib/call/call.c lib/call/ic0/ic0.c "$src"/*.c; do
    obj="$src/$(echo "$f" | tr / _).o"
    clang --target=wasm32-unknown-unknown -Os -ffreestanding -nostdlib -mbulk-memory -fno-builtin \
      -Wall -Wextra -Werror -std=c11 -Iinclude -I"$src" "${defs[@]}" -c "$f" -o "$obj"
    objs+=("$obj")
  done
  wasm-ld-14 --no-entry --strip-all --gc-sections -z stack-size=262144 "${objs[@]}" -o "$tmp/ledger-$opt.wasm"
  bytes=$(stat -c %s "$tmp/ledger-$opt.wasm")
  extra=""
  [ $opt = size ] && extra=" $(verdict "$bytes" $ledger_target)"
  echo "size ledger opt=$opt stubs=$stubs bytes=$bytes code=$(code_size "$tmp/ledger-$opt.wasm")$extra"
done

# What takes the space: the size build's largest functions (a names section
# is kept for this listing only).
core_bytes=$(stat -c %s "$tmp/core-size.wasm")
ledger_bytes=$(stat -c %s "$tmp/ledger-size.wasm")
if [ "$core_bytes" -gt $core_target ] || [ "$ledger_bytes" -gt $ledger_target ]; then
  wasm-objdump -x -j Code build-size-w32-size/candid-core.wasm |
    sed -n 's/.*func\[[0-9]*\] size=\([0-9]*\) <\([^>]*\)>.*/\1 \2/p' | sort -rn | head -10 |
    while read -r n name; do echo "size top opt=size $name bytes=$n"; done
fi
