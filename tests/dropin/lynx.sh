#!/usr/bin/env bash
# lynx -dump over https on Coda's libgnutls.so.30 (trust from SSL_CERT_FILE):
# a page from Python's ssl server (TLS 1.3, 1.2) and coda-serv; a wrong
# host name and an untrusted issuer refused.
source "$(dirname "$0")/lib.sh"
need lynx
shows_coda "$(command -v lynx)"
mkdir -p "$WORK/www"
echo "<html><body><p>lynx through Coda $$</p></body></html>" >"$WORK/www/index.html"
export HOME="$WORK"

dump() {  # dump URL CAFILE
  SSL_CERT_FILE="$2" coda lynx -dump -nolist -connect_timeout=10 "$1" >"$WORK/out" 2>&1 </dev/null
}
refused() {  # refused WHAT URL CAFILE
  if dump "$2" "$3" && grep -q "lynx through Coda $$" "$WORK/out"; then
    fail "lynx $1: the page was shown"
  # In -dump mode lynx answers its certificate question itself (no) and
  # says only that it cannot show the page; the same server just served it.
  elif grep -q 'Making HTTPS connection' "$WORK/out" && grep -q "Can't access startfile" "$WORK/out"; then
    ok "lynx $1 refused: $(grep -m1 "Can't access" "$WORK/out")"
  else
    fail "lynx $1 failed for another reason: $(cat "$WORK/out")"
  fi
}
for tls in 1.3 1.2; do
  py_server "py$tls" http "$tls" --dir "$WORK/www"
  if dump "https://localhost:$PORT/index.html" "$PKI/ca.pem" && grep -q "lynx through Coda $$" "$WORK/out"; then
    ok "lynx -dump from Python ssl, TLS $tls"
  else
    fail "lynx -dump from Python ssl, TLS $tls: $(cat "$WORK/out")"
  fi
  refused "a wrong host name (TLS $tls)" "https://127.0.0.1:$PORT/index.html" "$PKI/ca.pem"
  refused "an untrusted issuer (TLS $tls)" "https://localhost:$PORT/index.html" "$PKI/rogue-ca.pem"
done
coda_serv serv --httpdata "$WORK/www/index.html"
if dump "https://localhost:$PORT/" "$PKI/ca.pem" && grep -q "lynx through Coda $$" "$WORK/out"; then
  ok "lynx -dump from coda-serv"
else
  fail "lynx -dump from coda-serv: $(cat "$WORK/out")"
fi
finish
