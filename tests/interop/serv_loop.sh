#!/usr/bin/env bash
# coda-serv as a server for many clients at once, in its modes and closings.
# Usage: serv_loop.sh CASE, one of
#   concurrent  50 openssl s_client at once against --echo: every one gets
#               its own line back, and all 50 sessions were open together
#   http        curl and wget fetch the page of --http, and a file of
#               --httpdata, with verification; the server logs each session
#   sigterm     SIGTERM with open sessions: s_client receives close_notify,
#               coda-cli says the server closed first and cleanly, exit 0
#   options     an unsupported gnutls-serv option, an unknown one and a bad
#               --bye: exit 1 and a line naming it; accepted no-op options start
#   bye-none    --bye none: coda-cli reports the truncation
#   sni         two chains, other.test first: a client asking for localhost
#               gets the localhost chain, one asking for other.test the other
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

which="${1:?usage: serv_loop.sh concurrent|http|sigterm|options|bye-none|sni}"
require_tool "$CODA_BIN/coda-serv" openssl
ensure_pki
SERV=("$CODA_BIN/coda-serv" --port @PORT@ --x509certfile "$PKI/ecdsa256.pem"
  --x509keyfile "$PKI/ecdsa256.key")

# A client kept open: LINE to its stdin, then stdin stays open SECONDS.
# Output in $WORK/NAME.{out,err}; the pid in HELD_PID.
held_client() {  # held_client NAME LINE SECONDS CMD ARGS...
  local name="$1" line="$2" hold="$3"
  shift 3
  { printf '%s\n' "$line"; sleep "$hold"; } |
    timeout -k 2 "$CLIENT_LIFETIME" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
  HELD_PID=$!
  BG_PIDS+=("$HELD_PID")
}

case_concurrent() {
  local n=50 name=concurrent i problems=()
  CASES=$((CASES + 1))
  # --debug 1 logs "handshake complete" per session: all 50 must be open
  # before the first one ends. The clients hold their input open until the
  # gate (a FIFO held open here as fd 9) closes.
  start_server "$name.srv" "listening on" "${SERV[@]}" --echo --debug 1 ||
    { fail_case "$name" "coda-serv did not start"; return; }
  mkfifo "$WORK/gate"
  exec 9<>"$WORK/gate"
  local pids=() start=$SECONDS
  for ((i = 1; i <= n; i++)); do
    # The gate is opened before the line goes out: it is open by the time
    # the echo shows, so closing fd 9 then reaches every client.
    { exec 8<"$WORK/gate"; printf '%s\n' "coda concurrent line $i $RANDOM"; cat <&8 >/dev/null; } 9>&- |
      timeout -k 2 60 openssl s_client -brief -connect "127.0.0.1:$SERVER_PORT" \
        -servername localhost -CAfile "$PKI/ca.pem" -verify_return_error \
        -verify_hostname localhost >"$WORK/$name.$i.out" 2>"$WORK/$name.$i.err" 9>&- &
    pids+=("$!")
    BG_PIDS+=("$!")
  done
  wait_for_count "$SERVER_ERR" "handshake complete" "$n" 40 "$SERVER_PID" ||
    problems+=("not all $n handshakes completed")
  for ((i = 1; i <= n; i++)); do
    wait_for_text "$WORK/$name.$i.out" "coda concurrent line $i " "$WAIT_S" "${pids[i - 1]}" || true
  done
  read_file "$SERVER_ERR"
  local before_end="${FILE_TEXT%%bytes in;*}"
  count_text "$before_end" "handshake complete"
  ((COUNT >= n)) || problems+=("only $COUNT sessions were open together (expected $n)")
  exec 9>&-  # the gate: every client's input ends, each sends close_notify
  local rc
  for ((i = 1; i <= n; i++)); do
    rc=0
    wait "${pids[i - 1]}" || rc=$?
    ((rc == 0)) || problems+=("client $i exited with $rc")
    has_text "coda concurrent line $i " "$WORK/$name.$i.out" || problems+=("client $i got no echo")
  done
  wait_for_count "$SERVER_ERR" "clean: the client sent close_notify, we answered" "$n" "$WAIT_S" \
    "$SERVER_PID" || problems+=("coda-serv did not log $n clean ends")
  log "concurrent: $n clients in $((SECONDS - start)) s"
  stop_pid "$SERVER_PID"
  if ((${#problems[@]} == 0)); then
    pass_case "$name"
  else
    fail_case "$name" "$(IFS=';'; echo "${problems[*]:0:5}")" "$SERVER_ERR" "$WORK/$name.1.err"
  fi
}

case_http() {
  require_tool curl wget
  local name problems
  start_server http.srv "listening on" "${SERV[@]}" --http ||
    { fail_case http "coda-serv did not start"; return; }
  local port="$SERVER_PORT" pid="$SERVER_PID" err="$SERVER_ERR"

  name=http-curl problems=()
  CASES=$((CASES + 1))
  run_client "$name" curl -sS --max-time 10 -D "$WORK/$name.head" --cacert "$PKI/ca.pem" \
    "https://localhost:$port/"
  ((RUN_RC == 0)) || problems+=("curl exited with $RUN_RC")
  has_text "<h1>Coda TLS server</h1>" "$WORK/$name.out" || problems+=("curl did not get the page")
  has_text "HTTP/1.1 200 OK" "$WORK/$name.head" || problems+=("no 200 OK")
  has_text "Connection: close" "$WORK/$name.head" || problems+=("no Connection: close")
  wait_for_text "$err" "connection 1 from" "$WAIT_S" "$pid" || problems+=("no log line for curl")
  ((${#problems[@]} == 0)) && pass_case "$name" ||
    fail_case "$name" "$(IFS=';'; echo "${problems[*]}")" "$WORK/$name.err" "$err"

  name=http-wget problems=()
  CASES=$((CASES + 1))
  run_client "$name" wget -q --timeout=10 --tries=1 --ca-certificate="$PKI/ca.pem" -O - \
    "https://localhost:$port/"
  ((RUN_RC == 0)) || problems+=("wget exited with $RUN_RC")
  has_text "<h1>Coda TLS server</h1>" "$WORK/$name.out" || problems+=("wget did not get the page")
  wait_for_text "$err" "connection 2 from" "$WAIT_S" "$pid" || problems+=("no log line for wget")
  ((${#problems[@]} == 0)) && pass_case "$name" ||
    fail_case "$name" "$(IFS=';'; echo "${problems[*]}")" "$WORK/$name.err" "$err"

  name=http-bad-method problems=()
  CASES=$((CASES + 1))
  run_client "$name" curl -sS --max-time 10 -X DELETE -o /dev/null -w '%{http_code}' \
    --cacert "$PKI/ca.pem" "https://localhost:$port/"
  has_text "405" "$WORK/$name.out" || problems+=("DELETE did not get 405")
  ((${#problems[@]} == 0)) && pass_case "$name" ||
    fail_case "$name" "$(IFS=';'; echo "${problems[*]}")" "$WORK/$name.out" "$WORK/$name.err"
  stop_pid "$pid"

  # --http with --httpdata (gnutls-serv takes both): a small file's whole
  # reply in one record, which is what one SSL_read (Python's recv) returns.
  name=http-one-record problems=()
  CASES=$((CASES + 1))
  printf 'one record reply\n' >"$WORK/small.txt"
  start_server small.srv "listening on" "${SERV[@]}" --http --httpdata "$WORK/small.txt" ||
    { fail_case "$name" "coda-serv did not start"; return; }
  run_client "$name" python3 -c '
import socket, ssl, sys
ctx = ssl.create_default_context(cafile=sys.argv[2])
with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10) as raw:
    with ctx.wrap_socket(raw, server_hostname="localhost") as tls:
        tls.sendall(b"GET /small.txt HTTP/1.1\r\nHost: localhost\r\n\r\n")
        sys.stdout.write(tls.recv(65536).decode())
' "$SERVER_PORT" "$PKI/ca.pem"
  ((RUN_RC == 0)) || problems+=("the client exited with $RUN_RC")
  has_text "HTTP/1.1 200 OK" "$WORK/$name.out" || problems+=("no 200 OK in the first record")
  has_text "one record reply" "$WORK/$name.out" || problems+=("the body is not in the first record")
  stop_pid "$SERVER_PID"
  ((${#problems[@]} == 0)) && pass_case "$name" ||
    fail_case "$name" "$(IFS=';'; echo "${problems[*]}")" "$WORK/$name.out" "$WORK/$name.err"

  # --httpdata: a file of 300 KiB (several records, several body slices).
  name=httpdata-curl problems=()
  CASES=$((CASES + 1))
  head -c 307200 /dev/urandom >"$WORK/data.bin"
  start_server httpdata.srv "listening on" "${SERV[@]}" --httpdata "$WORK/data.bin" ||
    { fail_case "$name" "coda-serv did not start"; return; }
  run_client "$name" curl -sS --max-time 10 -o "$WORK/fetched.bin" --cacert "$PKI/ca.pem" \
    "https://localhost:$SERVER_PORT/data.bin"
  ((RUN_RC == 0)) || problems+=("curl exited with $RUN_RC")
  cmp -s "$WORK/data.bin" "$WORK/fetched.bin" || problems+=("the file came back different")
  stop_pid "$SERVER_PID"
  ((${#problems[@]} == 0)) && pass_case "$name" ||
    fail_case "$name" "$(IFS=';'; echo "${problems[*]}")" "$WORK/$name.err" "$SERVER_ERR"
}

case_sigterm() {
  local name=sigterm problems=()
  CASES=$((CASES + 1))
  start_server "$name.srv" "listening on" "${SERV[@]}" --echo --debug 1 ||
    { fail_case "$name" "coda-serv did not start"; return; }
  held_client "$name.ossl" "sigterm openssl" 4 openssl s_client -brief -msg \
    -connect "127.0.0.1:$SERVER_PORT" -servername localhost -CAfile "$PKI/ca.pem"
  local ossl=$HELD_PID
  held_client "$name.coda" "sigterm coda" 4 "$CODA_BIN/coda-cli" --port "$SERVER_PORT" \
    --x509cafile "$PKI/ca.pem" localhost
  local coda=$HELD_PID
  wait_for_text "$WORK/$name.ossl.out" "sigterm openssl" "$WAIT_S" "$ossl" ||
    problems+=("no echo for s_client")
  wait_for_text "$WORK/$name.coda.out" "sigterm coda" "$WAIT_S" "$coda" ||
    problems+=("no echo for coda-cli")
  local t0=$SECONDS rc=0
  kill -TERM "$SERVER_PID"
  wait "$SERVER_PID" || rc=$?
  ((rc == 0)) || problems+=("coda-serv exited with $rc after SIGTERM")
  ((SECONDS - t0 <= 4)) || problems+=("coda-serv took $((SECONDS - t0)) s to stop")
  wait_pid "$ossl" "$CLIENT_LIFETIME"
  wait_pid "$coda" "$CLIENT_LIFETIME"
  read_file "$WORK/$name.ossl.out"
  [[ "$FILE_TEXT" == *"<<< TLS 1.3, Alert [length 0002], warning close_notify"* ]] ||
    problems+=("s_client did not receive close_notify")
  has_text "the server sent close_notify first" "$WORK/$name.coda.err" ||
    problems+=("coda-cli did not see the server close first and cleanly")
  count_text "$(cat "$SERVER_ERR")" "server stopping"
  ((COUNT >= 2)) || problems+=("coda-serv did not log two sessions closed by the stop")
  if ((${#problems[@]} == 0)); then
    pass_case "$name"
  else
    fail_case "$name" "$(IFS=';'; echo "${problems[*]}")" "$SERVER_ERR" "$WORK/$name.coda.err"
  fi
}

case_options() {
  local name rc opt
  for opt in --dhparams --sni-hostname=x --udp -g --x509crlfile; do
    name="options-unsupported-${opt//[^a-z]/}"
    CASES=$((CASES + 1))
    rc=0
    "$CODA_BIN/coda-serv" "$opt" >"$WORK/$name.out" 2>"$WORK/$name.err" </dev/null || rc=$?
    local stem="${opt%%=*}"
    if ((rc == 1)) && has_text "$stem" "$WORK/$name.err" && has_text "not supported" "$WORK/$name.err"; then
      pass_case "$name"
    else
      fail_case "$name" "exit $rc, or the error does not name $stem" "$WORK/$name.err"
    fi
  done
  for opt in --frobnicate "--bye=sometimes"; do
    name="options-bad-${opt//[^a-z]/}"
    CASES=$((CASES + 1))
    rc=0
    "$CODA_BIN/coda-serv" "$opt" --x509certfile "$PKI/ecdsa256.pem" \
      --x509keyfile "$PKI/ecdsa256.key" >"$WORK/$name.out" 2>"$WORK/$name.err" </dev/null || rc=$?
    if ((rc == 1)) && [[ "$(wc -l <"$WORK/$name.err")" == 1 ]]; then
      pass_case "$name"
    else
      fail_case "$name" "exit $rc, or not one line of error" "$WORK/$name.err"
    fi
  done
  name=options-accepted
  CASES=$((CASES + 1))
  if start_server "$name.srv" "listening on" "${SERV[@]}" --noticket --disable-client-cert \
    --debug 2 --timeout 5 --bye wr --echo; then
    converse "$name" "accepted options" "accepted options" openssl s_client -brief \
      -connect "127.0.0.1:$SERVER_PORT" -servername localhost -CAfile "$PKI/ca.pem"
    if has_text "accepted options" "$WORK/$name.out"; then
      pass_case "$name"
    else
      fail_case "$name" "no echo" "$WORK/$name.err" "$SERVER_ERR"
    fi
    stop_pid "$SERVER_PID"
  else
    fail_case "$name" "coda-serv did not start with the accepted options"
  fi
}

case_bye_none() {
  local name=bye-none problems=()
  CASES=$((CASES + 1))
  start_server "$name.srv" "listening on" "${SERV[@]}" --echo --bye none ||
    { fail_case "$name" "coda-serv did not start"; return; }
  converse "$name" "no goodbye" "no goodbye" "$CODA_BIN/coda-cli" --port "$SERVER_PORT" \
    --x509cafile "$PKI/ca.pem" localhost
  has_text "no goodbye" "$WORK/$name.out" || problems+=("no echo")
  ((CONVERSE_RC != 0 && CONVERSE_RC != 124)) || problems+=("coda-cli exited with $CONVERSE_RC")
  has_text "truncat" "$WORK/$name.err" || problems+=("coda-cli did not report the truncation")
  wait_for_text "$SERVER_ERR" "we did not answer (--bye none)" "$WAIT_S" "$SERVER_PID" ||
    problems+=("coda-serv did not log the unanswered close_notify")
  stop_pid "$SERVER_PID"
  if ((${#problems[@]} == 0)); then
    pass_case "$name"
  else
    fail_case "$name" "$(IFS=';'; echo "${problems[*]}")" "$WORK/$name.err" "$SERVER_ERR"
  fi
}

case_sni() {
  # A second chain for other.test, from the same CA, listed first.
  (
    cd "$WORK"
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out other.key 2>/dev/null
    openssl req -new -key other.key -subj "/O=Coda Tests/CN=other.test" \
      -addext "subjectAltName=DNS:other.test" -out other.csr 2>/dev/null
    printf '%s\n' "subjectAltName=DNS:other.test" "extendedKeyUsage=serverAuth" >other.ext
    openssl x509 -req -in other.csr -CA "$PKI/ca.pem" -CAkey "$PKI/ca.key" -set_serial 77 \
      -days 1 -sha256 -extfile other.ext -out other.pem 2>/dev/null
  ) || { fail_case sni "could not make the other.test certificate"; return; }
  start_server sni.srv "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo \
    --x509certfile "$WORK/other.pem" --x509keyfile "$WORK/other.key" \
    --x509certfile "$PKI/ecdsa256.pem" --x509keyfile "$PKI/ecdsa256.key" ||
    { fail_case sni "coda-serv did not start"; return; }
  local host name
  for host in localhost other.test; do
    name="sni-$host"
    CASES=$((CASES + 1))
    converse "$name" "sni $host" "sni $host" openssl s_client -brief \
      -connect "127.0.0.1:$SERVER_PORT" -servername "$host" -CAfile "$PKI/ca.pem" \
      -verify_return_error -verify_hostname "$host"
    if ((CONVERSE_RC == 0)) && has_text "sni $host" "$WORK/$name.out" &&
      has_text "Verification: OK" "$WORK/$name.err"; then
      pass_case "$name"
    else
      fail_case "$name" "no verified session for $host (exit $CONVERSE_RC)" "$WORK/$name.err"
    fi
  done
  stop_pid "$SERVER_PID"
}

case "$which" in
  concurrent) case_concurrent ;;
  http) case_http ;;
  sigterm) case_sigterm ;;
  options) case_options ;;
  bye-none) require_tool "$CODA_BIN/coda-cli"; case_bye_none ;;
  sni) case_sni ;;
  *) log "unknown case $which"; exit 2 ;;
esac
finish
