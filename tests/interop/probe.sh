#!/usr/bin/env bash
# coda-probe against one real server: how each ends connections. The
# verdicts differ between the peers, and each is asserted as it really is:
#   openssl s_server -rev  answers close_notify, keeps echoing after our
#                          half-close, sends decode_error on a bare EOF
#   gnutls-serv --echo     the same, but unexpected_message on a bare EOF
#   coda-serv --echo       the same, but closes silently on a bare EOF (it
#                          logs the truncation, tells the client nothing):
#                          coda-probe exits 2 for it
# Usage: probe.sh openssl|gnutls|coda
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

peer="${1:?usage: probe.sh openssl|gnutls|coda}"
require_tool "$CODA_BIN/coda-probe"
case "$peer" in
  openssl) require_tool openssl ;;
  gnutls) require_tool gnutls-serv ;;
  coda) require_tool "$CODA_BIN/coda-serv" ;;
  *) log "unknown peer $peer"; exit 2 ;;
esac
ensure_pki

kind=ecdsa256
case "$peer" in
  openssl)
    start_server srv ACCEPT openssl s_server -accept "127.0.0.1:@PORT@" \
      -cert "$PKI/$kind.pem" -key "$PKI/$kind.key" -rev
    ;;
  gnutls)
    start_server srv "listening on IPv4" gnutls-serv --port @PORT@ --echo \
      --x509certfile "$PKI/$kind.pem" --x509keyfile "$PKI/$kind.key"
    ;;
  coda)
    start_server srv "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo \
      --x509certfile "$PKI/$kind.pem" --x509keyfile "$PKI/$kind.key"
    ;;
esac || { log "FAIL: the $peer server did not start"; exit 1; }

name="probe-$peer"
run_client "$name" "$CODA_BIN/coda-probe" --x509cafile "$PKI/ca.pem" --sni localhost \
  --timeout 3 "127.0.0.1:$SERVER_PORT"
read_file "$WORK/$name.out"
out="$FILE_TEXT"

# One case per verdict line: the exact answer (up to the part that varies,
# such as a time in milliseconds).
declare -a expect=(
  "sends close_notify when it finishes: yes"
  "answers our close_notify (RDWR): yes (after "
  "keeps sending after our half-close (TLS 1.3): yes (24 bytes after our close_notify, then its close_notify)"
)
case "$peer" in
  openssl) expect+=("treats a bare EOF as truncation: yes (it sent the fatal alert decode_error)") want_rc=0 ;;
  gnutls) expect+=("treats a bare EOF as truncation: yes (it sent the fatal alert unexpected_message)") want_rc=0 ;;
  coda) expect+=("treats a bare EOF as truncation: no (it closed silently: EOF without an alert)") want_rc=2 ;;
esac
for want in "${expect[@]}"; do
  CASES=$((CASES + 1))
  case_name="$name: ${want%%:*}"
  if [[ "$out" == *"$want"* ]]; then
    pass_case "$case_name"
  else
    fail_case "$case_name" "expected '$want'" "$WORK/$name.out" "$WORK/$name.err" "$SERVER_OUT" "$SERVER_ERR"
  fi
done
CASES=$((CASES + 1))
if ((RUN_RC == want_rc)); then
  pass_case "$name: exit status $want_rc"
else
  fail_case "$name: exit status" "coda-probe exited $RUN_RC, expected $want_rc" "$WORK/$name.out" "$WORK/$name.err"
fi
if [[ "$peer" == coda ]]; then
  # What coda-serv itself recorded for the bare EOF.
  CASES=$((CASES + 1))
  if wait_for_text "$SERVER_ERR" "error: truncated" "$WAIT_S" "$SERVER_PID"; then
    pass_case "$name: coda-serv logged the truncation"
  else
    fail_case "$name: coda-serv log" "no 'error: truncated' line" "$SERVER_ERR"
  fi
fi
finish
