#include "handshake/tls13_common.hpp"

#include <string_view>

#include "base/writer.hpp"
#include "handshake/certificate_auth.hpp"
#include "handshake/key_schedule.hpp"

namespace coda::hs {

Error unexpected(const char* why) {
  return Error::alert_error(AlertDescription::unexpected_message, why,
                            Reason::handshake_out_of_order);
}

Bytes certificate_verify_content(bool server, ByteView transcript_hash) {
  constexpr std::string_view kServer = "TLS 1.3, server CertificateVerify";
  constexpr std::string_view kClient = "TLS 1.3, client CertificateVerify";
  const std::string_view context = server ? kServer : kClient;
  Bytes content(64, 0x20);
  content.insert(content.end(), context.begin(), context.end());
  content.push_back(0);
  append(content, transcript_hash);
  return content;
}

Status check_certificate_verify(const CertificateVerify& cv,
                                const std::vector<SignatureScheme>& offered, bool peer_is_server,
                                ByteView transcript_hash, SessionInfo& info) {
  const Bytes content = certificate_verify_content(peer_is_server, transcript_hash);
  return verify_peer_signature(offered, cv.scheme, content, cv.signature, /*tls12=*/false, info);
}

Result<Bytes> make_certificate_verify(const crypto::PrivateKey& key, SignatureScheme scheme,
                                      bool server, ByteView transcript_hash) {
  const Bytes content = certificate_verify_content(server, transcript_hash);
  auto signature = key.sign(scheme, content);
  if (!signature) return Error::alert_error(AlertDescription::internal_error, "signing failed");
  CertificateVerify cv;
  cv.scheme = static_cast<uint16_t>(scheme);
  cv.signature = std::move(signature).value();
  return cv.serialize();
}

Bytes certificate_message(const std::vector<crypto::Certificate>& chain, ByteView context) {
  CertificateMsg msg;
  msg.request_context.assign(context.begin(), context.end());
  for (const auto& cert : chain) {
    msg.entries.push_back({Bytes(cert.der().begin(), cert.der().end()), {}});
  }
  return msg.serialize();
}

Status handle_key_update(const HandshakeMessage& m, const SuiteInfo& suite,
                         ApplicationSecrets& secrets, HandshakeSink& sink) {
  CODA_ASSIGN(auto ku, KeyUpdate::parse(m.body));
  secrets.read = next_traffic_secret(suite.hash, secrets.read);
  CODA_TRY(sink.install_read_keys(tls13_key_material(suite, secrets.read)));
  // RFC 8446 4.6.3: answer a request with update_not_requested, then switch.
  // The answer is due "prior to sending its next Application Data record";
  // after our close_notify there is none, and nothing may be sent at all
  // (6.1), so the request is left unanswered. The read keys switched above
  // all the same: what the peer sends next is under them.
  if (ku.request == KeyUpdate::update_requested && sink.can_write()) {
    return send_key_update(/*request_peer=*/false, suite, secrets, sink);
  }
  return {};
}

Status send_key_update(bool request_peer, const SuiteInfo& suite, ApplicationSecrets& secrets,
                       HandshakeSink& sink) {
  KeyUpdate ku;
  ku.request = request_peer ? KeyUpdate::update_requested : KeyUpdate::update_not_requested;
  Bytes message;
  append_handshake(message, HandshakeType::key_update, ku.serialize());
  CODA_TRY(sink.write_handshake(message));
  secrets.write = next_traffic_secret(suite.hash, secrets.write);
  return sink.install_write_keys(tls13_key_material(suite, secrets.write));
}

Status log_handshake_secrets(const KeySchedule& schedule, HandshakeSink& sink) {
  CODA_TRY(
      sink.log_secret(LoggedSecret::client_handshake_traffic, schedule.client_handshake_secret()));
  return sink.log_secret(LoggedSecret::server_handshake_traffic,
                         schedule.server_handshake_secret());
}

Status log_application_secrets(const KeySchedule& schedule, HandshakeSink& sink) {
  CODA_TRY(sink.log_secret(LoggedSecret::exporter, schedule.exporter_master_secret()));
  CODA_TRY(sink.log_secret(LoggedSecret::client_traffic_0, schedule.client_application_secret()));
  return sink.log_secret(LoggedSecret::server_traffic_0, schedule.server_application_secret());
}

}  // namespace coda::hs
