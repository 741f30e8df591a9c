// Byte containers shared by every layer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace coda {

using Bytes = std::vector<uint8_t>;
using ByteView = std::span<const uint8_t>;
using MutableByteView = std::span<uint8_t>;

inline ByteView as_bytes(const char* s, size_t n) {
  return {reinterpret_cast<const uint8_t*>(s), n};
}

inline void append(Bytes& to, ByteView from) {
  to.insert(to.end(), from.begin(), from.end());
}

}  // namespace coda
