// Pre-shared keys from session tickets (RFC 8446 4.2.11, 4.6.1, 7.1): the
// pre_shared_key extension of the ClientHello, the selected_identity of the
// ServerHello, the resumption PSK and the binders.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/secure.hpp"
#include "crypto/hash.hpp"
#include "handshake/messages.hpp"

namespace coda::hs {

// RFC 8446 4.2.9 PskKeyExchangeMode.
inline constexpr uint8_t kPskKe = 0;
inline constexpr uint8_t kPskDheKe = 1;

struct PskIdentity {
  Bytes identity;  // 1..2^16-1
  uint32_t obfuscated_ticket_age = 0;
  bool operator==(const PskIdentity&) const = default;
};

// OfferedPsks of the ClientHello (RFC 8446 4.2.11).
struct OfferedPsks {
  std::vector<PskIdentity> identities;
  std::vector<Bytes> binders;  // each 32..255 bytes

  // decode_error on a bad layout; illegal_parameter when the counts differ.
  static Result<OfferedPsks> parse(ByteView body);
  Bytes serialize() const;
  // The bytes the binders take at the end of the ClientHello (their 2-byte
  // length included): what the truncated ClientHello leaves out (4.2.11.2).
  size_t binders_length() const;
  bool operator==(const OfferedPsks&) const = default;
};

// The ServerHello's pre_shared_key extension: selected_identity.
RawExtension selected_identity_extension(uint16_t index);
// nullopt when the ServerHello has no pre_shared_key; decode_error when it
// is not a single uint16.
Result<std::optional<uint16_t>> selected_identity(const ServerHello& sh);

// RFC 8446 4.6.1: HKDF-Expand-Label(resumption_master_secret,
// "resumption", ticket_nonce, Hash.length).
SecureBytes resumption_psk(crypto::HashAlg hash, ByteView resumption_master, ByteView nonce);

// RFC 8446 4.2.11.2: HMAC(finished_key of binder_key, transcript_hash), the
// binder_key being Derive-Secret(Extract(0, psk), "res binder", "").
Bytes psk_binder(crypto::HashAlg hash, ByteView psk, ByteView transcript_hash);

// The whole ClientHello message (header included) without its binders.
ByteView truncated_client_hello(ByteView message, const OfferedPsks& offered);

}  // namespace coda::hs
