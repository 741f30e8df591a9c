# Shared helpers for the interop test scripts; sourced, not run.
#
# Environment (set by CTest, or by hand):
#   CODA_BIN   directory holding coda-cli and coda-serv (the build's bin/)
#   CODA_PKI   directory made by make_pki.sh (created here if missing)
#   CODA_SHIM  set to 1 when CODA_BIN holds the shims/ stand-ins (gnutls
#              tools behind coda's option names): checks of coda's own
#              output are skipped then, the peers are still checked.
#   KEEP_WORK  set to 1 to keep the per-test work directory for inspection.
#
# Every process started here runs under `timeout`, and the EXIT trap kills
# what is still running, so a test never hangs and never leaves a peer behind.

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CODA_BIN="${CODA_BIN:?set CODA_BIN to the directory holding coda-cli and coda-serv}"
CODA_PKI="${CODA_PKI:-${TMPDIR:-/tmp}/coda-interop-pki}"
CODA_SHIM="${CODA_SHIM:-0}"
PKI="$CODA_PKI"

# Upper bounds, in seconds: a peer process lives at most PEER_LIFETIME; one
# client run at most CLIENT_LIFETIME; a wait for a log line at most WAIT_S.
PEER_LIFETIME="${PEER_LIFETIME:-100}"
CLIENT_LIFETIME="${CLIENT_LIFETIME:-15}"
WAIT_S="${WAIT_S:-10}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/coda-interop.XXXXXX")"
declare -a BG_PIDS=()
FAILURES=0
CASES=0

# Starting a process is slow on some hosts (tens of milliseconds under a
# sandboxing kernel), and a matrix case used to start dozens just to poll
# and grep. The helpers below use bash builtins only: `nap` sleeps by timing
# out a read on a FIFO nobody writes to, `read_file` loads a log into
# FILE_TEXT, and the waits and checks search that text.
mkfifo "$WORK/.nap"
exec {NAP_FD}<>"$WORK/.nap"
nap() { read -r -t "${1:-0.02}" -u "$NAP_FD" _ || true; }

read_file() {  # read_file FILE: sets FILE_TEXT ("" when FILE is missing)
  FILE_TEXT=""
  [[ -f "$1" ]] || return 0
  IFS= read -r -d '' FILE_TEXT <"$1" || true
}

# has_text TEXT FILE...: true when one of the files contains TEXT.
has_text() {
  local text="$1" f
  shift
  for f in "$@"; do
    read_file "$f"
    [[ "$FILE_TEXT" == *"$text"* ]] && return 0
  done
  return 1
}

# count_text STRING TEXT: sets COUNT to how often TEXT occurs in STRING.
count_text() {
  local rest="$1" text="$2"
  COUNT=0
  while [[ "$rest" == *"$text"* ]]; do
    rest="${rest#*"$text"}"
    COUNT=$((COUNT + 1))
  done
}

# line_with STRING TEXT: sets LINE to the first line of STRING holding TEXT
# (from TEXT to the end of that line), "" when there is none.
line_with() {
  LINE=""
  [[ "$1" == *"$2"* ]] || return 1
  local rest="${1#*"$2"}"
  LINE="$2${rest%%$'\n'*}"
}

# reverse_text STRING: sets REVERSED (what openssl s_server -rev sends back).
reverse_text() {
  local s="$1" i
  REVERSED=""
  for ((i = ${#s} - 1; i >= 0; i--)); do
    REVERSED+="${s:i:1}"
  done
}

cleanup() {
  local pid
  for pid in "${BG_PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${BG_PIDS[@]}"; do
    # `timeout -k` below turns a TERM that is ignored into a KILL.
    wait "$pid" 2>/dev/null || true
  done
  if [[ "${KEEP_WORK:-0}" == 1 ]]; then
    echo "work directory kept: $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '%s\n' "$*" >&2; }

# Marks the current case failed with a reason and the logs named after it.
fail_case() {  # fail_case CASE REASON [FILES...]
  local name="$1" reason="$2"
  shift 2
  FAILURES=$((FAILURES + 1))
  log "FAIL $name: $reason"
  local f
  for f in "$@"; do
    if [[ -s "$f" ]]; then
      log "---- $(basename "$f") (last 25 lines)"
      tail -n 25 "$f" | sed 's/^/    /' >&2
    fi
  done
}

pass_case() { log "ok   $1"; }

# Exits with the summary: non-zero when any case failed.
finish() {
  if ((FAILURES > 0)); then
    log "$FAILURES of $CASES cases failed"
    exit 1
  fi
  log "all $CASES cases passed"
  exit 0
}

ensure_pki() {
  # Several tests may start at once: a lock makes one of them build it.
  mkdir -p "$(dirname "$PKI")"
  (
    flock -w 60 9 || { log "timed out waiting for the PKI lock"; exit 1; }
    "$here/make_pki.sh" "$PKI"
  ) 9>"$PKI.lock"
}

require_tool() {  # require_tool NAME...: exits 77 (skip) when one is missing
  local t
  for t in "$@"; do
    if ! command -v "$t" >/dev/null 2>&1 && [[ ! -x "$t" ]]; then
      log "SKIP: $t not found"
      exit 77
    fi
  done
}

# A port in 20000..59999; collisions with other tests are caught by
# start_server, which retries on another port.
random_port() { echo $((20000 + (RANDOM * 32768 + RANDOM) % 40000)); }

# Waits until FILE contains TEXT (fixed string); fails after SECONDS, or at
# once when PID (optional) has exited without printing it.
wait_for_text() {  # wait_for_text FILE TEXT SECONDS [PID]
  local file="$1" text="$2" seconds="$3" pid="${4:-}"
  local deadline=$((SECONDS + seconds))
  while ((SECONDS <= deadline)); do
    has_text "$text" "$file" && return 0
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      has_text "$text" "$file" && return 0
      return 1
    fi
    nap
  done
  return 1
}

# Waits until FILE contains TEXT at least COUNT times; fails after SECONDS,
# or at once when PID (optional) has exited without printing it.
wait_for_count() {  # wait_for_count FILE TEXT COUNT SECONDS [PID]
  local file="$1" text="$2" count="$3" seconds="$4" pid="${5:-}" gone=0
  local deadline=$((SECONDS + seconds))
  while ((SECONDS <= deadline)); do
    [[ -z "$pid" ]] || kill -0 "$pid" 2>/dev/null || gone=1
    read_file "$file"
    count_text "$FILE_TEXT" "$text"
    ((COUNT >= count)) && return 0
    ((gone == 0)) || return 1
    nap
  done
  return 1
}

# The current length of a log file, and what was written to it since then:
# cases that share one server look only at their own part of its log.
# log_mark sets MARK; log_since writes the new part to OUT_FILE.
log_mark() {  # log_mark FILE
  read_file "$1"
  MARK="${#FILE_TEXT}"
}
log_since() {  # log_since FILE MARK OUT_FILE
  read_file "$1"
  printf '%s' "${FILE_TEXT:$2}" >"$3"
}

# Starts a server in the background on a free port and waits until it
# prints READY_TEXT. "@PORT@" in the arguments is replaced by the port.
# Sets SERVER_PID, SERVER_PORT, SERVER_OUT, SERVER_ERR. Retries on another
# port when the server exits early (address in use); returns 1 if it never
# comes up.
start_server() {  # start_server NAME READY_TEXT CMD ARGS...
  local name="$1" ready="$2"
  shift 2
  local attempt port arg
  local -a argv
  for attempt in 1 2 3 4 5; do
    port="$(random_port)"
    argv=()
    for arg in "$@"; do
      argv+=("${arg//@PORT@/$port}")
    done
    SERVER_OUT="$WORK/$name.out"
    SERVER_ERR="$WORK/$name.err"
    timeout -k 2 "$PEER_LIFETIME" "${argv[@]}" </dev/null >"$SERVER_OUT" 2>"$SERVER_ERR" &
    SERVER_PID=$!
    BG_PIDS+=("$SERVER_PID")
    SERVER_PORT="$port"
    local deadline=$((SECONDS + WAIT_S))
    while ((SECONDS <= deadline)); do
      if has_text "$ready" "$SERVER_OUT" "$SERVER_ERR"; then
        # s_server reports a failed bind and goes on to print its ready
        # line's neighbours; make sure it is still there to serve.
        if kill -0 "$SERVER_PID" 2>/dev/null && ! has_text "Address already in use" "$SERVER_ERR"; then
          return 0
        fi
        break
      fi
      if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        break
      fi
      nap
    done
    stop_pid "$SERVER_PID"
    if ! grep -qi "address already in use\|bind" "$SERVER_ERR" "$SERVER_OUT" 2>/dev/null; then
      log "server $name did not come up (attempt $attempt):"
      tail -n 20 "$SERVER_OUT" "$SERVER_ERR" | sed 's/^/    /' >&2
      return 1
    fi
  done
  log "server $name: no free port after 5 attempts"
  return 1
}

# Stops a background process (TERM, then KILL through timeout -k) and reaps it.
stop_pid() {  # stop_pid PID
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# Waits at most SECONDS for a background process to exit by itself; sets
# WAIT_RC to its exit status (or 124 if it had to be stopped).
wait_pid() {  # wait_pid PID SECONDS
  local pid="$1" deadline=$((SECONDS + $2))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS <= deadline)); do
    nap
  done
  if kill -0 "$pid" 2>/dev/null; then
    stop_pid "$pid"
    WAIT_RC=124
    return 0
  fi
  WAIT_RC=0
  wait "$pid" 2>/dev/null || WAIT_RC=$?
}

# Runs a client that talks to a server: writes LINE to its standard input,
# waits until EXPECT appears on its standard output (the echo), then closes
# its standard input and waits for it to exit. Leaves CONVERSE_RC (exit
# status, 124 when it had to be killed) and the files $WORK/NAME.{out,err}.
# Closing stdin only after the echo arrived keeps clients that quit at
# stdin EOF (s_client, gnutls-cli) from racing the echo.
converse() {  # converse NAME LINE EXPECT CMD ARGS...
  local name="$1" line="$2" expect="$3"
  shift 3
  local fifo="$WORK/$name.in" out="$WORK/$name.out" err="$WORK/$name.err"
  [[ ! -e "$fifo" ]] || rm -f "$fifo"
  mkfifo "$fifo"
  timeout -k 2 "$CLIENT_LIFETIME" "$@" <"$fifo" >"$out" 2>"$err" &
  local pid=$!
  BG_PIDS+=("$pid")
  local fd
  exec {fd}>"$fifo"
  # In a subshell: if the client already died, SIGPIPE ends the subshell,
  # not this script.
  (printf '%s\n' "$line" >&"$fd") 2>/dev/null || true
  wait_for_text "$out" "$expect" "$WAIT_S" "$pid" || true
  exec {fd}>&-
  wait_pid "$pid" "$CLIENT_LIFETIME"
  CONVERSE_RC="$WAIT_RC"
}

# Runs a client with empty standard input (refusal cases). Leaves RUN_RC.
run_client() {  # run_client NAME CMD ARGS...
  local name="$1"
  shift
  RUN_RC=0
  timeout -k 2 "$CLIENT_LIFETIME" "$@" </dev/null >"$WORK/$name.out" 2>"$WORK/$name.err" || RUN_RC=$?
}

# The names each peer uses for a suite and a group. The setters below run
# without a subshell (see `nap`); the echo forms are for one-off use.
#
# suite_info SUITE sets, for a suite named as coda-cli prints it:
#   SUITE_VERSION  tls13 or tls12
#   SUITE_CIPHER   the GnuTLS cipher item (AES-128-GCM, ...)
#   SUITE_KX       the GnuTLS key exchange item (ECDHE-ECDSA, ECDHE-RSA; "" in 1.3)
#   SUITE_OPENSSL  the name openssl prints and takes (-ciphersuites / -cipher)
suite_info() {
  SUITE_VERSION=tls12
  SUITE_KX=""
  case "$1" in
    TLS_AES_128_GCM_SHA256 | TLS_AES_256_GCM_SHA384 | TLS_CHACHA20_POLY1305_SHA256)
      SUITE_VERSION=tls13
      SUITE_OPENSSL="$1"
      ;;
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256) SUITE_OPENSSL=ECDHE-ECDSA-AES128-GCM-SHA256 ;;
    TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384) SUITE_OPENSSL=ECDHE-ECDSA-AES256-GCM-SHA384 ;;
    TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256) SUITE_OPENSSL=ECDHE-ECDSA-CHACHA20-POLY1305 ;;
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256) SUITE_OPENSSL=ECDHE-RSA-AES128-GCM-SHA256 ;;
    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) SUITE_OPENSSL=ECDHE-RSA-AES256-GCM-SHA384 ;;
    TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256) SUITE_OPENSSL=ECDHE-RSA-CHACHA20-POLY1305 ;;
    *) log "unknown suite $1"; return 1 ;;
  esac
  case "$1" in
    *AES_128_GCM*) SUITE_CIPHER=AES-128-GCM ;;
    *AES_256_GCM*) SUITE_CIPHER=AES-256-GCM ;;
    *CHACHA20_POLY1305*) SUITE_CIPHER=CHACHA20-POLY1305 ;;
  esac
  case "$1" in
    TLS_ECDHE_ECDSA_*) SUITE_KX=ECDHE-ECDSA ;;
    TLS_ECDHE_RSA_*) SUITE_KX=ECDHE-RSA ;;
  esac
}

# group_info GROUP (x25519, P-256, P-384) sets:
#   GROUP_GNUTLS    the GnuTLS priority item (GROUP-X25519, ...)
#   GROUP_GNUTLS_KX how gnutls-cli/-serv name it in "(ECDHE-...)"
#   GROUP_OPENSSL   what openssl -groups takes
#   GROUP_OPENSSL_TEMP  how s_client names it in "Server Temp Key:"
#   GROUP_CODA      what coda-cli and coda-serv print
group_info() {
  case "$1" in
    x25519) GROUP_GNUTLS_KX=X25519 GROUP_OPENSSL=X25519 GROUP_OPENSSL_TEMP=X25519 GROUP_CODA=x25519 ;;
    P-256) GROUP_GNUTLS_KX=SECP256R1 GROUP_OPENSSL=P-256 GROUP_OPENSSL_TEMP=prime256v1 GROUP_CODA=secp256r1 ;;
    P-384) GROUP_GNUTLS_KX=SECP384R1 GROUP_OPENSSL=P-384 GROUP_OPENSSL_TEMP=secp384r1 GROUP_CODA=secp384r1 ;;
    *) log "unknown group $1"; return 1 ;;
  esac
  GROUP_GNUTLS="GROUP-$GROUP_GNUTLS_KX"
}

# make_priority SUITE GROUP [SECOND_GROUP] sets PRIORITY: a GnuTLS priority
# string (Coda reads the same syntax) for exactly that suite's version,
# suite and group, with SECOND_GROUP (when given and different) offered after
# GROUP. Leaves SUITE_* and GROUP_* set for SUITE and GROUP.
make_priority() {
  local second=""
  if [[ -n "${3:-}" && "$3" != "$2" ]]; then
    group_info "$3"
    second=":+$GROUP_GNUTLS"
  fi
  suite_info "$1"
  group_info "$2"
  if [[ "$SUITE_VERSION" == tls13 ]]; then
    PRIORITY="NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+$SUITE_CIPHER:-GROUP-ALL:+$GROUP_GNUTLS$second"
  else
    PRIORITY="NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+$SUITE_CIPHER:-KX-ALL:+$SUITE_KX:-GROUP-ALL:+$GROUP_GNUTLS$second"
  fi
}

# cert_curve VERSION KIND sets CERT_CURVE: the group a TLS 1.2 client must
# also offer so the server may use that certificate, "" when none is needed.
# RFC 8422 5.1.1: in TLS 1.2 supported_groups also bounds the curve of an
# ECDSA certificate (OpenSSL enforces it on both sides: s_server finds "no
# shared cipher", s_client says "wrong curve"). TLS 1.3 ties the curve to
# the signature scheme instead.
cert_curve() {
  CERT_CURVE=""
  [[ "$1" == tls12 ]] || return 0
  case "$2" in
    ecdsa256) CERT_CURVE=P-256 ;;
    ecdsa384) CERT_CURVE=P-384 ;;
  esac
}

gnutls_cipher() { suite_info "$1" && echo "$SUITE_CIPHER"; }
gnutls_group() { group_info "$1" && echo "$GROUP_GNUTLS"; }
openssl_group() { group_info "$1" && echo "$GROUP_OPENSSL"; }
priority_for() { make_priority "$1" "$2" && echo "$PRIORITY"; }  # priority_for SUITE GROUP
coda_group_name() { group_info "$1" && echo "$GROUP_CODA"; }

# Protocol versions: the script argument (tls13, tls12), and how coda,
# openssl and GnuTLS print them.
version_info() {  # version_info tls13|tls12: sets VERSION_CODA, VERSION_OPENSSL, VERSION_GNUTLS
  case "$1" in
    tls13) VERSION_CODA=TLS1.3 VERSION_OPENSSL=TLSv1.3 VERSION_GNUTLS=TLS1.3 ;;
    tls12) VERSION_CODA=TLS1.2 VERSION_OPENSSL=TLSv1.2 VERSION_GNUTLS=TLS1.2 ;;
    *) log "unknown version $1 (expected tls13 or tls12)"; return 1 ;;
  esac
}

# GnuTLS priority strings that allow one protocol version only.
PRIORITY_TLS13_ONLY="NORMAL:-VERS-ALL:+VERS-TLS1.3"
PRIORITY_TLS12_ONLY="NORMAL:-VERS-ALL:+VERS-TLS1.2"

SUITES=(TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 TLS_CHACHA20_POLY1305_SHA256)
# TLS 1.2: the ECDSA suites serve ECDSA and Ed25519 certificates (RFC 8422),
# the RSA suites RSA ones.
SUITES12_ECDSA=(TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
  TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256)
SUITES12_RSA=(TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
  TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256)
GROUPS_=(x25519 P-256 P-384)
CERT_KINDS=(ecdsa256 ecdsa384 rsa2048 ed25519)

# suites_for VERSION KIND sets CASE_SUITES: the suites a server with that
# kind of certificate can negotiate in that version.
suites_for() {
  if [[ "$1" == tls13 ]]; then
    CASE_SUITES=("${SUITES[@]}")
  elif [[ "$2" == rsa2048 ]]; then
    CASE_SUITES=("${SUITES12_RSA[@]}")
  else
    CASE_SUITES=("${SUITES12_ECDSA[@]}")
  fi
}
