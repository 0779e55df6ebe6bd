#!/usr/bin/env bash
# candid decode: -t, -m, --reply, --budget, --max-depth, inputs and usage errors.
. "$(dirname "$0")/lib.sh" "$1"
arg=4449444c036c02b3b0dac30368ad86ca8305016e026d7b02007d01000005
reply=4449444c016b02bc8a017dc5fed2017101000007
five=4449444c016d7c0100050102030405           # (vec { 1; 2; 3; 4; 5 })
nested=4449444c036d016d026d7c010002020201020000 # vec vec vec int, 3 deep

expect 0 '(record { owner = principal "aaaaa-aa"; subaccount = null }, 5 : nat)' '' \
  decode -d "$did" -m transfer $arg
expect 0 '(variant { Ok = 7 : nat })' '' decode -d "$did" -m transfer --reply $reply
expect 0 '(variant { 17724 = 7 : nat })' '' decode $reply
expect 1 '' 'candid: decoding failed: argument 1: required argument missing at byte 18 (CANDID_ERR_MISSING_ARG)' \
  decode -d "$did" -m transfer $reply
expect 1 '' 'candid: decoding failed: argument 0: expected variant, found record at byte 26 (CANDID_ERR_TYPE_MISMATCH)' \
  decode -d "$did" -m transfer --reply $arg
echo $reply > "$tmp/reply.hex"
expect 0 '(variant { Ok = 7 : nat })' '' decode -d "$did" -m transfer --reply @"$tmp/reply.hex"
out=$(echo $reply | "$candid" decode -d "$did" -m transfer --reply -)
[ "$out" = '(variant { Ok = 7 : nat })' ] || { echo "FAIL: decode -"; failures=$((failures + 1)); }

# budgets: 7 steps decode (vec int) of 5 (arguments, vector, 5 elements)
expect 0 '(vec { 1 : int; 2 : int; 3 : int; 4 : int; 5 : int })' '' decode --budget 7 $five
expect 1 '' 'candid: decoding failed: argument 0: decoding budget exhausted at byte 10 (CANDID_ERR_BUDGET)' \
  decode --budget 6 $five
expect 0 '(vec { 1 : int; 2 : int; 3 : int; 4 : int; 5 : int })' '' decode -t '(vec int)' --budget=7 $five
expect 0 '(vec { vec { vec { 1 : int; 2 : int }; vec {} }; vec {} })' '' decode --max-depth 2 $nested
expect 1 '' 'candid: decoding failed: nesting deeper than the configured limit at byte 15 (CANDID_ERR_DEPTH)' \
  decode --max-depth 1 $nested

expect 2 '' "candid decode: --budget needs a number, not 'x'
Try 'candid decode --help'." decode --budget x $five
expect 2 '' "candid decode: --budget needs a number, not '-5'
Try 'candid decode --help'." decode --budget -5 $five
expect 2 '' "candid decode: --max-depth must be between 1 and 4294967295
Try 'candid decode --help'." decode --max-depth 0 $five
expect 2 '' "candid decode: unknown option '--format'
Try 'candid decode --help'." decode --format hex $five
expect 2 '' "candid decode: missing the message (HEX, - or @file)
Try 'candid decode --help'." decode -d "$did"
expect 2 '' "candid decode: -d needs a value
Try 'candid decode --help'." decode $five -d
expect 2 '' "candid decode: --reply needs -m METHOD
Try 'candid decode --help'." decode --reply $five
expect 1 '' "candid: the service has no method 'nope'" decode -d "$did" -m nope $five
finish
