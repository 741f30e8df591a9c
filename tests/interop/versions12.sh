#!/usr/bin/env bash
# Version negotiation between TLS 1.3 and 1.2, and the refusal of older
# versions, with coda-cli and coda-serv against one peer.
# Usage: versions12.sh openssl|gnutls
#
#   cli-default-vs-tls12-server   coda-cli offering 1.3 and 1.2 (its default
#                                 priority) settles on 1.2 with a 1.2-only server
#   cli-tls12-vs-tls13-server     coda-cli offering 1.2 only settles on 1.2 with a
#                                 1.3-capable server (whose random then carries
#                                 DOWNGRD\x01, which such a client must accept)
#   cli-tls13-vs-tls12-server     coda-cli offering 1.3 only fails against a
#                                 1.2-only server, with no data exchanged
#   serv-default-vs-tls12-client  coda-serv (1.3 and 1.2) answers a 1.2-only client
#                                 with 1.2; openssl: its ServerHello random ends in
#                                 the RFC 8446 4.1.3 sentinel 44 4F 57 4E 47 52 44 01
#   serv-tls12-vs-default-client  coda-serv allowing 1.2 only answers a 1.3-capable
#                                 client (which checks the sentinel) with 1.2, and
#                                 sets no sentinel
#   serv-refuses-tls11/tls10      a ClientHello offering only TLS 1.1 (1.0) is
#                                 refused by coda-serv with protocol_version (70)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

peer="${1:?usage: versions12.sh openssl|gnutls}"
case "$peer" in
  openssl) require_tool openssl ;;
  gnutls) require_tool gnutls-serv gnutls-cli ;;
  *) log "unknown peer $peer"; exit 2 ;;
esac
require_tool "$CODA_BIN/coda-cli" "$CODA_BIN/coda-serv"
ensure_pki

kind=ecdsa256
cert=(--x509certfile "$PKI/$kind.pem" --x509keyfile "$PKI/$kind.key")
NO_TLS13="NORMAL:-VERS-TLS1.3"
NO_TLS12="NORMAL:-VERS-TLS1.2"
SENTINEL12="44 4f 57 4e 47 52 44 01"  # "DOWNGRD" 01: the server negotiated TLS 1.2
SENTINEL11="44 4f 57 4e 47 52 44 00"  # "DOWNGRD" 00: TLS 1.1 or below

# Starts a peer server for one case: openssl s_server -rev (one connection)
# or gnutls-serv --echo, limited to VERSION (tls12, tls11) or any (default).
start_peer_server() {  # start_peer_server NAME VERSION
  local v=()
  if [[ "$peer" == openssl ]]; then
    case "$2" in
      tls12) v=(-tls1_2) ;;
      default) ;;
    esac
    start_server "$1" ACCEPT openssl s_server -accept "127.0.0.1:@PORT@" "${v[@]}" \
      -cert "$PKI/$kind.pem" -key "$PKI/$kind.key" -rev -naccept 1
  else
    case "$2" in
      tls12) v=(--priority "$PRIORITY_TLS12_ONLY") ;;
      default) ;;
    esac
    # -d 5: gnutls-serv logs the alerts it sends and receives.
    start_server "$1" "listening on IPv4" gnutls-serv -d 5 --port @PORT@ --echo "${cert[@]}" "${v[@]}"
  fi
}

# Pulls the last 8 bytes of the ServerHello random out of s_client -msg
# output: "<<< TLS 1.2, Handshake [length 003b], ServerHello" and then hex
# lines; the message is type(1) length(3) version(2) random(32) ...
server_random_tail() {  # server_random_tail FILE: sets RANDOM_TAIL ("" if not found)
  local l in_hello=0
  local -a bytes=()
  RANDOM_TAIL=""
  while IFS= read -r l; do
    if ((in_hello)); then
      [[ "$l" == "    "* ]] || break
      # shellcheck disable=SC2206  # split the hex line into bytes
      bytes+=($l)
    elif [[ "$l" == "<<< "*", ServerHello" ]]; then
      in_hello=1
    fi
  done <"$1"
  ((${#bytes[@]} >= 38)) || return 0
  RANDOM_TAIL="${bytes[*]:30:8}"
  RANDOM_TAIL="${RANDOM_TAIL,,}"
}

# ---- coda-cli as the client -------------------------------------------------

# cli_case NAME SERVER_VERSION EXPECT_OK CODA_PRIORITY...
cli_case() {
  local name="$1" server_version="$2" expect_ok="$3"
  shift 3
  local -a prio=()
  [[ $# -eq 0 ]] || prio=(--priority "$1")
  CASES=$((CASES + 1))
  name="versions-$peer-$name"
  if ! start_peer_server "$name.srv" "$server_version"; then
    fail_case "$name" "the $peer server did not start"
    return
  fi
  local srv_pid="$SERVER_PID" srv_logs=("$SERVER_OUT" "$SERVER_ERR")
  local line="coda interop $RANDOM$RANDOM $name" expect problems=()
  if [[ "$peer" == openssl ]]; then
    reverse_text "$line"
    expect="$REVERSED"
  else
    expect="$line"
  fi
  converse "$name" "$line" "$expect" "$CODA_BIN/coda-cli" --port "$SERVER_PORT" \
    --x509cafile "$PKI/ca.pem" "${prio[@]}" localhost
  local out="$WORK/$name.out" err="$WORK/$name.err"
  if [[ "$peer" == openssl ]]; then
    wait_pid "$srv_pid" "$WAIT_S"  # -naccept 1: it ends after the one session
  else
    # After a clean closure the server has logged the session (it prints
    # the description at the end of the handshake); after a refusal it may
    # log the error just after sending its alert.
    if [[ "$expect_ok" != yes ]]; then
      wait_for_text "$SERVER_ERR" "Error in handshake" "$WAIT_S" "$srv_pid" || true
    fi
    stop_pid "$srv_pid"
  fi
  read_file "$err"
  local coda_text="$FILE_TEXT" srv_text
  read_file "${srv_logs[0]}"
  srv_text="$FILE_TEXT"
  read_file "${srv_logs[1]}"
  srv_text+="$FILE_TEXT"

  if [[ "$expect_ok" == yes ]]; then
    ((CONVERSE_RC == 0)) || problems+=("coda-cli exited with $CONVERSE_RC")
    has_text "$expect" "$out" || problems+=("the server's reply is not in coda-cli's output")
    if [[ "$CODA_SHIM" != 1 ]]; then
      [[ "$coda_text" == *"- version: TLS1.2"* ]] || problems+=("coda-cli summary lacks 'version: TLS1.2'")
      [[ "$coda_text" == *"- closure: clean"* ]] || problems+=("coda-cli did not report a clean closure")
    fi
    if [[ "$peer" == openssl ]]; then
      [[ "$srv_text" == *"Protocol version: TLSv1.2"* ]] || problems+=("s_server did not negotiate TLSv1.2")
      [[ "$srv_text" == *"CONNECTION CLOSED"* ]] || problems+=("s_server did not report CONNECTION CLOSED")
    else
      [[ "$srv_text" == *"(TLS1.2-X.509)"* ]] || problems+=("gnutls-serv did not negotiate TLS1.2")
      [[ "$srv_text" != *"Error in handshake"* ]] || problems+=("gnutls-serv reported a handshake error")
    fi
  else
    ((CONVERSE_RC != 0)) || problems+=("coda-cli exited 0")
    ((CONVERSE_RC != 124)) || problems+=("coda-cli had to be killed")
    ! has_text "$expect" "$out" || problems+=("data went through")
    [[ "$coda_text" != *"- version:"* ]] || problems+=("coda-cli completed a handshake")
    if [[ "$peer" == openssl ]]; then
      # OpenSSL honours supported_versions even when it allows 1.2 only: it
      # finds no common version and sends protocol_version itself.
      [[ "$srv_text" == *"unsupported protocol"* ]] || problems+=("s_server did not refuse the version")
      if [[ "$CODA_SHIM" != 1 ]]; then
        [[ "$coda_text" == *"the peer sent the fatal alert protocol_version"* ]] ||
          problems+=("coda-cli did not report the peer's protocol_version alert")
      fi
    else
      # gnutls-serv with 1.2 only reads the legacy version (3.3), ignores
      # supported_versions, and then shares no suite with a 1.3-only
      # ClientHello: handshake_failure (40).
      [[ "$srv_text" == *"Sending Alert[2|40]"* ]] || problems+=("gnutls-serv did not send handshake_failure")
      if [[ "$CODA_SHIM" != 1 ]]; then
        [[ "$coda_text" == *"the peer sent the fatal alert handshake_failure"* ]] ||
          problems+=("coda-cli did not report the peer's handshake_failure alert")
      fi
    fi
  fi
  if ((${#problems[@]} == 0)); then
    pass_case "$name"
  else
    fail_case "$name" "$(IFS=';'; echo "${problems[*]}")" "$out" "$err" "${srv_logs[@]}"
  fi
}

cli_case cli-default-vs-tls12-server tls12 yes
cli_case cli-tls12-vs-tls13-server default yes "$NO_TLS13"
cli_case cli-tls13-vs-tls12-server tls12 no "$NO_TLS12"

# ---- coda-serv as the server ------------------------------------------------

start_server coda13 "listening on" "$CODA_BIN/coda-serv" --port @PORT@ "${cert[@]}" --echo ||
  { log "FAIL: coda-serv did not start"; exit 1; }
coda13_port="$SERVER_PORT" coda13_err="$SERVER_ERR" coda13_pid="$SERVER_PID" coda13_n=0
start_server coda12 "listening on" "$CODA_BIN/coda-serv" --port @PORT@ "${cert[@]}" --echo \
  --priority "$NO_TLS13" || { log "FAIL: coda-serv (1.2 only) did not start"; exit 1; }
coda12_port="$SERVER_PORT" coda12_err="$SERVER_ERR" coda12_pid="$SERVER_PID" coda12_n=0

# Sets CODA_LINE to coda-serv's log line for its connection number N.
coda_serv_line() {  # coda_serv_line ERR_FILE N PID
  CODA_LINE=""
  if wait_for_count "$1" "connection $2 from" 1 "$WAIT_S" "$3"; then
    read_file "$1"
    line_with "$FILE_TEXT" "connection $2 from" && CODA_LINE="$LINE"
  fi
  return 0
}

# serv_case NAME WHICH(13|12) CLIENT_VERSION(tls12|default|tls11|tls10) EXPECT_OK
serv_case() {
  local name="versions-$peer-$1" which="$2" client_version="$3" expect_ok="$4"
  local port err pid n problems=()
  CASES=$((CASES + 1))
  if [[ "$which" == 13 ]]; then
    port="$coda13_port" err="$coda13_err" pid="$coda13_pid"
    coda13_n=$((coda13_n + 1))
    n="$coda13_n"
  else
    port="$coda12_port" err="$coda12_err" pid="$coda12_pid"
    coda12_n=$((coda12_n + 1))
    n="$coda12_n"
  fi
  local line="coda interop $RANDOM$RANDOM $name" v=()
  if [[ "$peer" == openssl ]]; then
    case "$client_version" in
      tls12) v=(-tls1_2) ;;
      tls11) v=(-tls1_1 -cipher DEFAULT@SECLEVEL=0) ;;  # else OpenSSL refuses it locally
      tls10) v=(-tls1 -cipher DEFAULT@SECLEVEL=0) ;;
      default) ;;
    esac
    converse "$name" "$line" "$line" openssl s_client -brief -msg -connect "127.0.0.1:$port" \
      -servername localhost -CAfile "$PKI/ca.pem" -verify_return_error -verify_hostname localhost "${v[@]}"
  else
    case "$client_version" in
      tls12) v=(--priority "$PRIORITY_TLS12_ONLY") ;;
      tls11) v=(--priority "NORMAL:-VERS-ALL:+VERS-TLS1.1") ;;
      tls10) v=(--priority "NORMAL:-VERS-ALL:+VERS-TLS1.0") ;;
      default) ;;
    esac
    converse "$name" "$line" "$line" gnutls-cli --port "$port" --x509cafile "$PKI/ca.pem" "${v[@]}" localhost
  fi
  local out="$WORK/$name.out" cerr="$WORK/$name.err" client_text
  read_file "$out"
  client_text="$FILE_TEXT"
  read_file "$cerr"
  client_text+="$FILE_TEXT"
  if [[ "$CODA_SHIM" != 1 ]]; then
    coda_serv_line "$err" "$n" "$pid"
  fi

  if [[ "$expect_ok" == yes ]]; then
    ((CONVERSE_RC == 0)) || problems+=("$peer client exited with $CONVERSE_RC")
    has_text "$line" "$out" || problems+=("the echo is not in the client's output")
    if [[ "$peer" == openssl ]]; then
      [[ "$client_text" == *"Protocol version: TLSv1.2"* ]] || problems+=("s_client did not negotiate TLSv1.2")
      [[ "$client_text" == *"Verification: OK"* ]] || problems+=("s_client did not verify the server")
      server_random_tail "$out"
      if [[ -z "$RANDOM_TAIL" ]]; then
        problems+=("no ServerHello random in s_client -msg output")
      elif [[ "$which" == 13 && "$RANDOM_TAIL" != "$SENTINEL12" ]]; then
        problems+=("the ServerHello random ends in '$RANDOM_TAIL', not the sentinel '$SENTINEL12'")
      elif [[ "$which" == 12 && ("$RANDOM_TAIL" == "$SENTINEL12" || "$RANDOM_TAIL" == "$SENTINEL11") ]]; then
        problems+=("a 1.2-only server set the downgrade sentinel '$RANDOM_TAIL'")
      fi
    else
      [[ "$client_text" == *"(TLS1.2-X.509)"* ]] || problems+=("gnutls-cli did not negotiate TLS1.2")
    fi
    if [[ "$CODA_SHIM" != 1 ]]; then
      [[ "$CODA_LINE" == *": TLS1.2 "* ]] || problems+=("coda-serv did not log TLS1.2 for connection $n")
      [[ "$CODA_LINE" == *"clean"* ]] || problems+=("coda-serv did not log a clean end for connection $n")
    fi
  else
    ((CONVERSE_RC != 0)) || problems+=("$peer client exited 0")
    ((CONVERSE_RC != 124)) || problems+=("$peer client had to be killed")
    ! has_text "$line" "$out" || problems+=("data went through")
    if [[ "$peer" == openssl ]]; then
      [[ "$client_text" == *"alert protocol version"* && "$client_text" == *"SSL alert number 70"* ]] ||
        problems+=("s_client did not receive protocol_version (70)")
    else
      [[ "$client_text" == *"Received alert [70]"* ]] || problems+=("gnutls-cli did not receive protocol_version (70)")
    fi
    if [[ "$CODA_SHIM" != 1 ]]; then
      [[ "$CODA_LINE" == *"handshake failed"*"(sent alert protocol_version)"* ]] ||
        problems+=("coda-serv did not log sending protocol_version for connection $n")
    fi
  fi
  log_since "$err" 0 "$WORK/$name.srv.err"
  if ((${#problems[@]} == 0)); then
    pass_case "$name"
  else
    fail_case "$name" "$(IFS=';'; echo "${problems[*]}")" "$out" "$cerr" "$WORK/$name.srv.err"
  fi
}

serv_case serv-default-vs-tls12-client 13 tls12 yes
serv_case serv-tls12-vs-default-client 12 default yes
serv_case serv-refuses-tls11 13 tls11 no
serv_case serv-refuses-tls10 13 tls10 no
finish
