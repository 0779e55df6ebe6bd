#!/usr/bin/env bash
# Runs the official conformance suite (*.test.did in DIR) through
# `candid test --round-trip`; exits 77 (meson's "skipped") without the suite.
candid=$1
dir=$2
if [ ! -d "$dir" ] || ! ls "$dir"/*.test.did >/dev/null 2>&1; then
  echo "conformance suite not found at $dir: skipped (set -Dtest_suite=DIR)"
  exit 77
fi
exec "$candid" test --round-trip "$dir"/*.test.did
