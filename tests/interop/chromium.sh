#!/usr/bin/env bash
# Headless Chromium (a third TLS stack, BoringSSL) loads a page from
# coda-serv --httpdata and its screenshot is checked pixel by pixel.
# Chromium trusts the test key through --ignore-certificate-errors-spki-list
# (the base64 SHA-256 of the certificate's SubjectPublicKeyInfo), so the
# cases are:
#   chromium-spki        the right hash: the page renders (a blue page with a
#                        yellow block), and coda-serv logs a TLS 1.3 session
#                        with no HelloRetryRequest (Chromium's key shares are
#                        X25519MLKEM768 and X25519, with GREASE around them)
#                        that served GET /
#   chromium-no-spki     no hash: Chromium refuses the certificate; no page
#   chromium-wrong-spki  the hash of another key: refused the same way
# A refused load leaves no screenshot (or Chromium's error page, whose colours
# differ), and coda-serv logs the handshakes Chromium broke off.
# Usage: chromium.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_tool "$CODA_BIN/coda-serv" openssl python3 chromium
ensure_pki

# One Chromium run starts a browser, a GPU and a renderer process: seconds,
# more on a loaded machine.
CHROMIUM_LIFETIME="${CHROMIUM_LIFETIME:-60}"
WIDTH=400 HEIGHT=300
BLUE=1060d0 YELLOW=f0c020
cat >"$WORK/page.html" <<EOF
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Coda in Chromium</title><style>
html, body { margin: 0; height: 100%; background: #$BLUE; overflow: hidden; }
#block { position: absolute; left: 100px; top: 80px; width: 200px; height: 150px;
         background: #$YELLOW; }
</style></head><body><div id="block"></div></body></html>
EOF
# Points well inside and just outside the block's edges (100..299 x 80..229).
PIXELS=("10,10=$BLUE" "390,290=$BLUE" "200,150=$YELLOW" "103,83=$YELLOW" "296,226=$YELLOW"
  "96,150=$BLUE" "303,150=$BLUE" "200,76=$BLUE" "200,233=$BLUE")

spki_hash() {  # spki_hash CERT: the base64 SHA-256 of its SubjectPublicKeyInfo
  openssl x509 -in "$1" -noout -pubkey | openssl pkey -pubin -outform DER |
    openssl dgst -sha256 -binary | base64
}

# Runs headless Chromium on URL with EXTRA flags; a fresh profile and HOME
# under $WORK each time, so nothing is cached or left behind. The screenshot
# goes to $WORK/NAME.png, the output to $WORK/NAME.{out,err}.
run_chromium() {  # run_chromium NAME URL EXTRA...
  local name="$1" url="$2"
  shift 2
  local home="$WORK/$name.home"
  mkdir -p "$home/profile"
  CHROMIUM_RC=0
  # timeout signals its whole process group, so Chromium's helper processes
  # go with it when it overruns.
  HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" \
    timeout -k 5 "$CHROMIUM_LIFETIME" chromium --headless --no-sandbox --disable-gpu \
    --disable-quic --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --user-data-dir="$home/profile" --window-size="$WIDTH,$HEIGHT" \
    --screenshot="$WORK/$name.png" "$@" "$url" </dev/null >"$WORK/$name.out" \
    2>"$WORK/$name.err" || CHROMIUM_RC=$?
  # A helper that outlived the browser would hold the profile open.
  local pid
  for pid in $(pgrep -f -- "--user-data-dir=$home/profile" || true); do
    log "$name: Chromium process $pid outlived the browser; stopping it"
    kill -KILL "$pid" 2>/dev/null || true
  done
}

# The server log's lines for connection N, as "connection N from ...: ...".
connection_lines() {  # connection_lines LOG N: sets CONN_TEXT
  local line
  CONN_TEXT=""
  while IFS= read -r line; do
    if [[ "$line" == "connection $2 from "* ]]; then CONN_TEXT+="$line"$'\n'; fi
  done <"$1"
}

start_server chromium.srv "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --debug 1 \
  --x509certfile "$PKI/ecdsa256.pem" --x509keyfile "$PKI/ecdsa256.key" \
  --httpdata "$WORK/page.html" || { log "coda-serv did not start"; exit 1; }
URL="https://localhost:$SERVER_PORT/"

# The page loads when Chromium trusts the key.
name=chromium-spki problems=()
CASES=$((CASES + 1))
log_mark "$SERVER_ERR"
mark=$MARK
run_chromium "$name" "$URL" --ignore-certificate-errors-spki-list="$(spki_hash "$PKI/ecdsa256.pem")"
((CHROMIUM_RC == 0)) || problems+=("chromium exited with $CHROMIUM_RC")
if ! python3 "$here/png_colours.py" "$WORK/$name.png" "$WIDTH" "$HEIGHT" "${PIXELS[@]}" \
  >"$WORK/$name.pixels" 2>&1; then
  problems+=("the screenshot is not the page")
fi
# Which connection served the page: its handshake must be TLS 1.3 without HRR.
wait_for_text "$SERVER_ERR" "HTTP GET /: 200 OK" "$WAIT_S" "$SERVER_PID" ||
  problems+=("coda-serv did not log GET /")
log_since "$SERVER_ERR" "$mark" "$WORK/$name.srv.log"
read_file "$WORK/$name.srv.log"
if line_with "$FILE_TEXT" "HTTP GET /: 200 OK"; then
  page_conn="${FILE_TEXT%%": HTTP GET /: 200 OK"*}"
  page_conn="${page_conn##*$'\n'}"  # "connection N from ADDR"
  page_conn="${page_conn#connection }"
  connection_lines "$WORK/$name.srv.log" "${page_conn%% *}"
  if line_with "$CONN_TEXT" "handshake complete: "; then
    log "$name: $LINE"
    [[ "$LINE" == "handshake complete: TLS1.3 "* ]] || problems+=("not TLS 1.3: $LINE")
    [[ "$LINE" != *"(HRR)"* ]] || problems+=("coda-serv needed a HelloRetryRequest: $LINE")
  else
    problems+=("no completed handshake logged for the connection that served GET /")
  fi
fi
if ((${#problems[@]} == 0)); then
  pass_case "$name"
else
  fail_case "$name" "$(IFS=';'; echo "${problems[*]}")" "$WORK/$name.pixels" \
    "$WORK/$name.err" "$WORK/$name.srv.log"
fi

# Without the hash, or with another key's, Chromium must refuse: then it was
# the SPKI pin that made the page load, not a lax browser.
refused_case() {  # refused_case NAME EXTRA...
  local name="$1" problems=()
  shift
  CASES=$((CASES + 1))
  log_mark "$SERVER_ERR"
  local mark=$MARK
  run_chromium "$name" "$URL" "$@"
  ((CHROMIUM_RC != 124 && CHROMIUM_RC < 128)) ||
    problems+=("chromium did not finish (exit $CHROMIUM_RC)")
  if [[ -e "$WORK/$name.png" ]] && python3 "$here/png_colours.py" "$WORK/$name.png" \
    "$WIDTH" "$HEIGHT" "${PIXELS[@]}" >"$WORK/$name.pixels" 2>&1; then
    problems+=("the page rendered although the certificate is not trusted")
  fi
  # Chromium aborts the handshake with an alert after the server's Finished.
  wait_for_text "$SERVER_ERR" "handshake failed: the peer sent the fatal alert" "$WAIT_S" \
    "$SERVER_PID" || true
  log_since "$SERVER_ERR" "$mark" "$WORK/$name.srv.log"
  has_text "handshake failed: the peer sent the fatal alert" "$WORK/$name.srv.log" ||
    problems+=("coda-serv logged no handshake refused by Chromium")
  ! has_text "HTTP GET" "$WORK/$name.srv.log" || problems+=("Chromium sent a request anyway")
  read_file "$WORK/$name.err"
  if line_with "$FILE_TEXT" "Page load failed"; then log "$name: Chromium says: $LINE"; fi
  if ((${#problems[@]} == 0)); then
    pass_case "$name"
  else
    fail_case "$name" "$(IFS=';'; echo "${problems[*]}")" "$WORK/$name.pixels" \
      "$WORK/$name.srv.log"
  fi
}
refused_case chromium-no-spki
refused_case chromium-wrong-spki \
  --ignore-certificate-errors-spki-list="$(spki_hash "$PKI/untrusted.pem")"

stop_pid "$SERVER_PID"
finish
