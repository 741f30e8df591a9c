#!/usr/bin/env bash
# The throwaway PKI of the drop-in tests (EC P-256 keys, openssl CLI only):
#   ca.pem, ca.key          the CA the clients trust
#   server.pem, server.key  a leaf from ca.pem for DNS:localhost only, so
#                           https://127.0.0.1/ is a wrong host name
#   rogue-ca.pem            a CA nobody trusts (a client given only it must
#                           refuse server.pem: an untrusted issuer)
# Usage: make_pki.sh DIR   (does nothing when DIR/.complete exists)
set -euo pipefail
dir="${1:?usage: make_pki.sh DIR}"
[[ -f "$dir/.complete" ]] && exit 0
mkdir -p "$dir"
cd "$dir"
cat >ext.cnf <<'CNF'
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
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
run() {
  local out
  if ! out="$("$@" 2>&1)"; then
    printf '%s\n' "$out" >&2
    echo "make_pki: failed: $*" >&2
    exit 1
  fi
}
key() { run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"; }
ca() {  # ca NAME CN
  key "$1.key"
  run openssl req -new -x509 -config ext.cnf -extensions ca_ext -key "$1.key" \
    -subj "/O=Coda Drop-in Tests/CN=$2" -days 3650 -sha256 -out "$1.pem"
}
ca ca "Coda Drop-in CA"
ca rogue-ca "Coda Drop-in Rogue CA"
key server.key
run openssl req -new -config ext.cnf -key server.key -subj "/O=Coda Drop-in Tests/CN=localhost" \
  -out server.csr
run openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -set_serial "0x$(openssl rand -hex 8)" \
  -days 825 -sha256 -extfile ext.cnf -extensions leaf_ext -out server.pem
rm -f server.csr
run openssl verify -CAfile ca.pem -verify_hostname localhost server.pem
touch .complete
