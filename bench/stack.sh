#!/usr/bin/env bash
# Stack use of the core: the static frame sizes gcc reports (-fstack-usage)
# for the entry points and the interpreter, and measured high-water marks on
# shallow and deep values (bench/stack.c).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for src in lib/core/*.c; do
  gcc -O2 -std=c11 -Iinclude -ffreestanding -fstack-usage -c "$src" -o "$tmp/$(basename "$src" .c).o"
done
cat "$tmp"/*.su | awk -F'\t' '{split($1, a, ":"); printf "stack static %s bytes=%s (%s)\n", a[4], $2, $3}' |
  grep -E ' (candid_decode|candid__run|candid__compile|candid__parse_header|candid_encode|candid_header_build|candid_read_leb|candid_utf8_valid|leaf_loop|candid_visit|sub|candid__subtype) '
gcc -O2 -std=c11 -Iinclude bench/stack.c lib/core/*.c -o "$tmp/stack"
"$tmp/stack"
