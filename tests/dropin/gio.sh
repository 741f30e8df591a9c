#!/usr/bin/env bash
# GIO's TLS (glib-networking's GnuTLS backend, libgiognutls.so, through
# python3-gi's Gio.SocketClient) on Coda's libgnutls.so.30: an HTTP GET
# from Python's ssl server (TLS 1.3, 1.2) and an echo through coda-serv;
# a wrong host name and an untrusted issuer refused. Without the exports
# GIO loads no TLS backend at all, which the client reports as an error.
source "$(dirname "$0")/lib.sh"
module=/usr/lib/x86_64-linux-gnu/gio/modules/libgiognutls.so
need "$PY" "$module"
"$PY" -c 'import gi; gi.require_version("Gio", "2.0")' 2>/dev/null || skip "python3-gi is not installed"
shows_coda "$module"
mkdir -p "$WORK/www"
echo "GIO through Coda $$" >"$WORK/www/file.txt"

run() { coda "$PY" "$HERE/gio_client.py" "$@" >"$WORK/out" 2>&1; }
loaded() { grep -q "LOADED $LIBDIR/libgnutls.so.30" "$WORK/out"; }
refused() {  # refused WHAT HOST PORT CAFILE
  if run "$2" "$3" "$4" /file.txt; then
    fail "GIO $1 succeeded: $(cat "$WORK/out")"
  elif grep -q '^ERROR g-tls-error-quark' "$WORK/out"; then
    ok "GIO $1 refused: $(grep '^ERROR' "$WORK/out")"
  else
    fail "GIO $1 failed for another reason: $(cat "$WORK/out")"
  fi
}

for tls in 1.3 1.2; do
  py_server "py$tls" http "$tls" --dir "$WORK/www"
  if run localhost "$PORT" "$PKI/ca.pem" /file.txt && grep -qx "GIO through Coda $$" "$WORK/out" &&
    loaded; then
    ok "GIO GET from Python ssl, TLS $tls ($(grep BACKEND "$WORK/out"))"
  else
    fail "GIO GET from Python ssl, TLS $tls: $(cat "$WORK/out")"
  fi
  refused "a wrong host name (TLS $tls)" 127.0.0.1 "$PORT" "$PKI/ca.pem"
  refused "an untrusted issuer (TLS $tls)" localhost "$PORT" "$PKI/rogue-ca.pem"
done
coda_serv serv --echo
if run localhost "$PORT" "$PKI/ca.pem" --echo && grep -qx "echo through GIO" "$WORK/out" && loaded; then
  ok "GIO echo through coda-serv"
else
  fail "GIO echo through coda-serv: $(cat "$WORK/out")"
fi
finish
