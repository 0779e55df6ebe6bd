# Shared by the CLI tests: `expect` runs the candid tool and compares its
# exit status, standard output and standard error with what is given.
# Usage: . lib.sh CANDID; then `expect STATUS STDOUT STDERR ARGS...`, with
# STDERR '*' to skip that comparison; `finish` reports and sets the exit status.
candid=$1
here=$(cd "$(dirname "$0")" && pwd)
did=$here/service.did
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
checks=0

expect() {
  local want_rc=$1 want_out=$2 want_err=$3
  shift 3
  local out err rc
  out=$("$candid" "$@" 2>"$tmp/err")
  rc=$?
  err=$(cat "$tmp/err")
  checks=$((checks + 1))
  if [ "$rc" != "$want_rc" ] || [ "$out" != "$want_out" ] ||
     { [ "$want_err" != '*' ] && [ "$err" != "$want_err" ]; }; then
    failures=$((failures + 1))
    printf 'FAIL: candid %s\n  exit %s (want %s)\n  stdout: %s\n  want:   %s\n  stderr: %s\n  want:   %s\n' \
      "$*" "$rc" "$want_rc" "$out" "$want_out" "$err" "$want_err"
  fi
}

finish() {
  echo "$checks checks, $failures failed"
  [ "$failures" = 0 ]
}
