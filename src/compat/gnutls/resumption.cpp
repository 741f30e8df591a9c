// Session resumption and the other session calls a client makes around the
// handshake (wget: save the session for FTPS data connections, check
// whether it was resumed). Coda does not resume sessions, and says so.
//
//   gnutls_session_get_data2   GNUTLS_E_INVALID_REQUEST before the handshake
//                              (as GnuTLS); after it, what GnuTLS gives when
//                              no ticket arrived: 0 and its 4-byte "no
//                              session data" value. That is the truth here.
//   gnutls_session_set_data    0 for that "no data" value (nothing to resume,
//                              as GnuTLS), GNUTLS_E_INVALID_REQUEST for NULL
//                              or empty data, GNUTLS_E_DB_ERROR for anything
//                              else, as GnuTLS for data it cannot use: the
//                              handshake is a full one either way.
//   gnutls_session_is_resumed  0: no session ever is.
//   gnutls_session_enable_compatibility_mode
//                              nothing to do: Coda has no interoperability
//                              workarounds to switch on or off.
//   gnutls_reauth              GNUTLS_E_INVALID_REQUEST, as GnuTLS answers
//                              when post-handshake authentication was not
//                              negotiated; Coda never negotiates it.
#include <array>
#include <cstring>

#include "compat/gnutls/internal.hpp"
#include "compat/gnutls/session.hpp"

namespace {
// GnuTLS's serialized "no session data": four zero bytes.
constexpr std::array<unsigned char, 4> kNoSessionData{};
}  // namespace

extern "C" {

int gnutls_session_get_data2(gnutls_session_t session, gnutls_datum_t* data) {
  if (data) *data = gnutls_datum_t{nullptr, 0};
  if (session == nullptr || data == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!session->conn || !session->conn->handshake_complete()) return GNUTLS_E_INVALID_REQUEST;
  auto* empty = static_cast<unsigned char*>(gnutls_malloc(kNoSessionData.size()));
  if (empty == nullptr) return GNUTLS_E_MEMORY_ERROR;
  std::memcpy(empty, kNoSessionData.data(), kNoSessionData.size());
  *data = gnutls_datum_t{empty, static_cast<unsigned>(kNoSessionData.size())};
  return 0;
}

int gnutls_session_set_data(gnutls_session_t session, const void* session_data,
                            size_t session_data_size) {
  // No data at all is no session to resume: an error, as in GnuTLS.
  if (session == nullptr || session_data == nullptr || session_data_size == 0) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  const bool no_data = session_data_size == kNoSessionData.size() &&
                       std::memcmp(session_data, kNoSessionData.data(), kNoSessionData.size()) == 0;
  return no_data ? 0 : GNUTLS_E_DB_ERROR;
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
