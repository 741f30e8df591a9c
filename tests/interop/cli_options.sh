#!/usr/bin/env bash
# coda-cli's gnutls-cli options, one group per run:
#   sni          --sni-hostname is what the server sees (gnutls-serv logs
#                "Given server name", coda-serv "sni="), verification still
#                against HOST
#   insecure     --insecure accepts an untrusted certificate and warns
#   print_cert   --print-cert writes PEM that openssl x509 parses
#   starttls     --starttls-proto smtp against a fake SMTP server (python3)
#   exit_codes   0 clean, 2 handshake (verification) failed, 3 truncated,
#                4 close_notify never answered
#   alpn         --alpn against openssl s_server and gnutls-serv (the server's
#                choice is in the summary); coda-serv --alpn/--alpn-fatal
#                against openssl s_client and gnutls-cli
#   keylog       --keylogfile writes exactly the lines openssl s_server's
#                -keylogfile writes for the same session (TLS 1.3 and 1.2)
#   unsupported  --resume: exit 1 with a clear message
# Usage: cli_options.sh GROUP
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

what="${1:?usage: cli_options.sh sni|insecure|print_cert|starttls|exit_codes|alpn|keylog|unsupported}"
require_tool "$CODA_BIN/coda-cli" "$CODA_BIN/coda-serv"
ensure_pki
cli="$CODA_BIN/coda-cli"

check() {  # check CASE PROBLEMS_ARRAY_NAME FILES...
  local name="$1"
  local -n problems_ref="$2"
  shift 2
  CASES=$((CASES + 1))
  if ((${#problems_ref[@]} == 0)); then
    pass_case "$name"
  else
    fail_case "$name" "$(IFS=';'; echo "${problems_ref[*]}")" "$@"
  fi
}

# coda-cli refuses ARGS before connecting: exit 1 and MESSAGE on stderr.
expect_usage_error() {  # expect_usage_error NAME MESSAGE ARGS...
  local name="$1" message="$2"
  shift 2
  run_client "$name" "$cli" --port 1 "$@" localhost
  local -a problems=()
  ((RUN_RC == 1)) || problems+=("coda-cli $* exited $RUN_RC, expected 1")
  has_text "$message" "$WORK/$name.err" || problems+=("no message '$message'")
  check "$name" problems "$WORK/$name.err"
}

start_coda_echo() {  # start_coda_echo NAME CERT_KIND
  start_server "$1" "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo \
    --x509certfile "$PKI/$2.pem" --x509keyfile "$PKI/$2.key"
}

# The python3 servers in tls_peer.py pick their own port.
start_py_peer() {  # start_py_peer NAME MODE CERT_KIND
  local name="$1"
  SERVER_OUT="$WORK/$name.out"
  SERVER_ERR="$WORK/$name.err"
  timeout -k 2 "$PEER_LIFETIME" python3 "$here/tls_peer.py" "$2" "$PKI/$3.pem" "$PKI/$3.key" \
    </dev/null >"$SERVER_OUT" 2>"$SERVER_ERR" &
  SERVER_PID=$!
  BG_PIDS+=("$SERVER_PID")
  wait_for_text "$SERVER_OUT" "listening on " "$WAIT_S" "$SERVER_PID" || return 1
  read_file "$SERVER_OUT"
  line_with "$FILE_TEXT" "listening on "
  SERVER_PORT="${LINE#listening on }"
}

case "$what" in
  sni)
    if command -v gnutls-serv >/dev/null; then
      start_server sni-gnutls "listening on IPv4" gnutls-serv --port @PORT@ --echo \
        --x509certfile "$PKI/ecdsa256.pem" --x509keyfile "$PKI/ecdsa256.key" ||
        { log "FAIL: gnutls-serv did not start"; exit 1; }
      name=sni-gnutls-cli
      converse "$name" "sni line" "sni line" "$cli" --port "$SERVER_PORT" --x509cafile "$PKI/ca.pem" \
        --sni-hostname sni.example localhost
      problems=()
      ((CONVERSE_RC == 0)) || problems+=("coda-cli exited $CONVERSE_RC")
      wait_for_text "$SERVER_OUT" "Given server name[1]: sni.example" "$WAIT_S" ||
        problems+=("gnutls-serv did not see the SNI sni.example")
      has_text "verification: trusted, matches localhost" "$WORK/$name.err" ||
        problems+=("the certificate was not verified against localhost")
      check "$name" problems "$WORK/$name.err" "$SERVER_OUT"
      stop_pid "$SERVER_PID"
    fi
    start_coda_echo sni-coda ecdsa256 || { log "FAIL: coda-serv did not start"; exit 1; }
    name=sni-coda-cli
    converse "$name" "sni line" "sni line" "$cli" --port "$SERVER_PORT" --x509cafile "$PKI/ca.pem" \
      --sni-hostname other.example localhost
    problems=()
    ((CONVERSE_RC == 0)) || problems+=("coda-cli exited $CONVERSE_RC")
    wait_for_text "$SERVER_ERR" "sni=other.example" "$WAIT_S" ||
      problems+=("coda-serv did not log sni=other.example")
    check "$name" problems "$WORK/$name.err" "$SERVER_ERR"
    ;;

  insecure)
    start_coda_echo insecure-srv untrusted || { log "FAIL: coda-serv did not start"; exit 1; }
    name=insecure-refused
    run_client "$name" "$cli" --port "$SERVER_PORT" --x509cafile "$PKI/ca.pem" localhost
    problems=()
    ((RUN_RC == 2)) || problems+=("without --insecure coda-cli exited $RUN_RC, expected 2")
    check "$name" problems "$WORK/$name.err"
    name=insecure-accepted
    converse "$name" "insecure line" "insecure line" "$cli" --port "$SERVER_PORT" --insecure localhost
    problems=()
    ((CONVERSE_RC == 0)) || problems+=("coda-cli --insecure exited $CONVERSE_RC")
    has_text "insecure line" "$WORK/$name.out" || problems+=("no echo")
    has_text "warning: --insecure: the server's certificate is not verified" "$WORK/$name.err" ||
      problems+=("no --insecure warning on stderr")
    has_text "verification: not done (--insecure)" "$WORK/$name.err" ||
      problems+=("the summary does not say verification was skipped")
    has_text "closure: clean" "$WORK/$name.err" || problems+=("no clean closure")
    check "$name" problems "$WORK/$name.out" "$WORK/$name.err"
    ;;

  print_cert)
    require_tool openssl
    start_coda_echo print-cert-srv rsa2048 || { log "FAIL: coda-serv did not start"; exit 1; }
    name=print-cert
    converse "$name" "cert line" "cert line" "$cli" --port "$SERVER_PORT" --x509cafile "$PKI/ca.pem" \
      --print-cert -q localhost
    problems=()
    ((CONVERSE_RC == 0)) || problems+=("coda-cli exited $CONVERSE_RC")
    got="$(openssl x509 -in "$WORK/$name.out" -noout -fingerprint -sha256 2>&1)" ||
      problems+=("openssl x509 cannot parse the output: $got")
    want="$(openssl x509 -in "$PKI/rsa2048.pem" -noout -fingerprint -sha256)"
    [[ "$got" == "$want" ]] || problems+=("the printed certificate is not the server's ('$got' vs '$want')")
    read_file "$WORK/$name.out"
    [[ "$FILE_TEXT" == "-----BEGIN CERTIFICATE-----"* ]] || problems+=("the PEM does not come first")
    [[ "$FILE_TEXT" == *"-----END CERTIFICATE-----"*"cert line"* ]] ||
      problems+=("the data does not follow the PEM")
    read_file "$WORK/$name.err"
    [[ "$FILE_TEXT" != *"- version:"* ]] || problems+=("-q still printed the summary")
    check "$name" problems "$WORK/$name.out" "$WORK/$name.err"
    ;;

  starttls)
    require_tool python3
    start_py_peer smtp-srv smtp ecdsa256 || { log "FAIL: the fake SMTP server did not start"; exit 1; }
    name=starttls-smtp
    converse "$name" "mail over tls" "mail over tls" "$cli" --port "$SERVER_PORT" \
      --x509cafile "$PKI/ca.pem" --starttls-proto smtp localhost
    wait_pid "$SERVER_PID" "$WAIT_S"
    problems=()
    ((CONVERSE_RC == 0)) || problems+=("coda-cli exited $CONVERSE_RC")
    ((WAIT_RC == 0)) || problems+=("the fake SMTP server exited $WAIT_RC")
    has_text "mail over tls" "$WORK/$name.out" || problems+=("no echo over TLS")
    for want in "< 220 fake.example ESMTP ready" "> EHLO" "> STARTTLS" "< 220 go ahead" \
      "closure: clean"; do
      has_text "$want" "$WORK/$name.err" || problems+=("coda-cli's log lacks '$want'")
    done
    has_text "smtp: closed with close_notify" "$SERVER_ERR" || problems+=("the server did not finish cleanly")
    check "$name" problems "$WORK/$name.out" "$WORK/$name.err" "$SERVER_ERR"
    ;;

  exit_codes)
    require_tool python3
    start_coda_echo exit-srv ecdsa256 || { log "FAIL: coda-serv did not start"; exit 1; }
    name=exit-0-clean
    converse "$name" "clean line" "clean line" "$cli" --port "$SERVER_PORT" --x509cafile "$PKI/ca.pem" localhost
    problems=()
    ((CONVERSE_RC == 0)) || problems+=("coda-cli exited $CONVERSE_RC, expected 0")
    check "$name" problems "$WORK/$name.err"

    name=exit-2-verification
    run_client "$name" "$cli" --port "$SERVER_PORT" --x509cafile "$PKI/ca.pem" \
      --verify-hostname wrong.example localhost
    problems=()
    ((RUN_RC == 2)) || problems+=("coda-cli exited $RUN_RC, expected 2")
    has_text "certificate verification failed" "$WORK/$name.err" || problems+=("no reason given")
    check "$name" problems "$WORK/$name.err"

    start_py_peer trunc-srv truncate ecdsa256 || { log "FAIL: the truncating server did not start"; exit 1; }
    name=exit-3-truncated
    converse "$name" "cut line" "partial line" "$cli" --port "$SERVER_PORT" --x509cafile "$PKI/ca.pem" localhost
    problems=()
    ((CONVERSE_RC == 3)) || problems+=("coda-cli exited $CONVERSE_RC, expected 3")
    has_text "partial line" "$WORK/$name.out" || problems+=("the data before the cut is missing")
    has_text "truncated" "$WORK/$name.err" || problems+=("coda-cli did not say truncated")
    check "$name" problems "$WORK/$name.out" "$WORK/$name.err" "$SERVER_ERR"

    start_py_peer silent-srv silent ecdsa256 || { log "FAIL: the silent server did not start"; exit 1; }
    name=exit-4-unconfirmed
    run_client "$name" "$cli" --port "$SERVER_PORT" --x509cafile "$PKI/ca.pem" --timeout 2 localhost
    problems=()
    ((RUN_RC == 4)) || problems+=("coda-cli exited $RUN_RC, expected 4")
    has_text "did not answer our close_notify within the timeout" "$WORK/$name.err" ||
      problems+=("coda-cli did not say why")
    check "$name" problems "$WORK/$name.err" "$SERVER_ERR"
    ;;

  alpn)
    require_tool openssl gnutls-serv gnutls-cli
    # coda-cli offers h2 then http/1.1; each server has only http/1.1.
    alpn_client() {  # alpn_client NAME EXPECT [coda-cli options...]: expects http/1.1
      local name="$1" expect="$2"
      shift 2
      converse "$name" "alpn line" "$expect" "$cli" --port "$SERVER_PORT" \
        --x509cafile "$PKI/ca.pem" "$@" --alpn h2 --alpn http/1.1 localhost
      local -a problems=()
      ((CONVERSE_RC == 0)) || problems+=("coda-cli exited $CONVERSE_RC")
      has_text "- application protocol: http/1.1" "$WORK/$name.err" ||
        problems+=("the summary does not name http/1.1")
      check "$name" problems "$WORK/$name.out" "$WORK/$name.err" "$SERVER_OUT"
    }
    start_server alpn-openssl ACCEPT openssl s_server -accept "127.0.0.1:@PORT@" \
      -cert "$PKI/ecdsa256.pem" -key "$PKI/ecdsa256.key" -rev -alpn http/1.1 ||
      { log "FAIL: s_server did not start"; exit 1; }
    alpn_client alpn-cli-openssl "enil npla"
    stop_pid "$SERVER_PID"

    start_server alpn-gnutls "listening on IPv4" gnutls-serv --port @PORT@ --echo \
      --x509certfile "$PKI/ecdsa256.pem" --x509keyfile "$PKI/ecdsa256.key" --alpn http/1.1 ||
      { log "FAIL: gnutls-serv did not start"; exit 1; }
    for v in 1.3 1.2; do
      alpn_client "alpn-cli-gnutls-$v" "alpn line" --priority "NORMAL:-VERS-ALL:+VERS-TLS$v"
    done
    stop_pid "$SERVER_PID"

    # coda-serv chooses from the client's list; --alpn-fatal refuses a
    # client with none of its protocols.
    start_server alpn-coda "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo \
      --x509certfile "$PKI/ecdsa256.pem" --x509keyfile "$PKI/ecdsa256.key" \
      --alpn http/1.1 --alpn h2 --alpn-fatal ||
      { log "FAIL: coda-serv did not start"; exit 1; }
    name=alpn-serv-openssl
    converse "$name" "alpn line" "alpn line" openssl s_client -connect "127.0.0.1:$SERVER_PORT" \
      -servername localhost -CAfile "$PKI/ca.pem" -alpn h2,http/1.1
    problems=()
    has_text "ALPN protocol: h2" "$WORK/$name.out" || problems+=("s_client did not get h2")
    check "$name" problems "$WORK/$name.out" "$WORK/$name.err" "$SERVER_ERR"
    name=alpn-serv-gnutls
    converse "$name" "alpn line" "alpn line" gnutls-cli --port "$SERVER_PORT" \
      --x509cafile "$PKI/ca.pem" --alpn http/1.1 localhost
    problems=()
    has_text "Application protocol: http/1.1" "$WORK/$name.out" "$WORK/$name.err" ||
      problems+=("gnutls-cli did not get http/1.1")
    check "$name" problems "$WORK/$name.out" "$WORK/$name.err" "$SERVER_ERR"
    name=alpn-serv-fatal
    run_client "$name" openssl s_client -connect "127.0.0.1:$SERVER_PORT" -servername localhost \
      -CAfile "$PKI/ca.pem" -alpn spdy/3
    problems=()
    has_text "no application protocol" "$WORK/$name.out" "$WORK/$name.err" ||
      problems+=("s_client did not receive no_application_protocol")
    check "$name" problems "$WORK/$name.out" "$WORK/$name.err" "$SERVER_ERR"
    expect_usage_error alpn-bad-name "a protocol name is 1 to 255 bytes" --alpn ""
    ;;

  keylog)
    require_tool openssl
    for v in 3 2; do
      start_server "keylog-srv-1.$v" ACCEPT openssl s_server -accept "127.0.0.1:@PORT@" "-tls1_$v" \
        -cert "$PKI/ecdsa256.pem" -key "$PKI/ecdsa256.key" -rev -keylogfile "$WORK/server-1.$v.keys" ||
        { log "FAIL: s_server did not start"; exit 1; }
      name=keylog-1.$v
      converse "$name" "keylog line" "enil golyek" "$cli" --port "$SERVER_PORT" \
        --x509cafile "$PKI/ca.pem" --keylogfile "$WORK/client-1.$v.keys" localhost
      stop_pid "$SERVER_PID"
      problems=()
      ((CONVERSE_RC == 0)) || problems+=("coda-cli exited $CONVERSE_RC")
      # openssl writes a comment line first; the key lines must be the same set.
      grep -v '^#' "$WORK/server-1.$v.keys" | sort >"$WORK/server-1.$v.sorted"
      sort "$WORK/client-1.$v.keys" >"$WORK/client-1.$v.sorted"
      lines=$(wc -l <"$WORK/client-1.$v.sorted")
      if [[ "$v" == 3 ]]; then want=5; else want=1; fi
      ((lines == want)) || problems+=("coda-cli wrote $lines key lines, expected $want")
      cmp -s "$WORK/server-1.$v.sorted" "$WORK/client-1.$v.sorted" ||
        problems+=("the key log differs from openssl's")
      check "$name" problems "$WORK/$name.err" "$WORK/client-1.$v.keys" "$WORK/server-1.$v.keys"
    done
    expect_usage_error keylog-bad-path "cannot open --keylogfile" --keylogfile "$WORK/no-such-dir/keys"
    ;;

  unsupported)
    # --resume works now (early_data.sh); --earlydata needs it.
    expect_usage_error earlydata-without-resume "--earlydata needs --resume" --earlydata /dev/null
    ;;

  *)
    log "unknown group $what"
    exit 2
    ;;
esac
finish
