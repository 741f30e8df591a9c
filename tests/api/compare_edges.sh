#!/usr/bin/env bash
# Runs api_edges built on Coda and on the real GnuTLS and compares every
# "MATCH key = value" line (a difference fails) and every "SOFT key = value"
# line (a difference is printed as a NOTE only). A key where the real GnuTLS crashed (NULL
# arguments) is not compared: the Coda build checks those itself.
# usage: compare_edges.sh API_EDGES_CODA API_EDGES_REAL CERTDIR
set -uo pipefail
coda="${1:?usage: compare_edges.sh CODA REAL CERTDIR}"
real="${2:?}"
certs="${3:?}"
work="$(mktemp -d "${TMPDIR:-/tmp}/api-edges.XXXXXX")"
trap 'rm -rf "$work"' EXIT

timeout -k 5 200 "$coda" "$certs" >"$work/coda.out" 2>&1
coda_rc=$?
timeout -k 5 200 "$real" "$certs" >"$work/real.out" 2>&1
real_rc=$?
echo "coda run: exit $coda_rc, $(tail -n 1 "$work/coda.out")"
echo "real run: exit $real_rc, $(tail -n 1 "$work/real.out")"

extract() { sed -n "s/^$2"' \([^ ]*\) = \(.*\)$/\1\t\2/p' "$1" | sort -t$'\t' -k1,1; }
extract "$work/coda.out" MATCH >"$work/coda.tsv"
extract "$work/real.out" MATCH >"$work/real.tsv"
extract "$work/coda.out" SOFT >"$work/coda.soft"
extract "$work/real.out" SOFT >"$work/real.soft"
while IFS=$'\t' read -r key real_value; do
  coda_value="$(awk -F'\t' -v k="$key" '$1 == k { print $2; exit }' "$work/coda.soft")"
  if [[ "$coda_value" != "$real_value" ]]; then
    echo "NOTE $key: real GnuTLS '$real_value', Coda '${coda_value:-(not reached)}'"
  fi
done <"$work/real.soft"

mismatches=0
compared=0
while IFS=$'\t' read -r key real_value; do
  [[ "$real_value" == crash ]] && continue
  coda_value="$(awk -F'\t' -v k="$key" '$1 == k { print $2; exit }' "$work/coda.tsv")"
  compared=$((compared + 1))
  if [[ -z "$coda_value" ]] && ! grep -q "^$key"$'\t' "$work/coda.tsv"; then
    echo "MISMATCH $key: real GnuTLS '$real_value', Coda: (not reached)"
    mismatches=$((mismatches + 1))
  elif [[ "$coda_value" != "$real_value" ]]; then
    echo "MISMATCH $key: real GnuTLS '$real_value', Coda '$coda_value'"
    mismatches=$((mismatches + 1))
  fi
done <"$work/real.tsv"
if ((coda_rc > 1)); then
  echo "the Coda run ended abnormally (exit $coda_rc); its last lines:"
  tail -n 5 "$work/coda.out"
  mismatches=$((mismatches + 1))
fi
echo "$compared values compared, $mismatches mismatches"
# Nothing compared (the real run died before its first line) proves nothing.
if ((compared == 0)); then
  echo "no value compared: the real GnuTLS run printed none (exit $real_rc)"
  exit 1
fi
((mismatches == 0))
