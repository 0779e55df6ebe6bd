#!/bin/sh
# candid bind --target rust, C side (no Rust toolchain needed): NAME.rs and
# NAME_layout.c are written and deterministic, and the layouts the generator
# computed (which NAME.rs asserts) hold for the C structs of every .did of
# the examples, the goldens and the corpus, with gcc for x86_64 and clang for
# wasm32 (both with --nat u64 and big); a wrong number fails to compile.
# CANDID SOURCE_ROOT
set -eu
candid=$1
root=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
did=$root/examples/icrc1/icrc1.did

"$candid" bind --target rust -o "$out" --name a "$did"
[ -s "$out/a.rs" ] && [ -s "$out/a_layout.c" ] || fail "no a.rs or a_layout.c"
mkdir "$out/again"
"$candid" bind --target rust -o "$out/again" --name a "$did"
cmp -s "$out/a.rs" "$out/again/a.rs" && cmp -s "$out/a_layout.c" "$out/again/a_layout.c" ||
  fail "output differs between runs"
grep -q 'assert_layout!(TransferArg<.static>, 128, 8, to = 24, fee = 72, memo = 88' "$out/a.rs" ||
  fail "TransferArg's 64-bit layout: $(grep 'TransferArg<' "$out/a.rs" | head -n 2)"

cc_x64() { gcc -std=c11 -Wall -Wextra -Werror -pedantic -I"$root/include" -I"$out" -c "$1" -o "$out/x.o"; }
cc_w32() {
  clang --target=wasm32-unknown-unknown -ffreestanding -nostdlib -std=c11 -Wall -Wextra -Werror \
    -I"$root/include" -I"$out" -c "$1" -o "$out/x.o"
}
n=0
for f in "$did" "$root/examples/ledger/ledger.did" "$root"/tests/bind/golden/*.did \
         "$root"/tests/rust/interop/interop.did "$root"/tests/rust/keywords.did "$root"/../shared/did-corpus/*.did; do
  [ -f "$f" ] || continue
  for nat in u64 big; do
    "$candid" bind --target c --nat $nat -o "$out" --name g "$f"
    "$candid" bind --target rust --nat $nat -o "$out" --name g "$f"
    cc_x64 "$out/g_layout.c" || fail "$f (--nat $nat): x86_64 layouts"
    if command -v clang >/dev/null; then cc_w32 "$out/g_layout.c" || fail "$f (--nat $nat): wasm32 layouts"; fi
    n=$((n + 1))
  done
done

# A layout that is not C's does not compile.
"$candid" bind --target c -o "$out" --name a "$did"
sed 's/sizeof(a_TransferArg) == 128/sizeof(a_TransferArg) == 120/' "$out/a_layout.c" >"$out/bad.c"
cmp -s "$out/a_layout.c" "$out/bad.c" && fail "the TransferArg assertion was not found"
cc_x64 "$out/bad.c" 2>/dev/null && fail "a wrong size compiled"
echo "ok: $n bindings' layouts hold for x86_64 and wasm32"
