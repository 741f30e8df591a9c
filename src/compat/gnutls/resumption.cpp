// Session resumption (TLS 1.3 tickets, RFC 8446 2.2 and 4.6.1) as GnuTLS
// programs ask for it, and the session calls a client makes around the
// handshake. Each returns what GnuTLS 3.7.9 returns in the same case
// (measured with tests/differential, resumption scenarios):
//
//   gnutls_session_get_data2   GNUTLS_E_INVALID_REQUEST for NULL, or before
//                              any priority is set; GNUTLS_E_INTERNAL_ERROR
//                              before a TLS 1.2 handshake completed (the
//                              priority's highest version); otherwise 0 and either
//                              the newest ticket's session data or GnuTLS's
//                              4-byte "no session data". A TLS 1.3 client
//                              with no ticket yet first waits a moment for
//                              one (GnuTLS: about the handshake's round trip
//                              plus 60 ms), keeping any data it reads.
//   gnutls_session_get_data    the same into the program's buffer;
//                              GNUTLS_E_SHORT_MEMORY_BUFFER (and the size
//                              needed) when it is NULL or too small.
//   gnutls_session_set_data    0 for session data of ours or the "no data"
//                              value; GNUTLS_E_INVALID_REQUEST for NULL or
//                              empty data; GNUTLS_E_DB_ERROR for data that
//                              is not session data; GNUTLS_E_PARSING_ERROR
//                              for ours, truncated or damaged. A ticket the
//                              server no longer takes (damaged inside,
//                              expired, another key) is a full handshake.
//   gnutls_session_is_resumed  1 once a handshake resumed a session.
//   gnutls_session_resumption_requested
//                              server: 1 when the client offered a ticket;
//                              client: 0.
//   gnutls_session_ticket_key_generate
//                              64 random bytes (GnuTLS's master key size).
//   gnutls_session_ticket_enable_server
//                              GNUTLS_E_INVALID_REQUEST unless the key has
//                              64 bytes; 0 (and nothing to do) for a client.
//                              The keys in use derive from the program's,
//                              a new one each expiration period (the last
//                              period's still opens tickets), so servers
//                              given one key take each other's tickets.
//   gnutls_session_ticket_enable_client
//                              0; clears GNUTLS_NO_TICKETS, as GnuTLS.
//   gnutls_session_ticket_send GNUTLS_E_INVALID_REQUEST for a client, before
//                              the handshake, in TLS 1.2, or for 0 tickets;
//                              0 once sent (nothing is sent without a ticket
//                              key). At most 64 tickets per call.
//   gnutls_session_enable_compatibility_mode
//                              nothing to do: Coda has no interoperability
//                              workarounds to switch on or off.
//   gnutls_reauth              GNUTLS_E_INVALID_REQUEST, as GnuTLS answers
//                              when post-handshake authentication was not
//                              negotiated; Coda never negotiates it.
// TLS 1.2: get_data gives the session to resume by id or ticket
// (ResumableSession12), set_data takes it back; the cache and id calls are
// in session_db.cpp. Not done yet (issue 12): 0-RTT, ticket key rotation.
#include <algorithm>
#include <array>
#include <cstring>

#include "compat/gnutls/internal.hpp"
#include "compat/gnutls/io.hpp"
#include "compat/gnutls/session.hpp"
#include "crypto/random.hpp"

using namespace coda::compat;

namespace {

// GnuTLS's serialized "no session data": four zero bytes.
constexpr std::array<unsigned char, 4> kNoSessionData{};
// GnuTLS's TICKET_MASTER_KEY_SIZE: what key_generate makes and
// enable_server takes.
constexpr size_t kProgramTicketKeySize = 64;
// How long a TLS 1.3 client's get_data waits for a ticket still on its way.
constexpr unsigned kTicketWaitMs = 60;

int give_datum(coda::ByteView bytes, gnutls_datum_t* out) {
  auto* copy = static_cast<unsigned char*>(gnutls_malloc(bytes.empty() ? 1 : bytes.size()));
  if (copy == nullptr) return GNUTLS_E_MEMORY_ERROR;
  if (!bytes.empty()) std::memcpy(copy, bytes.data(), bytes.size());
  *out = gnutls_datum_t{copy, static_cast<unsigned>(bytes.size())};
  return 0;
}

// A TLS 1.3 ticket usually follows the server's Finished at once, and a
// client asks for its session data right after the handshake: read, for a
// moment, the records already on their way (application data among them is
// kept for gnutls_record_recv).
void wait_for_ticket(gnutls_session_t s) {
  coda::Connection& conn = *s->conn;
  if (conn.info().ticket || conn.role() != coda::Role::client) return;
  if (conn.info().version != coda::ProtocolVersion::tls13) return;
  const bool nonblocking = (s->flags & GNUTLS_NONBLOCK) != 0;
  // A blocking transport with no way to wait briefly would block for good.
  if (!nonblocking && s->pull_timeout == nullptr) return;
  const Deadline deadline = deadline_after(kTicketWaitMs);
  while (!conn.info().ticket && !conn.error() && conn.read_state() == coda::DirectionState::open &&
         conn.app_data_available() == 0) {
    if (fill_input(s, deadline) != 0) break;
  }
}

// The session data of the newest ticket, or GnuTLS's "no data".
coda::SecureBytes session_data(gnutls_session_t s) {
  if (s->conn && s->conn->info().version == coda::ProtocolVersion::tls12 &&
      s->conn->info().session12) {
    return s->conn->info().session12->serialize();
  }
  if (s->conn && s->conn->info().ticket) return s->conn->info().ticket->serialize();
  return coda::SecureBytes(kNoSessionData.begin(), kNoSessionData.end());
}

// Before a handshake GnuTLS knows no version until a priority is set.
bool version_known(gnutls_session_t s) {
  return s->conn != nullptr || s->priority.has_value();
}

// GnuTLS packs a TLS 1.2 session whatever its state, and fails
// (GNUTLS_E_INTERNAL_ERROR) before there is one: when the priority's
// highest version is TLS 1.2 and no handshake has completed.
bool tls12_without_session(gnutls_session_t s) {
  if (s->conn && s->conn->handshake_complete()) return false;
  const coda::Priority& p = s->priority ? *s->priority : default_priority();
  return !p.versions.empty() && p.versions.front() == coda::ProtocolVersion::tls12;
}

}  // namespace

extern "C" {

int gnutls_session_get_data2(gnutls_session_t session, gnutls_datum_t* data) {
  if (data) *data = gnutls_datum_t{nullptr, 0};
  if (session == nullptr || data == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!version_known(session)) return GNUTLS_E_INVALID_REQUEST;
  if (tls12_without_session(session)) return GNUTLS_E_INTERNAL_ERROR;
  if (session->conn && session->conn->handshake_complete()) wait_for_ticket(session);
  const coda::SecureBytes bytes = session_data(session);
  return give_datum(bytes, data);
}

int gnutls_session_get_data(gnutls_session_t session, void* session_data_out,
                            size_t* session_data_size) {
  if (session == nullptr || session_data_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!version_known(session)) return GNUTLS_E_INVALID_REQUEST;
  if (tls12_without_session(session)) return GNUTLS_E_INTERNAL_ERROR;
  if (session->conn && session->conn->handshake_complete()) wait_for_ticket(session);
  const coda::SecureBytes bytes = session_data(session);
  if (session_data_out == nullptr || *session_data_size < bytes.size()) {
    *session_data_size = bytes.size();
    return GNUTLS_E_SHORT_MEMORY_BUFFER;
  }
  *session_data_size = bytes.size();
  std::memcpy(session_data_out, bytes.data(), bytes.size());
  return 0;
}

int gnutls_session_set_data(gnutls_session_t session, const void* session_data_in,
                            size_t session_data_size) {
  // No data at all is no session to resume: an error, as in GnuTLS.
  if (session == nullptr || session_data_in == nullptr || session_data_size == 0) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  const coda::ByteView in(static_cast<const uint8_t*>(session_data_in), session_data_size);
  if (in.size() == kNoSessionData.size() &&
      std::memcmp(in.data(), kNoSessionData.data(), kNoSessionData.size()) == 0) {
    return 0;  // "no session data": nothing to resume
  }
  if (coda::ResumableSession12::is_format(in)) {
    auto parsed12 = coda::ResumableSession12::parse(in);
    if (!parsed12) return GNUTLS_E_PARSING_ERROR;
    session->resume12 = std::make_shared<const coda::ResumableSession12>(std::move(*parsed12));
    session->resume.reset();
    return 0;
  }
  coda::ResumableSession::ParseError why{};
  auto parsed = coda::ResumableSession::parse(in, &why);
  if (!parsed) {
    return why == coda::ResumableSession::ParseError::unknown_format ? GNUTLS_E_DB_ERROR
                                                                     : GNUTLS_E_PARSING_ERROR;
  }
  session->resume = std::make_shared<const coda::ResumableSession>(std::move(*parsed));
  session->resume12.reset();
  return 0;
}

int gnutls_session_is_resumed(gnutls_session_t session) {
  if (session == nullptr || !session->conn) return 0;
  return session->conn->info().resumed ? 1 : 0;
}

int gnutls_session_resumption_requested(gnutls_session_t session) {
  if (session == nullptr || session->role != coda::Role::server || !session->conn) return 0;
  return session->conn->info().resumption_offered ? 1 : 0;
}

int gnutls_session_ticket_key_generate(gnutls_datum_t* key) {
  if (key == nullptr) return GNUTLS_E_INVALID_REQUEST;
  *key = gnutls_datum_t{nullptr, 0};
  coda::SecureBytes bytes(kProgramTicketKeySize);
  coda::crypto::system_random().fill(bytes);
  return give_datum(bytes, key);
}

int gnutls_session_ticket_enable_server(gnutls_session_t session, const gnutls_datum_t* key) {
  if (session == nullptr || key == nullptr || key->data == nullptr ||
      key->size != kProgramTicketKeySize) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  if (session->role != coda::Role::server) return 0;
  // The engine derives the keys in use from it, one per expiration period
  // (handshake/ticket.hpp), as GnuTLS does from its program's key: servers
  // given the same key and expiration take each other's tickets.
  session->ticket_key = std::make_shared<const coda::SecureBytes>(key->data, key->data + key->size);
  session->flags &= ~static_cast<unsigned>(GNUTLS_NO_TICKETS);
  return 0;
}

int gnutls_session_ticket_enable_client(gnutls_session_t session) {
  if (session == nullptr) return GNUTLS_E_INVALID_REQUEST;
  session->flags &= ~static_cast<unsigned>(GNUTLS_NO_TICKETS);
  return 0;
}

int gnutls_session_ticket_send(gnutls_session_t session, unsigned nr, unsigned flags) {
  (void)flags;
  if (session == nullptr || session->role != coda::Role::server || !session->conn ||
      !session->conn->handshake_complete()) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  if (session->conn->info().version != coda::ProtocolVersion::tls13) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  if (nr == 0) return GNUTLS_E_INVALID_REQUEST;
  // Far more than any program asks for; each ticket costs a record.
  constexpr unsigned kMaxTicketsPerCall = 64;
  nr = std::min(nr, kMaxTicketsPerCall);
  // Without a key GnuTLS sends nothing and says 0.
  if (session->ticket_key == nullptr || (session->flags & GNUTLS_NO_TICKETS) != 0) return 0;
  const auto sent = session->conn->send_session_tickets(nr);
  if (!sent) return coda::compat::error_code(sent.error());
  return flush_output(session);
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
