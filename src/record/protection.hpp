// AEAD protection of records, one direction, one key. Sealing and opening
// work in place on the caller's buffers: no allocation per record once the
// output buffer has grown to a record's size.
#pragma once

#include <array>
#include <cstdint>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/aead.hpp"
#include "record/record_types.hpp"

namespace coda::record {

struct OpenedRecord {
  ContentType type;         // the inner (real) content type
  MutableByteView content;  // plaintext, padding removed; points into the body
};

// TLS 1.3 record protection (RFC 8446 5.2, 5.3).
class Protection13 {
 public:
  static Result<Protection13> create(crypto::AeadAlg alg, ByteView key, ByteView iv);

  // Appends one protected record carrying `plaintext` (at most
  // kMaxPlaintext bytes) of type `type`, with `padding` zero bytes.
  Status seal(ContentType type, ByteView plaintext, Bytes& out, size_t padding = 0);
  // Decrypts a record in place. Errors: bad_record_mac (tag), record_overflow
  // (plaintext above 2^14), unexpected_message (all padding, no type).
  Result<OpenedRecord> open(ByteView header, MutableByteView body);

  uint64_t sequence() const { return sequence_; }

 private:
  Protection13(crypto::Aead aead, ByteView iv);
  std::array<uint8_t, crypto::kAeadNonceLength> nonce_for_sequence() const;
  Status advance_sequence();

  crypto::Aead aead_;
  std::array<uint8_t, crypto::kAeadNonceLength> iv_{};
  uint64_t sequence_ = 0;
};

}  // namespace coda::record
