#!/usr/bin/env bash
# The Rust side: tests/rust/run.sh BUILDDIR (a meson build of libcandid)
#  - cargo test --offline of the libcandid crate (bindings/rust) and of the
#    generated bindings (tests/rust: examples, goldens, the whole corpus
#    bound, compiled with their C twins and linked, interop data, the Rust
#    ledger on the host backend), again under valgrind;
#  - a wrong asserted layout fails cargo check;
#  - the Rust ledger canister (examples/rust-canister) for wasm32: built,
#    imports only from ic0, exports match ledger.did and candid:service
#    metadata embeds (ic-wasm from tools/wasm/ic-wasm-path; skipped with a
#    message when it cannot be had).
# Prints PASS/FAIL per check and the cargo counts, ends with
# "N passed, N failed" (cargo tests counted one by one).
set -uo pipefail
cd "$(dirname "$0")/../.."
build=$(cd "${1:?usage: tests/rust/run.sh BUILDDIR}" && pwd)
export LIBCANDID_DIR=$build CARGO_TARGET_DIR=$build/rust-target
cargo=${CARGO:-$(command -v cargo || echo /root/.cargo/bin/cargo)}
pass=0
fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
result() { # name status
  if [ "$2" -eq 0 ]; then pass=$((pass + 1)); echo "PASS $1"; else fail=$((fail + 1)); echo "FAIL $1"; tail -n 30 "$log"; fi
}

cargo_tests() { # label manifest
  "$cargo" test --offline --manifest-path "$2" >"$log" 2>&1
  local st=$? ok bad
  ok=$(grep -oE 'test result: .* ([0-9]+) passed' "$log" | grep -oE '[0-9]+ passed' | awk '{s += $1} END {print s + 0}')
  bad=$(grep -oE '[0-9]+ failed' "$log" | awk '{s += $1} END {print s + 0}')
  [ "$st" -ne 0 ] && [ "$bad" -eq 0 ] && bad=1
  echo "$1: $ok passed, $bad failed (cargo test --offline)"
  [ "$bad" -eq 0 ] || tail -n 40 "$log"
  pass=$((pass + ok))
  fail=$((fail + bad))
}
cargo_tests "libcandid crate" bindings/rust/Cargo.toml
cargo_tests "generated bindings" tests/rust/Cargo.toml

# The same tests under valgrind's memcheck (the FFI, the C stubs, the host).
if command -v valgrind >/dev/null; then
  for m in bindings/rust/Cargo.toml tests/rust/Cargo.toml; do
    CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUNNER="valgrind -q --error-exitcode=9" \
      "$cargo" test --offline --manifest-path "$m" -- --test-threads=1 >"$log" 2>&1
    result "cargo test under valgrind: $m" $?
  done
fi

# The Rust side of the layout check bites: a generated module compiles as
# it is and fails to when one asserted size is wrong.
layout_check() {
  local dir=$build/rust-layout-check
  rm -rf "$dir" && mkdir -p "$dir/src" || return 1
  printf '[package]\nname = "layout-check"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\nlibcandid = { path = "%s" }\n' \
    "$PWD/bindings/rust" >"$dir/Cargo.toml"
  "$build/tools/candid/candid" bind --target rust -o "$dir" --name icrc1 examples/icrc1/icrc1.did || return 1
  printf '#[path = "../icrc1.rs"]\npub mod icrc1;\n' >"$dir/src/lib.rs"
  "$cargo" check --offline --manifest-path "$dir/Cargo.toml" || { echo "the generated module does not compile"; return 1; }
  sed -i 's/assert_layout!(TransferArg<.static>, 128, 8/assert_layout!(TransferArg<'"'"'static>, 120, 8/' "$dir/icrc1.rs"
  grep -q "TransferArg<'static>, 120, 8" "$dir/icrc1.rs" || { echo "no TransferArg assertion to break"; return 1; }
  ! "$cargo" check --offline --manifest-path "$dir/Cargo.toml"
}
layout_check >"$log" 2>&1
result "a wrong layout number fails the Rust build (cargo check)" $?

mod=$build/rust-ledger32.wasm
rm -f "$mod"
bash examples/rust-canister/build.sh "$build/tools/candid/candid" "$mod" >"$log" 2>&1
result "build the Rust ledger canister for wasm32 (Debian rustc)" $?
[ -f "$mod" ] && echo "  rust ledger: $(stat -c %s "$mod") bytes"
if [ -f "$mod" ]; then
  others=$(wasm-objdump -x -j Import "$mod" 2>"$log" | grep -E '^ - ' | grep -v '<- ic0\.' || true)
  [ -z "$others" ]
  result "the Rust ledger imports only from ic0" $?
  node tools/wasm/ic0-emu.mjs "$mod" 32 >"$log" 2>&1
  result "the Rust ledger's messages under the ic0 emulation (the C ledger's 11 scenarios)" $?
  icwasm=$(bash tools/wasm/ic-wasm-path 2>"$log" || true)
  if [ -n "$icwasm" ]; then
    "$icwasm" "$mod" check-endpoints --candid examples/ledger/ledger.did \
      --hidden examples/ledger/hidden-endpoints.txt >"$log" 2>&1
    result "the Rust ledger's exports match ledger.did (ic-wasm check-endpoints)" $?
    "$icwasm" "$mod" -o "$build/rust-ledger32.meta.wasm" metadata candid:service \
      -f examples/ledger/ledger.did -v public >"$log" 2>&1 &&
      "$icwasm" "$build/rust-ledger32.meta.wasm" info >"$log" 2>&1 && grep -q 'candid:service' "$log"
    result "the Rust ledger embeds candid:service metadata" $?
  else
    echo "SKIP ic-wasm checks: no ic-wasm (tools/wasm/ic-wasm-path)"
  fi
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
