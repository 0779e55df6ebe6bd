#!/usr/bin/env bash
# Builds the sibling canister for one memory width:
#   examples/sibling/build.sh 32|64 OUT.wasm
# Freestanding clang and wasm-ld, no libc (examples/ledger/libc.c has the
# four functions used): the core, the call envelope's ic0 backend, the
# generated server stubs (sibling.c) and the library with its methods. An
# 8 MiB arena holds the results (varint_encode of a 2 MiB message).
set -euo pipefail
cd "$(dirname "$0")/../.."
width=${1:?usage: build.sh 32|64 OUT.wasm}
out=${2:?usage: build.sh 32|64 OUT.wasm}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
flags=(--target=wasm$width-unknown-unknown -Os -ffreestanding -nostdlib -mbulk-memory
       -fno-builtin -Wall -Wextra -Werror -std=c11 -Iinclude '-Dsibling_ARENA=(8u << 20)')
objs=()
for src in lib/core/*.c lib/call/call.c lib/call/ic0/ic0.c examples/ledger/libc.c examples/sibling/*.c; do
  obj="$tmp/$(echo "$src" | tr / _).o"
  clang "${flags[@]}" -c "$src" -o "$obj"
  objs+=("$obj")
done
ld_flags=(--no-entry --strip-all --gc-sections -z stack-size=262144)
[ "$width" = 64 ] && ld_flags+=(-mwasm64)
wasm-ld-14 "${ld_flags[@]}" "${objs[@]}" -o "$out"
