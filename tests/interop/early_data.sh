#!/usr/bin/env bash
# coda-cli --resume and TLS 1.3 0-RTT early data across implementations.
#   resume:   coda-cli --resume against openssl s_server ("Reused session-id"),
#             TLS 1.3 and TLS 1.2 (ticket and session id),
#             gnutls-serv ("This is a resumed session"), coda-serv (its log
#             says "(resumed)"), and coda-serv --noticket ("resumed: no").
#   rejected: openssl s_client -early_data, with a session from
#             s_server -early_data, against coda-serv without --earlydata:
#             the handshake finishes and the early data is not delivered.
#   accepted: openssl s_client -sess_in -early_data and gnutls-cli --resume
#             --earlydata against coda-serv --earlydata; coda-cli --resume
#             --earlydata against openssl s_server -early_data, gnutls-serv
#             --earlydata and coda-serv --earlydata: the server says it took
#             the early data (and coda-serv echoes it once).
# Usage: early_data.sh resume|rejected|accepted
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

what="${1:?usage: early_data.sh resume|rejected|accepted}"
require_tool openssl gnutls-cli gnutls-serv "$CODA_BIN/coda-cli" "$CODA_BIN/coda-serv"
ensure_pki

CERT=(--x509certfile "$PKI/ecdsa256.pem" --x509keyfile "$PKI/ecdsa256.key")
EARLY="$WORK/early.txt"
printf 'early-data-line-%s\n' "$RANDOM$RANDOM" >"$EARLY"
read_file "$EARLY"
EARLY_LINE="${FILE_TEXT%$'\n'}"

# coda-cli --resume [ARGS...] against the server started last; LINE goes
# over the resumed connection and its echo (or reversal) is awaited.
coda_cli_resume() {  # coda_cli_resume NAME LINE EXPECT [ARGS...]
  local name="$1" line="$2" expect="$3"
  shift 3
  converse "$name" "$line" "$expect" "$CODA_BIN/coda-cli" --resume -p "$SERVER_PORT" \
    --x509cafile "$PKI/ca.pem" "$@" localhost
}

# openssl s_server in its default mode (it prints what it reads, and says
# "Reused session-id" and "Early data received"), with a standard input
# that never ends: at EOF it would stop before finishing a handshake. A
# FIFO opened read-write is that input, with no process behind it.
start_s_server() {  # start_s_server NAME ARGS...
  local name="$1"
  shift
  local fifo="$WORK/$name.stdin"
  [[ -p "$fifo" ]] || mkfifo "$fifo"
  start_server "$name" ACCEPT bash -c 'exec "$@" <>"$0"' "$fifo" openssl s_server \
    -accept "127.0.0.1:@PORT@" "${S_SERVER_VERSION:--tls1_3}" -cert "$PKI/ecdsa256.pem" \
    -key "$PKI/ecdsa256.key" "$@"
}

# Checks coda-cli's own verdict; CODA_SHIM runs skip it (not our output).
cli_says() {  # cli_says NAME TEXT
  [[ "$CODA_SHIM" == 1 ]] && return 0
  has_text "$2" "$WORK/$1.err"
}

case "$what" in
  resume)
    CASES=$((CASES + 1))
    name="coda-cli-resume-openssl"
    if start_s_server "$name.srv"; then
      # s_server prints what it gets: nothing comes back to wait for.
      coda_cli_resume "$name" "hello-$RANDOM" ""
      if ! cli_says "$name" "- resumed: yes"; then
        fail_case "$name" "coda-cli did not resume" "$WORK/$name.err" "$SERVER_OUT"
      elif ! wait_for_text "$SERVER_OUT" "Reused session-id" "$WAIT_S"; then
        fail_case "$name" "s_server did not report a reused session" "$SERVER_OUT"
      elif ! wait_for_text "$SERVER_OUT" "hello-" "$WAIT_S"; then
        fail_case "$name" "no data over the resumed connection" "$SERVER_OUT"
      else
        pass_case "$name"
      fi
      stop_pid "$SERVER_PID"
    else
      fail_case "$name" "server did not start"
    fi

    CASES=$((CASES + 1))
    name="coda-cli-resume-gnutls"
    if start_server "$name.srv" "Echo Server listening" gnutls-serv --port @PORT@ --echo \
      "${CERT[@]}"; then
      coda_cli_resume "$name" "hello" "hello"
      if ! cli_says "$name" "- resumed: yes"; then
        fail_case "$name" "coda-cli did not resume" "$WORK/$name.err" "$SERVER_OUT"
      elif ! wait_for_text "$SERVER_OUT" "This is a resumed session" "$WAIT_S"; then
        fail_case "$name" "gnutls-serv did not log a resumed session" "$SERVER_OUT"
      else
        pass_case "$name"
      fi
      stop_pid "$SERVER_PID"
    else
      fail_case "$name" "server did not start"
    fi

    CASES=$((CASES + 1))
    name="coda-cli-resume-coda"
    if start_server "$name.srv" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo -d 1 \
      "${CERT[@]}"; then
      coda_cli_resume "$name" "hello" "hello"
      if ! cli_says "$name" "- resumed: yes"; then
        fail_case "$name" "coda-cli did not resume" "$WORK/$name.err" "$SERVER_ERR"
      elif ! wait_for_text "$SERVER_ERR" "(resumed)" "$WAIT_S"; then
        fail_case "$name" "coda-serv did not log a resumed session" "$SERVER_ERR"
      else
        pass_case "$name"
      fi
      stop_pid "$SERVER_PID"
    else
      fail_case "$name" "server did not start"
    fi

    # TLS 1.2: an RFC 5077 ticket, then a session id alone (-no_ticket).
    TLS12=(--priority "NORMAL:-VERS-ALL:+VERS-TLS1.2")
    for how in ticket id; do
      CASES=$((CASES + 1))
      name="coda-cli-resume12-openssl-$how"
      extra=()
      [[ "$how" == id ]] && extra=(-no_ticket)
      if S_SERVER_VERSION=-tls1_2 start_s_server "$name.srv" "${extra[@]}"; then
        coda_cli_resume "$name" "hello-$RANDOM" "" "${TLS12[@]}"
        if ! cli_says "$name" "- resumed: yes"; then
          fail_case "$name" "coda-cli did not resume" "$WORK/$name.err" "$SERVER_OUT"
        elif ! wait_for_text "$SERVER_OUT" "Reused session-id" "$WAIT_S"; then
          fail_case "$name" "s_server did not report a reused session" "$SERVER_OUT"
        else
          pass_case "$name"
        fi
        stop_pid "$SERVER_PID"
      else
        fail_case "$name" "server did not start"
      fi
    done

    CASES=$((CASES + 1))
    name="coda-cli-resume12-gnutls"
    if start_server "$name.srv" "Echo Server listening" gnutls-serv --port @PORT@ --echo \
      --priority "NORMAL:-VERS-ALL:+VERS-TLS1.2" "${CERT[@]}"; then
      coda_cli_resume "$name" "hello" "hello" "${TLS12[@]}"
      if ! cli_says "$name" "- resumed: yes"; then
        fail_case "$name" "coda-cli did not resume" "$WORK/$name.err" "$SERVER_OUT"
      elif ! wait_for_text "$SERVER_OUT" "This is a resumed session" "$WAIT_S"; then
        fail_case "$name" "gnutls-serv did not log a resumed session" "$SERVER_OUT"
      else
        pass_case "$name"
      fi
      stop_pid "$SERVER_PID"
    else
      fail_case "$name" "server did not start"
    fi

    CASES=$((CASES + 1))
    name="coda-cli-resume-coda-noticket"
    if start_server "$name.srv" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo -d 1 \
      --noticket "${CERT[@]}"; then
      coda_cli_resume "$name" "hello" "hello"
      if ! cli_says "$name" "- resumed: no"; then
        fail_case "$name" "coda-cli did not say resumed: no" "$WORK/$name.err"
      elif ! has_text "hello" "$WORK/$name.out"; then
        fail_case "$name" "no data over the second connection" "$WORK/$name.out"
      elif has_text "(resumed)" "$SERVER_ERR"; then
        fail_case "$name" "coda-serv --noticket resumed" "$SERVER_ERR"
      else
        pass_case "$name"
      fi
      stop_pid "$SERVER_PID"
    else
      fail_case "$name" "server did not start"
    fi
    ;;

  rejected)
    # A session whose ticket allows early data, from s_server -early_data.
    CASES=$((CASES + 1))
    name="openssl-early-data-rejected-by-coda-serv"
    sess="$WORK/$name.sess"
    if start_s_server "$name.osrv" -early_data; then
      # Its stdin stays open until the ticket came (s_client says so).
      converse "$name.1" "first" "New Session Ticket arrived" openssl s_client \
        -connect "127.0.0.1:$SERVER_PORT" \
        -tls1_3 -CAfile "$PKI/ca.pem" -servername localhost -sess_out "$sess"
      stop_pid "$SERVER_PID"
    fi
    if [[ ! -s "$sess" ]]; then
      fail_case "$name" "no session from s_server -early_data" "$WORK/$name.1.out"
    elif start_server "$name.srv" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo -d 1 \
      "${CERT[@]}"; then
      converse "$name.2" "after" "after" openssl s_client -connect "127.0.0.1:$SERVER_PORT" \
        -tls1_3 -CAfile "$PKI/ca.pem" -servername localhost -sess_in "$sess" -early_data "$EARLY"
      if ! has_text "Early data was rejected" "$WORK/$name.2.out" "$WORK/$name.2.err"; then
        fail_case "$name" "s_client did not report rejected early data" "$WORK/$name.2.out" \
          "$WORK/$name.2.err" "$SERVER_ERR"
      elif ! has_text "after" "$WORK/$name.2.out"; then
        fail_case "$name" "no echo after the handshake" "$WORK/$name.2.out" "$SERVER_ERR"
      elif has_text "$EARLY_LINE" "$WORK/$name.2.out"; then
        fail_case "$name" "coda-serv delivered (echoed) rejected early data" "$WORK/$name.2.out"
      elif ! has_text "handshake complete" "$SERVER_ERR"; then
        fail_case "$name" "coda-serv did not finish the handshake" "$SERVER_ERR"
      else
        pass_case "$name"
      fi
      stop_pid "$SERVER_PID"
    else
      fail_case "$name" "server did not start"
    fi
    ;;

  accepted)
    CASES=$((CASES + 1))
    name="openssl-early-data-to-coda-serv"
    sess="$WORK/$name.sess"
    if start_server "$name.srv" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo -d 1 \
      --earlydata "${CERT[@]}"; then
      converse "$name.1" "first" "first" openssl s_client -connect "127.0.0.1:$SERVER_PORT" \
        -tls1_3 -CAfile "$PKI/ca.pem" -servername localhost -sess_out "$sess"
      converse "$name.2" "after" "after" openssl s_client -connect "127.0.0.1:$SERVER_PORT" \
        -tls1_3 -CAfile "$PKI/ca.pem" -servername localhost -sess_in "$sess" -early_data "$EARLY"
      if ! has_text "Early data was accepted" "$WORK/$name.2.out" "$WORK/$name.2.err"; then
        fail_case "$name" "s_client: early data not accepted" "$WORK/$name.2.out" "$SERVER_ERR"
      elif ! has_text "early data accepted" "$SERVER_ERR"; then
        fail_case "$name" "coda-serv did not log early data" "$SERVER_ERR"
      elif ! has_text "$EARLY_LINE" "$WORK/$name.2.out"; then
        fail_case "$name" "early data not echoed" "$WORK/$name.2.out"
      else
        pass_case "$name"
      fi
      stop_pid "$SERVER_PID"
    else
      fail_case "$name" "server did not start"
    fi

    CASES=$((CASES + 1))
    name="gnutls-cli-early-data-to-coda-serv"
    if start_server "$name.srv" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo -d 1 \
      --earlydata "${CERT[@]}"; then
      converse "$name" "after" "after" gnutls-cli --resume --earlydata "$EARLY" \
        -p "$SERVER_PORT" --x509cafile "$PKI/ca.pem" localhost
      if ! has_text "This is a resumed session" "$WORK/$name.out" "$WORK/$name.err"; then
        fail_case "$name" "gnutls-cli did not resume" "$WORK/$name.out" "$WORK/$name.err" \
          "$SERVER_ERR"
      elif ! has_text "early data accepted" "$SERVER_ERR"; then
        fail_case "$name" "coda-serv did not take early data" "$SERVER_ERR" "$WORK/$name.err"
      elif ! has_text "$EARLY_LINE" "$WORK/$name.out"; then
        fail_case "$name" "early data not echoed" "$WORK/$name.out"
      else
        pass_case "$name"
      fi
      stop_pid "$SERVER_PID"
    else
      fail_case "$name" "server did not start"
    fi

    CASES=$((CASES + 1))
    name="coda-cli-early-data-to-openssl"
    if start_s_server "$name.srv" -early_data; then
      coda_cli_resume "$name" "later" "" --earlydata "$EARLY"
      if ! cli_says "$name" "bytes sent, accepted"; then
        fail_case "$name" "coda-cli: early data not accepted" "$WORK/$name.err" "$SERVER_OUT"
      elif ! wait_for_text "$SERVER_OUT" "$EARLY_LINE" "$WAIT_S"; then
        fail_case "$name" "s_server did not receive the early data" "$SERVER_OUT"
      elif ! has_text "Early data received" "$SERVER_OUT"; then
        fail_case "$name" "s_server did not report early data" "$SERVER_OUT"
      else
        pass_case "$name"
      fi
      stop_pid "$SERVER_PID"
    else
      fail_case "$name" "server did not start"
    fi

    CASES=$((CASES + 1))
    name="coda-cli-early-data-to-gnutls"
    # gnutls-serv neither prints nor echoes early data (with gnutls-cli
    # either); its debug log says it took it and read EndOfEarlyData. Under
    # a loaded machine its anti-replay now and then refuses a ticket it
    # issued a moment before (once in some tens of runs, never alone): a
    # second attempt with a fresh server is allowed, and logged.
    verdict="server did not start"
    for attempt in 1 2; do
      if ! start_server "$name.srv$attempt" "Echo Server listening" gnutls-serv --port @PORT@ \
        --echo -d 4 --earlydata "${CERT[@]}"; then
        verdict="server did not start"
        break
      fi
      nap 1.2
      coda_cli_resume "$name" "later" "later" --earlydata "$EARLY"
      if ! cli_says "$name" "bytes sent, accepted"; then
        verdict="coda-cli: early data not accepted"
      elif ! wait_for_text "$SERVER_ERR" "early data accepted" "$WAIT_S" ||
        ! has_text "END OF EARLY DATA (5) was received" "$SERVER_ERR"; then
        verdict="gnutls-serv did not take the early data"
      else
        verdict=""
      fi
      stop_pid "$SERVER_PID"
      [[ -n "$verdict" ]] || break
      log "note $name: attempt $attempt: $verdict"
    done
    if [[ -n "$verdict" ]]; then
      fail_case "$name" "$verdict" "$WORK/$name.err" "$SERVER_ERR"
    else
      pass_case "$name"
    fi

    CASES=$((CASES + 1))
    name="coda-cli-early-data-to-coda"
    if start_server "$name.srv" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo -d 1 \
      --earlydata "${CERT[@]}"; then
      coda_cli_resume "$name" "later" "later" --earlydata "$EARLY"
      if ! cli_says "$name" "bytes sent, accepted"; then
        fail_case "$name" "coda-cli: early data not accepted" "$WORK/$name.err" "$SERVER_ERR"
      elif ! has_text "early data accepted" "$SERVER_ERR"; then
        fail_case "$name" "coda-serv did not log early data" "$SERVER_ERR"
      else
        read_file "$WORK/$name.out"
        count_text "$FILE_TEXT" "$EARLY_LINE"
        if ((COUNT != 1)); then
          fail_case "$name" "early data echoed $COUNT times, not once" "$WORK/$name.out"
        else
          pass_case "$name"
        fi
      fi
      stop_pid "$SERVER_PID"
    else
      fail_case "$name" "server did not start"
    fi

    # Without --earlydata coda-serv's tickets allow none: coda-cli offers
    # none and sends the file after the handshake, once.
    CASES=$((CASES + 1))
    name="coda-cli-early-data-not-allowed"
    if start_server "$name.srv" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo -d 1 \
      "${CERT[@]}"; then
      coda_cli_resume "$name" "later" "later" --earlydata "$EARLY"
      read_file "$WORK/$name.out"
      count_text "$FILE_TEXT" "$EARLY_LINE"
      if ! cli_says "$name" "0 of"; then
        fail_case "$name" "coda-cli sent early data the ticket did not allow" "$WORK/$name.err"
      elif ((COUNT != 1)); then
        fail_case "$name" "the file arrived $COUNT times, not once" "$WORK/$name.out"
      else
        pass_case "$name"
      fi
      stop_pid "$SERVER_PID"
    else
      fail_case "$name" "server did not start"
    fi
    ;;
  *)
    log "unknown group $what"
    exit 2
    ;;
esac
finish
