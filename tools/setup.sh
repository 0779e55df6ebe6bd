#!/usr/bin/env bash
# Installs what libcandid needs on Debian 12 (as root, or through sudo).
# --bench: also what bench/run alone needs (gnuplot for its chart).
set -euo pipefail
pkgs=(meson ninja-build gcc clang lld llvm pkg-config libtommath-dev libcmocka-dev
      wabt wasi-libc libclang-rt-dev-wasm32 valgrind python3
      rustc libstd-rust-dev-wasm32) # Debian's rustc: the Rust canister for wasm32
[ "${1:-}" = "--bench" ] && pkgs+=(gnuplot-nox)
command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || pkgs+=(npm)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
