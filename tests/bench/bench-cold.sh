#!/bin/bash
# bench-cold.sh: a cold roneo run against pango-view on the same text.
#
#   tests/bench/bench-cold.sh [PATH-TO-RONEO] [RUNS]
#
# Renders the French tract with `roneo flyer` (a whole process: fonts,
# hyphenation dictionary, composition, PDF, qpdf finish) and its body
# paragraphs as plain text with `pango-view` (one justified Pango layout
# to PDF, same font, size and measure), RUNS times each (default 15),
# interleaved so both see the same machine load. Prints the median wall
# time of each and the ratio roneo / pango-view. Not a test: nothing is
# asserted; run it by hand. Needs pango-view (apt-get install pango1.0-tools).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
roneo=${1:-$root/build/src/cli/roneo}
runs=${2:-15}
tract=$root/tests/cases/tract-pompe-a-fric.md
export RONEO_DATA_DIR=${RONEO_DATA_DIR:-$root}

command -v pango-view >/dev/null || {
  echo "pango-view not found: apt-get install pango1.0-tools" >&2; exit 1; }
[ -x "$roneo" ] || { echo "no roneo at $roneo (build it, or give its path)" >&2; exit 1; }
[ -f "$tract" ] || { echo "no tract at $tract " >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/roneo-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

# The body paragraphs: no front matter, headings, list items, quote,
# footnote definitions, signature; footnote calls and ** removed.
awk 'NR == 1 && /^---$/ { fm = 1; next } fm && /^---$/ { fm = 0; next } fm { next }
     /^(#|- |> |\[\^|-- )/ { next } { print }' "$tract" \
  | sed -e 's/\[\^[^]]*\]//g' -e 's/\*\*//g' | cat -s >"$work/body.txt"

# a5-flyer: 148 mm - 2 x 12 mm = 124 mm = 351.5 pt (pango-view takes whole points: 352), Roneo Text 10.5 pt
now() { date +%s%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f", m / 1e6 }'; }
: >"$work/roneo.ns"; : >"$work/pango.ns"
for i in $(seq "$runs"); do
  t0=$(now)
  "$roneo" flyer "$tract" -o "$work/roneo.pdf" --date 2026-03-01 -q
  t1=$(now)
  pango-view -q --output="$work/pango.pdf" --font="Linux Libertine O 10.5" --dpi=72 \
    --width=352 --justify --language=fr "$work/body.txt"
  t2=$(now)
  echo $((t1 - t0)) >>"$work/roneo.ns"
  echo $((t2 - t1)) >>"$work/pango.ns"
done
r=$(median <"$work/roneo.ns")
p=$(median <"$work/pango.ns")
echo "runs:             $runs each, interleaved"
echo "roneo flyer:      median $r ms (whole tract: parse, fit, hyphenate, PDF, qpdf finish)"
echo "pango-view:       median $p ms (body paragraphs only, one layout)"
awk -v r="$r" -v p="$p" 'BEGIN { printf "ratio roneo/pango-view: %.2f\n", r / p }'
