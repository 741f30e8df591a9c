// Certificate authentication as both TLS versions do it, for both roles:
// accepting the peer's chain, checking the peer's signatures, the server's
// answer to a client without a certificate, and the client's choice of
// certificate when asked for one.
#pragma once

#include <optional>
#include <vector>

#include "base/bytes.hpp"
#include "base/protocol_ids.hpp"
#include "base/result.hpp"
#include "config/config.hpp"
#include "config/session_info.hpp"
#include "handshake/messages.hpp"

namespace coda::hs {

// Parses a Certificate message's chain, verifies it as config says and
// records chain and status in `info`. Errors carry the alert RFC 8446 6.2
// names (bad_certificate, unknown_ca, certificate_expired, ...). A server
// sending no certificate is decode_error; a client's empty chain is for
// accept_missing_client_certificate.
Status accept_peer_certificate(const Config& config, const CertificateMsg& message,
                               bool peer_is_server, SessionInfo& info);

// The client answered a CertificateRequest with an empty Certificate. Fine
// when the server only requested one and does not insist on verifying it
// (RFC 5246 7.4.6, RFC 8446 4.4.2.4). Otherwise the error GnuTLS 3.7 gives:
// with require, certificate_required in TLS 1.3 and, in TLS 1.2, decode_error
// (the alert GnuTLS sends for GNUTLS_E_NO_CERTIFICATE_FOUND); with request and
// verify_peer, bad_certificate (GNUTLS_E_CERTIFICATE_ERROR: nothing to verify).
Status accept_missing_client_certificate(const Config& config, ProtocolVersion version);

// Checks a signature by the peer's leaf key (info.peer_chain.front()) over
// `content`: the scheme must be one we `offered` and fit the key under the
// rules of TLS 1.2 or 1.3 (else illegal_parameter), and the signature must
// verify (else decrypt_error). Records the scheme in info.
Status verify_peer_signature(const std::vector<SignatureScheme>& offered, uint16_t scheme,
                             ByteView content, ByteView signature, bool tls12, SessionInfo& info);

// What a client sends when asked for a certificate (RFC 8446 4.4.2.3,
// RFC 5246 7.4.6): config's client_certificate, with the first scheme of the
// server's list (`requested`) that its key can sign with under the version's
// rules and that config enables. nullopt: no certificate or no such scheme,
// so an empty Certificate goes out.
// The subjects of config's trust anchors, as a CertificateRequest names them
// in certificate_authorities (RFC 5246 7.4.4, RFC 8446 4.2.4): none without
// a trust store, when config says not to (send_ca_names), or when they would
// not fit the 2^16-1 bytes both allow (an empty list lets the client send
// any certificate).
std::vector<Bytes> certificate_authorities_for(const Config& config);

// Whether some certificate of `own`'s chain was issued by one of
// `authorities` (the server's certificate_authorities); an empty list
// allows any, as GnuTLS 3.7 chooses.
bool issued_by_one_of(const CertifiedKey& own, const std::vector<Bytes>& authorities);

struct OwnCertificate {
  const CertifiedKey* key = nullptr;
  SignatureScheme scheme{};
};
std::optional<OwnCertificate> choose_client_certificate(const Config& config,
                                                        const std::vector<uint16_t>& requested,
                                                        bool tls12);

}  // namespace coda::hs
