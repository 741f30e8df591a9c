#include "handshake/tls13_common.hpp"

#include <algorithm>
#include <ctime>
#include <string_view>

#include "base/writer.hpp"
#include "crypto/x509.hpp"
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

Status accept_peer_certificate(const Config& config, const CertificateMsg& message,
                               bool peer_is_server, SessionInfo& info) {
  std::vector<crypto::Certificate> chain;
  chain.reserve(message.entries.size());
  for (const auto& entry : message.entries) {
    auto cert = crypto::Certificate::from_der(entry.cert_data);
    if (!cert)
      return Error::alert_error(AlertDescription::bad_certificate, "unparsable certificate");
    chain.push_back(std::move(cert).value());
  }
  if (chain.empty()) {
    // RFC 8446 4.4.2.4: a server MUST send a certificate (decode_error if
    // not); a client that sends none is refused with certificate_required.
    if (peer_is_server) return decode_error("server sent no certificate");
    return Error::alert_error(AlertDescription::certificate_required, "no client certificate");
  }
  if (!chain.front().public_key()) {
    return Error::alert_error(AlertDescription::unsupported_certificate, "unsupported public key");
  }

  uint32_t status = crypto::kVerifyInvalid | crypto::kVerifySignerNotFound;
  if (config.trust) {
    crypto::VerifyOptions options;
    options.server = peer_is_server;
    options.at_time = config.verify_time;
    if (peer_is_server) {
      options.hostname =
          config.verify_hostname.empty() ? config.server_name : config.verify_hostname;
    }
    status = crypto::verify_chain(*config.trust, chain, options);
  }
  info.peer_chain = std::move(chain);
  info.peer_verify_status = status;
  if (config.verify_peer && status != crypto::kVerifyOk) {
    return Error::alert_error(crypto::alert_for_verify_status(status),
                              "certificate verification failed");
  }
  return {};
}

Status check_certificate_verify(const CertificateVerify& cv,
                                const std::vector<SignatureScheme>& offered, bool peer_is_server,
                                ByteView transcript_hash, SessionInfo& info) {
  const auto scheme = static_cast<SignatureScheme>(cv.scheme);
  // RFC 8446 4.4.3: the scheme MUST be one we offered.
  if (std::find(offered.begin(), offered.end(), scheme) == offered.end()) {
    return illegal_parameter("CertificateVerify uses a scheme we did not offer");
  }
  if (info.peer_chain.empty()) return unexpected("CertificateVerify without a certificate");
  auto key = info.peer_chain.front().public_key();
  if (!key) return Error::alert_error(AlertDescription::bad_certificate, "unusable public key");
  if (!key->allows(scheme)) return illegal_parameter("scheme does not match the certificate key");
  const Bytes content = certificate_verify_content(peer_is_server, transcript_hash);
  if (!key->verify(scheme, content, cv.signature)) {
    return Error::alert_error(AlertDescription::decrypt_error, "bad CertificateVerify signature",
                              Reason::bad_signature);
  }
  info.peer_signature_scheme = scheme;
  return {};
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
  if (ku.request == KeyUpdate::update_requested) {
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
