// Pieces both TLS 1.3 roles share: CertificateVerify content and checks,
// the selection helpers, KeyUpdate. Certificate checks both versions share
// are in certificate_auth.hpp.
#pragma once

#include <optional>
#include <vector>

#include "base/bytes.hpp"
#include "base/protocol_ids.hpp"
#include "base/result.hpp"
#include "base/secure.hpp"
#include "config/config.hpp"
#include "config/session_info.hpp"
#include "handshake/handshake_machine.hpp"
#include "handshake/key_schedule.hpp"
#include "handshake/messages.hpp"

namespace coda::hs {

// RFC 8446 4.4.3: 64 spaces, the context string, a zero byte, the hash.
Bytes certificate_verify_content(bool server, ByteView transcript_hash);

// Checks the peer's CertificateVerify against the leaf of info.peer_chain.
// `offered` are the schemes we advertised.
Status check_certificate_verify(const CertificateVerify& cv,
                                const std::vector<SignatureScheme>& offered, bool peer_is_server,
                                ByteView transcript_hash, SessionInfo& info);

// Builds a CertificateVerify with `key` over the transcript hash.
Result<Bytes> make_certificate_verify(const crypto::PrivateKey& key, SignatureScheme scheme,
                                      bool server, ByteView transcript_hash);

// The Certificate message body for a chain (empty chain: no certificate).
Bytes certificate_message(const std::vector<crypto::Certificate>& chain, ByteView context);

// Report the secrets just derived to the key log, in GnuTLS's order: the
// handshake traffic secrets after the ServerHello, then the exporter and
// the application traffic secrets after the server Finished.
Status log_handshake_secrets(const KeySchedule& schedule, HandshakeSink& sink);
Status log_application_secrets(const KeySchedule& schedule, HandshakeSink& sink);

// Whether a list of u16 code points contains `value`.
template <typename E>
bool contains(const std::vector<uint16_t>& list, E value) {
  for (uint16_t v : list) {
    if (v == static_cast<uint16_t>(value)) return true;
  }
  return false;
}

Error unexpected(const char* why);

// The first of `preferred` that `acceptable` accepts.
template <typename T, typename Pred>
std::optional<T> first_match(const std::vector<T>& preferred, Pred acceptable) {
  for (const T& v : preferred) {
    if (acceptable(v)) return v;
  }
  return std::nullopt;
}

// Code points as the enum they name, in the same order.
template <typename E>
std::vector<E> as_enums(const std::vector<uint16_t>& ids) {
  std::vector<E> out;
  out.reserve(ids.size());
  for (uint16_t id : ids) out.push_back(static_cast<E>(id));
  return out;
}

// The application traffic secrets after the handshake, and the KeyUpdate
// dance on them (RFC 8446 4.6.3), the same for both roles.
struct ApplicationSecrets {
  SecureBytes read;
  SecureBytes write;
};
Status handle_key_update(const HandshakeMessage& m, const SuiteInfo& suite,
                         ApplicationSecrets& secrets, HandshakeSink& sink);
// Sends our KeyUpdate and moves to the next write secret.
Status send_key_update(bool request_peer, const SuiteInfo& suite, ApplicationSecrets& secrets,
                       HandshakeSink& sink);

}  // namespace coda::hs
