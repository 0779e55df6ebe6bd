#!/usr/bin/env bash
# Builds the Rust ledger canister for wasm32:
#   examples/rust-canister/build.sh CANDID OUT.wasm
# CANDID is the `candid` tool (build/tools/candid/candid). The bindings are
# generated from examples/ledger/ledger.did (server) and sibling.did
# (client); the crate and the canister are compiled by Debian's rustc
# (RUSTC, default /usr/bin/rustc, 1.63: no offset_of!, so the layout
# assertions check sizes and alignments there) as a no_std staticlib, the
# core, the call envelope's ic0 backend and the C stubs by clang, and
# wasm-ld-14 links one module that imports only ic0.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
candid=$(realpath "${1:?usage: build.sh CANDID OUT.wasm}")
out=$(realpath -m "${2:?usage: build.sh CANDID OUT.wasm}")
rustc=${RUSTC:-/usr/bin/rustc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for t in c rust; do
  "$candid" bind --target $t --server -o "$tmp" --name ledger "$root/examples/ledger/ledger.did"
  "$candid" bind --target $t -o "$tmp" --name sibling "$root/examples/ledger/sibling.did"
done
cp "$here"/src/*.rs "$tmp/"
cflags=(--target=wasm32-unknown-unknown -Os -ffreestanding -nostdlib -mbulk-memory -fno-builtin
        -Wall -Wextra -Werror -std=c11 -I"$root/include" -I"$tmp"
        -Dledger_ARG_MAX=4096u -Dledger_DECODE_WORK=32768u -Dledger_ARENA=8192u)
objs=()
for src in "$root"/lib/core/*.c "$root/lib/call/call.c" "$root/lib/call/ic0/ic0.c" \
           "$root/examples/ledger/libc.c" "$tmp"/ledger.c "$tmp"/sibling.c \
           "$tmp"/ledger_layout.c "$tmp"/sibling_layout.c; do
  obj="$tmp/c-$(basename "$(dirname "$src")")-$(basename "$src" .c).o"
  clang "${cflags[@]}" -c "$src" -o "$obj"
  objs+=("$obj")
done
rflags=(--edition 2021 --target wasm32-unknown-unknown -C opt-level=s -C panic=abort -C codegen-units=1
        --cfg libcandid_no_offset_of -D warnings)
"$rustc" "${rflags[@]}" --crate-type rlib --crate-name libcandid \
  "$root/bindings/rust/src/lib.rs" -o "$tmp/liblibcandid.rlib"
"$rustc" "${rflags[@]}" --crate-type staticlib --crate-name rust_ledger \
  -C lto=fat --extern libcandid="$tmp/liblibcandid.rlib" "$tmp/lib.rs" -o "$tmp/librust_ledger.a"
wasm-ld-14 --no-entry --strip-all --gc-sections -z stack-size=262144 "${objs[@]}" \
  "$tmp/librust_ledger.a" -o "$out"
echo "$out: $(stat -c %s "$out") bytes"
