// What both TLS 1.2 roles share: key derivation into record keys, the
// signed ServerKeyExchange content, and which certificate fits which suite.
#pragma once

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/signature.hpp"
#include "handshake/cipher_suites.hpp"
#include "handshake/handshake_machine.hpp"

namespace coda::hs {

// RFC 5246 7.4.9: verify_data is 12 bytes for every suite Coda has.
inline constexpr size_t kFinished12Length = 12;

// The key block of RFC 5246 6.3, installed for one direction: `client`
// says whose keys (the client's write keys are the server's read keys).
Status install_tls12_keys(HandshakeSink& sink, const SuiteInfo& suite, ByteView master,
                          ByteView client_random, ByteView server_random, bool client_keys,
                          bool for_writing);

// RFC 8422 5.4: the ServerKeyExchange signature covers
// client_random + server_random + ServerECDHParams.
Bytes server_key_exchange_content(ByteView client_random, ByteView server_random, ByteView params);

// Whether a certificate key can authenticate a suite's key exchange
// (ECDHE_ECDSA: ECDSA or EdDSA keys, RFC 8422 5.1; ECDHE_RSA: RSA keys).
bool key_fits_suite(crypto::KeyType key, KeyExchange kx);

}  // namespace coda::hs
