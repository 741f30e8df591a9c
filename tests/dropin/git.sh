#!/usr/bin/env bash
# git clone over https (git-remote-https on Debian's libcurl3-gnutls) on
# Coda's libgnutls.so.30: a dumb-HTTP repository from Python's ssl server
# (TLS 1.3 and 1.2; openssl s_server -WWW cannot serve it: it takes the
# query of info/refs?service= as part of the file name); a wrong host name, an
# untrusted issuer and the system store (curl's CApath, which is
# gnutls_certificate_set_x509_trust_dir) are refused.
source "$(dirname "$0")/lib.sh"
need git /usr/lib/git-core/git-remote-http
shows_coda /usr/lib/git-core/git-remote-http /usr/lib/x86_64-linux-gnu/libcurl-gnutls.so.4

export HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0
mkdir -p "$HOME" "$WORK/www"
git init -q "$WORK/src"
echo "cloned through Coda $$" >"$WORK/src/file.txt"
git -C "$WORK/src" add file.txt
git -C "$WORK/src" -c user.name=t -c user.email=t@localhost commit -q -m one
git clone -q --bare "$WORK/src" "$WORK/www/repo.git"
git -C "$WORK/www/repo.git" update-server-info

n=0
clone() {  # clone NAME URL [ENV...]: clones into $WORK/NAME
  local name="$1" url="$2"
  shift 2
  rm -rf "$WORK/$name"
  env "$@" LD_LIBRARY_PATH="$LIBDIR" timeout -k 2 30 git clone -q "$url" "$WORK/$name" \
    >"$WORK/$name.out" 2>&1
}
clone_ok() {  # clone_ok WHAT URL
  n=$((n + 1))
  if clone "c$n" "$2" GIT_SSL_CAINFO="$PKI/ca.pem" && cmp -s "$WORK/c$n/file.txt" "$WORK/src/file.txt"; then
    ok "git clone $1"
  else
    fail "git clone $1: $(cat "$WORK/c$n.out")"
  fi
}
refused() {  # refused WHAT URL PATTERN [ENV...]: the clone fails, saying PATTERN
  local what="$1" url="$2" pattern="$3"
  shift 3
  n=$((n + 1))
  if clone "c$n" "$url" "$@"; then
    fail "git clone $what succeeded"
  elif grep -Eqi "$pattern" "$WORK/c$n.out"; then
    ok "git clone $what refused: $(grep -Ei "$pattern" "$WORK/c$n.out" | head -1)"
  else
    fail "git clone $what failed for another reason: $(cat "$WORK/c$n.out")"
  fi
}

for tls in 1.3 1.2; do
  py_server "py$tls" http "$tls" --dir "$WORK/www"
  clone_ok "from Python ssl, TLS $tls" "https://localhost:$PORT/repo.git"
  refused "of a wrong host name (TLS $tls)" "https://127.0.0.1:$PORT/repo.git" \
    "certificate|SSL" GIT_SSL_CAINFO="$PKI/ca.pem"
  refused "with an untrusted issuer (TLS $tls)" "https://localhost:$PORT/repo.git" \
    "certificate|SSL" GIT_SSL_CAINFO="$PKI/rogue-ca.pem"
done
# Without GIT_SSL_CAINFO curl reads its CApath, /etc/ssl/certs, through
# gnutls_certificate_set_x509_trust_dir: loaded (not curl's error 77,
# "error setting certificate"), and our test CA is not in it.
refused "against the system store" "https://localhost:$PORT/repo.git" \
  "server certificate verification failed|certificate problem|not trusted"
if grep -qi "error setting certificate\|error reading ca cert" "$WORK/c$n.out"; then
  fail "curl could not load the system store: $(cat "$WORK/c$n.out")"
fi

# CApath alone (GIT_SSL_CAPATH, gnutls_certificate_set_x509_trust_dir)
# trusting our CA, with a CAfile that does not: the directory is read.
mkdir -p "$WORK/capath"
cp "$PKI/ca.pem" "$WORK/capath/"
n=$((n + 1))
if clone "c$n" "https://localhost:$PORT/repo.git" GIT_SSL_CAINFO="$PKI/rogue-ca.pem" \
  GIT_SSL_CAPATH="$WORK/capath" && cmp -s "$WORK/c$n/file.txt" "$WORK/src/file.txt"; then
  ok "git clone trusting a CA directory (gnutls_certificate_set_x509_trust_dir)"
else
  fail "git clone trusting a CA directory: $(cat "$WORK/c$n.out")"
fi
finish
