#!/usr/bin/env bash
# candid bench: its three timings, and its usage errors.
. "$(dirname "$0")/lib.sh" "$1"
five=4449444c00017d05 # (5 : nat)

out=$("$candid" bench -d "$did" -m balance --reply $five | sed 's/ [0-9]* ns\/op$/ N ns\/op/')
[ "$out" = 'decode-cold N ns/op
decode-warm N ns/op
encode N ns/op' ] || { echo "FAIL: bench output: $out"; failures=$((failures + 1)); }
expect 2 '' "candid bench: give the types with -t or -m
Try 'candid bench --help'." bench $five
expect 2 '' "candid bench: missing the message (HEX, - or @file)
Try 'candid bench --help'." bench -t '(nat)'
expect 2 '' "candid bench: unknown option '--format'
Try 'candid bench --help'." bench -t '(nat)' --format hex $five
expect 1 '' "candid: value does not coerce to the expected type (CANDID_ERR_TYPE_MISMATCH)" \
  bench -t '(text)' $five
finish
