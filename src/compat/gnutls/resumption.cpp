// Session resumption and the other session calls a client makes around the
// handshake (wget: save the session for FTPS data connections, check
// whether it was resumed). Coda does not resume sessions, and says so.
//
//   gnutls_session_get_data2   GNUTLS_E_INVALID_REQUEST before the handshake
//                              (as GnuTLS), GNUTLS_E_UNIMPLEMENTED_FEATURE
//                              after it: there is no resumption data.
//   gnutls_session_set_data    GNUTLS_E_UNIMPLEMENTED_FEATURE (GnuTLS gives
//                              GNUTLS_E_DB_ERROR for data it cannot use;
//                              either way the handshake is a full one).
//   gnutls_session_is_resumed  0: no session ever is.
//   gnutls_session_enable_compatibility_mode
//                              nothing to do: Coda has no interoperability
//                              workarounds to switch on or off.
//   gnutls_reauth              GNUTLS_E_INVALID_REQUEST, as GnuTLS answers
//                              when post-handshake authentication was not
//                              negotiated; Coda never negotiates it.
#include "compat/gnutls/internal.hpp"
#include "compat/gnutls/session.hpp"

extern "C" {

int gnutls_session_get_data2(gnutls_session_t session, gnutls_datum_t* data) {
  if (data) *data = gnutls_datum_t{nullptr, 0};
  if (session == nullptr || data == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!session->conn || !session->conn->handshake_complete()) return GNUTLS_E_INVALID_REQUEST;
  return GNUTLS_E_UNIMPLEMENTED_FEATURE;
}

int gnutls_session_set_data(gnutls_session_t session, const void* session_data,
                            size_t session_data_size) {
  (void)session_data;
  (void)session_data_size;
  if (session == nullptr) return GNUTLS_E_INVALID_REQUEST;
  return GNUTLS_E_UNIMPLEMENTED_FEATURE;
}

int gnutls_session_is_resumed(gnutls_session_t session) {
  (void)session;
  return 0;
}

void gnutls_session_enable_compatibility_mode(gnutls_session_t session) {
  (void)session;
}

int gnutls_reauth(gnutls_session_t session, unsigned int flags) {
  (void)session;
  (void)flags;
  return GNUTLS_E_INVALID_REQUEST;
}

}  // extern "C"
