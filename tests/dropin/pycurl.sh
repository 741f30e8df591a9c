#!/usr/bin/env bash
# python3-pycurl (libcurl-gnutls) on Coda's libgnutls.so.30: downloads a
# file from Python's ssl server (TLS 1.3, 1.2), openssl s_server -WWW and
# coda-serv; refuses a wrong host name and an untrusted issuer.
source "$(dirname "$0")/lib.sh"
need "$PY" /usr/lib/x86_64-linux-gnu/libcurl-gnutls.so.4
"$PY" -c "import pycurl" 2>/dev/null || skip "python3-pycurl is not installed"
mkdir -p "$WORK/www"
echo "pycurl through Coda $$" >"$WORK/www/file.txt"

get() { coda "$PY" "$HERE/pycurl_get.py" "$@" >"$WORK/out" 2>&1; }
get_ok() {  # get_ok WHAT URL
  if get "$2" "$PKI/ca.pem" && grep -qx "pycurl through Coda $$" "$WORK/out" &&
    grep -q "LOADED $LIBDIR/libgnutls.so.30" "$WORK/out"; then
    ok "pycurl $1 ($(grep -o 'GnuTLS/[0-9.]*' "$WORK/out" | head -1), Coda's library loaded)"
  else
    fail "pycurl $1: $(cat "$WORK/out")"
  fi
}
refused() {  # refused WHAT URL CAFILE
  if get "$2" "$3"; then
    fail "pycurl $1 succeeded: $(cat "$WORK/out")"
  elif grep -Eq '^ERROR (51|60) ' "$WORK/out"; then
    ok "pycurl $1 refused: $(cat "$WORK/out")"
  else
    fail "pycurl $1 failed for another reason: $(cat "$WORK/out")"
  fi
}

for tls in 1.3 1.2; do
  py_server "py$tls" http "$tls" --dir "$WORK/www"
  get_ok "from Python ssl, TLS $tls" "https://localhost:$PORT/file.txt"
  refused "a wrong host name (TLS $tls)" "https://127.0.0.1:$PORT/file.txt" "$PKI/ca.pem"
  refused "an untrusted issuer (TLS $tls)" "https://localhost:$PORT/file.txt" "$PKI/rogue-ca.pem"
done
openssl_www www12 -tls1_2 "$WORK/www"
get_ok "from openssl s_server -WWW, TLS 1.2" "https://localhost:$PORT/file.txt"
coda_serv serv --httpdata "$WORK/www/file.txt"
get_ok "from coda-serv" "https://localhost:$PORT/file.txt"
finish
