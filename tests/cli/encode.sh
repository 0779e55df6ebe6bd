#!/usr/bin/env bash
# candid encode: -t, -m, --reply, --format, and its usage errors.
. "$(dirname "$0")/lib.sh" "$1"
acc='record { owner = principal "aaaaa-aa"; subaccount = null }'

expect 0 4449444c00017c01 '' encode '(1)'
expect 0 4449444c00017d01 '' encode -t '(nat)' '(1)'
expect 0 4449444c00017d01 '' encode --types='(nat)' --format=hex '(1)'
expect 0 4449444c036c02b3b0dac30368ad86ca8305016e026d7b02007d01000005 '' \
  encode -d "$did" -m transfer "($acc, 5)"
expect 0 4449444c016b02bc8a017dc5fed2017101000007 '' encode -d "$did" -m transfer --reply '(variant { Ok = 7 })'
expect 0 "$(printf 'DIDL\0\1\175\1' | od -An -tx1 | tr -d ' \n')" '' encode -t '(nat)' '(1)'
[ "$("$candid" encode -f bin -t '(nat)' '(1)' | od -An -tx1 | tr -d ' \n')" = 4449444c00017d01 ] ||
  { echo "FAIL: --format bin"; failures=$((failures + 1)); }

expect 1 '' "candid: values:1:2: value does not have the expected type (CANDID_ERR_TYPE_MISMATCH)" \
  encode -d "$did" -m balance "(5)"
expect 1 '' "candid: the service has no method 'nope'" encode -d "$did" -m nope '()'
expect 2 '' "candid encode: unknown format 'json' (one of: hex bin)
Try 'candid encode --help'." encode --format json '(1)'
expect 2 '' "candid encode: --format needs a value
Try 'candid encode --help'." encode '(1)' --format
expect 2 '' "candid encode: -t needs a value
Try 'candid encode --help'." encode -t
expect 0 '4449444c00017c01' '' encode <<<'(1)'
expect 1 '' "candid: values:1:1: expected '(' (CANDID_ERR_SYNTAX)" encode </dev/null
expect 2 '' "candid encode: unexpected argument '(2)'
Try 'candid encode --help'." encode '(1)' '(2)'
expect 2 '' "candid encode: unknown option '--seed'
Try 'candid encode --help'." encode --seed 1 '(1)'
expect 2 '' "candid encode: give -t or -m, not both
Try 'candid encode --help'." encode -d "$did" -t '(nat)' -m balance '(1)'
expect 2 '' "candid encode: -m needs -d FILE.did
Try 'candid encode --help'." encode -m balance '(1)'
expect 2 '' "candid encode: --reply needs -m METHOD
Try 'candid encode --help'." encode --reply '(1)'
expect 2 '' "candid encode: --reply takes no value
Try 'candid encode --help'." encode -d "$did" -m balance --reply=1 '(1)'
finish
