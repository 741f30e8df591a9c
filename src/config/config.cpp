#include "config/config.hpp"

#include <chrono>

namespace coda {

Result<std::shared_ptr<const CertifiedKey>> CertifiedKey::make(
    std::vector<crypto::Certificate> chain, crypto::PrivateKey key) {
  if (chain.empty()) return Error::make(ErrorKind::invalid_argument, "no certificate");
  auto leaf_key = chain.front().public_key();
  if (!leaf_key) return Error::make(ErrorKind::invalid_argument, "unsupported certificate key");
  if (!key.matches(*leaf_key)) {
    return Error::make(ErrorKind::invalid_argument, "the key does not belong to the certificate");
  }
  return std::shared_ptr<const CertifiedKey>(new CertifiedKey{std::move(chain), std::move(key)});
}

Result<std::shared_ptr<const CertifiedKey>> CertifiedKey::load(const std::string& cert_file,
                                                               const std::string& key_file) {
  CODA_ASSIGN(auto chain, crypto::Certificate::chain_from_file(cert_file));
  CODA_ASSIGN(auto key, crypto::PrivateKey::from_file(key_file));
  return make(std::move(chain), std::move(key));
}

Result<std::shared_ptr<const CertifiedKey>> CertifiedKey::from_pem(ByteView cert_pem,
                                                                   ByteView key_pem) {
  CODA_ASSIGN(auto chain, crypto::Certificate::chain_from_pem(cert_pem));
  CODA_ASSIGN(auto key, crypto::PrivateKey::from_pem(key_pem));
  return make(std::move(chain), std::move(key));
}

void Config::apply(const Priority& priority) {
  // versions is highest first and never empty in a parsed priority.
  if (!priority.versions.empty()) {
    max_version = priority.versions.front();
    min_version = priority.versions.back();
  }
  cipher_suites = priority.cipher_suites;
  groups = priority.groups;
  signature_schemes = priority.signature_schemes;
  server_precedence = priority.server_precedence;
  middlebox_compat = priority.tls13_middlebox_compat;
  tickets_enabled = !priority.no_tickets;
}

uint64_t Config::now_ms() const {
  if (clock_ms) return clock_ms();
  using namespace std::chrono;
  return static_cast<uint64_t>(
      duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

void Config::fill_defaults() {
  // The order GnuTLS's NORMAL priority uses for what Coda implements.
  if (cipher_suites.empty()) {
    cipher_suites = {CipherSuite::tls13_aes_256_gcm_sha384,
                     CipherSuite::tls13_chacha20_poly1305_sha256,
                     CipherSuite::tls13_aes_128_gcm_sha256,
                     CipherSuite::ecdhe_ecdsa_aes_256_gcm_sha384,
                     CipherSuite::ecdhe_ecdsa_chacha20_poly1305_sha256,
                     CipherSuite::ecdhe_ecdsa_aes_128_gcm_sha256,
                     CipherSuite::ecdhe_rsa_aes_256_gcm_sha384,
                     CipherSuite::ecdhe_rsa_chacha20_poly1305_sha256,
                     CipherSuite::ecdhe_rsa_aes_128_gcm_sha256};
  }
  if (groups.empty()) {
    groups = {NamedGroup::x25519, NamedGroup::secp256r1, NamedGroup::secp384r1};
  }
  if (signature_schemes.empty()) {
    signature_schemes = {SignatureScheme::ecdsa_secp256r1_sha256,
                         SignatureScheme::ecdsa_secp384r1_sha384, SignatureScheme::ed25519,
                         SignatureScheme::rsa_pss_rsae_sha256, SignatureScheme::rsa_pss_rsae_sha384,
                         SignatureScheme::rsa_pss_rsae_sha512,
                         // Only for certificate signatures in 1.3 (RFC 8446 4.2.3).
                         SignatureScheme::rsa_pkcs1_sha256, SignatureScheme::rsa_pkcs1_sha384,
                         SignatureScheme::rsa_pkcs1_sha512};
  }
}

}  // namespace coda
