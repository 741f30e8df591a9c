#!/bin/sh
# Runs one closure scenario and checks its transcript.
#   run_scenario.sh diff SCENARIO VERSION DATA CODA_BIN CODA_LIB REAL_BIN REAL_LIB
#     runs it on Coda and on the real GnuTLS; fails on any difference.
#   run_scenario.sh expect SCENARIO VERSION DATA BIN LIB EXPECTED_FILE
#     runs it on one library; fails unless the transcript equals the file
#     (for the deliberate differences, which are not diffed).
#   run_scenario.sh mixed SCENARIO VERSION DATA SERVER_BIN SERVER_LIB CLIENT_BIN CLIENT_LIB EXPECTED_FILE
#     the server half on one library, the client half on the other (two
#     processes); fails unless the transcript equals the file.
set -eu
mode=$1 scenario=$2 version=$3 data=$4
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

run() { # BIN LIB OUT [EXTRA ARGS...]
  bin=$1 lib=$2 dest=$3
  shift 3
  if ! "$bin" "$scenario" "$version" "$data" "$lib" "$@" > "$dest"; then
    cat "$dest"
    echo "$bin failed" >&2
    exit 1
  fi
}

case $mode in
diff)
  run "$5" "$6" "$out/coda.txt"
  run "$7" "$8" "$out/real.txt"
  if ! diff -u "$out/real.txt" "$out/coda.txt"; then
    echo "transcripts differ (- real GnuTLS, + Coda): $scenario $version" >&2
    exit 1
  fi
  cat "$out/coda.txt"
  echo "identical: $(wc -l < "$out/coda.txt") lines"
  ;;
expect)
  run "$5" "$6" "$out/got.txt"
  if ! diff -u "$7" "$out/got.txt"; then
    echo "transcript differs from $7 (- expected, + got)" >&2
    exit 1
  fi
  cat "$out/got.txt"
  echo "as expected: $(wc -l < "$out/got.txt") lines"
  ;;
mixed)
  run "$5" "$6" "$out/got.txt" --client-from "$7" "$8"
  if ! diff -u "$9" "$out/got.txt"; then
    echo "transcript differs from $9 (- expected, + got)" >&2
    exit 1
  fi
  cat "$out/got.txt"
  echo "as expected: $(wc -l < "$out/got.txt") lines"
  ;;
*)
  echo "unknown mode $mode" >&2
  exit 2
  ;;
esac
