#!/usr/bin/env bash
# Makes the throwaway PKI the interop tests use, with the openssl CLI only:
#   ca.pem               the trusted CA (ECDSA P-256)
#   ecdsa256.{pem,key}   server leaves, SAN DNS:localhost and IP:127.0.0.1,
#   ecdsa384.{pem,key}   signed by ca.pem
#   rsa2048.{pem,key}
#   ed25519.{pem,key}
#   expired.{pem,key}    a P-256 leaf from ca.pem whose validity ended in 2021
#   rogue-ca.pem         a second CA nobody trusts
#   untrusted.{pem,key}  a P-256 leaf from rogue-ca.pem
# Usage: make_pki.sh DIR   (does nothing when DIR/.complete exists)
set -euo pipefail

dir="${1:?usage: make_pki.sh DIR}"
if [[ -f "$dir/.complete" ]]; then
  exit 0
fi
mkdir -p "$dir"
cd "$dir"

# One config for every extension set, so no system openssl.cnf default
# (such as CA:TRUE on everything req makes) leaks into the leaves.
cat >ext.cnf <<'EOF'
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ ca_ext ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ leaf_ext ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
# `openssl ca` (used for the expired leaf: it alone sets arbitrary dates in
# OpenSSL 3.0) needs a database and a policy.
[ ca ]
default_ca = past_ca
[ past_ca ]
database = ca-db/index.txt
new_certs_dir = ca-db
serial = ca-db/serial
default_md = sha256
policy = any_policy
copy_extensions = none
unique_subject = no
[ any_policy ]
commonName = supplied
EOF

quiet() {
  # openssl chatters on stderr even when all is well; show it only on failure.
  local log
  log="$(mktemp)"
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "make_pki: failed: $*" >&2
    exit 1
  fi
  rm -f "$log"
}

genkey() {  # genkey FILE KIND
  case "$2" in
    p256) quiet openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" ;;
    p384) quiet openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out "$1" ;;
    rsa2048) quiet openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" ;;
    ed25519) quiet openssl genpkey -algorithm ED25519 -out "$1" ;;
    *) echo "make_pki: unknown key kind $2" >&2; exit 1 ;;
  esac
}

make_ca() {  # make_ca NAME CN
  genkey "$1.key" p256
  quiet openssl req -new -x509 -config ext.cnf -extensions ca_ext -key "$1.key" \
    -subj "/O=Coda Tests/CN=$2" -days 3650 -sha256 -out "$1.pem"
}

make_leaf() {  # make_leaf NAME KIND CA
  genkey "$1.key" "$2"
  quiet openssl req -new -config ext.cnf -key "$1.key" -subj "/O=Coda Tests/CN=localhost" \
    -out "$1.csr"
  quiet openssl x509 -req -in "$1.csr" -CA "$3.pem" -CAkey "$3.key" -set_serial "0x$(openssl rand -hex 8)" \
    -days 825 -sha256 -extfile ext.cnf -extensions leaf_ext -out "$1.pem"
  rm -f "$1.csr"
}

make_ca ca "Coda Test CA"
make_leaf ecdsa256 p256 ca
make_leaf ecdsa384 p384 ca
make_leaf rsa2048 rsa2048 ca
make_leaf ed25519 ed25519 ca

# Expired: valid from 2020-01-01 to 2021-01-01, signed by the trusted CA.
mkdir -p ca-db
: >ca-db/index.txt
echo 1000 >ca-db/serial
genkey expired.key p256
quiet openssl req -new -config ext.cnf -key expired.key -subj "/O=Coda Tests/CN=localhost" \
  -out expired.csr
quiet openssl ca -batch -config ext.cnf -name past_ca -cert ca.pem -keyfile ca.key \
  -extfile ext.cnf -extensions leaf_ext -startdate 20200101000000Z -enddate 20210101000000Z \
  -notext -in expired.csr -out expired.pem
rm -f expired.csr

make_ca rogue-ca "Coda Rogue CA"
make_leaf untrusted p256 rogue-ca

# Sanity: what should verify does, what should not does not.
for leaf in ecdsa256 ecdsa384 rsa2048 ed25519; do
  quiet openssl verify -CAfile ca.pem -verify_hostname localhost "$leaf.pem"
done
if openssl verify -CAfile ca.pem expired.pem >/dev/null 2>&1; then
  echo "make_pki: expired.pem verifies, it should not" >&2
  exit 1
fi
if openssl verify -CAfile ca.pem untrusted.pem >/dev/null 2>&1; then
  echo "make_pki: untrusted.pem verifies, it should not" >&2
  exit 1
fi
touch .complete
