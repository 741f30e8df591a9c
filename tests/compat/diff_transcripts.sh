#!/bin/sh
# Runs the transcript program on Coda and on the real GnuTLS and fails on
# any difference. Usage: diff_transcripts.sh CODA_BIN REAL_BIN DATA_DIR CODA_LIB_DIR
set -eu
coda_bin=$1 real_bin=$2 data=$3 coda_lib=$4
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$coda_bin" "$data" "$coda_lib" > "$out/coda.txt"
"$real_bin" "$data" /usr/lib/ > "$out/real.txt"
if ! diff -u "$out/real.txt" "$out/coda.txt"; then
  echo "transcripts differ (- real GnuTLS, + Coda)" >&2
  exit 1
fi
echo "identical: $(wc -l < "$out/coda.txt") lines"
