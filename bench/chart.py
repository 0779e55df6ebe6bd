#!/usr/bin/env python3
"""Draws a bench/run log as an SVG with gnuplot: chart.py LOG OUT.svg [TITLE]
Top: how many times faster than @dfinity/candid each case decodes and
encodes natively through the generated stubs, with fast paths and without
(log scale, the 300x target drawn). Below: executed Wasm instructions per
element, fast path beside interpreter; per message (the case marked *) for
one-value cases and where an element costs nothing measurable (bulk copies).
When bench/motoko/run.sh ran: libcandid's ratios against Motoko's Candid,
through the --fast stubs beside the interpreter, warm and cold."""
import os
import subprocess
import sys
import tempfile

LOG, OUT = sys.argv[1], sys.argv[2]
TITLE = sys.argv[3] if len(sys.argv) > 3 else ""

ratios, wasm, order, motoko = {}, {}, [], {}
for line in open(LOG, encoding="utf-8"):
    w = line.split()
    if len(w) < 3:
        continue
    kv = dict(x.split("=", 1) for x in w if "=" in x)
    if w[0] == "bench" and kv.get("ratio", "n/a") != "n/a":
        ratios[(w[1], w[2])] = float(kv["ratio"])
        if w[1] not in order:
            order.append(w[1])
    elif w[0] == "motoko" and "ratio" in kv:
        motoko[(w[1], w[2])] = float(kv["ratio"])
    elif w[0] == "wasm" and "instructions" in kv:
        per = kv["per_element"]
        wasm[(w[1], w[2])] = (float(kv["instructions"]), float(per) if per != "n/a" else 0.0)


def column(table, case, op):
    v = table.get((case, op))
    return f"{v:g}" if v else "NaN"  # gnuplot leaves NaN out (no bar)


tmp = tempfile.mkdtemp()
motoko_ops = ["decode_warm_fast", "decode_warm", "decode_cold_fast", "encode_fast", "encode_warm", "encode_cold"]
with open(os.path.join(tmp, "motoko.dat"), "w", encoding="utf-8") as f:
    for case in dict.fromkeys(c for (c, _) in motoko):
        f.write(" ".join([case] + [column(motoko, case, op) for op in motoko_ops]) + "\n")
ops = ["decode_fast", "decode_interp", "encode_fast", "encode_interp"]
with open(os.path.join(tmp, "ratios.dat"), "w", encoding="utf-8") as f:
    for case in order:
        if any((case, op) in ratios for op in ops):
            f.write(" ".join([case] + [column(ratios, case, op) for op in ops]) + "\n")
wasm_ops = ["decode_warm_fast", "decode_warm_interp", "encode_fast", "encode_interp"]
with open(os.path.join(tmp, "wasm.dat"), "w", encoding="utf-8") as f:
    for case in dict.fromkeys(order + [c for (c, _) in wasm]):
        if not all((case, op) in wasm for op in wasm_ops):
            continue
        whole = wasm[(case, "decode_warm_fast")][1] < 0.05  # per message
        shown = {(case, op): wasm[(case, op)][0 if whole else 1] for op in wasm_ops}
        f.write(" ".join([case + ("*" if whole else "")] + [column(shown, case, op) for op in wasm_ops]) + "\n")

# Motoko's own Candid in the same engine (bench/motoko/run.sh), when it ran
MOTOKO = f"""
set title "Node.js, wasm64: times faster than Motoko's to_candid/from_candid (log scale)"
set ylabel "ratio"
set yrange [0.1:*]
set arrow 2 from graph 0, first 3 to graph 1, first 3 nohead dt 2 lw 1.5 lc rgb "#c00000" front
set label 2 "3x target (warm, fast path)" at graph 0.005, first 3 left offset 0,0.7 tc rgb "#c00000" front
set arrow 3 from graph 0, first 1 to graph 1, first 1 nohead dt 3 lw 1.5 lc rgb "#c00000" front
set label 3 "1x target (cold)" at graph 0.005, first 1 left offset 0,0.7 tc rgb "#c00000" front
plot "{tmp}/motoko.dat" using 2:xtic(1) title "decode warm, fast path" lc rgb "#1f5fa8", \\
     "" using 3 title "decode warm, interpreter" lc rgb "#8fb4e0", \\
     "" using 4 title "decode cold (new header)" lc rgb "#d08a1e", \\
     "" using 5 title "encode, fast path" lc rgb "#2e8b3d", \\
     "" using 6 title "encode warm, interpreter" lc rgb "#9fd4a8", \\
     "" using 7 title "encode cold, interpreter" lc rgb "#e8c48a"
"""
script = f"""
set terminal svg size 1100,{1300 if motoko else 900} dynamic noenhanced font "sans,11" background "white"
set output "{OUT}"
set multiplot layout {3 if motoko else 2},1 title "{TITLE}"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set logscale y
set grid ytics
set xtics rotate by -30
set key top left horizontal
set title "Native: times faster than @dfinity/candid (Node.js), through generated stubs (log scale)"
set ylabel "ratio"
set yrange [1:*]
set arrow 1 from graph 0, first 300 to graph 1, first 300 nohead dt 2 lw 1.5 lc rgb "#c00000" front
set label 1 "300x target" at graph 0.005, first 300 left offset 0,0.7 tc rgb "#c00000" front
plot "{tmp}/ratios.dat" using 2:xtic(1) title "decode, fast path" lc rgb "#1f5fa8", \\
     "" using 3 title "decode, interpreter" lc rgb "#8fb4e0", \\
     "" using 4 title "encode, fast path" lc rgb "#2e8b3d", \\
     "" using 5 title "encode, interpreter" lc rgb "#9fd4a8"
unset arrow 1
unset label 1
set title "Wasm (wasm32 -O2): instructions per element; * per message (log scale)"
set ylabel "instructions"
set yrange [0.1:*]
plot "{tmp}/wasm.dat" using 2:xtic(1) title "decode warm, fast path" lc rgb "#1f5fa8", \\
     "" using 3 title "decode warm, interpreter" lc rgb "#8fb4e0", \\
     "" using 4 title "encode, fast path" lc rgb "#2e8b3d", \\
     "" using 5 title "encode, interpreter" lc rgb "#9fd4a8"
{MOTOKO if motoko else ""}
unset multiplot
"""
subprocess.run(["gnuplot"], input=script, text=True, check=True)
for name in ("ratios.dat", "wasm.dat", "motoko.dat"):
    os.remove(os.path.join(tmp, name))
os.rmdir(tmp)
