#include "handshake/tls12_common.hpp"

#include <algorithm>

#include "handshake/certificate_auth.hpp"
#include "handshake/prf12.hpp"

namespace coda::hs {

Status install_tls12_keys(HandshakeSink& sink, const SuiteInfo& suite, ByteView master,
                          ByteView client_random, ByteView server_random, bool client_keys,
                          bool for_writing) {
  KeyBlock12 block = key_block(suite.hash, suite.aead, master, client_random, server_random);
  KeyMaterial keys{ProtocolVersion::tls12, suite.aead,
                   client_keys ? std::move(block.client_key) : std::move(block.server_key),
                   client_keys ? std::move(block.client_iv) : std::move(block.server_iv)};
  return for_writing ? sink.install_write_keys(keys) : sink.install_read_keys(keys);
}

Bytes server_key_exchange_content(ByteView client_random, ByteView server_random, ByteView params) {
  Bytes content;
  content.reserve(client_random.size() + server_random.size() + params.size());
  append(content, client_random);
  append(content, server_random);
  append(content, params);
  return content;
}

bool key_fits_suite(crypto::KeyType key, KeyExchange kx) {
  switch (kx) {
    case KeyExchange::ecdhe_ecdsa:
      return key == crypto::KeyType::ecdsa_p256 || key == crypto::KeyType::ecdsa_p384 ||
             key == crypto::KeyType::ecdsa_p521 || key == crypto::KeyType::ed25519;
    case KeyExchange::ecdhe_rsa:
      return key == crypto::KeyType::rsa;
    case KeyExchange::tls13_any:
      return false;
  }
  return false;
}

CertificateRequest12 make_certificate_request(const Config& config) {
  CertificateRequest12 request;
  request.certificate_types = {kCertTypeRsaSign, kCertTypeEcdsaSign};
  for (SignatureScheme s : config.signature_schemes) {
    request.signature_algorithms.push_back(static_cast<uint16_t>(s));
  }
  request.certificate_authorities = certificate_authorities_for(config);
  return request;
}

bool fits_certificate_request(const CertifiedKey& own, const CertificateRequest12& request) {
  const uint8_t type =
      own.key.type() == crypto::KeyType::rsa ? kCertTypeRsaSign : kCertTypeEcdsaSign;
  if (std::find(request.certificate_types.begin(), request.certificate_types.end(), type) ==
      request.certificate_types.end()) {
    return false;
  }
  // RFC 5246 7.4.4: an empty list means any CA.
  return issued_by_one_of(own, request.certificate_authorities);
}

Status accept_peer_certificate12(const Config& config, Certificate12 message, bool peer_is_server,
                                 SessionInfo& info) {
  CertificateMsg as13;
  as13.entries.reserve(message.certificates.size());
  for (auto& der : message.certificates) as13.entries.push_back({std::move(der), {}});
  return accept_peer_certificate(config, as13, peer_is_server, info);
}

}  // namespace coda::hs
