// X.509 certificates (gnutls_x509_crt_t) and public keys (gnutls_pubkey_t)
// over coda::crypto::Certificate: what a client needs to look at the
// server's certificate itself (wget: dates, name, public key pinning).
//
// Return codes follow GnuTLS 3.7.9 (each checked against the real library):
//   PEM text without a CERTIFICATE block      GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR
//   a broken block                            see compat/gnutls/pem.hpp
//   DER that does not parse (or is empty)     GNUTLS_E_ASN1_TAG_ERROR
//   a format neither PEM nor DER, NULL        GNUTLS_E_INVALID_REQUEST (GnuTLS reads
//   arguments, a datum with NULL data         any format but PEM as DER)
//   get_dn on a certificate never imported    GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE
//   export / import_x509 of one never imported GNUTLS_E_ASN1_VALUE_NOT_FOUND
//   export of a key never imported            GNUTLS_E_UNKNOWN_PK_ALGORITHM
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
#include "compat/gnutls/pem.hpp"
#include "compat/gnutls/x509.hpp"

namespace {

using coda::Bytes;
using coda::ByteView;
using coda::compat::datum_bytes;
using coda::compat::format_ok;

// DER as one PEM block: 64 base64 characters a line, each line ending "\n".
std::string to_pem(ByteView der, const char* label) {
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string b64;
  for (size_t i = 0; i < der.size(); i += 3) {
    const uint32_t n = (uint32_t{der[i]} << 16) |
                       (i + 1 < der.size() ? uint32_t{der[i + 1]} << 8 : 0) |
                       (i + 2 < der.size() ? uint32_t{der[i + 2]} : 0);
    b64 += alphabet[(n >> 18) & 63];
    b64 += alphabet[(n >> 12) & 63];
    b64 += i + 1 < der.size() ? alphabet[(n >> 6) & 63] : '=';
    b64 += i + 2 < der.size() ? alphabet[n & 63] : '=';
  }
  std::string pem = std::string("-----BEGIN ") + label + "-----\n";
  for (size_t i = 0; i < b64.size(); i += 64) pem += b64.substr(i, 64) + "\n";
  pem += std::string("-----END ") + label + "-----\n";
  return pem;
}

// GnuTLS's buffer protocol for encoded objects: DER needs exactly its size;
// PEM is text and needs room for a final NUL, which is written but not
// counted in *size.
int copy_out(ByteView der, gnutls_x509_crt_fmt_t format, const char* label, void* out,
             size_t* out_size) {
  if (out_size == nullptr || !format_ok(format)) return GNUTLS_E_INVALID_REQUEST;
  if (format == GNUTLS_X509_FMT_PEM) {
    const std::string pem = to_pem(der, label);
    if (out == nullptr || *out_size < pem.size() + 1) {
      *out_size = pem.size() + 1;
      return GNUTLS_E_SHORT_MEMORY_BUFFER;
    }
    std::memcpy(out, pem.data(), pem.size());
    static_cast<char*>(out)[pem.size()] = '\0';
    *out_size = pem.size();
    return 0;
  }
  if (out == nullptr || *out_size < der.size()) {
    *out_size = der.size();
    return GNUTLS_E_SHORT_MEMORY_BUFFER;
  }
  std::memcpy(out, der.data(), der.size());
  *out_size = der.size();
  return 0;
}

// The same into a gnutls_malloc'd datum (PEM NUL-terminated, not counted).
int copy_out2(ByteView der, gnutls_x509_crt_fmt_t format, const char* label, gnutls_datum_t* out) {
  if (out == nullptr || !format_ok(format)) return GNUTLS_E_INVALID_REQUEST;
  out->data = nullptr;
  out->size = 0;
  std::string pem;
  ByteView bytes = der;
  if (format == GNUTLS_X509_FMT_PEM) {
    pem = to_pem(der, label);
    bytes = ByteView(reinterpret_cast<const uint8_t*>(pem.data()), pem.size());
  }
  auto* p = static_cast<unsigned char*>(gnutls_malloc(bytes.size() + 1));
  if (p == nullptr) return GNUTLS_E_MEMORY_ERROR;
  std::memcpy(p, bytes.data(), bytes.size());
  p[bytes.size()] = 0;
  out->data = p;
  out->size = static_cast<unsigned>(bytes.size());
  return 0;
}

// A string into a caller's buffer, GnuTLS style: *size gets the length
// without the NUL on success, the length with it on GNUTLS_E_SHORT_MEMORY_BUFFER.
int string_out(const std::string& s, char* buf, size_t* buf_size) {
  if (buf_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (buf == nullptr || *buf_size < s.size() + 1) {
    *buf_size = s.size() + 1;
    return GNUTLS_E_SHORT_MEMORY_BUFFER;
  }
  std::memcpy(buf, s.data(), s.size());
  buf[s.size()] = '\0';
  *buf_size = s.size();
  return 0;
}

int string_out2(const std::string& s, gnutls_datum_t* out) {
  if (out == nullptr) return GNUTLS_E_INVALID_REQUEST;
  out->data = nullptr;
  out->size = 0;
  auto* p = static_cast<unsigned char*>(gnutls_malloc(s.size() + 1));
  if (p == nullptr) return GNUTLS_E_MEMORY_ERROR;
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = 0;
  out->data = p;
  out->size = static_cast<unsigned>(s.size());
  return 0;
}

bool loaded(gnutls_x509_crt_t cert) {
  return cert != nullptr && cert->cert.has_value();
}

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
    cert->cert.emplace(std::move(first.front()));
    return 0;
  }
  auto parsed = coda::crypto::Certificate::from_der(bytes);
  if (!parsed) return GNUTLS_E_ASN1_TAG_ERROR;
  cert->cert.emplace(std::move(parsed.value()));
  return 0;
}

int gnutls_x509_crt_export(gnutls_x509_crt_t cert, gnutls_x509_crt_fmt_t format, void* output_data,
                           size_t* output_data_size) {
  if (cert == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  return copy_out(cert->cert->der(), format, "CERTIFICATE", output_data, output_data_size);
}

int gnutls_x509_crt_export2(gnutls_x509_crt_t cert, gnutls_x509_crt_fmt_t format,
                            gnutls_datum_t* out) {
  if (out) *out = gnutls_datum_t{nullptr, 0};
  if (cert == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  return copy_out2(cert->cert->der(), format, "CERTIFICATE", out);
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

// The subject and issuer as RFC 4514 strings ("CN=example.com,O=Example").
int gnutls_x509_crt_get_dn(gnutls_x509_crt_t cert, char* buf, size_t* buf_size) {
  if (cert == nullptr || buf_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  return string_out(cert->cert->subject(), buf, buf_size);
}

int gnutls_x509_crt_get_dn2(gnutls_x509_crt_t cert, gnutls_datum_t* dn) {
  if (dn) *dn = gnutls_datum_t{nullptr, 0};
  if (cert == nullptr || dn == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  return string_out2(cert->cert->subject(), dn);
}

int gnutls_x509_crt_get_issuer_dn(gnutls_x509_crt_t cert, char* buf, size_t* buf_size) {
  if (cert == nullptr || buf_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  return string_out(cert->cert->issuer(), buf, buf_size);
}

int gnutls_x509_crt_get_issuer_dn2(gnutls_x509_crt_t cert, gnutls_datum_t* dn) {
  if (dn) *dn = gnutls_datum_t{nullptr, 0};
  if (cert == nullptr || dn == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  return string_out2(cert->cert->issuer(), dn);
}

// ---- gnutls_pubkey_t ----

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
  if (!loaded(crt)) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  Bytes spki = crt->cert->spki();
  if (spki.empty()) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  key->spki = std::move(spki);
  return 0;
}

// DER SubjectPublicKeyInfo, or PEM "PUBLIC KEY".
int gnutls_pubkey_export(gnutls_pubkey_t key, gnutls_x509_crt_fmt_t format, void* output_data,
                         size_t* output_data_size) {
  if (key == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (key->spki.empty()) return GNUTLS_E_UNKNOWN_PK_ALGORITHM;
  return copy_out(key->spki, format, "PUBLIC KEY", output_data, output_data_size);
}

int gnutls_pubkey_export2(gnutls_pubkey_t key, gnutls_x509_crt_fmt_t format, gnutls_datum_t* out) {
  if (out) *out = gnutls_datum_t{nullptr, 0};
  if (key == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (key->spki.empty()) return GNUTLS_E_UNKNOWN_PK_ALGORITHM;
  return copy_out2(key->spki, format, "PUBLIC KEY", out);
}

}  // extern "C"
