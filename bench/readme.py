#!/usr/bin/env python3
"""Rewrites README.md's measured performance block from a bench/run log:
readme.py LOG TARGETS CHART COMMAND
LOG: the run's lines (native, bench, wasm, size, motoko); TARGETS: what
bench/targets.py printed for it; CHART: the SVG's path from the repository
root; COMMAND: how the run was made (shown in the README). The block lies
between the markers <!--bench:begin--> and <!--bench:end--> and is replaced
whole: date, machine, the timing table, the Wasm table, the targets missed
and the sizes, all from the log."""
import datetime
import os
import platform
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
README = os.path.join(ROOT, "README.md")
BEGIN, END = "<!--bench:begin-->", "<!--bench:end-->"
LOG, TARGETS, CHART, COMMAND = sys.argv[1:5]


def machine():
    model = "unknown CPU"
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    system = platform.system()
    try:
        for line in open("/etc/os-release", encoding="utf-8"):
            if line.startswith("PRETTY_NAME="):
                system = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    gcc = subprocess.run(["gcc", "-dumpfullversion"], capture_output=True, text=True).stdout.strip()
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{model}, nproc {os.cpu_count()} ({platform.machine()}, {system}, gcc {gcc} -O2, Node.js {node})"


def fmt(v):
    if v is None:
        return "n/a"
    return f"{v:,.0f}" if v >= 100 else f"{v:,.1f}"


# each payload's .did text: its second string literal, which may be split
descr = {name: "".join(re.findall(r'"([^"]*)"', lits)) for name, lits in re.findall(
    r'^\s*\{"([a-z0-9_]+)", ((?:"[^"]*"\s*)+),',
    open(os.path.join(ROOT, "bench", "payloads.c"), encoding="utf-8").read(), re.M)}
native, peer_ratio, wasm, sizes, order, motoko = {}, {}, {}, [], [], {}
for line in open(LOG, encoding="utf-8"):
    w = line.split()
    if len(w) < 3:
        continue
    kv = dict(x.split("=", 1) for x in w if "=" in x)
    if w[0] == "native" and "ns" in kv:
        native[(w[1], w[2])] = float(kv["ns"])
        if w[1] not in order:
            order.append(w[1])
    elif w[0] == "bench" and kv.get("peer_ns", "n/a") != "n/a":
        peer_ratio[(w[1], w[2])] = (float(kv["peer_ns"]), float(kv["ratio"]))
    elif w[0] == "wasm" and "instructions" in kv:
        wasm[(w[1], w[2])] = (kv["instructions"], kv["per_element"])
    elif w[0] == "size":
        sizes.append(" ".join(w[1:]))
    elif w[0] == "motoko" and "ratio" in kv:
        motoko[(w[1], w[2])] = (float(kv["motoko_ns"]), float(kv["ratio"]))

out = [BEGIN,
       f"Measured {datetime.date.today().isoformat()} by `{COMMAND}` on {machine()}; "
       "rewritten by `bench/run --readme`, not by hand. Times in ns, best median of two alternating "
       "rounds; *fast*: the stubs `candid bind` generates (`--fast`, the default), *interp*: the same "
       "stubs with `--no-fast` (the plan interpreter), *hand*: the hand-written descriptors of "
       "`bench/payloads.c`; ratios against `@dfinity/candid` on Node.js in the same run.",
       "",
       f"![libcandid against @dfinity/candid, and Wasm instructions per element]({CHART})",
       "",
       "| case | what | decode fast | interp | hand | peer | ratio | encode fast | interp | hand | peer | ratio "
       "| cold/warm (hand) | memcpy |",
       "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
for case in order:
    n = lambda op: native.get((case, op))
    dp, dr = peer_ratio.get((case, "decode_fast"), (None, None))
    ep, er = peer_ratio.get((case, "encode_fast"), (None, None))
    cold = n("decode_cold") / n("decode") if n("decode_cold") and n("decode") else None
    out.append(f"| {case} | `{descr.get(case, '')}` | {fmt(n('decode_fast'))} | {fmt(n('decode_interp'))} | "
               f"{fmt(n('decode'))} | {fmt(dp)} | {fmt(dr)}× | {fmt(n('encode_fast'))} | "
               f"{fmt(n('encode_interp'))} | {fmt(n('encode'))} | {fmt(ep)} | {fmt(er)}× | "
               f"{fmt(cold)}× | {fmt(n('memcpy'))} |")
out += ["",
        "Executed Wasm instructions (wasm32 `-O2 -mbulk-memory`, `bench/wasm/count.sh`), per element "
        "(per message where the case has one element):",
        "",
        "| case | decode warm fast | interp | hand | decode cold fast | interp | hand | encode fast | interp | hand |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
for case in dict.fromkeys(order + [c for (c, _) in wasm]):
    if (case, "decode_warm") not in wasm:
        continue

    def cell(op):
        v = wasm.get((case, op))
        if not v:
            return "n/a"
        return f"{float(v[1]):,.1f}" if v[1] not in ("n/a", "0.0") else f"{int(v[0]):,}"
    out.append(f"| {case} | " + " | ".join(cell(op) for op in (
        "decode_warm_fast", "decode_warm_interp", "decode_warm", "decode_cold_fast", "decode_cold_interp",
        "decode_cold", "encode_fast", "encode_interp", "encode")) + " |")
if motoko:
    out += ["",
            "Against Motoko's own `from_candid`/`to_candid` in the same engine (`bench/motoko/run.sh`: "
            "Node.js 24, libcandid's core built for wasm64): Motoko's time over libcandid's. *fast*: "
            "the `--fast` stubs on their own message; *cold*: a header the stub did not generate (the "
            "interpreter, no plan cache); *interp*: the interpreter at the hand descriptors, warm "
            "(cached plan, header built once) and cold (planned or built per call). Motoko has one mode.",
            "",
            "| case | Motoko decode ns | decode fast | cold | interp warm | interp cold "
            "| Motoko encode ns | encode fast | interp warm | interp cold |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for case in dict.fromkeys(c for (c, _) in motoko):
        def ratio(op):
            v = motoko.get((case, op))
            return f"{v[1]:.2f}×" if v else "n/a"

        def ns(op):
            v = motoko.get((case, op))
            return fmt(v[0]) if v else "n/a"
        out.append(f"| {case} | {ns('decode_warm')} | " + " | ".join(ratio(op) for op in (
            "decode_warm_fast", "decode_cold_fast", "decode_warm", "decode_cold")) +
            f" | {ns('encode_warm')} | " + " | ".join(ratio(op) for op in (
                "encode_fast", "encode_warm", "encode_cold")) + " |")
targets = open(TARGETS, encoding="utf-8").read().splitlines()
summary = next((t for t in targets if t.startswith("targets ")), "targets: none printed")
missed = [t for t in targets if t.endswith(" MISS")]
out += ["", f"Targets of the performance issue (`bench/targets.py`): {summary[len('targets '):]}."]
if missed:
    out += ["Missed:", ""]
    out += [f"- `{t[len('target '):-len(' MISS')]}`" for t in missed]
if sizes:
    out += ["", "Sizes (`bench/size.sh`, wasm32; the size-first build is `-Dcore_opt=size`):", ""]
    out += [f"- `{s}`" for s in sizes if not s.startswith("top ")]
    top = [s.split() for s in sizes if s.startswith("top ")]
    if top:
        out.append("- the size build's largest functions: " +
                   ", ".join(f"`{t[2]}` {int(t[3].split('=')[1]):,} B" for t in top))
costs = [dict(x.split("=", 1) for x in t.split()[3:]) | {"case": t.split()[1], "op": t.split()[2]}
         for t in targets if t.startswith("speedcost ")]
if costs:
    out += ["", "What the size-first build costs: Wasm instructions of the `--no-fast` stubs built for "
            "speed and for size, and of the speed build's fast path (per element, or per message for "
            "one-value cases):", "",
            "| case | op | speed build | size build | size/speed | fast path |",
            "| --- | --- | ---: | ---: | ---: | ---: |"]
    out += [f"| {c['case']} | {c['op'].replace('_interp', '')} | {c['speed']} | {c['size']} | {c['ratio']}× "
            f"| {c['fast']} |" for c in costs]
out.append(END)

text = open(README, encoding="utf-8").read()
if BEGIN not in text or END not in text:
    sys.exit(f"README.md: no {BEGIN} ... {END} block")
head, rest = text.split(BEGIN, 1)
tail = rest.split(END, 1)[1]
open(README, "w", encoding="utf-8").write(head + "\n".join(out) + tail)
print(f"README.md: performance block rewritten from {LOG}")
