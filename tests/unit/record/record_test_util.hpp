// Helpers shared by the record-layer unit tests.
#pragma once

#include <gtest/gtest.h>

#include <cctype>
#include <cstdint>
#include <string_view>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/aead.hpp"
#include "record/protection.hpp"
#include "record/record_types.hpp"

namespace coda::record::test {

// Hex digits with any separators ("17 03 03 ...") to bytes.
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

template <typename T>
::testing::AssertionResult fails_with(const Result<T>& r, AlertDescription want) {
  if (r.ok()) return ::testing::AssertionFailure() << "succeeded, expected " << alert_name(want);
  if (r.error().kind != ErrorKind::local_alert) {
    return ::testing::AssertionFailure()
           << "error kind " << static_cast<int>(r.error().kind) << " (" << r.error().detail
           << "), expected local_alert " << alert_name(want);
  }
  if (r.error().alert != want) {
    return ::testing::AssertionFailure() << "alert " << alert_name(r.error().alert) << " ("
                                         << r.error().detail << "), expected " << alert_name(want);
  }
  return ::testing::AssertionSuccess();
}

// A whole record (header and body) opened in place; `record` keeps the
// bytes the result points into.
struct Opened {
  Bytes record;
  Result<OpenedRecord> result;

  bool ok() const { return result.ok(); }
  ContentType type() const { return result->type; }
  Bytes content() const { return Bytes(result->content.begin(), result->content.end()); }
};

inline Opened open_record(Protection13& protection, Bytes record) {
  Opened out{std::move(record), Error{}};
  if (out.record.size() < kHeaderLength) {
    ADD_FAILURE() << "record shorter than its header";
    return out;
  }
  MutableByteView all(out.record);
  out.result = protection.open(all.first(kHeaderLength), all.subspan(kHeaderLength));
  return out;
}

inline Protection13 make_protection(crypto::AeadAlg alg, std::string_view key_hex,
                                    std::string_view iv_hex) {
  auto p = Protection13::create(alg, hex(key_hex), hex(iv_hex));
  EXPECT_TRUE(p.ok());
  return std::move(p).value();
}

// Seals `inner` (an already encoded TLSInnerPlaintext: content, type,
// padding) as the record with sequence number `sequence`, bypassing every
// check Protection13::seal makes: for records a conforming sender never writes.
inline Bytes forge_record(crypto::AeadAlg alg, ByteView key, ByteView iv, uint64_t sequence,
                          ByteView inner) {
  auto aead = crypto::Aead::create(alg, key);
  EXPECT_TRUE(aead.ok());
  Bytes nonce(iv.begin(), iv.end());
  for (size_t i = 0; i < 8; ++i) {
    nonce[nonce.size() - 1 - i] ^= static_cast<uint8_t>(sequence >> (8U * i));
  }
  const size_t length = inner.size() + crypto::kAeadTagLength;
  Bytes record = {static_cast<uint8_t>(ContentType::application_data), 0x03, 0x03,
                  static_cast<uint8_t>(length >> 8), static_cast<uint8_t>(length)};
  append(record, inner);
  record.resize(kHeaderLength + length);
  MutableByteView all(record);
  const Status sealed =
      aead->seal(nonce, all.first(kHeaderLength), all.subspan(kHeaderLength, inner.size()),
                 all.subspan(kHeaderLength + inner.size()));
  EXPECT_TRUE(sealed.ok());
  return record;
}

}  // namespace coda::record::test
