// The insides of the key handles (gnutls_x509_privkey_t, gnutls_privkey_t)
// and what the C API needs to know about keys in several places. Only
// src/compat/gnutls includes this.
#pragma once

#include <gnutls/abstract.h>
#include <gnutls/x509.h>

#include <optional>
#include <string>

#include "base/result.hpp"
#include "crypto/key_material.hpp"
#include "crypto/signature.hpp"

struct gnutls_x509_privkey_int {
  // Empty until imported or generated.
  std::optional<coda::crypto::KeyMaterial> key;
};

struct gnutls_privkey_st {
  std::optional<coda::crypto::KeyMaterial> key;
  // GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE: the x509 key given to import_x509,
  // freed with this handle.
  gnutls_x509_privkey_t owned = nullptr;
};

namespace coda::compat {

// The key as the TLS engine signs with it (for gnutls_certificate_set_key
// and the retrieve callbacks); invalid_argument for an empty handle or a
// key type the engine does not sign with.
Result<crypto::PrivateKey> engine_key(const gnutls_privkey_st& key);

// What a gnutls_sign_algorithm_t asks for: the key algorithm, the hash
// (a libcrypto name; empty for EdDSA) and whether RSA signs with PSS.
struct SignAlgorithm {
  gnutls_pk_algorithm_t pk = GNUTLS_PK_UNKNOWN;
  const char* hash = "";
  bool pss = false;
};
std::optional<SignAlgorithm> sign_algorithm(gnutls_sign_algorithm_t sign);

// The libcrypto name of a gnutls_digest_algorithm_t GnuTLS signs with;
// nullptr for others.
const char* digest_name(gnutls_digest_algorithm_t algo);

// The GnuTLS key algorithm of a key (gnutls_pk_algorithm_t) and its size.
int key_algorithm(const crypto::KeyMaterial& key, unsigned* bits);

}  // namespace coda::compat
