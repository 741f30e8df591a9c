#!/usr/bin/env bash
# Made once with the openssl CLI; the outputs are committed (the tests need
# fixed bytes). Run again only to change the set.
#   ca.crt/ca.key       RSA 2048 root CA, pathlen 1
#   rich.crt/rich.key   P-384 leaf: multi-valued RDN, escapes, UTF-8, every
#                       SAN type, EKU, key usage, SKID/AKID
#   ed.crt/ed.key       Ed25519 leaf, no extensions, version 1
#   other.crt           a self-signed P-256 certificate the CA did not issue
#   ca_pkcs1.pem/.der, rich_sec1.pem, ca.key.der: the keys in other forms
#   rich_enc.p8, ed_enc.p8.der: encrypted PKCS#8, password "secret"
#   crit.crt/crit.key   P-256 sub-CA, pathlen 0: critical SAN (DNS, XMPP
#                       otherName), critical EKU, AKID with issuer and serial
set -euo pipefail
cat >x.cnf <<'CNF'
[ req ]
distinguished_name = dn
prompt = no
utf8 = yes
string_mask = utf8only
[ dn ]
CN = unused
[ v3_ca ]
basicConstraints = critical, CA:TRUE, pathlen:1
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ v3_rich ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyAgreement, nonRepudiation
extendedKeyUsage = serverAuth, clientAuth, codeSigning, 1.3.6.1.4.1.99999.1
subjectAltName = @san
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ san ]
DNS.1 = rich.test
DNS.2 = *.rich.test
IP.1 = 192.0.2.7
IP.2 = 2001:db8::1
email.1 = admin@rich.test
URI.1 = https://rich.test/path
otherName.1 = 1.3.6.1.5.5.7.8.9;UTF8:user@rich.test
dirName.1 = dir_sect
RID.1 = 1.2.3.4
[ v3_crit ]
basicConstraints = critical, CA:TRUE, pathlen:0
extendedKeyUsage = critical, OCSPSigning
subjectAltName = critical, DNS:crit.test, otherName:1.3.6.1.5.5.7.8.5;UTF8:im@crit.test
authorityKeyIdentifier = keyid, issuer:always
[ dir_sect ]
O = Dir Org
CN = Dir Name
CNF
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out ca.key
openssl req -new -x509 -config x.cnf -extensions v3_ca -key ca.key -set_serial 1 \
  -subj "/C=DE/O=Coda Objects/OU=Unit A/OU=Unit B/CN=Coda Object CA" -days 7300 -sha256 -out ca.crt
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out rich.key
openssl req -new -config x.cnf -key rich.key -utf8 -multivalue-rdn \
  -subj "/C=FR/ST=Île-de-France/L=Paris/O=Rich\, Inc. \"quoted\"/OU=Dev+OU=Ops/CN=rich.test/emailAddress=admin@rich.test/DC=example/UID=u1/serialNumber=42 " \
  -out rich.csr
openssl x509 -req -in rich.csr -CA ca.crt -CAkey ca.key -set_serial 0x00a1b2c3d4e5f60718 \
  -days 7300 -sha384 -extfile x.cnf -extensions v3_rich -out rich.crt
openssl genpkey -algorithm ED25519 -out ed.key
openssl req -new -config x.cnf -key ed.key -subj "/CN=#ed25519 leaf/O= spaced " -out ed.csr
openssl x509 -req -in ed.csr -CA ca.crt -CAkey ca.key -set_serial 3 -days 7300 -sha256 -out ed.crt
openssl req -new -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout other.key \
  -subj "/CN=Other Self Signed" -days 7300 -config x.cnf -extensions v3_ca -out other.crt
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out crit.key
openssl req -new -config x.cnf -key crit.key -subj "/CN=Crit Sub CA" -out crit.csr
openssl x509 -req -in crit.csr -CA ca.crt -CAkey ca.key -set_serial 0x7f -days 7300 -sha512 \
  -extfile x.cnf -extensions v3_crit -out crit.crt
openssl x509 -in rich.crt -outform DER -out rich.der
cat rich.crt ed.crt ca.crt >chain.pem
rm -f x.cnf rich.csr ed.csr crit.csr
# The keys in their other encodings.
openssl pkey -in ca.key -traditional -out ca_pkcs1.pem
openssl pkey -in rich.key -traditional -out rich_sec1.pem
openssl pkcs8 -topk8 -nocrypt -in ca.key -outform DER -out ca.key.der
openssl rsa -in ca.key -traditional -outform DER -out ca_pkcs1.der
openssl pkcs8 -topk8 -in rich.key -v2 aes-256-cbc -passout pass:secret -out rich_enc.p8
openssl pkcs8 -topk8 -in ed.key -v2 aes-128-cbc -v2prf hmacWithSHA256 -passout pass:secret \
  -outform DER -out ed_enc.p8.der
