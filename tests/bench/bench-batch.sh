#!/bin/bash
# bench-batch.sh: `roneo batch` side by side with psutils, and its memory.
#
#   tests/bench/bench-batch.sh [PATH-TO-RONEO] [RUNS]
#
# 1. 500 copies of the corpus A5 tract, 2-up on A4, RUNS times each (default
#    7), interleaved so both see the same machine load:
#    - roneo: `roneo batch TRACT --copies 500` (the whole process: parse, fit,
#      impose, PDF);
#    - psutils: roneo's single A5 PDF (made once, not timed) through
#      pdftops -> psselect (500 copies of page 1) -> psnup -2 -Pa5 -pa4 ->
#      ps2pdf. Each step is timed; the table shows psnup alone and the whole
#      chain (pdftops + psselect + psnup + ps2pdf).
# 2. Personalised A6 invitations (tract-modele.md, a generated CSV), 4-up:
#    1 000 rows RUNS times, 10 000 rows (RUNS + 1) / 2 times, 100 000 rows
#    once (about a minute), to show that memory stays flat and time linear.
# Prints median wall time, CPU time (user + system: the fairer figure on a
# busy machine), peak memory (max RSS, /usr/bin/time %M) and the output
# bytes, then the ratios. Targets: 1000 invitations under 3 s; peak memory
# for 100 000 rows within 1.5 x that for 1000; each row past 10 000 costs
# at most 1.5 x the CPU time of one between 1000 and 10 000 (linear). Not a
# test: run it by hand. Installs nothing: it says how to get a missing tool.
# ROWS_MAX=10000 skips the 100 000-row run.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
roneo=${1:-$root/build/src/cli/roneo}
runs=${2:-7}
corpus=$root/tests/cases
tract=$corpus/tract-pompe-a-fric.md
card=$corpus/tract-modele.md
export RONEO_DATA_DIR=${RONEO_DATA_DIR:-$root}

need() {
  [ -x "$1" ] || command -v "$1" >/dev/null || { echo "$1 not found: apt-get install $2" >&2; exit 1; }
}
need /usr/bin/time time
# Without psutils and ghostscript the comparison (1.) is left out, with a word.
psutils=1
for tool in pdftops:poppler-utils psnup:psutils psselect:psutils ps2pdf:ghostscript; do
  command -v "${tool%%:*}" >/dev/null && continue
  echo "${tool%%:*} not found (apt-get install ${tool#*:}): no psutils comparison" >&2
  psutils=0
done
[ -x "$roneo" ] || { echo "no roneo at $roneo (build it, or give its path)" >&2; exit 1; }
[ -f "$tract" ] && [ -f "$card" ] || { echo "no corpus at $corpus " >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/roneo-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

# timed NAME CMD...: runs CMD, appends "seconds kilobytes cpu-seconds" to $work/NAME.
timed() {
  local name=$1
  shift
  /usr/bin/time -f '%e %M %U %S' -o "$work/last" "$@" >/dev/null
  awk '{ print $1, $2, $3 + $4 }' "$work/last" >"$work/last.3" && mv "$work/last.3" "$work/last"
  cat "$work/last" >>"$work/$name"
}
median() { # column $2 of file $1
  awk -v c="$2" '{ print $c }' "$1" | sort -n |
    awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; print m }'
}
sum_medians() { # median of each file's column 1, summed
  local total=0
  for f in "$@"; do total=$(awk -v t="$total" -v m="$(median "$f" 1)" 'BEGIN { print t + m }'); done
  echo "$total"
}
max_medians() { # largest median of column 2
  for f in "$@"; do median "$f" 2; done | sort -n | tail -1
}
bytes() { stat -c %s "$1"; }

csv() { # rows -> CSV on stdout
  awk -v n="$1" 'BEGIN {
    print "ville,date,heure,lieu"
    for (i = 1; i <= n; i++)
      printf "Ville %d,samedi %d octobre,%d h,\"salle %d, rue de la Mairie\"\n", i, i % 28 + 1, i % 12 + 8, i
  }'
}
rows_max=${ROWS_MAX:-100000}
csv 1000 >"$work/1000.csv"
csv 10000 >"$work/10000.csv"
[ "$rows_max" -lt 100000 ] || csv 100000 >"$work/100000.csv"

# psutils input, made once: roneo's single A5 copy as PostScript.
[ $psutils = 0 ] || "$roneo" flyer "$tract" -o "$work/single.pdf" --date 2026-03-01 -q
pages=$(seq -s, 1 500 | sed 's/[0-9][0-9]*/1/g')

for _ in $(seq "$runs"); do
  timed roneo500 "$roneo" batch "$tract" --copies 500 -o "$work/roneo500.pdf" --date 2026-03-01 -q
  if [ $psutils = 1 ]; then
    timed pdftops pdftops "$work/single.pdf" "$work/single.ps"
    timed psselect psselect -q "-p$pages" "$work/single.ps" "$work/500.ps"
    timed psnup psnup -q -2 -Pa5 -pa4 "$work/500.ps" "$work/nup.ps"
    timed ps2pdf ps2pdf "$work/nup.ps" "$work/nup.pdf"
  fi
  timed rows1000 "$roneo" batch "$card" --data "$work/1000.csv" -o "$work/1000.pdf" \
    --date 2026-03-01 -q
done
for _ in $(seq $(((runs + 1) / 2))); do
  timed rows10000 "$roneo" batch "$card" --data "$work/10000.csv" -o "$work/10000.pdf" \
    --date 2026-03-01 -q
done
if [ "$rows_max" -ge 100000 ]; then
  timed rows100000 "$roneo" batch "$card" --data "$work/100000.csv" -o "$work/100000.pdf" \
    --date 2026-03-01 -q
fi

row() { printf '%-40s %8s s %8s s %9s KB %11s B\n' "$@"; }
echo "runs: $runs each, interleaved (10 000 rows: $(((runs + 1) / 2)), 100 000 rows: 1);"
echo "median wall time, median CPU time (user + system), median peak RSS"
row "what" "wall" "cpu" "peak" "bytes"
line() { # line LABEL NAME [PDF]
  row "$1" "$(median "$work/$2" 1)" "$(median "$work/$2" 3)" "$(median "$work/$2" 2)" \
    "$([ -n "${3:-}" ] && bytes "$3" || echo -)"
}
line "roneo batch --copies 500 (A5 2-up)" roneo500 "$work/roneo500.pdf"
if [ $psutils = 1 ]; then
  line "psnup -2 alone (500-page PS in)" psnup "$work/nup.ps"
  row "pdftops+psselect+psnup+ps2pdf" \
    "$(sum_medians "$work/pdftops" "$work/psselect" "$work/psnup" "$work/ps2pdf")" - \
    "$(max_medians "$work/pdftops" "$work/psselect" "$work/psnup" "$work/ps2pdf")" \
    "$(bytes "$work/nup.pdf")"
  awk -v r="$(median "$work/roneo500" 1)" -v p="$(median "$work/psnup" 1)" \
    -v c="$(sum_medians "$work/pdftops" "$work/psselect" "$work/psnup" "$work/ps2pdf")" 'BEGIN {
      printf "ratio roneo/psnup alone: %.2f; roneo/psutils chain: %.2f\n", r / (p > 0 ? p : 0.01), r / c
    }'
fi
line "roneo batch 1000 rows (A6 4-up)" rows1000 "$work/1000.pdf"
line "roneo batch 10 000 rows (A6 4-up)" rows10000 "$work/10000.pdf"
big=rows10000 big_rows=10000
if [ "$rows_max" -ge 100000 ]; then
  line "roneo batch 100 000 rows (A6 4-up)" rows100000 "$work/100000.pdf"
  big=rows100000 big_rows=100000
fi
awk -v t="$(median "$work/rows1000" 1)" -v m1="$(median "$work/rows1000" 2)" \
  -v m10="$(median "$work/rows10000" 2)" -v mb="$(median "$work/$big" 2)" \
  -v c1="$(median "$work/rows1000" 3)" -v c10="$(median "$work/rows10000" 3)" \
  -v cb="$(median "$work/$big" 3)" -v wb="$(median "$work/$big" 1)" -v nb="$big_rows" 'BEGIN {
    printf "1000 invitations: %.2f s (target < 3 s: %s)\n", t, t < 3 ? "met" : "MISSED"
    printf "peak memory 10 000 / 1000 rows: %.2f\n", m10 / m1
    printf "peak memory %d / 1000 rows: %.2f (target <= 1.5: %s)\n", nb, mb / m1,
      mb <= 1.5 * m1 ? "met" : "MISSED"
    printf "CPU time per row: %.3f ms at 1000, %.3f ms at 10 000, %.3f ms at %d (wall %.3f ms)\n",
      1000 * c1 / 1000, 1000 * c10 / 10000, 1000 * cb / nb, nb, 1000 * wb / nb
    # linear: each row past 10 000 costs what one between 1000 and 10 000 did
    if (nb > 10000) {
      lo = (c10 - c1) / 9000; hi = (cb - c10) / (nb - 10000)
      printf "CPU time per extra row: %.3f ms (1000 -> 10 000), %.3f ms (10 000 -> %d): %.2f " \
        "(linear, target <= 1.5: %s)\n", 1000 * lo, 1000 * hi, nb, hi / lo, hi <= 1.5 * lo ? "met" : "MISSED"
    }
  }'
