#!/usr/bin/env bash
# Run by `meson install` (meson.add_install_script): rewrites the installed
# libcandid.a as one relocatable object in which only the public candid_
# functions stay global, as the version script does for libcandid.so, so that
# internal names (lex_init, idl_type, candid__run, ...) cannot clash with a
# static user's own. The build tree's libcandid.a, which the tests use,
# keeps them. Usage: localize-static.sh LIBDIR (absolute, or under the prefix)
set -euo pipefail
libdir=$1
case $libdir in
  /*) lib="${DESTDIR:-}$libdir/libcandid.a" ;;
  *) lib="$MESON_INSTALL_DESTDIR_PREFIX/$libdir/libcandid.a" ;;
esac
[ -f "$lib" ] || exit 0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ld -r --whole-archive "$lib" -o "$tmp/candid.o"
objcopy --wildcard --keep-global-symbol='candid_[a-z0-9]*' "$tmp/candid.o"
rm -f "$lib"
ar rcs "$lib" "$tmp/candid.o"
