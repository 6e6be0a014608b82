#!/bin/bash
# golden.sh: one case of the `golden` suite.
#
#   golden.sh PATH-TO-RONEO CASE-FILE EXPECTED-FILE [SUBCOMMAND OPTIONS...]
#
# Runs `roneo check --dump CASE-FILE` (the page IR dump) and compares it
# with EXPECTED-FILE; on a mismatch prints a unified diff (expected first)
# and fails. The dump is the contract between composing and drawing: a
# change here is a change in what gets printed, to be looked at.
#
# Regenerate mode: after an intended change in composition, rewrite every
# expected file from the current roneo, then review `git diff tests/golden`.
# With a SUBCOMMAND (banners: `banner --dump --sheets A01,B02`) roneo runs
# `roneo SUBCOMMAND OPTIONS... CASE-FILE -o SCRATCH.pdf` instead, the dump
# being the banner page and the sheets' IR; the PDF it also writes is dropped.
# SUBCOMMAND check (`check --dump -l a5-black`) dumps a case in a layout its
# front matter does not name.
#
#
#   RONEO_REGENERATE=1 meson test -C BUILDDIR --suite golden
set -u
roneo=${1:?usage: golden.sh PATH-TO-RONEO CASE-FILE EXPECTED-FILE}
case_file=${2:?}
expected=${3:?}

actual=$(mktemp "${TMPDIR:-/tmp}/roneo-golden-XXXXXX")
err=$(mktemp "${TMPDIR:-/tmp}/roneo-golden-XXXXXX")
scratch=$(mktemp -d "${TMPDIR:-/tmp}/roneo-golden-XXXXXX")
trap 'rm -f "$actual" "$err"; rm -rf "$scratch"' EXIT

if [ $# -gt 3 ]; then
  command=("${@:4}" "$case_file")
  # check writes no PDF: `check --dump -l LAYOUT` is a case in another layout
  [ "$4" = check ] || command+=(-o "$scratch/out.pdf")
else
  command=(check --dump "$case_file")
fi
"$roneo" "${command[@]}" >"$actual" 2>"$err"
status=$?
if [ $status -ne 0 ]; then
  echo "roneo ${command[*]}: exit $status"
  cat "$err"
  exit 1
fi
if [ ! -s "$actual" ]; then
  echo "roneo ${command[*]} printed no dump"
  exit 1
fi

if [ "${RONEO_REGENERATE:-}" = 1 ]; then
  cp "$actual" "$expected" && echo "regenerated $expected"
  exit $?
fi
if [ ! -f "$expected" ]; then
  echo "no expected dump $expected; create it with RONEO_REGENERATE=1"
  exit 1
fi
if ! diff -u --label "expected/$(basename "$expected")" --label "actual" "$expected" "$actual"; then
  echo "the page dump of $(basename "$case_file") changed (RONEO_REGENERATE=1 to accept it)"
  exit 1
fi
