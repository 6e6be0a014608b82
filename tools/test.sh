#!/usr/bin/env bash
# Runs every roneo test suite (unit, golden, cli, pdf, fuzz replay), once in a
# plain build and once under AddressSanitizer + UndefinedBehaviorSanitizer,
# then prints meson's summary and one line: N passed, N failed.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_packages || exit 1
generate_locales || exit 1
passed=0
failed=0

# run_suites DIR TIMEOUT-MULTIPLIER [meson options...]: build and test, add up the counts.
run_suites () {
  local dir=$1 multiplier=$2; shift 2
  if ! build "$dir" "$@" >"$here/$dir.log" 2>&1; then
    tail -40 "$here/$dir.log"
    echo "roneo: build in $dir failed"
    failed=$((failed + 1))
    return
  fi
  meson test -C "$here/$dir" --print-errorlogs --num-processes 2 \
    --timeout-multiplier "$multiplier" 2>&1 | tee "$here/$dir-test.log" | tail -15
  local ok fail
  ok=$(awk '/^Ok:/ {print $2}' "$here/$dir-test.log")
  fail=$(awk '/^(Fail|Unexpected Pass|Timeout):/ {s += $NF} END {print s + 0}' "$here/$dir-test.log")
  passed=$((passed + ${ok:-0}))
  failed=$((failed + ${fail:-0}))
}

run_suites build 1
# ASan with fast_unwind_on_malloc=0 (tests/meson.build) runs malloc-heavy code
# (poppler reading PDFs back, fontconfig) several times slower: that slowdown,
# and only that one, gets twice the time. Each suite stays under 40 % of its
# own timeout in the plain build on a busy 2-core machine.
run_suites build-sanitize 2 -Db_sanitize=address,undefined -Db_lundef=false

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
