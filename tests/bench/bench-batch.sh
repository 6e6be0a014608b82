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
# 2. 1000 personalised A6 invitations (tract-modele.md, a generated CSV), 4-up.
# 3. The same template with 10 000 rows, to show memory stays flat.
# Prints median wall time, peak memory (max RSS, /usr/bin/time %M) and the
# output bytes. Targets: 1000 invitations under 3 s; peak memory for 10 000
# rows within 1.5 x that for 1000. Not a test: run it by hand. Installs
# nothing: it says how to get a missing tool.
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
need pdftops poppler-utils
need psnup psutils
need psselect psutils
need ps2pdf ghostscript
[ -x "$roneo" ] || { echo "no roneo at $roneo (build it, or give its path)" >&2; exit 1; }
[ -f "$tract" ] && [ -f "$card" ] || { echo "no corpus at $corpus " >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/roneo-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

# timed NAME CMD...: runs CMD, appends "seconds kilobytes" to $work/NAME.
timed() {
  local name=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/last" "$@" >/dev/null
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
csv 1000 >"$work/1000.csv"
csv 10000 >"$work/10000.csv"

# psutils input, made once: roneo's single A5 copy as PostScript.
"$roneo" flyer "$tract" -o "$work/single.pdf" --date 2026-03-01 -q
pages=$(seq -s, 1 500 | sed 's/[0-9][0-9]*/1/g')

for _ in $(seq "$runs"); do
  timed roneo500 "$roneo" batch "$tract" --copies 500 -o "$work/roneo500.pdf" --date 2026-03-01 -q
  timed pdftops pdftops "$work/single.pdf" "$work/single.ps"
  timed psselect psselect -q "-p$pages" "$work/single.ps" "$work/500.ps"
  timed psnup psnup -q -2 -Pa5 -pa4 "$work/500.ps" "$work/nup.ps"
  timed ps2pdf ps2pdf "$work/nup.ps" "$work/nup.pdf"
  timed rows1000 "$roneo" batch "$card" --data "$work/1000.csv" -o "$work/1000.pdf" \
    --date 2026-03-01 -q
done
for _ in $(seq $(((runs + 1) / 2))); do
  timed rows10000 "$roneo" batch "$card" --data "$work/10000.csv" -o "$work/10000.pdf" \
    --date 2026-03-01 -q
done

row() { printf '%-44s %8s s %9s KB %11s B\n' "$@"; }
echo "runs: $runs each, interleaved (10 000 rows: $(((runs + 1) / 2))); median wall time, median peak RSS"
row "what" "time" "peak" "bytes"
row "roneo batch --copies 500 (A5 2-up)" "$(median "$work/roneo500" 1)" \
  "$(median "$work/roneo500" 2)" "$(bytes "$work/roneo500.pdf")"
row "psnup -2 alone (500-page PS in)" "$(median "$work/psnup" 1)" "$(median "$work/psnup" 2)" \
  "$(bytes "$work/nup.ps")"
row "pdftops+psselect+psnup+ps2pdf" \
  "$(sum_medians "$work/pdftops" "$work/psselect" "$work/psnup" "$work/ps2pdf")" \
  "$(max_medians "$work/pdftops" "$work/psselect" "$work/psnup" "$work/ps2pdf")" \
  "$(bytes "$work/nup.pdf")"
row "roneo batch 1000 rows (A6 4-up)" "$(median "$work/rows1000" 1)" \
  "$(median "$work/rows1000" 2)" "$(bytes "$work/1000.pdf")"
row "roneo batch 10 000 rows (A6 4-up)" "$(median "$work/rows10000" 1)" \
  "$(median "$work/rows10000" 2)" "$(bytes "$work/10000.pdf")"
awk -v r="$(median "$work/roneo500" 1)" -v p="$(median "$work/psnup" 1)" \
  -v c="$(sum_medians "$work/pdftops" "$work/psselect" "$work/psnup" "$work/ps2pdf")" \
  -v t="$(median "$work/rows1000" 1)" -v m1="$(median "$work/rows1000" 2)" \
  -v m10="$(median "$work/rows10000" 2)" 'BEGIN {
    printf "ratio roneo/psnup alone: %.2f; roneo/psutils chain: %.2f\n", r / (p > 0 ? p : 0.01), r / c
    printf "1000 invitations: %.2f s (target < 3 s: %s)\n", t, t < 3 ? "met" : "MISSED"
    printf "peak memory 10 000 / 1000 rows: %.2f (target <= 1.5: %s)\n", m10 / m1,
      m10 <= 1.5 * m1 ? "met" : "MISSED"
  }'
