#!/usr/bin/env python3
"""The targets of issue 14, each with its figure from a bench/run log:
targets.py LOG  ->  target GROUP WHAT figure=F limit=L ok|MISS
then `targets N ok, M missed`. LOG holds the lines of bench-native
(native ...), bench/combine.py (bench ...), bench/wasm/count.sh (wasm ...),
bench/size.sh (size ...) and, when it ran, bench/motoko/run.sh (motoko ...).
A target whose figures are absent from LOG is printed as `n/a`, not as met.
Also the cost of the size-first build (count.sh --size, wasm-size ...):
  speedcost CASE OP speed=I size=I ratio=R fast=I
the instructions of OP (per element, or per message for one-value cases)
in both builds, and what the speed build's generated fast path takes.

Wasm figures come from per-element differences (count.sh): the cost of a
record field is a 16-field record of nat64 (rec16) per field, value
included; the cost of an opt or variant node is a list node (f: opt record
{ head : int; tail : List }) less two such fields."""
import re
import sys

STRUCTURAL = ["a", "b", "d", "e1", "e2ok", "e2err", "f", "map", "optlist", "results", "rec16as4"]
BULK = ["c", "blob2m", "text2m", "vec_int16", "vec_nat32", "vec_nat64"]
MOTOKO_LIMITS = {"decode_warm_fast": 3, "encode_fast": 3, "decode_cold_fast": 1}
BORROWING = {"c", "blob2m"}  # decoded as slices of the message; text is too, after
                             # its UTF-8 check: it reads every byte, as a copy does


def parse(path):
    native, bench, wasm, size, motoko = {}, {}, {"wasm": {}, "wasm-size": {}}, {}, []
    for line in open(path, encoding="utf-8"):
        w = line.split()
        if not w:
            continue
        kv = dict(x.split("=", 1) for x in w if "=" in x)
        if w[0] == "native" and "ns" in kv:
            native[(w[1], w[2])] = float(kv["ns"])
        elif w[0] == "bench" and kv.get("ratio", "n/a") != "n/a":
            bench[(w[1], w[2])] = float(kv["ratio"])
        elif w[0] in wasm and "instructions" in kv:
            per = kv["per_element"]
            wasm[w[0]][(w[1], w[2])] = (int(kv["instructions"]), None if per == "n/a" else float(per))
        elif w[0] == "size" and w[1] in ("core", "ledger"):
            size[(w[1], kv["opt"])] = int(kv["bytes"])
        elif w[0] == "motoko" and "ratio" in kv:
            motoko.append((w[1], w[2], float(kv["ratio"])))
    return native, bench, wasm, size, motoko


def main():
    native, bench, builds, size, motoko = parse(sys.argv[1])
    wasm = builds["wasm"]
    results = []

    def target(group, what, figure, limit, at_most=True, unit=""):
        if figure is None:
            results.append(None)
            print(f"target {group} {what} figure=n/a limit={'<=' if at_most else '>='}{limit}{unit}")
            return
        ok = figure <= limit if at_most else figure >= limit
        results.append(ok)
        shown = f"{figure:,.1f}" if isinstance(figure, float) else f"{figure:,}"
        print(f"target {group} {what} figure={shown}{unit} limit={'<=' if at_most else '>='}"
              f"{limit:,}{unit} {'ok' if ok else 'MISS'}")

    def per(case, op):
        v = wasm.get((case, op))
        return v[1] if v else None

    def total(case, op):
        v = wasm.get((case, op))
        return v[0] if v else None

    # Wasm instructions, generated fast path and interpreter (--no-fast)
    for stubs, field_limit, node_limit, nat64_limit in (("fast", 12, 20, 150), ("interp", 30, 60, 300)):
        rec16 = per("rec16", f"decode_warm_{stubs}")
        field = rec16 / 16 if rec16 is not None else None
        node = per("f", f"decode_warm_{stubs}")
        target(f"wasm-{stubs}", "record-field", field, field_limit)
        target(f"wasm-{stubs}", "opt-variant-node", node - 2 * field if None not in (node, field) else None,
               node_limit)
        target(f"wasm-{stubs}", "nat64-warm-decode", total("a", f"decode_warm_{stubs}"), nat64_limit)
        if stubs == "fast":
            target("wasm-fast", "vec-nat-element", per("vec_nat", "decode_warm_fast"), 30)
            target("wasm-fast", "icrc1-decode", total("e1", "decode_warm_fast"), 600)
            target("wasm-fast", "icrc1-encode", total("e1", "encode_fast"), 600)
            target("wasm-fast", "d-encode-record", per("d", "encode_fast"), 120)
            target("wasm-fast", "list-encode-node", per("f", "encode_fast"), 60)

    # Natively against @dfinity/candid, through the generated stubs
    for case in STRUCTURAL:
        for op in ("decode", "encode"):
            target("native-peer", f"{case}-{op}", bench.get((case, f"{op}_fast")), 300, False, "x")
    for case in BULK:
        copy = native.get((case, "memcpy"))
        enc = native.get((case, "encode_fast"))
        dec = native.get((case, "decode_fast"))
        print(f"memcpy {case} ns={copy if copy is not None else 'n/a'}")
        target("native-bulk", f"{case}-encode", enc / copy if None not in (enc, copy) else None, 1.2,
               unit="x-memcpy")
        if case in BORROWING:  # O(1): a hundredth of a copy of the bytes is far below linear
            target("native-bulk", f"{case}-borrowing-decode", dec / copy if None not in (dec, copy) else None,
                   0.01, unit="x-memcpy")
        else:
            target("native-bulk", f"{case}-{'checking' if case == 'text2m' else 'copying'}-decode", dec / copy if None not in (dec, copy) else None,
                   1.2, unit="x-memcpy")

    # Cold (a new header every time) against warm, every case
    cases = list(dict.fromkeys(c for (c, op) in native if op == "decode"))
    for case in cases:
        for label, cold, warm in (("hand", "decode_cold", "decode"),
                                  ("fast", "decode_cold_fast", "decode_fast")):
            c, w = native.get((case, cold)), native.get((case, warm))
            target(f"cold-{label}", case, c / w if None not in (c, w) else None, 3, unit="x-warm")

    # Motoko's own Candid in the same engine (bench/motoko/run.sh), judged on
    # what a stub user gets, the --fast stubs: warm (the stub's own header:
    # generated decoder, generated encoder) at least 3x; cold (a header the
    # stub did not generate: the interpreter, no plan cache) never slower.
    # The interpreter's lines at the hand descriptors are shown, not judged.
    for case, op, ratio in motoko:
        if op in MOTOKO_LIMITS:
            target("motoko", f"{case}-{op}", ratio, MOTOKO_LIMITS[op], False, "x")

    # The size-first build: sizes, and what it costs in instructions
    for case in ("a", "e1", "e2err", "b", "d", "f", "vec_nat", "results", "rec16"):
        for op, fast in (("decode_warm_interp", "decode_warm_fast"), ("encode_interp", "encode_fast")):
            fig = []
            for table, o in ((wasm, op), (builds["wasm-size"], op), (wasm, fast)):
                v = table.get((case, o))
                fig.append(None if v is None else v[1] if v[1] else v[0])
            if None in fig:
                continue
            print(f"speedcost {case} {op} speed={fig[0]:g} size={fig[1]:g} ratio={fig[1] / fig[0]:.2f} "
                  f"fast={fig[2]:g}")
    target("size", "core-wasm32", size.get(("core", "size")), 32768, unit="B")
    target("size", "ledger-wasm32", size.get(("ledger", "size")), 40960, unit="B")

    met = sum(1 for r in results if r)
    missed = sum(1 for r in results if r is False)
    absent = sum(1 for r in results if r is None)
    print(f"targets {met} ok, {missed} missed, {absent} not measured")


main()
