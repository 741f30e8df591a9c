// The TLS 1.2 server (RFC 5246 7.3): full handshake with ECDHE, extended
// master secret required, secure renegotiation indication, client
// certificates requested or required; the abbreviated handshake for a
// session found by ticket (RFC 5077) or session id; renegotiation refused.
#include <algorithm>
#include <optional>

#include "crypto/key_exchange.hpp"
#include "handshake/alpn.hpp"
#include "handshake/certificate_auth.hpp"
#include "handshake/certificate_choice.hpp"
#include "handshake/messages12.hpp"
#include "handshake/prf12.hpp"
#include "handshake/send.hpp"
#include "handshake/tls12.hpp"
#include "handshake/tls12_common.hpp"
#include "handshake/tls12_resumption.hpp"
#include "handshake/tls13_common.hpp"

namespace coda::hs {
namespace {

enum class State : uint8_t {
  wait_client_certificate,
  wait_client_key_exchange,
  wait_certificate_verify,
  wait_change_cipher_spec,
  wait_finished,
  connected,
};

// RFC 5746 3.3: the signalling suite value that stands for an empty
// renegotiation_info; RFC 7507: the fallback SCSV.
constexpr uint16_t kEmptyRenegotiationInfoScsv = 0x00FF;
constexpr uint16_t kFallbackScsv = 0x5600;

// RFC 8422 5.1.1: an ECDSA certificate is usable only on a curve the client
// lists (when it lists any).
bool curve_acceptable(crypto::KeyType key, const std::vector<uint16_t>& client_groups) {
  if (client_groups.empty()) return true;
  switch (key) {
    case crypto::KeyType::ecdsa_p256:
      return contains(client_groups, NamedGroup::secp256r1);
    case crypto::KeyType::ecdsa_p384:
      return contains(client_groups, NamedGroup::secp384r1);
    case crypto::KeyType::ecdsa_p521:
      return contains(client_groups, NamedGroup::secp521r1);
    default:
      return true;
  }
}

class Tls12Server final : public HandshakeMachine {
 public:
  Tls12Server(const Config& config, SessionInfo& info, HandshakeSink& sink,
              crypto::RandomSource& random)
      : config_(config), info_(info), sink_(sink), random_(random) {}

  Status on_client_hello(const ClientHello& ch, const HandshakeMessage& m);
  Status start() override { return {}; }
  Status handle(const HandshakeMessage& m) override;
  bool complete() const override { return state_ == State::connected; }
  bool change_cipher_spec_allowed() const override {
    return state_ == State::wait_change_cipher_spec;
  }
  Status on_change_cipher_spec() override;
  bool application_data_allowed() const override { return complete(); }

 private:
  Status check_hello(const ClientHello& ch);
  Status negotiate(const ClientHello& ch);
  void start_server_hello(const ClientHello& ch, const HandshakeMessage& m, ServerHello& sh);
  Status resume(const ClientHello& ch, const HandshakeMessage& m, FoundSession12 found);
  Status send_new_session_ticket();
  Status send_finished();
  void keep_session();
  Status on_client_certificate(const HandshakeMessage& m);
  Status on_client_key_exchange(const HandshakeMessage& m);
  Status on_certificate_verify(const HandshakeMessage& m);
  Status on_finished(const HandshakeMessage& m);
  Status send(HandshakeType type, ByteView body);

  const Config& config_;
  SessionInfo& info_;
  HandshakeSink& sink_;
  crypto::RandomSource& random_;
  State state_ = State::wait_client_key_exchange;

  Transcript transcript_;
  const SuiteInfo* suite_ = nullptr;
  const CertifiedKey* certificate_ = nullptr;
  SignatureScheme scheme_{};
  NamedGroup group_{};
  std::array<uint8_t, 32> client_random_{};
  std::array<uint8_t, 32> server_random_{};
  std::optional<crypto::KeyShare> share_;
  bool client_certificate_received_ = false;
  SecureBytes master_;
  // The abbreviated handshake (RFC 5246 7.3): we send our Finished first.
  bool resumed_ = false;
  // RFC 5077 3.2: the client sent SessionTicket and we answered it, so a
  // NewSessionTicket precedes our ChangeCipherSpec.
  bool send_ticket_ = false;
};

Status Tls12Server::send(HandshakeType type, ByteView body) {
  return send_handshake(sink_, transcript_, type, body);
}

Status Tls12Server::check_hello(const ClientHello& ch) {
  // RFC 5246 7.4.1.2: the null compression method must be offered.
  if (std::find(ch.compression_methods.begin(), ch.compression_methods.end(), 0) ==
      ch.compression_methods.end()) {
    return illegal_parameter("null compression not offered");
  }
  // RFC 7507 3: a fallback retry while we could do better is refused.
  if (contains(ch.cipher_suites, kFallbackScsv) && config_.max_version >= ProtocolVersion::tls13) {
    return Error::alert_error(AlertDescription::inappropriate_fallback, "inappropriate fallback");
  }
  // RFC 7627 5.1: we require the extended master secret.
  if (!ch.extended_master_secret) {
    return Error::alert_error(AlertDescription::handshake_failure,
                              "client does not offer the extended master secret");
  }
  // RFC 5746 3.6: on an initial handshake the extension must be empty.
  if (ch.renegotiation_info && !ch.renegotiation_info->empty()) {
    return Error::alert_error(AlertDescription::handshake_failure, "bad renegotiation_info");
  }
  return {};
}

Status Tls12Server::negotiate(const ClientHello& ch) {
  if (ch.signature_algorithms.empty()) {
    // Without the extension RFC 5246 7.4.1.4.1 implies SHA-1, which we refuse.
    return Error::alert_error(AlertDescription::handshake_failure, "no signature_algorithms",
                              Reason::no_usable_certificate);
  }

  // Suite, certificate and scheme together: a suite is usable only with a
  // certificate whose key fits its key exchange and a scheme both accept.
  // The chains for the client's server_name are tried first, all suites
  // with them, before any other chain.
  const std::vector<const CertifiedKey*>* tier = nullptr;
  auto usable = [&](CipherSuite id) -> bool {
    const SuiteInfo* info = find_suite(id);
    if (info == nullptr || info->version != ProtocolVersion::tls12) return false;
    if (std::find(config_.cipher_suites.begin(), config_.cipher_suites.end(), id) ==
        config_.cipher_suites.end()) {
      return false;
    }
    for (const CertifiedKey* candidate : *tier) {
      if (!key_fits_suite(candidate->key.type(), info->kx)) continue;
      if (!curve_acceptable(candidate->key.type(), ch.supported_groups)) continue;
      for (SignatureScheme s : config_.signature_schemes) {
        if (contains(ch.signature_algorithms, s) && candidate->key.allows(s, /*tls12=*/true)) {
          suite_ = info;
          certificate_ = candidate;
          scheme_ = s;
          return true;
        }
      }
    }
    return false;
  };
  const std::vector<CipherSuite> suite_order =
      config_.server_precedence ? config_.cipher_suites : as_enums<CipherSuite>(ch.cipher_suites);
  bool chosen = false;
  for (const auto& candidates : certificate_tiers(config_, ch.server_name)) {
    tier = &candidates;
    if (first_match(suite_order,
                    [&](CipherSuite s) { return contains(ch.cipher_suites, s) && usable(s); })) {
      chosen = true;
      break;
    }
  }
  if (!chosen) {
    // As GnuTLS: suites in common, but no certificate to use them with,
    // is a lack of credentials (GNUTLS_E_INSUFFICIENT_CREDENTIALS).
    const bool shared =
        first_match(config_.cipher_suites, [&](CipherSuite s) {
          const SuiteInfo* info = find_suite(s);
          return contains(ch.cipher_suites, s) && info && info->version == ProtocolVersion::tls12;
        }).has_value();
    if (shared && config_.certificates.empty()) {
      return Error::alert_error(AlertDescription::handshake_failure, "no certificate",
                                Reason::no_usable_certificate);
    }
    return Error::alert_error(AlertDescription::handshake_failure, "no shared cipher suite",
                              Reason::no_shared_cipher);
  }

  // RFC 8422 4: without supported_groups any curve may be used; we take ours.
  std::optional<NamedGroup> group;
  const auto ours = [&](NamedGroup g) {
    return crypto::group_supported(g) &&
           std::find(config_.groups.begin(), config_.groups.end(), g) != config_.groups.end();
  };
  const bool any_curve = ch.supported_groups.empty();
  const std::vector<NamedGroup> group_order = any_curve || config_.server_precedence
                                                  ? config_.groups
                                                  : as_enums<NamedGroup>(ch.supported_groups);
  group = first_match(group_order, [&](NamedGroup g) {
    return ours(g) && (any_curve || contains(ch.supported_groups, g));
  });
  if (!group) {
    return Error::alert_error(AlertDescription::handshake_failure, "no shared group",
                              Reason::no_shared_group);
  }
  group_ = *group;
  return {};
}

void Tls12Server::start_server_hello(const ClientHello& ch, const HandshakeMessage& m,
                                     ServerHello& sh) {
  client_random_ = ch.random;
  random_.fill(server_random_);
  // RFC 8446 4.1.3: a TLS 1.3 server that settles on 1.2 says so in its random.
  if (config_.max_version >= ProtocolVersion::tls13) {
    std::copy(std::begin(kDowngradeTls12), std::end(kDowngradeTls12), server_random_.end() - 8);
  }
  if (ch.server_name) info_.server_name = *ch.server_name;
  info_.client_random = client_random_;
  info_.server_random = server_random_;
  info_.version = ProtocolVersion::tls12;
  info_.cipher_suite = suite_->id;
  // A client asks to resume with a ticket, or with a session id (a
  // TLS 1.3-capable client's random legacy_session_id included).
  const auto ticket = session_ticket_extension(ch.other_extensions);
  info_.resumption_offered = !ch.legacy_session_id.empty() || (ticket && !ticket->empty());
  sink_.set_version(ProtocolVersion::tls12);
  transcript_.set_hash(suite_->hash);
  transcript_.add(m.raw);

  sh.random = server_random_;
  sh.cipher_suite = static_cast<uint16_t>(suite_->id);
  sh.extended_master_secret = true;
  // RFC 5746 3.6: answer either form of the indication with the extension.
  if (ch.renegotiation_info || contains(ch.cipher_suites, kEmptyRenegotiationInfoScsv)) {
    sh.renegotiation_info = Bytes{};
  }
  if (contains(ch.extension_types, ExtensionType::ec_point_formats)) sh.ec_point_formats = {0};
}

Status Tls12Server::on_client_hello(const ClientHello& ch, const HandshakeMessage& m) {
  CODA_TRY(check_hello(ch));
  if (auto found = find_session12(config_, ch)) return resume(ch, m, std::move(*found));
  CODA_TRY(negotiate(ch));
  info_.group = group_;
  info_.own_signature_scheme = scheme_;
  // RFC 5246 7.4.8: the client's CertificateVerify signs every message from
  // the ClientHello on; keep them while one may come.
  const bool ask_certificate = config_.client_auth != Config::ClientAuth::none;
  if (ask_certificate) transcript_.keep_messages();
  ServerHello sh;
  start_server_hello(ch, m, sh);
  // RFC 5246 7.4.1.3: a new session gets a new id, by which a client may
  // ask for it again (GnuTLS's servers send one whether or not they keep
  // sessions).
  info_.session_id.resize(kMaxSessionIdLength);
  random_.fill(info_.session_id);
  sh.legacy_session_id_echo = info_.session_id;
  // RFC 5077 3.2: an empty SessionTicket says a NewSessionTicket follows.
  send_ticket_ = session_ticket_extension(ch.other_extensions).has_value() &&
                 config_.tickets_enabled && config_.accept_tickets;
  if (send_ticket_) {
    sh.other_extensions.push_back({static_cast<uint16_t>(ExtensionType::session_ticket), {}});
  }
  CODA_ASSIGN(sh.alpn, choose_alpn(config_, ch.alpn));
  info_.alpn = sh.alpn.value_or("");
  CODA_TRY(send(HandshakeType::server_hello, sh.serialize()));

  Certificate12 cert;
  for (const auto& c : certificate_->chain)
    cert.certificates.emplace_back(c.der().begin(), c.der().end());
  CODA_TRY(send(HandshakeType::certificate, cert.serialize()));

  CODA_ASSIGN(auto share, crypto::KeyShare::generate(group_, random_));
  ServerKeyExchangeEcdhe ske;
  ske.named_group = static_cast<uint16_t>(group_);
  ske.public_key.assign(share.public_key().begin(), share.public_key().end());
  ske.scheme = static_cast<uint16_t>(scheme_);
  const Bytes content =
      server_key_exchange_content(client_random_, server_random_, ske.params_bytes());
  auto signature = certificate_->key.sign(scheme_, content);
  if (!signature) return Error::alert_error(AlertDescription::internal_error, "signing failed");
  ske.signature = std::move(signature).value();
  share_.emplace(std::move(share));
  CODA_TRY(send(HandshakeType::server_key_exchange, ske.serialize()));
  if (ask_certificate) {
    CODA_TRY(
        send(HandshakeType::certificate_request, make_certificate_request(config_).serialize()));
  }
  CODA_TRY(send(HandshakeType::server_hello_done, ServerHelloDone{}.serialize()));
  state_ = ask_certificate ? State::wait_client_certificate : State::wait_client_key_exchange;
  return {};
}

Status Tls12Server::handle(const HandshakeMessage& m) {
  switch (state_) {
    case State::wait_client_certificate:
      if (m.type == HandshakeType::certificate) return on_client_certificate(m);
      break;
    case State::wait_client_key_exchange:
      if (m.type == HandshakeType::client_key_exchange) return on_client_key_exchange(m);
      break;
    case State::wait_certificate_verify:
      if (m.type == HandshakeType::certificate_verify) return on_certificate_verify(m);
      break;
    case State::wait_change_cipher_spec:
      break;
    case State::wait_finished:
      if (m.type == HandshakeType::finished) return on_finished(m);
      break;
    case State::connected:
      // RFC 5746 4.4 / RFC 5246 7.4.1.2: a renegotiating ClientHello is
      // refused with a no_renegotiation warning; the session goes on.
      if (m.type == HandshakeType::client_hello) {
        CODA_TRY(ClientHello::parse(m.body));
        sink_.write_warning_alert(AlertDescription::no_renegotiation);
        return {};
      }
      break;
  }
  return unexpected("handshake message out of order");
}

Status Tls12Server::on_client_certificate(const HandshakeMessage& m) {
  CODA_ASSIGN(auto cert, Certificate12::parse(m.body));
  transcript_.add(m.raw);
  // RFC 5246 7.4.6: an empty list says the client has no suitable
  // certificate; the server decides whether to go on.
  if (cert.certificates.empty()) {
    CODA_TRY(accept_missing_client_certificate(config_, ProtocolVersion::tls12));
  } else {
    CODA_TRY(accept_peer_certificate12(config_, std::move(cert), /*peer_is_server=*/false, info_));
    client_certificate_received_ = true;
  }
  state_ = State::wait_client_key_exchange;
  return {};
}

Status Tls12Server::on_client_key_exchange(const HandshakeMessage& m) {
  CODA_ASSIGN(auto cke, ClientKeyExchangeEcdhe::parse(m.body));
  CODA_ASSIGN(auto pre_master, share_->shared_secret(cke.public_key));
  share_.reset();
  transcript_.add(m.raw);
  // RFC 7627 4: the session hash covers everything through
  // ClientKeyExchange, not the CertificateVerify that may follow.
  master_ = master_secret_ems(suite_->hash, pre_master, transcript_.current());
  CODA_TRY(sink_.log_secret(LoggedSecret::master, master_));
  // RFC 5246 7.4.8: a client that sent a certificate proves it holds the
  // key; one that sent none has nothing to sign.
  if (client_certificate_received_) {
    state_ = State::wait_certificate_verify;
  } else {
    transcript_.drop_messages();
    state_ = State::wait_change_cipher_spec;
  }
  return {};
}

Status Tls12Server::on_certificate_verify(const HandshakeMessage& m) {
  // RFC 5246 7.4.8: the same digitally-signed struct as TLS 1.3's
  // CertificateVerify, over handshake_messages through ClientKeyExchange.
  CODA_ASSIGN(auto cv, CertificateVerify::parse(m.body));
  CODA_TRY(verify_peer_signature(config_.signature_schemes, cv.scheme, transcript_.messages(),
                                 cv.signature, /*tls12=*/true, info_));
  transcript_.drop_messages();
  transcript_.add(m.raw);
  state_ = State::wait_change_cipher_spec;
  return {};
}

Status Tls12Server::on_change_cipher_spec() {
  CODA_TRY(install_tls12_keys(sink_, *suite_, master_, client_random_, server_random_,
                              /*client_keys=*/true, /*for_writing=*/false));
  state_ = State::wait_finished;
  return {};
}

Status Tls12Server::resume(const ClientHello& ch, const HandshakeMessage& m, FoundSession12 found) {
  suite_ = find_suite(found.session.cipher_suite);
  master_ = std::move(found.session.master_secret);
  ServerHello sh;
  start_server_hello(ch, m, sh);
  // The key log names the resumed connection's master secret too.
  CODA_TRY(sink_.log_secret(LoggedSecret::master, master_));
  // RFC 5246 7.3 / RFC 5077 3.4: the client's session id comes back to say
  // the session is resumed.
  info_.session_id = ch.legacy_session_id;
  sh.legacy_session_id_echo = ch.legacy_session_id;
  info_.resumed = true;
  // The original session's client certificate is this one's.
  for (const auto& der : found.session.peer_chain) {
    auto cert = crypto::Certificate::from_der(der);
    if (!cert) return Error::make(ErrorKind::internal, "stored certificate does not parse");
    info_.peer_chain.push_back(std::move(*cert));
  }
  info_.peer_verify_status = found.session.peer_verify_status;
  // RFC 7301 3.1 leaves ALPN to each handshake, resumed ones included.
  CODA_ASSIGN(sh.alpn, choose_alpn(config_, ch.alpn));
  info_.alpn = sh.alpn.value_or("");
  // No new ticket in a resumed handshake (as GnuTLS: the client keeps
  // the one it has; RFC 5077 3.1 makes renewing optional).
  send_ticket_ = false;
  CODA_TRY(send(HandshakeType::server_hello, sh.serialize()));
  if (send_ticket_) CODA_TRY(send_new_session_ticket());
  // RFC 5246 7.3: in the abbreviated handshake the server's ChangeCipherSpec
  // and Finished come first.
  CODA_TRY(send_finished());
  resumed_ = true;
  state_ = State::wait_change_cipher_spec;
  return {};
}

Status Tls12Server::send_new_session_ticket() {
  // RFC 5077 3.3: the ticket holds what resuming needs, under our key.
  const ServerSession12 session = make_server_session12(config_, suite_->id, master_, info_);
  NewSessionTicket12 nst;
  nst.lifetime_hint = config_.ticket_lifetime;
  CODA_ASSIGN(nst.ticket, seal_ticket12(session, server_ticket_keys(config_).current, random_));
  // RFC 5077 3.3: ticket<0..2^16-1>; one too long (a huge client chain)
  // goes out empty, which says no ticket after all.
  if (nst.ticket.size() > 0xFFFF) nst.ticket.clear();
  return send(HandshakeType::new_session_ticket, nst.serialize());
}

Status Tls12Server::send_finished() {
  sink_.write_change_cipher_spec();
  CODA_TRY(install_tls12_keys(sink_, *suite_, master_, client_random_, server_random_,
                              /*client_keys=*/false, /*for_writing=*/true));
  Finished mine;
  mine.verify_data = finished12(suite_->hash, master_, /*client=*/false, transcript_.current());
  return send(HandshakeType::finished, mine.serialize());
}

void Tls12Server::keep_session() {
  // RFC 5246 7.4.1.3: the session may be resumed by its id from now on;
  // a session whose client got a ticket is kept by the client only (as
  // GnuTLS does).
  if (!config_.session_cache || resumed_ || send_ticket_ || info_.session_id.empty()) return;
  const SecureBytes entry = make_server_session12(config_, suite_->id, master_, info_).serialize();
  if (!entry.empty()) config_.session_cache->store(info_.session_id, entry);
}

Status Tls12Server::on_finished(const HandshakeMessage& m) {
  CODA_ASSIGN(auto fin, Finished::parse(m.body, kFinished12Length));
  const Bytes expected = finished12(suite_->hash, master_, /*client=*/true, transcript_.current());
  if (!ct_equal(expected, fin.verify_data)) {
    return Error::alert_error(AlertDescription::decrypt_error, "client Finished does not verify",
                              Reason::finished_mismatch);
  }
  transcript_.add(m.raw);
  if (!resumed_) {
    if (send_ticket_) CODA_TRY(send_new_session_ticket());
    CODA_TRY(send_finished());
    keep_session();
  }
  state_ = State::connected;
  // No renegotiation: the master secret is not needed again here (it is
  // in the cache or the ticket).
  master_ = SecureBytes{};
  transcript_ = Transcript{};
  return {};
}

}  // namespace

Status start_tls12_server(const Config& config, SessionInfo& info, HandshakeSink& sink,
                          crypto::RandomSource& random, const ClientHello& ch,
                          const HandshakeMessage& m) {
  auto machine = std::make_unique<Tls12Server>(config, info, sink, random);
  Tls12Server& next = *machine;
  sink.hand_over(std::move(machine));
  return next.on_client_hello(ch, m);
}

}  // namespace coda::hs
