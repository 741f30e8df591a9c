#include "crypto/ossl.hpp"

#include <openssl/core_names.h>
#include <openssl/err.h>

#include <cstdlib>
#include <cstring>

namespace coda::crypto::ossl {

namespace {

EVP_MD* fetch_md(const char* name) {
  EVP_MD* m = EVP_MD_fetch(nullptr, name, nullptr);
  // Without SHA-2 nothing in TLS can work; this is a broken installation.
  if (m == nullptr) std::abort();
  return m;
}

}  // namespace

size_t hash_slot(HashAlg alg) {
  switch (alg) {
    case HashAlg::sha256:
      return 0;
    case HashAlg::sha384:
      return 1;
    case HashAlg::sha512:
      return 2;
  }
  std::abort();
}

const EVP_MD* md(HashAlg alg) {
  // A function-local static: initialised once, thread-safe (C++11).
  static EVP_MD* const digests[kHashSlots] = {fetch_md("SHA2-256"), fetch_md("SHA2-384"),
                                              fetch_md("SHA2-512")};
  return digests[hash_slot(alg)];
}

EVP_MAC* hmac_mac() {
  static EVP_MAC* const mac = [] {
    EVP_MAC* m = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (m == nullptr) std::abort();
    return m;
  }();
  return mac;
}

KeyType key_type_of(const EVP_PKEY* pkey) {
  if (pkey == nullptr) return KeyType::other;
  switch (EVP_PKEY_get_base_id(pkey)) {
    case EVP_PKEY_RSA:
      return KeyType::rsa;
    case EVP_PKEY_ED25519:
      return KeyType::ed25519;
    case EVP_PKEY_EC: {
      char name[64] = {};
      size_t len = 0;
      if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof(name),
                                         &len) != 1) {
        clear_errors();
        return KeyType::other;
      }
      if (std::strcmp(name, "prime256v1") == 0 || std::strcmp(name, "P-256") == 0) {
        return KeyType::ecdsa_p256;
      }
      if (std::strcmp(name, "secp384r1") == 0 || std::strcmp(name, "P-384") == 0) {
        return KeyType::ecdsa_p384;
      }
      if (std::strcmp(name, "secp521r1") == 0 || std::strcmp(name, "P-521") == 0) {
        return KeyType::ecdsa_p521;
      }
      return KeyType::other;
    }
    default:
      return KeyType::other;
  }
}

void clear_errors() {
  ERR_clear_error();
}

}  // namespace coda::crypto::ossl
