#!/usr/bin/env bash
# The load test: coda_load keeps SESSIONS TLS sessions open at once against
# one coda-serv --echo (one epoll loop each), round after round: every
# session handshakes, has its own payload echoed and compared, waits idle
# until all are open, then closes per the closure contract. coda_load checks
# the sessions, and coda-serv's descriptors and memory after each round
# (see coda_load.c); this script adds what coda-serv says: every session
# logged as a clean close, a clean stop on SIGTERM.
# Usage: load.sh short [1.3|1.2]   2000 sessions, 3 rounds (1.2: 2) (CTest load.short*)
#        load.sh soak SECONDS      rounds for SECONDS seconds (make soak)
#        load.sh control           one session sends a wrong byte: coda_load
#                                  must fail, naming that session and why
# Environment: CODA_BIN (coda-serv and coda_load), CODA_PKI; LOAD_SESSIONS
# (default 2000); LOAD_SANITIZED=1 for a sanitizer build: the allocator
# keeps freed memory on purpose there, so RSS is printed, not bounded, and
# LeakSanitizer checks both programs for leaks when they exit.
which="${1:?usage: load.sh short [1.3|1.2] | soak SECONDS | control}"
SESSIONS="${LOAD_SESSIONS:-2000}"
ROUNDS=3
VERSION=1.3
SOAK_SECONDS=0
name="load.$which"
case "$which" in
  short)
    VERSION="${2:-1.3}" name+=" (TLS $VERSION)"
    # TLS 1.2 repeats what 1.3 checked, with its own handshake: two rounds do.
    [[ "$VERSION" == 1.3 ]] || ROUNDS=2
    ;;
  soak) SOAK_SECONDS="${2:?usage: load.sh soak SECONDS}" ROUNDS=2 ;;
  control) SESSIONS=200 ROUNDS=1 ;;
  *) echo "load.sh: unknown case $which" >&2; exit 2 ;;
esac
# The server lives as long as the whole run (lib.sh stops it after this).
PEER_LIFETIME=$((SOAK_SECONDS + 300))
source "$(dirname "${BASH_SOURCE[0]}")/../interop/lib.sh"

require_tool "$CODA_BIN/coda-serv" "$CODA_BIN/coda_load"
ensure_pki

# Both processes hold a descriptor per session: raise the soft limit to the
# hard one (coda-serv and coda_load raise theirs too) and fail when even
# that is too low.
needed=$((SESSIONS + 100))
hard="$(ulimit -Hn)"
if [[ "$hard" != unlimited ]] && ((hard < needed)); then
  log "FAIL $name: $SESSIONS sessions need $needed descriptors per process, the hard limit is $hard"
  exit 1
fi
if [[ "$hard" == unlimited ]]; then
  hard=$((needed * 2))
fi
ulimit -n "$hard" 2>/dev/null || true
if (($(ulimit -n) < needed)); then
  log "FAIL $name: cannot raise the descriptor limit to $needed (it is $(ulimit -n))"
  exit 1
fi

# start_server runs coda-serv under `timeout`; coda_load watches coda-serv
# itself, timeout's child (found in /proc: procps may be missing).
child_of() {  # child_of PID: sets CHILD_PID
  local stat rest
  CHILD_PID=""
  for stat in /proc/[0-9]*/stat; do
    read -r rest 2>/dev/null <"$stat" || continue
    rest="${rest##*) }"  # after "pid (comm) ": state ppid ...
    rest="${rest#* }"
    if [[ "${rest%% *}" == "$1" ]]; then
      CHILD_PID="${stat#/proc/}"
      CHILD_PID="${CHILD_PID%/stat}"
      return 0
    fi
  done
  return 1
}

CASES=1
# --timeout: a session idle at the barrier waits as long as the round takes
# (coda_load gives a round 60 s); the default 30 s could end it first.
start_server load.srv "listening on" "$CODA_BIN/coda-serv" --port @PORT@ --echo --timeout 120 \
  --x509certfile "$PKI/ecdsa256.pem" --x509keyfile "$PKI/ecdsa256.key" ||
  { fail_case "$name" "coda-serv did not start"; finish; }
child_of "$SERVER_PID" || { fail_case "$name" "cannot find coda-serv's pid"; finish; }
serv_pid="$CHILD_PID"

args=(--port "$SERVER_PORT" --cafile "$PKI/ca.pem" --server-pid "$serv_pid"
  --sessions "$SESSIONS" --rounds "$ROUNDS" --version "$VERSION" --seconds "$SOAK_SECONDS")
[[ "$which" != control ]] || args+=(--corrupt-session 77)
[[ "${LOAD_SANITIZED:-0}" != 1 ]] || args+=(--rss-bound off)
rc=0
timeout -k 5 $((SOAK_SECONDS + 240)) "$CODA_BIN/coda_load" "${args[@]}" >"$WORK/load.out" 2>&1 || rc=$?
cat "$WORK/load.out" >&2

# coda-serv's side: SIGTERM ends it with exit 0 once idle.
kill -TERM "$serv_pid" 2>/dev/null || true
wait_pid "$SERVER_PID" 10
read_file "$WORK/load.out"
served=0
if [[ "$FILE_TEXT" =~ ([0-9]+)\ round\(s\)\ in ]]; then
  served=$((BASH_REMATCH[1] * SESSIONS))
fi
# One grep: lib.sh's count_text is quadratic, and this log has a line per session.
clean="$(grep -c -F "clean: the client sent close_notify, we answered" "$SERVER_ERR" || true)"

problems=()
if [[ "$which" == control ]]; then
  ((rc == 1)) || problems+=("coda_load exited with $rc, expected 1 (the corrupted byte went unnoticed?)")
  has_text "FAIL 1 session(s): echo differs from what was sent" "$WORK/load.out" ||
    problems+=("coda_load did not report exactly one session whose echo differed")
  has_text "session 77: byte" "$WORK/load.out" || problems+=("coda_load did not name session 77")
else
  ((rc == 0)) || problems+=("coda_load exited with $rc")
  ((served > 0)) || problems+=("coda_load ran no round")
  ((clean == served)) || problems+=("coda-serv logged $clean clean closes of $served sessions")
  ((WAIT_RC == 0)) || problems+=("coda-serv exited with $WAIT_RC after SIGTERM")
  grep -q -F "coda-serv: stopped after $served connection(s)" "$SERVER_ERR" ||
    problems+=("coda-serv did not say it served $served connections")
fi
if ((${#problems[@]} == 0)); then
  pass_case "$name"
else
  fail_case "$name" "$(IFS=';'; echo "${problems[*]}")" "$SERVER_ERR"
fi
finish
