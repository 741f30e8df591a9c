#!/usr/bin/env bash
# mutt sending over smtps:// on Coda's libgnutls.so.30, against an SMTP
# stub behind Python's ssl (TLS 1.3, 1.2): the message arrives; an
# untrusted issuer and a wrong host name are refused.
source "$(dirname "$0")/lib.sh"
need mutt
shows_coda "$(command -v mutt)"
export HOME="$WORK"
n=0
send() {  # send HOST PORT CAFILE
  n=$((n + 1))
  SUBJECT="mutt through Coda $$ #$n"
  cat >"$WORK/muttrc" <<RC
set smtp_url="smtps://$1:$2"
set ssl_ca_certificates_file="$3"
set certificate_file="$WORK/mutt_certificates"
set ssl_verify_host=yes
set from="a@localhost"
set use_from=yes
set record=""
set folder="$WORK"
set spoolfile="$WORK/spool"
RC
  echo body | TERM=dumb coda mutt -n -F "$WORK/muttrc" -s "$SUBJECT" b@localhost \
    >"$WORK/out" 2>&1
}
for tls in 1.3 1.2; do
  mail="$WORK/mail$tls"
  py_server "smtp$tls" smtp "$tls" --mail-file "$mail"
  if send localhost "$PORT" "$PKI/ca.pem" && grep -qF "Subject: $SUBJECT" "$mail"; then
    ok "mutt smtps:// to the stub, TLS $tls"
  else
    fail "mutt smtps:// to the stub, TLS $tls: $(cat "$WORK/out")"
  fi
  for bad in "wrong-host 127.0.0.1 $PKI/ca.pem" "untrusted localhost $PKI/rogue-ca.pem"; do
    set -- $bad
    if send "$2" "$PORT" "$3"; then
      fail "mutt $1 (TLS $tls): sent"
    elif grep -qF "Subject: $SUBJECT" "$mail" 2>/dev/null; then
      fail "mutt $1 (TLS $tls): delivered"
    elif grep -qi 'certificate' "$WORK/out"; then
      ok "mutt $1 (TLS $tls) refused: $(tr '\r\n' '  ' <"$WORK/out" | cut -c1-120)"
    else
      fail "mutt $1 (TLS $tls) failed for another reason: $(cat "$WORK/out")"
    fi
  done
done
finish
