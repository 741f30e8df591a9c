#!/usr/bin/env bash
# A real client against coda-serv --echo, TLS 1.3, for every suite x group
# with one kind of server certificate.
# Usage: serv_matrix.sh openssl|gnutls ecdsa256|ecdsa384|rsa2048|ed25519
#
# One coda-serv serves every case; the client restricts itself to one suite
# and one group, sends a line, waits for the echo and closes (both send
# close_notify at the end of their standard input).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

peer="${1:?usage: serv_matrix.sh openssl|gnutls CERT_KIND}"
kind="${2:?usage: serv_matrix.sh openssl|gnutls CERT_KIND}"
case "$peer" in
  openssl) require_tool openssl ;;
  gnutls) require_tool gnutls-cli ;;
  *) log "unknown peer $peer"; exit 2 ;;
esac
case "$kind" in
  ecdsa256 | ecdsa384 | rsa2048 | ed25519) ;;
  *) log "unknown certificate kind $kind"; exit 2 ;;
esac
require_tool "$CODA_BIN/coda-serv"
ensure_pki

start_server serv "listening on" "$CODA_BIN/coda-serv" --port @PORT@ \
  --x509certfile "$PKI/$kind.pem" --x509keyfile "$PKI/$kind.key" --echo ||
  { log "FAIL: coda-serv did not start"; exit 1; }
srv_err="$SERVER_ERR"
connections=0

for suite in "${SUITES[@]}"; do
  for group in "${GROUPS_[@]}"; do
    CASES=$((CASES + 1))
    name="serv-$peer-$kind-$suite-$group"
    line="coda interop $RANDOM$RANDOM $suite $group"
    mark="$(log_mark "$srv_err")"
    if [[ "$peer" == openssl ]]; then
      converse "$name" "$line" "$line" openssl s_client -brief -connect "127.0.0.1:$SERVER_PORT" \
        -servername localhost -CAfile "$PKI/ca.pem" -verify_return_error -verify_hostname localhost \
        -tls1_3 -ciphersuites "$suite" -groups "$(openssl_group "$group")"
    else
      converse "$name" "$line" "$line" gnutls-cli --port "$SERVER_PORT" \
        --x509cafile "$PKI/ca.pem" --priority "$(priority_for "$suite" "$group")" localhost
    fi
    out="$WORK/$name.out"
    err="$WORK/$name.err"

    problems=()
    ((CONVERSE_RC == 0)) || problems+=("$peer client exited with $CONVERSE_RC")
    grep -qF -- "$line" "$out" || problems+=("the echo is not in the client's output")
    if [[ "$peer" == openssl ]]; then
      grep -qF "Ciphersuite: $suite" "$err" || problems+=("s_client did not negotiate $suite")
      case "$group" in
        x25519) temp="X25519" ;;
        P-256) temp="prime256v1" ;;
        P-384) temp="secp384r1" ;;
      esac
      grep -qF "Server Temp Key:" "$err" && grep "Server Temp Key:" "$err" | grep -qF "$temp" ||
        problems+=("s_client did not negotiate $group")
      grep -qF "Verification: OK" "$err" || problems+=("s_client did not verify the server")
    else
      grep -qF "($(gnutls_cipher "$suite"))" "$out" ||
        problems+=("gnutls-cli did not negotiate $(gnutls_cipher "$suite")")
      grep -qF "(ECDHE-$(gnutls_group "$group" | sed 's/^GROUP-//'))" "$out" ||
        problems+=("gnutls-cli did not negotiate $group")
    fi
    if [[ "$CODA_SHIM" != 1 ]]; then
      # coda-serv logs one line per connection, "connection N from ADDR:
      # ...", once it is over; it must say the client closed with close_notify.
      connections=$((connections + 1))
      if wait_for_count "$srv_err" "connection $connections from" 1 "$WAIT_S"; then
        grep -F "connection $connections from" "$srv_err" | grep -qF "clean" ||
          problems+=("coda-serv did not log a clean end")
      else
        problems+=("coda-serv logged no line for connection $connections")
      fi
    fi
    log_since "$srv_err" "$mark" >"$WORK/$name.srv.err"

    if ((${#problems[@]} == 0)); then
      pass_case "$name"
    else
      fail_case "$name" "$(IFS=';'; echo "${problems[*]}")" "$out" "$err" "$WORK/$name.srv.err"
    fi
  done
done
finish
