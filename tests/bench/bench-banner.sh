#!/bin/bash
# bench-banner.sh: roneo banner against pdfposter and plakativ, one run.
#
#   tests/bench/bench-banner.sh [PATH-TO-RONEO] [RUNS]
#
# The same 3000 x 900 mm banner tiled onto A4 by three tools. roneo is
# measured twice: text to tiles (`roneo banner SLOGAN --size 300x90cm`:
# layout, cover page, 54 sheets) and text to one page (`--whole`). That
# one-page PDF, made once before the runs, is the input of pdfposter and
# plakativ, whose times are therefore PDF to tiles; the table also gives
# roneo --whole + tool, the fair text-to-tiles figure for them.
#
# What each tool is asked for (roneo: 5 mm printer margins, 10 mm overlap):
#  - plakativ --border B: pages step by the page less 2 B and neighbours
#    overlap by 2 B of paper; a printer that loses 5 mm on every edge
#    leaves 2 B - 10 mm of printed overlap. B = 10 mm is the equivalent:
#    the same 190 x 277 mm step as roneo (210 - 2 x 5 - 10 mm), 10 mm
#    printed overlap. Run three ways: --layouter simple (all pages one
#    orientation), --layouter complex (rows may turn: its best sheet
#    count), and complex with --cover-page --page-numbers (a cover and
#    numbered sheets, as roneo writes them).
#  - pdfposter -m a4 -p 3000x900mm: it has no overlap and no margin
#    option, tiles abut and the printer's 5 mm edges are lost: fewer
#    constraints than the others, listed for its time and bytes.
#
# RUNS runs of each (default 7), interleaved so all see the same machine
# load: median wall time, median peak RSS (GNU time's %M), pages of the
# output (pdfinfo), sheets (pages less a cover page), output bytes. Then
# the ratios and the issue's targets: sheets <= plakativ's best, roneo
# text-to-tiles time < 0.5 x plakativ's, tiles PDF < 100 KB. Not a test:
# nothing is asserted, the exit status is 0 whatever the numbers; run it
# by hand. Needs pdfposter, plakativ (apt-get install pdfposter plakativ),
# GNU time (apt-get install time), pdfinfo (apt-get install poppler-utils).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
roneo=${1:-$root/build/src/cli/roneo}
runs=${2:-7}
slogan=$root/tests/cases/banner-service-public.txt
export RONEO_DATA_DIR=${RONEO_DATA_DIR:-$root}
gtime=/usr/bin/time

missing=
command -v pdfposter >/dev/null || missing="$missing pdfposter"
command -v plakativ >/dev/null || missing="$missing plakativ"
command -v pdfinfo >/dev/null || missing="$missing poppler-utils"
"$gtime" -f %M -o /dev/null "$BASH" -c : >/dev/null 2>&1 || missing="$missing time"
[ -z "$missing" ] || { echo "missing tools: apt-get install$missing" >&2; exit 1; }
[ -x "$roneo" ] || { echo "no roneo at $roneo (build it, or give its path)" >&2; exit 1; }
[ -f "$slogan" ] || { echo "no slogan at $slogan " >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/roneo-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

# The input of pdfposter and plakativ, made once.
"$roneo" banner "$slogan" --size 300x90cm --whole -o input.pdf --date 2026-03-01 -q

# Each tool: its output, the pages of it that are a cover (not a sheet),
# and its command line, run directly under GNU time (no shell between).
tools=(roneo-tiles roneo-whole pdfposter plakativ-simple plakativ-complex plakativ-cover)
declare -A cover=([roneo-tiles]=1 [roneo-whole]=0 [pdfposter]=0
  [plakativ-simple]=0 [plakativ-complex]=0 [plakativ-cover]=1)
plak=(plakativ --size 3000mmx900mm --pagesize A4 --border 10mm)
run() {  # run TOOL: writes TOOL.pdf
  local t=$1 o=$1.pdf
  case $t in
    roneo-tiles) set -- "$roneo" banner "$slogan" --size 300x90cm -o "$o" --date 2026-03-01 -q ;;
    roneo-whole) set -- "$roneo" banner "$slogan" --size 300x90cm --whole -o "$o" --date 2026-03-01 -q ;;
    pdfposter) set -- pdfposter -m a4 -p 3000x900mm input.pdf "$o" ;;
    plakativ-simple) set -- "${plak[@]}" --layouter simple -o "$o" input.pdf ;;
    plakativ-complex) set -- "${plak[@]}" --layouter complex -o "$o" input.pdf ;;
    plakativ-cover) set -- "${plak[@]}" --layouter complex --cover-page --page-numbers -o "$o" input.pdf ;;
  esac
  "$gtime" -f %M -o "$t.rss" "$@" >/dev/null 2>"$t.err"
}

now() { date +%s%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; print m }'; }
for t in "${tools[@]}"; do : >"$t.ns"; : >"$t.kb"; done
for i in $(seq "$runs"); do
  for t in "${tools[@]}"; do
    t0=$(now)
    run "$t" || { echo "$t failed:" >&2; cat "$t.err" >&2; exit 1; }
    t1=$(now)
    echo $((t1 - t0)) >>"$t.ns"
    tail -n 1 "$t.rss" >>"$t.kb"
  done
done

declare -A ms kb pages sheets bytes
for t in "${tools[@]}"; do
  ms[$t]=$(median <"$t.ns" | awk '{ printf "%.1f", $1 / 1e6 }')
  kb[$t]=$(median <"$t.kb")
  pages[$t]=$(pdfinfo "$t.pdf" | awk '/^Pages:/ { print $2 }')
  sheets[$t]=$((pages[$t] - cover[$t]))
  bytes[$t]=$(stat -c %s "$t.pdf")
done

echo "banner:  $(head -c 60 "$slogan" | head -n 1)"
echo "         3000 x 900 mm on A4; $runs runs each, interleaved; medians"
echo "         (wall time includes the fork of GNU time, about 1 ms, for all)"
echo
printf '%-18s %9s %9s %6s %7s %9s\n' tool "time ms" "RSS MB" pages sheets bytes
for t in "${tools[@]}"; do
  s=${sheets[$t]}; [ "$t" = roneo-whole ] && s=-
  printf '%-18s %9s %9.1f %6s %7s %9s\n' "$t" "${ms[$t]}" "$(echo "${kb[$t]}" | awk '{ print $1 / 1024 }')" \
    "${pages[$t]}" "$s" "${bytes[$t]}"
done
echo
echo "text to tiles (roneo --whole + tool, for the PDF-to-tiles tools):"
for t in pdfposter plakativ-simple plakativ-complex plakativ-cover; do
  awk -v n="$t" -v w="${ms[roneo-whole]}" -v p="${ms[$t]}" 'BEGIN { printf "  roneo-whole + %-16s %9.1f ms\n", n, w + p }'
done
echo
best=plakativ-simple
for t in plakativ-complex plakativ-cover; do
  [ "${sheets[$t]}" -lt "${sheets[$best]}" ] && best=$t
done
r=${ms[roneo-tiles]}; w=${ms[roneo-whole]}
echo "ratios (roneo-tiles: text to tiles):"
for t in plakativ-simple plakativ-complex plakativ-cover; do
  awk -v n="$t" -v r="$r" -v w="$w" -v p="${ms[$t]}" 'BEGIN {
    printf "  time roneo-tiles / %-16s %5.2f   / (roneo-whole + %-16s) %5.2f\n", n, r / p, n, r / (w + p) }'
done
awk -v a="${bytes[roneo-tiles]}" -v b="${bytes[plakativ-cover]}" -v c="${bytes[plakativ-complex]}" 'BEGIN {
  printf "  bytes roneo-tiles / plakativ-cover %5.2f, / plakativ-complex %5.2f\n", a / b, a / c }'
echo "  sheets roneo-tiles ${sheets[roneo-tiles]}, plakativ's best ${sheets[$best]} ($best)"
echo
verdict() { if [ "$1" = 1 ]; then echo met; else echo "NOT met"; fi; }
echo "targets (issue):"
echo "  sheets <= plakativ's best:             ${sheets[roneo-tiles]} vs ${sheets[$best]}: $(verdict $((sheets[roneo-tiles] <= sheets[$best])))"
ok=$(awk -v r="$r" -v w="$w" -v p="${ms[$best]}" 'BEGIN { print (r < 0.5 * (w + p)) ? 1 : 0 }')
echo "  text-to-tiles < 0.5 x plakativ's:      $r ms vs 0.5 x (${w} + ${ms[$best]}) ms: $(verdict "$ok")"
echo "  tiles PDF < 100 KB (100 000 bytes):    ${bytes[roneo-tiles]}: $(verdict $((bytes[roneo-tiles] < 100000)))"
