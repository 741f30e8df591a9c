// gnutls_alpn_*: the protocols a session offers or accepts (RFC 7301), set
// before the handshake, and the one it settled on.
#include <string>
#include <vector>

#include "compat/gnutls/session.hpp"

namespace {

// GnuTLS's limits: at most 8 protocols, each name shorter than 32 bytes.
constexpr unsigned kMaxProtocols = 8;
constexpr unsigned kMaxNameLength = 31;

}  // namespace

extern "C" {

int gnutls_alpn_set_protocols(gnutls_session_t session, const gnutls_datum_t* protocols,
                              unsigned protocols_size, unsigned flags) {
  if (session == nullptr || (protocols == nullptr && protocols_size != 0) ||
      protocols_size > kMaxProtocols) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  std::vector<std::string> names;
  for (unsigned i = 0; i < protocols_size; ++i) {
    const gnutls_datum_t& p = protocols[i];
    if (p.size > kMaxNameLength || (p.data == nullptr && p.size != 0)) {
      return GNUTLS_E_INVALID_REQUEST;
    }
    // RFC 7301 3.1: empty names must not be sent; GnuTLS accepts them in
    // the list, so they are dropped here rather than refused.
    if (p.size != 0) names.emplace_back(reinterpret_cast<const char*>(p.data), p.size);
  }
  session->alpn_protocols = std::move(names);
  session->alpn_flags = flags;
  return 0;
}

int gnutls_alpn_get_selected_protocol(gnutls_session_t session, gnutls_datum_t* protocol) {
  if (session == nullptr || protocol == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!session->conn || session->conn->info().alpn.empty()) {
    return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  }
  const std::string& name = session->conn->info().alpn;
  // The name stays the session's, as in GnuTLS.
  protocol->data = reinterpret_cast<unsigned char*>(const_cast<char*>(name.data()));
  protocol->size = static_cast<unsigned>(name.size());
  return 0;
}

}  // extern "C"
