#!/usr/bin/env bash
# Makes the certificates the api tests use, with the openssl CLI only:
#   ca.pem / ca.key            trusted CA (ECDSA P-256)
#   ecdsa.pem / ecdsa.key      server leaf, ECDSA P-256, SAN localhost + 127.0.0.1
#   rsa.pem / rsa.key          server leaf, RSA 2048, same names
#   client.pem / client.key    a client leaf (ECDSA P-256)
#   ecdsa-chain.pem            ecdsa.pem followed by ca.pem
#   crl.pem / crl.der          the CA's CRL revoking rsa.pem (openssl ca -gencrl)
#   crl_empty.pem              the CA's CRL revoking nothing
#   crl_other.pem              a CRL signed by ecdsa.key, naming ecdsa.pem as issuer
# Usage: make_certs.sh DIR   (does nothing when DIR/.complete exists)
set -euo pipefail

dir="${1:?usage: make_certs.sh DIR}"
[[ -f "$dir/.complete" && -f "$dir/crl_other.pem" ]] && exit 0
mkdir -p "$dir"
cd "$dir"

cat >x509.cnf <<'CNF'
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ v3_ca ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ v3_leaf ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_server_only ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_inter ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF

run() {  # run CMD...: quiet unless it fails
  local out
  if ! out="$("$@" 2>&1)"; then
    printf '%s\n' "$out" >&2
    echo "make_certs: failed: $*" >&2
    exit 1
  fi
}

key() {  # key FILE ec|rsa
  if [[ "$2" == ec ]]; then
    run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"
  else
    run openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1"
  fi
}

leaf() {  # leaf NAME ec|rsa
  key "$1.key" "$2"
  run openssl req -new -config x509.cnf -key "$1.key" -subj "/O=Coda API Tests/CN=localhost" -out "$1.csr"
  run openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -set_serial "0x$(openssl rand -hex 8)" \
    -days 365 -sha256 -extfile x509.cnf -extensions v3_leaf -out "$1.pem"
  rm -f "$1.csr"
}

key ca.key ec
run openssl req -new -x509 -config x509.cnf -extensions v3_ca -key ca.key \
  -subj "/O=Coda API Tests/CN=Coda API Test CA" -days 365 -sha256 -out ca.pem
leaf ecdsa ec
leaf rsa rsa
leaf client ec
cat ecdsa.pem ca.pem >ecdsa-chain.pem
for l in ecdsa rsa client; do
  run openssl verify -CAfile ca.pem "$l.pem"
done

# For the trust-list tests (trust_differential.c): a leaf for serverAuth
# only; an intermediate CA and a leaf it issued; a CA nobody trusts and a
# leaf it issued.
signed() {  # signed NAME ISSUER EXTENSIONS SUBJECT
  key "$1.key" ec
  run openssl req -new -config x509.cnf -key "$1.key" -subj "$4" -out "$1.csr"
  run openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" -set_serial "0x$(openssl rand -hex 8)" \
    -days 365 -sha256 -extfile x509.cnf -extensions "$3" -out "$1.pem"
  rm -f "$1.csr"
}
signed serveronly ca v3_server_only "/O=Coda API Tests/CN=localhost"
signed inter ca v3_inter "/O=Coda API Tests/CN=Coda API Intermediate"
signed chained inter v3_leaf "/O=Coda API Tests/CN=localhost"
key rogue-ca.key ec
run openssl req -new -x509 -config x509.cnf -extensions v3_ca -key rogue-ca.key \
  -subj "/O=Coda API Tests/CN=Coda API Rogue CA" -days 365 -sha256 -out rogue-ca.pem
signed rogue rogue-ca v3_leaf "/O=Coda API Tests/CN=localhost"
mkdir -p anchors
cp ca.pem anchors/ca.pem
cat ca.pem rogue-ca.pem >anchors/two.pem
echo "not a certificate" >anchors/junk.txt
# CRLs, made the way a CA makes them (openssl ca keeps its index file).
crl() {  # crl OUT CERT KEY [REVOKED...]
  local out="$1" cert="$2" key="$3"
  shift 3
  rm -f index.txt index.txt.* crlnumber crlnumber.*
  : >index.txt
  echo 1000 >crlnumber
  cat >crl.cnf <<'CNF'
[ ca ]
default_ca = crl_ca
[ crl_ca ]
database = index.txt
crlnumber = crlnumber
default_md = sha256
default_crl_days = 30
CNF
  for r in "$@"; do
    run openssl ca -config crl.cnf -keyfile "$key" -cert "$cert" -revoke "$r" -crl_reason keyCompromise
  done
  run openssl ca -config crl.cnf -keyfile "$key" -cert "$cert" -gencrl -out "$out"
  rm -f index.txt index.txt.* crlnumber crlnumber.* crl.cnf
}
crl crl.pem ca.pem ca.key rsa.pem
run openssl crl -in crl.pem -outform DER -out crl.der
crl crl_empty.pem ca.pem ca.key
crl crl_other.pem ecdsa.pem ecdsa.key client.pem
touch .complete
