// Where randomness comes from. The engine draws every random byte (hello
// randoms, session ids, private keys) from a RandomSource, so tests can
// inject a seeded one and replay handshakes byte for byte.
#pragma once

#include <cstdint>

#include "base/bytes.hpp"

namespace coda::crypto {

class RandomSource {
 public:
  virtual ~RandomSource() = default;
  virtual void fill(MutableByteView out) = 0;
};

// libcrypto's CSPRNG (RAND_bytes). Thread-safe.
RandomSource& system_random();

// Deterministic stream from a seed (SHA-256 in counter mode). Tests only.
class SeededRandom final : public RandomSource {
 public:
  explicit SeededRandom(uint64_t seed) : seed_(seed) {}
  void fill(MutableByteView out) override;

 private:
  uint64_t seed_;
  uint64_t counter_ = 0;
};

}  // namespace coda::crypto
