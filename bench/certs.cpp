// Key generation and X.509 building with libcrypto: a P-256 CA with a P-256
// leaf, an RSA-2048 CA with an RSA-2048 leaf, and a P-256 CA -> intermediate
// -> leaf chain. The extensions are the ones a strict verifier (GnuTLS's)
// wants: basicConstraints and keyUsage on every certificate, SAN and
// serverAuth on leaves, key identifiers to link the chain.
#include "certs.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace bench {
namespace {

struct Deleter {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
  void operator()(X509* p) const { X509_free(p); }
  void operator()(BIO* p) const { BIO_free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter>;
using Cert = std::unique_ptr<X509, Deleter>;

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("certificate generation: ") + what);
}

Key make_key(bool rsa) {
  Key key(rsa ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048})
              : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  check(key != nullptr, "key generation");
  return key;
}

void add_ext(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  check(ext != nullptr, "extension");
  X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
}

// issuer == nullptr makes a self-signed certificate.
Cert make_cert(EVP_PKEY* key, const char* cn, bool is_ca, X509* issuer, EVP_PKEY* issuer_key,
               long serial) {
  Cert cert(X509_new());
  check(cert != nullptr, "X509_new");
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
  // Backdated an hour so a clock a little behind does not reject it.
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 30L * 24 * 3600);
  X509_set_pubkey(cert.get(), key);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(cn),
                             -1, -1, 0);
  X509* signer = issuer != nullptr ? issuer : cert.get();
  X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
  add_ext(cert.get(), signer, NID_subject_key_identifier, "hash");
  if (issuer != nullptr) add_ext(cert.get(), signer, NID_authority_key_identifier, "keyid:always");
  if (is_ca) {
    add_ext(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
    add_ext(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    add_ext(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
    add_ext(cert.get(), signer, NID_key_usage, "critical,digitalSignature,keyEncipherment");
    add_ext(cert.get(), signer, NID_ext_key_usage, "serverAuth");
    add_ext(cert.get(), signer, NID_subject_alt_name, "DNS:localhost");
  }
  check(X509_sign(cert.get(), issuer_key != nullptr ? issuer_key : key, EVP_sha256()) > 0,
        "X509_sign");
  return cert;
}

std::string pem_of(X509* cert) {
  std::unique_ptr<BIO, Deleter> bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(bio.get(), cert);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(n));
}

std::string pem_of(EVP_PKEY* key) {
  std::unique_ptr<BIO, Deleter> bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(n));
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  check(static_cast<bool>(out), "writing a PEM file");
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void save(const std::string& dir, CertKind kind, const Credential& cred) {
  const std::string base = dir + "/" + cert_kind_name(kind);
  write_file(base + ".chain", cred.chain_pem);
  write_file(base + ".key", cred.key_pem);
  write_file(base + ".ca", cred.ca_pem);
}

}  // namespace

const char* cert_kind_name(CertKind kind) {
  switch (kind) {
    case CertKind::ecdsa_p256:
      return "ecdsa_p256";
    case CertKind::rsa_2048:
      return "rsa_2048";
    case CertKind::ecdsa_chain:
      return "ecdsa_chain";
  }
  return "?";
}

void generate_pki(const std::string& dir) {
  Key ec_ca_key = make_key(false);
  Cert ec_ca = make_cert(ec_ca_key.get(), "coda-bench EC CA", true, nullptr, nullptr, 1);

  Key ec_leaf_key = make_key(false);
  Cert ec_leaf = make_cert(ec_leaf_key.get(), "localhost", false, ec_ca.get(), ec_ca_key.get(), 2);
  save(dir, CertKind::ecdsa_p256,
       {pem_of(ec_leaf.get()), pem_of(ec_leaf_key.get()), pem_of(ec_ca.get())});

  Key inter_key = make_key(false);
  Cert inter = make_cert(inter_key.get(), "coda-bench EC intermediate", true, ec_ca.get(),
                         ec_ca_key.get(), 3);
  Key chain_leaf_key = make_key(false);
  Cert chain_leaf =
      make_cert(chain_leaf_key.get(), "localhost", false, inter.get(), inter_key.get(), 4);
  save(dir, CertKind::ecdsa_chain,
       {pem_of(chain_leaf.get()) + pem_of(inter.get()), pem_of(chain_leaf_key.get()),
        pem_of(ec_ca.get())});

  Key rsa_ca_key = make_key(true);
  Cert rsa_ca = make_cert(rsa_ca_key.get(), "coda-bench RSA CA", true, nullptr, nullptr, 5);
  Key rsa_leaf_key = make_key(true);
  Cert rsa_leaf =
      make_cert(rsa_leaf_key.get(), "localhost", false, rsa_ca.get(), rsa_ca_key.get(), 6);
  save(dir, CertKind::rsa_2048,
       {pem_of(rsa_leaf.get()), pem_of(rsa_leaf_key.get()), pem_of(rsa_ca.get())});
}

Credential load_credential(const std::string& dir, CertKind kind) {
  const std::string base = dir + "/" + cert_kind_name(kind);
  return {read_file(base + ".chain"), read_file(base + ".key"), read_file(base + ".ca")};
}

}  // namespace bench
