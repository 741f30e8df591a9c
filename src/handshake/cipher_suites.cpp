#include "handshake/cipher_suites.hpp"

#include <array>

namespace coda::hs {

namespace {
using crypto::AeadAlg;
using crypto::HashAlg;
using V = ProtocolVersion;

constexpr std::array kSuites{
    SuiteInfo{CipherSuite::tls13_aes_128_gcm_sha256, V::tls13, AeadAlg::aes128gcm, HashAlg::sha256,
              KeyExchange::tls13_any},
    SuiteInfo{CipherSuite::tls13_aes_256_gcm_sha384, V::tls13, AeadAlg::aes256gcm, HashAlg::sha384,
              KeyExchange::tls13_any},
    SuiteInfo{CipherSuite::tls13_chacha20_poly1305_sha256, V::tls13, AeadAlg::chacha20poly1305,
              HashAlg::sha256, KeyExchange::tls13_any},
    SuiteInfo{CipherSuite::ecdhe_ecdsa_aes_128_gcm_sha256, V::tls12, AeadAlg::aes128gcm,
              HashAlg::sha256, KeyExchange::ecdhe_ecdsa},
    SuiteInfo{CipherSuite::ecdhe_ecdsa_aes_256_gcm_sha384, V::tls12, AeadAlg::aes256gcm,
              HashAlg::sha384, KeyExchange::ecdhe_ecdsa},
    SuiteInfo{CipherSuite::ecdhe_rsa_aes_128_gcm_sha256, V::tls12, AeadAlg::aes128gcm,
              HashAlg::sha256, KeyExchange::ecdhe_rsa},
    SuiteInfo{CipherSuite::ecdhe_rsa_aes_256_gcm_sha384, V::tls12, AeadAlg::aes256gcm,
              HashAlg::sha384, KeyExchange::ecdhe_rsa},
    SuiteInfo{CipherSuite::ecdhe_rsa_chacha20_poly1305_sha256, V::tls12, AeadAlg::chacha20poly1305,
              HashAlg::sha256, KeyExchange::ecdhe_rsa},
    SuiteInfo{CipherSuite::ecdhe_ecdsa_chacha20_poly1305_sha256, V::tls12,
              AeadAlg::chacha20poly1305, HashAlg::sha256, KeyExchange::ecdhe_ecdsa},
};
}  // namespace

const SuiteInfo* find_suite(uint16_t code_point) {
  for (const auto& s : kSuites) {
    if (static_cast<uint16_t>(s.id) == code_point) return &s;
  }
  return nullptr;
}

}  // namespace coda::hs
