#!/bin/bash
# studio.sh: how fast roneo studio answers a preview, beside the cold CLI.
#
#   tests/bench/studio.sh [PATH-TO-RONEO] [RUNS]
#
# Starts `roneo studio` on a free port and sends RUNS (default 50) curl
# requests of each kind, after 3 to warm it (the engine, the fonts and the
# hyphenation dictionary are loaded once, at start):
#   - POST /api/preview of the corpus A5 tract (tract-pompe-a-fric.md), page 1
#     at 96 dpi, the copy different each time (a trailing blank line more) so
#     the cache of the last proofs never answers: a full render, as when the
#     user types;
#   - the same copy again, page 1: what the cache answers (the page asks for
#     page 2 of a copy just checked);
#   - POST /api/preview of a 3 m x 90 cm banner, page 2 (the cover: the grid
#     of sheets with their IDs), the slogan different each time;
# and the same copy and slogan through the cold CLI (a whole process, with
# --png=96), RUNS / 5 times each. Prints the medians in ms (curl's
# time_total, the CLI's wall time) beside the targets of issue 10 (50 and
# 100 ms). Not a test: nothing is asserted; run it by hand.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
roneo=${1:-$root/build/src/cli/roneo}
runs=${2:-50}
tract=$root/tests/cases/tract-pompe-a-fric.md
export RONEO_DATA_DIR=${RONEO_DATA_DIR:-$root}
command -v curl >/dev/null || { echo "curl not found: apt-get install curl" >&2; exit 1; }
[ -x "$roneo" ] || { echo "no roneo at $roneo (build it, or give its path)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/roneo-bench-studio-XXXXXX")
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$roneo" studio --no-open --quiet --port 0 --dir "$work" >"$work/url" &
pid=$!
for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.05; done
url=$(head -1 "$work/url")
[ -n "$url" ] || { echo "the studio did not start" >&2; exit 1; }
port=${url#http://127.0.0.1:}; port=${port%%/*}
token=${url#*token=}
base=http://127.0.0.1:$port
printf 'Ça coûte cher\n' >"$work/slogan.txt"

median() { sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f", m }'; }

# preview FILE QUERY EXTRA-LINES: curl's total time in ms
preview() {
  { cat "$1"; for _ in $(seq "$3"); do echo; done; } >"$work/body"
  curl -s -o "$work/out.png" -w '%{http_code} %{time_total}\n' \
    -H "Authorization: Bearer $token" -H "Origin: $base" \
    --data-binary @"$work/body" "$base/api/preview?$2" \
    | awk '$1 != 200 { print "HTTP " $1 > "/dev/stderr"; exit 1 } { printf "%.2f\n", $2 * 1000 }'
}

flyer_q='page=1&dpi=96&name=tract.md'
banner_q='kind=banner&size=300x90cm&sheet=A4&page=2&dpi=96&name=slogan.txt'
for i in 1 2 3; do preview "$tract" "$flyer_q" "$i" >/dev/null; preview "$work/slogan.txt" "$banner_q" "$i" >/dev/null; done

for i in $(seq "$runs"); do preview "$tract" "$flyer_q" $((i + 3)); done >"$work/flyer.ms"
for i in $(seq "$runs"); do preview "$tract" "$flyer_q" 0; done | tail -n +2 >"$work/cached.ms"
for i in $(seq "$runs"); do preview "$work/slogan.txt" "$banner_q" $((i + 3)); done >"$work/banner.ms"

now() { date +%s%N; }
cold_runs=$(( runs / 5 > 0 ? runs / 5 : 1 ))
cp "$tract" "$work/tract.md"
for _ in $(seq "$cold_runs"); do
  t0=$(now); "$roneo" flyer -q "$work/tract.md" --png=96 -o "$work/cli.pdf"; t1=$(now)
  echo $(( (t1 - t0) / 1000 )) | awk '{ printf "%.2f\n", $1 / 1000 }'
done >"$work/cli-flyer.ms"
for _ in $(seq "$cold_runs"); do
  t0=$(now); "$roneo" banner -q "$work/slogan.txt" --size 300x90cm --sheet A4 --png=96 -o "$work/cli-banner.pdf"; t1=$(now)
  echo $(( (t1 - t0) / 1000 )) | awk '{ printf "%.2f\n", $1 / 1000 }'
done >"$work/cli-banner.ms"

printf '%-44s %9s %8s %7s\n' "median of $runs requests (ms)" studio target "cold CLI"
printf '%-44s %9s %8s %7s\n' "A5 tract, page 1 at 96 dpi (a new copy)" "$(median <"$work/flyer.ms")" "50" "$(median <"$work/cli-flyer.ms")"
printf '%-44s %9s %8s %7s\n' "A5 tract, the same copy (cached proofs)" "$(median <"$work/cached.ms")" "" ""
printf '%-44s %9s %8s %7s\n' "banner 3 m x 90 cm, the grid of sheets" "$(median <"$work/banner.ms")" "100" "$(median <"$work/cli-banner.ms")"
echo "(the cold CLI: $cold_runs runs each, a whole process writing the PDF and its PNG proofs)"
