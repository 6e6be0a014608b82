#!/bin/bash
# golden.sh: one case of the `golden` suite.
#
#   golden.sh PATH-TO-RONEO CASE-FILE EXPECTED-FILE
#
# Runs `roneo check --dump CASE-FILE` (the page IR dump) and compares it
# with EXPECTED-FILE; on a mismatch prints a unified diff (expected first)
# and fails. The dump is the contract between composing and drawing: a
# change here is a change in what gets printed, to be looked at.
#
# Regenerate mode: after an intended change in composition, rewrite every
# expected file from the current roneo, then review `git diff tests/golden`:
#
#   RONEO_REGENERATE=1 meson test -C BUILDDIR --suite golden
set -u
roneo=${1:?usage: golden.sh PATH-TO-RONEO CASE-FILE EXPECTED-FILE}
case_file=${2:?}
expected=${3:?}

actual=$(mktemp "${TMPDIR:-/tmp}/roneo-golden-XXXXXX")
err=$(mktemp "${TMPDIR:-/tmp}/roneo-golden-XXXXXX")
trap 'rm -f "$actual" "$err"' EXIT

"$roneo" check --dump "$case_file" >"$actual" 2>"$err"
status=$?
if [ $status -ne 0 ]; then
  echo "roneo check --dump $case_file: exit $status"
  cat "$err"
  exit 1
fi
if [ ! -s "$actual" ]; then
  echo "roneo check --dump $case_file printed no dump"
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
