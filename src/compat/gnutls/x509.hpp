// The insides of the X.509 certificate and public key handles
// (gnutls_x509_crt_t, gnutls_pubkey_t). Only src/compat/gnutls includes this.
#pragma once

#include <gnutls/abstract.h>
#include <gnutls/x509.h>

#include <optional>

#include "base/bytes.hpp"
#include "crypto/x509.hpp"

struct gnutls_x509_crt_int {
  // Empty until gnutls_x509_crt_import succeeds.
  std::optional<coda::crypto::Certificate> cert;
};

struct gnutls_pubkey_st {
  // DER SubjectPublicKeyInfo; empty until a key is imported.
  coda::Bytes spki;
};
