#!/usr/bin/env python3
"""Writes the exports of the Wasm benchmark kernel: gen.py DIR N1 N2 > exports.c
For each payload (in bench/payloads.c order) and size, the message DIR/CASE.N.bin
is embedded and exported as four functions named CASE:N:MODE."""
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "payloads.c"), encoding="utf-8") as f:
    names = re.findall(r'^\s*\{"([a-z0-9_]+)", "', f.read(), re.M)
d, sizes = sys.argv[1], sys.argv[2:]
modes = ["cold", "warm", "header", "encode"]
print('#include "kernel.h"\n')
for i, name in enumerate(names):
    for n in sizes:
        path = os.path.join(d, f"{name}.{n}.bin")
        if not os.path.exists(path):
            continue
        data = open(path, "rb").read()
        arr = f"m_{name}_{n}"
        print(f"static const uint8_t {arr}[] = {{{','.join(str(b) for b in data)}}};")
        for k, mode in enumerate(modes):
            print(f'__attribute__((export_name("{name}:{n}:{mode}"))) uint32_t x_{name}_{n}_{mode}(void) '
                  f"{{ return bench_run({i}, {arr}, {len(data)}, {k}); }}")
