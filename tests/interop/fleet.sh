#!/usr/bin/env bash
# A fleet: two coda-serv processes given one --ticket-key-file resume each
# other's sessions. openssl s_client -sess_out on the first, -sess_in on
# the second: "Reused", in TLS 1.3 and in TLS 1.2 (RFC 5077 ticket); a
# third coda-serv with another key does not resume it ("New"). A bad key
# file is refused with a clear error.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_tool openssl
require_tool "$CODA_BIN/coda-serv"
ensure_pki

CERT=(--x509certfile "$PKI/ecdsa256.pem" --x509keyfile "$PKI/ecdsa256.key")
KEY="$WORK/fleet.key"
OTHER_KEY="$WORK/other.key"
head -c 64 /dev/urandom >"$KEY"
head -c 64 /dev/urandom >"$OTHER_KEY"

# s_client on PORT with VERSION (-tls1_3|-tls1_2) and the session file.
s_client_on() {  # s_client_on NAME PORT VERSION -sess_out|-sess_in FILE
  local name="$1" port="$2" version="$3"
  shift 3
  converse "$name" "$name" "$name" openssl s_client -connect "127.0.0.1:$port" "$version" \
    -CAfile "$PKI/ca.pem" -servername localhost "$@"
}

for version in tls1_3 tls1_2; do
  label="TLSv1.3"
  [[ "$version" == tls1_2 ]] && label="TLSv1.2"
  CASES=$((CASES + 1))
  name="fleet-$version"
  sess="$WORK/$name.sess"
  if start_server "$name.a" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo \
    "${CERT[@]}" --ticket-key-file "$KEY"; then
    a_pid="$SERVER_PID" a_port="$SERVER_PORT" a_err="$SERVER_ERR"
    if start_server "$name.b" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo \
      "${CERT[@]}" --ticket-key-file "$KEY"; then
      b_pid="$SERVER_PID" b_port="$SERVER_PORT"
      if start_server "$name.c" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo \
        "${CERT[@]}" --ticket-key-file "$OTHER_KEY"; then
        c_pid="$SERVER_PID" c_port="$SERVER_PORT"
        rm -f "$sess"
        s_client_on "$name.1" "$a_port" "-$version" -sess_out "$sess"
        if [[ -s "$sess" ]]; then
          s_client_on "$name.2" "$b_port" "-$version" -sess_in "$sess"
          s_client_on "$name.3" "$c_port" "-$version" -sess_in "$sess"
        fi
        if ! has_text "New, $label" "$WORK/$name.1.out"; then
          fail_case "$name" "first session not new" "$WORK/$name.1.out" "$WORK/$name.1.err" "$a_err"
        elif ! has_text "Reused, $label" "$WORK/$name.2.out"; then
          fail_case "$name" "the other server of the fleet did not resume" "$WORK/$name.2.out" \
            "$WORK/$name.2.err" "$SERVER_ERR"
        elif ! has_text "New, $label" "$WORK/$name.3.out"; then
          fail_case "$name" "a server with another key resumed (or failed)" "$WORK/$name.3.out" \
            "$WORK/$name.3.err"
        else
          pass_case "$name"
        fi
        stop_pid "$c_pid"
      else
        fail_case "$name" "third server did not start"
      fi
      stop_pid "$b_pid"
    else
      fail_case "$name" "second server did not start"
    fi
    stop_pid "$a_pid"
  else
    fail_case "$name" "first server did not start"
  fi
done

# Bad key files: a clear one-line error and a usage exit, no server.
for bad in short long missing; do
  CASES=$((CASES + 1))
  name="ticket-key-file-$bad"
  file="$WORK/$name.key"
  case $bad in
  short) head -c 63 /dev/urandom >"$file" ;;
  long) head -c 65 /dev/urandom >"$file" ;;
  missing) rm -f "$file" ;;
  esac
  rc=0
  timeout 5 "$CODA_BIN/coda-serv" --port 0 --echo "${CERT[@]}" --ticket-key-file "$file" \
    >"$WORK/$name.out" 2>"$WORK/$name.err" || rc=$?
  want="must hold exactly 64 bytes"
  [[ "$bad" == missing ]] && want="No such file"
  if [[ "$rc" != 1 ]]; then
    fail_case "$name" "exit $rc, expected 1" "$WORK/$name.err"
  elif ! has_text "--ticket-key-file" "$WORK/$name.err" || ! has_text "$want" "$WORK/$name.err"; then
    fail_case "$name" "no clear error" "$WORK/$name.err"
  else
    pass_case "$name"
  fi
done

finish
