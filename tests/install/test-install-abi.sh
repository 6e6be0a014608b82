#!/bin/bash
# The installed library as another program sees it.
#
#   test-install-abi.sh SOURCE-ROOT
#
# libroneo.so exports only roneo_ symbols, each declared in an installed
# header, and has a versioned SONAME; the
# example in examples/embed/ builds against the installed library through
# pkg-config alone and runs.
set -euo pipefail
source_root=${1:?usage: test-install-abi.sh SOURCE-ROOT}
source "$(dirname "${BASH_SOURCE[0]}")/install-lib.sh"

install_roneo "$source_root"
lib=$libdir/libroneo.so

# Defined dynamic symbols, without the version nodes (type A) a version
# script adds: these are names of versions, not of functions.
foreign=$(nm -D --defined-only "$lib" | awk '$2 != "A" {print $3}' | grep -v '^roneo_' || true)
[ -z "$foreign" ] \
  || fail "$lib exports $(wc -l <<<"$foreign") symbols not starting with roneo_, e.g.:"$'\n'"$(head -20 <<<"$foreign")"

# ... and each of them is declared in an installed header: the rest of the
# library's functions are its own (-fvisibility=hidden), not its API.
undeclared=$(nm -D --defined-only "$lib" | awk '$2 != "A" {print $3}' \
               | while read -r symbol; do
                   grep -qw -- "$symbol" "$prefix"/include/roneo/*.h || echo "$symbol"
                 done)
[ -z "$undeclared" ] \
  || fail "$lib exports $(wc -l <<<"$undeclared") symbols no installed header declares, e.g.:"$'\n'"$(head -20 <<<"$undeclared")"

soname=$(readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[[ $soname =~ ^libroneo\.so\.[0-9]+ ]] || fail "$lib has SONAME '$soname', not libroneo.so.N"

# build_embed: examples/embed/embed.c compiled with only what pkg-config
# says (and an rpath, as a program installed beside roneo would have), run
# from another folder.
build_embed () {
  local example=$source_root/examples/embed/embed.c
  [ -f "$example" ] || fail "$example is missing"
  local pc
  pc=$(find "$prefix" -name roneo.pc -print -quit)
  [ -n "$pc" ] || fail "no roneo.pc installed under $prefix"
  local flags
  flags=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --cflags --libs roneo) \
    || fail "pkg-config roneo failed"
  # shellcheck disable=SC2086 # the flags are words
  cc -std=c11 -Wall -Werror "$example" -o "$scratch/embed" $flags -Wl,-rpath,"$libdir" \
    || fail "examples/embed/embed.c does not build against the installed roneo"
  mkdir -p "$scratch/elsewhere"
  (cd "$scratch/elsewhere" && env -u RONEO_DATA_DIR XDG_DATA_HOME="$scratch/xdg" "$scratch/embed") \
    || fail "examples/embed/embed failed"
}
build_embed
echo "ok: $lib exports roneo_ only, SONAME $soname, examples/embed builds and runs"
