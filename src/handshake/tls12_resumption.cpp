#include "handshake/tls12_resumption.hpp"

#include <algorithm>

#include "config/session_info.hpp"
#include "handshake/cipher_suites.hpp"
#include "handshake/ticket.hpp"

namespace coda::hs {
namespace {

constexpr uint16_t kSessionTicketType = static_cast<uint16_t>(ExtensionType::session_ticket);

bool suite_usable(const Config& config, const ClientHello& ch, CipherSuite suite) {
  const SuiteInfo* info = find_suite(suite);
  return info != nullptr && info->version == ProtocolVersion::tls12 &&
         std::find(config.cipher_suites.begin(), config.cipher_suites.end(), suite) !=
             config.cipher_suites.end() &&
         std::find(ch.cipher_suites.begin(), ch.cipher_suites.end(),
                   static_cast<uint16_t>(suite)) != ch.cipher_suites.end();
}

bool acceptable(const Config& config, const ClientHello& ch, const ServerSession12& s) {
  const uint64_t now = config.now_ms() / 1000;
  // RFC 7627 5.3: a session without the extended master secret is never
  // resumed with it (and Coda does no handshake without it).
  if (!s.extended_master_secret || !ch.extended_master_secret) return false;
  if (now < s.created_s || now >= s.expires_s) return false;
  // RFC 6066 3: a session is resumed only for the name it was made for.
  if (s.server_name != ch.server_name.value_or("")) return false;
  // RFC 5246 7.4.1.2: the resumed session's suite must be in the hello.
  return suite_usable(config, ch, s.cipher_suite);
}

}  // namespace

Result<Bytes> seal_ticket12(const ServerSession12& session, ByteView key,
                            crypto::RandomSource& random) {
  const SecureBytes plain = session.serialize();
  if (plain.empty()) return Error::make(ErrorKind::internal, "ticket contents too long");
  return seal_ticket_plaintext(kTicket12Format, plain, key, random);
}

std::optional<ServerSession12> open_ticket12(ByteView ticket, ByteView key) {
  auto plain = open_ticket_plaintext(kTicket12Format, ticket, key);
  if (!plain) return std::nullopt;
  return ServerSession12::parse(*plain);
}

std::optional<ServerSession12> open_ticket12(ByteView ticket, const TicketKeys& keys) {
  auto plain = open_ticket_plaintext(kTicket12Format, ticket, keys);
  if (!plain) return std::nullopt;
  return ServerSession12::parse(*plain);
}

std::optional<ByteView> session_ticket_extension(const std::vector<RawExtension>& extensions) {
  for (const auto& e : extensions) {
    if (e.type == kSessionTicketType) return ByteView(e.body);
  }
  return std::nullopt;
}

void offer_session12(const Config& config, ClientHello& hello, crypto::RandomSource& random,
                     bool tls12) {
  if (config.client_session_id) hello.legacy_session_id = *config.client_session_id;
  if (!tls12) return;
  std::shared_ptr<const ResumableSession12> offer;
  const auto& s = config.resume12;
  // RFC 6066 3: resume only with the name of the original session.
  if (s && s->offerable() && s->server_name == config.server_name &&
      (!s->session_id.empty() || config.tickets_enabled)) {
    offer = s;
  }
  if (offer && !offer->session_id.empty()) {
    hello.legacy_session_id = offer->session_id;
  } else if (offer && hello.legacy_session_id.empty()) {
    // RFC 5077 3.4: a ticket goes with a session id of the client's own.
    hello.legacy_session_id.resize(kMaxSessionIdLength);
    random.fill(hello.legacy_session_id);
  }
  if (config.tickets_enabled) {
    const bool with_ticket = offer && !offer->ticket.empty();
    hello.other_extensions.push_back({kSessionTicketType, with_ticket ? offer->ticket : Bytes{}});
  }
}

std::optional<FoundSession12> find_session12(const Config& config, const ClientHello& ch) {
  // The cache first, then the ticket: the order GnuTLS asks them in (its
  // retrieve callback is called for a hello that resumes by ticket too).
  if (config.session_cache && !ch.legacy_session_id.empty()) {
    auto entry = config.session_cache->retrieve(ch.legacy_session_id);
    if (entry) {
      auto s = ServerSession12::parse(*entry);
      if (s && acceptable(config, ch, *s)) return FoundSession12{std::move(*s), false};
    }
  }
  if (config.tickets_enabled && config.accept_tickets) {
    const auto ticket = session_ticket_extension(ch.other_extensions);
    if (ticket && !ticket->empty()) {
      auto s = open_ticket12(*ticket, server_ticket_keys(config));
      // RFC 5077 3.4: the server echoes the client's session id to say
      // it took the ticket, so there must be one.
      if (s && !ch.legacy_session_id.empty() && acceptable(config, ch, *s)) {
        return FoundSession12{std::move(*s), /*from_ticket=*/true};
      }
    }
  }
  return std::nullopt;
}

ServerSession12 make_server_session12(const Config& config, CipherSuite suite, ByteView master,
                                      const SessionInfo& info) {
  ServerSession12 s;
  s.created_s = config.now_ms() / 1000;
  s.expires_s = s.created_s + config.ticket_lifetime;
  s.cipher_suite = suite;
  s.master_secret.assign(master.begin(), master.end());
  s.extended_master_secret = true;
  s.server_name = info.server_name;
  for (const auto& cert : info.peer_chain) {
    s.peer_chain.emplace_back(cert.der().begin(), cert.der().end());
  }
  s.peer_verify_status = info.peer_verify_status;
  return s;
}

}  // namespace coda::hs
