#!/usr/bin/env python3
"""Writes the exports of the Wasm benchmark kernel: gen.py DIR N1 N2 > exports.c
For each payload (in bench/payloads.c order) and size, the message DIR/CASE.N.bin
is embedded and exported as four functions named CASE:N:MODE, and the
generated stubs' own message DIR/CASE.N.gen.bin as four more per set of
stubs, CASE:N:SET_MODE (SET fast or interp; see kernel.h)."""
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "payloads.c"), encoding="utf-8") as f:
    names = re.findall(r'^\s*\{"([a-z0-9_]+)", "', f.read(), re.M)
d, sizes = sys.argv[1], sys.argv[2:]
modes = ["cold", "warm", "header", "encode"]
stub_modes = ["cold", "warm", "value", "encode"]
print('#include "kernel.h"\n')


def embed(arr, path):
    data = open(path, "rb").read()
    print(f"static const uint8_t {arr}[] = {{{','.join(str(b) for b in data)}}};")
    return len(data)


def export(name, fn, i, arr, length, mode):
    print(f'__attribute__((export_name("{name}"))) uint32_t {fn}(void) '
          f"{{ return bench_run({i}, {arr}, {length}, {mode}); }}")


for i, name in enumerate(names):
    for n in sizes:
        path = os.path.join(d, f"{name}.{n}.bin")
        if not os.path.exists(path):
            continue
        arr = f"m_{name}_{n}"
        length = embed(arr, path)
        for k, mode in enumerate(modes):
            export(f"{name}:{n}:{mode}", f"x_{name}_{n}_{mode}", i, arr, length, k)
        garr = f"g_{name}_{n}"
        glength = embed(garr, os.path.join(d, f"{name}.{n}.gen.bin"))
        for s, stubs in enumerate(("fast", "interp")):
            for k, mode in enumerate(stub_modes):
                export(f"{name}:{n}:{stubs}_{mode}", f"x_{name}_{n}_{stubs}_{mode}", i, garr, glength,
                       f"MODE_STUBS + {4 * s + k}")
