#!/bin/sh
# Accept/reject agreement with the reference parser (Rust candid_parser in
# @icp-sdk/bindgen's Wasm build, pinned by reference/package-lock.json) over
# the snippets, the import fixtures and the published corpus.
# Usage: reference_diff.sh CANDID IDL_TEST_DIR [CORPUS_DIR]
# Skipped (77) without node or without `npm ci --prefix IDL_TEST_DIR/reference`.
candid=$1
dir=$2
corpus=$3
if ! command -v node >/dev/null 2>&1; then
    echo "node not found: skipped"
    exit 77
fi
if [ ! -d "$dir/reference/node_modules/@icp-sdk/bindgen" ]; then
    echo "reference parser not installed (npm ci --prefix $dir/reference): skipped"
    exit 77
fi
files=$(ls "$dir"/snippets/*.did "$dir"/imports/*.did)
[ -n "$corpus" ] && [ -d "$corpus" ] && files="$files $(ls "$corpus"/*.did)"
ref=$(node "$dir/reference/accepts.mjs" $files) || exit 1
fail=0
n=0
for f in $files; do
    n=$((n + 1))
    theirs=$(printf '%s\n' "$ref" | grep -F " $f" | head -n 1)
    if ours=$("$candid" decode -d "$f" 4449444c0000 2>&1 >/dev/null); then ours=ok; fi
    case "$theirs" in
    "ok $f") [ "$ours" = ok ] && continue ;;
    "reject $f"*) [ "$ours" != ok ] && continue ;;
    esac
    printf '%s\n  reference: %s\n  libcandid: %s\n' "$f" "$theirs" "$ours"
    fail=1
done
[ $fail = 0 ] && echo "$n files: the reference and libcandid agree on each"
exit $fail
