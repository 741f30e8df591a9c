#include "compat/gnutls/keys.hpp"

#include "compat/gnutls/x509_keys.hpp"

namespace coda::compat {

Result<crypto::PrivateKey> engine_key(const gnutls_privkey_st& key) {
  if (!key.key) return Error::make(ErrorKind::invalid_argument, "no key");
  const SecureBytes der = key.key->pkcs8();
  return crypto::PrivateKey::from_pem(ByteView(der.data(), der.size()));
}

std::optional<SignAlgorithm> sign_algorithm(gnutls_sign_algorithm_t sign) {
  switch (sign) {
    case GNUTLS_SIGN_RSA_SHA1:
      return SignAlgorithm{GNUTLS_PK_RSA, "SHA1", false};
    case GNUTLS_SIGN_RSA_SHA224:
      return SignAlgorithm{GNUTLS_PK_RSA, "SHA224", false};
    case GNUTLS_SIGN_RSA_SHA256:
      return SignAlgorithm{GNUTLS_PK_RSA, "SHA256", false};
    case GNUTLS_SIGN_RSA_SHA384:
      return SignAlgorithm{GNUTLS_PK_RSA, "SHA384", false};
    case GNUTLS_SIGN_RSA_SHA512:
      return SignAlgorithm{GNUTLS_PK_RSA, "SHA512", false};
    case GNUTLS_SIGN_RSA_PSS_SHA256:
    case GNUTLS_SIGN_RSA_PSS_RSAE_SHA256:
      return SignAlgorithm{GNUTLS_PK_RSA, "SHA256", true};
    case GNUTLS_SIGN_RSA_PSS_SHA384:
    case GNUTLS_SIGN_RSA_PSS_RSAE_SHA384:
      return SignAlgorithm{GNUTLS_PK_RSA, "SHA384", true};
    case GNUTLS_SIGN_RSA_PSS_SHA512:
    case GNUTLS_SIGN_RSA_PSS_RSAE_SHA512:
      return SignAlgorithm{GNUTLS_PK_RSA, "SHA512", true};
    case GNUTLS_SIGN_ECDSA_SHA1:
      return SignAlgorithm{GNUTLS_PK_ECDSA, "SHA1", false};
    case GNUTLS_SIGN_ECDSA_SHA224:
      return SignAlgorithm{GNUTLS_PK_ECDSA, "SHA224", false};
    case GNUTLS_SIGN_ECDSA_SHA256:
    case GNUTLS_SIGN_ECDSA_SECP256R1_SHA256:
      return SignAlgorithm{GNUTLS_PK_ECDSA, "SHA256", false};
    case GNUTLS_SIGN_ECDSA_SHA384:
    case GNUTLS_SIGN_ECDSA_SECP384R1_SHA384:
      return SignAlgorithm{GNUTLS_PK_ECDSA, "SHA384", false};
    case GNUTLS_SIGN_ECDSA_SHA512:
    case GNUTLS_SIGN_ECDSA_SECP521R1_SHA512:
      return SignAlgorithm{GNUTLS_PK_ECDSA, "SHA512", false};
    case GNUTLS_SIGN_EDDSA_ED25519:
      return SignAlgorithm{GNUTLS_PK_EDDSA_ED25519, "", false};
    case GNUTLS_SIGN_EDDSA_ED448:
      return SignAlgorithm{GNUTLS_PK_EDDSA_ED448, "", false};
    default:
      return std::nullopt;
  }
}

const char* digest_name(gnutls_digest_algorithm_t algo) {
  switch (algo) {
    case GNUTLS_DIG_MD5:
      return "MD5";
    case GNUTLS_DIG_SHA1:
      return "SHA1";
    case GNUTLS_DIG_SHA224:
      return "SHA224";
    case GNUTLS_DIG_SHA256:
      return "SHA256";
    case GNUTLS_DIG_SHA384:
      return "SHA384";
    case GNUTLS_DIG_SHA512:
      return "SHA512";
    case GNUTLS_DIG_SHA3_224:
      return "SHA3-224";
    case GNUTLS_DIG_SHA3_256:
      return "SHA3-256";
    case GNUTLS_DIG_SHA3_384:
      return "SHA3-384";
    case GNUTLS_DIG_SHA3_512:
      return "SHA3-512";
    default:
      return nullptr;
  }
}

int key_algorithm(const crypto::KeyMaterial& key, unsigned* bits) {
  return spki_algorithm(key.spki(), bits);
}

}  // namespace coda::compat
