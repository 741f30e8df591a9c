#!/bin/sh
# Debian's wget (linked to the real GnuTLS) on Coda's libgnutls.so.30:
# every GnuTLS symbol it needs resolves against our library, and it fetches
# a page over TLS from `openssl s_server -WWW` on loopback, verifying the
# certificate (CA, dates, name) through Coda, and honours SSLKEYLOGFILE.
# Usage: wget_e2e.sh LIB_DIR DATA_DIR. Exit 77 (skipped) without wget/openssl.
set -u
libdir=$1
data=$2
wget=$(command -v wget) || { echo "wget not installed: skipped"; exit 77; }
command -v openssl >/dev/null || { echo "openssl not installed: skipped"; exit 77; }
ldd "$wget" | grep -q 'libgnutls\.so\.30' || { echo "wget is not linked to GnuTLS: skipped"; exit 77; }

work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
fail() {
  echo "FAILED: $*"
  exit 1
}

# 1. Symbols: every GnuTLS symbol wget takes, with its version, is defined by ours.
objdump -T "$wget" | awk '/\*UND\*/ && $NF ~ /^gnutls_/ {print $(NF-1), $NF}' | tr -d '()' | sort -u >"$work/needed"
objdump -T "$libdir/libgnutls.so.30" | awk '!/\*UND\*/ && $NF ~ /^gnutls_/ {print $(NF-1), $NF}' |
  sort -u >"$work/provided"
missing=$(comm -23 "$work/needed" "$work/provided")
[ -z "$missing" ] || fail "wget needs symbols our library does not define: $missing"
out=$(LD_LIBRARY_PATH="$libdir" ldd -r "$wget" 2>&1)
echo "$out" | grep -q "libgnutls.so.30 => $libdir" || fail "ldd does not pick our library: $out"
if echo "$out" | grep -q 'undefined symbol'; then fail "ldd -r: $out"; fi
echo "ok: $(wc -l <"$work/needed") GnuTLS symbols of wget resolve"

# 2. A page over TLS. The server picks no port itself: try a few.
mkdir "$work/www"
echo "coda wget end-to-end $$" >"$work/www/index.html"
port=
for try in 1 2 3 4 5 6 7 8; do
  p=$((20000 + ($$ * 7 + try * 997) % 40000))
  (cd "$work/www" && exec openssl s_server -accept "127.0.0.1:$p" -cert "$data/san.crt" \
    -key "$data/san.key" -WWW -quiet -keylogfile "$work/server.keys" >"$work/server.log" 2>&1) &
  server=$!
  sleep 0.5
  if kill -0 "$server" 2>/dev/null; then
    port=$p
    break
  fi
  server=
done
[ -n "$port" ] || fail "openssl s_server did not start: $(cat "$work/server.log")"

fetch() {
  LD_LIBRARY_PATH="$libdir" timeout 30 "$wget" --no-hsts --tries=1 --timeout=10 \
    --ca-certificate="$data/ca.crt" -O "$work/got" "$@" >"$work/wget.log" 2>&1
}
# Our library, not the system's, does the TLS.
LD_LIBRARY_PATH="$libdir" LD_DEBUG=libs "$wget" --version >/dev/null 2>"$work/ld.log"
grep -q "$libdir/libgnutls.so.30" "$work/ld.log" || fail "wget did not load $libdir/libgnutls.so.30"

fetch "https://localhost:$port/index.html" || fail "wget failed: $(cat "$work/wget.log")"
cmp -s "$work/got" "$work/www/index.html" || fail "wrong page: $(cat "$work/got")"
echo "ok: fetched https://localhost:$port/ through Coda"
grep -i 'warning' "$work/wget.log" | sed 's/^/  wget says: /'

fetch "https://127.0.0.1:$port/index.html" || fail "wget by IP failed: $(cat "$work/wget.log")"
cmp -s "$work/got" "$work/www/index.html" || fail "wrong page by IP"
echo "ok: fetched https://127.0.0.1:$port/ (IP subjectAltName)"

# 3. SSLKEYLOGFILE: our library logs the session's secrets as GnuTLS does,
# and they are the very lines the server logged for it.
SSLKEYLOGFILE="$work/wget.keys" fetch "https://localhost:$port/index.html" ||
  fail "wget with SSLKEYLOGFILE failed: $(cat "$work/wget.log")"
[ "$(wc -l <"$work/wget.keys")" -eq 5 ] || fail "expected 5 key log lines: $(cat "$work/wget.keys")"
while read -r line; do
  grep -qxF "$line" "$work/server.keys" || fail "key log line not in the server's: $line"
done <"$work/wget.keys"
echo "ok: SSLKEYLOGFILE holds the session's 5 secrets, equal to the server's"

# 4. It refuses what it must: an unknown CA.
if LD_LIBRARY_PATH="$libdir" timeout 30 "$wget" --no-hsts --tries=1 --timeout=10 \
  --ca-certificate="$data/server.crt" -O "$work/got" "https://localhost:$port/index.html" \
  >"$work/wget.log" 2>&1; then
  fail "wget accepted a certificate from an unknown CA"
fi
grep -qi 'certificate' "$work/wget.log" || fail "unexpected failure: $(cat "$work/wget.log")"
echo "ok: an unknown CA is refused"
exit 0
