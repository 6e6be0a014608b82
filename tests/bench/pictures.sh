#!/usr/bin/env bash
# pictures.sh: what pictures cost (issue 11).
#
#   tests/bench/pictures.sh [BUILDDIR] [ROWS]    (default: build, 1000)
#
# Prints the cost of a logo on a flyer (a cold `roneo flyer`, median of 9 runs,
# with and without `logo:`), and of a QR code per row in a batch of ROWS A6
# cards (`roneo batch`, with `qr: "{url}"` and without, one distinct address a
# row): the difference per row against issue 11's target of under 1 ms per
# QR code; and, when Debian's qrencode is installed (the script installs
# nothing), the same addresses written as SVG by its command line, side by
# side. Not a test: a report.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$here/build}
rows=${2:-1000}
roneo=$build/src/cli/roneo
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export SOURCE_DATE_EPOCH=1772323200

now () { date +%s.%N; }
# seconds of "$@", median of 9 runs
median () {
  local t
  for _ in 1 2 3 4 5 6 7 8 9; do
    t=$(now); "$@" >/dev/null 2>&1; calc "$(now) - $t"; echo
  done | sort -n | sed -n 5p
}
calc () { awk "BEGIN { printf \"%.6f\", $1 }"; }
ms () { calc "$1 * 1000" | xargs printf '%.2f'; }

cp "$here/tests/cases/images/logo.png" "$out/"
body='La ligne 14 relie six communes et trois mille personnes chaque jour. La région veut la fermer en juin : signez la pétition et venez à la réunion publique.'
printf -- '---\nlogo: logo.png\n---\n# Sauvons la ligne 14\n\n%s\n' "$body" >"$out/logo.md"
printf -- '# Sauvons la ligne 14\n\n%s\n' "$body" >"$out/plain.md"
with=$(median "$roneo" flyer -q "$out/logo.md" -o "$out/logo.pdf")
without=$(median "$roneo" flyer -q "$out/plain.md" -o "$out/plain.pdf")
printf '%-44s %10s %10s %10s\n' "" "with" "without" "cost"
printf '%-44s %8s ms %8s ms %8s ms\n' "roneo flyer, a PNG logo (cold, median of 9)" \
  "$(ms "$with")" "$(ms "$without")" "$(ms "$(calc "$with - $without")")"

{ echo "ville,url"; for i in $(seq 1 "$rows"); do echo "Ville $i,https://ligne14.fr/reunion/$i"; done; } >"$out/rows.csv"
printf -- '---\nqr: "{url}"\n---\n# Réunion à {ville}\n\n## jeudi 6 octobre, 18 h\n\nSalle des fêtes.\n' >"$out/qr.md"
printf -- '# Réunion à {ville}\n\n## jeudi 6 octobre, 18 h\n\nSalle des fêtes.\n' >"$out/noqr.md"
t=$(now); "$roneo" batch -q "$out/qr.md" --data "$out/rows.csv" -l a6-card -o "$out/qr.pdf" || exit 1
qr=$(calc "$(now) - $t")
t=$(now); "$roneo" batch -q "$out/noqr.md" --data "$out/rows.csv" -l a6-card -o "$out/noqr.pdf" || exit 1
noqr=$(calc "$(now) - $t")
per=$(calc "($qr - $noqr) * 1000 / $rows")
verdict=$(calc "$per < 1")
printf '%-44s %8s ms %8s ms %8s ms per code %s (target < 1 ms)\n' \
  "roneo batch, $rows A6 cards, a QR code a row" "$(ms "$qr")" "$(ms "$noqr")" \
  "$(printf '%.3f' "$per")" "$([ "${verdict%%.*}" = 1 ] && echo ✓ || echo ✗)"
printf '%-44s %10s %10s\n' "" "qr.pdf" "noqr.pdf"
printf '%-44s %7s KB %7s KB\n' "file size" "$(( $(stat -c %s "$out/qr.pdf") / 1024 ))" \
  "$(( $(stat -c %s "$out/noqr.pdf") / 1024 ))"
if command -v qrencode >/dev/null; then
  t=$(now)
  for i in $(seq 1 "$rows"); do qrencode -t SVG -l M -o "$out/q.svg" "https://ligne14.fr/reunion/$i"; done
  q=$(calc "$(now) - $t")
  printf '%-44s %8s ms per code (a process each)\n' "qrencode -t SVG, the same addresses" \
    "$(printf '%.3f' "$(calc "$q * 1000 / $rows")")"
else
  echo "qrencode: not installed (Debian's qrencode), left out"
fi
