# Shared by setup.sh and test.sh: install what is missing, build.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

install_packages () {
  local wanted missing=()
  mapfile -t wanted < <(grep -v '^#' "$here/tools/debian-packages.txt" | grep -v '^$')
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "roneo: missing Debian packages: ${missing[*]}; run this as root (or: sudo apt-get install ${missing[*]})" >&2
    return 1
  fi
  echo "roneo: installing ${missing[*]}" >&2
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

# The locales the cli-i18n test runs roneo under (Debian ships them ungenerated).
generate_locales () {
  local want
  for want in fr_FR de_DE; do
    locale -a 2>/dev/null | grep -qix "$want.utf-\?8" && continue
    if [ "$(id -u)" -ne 0 ]; then
      echo "roneo: locale $want.UTF-8 missing; run this as root (or: sudo localedef -i $want -f UTF-8 $want.UTF-8)" >&2
      return 1
    fi
    localedef -i "$want" -f UTF-8 "$want.UTF-8"
  done
}

# build DIR [meson options...]
build () {
  local dir=$1; shift
  if [ ! -f "$here/$dir/build.ninja" ]; then
    meson setup "$here/$dir" "$here" "$@" >/dev/null
  fi
  ninja -C "$here/$dir"
}
