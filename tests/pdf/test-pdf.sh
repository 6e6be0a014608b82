#!/bin/bash
# test-pdf.sh: the `pdf` suite, what a print shop checks in roneo's PDFs.
#
#   test-pdf.sh PATH-TO-RONEO
#
# For the French tract (the same copy split recto/verso, and a tract with
# pictures; pdfimages from poppler-utils lists them): qpdf --check
# passes with no warning, every page has a TrimBox equal to the trim, no page
# has a transparency /Group, the same --date gives the same bytes and another
# date other bytes; with --bleed 3mm --marks the MediaBox grows, the TrimBox
# is the trim at the right offset and the BleedBox is the trim plus 3 mm.
# Needs qpdf (11, for --json v2) and jq. Environment from tests/meson.build:
# RONEO_DATA_DIR, RONEO_TEST_CASES. Exit 0 if every check passed, 1 otherwise.
set -u

roneo=${1:?usage: test-pdf.sh PATH-TO-RONEO}
tract="${RONEO_TEST_CASES:?RONEO_TEST_CASES not set}/tract-pompe-a-fric.md"
for tool in qpdf jq pdfimages; do
  command -v "$tool" >/dev/null || { echo "Bail out! $tool is needed"; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/roneo-pdf-XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
checks=0

pass() { checks=$((checks + 1)); echo "ok $checks $1"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "not ok $checks $1"; }
check() { # check DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

render() { # render OUT [OPTIONS...]: roneo flyer on $input, must succeed
  local out=$1; shift
  if ! "$roneo" flyer "$input" -o "$out" "$@" 2>"$work/stderr"; then
    echo "# roneo flyer $input $* failed:"; sed 's/^/#   /' "$work/stderr"
    return 1
  fi
}

# One JSON line per page: its boxes and /Group, numbers as qpdf wrote them.
page_boxes() {
  qpdf --json --json-key=pages --json-key=qpdf "$1" \
    | jq -c '.pages[].object as $o | .qpdf[1]["obj:" + $o].value
             | {media: ."/MediaBox", trim: ."/TrimBox", bleed: ."/BleedBox", group: ."/Group"}'
}

# box_is JSON-ARRAY X0 Y0 X1 Y1: each within 0.01 pt
box_is() {
  jq -e --argjson want "[$2,$3,$4,$5]" \
    '. as $b | ($b | length) == 4 and ([range(4)] | all(($b[.] - $want[.]) | fabs < 0.01))' \
    <<<"$1" >/dev/null
}

qpdf_clean() { # exit 0 and not a word of warning
  local out
  out=$(qpdf --check "$1" 2>&1); local status=$?
  if [ $status -ne 0 ] || grep -qi warning <<<"$out"; then
    echo "# qpdf --check $1 (exit $status):"; sed 's/^/#   /' <<<"$out"
    return 1
  fi
}

a5_w=419.527559
a5_h=595.275591
mm=2.834645669

check_plain_pdf() { # check_plain_pdf NAME PAGES
  local name=$1 pages=$2 pdf="$work/$1.pdf"
  check "$name: roneo flyer exits 0" render "$pdf" --date 2026-03-01 || return
  check "$name: qpdf --check, no warning" qpdf_clean "$pdf"
  check "$name: $pages page(s)" test "$(qpdf --show-npages "$pdf")" = "$pages"
  local n=0 line
  while read -r line; do
    n=$((n + 1))
    check "$name p$n: MediaBox is the A5 trim" box_is "$(jq -c .media <<<"$line")" 0 0 $a5_w $a5_h
    check "$name p$n: TrimBox is the A5 trim" box_is "$(jq -c .trim <<<"$line")" 0 0 $a5_w $a5_h
    check "$name p$n: no transparency /Group" test "$(jq -c .group <<<"$line")" = null
  done < <(page_boxes "$pdf")
  check "$name: boxes read for every page" test "$n" = "$pages"

  check "$name: rendered again with the same date" render "$work/$name-again.pdf" --date 2026-03-01
  check "$name: same date, same bytes" cmp -s "$pdf" "$work/$name-again.pdf"
  check "$name: rendered with another date" render "$work/$name-other.pdf" --date 2026-03-02
  check "$name: other date, other bytes" bash -c '! cmp -s "$0" "$1"' "$pdf" "$work/$name-other.pdf"
  check "$name: SOURCE_DATE_EPOCH is the date too" \
    env SOURCE_DATE_EPOCH=1772323200 "$roneo" flyer "$input" -o "$work/$name-sde.pdf"
  check "$name: SOURCE_DATE_EPOCH of the same day, same bytes" \
    cmp -s "$pdf" "$work/$name-sde.pdf"
}

check_bleed_pdf() { # check_bleed_pdf NAME PAGES
  local name=$1-bleed pages=$2 pdf="$work/$1-bleed.pdf"
  check "$name: roneo flyer --bleed 3mm --marks exits 0" \
    render "$pdf" --date 2026-03-01 --bleed 3mm --marks || return
  check "$name: qpdf --check, no warning" qpdf_clean "$pdf"
  local n=0 line
  while read -r line; do
    n=$((n + 1))
    local media trim bleed
    media=$(jq -c .media <<<"$line"); trim=$(jq -c .trim <<<"$line"); bleed=$(jq -c .bleed <<<"$line")
    # the media box: origin 0 0, larger than trim + bleed on each side
    check "$name p$n: MediaBox grows past trim and bleed" jq -e --argjson w $a5_w --argjson h $a5_h \
      '.[0] == 0 and .[1] == 0 and .[2] > $w + 2 * 3 * 2.8346 and .[3] > $h + 2 * 3 * 2.8346' \
      <<<"$media" >/dev/null
    # trim: the A5 trim, centred in the media box
    local ox oy
    ox=$(jq -n --argjson m "$media" "(\$m[2] - $a5_w) / 2"); oy=$(jq -n --argjson m "$media" "(\$m[3] - $a5_h) / 2")
    check "$name p$n: TrimBox is the A5 trim, centred" \
      box_is "$trim" "$ox" "$oy" "$(jq -n "$ox + $a5_w")" "$(jq -n "$oy + $a5_h")"
    check "$name p$n: BleedBox is the trim plus 3 mm" \
      box_is "$bleed" "$(jq -n "$ox - 3 * $mm")" "$(jq -n "$oy - 3 * $mm")" \
      "$(jq -n "$ox + $a5_w + 3 * $mm")" "$(jq -n "$oy + $a5_h + 3 * $mm")"
    check "$name p$n: no transparency /Group" test "$(jq -c .group <<<"$line")" = null
  done < <(page_boxes "$pdf")
  check "$name: boxes read for every page" test "$n" = "$pages"
}

echo "# roneo: $roneo"
input=$tract
check_plain_pdf tract 1
check_bleed_pdf tract 1

# The same copy, recto and verso: a thematic break before the demands.
input="$work/recto-verso.md"
sed 's/^Nous demandons :$/***\n\nNous demandons :/' "$tract" >"$input"
check "recto-verso: the copy has its page break" grep -qx '\*\*\*' "$input"
check_plain_pdf recto-verso 2
check_bleed_pdf recto-verso 2

# Pictures (issue 11): a PNG logo, a JPEG photo, an SVG drawing. The bitmaps
# at their pixel size, the JPEG still DCT, the drawing adds no bitmap.
input="$(dirname "$tract")/images/tract-images.md"
check_plain_pdf images 1
check_bleed_pdf images 1
images_list() { pdfimages -list "$work/images.pdf" | tail -n +3 | awk '{print $3, $4, $5, $9}'; }
check "images: the photo 1600 x 1000 as DCT, the logo 600 x 200 with its mask, nothing else" \
  test "$(images_list | sort | tr '\n' ';')" = "image 1600 1000 jpeg;image 600 200 image;smask 600 200 image;"
input=$tract

# Banners and batches: qpdf-clean, no page /Group, and the same bytes twice.
check_job_pdf() { # check_job_pdf NAME ROENO-ARGS...
  local name=$1; shift
  local pdf="$work/$name.pdf"
  check "$name: roneo exits 0" "$roneo" "$@" -o "$pdf" --date 2026-03-01 -q
  check "$name: qpdf --check, no warning" qpdf_clean "$pdf"
  check "$name: no page has a transparency /Group" \
    test "$(qpdf --json --json-key=pages --json-key=qpdf "$pdf" \
      | jq '[.pages[].object as $o | .qpdf[1]["obj:" + $o].value["/Group"]] | map(select(. != null)) | length')" = 0
  check "$name: every page has a TrimBox" \
    test "$(qpdf --json --json-key=pages --json-key=qpdf "$pdf" \
      | jq '[.pages[].object as $o | .qpdf[1]["obj:" + $o].value["/TrimBox"]] | map(select(. == null or length != 4)) | length')" = 0
  check "$name: the trailer has an /ID of two strings" \
    test "$(qpdf --json --json-key=qpdf "$pdf" | jq '.qpdf[1].trailer.value["/ID"] | map(select(startswith("b:"))) | length')" = 2
  check "$name: again with the same date" "$roneo" "$@" -o "$work/$name-again.pdf" --date 2026-03-01 -q
  check "$name: same date, same bytes" cmp -s "$pdf" "$work/$name-again.pdf"
}
check_job_pdf banner banner "$(dirname "$tract")/banner-service-public.txt" --size 300x90cm
check_job_pdf batch-copies batch "$input" --copies 10
check_job_pdf batch-rows batch "$(dirname "$tract")/tract-modele.md" --data "$(dirname "$tract")/villes.csv"

echo "1..$checks"
if [ $failures -ne 0 ]; then
  echo "# $failures of $checks checks failed"
  exit 1
fi
echo "# all $checks checks passed"
