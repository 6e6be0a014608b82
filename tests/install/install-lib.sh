# Shared by the install suite's scripts: build roneo from the source tree in a
# scratch folder, install it into a scratch prefix, and check what it prints.
# Sourced; the caller has `set -euo pipefail`.

# The scratch folder, removed at exit whatever happens.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/roneo-install-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
prefix=$scratch/prefix

fail () {
  echo "FAIL: $*" >&2
  exit 1
}

# install_roneo SOURCE-ROOT: a plain build (no sanitizer, whatever the
# calling build uses: an installed program is built plainly) without the
# tests, `meson install` into $prefix. Sets libdir, to where libroneo went.
install_roneo () {
  local source_root=$1 log=$scratch/install.log
  if ! meson setup "$scratch/build" "$source_root" --prefix="$prefix" -Dtests=false >"$log" 2>&1 \
     || ! meson install -C "$scratch/build" >>"$log" 2>&1; then
    tail -40 "$log" >&2
    fail "building and installing roneo into $prefix"
  fi
  local lib
  lib=$(find "$prefix" -name 'libroneo.so' -print -quit)
  [ -n "$lib" ] || fail "no libroneo.so installed under $prefix"
  libdir=$(dirname "$lib")
}

# run_installed ARGS...: the installed roneo run from a folder that is not the
# source tree nor the build, found through PATH as a user runs it, with the
# user's data in $scratch/xdg and no RONEO_DATA_DIR.
run_installed () {
  mkdir -p "$scratch/elsewhere"
  (cd "$scratch/elsewhere" \
     && env -u RONEO_DATA_DIR PATH="$prefix/bin:$PATH" XDG_DATA_HOME="$scratch/xdg" \
          XDG_CACHE_HOME="$scratch/cache" roneo "$@")
}

# assert_contains TEXT PATTERN WHAT: PATTERN (fixed string) is in TEXT.
assert_contains () {
  grep -qF -- "$2" <<<"$1" || fail "$3: '$2' not in:"$'\n'"$1"
}

assert_lacks () {
  ! grep -qF -- "$2" <<<"$1" || fail "$3: '$2' in:"$'\n'"$1"
}
