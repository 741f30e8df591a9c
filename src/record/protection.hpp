// AEAD protection of records, one direction, one key. Sealing and opening
// work in place on the caller's buffers: no allocation per record once the
// output buffer has grown to a record's size.
#pragma once

#include <array>
#include <cstdint>
#include <memory>

#include "base/bytes.hpp"
#include "base/protocol_ids.hpp"
#include "base/result.hpp"
#include "base/secure.hpp"
#include "crypto/aead.hpp"
#include "record/record_types.hpp"

namespace coda::record {

struct OpenedRecord {
  ContentType type;         // the inner (real) content type
  MutableByteView content;  // plaintext, padding removed; points into the body
};

// One direction's record protection under one key, whatever the version.
class Protection {
 public:
  virtual ~Protection() = default;
  // Appends one protected record carrying `plaintext` (at most
  // kMaxPlaintext bytes) of type `type`; `padding` zero bytes where the
  // version has padding (TLS 1.3).
  virtual Status seal(ContentType type, ByteView plaintext, Bytes& out, size_t padding) = 0;
  // Decrypts a record in place.
  virtual Result<OpenedRecord> open(ByteView header, MutableByteView body) = 0;
  // Records sealed or opened under this key so far.
  virtual uint64_t sequence() const = 0;
};

// The protection for `version` (tls13 or tls12) with this key and IV (for
// TLS 1.2 AES-GCM the IV is the 4-byte implicit salt, RFC 5288 3).
Result<std::unique_ptr<Protection>> make_protection(ProtocolVersion version, crypto::AeadAlg alg,
                                                    ByteView key, ByteView iv);

// TLS 1.2 AEAD record protection (RFC 5246 6.2.3.3 with RFC 5288 for
// AES-GCM, RFC 7905 for ChaCha20-Poly1305).
Result<std::unique_ptr<Protection>> make_protection12(crypto::AeadAlg alg, ByteView key,
                                                      ByteView iv);

// TLS 1.3 record protection (RFC 8446 5.2, 5.3).
class Protection13 final : public Protection {
 public:
  static Result<Protection13> create(crypto::AeadAlg alg, ByteView key, ByteView iv);

  // Appends one protected record carrying `plaintext` (at most
  // kMaxPlaintext bytes) of type `type`, with `padding` zero bytes.
  Status seal(ContentType type, ByteView plaintext, Bytes& out, size_t padding = 0) override;
  // Decrypts a record in place. Errors: bad_record_mac (tag), record_overflow
  // (plaintext above 2^14), unexpected_message (all padding, no type).
  Result<OpenedRecord> open(ByteView header, MutableByteView body) override;

  uint64_t sequence() const override { return sequence_; }

 private:
  Protection13(crypto::Aead aead, ByteView iv);
  std::array<uint8_t, crypto::kAeadNonceLength> nonce_for_sequence() const;
  Status advance_sequence();

  crypto::Aead aead_;
  SecureArray<crypto::kAeadNonceLength> iv_;  // key material: wiped with the object
  uint64_t sequence_ = 0;
};

}  // namespace coda::record
