// gnutls_certificate_set_known_dh_params and
// gnutls_anon_set_server_known_dh_params: the RFC 7919 group a server
// would use for finite-field DHE. Coda negotiates no DHE suite yet (issue
// 13: the parameters are accepted, DHE itself comes with the protocol
// coverage work), so there is nothing to store: the credentials serve
// ECDHE as before. gnutls-serv sets them at start and exits if this fails.
#include <gnutls/gnutls.h>

#include "compat/gnutls/internal.hpp"

extern "C" {

int gnutls_certificate_set_known_dh_params(gnutls_certificate_credentials_t res,
                                           gnutls_sec_param_t sec_param) {
  if (res == nullptr) return GNUTLS_E_INVALID_REQUEST;
  (void)sec_param;  // GnuTLS takes any value too (it picks a group by bits)
  return 0;
}

// Anonymous credentials exist only so programs that allocate them run
// (credentials.cpp): no anonymous key exchange uses them either.
int gnutls_anon_set_server_known_dh_params(gnutls_anon_server_credentials_t res,
                                           gnutls_sec_param_t sec_param) {
  if (res == nullptr) return GNUTLS_E_INVALID_REQUEST;
  (void)sec_param;
  return 0;
}

}  // extern "C"
