#!/usr/bin/env bash
# TLS 1.2 resumption across implementations, by session id (the server's
# cache) and by RFC 5077 ticket:
#   openssl s_client -tls1_2 -sess_out, then -sess_in, against coda-serv:
#   the second session is "Reused, TLSv1.2", with tickets and with
#   -no_ticket (session id), and from coda-serv --noticket (session id);
#   gnutls-cli --resume (TLS 1.2 priority, with and without tickets)
#   against coda-serv: "This is a resumed session";
#   a GnuTLS API client on Coda's libgnutls (resume_client, TLS 1.2
#   priority) against openssl s_server -tls1_2 and gnutls-serv, with and
#   without tickets: the second connection resumed, as the client says and
#   (gnutls-serv) the server logs.
# Usage: resume12.sh RESUME_CLIENT
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RESUME_CLIENT="${1:?usage: resume12.sh RESUME_CLIENT}"
require_tool openssl gnutls-cli gnutls-serv
require_tool "$CODA_BIN/coda-serv" "$RESUME_CLIENT"
ensure_pki

CERT=(--x509certfile "$PKI/ecdsa256.pem" --x509keyfile "$PKI/ecdsa256.key")
TLS12="NORMAL:-VERS-ALL:+VERS-TLS1.2"

# s_client twice against the server on SERVER_PORT (extra options: $@).
s_client_twice() {  # s_client_twice NAME [OPTIONS...]
  local name="$1" sess="$WORK/$1.sess"
  shift
  rm -f "$sess"
  converse "$name.1" "first" "first" openssl s_client -connect "127.0.0.1:$SERVER_PORT" -tls1_2 \
    -CAfile "$PKI/ca.pem" -servername localhost -sess_out "$sess" "$@"
  [[ -s "$sess" ]] || return 0
  converse "$name.2" "second" "second" openssl s_client -connect "127.0.0.1:$SERVER_PORT" \
    -tls1_2 -CAfile "$PKI/ca.pem" -servername localhost -sess_in "$sess" "$@"
}

check_reused() {  # check_reused NAME
  local name="$1"
  if ! has_text "New, TLSv1.2" "$WORK/$name.1.out"; then
    fail_case "$name" "first session not new" "$WORK/$name.1.out" "$WORK/$name.1.err"
  elif ! has_text "Reused, TLSv1.2" "$WORK/$name.2.out"; then
    fail_case "$name" "second session not reused" "$WORK/$name.2.out" "$WORK/$name.2.err" \
      "$SERVER_ERR"
  else
    pass_case "$name"
  fi
}

# openssl s_client against coda-serv: by ticket, by session id, and by
# session id from a server that sends no tickets.
for variant in ticket no_ticket serv_noticket; do
  CASES=$((CASES + 1))
  name="openssl-resumes-tls12-with-coda-serv-$variant"
  serv_extra=() client_extra=()
  [[ "$variant" == no_ticket ]] && client_extra=(-no_ticket)
  [[ "$variant" == serv_noticket ]] && serv_extra=(--noticket)
  if start_server "$name.srv" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo \
    "${CERT[@]}" "${serv_extra[@]}"; then
    s_client_twice "$name" "${client_extra[@]}"
    # By ticket, openssl says it got one; otherwise it got none.
    if [[ "$variant" == ticket ]] && ! has_text "TLS session ticket:" "$WORK/$name.1.out"; then
      fail_case "$name" "no ticket from coda-serv" "$WORK/$name.1.out"
    elif [[ "$variant" != ticket ]] && has_text "TLS session ticket:" "$WORK/$name.1.out"; then
      fail_case "$name" "a ticket came although none was to" "$WORK/$name.1.out"
    else
      check_reused "$name"
    fi
    stop_pid "$SERVER_PID"
  else
    fail_case "$name" "server did not start"
  fi
done

for variant in ticket no_ticket; do
  CASES=$((CASES + 1))
  name="gnutls-cli-resumes-tls12-with-coda-serv-$variant"
  prio="$TLS12"
  [[ "$variant" == no_ticket ]] && prio="$TLS12:%NO_TICKETS"
  if start_server "$name.srv" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo \
    "${CERT[@]}"; then
    converse "$name" "hello" "hello" gnutls-cli --resume --priority "$prio" -p "$SERVER_PORT" \
      --x509cafile "$PKI/ca.pem" localhost
    if ! has_text "This is a resumed session" "$WORK/$name.out" "$WORK/$name.err"; then
      fail_case "$name" "gnutls-cli did not resume" "$WORK/$name.out" "$WORK/$name.err" "$SERVER_ERR"
    elif ! has_text "TLS1.2" "$WORK/$name.out" "$WORK/$name.err"; then
      fail_case "$name" "not TLS 1.2" "$WORK/$name.out"
    else
      pass_case "$name"
    fi
    stop_pid "$SERVER_PID"
  else
    fail_case "$name" "server did not start"
  fi
done

# resume_client (Coda's libgnutls) with a TLS 1.2 priority; checks its lines.
check_resume_client() {  # check_resume_client NAME
  local name="$1"
  run_client "$name" "$RESUME_CLIENT" "$SERVER_PORT" "$PKI/ca.pem" localhost "$TLS12"
  if [[ "$RUN_RC" != 0 ]]; then
    fail_case "$name" "resume_client exited $RUN_RC" "$WORK/$name.out" "$WORK/$name.err" "$SERVER_ERR"
    return 1
  elif ! has_text "connection 1: resumed: no" "$WORK/$name.out" ||
    ! has_text "connection 1: version: TLS1.2" "$WORK/$name.out" ||
    ! has_text "connection 1: session data: ticket" "$WORK/$name.out"; then
    fail_case "$name" "no TLS 1.2 session from the first connection" "$WORK/$name.out" \
      "$WORK/$name.err"
    return 1
  elif ! has_text "connection 2: resumed: yes" "$WORK/$name.out"; then
    fail_case "$name" "second connection not resumed" "$WORK/$name.out" "$WORK/$name.err" "$SERVER_ERR"
    return 1
  fi
  return 0
}

for variant in ticket no_ticket; do
  CASES=$((CASES + 1))
  name="coda-client-resumes-tls12-with-gnutls-serv-$variant"
  extra=()
  [[ "$variant" == no_ticket ]] && extra=(--noticket)
  if start_server "$name.srv" "Echo Server listening" gnutls-serv --port @PORT@ --echo \
    --priority "$TLS12" "${CERT[@]}" "${extra[@]}"; then
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
done

for variant in ticket no_ticket; do
  CASES=$((CASES + 1))
  name="coda-client-resumes-tls12-with-openssl-$variant"
  extra=()
  [[ "$variant" == no_ticket ]] && extra=(-no_ticket)
  if start_server "$name.srv" ACCEPT openssl s_server -accept "127.0.0.1:@PORT@" -tls1_2 \
    -cert "$PKI/ecdsa256.pem" -key "$PKI/ecdsa256.key" -rev "${extra[@]}"; then
    check_resume_client "$name" && pass_case "$name"
    stop_pid "$SERVER_PID"
  else
    fail_case "$name" "server did not start"
  fi
done

finish
