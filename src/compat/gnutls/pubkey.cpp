// gnutls_pubkey_t: a public key as its DER SubjectPublicKeyInfo, from a
// certificate, a private key or its own encoding; exported, identified,
// verifying signatures.
//
// Return codes follow GnuTLS 3.7.9 (tests/compat/x509_crt.c,
// tests/api/x509_keys.c):
//   import_x509 of a certificate never imported GNUTLS_E_ASN1_VALUE_NOT_FOUND
//   export of a key never imported            GNUTLS_E_UNKNOWN_PK_ALGORITHM
//   a signature that does not verify          GNUTLS_E_PK_SIG_VERIFY_FAILED
#include <string>

#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/keys.hpp"
#include "compat/gnutls/output.hpp"
#include "compat/gnutls/pem.hpp"
#include "compat/gnutls/x509.hpp"
#include "compat/gnutls/x509_keys.hpp"
#include "crypto/key_material.hpp"

namespace {

using coda::Bytes;
using coda::ByteView;

}  // namespace

extern "C" {

int gnutls_pubkey_init(gnutls_pubkey_t* key) {
  return coda::compat::new_handle(key);
}

void gnutls_pubkey_deinit(gnutls_pubkey_t key) {
  delete key;
}

// flags (key usage options) do not change which key is taken.
int gnutls_pubkey_import_x509(gnutls_pubkey_t key, gnutls_x509_crt_t crt, unsigned int flags) {
  (void)flags;
  if (key == nullptr || crt == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!coda::compat::loaded(crt)) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  Bytes spki = crt->cert->spki();
  if (spki.empty()) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  key->spki = std::move(spki);
  return 0;
}

int gnutls_pubkey_import_x509_raw(gnutls_pubkey_t pkey, const gnutls_datum_t* data,
                                  gnutls_x509_crt_fmt_t format, unsigned int flags) {
  if (pkey == nullptr) return GNUTLS_E_INVALID_REQUEST;
  gnutls_x509_crt_t crt = nullptr;
  int ret = gnutls_x509_crt_init(&crt);
  if (ret < 0) return ret;
  ret = gnutls_x509_crt_import(crt, data, format);
  if (ret == 0) ret = gnutls_pubkey_import_x509(pkey, crt, flags);
  gnutls_x509_crt_deinit(crt);
  return ret;
}

int gnutls_pubkey_import_privkey(gnutls_pubkey_t key, gnutls_privkey_t pkey, unsigned int usage,
                                 unsigned int flags) {
  (void)usage;
  (void)flags;
  if (key == nullptr || pkey == nullptr || !pkey->key) return GNUTLS_E_INVALID_REQUEST;
  Bytes spki = pkey->key->spki();
  if (spki.empty()) return GNUTLS_E_INVALID_REQUEST;
  key->spki = std::move(spki);
  return 0;
}

// DER SubjectPublicKeyInfo, or PEM "PUBLIC KEY".
int gnutls_pubkey_import(gnutls_pubkey_t key, const gnutls_datum_t* data,
                         gnutls_x509_crt_fmt_t format) {
  const auto bytes = coda::compat::datum_bytes(data);
  if (key == nullptr || !bytes || !coda::compat::format_ok(format)) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  coda::SecureBytes der;
  ByteView input = *bytes;
  if (format == GNUTLS_X509_FMT_PEM) {
    const int ret = coda::compat::read_pem_block(*bytes, "PUBLIC KEY", der);
    if (ret < 0) return ret;
    input = ByteView(der.data(), der.size());
  }
  if (!coda::crypto::spki_info(input)) return GNUTLS_E_ASN1_TAG_ERROR;
  key->spki.assign(input.begin(), input.end());
  return 0;
}

int gnutls_pubkey_export(gnutls_pubkey_t key, gnutls_x509_crt_fmt_t format, void* output_data,
                         size_t* output_data_size) {
  if (key == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (key->spki.empty()) return GNUTLS_E_UNKNOWN_PK_ALGORITHM;
  return coda::compat::encoded_out(key->spki, format, "PUBLIC KEY", output_data, output_data_size);
}

int gnutls_pubkey_export2(gnutls_pubkey_t key, gnutls_x509_crt_fmt_t format, gnutls_datum_t* out) {
  if (out) *out = gnutls_datum_t{nullptr, 0};
  if (key == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (key->spki.empty()) return GNUTLS_E_UNKNOWN_PK_ALGORITHM;
  return coda::compat::encoded_out2(key->spki, format, "PUBLIC KEY", out);
}

int gnutls_pubkey_get_pk_algorithm(gnutls_pubkey_t key, unsigned int* bits) {
  if (key == nullptr || key->spki.empty()) return GNUTLS_E_INVALID_REQUEST;
  return coda::compat::spki_algorithm(key->spki, bits);
}

int gnutls_pubkey_get_key_id(gnutls_pubkey_t key, unsigned int flags, unsigned char* output_data,
                             size_t* output_data_size) {
  if (key == nullptr || output_data_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (key->spki.empty()) return GNUTLS_E_INVALID_REQUEST;
  return coda::compat::spki_key_id(key->spki, flags, output_data, output_data_size);
}

int gnutls_pubkey_verify_data2(gnutls_pubkey_t pubkey, gnutls_sign_algorithm_t algo,
                               unsigned int flags, const gnutls_datum_t* data,
                               const gnutls_datum_t* signature) {
  const auto bytes = coda::compat::datum_bytes(data);
  const auto sig = coda::compat::datum_bytes(signature);
  if (pubkey == nullptr || !bytes || !sig) return GNUTLS_E_INVALID_REQUEST;
  if (pubkey->spki.empty()) return GNUTLS_E_INVALID_REQUEST;
  // The raw TLS 1.0 RSA form names no algorithm: not for verify_data2.
  if (flags & GNUTLS_VERIFY_USE_TLS1_RSA) return GNUTLS_E_INVALID_REQUEST;
  const auto sign = coda::compat::sign_algorithm(algo);
  if (!sign) return GNUTLS_E_INVALID_REQUEST;
  const int pk = coda::compat::spki_algorithm(pubkey->spki, nullptr);
  const bool rsa_ok = sign->pk == GNUTLS_PK_RSA && (pk == GNUTLS_PK_RSA || pk == GNUTLS_PK_RSA_PSS);
  if (pk != sign->pk && !rsa_ok) return GNUTLS_E_CONSTRAINT_ERROR;
  const auto ok = coda::crypto::verify_with_spki(pubkey->spki, sign->hash, sign->pss, *bytes, *sig);
  return ok ? 0 : GNUTLS_E_PK_SIG_VERIFY_FAILED;
}

}  // extern "C"
