#!/usr/bin/env bash
# Client certificates both ways, in one protocol version, against one peer.
# Usage: client_auth.sh openssl|gnutls [tls12|tls13]
#
# coda-cli --x509certfile/--x509keyfile against a server that requires a
# certificate (openssl s_server -Verify 1, gnutls-serv --require-client-cert
# --verify-client-cert), and coda-serv --require-client-cert against a client
# that sends one (openssl s_client -cert, gnutls-cli --x509certfile):
#   cli-KIND, serv-KIND    an ECDSA, RSA or Ed25519 client certificate is sent,
#                          verified and its CertificateVerify accepted
#   cli-pkcs1, serv-pkcs1  (TLS 1.2) an RSA client signing with PKCS#1 v1.5
#                          (rsa_pkcs1_sha256), which TLS 1.3 forbids
#   cli-nocert             coda-cli without a certificate is refused: the peer's
#                          alert is named and the exit status is non-zero
#   serv-nocert            coda-serv refuses a client without one: in TLS 1.2
#                          with decode_error (as gnutls-serv does), in 1.3 with
#                          certificate_required
#   serv-untrusted         a client certificate from an unknown CA: unknown_ca
#   serv-expired           (openssl) an expired client certificate:
#                          certificate_expired
# In TLS 1.2 s_client also shows the CA coda-serv lists in its
# CertificateRequest (certificate_authorities).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage="usage: client_auth.sh openssl|gnutls [tls12|tls13]"
peer="${1:?$usage}"
version="${2:-tls12}"
case "$peer" in
  openssl) require_tool openssl ;;
  gnutls) require_tool gnutls-serv gnutls-cli ;;
  *) log "unknown peer $peer"; exit 2 ;;
esac
version_info "$version" || exit 2
require_tool "$CODA_BIN/coda-cli" "$CODA_BIN/coda-serv"
ensure_pki

tag="auth${version#tls}-$peer"
ONLY="NORMAL:-VERS-ALL:+VERS-$VERSION_GNUTLS"
# A priority that leaves an RSA key rsa_pkcs1_sha256 as its only scheme
# (ECDSA-SHA256 stays for the ECDSA server certificate).
PKCS1="$ONLY:-SIGN-ALL:+SIGN-RSA-SHA256:+SIGN-ECDSA-SHA256"
server_cert=(--x509certfile "$PKI/ecdsa256.pem" --x509keyfile "$PKI/ecdsa256.key")
KINDS=(ecdsa256 rsa2048 ed25519)

# The scheme family coda's summary or log names for a client key.
scheme_for() {  # scheme_for KIND: sets SCHEME
  case "$1" in
    ecdsa*) SCHEME=ecdsa_ ;;
    # TLS 1.2 allows PKCS#1 v1.5 too; which one depends on the peer's order.
    rsa*) if [[ "$version" == tls12 ]]; then SCHEME=rsa_; else SCHEME=rsa_pss_rsae_; fi ;;
    ed25519) SCHEME=ed25519 ;;
  esac
}

report() {  # report NAME FILES...: passes or fails the case from `problems`
  local name="$1"
  shift
  if ((${#problems[@]} == 0)); then
    pass_case "$name"
  else
    fail_case "$name" "$(IFS=';'; echo "${problems[*]}")" "$@"
  fi
}

# ---- coda-cli against a server that requires a certificate ----

# Starts the peer server for one client case (openssl: one connection;
# gnutls-serv: kept for all cases, started once).
peer_server() {  # peer_server NAME [EXTRA S_SERVER ARGS...]
  local name="$1"
  shift
  if [[ "$peer" == openssl ]]; then
    start_server "$name.srv" ACCEPT openssl s_server -accept "127.0.0.1:@PORT@" \
      "-tls1_${version#tls1}" -Verify 1 -CAfile "$PKI/ca.pem" -cert "$PKI/ecdsa256.pem" \
      -key "$PKI/ecdsa256.key" -rev -naccept 1 "$@"
  elif [[ -z "${GNUTLS_SERV_PID:-}" ]]; then
    start_server "$tag-gnutls-serv" "listening on IPv4" gnutls-serv --port @PORT@ --echo \
      "${server_cert[@]}" --x509cafile "$PKI/ca.pem" --require-client-cert --verify-client-cert \
      --priority "$ONLY" || return 1
    GNUTLS_SERV_PID="$SERVER_PID" GNUTLS_SERV_PORT="$SERVER_PORT" GNUTLS_SERV_OUT="$SERVER_OUT"
  else
    SERVER_PID="$GNUTLS_SERV_PID" SERVER_PORT="$GNUTLS_SERV_PORT" SERVER_OUT="$GNUTLS_SERV_OUT"
  fi
}

# coda-cli with a client certificate of KIND; the server must see it.
cli_case() {  # cli_case NAME KIND SCHEME [CODA PRIORITY]
  local name="$tag-$1" kind="$2" scheme="$3" priority="${4:-$ONLY}" line expect
  CASES=$((CASES + 1))
  problems=()
  peer_server "$name" || { fail_case "$name" "the server did not start"; return; }
  local srv_out="$SERVER_OUT" srv_pid="$SERVER_PID"
  log_mark "$srv_out"
  local mark="$MARK"
  line="coda client auth $RANDOM$RANDOM $kind"
  expect="$line"
  if [[ "$peer" == openssl ]]; then
    reverse_text "$line"
    expect="$REVERSED"
  fi
  converse "$name" "$line" "$expect" "$CODA_BIN/coda-cli" --port "$SERVER_PORT" \
    --x509cafile "$PKI/ca.pem" --priority "$priority" \
    --x509certfile "$PKI/$kind.pem" --x509keyfile "$PKI/$kind.key" localhost
  local out="$WORK/$name.out" err="$WORK/$name.err" srv_log="$WORK/$name.peer.log"
  ((CONVERSE_RC == 0)) || problems+=("coda-cli exited with $CONVERSE_RC")
  has_text "$expect" "$out" || problems+=("no reply from the server")
  if [[ "$CODA_SHIM" != 1 ]]; then
    for want in "version: $VERSION_CODA" "client certificate: sent, signed with $scheme"; do
      has_text "$want" "$err" || problems+=("coda-cli summary lacks '$want'")
    done
  fi
  if [[ "$peer" == openssl ]]; then
    wait_pid "$srv_pid" "$WAIT_S"
    cat "$srv_out" "$SERVER_ERR" >"$srv_log" 2>/dev/null || true
    for want in "Protocol version: $VERSION_OPENSSL" "Peer certificate: O = Coda Tests, CN = localhost" \
      "Verification: OK"; do
      has_text "$want" "$srv_log" || problems+=("s_server did not report '$want'")
    done
  else
    log_since "$srv_out" "$mark" "$srv_log"
    for want in "($VERSION_GNUTLS-X.509)" "The certificate is trusted" \
      "Got a certificate list of 1 certificates"; do
      has_text "$want" "$srv_log" || problems+=("gnutls-serv did not report '$want'")
    done
  fi
  report "$name" "$out" "$err" "$srv_log"
}

# coda-cli without a certificate: refused with the peer's alert.
cli_nocert_case() {
  local name="$tag-cli-nocert" alert
  CASES=$((CASES + 1))
  problems=()
  case "$version:$peer" in
    tls13:*) alert=certificate_required ;;
    tls12:openssl) alert=handshake_failure ;;
    tls12:gnutls) alert=decode_error ;;
  esac
  peer_server "$name" || { fail_case "$name" "the server did not start"; return; }
  # In TLS 1.3 the refusal comes after coda-cli's handshake is over: its
  # standard input stays open and silent, so it reads the alert rather than
  # write to a socket the server has closed.
  local fifo="$WORK/$name.in" fd pid
  mkfifo "$fifo"
  timeout -k 2 "$CLIENT_LIFETIME" "$CODA_BIN/coda-cli" --port "$SERVER_PORT" \
    --x509cafile "$PKI/ca.pem" --priority "$ONLY" localhost <"$fifo" >"$WORK/$name.out" \
    2>"$WORK/$name.err" &
  pid=$!
  BG_PIDS+=("$pid")
  exec {fd}>"$fifo"
  wait_pid "$pid" "$WAIT_S"
  exec {fd}>&-
  ((WAIT_RC != 0 && WAIT_RC != 124)) || problems+=("coda-cli exited with $WAIT_RC")
  if [[ "$CODA_SHIM" != 1 ]]; then
    has_text "fatal alert $alert" "$WORK/$name.err" ||
      problems+=("coda-cli does not name the alert $alert")
  fi
  [[ "$peer" != openssl ]] || stop_pid "$SERVER_PID"
  report "$name" "$WORK/$name.out" "$WORK/$name.err"
}

# ---- coda-serv --require-client-cert against a client ----

# The peer client's command line for the coda-serv cases, with a client
# certificate of KIND ("" for none), the priority gnutls-cli gets, and extra
# arguments.
peer_client() {  # peer_client KIND PRIORITY [EXTRA ARGS...]: sets CLIENT
  local kind="$1" priority="$2"
  shift 2
  if [[ "$peer" == openssl ]]; then
    CLIENT=(openssl s_client -connect "127.0.0.1:$CODA_PORT" "-tls1_${version#tls1}"
      -CAfile "$PKI/ca.pem" -verify_return_error -servername localhost)
    [[ -z "$kind" ]] || CLIENT+=(-cert "$PKI/$kind.pem" -key "$PKI/$kind.key")
    CLIENT+=("$@")
  else
    CLIENT=(gnutls-cli --port "$CODA_PORT" --x509cafile "$PKI/ca.pem" --priority "$priority")
    [[ -z "$kind" ]] || CLIENT+=(--x509certfile "$PKI/$kind.pem" --x509keyfile "$PKI/$kind.key")
    CLIENT+=("$@" localhost)
  fi
}

# coda-serv's line for the next connection (it logs one per connection once
# the connection is over): sets LINE, "" if it never came.
next_serv_line() {
  connections=$((connections + 1))
  LINE=""
  if wait_for_count "$CODA_ERR" "connection $connections from" 1 "$WAIT_S" "$CODA_PID"; then
    read_file "$CODA_ERR"
    line_with "$FILE_TEXT" "connection $connections from" || true
  fi
}

serv_case() {  # serv_case NAME KIND SCHEME [EXTRA CLIENT ARGS...]
  local name="$tag-$1" kind="$2" scheme="$3" line
  shift 3
  CASES=$((CASES + 1))
  problems=()
  peer_client "$kind" "${GNUTLS_CLIENT_PRIORITY:-$ONLY}" "$@"
  line="coda serv auth $RANDOM$RANDOM $kind"
  converse "$name" "$line" "$line" "${CLIENT[@]}"
  local out="$WORK/$name.out" err="$WORK/$name.err"
  has_text "$line" "$out" || problems+=("no echo from coda-serv")
  [[ "$peer" != gnutls ]] || has_text "Successfully sent 1 certificate(s)" "$out" "$err" ||
    problems+=("gnutls-cli did not send its certificate")
  if [[ "$peer" == openssl && "$version" == tls12 ]]; then
    has_text $'Acceptable client certificate CA names\nO = Coda Tests, CN = Coda Test CA\n' "$out" ||
      problems+=("s_client does not show the CA coda-serv lists")
  fi
  if [[ "$CODA_SHIM" != 1 ]]; then
    next_serv_line
    [[ "$LINE" == *": $VERSION_CODA "* ]] || problems+=("coda-serv did not log $VERSION_CODA")
    [[ "$LINE" == *'client-cert="CN=localhost,O=Coda Tests" client-signature='"$scheme"* ]] ||
      problems+=("coda-serv did not log the client certificate signed with $scheme")
  fi
  report "$name" "$out" "$err" "$CODA_ERR"
}

# A client coda-serv must refuse: the client names ALERT (as openssl
# s_client or gnutls-cli print it), coda-serv logs WHY.
serv_refusal_case() {  # serv_refusal_case NAME KIND CLIENT_ALERT WHY
  local name="$tag-$1" kind="$2" alert="$3" why="$4"
  CASES=$((CASES + 1))
  problems=()
  peer_client "$kind" "$ONLY"
  converse "$name" "refused $RANDOM" "never echoed" "${CLIENT[@]}"
  local out="$WORK/$name.out" err="$WORK/$name.err"
  has_text "$alert" "$out" "$err" || problems+=("the client does not report '$alert'")
  [[ "$peer" != gnutls || -n "$kind" ]] || has_text "Successfully sent 0 certificate(s)" "$out" "$err" ||
    problems+=("gnutls-cli sent a certificate")
  if [[ "$CODA_SHIM" != 1 ]]; then
    next_serv_line
    [[ "$LINE" == *"handshake failed: $why"* ]] || problems+=("coda-serv did not log '$why'")
  fi
  report "$name" "$out" "$err" "$CODA_ERR"
}

for kind in "${KINDS[@]}"; do
  scheme_for "$kind"
  cli_case "cli-$kind" "$kind" "$SCHEME"
done
if [[ "$version" == tls12 ]]; then
  # RFC 5246 7.4.1.4.1: PKCS#1 v1.5 signatures are TLS 1.2's own.
  cli_case cli-pkcs1 rsa2048 rsa_pkcs1_sha256 "$PKCS1"
fi
cli_nocert_case

# One coda-serv for the client cases, started only now so that its lifetime
# (PEER_LIFETIME) is spent on them.
start_server "$tag-coda-serv" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo \
  "${server_cert[@]}" --x509cafile "$PKI/ca.pem" --require-client-cert --priority "$ONLY" ||
  { log "FAIL: coda-serv did not start"; exit 1; }
CODA_PORT="$SERVER_PORT" CODA_PID="$SERVER_PID" CODA_ERR="$SERVER_ERR"
connections=0

for kind in "${KINDS[@]}"; do
  scheme_for "$kind"
  serv_case "serv-$kind" "$kind" "$SCHEME"
done
if [[ "$version" == tls12 ]]; then
  if [[ "$peer" == openssl ]]; then
    serv_case serv-pkcs1 rsa2048 rsa_pkcs1_sha256 -client_sigalgs RSA+SHA256
  else
    GNUTLS_CLIENT_PRIORITY="$PKCS1" serv_case serv-pkcs1 rsa2048 rsa_pkcs1_sha256
  fi
fi

if [[ "$peer" == openssl ]]; then
  if [[ "$version" == tls12 ]]; then
    serv_refusal_case serv-nocert "" "alert decode error" "no client certificate"
  else
    serv_refusal_case serv-nocert "" "alert certificate required" "no client certificate"
  fi
  serv_refusal_case serv-untrusted untrusted "alert unknown ca" "certificate verification failed"
  serv_refusal_case serv-expired expired "alert certificate expired" \
    "certificate verification failed"
else
  if [[ "$version" == tls12 ]]; then
    serv_refusal_case serv-nocert "" "Received alert [50]" "no client certificate"
  else
    serv_refusal_case serv-nocert "" "Received alert [116]" "no client certificate"
  fi
  # gnutls-cli sends its certificate whatever CAs the server lists.
  serv_refusal_case serv-untrusted untrusted "Received alert [48]" "certificate verification failed"
fi
finish
