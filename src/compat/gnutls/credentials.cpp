// Certificate and anonymous credentials: loading chains, keys and trust
// anchors from files and memory, PEM or DER.
//
// Return codes follow GnuTLS 3.7 (each checked against the real library):
//   unreadable file                         GNUTLS_E_FILE_ERROR
//   certificate text that is not PEM        GNUTLS_E_BASE64_DECODING_ERROR
//   key text with no key in it              GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE
//   DER that does not parse                 GNUTLS_E_ASN1_TAG_ERROR
//   key not the certificate's               GNUTLS_E_CERTIFICATE_KEY_MISMATCH
//   trust PEM with no certificate in it     0 (nothing added), as GnuTLS
//   NULL arguments, a datum with NULL data,
//   a format neither PEM nor DER            GNUTLS_E_INVALID_REQUEST (GnuTLS
//                                           reads an unknown format as PEM or
//                                           DER, and a NULL trust file as none)
#include <string>

#include "base/secure.hpp"
#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/internal.hpp"

namespace {

using coda::ByteView;
using coda::compat::datum_bytes;
using coda::compat::format_ok;

// DER wrapped as one PEM block, so the PEM loaders take it.
std::string der_to_pem(ByteView der, const char* label) {
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string b64;
  for (size_t i = 0; i < der.size(); i += 3) {
    const uint32_t n = (uint32_t{der[i]} << 16) | (i + 1 < der.size() ? der[i + 1] << 8 : 0) |
                       (i + 2 < der.size() ? der[i + 2] : 0);
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

ByteView bytes_of(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

// A certificate chain and its key, in either encoding, into the credentials.
int add_key(gnutls_certificate_credentials_t res, ByteView cert, ByteView key,
            gnutls_x509_crt_fmt_t type) {
  if (res == nullptr || !format_ok(type)) return GNUTLS_E_INVALID_REQUEST;
  if (cert.empty() || key.empty()) return GNUTLS_E_INVALID_REQUEST;
  std::string cert_pem;
  if (type == GNUTLS_X509_FMT_DER) {
    if (!coda::crypto::Certificate::from_der(cert)) return GNUTLS_E_ASN1_TAG_ERROR;
    cert_pem = der_to_pem(cert, "CERTIFICATE");
    cert = bytes_of(cert_pem);
  } else if (!coda::crypto::Certificate::chain_from_pem(cert)) {
    return GNUTLS_E_BASE64_DECODING_ERROR;
  }
  // PrivateKey takes PEM (PKCS #8, RSA, EC) and DER alike.
  if (!coda::crypto::PrivateKey::from_pem(key))
    return type == GNUTLS_X509_FMT_DER ? GNUTLS_E_ASN1_TAG_ERROR
                                       : GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  auto loaded = coda::CertifiedKey::from_pem(cert, key);
  if (!loaded) return GNUTLS_E_CERTIFICATE_KEY_MISMATCH;
  res->keys.push_back(std::move(loaded.value()));
  return 0;
}

// Trust anchors from memory; the number added.
int add_trust(gnutls_certificate_credentials_t res, ByteView data, gnutls_x509_crt_fmt_t type) {
  if (res == nullptr || !format_ok(type)) return GNUTLS_E_INVALID_REQUEST;
  std::string pem;
  if (type == GNUTLS_X509_FMT_DER) {
    if (!coda::crypto::Certificate::from_der(data)) return GNUTLS_E_ASN1_TAG_ERROR;
    pem = der_to_pem(data, "CERTIFICATE");
    data = bytes_of(pem);
  }
  if (!res->trust) res->trust = std::make_shared<coda::crypto::TrustStore>();
  auto added = res->trust->add_pem(data);
  return added ? static_cast<int>(added.value()) : 0;
}

}  // namespace

extern "C" {

int gnutls_certificate_allocate_credentials(gnutls_certificate_credentials_t* res) {
  return coda::compat::new_handle(res);
}

void gnutls_certificate_free_credentials(gnutls_certificate_credentials_t sc) {
  delete sc;
}

void gnutls_certificate_free_keys(gnutls_certificate_credentials_t sc) {
  if (sc) sc->keys.clear();
}

void gnutls_certificate_free_cas(gnutls_certificate_credentials_t sc) {
  if (sc) sc->trust.reset();
}

// Coda sends no certificate_authorities list, so there is nothing to free.
void gnutls_certificate_free_ca_names(gnutls_certificate_credentials_t sc) {
  (void)sc;
}

// Revocation lists are not supported.
void gnutls_certificate_free_crls(gnutls_certificate_credentials_t sc) {
  (void)sc;
}

int gnutls_certificate_set_x509_key_file(gnutls_certificate_credentials_t res, const char* certfile,
                                         const char* keyfile, gnutls_x509_crt_fmt_t type) {
  return gnutls_certificate_set_x509_key_file2(res, certfile, keyfile, type, nullptr, 0);
}

// Encrypted keys (pass) are not supported: such a key fails to load.
int gnutls_certificate_set_x509_key_file2(gnutls_certificate_credentials_t res,
                                          const char* certfile, const char* keyfile,
                                          gnutls_x509_crt_fmt_t type, const char* pass,
                                          unsigned int flags) {
  (void)pass;
  (void)flags;
  if (res == nullptr || certfile == nullptr || keyfile == nullptr) return GNUTLS_E_INVALID_REQUEST;
  // The key file's text is the key: it is read into wiped memory.
  const auto cert = coda::read_file_wiped(certfile);
  if (!cert) return GNUTLS_E_FILE_ERROR;
  const auto key = coda::read_file_wiped(keyfile);
  if (!key) return GNUTLS_E_FILE_ERROR;
  return add_key(res, *cert, *key, type);
}

int gnutls_certificate_set_x509_key_mem(gnutls_certificate_credentials_t res,
                                        const gnutls_datum_t* cert, const gnutls_datum_t* key,
                                        gnutls_x509_crt_fmt_t type) {
  return gnutls_certificate_set_x509_key_mem2(res, cert, key, type, nullptr, 0);
}

int gnutls_certificate_set_x509_key_mem2(gnutls_certificate_credentials_t res,
                                         const gnutls_datum_t* cert, const gnutls_datum_t* key,
                                         gnutls_x509_crt_fmt_t type, const char* pass,
                                         unsigned int flags) {
  (void)pass;
  (void)flags;
  const auto cert_bytes = datum_bytes(cert);
  const auto key_bytes = datum_bytes(key);
  if (res == nullptr || !cert_bytes || !key_bytes) return GNUTLS_E_INVALID_REQUEST;
  return add_key(res, *cert_bytes, *key_bytes, type);
}

int gnutls_certificate_set_x509_trust_file(gnutls_certificate_credentials_t cred,
                                           const char* cafile, gnutls_x509_crt_fmt_t type) {
  if (cred == nullptr || cafile == nullptr) return GNUTLS_E_INVALID_REQUEST;
  const auto data = coda::read_file_wiped(cafile);
  if (!data) return GNUTLS_E_FILE_ERROR;
  return add_trust(cred, *data, type);
}

int gnutls_certificate_set_x509_trust_mem(gnutls_certificate_credentials_t res,
                                          const gnutls_datum_t* ca, gnutls_x509_crt_fmt_t type) {
  const auto bytes = datum_bytes(ca);
  if (res == nullptr || !bytes) return GNUTLS_E_INVALID_REQUEST;
  return add_trust(res, *bytes, type);
}

// The system's trust anchors (Debian: /etc/ssl/certs); the number added.
int gnutls_certificate_set_x509_system_trust(gnutls_certificate_credentials_t cred) {
  if (cred == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!cred->trust) cred->trust = std::make_shared<coda::crypto::TrustStore>();
  auto added = cred->trust->add_system();
  return added ? static_cast<int>(added.value()) : GNUTLS_E_FILE_ERROR;
}

// Revocation lists are not supported; bad arguments are still named as such.
int gnutls_certificate_set_x509_crl_file(gnutls_certificate_credentials_t res, const char* crlfile,
                                         gnutls_x509_crt_fmt_t type) {
  if (res == nullptr || crlfile == nullptr || !format_ok(type)) return GNUTLS_E_INVALID_REQUEST;
  return GNUTLS_E_UNIMPLEMENTED_FEATURE;
}

int gnutls_certificate_set_x509_crl_mem(gnutls_certificate_credentials_t res,
                                        const gnutls_datum_t* crl, gnutls_x509_crt_fmt_t type) {
  if (res == nullptr || !datum_bytes(crl) || !format_ok(type)) return GNUTLS_E_INVALID_REQUEST;
  return GNUTLS_E_UNIMPLEMENTED_FEATURE;
}

void gnutls_certificate_set_verify_flags(gnutls_certificate_credentials_t res, unsigned int flags) {
  if (res) res->verify_flags = flags;
}

void gnutls_certificate_set_verify_function(gnutls_certificate_credentials_t cred,
                                            gnutls_certificate_verify_function* func) {
  if (cred) cred->verify_function = func;
}

// Anonymous credentials exist so programs that allocate them run; Coda
// offers no anonymous key exchange to use them with.
int gnutls_anon_allocate_client_credentials(gnutls_anon_client_credentials_t* sc) {
  return coda::compat::new_handle(sc);
}

void gnutls_anon_free_client_credentials(gnutls_anon_client_credentials_t sc) {
  delete sc;
}

int gnutls_anon_allocate_server_credentials(gnutls_anon_server_credentials_t* sc) {
  return coda::compat::new_handle(sc);
}

void gnutls_anon_free_server_credentials(gnutls_anon_server_credentials_t sc) {
  delete sc;
}

}  // extern "C"
