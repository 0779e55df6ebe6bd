#!/usr/bin/env bash
# candid random: exact values for a seed, formats, parseable output, usage.
. "$(dirname "$0")/lib.sh" "$1"

expect 0 '(record { owner = principal "ujip7-bthly-f3taf-fowuj-myp6y-cfkqo-3d6hx-aqru4-zwwj7-5zvvm-tyu"; subaccount = opt blob "\1c" }, variant { Ok = 18_446_744_073_709_551_615 : nat }, opt opt record { head = -592_451_880_279_254_187_772_830_152_522_362_442_823_056_716_576_334_498_643_862_527 : int; tail = null })
(record { owner = principal "2vxsx-fae"; subaccount = null }, variant { Err = "F_\01\\H\"\rA" }, opt opt record { head = 23_424_529_627_346_790_377_943_135_830 : int; tail = null })' '' \
  random -d "$did" -t '(Account, Result, opt List)' --seed 1 -n 2
expect 0 '4449444c016e71027b00470100
4449444c016e71027b00ff00
4449444c016e71027b00000100' '' random -t '(nat8, opt text)' --seed 5 --count=3 --format hex
[ "$("$candid" random -t '(nat8, opt text)' --seed 5 -n 3 -f bin | od -An -tx1 | tr -d ' \n')" = \
  4449444c016e71027b004701004449444c016e71027b00ff004449444c016e71027b00000100 ] ||
  { echo "FAIL: --format bin"; failures=$((failures + 1)); }
expect 0 '(null, 255 : nat8)' '' random -d "$did" -m walk --reply --seed 3
expect 0 '()' '' random -t '()'

# Every text line reads back with `candid encode` at the same types, to the
# bytes --format hex gives for the same seed (no floats: NaN payloads print
# as nan).
types='(Account, Result, List, vec record { nat8; int64; text }, variant { a; b : reserved }, func (nat) -> (), service {}, opt bool, null, int16)'
"$candid" random -d "$did" -t "$types" --seed 11 -n 25 > "$tmp/text"
"$candid" random -d "$did" -t "$types" --seed 11 -n 25 -f hex > "$tmp/hex"
while IFS= read -r line; do
  "$candid" encode -d "$did" -t "$types" "$line" || echo "unparseable: $line"
done < "$tmp/text" > "$tmp/again"
cmp -s "$tmp/hex" "$tmp/again" || { echo "FAIL: text does not encode as hex does"; failures=$((failures + 1)); }
[ "$(wc -l < "$tmp/hex")" = 25 ] || { echo "FAIL: 25 lines"; failures=$((failures + 1)); }
# floats and bounds: still parseable
"$candid" random -t '(float32, float64, vec vec float64)' --seed 4 -n 20 --max-size 10 --max-depth 3 > "$tmp/f"
while IFS= read -r line; do
  "$candid" encode -t '(float32, float64, vec vec float64)' "$line" > /dev/null || echo "unparseable: $line"
done < "$tmp/f" | grep -q . && { echo "FAIL: floats"; failures=$((failures + 1)); }
# --max-depth 0: only the smallest values
expect 0 '(null, vec {}, null)' '' random -d "$did" -t '(opt nat, vec text, List)' --max-depth 0 --seed 2

expect 1 '' 'candid random: cannot generate a value: every value of the types needs one of type empty (CANDID_ERR_EMPTY_VALUE)' \
  random -t '(nat, record { empty })'
expect 2 '' "candid random: give the types with -t or -m
Try 'candid random --help'." random
expect 2 '' "candid random: unknown format 'json' (one of: text hex bin)
Try 'candid random --help'." random -t '(nat)' -f json
expect 2 '' "candid random: --count needs a number, not '-1'
Try 'candid random --help'." random -t '(nat)' --count -1
expect 2 '' "candid random: --seed needs a number, not '0x10'
Try 'candid random --help'." random -t '(nat)' --seed 0x10
expect 2 '' "candid random: unexpected argument '(1)'
Try 'candid random --help'." random -t '(nat)' '(1)'
expect 2 '' "candid random: --max-size and --max-depth must be below 2^32
Try 'candid random --help'." random -t '(nat)' --max-size 4294967296
finish
