#!/usr/bin/env bash
# coda-cli refuses servers it must not trust, and says so to the server with
# the alert RFC 8446 6.2 names:
#   wrong hostname -> bad_certificate (42)
#   unknown CA     -> unknown_ca (48)
#   expired leaf   -> certificate_expired (45)
# Usage: refusals.sh openssl|gnutls
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

peer="${1:?usage: refusals.sh openssl|gnutls}"
case "$peer" in
  openssl) require_tool openssl ;;
  gnutls) require_tool gnutls-serv ;;
  *) log "unknown peer $peer"; exit 2 ;;
esac
require_tool "$CODA_BIN/coda-cli"
ensure_pki

# case name, server certificate, extra coda-cli options, alert number,
# what coda-cli's message must contain
cases=(
  "wrong-hostname|ecdsa256|--verify-hostname wrong.example|42|certificate verification failed"
  "unknown-ca|untrusted|--verify-hostname localhost|48|certificate verification failed"
  "expired|expired|--verify-hostname localhost|45|expired"
)

for spec in "${cases[@]}"; do
  IFS='|' read -r what cert extra alert reason <<<"$spec"
  CASES=$((CASES + 1))
  name="refuse-$peer-$what"
  if [[ "$peer" == openssl ]]; then
    # -rev: without it s_server reads its (empty) stdin and quits at once.
    start_server "$name.srv" ACCEPT openssl s_server -accept "127.0.0.1:@PORT@" -tls1_3 \
      -cert "$PKI/$cert.pem" -key "$PKI/$cert.key" -rev -naccept 1 ||
      { fail_case "$name" "server did not start"; continue; }
  else
    # -d 5 makes gnutls-serv log the alerts it receives ("Alert[2|48]").
    start_server "$name.srv" "listening on IPv4" gnutls-serv -d 5 --port @PORT@ --echo \
      --x509certfile "$PKI/$cert.pem" --x509keyfile "$PKI/$cert.key" ||
      { fail_case "$name" "server did not start"; continue; }
  fi
  srv_pid="$SERVER_PID"

  # shellcheck disable=SC2086  # $extra is a list of options
  run_client "$name" "$CODA_BIN/coda-cli" --port "$SERVER_PORT" --x509cafile "$PKI/ca.pem" \
    $extra localhost
  if [[ "$peer" == openssl ]]; then
    wait_pid "$srv_pid" "$WAIT_S"
  else
    wait_for_text "$SERVER_ERR" "Error in handshake" "$WAIT_S" "$srv_pid" || true
    stop_pid "$srv_pid"
  fi
  srv_logs=("$SERVER_OUT" "$SERVER_ERR")

  problems=()
  ((RUN_RC != 0)) || problems+=("coda-cli exited 0")
  ((RUN_RC != 124)) || problems+=("coda-cli had to be killed")
  if [[ "$CODA_SHIM" != 1 ]]; then
    grep -qiF -- "$reason" "$WORK/$name.err" || problems+=("coda-cli did not say '$reason'")
    if [[ "$peer" == openssl ]]; then
      grep -qF "SSL alert number $alert" "${srv_logs[@]}" ||
        problems+=("s_server did not receive alert $alert")
    else
      grep -qF "Alert[2|$alert]" "${srv_logs[@]}" || problems+=("gnutls-serv did not receive alert $alert")
    fi
  else
    # gnutls-cli (the shim) sends bad_certificate for every failure; only
    # check that some fatal alert arrived.
    grep -qE "SSL alert number [0-9]+|Alert\[2\|[0-9]+\]" "${srv_logs[@]}" ||
      problems+=("the server received no alert")
  fi

  if ((${#problems[@]} == 0)); then
    pass_case "$name"
  else
    fail_case "$name" "$(IFS=';'; echo "${problems[*]}")" "$WORK/$name.out" "$WORK/$name.err" \
      "${srv_logs[@]}"
  fi
done
finish
