#!/bin/bash
# The install suite: roneo as a user installs it (`meson install` into a
# prefix), run from another folder while the source tree is still there.
#
#   test-install.sh SOURCE-ROOT
#
# It must read its installed layouts and the user's own ($XDG_DATA_HOME/roneo),
# never the source tree, say so in `roneo layouts` and `roneo fonts`, and use
# a font dropped into the user's fonts folder.
set -euo pipefail
source_root=${1:?usage: test-install.sh SOURCE-ROOT}
source "$(dirname "${BASH_SOURCE[0]}")/install-lib.sh"

install_roneo "$source_root"
data=$prefix/share/roneo
[ -f "$data/fonts/fonts.conf" ] || fail "fonts.conf not installed in $data/fonts"
[ -f "$data/layouts/a5-flyer.ini" ] || fail "layouts not installed in $data/layouts"

# drop_layout FOLDER NAME [FONT]: a copy of a6-card under a new name (and
# description), its headline in FONT when given.
drop_layout () {
  local folder=$1 name=$2 font=${3:-}
  mkdir -p "$folder"
  sed -e "s/^name = a6-card\$/name = $name/" \
      -e "s/^description = .*/description = dropped by the install test/" \
      "$source_root/layouts/a6-card.ini" >"$folder/$name.ini"
  if [ -n "$font" ]; then
    # the first `font =` is the headline's
    sed -i "0,/^font = .*/s//font = $font/" "$folder/$name.ini"
  fi
}
drop_layout "$data/layouts" installed-card
drop_layout "$scratch/xdg/roneo/layouts" user-card "Ronuser Fnt"

user_layouts=$scratch/xdg/roneo/layouts
user_fonts=$scratch/xdg/roneo/fonts

layouts=$(run_installed layouts) || fail "roneo layouts failed"
for name in a5-flyer banderole installed-card user-card; do
  grep -qE "^$name +[0-9]" <<<"$layouts" || fail "layout $name not listed:"$'\n'"$layouts"
done
assert_contains "$layouts" "(layouts from: $user_layouts, $data/layouts)" "roneo layouts"
assert_lacks "$layouts" "$source_root" "roneo layouts names the source tree"

fonts=$(run_installed fonts) || fail "roneo fonts failed"
assert_contains "$fonts" "League Spartan" "roneo fonts"
assert_contains "$fonts" "(fonts from: $user_fonts, $data/fonts)" "roneo fonts"
assert_contains "$fonts" "(own fonts: drop OTF/TTF files into $user_fonts)" "roneo fonts"
assert_lacks "$fonts" "$source_root" "roneo fonts names the source tree"

# The user's layout asks for a family no folder has yet: --strict refuses it
# (exit 3). Then a font of that family goes into the user's fonts folder: a
# copy of DejaVu Sans whose names say "Ronuser Fnt" (same length, so the
# tables stay where they are).
copy=$source_root/tests/cases/card-a6.md
status=0
run_installed check --strict -q -l user-card "$copy" >/dev/null 2>&1 || status=$?
[ "$status" -eq 3 ] || fail "check --strict with a missing font: exit $status, not 3"
mkdir -p "$user_fonts"
perl -0777 -pe 's/D\0e\0j\0a\0V\0u\0 \0S\0a\0n\0s/R\0o\0n\0u\0s\0e\0r\0 \0F\0n\0t/g;
                s/DejaVu Sans/Ronuser Fnt/g' \
  /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf >"$user_fonts/RonuserFnt.ttf"
run_installed check --strict -q -l user-card "$copy" >/dev/null \
  || fail "a font in $user_fonts is not used"

# A flyer in an installed layout, written in the other folder.
run_installed flyer -q -l installed-card "$copy" -o tract.pdf \
  || fail "roneo flyer -l installed-card failed"
[ -s "$scratch/elsewhere/tract.pdf" ] || fail "no tract.pdf written"

# The man pages, English and French, and the bash completion, under the
# prefix; the completion asks the installed roneo for its layouts.
for page in man1/roneo.1 man1/roneo-banner.1 fr/man1/roneo.1 fr/man1/roneo-banner.1; do
  [ -s "$prefix/share/man/$page" ] || fail "man page $page not installed in $prefix/share/man"
done
manpage=$(MANPATH="$prefix/share/man" MANWIDTH=80 man -Tutf8 roneo-banner 2>&1 | col -bx) \
  || fail "man roneo-banner does not find the installed page"
assert_contains "$manpage" "--sheets=IDS" "man roneo-banner"
completion=$prefix/share/bash-completion/completions/roneo
[ -f "$completion" ] || fail "bash completion not installed at $completion"
offered=$(cd "$scratch/elsewhere" && env -u RONEO_DATA_DIR PATH="$prefix/bin:$PATH" \
            XDG_DATA_HOME="$scratch/xdg" bash --norc -c 'source "$1"
              COMP_WORDS=(roneo flyer -l ""); COMP_CWORD=3; _roneo; printf "%s\n" "${COMPREPLY[@]}"' \
            complete "$completion")
for name in a5-flyer installed-card user-card; do
  grep -qx "$name" <<<"$offered" || fail "the installed completion does not offer $name: $offered"
done

# The studio, a module the installed roneo opens from the prefix (not the
# build tree's): it serves the installed layouts.
url_file=$scratch/studio.url
(cd "$scratch/elsewhere" && exec env -u RONEO_DATA_DIR PATH="$prefix/bin:$PATH" \
   XDG_DATA_HOME="$scratch/xdg" roneo studio --no-open --quiet --port 0 \
   --dir "$scratch/elsewhere") >"$url_file" 2>"$scratch/studio.err" &
studio=$!
for _ in $(seq 100); do [ -s "$url_file" ] && break; sleep 0.1; done
url=$(cat "$url_file")
[ -n "$url" ] || { kill "$studio" 2>/dev/null; fail "the installed studio printed no address: $(cat "$scratch/studio.err")"; }
studio_layouts=$(curl -sf -H "Authorization: Bearer ${url#*token=}" "${url%%/?token=*}/api/layouts") \
  || { kill "$studio"; fail "the installed studio's /api/layouts failed"; }
kill -TERM "$studio"
wait "$studio" || fail "the installed studio did not stop cleanly on SIGTERM"
assert_contains "$studio_layouts" '"installed-card"' "the installed studio's layouts"

# The studio in the applications menu: a valid desktop entry that runs it,
# and its icon.
entry=$prefix/share/applications/roneo-studio.desktop
[ -f "$entry" ] || fail "no desktop entry installed at $entry"
desktop-file-validate "$entry" || fail "desktop-file-validate finds faults in $entry"
grep -qx 'Exec=roneo studio' "$entry" || fail "$entry does not run roneo studio"
[ -f "$prefix/share/icons/hicolor/scalable/apps/roneo-studio.svg" ] \
  || fail "the studio's icon is not installed"

# The copy built in the build tree, by contrast, reads the source tree.
built=$(cd "$scratch/elsewhere" && env -u RONEO_DATA_DIR XDG_DATA_HOME="$scratch/xdg" \
          "$scratch/build/src/cli/roneo" layouts) || fail "the built roneo failed"
assert_contains "$built" "$source_root/layouts)" "the build-tree roneo"
echo "ok: installed roneo in $prefix reads $data and $scratch/xdg/roneo"
