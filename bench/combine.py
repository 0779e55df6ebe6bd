#!/usr/bin/env python3
"""Pairs libcandid's and the peer's timings from alternating runs:
combine.py NATIVE... PEER...  ->  bench CASE OP libcandid_ns=X peer_ns=Y ratio=R
OP is encode or decode through the hand descriptors, and OP_fast and
OP_interp through the generated stubs (with and without fast paths), each
against the peer's OP. Each side keeps its best (lowest) median over the
runs."""
import re
import sys

PAIRED = {"encode": "encode", "decode": "decode",
          "encode_fast": "encode", "decode_fast": "decode",
          "encode_interp": "encode", "decode_interp": "decode"}

native, peer, failed = {}, {}, []
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"(native|peer) (\S+) (\S+) ns=([0-9.]+)", line)
            if not m:
                if " FAILED" in line:
                    failed.append(line.strip())
                continue
            side, case, op, ns = m.group(1), m.group(2), m.group(3), float(m.group(4))
            table = native if side == "native" else peer
            key = (case, op)
            table[key] = min(ns, table.get(key, ns))

for (case, op), ns in native.items():
    if op not in PAIRED:
        continue
    key = (case, PAIRED[op])
    if key not in peer:
        print(f"bench {case} {op} libcandid_ns={ns:.1f} peer_ns=n/a ratio=n/a")
        continue
    p = peer[key]
    print(f"bench {case} {op} libcandid_ns={ns:.1f} peer_ns={p:.1f} ratio={p / ns:.1f}")
for line in sorted(set(failed)):
    print(line)
