#!/usr/bin/env bash
# A real client against coda-serv --echo, for every suite x group with one
# kind of server certificate, in one protocol version.
# Usage: serv_matrix.sh openssl|gnutls ecdsa256|ecdsa384|rsa2048|ed25519 [tls13|tls12]
#
# One coda-serv, with its default priority (TLS 1.3 and 1.2), serves every
# case; the client allows only the version under test and restricts itself
# to one suite and one group, sends a line, waits for the echo and closes
# (both send close_notify at the end of their standard input). In TLS 1.2
# the client also offers the curve of an ECDSA certificate, after the group
# under test (RFC 8422 5.1.1; see cert_curve in lib.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage="usage: serv_matrix.sh openssl|gnutls CERT_KIND [tls13|tls12]"
peer="${1:?$usage}"
kind="${2:?$usage}"
version="${3:-tls13}"
case "$peer" in
  openssl) require_tool openssl ;;
  gnutls) require_tool gnutls-cli ;;
  *) log "unknown peer $peer"; exit 2 ;;
esac
# What s_client prints as "Signature type:" for this key (a prefix).
case "$kind" in
  ecdsa256 | ecdsa384) sigtype=ECDSA ;;
  rsa2048) sigtype=RSA ;;
  ed25519) sigtype=ed25519 ;;
  *) log "unknown certificate kind $kind"; exit 2 ;;
esac
version_info "$version" || exit 2
require_tool "$CODA_BIN/coda-serv"
ensure_pki
suites_for "$version" "$kind"
cert_curve "$version" "$kind"
tag=serv
[[ "$version" == tls13 ]] || tag=serv12

start_server serv "listening on" "$CODA_BIN/coda-serv" --port @PORT@ \
  --x509certfile "$PKI/$kind.pem" --x509keyfile "$PKI/$kind.key" --echo ||
  { log "FAIL: coda-serv did not start"; exit 1; }
srv_err="$SERVER_ERR"
srv_pid="$SERVER_PID"
connections=0

for suite in "${CASE_SUITES[@]}"; do
  for group in "${GROUPS_[@]}"; do
    CASES=$((CASES + 1))
    name="$tag-$peer-$kind-$suite-$group"
    line="coda interop $RANDOM$RANDOM $suite $group"
    make_priority "$suite" "$group" "$CERT_CURVE"  # also sets SUITE_* and GROUP_*
    if ! kill -0 "$srv_pid" 2>/dev/null; then
      fail_case "$name" "coda-serv is gone" "$srv_err"
      continue
    fi
    log_mark "$srv_err"
    mark="$MARK"
    if [[ "$peer" == openssl ]]; then
      groups="$GROUP_OPENSSL"
      if [[ -n "$CERT_CURVE" && "$CERT_CURVE" != "$group" ]]; then
        groups+=":$CERT_CURVE"  # openssl -groups takes P-256, P-384 as lib.sh names them
      fi
      if [[ "$version" == tls13 ]]; then
        suite_opt=(-tls1_3 -ciphersuites "$SUITE_OPENSSL")
      else
        suite_opt=(-tls1_2 -cipher "$SUITE_OPENSSL")
      fi
      converse "$name" "$line" "$line" openssl s_client -brief -connect "127.0.0.1:$SERVER_PORT" \
        -servername localhost -CAfile "$PKI/ca.pem" -verify_return_error -verify_hostname localhost \
        "${suite_opt[@]}" -groups "$groups"
    else
      converse "$name" "$line" "$line" gnutls-cli --port "$SERVER_PORT" \
        --x509cafile "$PKI/ca.pem" --priority "$PRIORITY" localhost
    fi
    out="$WORK/$name.out"
    err="$WORK/$name.err"

    problems=()
    ((CONVERSE_RC == 0)) || problems+=("$peer client exited with $CONVERSE_RC")
    has_text "$line" "$out" || problems+=("the echo is not in the client's output")
    if [[ "$peer" == openssl ]]; then
      read_file "$err"
      [[ "$FILE_TEXT" == *"Protocol version: $VERSION_OPENSSL"* ]] ||
        problems+=("s_client did not negotiate $VERSION_OPENSSL")
      [[ "$FILE_TEXT" == *"Ciphersuite: $SUITE_OPENSSL"* ]] ||
        problems+=("s_client did not negotiate $SUITE_OPENSSL")
      line_with "$FILE_TEXT" "Server Temp Key:" && [[ "$LINE" == *"$GROUP_OPENSSL_TEMP"* ]] ||
        problems+=("s_client did not negotiate $group")
      [[ "$FILE_TEXT" == *"Signature type: $sigtype"* ]] ||
        problems+=("s_client did not see a $sigtype signature")
      [[ "$FILE_TEXT" == *"Verification: OK"* ]] || problems+=("s_client did not verify the server")
    else
      # "- Description: (TLS1.2-X.509)-(ECDHE-X25519)-(ECDSA-SHA256)-(AES-128-GCM)"
      read_file "$out"
      [[ "$FILE_TEXT" == *"($VERSION_GNUTLS-X.509)"* ]] ||
        problems+=("gnutls-cli did not negotiate $VERSION_GNUTLS")
      [[ "$FILE_TEXT" == *"($SUITE_CIPHER)"* ]] || problems+=("gnutls-cli did not negotiate $SUITE_CIPHER")
      [[ "$FILE_TEXT" == *"(ECDHE-$GROUP_GNUTLS_KX)"* ]] || problems+=("gnutls-cli did not negotiate $group")
    fi
    if [[ "$CODA_SHIM" != 1 ]]; then
      # coda-serv logs one line per connection once it is over, "connection
      # N from ADDR: TLS1.2 SUITE GROUP sni=..., ...; clean: ...": it must
      # name what was negotiated and say the client closed with close_notify.
      connections=$((connections + 1))
      if wait_for_count "$srv_err" "connection $connections from" 1 "$WAIT_S" "$srv_pid"; then
        read_file "$srv_err"
        line_with "$FILE_TEXT" "connection $connections from" || true
        [[ "$LINE" == *"clean"* ]] || problems+=("coda-serv did not log a clean end")
        [[ "$LINE" == *": $VERSION_CODA $suite $GROUP_CODA"* ]] ||
          problems+=("coda-serv did not log '$VERSION_CODA $suite $GROUP_CODA'")
      else
        problems+=("coda-serv logged no line for connection $connections")
      fi
    fi
    log_since "$srv_err" "$mark" "$WORK/$name.srv.err"

    if ((${#problems[@]} == 0)); then
      pass_case "$name"
    else
      fail_case "$name" "$(IFS=';'; echo "${problems[*]}")" "$out" "$err" "$WORK/$name.srv.err"
    fi
  done
done
finish
