// Coda's protocol identifiers as the GnuTLS enum values the C API reports.
// The choices follow what GnuTLS 3.7 returns for the same session (checked
// against real handshakes), including two surprises:
// - gnutls_kx_get() in TLS 1.3 says GNUTLS_KX_ECDHE_RSA for every elliptic
//   curve group, whatever the certificate (DHE_RSA for finite-field groups);
// - an ECDSA signature scheme is curve-specific in TLS 1.3
//   (GNUTLS_SIGN_ECDSA_SECP256R1_SHA256) but not in TLS 1.2
//   (GNUTLS_SIGN_ECDSA_SHA256).
#pragma once

#include <gnutls/gnutls.h>

#include "base/alert.hpp"
#include "base/protocol_ids.hpp"

namespace coda::compat {

constexpr gnutls_protocol_t protocol_id(ProtocolVersion v) {
  switch (v) {
    case ProtocolVersion::tls10:
      return GNUTLS_TLS1_0;
    case ProtocolVersion::tls11:
      return GNUTLS_TLS1_1;
    case ProtocolVersion::tls12:
      return GNUTLS_TLS1_2;
    case ProtocolVersion::tls13:
      return GNUTLS_TLS1_3;
  }
  return GNUTLS_VERSION_UNKNOWN;
}

constexpr gnutls_cipher_algorithm_t cipher_id(CipherSuite s) {
  switch (s) {
    case CipherSuite::tls13_aes_128_gcm_sha256:
    case CipherSuite::ecdhe_ecdsa_aes_128_gcm_sha256:
    case CipherSuite::ecdhe_rsa_aes_128_gcm_sha256:
      return GNUTLS_CIPHER_AES_128_GCM;
    case CipherSuite::tls13_aes_256_gcm_sha384:
    case CipherSuite::ecdhe_ecdsa_aes_256_gcm_sha384:
    case CipherSuite::ecdhe_rsa_aes_256_gcm_sha384:
      return GNUTLS_CIPHER_AES_256_GCM;
    case CipherSuite::tls13_chacha20_poly1305_sha256:
    case CipherSuite::ecdhe_rsa_chacha20_poly1305_sha256:
    case CipherSuite::ecdhe_ecdsa_chacha20_poly1305_sha256:
      return GNUTLS_CIPHER_CHACHA20_POLY1305;
  }
  return GNUTLS_CIPHER_UNKNOWN;
}

// Every suite Coda speaks is AEAD: the record MAC is the cipher's own tag.
constexpr gnutls_mac_algorithm_t mac_id(CipherSuite) {
  return GNUTLS_MAC_AEAD;
}

// The PRF / handshake hash of a suite (what gnutls_prf_hash_get reports).
constexpr gnutls_digest_algorithm_t prf_hash_id(CipherSuite s) {
  switch (s) {
    case CipherSuite::tls13_aes_256_gcm_sha384:
    case CipherSuite::ecdhe_ecdsa_aes_256_gcm_sha384:
    case CipherSuite::ecdhe_rsa_aes_256_gcm_sha384:
      return GNUTLS_DIG_SHA384;
    default:
      return GNUTLS_DIG_SHA256;
  }
}

constexpr gnutls_group_t group_id(NamedGroup g) {
  switch (g) {
    case NamedGroup::secp256r1:
      return GNUTLS_GROUP_SECP256R1;
    case NamedGroup::secp384r1:
      return GNUTLS_GROUP_SECP384R1;
    case NamedGroup::secp521r1:
      return GNUTLS_GROUP_SECP521R1;
    case NamedGroup::x25519:
      return GNUTLS_GROUP_X25519;
    case NamedGroup::x448:
      return GNUTLS_GROUP_X448;
  }
  return GNUTLS_GROUP_INVALID;
}

constexpr gnutls_ecc_curve_t curve_id(NamedGroup g) {
  return static_cast<gnutls_ecc_curve_t>(group_id(g));  // same numbers in GnuTLS
}

// Key exchange as GnuTLS names it: from the suite in TLS 1.2; in TLS 1.3
// (where suites carry no key exchange) ECDHE_RSA for any ECDHE group.
constexpr gnutls_kx_algorithm_t kx_id(ProtocolVersion v, CipherSuite s) {
  if (v == ProtocolVersion::tls13) return GNUTLS_KX_ECDHE_RSA;
  switch (s) {
    case CipherSuite::ecdhe_ecdsa_aes_128_gcm_sha256:
    case CipherSuite::ecdhe_ecdsa_aes_256_gcm_sha384:
    case CipherSuite::ecdhe_ecdsa_chacha20_poly1305_sha256:
      return GNUTLS_KX_ECDHE_ECDSA;
    case CipherSuite::ecdhe_rsa_aes_128_gcm_sha256:
    case CipherSuite::ecdhe_rsa_aes_256_gcm_sha384:
    case CipherSuite::ecdhe_rsa_chacha20_poly1305_sha256:
      return GNUTLS_KX_ECDHE_RSA;
    default:
      return GNUTLS_KX_UNKNOWN;
  }
}

constexpr gnutls_sign_algorithm_t sign_id(SignatureScheme s, ProtocolVersion v) {
  const bool tls13 = v == ProtocolVersion::tls13;
  switch (s) {
    case SignatureScheme::rsa_pkcs1_sha256:
      return GNUTLS_SIGN_RSA_SHA256;
    case SignatureScheme::rsa_pkcs1_sha384:
      return GNUTLS_SIGN_RSA_SHA384;
    case SignatureScheme::rsa_pkcs1_sha512:
      return GNUTLS_SIGN_RSA_SHA512;
    case SignatureScheme::ecdsa_secp256r1_sha256:
      return tls13 ? GNUTLS_SIGN_ECDSA_SECP256R1_SHA256 : GNUTLS_SIGN_ECDSA_SHA256;
    case SignatureScheme::ecdsa_secp384r1_sha384:
      return tls13 ? GNUTLS_SIGN_ECDSA_SECP384R1_SHA384 : GNUTLS_SIGN_ECDSA_SHA384;
    case SignatureScheme::ecdsa_secp521r1_sha512:
      return tls13 ? GNUTLS_SIGN_ECDSA_SECP521R1_SHA512 : GNUTLS_SIGN_ECDSA_SHA512;
    case SignatureScheme::rsa_pss_rsae_sha256:
      return GNUTLS_SIGN_RSA_PSS_RSAE_SHA256;
    case SignatureScheme::rsa_pss_rsae_sha384:
      return GNUTLS_SIGN_RSA_PSS_RSAE_SHA384;
    case SignatureScheme::rsa_pss_rsae_sha512:
      return GNUTLS_SIGN_RSA_PSS_RSAE_SHA512;
    case SignatureScheme::ed25519:
      return GNUTLS_SIGN_EDDSA_ED25519;
    case SignatureScheme::ed448:
      return GNUTLS_SIGN_EDDSA_ED448;
    case SignatureScheme::rsa_pss_pss_sha256:
      return GNUTLS_SIGN_RSA_PSS_SHA256;
    case SignatureScheme::rsa_pss_pss_sha384:
      return GNUTLS_SIGN_RSA_PSS_SHA384;
    case SignatureScheme::rsa_pss_pss_sha512:
      return GNUTLS_SIGN_RSA_PSS_SHA512;
  }
  return GNUTLS_SIGN_UNKNOWN;
}

// Alert descriptions have the same numbers on both sides.
constexpr gnutls_alert_description_t alert_id(AlertDescription a) {
  return static_cast<gnutls_alert_description_t>(a);
}
constexpr AlertDescription alert_from_id(gnutls_alert_description_t a) {
  return static_cast<AlertDescription>(a);
}

}  // namespace coda::compat
