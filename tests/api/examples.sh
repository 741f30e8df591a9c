#!/usr/bin/env bash
# The GnuTLS-shaped example programs on Coda, against each other and against
# the gnutls and openssl command-line tools over loopback.
#
# usage: examples.sh CASE KIND
#   CASE  pair            example_client <-> example_server (both on Coda)
#         gnutls-serv     example_client against gnutls-serv --echo
#         openssl-www     example_client against openssl s_server -WWW (GET a file)
#         openssl-rev     example_client against openssl s_server -rev (echo reversed)
#         gnutls-cli      gnutls-cli against example_server
#         openssl-cli     openssl s_client against example_server
#   KIND  ecdsa | rsa     the server's key
# Environment: API_BIN (directory of example_client/example_server),
#              API_CERTS (directory made by make_certs.sh).
# Every process runs under `timeout`; the EXIT trap (tests/interop/lib.sh)
# kills every peer still running.
set -euo pipefail

api_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
API_BIN="${API_BIN:?set API_BIN to the directory holding example_client}"
API_CERTS="${API_CERTS:?set API_CERTS to the certificate directory}"
# lib.sh wants CODA_BIN; our programs live in the same bin/ directory.
export CODA_BIN="${CODA_BIN:-$API_BIN}"
# shellcheck source=../interop/lib.sh
source "$api_dir/../interop/lib.sh"

case_name="${1:?usage: examples.sh CASE KIND}"
kind="${2:?usage: examples.sh CASE KIND}"
case "$kind" in ecdsa | rsa) ;; *) log "unknown kind $kind"; exit 2 ;; esac

"$api_dir/make_certs.sh" "$API_CERTS"
ca="$API_CERTS/ca.pem"
cert="$API_CERTS/$kind.pem"
key="$API_CERTS/$kind.key"
client="$API_BIN/example_client"
server="$API_BIN/example_server"
require_tool "$client" "$server"

token="coda-api-$RANDOM$RANDOM"
CASES=1

# Runs example_client NAME ARGS... with empty stdin; leaves RUN_RC and the
# files $WORK/NAME.{out,err}.
run_example_client() {
  run_client "$@"
}

check_client_ok() {  # check_client_ok NAME EXPECT [SERVER_FILES...]
  local name="$1" expect="$2"
  shift 2
  local out="$WORK/$name.out" err="$WORK/$name.err"
  if ((RUN_RC != 0)); then
    fail_case "$name" "example_client exited with $RUN_RC" "$out" "$err" "$@"
  elif ! grep -qF -- "- Session info: (TLS1.3)" "$out"; then
    fail_case "$name" "no TLS 1.3 session info from example_client" "$out" "$err" "$@"
  elif ! grep -qF -- "$expect" "$out"; then
    fail_case "$name" "example_client did not receive '$expect'" "$out" "$err" "$@"
  else
    pass_case "$name"
  fi
}

case "$case_name" in
  pair)
    start_server srv "listening on port" "$server" -p @PORT@ -n 1 "$cert" "$key" ||
      { log "FAIL: example_server did not start"; exit 1; }
    run_example_client pair "$client" -e -m "$token\\n" 127.0.0.1 "$SERVER_PORT" "$ca"
    wait_pid "$SERVER_PID" 10
    if ((WAIT_RC != 0)); then
      fail_case pair "example_server exited with $WAIT_RC" "$SERVER_OUT" "$SERVER_ERR" \
        "$WORK/pair.out" "$WORK/pair.err"
    elif ! grep -qF -- "received $((${#token} + 1)) bytes: $token" "$SERVER_OUT"; then
      fail_case pair "example_server did not log the request" "$SERVER_OUT" "$SERVER_ERR"
    else
      check_client_ok pair "$token" "$SERVER_OUT" "$SERVER_ERR"
    fi
    ;;
  gnutls-serv)
    require_tool gnutls-serv
    start_server srv "listening on IPv4" gnutls-serv --port @PORT@ --echo \
      --x509certfile "$cert" --x509keyfile "$key" ||
      { log "FAIL: gnutls-serv did not start"; exit 1; }
    run_example_client gnutls-serv "$client" -e -m "$token\\n" 127.0.0.1 "$SERVER_PORT" "$ca"
    check_client_ok gnutls-serv "$token" "$SERVER_OUT" "$SERVER_ERR"
    ;;
  openssl-www)
    require_tool openssl
    mkdir -p "$WORK/www"
    printf 'file body %s\n' "$token" >"$WORK/www/hello.txt"
    # -WWW serves files relative to its working directory.
    cd "$WORK/www"
    start_server srv ACCEPT openssl s_server -accept "127.0.0.1:@PORT@" \
      -cert "$cert" -key "$key" -WWW ||
      { log "FAIL: s_server did not start"; exit 1; }
    port="$SERVER_PORT"
    run_example_client openssl-www "$client" -m "GET /hello.txt HTTP/1.0\\r\\n\\r\\n" \
      127.0.0.1 "$port" "$ca"
    if ((RUN_RC == 0)) && ! grep -qF -- "- Peer has closed the TLS connection" "$WORK/openssl-www.out"; then
      fail_case openssl-www "the client did not see the server's close" "$WORK/openssl-www.out" \
        "$WORK/openssl-www.err"
    else
      check_client_ok openssl-www "file body $token" "$SERVER_OUT" "$SERVER_ERR"
    fi
    ;;
  openssl-rev)
    require_tool openssl
    start_server srv ACCEPT openssl s_server -accept "127.0.0.1:@PORT@" \
      -cert "$cert" -key "$key" -rev ||
      { log "FAIL: s_server did not start"; exit 1; }
    run_example_client openssl-rev "$client" -e -m "$token\\n" 127.0.0.1 "$SERVER_PORT" "$ca"
    check_client_ok openssl-rev "$(rev <<<"$token")" "$SERVER_OUT" "$SERVER_ERR"
    ;;
  gnutls-cli | openssl-cli)
    name="$case_name"
    start_server srv "listening on port" "$server" -p @PORT@ -n 1 "$cert" "$key" ||
      { log "FAIL: example_server did not start"; exit 1; }
    if [[ "$case_name" == gnutls-cli ]]; then
      require_tool gnutls-cli
      converse "$name" "$token" "$token" gnutls-cli --port "$SERVER_PORT" --x509cafile "$ca" localhost
      verified="Status: The certificate is trusted"
    else
      require_tool openssl
      converse "$name" "$token" "$token" openssl s_client -brief -connect "127.0.0.1:$SERVER_PORT" \
        -servername localhost -CAfile "$ca" -verify_return_error -verify_hostname localhost
      verified="Verification: OK"
    fi
    wait_pid "$SERVER_PID" 10
    out="$WORK/$name.out" err="$WORK/$name.err"
    if ((CONVERSE_RC != 0)); then
      fail_case "$name" "$case_name exited with $CONVERSE_RC" "$out" "$err" "$SERVER_OUT" "$SERVER_ERR"
    elif ! grep -qF -- "$token" "$out"; then
      fail_case "$name" "the echo did not reach $case_name" "$out" "$err" "$SERVER_OUT" "$SERVER_ERR"
    elif ! grep -qF -- "$verified" "$out" "$err"; then
      fail_case "$name" "$case_name did not verify example_server" "$out" "$err"
    elif ((WAIT_RC != 0)); then
      fail_case "$name" "example_server exited with $WAIT_RC" "$SERVER_OUT" "$SERVER_ERR"
    elif ! grep -qF -- "received $((${#token} + 1)) bytes: $token" "$SERVER_OUT"; then
      fail_case "$name" "example_server did not log the data" "$SERVER_OUT" "$SERVER_ERR"
    elif ! grep -qF -- "Handshake was completed: (TLS1.3)" "$SERVER_OUT"; then
      fail_case "$name" "example_server did not report a TLS 1.3 handshake" "$SERVER_OUT"
    else
      pass_case "$name"
    fi
    ;;
  *)
    log "unknown case $case_name"
    exit 2
    ;;
esac
finish
