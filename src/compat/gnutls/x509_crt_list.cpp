// Lists of certificates (gnutls_x509_crt_list_import, _import2) and the
// relations between certificates: check_issuer, verify against a CA list,
// equals.
//
// As GnuTLS 3.7.9 (tests/api/x509_objects.c):
//   - PEM text without a certificate, or DER read as PEM:
//     GNUTLS_E_NO_CERTIFICATE_FOUND;
//   - more certificates than *cert_max: the first *cert_max are imported and
//     their number returned, unless GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED
//     asks for GNUTLS_E_SHORT_MEMORY_BUFFER with *cert_max set to the count;
//   - gnutls_x509_crt_verify returns 0 and puts the status bits in *verify
//     (GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNER_NOT_FOUND for an unknown
//     issuer); the key purpose is not checked there.
#include <algorithm>
#include <vector>

#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/pem.hpp"
#include "compat/gnutls/x509.hpp"

namespace {

using coda::ByteView;
using coda::compat::loaded;
using coda::crypto::Certificate;

int read_list(const gnutls_datum_t* data, gnutls_x509_crt_fmt_t format,
              std::vector<Certificate>& out) {
  const auto bytes = coda::compat::datum_bytes(data);
  if (!bytes || !coda::compat::format_ok(format)) return GNUTLS_E_INVALID_REQUEST;
  if (format == GNUTLS_X509_FMT_DER) {
    auto cert = Certificate::from_der(*bytes);
    if (!cert) return GNUTLS_E_ASN1_TAG_ERROR;
    out.push_back(std::move(cert).value());
    return 0;
  }
  const int ret = coda::compat::read_pem_certificates(*bytes, /*first_only=*/false, out);
  if (ret < 0) return ret;
  return out.empty() ? GNUTLS_E_NO_CERTIFICATE_FOUND : 0;
}

// Handles for certs[0..n), or none (and an error) if one cannot be made.
int to_handles(std::vector<Certificate>& certs, size_t n, gnutls_x509_crt_t* out) {
  for (size_t i = 0; i < n; ++i) {
    if (gnutls_x509_crt_init(&out[i]) < 0) {
      for (size_t j = 0; j < i; ++j) gnutls_x509_crt_deinit(out[j]);
      return GNUTLS_E_MEMORY_ERROR;
    }
    out[i]->set(std::move(certs[i]));
  }
  return 0;
}

}  // namespace

extern "C" {

int gnutls_x509_crt_list_import(gnutls_x509_crt_t* certs, unsigned int* cert_max,
                                const gnutls_datum_t* data, gnutls_x509_crt_fmt_t format,
                                unsigned int flags) {
  if (certs == nullptr || cert_max == nullptr) return GNUTLS_E_INVALID_REQUEST;
  std::vector<Certificate> list;
  if (const int ret = read_list(data, format, list); ret < 0) return ret;
  size_t n = list.size();
  if (n > *cert_max) {
    if (flags & GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED) {
      *cert_max = static_cast<unsigned>(n);
      return GNUTLS_E_SHORT_MEMORY_BUFFER;
    }
    n = *cert_max;
  }
  if (const int ret = to_handles(list, n, certs); ret < 0) return ret;
  *cert_max = static_cast<unsigned>(n);
  return static_cast<int>(n);
}

int gnutls_x509_crt_list_import2(gnutls_x509_crt_t** certs, unsigned int* size,
                                 const gnutls_datum_t* data, gnutls_x509_crt_fmt_t format,
                                 unsigned int flags) {
  (void)flags;  // FAIL_IF_EXCEED cannot happen: the list is as long as needed
  if (certs == nullptr || size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  std::vector<Certificate> list;
  if (const int ret = read_list(data, format, list); ret < 0) return ret;
  auto* out =
      static_cast<gnutls_x509_crt_t*>(gnutls_malloc(list.size() * sizeof(gnutls_x509_crt_t)));
  if (out == nullptr) return GNUTLS_E_MEMORY_ERROR;
  if (const int ret = to_handles(list, list.size(), out); ret < 0) {
    gnutls_free(out);
    return ret;
  }
  *certs = out;
  *size = static_cast<unsigned>(list.size());
  return 0;
}

// Whether `issuer`'s subject is `cert`'s issuer name (the DER compared).
unsigned gnutls_x509_crt_check_issuer(gnutls_x509_crt_t cert, gnutls_x509_crt_t issuer) {
  if (!loaded(cert) || !loaded(issuer)) return 0;
  const auto a = cert->cert->issuer_der();
  return !a.empty() && a == issuer->cert->subject_der() ? 1 : 0;
}

unsigned gnutls_x509_crt_equals(gnutls_x509_crt_t cert1, gnutls_x509_crt_t cert2) {
  if (!loaded(cert1) || !loaded(cert2)) return 0;
  const ByteView a = cert1->cert->der(), b = cert2->cert->der();
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin()) ? 1 : 0;
}

unsigned gnutls_x509_crt_equals2(gnutls_x509_crt_t cert1, const gnutls_datum_t* der) {
  const auto bytes = coda::compat::datum_bytes(der);
  if (!loaded(cert1) || !bytes) return 0;
  const ByteView a = cert1->cert->der();
  return a.size() == bytes->size() && std::equal(a.begin(), a.end(), bytes->begin()) ? 1 : 0;
}

// The chain is the certificate alone; CA_list holds the trust anchors.
int gnutls_x509_crt_verify(gnutls_x509_crt_t cert, const gnutls_x509_crt_t* CA_list,
                           unsigned CA_list_length, unsigned int flags, unsigned int* verify) {
  (void)flags;
  if (cert == nullptr || verify == nullptr || (CA_list == nullptr && CA_list_length > 0)) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  if (!loaded(cert)) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  std::vector<Certificate> anchors;
  for (unsigned i = 0; i < CA_list_length; ++i) {
    if (loaded(CA_list[i])) anchors.push_back(*CA_list[i]->cert);
  }
  coda::crypto::TrustStore trust;
  if (!anchors.empty() && !trust.add(anchors)) return GNUTLS_E_MEMORY_ERROR;
  coda::crypto::VerifyOptions options;
  options.check_purpose = false;
  *verify = coda::crypto::verify_chain(trust, {*cert->cert}, options);
  return 0;
}

}  // extern "C"
