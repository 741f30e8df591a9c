// The TLS 1.2 client (RFC 5246 7.3): full handshake with ECDHE, extended
// master secret, secure renegotiation indication and client certificates;
// the abbreviated handshake when the server resumes the session we offered
// (by id or RFC 5077 ticket); renegotiation refused.
#include <algorithm>
#include <optional>

#include "crypto/key_exchange.hpp"
#include "handshake/alpn.hpp"
#include "handshake/certificate_auth.hpp"
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
  wait_certificate,
  wait_server_key_exchange,
  wait_certificate_request_or_done,
  wait_server_hello_done,
  wait_new_session_ticket,
  wait_change_cipher_spec,
  wait_finished,
  connected,
};

class Tls12Client final : public HandshakeMachine {
 public:
  Tls12Client(const Config& config, SessionInfo& info, HandshakeSink& sink,
              crypto::RandomSource& random, ClientHello hello, Transcript transcript)
      : config_(config),
        info_(info),
        sink_(sink),
        random_(random),
        hello_(std::move(hello)),
        transcript_(std::move(transcript)) {}

  Status on_server_hello(const ServerHello& sh, const HandshakeMessage& m);
  Status start() override { return {}; }
  Status handle(const HandshakeMessage& m) override;
  bool complete() const override { return state_ == State::connected; }
  bool change_cipher_spec_allowed() const override {
    return state_ == State::wait_change_cipher_spec;
  }
  Status on_change_cipher_spec() override;
  bool application_data_allowed() const override { return complete(); }

 private:
  Status on_certificate(const HandshakeMessage& m);
  Status on_server_key_exchange(const HandshakeMessage& m);
  Status on_certificate_request(const HandshakeMessage& m);
  Status on_server_hello_done(const HandshakeMessage& m);
  Status on_new_session_ticket(const HandshakeMessage& m);
  Status on_finished(const HandshakeMessage& m);
  Status send_finished();
  void keep_session();
  Status send_certificate_verify();
  Status send(HandshakeType type, ByteView body);

  const Config& config_;
  SessionInfo& info_;
  HandshakeSink& sink_;
  crypto::RandomSource& random_;
  ClientHello hello_;
  Transcript transcript_;
  State state_ = State::wait_certificate;

  const SuiteInfo* suite_ = nullptr;
  std::array<uint8_t, 32> server_random_{};
  std::optional<ServerKeyExchangeEcdhe> key_exchange_;
  bool certificate_requested_ = false;
  // The certificate we answer the CertificateRequest with, if any.
  std::optional<OwnCertificate> own_certificate_;
  SecureBytes master_;
  // The session offered (by id or ticket; null: none), whether the server
  // resumed it (RFC 5246 7.3), whether a NewSessionTicket comes (RFC 5077
  // 3.2) and the one that came.
  std::shared_ptr<const ResumableSession12> offer_;
  bool resumed_ = false;
  bool expect_ticket_ = false;
  std::optional<NewSessionTicket12> ticket_;
};

Status Tls12Client::send(HandshakeType type, ByteView body) {
  return send_handshake(sink_, transcript_, type, body);
}

Status Tls12Client::on_server_hello(const ServerHello& sh, const HandshakeMessage& m) {
  if (!contains(hello_.cipher_suites, sh.cipher_suite)) {
    return illegal_parameter("server selected a cipher suite we did not offer");
  }
  suite_ = find_suite(sh.cipher_suite);
  if (suite_ == nullptr || suite_->version != ProtocolVersion::tls12) {
    return illegal_parameter("cipher suite is not a TLS 1.2 suite");
  }
  if (sh.compression_method != 0) return illegal_parameter("compression selected");
  // RFC 8446 4.1.3: a client that offered 1.3 MUST check the sentinel.
  if (config_.max_version >= ProtocolVersion::tls13 &&
      std::equal(std::begin(kDowngradeTls12), std::end(kDowngradeTls12), sh.random.end() - 8)) {
    return illegal_parameter("downgrade to TLS 1.2 detected");
  }
  if (std::equal(std::begin(kDowngradeTls11), std::end(kDowngradeTls11), sh.random.end() - 8)) {
    return illegal_parameter("downgrade below TLS 1.2 detected");
  }
  // RFC 5246 7.4.1.4: only extensions we offered may come back.
  for (uint16_t type : sh.extension_types) {
    const auto t = static_cast<ExtensionType>(type);
    const bool allowed = t == ExtensionType::extended_master_secret ||
                         t == ExtensionType::renegotiation_info ||
                         t == ExtensionType::ec_point_formats || t == ExtensionType::server_name ||
                         t == ExtensionType::alpn || t == ExtensionType::session_ticket;
    if (!hello_.has_extension(t)) {
      return Error::alert_error(AlertDescription::unsupported_extension,
                                "ServerHello carries an extension we did not offer");
    }
    if (!allowed) return illegal_parameter("extension not allowed in a TLS 1.2 ServerHello");
  }
  // RFC 7627 5.2: we require the extended master secret.
  if (!sh.extended_master_secret) {
    return Error::alert_error(AlertDescription::handshake_failure,
                              "server does not support the extended master secret");
  }
  // RFC 5746 3.4: on the initial handshake the extension must be empty.
  if (sh.renegotiation_info && !sh.renegotiation_info->empty()) {
    return Error::alert_error(AlertDescription::handshake_failure, "bad renegotiation_info");
  }
  // RFC 8422 5.2: if the server lists point formats, uncompressed is among them.
  if (contains(sh.extension_types, ExtensionType::ec_point_formats) &&
      std::find(sh.ec_point_formats.begin(), sh.ec_point_formats.end(), 0) ==
          sh.ec_point_formats.end()) {
    return illegal_parameter("server does not accept uncompressed points");
  }
  // RFC 5077 3.2: the server's SessionTicket is empty, and says a
  // NewSessionTicket comes.
  if (const auto st = session_ticket_extension(sh.other_extensions)) {
    if (!st->empty())
      return Error::alert_error(AlertDescription::decode_error, "SessionTicket not empty");
    expect_ticket_ = true;
  }
  CODA_TRY(accept_alpn(config_, sh.alpn, info_));
  server_random_ = sh.random;
  info_.session_id = sh.legacy_session_id_echo;
  // RFC 5246 7.3 / RFC 5077 3.4: our session id echoed means the server
  // resumes the session we offered.
  offer_ = config_.resume12;
  if (offer_ && (!offer_->offerable() || offer_->server_name != config_.server_name)) {
    offer_.reset();
  }
  resumed_ = offer_ && !hello_.legacy_session_id.empty() &&
             sh.legacy_session_id_echo == hello_.legacy_session_id;
  if (resumed_) {
    // RFC 5246 7.4.1.3: a resumed session keeps its cipher suite.
    if (suite_->id != offer_->cipher_suite) {
      return illegal_parameter("resumed session with another cipher suite");
    }
    master_.assign(offer_->master_secret.begin(), offer_->master_secret.end());
    info_.resumed = true;
    info_.peer_chain = offer_->peer_chain;
    info_.peer_verify_status = offer_->peer_verify_status;
  }
  info_.client_random = hello_.random;
  info_.server_random = sh.random;
  // RFC 5246 7.4.8: a CertificateVerify would sign every message from the
  // ClientHello on; keep them while one may be asked for.
  if (config_.client_certificate) transcript_.keep_messages();
  transcript_.set_hash(suite_->hash);
  transcript_.add(m.raw);
  info_.version = ProtocolVersion::tls12;
  info_.cipher_suite = suite_->id;
  sink_.set_version(ProtocolVersion::tls12);
  if (resumed_) {
    // The key log names the resumed connection's master secret too.
    CODA_TRY(sink_.log_secret(LoggedSecret::master, master_));
    state_ = expect_ticket_ ? State::wait_new_session_ticket : State::wait_change_cipher_spec;
  } else {
    state_ = State::wait_certificate;
  }
  return {};
}

Status Tls12Client::handle(const HandshakeMessage& m) {
  switch (state_) {
    case State::wait_certificate:
      if (m.type == HandshakeType::certificate) return on_certificate(m);
      break;
    case State::wait_server_key_exchange:
      if (m.type == HandshakeType::server_key_exchange) return on_server_key_exchange(m);
      break;
    case State::wait_certificate_request_or_done:
      if (m.type == HandshakeType::certificate_request) return on_certificate_request(m);
      if (m.type == HandshakeType::server_hello_done) return on_server_hello_done(m);
      break;
    case State::wait_server_hello_done:
      if (m.type == HandshakeType::server_hello_done) return on_server_hello_done(m);
      break;
    case State::wait_new_session_ticket:
      if (m.type == HandshakeType::new_session_ticket) return on_new_session_ticket(m);
      break;
    case State::wait_change_cipher_spec:
      break;
    case State::wait_finished:
      if (m.type == HandshakeType::finished) return on_finished(m);
      break;
    case State::connected:
      // RFC 5746 4.2 / RFC 5246 7.4.1.1: we do not renegotiate; a
      // HelloRequest is answered with a no_renegotiation warning.
      if (m.type == HandshakeType::hello_request) {
        CODA_TRY(HelloRequest::parse(m.body));
        sink_.write_warning_alert(AlertDescription::no_renegotiation);
        return {};
      }
      break;
  }
  return unexpected("handshake message out of order");
}

Status Tls12Client::on_certificate(const HandshakeMessage& m) {
  CODA_ASSIGN(auto cert, Certificate12::parse(m.body));
  CODA_TRY(accept_peer_certificate12(config_, std::move(cert), /*peer_is_server=*/true, info_));
  auto key = info_.peer_chain.front().public_key();
  if (!key || !key_fits_suite(key->type(), suite_->kx)) {
    return Error::alert_error(AlertDescription::unsupported_certificate,
                              "certificate key does not fit the cipher suite");
  }
  transcript_.add(m.raw);
  state_ = State::wait_server_key_exchange;
  return {};
}

Status Tls12Client::on_server_key_exchange(const HandshakeMessage& m) {
  CODA_ASSIGN(auto ske, ServerKeyExchangeEcdhe::parse(m.body));
  if (!contains(hello_.supported_groups, ske.named_group)) {
    return illegal_parameter("server chose a group we did not offer");
  }
  const Bytes content =
      server_key_exchange_content(hello_.random, server_random_, ske.params_bytes());
  CODA_TRY(verify_peer_signature(config_.signature_schemes, ske.scheme, content, ske.signature,
                                 /*tls12=*/true, info_));
  info_.group = static_cast<NamedGroup>(ske.named_group);
  key_exchange_ = std::move(ske);
  transcript_.add(m.raw);
  state_ = State::wait_certificate_request_or_done;
  return {};
}

Status Tls12Client::on_certificate_request(const HandshakeMessage& m) {
  CODA_ASSIGN(auto req, CertificateRequest12::parse(m.body));
  certificate_requested_ = true;
  info_.certificate_requested = true;
  own_certificate_ = choose_client_certificate(config_, req.signature_algorithms, /*tls12=*/true);
  if (own_certificate_ && !fits_certificate_request(*own_certificate_->key, req)) {
    own_certificate_.reset();
  }
  transcript_.add(m.raw);
  state_ = State::wait_server_hello_done;
  return {};
}

Status Tls12Client::on_server_hello_done(const HandshakeMessage& m) {
  CODA_TRY(ServerHelloDone::parse(m.body));
  transcript_.add(m.raw);
  if (!own_certificate_) transcript_.drop_messages();
  // RFC 5246 7.4.6: asked for a certificate, we answer, with an empty list
  // when we have none that fits (the server decides whether to go on).
  if (certificate_requested_) {
    Certificate12 cert;
    if (own_certificate_) {
      for (const auto& c : own_certificate_->key->chain)
        cert.certificates.emplace_back(c.der().begin(), c.der().end());
    }
    CODA_TRY(send(HandshakeType::certificate, cert.serialize()));
  }

  const auto group = static_cast<NamedGroup>(key_exchange_->named_group);
  CODA_ASSIGN(auto share, crypto::KeyShare::generate(group, random_));
  CODA_ASSIGN(auto pre_master, share.shared_secret(key_exchange_->public_key));
  ClientKeyExchangeEcdhe cke;
  cke.public_key.assign(share.public_key().begin(), share.public_key().end());
  // RFC 7627 4: the session hash covers everything through
  // ClientKeyExchange, so it is taken before the CertificateVerify. The
  // master secret is logged before that message leaves, as GnuTLS does: a
  // key log callback that refuses it stops the handshake with nothing sent.
  Bytes cke_message;
  append_handshake(cke_message, HandshakeType::client_key_exchange, cke.serialize());
  transcript_.add(cke_message);
  master_ = master_secret_ems(suite_->hash, pre_master, transcript_.current());
  CODA_TRY(sink_.log_secret(LoggedSecret::master, master_));
  CODA_TRY(sink_.write_handshake(cke_message));
  if (own_certificate_) CODA_TRY(send_certificate_verify());
  CODA_TRY(send_finished());
  state_ = expect_ticket_ ? State::wait_new_session_ticket : State::wait_change_cipher_spec;
  return {};
}

Status Tls12Client::send_finished() {
  sink_.write_change_cipher_spec();
  CODA_TRY(install_tls12_keys(sink_, *suite_, master_, hello_.random, server_random_,
                              /*client_keys=*/true, /*for_writing=*/true));
  Finished fin;
  fin.verify_data = finished12(suite_->hash, master_, /*client=*/true, transcript_.current());
  return send(HandshakeType::finished, fin.serialize());
}

Status Tls12Client::on_new_session_ticket(const HandshakeMessage& m) {
  CODA_ASSIGN(auto nst, NewSessionTicket12::parse(m.body));
  transcript_.add(m.raw);
  // RFC 5077 3.3: an empty ticket says there is none after all.
  if (!nst.ticket.empty()) {
    info_.ticket12_received = true;
    ticket_ = std::move(nst);
  }
  state_ = State::wait_change_cipher_spec;
  return {};
}

void Tls12Client::keep_session() {
  auto session = std::make_shared<ResumableSession12>();
  if (resumed_) *session = *offer_;
  session->cipher_suite = suite_->id;
  session->master_secret.assign(master_.begin(), master_.end());
  session->extended_master_secret = true;
  if (!resumed_) {
    session->session_id = info_.session_id;
    session->received_ms = config_.now_ms();
    session->server_name = config_.server_name;
    session->peer_chain = info_.peer_chain;
    session->peer_verify_status = info_.peer_verify_status;
    session->ticket.clear();
  }
  if (ticket_) {
    session->ticket = std::move(ticket_->ticket);
    session->ticket_lifetime_hint = ticket_->lifetime_hint;
  }
  session->alpn = info_.alpn;
  if (session->offerable()) info_.session12 = std::move(session);
}

Status Tls12Client::send_certificate_verify() {
  // RFC 5246 7.4.8: the signature covers handshake_messages, everything
  // from the ClientHello through the ClientKeyExchange.
  auto signature =
      own_certificate_->key->key.sign(own_certificate_->scheme, transcript_.messages());
  transcript_.drop_messages();
  if (!signature) return Error::alert_error(AlertDescription::internal_error, "signing failed");
  CertificateVerify cv;
  cv.scheme = static_cast<uint16_t>(own_certificate_->scheme);
  cv.signature = std::move(signature).value();
  info_.own_signature_scheme = own_certificate_->scheme;
  return send(HandshakeType::certificate_verify, cv.serialize());
}

Status Tls12Client::on_change_cipher_spec() {
  CODA_TRY(install_tls12_keys(sink_, *suite_, master_, hello_.random, server_random_,
                              /*client_keys=*/false, /*for_writing=*/false));
  state_ = State::wait_finished;
  return {};
}

Status Tls12Client::on_finished(const HandshakeMessage& m) {
  CODA_ASSIGN(auto fin, Finished::parse(m.body, kFinished12Length));
  const Bytes expected = finished12(suite_->hash, master_, /*client=*/false, transcript_.current());
  if (!ct_equal(expected, fin.verify_data)) {
    return Error::alert_error(AlertDescription::decrypt_error, "server Finished does not verify",
                              Reason::finished_mismatch);
  }
  if (resumed_) {
    // RFC 5246 7.3: in the abbreviated handshake our Finished comes last.
    transcript_.add(m.raw);
    CODA_TRY(send_finished());
  }
  keep_session();
  state_ = State::connected;
  // No renegotiation: the master secret is not needed again here (the
  // session to resume holds its copy).
  master_ = SecureBytes{};
  transcript_ = Transcript{};
  return {};
}

}  // namespace

Status continue_tls12_client(const Config& config, SessionInfo& info, HandshakeSink& sink,
                             crypto::RandomSource& random, ClientHello hello, Transcript transcript,
                             const ServerHello& sh, const HandshakeMessage& m) {
  auto machine = std::make_unique<Tls12Client>(config, info, sink, random, std::move(hello),
                                               std::move(transcript));
  Tls12Client& next = *machine;
  sink.hand_over(std::move(machine));
  return next.on_server_hello(sh, m);
}

}  // namespace coda::hs
