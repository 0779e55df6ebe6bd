#!/bin/sh
# Regenerates the Motoko bindings of golden/*.did and diffs them with the
# checked-in .mo files: CANDID GOLDEN_DIR [--update].
set -eu
candid=$1
dir=$2
update=${3:-}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
for did in "$dir"/*.did; do
  stem=$(basename "$did" .did)
  "$candid" bind --target motoko -o "$out" "$did"
  if [ "$update" = --update ]; then
    cp "$out/$stem.mo" "$dir/$stem.mo"
  elif ! diff -u "$dir/$stem.mo" "$out/$stem.mo"; then
    status=1
  fi
done
# Determinism: a second run writes the same bytes.
for did in "$dir"/*.did; do
  stem=$(basename "$did" .did)
  "$candid" bind --target motoko -o "$out" --name again "$did"
  cmp -s "$out/$stem.mo" "$out/again.mo" || { echo "not deterministic: $did"; status=1; }
done
# A method Motoko cannot name is an error, and no file is left behind.
printf 'service : { "a-b" : () -> () }\n' >"$out/bad.did"
if "$candid" bind --target motoko -o "$out" "$out/bad.did" 2>"$out/err"; then
  echo "bad method name accepted"; status=1
fi
[ "$(cat "$out/err")" = 'candid: method "a-b" is not a Motoko identifier: Motoko cannot name it in an actor type' ] ||
  { cat "$out/err"; status=1; }
[ ! -e "$out/bad.mo" ] || { echo "bad.mo left behind"; status=1; }
# Options of the C target are usage errors (exit 2) with the Motoko one.
st=0
"$candid" bind --target motoko --server -o "$out" "$dir/refs.did" 2>"$out/err" || st=$?
[ "$st" = 2 ] && grep -q -- '--server.* are options of --target c' "$out/err" ||
  { echo "--server with --target motoko: exit $st"; cat "$out/err"; status=1; }
# Depth: 20,000 nested records print without recursion, at a capped indent.
awk 'BEGIN { printf "type Deep = "; for (i = 0; i < 20000; i++) printf "record { a : ";
             printf "nat"; for (i = 0; i < 20000; i++) printf "; b : opt text }"; print ";" }' >"$out/deep.did"
"$candid" bind --target motoko -o "$out" "$out/deep.did" || status=1
[ "$(grep -c 'a : {' "$out/deep.mo")" = 19999 ] || { echo "deep.mo incomplete"; status=1; }
exit $status
