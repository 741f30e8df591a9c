// gnutls_privkey_t, the abstract private key: made from an x509 key (or its
// encoding), signing data or a digest, handing the x509 key back. Only keys
// in memory; PKCS#11, TPM and callback keys are not supported. Return codes
// are GnuTLS 3.7.9's (tests/api/x509_keys.c).
#include <string>

#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/keys.hpp"
#include "compat/gnutls/output.hpp"

namespace {

using coda::ByteView;

bool loaded(gnutls_privkey_t key) {
  return key != nullptr && key->key.has_value();
}

// The bytes of a signature into a new datum.
int signature_out(const coda::Result<coda::Bytes>& sig, gnutls_datum_t* out) {
  if (!sig) return GNUTLS_E_PK_SIGN_FAILED;
  return coda::compat::datum_out(ByteView(*sig), out);
}

// Whether a key of algorithm `pk` can make signatures of `want`.
bool pk_matches(int pk, gnutls_pk_algorithm_t want) {
  if (want == GNUTLS_PK_RSA) return pk == GNUTLS_PK_RSA || pk == GNUTLS_PK_RSA_PSS;
  return pk == want;
}

}  // namespace

extern "C" {

int gnutls_privkey_init(gnutls_privkey_t* key) {
  return coda::compat::new_handle(key);
}

void gnutls_privkey_deinit(gnutls_privkey_t key) {
  if (key == nullptr) return;
  gnutls_x509_privkey_deinit(key->owned);
  delete key;
}

// The key is shared with `key` either way; GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE
// frees `key` with the abstract key, as GnuTLS does.
int gnutls_privkey_import_x509(gnutls_privkey_t pkey, gnutls_x509_privkey_t key,
                               unsigned int flags) {
  if (pkey == nullptr || key == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!key->key) return GNUTLS_E_INVALID_REQUEST;
  // A second import replaces the key, as in GnuTLS.
  gnutls_x509_privkey_deinit(pkey->owned);
  pkey->owned = nullptr;
  pkey->key.emplace(*key->key);
  if ((flags & GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE) && !(flags & GNUTLS_PRIVKEY_IMPORT_COPY)) {
    pkey->owned = key;
  }
  return 0;
}

int gnutls_privkey_import_x509_raw(gnutls_privkey_t pkey, const gnutls_datum_t* data,
                                   gnutls_x509_crt_fmt_t format, const char* password,
                                   unsigned int flags) {
  if (pkey == nullptr) return GNUTLS_E_INVALID_REQUEST;
  gnutls_x509_privkey_t x = nullptr;
  int ret = gnutls_x509_privkey_init(&x);
  if (ret < 0) return ret;
  ret = gnutls_x509_privkey_import2(x, data, format, password, flags);
  if (ret == 0) ret = gnutls_privkey_import_x509(pkey, x, 0);
  gnutls_x509_privkey_deinit(x);
  return ret;
}

int gnutls_privkey_export_x509(gnutls_privkey_t pkey, gnutls_x509_privkey_t* key) {
  if (pkey == nullptr || key == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(pkey)) return GNUTLS_E_INVALID_REQUEST;
  const int ret = gnutls_x509_privkey_init(key);
  if (ret < 0) return ret;
  (*key)->key.emplace(*pkey->key);
  return 0;
}

int gnutls_privkey_get_pk_algorithm(gnutls_privkey_t key, unsigned int* bits) {
  if (!loaded(key)) return GNUTLS_E_INVALID_REQUEST;
  return coda::compat::key_algorithm(*key->key, bits);
}

gnutls_privkey_type_t gnutls_privkey_get_type(gnutls_privkey_t key) {
  return loaded(key) ? GNUTLS_PRIVKEY_X509 : static_cast<gnutls_privkey_type_t>(0);
}

// hash names the digest for RSA and ECDSA (Ed25519 and Ed448 ignore it);
// GNUTLS_PRIVKEY_SIGN_FLAG_RSA_PSS signs RSA with PSS.
int gnutls_privkey_sign_data(gnutls_privkey_t signer, gnutls_digest_algorithm_t hash,
                             unsigned int flags, const gnutls_datum_t* data,
                             gnutls_datum_t* signature) {
  const auto bytes = coda::compat::datum_bytes(data);
  if (signer == nullptr || !bytes || signature == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(signer)) return GNUTLS_E_INVALID_REQUEST;
  const int pk = coda::compat::key_algorithm(*signer->key, nullptr);
  const bool eddsa = pk == GNUTLS_PK_EDDSA_ED25519 || pk == GNUTLS_PK_EDDSA_ED448;
  const char* name = eddsa ? "" : coda::compat::digest_name(hash);
  if (name == nullptr) return GNUTLS_E_INVALID_REQUEST;
  const bool pss = (flags & GNUTLS_PRIVKEY_SIGN_FLAG_RSA_PSS) != 0;
  if (pss && !pk_matches(pk, GNUTLS_PK_RSA)) return GNUTLS_E_INVALID_REQUEST;
  return signature_out(signer->key->sign(name, pss, *bytes), signature);
}

int gnutls_privkey_sign_data2(gnutls_privkey_t signer, gnutls_sign_algorithm_t algo,
                              unsigned int flags, const gnutls_datum_t* data,
                              gnutls_datum_t* signature) {
  const auto bytes = coda::compat::datum_bytes(data);
  if (signer == nullptr || !bytes || signature == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(signer)) return GNUTLS_E_INVALID_REQUEST;
  // The raw TLS 1.0 RSA form names no algorithm: not for sign_data2.
  if (flags & GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA) return GNUTLS_E_INVALID_REQUEST;
  const auto sign = coda::compat::sign_algorithm(algo);
  if (!sign) return GNUTLS_E_INVALID_REQUEST;
  if (!pk_matches(coda::compat::key_algorithm(*signer->key, nullptr), sign->pk)) {
    return GNUTLS_E_CONSTRAINT_ERROR;
  }
  return signature_out(signer->key->sign(sign->hash, sign->pss, *bytes), signature);
}

// A digest computed by the caller. For RSA with
// GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA the bytes are signed as they are (no
// DigestInfo: TLS 1.0's MD5+SHA-1); EdDSA cannot sign a digest.
int gnutls_privkey_sign_hash(gnutls_privkey_t signer, gnutls_digest_algorithm_t hash_algo,
                             unsigned int flags, const gnutls_datum_t* hash_data,
                             gnutls_datum_t* signature) {
  const auto bytes = coda::compat::datum_bytes(hash_data);
  if (signer == nullptr || !bytes || signature == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(signer)) return GNUTLS_E_INVALID_REQUEST;
  const int pk = coda::compat::key_algorithm(*signer->key, nullptr);
  if (pk == GNUTLS_PK_EDDSA_ED25519 || pk == GNUTLS_PK_EDDSA_ED448) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  const bool raw = (flags & GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA) != 0;
  const bool pss = (flags & GNUTLS_PRIVKEY_SIGN_FLAG_RSA_PSS) != 0;
  if ((raw || pss) && !pk_matches(pk, GNUTLS_PK_RSA)) return GNUTLS_E_INVALID_REQUEST;
  const char* name = raw ? "" : coda::compat::digest_name(hash_algo);
  if (name == nullptr) return GNUTLS_E_INVALID_REQUEST;
  return signature_out(signer->key->sign_digest(name, pss, *bytes), signature);
}

}  // extern "C"
