#!/usr/bin/env bash
# Installs the pinned npm packages of tests/motoko (moc, Node 24) once:
# npm ci wipes node_modules each time, so it runs only when the lock file
# changed since the last install. Used by tests/motoko/run and
# tests/motoko-bind/run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
stamp=$here/node_modules/.lock-sha256
want=$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  t=$(date +%s)
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$want" >"$stamp"
  echo "npm ci: $(( $(date +%s) - t )) s"
fi
