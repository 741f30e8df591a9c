// Certificate and anonymous credentials: loading chains, keys and trust
// anchors from files and memory, PEM or DER.
//
// Return codes follow GnuTLS 3.7 (each checked against the real library;
// tests/api/pem_loaders.c compares them):
//   unreadable file                         GNUTLS_E_FILE_ERROR
//   a key pair: the key is read first, then the certificate; a broken PEM
//   block of either gives the code compat/gnutls/pem.hpp lists
//   key text (or file) with no key block    GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE
//   certificate text with no certificate    GNUTLS_E_BASE64_DECODING_ERROR
//   DER that does not parse (or is empty)   GNUTLS_E_ASN1_TAG_ERROR
//   key not the certificate's               GNUTLS_E_CERTIFICATE_KEY_MISMATCH
//   trust PEM with no certificate in it     0 (nothing added), as GnuTLS
//   NULL arguments, a datum with NULL data
//   (for a key, also with size 0),
//   a format neither PEM nor DER            GNUTLS_E_INVALID_REQUEST (GnuTLS
//                                           reads an unknown format as PEM or
//                                           DER, and a NULL trust file as none)
#include <optional>
#include <vector>

#include "base/secure.hpp"
#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/internal.hpp"
#include "compat/gnutls/pem.hpp"
#include "compat/gnutls/trust_list.hpp"

namespace {

using coda::ByteView;
using coda::compat::datum_bytes;
using coda::compat::format_ok;
using coda::compat::read_pem_certificates;
using coda::compat::read_pem_private_key;

// The credentials' trust store, made by the first call that adds to it.
coda::crypto::TrustStore& trust_of(gnutls_certificate_credentials_t res) {
  if (!res->trust) res->trust = std::make_shared<coda::crypto::TrustStore>();
  return *res->trust;
}

// A certificate chain and its key, in either encoding, into the credentials.
int add_key(gnutls_certificate_credentials_t res, ByteView cert, ByteView key,
            gnutls_x509_crt_fmt_t type) {
  if (res == nullptr || !format_ok(type)) return GNUTLS_E_INVALID_REQUEST;
  std::vector<coda::crypto::Certificate> chain;
  std::optional<coda::crypto::PrivateKey> private_key;
  if (type == GNUTLS_X509_FMT_DER) {
    auto parsed = coda::crypto::Certificate::from_der(cert);
    if (!parsed) return GNUTLS_E_ASN1_TAG_ERROR;
    chain.push_back(std::move(parsed).value());
    // PrivateKey takes DER as well as PEM.
    auto parsed_key = coda::crypto::PrivateKey::from_pem(key);
    if (!parsed_key) return GNUTLS_E_ASN1_TAG_ERROR;
    private_key.emplace(std::move(parsed_key).value());
  } else {
    // GnuTLS reads the key first: with both broken, the key's code wins.
    if (const int ret = read_pem_private_key(key, private_key); ret < 0) return ret;
    if (const int ret = read_pem_certificates(cert, /*first_only=*/false, chain); ret < 0) {
      return ret;
    }
    if (chain.empty()) return GNUTLS_E_BASE64_DECODING_ERROR;
  }
  auto loaded = coda::CertifiedKey::make(std::move(chain), std::move(*private_key));
  if (!loaded) return GNUTLS_E_CERTIFICATE_KEY_MISMATCH;
  res->keys.push_back(std::move(loaded.value()));
  return 0;
}

// Trust anchors from memory into the credentials' store; the number added.
int add_trust(gnutls_certificate_credentials_t res, ByteView data, gnutls_x509_crt_fmt_t type) {
  if (res == nullptr || !format_ok(type)) return GNUTLS_E_INVALID_REQUEST;
  return coda::compat::add_trust_data(trust_of(res), data, type);
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
  // GnuTLS refuses a key datum without data even when it claims no bytes
  // (a certificate datum like that reads as empty text).
  if (key->data == nullptr) return GNUTLS_E_INVALID_REQUEST;
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
  // A datum without data holds no anchors for GnuTLS, in either format.
  if (ca->data == nullptr && format_ok(type)) return 0;
  return add_trust(res, *bytes, type);
}

// The system's trust anchors (Debian: /etc/ssl/certs); the number added.
int gnutls_certificate_set_x509_system_trust(gnutls_certificate_credentials_t cred) {
  if (cred == nullptr) return GNUTLS_E_INVALID_REQUEST;
  auto added = trust_of(cred).add_system();
  return added ? static_cast<int>(added.value()) : GNUTLS_E_FILE_ERROR;
}

// Every PEM certificate in every file of the directory (as GnuTLS: not only
// the hashed names); the number read, 0 for a directory that cannot be read.
int gnutls_certificate_set_x509_trust_dir(gnutls_certificate_credentials_t cred, const char* ca_dir,
                                          gnutls_x509_crt_fmt_t type) {
  if (cred == nullptr || ca_dir == nullptr) return GNUTLS_E_INVALID_REQUEST;
  return coda::compat::add_trust_dir(trust_of(cred), ca_dir, type);
}

int gnutls_certificate_set_x509_trust(gnutls_certificate_credentials_t res,
                                      gnutls_x509_crt_t* ca_list, int ca_list_size) {
  // As GnuTLS, an empty list is refused too.
  if (res == nullptr || ca_list == nullptr || ca_list_size <= 0) return GNUTLS_E_INVALID_REQUEST;
  std::vector<coda::crypto::Certificate> certs;
  for (int i = 0; i < ca_list_size; ++i) {
    if (ca_list[i] == nullptr || !ca_list[i]->cert) return GNUTLS_E_INVALID_REQUEST;
    certs.push_back(*ca_list[i]->cert);
  }
  auto added = trust_of(res).add(certs);
  return added ? static_cast<int>(added.value()) : GNUTLS_E_INTERNAL_ERROR;
}

// The credentials take the list over (the program must not free it) and
// verify with its anchors from now on, in place of any they had.
void gnutls_certificate_set_trust_list(gnutls_certificate_credentials_t res,
                                       gnutls_x509_trust_list_t tlist, unsigned flags) {
  (void)flags;
  if (res == nullptr || tlist == nullptr) return;
  if (res->trust_list.get() == tlist) return;
  // Freed with the certificates it was given, as GnuTLS frees it.
  res->trust_list.reset(tlist,
                        [](gnutls_x509_trust_list_t l) { gnutls_x509_trust_list_deinit(l, 1); });
  res->trust = tlist->store;
}

// The credentials' own list (made on first use, as GnuTLS's always exists);
// it stays theirs.
void gnutls_certificate_get_trust_list(gnutls_certificate_credentials_t res,
                                       gnutls_x509_trust_list_t* tlist) {
  if (res == nullptr || tlist == nullptr) return;
  if (!res->trust_list) {
    auto* list = new (std::nothrow) gnutls_x509_trust_list_st;
    if (list == nullptr) {
      *tlist = nullptr;
      return;
    }
    trust_of(res);
    list->store = res->trust;  // the same store, shared
    res->trust_list.reset(list,
                          [](gnutls_x509_trust_list_t l) { gnutls_x509_trust_list_deinit(l, 1); });
  }
  *tlist = res->trust_list.get();
}

int gnutls_certificate_get_issuer(gnutls_certificate_credentials_t sc, gnutls_x509_crt_t cert,
                                  gnutls_x509_crt_t* issuer, unsigned int flags) {
  if (sc == nullptr || cert == nullptr || !cert->cert || issuer == nullptr) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  if (!sc->trust) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  return coda::compat::find_issuer(*sc->trust, *cert->cert, sc->issuer_handles, issuer, flags);
}

void gnutls_certificate_set_verify_limits(gnutls_certificate_credentials_t res,
                                          unsigned int max_bits, unsigned int max_depth) {
  if (res == nullptr) return;
  res->verify_max_bits = max_bits;
  res->verify_max_depth = max_depth;
}

void gnutls_certificate_set_verify_flags(gnutls_certificate_credentials_t res, unsigned int flags) {
  if (res) res->verify_flags = flags;
}

unsigned int gnutls_certificate_get_verify_flags(gnutls_certificate_credentials_t res) {
  return res != nullptr ? res->verify_flags : 0;
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
