#!/bin/bash
# linebreak.sh: how even roneo's justified body text is (issue 12), per tract.
#
#   tests/bench/linebreak.sh [BUILDDIR]          (default: build)
#
# Renders every tract of tests/cases two ways: as the layout says (the
# total-fit breaker) and with `breaker = greedy` in its [body] (first fit, as
# Pango wraps, then justified, for the comparison); reads each
# PDF back with BUILDDIR/tests/bench/pdf-gaps and prints per file the p95 and
# largest inter-word gap on justified body lines in em of the body size (gaps
# next to a note call and last lines left out), the hyphenated lines, pairs
# of consecutive ones, fragments of two letters or fewer, lines past the
# measure, the mean difference in length between consecutive ragged lines
# (em; a6-card, a5-black, lists), and the wall time of `roneo flyer` in ms.
#
# When lualatex is installed (the script installs nothing) the same body
# paragraphs, taken from `roneo check --dump`, are set by LuaLaTeX with
# fontspec and Linux Libertine O at roneo's size and measure, without and with
# microtype expansion (protrusion off: lines must end on the measure), and
# measured the same way.
#
# For each tract-* case, "ragged" rows set the same copy in a5-black (ragged
# right) with both breakers: compare r, hyphens and fragments there.
#
# "total-fit" is the breaker without glyph expansion (`expansion = 0`),
# "+expansion" with `expansion = 2%`, the justified layouts' default (glyphs widened
# or narrowed by up to 2 %, as microtype's default stretch = shrink = 20),
# to compare with LuaLaTeX + microtype.
#
# RONEO_BEFORE=PATH-TO-AN-OLDER-roneo adds its figures as a first column.
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$build" && pwd)
roneo=$build/src/cli/roneo
gaps=$build/tests/bench/pdf-gaps
for tool in "$roneo" "$gaps"; do
  [ -x "$tool" ] || { echo "linebreak.sh: no $tool (build first)" >&2; exit 1; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/roneo-linebreak-XXXXXX")
trap 'rm -rf "$work"' EXIT
have_tex=0
command -v lualatex >/dev/null && have_tex=1

ms_now() { date +%s%N; }

# measure NAME ROONEO ARGS...: one rendering, its figures as one cell
measure() {
  local out=$work/$1.pdf bin=$2
  shift 2
  local t0 t1
  t0=$(ms_now)
  if ! "$bin" flyer -q --force "$@" -o "$out" >/dev/null 2>&1; then
    echo "failed"
    return
  fi
  t1=$(ms_now)
  "$gaps" "$out" | awk -v ms=$(((t1 - t0) / 1000000)) '{
    for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    printf "%s/%s h%s p%s t%s o%s r%s %sms", f["p95"], f["max"], f["hyphens"], f["pairs"],
      f["two"], f["over"], f["ragged"], ms }'
}

# layout_with CASE KEYS [LAYOUT]: the case's layout (or LAYOUT) with KEYS added to its [body]
# (the layout's own breaker and expansion keys dropped)
layout_with() {
  local case_file=$1 keys=$2 name=${3:-}
  [ -n "$name" ] || name=$(sed -n 's/^layout: *//p' "$case_file" | head -1)
  local ini=$root/layouts/${name:-a5-flyer}.ini out=$work/layout-$RANDOM.ini
  awk -v keys="$keys" '/^(breaker|expansion) *=/ { next } { print } /^\[body\]/ { print keys }' \
    "$ini" >"$out"
  echo "$out"
}

# tex_paragraphs CASE: the body paragraphs of the dump as LaTeX, each at its
# block's size and measure; a line-end hyphen is kept only where the source
# has the word with it
tex_paragraphs() {
  local case_file=$1
  "$roneo" check --dump "$case_file" 2>/dev/null | awk -v src="$case_file" '
    BEGIN { while ((getline l < src) > 0) source = source " " l }
    function flush() {
      if (text == "") return
      gsub(/\\/, "\\textbackslash{}", text); gsub(/[&%$#_{}]/, "\\\\&", text)
      gsub(/~/, "\\textasciitilde{}", text); gsub(/\^/, "\\textasciicircum{}", text)
      gsub(/[\001-\010\013-\037\177]/, "", text); gsub(/\xc2\xa0/, "~", text)
      # note calls: digits glued to the letter before
      out = ""
      while (match(text, /[A-Za-z\x80-\xbf)][0-9]+/)) {
        out = out substr(text, 1, RSTART) "\\textsuperscript{" substr(text, RSTART + 1, RLENGTH - 1) "}"
        text = substr(text, RSTART + RLENGTH)
      }
      text = out text
      printf "{\\fontsize{%sbp}{%.2fbp}\\selectfont\\hsize=%sbp\\noindent %s\\par}\n\n", size,
        size * 1.25, (lines >= 2 ? widest : measure), text
      text = ""; widest = 0; lines = 0
    }
    /^  text / { flush(); body = ($2 == "body") }
    /^  text body / {
      for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "size") size = kv[2];
        if (kv[1] == "w" && measure_seen++ == 0) measure = kv[2] }
      measure_seen = 0
    }
    /^    \| / && body {
      line = $0; sub(/^    \| w=[0-9.]+ (scale=[0-9.]+ )?/, "", line)
      # the measure: the widest line (justified lines end on it), else the frame
      split($2, kv, "="); if (kv[2] + 0 > widest) widest = kv[2] + 0
      lines++
      if (text != "" && text ~ /[[:alpha:]]-$/) {
        n = split(text, words, " "); last = words[n]; first = line; sub(/ .*/, "", first)
        joined = substr(last, 1, length(last) - 1) first
        sub(/[[:punct:]]+$/, "", joined); j = last first; sub(/[[:punct:]]+$/, "", j)
        if (index(source, j) == 0) text = substr(text, 1, length(text) - 1) line
        else text = text line
      } else
        text = (text == "" ? line : text " " line)
    }
    /^page / { flush(); body = 0 }
    END { flush() }'
}

# tex_measure CASE MICROTYPE: LuaLaTeX on the case's paragraphs, as one cell
tex_measure() {
  local case_file=$1 micro=$2 base
  base=$work/tex-$(basename "$case_file" | sed 's/\.[a-z]*$//')-$micro
  local lang babel=french
  lang=$(sed -n 's/^lang: *//p' "$case_file" | head -1)
  case ${lang:-fr} in en*) babel=english ;; de*) babel=ngerman ;; esac
  {
    echo '\documentclass{article}'
    echo '\usepackage[paperwidth=160mm,paperheight=260mm,margin=10mm]{geometry}'
    echo "\\usepackage[$babel]{babel}"
    [ "$babel" = french ] && echo '\frenchsetup{AutoSpacePunctuation=false}'
    echo '\usepackage{fontspec}\setmainfont{Linux Libertine O}'
    [ "$micro" = micro ] && echo '\usepackage[expansion=true,protrusion=false]{microtype}'
    echo '\pagestyle{empty}\parskip=6pt\begin{document}'
    tex_paragraphs "$case_file"
    echo '\end{document}'
  } >"$base.tex"
  if ! (cd "$work" && lualatex -interaction=batchmode "$base.tex" >/dev/null 2>&1); then
    echo "failed"
    return
  fi
  "$gaps" "$base.pdf" | awk '{
    for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    printf "%s/%s h%s p%s t%s o%s r%s", f["p95"], f["max"], f["hyphens"], f["pairs"], f["two"],
      f["over"], f["ragged"] }'
}

echo "p95/max gap (em of the body size), h hyphenated lines, p consecutive pairs,"
echo "t fragments of <= 2 letters, o lines past the measure, r mean |difference in length|"
echo "of consecutive ragged lines (em), wall time of roneo flyer"
for case_file in "$root"/tests/cases/*.md "$root"/tests/cases/tract-plain.txt; do
  name=$(basename "$case_file")
  body=$("$roneo" check --dump "$case_file" 2>/dev/null | grep -c '^  text body')
  [ "${body:-0}" -gt 0 ] || continue
  size=$("$roneo" check --dump "$case_file" 2>/dev/null | sed -n 's/.*text body .*size=\([0-9.]*\).*/\1/p' | head -1)
  echo "== $name (body ${size} pt)"
  if [ -n "${RONEO_BEFORE:-}" ]; then
    echo "   before    $(measure before "$RONEO_BEFORE" "$case_file")"
  fi
  echo "   greedy    $(measure greedy "$roneo" -l "$(layout_with "$case_file" 'breaker = greedy')" "$case_file")"
  after=$(measure after "$roneo" -l "$(layout_with "$case_file" 'expansion = 0')" "$case_file")
  echo "   total-fit $after"
  echo "   +expansion $(measure expansion "$roneo" -l "$(layout_with "$case_file" 'expansion = 2%')" "$case_file")"
  case $name in
  tract-*)
    # ragged: the same copy in a5-black (ragged right), first fit and total fit
    echo "   ragged greedy    $(measure rgreedy "$roneo" -l "$(layout_with "$case_file" 'breaker = greedy' a5-black)" "$case_file")"
    echo "   ragged total-fit $(measure rfit "$roneo" -l "$(layout_with "$case_file" '' a5-black)" "$case_file")"
    ;;
  esac
  case $after in
  0.000/0.000*) echo "   (no justified body line: nothing to set by LuaLaTeX)"; continue ;;
  esac
  if [ $have_tex = 1 ]; then
    echo "   lualatex  $(tex_measure "$case_file" plain)"
    echo "   +microtype $(tex_measure "$case_file" micro)"
  fi
done
