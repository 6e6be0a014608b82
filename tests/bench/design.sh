#!/usr/bin/env bash
# design.sh: how designed roneo's pages look, in figures (issue 13).
#
#   tests/bench/design.sh [BUILDDIR]    (default: build)
#
# Lays out every tract of tests/cases in each layout it is meant for, an A6
# card per row of villes.csv, and each slogan as a placard, then prints per
# case the tallest empty horizontal band of its pages (share of the page
# height, rendered at 40 dpi: rows that are the page's paper colour across the
# width, white or the black of a5-black printed to the edge; see
# roneo_test_page_bands) and, for the placards, the share of the height the
# ink spans. Issue 13 asks for at most 30 % everywhere and for placards at
# least 55 %. Not a test: a report.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$here/build}
roneo=$build/src/cli/roneo
measure=$build/tests/bench/bench-design
cases=$here/tests/cases
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export SOURCE_DATE_EPOCH=1772323200

worst () { "$measure" "$1" | awk -F'\t' '/worst/ {sub(/worst empty band */, "", $2); print $2}'; }
inked () { "$measure" "$1" | awk -F'\t' '/page 1\t/ {sub(/inked */, "", $4); print $4}'; }

row () { printf '%-28s %-11s %s\n' "$1" "$2" "$3"; }

row case layout "tallest empty band"
for tract in tract-pompe-a-fric.md tract-en.md tract-plain.txt multilingual.md footnote.md \
             list-quote.md separators-justified.md short-two-lines.md long-headline.md \
             tract-recto-verso.md; do
  for layout in a5-flyer a4-tract a5-black; do
    pdf=$out/${tract%.*}-$layout.pdf
    if "$roneo" flyer -q "$cases/$tract" -l "$layout" -o "$pdf" 2>"$out/err"; then
      row "$tract" "$layout" "$(worst "$pdf")"
    else
      row "$tract" "$layout" "fails: $(head -1 "$out/err")"
    fi
  done
done
pdf=$out/card.pdf
"$roneo" flyer -q "$cases/card-a6.md" -o "$pdf" && row card-a6.md a6-card "$(worst "$pdf")"
pdf=$out/cards.pdf
if "$roneo" batch -q "$cases/tract-modele.md" --data "$cases/villes.csv" -l a6-card \
     --profile press --single -o "$pdf" 2>"$out/err"; then
  row "villes.csv (each card)" a6-card "$(worst "$pdf")"
else
  row "villes.csv" a6-card "fails: $(head -1 "$out/err")"
fi
echo
# Placards: the stacked slogan (no imprint line: the inked height is then the
# slogan's alone) and the capitals of its smallest line as `check` prints them.
row slogan "a3-placard" "empty band / inked height / capitals"
# each slogan in its language (slogans-en.txt: en...; the others French): the
# phrase rules are the language's
for file in "$cases"/slogans*.txt; do
  lang=$(basename "$file" .txt)
  lang=${lang#slogans}
  lang=${lang#-}
  case $lang in en | de) ;; *) lang=fr ;; esac
  sed "s/^/$lang\t/" "$file"
done | awk -F'\t' '!seen[$2]++' | while IFS=$'\t' read -r lang slogan; do
  [ -n "$slogan" ] || continue
  printf -- '---\nlang: %s\nimprint: false\n---\n\n# %s\n' "$lang" "$slogan" >"$out/slogan.md"
  pdf=$out/placard.pdf
  if "$roneo" flyer -q "$out/slogan.md" -l a3-placard -o "$pdf" 2>"$out/err"; then
    caps=$("$roneo" check "$out/slogan.md" -l a3-placard 2>&1 | grep -o 'capitals [0-9]* mm')
    row "${slogan:0:27}" a3-placard "$(worst "$pdf") / $(inked "$pdf") / ${caps#capitals }"
  else
    row "${slogan:0:27}" a3-placard "fails: $(head -1 "$out/err")"
  fi
done
