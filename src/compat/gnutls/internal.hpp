// The insides of the GnuTLS handles. Only src/compat/gnutls includes this;
// programs see the opaque typedefs of include/gnutls/gnutls.h.
#pragma once

#include <gnutls/gnutls.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "config/priority.hpp"
#include "crypto/dh_params.hpp"
#include "crypto/x509.hpp"
#include "engine/connection.hpp"

struct gnutls_priority_st {
  coda::Priority priority;
};

struct gnutls_certificate_credentials_st {
  // Server (or client) certificate chains with their keys, in the order added.
  std::vector<std::shared_ptr<const coda::CertifiedKey>> keys;
  // Trust anchors; created by the first set_x509_trust_* call.
  std::shared_ptr<coda::crypto::TrustStore> trust;
  unsigned verify_flags = 0;
  gnutls_certificate_verify_function* verify_function = nullptr;
  // gnutls_certificate_set_dh_params (a copy) and _set_known_dh_params:
  // kept for when DHE is negotiated; no suite uses them yet.
  std::optional<coda::crypto::DhParams> dh_params;
  gnutls_sec_param_t dh_sec_param = GNUTLS_SEC_PARAM_UNKNOWN;
};

struct gnutls_anon_client_credentials_st {
  int unused = 0;
};
struct gnutls_anon_server_credentials_st {
  // gnutls_anon_set_server_dh_params / _known_dh_params: kept, unused (no
  // anonymous key exchange).
  std::optional<coda::crypto::DhParams> dh_params;
  gnutls_sec_param_t dh_sec_param = GNUTLS_SEC_PARAM_UNKNOWN;
};

namespace coda::compat {

// Maps an engine error to the GnuTLS error number a GnuTLS program expects.
int error_code(const Error& error);

// The default priority ("NORMAL"), parsed once.
const Priority& default_priority();

}  // namespace coda::compat
