#include "handshake/tls12_common.hpp"

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

}  // namespace coda::hs
