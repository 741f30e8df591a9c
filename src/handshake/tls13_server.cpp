// The TLS 1.3 server (RFC 8446 2, 4): one state per message it waits for,
// one function per state.
#include <algorithm>
#include <optional>

#include "config/anti_replay.hpp"
#include "crypto/key_exchange.hpp"
#include "handshake/alpn.hpp"
#include "handshake/certificate_auth.hpp"
#include "handshake/certificate_choice.hpp"
#include "handshake/handshake_machine.hpp"
#include "handshake/key_schedule.hpp"
#include "handshake/messages.hpp"
#include "handshake/psk.hpp"
#include "handshake/send.hpp"
#include "handshake/ticket.hpp"
#include "handshake/tls12.hpp"
#include "handshake/tls13_common.hpp"
#include "handshake/transcript.hpp"

namespace coda::hs {
namespace {

enum class ServerState : uint8_t {
  wait_client_hello,
  wait_second_client_hello,  // after HelloRetryRequest
  wait_end_of_early_data,    // reading accepted 0-RTT data
  wait_client_certificate,
  wait_client_certificate_verify,
  wait_finished,
  connected,
};

class Tls13Server final : public HandshakeMachine {
 public:
  Tls13Server(const Config& config, SessionInfo& info, HandshakeSink& sink)
      : config_(config),
        info_(info),
        sink_(sink),
        random_(config.random ? *config.random : crypto::system_random()) {}

  Status start() override { return {}; }
  Status handle(const HandshakeMessage& message) override;
  bool complete() const override { return state_ == ServerState::connected; }
  bool change_cipher_spec_allowed() const override {
    return state_ != ServerState::wait_client_hello && state_ != ServerState::connected;
  }
  bool application_data_allowed() const override { return complete() || receiving_early_data(); }
  bool receiving_early_data() const override {
    return state_ == ServerState::wait_end_of_early_data;
  }
  Status update_keys(bool request_peer) override {
    if (!complete()) return HandshakeMachine::update_keys(request_peer);
    return send_key_update(request_peer, *suite_, app_secrets_, sink_);
  }
  bool awaiting_client_hello() const override { return state_ == ServerState::wait_client_hello; }
  Status send_session_tickets(unsigned count) override;

 private:
  Status on_client_hello(const HandshakeMessage& m);
  Status on_second_client_hello(const HandshakeMessage& m);
  Status negotiate(const ClientHello& ch);
  Status send_hello_retry_request(NamedGroup group);
  Status send_server_flight(const ClientHello& ch, const KeyShareEntry& client_share);
  Status send_certificate_flight(bool ask_certificate);
  Status on_client_certificate(const HandshakeMessage& m);
  Status on_client_certificate_verify(const HandshakeMessage& m);
  Status on_finished(const HandshakeMessage& m);
  Status on_post_handshake(const HandshakeMessage& m);
  Status on_end_of_early_data(const HandshakeMessage& m);
  bool early_data_acceptable() const;
  Status send(HandshakeType type, ByteView body);
  const KeyShareEntry* share_for(const ClientHello& ch, NamedGroup group) const;
  Status choose_psk(const ClientHello& ch, ByteView message);
  bool ticket_acceptable(const TicketContents& t, uint32_t obfuscated_age, const ClientHello& ch,
                         const std::optional<std::string>& alpn) const;

  const Config& config_;
  SessionInfo& info_;
  HandshakeSink& sink_;
  crypto::RandomSource& random_;
  ServerState state_ = ServerState::wait_client_hello;

  Transcript transcript_;
  const SuiteInfo* suite_ = nullptr;
  std::optional<NamedGroup> group_;
  const CertifiedKey* certificate_ = nullptr;
  SignatureScheme scheme_{};
  Bytes session_id_;
  bool sent_ccs_ = false;
  std::optional<KeySchedule> schedule_;
  ApplicationSecrets app_secrets_;
  // The ticket the client offered that we resume (RFC 8446 2.2), its index
  // in the client's list, the resumption master secret for our own tickets,
  // and whether the client's psk_key_exchange_modes allow those.
  std::optional<TicketContents> resumption_;
  uint16_t psk_index_ = 0;
  SecureBytes res_master_;
  bool tickets_usable_ = true;
  uint64_t ticket_nonce_ = 0;
  // The selected PSK's binder and the ticket age its client reports, for
  // anti-replay (RFC 8446 8), and whether 0-RTT is taken (4.2.10).
  Bytes selected_binder_;
  uint64_t selected_client_age_ms_ = 0;
  bool early_accepted_ = false;
};

Status Tls13Server::send(HandshakeType type, ByteView body) {
  return send_handshake(sink_, transcript_, type, body);
}

Status Tls13Server::handle(const HandshakeMessage& m) {
  switch (state_) {
    case ServerState::wait_client_hello:
      if (m.type == HandshakeType::client_hello) return on_client_hello(m);
      break;
    case ServerState::wait_second_client_hello:
      if (m.type == HandshakeType::client_hello) return on_second_client_hello(m);
      break;
    case ServerState::wait_end_of_early_data:
      if (m.type == HandshakeType::end_of_early_data) return on_end_of_early_data(m);
      break;
    case ServerState::wait_client_certificate:
      if (m.type == HandshakeType::certificate) return on_client_certificate(m);
      break;
    case ServerState::wait_client_certificate_verify:
      if (m.type == HandshakeType::certificate_verify) return on_client_certificate_verify(m);
      break;
    case ServerState::wait_finished:
      if (m.type == HandshakeType::finished) return on_finished(m);
      break;
    case ServerState::connected:
      return on_post_handshake(m);
  }
  return unexpected("handshake message out of order");
}

const KeyShareEntry* Tls13Server::share_for(const ClientHello& ch, NamedGroup group) const {
  if (!ch.key_shares) return nullptr;
  for (const auto& entry : *ch.key_shares) {
    if (entry.group == static_cast<uint16_t>(group)) return &entry;
  }
  return nullptr;
}

Status Tls13Server::negotiate(const ClientHello& ch) {
  // RFC 8446 4.1.2: legacy_compression_methods MUST be exactly one zero byte.
  if (ch.compression_methods != Bytes{0}) return illegal_parameter("compression offered");
  // RFC 8446 9.2: without PSK, these extensions are mandatory.
  if (ch.signature_algorithms.empty()) {
    return Error::alert_error(AlertDescription::missing_extension, "no signature_algorithms");
  }
  if (ch.supported_groups.empty() || !ch.key_shares) {
    return Error::alert_error(AlertDescription::missing_extension,
                              "no supported_groups or key_share");
  }
  // RFC 8446 4.2.8: at most one share per group, each for a listed group.
  for (size_t i = 0; i < ch.key_shares->size(); ++i) {
    const uint16_t g = (*ch.key_shares)[i].group;
    if (!contains(ch.supported_groups, g)) return illegal_parameter("key share for unlisted group");
    for (size_t j = 0; j < i; ++j) {
      if ((*ch.key_shares)[j].group == g) return illegal_parameter("two key shares for one group");
    }
  }

  // Cipher suite: ours first with server precedence, else the client's.
  auto ours = [&](CipherSuite s) {
    const SuiteInfo* info = find_suite(s);
    return info != nullptr && info->version == ProtocolVersion::tls13 &&
           std::find(config_.cipher_suites.begin(), config_.cipher_suites.end(), s) !=
               config_.cipher_suites.end();
  };
  std::optional<CipherSuite> suite;
  if (config_.server_precedence) {
    suite = first_match(config_.cipher_suites,
                        [&](CipherSuite s) { return ours(s) && contains(ch.cipher_suites, s); });
  } else {
    for (uint16_t id : ch.cipher_suites) {
      if (ours(static_cast<CipherSuite>(id))) {
        suite = static_cast<CipherSuite>(id);
        break;
      }
    }
  }
  if (!suite) {
    return Error::alert_error(AlertDescription::handshake_failure, "no shared cipher suite",
                              Reason::no_shared_cipher);
  }
  suite_ = find_suite(*suite);

  // Certificate and signature scheme: a chain for the client's server_name
  // first, our scheme order, the client's list.
  certificate_ = nullptr;
  for (const auto& tier : certificate_tiers(config_, ch.server_name)) {
    for (const CertifiedKey* candidate : tier) {
      auto scheme = first_match(config_.signature_schemes, [&](SignatureScheme s) {
        return contains(ch.signature_algorithms, s) && candidate->key.allows(s);
      });
      if (scheme) {
        certificate_ = candidate;
        scheme_ = *scheme;
        break;
      }
    }
    if (certificate_ != nullptr) break;
  }
  if (certificate_ == nullptr) {
    return Error::alert_error(AlertDescription::handshake_failure,
                              "no certificate for the client's signature algorithms",
                              Reason::no_usable_certificate);
  }

  // Group: with server precedence, our favourite even at the cost of a
  // HelloRetryRequest; otherwise one the client already sent a share for
  // (no extra round trip), else the client's favourite by HRR.
  auto mutual = [&](NamedGroup g) {
    return crypto::group_supported(g) && contains(ch.supported_groups, g) &&
           std::find(config_.groups.begin(), config_.groups.end(), g) != config_.groups.end();
  };
  if (config_.server_precedence) {
    group_ = first_match(config_.groups, mutual);
  } else {
    const std::vector<NamedGroup> order = as_enums<NamedGroup>(ch.supported_groups);
    group_ = first_match(order, [&](NamedGroup g) { return mutual(g) && share_for(ch, g); });
    if (!group_) group_ = first_match(order, mutual);
  }
  if (!group_) {
    return Error::alert_error(AlertDescription::handshake_failure, "no shared group",
                              Reason::no_shared_group);
  }
  return {};
}

Status Tls13Server::on_client_hello(const HandshakeMessage& m) {
  CODA_ASSIGN(auto ch, ClientHello::parse(m.body));
  // RFC 8446 D.5: a legacy_version of SSL 3.0 (or below) is refused with
  // protocol_version, whatever supported_versions offers.
  if (ch.legacy_version <= 0x0300) {
    return Error::alert_error(AlertDescription::protocol_version,
                              "ClientHello legacy_version is SSL 3.0 or older");
  }
  // RFC 8446 4.2.1: only supported_versions can select TLS 1.3; without it
  // legacy_version names the client's highest version.
  const bool client13 = contains(ch.supported_versions, ProtocolVersion::tls13);
  const bool client12 = ch.supported_versions.empty()
                            ? ch.legacy_version >= static_cast<uint16_t>(ProtocolVersion::tls12)
                            : contains(ch.supported_versions, ProtocolVersion::tls12);
  if (!(client13 && config_.max_version >= ProtocolVersion::tls13)) {
    // RFC 8996: nothing below TLS 1.2.
    if (client12 && config_.min_version <= ProtocolVersion::tls12) {
      return start_tls12_server(config_, info_, sink_, random_, ch, m);
    }
    return Error::alert_error(AlertDescription::protocol_version,
                              "client offers no version we speak");
  }
  CODA_TRY(negotiate(ch));
  // RFC 8446 4.2.9: no tickets for a client whose psk_key_exchange_modes
  // leave out the only mode we resume with (GnuTLS skips them then too).
  tickets_usable_ = ch.psk_key_exchange_modes.empty() ||
                    std::find(ch.psk_key_exchange_modes.begin(), ch.psk_key_exchange_modes.end(),
                              kPskDheKe) != ch.psk_key_exchange_modes.end();
  session_id_ = ch.legacy_session_id;
  // gnutls_session_get_id reports the hello's id in TLS 1.3 too (as GnuTLS).
  info_.session_id = session_id_;
  // RFC 7627 and RFC 5746 offered for TLS 1.2 (GnuTLS reports them in the
  // session flags of a TLS 1.3 server too).
  info_.client_offered_extended_master_secret = ch.extended_master_secret;
  info_.client_offered_renegotiation_info =
      ch.renegotiation_info.has_value() || contains(ch.cipher_suites, uint16_t{0x00FF});
  if (ch.server_name) info_.server_name = *ch.server_name;
  transcript_.set_hash(suite_->hash);
  CODA_TRY(choose_psk(ch, m.raw));
  transcript_.add(m.raw);
  const KeyShareEntry* share = share_for(ch, *group_);
  // RFC 8446 4.2.10: 0-RTT is never taken after a HelloRetryRequest.
  early_accepted_ = share != nullptr && ch.has_early_data && early_data_acceptable();
  // What the client sent of early data we do not take is skipped.
  if (ch.has_early_data && !early_accepted_) sink_.skip_early_data(config_.max_early_data_size);
  if (share == nullptr) return send_hello_retry_request(*group_);
  return send_server_flight(ch, *share);
}

// RFC 8446 4.2.10: early data only when asked for (GnuTLS's
// GNUTLS_ENABLE_EARLY_DATA), with the first PSK, resumed with the ticket's
// suite (its ALPN and SNI were checked with the ticket), and (8) admitted by
// anti-replay; GnuTLS takes none without anti-replay either.
bool Tls13Server::early_data_acceptable() const {
  if (!config_.accept_early_data || !config_.anti_replay || !resumption_) return false;
  if (psk_index_ != 0 || resumption_->cipher_suite != suite_->id) return false;
  return config_.anti_replay->admit(selected_binder_, resumption_->issued_ms,
                                    selected_client_age_ms_, config_.now_ms());
}

Status Tls13Server::on_end_of_early_data(const HandshakeMessage& m) {
  // RFC 8446 4.5: struct {} EndOfEarlyData.
  if (!m.body.empty()) return decode_error("EndOfEarlyData: not empty");
  transcript_.add(m.raw);
  CODA_TRY(
      sink_.install_read_keys(tls13_key_material(*suite_, schedule_->client_handshake_secret())));
  state_ = ServerState::wait_finished;
  return {};
}

Status Tls13Server::send_hello_retry_request(NamedGroup group) {
  ServerHello hrr;
  hrr.random = kHelloRetryRequestRandom;
  hrr.legacy_session_id_echo = session_id_;
  hrr.cipher_suite = static_cast<uint16_t>(suite_->id);
  hrr.selected_version = static_cast<uint16_t>(ProtocolVersion::tls13);
  hrr.selected_group = static_cast<uint16_t>(group);
  transcript_.replace_with_message_hash();
  CODA_TRY(send(HandshakeType::server_hello, hrr.serialize()));
  // RFC 8446 D.4: the dummy CCS follows the server's first handshake message.
  if (config_.middlebox_compat && !session_id_.empty()) {
    sink_.write_change_cipher_spec();
    sent_ccs_ = true;
  }
  info_.hello_retry = true;
  state_ = ServerState::wait_second_client_hello;
  return {};
}

Status Tls13Server::on_second_client_hello(const HandshakeMessage& m) {
  CODA_ASSIGN(auto ch, ClientHello::parse(m.body));
  // RFC 8446 4.1.2: the second ClientHello repeats the first, with one share
  // for the group we asked for.
  if (!contains(ch.supported_versions, ProtocolVersion::tls13) ||
      !contains(ch.cipher_suites, suite_->id) || ch.legacy_session_id != session_id_) {
    return illegal_parameter("second ClientHello differs from the first");
  }
  // RFC 8446 4.2.10: a client MUST NOT offer early data after a
  // HelloRetryRequest.
  if (ch.has_early_data) return illegal_parameter("second ClientHello offers early data");
  if (!ch.key_shares || ch.key_shares->size() != 1 ||
      ch.key_shares->front().group != static_cast<uint16_t>(*group_)) {
    return illegal_parameter("second ClientHello lacks the requested key share");
  }
  // RFC 8446 4.2.11.2: the binders of the second ClientHello cover the
  // HelloRetryRequest too; the PSK is chosen again on it.
  CODA_TRY(choose_psk(ch, m.raw));
  transcript_.add(m.raw);
  return send_server_flight(ch, ch.key_shares->front());
}

Status Tls13Server::send_server_flight(const ClientHello& ch, const KeyShareEntry& client_share) {
  CODA_ASSIGN(auto alpn, choose_alpn(config_, ch.alpn));
  CODA_ASSIGN(auto share, crypto::KeyShare::generate(*group_, random_));
  CODA_ASSIGN(auto shared, share.shared_secret(client_share.key_exchange));

  ServerHello sh;
  random_.fill(sh.random);
  sh.legacy_session_id_echo = session_id_;
  sh.cipher_suite = static_cast<uint16_t>(suite_->id);
  sh.selected_version = static_cast<uint16_t>(ProtocolVersion::tls13);
  sh.key_share = KeyShareEntry{static_cast<uint16_t>(*group_),
                               Bytes(share.public_key().begin(), share.public_key().end())};
  // RFC 8446 7.1: the early traffic secret covers the ClientHello alone.
  SecureBytes early_secret;
  if (early_accepted_) {
    early_secret =
        client_early_traffic_secret(suite_->hash, resumption_->psk, transcript_.current());
  }
  if (resumption_) {
    // RFC 8446 4.2.11: selected_identity, with psk_dhe_ke (key_share above).
    sh.other_extensions.push_back(selected_identity_extension(psk_index_));
    info_.resumed = true;
    // No Certificate comes from the client either: the original one's
    // chain (verified then) is the peer's.
    info_.peer_chain.clear();
    for (const Bytes& der : resumption_->peer_chain) {
      auto cert = crypto::Certificate::from_der(der);
      if (!cert) return Error::make(ErrorKind::internal, "ticket certificate does not parse");
      info_.peer_chain.push_back(std::move(*cert));
    }
    info_.peer_verify_status = resumption_->peer_verify_status;
  }
  CODA_TRY(send(HandshakeType::server_hello, sh.serialize()));
  info_.version = ProtocolVersion::tls13;
  info_.cipher_suite = suite_->id;
  info_.group = *group_;

  schedule_.emplace(suite_->hash);
  schedule_->derive_handshake_secrets(shared, transcript_.current(),
                                      resumption_ ? ByteView(resumption_->psk) : ByteView());
  info_.client_random = ch.random;
  info_.server_random = sh.random;
  CODA_TRY(log_handshake_secrets(*schedule_, sink_));
  sink_.set_version(ProtocolVersion::tls13);
  if (config_.middlebox_compat && !session_id_.empty() && !sent_ccs_) {
    sink_.write_change_cipher_spec();
    sent_ccs_ = true;
  }
  CODA_TRY(
      sink_.install_write_keys(tls13_key_material(*suite_, schedule_->server_handshake_secret())));
  if (early_accepted_) {
    // The client's early data comes first, under the early keys.
    CODA_TRY(sink_.log_secret(LoggedSecret::client_early_traffic, early_secret));
    CODA_TRY(sink_.install_read_keys(tls13_key_material(*suite_, early_secret)));
  } else {
    CODA_TRY(
        sink_.install_read_keys(tls13_key_material(*suite_, schedule_->client_handshake_secret())));
  }

  EncryptedExtensions ee;
  ee.server_name_ack = ch.server_name.has_value();
  // RFC 8446 4.2.10: an empty early_data says the 0-RTT data is taken.
  if (early_accepted_) {
    ee.other_extensions.push_back({static_cast<uint16_t>(ExtensionType::early_data), {}});
  }
  info_.early_data_accepted = early_accepted_;
  ee.alpn = alpn;
  info_.alpn = alpn.value_or("");
  CODA_TRY(send(HandshakeType::encrypted_extensions, ee.serialize()));
  // RFC 8446 2.2: a PSK handshake authenticates by the PSK: no Certificate,
  // no CertificateVerify, and (4.3.2) no CertificateRequest.
  const bool ask_certificate = config_.client_auth != Config::ClientAuth::none && !resumption_;
  if (resumption_) {
    resumption_.reset();  // the PSK is spent
  } else {
    CODA_TRY(send_certificate_flight(ask_certificate));
  }
  Finished fin;
  fin.verify_data = finished_verify_data(suite_->hash, schedule_->server_handshake_secret(),
                                         transcript_.current());
  CODA_TRY(send(HandshakeType::finished, fin.serialize()));

  schedule_->derive_application_secrets(transcript_.current());
  CODA_TRY(log_application_secrets(*schedule_, sink_));
  app_secrets_.read = schedule_->client_application_secret();
  app_secrets_.write = schedule_->server_application_secret();
  CODA_TRY(sink_.install_write_keys(tls13_key_material(*suite_, app_secrets_.write)));
  if (early_accepted_) {
    state_ = ServerState::wait_end_of_early_data;
  } else {
    state_ = ask_certificate ? ServerState::wait_client_certificate : ServerState::wait_finished;
  }
  return {};
}

Status Tls13Server::send_certificate_flight(bool ask_certificate) {
  if (ask_certificate) {
    CertificateRequest req;
    for (SignatureScheme s : config_.signature_schemes) {
      req.signature_algorithms.push_back(static_cast<uint16_t>(s));
    }
    req.certificate_authorities = certificate_authorities_for(config_);
    CODA_TRY(send(HandshakeType::certificate_request, req.serialize()));
  }
  CODA_TRY(send(HandshakeType::certificate, certificate_message(certificate_->chain, {})));
  info_.own_signature_scheme = scheme_;
  CODA_ASSIGN(auto cv, make_certificate_verify(certificate_->key, scheme_, /*server=*/true,
                                               transcript_.current()));
  return send(HandshakeType::certificate_verify, cv);
}

bool Tls13Server::ticket_acceptable(const TicketContents& t, uint32_t obfuscated_age,
                                    const ClientHello& ch,
                                    const std::optional<std::string>& alpn) const {
  // RFC 8446 4.6.1: only with a suite of the same KDF hash.
  const SuiteInfo* original = find_suite(t.cipher_suite);
  if (original == nullptr || original->version != ProtocolVersion::tls13 ||
      original->hash != suite_->hash) {
    return false;
  }
  // RFC 8446 4.6.1: never past its lifetime, and never over seven days.
  const uint64_t now = config_.now_ms();
  if (now < t.issued_ms) return false;
  const uint64_t server_age = now - t.issued_ms;
  const uint64_t lifetime_ms = uint64_t{std::min(t.lifetime, kMaxTicketLifetimeSeconds)} * 1000;
  if (server_age >= lifetime_ms) return false;
  // RFC 8446 4.2.11.1 / 8.3: the age the client reports (its obfuscated
  // age less ticket_age_add) must agree with ours, within a window for
  // the round trip and clock rates; a ticket replayed long after is out.
  constexpr uint64_t kAgeWindowMs = 60'000;
  const uint64_t client_age = static_cast<uint32_t>(obfuscated_age - t.age_add);
  const uint64_t gap = client_age > server_age ? client_age - server_age : server_age - client_age;
  if (gap > kAgeWindowMs || client_age >= lifetime_ms) return false;
  // RFC 8446 4.6.1 / 4.2.10: the session continues the original one: the
  // same server_name and the same application protocol.
  if (t.server_name != ch.server_name.value_or("")) return false;
  if (t.alpn != alpn.value_or("")) return false;
  return true;
}

Status Tls13Server::choose_psk(const ClientHello& ch, ByteView message) {
  resumption_.reset();
  if (!ch.pre_shared_key) return {};
  info_.resumption_offered = true;
  // RFC 8446 4.2.9: a pre_shared_key without psk_key_exchange_modes MUST
  // abort the handshake.
  if (ch.psk_key_exchange_modes.empty()) {
    return Error::alert_error(AlertDescription::missing_extension,
                              "pre_shared_key without psk_key_exchange_modes");
  }
  CODA_ASSIGN(auto offered, OfferedPsks::parse(*ch.pre_shared_key));
  // We resume only with psk_dhe_ke (a fresh key share every time).
  const bool dhe = std::find(ch.psk_key_exchange_modes.begin(), ch.psk_key_exchange_modes.end(),
                             kPskDheKe) != ch.psk_key_exchange_modes.end();
  if (!config_.tickets_enabled || !config_.accept_tickets || !dhe) return {};
  CODA_ASSIGN(auto alpn, choose_alpn(config_, ch.alpn));
  // Only the first few identities are tried: each costs a decryption.
  constexpr size_t kMaxIdentitiesTried = 4;
  const size_t tried = std::min(offered.identities.size(), kMaxIdentitiesTried);
  const TicketKeys keys = server_ticket_keys(config_);
  for (size_t i = 0; i < tried; ++i) {
    const PskIdentity& id = offered.identities[i];
    auto ticket = open_ticket(id.identity, keys);
    if (!ticket || !ticket_acceptable(*ticket, id.obfuscated_ticket_age, ch, alpn)) continue;
    // RFC 8446 4.2.11: the binder MUST be validated before the PSK is
    // selected, and a binder that does not validate aborts the handshake
    // (6.2: decrypt_error).
    const ByteView truncated = truncated_client_hello(message, offered);
    const Bytes expected =
        psk_binder(suite_->hash, ticket->psk, transcript_.current_with(suite_->hash, truncated));
    if (!ct_equal(expected, offered.binders[i])) {
      return Error::alert_error(AlertDescription::decrypt_error, "PSK binder does not verify");
    }
    psk_index_ = static_cast<uint16_t>(i);
    selected_binder_ = offered.binders[i];
    selected_client_age_ms_ = static_cast<uint32_t>(id.obfuscated_ticket_age - ticket->age_add);
    resumption_ = std::move(ticket);
    return {};
  }
  return {};
}

Status Tls13Server::send_session_tickets(unsigned count) {
  if (!complete()) {
    return Error::make(ErrorKind::invalid_request, "no session ticket before the handshake ends");
  }
  if (!config_.tickets_enabled) return {};
  for (unsigned i = 0; i < count && tickets_usable_; ++i) {
    NewSessionTicket nst;
    // RFC 8446 4.6.1: at most seven days.
    nst.lifetime = std::min(config_.ticket_lifetime, kMaxTicketLifetimeSeconds);
    uint8_t add[4];
    random_.fill(add);
    nst.age_add = uint32_t{add[0]} << 24 | uint32_t{add[1]} << 16 | uint32_t{add[2]} << 8 | add[3];
    // RFC 8446 4.6.1: a nonce unique among the tickets of this connection.
    const uint64_t counter = ticket_nonce_++;
    for (int b = 7; b >= 0; --b) nst.nonce.push_back(static_cast<uint8_t>(counter >> (8 * b)));
    TicketContents contents;
    contents.cipher_suite = suite_->id;
    contents.psk = resumption_psk(suite_->hash, res_master_, nst.nonce);
    contents.age_add = nst.age_add;
    contents.issued_ms = config_.now_ms();
    contents.lifetime = nst.lifetime;
    contents.server_name = info_.server_name;
    contents.alpn = info_.alpn;
    for (const auto& cert : info_.peer_chain) {
      contents.peer_chain.emplace_back(cert.der().begin(), cert.der().end());
    }
    contents.peer_verify_status = info_.peer_verify_status;
    CODA_ASSIGN(nst.ticket, seal_ticket(contents, server_ticket_keys(config_).current, random_));
    if (config_.accept_early_data) {
      // RFC 8446 4.6.1: early_data with max_early_data_size (uint32). As
      // GnuTLS, also without anti-replay, which then refuses the data.
      const uint32_t n = config_.max_early_data_size;
      nst.extensions.push_back(
          {static_cast<uint16_t>(ExtensionType::early_data),
           Bytes{static_cast<uint8_t>(n >> 24U), static_cast<uint8_t>(n >> 16U),
                 static_cast<uint8_t>(n >> 8U), static_cast<uint8_t>(n)}});
    }
    // RFC 8446 4.6.1: ticket<1..2^16-1>. A client chain too large for one
    // (the ticket carries it) gets no tickets: a full handshake next time.
    const Bytes body = nst.serialize();
    if (body.empty()) return {};
    Bytes message;
    append_handshake(message, HandshakeType::new_session_ticket, body);
    // Post-handshake: not part of the transcript.
    CODA_TRY(sink_.write_handshake(message));
    ++info_.tickets;
  }
  return {};
}

Status Tls13Server::on_client_certificate(const HandshakeMessage& m) {
  CODA_ASSIGN(auto cert, CertificateMsg::parse(m.body));
  if (!cert.request_context.empty()) return illegal_parameter("non-empty certificate context");
  transcript_.add(m.raw);
  if (cert.entries.empty()) {
    CODA_TRY(accept_missing_client_certificate(config_, ProtocolVersion::tls13));
    state_ = ServerState::wait_finished;
    return {};
  }
  CODA_TRY(accept_peer_certificate(config_, cert, /*peer_is_server=*/false, info_));
  state_ = ServerState::wait_client_certificate_verify;
  return {};
}

Status Tls13Server::on_client_certificate_verify(const HandshakeMessage& m) {
  CODA_ASSIGN(auto cv, CertificateVerify::parse(m.body));
  CODA_TRY(check_certificate_verify(cv, config_.signature_schemes, /*peer_is_server=*/false,
                                    transcript_.current(), info_));
  transcript_.add(m.raw);
  state_ = ServerState::wait_finished;
  return {};
}

Status Tls13Server::on_finished(const HandshakeMessage& m) {
  CODA_ASSIGN(auto fin, Finished::parse(m.body, crypto::hash_length(suite_->hash)));
  const Bytes expected = finished_verify_data(suite_->hash, schedule_->client_handshake_secret(),
                                              transcript_.current());
  if (!ct_equal(expected, fin.verify_data)) {
    return Error::alert_error(AlertDescription::decrypt_error, "client Finished does not verify",
                              Reason::finished_mismatch);
  }
  transcript_.add(m.raw);
  CODA_TRY(sink_.install_read_keys(tls13_key_material(*suite_, app_secrets_.read)));
  res_master_ = schedule_->resumption_master_secret(transcript_.current());
  state_ = ServerState::connected;
  // What only the handshake needed goes now, not when the session ends.
  schedule_.reset();
  transcript_ = Transcript{};
  // RFC 8446 4.6.1: tickets may go any time after the client's Finished;
  // GnuTLS sends its own right then.
  return send_session_tickets(config_.tickets_after_handshake);
}

Status Tls13Server::on_post_handshake(const HandshakeMessage& m) {
  if (m.type != HandshakeType::key_update) {
    return unexpected("unexpected post-handshake message");
  }
  return handle_key_update(m, *suite_, app_secrets_, sink_);
}

}  // namespace

std::unique_ptr<HandshakeMachine> make_tls13_server(const Config& config, SessionInfo& info,
                                                    HandshakeSink& sink) {
  return std::make_unique<Tls13Server>(config, info, sink);
}

}  // namespace coda::hs
