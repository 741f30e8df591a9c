// A certificate's other fields: serial, version, key and signature
// algorithms, the extensions programs read (key usage, key purpose, basic
// constraints, key identifiers), fingerprints and the key id.
//
// As GnuTLS 3.7.9 (tests/api/x509_objects.c):
//   an extension the certificate lacks        GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE
//   serial, key, fingerprint of a certificate
//   never imported                            GNUTLS_E_ASN1_VALUE_NOT_FOUND
//   version of one never imported             1 (an absent version field)
//   signature algorithm of one                GNUTLS_SIGN_UNKNOWN
//   get_key_purpose_oid sets *critical even for an index past the end.
#include <cstring>
#include <string>

#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/output.hpp"
#include "compat/gnutls/x509.hpp"
#include "compat/gnutls/x509_keys.hpp"
#include "crypto/digest.hpp"

namespace {

using coda::ByteView;
using coda::compat::bytes_out;
using coda::compat::loaded;

void set_critical(unsigned* critical, bool value) {
  if (critical != nullptr) *critical = value ? 1 : 0;
}

struct SignatureOid {
  const char* oid;
  gnutls_sign_algorithm_t sign;
};

constexpr SignatureOid kSignatures[] = {
    {"1.2.840.113549.1.1.5", GNUTLS_SIGN_RSA_SHA1},
    {"1.2.840.113549.1.1.4", GNUTLS_SIGN_RSA_MD5},
    {"1.2.840.113549.1.1.2", GNUTLS_SIGN_RSA_MD2},
    {"1.2.840.113549.1.1.11", GNUTLS_SIGN_RSA_SHA256},
    {"1.2.840.113549.1.1.12", GNUTLS_SIGN_RSA_SHA384},
    {"1.2.840.113549.1.1.13", GNUTLS_SIGN_RSA_SHA512},
    {"1.2.840.113549.1.1.14", GNUTLS_SIGN_RSA_SHA224},
    {"1.2.840.10040.4.3", GNUTLS_SIGN_DSA_SHA1},
    {"2.16.840.1.101.3.4.3.1", GNUTLS_SIGN_DSA_SHA224},
    {"2.16.840.1.101.3.4.3.2", GNUTLS_SIGN_DSA_SHA256},
    {"2.16.840.1.101.3.4.3.3", GNUTLS_SIGN_DSA_SHA384},
    {"2.16.840.1.101.3.4.3.4", GNUTLS_SIGN_DSA_SHA512},
    {"1.2.840.10045.4.1", GNUTLS_SIGN_ECDSA_SHA1},
    {"1.2.840.10045.4.3.1", GNUTLS_SIGN_ECDSA_SHA224},
    {"1.2.840.10045.4.3.2", GNUTLS_SIGN_ECDSA_SHA256},
    {"1.2.840.10045.4.3.3", GNUTLS_SIGN_ECDSA_SHA384},
    {"1.2.840.10045.4.3.4", GNUTLS_SIGN_ECDSA_SHA512},
    {"2.16.840.1.101.3.4.3.9", GNUTLS_SIGN_ECDSA_SHA3_224},
    {"2.16.840.1.101.3.4.3.10", GNUTLS_SIGN_ECDSA_SHA3_256},
    {"2.16.840.1.101.3.4.3.11", GNUTLS_SIGN_ECDSA_SHA3_384},
    {"2.16.840.1.101.3.4.3.12", GNUTLS_SIGN_ECDSA_SHA3_512},
    {"2.16.840.1.101.3.4.3.13", GNUTLS_SIGN_RSA_SHA3_224},
    {"2.16.840.1.101.3.4.3.14", GNUTLS_SIGN_RSA_SHA3_256},
    {"2.16.840.1.101.3.4.3.15", GNUTLS_SIGN_RSA_SHA3_384},
    {"2.16.840.1.101.3.4.3.16", GNUTLS_SIGN_RSA_SHA3_512},
    {"1.3.101.112", GNUTLS_SIGN_EDDSA_ED25519},
    {"1.3.101.113", GNUTLS_SIGN_EDDSA_ED448},
};

constexpr const char* kRsaPssOid = "1.2.840.113549.1.1.10";

}  // namespace

extern "C" {

int gnutls_x509_crt_get_serial(gnutls_x509_crt_t cert, void* result, size_t* result_size) {
  if (cert == nullptr || result_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  return bytes_out(coda::crypto::serial_number(*cert->cert), result, result_size);
}

int gnutls_x509_crt_get_version(gnutls_x509_crt_t cert) {
  if (cert == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return 1;
  return coda::crypto::certificate_version(*cert->cert);
}

int gnutls_x509_crt_get_pk_algorithm(gnutls_x509_crt_t cert, unsigned int* bits) {
  if (cert == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  return coda::compat::spki_algorithm(cert->cert->spki(), bits);
}

int gnutls_x509_crt_get_signature_algorithm(gnutls_x509_crt_t cert) {
  if (cert == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_SIGN_UNKNOWN;
  const std::string oid = coda::crypto::signature_algorithm_oid(*cert->cert);
  if (oid == kRsaPssOid) {
    const std::string hash = coda::crypto::pss_hash_name(*cert->cert);
    if (hash == "SHA256") return GNUTLS_SIGN_RSA_PSS_SHA256;
    if (hash == "SHA384") return GNUTLS_SIGN_RSA_PSS_SHA384;
    if (hash == "SHA512") return GNUTLS_SIGN_RSA_PSS_SHA512;
    return GNUTLS_SIGN_UNKNOWN;
  }
  for (const auto& s : kSignatures)
    if (oid == s.oid) return s.sign;
  return GNUTLS_SIGN_UNKNOWN;
}

int gnutls_x509_crt_get_key_usage(gnutls_x509_crt_t cert, unsigned int* key_usage,
                                  unsigned int* critical) {
  if (cert == nullptr || key_usage == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  bool crit = false;
  const auto bits = coda::crypto::key_usage_bits(*cert->cert, &crit);
  if (!bits) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  // GnuTLS's GNUTLS_KEY_* values are the DER bits as read: the first byte
  // low, the second (decipherOnly) high.
  *key_usage = *bits;
  set_critical(critical, crit);
  return 0;
}

int gnutls_x509_crt_get_key_purpose_oid(gnutls_x509_crt_t cert, unsigned indx, void* oid,
                                        size_t* oid_size, unsigned int* critical) {
  if (cert == nullptr || oid_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  bool crit = false;
  const auto purposes = coda::crypto::extended_key_usage(*cert->cert, &crit);
  if (!purposes) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  set_critical(critical, crit);
  if (indx >= purposes->size()) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  return coda::compat::string_out((*purposes)[indx], oid, oid_size);
}

int gnutls_x509_crt_get_basic_constraints(gnutls_x509_crt_t cert, unsigned int* critical,
                                          unsigned int* ca, int* pathlen) {
  if (cert == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  const auto bc = coda::crypto::basic_constraints(*cert->cert);
  if (!bc) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  set_critical(critical, bc->critical);
  if (ca != nullptr) *ca = bc->ca ? 1 : 0;
  if (pathlen != nullptr) *pathlen = bc->path_len;
  return bc->ca ? 1 : 0;
}

int gnutls_x509_crt_get_ca_status(gnutls_x509_crt_t cert, unsigned int* critical) {
  return gnutls_x509_crt_get_basic_constraints(cert, critical, nullptr, nullptr);
}

int gnutls_x509_crt_get_subject_key_id(gnutls_x509_crt_t cert, void* ret, size_t* ret_size,
                                       unsigned int* critical) {
  if (cert == nullptr || ret_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  bool crit = false;
  const auto id = coda::crypto::subject_key_id(*cert->cert, &crit);
  if (!id) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  set_critical(critical, crit);
  return bytes_out(*id, ret, ret_size);
}

int gnutls_x509_crt_get_authority_key_id(gnutls_x509_crt_t cert, void* id, size_t* id_size,
                                         unsigned int* critical) {
  if (cert == nullptr || id_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  bool crit = false;
  const auto key_id = coda::crypto::authority_key_id(*cert->cert, &crit);
  if (!key_id) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  set_critical(critical, crit);
  return bytes_out(*key_id, id, id_size);
}

int gnutls_x509_crt_get_fingerprint(gnutls_x509_crt_t cert, gnutls_digest_algorithm_t algo,
                                    void* buf, size_t* buf_size) {
  if (cert == nullptr || buf_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  gnutls_datum_t der{const_cast<unsigned char*>(cert->cert->der().data()),
                     static_cast<unsigned>(cert->cert->der().size())};
  return gnutls_fingerprint(algo, &der, buf, buf_size);
}

int gnutls_x509_crt_get_key_id(gnutls_x509_crt_t crt, unsigned int flags,
                               unsigned char* output_data, size_t* output_data_size) {
  if (crt == nullptr || output_data_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(crt)) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  return coda::compat::spki_key_id(crt->cert->spki(), flags, output_data, output_data_size);
}

}  // extern "C"
