#include "crypto/random.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <climits>
#include <cstdlib>

#include "base/secure.hpp"
#include "crypto/hash.hpp"

namespace coda::crypto {

namespace {

class SystemRandom final : public RandomSource {
 public:
  void fill(MutableByteView out) override {
    size_t done = 0;
    while (done < out.size()) {
      const size_t n = std::min<size_t>(out.size() - done, INT_MAX);
      // A CSPRNG failure must never fall back to weaker bytes; keys and
      // nonces would be predictable. There is no error path, so stop.
      if (RAND_bytes(out.data() + done, static_cast<int>(n)) != 1) std::abort();
      done += n;
    }
  }
};

void put_le64(uint8_t* p, uint64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}

}  // namespace

RandomSource& system_random() {
  static SystemRandom instance;
  return instance;
}

// Block i = SHA-256(seed_le64 || counter_le64); each fill starts a new block,
// so the stream depends only on the seed and the sequence of fill sizes.
void SeededRandom::fill(MutableByteView out) {
  size_t done = 0;
  while (done < out.size()) {
    uint8_t input[16];
    put_le64(input, seed_);
    put_le64(input + 8, counter_++);
    Bytes block = Hash::digest(HashAlg::sha256, ByteView(input, sizeof(input)));
    const size_t n = std::min(block.size(), out.size() - done);
    std::copy_n(block.begin(), n, out.begin() + static_cast<std::ptrdiff_t>(done));
    done += n;
    secure_wipe(block.data(), block.size());
  }
}

}  // namespace coda::crypto
