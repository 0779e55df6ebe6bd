#!/usr/bin/env bash
# Differential test against @dfinity/candid: tests/diff/run.sh BUILDDIR [SECONDS]
# Installs the JS library from bench/peer's lock file (npm ci, network on the
# first run) and runs tests/diff/diff.mjs on BUILDDIR's candid tool for
# SECONDS (default 30) with seed $CANDID_DIFF_SEED (default 1).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:?usage: tests/diff/run.sh BUILDDIR [SECONDS]}
seconds=${2:-30}
[ -d bench/peer/node_modules/@dfinity/candid ] ||
  (cd bench/peer && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
exec node tests/diff/diff.mjs "$build/tools/candid/candid" --seed "${CANDID_DIFF_SEED:-1}" --seconds "$seconds"
