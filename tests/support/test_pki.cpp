#include "support/test_pki.hpp"

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <mutex>
#include <stdexcept>

namespace coda::test {

namespace {

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509Free {
  void operator()(X509* p) const { X509_free(p); }
};
struct BioFree {
  void operator()(BIO* p) const { BIO_free_all(p); }
};
using Pkey = std::shared_ptr<EVP_PKEY>;
using Cert = std::shared_ptr<X509>;

[[noreturn]] void fail(const char* what) {
  throw std::runtime_error(what);
}

Pkey generate_key(TestKeyType type) {
  EVP_PKEY* k = nullptr;
  switch (type) {
    case TestKeyType::ecdsa_p256:
      k = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
      break;
    case TestKeyType::ecdsa_p384:
      k = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384");
      break;
    case TestKeyType::rsa2048:
      k = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048));
      break;
    case TestKeyType::ed25519:
      k = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
      break;
  }
  if (k == nullptr) fail("key generation failed");
  return Pkey(k, PkeyFree{});
}

// RSA keys take a noticeable time to make; a few per process are reused
// (one slot each for roots, leaves and intermediates, so no CA certifies
// its own key).
Pkey key_for(TestKeyType type, int slot) {
  if (type != TestKeyType::rsa2048) return generate_key(type);
  static std::mutex mu;
  static Pkey cache[3];
  std::lock_guard<std::mutex> lock(mu);
  Pkey& k = cache[slot % 3];
  if (!k) k = generate_key(type);
  return k;
}

std::string to_pem(X509* cert) {
  std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1) fail("PEM_write_bio_X509");
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(len));
}

std::string key_to_pem(EVP_PKEY* key) {
  std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
  if (!bio ||
      PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    fail("PEM_write_bio_PrivateKey");
  }
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(len));
}

void add_ext(X509* cert, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
  if (ext == nullptr) fail("X509V3_EXT_conf_nid");
  const int ok = X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
  if (ok != 1) fail("X509_add_ext");
}

// Builds and signs a v3 certificate. `issuer` null: self-signed.
Cert make_cert(EVP_PKEY* subject_key, const std::string& cn, X509* issuer, EVP_PKEY* issuer_key,
               long not_before, long not_after,
               const std::vector<std::pair<int, std::string>>& extensions) {
  Cert cert(X509_new(), X509Free{});
  if (!cert) fail("X509_new");
  X509* x = cert.get();
  X509_set_version(x, X509_VERSION_3);
  // Random positive 128-bit serial (RFC 5280 4.1.2.2: at most 20 octets).
  unsigned char serial[16];
  if (RAND_bytes(serial, sizeof(serial)) != 1) fail("RAND_bytes");
  serial[0] &= 0x7F;
  serial[0] |= 0x01;
  BIGNUM* bn = BN_bin2bn(serial, sizeof(serial), nullptr);
  ASN1_INTEGER* sn = bn ? BN_to_ASN1_INTEGER(bn, nullptr) : nullptr;
  BN_free(bn);
  if (sn == nullptr || X509_set_serialNumber(x, sn) != 1) fail("serial");
  ASN1_INTEGER_free(sn);

  X509_NAME* name = X509_get_subject_name(x);
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>("Coda Tests"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
  X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer) : name);
  if (X509_gmtime_adj(X509_getm_notBefore(x), not_before) == nullptr ||
      X509_gmtime_adj(X509_getm_notAfter(x), not_after) == nullptr) {
    fail("validity");
  }
  if (X509_set_pubkey(x, subject_key) != 1) fail("X509_set_pubkey");
  X509* signer = issuer ? issuer : x;
  for (const auto& [nid, value] : extensions) add_ext(x, signer, nid, value);
  // Ed25519 signs the message itself (no digest); the others use SHA-256.
  const EVP_MD* md = EVP_PKEY_get_base_id(issuer_key) == EVP_PKEY_ED25519 ? nullptr : EVP_sha256();
  if (X509_sign(x, issuer_key, md) <= 0) fail("X509_sign");
  return cert;
}

std::vector<std::pair<int, std::string>> ca_extensions() {
  return {{NID_basic_constraints, "critical,CA:TRUE"},
          {NID_key_usage, "critical,keyCertSign,cRLSign"},
          {NID_subject_key_identifier, "hash"}};
}

}  // namespace

struct TestPki::State {
  Pkey root_key;
  Cert root;
  std::string root_pem;
  // The CA that issues leaves: the root itself, or an intermediate.
  Pkey issuer_key;
  Cert issuer;
  std::string intermediates_pem;  // issuer's chain up to (not incl.) the root
};

TestPki::TestPki(std::shared_ptr<const State> state) : state_(std::move(state)) {}

TestPki::TestPki(TestKeyType ca_key, std::string ca_name) {
  auto s = std::make_shared<State>();
  s->root_key = key_for(ca_key, 0);
  s->root = make_cert(s->root_key.get(), ca_name, nullptr, s->root_key.get(), -86400, 3650L * 86400,
                      ca_extensions());
  s->root_pem = to_pem(s->root.get());
  s->issuer_key = s->root_key;
  s->issuer = s->root;
  state_ = std::move(s);
}

const std::string& TestPki::ca_pem() const {
  return state_->root_pem;
}

TestPki TestPki::intermediate(TestKeyType key, std::string name) const {
  auto s = std::make_shared<State>(*state_);
  s->issuer_key = key_for(key, 2);
  auto ext = ca_extensions();
  ext.emplace_back(NID_authority_key_identifier, "keyid:always");
  s->issuer = make_cert(s->issuer_key.get(), name, state_->issuer.get(), state_->issuer_key.get(),
                        -86400, 3650L * 86400, ext);
  s->intermediates_pem = to_pem(s->issuer.get()) + state_->intermediates_pem;
  return TestPki(std::shared_ptr<const State>(std::move(s)));
}

TestCert TestPki::issue(const LeafOptions& options) const {
  Pkey key = key_for(options.key, 1);
  std::vector<std::pair<int, std::string>> ext = {
      {NID_basic_constraints, "critical,CA:FALSE"},
      {NID_subject_key_identifier, "hash"},
      {NID_authority_key_identifier, "keyid:always"},
  };
  std::string eku;
  if (options.server_auth) eku = "serverAuth";
  if (options.client_auth) eku += eku.empty() ? "clientAuth" : ",clientAuth";
  if (!eku.empty()) ext.emplace_back(NID_ext_key_usage, eku);
  if (!options.key_usage.empty()) ext.emplace_back(NID_key_usage, "critical," + options.key_usage);
  std::string san;
  for (const auto& d : options.dns_names) san += (san.empty() ? "DNS:" : ",DNS:") + d;
  for (const auto& ip : options.ip_addresses) san += (san.empty() ? "IP:" : ",IP:") + ip;
  if (!san.empty()) ext.emplace_back(NID_subject_alt_name, san);

  Cert leaf =
      make_cert(key.get(), options.common_name, state_->issuer.get(), state_->issuer_key.get(),
                options.not_before_offset_s, options.not_after_offset_s, ext);
  TestCert out;
  out.cert_pem = to_pem(leaf.get());
  out.key_pem = key_to_pem(key.get());
  out.chain_pem = out.cert_pem + state_->intermediates_pem;
  return out;
}

const TestPki& default_pki() {
  static const TestPki pki;
  return pki;
}

}  // namespace coda::test
