#!/usr/bin/env bash
# msmtp over SMTPS (implicit TLS) on Coda's libgnutls.so.30, against an
# SMTP stub behind Python's ssl (TLS 1.3, 1.2): the message arrives; a wrong
# host name and an untrusted issuer are refused and nothing is delivered.
source "$(dirname "$0")/lib.sh"
need msmtp
shows_coda "$(command -v msmtp)"
export HOME="$WORK"
: >"$WORK/msmtprc"
chmod 600 "$WORK/msmtprc"
n=0
send() {  # send HOST PORT CAFILE: one message; its Subject line is unique
  n=$((n + 1))
  SUBJECT="msmtp through Coda $$ #$n"
  printf 'From: a@localhost\nTo: b@localhost\nSubject: %s\n\nbody\n' "$SUBJECT" |
    coda msmtp -C "$WORK/msmtprc" --host="$1" --port="$2" --tls=on --tls-starttls=off \
      --tls-trust-file="$3" --auth=off --from=a@localhost b@localhost >"$WORK/out" 2>&1
}
for tls in 1.3 1.2; do
  mail="$WORK/mail$tls"
  py_server "smtp$tls" smtp "$tls" --mail-file "$mail"
  if send localhost "$PORT" "$PKI/ca.pem" && grep -qF "Subject: $SUBJECT" "$mail"; then
    ok "msmtp SMTPS to the stub, TLS $tls"
  else
    fail "msmtp SMTPS to the stub, TLS $tls: $(cat "$WORK/out")"
  fi
  for bad in "wrong-host 127.0.0.1 $PKI/ca.pem" "untrusted localhost $PKI/rogue-ca.pem"; do
    set -- $bad
    if send "$2" "$PORT" "$3"; then
      fail "msmtp $1 (TLS $tls): sent"
    elif grep -qF "Subject: $SUBJECT" "$mail" 2>/dev/null; then
      fail "msmtp $1 (TLS $tls): delivered"
    elif grep -Eqi 'certificate|TLS' "$WORK/out"; then
      ok "msmtp $1 (TLS $tls) refused: $(head -1 "$WORK/out")"
    else
      fail "msmtp $1 (TLS $tls) failed for another reason: $(cat "$WORK/out")"
    fi
  done
done
finish
