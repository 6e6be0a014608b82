#!/bin/bash
# bench-cold.sh: a cold roneo run against pango-view on the same text.
#
#   tests/bench/bench-cold.sh [PATH-TO-RONEO] [RUNS]
#
# For every tract of tests/cases (the files linebreak.sh reads but crash-*;
# CASES="a.md b.md" for only those), renders it with `roneo flyer` (a whole process:
# fonts, hyphenation dictionary, composition, PDF, qpdf finish) and its body
# paragraphs as plain text with `pango-view` (one justified Pango layout to
# PDF, the same font, and the body size and measure roneo's dump gives), RUNS
# times each (default 15), interleaved so both see the same machine load.
# Prints one row per tract: the median wall time of each and the ratio
# roneo / pango-view (issue 12's target: at most 2.5).
#
# RONEO_BEFORE=PATH-TO-AN-OLDER-roneo runs that one too, in the same loop
# (so both see the same load), and adds its median and ratio to the row.
#
# Not a test: nothing is asserted; run it by hand. Needs pango-view
# (apt-get install pango1.0-tools).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
roneo=${1:-$root/build/src/cli/roneo}
runs=${2:-15}
before=${RONEO_BEFORE:-}
export RONEO_DATA_DIR=${RONEO_DATA_DIR:-$root}

command -v pango-view >/dev/null || {
  echo "pango-view not found: apt-get install pango1.0-tools" >&2; exit 1; }
[ -x "$roneo" ] || { echo "no roneo at $roneo (build it, or give its path)" >&2; exit 1; }
[ -z "$before" ] || [ -x "$before" ] || { echo "no roneo at $before (RONEO_BEFORE)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/roneo-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

# body_text CASE: the body paragraphs (no front matter, headings, list
# items, quote, footnote definitions, signature; footnote calls and **
# removed), as linebreak.sh gives them to pango-view
body_text() {
  awk 'NR == 1 && /^---$/ { fm = 1; next } fm && /^---$/ { fm = 0; next } fm { next }
       /^(#|- |> |\[\^|-- )/ { next } { print }' "$1" \
    | sed -e 's/\[\^[^]]*\]//g' -e 's/\*\*//g' | cat -s
}

now() { date +%s%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f", m / 1e6 }'; }
ratio() { awk -v r="$1" -v p="$2" 'BEGIN { printf "%.2f", r / p }'; }

# one_case CASE SIZE MEASURE LANG: the medians, interleaved
one_case() {
  local case_file=$1 size=$2 measure=$3 lang=$4
  body_text "$case_file" >"$work/body.txt"
  : >"$work/roneo.ns"; : >"$work/pango.ns"; : >"$work/before.ns"
  for _ in $(seq "$runs"); do
    local t0 t1 t2 t3
    t0=$(now)
    "$roneo" flyer -q --force "$case_file" -o "$work/roneo.pdf" --date 2026-03-01 >/dev/null 2>&1 || true
    t1=$(now)
    pango-view -q --output="$work/pango.pdf" --font="Linux Libertine O $size" --dpi=72 \
      --width="$measure" --justify --language="$lang" "$work/body.txt" 2>/dev/null
    t2=$(now)
    [ -z "$before" ] || "$before" flyer -q --force "$case_file" -o "$work/before.pdf" \
      --date 2026-03-01 >/dev/null 2>&1 || true
    t3=$(now)
    echo $((t1 - t0)) >>"$work/roneo.ns"
    echo $((t2 - t1)) >>"$work/pango.ns"
    echo $((t3 - t2)) >>"$work/before.ns"
  done
  local r p b
  r=$(median <"$work/roneo.ns")
  p=$(median <"$work/pango.ns")
  if [ -n "$before" ]; then
    b=$(median <"$work/before.ns")
    printf "%-40s %8s %8s %6s   %8s %6s\n" "$(basename "$case_file") ($size pt)" "$p" "$r" \
      "$(ratio "$r" "$p")" "$b" "$(ratio "$b" "$p")"
  else
    printf "%-40s %8s %8s %6s\n" "$(basename "$case_file") ($size pt)" "$p" "$r" "$(ratio "$r" "$p")"
  fi
}

cases=()
if [ -n "${CASES:-}" ]; then
  for c in $CASES; do cases+=("$root/tests/cases/$c"); done
else
  cases=("$root"/tests/cases/*.md "$root"/tests/cases/tract-plain.txt)
fi
# crash-*.md are inputs that once crashed roneo, not tracts: left out unless named
echo "median wall time of $runs runs each, ms, interleaved; ratio = roneo flyer / pango-view"
if [ -n "$before" ]; then
  printf "%-40s %8s %8s %6s   %8s %6s\n" tract pango roneo ratio before ratio
else
  printf "%-40s %8s %8s %6s\n" tract pango roneo ratio
fi
for case_file in "${cases[@]}"; do
  case $(basename "$case_file") in crash-*) [ -n "${CASES:-}" ] || continue ;; esac
  dump=$("$roneo" check --dump "$case_file" 2>/dev/null) || continue
  [ "$(grep -c '^  text body' <<<"$dump")" -gt 0 ] || continue
  size=$(sed -n 's/.*text body .*size=\([0-9.]*\).*/\1/p' <<<"$dump" | head -1)
  width=$(sed -n 's/.*text body .* w=\([0-9.]*\).*/\1/p' <<<"$dump" | head -1)
  lang=$(sed -n 's/^lang: *//p' "$case_file" | head -1)
  one_case "$case_file" "$size" "${width%.*}" "${lang:-fr}"
done
