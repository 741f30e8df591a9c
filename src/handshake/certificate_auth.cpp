#include "handshake/certificate_auth.hpp"

#include <algorithm>

#include "crypto/x509.hpp"
#include "handshake/tls13_common.hpp"

namespace coda::hs {

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
    // RFC 8446 4.4.2.4 / RFC 5246 7.4.2: a server MUST send a certificate.
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
  if (config.peer_certificate_check && config.peer_certificate_check() != 0) {
    return Error::alert_error(AlertDescription::bad_certificate,
                              "peer certificate refused by the program",
                              Reason::certificate_rejected);
  }
  return {};
}

Status accept_missing_client_certificate(const Config& config, ProtocolVersion version) {
  if (config.client_auth == Config::ClientAuth::require) {
    // RFC 8446 4.4.2.4: certificate_required. RFC 5246 7.4.6 lets a TLS 1.2
    // server refuse as it likes; GnuTLS refuses with decode_error.
    if (version == ProtocolVersion::tls13) {
      return Error::alert_error(AlertDescription::certificate_required, "no client certificate");
    }
    return Error::alert_error(AlertDescription::decode_error, "no client certificate",
                              Reason::no_client_certificate);
  }
  if (config.verify_peer) {
    return Error::alert_error(AlertDescription::bad_certificate, "no client certificate to verify",
                              Reason::no_certificate_to_verify);
  }
  return {};
}

Status verify_peer_signature(const std::vector<SignatureScheme>& offered, uint16_t scheme,
                             ByteView content, ByteView signature, bool tls12, SessionInfo& info) {
  const auto chosen = static_cast<SignatureScheme>(scheme);
  // RFC 8446 4.4.3, RFC 5246 7.4.8: the scheme MUST be one we offered.
  if (std::find(offered.begin(), offered.end(), chosen) == offered.end()) {
    return illegal_parameter("signature with a scheme we did not offer");
  }
  if (info.peer_chain.empty()) {
    return unexpected("signature without a certificate");
  }
  auto key = info.peer_chain.front().public_key();
  if (!key) return Error::alert_error(AlertDescription::bad_certificate, "unusable public key");
  if (!key->allows(chosen, tls12)) {
    return illegal_parameter("signature scheme does not match the certificate key");
  }
  if (!key->verify(chosen, content, signature)) {
    return Error::alert_error(AlertDescription::decrypt_error, "bad signature",
                              Reason::bad_signature);
  }
  info.peer_signature_scheme = chosen;
  return {};
}

std::vector<Bytes> certificate_authorities_for(const Config& config) {
  if (!config.trust || !config.send_ca_names) return {};
  size_t total = 0;
  for (const Bytes& name : config.trust->anchor_names()) total += 2 + name.size();
  if (total > 0xFFFF) return {};
  return config.trust->anchor_names();
}

bool issued_by_one_of(const CertifiedKey& own, const std::vector<Bytes>& authorities) {
  if (authorities.empty()) return true;
  return std::any_of(own.chain.begin(), own.chain.end(), [&](const crypto::Certificate& cert) {
    return std::find(authorities.begin(), authorities.end(), cert.issuer_der()) !=
           authorities.end();
  });
}

std::optional<OwnCertificate> choose_client_certificate(const Config& config,
                                                        const std::vector<uint16_t>& requested,
                                                        bool tls12) {
  const CertifiedKey* own = config.client_certificate.get();
  if (own == nullptr || own->chain.empty()) return std::nullopt;
  for (uint16_t id : requested) {
    const auto scheme = static_cast<SignatureScheme>(id);
    const bool enabled = std::find(config.signature_schemes.begin(), config.signature_schemes.end(),
                                   scheme) != config.signature_schemes.end();
    if (enabled && own->key.allows(scheme, tls12)) return OwnCertificate{own, scheme};
  }
  return std::nullopt;
}

}  // namespace coda::hs
