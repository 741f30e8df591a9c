// The insides of the GnuTLS handles. Only src/compat/gnutls includes this;
// programs see the opaque typedefs of include/gnutls/gnutls.h.
#pragma once

#include <gnutls/gnutls.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compat/gnutls/trust_list.hpp"
#include "config/anti_replay.hpp"
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
  // gnutls_certificate_set_verify_limits: the longest peer chain accepted
  // (GnuTLS's default 16) and the largest key, in bits (not checked yet).
  unsigned verify_max_depth = 16;
  unsigned verify_max_bits = 16384;
  // The list given by gnutls_certificate_set_trust_list, which the
  // credentials now own (its store is `trust`).
  std::shared_ptr<gnutls_x509_trust_list_st> trust_list;
  // The handles gnutls_certificate_get_issuer hands out.
  std::vector<std::unique_ptr<gnutls_x509_crt_int>> issuer_handles;
  // gnutls_certificate_set_dh_params (a copy) and _set_known_dh_params:
  // kept for when DHE is negotiated; no suite uses them yet.
  std::optional<coda::crypto::DhParams> dh_params;
  gnutls_sec_param_t dh_sec_param = GNUTLS_SEC_PARAM_UNKNOWN;
};

// gnutls_anti_replay_t (early_data.cpp): the ClientHello recording that
// sessions given it by gnutls_anti_replay_enable share, and the program's
// store. The store's callback is shared with the recording so that a
// session outliving the handle never calls into freed memory.
struct gnutls_anti_replay_st {
  struct Store {
    gnutls_db_add_func add = nullptr;
    void* ptr = nullptr;
  };
  std::shared_ptr<Store> store;
  std::shared_ptr<coda::AntiReplay> recording;
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
