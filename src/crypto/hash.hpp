// Hashes and HMAC over libcrypto.
#pragma once

#include <cstddef>
#include <memory>

#include "base/bytes.hpp"

namespace coda::crypto {

enum class HashAlg : uint8_t { sha256, sha384, sha512 };

size_t hash_length(HashAlg alg);

// An incremental hash whose running digest can be read without ending it
// (the TLS transcript needs the hash of every prefix).
class Hash {
 public:
  explicit Hash(HashAlg alg);
  Hash(Hash&&) noexcept;
  Hash& operator=(Hash&&) noexcept;
  Hash(const Hash&) = delete;
  Hash& operator=(const Hash&) = delete;
  ~Hash();

  void update(ByteView data);
  // Digest of everything fed so far; the hash goes on accepting data.
  Bytes current() const;
  // Digest of everything fed so far followed by `extra`, which is not fed.
  Bytes current_with(ByteView extra) const;
  HashAlg alg() const { return alg_; }

  static Bytes digest(HashAlg alg, ByteView data);

 private:
  struct State;
  HashAlg alg_;
  std::unique_ptr<State> state_;
};

Bytes hmac(HashAlg alg, ByteView key, ByteView data);

}  // namespace coda::crypto
