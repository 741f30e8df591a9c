// X.509 certificates (gnutls_x509_crt_t) over coda::crypto::Certificate: what a client needs to
// look at the server's certificate itself (wget: dates, name, public key pinning).
//
// Return codes follow GnuTLS 3.7.9 (each checked against the real library):
//   PEM text without a CERTIFICATE block      GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR
//   a broken block                            see compat/gnutls/pem.hpp
//   DER that does not parse (or is empty)     GNUTLS_E_ASN1_TAG_ERROR
//   a format neither PEM nor DER, NULL        GNUTLS_E_INVALID_REQUEST (GnuTLS reads
//   arguments, a datum with NULL data         any format but PEM as DER)
//   get_dn on a certificate never imported    GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE
//   export of one never imported              GNUTLS_E_ASN1_VALUE_NOT_FOUND
//   buffer too small (or NULL)                GNUTLS_E_SHORT_MEMORY_BUFFER, with
//                                             *size set to what is needed (PEM and
//                                             strings: including the final NUL)
//   dates of a certificate never imported     (time_t)-1
//
// Name checks follow RFC 6125 as Coda's chain verification does: names come
// from the subjectAltName only. Unlike GnuTLS, a certificate with no DNS
// subjectAltName is not matched against its subject CN.
#include <arpa/inet.h>

#include <cstring>
#include <string>
#include <string_view>

#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/dn_string.hpp"
#include "compat/gnutls/output.hpp"
#include "compat/gnutls/pem.hpp"
#include "compat/gnutls/x509.hpp"

namespace {

using coda::Bytes;
using coda::ByteView;
using coda::compat::datum_bytes;
using coda::compat::format_ok;
using coda::compat::loaded;

}  // namespace

extern "C" {

// ---- gnutls_x509_crt_t ----

int gnutls_x509_crt_init(gnutls_x509_crt_t* cert) {
  return coda::compat::new_handle(cert);
}

void gnutls_x509_crt_deinit(gnutls_x509_crt_t cert) {
  delete cert;
}

// PEM: the first CERTIFICATE (or X509 CERTIFICATE) block in the text.
int gnutls_x509_crt_import(gnutls_x509_crt_t cert, const gnutls_datum_t* data,
                           gnutls_x509_crt_fmt_t format) {
  const auto datum = datum_bytes(data);
  if (cert == nullptr || !datum || !format_ok(format)) return GNUTLS_E_INVALID_REQUEST;
  const ByteView bytes = *datum;
  if (format == GNUTLS_X509_FMT_PEM) {
    std::vector<coda::crypto::Certificate> first;
    if (const int ret = coda::compat::read_pem_certificates(bytes, /*first_only=*/true, first);
        ret < 0) {
      return ret;
    }
    if (first.empty()) return GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR;
    cert->set(std::move(first.front()));
    return 0;
  }
  auto parsed = coda::crypto::Certificate::from_der(bytes);
  if (!parsed) return GNUTLS_E_ASN1_TAG_ERROR;
  cert->set(std::move(parsed.value()));
  return 0;
}

int gnutls_x509_crt_export(gnutls_x509_crt_t cert, gnutls_x509_crt_fmt_t format, void* output_data,
                           size_t* output_data_size) {
  if (cert == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  return coda::compat::encoded_out(cert->cert->der(), format, "CERTIFICATE", output_data,
                                   output_data_size);
}

int gnutls_x509_crt_export2(gnutls_x509_crt_t cert, gnutls_x509_crt_fmt_t format,
                            gnutls_datum_t* out) {
  if (out) *out = gnutls_datum_t{nullptr, 0};
  if (cert == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  return coda::compat::encoded_out2(cert->cert->der(), format, "CERTIFICATE", out);
}

time_t gnutls_x509_crt_get_activation_time(gnutls_x509_crt_t cert) {
  return loaded(cert) ? cert->cert->not_before() : static_cast<time_t>(-1);
}

time_t gnutls_x509_crt_get_expiration_time(gnutls_x509_crt_t cert) {
  return loaded(cert) ? cert->cert->not_after() : static_cast<time_t>(-1);
}

unsigned gnutls_x509_crt_check_hostname(gnutls_x509_crt_t cert, const char* hostname) {
  return gnutls_x509_crt_check_hostname2(cert, hostname, 0);
}

// Flags: GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS refuses wildcard names;
// GNUTLS_VERIFY_DO_NOT_ALLOW_IP_MATCHES makes an IP address literal match
// nothing. Other flags do not concern name matching.
unsigned gnutls_x509_crt_check_hostname2(gnutls_x509_crt_t cert, const char* hostname,
                                         unsigned int flags) {
  if (!loaded(cert) || hostname == nullptr) return 0;
  const std::string name(hostname);
  if (flags & GNUTLS_VERIFY_DO_NOT_ALLOW_IP_MATCHES) {
    unsigned char ip[16];
    if (inet_pton(AF_INET, hostname, ip) == 1 || inet_pton(AF_INET6, hostname, ip) == 1) return 0;
  }
  const bool wildcards = (flags & GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS) == 0;
  return cert->cert->matches_hostname(name, wildcards) ? 1 : 0;
}

// The subject and issuer in GnuTLS's form: RDNs in DER order, RFC 4514
// escaping ("C=FR,O=Example\\, Inc.,CN=example.com").
int gnutls_x509_crt_get_dn(gnutls_x509_crt_t cert, char* buf, size_t* buf_size) {
  if (cert == nullptr || buf_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  const auto name = coda::crypto::subject_name(*cert->cert);
  if (!name) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  return coda::compat::string_out(coda::compat::dn_string(*name, false), buf, buf_size);
}

int gnutls_x509_crt_get_dn2(gnutls_x509_crt_t cert, gnutls_datum_t* dn) {
  if (dn) *dn = gnutls_datum_t{nullptr, 0};
  if (cert == nullptr || dn == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  const auto name = coda::crypto::subject_name(*cert->cert);
  if (!name) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  return coda::compat::datum_out(coda::compat::dn_string(*name, false), dn);
}

int gnutls_x509_crt_get_issuer_dn(gnutls_x509_crt_t cert, char* buf, size_t* buf_size) {
  if (cert == nullptr || buf_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  const auto name = coda::crypto::issuer_name(*cert->cert);
  if (!name) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  return coda::compat::string_out(coda::compat::dn_string(*name, false), buf, buf_size);
}

int gnutls_x509_crt_get_issuer_dn2(gnutls_x509_crt_t cert, gnutls_datum_t* dn) {
  if (dn) *dn = gnutls_datum_t{nullptr, 0};
  if (cert == nullptr || dn == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  const auto name = coda::crypto::issuer_name(*cert->cert);
  if (!name) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  return coda::compat::datum_out(coda::compat::dn_string(*name, false), dn);
}

}  // extern "C"
