#!/bin/bash
# Every file the README names exists: paths under the project's folders, and
# each input file an example command line names (someone who found the
# repository copies those lines first).
#
#   test-readme-paths.sh SOURCE-ROOT
set -euo pipefail
source_root=${1:?usage: test-readme-paths.sh SOURCE-ROOT}
readme=$source_root/README.md
missing=0

check () {
  if [ ! -e "$source_root/$1" ]; then
    echo "README.md names '$1', which is not in the repository" >&2
    missing=$((missing + 1))
  fi
}

# Paths such as examples/tract-a4.md or docs/DESIGN.md, wherever they are
# (build/src/cli/roneo, ~/.local/share/roneo/fonts: not in the repository),
# but for what roneo writes (.pdf, .png, .json).
while read -r path; do
  check "${path%/}"
done < <(grep -oE '(^|[^A-Za-z0-9._/~-])(examples|tests|tools|layouts|fonts|docs|src)/[A-Za-z0-9._/-]*[A-Za-z0-9_/]' \
           "$readme" | sed -E 's|^[^a-z]||' | grep -vE '\.(pdf|png|json)$' | sort -u)

# Input files on the command lines of the sh blocks: the words ending in
# .md, .txt, .csv or .ini that are not an output (-o) and not ~/ or FILE.
while read -r word; do
  check "$word"
done < <(awk '/^```sh/ {on = 1; next} /^```/ {on = 0} on' "$readme" \
           | grep -E '(^|[ /])roneo ' | sed 's/#.*//' \
           | grep -oE '(^| )[^ -][^ ]*\.(md|txt|csv|ini)\b' | sed 's/^ //' \
           | grep -vE '^(~|FILE)' | sort -u)

[ "$missing" -eq 0 ] || { echo "FAIL: $missing files named in README.md are missing" >&2; exit 1; }
echo "ok: every file README.md names exists"
