# Shared helpers of the drop-in tests; sourced, not run.
# Usage of a test: NAME.sh LIBDIR PKI CODA_BIN
#   LIBDIR    the directory holding Coda's libgnutls.so.30 (build/lib)
#   PKI       made by make_pki.sh
#   CODA_BIN  the build's bin/ (coda-serv)
# A test exits 77 (skipped) when its program is not installed, 1 when any
# case failed, 0 when every case passed. Every process runs under timeout
# and the EXIT trap stops the servers it started (by their pid).
set -uo pipefail
LIBDIR="$(cd "${1:?usage: $0 LIBDIR PKI CODA_BIN}" && pwd)"
PKI="$(cd "${2:?}" && pwd)"
CODA_BIN="${3:?}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Debian's Python, whose modules (python3-pycurl, python3-gi) the packages
# install; a python3 earlier in PATH may be another one.
PY=/usr/bin/python3
WORK="$(mktemp -d "${TMPDIR:-/tmp}/coda-dropin.XXXXXX")"
SERVERS=()
FAILURES=0
CASES=0

cleanup() {
  local pid
  for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  [[ "${KEEP_WORK:-0}" == 1 ]] || rm -rf "$WORK"
}
trap cleanup EXIT

ok() {
  CASES=$((CASES + 1))
  echo "ok: $*"
}
fail() {
  CASES=$((CASES + 1))
  FAILURES=$((FAILURES + 1))
  echo "FAIL: $*"
}
finish() {
  echo "$CASES cases, $FAILURES failed"
  [[ $FAILURES -eq 0 ]]
  exit $?
}
skip() {
  echo "SKIP: $*"
  exit 77
}
need() {  # need PROGRAM...: skip unless each is installed
  local p
  for p in "$@"; do
    [[ -e "$p" ]] || command -v "$p" >/dev/null 2>&1 || skip "$p is not installed"
  done
}

# Runs a program on Coda's library.
coda() { LD_LIBRARY_PATH="$LIBDIR" timeout -k 2 "${TIMEOUT:-20}" "$@"; }

# shows_coda FILE...: ldd under LD_LIBRARY_PATH resolves libgnutls.so.30
# to Coda's for each file (an executable or a library).
shows_coda() {
  local f line
  for f in "$@"; do
    line="$(LD_LIBRARY_PATH="$LIBDIR" ldd "$f" 2>&1 | grep 'libgnutls\.so\.30')"
    if [[ "$line" == *"=> $LIBDIR/libgnutls.so.30"* ]]; then
      ok "ldd $f: $line"
    else
      fail "ldd $f does not show Coda's library: ${line:-no libgnutls.so.30}"
    fi
  done
}

# start_server NAME CMD...: starts a server in the background that writes
# its port to $WORK/NAME.port; sets PORT.
start_server() {
  local name="$1" i
  shift
  rm -f "$WORK/$name.port"
  timeout -k 2 200 "$@" >"$WORK/$name.log" 2>&1 &
  SERVERS+=($!)
  for i in $(seq 100); do
    [[ -s "$WORK/$name.port" ]] && break
    sleep 0.05
  done
  PORT="$(cat "$WORK/$name.port" 2>/dev/null)"
  [[ -n "$PORT" ]] || {
    fail "$name did not start: $(cat "$WORK/$name.log")"
    finish
  }
}

# py_server NAME MODE TLS [ARGS...]: tls_server.py with the PKI's leaf.
py_server() {
  local name="$1" mode="$2" tls="$3"
  shift 3
  start_server "$name" "$PY" "$HERE/tls_server.py" "$mode" --cert "$PKI/server.pem" \
    --key "$PKI/server.key" --tls "$tls" --port-file "$WORK/$name.port" "$@"
}

# free_port: a port nothing listens on now (for servers that take one).
free_port() {
  PORT="$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
}

# openssl_www NAME TLSFLAG DIR: openssl s_server -WWW serving DIR.
openssl_www() {
  local name="$1" flag="$2" dir="$3" i
  free_port
  (cd "$dir" && exec timeout -k 2 200 openssl s_server -accept "127.0.0.1:$PORT" \
    -cert "$PKI/server.pem" -key "$PKI/server.key" "$flag" -WWW -quiet) >"$WORK/$name.log" 2>&1 &
  SERVERS+=($!)
  for i in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && return 0
    sleep 0.05
  done
  fail "openssl s_server ($name) did not start: $(cat "$WORK/$name.log")"
  finish
}

# coda_serv NAME ARGS...: coda-serv on a free port with the PKI's leaf.
coda_serv() {
  local name="$1" i
  shift
  free_port
  timeout -k 2 200 "$CODA_BIN/coda-serv" --port "$PORT" --x509certfile "$PKI/server.pem" \
    --x509keyfile "$PKI/server.key" "$@" >"$WORK/$name.log" 2>&1 &
  SERVERS+=($!)
  for i in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && return 0
    sleep 0.05
  done
  fail "coda-serv ($name) did not start: $(cat "$WORK/$name.log")"
  finish
}
