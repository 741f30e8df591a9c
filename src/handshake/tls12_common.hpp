// What both TLS 1.2 roles share: key derivation into record keys, the
// signed ServerKeyExchange content, which certificate fits which suite, and
// the pieces of client authentication (RFC 5246 7.4.4, 7.4.6, 7.4.8).
#pragma once

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "config/config.hpp"
#include "config/session_info.hpp"
#include "crypto/signature.hpp"
#include "handshake/cipher_suites.hpp"
#include "handshake/handshake_machine.hpp"
#include "handshake/messages12.hpp"

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

// RFC 5246 7.4.4 ClientCertificateType: rsa_sign, and (RFC 8422 5.5)
// ecdsa_sign, which covers EdDSA keys too.
inline constexpr uint8_t kCertTypeRsaSign = 1;
inline constexpr uint8_t kCertTypeEcdsaSign = 64;

// The CertificateRequest a server sends: both certificate types, the
// signature schemes we verify with, and the subjects of our trust anchors
// as certificate_authorities (none when there is no trust store, when
// config says not to, or when they would not fit the 2^16-1 bytes RFC 5246
// 7.4.4 allows: an empty list lets the client send any certificate).
CertificateRequest12 make_certificate_request(const Config& config);

// Whether the client's certificate may answer `request` (RFC 5246 7.4.4,
// 7.4.6): its key of a listed type and, when the server lists CAs, some
// certificate of the chain issued by one of them (as GnuTLS 3.7 chooses).
bool fits_certificate_request(const CertifiedKey& own, const CertificateRequest12& request);

// A TLS 1.2 Certificate message's chain, checked as accept_peer_certificate
// does (certificate_auth.hpp).
Status accept_peer_certificate12(const Config& config, Certificate12 message, bool peer_is_server,
                                 SessionInfo& info);

}  // namespace coda::hs
