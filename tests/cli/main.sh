#!/usr/bin/env bash
# candid --version, --help and unknown commands.
. "$(dirname "$0")/lib.sh" "$1"
version=$2

expect 0 "candid $version" '' --version
expect 0 "candid $version" '' -V
out=$("$candid" --help)
expect 0 "$out" '' help
expect 2 '' '*'
expect 2 '' '*' frob
"$candid" frob 2>&1 | head -1 | grep -qx "candid: unknown command 'frob'" || { echo "FAIL: frob message"; failures=$((failures + 1)); }
# every command is listed in the usage, and each command's own help works
for cmd in encode decode random hash test bench; do
  "$candid" --help | grep -q "^  $cmd " || { echo "FAIL: $cmd not in usage"; failures=$((failures + 1)); }
  "$candid" $cmd --help | head -1 | grep -q "^usage: candid $cmd" ||
    { echo "FAIL: candid $cmd --help"; failures=$((failures + 1)); }
done
finish
