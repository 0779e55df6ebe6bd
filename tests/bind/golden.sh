#!/bin/sh
# Regenerates the golden outputs of `candid bind` and diffs them with the
# checked-in ones: CANDID GOLDEN_DIR. With --update, rewrites them instead.
# A first line "// bind: FLAGS" gives the file's extra flags (--no-fast unless
# they say --fast).
set -eu
candid=$1
dir=$2
update=${3:-}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
for did in "$dir"/*.did; do
  stem=$(basename "$did" .did)
  flags=$(sed -n '1s|^// bind: ||p' "$did")
  case " $flags " in *" --fast "*) ;; *) flags="--no-fast $flags" ;; esac
  "$candid" bind --target c $flags -o "$out" "$did"
  for ext in h c; do
    if [ "$update" = --update ]; then
      cp "$out/$stem.$ext" "$dir/$stem.$ext"
    elif ! diff -u "$dir/$stem.$ext" "$out/$stem.$ext"; then
      status=1
    fi
  done
done
exit $status
