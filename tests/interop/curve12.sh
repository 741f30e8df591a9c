#!/usr/bin/env bash
# TLS 1.2, RFC 8422 5.1.1: a server must not use an ECDSA certificate whose
# curve is not in the client's supported_groups. Against coda-serv:
#   serv-refuses-unoffered-curve  only a P-384 certificate, the client offers
#                                 x25519 and P-256: refused (handshake_failure)
#   serv-picks-offered-curve      P-384 and P-256 certificates (in that order),
#                                 the client offers x25519 and P-256: the P-256
#                                 certificate is used
# Usage: curve12.sh openssl|gnutls
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

peer="${1:?usage: curve12.sh openssl|gnutls}"
case "$peer" in
  openssl) require_tool openssl ;;
  gnutls) require_tool gnutls-cli ;;
  *) log "unknown peer $peer"; exit 2 ;;
esac
require_tool "$CODA_BIN/coda-serv"
ensure_pki

# curve_case NAME EXPECT_OK CERT_KIND...
curve_case() {
  local name="curve12-$peer-$1" expect_ok="$2" k args=() problems=()
  shift 2
  for k in "$@"; do
    args+=(--x509certfile "$PKI/$k.pem" --x509keyfile "$PKI/$k.key")
  done
  CASES=$((CASES + 1))
  if ! start_server "$name.srv" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ "${args[@]}" --echo; then
    fail_case "$name" "coda-serv did not start"
    return
  fi
  local srv_pid="$SERVER_PID" srv_err="$SERVER_ERR" line="coda interop $RANDOM$RANDOM"
  if [[ "$peer" == openssl ]]; then
    converse "$name" "$line" "$line" openssl s_client -brief -connect "127.0.0.1:$SERVER_PORT" \
      -servername localhost -CAfile "$PKI/ca.pem" -verify_return_error -verify_hostname localhost \
      -tls1_2 -groups X25519:P-256
  else
    converse "$name" "$line" "$line" gnutls-cli --port "$SERVER_PORT" --x509cafile "$PKI/ca.pem" \
      --priority "$PRIORITY_TLS12_ONLY:-GROUP-ALL:+GROUP-X25519:+GROUP-SECP256R1" localhost
  fi
  local out="$WORK/$name.out" err="$WORK/$name.err" text
  read_file "$out"
  text="$FILE_TEXT"
  read_file "$err"
  text+="$FILE_TEXT"
  wait_for_text "$srv_err" "connection 1 from" "$WAIT_S" "$srv_pid" || true
  stop_pid "$srv_pid"
  read_file "$srv_err"
  local srv_text="$FILE_TEXT"
  if [[ "$expect_ok" == yes ]]; then
    ((CONVERSE_RC == 0)) || problems+=("$peer client exited with $CONVERSE_RC")
    has_text "$line" "$out" || problems+=("the echo is not in the client's output")
    if [[ "$peer" == openssl ]]; then
      [[ "$text" != *"wrong curve"* ]] || problems+=("s_client: wrong curve (coda-serv used the P-384 certificate)")
    else
      [[ "$text" == *"EC/ECDSA key 256 bits"* ]] || problems+=("gnutls-cli did not get the P-256 certificate")
    fi
  else
    ((CONVERSE_RC != 0)) || problems+=("$peer client exited 0")
    ((CONVERSE_RC != 124)) || problems+=("$peer client had to be killed")
    [[ "$srv_text" == *"handshake failed"*"(sent alert handshake_failure)"* ]] ||
      problems+=("coda-serv did not refuse with handshake_failure")
    [[ "$text" != *"wrong curve"* ]] || problems+=("s_client: wrong curve (coda-serv used the P-384 certificate)")
  fi
  if ((${#problems[@]} == 0)); then
    pass_case "$name"
  else
    fail_case "$name" "$(IFS=';'; echo "${problems[*]}")" "$out" "$err" "$srv_err"
  fi
}

curve_case serv-refuses-unoffered-curve no ecdsa384
curve_case serv-picks-offered-curve yes ecdsa384 ecdsa256
finish
