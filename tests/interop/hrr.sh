#!/usr/bin/env bash
# HelloRetryRequest across implementations, both ways:
#   coda-cli (key share for its first group) against openssl s_server that
#   accepts only P-384: the server asks again and the session completes;
#   openssl s_client (key share for P-256) against coda-serv that takes only
#   x25519: coda-serv asks again and the session completes.
# Usage: hrr.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_tool openssl
require_tool "$CODA_BIN/coda-cli"
require_tool "$CODA_BIN/coda-serv"
ensure_pki

CASES=$((CASES + 1))
name="hrr-coda-client"
if start_server "$name.srv" ACCEPT openssl s_server -accept "127.0.0.1:@PORT@" -tls1_3 \
  -groups P-384 -cert "$PKI/ecdsa256.pem" -key "$PKI/ecdsa256.key" -rev -naccept 1; then
  converse "$name" "hello retry" "yrter olleh" "$CODA_BIN/coda-cli" --port "$SERVER_PORT" \
    --x509cafile "$PKI/ca.pem" localhost
  if [[ "$CONVERSE_RC" != 0 ]]; then
    fail_case "$name" "coda-cli exited $CONVERSE_RC" "$WORK/$name.err"
  elif ! has_text "after HelloRetryRequest" "$WORK/$name.err"; then
    fail_case "$name" "no HelloRetryRequest in coda-cli's summary" "$WORK/$name.err"
  elif ! has_text "secp384r1" "$WORK/$name.err"; then
    fail_case "$name" "group is not secp384r1" "$WORK/$name.err"
  else
    pass_case "$name"
  fi
  stop_pid "$SERVER_PID"
else
  fail_case "$name" "server did not start"
fi

CASES=$((CASES + 1))
name="hrr-coda-server"
if start_server "$name.srv" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo \
  --priority "NORMAL:-GROUP-ALL:+GROUP-X25519" \
  --x509certfile "$PKI/ecdsa256.pem" --x509keyfile "$PKI/ecdsa256.key"; then
  converse "$name" "hello retry" "hello retry" openssl s_client -connect "127.0.0.1:$SERVER_PORT" \
    -tls1_3 -groups P-256:X25519 -CAfile "$PKI/ca.pem" -servername localhost -brief
  if ! has_text "hello retry" "$WORK/$name.out"; then
    fail_case "$name" "no echo" "$WORK/$name.out" "$WORK/$name.err" "$SERVER_ERR"
  elif ! wait_for_text "$SERVER_ERR" "(HRR)" "$WAIT_S"; then
    fail_case "$name" "coda-serv did not log a HelloRetryRequest" "$SERVER_ERR"
  else
    pass_case "$name"
  fi
  stop_pid "$SERVER_PID"
else
  fail_case "$name" "server did not start"
fi

finish
