// The insides of the X.509 handles (gnutls_x509_crt_t, gnutls_x509_dn_t,
// gnutls_pubkey_t). Only src/compat/gnutls includes this.
#pragma once

#include <gnutls/abstract.h>
#include <gnutls/x509.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "crypto/x509.hpp"
#include "crypto/x509_crl.hpp"
#include "crypto/x509_fields.hpp"

struct gnutls_x509_dn_st {
  // Empty until imported (or taken from a certificate).
  std::optional<coda::crypto::Name> name;
  // The attributes' OIDs NUL-terminated, where gnutls_x509_dn_get_rdn_ava's
  // datums point (they live as long as the handle).
  std::vector<std::string> oids;
  void set(coda::crypto::Name n);
};

struct gnutls_x509_crt_int {
  // Empty until gnutls_x509_crt_import succeeds.
  std::optional<coda::crypto::Certificate> cert;
  // The subject and issuer handed out by gnutls_x509_crt_get_subject and
  // _get_issuer: owned by the certificate, as in GnuTLS (callers do not
  // free them); made on first use.
  std::unique_ptr<gnutls_x509_dn_st> subject;
  std::unique_ptr<gnutls_x509_dn_st> issuer;
  // Replaces the certificate (and drops what was derived from the old one).
  void set(coda::crypto::Certificate c) {
    cert.emplace(std::move(c));
    subject.reset();
    issuer.reset();
  }
};

struct gnutls_x509_crl_int {
  // Empty until gnutls_x509_crl_import succeeds.
  std::optional<coda::crypto::Crl> crl;
};

struct gnutls_pubkey_st {
  // DER SubjectPublicKeyInfo; empty until a key is imported.
  coda::Bytes spki;
};

namespace coda::compat {

inline bool loaded(gnutls_x509_crt_t cert) {
  return cert != nullptr && cert->cert.has_value();
}

}  // namespace coda::compat
