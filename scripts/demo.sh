#!/usr/bin/env bash
# The demo `make demo` runs after the release build: a throwaway CA and
# server certificate, coda-serv --echo on a free loopback port, and coda-cli
# sending a line through it. Shows the transcript and exits 0 only if the
# line came back and both sides closed with close_notify.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
bin="$build/bin"
demo="$build/demo"

for tool in coda-serv coda-cli; do
  if [[ ! -x "$bin/$tool" ]]; then
    echo "demo: $bin/$tool is missing; run 'make build' first" >&2
    exit 1
  fi
done
command -v openssl >/dev/null || { echo "demo: the openssl command is needed" >&2; exit 1; }

rm -rf "$demo"
mkdir -p "$demo"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }
indent() { sed 's/^/   /'; }

step "1. A throwaway CA and a server certificate for localhost (openssl, in $demo)"
(
  cd "$demo"
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ca.key 2>/dev/null
  openssl req -new -x509 -key ca.key -subj "/CN=Coda Demo CA" -days 1 -out ca.pem \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign" 2>/dev/null
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out server.key 2>/dev/null
  openssl req -new -key server.key -subj "/CN=localhost" -out server.csr 2>/dev/null
  printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
    "extendedKeyUsage=serverAuth" "subjectAltName=DNS:localhost,IP:127.0.0.1" >server.ext
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -set_serial 1 -days 1 \
    -extfile server.ext -out server.pem 2>/dev/null
)
openssl x509 -in "$demo/server.pem" -noout -subject -issuer -ext subjectAltName | indent

step "2. coda-serv --echo on a free loopback port"
timeout -k 2 60 "$bin/coda-serv" --port 0 --echo --x509certfile "$demo/server.pem" \
  --x509keyfile "$demo/server.key" </dev/null >"$demo/server.out" 2>"$demo/server.log" &
server_pid=$!
port=""
for _ in $(seq 1 250); do
  port="$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$demo/server.log")"
  [[ -n "$port" ]] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.02
done
if [[ -z "$port" ]]; then
  echo "demo: coda-serv did not start:" >&2
  cat "$demo/server.log" >&2
  exit 1
fi
echo "   coda-serv is listening on 127.0.0.1:$port"

line="Hello from coda-cli, $(date -u +%H:%M:%S)"
step "3. coda-cli sends one line through it: \"$line\""
client_rc=0
# The line, then a short pause so the echo is back before our close_notify;
# coda-cli would wait for it anyway, this only keeps the transcript in order.
{ printf '%s\n' "$line"; sleep 0.3; } |
  timeout -k 2 30 "$bin/coda-cli" --port "$port" --x509cafile "$demo/ca.pem" localhost \
    >"$demo/client.out" 2>"$demo/client.log" || client_rc=$?

echo "   coda-cli's session summary (stderr):"
indent <"$demo/client.log" | sed 's/^/  /'
echo "   what came back (stdout):"
indent <"$demo/client.out" | sed 's/^/  /'

step "4. Stopping coda-serv"
# Give the server a moment to write its line for the connection.
for _ in $(seq 1 100); do
  grep -q "^connection 1" "$demo/server.log" && break
  sleep 0.02
done
kill -TERM "$server_pid" 2>/dev/null || true
server_rc=0
wait "$server_pid" || server_rc=$?
server_pid=""
echo "   coda-serv's log (stderr):"
indent <"$demo/server.log" | sed 's/^/  /'

step "5. The same client against another TLS stack: openssl s_server -rev"
# s_server -rev answers each line reversed; -naccept 1 serves one session.
ossl_pid=""
for _ in 1 2 3 4 5; do  # a random port may be taken: try another
  ossl_port=$((20000 + RANDOM % 20000))
  timeout -k 2 30 openssl s_server -accept "127.0.0.1:$ossl_port" -cert "$demo/server.pem" \
    -key "$demo/server.key" -rev -naccept 1 </dev/null >"$demo/openssl.out" 2>&1 &
  ossl_pid=$!
  for _ in $(seq 1 250); do
    grep -q "ACCEPT" "$demo/openssl.out" 2>/dev/null && break
    kill -0 "$ossl_pid" 2>/dev/null || break
    sleep 0.02
  done
  kill -0 "$ossl_pid" 2>/dev/null && break
done
ossl_rc=0
{ printf '%s\n' "$line"; sleep 0.3; } |
  timeout -k 2 30 "$bin/coda-cli" --port "$ossl_port" --x509cafile "$demo/ca.pem" localhost \
    >"$demo/client-openssl.out" 2>"$demo/client-openssl.log" || ossl_rc=$?
kill -TERM "$ossl_pid" 2>/dev/null || true
wait "$ossl_pid" 2>/dev/null || true
echo "   coda-cli's session summary (stderr):"
indent <"$demo/client-openssl.log" | sed 's/^/  /'
echo "   what came back (stdout):"
indent <"$demo/client-openssl.out" | sed 's/^/  /'
reversed=""
for ((i = ${#line} - 1; i >= 0; i--)); do reversed+="${line:i:1}"; done

step "Result"
ok=1
check() {  # check DESCRIPTION COMMAND...
  if "${@:2}"; then
    echo "   [ok]   $1"
  else
    echo "   [FAIL] $1"
    ok=0
  fi
}
check "coda-cli exited 0 (was $client_rc)" test "$client_rc" -eq 0
check "the line came back unchanged" grep -qxF -- "$line" "$demo/client.out"
check "coda-cli: both sides sent close_notify" grep -q "closure: clean" "$demo/client.log"
check "coda-serv: the client closed with close_notify" grep -q "^connection 1.*clean" "$demo/server.log"
check "coda-serv stopped cleanly on SIGTERM (exit $server_rc)" test "$server_rc" -eq 0
check "coda-cli against openssl s_server exited 0 (was $ossl_rc)" test "$ossl_rc" -eq 0
check "openssl s_server answered the line reversed" grep -qxF -- "$reversed" "$demo/client-openssl.out"
check "coda-cli and openssl: both sides sent close_notify" grep -q "closure: clean" \
  "$demo/client-openssl.log"
if ((ok)); then
  echo
  echo "Demo passed. Files are in $demo."
  exit 0
fi
echo
echo "Demo FAILED. Files are in $demo." >&2
exit 1
