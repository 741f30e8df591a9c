#include "config/names.hpp"

namespace coda {

namespace {
constexpr std::string_view kUnknown = "UNKNOWN";
}  // namespace

std::string_view version_name(ProtocolVersion version) {
  switch (version) {
    case ProtocolVersion::tls10:
      return "TLS1.0";
    case ProtocolVersion::tls11:
      return "TLS1.1";
    case ProtocolVersion::tls12:
      return "TLS1.2";
    case ProtocolVersion::tls13:
      return "TLS1.3";
  }
  return kUnknown;
}

std::string_view suite_name(CipherSuite suite) {
  switch (suite) {
    case CipherSuite::tls13_aes_128_gcm_sha256:
      return "TLS_AES_128_GCM_SHA256";
    case CipherSuite::tls13_aes_256_gcm_sha384:
      return "TLS_AES_256_GCM_SHA384";
    case CipherSuite::tls13_chacha20_poly1305_sha256:
      return "TLS_CHACHA20_POLY1305_SHA256";
    case CipherSuite::ecdhe_ecdsa_aes_128_gcm_sha256:
      return "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
    case CipherSuite::ecdhe_ecdsa_aes_256_gcm_sha384:
      return "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384";
    case CipherSuite::ecdhe_rsa_aes_128_gcm_sha256:
      return "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
    case CipherSuite::ecdhe_rsa_aes_256_gcm_sha384:
      return "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";
    case CipherSuite::ecdhe_rsa_chacha20_poly1305_sha256:
      return "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256";
    case CipherSuite::ecdhe_ecdsa_chacha20_poly1305_sha256:
      return "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256";
  }
  return kUnknown;
}

std::string_view gnutls_suite_name(CipherSuite suite) {
  // GnuTLS drops IANA's "WITH_", and for ChaCha20 also the PRF hash.
  switch (suite) {
    case CipherSuite::tls13_aes_128_gcm_sha256:
    case CipherSuite::tls13_aes_256_gcm_sha384:
    case CipherSuite::tls13_chacha20_poly1305_sha256:
      return suite_name(suite);
    case CipherSuite::ecdhe_ecdsa_aes_128_gcm_sha256:
      return "TLS_ECDHE_ECDSA_AES_128_GCM_SHA256";
    case CipherSuite::ecdhe_ecdsa_aes_256_gcm_sha384:
      return "TLS_ECDHE_ECDSA_AES_256_GCM_SHA384";
    case CipherSuite::ecdhe_rsa_aes_128_gcm_sha256:
      return "TLS_ECDHE_RSA_AES_128_GCM_SHA256";
    case CipherSuite::ecdhe_rsa_aes_256_gcm_sha384:
      return "TLS_ECDHE_RSA_AES_256_GCM_SHA384";
    case CipherSuite::ecdhe_rsa_chacha20_poly1305_sha256:
      return "TLS_ECDHE_RSA_CHACHA20_POLY1305";
    case CipherSuite::ecdhe_ecdsa_chacha20_poly1305_sha256:
      return "TLS_ECDHE_ECDSA_CHACHA20_POLY1305";
  }
  return kUnknown;
}

std::string_view group_name(NamedGroup group) {
  switch (group) {
    case NamedGroup::secp256r1:
      return "secp256r1";
    case NamedGroup::secp384r1:
      return "secp384r1";
    case NamedGroup::secp521r1:
      return "secp521r1";
    case NamedGroup::x25519:
      return "x25519";
    case NamedGroup::x448:
      return "x448";
  }
  return kUnknown;
}

std::string_view gnutls_group_name(NamedGroup group) {
  switch (group) {
    case NamedGroup::secp256r1:
      return "SECP256R1";
    case NamedGroup::secp384r1:
      return "SECP384R1";
    case NamedGroup::secp521r1:
      return "SECP521R1";
    case NamedGroup::x25519:
      return "X25519";
    case NamedGroup::x448:
      return "X448";
  }
  return kUnknown;
}

std::string_view scheme_name(SignatureScheme scheme) {
  switch (scheme) {
    case SignatureScheme::rsa_pkcs1_sha256:
      return "rsa_pkcs1_sha256";
    case SignatureScheme::rsa_pkcs1_sha384:
      return "rsa_pkcs1_sha384";
    case SignatureScheme::rsa_pkcs1_sha512:
      return "rsa_pkcs1_sha512";
    case SignatureScheme::ecdsa_secp256r1_sha256:
      return "ecdsa_secp256r1_sha256";
    case SignatureScheme::ecdsa_secp384r1_sha384:
      return "ecdsa_secp384r1_sha384";
    case SignatureScheme::ecdsa_secp521r1_sha512:
      return "ecdsa_secp521r1_sha512";
    case SignatureScheme::rsa_pss_rsae_sha256:
      return "rsa_pss_rsae_sha256";
    case SignatureScheme::rsa_pss_rsae_sha384:
      return "rsa_pss_rsae_sha384";
    case SignatureScheme::rsa_pss_rsae_sha512:
      return "rsa_pss_rsae_sha512";
    case SignatureScheme::ed25519:
      return "ed25519";
    case SignatureScheme::ed448:
      return "ed448";
    case SignatureScheme::rsa_pss_pss_sha256:
      return "rsa_pss_pss_sha256";
    case SignatureScheme::rsa_pss_pss_sha384:
      return "rsa_pss_pss_sha384";
    case SignatureScheme::rsa_pss_pss_sha512:
      return "rsa_pss_pss_sha512";
  }
  return kUnknown;
}

std::string_view gnutls_scheme_name(SignatureScheme scheme) {
  switch (scheme) {
    case SignatureScheme::rsa_pkcs1_sha256:
      return "RSA-SHA256";
    case SignatureScheme::rsa_pkcs1_sha384:
      return "RSA-SHA384";
    case SignatureScheme::rsa_pkcs1_sha512:
      return "RSA-SHA512";
    case SignatureScheme::ecdsa_secp256r1_sha256:
      return "ECDSA-SECP256R1-SHA256";
    case SignatureScheme::ecdsa_secp384r1_sha384:
      return "ECDSA-SECP384R1-SHA384";
    case SignatureScheme::ecdsa_secp521r1_sha512:
      return "ECDSA-SECP521R1-SHA512";
    case SignatureScheme::rsa_pss_rsae_sha256:
      return "RSA-PSS-RSAE-SHA256";
    case SignatureScheme::rsa_pss_rsae_sha384:
      return "RSA-PSS-RSAE-SHA384";
    case SignatureScheme::rsa_pss_rsae_sha512:
      return "RSA-PSS-RSAE-SHA512";
    case SignatureScheme::ed25519:
      return "EdDSA-Ed25519";
    case SignatureScheme::ed448:
      return "EdDSA-Ed448";
    // GnuTLS calls the PSS-keyed schemes plain "RSA-PSS-".
    case SignatureScheme::rsa_pss_pss_sha256:
      return "RSA-PSS-SHA256";
    case SignatureScheme::rsa_pss_pss_sha384:
      return "RSA-PSS-SHA384";
    case SignatureScheme::rsa_pss_pss_sha512:
      return "RSA-PSS-SHA512";
  }
  return kUnknown;
}

}  // namespace coda
