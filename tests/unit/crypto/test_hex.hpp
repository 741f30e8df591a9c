// Hex helpers shared by the crypto unit tests.
#pragma once

#include <string>
#include <string_view>

#include "base/bytes.hpp"

namespace coda::crypto::testing {

inline Bytes unhex(std::string_view hex) {
  Bytes out;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  int hi = -1;
  for (char c : hex) {
    const int v = nibble(c);
    if (v < 0) continue;  // spaces allowed for readability
    if (hi < 0) {
      hi = v;
    } else {
      out.push_back(static_cast<uint8_t>(hi << 4 | v));
      hi = -1;
    }
  }
  return out;
}

template <typename Container>
std::string hex(const Container& data) {
  static const char* const kDigits = "0123456789abcdef";
  std::string out;
  for (uint8_t b : data) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

inline ByteView view(std::string_view s) {
  return as_bytes(s.data(), s.size());
}

}  // namespace coda::crypto::testing
