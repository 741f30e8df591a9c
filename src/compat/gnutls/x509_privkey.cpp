// gnutls_x509_privkey_t: a private key imported (PKCS#1, SEC1, PKCS#8
// plain or encrypted with a password; PEM or DER), exported, generated.
// Return codes are GnuTLS 3.7.9's (tests/api/x509_keys.c compares them).
#include <cstring>
#include <string>

#include "base/pem.hpp"
#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/keys.hpp"
#include "compat/gnutls/output.hpp"
#include "compat/gnutls/pem.hpp"
#include "compat/gnutls/x509_keys.hpp"

namespace {

using coda::ByteView;
using coda::SecureBytes;
using coda::crypto::KeyAlgorithm;
using coda::crypto::KeyMaterial;

ByteView view(const SecureBytes& b) {
  return ByteView(b.data(), b.size());
}

// The DER of the first block of one of `labels`; 0 or the PEM error.
int pem_der(ByteView text, std::initializer_list<const char*> labels, SecureBytes& der) {
  int ret = GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR;
  for (const char* label : labels) {
    ret = coda::compat::read_pem_block(text, label, der);
    if (ret != GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR) return ret;
  }
  return ret;
}

int import_plain(gnutls_x509_privkey_t key, ByteView der) {
  auto parsed = KeyMaterial::from_der(der);
  if (!parsed) return GNUTLS_E_ASN1_DER_ERROR;
  key->key.emplace(std::move(parsed.value()));
  return 0;
}

// Whether the bytes are an EncryptedPrivateKeyInfo (whatever the password).
bool is_encrypted(ByteView der) {
  auto parsed = KeyMaterial::from_encrypted_pkcs8(der, "");
  return parsed || parsed.error().kind == coda::ErrorKind::local_alert;
}

int import_encrypted(gnutls_x509_privkey_t key, ByteView der, const char* password) {
  auto parsed = KeyMaterial::from_encrypted_pkcs8(der, password != nullptr ? password : "");
  if (!parsed) {
    return parsed.error().kind == coda::ErrorKind::local_alert ? GNUTLS_E_DECRYPTION_FAILED
                                                               : GNUTLS_E_ASN1_TAG_ERROR;
  }
  key->key.emplace(std::move(parsed.value()));
  return 0;
}

bool loaded(gnutls_x509_privkey_t key) {
  return key != nullptr && key->key.has_value();
}

int export_pkcs8(gnutls_x509_privkey_t key, gnutls_x509_crt_fmt_t format, const char* password,
                 unsigned int flags, void* out, size_t* out_size, gnutls_datum_t* out2) {
  if (key == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(key)) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  const bool plain = (flags & GNUTLS_PKCS_PLAIN) != 0;
  if (plain) {
    const SecureBytes der = key->key->pkcs8();
    return out2 ? coda::compat::encoded_out2(view(der), format, "PRIVATE KEY", out2)
                : coda::compat::encoded_out(view(der), format, "PRIVATE KEY", out, out_size);
  }
  auto der = key->key->encrypted_pkcs8(password != nullptr ? password : "");
  if (!der) return GNUTLS_E_ENCRYPTION_FAILED;
  return out2 ? coda::compat::encoded_out2(*der, format, "ENCRYPTED PRIVATE KEY", out2)
              : coda::compat::encoded_out(*der, format, "ENCRYPTED PRIVATE KEY", out, out_size);
}

}  // namespace

extern "C" {

int gnutls_x509_privkey_init(gnutls_x509_privkey_t* key) {
  return coda::compat::new_handle(key);
}

void gnutls_x509_privkey_deinit(gnutls_x509_privkey_t key) {
  delete key;
}

// PKCS#1 RSA, SEC1 EC or unencrypted PKCS#8.
int gnutls_x509_privkey_import(gnutls_x509_privkey_t key, const gnutls_datum_t* data,
                               gnutls_x509_crt_fmt_t format) {
  const auto bytes = coda::compat::datum_bytes(data);
  if (key == nullptr || !bytes || !coda::compat::format_ok(format)) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  if (format == GNUTLS_X509_FMT_DER) return import_plain(key, *bytes);
  SecureBytes der;
  const int ret = pem_der(*bytes, {"RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY"}, der);
  if (ret == GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  if (ret < 0) return ret;
  return import_plain(key, view(der));
}

// Without GNUTLS_PKCS_PLAIN the key is read encrypted (PKCS#8 with the
// password); with it, as an unencrypted PKCS#8 key.
int gnutls_x509_privkey_import_pkcs8(gnutls_x509_privkey_t key, const gnutls_datum_t* data,
                                     gnutls_x509_crt_fmt_t format, const char* password,
                                     unsigned int flags) {
  const auto bytes = coda::compat::datum_bytes(data);
  if (key == nullptr || !bytes || !coda::compat::format_ok(format)) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  const bool plain = (flags & GNUTLS_PKCS_PLAIN) != 0;
  SecureBytes der;
  ByteView input = *bytes;
  if (format == GNUTLS_X509_FMT_PEM) {
    const int ret = pem_der(*bytes, {"ENCRYPTED PRIVATE KEY", "PRIVATE KEY"}, der);
    if (ret < 0) return ret;
    input = view(der);
  }
  if (KeyMaterial::from_der(input)) return import_plain(key, input);
  // GNUTLS_PKCS_PLAIN refuses an encrypted key as undecryptable.
  if (plain) return is_encrypted(input) ? GNUTLS_E_DECRYPTION_FAILED : GNUTLS_E_ASN1_TAG_ERROR;
  return import_encrypted(key, input, password);
}

// Any of the forms above, encrypted or not.
int gnutls_x509_privkey_import2(gnutls_x509_privkey_t key, const gnutls_datum_t* data,
                                gnutls_x509_crt_fmt_t format, const char* password,
                                unsigned int flags) {
  const auto bytes = coda::compat::datum_bytes(data);
  if (key == nullptr || !bytes || !coda::compat::format_ok(format)) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  SecureBytes der;
  ByteView input = *bytes;
  if (format == GNUTLS_X509_FMT_PEM) {
    const int ret = pem_der(
        *bytes, {"RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY", "ENCRYPTED PRIVATE KEY"}, der);
    if (ret == GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR) {
      return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
    }
    if (ret < 0) return ret;
    input = view(der);
  }
  if (KeyMaterial::from_der(input)) return import_plain(key, input);
  if (flags & GNUTLS_PKCS_PLAIN) {
    return is_encrypted(input) ? GNUTLS_E_DECRYPTION_FAILED : GNUTLS_E_ASN1_TAG_ERROR;
  }
  return import_encrypted(key, input, password);
}

// A key never imported: GNUTLS_E_UNIMPLEMENTED_FEATURE, as GnuTLS 3.7.9
// (it finds no encoder for an unknown algorithm).
int gnutls_x509_privkey_export(gnutls_x509_privkey_t key, gnutls_x509_crt_fmt_t format,
                               void* output_data, size_t* output_data_size) {
  if (key == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(key)) return GNUTLS_E_UNIMPLEMENTED_FEATURE;
  std::string label;
  const SecureBytes der = key->key->traditional(label);
  return coda::compat::encoded_out(view(der), format, label.c_str(), output_data, output_data_size);
}

int gnutls_x509_privkey_export2(gnutls_x509_privkey_t key, gnutls_x509_crt_fmt_t format,
                                gnutls_datum_t* out) {
  if (key == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(key)) return GNUTLS_E_UNIMPLEMENTED_FEATURE;
  std::string label;
  const SecureBytes der = key->key->traditional(label);
  return coda::compat::encoded_out2(view(der), format, label.c_str(), out);
}

int gnutls_x509_privkey_export_pkcs8(gnutls_x509_privkey_t key, gnutls_x509_crt_fmt_t format,
                                     const char* password, unsigned int flags, void* output_data,
                                     size_t* output_data_size) {
  return export_pkcs8(key, format, password, flags, output_data, output_data_size, nullptr);
}

int gnutls_x509_privkey_export2_pkcs8(gnutls_x509_privkey_t key, gnutls_x509_crt_fmt_t format,
                                      const char* password, unsigned int flags,
                                      gnutls_datum_t* out) {
  if (out == nullptr) return GNUTLS_E_INVALID_REQUEST;
  return export_pkcs8(key, format, password, flags, nullptr, nullptr, out);
}

// bits: the RSA modulus size; for ECDSA the curve size or
// GNUTLS_CURVE_TO_BITS(curve); ignored for EdDSA.
int gnutls_x509_privkey_generate(gnutls_x509_privkey_t key, gnutls_pk_algorithm_t algo,
                                 unsigned int bits, unsigned int flags) {
  return gnutls_x509_privkey_generate2(key, algo, bits, flags, nullptr, 0);
}

int gnutls_x509_privkey_generate2(gnutls_x509_privkey_t key, gnutls_pk_algorithm_t algo,
                                  unsigned int bits, unsigned int flags,
                                  const gnutls_keygen_data_st* data, unsigned data_size) {
  if (key == nullptr || (data == nullptr && data_size > 0)) return GNUTLS_E_INVALID_REQUEST;
  // Provable (FIPS 186-4 seeded) generation is not supported.
  if (flags & GNUTLS_PRIVKEY_FLAG_PROVABLE) return GNUTLS_E_INVALID_REQUEST;
  KeyAlgorithm kind = KeyAlgorithm::unknown;
  switch (algo) {
    case GNUTLS_PK_RSA:
      kind = KeyAlgorithm::rsa;
      break;
    case GNUTLS_PK_ECDSA:
      kind = KeyAlgorithm::ec;
      if (GNUTLS_BITS_ARE_CURVE(bits)) {
        const unsigned curve = bits & 0x7FFFFFFFU;
        bits = curve == GNUTLS_ECC_CURVE_SECP256R1   ? 256
               : curve == GNUTLS_ECC_CURVE_SECP384R1 ? 384
               : curve == GNUTLS_ECC_CURVE_SECP521R1 ? 521
                                                     : 0;
      } else {
        // A size: the smallest curve at least that large (GnuTLS takes
        // any size, P-256 for the small ones).
        bits = bits <= 256 ? 256 : bits <= 384 ? 384 : 521;
      }
      break;
    case GNUTLS_PK_EDDSA_ED25519:
      kind = KeyAlgorithm::ed25519;
      break;
    case GNUTLS_PK_EDDSA_ED448:
      kind = KeyAlgorithm::ed448;
      break;
    default:
      return GNUTLS_E_INVALID_REQUEST;
  }
  auto made = KeyMaterial::generate(kind, bits);
  if (!made) return GNUTLS_E_INVALID_REQUEST;
  key->key.emplace(std::move(made.value()));
  return 0;
}

int gnutls_x509_privkey_get_pk_algorithm(gnutls_x509_privkey_t key) {
  return gnutls_x509_privkey_get_pk_algorithm2(key, nullptr);
}

// A key never imported is GNUTLS_PK_UNKNOWN.
int gnutls_x509_privkey_get_pk_algorithm2(gnutls_x509_privkey_t key, unsigned int* bits) {
  if (key == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(key)) {
    if (bits != nullptr) *bits = 0;
    return GNUTLS_PK_UNKNOWN;
  }
  return coda::compat::key_algorithm(*key->key, bits);
}

int gnutls_x509_privkey_get_key_id(gnutls_x509_privkey_t key, unsigned int flags,
                                   unsigned char* output_data, size_t* output_data_size) {
  if (key == nullptr || output_data_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(key)) return GNUTLS_E_ASN1_GENERIC_ERROR;
  return coda::compat::spki_key_id(key->key->spki(), flags, output_data, output_data_size);
}

gnutls_sec_param_t gnutls_x509_privkey_sec_param(gnutls_x509_privkey_t key) {
  unsigned bits = 0;
  const int algo = gnutls_x509_privkey_get_pk_algorithm2(key, &bits);
  if (algo <= 0) return GNUTLS_SEC_PARAM_UNKNOWN;
  return gnutls_pk_bits_to_sec_param(static_cast<gnutls_pk_algorithm_t>(algo), bits);
}

}  // extern "C"
