#!/usr/bin/env bash
# Runs every libFuzzer harness of BUILD_DIR/bin for SECONDS each, one at a
# time, over a copy of its seed corpus (tests/fuzz/corpus/<h> stays as
# committed). Exits non-zero if any run found a crash, leak or timeout; the
# reproducers are in BUILD_DIR/fuzz-work/<h>/artifacts/.
#   tests/fuzz/run_fuzzers.sh build-fuzz 60
set -uo pipefail

build=${1:-build-fuzz}
seconds=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
# One harness per corpus folder (tests/fuzz/CMakeLists.txt names the same).
mapfile -t harnesses < <(ls "$here/corpus")

failed=()
for h in "${harnesses[@]}"; do
  work="$build/fuzz-work/$h"
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp "$here/corpus/$h"/* "$work/corpus/"
  echo "== fuzz_$h: ${seconds}s"
  "$build/bin/fuzz_$h" "$work/corpus" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
    >"$work/log" 2>&1
  rc=$?
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb)|(DONE|INITED) +cov:" "$work/log" | tail -4
  if [ $rc -ne 0 ]; then
    echo "!! fuzz_$h: finding (exit $rc), log $work/log, reproducers:"
    ls "$work/artifacts"
    grep -E "^==[0-9]+==ERROR|SUMMARY|Test unit written" "$work/log" | head -5
    failed+=("$h")
  fi
done

if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz: findings in ${failed[*]}"
  exit 1
fi
echo "fuzz: no finding in ${#harnesses[@]} harnesses (${seconds}s each)"
