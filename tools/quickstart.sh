#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds libcandid and runs the demo:
# an ICRC-1 transfer argument encoded from a C struct and decoded back.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
[ -d build ] || meson setup build >/dev/null
ninja -C build >/dev/null
./build/tools/candid-demo
