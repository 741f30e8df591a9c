// Protection13: TLS 1.3 record protection (RFC 8446 5.2-5.4): padding,
// content-type recovery, size limits, sequence numbers.
#include "record/protection.hpp"

#include <gtest/gtest.h>

#include "unit/record/record_test_util.hpp"
#include "unit/record/rfc8448_vectors.hpp"

namespace coda::record {
namespace {

namespace v = ::coda::test::rfc8448;
using test::fails_with;
using test::forge_record;
using test::hex;
using test::open_record;

constexpr auto kAead = crypto::AeadAlg::aes128gcm;

// Any key will do; these are RFC 8448's client application keys.
Protection13 fresh() {
  return test::make_protection(kAead, v::kClientApplicationKey, v::kClientApplicationIv);
}
Bytes forge(uint64_t sequence, const Bytes& inner) {
  return forge_record(kAead, hex(v::kClientApplicationKey), hex(v::kClientApplicationIv), sequence,
                      inner);
}

TEST(Protection13, CreateChecksKeyAndIvLengths) {
  EXPECT_FALSE(Protection13::create(kAead, hex(v::kClientApplicationKey), Bytes(11)).ok());
  EXPECT_FALSE(Protection13::create(kAead, hex(v::kClientApplicationKey), Bytes(13)).ok());
  EXPECT_FALSE(Protection13::create(kAead, Bytes(15), hex(v::kClientApplicationIv)).ok());
  EXPECT_TRUE(Protection13::create(crypto::AeadAlg::aes256gcm, Bytes(32), Bytes(12)).ok());
  EXPECT_TRUE(Protection13::create(crypto::AeadAlg::chacha20poly1305, Bytes(32), Bytes(12)).ok());
}

TEST(Protection13, SealWritesTheOuterHeader) {
  auto p = fresh();
  Bytes out;
  const Bytes plaintext(10, 0x42);
  ASSERT_TRUE(p.seal(ContentType::handshake, plaintext, out, 3).ok());
  // RFC 8446 5.2: opaque_type application_data, legacy_record_version 0x0303,
  // length = content + type + padding + tag.
  const size_t length = 10 + 1 + 3 + crypto::kAeadTagLength;
  ASSERT_EQ(out.size(), kHeaderLength + length);
  EXPECT_EQ(out[0], 23);
  EXPECT_EQ(out[1], 0x03);
  EXPECT_EQ(out[2], 0x03);
  EXPECT_EQ(out[3], length >> 8);
  EXPECT_EQ(out[4], length & 0xff);
}

TEST(Protection13, PaddingIsStrippedOnOpen) {
  auto sender = fresh();
  auto receiver = fresh();
  const Bytes plaintext = hex(v::kApplicationData);
  Bytes out;
  ASSERT_TRUE(sender.seal(ContentType::application_data, plaintext, out, 100).ok());
  EXPECT_EQ(out.size(), kHeaderLength + plaintext.size() + 1 + 100 + crypto::kAeadTagLength);
  auto opened = open_record(receiver, out);
  ASSERT_TRUE(opened.ok()) << opened.result.error().detail;
  EXPECT_EQ(opened.type(), ContentType::application_data);
  EXPECT_EQ(opened.content(), plaintext);
}

TEST(Protection13, PaddingKeepsTheContentTypeOfEveryKind) {
  auto sender = fresh();
  auto receiver = fresh();
  for (ContentType type : {ContentType::handshake, ContentType::alert,
                           ContentType::application_data, ContentType::change_cipher_spec}) {
    for (size_t padding : {0, 1, 16, 255}) {
      Bytes out;
      ASSERT_TRUE(sender.seal(type, hex(v::kCloseNotify), out, padding).ok());
      auto opened = open_record(receiver, out);
      ASSERT_TRUE(opened.ok()) << opened.result.error().detail;
      EXPECT_EQ(opened.type(), type);
      EXPECT_EQ(opened.content(), hex(v::kCloseNotify));
    }
  }
}

TEST(Protection13, EmptyContentWithPaddingOpensEmpty) {
  // An empty application_data record (say, only padding, for traffic analysis)
  // is allowed: the type byte is there.
  auto sender = fresh();
  auto receiver = fresh();
  Bytes out;
  ASSERT_TRUE(sender.seal(ContentType::application_data, {}, out, 40).ok());
  auto opened = open_record(receiver, out);
  ASSERT_TRUE(opened.ok()) << opened.result.error().detail;
  EXPECT_EQ(opened.type(), ContentType::application_data);
  EXPECT_TRUE(opened.content().empty());
}

TEST(Protection13, ZerosInsideTheContentAreKept) {
  auto sender = fresh();
  auto receiver = fresh();
  const Bytes plaintext = {0, 0, 7, 0, 0};
  Bytes out;
  ASSERT_TRUE(sender.seal(ContentType::application_data, plaintext, out, 5).ok());
  auto opened = open_record(receiver, out);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened.content(), plaintext);
}

TEST(Protection13, AllZeroInnerPlaintextIsUnexpectedMessage) {
  // RFC 8446 5.4: no non-zero octet in the cleartext: unexpected_message.
  for (size_t n : {1, 2, 100}) {
    auto receiver = fresh();
    EXPECT_TRUE(fails_with(open_record(receiver, forge(0, Bytes(n, 0))).result,
                           AlertDescription::unexpected_message))
        << n;
  }
}

TEST(Protection13, UnknownInnerContentTypeIsUnexpectedMessage) {
  for (uint8_t type : {1, 19, 24, 0xff}) {
    Bytes inner = hex(v::kApplicationData);
    inner.push_back(type);
    inner.push_back(0);
    auto receiver = fresh();
    EXPECT_TRUE(fails_with(open_record(receiver, forge(0, inner)).result,
                           AlertDescription::unexpected_message))
        << int{type};
  }
}

TEST(Protection13, ForgedRecordOfTheRightShapeOpens) {
  // The forging helper agrees with Protection13 on nonce and header.
  Bytes inner = hex(v::kApplicationData);
  inner.push_back(23);
  EXPECT_EQ(forge(0, inner), hex(v::kClientApplicationRecord));
  auto receiver = fresh();
  auto opened = open_record(receiver, forge(0, inner));
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened.content(), hex(v::kApplicationData));
}

TEST(Protection13, ContentOf2To14BytesOpens) {
  auto sender = fresh();
  auto receiver = fresh();
  const Bytes plaintext(kMaxPlaintext, 0x61);
  Bytes out;
  ASSERT_TRUE(sender.seal(ContentType::application_data, plaintext, out).ok());
  auto opened = open_record(receiver, out);
  ASSERT_TRUE(opened.ok()) << opened.result.error().detail;
  EXPECT_EQ(opened.content(), plaintext);
}

TEST(Protection13, InnerContentAbove2To14IsRecordOverflow) {
  // RFC 8446 5.4 / 5.1: 2^14 + 1 content octets plus the type byte. Sealed
  // by hand, as Protection13::seal refuses to write it.
  Bytes inner(kMaxPlaintext + 1, 0x61);
  inner.push_back(23);
  auto receiver = fresh();
  EXPECT_TRUE(
      fails_with(open_record(receiver, forge(0, inner)).result, AlertDescription::record_overflow));
}

TEST(Protection13, SealRefusesContentAbove2To14) {
  auto p = fresh();
  Bytes out;
  EXPECT_FALSE(p.seal(ContentType::application_data, Bytes(kMaxPlaintext + 1, 0), out).ok());
  EXPECT_EQ(p.sequence(), 0u);
}

TEST(Protection13, SealRefusesARecordAboveTheCiphertextLimit) {
  auto p = fresh();
  Bytes out;
  // 2^14 + 1 + 240 + 16 = 2^14 + 257 > 2^14 + 256.
  EXPECT_FALSE(p.seal(ContentType::application_data, Bytes(kMaxPlaintext, 0), out, 240).ok());
  EXPECT_EQ(p.sequence(), 0u);
}

// RFC 8446 5.4: "the full encoded TLSInnerPlaintext MUST NOT exceed 2^14 + 1
// octets". Padding counts: content + type + padding <= 2^14 + 1.
// DISABLED: Protection13::seal only bounds the whole ciphertext (2^14 + 256)
// and open() only bounds the content without padding, so both accept an
// inner plaintext of up to 2^14 + 240 octets. Enable once fixed.
TEST(Protection13, SealRefusesPaddingPastTheInnerPlaintextLimit) {
  auto p = fresh();
  Bytes out;
  EXPECT_FALSE(p.seal(ContentType::application_data, Bytes(kMaxPlaintext, 0x61), out, 1).ok());
  EXPECT_FALSE(p.seal(ContentType::application_data, Bytes(100, 0x61), out, kMaxPlaintext).ok());
  // Exactly 2^14 + 1 is fine.
  EXPECT_TRUE(
      p.seal(ContentType::application_data, Bytes(100, 0x61), out, kMaxPlaintext - 100).ok());
}

TEST(Protection13, OpenRefusesPaddingPastTheInnerPlaintextLimit) {
  Bytes inner(100, 0x61);
  inner.push_back(23);
  inner.resize(kMaxPlaintext + 2, 0);  // 2^14 + 2 octets of TLSInnerPlaintext
  auto receiver = fresh();
  EXPECT_TRUE(
      fails_with(open_record(receiver, forge(0, inner)).result, AlertDescription::record_overflow));
}

TEST(Protection13, TooShortBodyIsBadRecordMac) {
  for (size_t n : {0, 1, 16}) {
    auto receiver = fresh();
    Bytes record = {23, 3, 3, 0, static_cast<uint8_t>(n)};
    record.resize(kHeaderLength + n, 0);
    EXPECT_TRUE(fails_with(open_record(receiver, record).result, AlertDescription::bad_record_mac))
        << n;
    EXPECT_EQ(receiver.sequence(), 0u);
  }
}

TEST(Protection13, SequenceNumbersAdvanceAndMustMatch) {
  auto sender = fresh();
  Bytes first, second;
  const Bytes plaintext = hex(v::kApplicationData);
  ASSERT_TRUE(sender.seal(ContentType::application_data, plaintext, first).ok());
  ASSERT_TRUE(sender.seal(ContentType::application_data, plaintext, second).ok());
  EXPECT_EQ(sender.sequence(), 2u);
  // Same plaintext, different nonce: different bytes.
  EXPECT_NE(first, second);

  // Out of order: the second record at sequence 0 fails, and uses nothing.
  auto receiver = fresh();
  EXPECT_TRUE(fails_with(open_record(receiver, second).result, AlertDescription::bad_record_mac));
  EXPECT_EQ(receiver.sequence(), 0u);
  // In order: both open.
  EXPECT_TRUE(open_record(receiver, first).ok());
  EXPECT_TRUE(open_record(receiver, second).ok());
  EXPECT_EQ(receiver.sequence(), 2u);
  // Replayed: fails.
  EXPECT_TRUE(fails_with(open_record(receiver, first).result, AlertDescription::bad_record_mac));
}

TEST(Protection13, OpenDecryptsInPlace) {
  auto receiver = fresh();
  Bytes record = hex(v::kClientApplicationRecord);
  MutableByteView all(record);
  auto opened = receiver.open(all.first(kHeaderLength), all.subspan(kHeaderLength));
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->content.data(), record.data() + kHeaderLength);
  EXPECT_EQ(Bytes(record.begin() + kHeaderLength, record.begin() + kHeaderLength + 50),
            hex(v::kApplicationData));
}

}  // namespace
}  // namespace coda::record
