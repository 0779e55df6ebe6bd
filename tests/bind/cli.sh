#!/bin/sh
# candid bind's command line: usage errors, unknown methods, -m and --nat,
# deterministic output and deep nesting. CANDID DID INCLUDE_DIR
set -eu
candid=$1
did=$2
inc=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

rc=0; "$candid" bind --target go "$did" 2>/dev/null || rc=$?
[ $rc = 2 ] || fail "--target go: exit $rc, expected 2"
rc=0; "$candid" bind --target c -o "$out" -m icrc1_fee,nope "$did" 2>"$out/err" || rc=$?
[ $rc = 1 ] || fail "-m nope: exit $rc, expected 1"
grep -q "no method 'nope'" "$out/err" || fail "-m nope: message: $(cat "$out/err")"

"$candid" bind --target c -o "$out" --name a "$did"
"$candid" bind --target c -o "$out" --name b "$did"
sed 's/\bb_/a_/g; s/\bb\.h/a.h/; s/\bb\.c/a.c/; s/\bb_H\b/a_H/g' "$out/b.c" | cmp -s - "$out/a.c" || fail "output depends on more than the name"
mkdir "$out/again"
"$candid" bind --target c -o "$out/again" --name a "$did"
cmp -s "$out/a.c" "$out/again/a.c" && cmp -s "$out/a.h" "$out/again/a.h" || fail "two runs differ"

"$candid" bind --target c -o "$out" --name one -m icrc1_fee "$did"
grep -q "one_icrc1_fee_call" "$out/one.h" || fail "-m: the selected method is missing"
! grep -q "one_icrc1_transfer_call" "$out/one.h" || fail "-m: an unselected method is present"

"$candid" bind --target c -o "$out" --name big --nat big "$did"
grep -q "typedef candid_bignum big_Tokens;" "$out/big.h" || fail "--nat big: Tokens is not a bignum"
grep -q "CANDID_REPR_BIG" "$out/big.c" || fail "--nat big: descriptor without CANDID_REPR_BIG"
# Imports: the definitions of an imported file are bound too.
printf 'import "imported.did";\nservice : { f : (T) -> () }\n' > "$out/importer.did"
printf 'type T = record { x : nat };\n' > "$out/imported.did"
"$candid" bind --target c -o "$out" "$out/importer.did" || fail "import: exit $?"
grep -q "struct importer_T" "$out/importer.h" || fail "import: T is missing"
# Deep nesting: the generator walks types with explicit stacks, and the
# output compiles.
{
  printf 'type Deep = '
  i=0; while [ $i -lt 2000 ]; do printf 'record { a : opt '; i=$((i + 1)); done
  printf 'nat'
  i=0; while [ $i -lt 2000 ]; do printf ' }'; i=$((i + 1)); done
  printf ';\n'
} > "$out/deep.did"
"$candid" bind --target c -o "$out" "$out/deep.did"
cc -std=c11 -Wall -Wextra -Werror -I"$inc" -c "$out/deep.c" -o "$out/deep.o" || fail "deep.did does not compile"
# Names stay short at any depth, so the output grows linearly (it was 93 MB
# when every name spelled its whole path).
size=$(cat "$out/deep.h" "$out/deep.c" | wc -c)
[ "$size" -lt 8000000 ] || fail "deep.did: $size bytes of output"
grep -q "struct deep_Deep_98_a " "$out/deep.h" || fail "deep.did: no restarted name Deep_98_a"
echo ok
