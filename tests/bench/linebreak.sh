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
# right) with both breakers, and so does a case whose own layout is ragged
# (a6-card): from the dump, the mean step between consecutive lines and the
# largest shortfall from the measure of a line but a paragraph's last (em of
# the body size; body and list paragraphs), widow words (a last line of one
# word under a fifth of the measure) and lines past the measure; from the
# PDF, hyphenated lines and fragments of two letters. Target (issue 12, 5:
# no stair-steps, no line much shorter than its neighbours): mean step and
# shortfall no worse than greedy (within 0.002 em), no more hyphens.
#
# "total-fit" is the breaker without glyph expansion (`expansion = 0`),
# "+expansion" with `expansion = 2%`, the justified layouts' default (glyphs widened
# or narrowed by up to 2 %, as microtype's default stretch = shrink = 20),
# to compare with LuaLaTeX + microtype.
#
# Also per tract: ms per page composed in one warm process
# (BUILDDIR/tests/bench/bench-compose, the median of RUNS runs, default 100: a
# shorter run is thrown by a second of load on a small machine),
# and the cold `roneo flyer` (a whole process: fonts, dictionary, PDF) against
# `pango-view` setting the same body paragraphs in one justified layout at
# the same font, size and measure (median of COLD runs each, default 5,
# interleaved).
#
# The table has one row per tract and a ✓/✗ per target of issue 12 (a gap
# within 0.002 em counts as equal):
#   tex    total-fit p95 and max no worse than LuaLaTeX     (justified French;
#          LuaLaTeX with \emergencystretch = 3em; a gap under 0.255 em, a
#          natural space, is never "worse"; when LuaLaTeX still sets a
#          paragraph past the measure, its cell says "overfull" and there
#          is no comparison, "-")
#   micro  +expansion p95 and max no worse than +microtype  (justified French)
#   hyph   no more hyphenated lines than greedy (total-fit and +expansion;
#          justified French); a line under the table adds them up over
#          every justified French tract
#   over   no line past the measure (every line of the three roneo renderings)
#   3ms    composition <= 3 ms per page in one process
#   2.5x   cold roneo flyer <= 2.5 x pango-view
# "-": the target does not apply (no justified French body, no lualatex,
# no pango-view, LuaLaTeX overfull). crash-*.md, inputs that once crashed
# roneo rather than tracts, are left out unless CASES names them. A second table gives the ragged rows, a ✓/✗ each.
#
# Hyphenated lines are those broken by hyphenation: a line ending at a
# hyphen the copy has ("retrouvons-/nous") is not counted, in any column.
#
# After the tables, a line per target missed says what was traded for it,
# measured: hyph, the same breaker without hyphens (`hyphenate = no`) against
# LuaLaTeX, or where LuaLaTeX cannot be compared the loosest of the lines
# each breaking sets that the other does not; tex and micro, the widow words
# (a last line of one short word, issue 12, 1) LuaLaTeX and roneo leave and
# those loosest lines; ragged, the widow words first fit leaves.
#
# RONEO_BEFORE=PATH-TO-AN-OLDER-roneo adds its p95/max after the tract's name.
# CASES="a.md b.md": only those files of tests/cases. KEEP=1: the PDFs and
# LaTeX sources are kept (the script says where) to look at them.
# RUNS=N, COLD=N: the runs of the timings.
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$build" && pwd)
roneo=$build/src/cli/roneo
gaps=$build/tests/bench/pdf-gaps
compose=$build/tests/bench/bench-compose
runs=${RUNS:-100}
cold=${COLD:-5}
export RONEO_DATA_DIR=${RONEO_DATA_DIR:-$root}
for tool in "$roneo" "$gaps" "$compose"; do
  [ -x "$tool" ] || { echo "linebreak.sh: no $tool (build first)" >&2; exit 1; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/roneo-linebreak-XXXXXX")
if [ -n "${KEEP:-}" ]; then
  echo "linebreak.sh: the PDFs and LaTeX sources stay in $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi
have_tex=0
command -v lualatex >/dev/null && have_tex=1
# French front matter over paragraphs in other languages (Turkish, Kurdish,
# Arabic, Spanish): LuaLaTeX would hyphenate them with French patterns
NOT_FRENCH="multilingual.md"
have_pango=0
command -v pango-view >/dev/null && have_pango=1

ms_now() { date +%s%N; }

# figures PDF: "p95 max hyphens pairs two over ragged" of pdf-gaps
figures() {
  "$gaps" "$1" | awk '{
    for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    printf "%s %s %s %s %s %s %s\n", f["p95"], f["max"], f["hyphens"], f["pairs"], f["two"],
      f["over"], f["ragged"] }'
}

# own_hyphens PDF CASE: lines of PDF that end at a hyphen the copy has
# ("retrouvons-/nous"): a break there is no hyphenation
own_hyphens() {
  pdftotext -layout "$1" - 2>/dev/null | awk -v src="$2" '
    BEGIN { while ((getline l < src) > 0) source = source " " l }
    { n = split($0, words, " ") }
    prev != "" && n > 0 { first = words[1]; sub(/[[:punct:]]+$/, "", first)
      if (index(source, prev first) > 0) own++ }
    { prev = ""; if (n > 0 && words[n] ~ /[[:alpha:]]-$/) prev = words[n] }
    END { print own + 0 }'
}

# figures_of PDF CASE: figures, the hyphenated lines without those at the copy's own hyphens
figures_of() {
  local own
  own=$(own_hyphens "$1" "$2")
  figures "$1" | awk -v own="$own" '{ $3 -= own; print }'
}

# measure NAME RONEO ARGS... CASE: one rendering, its figures (or "failed")
measure() {
  local out=$work/$1.pdf bin=$2
  shift 2
  if ! "$bin" flyer -q --force "$@" -o "$out" >/dev/null 2>&1; then
    echo "failed"
    return
  fi
  figures_of "$out" "${!#}"
}

# layout_with CASE KEYS [LAYOUT]: the case's layout (or LAYOUT) with KEYS added to its [body]
# (the layout's own breaker and expansion keys dropped)
layout_with() {
  local case_file=$1 keys=$2 name=${3:-}
  [ -n "$name" ] || name=$(sed -n 's/^layout: *//p' "$case_file" | head -1)
  local ini=$root/layouts/${name:-a5-flyer}.ini out=$work/layout-$RANDOM.ini
  # KEYS may carry several, "\n" between them; hyphenate is dropped from
  # [body] when KEYS sets it
  awk -v keys="$keys" '/^\[/ { body = ($0 == "[body]") } /^(breaker|expansion) *=/ { next }
    body && /^hyphenate *=/ && keys ~ /hyphenate/ { next }
    { print } /^\[body\]/ { print keys }' "$ini" >"$out"
  echo "$out"
}

# loosest_differing A.pdf B.pdf: the largest gap on the justified lines of A
# that B does not set (pdf-gaps --lines), em; 0 when every line is in B
loosest_differing() {
  "$gaps" --lines "$2" | grep -v '^size=' | cut -d' ' -f2- | sort >"$work/lines-b.txt"
  "$gaps" --lines "$1" | grep -v '^size=' | while read -r gap line; do
    grep -qxF -- "$line" "$work/lines-b.txt" || echo "$gap"
  done | sort -rn | awk 'NR == 1 { top = $1 } END { printf "%.3f\n", top + 0 }'
}

# tex_widows CASE MICROTYPE: LuaLaTeX's last lines of one short word (ten
# letters or fewer, no space), read back from its PDF
tex_widows() {
  local base
  base=$work/tex-$(basename "$1" | sed 's/\.[a-z]*$//')-$2
  pdftotext "$base.pdf" - 2>/dev/null | awk 'length($0) > 0 && $0 !~ / / && length($0) <= 10 { n++ }
    END { print n + 0 }'
}

# dump_widows CASE LAYOUT: roneo's body and list paragraphs ending on one
# short word (the third figure of dump_ragged)
dump_widows() { dump_ragged "$1" "$2" | cut -d' ' -f3; }

# tex_paragraphs CASE: the body paragraphs of the dump as LaTeX, each at its
# block's size and measure; a line-end hyphen is kept only where the source
# has the word with it
tex_paragraphs() {
  local case_file=$1
  "$roneo" check --dump "$case_file" 2>/dev/null | awk -v src="$case_file" '
    BEGIN { while ((getline l < src) > 0) source = source " " l }
    # roneo raises the suffix of a French ordinal (1er, 2e, XXe) and the o of
    # n° 3 (dumped as "no"): so does LaTeX, or its lines would carry wider
    # letters than roneo sets, and their gaps would not compare
    function ordinal(t,   lead, tail, core, n) {
      lead = ""; tail = ""; core = t
      if (substr(core, 1, 1) == "(") { lead = "("; core = substr(core, 2) }
      while (core != "" && index(",.;:!?)", substr(core, length(core), 1)) > 0) {
        tail = substr(core, length(core), 1) tail; core = substr(core, 1, length(core) - 1)
      }
      if (match(core, /^[0-9]+/) == 0) match(core, /^[IVX]+/)
      if (RSTART != 1) return t
      n = substr(core, 1, RLENGTH)
      if (substr(core, RLENGTH + 1) !~ /^(er|ers|re|res|e|es|nd|nds|nde|ndes)$/) return t
      return lead n "\\textsuperscript{" substr(core, RLENGTH + 1) "}" tail
    }
    function ordinals(text,   words, parts, i, j, n, m, out, word) {
      n = split(text, words, " "); out = ""
      for (i = 1; i <= n; i++) {
        m = split(words[i], parts, "~"); word = ""
        for (j = 1; j <= m; j++) {
          if (parts[j] == "no" && j < m && parts[j + 1] ~ /^[0-9]/) parts[j] = "n\\textsuperscript{o}"
          else parts[j] = ordinal(parts[j])
          word = word (j > 1 ? "~" : "") parts[j]
        }
        out = out (i > 1 ? " " : "") word
      }
      return out
    }
    function flush() {
      if (text == "") return
      gsub(/\\/, "\\textbackslash{}", text); gsub(/[&%$#_{}]/, "\\\\&", text)
      gsub(/~/, "\\textasciitilde{}", text); gsub(/\^/, "\\textasciicircum{}", text)
      gsub(/[\001-\010\013-\037\177]/, "", text); gsub(/\xc2\xa0/, "~", text)
      # U+202F (the groups of a phone number, "10 %"): the glyph Libertine has, as
      # roneo sets it; kept out of the note-call test below, to which its last
      # byte would look like a letter
      gsub(/\xe2\x80\xaf/, "\\nnbsp{}", text)
      # note calls: digits glued to the letter before
      out = ""
      while (match(text, /[A-Za-z\x80-\xbf)][0-9]+/)) {
        out = out substr(text, 1, RSTART) "\\textsuperscript{" substr(text, RSTART + 1, RLENGTH - 1) "}"
        text = substr(text, RSTART + RLENGTH)
      }
      text = ordinals(out text)
      # at the scale and rise roneo gives them (roneo-text-layout.c: 0.62 and 0.36 of the size)
      gsub(/\\textsuperscript\{/, sprintf("\\rsup{%.2f}{%.2f}{", size * 0.62, size * 0.36), text)
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

# tex_measure CASE MICROTYPE: LuaLaTeX on the case's paragraphs, its figures
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
    echo '\newcommand\rsup[3]{\raisebox{#2bp}{\fontsize{#1bp}{#1bp}\selectfont #3}}'
    echo '\newcommand\nnbsp{\char"202F\relax}'
    # a paragraph TeX cannot set within its tolerance gets a third pass
    # rather than an overfull line: roneo never sets a line past the measure,
    # and a line that overflows has no gaps to compare
    echo '\emergencystretch=3em'
    echo '\pagestyle{empty}\parskip=6pt\begin{document}'
    tex_paragraphs "$case_file"
    echo '\end{document}'
  } >"$base.tex"
  if ! (cd "$work" && lualatex -interaction=batchmode "$base.tex" >/dev/null 2>&1); then
    echo "failed"
    return
  fi
  # even with \emergencystretch, a paragraph TeX cannot break within the
  # measure (an unbreakable phone number longer than what is left of a line)
  # comes out overfull: there is nothing to compare roneo's line with
  if grep -q '^Overfull \\hbox' "$base.log"; then
    echo "overfull"
    return
  fi
  figures_of "$base.pdf" "$case_file"
}

# body_text CASE: the body paragraphs as plain text for pango-view (no front
# matter, headings, list items, quotes, note definitions, signature)
body_text() {
  awk 'NR == 1 && /^---$/ { fm = 1; next } fm && /^---$/ { fm = 0; next } fm { next }
       /^(#|- |> |\[\^|-- )/ { next } { print }' "$1" \
    | sed -e 's/\[\^[^]]*\]//g' -e 's/\*\*//g' | cat -s
}

median_ms() { sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1e6 }'; }

# cold_ratio CASE SIZE MEASURE: median ms of the cold roneo flyer, of
# pango-view on the same body text, interleaved, and their ratio
cold_ratio() {
  local case_file=$1 size=$2 measure=$3 lang
  lang=$(sed -n 's/^lang: *//p' "$case_file" | head -1)
  body_text "$case_file" >"$work/body.txt"
  : >"$work/roneo.ns"
  : >"$work/pango.ns"
  for _ in $(seq "$cold"); do
    local t0 t1 t2
    t0=$(ms_now)
    "$roneo" flyer -q --force "$case_file" -o "$work/cold.pdf" --date 2026-03-01 >/dev/null 2>&1
    t1=$(ms_now)
    pango-view -q --output="$work/pango.pdf" --font="Linux Libertine O $size" --dpi=72 \
      --width="$measure" --justify --language="${lang:-fr}" "$work/body.txt" 2>/dev/null
    t2=$(ms_now)
    echo $((t1 - t0)) >>"$work/roneo.ns"
    echo $((t2 - t1)) >>"$work/pango.ns"
  done
  local r p
  r=$(median_ms <"$work/roneo.ns")
  p=$(median_ms <"$work/pango.ns")
  awk -v r="$r" -v p="$p" 'BEGIN { printf "%s %s %.2f\n", r, p, r / p }'
}

# dump_over CASE LAYOUT: the body and list lines roneo sets wider than their
# item's measure (the layout width less the half point it adds, as drawn), from its
# dump: the check for ragged text, where the PDF shows no edge to measure
# against (lines ending by chance on one x look like a column's edge)
dump_over() {
  "$roneo" check --dump -l "$2" "$1" 2>/dev/null | awk '
    /^  text / { body = ($2 == "body" || $2 == "list"); first = 1; for (i = 3; i <= NF; i++)
      if ($i ~ /^w=/) { width = substr($i, 3) + 0; measure = width - 0.5 } }
    # a list marker has no measure: its width is its line
    /^    \| w=/ && body { w = substr($2, 3) + 0; if (first && w == width) body = 0; first = 0 }
    /^    \| w=/ && body && w > measure + 0.01 { over++ }
    END { print over + 0 }'
}

# dump_ragged CASE LAYOUT: "step shortfall widows" of the body and list
# paragraphs as roneo sets them (the dump: exact widths, no guessing of
# edges): the mean |difference in length| of consecutive lines and the
# largest shortfall from the measure, lines but each paragraph's last, em of
# its size; last lines of one word under a fifth of the measure
dump_ragged() {
  "$roneo" check --dump -l "$2" "$1" 2>/dev/null | awk '
    function flush(   j, s) {
      for (j = 2; j < n; j++) { steps += (w[j] > w[j - 1] ? w[j] - w[j - 1] : w[j - 1] - w[j]) / size; pairs++ }
      for (j = 1; j < n; j++) { s = (measure - w[j]) / size; if (s > worst) worst = s }
      if (n >= 2 && w[n] < 0.2 * measure && t[n] !~ / /) widows++
      n = 0
    }
    /^[a-z]/ || /^  [a-z]/ { flush(); body = 0 }
    /^  text (body|list) / { body = 1; first = 1; for (i = 3; i <= NF; i++) {
      if ($i ~ /^w=/) { width = substr($i, 3) + 0; measure = width - 0.5 }
      if ($i ~ /^size=/) size = substr($i, 6) + 0 } }
    /^    \| w=/ && body {
      x = substr($2, 3) + 0
      # a list marker has no measure: its width is its line
      if (first && x == width) { body = 0; next }
      first = 0; line = $0; sub(/^    \| w=[0-9.]+ (scale=[0-9.]+ )?/, "", line)
      w[++n] = x; t[n] = line
    }
    END { flush(); printf "%.3f %.3f %d\n", pairs ? steps / pairs : 0, worst, widows }'
}

# ragged_row CASE LABEL LAYOUT: the ragged row of CASE set in LAYOUT, first
# fit and total fit, its mark (counted in the misses at the end)
ragged_row() {
  local case_file=$1 label=$2 layout=$3 gl fl
  gl=$(layout_with "$case_file" 'breaker = greedy' "$layout")
  fl=$(layout_with "$case_file" '' "$layout")
  local gh gt fh ft gs gm gw fs fm fw go fo ok
  read -r _ _ gh _ gt _ _ <<<"$(measure rgreedy "$roneo" -l "$gl" "$case_file")"
  read -r _ _ fh _ ft _ _ <<<"$(measure rfit "$roneo" -l "$fl" "$case_file")"
  read -r gs gm gw <<<"$(dump_ragged "$case_file" "$gl")"
  read -r fs fm fw <<<"$(dump_ragged "$case_file" "$fl")"
  go=$(dump_over "$case_file" "$gl")
  fo=$(dump_over "$case_file" "$fl")
  ok=$(awk -v a="$fs" -v b="$gs" -v c="$fm" -v d="$gm" -v h="$fh" -v g="$gh" -v o="$fo" \
    'BEGIN { print (a <= b + 0.002 && c <= d + 0.002 && h <= g && o == 0) ? 1 : 0 }')
  printf "%-34s %-6s %-6s %-3s %-3s %-3s %-3s | %-6s %-6s %-3s %-3s %-3s %-3s %s\n" "$label" \
    "$gs" "$gm" "$gh" "$gt" "$gw" "$go" "$fs" "$fm" "$fh" "$ft" "$fw" "$fo" "$(mark "$ok")"
  # (a subshell: what it was traded for goes through a file)
  [ "$ok" = 0 ] && [ "$fw" -lt "$gw" ] \
    && echo "  $label: first fit leaves $gw widow words, total fit $fw (a line at most" \
      "$ragged_widow_short em short rather than a word alone)" >>"$work/ragged-why.txt"
  return 0
}

# gap_cell P95 MAX: ".360/.360"
gap_cell() { awk -v a="$1" -v b="$2" 'BEGIN { s = sprintf("%.3f/%.3f", a, b); gsub(/0\./, ".", s); print s }'; }

# no_worse P95 MAX REF_P95 REF_MAX: 1 when both are within 0.002 em of the
# reference or below; a gap no wider than a natural word space (0.25 em and
# the side bearings: 0.255 as read back) is no looser than a narrower one
no_worse() {
  awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" 'function n(x) { return x < 0.255 ? 0.255 : x }
    BEGIN { print (n(a) <= n(c) + 0.002 && n(b) <= n(d) + 0.002) ? 1 : 0 }'
}

mark() { case $1 in 1) printf "✓" ;; 0) printf "✗" ;; *) printf "-" ;; esac; }

printf "p95/max: inter-word gaps on justified body lines, em of the body size; h: hyphenated\n"
printf "lines (greedy/total-fit/+expansion/LuaLaTeX/+microtype); over: lines past the measure\n"
printf "(the three roneo PDFs); ms/p: composition per page in one process; cold: roneo flyer /\n"
printf "pango-view, ms and ratio.\n"
printf "Targets: tex, micro (p95 and max <= LuaLaTeX, +expansion <= +microtype, within 0.002 em,\n"
printf "a gap under 0.255 em as good as a natural space), hyph (<= greedy), on justified French\n"
printf "text; over (0), 3ms, 2.5x on all. LuaLaTeX: %s=3em; \"overfull\": even so it can only\n" '\emergencystretch'
echo "set a paragraph past the measure, and there is nothing to compare with (-)."
printf "lualatex: %s, pango-view: %s\n\n" \
  "$([ $have_tex = 1 ] && echo yes || echo no)" "$([ $have_pango = 1 ] && echo yes || echo no)"
# the marks are one column wide but three bytes long: printf pads bytes, so
# they go in fixed gaps of their own
row='%-30s %-11s %-11s %-11s %-11s %-11s %-14s %-4s %-5s %-16s  %s    %s     %s    %s    %s   %s\n'
# shellcheck disable=SC2059
printf "%-30s %-11s %-11s %-11s %-11s %-11s %-14s %-4s %-5s %-16s  %s\n" tract greedy total-fit \
  +expansion LuaLaTeX +microtype h over ms/p cold "tex  micro hyph over 3ms 2.5x"
ragged_rows=""
fails=0
# RAGGED_WIDOW_SHORT of src/compose/roneo-linebreak.c, for the ragged rows' explanation
ragged_widow_short=$(sed -n 's/^#define RAGGED_WIDOW_SHORT \([0-9.]*\).*/\1/p' \
  "$root/src/compose/roneo-linebreak.c")
# a line per target missed: what the breaking there traded it for
why=""

# why_hyphens CASE: a tract where total fit hyphenates more lines than first
# fit: the same breaker without hyphens (hyphenate = no), against LuaLaTeX
# (which hyphenates too), or where LuaLaTeX cannot be compared, against the
# lines with hyphens that it does not set
why_hyphens() {
  local case_file=$1 name n95 nmax
  name=$(basename "$case_file")
  read -r n95 nmax _ <<<"$(measure nohyph "$roneo" -l "$(layout_with "$case_file" 'expansion = 0\nhyphenate = no')" "$case_file")"
  case $t95 in
  - | failed | overfull)
    echo "  $name hyph: without hyphens, total fit's lines that differ are as loose as" \
      "$(loosest_differing "$work/nohyph.pdf" "$work/fit.pdf") em, with them" \
      "$(loosest_differing "$work/fit.pdf" "$work/nohyph.pdf") em (LuaLaTeX: $t95, $th hyphens)" ;;
  *)
    echo "  $name hyph: without hyphens, total fit sets $(gap_cell "$n95" "$nmax"), against" \
      "LuaLaTeX's $(gap_cell "$t95" "$tmax") with $th hyphens: tex $([ "$(no_worse "$n95" "$nmax" "$t95" "$tmax")" = 1 ] && echo met || echo missed) without them" ;;
  esac
}

# why_spaces CASE TARGET MICROTYPE KEYS: a tract where roneo's spaces are
# looser than LuaLaTeX's: the widow words each leaves (roneo carries a word
# down to a last line of one short word: issue 12, 1), and the loosest line
# roneo sets that LuaLaTeX does not
why_spaces() {
  local case_file=$1 target=$2 micro=$3 keys=$4 name pdf base
  name=$(basename "$case_file")
  pdf=$work/fit.pdf
  [ "$micro" = micro ] && pdf=$work/expansion.pdf
  base=$work/tex-$(basename "$case_file" | sed 's/\.[a-z]*$//')-$micro
  echo "  $name $target: widow words LuaLaTeX $(tex_widows "$case_file" "$micro")," \
    "roneo $(dump_widows "$case_file" "$(layout_with "$case_file" "$keys")"); the loosest line" \
    "roneo sets that LuaLaTeX does not: $(loosest_differing "$pdf" "$base.pdf") em," \
    "LuaLaTeX's not set by roneo: $(loosest_differing "$base.pdf" "$pdf") em"
}
# hyphenated lines over every justified French tract: greedy, total fit, +expansion
sum_gh=0 sum_fh=0 sum_eh=0
cases=()
if [ -n "${CASES:-}" ]; then
  for c in $CASES; do cases+=("$root/tests/cases/$c"); done
else
  cases=("$root"/tests/cases/*.md "$root"/tests/cases/tract-plain.txt)
fi
for case_file in "${cases[@]}"; do
  name=$(basename "$case_file")
  # crash-*.md are inputs that once crashed roneo, not tracts: left out unless named
  case $name in crash-*) [ -n "${CASES:-}" ] || continue ;; esac
  dump=$("$roneo" check --dump "$case_file" 2>/dev/null)
  [ "$(grep -c '^  text body' <<<"$dump")" -gt 0 ] || continue
  size=$(sed -n 's/.*text body .*size=\([0-9.]*\).*/\1/p' <<<"$dump" | head -1)
  width=$(sed -n 's/.*text body .* w=\([0-9.]*\).*/\1/p' <<<"$dump" | head -1)
  lang=$(sed -n 's/^lang: *//p' "$case_file" | head -1)
  label="$name (${size} pt)"
  if [ -n "${RONEO_BEFORE:-}" ]; then
    read -r b95 bmax _ <<<"$(measure before "$RONEO_BEFORE" "$case_file")"
    label="$label before $(gap_cell "$b95" "$bmax")"
  fi
  read -r g95 gmax gh _ _ gover _ <<<"$(measure greedy "$roneo" -l "$(layout_with "$case_file" 'breaker = greedy')" "$case_file")"
  read -r f95 fmax fh _ _ fover _ <<<"$(measure fit "$roneo" -l "$(layout_with "$case_file" 'expansion = 0')" "$case_file")"
  read -r e95 emax eh _ _ eover _ <<<"$(measure expansion "$roneo" -l "$(layout_with "$case_file" 'expansion = 2%')" "$case_file")"
  justified=0
  [ "$f95" != "failed" ] && [ "$f95" != "0.000" ] && justified=1
  # the targets on spaces and hyphens are those of justified French text
  french=0
  case ${lang:-fr} in fr*) french=1 ;; esac
  case " $NOT_FRENCH " in *" $name "*) french=0 ;; esac
  [ $justified = 1 ] || french=0
  t95=- tmax=- th=- m95=- mmax=- mh=- tex_ok=- micro_ok=- hyph_ok=-
  if [ $have_tex = 1 ] && [ $justified = 1 ]; then
    read -r t95 tmax th _ <<<"$(tex_measure "$case_file" plain)"
    read -r m95 mmax mh _ <<<"$(tex_measure "$case_file" micro)"
    th=${th:--} mh=${mh:--}
    if [ $french = 1 ]; then
      case $t95 in failed | overfull) ;; *) tex_ok=$(no_worse "$f95" "$fmax" "$t95" "$tmax") ;; esac
      case $m95 in failed | overfull) ;; *) micro_ok=$(no_worse "$e95" "$emax" "$m95" "$mmax") ;; esac
    fi
  fi
  if [ $french = 1 ]; then
    hyph_ok=$([ "$fh" -le "$gh" ] && [ "$eh" -le "$gh" ] && echo 1 || echo 0)
    [ "$hyph_ok" = 0 ] && why+=$(why_hyphens "$case_file")$'\n'
    sum_gh=$((sum_gh + gh)) sum_fh=$((sum_fh + fh)) sum_eh=$((sum_eh + eh))
  fi
  over_ok=$([ "$gover$fover$eover" = 000 ] && echo 1 || echo 0)
  ms=$("$compose" "$case_file" "$runs" 2>/dev/null | sed -n 's/ms_per_page=\([0-9.]*\).*/\1/p')
  ms_ok=$(awk -v m="${ms:-99}" 'BEGIN { print (m <= 3) ? 1 : 0 }')
  cold_cell=- cold_ok=-
  if [ $have_pango = 1 ]; then
    read -r cr cp ratio <<<"$(cold_ratio "$case_file" "$size" "${width%.*}")"
    cold_cell="$cr/$cp ${ratio}x"
    cold_ok=$(awk -v r="$ratio" 'BEGIN { print (r <= 2.5) ? 1 : 0 }')
  fi
  tex_cell=-
  case $t95 in -) ;; failed | overfull) tex_cell=$t95 ;; *) tex_cell=$(gap_cell "$t95" "$tmax") ;; esac
  micro_cell=-
  case $m95 in -) ;; failed | overfull) micro_cell=$m95 ;; *) micro_cell=$(gap_cell "$m95" "$mmax") ;; esac
  [ "$tex_ok" = 0 ] && why+=$(why_spaces "$case_file" tex plain 'expansion = 0')$'\n'
  [ "$micro_ok" = 0 ] && why+=$(why_spaces "$case_file" micro micro 'expansion = 2%')$'\n'
  for ok in "$tex_ok" "$micro_ok" "$hyph_ok" "$over_ok" "$ms_ok" "$cold_ok"; do
    [ "$ok" = 0 ] && fails=$((fails + 1))
  done
  # shellcheck disable=SC2059
  printf "$row" "$label" "$(gap_cell "$g95" "$gmax")" "$(gap_cell "$f95" "$fmax")" \
    "$(gap_cell "$e95" "$emax")" "$tex_cell" "$micro_cell" "$gh/$fh/$eh/$th/$mh" "$gover$fover$eover" \
    "${ms:-?}" "$cold_cell" "$(mark "$tex_ok")" "$(mark "$micro_ok")" "$(mark "$hyph_ok")" \
    "$(mark "$over_ok")" "$(mark "$ms_ok")" "$(mark "$cold_ok")"
  # ragged: the same copy in a5-black (ragged right), and the case's own
  # layout if that is ragged, first fit and total fit
  case $name in
  tract-*) ragged_rows+=$(ragged_row "$case_file" "$name (a5-black)" a5-black)$'\n' ;;
  esac
  if [ $justified = 0 ] && [ "$f95" != failed ]; then
    own=$(sed -n 's/^layout: *//p' "$case_file" | head -1)
    ragged_rows+=$(ragged_row "$case_file" "$name (${own:-a5-flyer})" "${own:-a5-flyer}")$'\n'
  fi
done
echo "hyphenated lines in all the justified French tracts: greedy $sum_gh, total-fit $sum_fh," \
  "+expansion $sum_eh"
echo
echo "Ragged (the same copy in a5-black, and cases whose layout is ragged): step mean |difference"
echo "in length| of consecutive lines, short largest shortfall from the measure (em, lines but a"
echo "paragraph's last), h hyphenated lines, t fragments of <= 2 letters, w widow words, o lines"
echo "past the measure; ✓: total fit no worse on step and short (0.002 em), h <= greedy, o = 0"
printf "%-34s %-6s %-6s %-3s %-3s %-3s %-3s | %-6s %-6s %-3s %-3s %-3s %-3s\n" tract step short h t w o \
  step short h t w o
printf "%-34s %-30s | %s\n" "" "greedy" "total-fit"
printf "%s" "$ragged_rows"
fails=$((fails + $(grep -c "✗" <<<"$ragged_rows")))
echo
echo "targets missed: $fails"
if [ -n "$why" ] || [ -s "$work/ragged-why.txt" ]; then
  echo "What was traded for them:"
  printf "%s" "$why"
  [ -s "$work/ragged-why.txt" ] && cat "$work/ragged-why.txt"
fi
