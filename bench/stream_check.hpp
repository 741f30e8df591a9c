// The bytes the bulk and record workloads send, and the check the receiver
// makes on every one of them: a lost, repeated or corrupted byte fails the
// workload (and so the bench.quick test), whatever the timing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "workloads.hpp"

namespace bench {

// Chunk k of the stream: a fixed pattern whose first 8 bytes are k, so a
// replayed or reordered chunk does not look right.
inline void fill_chunk(unsigned char* chunk, std::uint64_t k) {
  for (int i = 0; i < kRecordBytes; ++i) chunk[i] = static_cast<unsigned char>(i * 131 + 7);
  std::memcpy(chunk, &k, sizeof k);
}

class StreamChecker {
 public:
  StreamChecker() : expected_(kRecordBytes) { fill_chunk(expected_.data(), 0); }

  // False at the first byte that is not the one expected at this offset.
  bool feed(const unsigned char* data, std::size_t n) {
    while (n > 0) {
      const std::uint64_t k = pos_ / kRecordBytes;
      const std::size_t off = pos_ % kRecordBytes;
      if (off == 0) std::memcpy(expected_.data(), &k, sizeof k);
      std::size_t len = kRecordBytes - off;
      if (len > n) len = n;
      if (std::memcmp(data, expected_.data() + off, len) != 0) return false;
      data += len;
      n -= len;
      pos_ += len;
    }
    return true;
  }

  std::uint64_t received() const { return pos_; }

 private:
  std::vector<unsigned char> expected_;
  std::uint64_t pos_ = 0;
};

}  // namespace bench
