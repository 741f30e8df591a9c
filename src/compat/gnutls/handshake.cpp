// gnutls_handshake: builds the engine from what the program set, then moves
// bytes until both Finished messages are through.
#include <memory>
#include <mutex>

#include "compat/gnutls/io.hpp"
#include "compat/gnutls/keylog.hpp"
#include "compat/gnutls/session.hpp"

namespace coda::compat {
namespace {

// GnuTLS 3.7.9 sends two NewSessionTicket messages after a TLS 1.3
// handshake (measured: tests/differential, resumption scenarios).
constexpr unsigned kGnutlsTicketsAfterHandshake = 2;

std::shared_ptr<const Config> make_config(gnutls_session_t s) {
  auto config = std::make_shared<Config>();
  config->role = s->role;
  config->apply(s->priority ? *s->priority : default_priority());

  // A client without certificate credentials offers what GnuTLS offers
  // then, which no server accepts; a server without them fails on the
  // ClientHello, as GnuTLS's does.
  config->without_credentials = s->role == Role::client && s->certificates == nullptr;
  if (s->certificates != nullptr) {
    if (s->role == Role::server) {
      config->certificates = s->certificates->keys;
    } else if (!s->certificates->keys.empty()) {
      config->client_certificate = s->certificates->keys.front();
    }
    config->trust = s->certificates->trust;
  }
  config->server_name = s->server_name;
  // Without gnutls_session_set_verify_cert the handshake accepts any chain
  // and the program asks gnutls_certificate_verify_peers3 afterwards.
  config->verify_peer = s->verify_certificate;
  config->verify_hostname = s->verify_hostname;
  config->alpn_protocols = s->alpn_protocols;
  config->alpn_mandatory = (s->alpn_flags & GNUTLS_ALPN_MANDATORY) != 0;
  config->alpn_server_precedence = (s->alpn_flags & GNUTLS_ALPN_SERVER_PRECEDENCE) != 0;
  config->send_ca_names = s->send_ca_names;
  // GnuTLS servers send and take tickets only once given a key; the init
  // flags GNUTLS_NO_TICKETS and GNUTLS_NO_AUTO_SEND_TICKET turn them off.
  const bool tickets = (s->flags & GNUTLS_NO_TICKETS) == 0;
  if (s->role == Role::server) {
    const bool serve = tickets && s->ticket_key != nullptr;
    config->ticket_key = s->ticket_key;
    config->accept_tickets = serve;
    config->tickets_after_handshake =
        serve && (s->flags & GNUTLS_NO_AUTO_SEND_TICKET) == 0 ? kGnutlsTicketsAfterHandshake : 0;
    config->session_cache = session_cache_of(s);
  } else {
    if (tickets) config->resume = s->resume;
    // A TLS 1.2 session id is offered even with GNUTLS_NO_TICKETS.
    config->resume12 = s->resume12;
    config->client_session_id = s->client_session_id;
  }
  // RFC 8446 4.2.10. A server takes 0-RTT only with GNUTLS_ENABLE_EARLY_DATA
  // (its tickets then allow it; taken when anti-replay admits it). A client
  // sends what gnutls_record_send_early_data gave when it resumes, with or
  // without the flag, as GnuTLS 3.7.9 does.
  if (tickets && s->role == Role::server && (s->flags & GNUTLS_ENABLE_EARLY_DATA) != 0) {
    config->accept_early_data = true;
    config->anti_replay = s->anti_replay;
  } else if (tickets && s->role == Role::client) {
    config->early_data = s->early_data_out;
  }
  if (s->max_early_data_size) config->max_early_data_size = *s->max_early_data_size;
  // A client with GNUTLS_NO_TICKETS sends no SessionTicket (RFC 5077).
  if (!tickets && s->role == Role::client) config->tickets_enabled = false;
  // GnuTLS's expiration applies to cached sessions and tickets alike.
  config->ticket_lifetime = s->cache_expiration;
  // The program's verify callback runs when the peer's chain is in (as
  // GnuTLS runs it: after its own verification, when asked for one). As in
  // GnuTLS, a return below -1 is the handshake's error, any other non-zero
  // one GNUTLS_E_CERTIFICATE_ERROR.
  gnutls_certificate_verify_function* verify = s->verify_function;
  if (verify == nullptr && s->certificates != nullptr) verify = s->certificates->verify_function;
  if (verify != nullptr) {
    config->peer_certificate_check = [s, verify]() {
      const int ret = verify(s);
      if (ret == 0) return 0;
      s->hook_error = ret < -1 ? ret : GNUTLS_E_CERTIFICATE_ERROR;
      return 1;
    };
  }
  switch (s->client_certificate_request) {
    case GNUTLS_CERT_REQUEST:
      config->client_auth = Config::ClientAuth::request;
      break;
    case GNUTLS_CERT_REQUIRE:
      config->client_auth = Config::ClientAuth::require;
      break;
    default:
      config->client_auth = Config::ClientAuth::none;
      break;
  }
  return config;
}

// Forwards the engine's handshake messages to the program's hook.
int call_hook(gnutls_session_t s, uint8_t type, bool incoming, bool post, ByteView message) {
  // A message received counts as the last in as soon as it arrives (so a
  // handshake that fails on it names it); one sent once it is out.
  if (incoming && !post) s->last_in = type;
  if (!incoming && post) s->last_out = type;
  if (s->hook == nullptr) return 0;
  const unsigned when = post ? GNUTLS_HOOK_POST : GNUTLS_HOOK_PRE;
  if (s->hook_when != GNUTLS_HOOK_BOTH && static_cast<unsigned>(s->hook_when) != when) return 0;
  if (s->hook_type != GNUTLS_HANDSHAKE_ANY && s->hook_type != type) return 0;
  gnutls_datum_t datum{const_cast<uint8_t*>(message.data()), static_cast<unsigned>(message.size())};
  s->in_hook = true;
  const int ret = s->hook(s, type, when, incoming ? 1 : 0, &datum);
  s->in_hook = false;
  if (ret < 0) s->hook_error = ret;
  return ret < 0 ? ret : 0;
}

// gnutls_handshake on an established session. In TLS 1.3 GnuTLS has a
// client send a KeyUpdate that asks the server for one too, and a server do
// nothing; so do we. TLS 1.2 renegotiation Coda refuses, and says so rather
// than pretend a new handshake happened.
int handshake_again(gnutls_session_t s) {
  if (s->conn->info().version != ProtocolVersion::tls13) return GNUTLS_E_UNIMPLEMENTED_FEATURE;
  if (s->role == Role::server) return 0;
  const auto status = s->conn->update_keys(/*request_peer=*/true);
  if (!status) return error_code(status.error());
  return flush_output(s);
}

int start_engine(gnutls_session_t s) {
  auto conn = Connection::create(make_config(s));
  if (!conn) return error_code(conn.error());
  s->conn = std::move(conn).value();
  s->conn->set_handshake_observer([s](uint8_t type, bool incoming, bool post, ByteView message) {
    return call_hook(s, type, incoming, post, message);
  });
  connect_keylog(s);
  return 0;
}

}  // namespace
}  // namespace coda::compat

using namespace coda::compat;

extern "C" {

int gnutls_handshake(gnutls_session_t session) {
  if (session == nullptr) return GNUTLS_E_INVALID_REQUEST;
  gnutls_session_t s = session;
  if (s->in_hook) return GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE;
  if (s->pull_failed) return GNUTLS_E_INVALID_SESSION;  // as GnuTLS after E_PULL_ERROR
  if (!s->conn) {
    const int ret = start_engine(s);
    if (ret < 0) return ret;
  } else if (s->handshake_returned) {
    // Not a resumed call after E_AGAIN: the program asks for a new handshake.
    return handshake_again(s);
  }
  const Deadline deadline =
      s->handshake_timeout_ms ? deadline_after(*s->handshake_timeout_ms) : std::nullopt;
  for (;;) {
    const int flushed = flush_output(s);
    if (s->conn->error()) {
      if (s->hook_error < 0 && !s->fatal_error_reported) {
        s->fatal_error_reported = true;
        return s->hook_error;
      }
      return read_error(s);
    }
    if (flushed < 0) return flushed;
    if (s->conn->handshake_complete()) {
      s->handshake_returned = true;
      return 0;
    }
    // The peer's close_notify mid-handshake: it will send nothing more, so
    // the handshake cannot finish. As GnuTLS: the end of the session once,
    // then no data to be had.
    if (s->conn->read_state() == coda::DirectionState::closed) {
      if (s->handshake_eof_reported) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
      s->handshake_eof_reported = true;
      return GNUTLS_E_SESSION_EOF;
    }
    const int got = fill_input(s, deadline);
    if (got == kEndOfFile) {
      if (s->conn->error()) return read_error(s);
      return GNUTLS_E_PREMATURE_TERMINATION;
    }
    if (got < 0) return got;
  }
}

int gnutls_session_key_update(gnutls_session_t session, unsigned flags) {
  if (session == nullptr || !session->conn) return GNUTLS_E_INVALID_REQUEST;
  {
    // The sending thread may ask while another one receives (record.cpp).
    const std::lock_guard engine(session->engine_mutex);
    if (!session->conn->handshake_complete()) return GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE;
    const auto status = session->conn->update_keys((flags & GNUTLS_KU_PEER) != 0);
    if (!status) return error_code(status.error());
  }
  return flush_output(session);
}

int gnutls_rehandshake(gnutls_session_t session) {
  if (session == nullptr || session->role != coda::Role::server) return GNUTLS_E_INVALID_REQUEST;
  if (!session->conn || !session->conn->handshake_complete()) return GNUTLS_E_INVALID_REQUEST;
  // TLS 1.3 has no renegotiation: as in GnuTLS, a server's request becomes
  // a KeyUpdate that asks the peer to update too. TLS 1.2 renegotiation
  // Coda does not do.
  if (session->conn->info().version != coda::ProtocolVersion::tls13) {
    return GNUTLS_E_UNIMPLEMENTED_FEATURE;
  }
  return gnutls_session_key_update(session, GNUTLS_KU_PEER);
}

void gnutls_handshake_set_hook_function(gnutls_session_t session, unsigned int htype, int when,
                                        gnutls_handshake_hook_func func) {
  if (session == nullptr) return;
  session->hook = func;
  session->hook_type = htype;
  session->hook_when = when;
}

gnutls_handshake_description_t gnutls_handshake_get_last_in(gnutls_session_t session) {
  if (session == nullptr || session->last_in < 0)
    return static_cast<gnutls_handshake_description_t>(-1);
  return static_cast<gnutls_handshake_description_t>(session->last_in);
}

gnutls_handshake_description_t gnutls_handshake_get_last_out(gnutls_session_t session) {
  if (session == nullptr || session->last_out < 0)
    return static_cast<gnutls_handshake_description_t>(-1);
  return static_cast<gnutls_handshake_description_t>(session->last_out);
}

}  // extern "C"
