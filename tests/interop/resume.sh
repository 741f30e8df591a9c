#!/usr/bin/env bash
# TLS 1.3 resumption with session tickets across implementations:
#   openssl s_client -sess_out, then -sess_in, against coda-serv: the second
#   session is "Reused, TLSv1.3"; with --noticket it is "New";
#   gnutls-cli --resume against coda-serv: "This is a resumed session";
#   a GnuTLS API client on Coda's libgnutls (resume_client) against
#   gnutls-serv, openssl s_server and coda-serv: the second connection
#   resumed, as the client says and (gnutls-serv) the server logs.
# Usage: resume.sh RESUME_CLIENT
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RESUME_CLIENT="${1:?usage: resume.sh RESUME_CLIENT}"
require_tool openssl gnutls-cli gnutls-serv
require_tool "$CODA_BIN/coda-serv" "$RESUME_CLIENT"
ensure_pki

CERT=(--x509certfile "$PKI/ecdsa256.pem" --x509keyfile "$PKI/ecdsa256.key")

# s_client twice against coda-serv; sets REUSED to the second summary line.
s_client_twice() {  # s_client_twice NAME
  local name="$1" sess="$WORK/$1.sess"
  rm -f "$sess"
  converse "$name.1" "first" "first" openssl s_client -connect "127.0.0.1:$SERVER_PORT" -tls1_3 \
    -CAfile "$PKI/ca.pem" -servername localhost -sess_out "$sess"
  # No ticket, no session file (s_client -sess_out writes none then).
  [[ -s "$sess" ]] || return 0
  converse "$name.2" "second" "second" openssl s_client -connect "127.0.0.1:$SERVER_PORT" \
    -tls1_3 -CAfile "$PKI/ca.pem" -servername localhost -sess_in "$sess"
}

CASES=$((CASES + 1))
name="openssl-resumes-with-coda-serv"
if start_server "$name.srv" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo "${CERT[@]}"; then
  s_client_twice "$name"
  if ! has_text "New, TLSv1.3" "$WORK/$name.1.out"; then
    fail_case "$name" "first session not new" "$WORK/$name.1.out" "$WORK/$name.1.err"
  elif ! has_text "Reused, TLSv1.3" "$WORK/$name.2.out"; then
    fail_case "$name" "second session not reused" "$WORK/$name.2.out" "$WORK/$name.2.err" "$SERVER_ERR"
  else
    pass_case "$name"
  fi
  stop_pid "$SERVER_PID"
else
  fail_case "$name" "server did not start"
fi

CASES=$((CASES + 1))
name="openssl-with-coda-serv-noticket"
if start_server "$name.srv" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo --noticket \
  "${CERT[@]}"; then
  s_client_twice "$name"
  if ! has_text "first" "$WORK/$name.1.out"; then
    fail_case "$name" "no echo" "$WORK/$name.1.out" "$WORK/$name.1.err"
  elif [[ -s "$WORK/$name.sess" ]] && ! has_text "New, TLSv1.3" "$WORK/$name.2.out"; then
    fail_case "$name" "resumed without tickets" "$WORK/$name.2.out"
  else
    pass_case "$name"
  fi
  stop_pid "$SERVER_PID"
else
  fail_case "$name" "server did not start"
fi

CASES=$((CASES + 1))
name="gnutls-cli-resumes-with-coda-serv"
if start_server "$name.srv" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo "${CERT[@]}"; then
  converse "$name" "hello" "hello" gnutls-cli --resume -p "$SERVER_PORT" --x509cafile "$PKI/ca.pem" \
    localhost
  if ! has_text "This is a resumed session" "$WORK/$name.out" "$WORK/$name.err"; then
    fail_case "$name" "gnutls-cli did not resume" "$WORK/$name.out" "$WORK/$name.err" "$SERVER_ERR"
  else
    pass_case "$name"
  fi
  stop_pid "$SERVER_PID"
else
  fail_case "$name" "server did not start"
fi

# resume_client against a server; checks its lines.
check_resume_client() {  # check_resume_client NAME
  local name="$1"
  run_client "$name" "$RESUME_CLIENT" "$SERVER_PORT" "$PKI/ca.pem" localhost
  if [[ "$RUN_RC" != 0 ]]; then
    fail_case "$name" "resume_client exited $RUN_RC" "$WORK/$name.out" "$WORK/$name.err" "$SERVER_ERR"
    return 1
  elif ! has_text "connection 1: resumed: no" "$WORK/$name.out" ||
    ! has_text "connection 1: session data: ticket" "$WORK/$name.out"; then
    fail_case "$name" "no ticket from the first connection" "$WORK/$name.out" "$WORK/$name.err"
    return 1
  elif ! has_text "connection 2: resumed: yes" "$WORK/$name.out"; then
    fail_case "$name" "second connection not resumed" "$WORK/$name.out" "$WORK/$name.err" "$SERVER_ERR"
    return 1
  fi
  return 0
}

CASES=$((CASES + 1))
name="coda-client-resumes-with-gnutls-serv"
if start_server "$name.srv" "Echo Server listening" gnutls-serv --port @PORT@ --echo \
  "${CERT[@]}"; then
  if check_resume_client "$name"; then
    if ! wait_for_text "$SERVER_OUT" "This is a resumed session" "$WAIT_S"; then
      fail_case "$name" "gnutls-serv did not log a resumed session" "$SERVER_OUT"
    else
      pass_case "$name"
    fi
  fi
  stop_pid "$SERVER_PID"
else
  fail_case "$name" "server did not start"
fi

CASES=$((CASES + 1))
name="coda-client-resumes-with-openssl"
if start_server "$name.srv" ACCEPT openssl s_server -accept "127.0.0.1:@PORT@" -tls1_3 \
  -cert "$PKI/ecdsa256.pem" -key "$PKI/ecdsa256.key" -rev; then
  check_resume_client "$name" && pass_case "$name"
  stop_pid "$SERVER_PID"
else
  fail_case "$name" "server did not start"
fi

CASES=$((CASES + 1))
name="coda-client-resumes-with-coda-serv"
if start_server "$name.srv" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo "${CERT[@]}"; then
  check_resume_client "$name" && pass_case "$name"
  stop_pid "$SERVER_PID"
else
  fail_case "$name" "server did not start"
fi

finish
