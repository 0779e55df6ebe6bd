#!/usr/bin/env bash
# The 500,000-node list through the candid tool with a 1 MiB native stack:
# decoded and printed, its text encoded back (read from @file) to the same
# bytes. Usage: deep-list.sh CANDID GEN_LIST [NODES]
set -euo pipefail
candid=$1
gen=$2
nodes=${3:-500000}
ulimit -s 1024
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo 'type List = opt record { head : int; tail : List };' >"$tmp/list.did"
"$gen" "$nodes" >"$tmp/msg.bin"
"$candid" decode -d "$tmp/list.did" -t '(List)' "@$tmp/msg.bin" >"$tmp/list.txt"
# the first nodes, and one "opt record" per node
head -c 80 "$tmp/list.txt" | grep -q '^(opt record { head = -64 : int; tail = opt record { head = -63 : int; '
count=$(grep -o 'opt record' "$tmp/list.txt" | wc -l)
[ "$count" -eq "$nodes" ] || { echo "printed $count nodes, not $nodes"; exit 1; }
"$candid" encode -d "$tmp/list.did" -t '(List)' --format bin "@$tmp/list.txt" >"$tmp/again.bin"
cmp "$tmp/msg.bin" "$tmp/again.bin"
echo "$nodes nodes: $(stat -c %s "$tmp/msg.bin") bytes, $(stat -c %s "$tmp/list.txt") bytes of text, same bytes back"
