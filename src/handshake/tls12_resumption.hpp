// TLS 1.2 resumption (RFC 5246 7.3 abbreviated handshake, RFC 5077 session
// tickets, RFC 7627 5.3): what the ClientHello offers, and how a server
// finds the session a ClientHello asks for, by ticket or by session id.
#pragma once

#include <optional>

#include "base/bytes.hpp"
#include "config/config.hpp"
#include "config/session12.hpp"
#include "config/session_info.hpp"
#include "crypto/random.hpp"
#include "handshake/messages.hpp"
#include "handshake/ticket.hpp"

namespace coda::hs {

// The format byte of TLS 1.2 tickets in ticket.hpp's sealing.
inline constexpr uint8_t kTicket12Format = 2;

// A ticket holding `session`, sealed under `key` (ticket.hpp).
Result<Bytes> seal_ticket12(const ServerSession12& session, ByteView key,
                            crypto::RandomSource& random);
// nullopt for anything that is not a TLS 1.2 ticket sealed under `key`
// (or either of `keys`).
std::optional<ServerSession12> open_ticket12(ByteView ticket, ByteView key);
std::optional<ServerSession12> open_ticket12(ByteView ticket, const TicketKeys& keys);

// The body of a hello's SessionTicket extension; nullopt: absent.
std::optional<ByteView> session_ticket_extension(const std::vector<RawExtension>& extensions);

// Client: sets the ClientHello's session id and SessionTicket extension
// for TLS 1.2 (RFC 5077 3.1, 3.4): the id of config.resume12 when it has
// one, a fresh random id when it has only a ticket (so an accepted ticket
// shows by its echo), the program's id (gnutls_session_set_id); the
// SessionTicket extension, empty or with the ticket, unless tickets are
// off; with `tls12` false (TLS 1.2 not offered) only the program's id.
void offer_session12(const Config& config, ClientHello& hello, crypto::RandomSource& random,
                     bool tls12);

// Server: the session the ClientHello asks to resume (its ticket first,
// then its session id in the cache), if it is ours, whole, unexpired, made
// with the extended master secret and for the same server_name, and its
// suite is one we and the client still offer. Anything else: nullopt, a
// full handshake. `from_ticket` says which; `offered` whether the client
// asked at all (a ticket, or a session id we could look up).
struct FoundSession12 {
  ServerSession12 session;
  bool from_ticket = false;
};
std::optional<FoundSession12> find_session12(const Config& config, const ClientHello& ch);

// A new session's entry (cache) or ticket contents, valid from now for
// config.ticket_lifetime seconds.
ServerSession12 make_server_session12(const Config& config, CipherSuite suite, ByteView master,
                                      const SessionInfo& info);

}  // namespace coda::hs
