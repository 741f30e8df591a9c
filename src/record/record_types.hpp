// Record layer constants (RFC 8446 5, RFC 5246 6.2).
#pragma once

#include <cstddef>
#include <cstdint>

namespace coda::record {

enum class ContentType : uint8_t {
  invalid = 0,
  change_cipher_spec = 20,
  alert = 21,
  handshake = 22,
  application_data = 23,
};

inline constexpr size_t kHeaderLength = 5;
// RFC 8446 5.1: TLSPlaintext.length MUST NOT exceed 2^14.
inline constexpr size_t kMaxPlaintext = 16384;
// RFC 8446 5.2: TLSCiphertext.length MUST NOT exceed 2^14 + 256.
inline constexpr size_t kMaxCiphertext13 = kMaxPlaintext + 256;
// RFC 5246 6.2.3: TLSCiphertext.length MUST NOT exceed 2^14 + 2048.
inline constexpr size_t kMaxCiphertext12 = kMaxPlaintext + 2048;
// A peer that sends nothing but empty records would keep us busy for free;
// after this many in a row the session fails with unexpected_message.
inline constexpr unsigned kMaxConsecutiveEmptyRecords = 32;
// Likewise for warning alerts, which a TLS 1.2 peer may send at will: past
// this many in a row the session fails (a flood ends the handshake).
inline constexpr unsigned kMaxConsecutiveWarningAlerts = 4;

bool is_known_content_type(uint8_t type);

}  // namespace coda::record
