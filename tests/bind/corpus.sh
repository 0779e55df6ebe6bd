#!/bin/sh
# Every .did in DIR generates C (client and, with --server, server side)
# that compiles cleanly with gcc and clang (-std=c11 -Wall -Wextra -Werror
# -pedantic) and with clang for wasm32 and wasm64 freestanding: CANDID INCLUDE_DIR DIR... (a missing DIR is skipped:
# exit 77 when none exists).
set -eu
candid=$1
inc=$2
shift 2
found=0
for dir in "$@"; do [ -d "$dir" ] && found=1; done
if [ $found = 0 ]; then echo "no .did directory found: skipped"; exit 77; fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
flags="-std=c11 -Wall -Wextra -Werror -pedantic -I$inc"
for did in $(for dir in "$@"; do [ -d "$dir" ] && ls "$dir"/*.did; done); do
  stem=$(basename "$did" .did | tr -c 'A-Za-z0-9_\n' _)
  "$candid" bind --target c --server -o "$out" --name "$stem" "$did"
  gcc $flags -c "$out/$stem.c" -o "$out/$stem.gcc.o"
  clang $flags -c "$out/$stem.c" -o "$out/$stem.clang.o"
  for t in wasm32 wasm64; do
    clang --target=$t-unknown-unknown -ffreestanding -nostdlib -Os $flags \
      -c "$out/$stem.c" -o "$out/$stem.$t.o"
  done
  echo "ok $did"
done
