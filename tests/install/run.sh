#!/usr/bin/env bash
# The library a user installs: tests/install/run.sh BUILDDIR
# Installs BUILDDIR into a scratch --destdir tree, then, using only what is
# installed and pkg-config (PKG_CONFIG_SYSROOT_DIR maps the tree's prefix):
#  - the shared library has a versioned soname and exports only candid_*;
#  - every function the installed headers declare is defined in it;
#  - every installed header compiles on its own;
#  - the README's API snippet (tests/install/use.c) links against the shared
#    library with an rpath, and statically with `pkg-config --static`, and
#    runs without LD_LIBRARY_PATH.
# Prints PASS/FAIL per check; exits non-zero on any FAIL.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
build=${1:?usage: tests/install/run.sh BUILDDIR}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
dest=$scratch/root
log=$scratch/log
fails=0
result() { # name status
  if [ "$2" -eq 0 ]; then echo "PASS $1"; else echo "FAIL $1"; tail -n 20 "$log"; fails=$((fails + 1)); fi
}

meson install -C "$build" --destdir "$dest" --quiet >"$log" 2>&1
result "meson install --destdir" $?
pc=$(find "$dest" -name libcandid.pc | head -n 1)
[ -n "$pc" ]
result "libcandid.pc installed" $?
[ -n "$pc" ] || exit 1
export PKG_CONFIG_PATH=${pc%/*} PKG_CONFIG_SYSROOT_DIR=$dest
unset PKG_CONFIG_LIBDIR LD_LIBRARY_PATH
# pkgconf prefixes variables with the sysroot; freedesktop pkg-config does not.
installed() { # variable
  local v
  v=$(pkg-config --variable="$1" libcandid)
  case $v in "$dest"/*) echo "$v" ;; *) echo "$dest$v" ;; esac
}
libdir=$(installed libdir)
read -r -a cflags <<<"$(pkg-config --cflags libcandid)"

so=$libdir/libcandid.so
full=libcandid.so.$(pkg-config --modversion libcandid)
[ "$(readlink "$so")" = libcandid.so.0 ] && [ "$(readlink "$so.0")" = "$full" ] && [ -f "$libdir/$full" ] &&
  readelf -d "$so" | grep 'SONAME.*\[libcandid\.so\.0\]' >/dev/null && [ -f "$libdir/libcandid.a" ]
result "libcandid.so -> libcandid.so.0 (soname) -> full version, and libcandid.a" $?

nm -D --defined-only "$so" >"$scratch/nm" 2>"$log" && [ -s "$scratch/nm" ]
result "nm -D reads libcandid.so" $?
awk '{print $3}' "$scratch/nm" | grep -vE '^candid_[a-z0-9]' >"$log"
[ ! -s "$log" ]
result "nm -D: libcandid.so exports only candid_ symbols" $?

nm -g --defined-only "$libdir/libcandid.a" >"$scratch/nm-static" 2>"$log" &&
  grep -qE ' T candid_decode$' "$scratch/nm-static"
result "nm reads libcandid.a" $?
grep -E '^[0-9a-f]+ [A-Z] ' "$scratch/nm-static" | awk '{print $3}' | grep -vE '^candid_[a-z0-9]' >"$log"
[ ! -s "$log" ]
result "nm: libcandid.a defines only candid_ globals" $?

# Declared functions: `candid_name(` in the installed headers (which skips
# function-pointer typedefs, `(*candid_x)(`), less the static inline ones.
incdir=$(installed includedir)/candid
grep -ohE '\bcandid_[a-z0-9_]+\(' "$incdir"/*.h | tr -d '(' | sort -u >"$scratch/named"
grep -ohE 'static inline [^(]*\bcandid_[a-z0-9_]+\(' "$incdir"/*.h | grep -oE 'candid_[a-z0-9_]+' |
  sort -u >"$scratch/inline"
comm -23 "$scratch/named" "$scratch/inline" >"$scratch/declared"
awk '{print $3}' "$scratch/nm" | sort -u >"$scratch/defined"
comm -23 "$scratch/declared" "$scratch/defined" >"$log"
[ ! -s "$log" ] && [ "$(wc -l <"$scratch/declared")" -gt 50 ]
result "every function the installed headers declare is in libcandid.so" $?

ok=0
for h in "$incdir"/*.h; do
  printf '#include <candid/%s>\n' "${h##*/}" |
    cc -std=c11 -Wall -Wextra -Werror "${cflags[@]}" -x c -c - -o /dev/null >>"$log" 2>&1 || ok=1
done
result "every installed header compiles on its own" $ok

python3 tools/readme-snippet README.md api "$scratch/readme_api.h" >"$log" 2>&1
result "README API snippet extracted" $?

# shellcheck disable=SC2046 # pkg-config output is a list of flags
cc -std=c11 -Wall -Wextra -Werror -I"$scratch" tests/install/use.c -o "$scratch/use-shared" \
  $(pkg-config --cflags --libs libcandid) -Wl,-rpath,"$libdir" >"$log" 2>&1 &&
  "$scratch/use-shared" >>"$log" 2>&1 && ldd "$scratch/use-shared" | grep "$libdir/libcandid.so.0" >/dev/null
result "README snippet: shared link (pkg-config, -Wl,-rpath) runs on the installed library" $?

# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror -static -I"$scratch" tests/install/use.c -o "$scratch/use-static" \
  $(pkg-config --static --cflags --libs libcandid) >"$log" 2>&1 && "$scratch/use-static" >>"$log" 2>&1
result "README snippet: static link (pkg-config --static) runs" $?

[ "$fails" -eq 0 ]
