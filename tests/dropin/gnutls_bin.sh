#!/usr/bin/env bash
# gnutls-bin's own tools on Coda's libgnutls.so.30: gnutls-cli exchanging
# data with Python's ssl echo server (TLS 1.3, 1.2) and with coda-serv, and
# refusing a wrong host name and an untrusted issuer; gnutls-serv --echo
# answering openssl s_client (TLS 1.3, 1.2), which verifies it.
source "$(dirname "$0")/lib.sh"
need gnutls-cli gnutls-serv openssl
shows_coda "$(command -v gnutls-cli)" "$(command -v gnutls-serv)"

cli() {  # cli HOST PORT CAFILE LINE [OPTIONS...]
  local host="$1" port="$2" ca="$3" line="$4"
  shift 4
  (echo "$line"; sleep 1) | coda gnutls-cli --x509cafile "$ca" -p "$port" "$@" "$host" \
    >"$WORK/out" 2>&1
}
for tls in 1.3 1.2; do
  py_server "echo$tls" echo "$tls"
  line="gnutls-cli through Coda $$ $tls"
  if cli localhost "$PORT" "$PKI/ca.pem" "$line" && grep -qx "$line" "$WORK/out" &&
    grep -q "Handshake was completed" "$WORK/out"; then
    ok "gnutls-cli echo with Python ssl, TLS $tls ($(grep -m1 'Description' "$WORK/out" | sed 's/^- //'))"
  else
    fail "gnutls-cli echo with Python ssl, TLS $tls: $(cat "$WORK/out")"
  fi
  for bad in "wrong-host 127.0.0.1 $PKI/ca.pem" "untrusted localhost $PKI/rogue-ca.pem"; do
    set -- $bad
    if cli "$2" "$PORT" "$3" "should not pass"; then
      fail "gnutls-cli $1 (TLS $tls): accepted"
    elif grep -q "should not pass" "$WORK/out"; then
      fail "gnutls-cli $1 (TLS $tls): data went through"
    elif grep -q "verification of server certificate failed\|certificate is NOT trusted" "$WORK/out"; then
      ok "gnutls-cli $1 (TLS $tls) refused: $(grep -m1 'NOT trusted' "$WORK/out" | sed 's/^- //')"
    else
      fail "gnutls-cli $1 (TLS $tls) failed for another reason: $(cat "$WORK/out")"
    fi
  done
done
coda_serv serv --echo
if cli localhost "$PORT" "$PKI/ca.pem" "to coda-serv $$" && grep -qx "to coda-serv $$" "$WORK/out"; then
  ok "gnutls-cli echo with coda-serv"
else
  fail "gnutls-cli echo with coda-serv: $(cat "$WORK/out")"
fi

for tls in 1.3 1.2; do
  free_port
  timeout -k 2 60 env LD_LIBRARY_PATH="$LIBDIR" gnutls-serv --echo -p "$PORT" \
    --x509certfile "$PKI/server.pem" --x509keyfile "$PKI/server.key" >"$WORK/serv$tls.log" 2>&1 &
  SERVERS+=($!)
  for i in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
    sleep 0.05
  done
  line="s_client to gnutls-serv $$ $tls"
  (echo "$line"; sleep 1) | timeout -k 2 20 openssl s_client -connect "127.0.0.1:$PORT" \
    "-tls${tls/./_}" -CAfile "$PKI/ca.pem" -verify_hostname localhost -verify_return_error \
    -quiet -no_ign_eof >"$WORK/out" 2>&1
  if grep -qx "$line" "$WORK/out"; then
    ok "gnutls-serv --echo answers openssl s_client, TLS $tls"
  else
    fail "gnutls-serv --echo with openssl s_client, TLS $tls: $(cat "$WORK/out") / server: $(cat "$WORK/serv$tls.log")"
  fi
done
finish
