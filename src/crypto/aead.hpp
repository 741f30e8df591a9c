// AEAD ciphers for record protection, sealing and opening in place.
// The cipher context is set up once per key; each record only sets the nonce.
#pragma once

#include <cstddef>
#include <memory>

#include "base/bytes.hpp"
#include "base/result.hpp"

namespace coda::crypto {

enum class AeadAlg : uint8_t { aes128gcm, aes256gcm, chacha20poly1305 };

inline constexpr size_t kAeadNonceLength = 12;
inline constexpr size_t kAeadTagLength = 16;
size_t aead_key_length(AeadAlg alg);

class Aead {
 public:
  // invalid_argument when the key has the wrong length.
  static Result<Aead> create(AeadAlg alg, ByteView key);
  Aead(Aead&&) noexcept;
  Aead& operator=(Aead&&) noexcept;
  Aead(const Aead&) = delete;
  Aead& operator=(const Aead&) = delete;
  ~Aead();

  AeadAlg alg() const { return alg_; }
  // Encrypts `data` in place and writes the tag (kAeadTagLength bytes).
  Status seal(ByteView nonce, ByteView aad, MutableByteView data, MutableByteView tag);
  // Encrypts `head` followed by `tail` into `out` (exactly as long as both;
  // `tail` may lie where its ciphertext goes) and writes the tag: a record
  // is sealed straight from the caller's data, with no copy of it first.
  Status seal_into(ByteView nonce, ByteView aad, ByteView head, ByteView tail, MutableByteView out,
                   MutableByteView tag);
  // Decrypts `data` in place; a bad tag gives local_alert bad_record_mac.
  Status open(ByteView nonce, ByteView aad, MutableByteView data, ByteView tag);

 private:
  struct State;
  Aead(AeadAlg alg, std::unique_ptr<State> state);
  AeadAlg alg_;
  std::unique_ptr<State> state_;
};

}  // namespace coda::crypto
