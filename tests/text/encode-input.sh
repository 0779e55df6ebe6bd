#!/usr/bin/env bash
# candid encode reads its values as didc does: from the argument, from
# standard input for '-' or no argument, or from @file; all four agree.
# Usage: encode-input.sh CANDID
set -euo pipefail
candid=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
values='(record { a = 1 : nat8; b = vec { "x"; "y" } }, opt -5)'
want=4449444c036c02617b62026e7c6d71020001010201780179017b
printf '%s\n' "$values" >"$tmp/values.txt"
check() {
  [ "$2" = "$want" ] || { echo "$1: got $2"; exit 1; }
}
check argument "$("$candid" encode "$values")"
check dash "$("$candid" encode - <"$tmp/values.txt")"
check stdin "$("$candid" encode <"$tmp/values.txt")"
check file "$("$candid" encode "@$tmp/values.txt")"
if "$candid" encode "@$tmp/missing.txt" 2>"$tmp/err"; then
  echo "a missing @file was accepted"
  exit 1
fi
grep -q "cannot open $tmp/missing.txt" "$tmp/err"
