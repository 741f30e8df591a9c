// The TLS 1.3 client (RFC 8446 2, 4): one state per message it waits for,
// one function per state.
#include <algorithm>
#include <optional>

#include "crypto/key_exchange.hpp"
#include "handshake/alpn.hpp"
#include "handshake/certificate_auth.hpp"
#include "handshake/handshake_machine.hpp"
#include "handshake/key_schedule.hpp"
#include "handshake/messages.hpp"
#include "handshake/psk.hpp"
#include "handshake/send.hpp"
#include "handshake/tls12.hpp"
#include "handshake/tls12_resumption.hpp"
#include "handshake/tls13_common.hpp"
#include "handshake/transcript.hpp"

namespace coda::hs {
namespace {

enum class ClientState : uint8_t {
  start,
  wait_server_hello,
  wait_encrypted_extensions,
  wait_certificate_or_request,
  wait_certificate,
  wait_certificate_verify,
  wait_finished,
  connected,
};

class Tls13Client final : public HandshakeMachine {
 public:
  Tls13Client(const Config& config, SessionInfo& info, HandshakeSink& sink)
      : config_(config),
        info_(info),
        sink_(sink),
        random_(config.random ? *config.random : crypto::system_random()) {}

  Status start() override;
  Status handle(const HandshakeMessage& message) override;
  bool complete() const override { return state_ == ClientState::connected; }
  bool change_cipher_spec_allowed() const override {
    return state_ != ClientState::start && state_ != ClientState::connected;
  }
  bool application_data_allowed() const override { return complete(); }
  Status update_keys(bool request_peer) override {
    if (!complete()) return HandshakeMachine::update_keys(request_peer);
    return send_key_update(request_peer, *suite_, app_secrets_, sink_);
  }

 private:
  Status on_server_hello(const HandshakeMessage& m);
  Status on_hello_retry_request(const ServerHello& hrr, const HandshakeMessage& m);
  Status on_encrypted_extensions(const HandshakeMessage& m);
  Status on_certificate_request(const HandshakeMessage& m);
  Status on_certificate(const HandshakeMessage& m);
  Status on_certificate_verify(const HandshakeMessage& m);
  Status on_finished(const HandshakeMessage& m);
  Status on_post_handshake(const HandshakeMessage& m);
  Status check_server_hello_common(const ServerHello& sh);
  Status send_client_hello();
  Status choose_offer();
  Status seal_binder(Bytes& body);
  Status on_new_session_ticket(const HandshakeMessage& m);
  Status send(HandshakeType type, ByteView body);
  void send_compat_change_cipher_spec();
  Status send_early_data();

  const Config& config_;
  SessionInfo& info_;
  HandshakeSink& sink_;
  crypto::RandomSource& random_;
  ClientState state_ = ClientState::start;

  ClientHello hello_;
  std::vector<crypto::KeyShare> shares_;
  Transcript transcript_;
  const SuiteInfo* suite_ = nullptr;
  std::optional<KeySchedule> schedule_;
  bool retried_ = false;
  bool sent_ccs_ = false;
  bool certificate_requested_ = false;
  Bytes request_context_;
  std::vector<uint16_t> requested_schemes_;
  std::vector<Bytes> requested_authorities_;  // the server's certificate_authorities
  ApplicationSecrets app_secrets_;
  // The session offered for resumption (null: none), and whether the server
  // took it. res_master_: RFC 8446 7.1, kept for the tickets that follow.
  std::shared_ptr<const ResumableSession> offer_;
  const SuiteInfo* offer_suite_ = nullptr;
  bool resumed_ = false;
  SecureBytes res_master_;
  // 0-RTT (RFC 8446 4.2.10): offered in the first ClientHello, and taken
  // by the server (its EncryptedExtensions say so).
  bool early_offered_ = false;
  bool early_accepted_ = false;
};

Status Tls13Client::send(HandshakeType type, ByteView body) {
  return send_handshake(sink_, transcript_, type, body);
}

void Tls13Client::send_compat_change_cipher_spec() {
  // RFC 8446 D.4: at most one dummy ChangeCipherSpec, before the second flight.
  if (config_.middlebox_compat && !sent_ccs_) {
    sink_.write_change_cipher_spec();
    sent_ccs_ = true;
  }
}

Status Tls13Client::start() {
  if (state_ != ClientState::start) return {};
  random_.fill(hello_.random);
  const bool bare = config_.without_credentials;
  const bool enabled13 = config_.max_version >= ProtocolVersion::tls13;
  const bool enabled12 = config_.min_version <= ProtocolVersion::tls12;
  // Without credentials (see Config::without_credentials): a TLS 1.2
  // ClientHello that lists only the TLS 1.3 suites, maybe none at all.
  const bool offer13 = enabled13 && !bare;
  const bool offer12 = enabled12 || bare;
  // RFC 8446 D.4 is for TLS 1.3; a TLS 1.2-only hello sends no id unless
  // it resumes (as GnuTLS), so servers do not take it for a resumption.
  if (config_.middlebox_compat && offer13) {
    hello_.legacy_session_id.resize(32);
    random_.fill(hello_.legacy_session_id);
  }
  for (CipherSuite s : config_.cipher_suites) {
    const SuiteInfo* info = find_suite(s);
    if (info && ((info->version == ProtocolVersion::tls13 && enabled13) ||
                 (info->version == ProtocolVersion::tls12 && enabled12 && !bare))) {
      hello_.cipher_suites.push_back(static_cast<uint16_t>(s));
    }
  }
  if (hello_.cipher_suites.empty() && !bare) {
    return Error::make(ErrorKind::invalid_argument, "no cipher suite enabled");
  }
  if (offer13) {
    hello_.supported_versions = {static_cast<uint16_t>(ProtocolVersion::tls13)};
    if (offer12) hello_.supported_versions.push_back(static_cast<uint16_t>(ProtocolVersion::tls12));
  }
  if (offer12) {
    // RFC 7627 (required by default), RFC 5746 (empty on an initial
    // handshake) and RFC 8422 5.1.2 (uncompressed points only).
    hello_.extended_master_secret = true;
    hello_.renegotiation_info = Bytes{};
    hello_.ec_point_formats = {0};
  }
  for (NamedGroup g : config_.groups) {
    if (crypto::group_supported(g)) hello_.supported_groups.push_back(static_cast<uint16_t>(g));
  }
  if (hello_.supported_groups.empty()) {
    return Error::make(ErrorKind::invalid_argument, "no key exchange group enabled");
  }
  for (SignatureScheme s : config_.signature_schemes) {
    hello_.signature_algorithms.push_back(static_cast<uint16_t>(s));
  }
  if (!config_.server_name.empty()) {
    hello_.server_name = config_.server_name;
    info_.server_name = config_.server_name;
  }
  hello_.alpn = config_.alpn_protocols;
  offer_session12(config_, hello_, random_, offer12 && !bare);
  if (offer13) CODA_TRY(choose_offer());
  if (!offer13) {
    CODA_TRY(send_client_hello());
    state_ = ClientState::wait_server_hello;
    return {};
  }
  hello_.key_shares.emplace();
  const size_t count = std::clamp<size_t>(config_.key_shares, 1, hello_.supported_groups.size());
  for (size_t i = 0; i < count; ++i) {
    const auto group = static_cast<NamedGroup>(hello_.supported_groups[i]);
    CODA_ASSIGN(auto share, crypto::KeyShare::generate(group, random_));
    hello_.key_shares->push_back({static_cast<uint16_t>(group),
                                  Bytes(share.public_key().begin(), share.public_key().end())});
    shares_.push_back(std::move(share));
  }
  CODA_TRY(send_client_hello());
  if (early_offered_) CODA_TRY(send_early_data());
  state_ = ClientState::wait_server_hello;
  return {};
}

// RFC 8446 2.3: early data right after the ClientHello, under keys from the
// PSK and the ClientHello (7.1), with the ticket's suite (4.2.10).
Status Tls13Client::send_early_data() {
  // RFC 8446 D.4: with early data, the dummy ChangeCipherSpec comes right
  // after the first ClientHello.
  send_compat_change_cipher_spec();
  const SecureBytes secret = client_early_traffic_secret(
      offer_suite_->hash, offer_->psk, transcript_.current_with(offer_suite_->hash, {}));
  info_.client_random = hello_.random;
  CODA_TRY(sink_.log_secret(LoggedSecret::client_early_traffic, secret));
  CODA_TRY(sink_.install_write_keys(tls13_key_material(*offer_suite_, secret)));
  const size_t n = std::min<size_t>(config_.early_data.size(), offer_->max_early_data);
  CODA_TRY(sink_.write_early_data(ByteView(config_.early_data).first(n)));
  info_.early_data_sent = n;
  return {};
}

Status Tls13Client::choose_offer() {
  const auto& session = config_.resume;
  if (!config_.tickets_enabled || !session || !session->usable_at(config_.now_ms())) return {};
  const SuiteInfo* suite = find_suite(session->cipher_suite);
  if (suite == nullptr || suite->version != ProtocolVersion::tls13) return {};
  // RFC 8446 4.2.11: a PSK goes with a suite of its hash; offer it only
  // when we offer such a suite.
  const bool hash_offered =
      std::any_of(hello_.cipher_suites.begin(), hello_.cipher_suites.end(), [&](uint16_t id) {
        const SuiteInfo* s = find_suite(id);
        return s && s->version == ProtocolVersion::tls13 && s->hash == suite->hash;
      });
  // RFC 8446 4.6.1: clients SHOULD only resume with the SNI of the
  // original session.
  if (!hash_offered || session->server_name != config_.server_name) return {};
  offer_ = session;
  offer_suite_ = suite;
  // RFC 8446 4.2.9: a PSK needs psk_key_exchange_modes; we only do
  // psk_dhe_ke, so every resumed session has a fresh (EC)DHE secret.
  hello_.psk_key_exchange_modes = {kPskDheKe};
  // RFC 8446 4.2.10: 0-RTT only with a ticket that allows it, and with the
  // ALPN protocol of its session among those we offer (the server must
  // select that one to accept).
  const bool alpn_fits =
      session->alpn.empty()
          ? config_.alpn_protocols.empty()
          : std::find(config_.alpn_protocols.begin(), config_.alpn_protocols.end(),
                      session->alpn) != config_.alpn_protocols.end();
  if (!config_.early_data.empty() && session->max_early_data > 0 && alpn_fits) {
    early_offered_ = true;
    hello_.has_early_data = true;
  }
  return {};
}

Status Tls13Client::seal_binder(Bytes& body) {
  // RFC 8446 4.2.11.1: obfuscated_ticket_age = age in ms + ticket_age_add.
  const uint64_t now = config_.now_ms();
  const uint64_t age = now > offer_->received_ms ? now - offer_->received_ms : 0;
  OfferedPsks psks;
  psks.identities.push_back({offer_->ticket, static_cast<uint32_t>(age + offer_->age_add)});
  const size_t n = crypto::hash_length(offer_suite_->hash);
  psks.binders.push_back(Bytes(n, 0));
  hello_.pre_shared_key = psks.serialize();
  body = hello_.serialize();
  if (body.empty()) return Error::make(ErrorKind::internal, "ClientHello too long");
  // RFC 8446 4.2.11.2: the binder covers the transcript up to and
  // including the ClientHello truncated before the binders list (after a
  // HelloRetryRequest: message_hash, the HRR, then this ClientHello).
  Bytes message;
  append_handshake(message, HandshakeType::client_hello, body);
  const Bytes hash =
      transcript_.current_with(offer_suite_->hash, truncated_client_hello(message, psks));
  const Bytes binder = psk_binder(offer_suite_->hash, offer_->psk, hash);
  // pre_shared_key is the last extension and its one binder the last bytes.
  std::copy(binder.begin(), binder.end(), body.end() - static_cast<std::ptrdiff_t>(n));
  psks.binders.front() = binder;
  hello_.pre_shared_key = psks.serialize();
  return {};
}

Status Tls13Client::send_client_hello() {
  Bytes body;
  if (offer_) {
    CODA_TRY(seal_binder(body));
  } else {
    body = hello_.serialize();
  }
  // Which extensions we offered decides what the server may answer with
  // (RFC 8446 4.2); reading our own hello back is the one source of truth.
  // A hello without credentials may list no suite at all, which the parser
  // refuses; every answer to it is refused anyway (on_server_hello).
  if (!config_.without_credentials) {
    CODA_ASSIGN(auto sent, ClientHello::parse(body));
    hello_.extension_types = std::move(sent.extension_types);
  }
  return send(HandshakeType::client_hello, body);
}

Status Tls13Client::handle(const HandshakeMessage& m) {
  switch (state_) {
    case ClientState::start:
      break;
    case ClientState::wait_server_hello:
      if (m.type == HandshakeType::server_hello) return on_server_hello(m);
      break;
    case ClientState::wait_encrypted_extensions:
      if (m.type == HandshakeType::encrypted_extensions) return on_encrypted_extensions(m);
      break;
    case ClientState::wait_certificate_or_request:
      if (m.type == HandshakeType::certificate_request) return on_certificate_request(m);
      if (m.type == HandshakeType::certificate) return on_certificate(m);
      break;
    case ClientState::wait_certificate:
      if (m.type == HandshakeType::certificate) return on_certificate(m);
      break;
    case ClientState::wait_certificate_verify:
      if (m.type == HandshakeType::certificate_verify) return on_certificate_verify(m);
      break;
    case ClientState::wait_finished:
      if (m.type == HandshakeType::finished) return on_finished(m);
      break;
    case ClientState::connected:
      return on_post_handshake(m);
  }
  // RFC 8446 4: a message out of order is an unexpected_message.
  return unexpected("handshake message out of order");
}

Status Tls13Client::check_server_hello_common(const ServerHello& sh) {
  // RFC 8446 4.1.3: these checks apply to ServerHello and HelloRetryRequest alike.
  if (!sh.selected_version) {
    return Error::alert_error(AlertDescription::protocol_version, "server did not select TLS 1.3");
  }
  if (*sh.selected_version != static_cast<uint16_t>(ProtocolVersion::tls13)) {
    return illegal_parameter("server selected a version we did not offer");
  }
  if (sh.legacy_version != 0x0303) return illegal_parameter("bad legacy_version");
  if (sh.legacy_session_id_echo != hello_.legacy_session_id) {
    return illegal_parameter("session id not echoed");
  }
  info_.session_id = sh.legacy_session_id_echo;  // gnutls_session_get_id, as GnuTLS
  if (sh.compression_method != 0) return illegal_parameter("compression selected");
  if (!contains(hello_.cipher_suites, sh.cipher_suite)) {
    return illegal_parameter("server selected a cipher suite we did not offer");
  }
  const SuiteInfo* suite = find_suite(sh.cipher_suite);
  if (suite == nullptr || suite->version != ProtocolVersion::tls13) {
    return illegal_parameter("cipher suite is not a TLS 1.3 suite");
  }
  // RFC 8446 4.1.4: the suite of the ServerHello must match the HRR's.
  if (suite_ != nullptr && suite_ != suite) {
    return illegal_parameter("cipher suite changed after HelloRetryRequest");
  }
  suite_ = suite;
  // RFC 8446 4.2: extensions we did not offer are unsupported_extension;
  // ones we know but that do not belong in this message are illegal_parameter.
  for (uint16_t type : sh.extension_types) {
    const auto t = static_cast<ExtensionType>(type);
    const bool allowed =
        t == ExtensionType::supported_versions || t == ExtensionType::key_share ||
        (sh.is_hello_retry_request() && t == ExtensionType::cookie) ||
        (!sh.is_hello_retry_request() && t == ExtensionType::pre_shared_key && offer_ != nullptr);
    if (allowed) continue;
    if (hello_.has_extension(t)) return illegal_parameter("extension not allowed in ServerHello");
    return Error::alert_error(AlertDescription::unsupported_extension,
                              "ServerHello carries an extension we did not offer");
  }
  return {};
}

Status Tls13Client::on_server_hello(const HandshakeMessage& m) {
  // Nothing we offered without credentials can be selected (a TLS 1.3
  // suite in TLS 1.2): refused before anything else, whatever it says.
  if (config_.without_credentials) {
    return Error::alert_error(AlertDescription::handshake_failure,
                              "no credentials to authenticate the server with",
                              Reason::no_usable_certificate);
  }
  CODA_ASSIGN(auto sh, ServerHello::parse(m.body));
  // RFC 8446 4.2.1: without supported_versions the server speaks 1.2 (or less).
  if (!sh.selected_version && !retried_) {
    if (sh.legacy_version == static_cast<uint16_t>(ProtocolVersion::tls12) &&
        config_.min_version <= ProtocolVersion::tls12 && !sh.is_hello_retry_request()) {
      shares_.clear();
      if (early_offered_) sink_.clear_write_keys();  // no 0-RTT in TLS 1.2
      return continue_tls12_client(config_, info_, sink_, random_, std::move(hello_),
                                   std::move(transcript_), sh, m);
    }
    return Error::alert_error(AlertDescription::protocol_version,
                              "server does not speak a version we offered");
  }
  if (sh.is_hello_retry_request()) return on_hello_retry_request(sh, m);
  CODA_TRY(check_server_hello_common(sh));
  if (!sh.key_share) return Error::alert_error(AlertDescription::missing_extension, "no key_share");
  const crypto::KeyShare* share = nullptr;
  for (const auto& s : shares_) {
    if (static_cast<uint16_t>(s.group()) == sh.key_share->group) share = &s;
  }
  // RFC 8446 4.2.8: the server's share MUST be for a group we sent a share for.
  if (share == nullptr) return illegal_parameter("key share for a group we did not offer");
  CODA_ASSIGN(auto shared, share->shared_secret(sh.key_share->key_exchange));
  CODA_ASSIGN(auto selected, selected_identity(sh));
  if (selected) {
    // RFC 8446 4.2.11: the index must name an offered PSK (we offer one),
    // and the suite must have the PSK's hash.
    if (*selected != 0) return illegal_parameter("server selected a PSK we did not offer");
    if (suite_->hash != offer_suite_->hash) {
      return illegal_parameter("server selected a PSK with a suite of another hash");
    }
    resumed_ = true;
    info_.resumed = true;
    // No Certificate comes in a resumed handshake: the original session's
    // peer stays the peer.
    info_.peer_chain = offer_->peer_chain;
    info_.peer_verify_status = offer_->peer_verify_status;
  }

  transcript_.set_hash(suite_->hash);
  transcript_.add(m.raw);
  info_.version = ProtocolVersion::tls13;
  info_.cipher_suite = suite_->id;
  info_.group = share->group();
  schedule_.emplace(suite_->hash);
  schedule_->derive_handshake_secrets(shared, transcript_.current(),
                                      resumed_ ? ByteView(offer_->psk) : ByteView());
  shares_.clear();  // the private keys are spent
  info_.client_random = hello_.random;
  info_.server_random = sh.random;
  CODA_TRY(log_handshake_secrets(*schedule_, sink_));

  sink_.set_version(ProtocolVersion::tls13);
  CODA_TRY(
      sink_.install_read_keys(tls13_key_material(*suite_, schedule_->server_handshake_secret())));
  send_compat_change_cipher_spec();
  // After 0-RTT the early keys stay ours until the EncryptedExtensions say
  // whether the server took the data (then until EndOfEarlyData).
  if (!early_offered_) {
    CODA_TRY(sink_.install_write_keys(
        tls13_key_material(*suite_, schedule_->client_handshake_secret())));
  }
  state_ = ClientState::wait_encrypted_extensions;
  return {};
}

Status Tls13Client::on_hello_retry_request(const ServerHello& hrr, const HandshakeMessage& m) {
  // RFC 8446 4.1.4: a second HelloRetryRequest is unexpected_message.
  if (retried_) return unexpected("second HelloRetryRequest");
  retried_ = true;
  CODA_TRY(check_server_hello_common(hrr));
  if (!hrr.selected_group && !hrr.cookie) {
    return illegal_parameter("HelloRetryRequest would not change the ClientHello");
  }
  if (hrr.selected_group) {
    const auto group = static_cast<NamedGroup>(*hrr.selected_group);
    if (!contains(hello_.supported_groups, group)) {
      return illegal_parameter("HelloRetryRequest asks for a group we did not offer");
    }
    for (const auto& s : shares_) {
      if (s.group() == group) return illegal_parameter("HelloRetryRequest asks for a sent share");
    }
    shares_.clear();
    CODA_ASSIGN(auto share, crypto::KeyShare::generate(group, random_));
    hello_.key_shares =
        std::vector<KeyShareEntry>{{static_cast<uint16_t>(group),
                                    Bytes(share.public_key().begin(), share.public_key().end())}};
    shares_.push_back(std::move(share));
  }
  hello_.cookie = hrr.cookie;
  info_.hello_retry = true;
  // RFC 8446 4.1.2, 4.2.10: no early_data in the second ClientHello; the
  // early data is lost, and the hello goes out in plaintext again.
  if (early_offered_) {
    early_offered_ = false;
    hello_.has_early_data = false;
    sink_.clear_write_keys();
  }
  // RFC 8446 4.1.2: the second ClientHello may drop a PSK whose hash does
  // not go with the suite the server chose.
  if (offer_ && offer_suite_->hash != suite_->hash) {
    offer_.reset();
    hello_.pre_shared_key.reset();
    hello_.psk_key_exchange_modes.clear();
  }

  transcript_.set_hash(suite_->hash);
  transcript_.replace_with_message_hash();
  transcript_.add(m.raw);
  send_compat_change_cipher_spec();
  return send_client_hello();
}

Status Tls13Client::on_encrypted_extensions(const HandshakeMessage& m) {
  CODA_ASSIGN(auto ee, EncryptedExtensions::parse(m.body));
  for (uint16_t type : ee.extension_types) {
    const auto t = static_cast<ExtensionType>(type);
    // RFC 8446 4.2 table: these may appear in EncryptedExtensions.
    const bool allowed_here =
        t == ExtensionType::server_name || t == ExtensionType::supported_groups ||
        t == ExtensionType::alpn || t == ExtensionType::max_fragment_length ||
        t == ExtensionType::record_size_limit || t == ExtensionType::early_data;
    if (!hello_.has_extension(t) && t != ExtensionType::supported_groups) {
      return Error::alert_error(AlertDescription::unsupported_extension,
                                "EncryptedExtensions carries an extension we did not offer");
    }
    if (!allowed_here) return illegal_parameter("extension not allowed in EncryptedExtensions");
  }
  CODA_TRY(accept_alpn(config_, ee.alpn, info_));
  for (const auto& e : ee.other_extensions) {
    if (e.type != static_cast<uint16_t>(ExtensionType::early_data)) continue;
    // RFC 8446 4.2.10: empty in EncryptedExtensions, and only for the
    // first PSK, with the ticket's suite and ALPN.
    if (!e.body.empty()) return decode_error("early_data: not empty");
    if (!resumed_ || suite_->id != offer_->cipher_suite || info_.alpn != offer_->alpn) {
      return illegal_parameter("early data accepted for a session it does not fit");
    }
    early_accepted_ = true;
  }
  info_.early_data_accepted = early_accepted_;
  if (early_offered_ && !early_accepted_) {
    CODA_TRY(sink_.install_write_keys(
        tls13_key_material(*suite_, schedule_->client_handshake_secret())));
  }
  transcript_.add(m.raw);
  // RFC 8446 2.2: a PSK handshake has no Certificate, CertificateVerify or
  // (4.3.2) CertificateRequest; anything but Finished is unexpected.
  state_ = resumed_ ? ClientState::wait_finished : ClientState::wait_certificate_or_request;
  return {};
}

Status Tls13Client::on_certificate_request(const HandshakeMessage& m) {
  CODA_ASSIGN(auto req, CertificateRequest::parse(m.body));
  // RFC 8446 4.3.2: in the main handshake the context MUST be empty.
  if (!req.request_context.empty())
    return illegal_parameter("non-empty certificate_request_context");
  certificate_requested_ = true;
  info_.certificate_requested = true;
  request_context_ = req.request_context;
  requested_schemes_ = req.signature_algorithms;
  requested_authorities_ = std::move(req.certificate_authorities);
  transcript_.add(m.raw);
  state_ = ClientState::wait_certificate;
  return {};
}

Status Tls13Client::on_certificate(const HandshakeMessage& m) {
  CODA_ASSIGN(auto cert, CertificateMsg::parse(m.body));
  if (!cert.request_context.empty()) return illegal_parameter("non-empty certificate context");
  CODA_TRY(accept_peer_certificate(config_, cert, /*peer_is_server=*/true, info_));
  transcript_.add(m.raw);
  state_ = ClientState::wait_certificate_verify;
  return {};
}

Status Tls13Client::on_certificate_verify(const HandshakeMessage& m) {
  CODA_ASSIGN(auto cv, CertificateVerify::parse(m.body));
  CODA_TRY(check_certificate_verify(cv, config_.signature_schemes, /*peer_is_server=*/true,
                                    transcript_.current(), info_));
  transcript_.add(m.raw);
  state_ = ClientState::wait_finished;
  return {};
}

Status Tls13Client::on_finished(const HandshakeMessage& m) {
  CODA_ASSIGN(auto fin, Finished::parse(m.body, crypto::hash_length(suite_->hash)));
  const Bytes expected = finished_verify_data(suite_->hash, schedule_->server_handshake_secret(),
                                              transcript_.current());
  // RFC 8446 4.4.4: a wrong verify_data is decrypt_error.
  if (!ct_equal(expected, fin.verify_data)) {
    return Error::alert_error(AlertDescription::decrypt_error, "server Finished does not verify",
                              Reason::finished_mismatch);
  }
  transcript_.add(m.raw);
  schedule_->derive_application_secrets(transcript_.current());
  CODA_TRY(
      sink_.install_read_keys(tls13_key_material(*suite_, schedule_->server_application_secret())));
  if (early_accepted_) {
    // RFC 8446 4.5: EndOfEarlyData under the early keys ends the 0-RTT data.
    CODA_TRY(send(HandshakeType::end_of_early_data, {}));
    CODA_TRY(sink_.install_write_keys(
        tls13_key_material(*suite_, schedule_->client_handshake_secret())));
  }

  if (certificate_requested_) {
    auto own = choose_client_certificate(config_, requested_schemes_, /*tls12=*/false);
    // RFC 8446 4.2.4: the client uses the CAs the server names to choose.
    if (own && !issued_by_one_of(*own->key, requested_authorities_)) own.reset();
    static const std::vector<crypto::Certificate> kNoChain;
    const auto& chain = own ? own->key->chain : kNoChain;
    CODA_TRY(send(HandshakeType::certificate, certificate_message(chain, request_context_)));
    if (own) {
      info_.own_signature_scheme = own->scheme;
      CODA_ASSIGN(auto cv, make_certificate_verify(own->key->key, own->scheme, /*server=*/false,
                                                   transcript_.current()));
      CODA_TRY(send(HandshakeType::certificate_verify, cv));
    }
  }
  Finished mine;
  mine.verify_data = finished_verify_data(suite_->hash, schedule_->client_handshake_secret(),
                                          transcript_.current());
  CODA_TRY(send(HandshakeType::finished, mine.serialize()));
  res_master_ = schedule_->resumption_master_secret(transcript_.current());
  // Logged once our Finished is out, as GnuTLS does: a key log callback
  // that fails here leaves the server with a complete handshake.
  CODA_TRY(log_application_secrets(*schedule_, sink_));
  app_secrets_.write = schedule_->client_application_secret();
  app_secrets_.read = schedule_->server_application_secret();
  CODA_TRY(sink_.install_write_keys(tls13_key_material(*suite_, app_secrets_.write)));
  state_ = ClientState::connected;
  // What only the handshake needed goes now, not when the session ends.
  schedule_.reset();
  transcript_ = Transcript{};
  hello_ = ClientHello{};
  return {};
}

Status Tls13Client::on_post_handshake(const HandshakeMessage& m) {
  switch (m.type) {
    case HandshakeType::new_session_ticket:
      return on_new_session_ticket(m);
    case HandshakeType::key_update:
      return handle_key_update(m, *suite_, app_secrets_, sink_);
    default:
      // We never send post_handshake_auth, so a CertificateRequest is unexpected too.
      return unexpected("unexpected post-handshake message");
  }
}

Status Tls13Client::on_new_session_ticket(const HandshakeMessage& m) {
  CODA_ASSIGN(auto nst, NewSessionTicket::parse(m.body));
  ++info_.tickets;
  // RFC 8446 4.6.1: a lifetime of zero means discard it at once.
  if (nst.lifetime == 0) return {};
  auto session = std::make_shared<ResumableSession>();
  session->cipher_suite = suite_->id;
  session->psk = resumption_psk(suite_->hash, res_master_, nst.nonce);
  session->ticket = std::move(nst.ticket);
  session->age_add = nst.age_add;
  // RFC 8446 4.6.1: clients MUST NOT cache a ticket for over seven days.
  session->lifetime = std::min(nst.lifetime, kMaxTicketLifetimeSeconds);
  session->received_ms = config_.now_ms();
  session->server_name = config_.server_name;
  session->alpn = info_.alpn;
  session->peer_chain = info_.peer_chain;
  session->peer_verify_status = info_.peer_verify_status;
  for (const auto& e : nst.extensions) {
    if (e.type != static_cast<uint16_t>(ExtensionType::early_data)) continue;
    // RFC 8446 4.6.1: uint32 max_early_data_size.
    if (e.body.size() != 4) return decode_error("early_data: bad max_early_data_size");
    session->max_early_data = (uint32_t{e.body[0]} << 24U) | (uint32_t{e.body[1]} << 16U) |
                              (uint32_t{e.body[2]} << 8U) | uint32_t{e.body[3]};
  }
  info_.ticket = std::move(session);
  return {};
}

}  // namespace

std::unique_ptr<HandshakeMachine> make_tls13_client(const Config& config, SessionInfo& info,
                                                    HandshakeSink& sink) {
  return std::make_unique<Tls13Client>(config, info, sink);
}

}  // namespace coda::hs
