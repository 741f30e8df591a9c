#!/bin/sh
# Runs x509_crt with san.crt's dates as openssl reads them.
# Usage: x509_crt_test.sh X509_CRT_BINARY DATA_DIR
set -eu
bin=$1
dir=$2
command -v openssl >/dev/null || { echo "openssl not installed: skipped"; exit 77; }
nb=$(openssl x509 -in "$dir/san.crt" -noout -startdate | sed 's/^notBefore=//')
na=$(openssl x509 -in "$dir/san.crt" -noout -enddate | sed 's/^notAfter=//')
exec "$bin" "$dir" "$(date -u -d "$nb" +%s)" "$(date -u -d "$na" +%s)"
