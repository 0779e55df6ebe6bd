#!/usr/bin/env bash
# Builds libcandid and runs every test: the unit tests with gcc, the same
# tests with clang under AddressSanitizer and UndefinedBehaviorSanitizer, and
# the freestanding checks of the core (no allocator, no libc, zero Wasm
# imports). Prints PASS/FAIL per step and ends with "N passed, N failed",
# where N counts individual tests and checks.
set -uo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
pass=0
fail=0
log=$(mktemp)

check() { # name command...
  local name=$1
  shift
  if "$@" >"$log" 2>&1; then
    pass=$((pass + 1))
    echo "PASS $name"
  else
    fail=$((fail + 1))
    echo "FAIL $name"
    tail -n 40 "$log"
  fi
}

# meson test in a build dir; every test counts on its own.
mesontests() { # label builddir [meson test arguments...]
  local label=$1 dir=$2 out
  shift 2
  out=$(meson test -C "$dir" --print-errorlogs "$@" 2>&1)
  local ok bad
  ok=$(grep -cE '^ *[0-9]+/[0-9]+ .* (OK|SKIP) ' <<<"$out")
  bad=$(grep -cE '^ *[0-9]+/[0-9]+ .* (FAIL|TIMEOUT|ERROR) ' <<<"$out")
  if [ "$ok" -eq 0 ] && [ "$bad" -eq 0 ]; then bad=1; fi
  pass=$((pass + ok))
  fail=$((fail + bad))
  grep -E '^ *[0-9]+/[0-9]+ ' <<<"$out" | sed "s/^/[$label] /"
  [ "$bad" -eq 0 ] || echo "$out" | tail -n 80
}

# A script that prints PASS/FAIL lines: each line counts.
per_line() { # label command...
  local label=$1 out
  shift
  out=$("$@" 2>&1)
  echo "$out" | sed "s/^/[$label] /"
  pass=$((pass + $(grep -c '^PASS ' <<<"$out")))
  fail=$((fail + $(grep -c '^FAIL ' <<<"$out")))
}

# A script that ends with its own "N passed, N failed": its counts count
# (one failure when that line is missing).
totals() { # label command...
  local label=$1 out total p f
  shift
  out=$("$@" 2>&1)
  echo "$out" | sed "s/^/[$label] /"
  total=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' <<<"$out" | tail -n 1)
  read -r p _ f _ <<<"${total:-0 passed, 1 failed}"
  pass=$((pass + p))
  fail=$((fail + f))
}

configure() { # dir [meson options...]
  local dir=$1
  shift
  [ -d "$dir" ] || meson setup "$dir" "$@"
}

# The reference .did parser (pinned npm package) for the idl-reference test.
check "npm ci tests/idl/reference" npm ci --prefix tests/idl/reference --no-audit --no-fund --loglevel=error

check "configure gcc" configure build-ci-gcc
check "build gcc" ninja -C build-ci-gcc
mesontests gcc build-ci-gcc

export CC=clang
check "configure clang asan+ubsan" configure build-ci-asan -Db_sanitize=address,undefined -Db_lundef=false
unset CC
check "build clang asan+ubsan" ninja -C build-ci-asan
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 mesontests asan build-ci-asan

# The core may use nothing but memcpy/memset from outside itself.
core_imports() {
  local extra
  extra=$(nm -u build-ci-gcc/libcandid-core.a | awk 'NF==2 {print $2}' | sort -u |
          grep -vE '^(candid_|candid__|memcpy$|memset$)' || true)
  [ -z "$extra" ] || { echo "core references: $extra"; return 1; }
}
check "core references no allocator or libc" core_imports

for w in 32 64; do
  check "configure wasm$w core" configure build-ci-wasm$w --cross-file cross/wasm$w.ini
  check "build wasm$w core" ninja -C build-ci-wasm$w
  check "wasm$w core has no imports" bash -c \
    "! wasm-objdump -x -j Import build-ci-wasm$w/candid-core.wasm 2>/dev/null | grep -q 'func\\['"
done

# The example canister for wasm32 and wasm64 (imports, endpoints, metadata)
# and the core's test driver under Node's WASI; each check counts.
per_line wasm bash tools/wasm/check.sh build-ci-wasm-checks

# What `meson install` gives a C user: soname, exports, pkg-config links
# (shared with an rpath, and static) of the README's snippet; each check counts.
per_line install bash tests/install/run.sh build-ci-gcc

# The README's marked figures (Wasm sizes, suite counts, Wasm instruction
# counts, stack use) are what the commands measure today
# (tools/readme-figures BUILDDIR rewrites them).
check "README figures match their commands" python3 tools/readme-figures --check build-ci-gcc

# The unit tests of every layer under valgrind (memcheck): no errors, no
# definite leaks. (The deep-nesting and CLI script tests are left out: under
# valgrind they take minutes, and ASan+UBSan covers them above.)
mesontests valgrind build-ci-gcc --no-rebuild \
  --wrapper 'valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite' \
  core-header core-decode core-wire core-encode core-visit core-subtype core-typecheck core-work \
  core-errpath core-budget bignum text idl idl-import idl-corpus call-host random bind-runtime \
  bind-server readme-api

# The CLI over the conformance suite under valgrind (memcheck): no errors.
suite=${CANDID_TEST_SUITE:-../shared/candid-reference/test-suite}
if [ -d "$suite" ]; then
  check "valgrind: candid test over the suite" valgrind -q --error-exitcode=1 --leak-check=full \
    --errors-for-leak-kinds=definite build-ci-gcc/tools/candid/candid test --round-trip "$suite"/*.test.did
fi

# libcandid's decoder against @dfinity/candid on random types, values and
# mutated expected types (verdicts and values must agree).
check "differential test vs @dfinity/candid (30 s)" bash tests/diff/run.sh build-ci-gcc 30

# The Motoko compiler as an oracle, both ways (tests/motoko); each check counts.
totals motoko bash tests/motoko/run build-ci-gcc/tools/candid/candid

# candid bind --target motoko: every binding type-checks with moc; each file counts.
totals motoko-bind bash tests/motoko-bind/run build-ci-gcc/tools/candid/candid

# The sibling example: C canister (wasm32, wasm64) under an ic0 harness, its
# Motoko client compiled with moc; each check counts.
totals sibling bash examples/sibling/check.sh build-ci-gcc/tools/candid/candid

# The Rust side (tests/rust/run.sh): the crate's and the generated bindings'
# cargo tests, one by one, and the Rust ledger canister's checks.
totals rust bash tests/rust/run.sh build-ci-gcc

# The benchmarks build and run (timings are printed, not judged).
check "bench/run --quick" bash bench/run --quick

# Each fuzz harness for a short, bounded time (fuzz/run for long runs).
fuzz_seconds=${CANDID_FUZZ_SECONDS:-15}
for h in wire typed text call did bind pair fast_decode fast_encode; do
  check "fuzz $h ${fuzz_seconds}s" bash fuzz/run "$h" "$fuzz_seconds"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
