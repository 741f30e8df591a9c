// Small helpers for the handshake unit tests.
#pragma once

#include <gtest/gtest.h>

#include <cctype>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "base/bytes.hpp"
#include "base/result.hpp"

namespace coda::hs::test {

// Hex digits with any separators ("01 00 00 c0 ...") to bytes.
inline Bytes hex(std::string_view s) {
  Bytes out;
  int hi = -1;
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) continue;
    const int v = std::isdigit(static_cast<unsigned char>(c))
                      ? c - '0'
                      : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
    if (hi < 0) {
      hi = v;
    } else {
      out.push_back(static_cast<uint8_t>((hi << 4) | v));
      hi = -1;
    }
  }
  EXPECT_EQ(hi, -1) << "odd number of hex digits";
  return out;
}

inline Bytes cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const auto& p : parts) append(out, p);
  return out;
}

inline Bytes u16be(uint16_t v) {
  return {static_cast<uint8_t>(v >> 8), static_cast<uint8_t>(v)};
}

// A vector with an N-byte length prefix.
inline Bytes vec(size_t prefix, const Bytes& body) {
  Bytes out;
  for (size_t i = prefix; i > 0; --i)
    out.push_back(static_cast<uint8_t>(body.size() >> (8 * (i - 1))));
  append(out, body);
  return out;
}
inline Bytes v8(const Bytes& b) {
  return vec(1, b);
}
inline Bytes v16(const Bytes& b) {
  return vec(2, b);
}
inline Bytes v24(const Bytes& b) {
  return vec(3, b);
}

// One extension: type, vec16 body.
inline Bytes ext(uint16_t type, const Bytes& body) {
  return cat({u16be(type), v16(body)});
}

template <typename T>
::testing::AssertionResult fails_with(const Result<T>& r, AlertDescription want) {
  if (r.ok()) return ::testing::AssertionFailure() << "parsed, expected " << alert_name(want);
  if (r.error().kind != ErrorKind::local_alert) {
    return ::testing::AssertionFailure() << "error kind is not local_alert";
  }
  if (r.error().alert != want) {
    return ::testing::AssertionFailure() << "alert " << alert_name(r.error().alert) << " ("
                                         << r.error().detail << "), expected " << alert_name(want);
  }
  return ::testing::AssertionSuccess();
}

}  // namespace coda::hs::test
