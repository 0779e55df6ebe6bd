#!/usr/bin/env bash
# Executed Wasm instructions per operation, counted by tracing the
# benchmark kernel in wabt's wasm-interp (every instruction, local.get
# included). Each payload is embedded at two sizes N1 < N2; per-element
# figures are differences between the sizes, so fixed costs cancel:
#   wasm CASE OP instructions=I(N2) per_element=(I(N2)-I(N1))/(N2-N1)
# OP: decode_warm (cached plan), decode_cold, encode (the value only; the
# header is built once per type), through the hand descriptors; the same
# through the stubs generated from bench.did, OP_fast with their fast paths
# (--fast) and OP_interp without (--no-fast), on the stubs' own message.
# --size: the size-first build instead (the core at -Oz without forced
# inlining, as -Dcore_opt=size builds it for Wasm), printed as wasm-size
# lines, so that bench/run shows what the smaller module costs.
# BUILD (default build) is the native build that writes the messages.
# Usage: bench/wasm/count.sh [--quick] [--size]
set -euo pipefail
cd "$(dirname "$0")/../.."
n1=64
n2=128
opt=(-O2)
prefix=wasm
for arg in "$@"; do
  case $arg in
    --quick) n1=16; n2=32 ;;
    --size) opt=(-Oz -DCANDID_OPT_SIZE); prefix=wasm-size ;;
    *) echo "usage: bench/wasm/count.sh [--quick] [--size]" >&2; exit 2 ;;
  esac
done
build=${BUILD:-build}
[ -d "$build" ] || meson setup "$build" >/dev/null
ninja -C "$build" bench/bench-native >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"./$build/bench/bench-native" --messages "$n1" --out "$tmp" >/dev/null
"./$build/bench/bench-native" --messages "$n2" --out "$tmp" >/dev/null
python3 bench/wasm/gen.py "$tmp" "$n1" "$n2" >"$tmp/exports.c"
flags=(--target=wasm32-unknown-unknown "${opt[@]}" -mbulk-memory -ffreestanding -nostdlib -fno-builtin
       -DBENCH_NO_GENERATORS -Iinclude -Ibench/wasm -I"$build/bench")
objs=()
for src in lib/core/*.c bench/payloads.c "$build"/bench/{ledger_did,bench_fast,bench_interp}.c \
           bench/wasm/kernel.c "$tmp/exports.c"; do
  obj="$tmp/$(basename "$src" .c).o"
  clang "${flags[@]}" -c "$src" -o "$obj"
  objs+=("$obj")
done
for set in fast interp; do # bench/stubs.c once per set, as bench/meson.build does
  clang "${flags[@]}" -DSTUBS=bench_$set -DSTUBS_HEADER="\"bench_$set.h\"" -c bench/stubs.c -o "$tmp/stubs_$set.o"
  objs+=("$tmp/stubs_$set.o")
done
wasm-ld-14 --no-entry -z stack-size=1048576 "${objs[@]}" -o "$tmp/kernel.wasm"
wasm-interp --run-all-exports --trace "$tmp/kernel.wasm" |
  awk '/^>>> running export/ { name = $4; gsub(/[":]+$/, "", name); gsub(/^"/, "", name); next }
       /^#[0-9]+\./ { count[name]++ }
       END { for (k in count) print k, count[k] }' >"$tmp/counts"
python3 - "$tmp/counts" "$n1" "$n2" "$prefix" <<'PY'
import sys
counts = {}
for line in open(sys.argv[1]):
    k, v = line.split()
    counts[k] = int(v)
n1, n2 = int(sys.argv[2]), int(sys.argv[3])
cases = []
for k in counts:
    c = k.split(":")[0]
    if c not in cases:
        cases.append(c)
def get(c, n, m):
    return counts.get(f"{c}:{n}:{m}")
for c in cases:
    sizes = sorted({int(k.split(":")[1]) for k in counts if k.startswith(c + ":")})
    big, small = sizes[-1], sizes[0]
    elems = big - small
    cold1, warm2 = get(c, big, "cold"), get(c, big, "warm")
    warm = warm2 - cold1
    ops = {
        "decode_warm": (warm, (warm - (get(c, small, "warm") - get(c, small, "cold")))),
        "decode_cold": (cold1, cold1 - get(c, small, "cold")),
        "encode": (get(c, big, "encode") - get(c, big, "header"),
                   (get(c, big, "encode") - get(c, big, "header")) - (get(c, small, "encode") - get(c, small, "header"))),
    }
    for stubs in ("fast", "interp"):
        cold1, warm2 = get(c, big, stubs + "_cold"), get(c, big, stubs + "_warm")
        warm = warm2 - cold1
        small_warm = get(c, small, stubs + "_warm") - get(c, small, stubs + "_cold")
        enc_big = get(c, big, stubs + "_encode") - get(c, big, stubs + "_value")
        enc_small = get(c, small, stubs + "_encode") - get(c, small, stubs + "_value")
        ops[f"decode_warm_{stubs}"] = (warm, warm - small_warm)
        ops[f"decode_cold_{stubs}"] = (cold1, cold1 - get(c, small, stubs + "_cold"))
        ops[f"encode_{stubs}"] = (enc_big, enc_big - enc_small)
    for op, (total, diff) in ops.items():
        per = f"{diff / elems:.1f}" if elems else "n/a"
        print(f"{sys.argv[4]} {c} {op} instructions={total} per_element={per}")
PY
