#!/usr/bin/env bash
# coda-cli against a real server, for every suite x group x closure mode
# with one kind of server certificate, in one protocol version.
# Usage: cli_matrix.sh openssl|gnutls ecdsa256|ecdsa384|rsa2048|ed25519 [tls13|tls12]
#
# The server allows that version only (openssl s_server -tls1_3|-tls1_2,
# gnutls-serv --priority NORMAL:-VERS-ALL:+VERS-TLS1.x); in TLS 1.2 the
# suites are those the certificate fits: ECDHE-ECDSA for ECDSA and Ed25519
# (RFC 8422), ECDHE-RSA for RSA. openssl s_server -rev sends every line back
# reversed; gnutls-serv --echo sends it back as is.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage="usage: cli_matrix.sh openssl|gnutls CERT_KIND [tls13|tls12]"
peer="${1:?$usage}"
kind="${2:?$usage}"
version="${3:-tls13}"
case "$peer" in
  openssl) require_tool openssl ;;
  gnutls) require_tool gnutls-serv ;;
  *) log "unknown peer $peer"; exit 2 ;;
esac
version_info "$version" || exit 2
require_tool "$CODA_BIN/coda-cli"
ensure_pki

# The signature scheme a server with this key must use: in TLS 1.3 exactly
# one fits each key; in TLS 1.2 the server picks by hash among the client's
# schemes for its key type, so only the family is checked.
case "$version:$kind" in
  tls13:ecdsa256) scheme=ecdsa_secp256r1_sha256 ;;
  tls13:ecdsa384) scheme=ecdsa_secp384r1_sha384 ;;
  tls13:rsa2048) scheme=rsa_pss_rsae_ ;;
  tls12:ecdsa256 | tls12:ecdsa384) scheme=ecdsa_ ;;
  tls12:rsa2048) scheme=rsa_ ;;
  *:ed25519) scheme=ed25519 ;;
  *) log "unknown certificate kind $kind"; exit 2 ;;
esac
suites_for "$version" "$kind"
cert_curve "$version" "$kind"
tag=cli
[[ "$version" == tls13 ]] || tag=cli12

# One server for all cases, accepting every suite and group of the version;
# coda-cli picks one of each through --priority, and its summary (and the
# server's log) says what was negotiated. Each case looks only at the server
# log written since it began.
if [[ "$peer" == openssl ]]; then
  start_server srv ACCEPT openssl s_server -accept "127.0.0.1:@PORT@" "-tls1_${version#tls1}" \
    -cert "$PKI/$kind.pem" -key "$PKI/$kind.key" -rev ||
    { log "FAIL: s_server did not start"; exit 1; }
else
  start_server srv "listening on IPv4" gnutls-serv --port @PORT@ --echo \
    --x509certfile "$PKI/$kind.pem" --x509keyfile "$PKI/$kind.key" \
    --priority "NORMAL:-VERS-ALL:+VERS-$VERSION_GNUTLS" ||
    { log "FAIL: gnutls-serv did not start"; exit 1; }
fi
srv_out="$SERVER_OUT"
srv_err="$SERVER_ERR"
srv_pid="$SERVER_PID"
closed=0

for suite in "${CASE_SUITES[@]}"; do
  for group in "${GROUPS_[@]}"; do
    for bye in rdwr wr; do
      CASES=$((CASES + 1))
      name="$tag-$peer-$kind-$suite-$group-$bye"
      line="coda interop $RANDOM$RANDOM $suite $group $bye"
      # The group to test first; in TLS 1.2 the certificate's curve after it
      # (both servers follow the client's order).
      make_priority "$suite" "$group" "$CERT_CURVE"  # also sets SUITE_* and GROUP_*
      if ! kill -0 "$srv_pid" 2>/dev/null; then
        fail_case "$name" "the server is gone" "$srv_out" "$srv_err"
        continue
      fi
      if [[ "$peer" == openssl ]]; then
        reverse_text "$line"
        expect="$REVERSED"
      else
        expect="$line"
      fi
      log_mark "$srv_out"
      mark_out="$MARK"
      log_mark "$srv_err"
      mark_err="$MARK"

      converse "$name" "$line" "$expect" "$CODA_BIN/coda-cli" --port "$SERVER_PORT" \
        --x509cafile "$PKI/ca.pem" --priority "$PRIORITY" --bye "$bye" localhost
      out="$WORK/$name.out"
      err="$WORK/$name.err"

      problems=()
      if [[ "$peer" == openssl ]]; then
        # s_server prints CONNECTION CLOSED when a session ends by
        # close_notify, an error line on a truncation or an alert.
        closed=$((closed + 1))
        if ! wait_for_count "$srv_err" "CONNECTION CLOSED" "$closed" "$WAIT_S" "$srv_pid"; then
          problems+=("s_server did not report CONNECTION CLOSED")
          read_file "$srv_err"
          count_text "$FILE_TEXT" "CONNECTION CLOSED"
          closed="$COUNT"
        fi
      fi
      srv_logs=("$WORK/$name.srv.out" "$WORK/$name.srv.err")
      log_since "$srv_out" "$mark_out" "${srv_logs[0]}"
      log_since "$srv_err" "$mark_err" "${srv_logs[1]}"

      ((CONVERSE_RC == 0)) || problems+=("coda-cli exited with $CONVERSE_RC")
      has_text "$expect" "$out" || problems+=("the server's reply '$expect' is not in coda-cli's output")
      if [[ "$CODA_SHIM" != 1 ]]; then
        for want in "version: $VERSION_CODA" "cipher suite: $suite" "group: $GROUP_CODA" \
          "peer signature: $scheme" "closure: clean"; do
          has_text "$want" "$err" || problems+=("coda-cli summary lacks '$want'")
        done
      fi
      read_file "${srv_logs[0]}"
      srv_text="$FILE_TEXT"
      read_file "${srv_logs[1]}"
      srv_text+="$FILE_TEXT"
      if [[ "$peer" == openssl ]]; then
        [[ "$srv_text" == *"Protocol version: $VERSION_OPENSSL"* ]] ||
          problems+=("s_server did not negotiate $VERSION_OPENSSL")
        [[ "$srv_text" == *"Ciphersuite: $SUITE_OPENSSL"* ]] ||
          problems+=("s_server did not negotiate $SUITE_OPENSSL")
        if [[ "${srv_text,,}" == *error* || "${srv_text,,}" == *alert* ]]; then
          problems+=("s_server reported an error or an alert")
        fi
      else
        # "- Description: (TLS1.2-X.509)-(ECDHE-X25519)-(ECDSA-SHA256)-(AES-128-GCM)"
        [[ "$srv_text" == *"($VERSION_GNUTLS-X.509)"* ]] ||
          problems+=("gnutls-serv did not negotiate $VERSION_GNUTLS")
        [[ "$srv_text" == *"($SUITE_CIPHER)"* ]] || problems+=("gnutls-serv did not negotiate $SUITE_CIPHER")
        [[ "$srv_text" == *"(ECDHE-$GROUP_GNUTLS_KX)"* ]] || problems+=("gnutls-serv did not negotiate $group")
        if [[ -n "$SUITE_KX" && "$srv_text" != *"Key Exchange: $SUITE_KX"* ]]; then
          problems+=("gnutls-serv did not negotiate the key exchange $SUITE_KX")
        fi
        [[ "$srv_text" != *Error* ]] || problems+=("gnutls-serv reported an error")
      fi

      if ((${#problems[@]} == 0)); then
        pass_case "$name"
      else
        fail_case "$name" "$(IFS=';'; echo "${problems[*]}")" "$out" "$err" "${srv_logs[@]}"
      fi
    done
  done
done
finish
