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
    if [[ -f "$file" ]] && grep -qF -- "$text" "$file"; then
      return 0
    fi
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      grep -qF -- "$text" "$file" 2>/dev/null && return 0
      return 1
    fi
    sleep 0.02
  done
  return 1
}

# Waits until FILE has at least COUNT lines containing TEXT.
wait_for_count() {  # wait_for_count FILE TEXT COUNT SECONDS
  local file="$1" text="$2" count="$3" seconds="$4"
  local deadline=$((SECONDS + seconds)) n
  while ((SECONDS <= deadline)); do
    n="$(grep -cF -- "$text" "$file" 2>/dev/null || true)"
    if ((${n:-0} >= count)); then
      return 0
    fi
    sleep 0.02
  done
  return 1
}

# The current size of a log file, and what was written to it since then:
# cases that share one server look only at their own part of its log.
log_mark() { stat -c %s "$1" 2>/dev/null || echo 0; }
log_since() { tail -c +"$(($2 + 1))" "$1" 2>/dev/null || true; }

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
      if grep -qF -- "$ready" "$SERVER_OUT" "$SERVER_ERR" 2>/dev/null; then
        # s_server reports a failed bind and goes on to print its ready
        # line's neighbours; make sure it is still there to serve.
        if kill -0 "$SERVER_PID" 2>/dev/null && ! grep -q "Address already in use" "$SERVER_ERR"; then
          return 0
        fi
        break
      fi
      if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        break
      fi
      sleep 0.02
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
    sleep 0.02
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
  rm -f "$fifo"
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

# The names each peer uses for a suite, a group and a certificate kind.
gnutls_cipher() {
  case "$1" in
    TLS_AES_128_GCM_SHA256) echo AES-128-GCM ;;
    TLS_AES_256_GCM_SHA384) echo AES-256-GCM ;;
    TLS_CHACHA20_POLY1305_SHA256) echo CHACHA20-POLY1305 ;;
    *) log "unknown suite $1"; return 1 ;;
  esac
}
gnutls_group() {
  case "$1" in
    x25519) echo GROUP-X25519 ;;
    P-256) echo GROUP-SECP256R1 ;;
    P-384) echo GROUP-SECP384R1 ;;
    *) log "unknown group $1"; return 1 ;;
  esac
}
openssl_group() {
  case "$1" in
    x25519) echo X25519 ;;
    P-256) echo P-256 ;;
    P-384) echo P-384 ;;
    *) log "unknown group $1"; return 1 ;;
  esac
}
# A GnuTLS priority string (Coda reads the same syntax) for TLS 1.3 with
# exactly one suite and one group.
priority_for() {  # priority_for SUITE GROUP
  echo "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+$(gnutls_cipher "$1"):-GROUP-ALL:+$(gnutls_group "$2")"
}
# What coda-cli prints as the group name in its summary.
coda_group_name() {
  case "$1" in
    x25519) echo x25519 ;;
    P-256) echo secp256r1 ;;
    P-384) echo secp384r1 ;;
  esac
}

SUITES=(TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 TLS_CHACHA20_POLY1305_SHA256)
GROUPS_=(x25519 P-256 P-384)
CERT_KINDS=(ecdsa256 ecdsa384 rsa2048 ed25519)
