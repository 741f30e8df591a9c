// Code points from the IANA TLS registries that every layer names.
#pragma once

#include <cstdint>

namespace coda {

enum class ProtocolVersion : uint16_t {
  tls10 = 0x0301,
  tls11 = 0x0302,
  tls12 = 0x0303,
  tls13 = 0x0304,
};

enum class CipherSuite : uint16_t {
  // TLS 1.3 (RFC 8446 B.4)
  tls13_aes_128_gcm_sha256 = 0x1301,
  tls13_aes_256_gcm_sha384 = 0x1302,
  tls13_chacha20_poly1305_sha256 = 0x1303,
  // TLS 1.2 AEAD suites (RFC 5289, RFC 7905)
  ecdhe_ecdsa_aes_128_gcm_sha256 = 0xC02B,
  ecdhe_ecdsa_aes_256_gcm_sha384 = 0xC02C,
  ecdhe_rsa_aes_128_gcm_sha256 = 0xC02F,
  ecdhe_rsa_aes_256_gcm_sha384 = 0xC030,
  ecdhe_rsa_chacha20_poly1305_sha256 = 0xCCA8,
  ecdhe_ecdsa_chacha20_poly1305_sha256 = 0xCCA9,
};

enum class NamedGroup : uint16_t {
  secp256r1 = 0x0017,
  secp384r1 = 0x0018,
  secp521r1 = 0x0019,
  x25519 = 0x001D,
  x448 = 0x001E,
};

enum class SignatureScheme : uint16_t {
  rsa_pkcs1_sha256 = 0x0401,
  rsa_pkcs1_sha384 = 0x0501,
  rsa_pkcs1_sha512 = 0x0601,
  ecdsa_secp256r1_sha256 = 0x0403,
  ecdsa_secp384r1_sha384 = 0x0503,
  ecdsa_secp521r1_sha512 = 0x0603,
  rsa_pss_rsae_sha256 = 0x0804,
  rsa_pss_rsae_sha384 = 0x0805,
  rsa_pss_rsae_sha512 = 0x0806,
  ed25519 = 0x0807,
  ed448 = 0x0808,
  rsa_pss_pss_sha256 = 0x0809,
  rsa_pss_pss_sha384 = 0x080A,
  rsa_pss_pss_sha512 = 0x080B,
};

}  // namespace coda
