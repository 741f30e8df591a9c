#include "compat/gnutls/x509_keys.hpp"

#include "compat/gnutls/output.hpp"
#include "crypto/digest.hpp"
#include "crypto/x509_fields.hpp"

namespace coda::compat {

int spki_algorithm(ByteView spki, unsigned* bits) {
  const auto info = crypto::spki_info(spki);
  if (!info) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  if (bits != nullptr) *bits = info->bits;
  using crypto::KeyAlgorithm;
  switch (info->algorithm) {
    case KeyAlgorithm::rsa:
      return GNUTLS_PK_RSA;
    case KeyAlgorithm::rsa_pss:
      return GNUTLS_PK_RSA_PSS;
    case KeyAlgorithm::dsa:
      return GNUTLS_PK_DSA;
    case KeyAlgorithm::ec:
      return GNUTLS_PK_ECDSA;
    case KeyAlgorithm::ed25519:
      return GNUTLS_PK_EDDSA_ED25519;
    case KeyAlgorithm::ed448:
      return GNUTLS_PK_EDDSA_ED448;
    case KeyAlgorithm::x25519:
      return GNUTLS_PK_ECDH_X25519;
    case KeyAlgorithm::x448:
      return GNUTLS_PK_ECDH_X448;
    case KeyAlgorithm::unknown:
      break;
  }
  return GNUTLS_PK_UNKNOWN;
}

int spki_key_id(ByteView spki, unsigned flags, unsigned char* out, size_t* out_size) {
  if (out_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  const char* hash = "SHA1";
  if (flags & GNUTLS_KEYID_USE_SHA512 || flags & GNUTLS_KEYID_USE_BEST_KNOWN) {
    hash = "SHA512";
  } else if (flags & GNUTLS_KEYID_USE_SHA256) {
    hash = "SHA256";
  }
  if (spki.empty()) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  const auto id = crypto::digest_by_name(hash, spki);
  if (!id) return GNUTLS_E_HASH_FAILED;
  return bytes_out(*id, out, out_size);
}

}  // namespace coda::compat
