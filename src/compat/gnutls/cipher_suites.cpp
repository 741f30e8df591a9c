// The cipher-suite and cipher information calls: gnutls_cipher_suite_info,
// gnutls_priority_get_cipher_suite_index, gnutls_cipher_suite_get_name,
// gnutls_ciphersuite_get, and the key, IV, tag and block sizes of every
// cipher GnuTLS 3.7 names (the figures are those the real library reports,
// so that programs that size buffers by them, or tell a real cipher from
// the NULL one, see the same).
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>

#include <cstring>

#include "compat/gnutls/ids.hpp"
#include "compat/gnutls/internal.hpp"
#include "compat/gnutls/session.hpp"

namespace {

using coda::CipherSuite;
using coda::ProtocolVersion;

// The suites Coda speaks, each with GnuTLS's name for it and its canonical
// (IANA) name; an index into this table is what
// gnutls_priority_get_cipher_suite_index hands out.
struct SuiteName {
  CipherSuite suite;
  ProtocolVersion version;
  const char* gnutls_name;  // as gnutls_cipher_suite_info names it
  const char* iana_name;    // as gnutls_ciphersuite_get names it
};

constexpr SuiteName kSuites[] = {
    {CipherSuite::tls13_aes_128_gcm_sha256, ProtocolVersion::tls13, "TLS_AES_128_GCM_SHA256",
     "TLS_AES_128_GCM_SHA256"},
    {CipherSuite::tls13_aes_256_gcm_sha384, ProtocolVersion::tls13, "TLS_AES_256_GCM_SHA384",
     "TLS_AES_256_GCM_SHA384"},
    {CipherSuite::tls13_chacha20_poly1305_sha256, ProtocolVersion::tls13,
     "TLS_CHACHA20_POLY1305_SHA256", "TLS_CHACHA20_POLY1305_SHA256"},
    {CipherSuite::ecdhe_ecdsa_aes_128_gcm_sha256, ProtocolVersion::tls12,
     "TLS_ECDHE_ECDSA_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"},
    {CipherSuite::ecdhe_ecdsa_aes_256_gcm_sha384, ProtocolVersion::tls12,
     "TLS_ECDHE_ECDSA_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"},
    {CipherSuite::ecdhe_rsa_aes_128_gcm_sha256, ProtocolVersion::tls12,
     "TLS_ECDHE_RSA_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"},
    {CipherSuite::ecdhe_rsa_aes_256_gcm_sha384, ProtocolVersion::tls12,
     "TLS_ECDHE_RSA_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"},
    {CipherSuite::ecdhe_rsa_chacha20_poly1305_sha256, ProtocolVersion::tls12,
     "TLS_ECDHE_RSA_CHACHA20_POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"},
    {CipherSuite::ecdhe_ecdsa_chacha20_poly1305_sha256, ProtocolVersion::tls12,
     "TLS_ECDHE_ECDSA_CHACHA20_POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"},
};
constexpr size_t kSuiteCount = sizeof kSuites / sizeof kSuites[0];

const SuiteName* suite_named(CipherSuite suite) {
  for (const auto& s : kSuites)
    if (s.suite == suite) return &s;
  return nullptr;
}

// Key, IV, tag and block sizes by gnutls_cipher_algorithm_t value.
struct CipherSizes {
  gnutls_cipher_algorithm_t cipher;
  unsigned short key, iv, tag, block;
};

constexpr CipherSizes kCipherSizes[] = {
    {GNUTLS_CIPHER_NULL, 0, 0, 0, 1},
    {GNUTLS_CIPHER_ARCFOUR_128, 16, 0, 0, 1},
    {GNUTLS_CIPHER_3DES_CBC, 24, 8, 0, 8},
    {GNUTLS_CIPHER_AES_128_CBC, 16, 16, 0, 16},
    {GNUTLS_CIPHER_AES_256_CBC, 32, 16, 0, 16},
    {GNUTLS_CIPHER_ARCFOUR_40, 5, 0, 0, 1},
    {GNUTLS_CIPHER_CAMELLIA_128_CBC, 16, 16, 0, 16},
    {GNUTLS_CIPHER_CAMELLIA_256_CBC, 32, 16, 0, 16},
    {GNUTLS_CIPHER_AES_192_CBC, 24, 16, 0, 16},
    {GNUTLS_CIPHER_AES_128_GCM, 16, 12, 16, 16},
    {GNUTLS_CIPHER_AES_256_GCM, 32, 12, 16, 16},
    {GNUTLS_CIPHER_CAMELLIA_192_CBC, 24, 16, 0, 16},
    {GNUTLS_CIPHER_SALSA20_256, 32, 8, 0, 64},
    {GNUTLS_CIPHER_ESTREAM_SALSA20_256, 32, 8, 0, 64},
    {GNUTLS_CIPHER_CAMELLIA_128_GCM, 16, 12, 16, 16},
    {GNUTLS_CIPHER_CAMELLIA_256_GCM, 32, 12, 16, 16},
    {GNUTLS_CIPHER_RC2_40_CBC, 5, 8, 0, 8},
    {GNUTLS_CIPHER_DES_CBC, 8, 8, 0, 8},
    {GNUTLS_CIPHER_AES_128_CCM, 16, 12, 16, 16},
    {GNUTLS_CIPHER_AES_256_CCM, 32, 12, 16, 16},
    {GNUTLS_CIPHER_AES_128_CCM_8, 16, 12, 8, 16},
    {GNUTLS_CIPHER_AES_256_CCM_8, 32, 12, 8, 16},
    {GNUTLS_CIPHER_CHACHA20_POLY1305, 32, 12, 16, 64},
    {GNUTLS_CIPHER_GOST28147_TC26Z_CFB, 32, 8, 0, 8},
    {GNUTLS_CIPHER_GOST28147_CPA_CFB, 32, 8, 0, 8},
    {GNUTLS_CIPHER_GOST28147_CPB_CFB, 32, 8, 0, 8},
    {GNUTLS_CIPHER_GOST28147_CPC_CFB, 32, 8, 0, 8},
    {GNUTLS_CIPHER_GOST28147_CPD_CFB, 32, 8, 0, 8},
    {GNUTLS_CIPHER_AES_128_CFB8, 16, 16, 0, 16},
    {GNUTLS_CIPHER_AES_192_CFB8, 24, 16, 0, 16},
    {GNUTLS_CIPHER_AES_256_CFB8, 32, 16, 0, 16},
    {GNUTLS_CIPHER_AES_128_XTS, 32, 16, 0, 16},
    {GNUTLS_CIPHER_AES_256_XTS, 64, 16, 0, 16},
    {GNUTLS_CIPHER_GOST28147_TC26Z_CNT, 32, 8, 0, 8},
    {GNUTLS_CIPHER_CHACHA20_64, 32, 16, 0, 64},
    {GNUTLS_CIPHER_CHACHA20_32, 32, 16, 0, 64},
    {GNUTLS_CIPHER_AES_128_SIV, 32, 16, 16, 16},
    {GNUTLS_CIPHER_AES_256_SIV, 64, 16, 16, 16},
    {GNUTLS_CIPHER_AES_192_GCM, 24, 12, 16, 16},
    {GNUTLS_CIPHER_MAGMA_CTR_ACPKM, 32, 8, 0, 8},
    {GNUTLS_CIPHER_KUZNYECHIK_CTR_ACPKM, 32, 16, 0, 16},
};

const CipherSizes* sizes_of(gnutls_cipher_algorithm_t cipher) {
  for (const auto& c : kCipherSizes)
    if (c.cipher == cipher) return &c;
  return nullptr;
}

}  // namespace

extern "C" {

size_t gnutls_cipher_get_key_size(gnutls_cipher_algorithm_t algorithm) {
  const CipherSizes* c = sizes_of(algorithm);
  return c != nullptr ? c->key : 0;
}

unsigned gnutls_cipher_get_iv_size(gnutls_cipher_algorithm_t algorithm) {
  const CipherSizes* c = sizes_of(algorithm);
  return c != nullptr ? c->iv : 0;
}

unsigned gnutls_cipher_get_tag_size(gnutls_cipher_algorithm_t algorithm) {
  const CipherSizes* c = sizes_of(algorithm);
  return c != nullptr ? c->tag : 0;
}

unsigned gnutls_cipher_get_block_size(gnutls_cipher_algorithm_t algorithm) {
  const CipherSizes* c = sizes_of(algorithm);
  return c != nullptr ? c->block : 0;
}

const char* gnutls_cipher_suite_info(size_t idx, unsigned char* cs_id, gnutls_kx_algorithm_t* kx,
                                     gnutls_cipher_algorithm_t* cipher, gnutls_mac_algorithm_t* mac,
                                     gnutls_protocol_t* min_version) {
  if (idx >= kSuiteCount) return nullptr;
  const SuiteName& s = kSuites[idx];
  const auto code = static_cast<uint16_t>(s.suite);
  if (cs_id != nullptr) {
    cs_id[0] = static_cast<unsigned char>(code >> 8U);
    cs_id[1] = static_cast<unsigned char>(code);
  }
  // TLS 1.3 suites carry no key exchange: GnuTLS says UNKNOWN for them.
  if (kx != nullptr) {
    *kx = s.version == ProtocolVersion::tls13 ? GNUTLS_KX_UNKNOWN
                                              : coda::compat::kx_id(s.version, s.suite);
  }
  if (cipher != nullptr) *cipher = coda::compat::cipher_id(s.suite);
  if (mac != nullptr) *mac = coda::compat::mac_id(s.suite);
  if (min_version != nullptr) *min_version = coda::compat::protocol_id(s.version);
  return s.gnutls_name;
}

int gnutls_priority_get_cipher_suite_index(gnutls_priority_t pcache, unsigned int idx,
                                           unsigned int* sidx) {
  if (pcache == nullptr || sidx == nullptr) return GNUTLS_E_INVALID_REQUEST;
  const auto& suites = pcache->priority.cipher_suites;
  if (idx >= suites.size()) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  const SuiteName* s = suite_named(suites[idx]);
  if (s == nullptr) return GNUTLS_E_UNKNOWN_CIPHER_SUITE;
  *sidx = static_cast<unsigned>(s - kSuites);
  return 0;
}

// GnuTLS's name for a TLS 1.2 (kx, cipher, mac) combination, without the
// "TLS_" prefix; NULL for combinations it has no suite for.
const char* gnutls_cipher_suite_get_name(gnutls_kx_algorithm_t kx, gnutls_cipher_algorithm_t cipher,
                                         gnutls_mac_algorithm_t mac) {
  for (const auto& s : kSuites) {
    if (s.version != ProtocolVersion::tls12) continue;
    if (coda::compat::kx_id(s.version, s.suite) == kx &&
        coda::compat::cipher_id(s.suite) == cipher && coda::compat::mac_id(s.suite) == mac) {
      return s.gnutls_name + std::strlen("TLS_");
    }
  }
  return nullptr;
}

const char* gnutls_ciphersuite_get(gnutls_session_t session) {
  if (session == nullptr || !session->conn || !session->conn->handshake_complete()) {
    return nullptr;
  }
  const SuiteName* s = suite_named(session->conn->info().cipher_suite);
  return s != nullptr ? s->iana_name : nullptr;
}

}  // extern "C"
