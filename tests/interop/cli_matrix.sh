#!/usr/bin/env bash
# coda-cli against a real server, TLS 1.3, for every suite x group x closure
# mode with one kind of server certificate.
# Usage: cli_matrix.sh openssl|gnutls ecdsa256|ecdsa384|rsa2048|ed25519
#
# openssl s_server -rev sends every line back reversed; gnutls-serv --echo
# sends it back as is.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

peer="${1:?usage: cli_matrix.sh openssl|gnutls CERT_KIND}"
kind="${2:?usage: cli_matrix.sh openssl|gnutls CERT_KIND}"
case "$peer" in
  openssl) require_tool openssl ;;
  gnutls) require_tool gnutls-serv ;;
  *) log "unknown peer $peer"; exit 2 ;;
esac
require_tool "$CODA_BIN/coda-cli"
ensure_pki

# The signature scheme a server with this key must use in TLS 1.3.
case "$kind" in
  ecdsa256) scheme=ecdsa_secp256r1_sha256 ;;
  ecdsa384) scheme=ecdsa_secp384r1_sha384 ;;
  rsa2048) scheme=rsa_pss_rsae_ ;;
  ed25519) scheme=ed25519 ;;
  *) log "unknown certificate kind $kind"; exit 2 ;;
esac

# One server for all cases, accepting every suite and group; coda-cli picks
# one of each through --priority, and its summary (and gnutls-serv's log)
# says what was negotiated. Each case looks only at the server log written
# since it began.
if [[ "$peer" == openssl ]]; then
  start_server srv ACCEPT openssl s_server -accept "127.0.0.1:@PORT@" -tls1_3 \
    -cert "$PKI/$kind.pem" -key "$PKI/$kind.key" -rev ||
    { log "FAIL: s_server did not start"; exit 1; }
else
  start_server srv "listening on IPv4" gnutls-serv --port @PORT@ --echo \
    --x509certfile "$PKI/$kind.pem" --x509keyfile "$PKI/$kind.key" \
    --priority "NORMAL:-VERS-ALL:+VERS-TLS1.3" ||
    { log "FAIL: gnutls-serv did not start"; exit 1; }
fi
srv_out="$SERVER_OUT"
srv_err="$SERVER_ERR"
closed=0

for suite in "${SUITES[@]}"; do
  for group in "${GROUPS_[@]}"; do
    for bye in rdwr wr; do
      CASES=$((CASES + 1))
      name="cli-$peer-$kind-$suite-$group-$bye"
      line="coda interop $RANDOM$RANDOM $suite $group $bye"
      prio="$(priority_for "$suite" "$group")"
      if [[ "$peer" == openssl ]]; then
        expect="$(rev <<<"$line")"
      else
        expect="$line"
      fi
      mark_out="$(log_mark "$srv_out")"
      mark_err="$(log_mark "$srv_err")"

      converse "$name" "$line" "$expect" "$CODA_BIN/coda-cli" --port "$SERVER_PORT" \
        --x509cafile "$PKI/ca.pem" --priority "$prio" --bye "$bye" localhost
      out="$WORK/$name.out"
      err="$WORK/$name.err"

      problems=()
      if [[ "$peer" == openssl ]]; then
        # s_server prints CONNECTION CLOSED when a session ends by
        # close_notify, an error line on a truncation or an alert.
        closed=$((closed + 1))
        wait_for_count "$srv_err" "CONNECTION CLOSED" "$closed" "$WAIT_S" ||
          { problems+=("s_server did not report CONNECTION CLOSED"); closed="$(grep -cF "CONNECTION CLOSED" "$srv_err" || true)"; }
      fi
      log_since "$srv_out" "$mark_out" >"$WORK/$name.srv.out"
      log_since "$srv_err" "$mark_err" >"$WORK/$name.srv.err"
      srv_logs=("$WORK/$name.srv.out" "$WORK/$name.srv.err")

      ((CONVERSE_RC == 0)) || problems+=("coda-cli exited with $CONVERSE_RC")
      grep -qF -- "$expect" "$out" || problems+=("the server's reply '$expect' is not in coda-cli's output")
      if [[ "$CODA_SHIM" != 1 ]]; then
        grep -qF -- "cipher suite: $suite" "$err" || problems+=("coda-cli summary lacks 'cipher suite: $suite'")
        grep -qF -- "group: $(coda_group_name "$group")" "$err" ||
          problems+=("coda-cli summary lacks 'group: $(coda_group_name "$group")'")
        grep -qF -- "peer signature: $scheme" "$err" || problems+=("coda-cli summary lacks 'peer signature: $scheme'")
        grep -qF -- "closure: clean" "$err" || problems+=("coda-cli did not report a clean closure")
      fi
      if [[ "$peer" == openssl ]]; then
        grep -qF "Ciphersuite: $suite" "${srv_logs[@]}" || problems+=("s_server did not negotiate $suite")
        if grep -qi "error\|alert" "${srv_logs[@]}"; then
          problems+=("s_server reported an error or an alert")
        fi
      else
        grep -qF "($(gnutls_cipher "$suite"))" "${srv_logs[@]}" ||
          problems+=("gnutls-serv did not negotiate $(gnutls_cipher "$suite")")
        grep -qF "(ECDHE-$(gnutls_group "$group" | sed 's/^GROUP-//'))" "${srv_logs[@]}" ||
          problems+=("gnutls-serv did not negotiate $group")
        if grep -q "Error" "${srv_logs[@]}"; then
          problems+=("gnutls-serv reported an error")
        fi
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
