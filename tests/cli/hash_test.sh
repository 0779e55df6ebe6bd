#!/usr/bin/env bash
# candid hash and candid test: arguments and usage errors.
. "$(dirname "$0")/lib.sh" "$1"

expect 0 '3573748184
97' '' hash amount a
expect 0 '10155' '' hash -- -x
expect 2 '' "candid hash: missing NAME
Try 'candid hash --help'." hash
expect 2 '' "candid hash: unknown option '--x'
Try 'candid hash --help'." hash --x
printf 'assert blob "DIDL\\00\\01\\7d\\01" : (nat);\nassert "(1)" : (nat);\n' > "$tmp/one.test.did"
expect 0 '2 passed, 0 failed' '' test "$tmp/one.test.did" --round-trip
expect 2 '' "candid test: unknown option '--bogus'
Try 'candid test --help'." test --bogus "$tmp/one.test.did"
expect 2 '' "candid test: missing FILE.test.did
Try 'candid test --help'." test --round-trip
finish
