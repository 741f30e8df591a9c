#!/usr/bin/env bash
# lftp https with verification on (ssl:ca-file) on Coda's libgnutls.so.30:
# a file from Python's ssl server (TLS 1.3, 1.2); a wrong host name and an
# untrusted issuer refused.
source "$(dirname "$0")/lib.sh"
need lftp
shows_coda "$(command -v lftp)"
mkdir -p "$WORK/www"
echo "lftp through Coda $$" >"$WORK/www/file.txt"
export HOME="$WORK"

get() {  # get URL CAFILE
  rm -f "$WORK/got"
  coda lftp -c "set cmd:interactive no; set net:max-retries 1; set net:timeout 5; \
set ssl:verify-certificate yes; set ssl:check-hostname yes; set ssl:ca-file $2; \
get $1 -o $WORK/got" >"$WORK/out" 2>&1 </dev/null
}
refused() {  # refused WHAT URL CAFILE
  if get "$2" "$3" && [[ -s "$WORK/got" ]]; then
    fail "lftp $1: the file was fetched"
  elif grep -Eqi 'certificate|verif|SSL|TLS' "$WORK/out"; then
    ok "lftp $1 refused: $(grep -Eim1 'certificate|verif|SSL|TLS' "$WORK/out")"
  else
    fail "lftp $1 failed for another reason: $(cat "$WORK/out")"
  fi
}
for tls in 1.3 1.2; do
  py_server "py$tls" http "$tls" --dir "$WORK/www"
  if get "https://localhost:$PORT/file.txt" "$PKI/ca.pem" && cmp -s "$WORK/got" "$WORK/www/file.txt"; then
    ok "lftp get https from Python ssl, TLS $tls"
  else
    fail "lftp get https from Python ssl, TLS $tls: $(cat "$WORK/out")"
  fi
  refused "a wrong host name (TLS $tls)" "https://127.0.0.1:$PORT/file.txt" "$PKI/ca.pem"
  refused "an untrusted issuer (TLS $tls)" "https://localhost:$PORT/file.txt" "$PKI/rogue-ca.pem"
done
finish
