// RecordReader: framing one record at a time out of a byte stream, asking
// for exactly the bytes that finish it (closure contract item 6).
#include "record/record_reader.hpp"

#include <gtest/gtest.h>

#include "unit/record/record_test_util.hpp"
#include "unit/record/rfc8448_vectors.hpp"

namespace coda::record {
namespace {

namespace v = ::coda::test::rfc8448;
using test::fails_with;
using test::hex;

Bytes header(uint8_t type, size_t length) {
  return {type, 0x03, 0x03, static_cast<uint8_t>(length >> 8), static_cast<uint8_t>(length)};
}

Bytes record_of(uint8_t type, size_t length, uint8_t fill = 0x5a) {
  Bytes out = header(type, length);
  out.resize(out.size() + length, fill);
  return out;
}

Bytes body_of(RecordReader& reader) {
  auto body = reader.body();
  return Bytes(body.begin(), body.end());
}

TEST(RecordReader, AsksForAHeaderThenTheBody) {
  RecordReader reader;
  EXPECT_EQ(reader.bytes_needed(), kHeaderLength);
  EXPECT_FALSE(reader.complete());
  EXPECT_FALSE(reader.partial());

  const Bytes record = hex(v::kServerHandshakeRecord);  // body of 0x2a2 = 674 bytes
  auto took = reader.feed(ByteView(record).first(kHeaderLength));
  ASSERT_TRUE(took.ok());
  EXPECT_EQ(*took, kHeaderLength);
  EXPECT_EQ(reader.bytes_needed(), 674u);
  EXPECT_FALSE(reader.complete());
  EXPECT_TRUE(reader.partial());
  EXPECT_EQ(reader.type(), ContentType::application_data);

  took = reader.feed(ByteView(record).subspan(kHeaderLength));
  ASSERT_TRUE(took.ok());
  EXPECT_EQ(*took, 674u);
  EXPECT_EQ(reader.bytes_needed(), 0u);
  EXPECT_TRUE(reader.complete());
  EXPECT_EQ(Bytes(reader.header().begin(), reader.header().end()),
            Bytes(record.begin(), record.begin() + kHeaderLength));
  EXPECT_EQ(body_of(reader), Bytes(record.begin() + kHeaderLength, record.end()));
}

TEST(RecordReader, OneByteAtATime) {
  RecordReader reader;
  const Bytes record = hex(v::kServerHandshakeRecord);
  for (size_t i = 0; i < record.size(); ++i) {
    ASSERT_FALSE(reader.complete()) << i;
    const size_t needed = reader.bytes_needed();
    EXPECT_EQ(needed, i < kHeaderLength ? kHeaderLength - i : record.size() - i) << i;
    auto took = reader.feed(ByteView(record).subspan(i, 1));
    ASSERT_TRUE(took.ok()) << i;
    ASSERT_EQ(*took, 1u) << i;
  }
  EXPECT_TRUE(reader.complete());
  EXPECT_EQ(reader.bytes_needed(), 0u);
  EXPECT_EQ(body_of(reader), Bytes(record.begin() + kHeaderLength, record.end()));
}

TEST(RecordReader, EmptyFeedTakesNothing) {
  RecordReader reader;
  auto took = reader.feed({});
  ASSERT_TRUE(took.ok());
  EXPECT_EQ(*took, 0u);
  EXPECT_EQ(reader.bytes_needed(), kHeaderLength);
  EXPECT_FALSE(reader.partial());
}

TEST(RecordReader, NeverConsumesPastTheRecord) {
  // A close_notify record followed by bytes that must stay in the transport.
  Bytes stream = hex(v::kClientCloseNotifyRecord);
  const size_t record_size = stream.size();
  append(stream, Bytes{'G', 'E', 'T', ' ', '/'});

  RecordReader reader;
  auto took = reader.feed(stream);
  ASSERT_TRUE(took.ok());
  EXPECT_EQ(*took, record_size);
  EXPECT_TRUE(reader.complete());
  EXPECT_EQ(reader.bytes_needed(), 0u);
  EXPECT_EQ(reader.body().size(), record_size - kHeaderLength);

  // Complete: it takes nothing more until reset.
  took = reader.feed(ByteView(stream).subspan(record_size));
  ASSERT_TRUE(took.ok());
  EXPECT_EQ(*took, 0u);
  EXPECT_EQ(reader.body().size(), record_size - kHeaderLength);
}

TEST(RecordReader, HeaderInPiecesNeverTakesBodyBytesEarly) {
  const Bytes record = hex(v::kClientFinishedRecord);
  RecordReader reader;
  auto took = reader.feed(ByteView(record).first(3));
  ASSERT_TRUE(took.ok());
  EXPECT_EQ(*took, 3u);
  EXPECT_EQ(reader.bytes_needed(), 2u);
  // Offered the rest of the header and the body at once: takes it all, as
  // that is exactly one record.
  took = reader.feed(ByteView(record).subspan(3));
  ASSERT_TRUE(took.ok());
  EXPECT_EQ(*took, record.size() - 3);
  EXPECT_TRUE(reader.complete());
}

TEST(RecordReader, TwoRecordsBackToBackWithReset) {
  Bytes stream = hex(v::kClientApplicationRecord);
  const size_t first = stream.size();
  append(stream, hex(v::kClientCloseNotifyRecord));

  RecordReader reader;
  auto took = reader.feed(stream);
  ASSERT_TRUE(took.ok());
  ASSERT_EQ(*took, first);
  ASSERT_TRUE(reader.complete());
  EXPECT_EQ(body_of(reader), Bytes(stream.begin() + kHeaderLength, stream.begin() + first));

  reader.reset();
  EXPECT_FALSE(reader.complete());
  EXPECT_FALSE(reader.partial());
  EXPECT_EQ(reader.bytes_needed(), kHeaderLength);
  took = reader.feed(ByteView(stream).subspan(first));
  ASSERT_TRUE(took.ok());
  EXPECT_EQ(*took, stream.size() - first);
  ASSERT_TRUE(reader.complete());
  EXPECT_EQ(body_of(reader), Bytes(stream.begin() + first + kHeaderLength, stream.end()));
}

TEST(RecordReader, EmptyBodyIsCompleteAfterTheHeader) {
  RecordReader reader;
  auto took = reader.feed(header(23, 0));
  ASSERT_TRUE(took.ok());
  EXPECT_EQ(*took, kHeaderLength);
  EXPECT_TRUE(reader.complete());
  EXPECT_EQ(reader.bytes_needed(), 0u);
  EXPECT_TRUE(reader.body().empty());
}

TEST(RecordReader, KnownContentTypesAreAccepted) {
  for (uint8_t type : {20, 21, 22, 23}) {
    RecordReader reader;
    auto took = reader.feed(record_of(type, 3));
    ASSERT_TRUE(took.ok()) << int{type};
    EXPECT_TRUE(reader.complete()) << int{type};
    EXPECT_EQ(static_cast<uint8_t>(reader.type()), type);
  }
}

TEST(RecordReader, UnknownContentTypeIsUnexpectedMessage) {
  for (uint8_t type : {0, 1, 19, 24, 25, 0x80, 0xff}) {
    RecordReader reader;
    EXPECT_TRUE(fails_with(reader.feed(record_of(type, 3)), AlertDescription::unexpected_message))
        << int{type};
  }
}

TEST(RecordReader, UnknownContentTypeFailsOnTheLastHeaderByte) {
  const Bytes bad = header(0x18, 3);
  RecordReader reader;
  for (size_t i = 0; i + 1 < kHeaderLength; ++i) {
    auto took = reader.feed(ByteView(bad).subspan(i, 1));
    ASSERT_TRUE(took.ok()) << i;
  }
  EXPECT_TRUE(fails_with(reader.feed(ByteView(bad).subspan(kHeaderLength - 1, 1)),
                         AlertDescription::unexpected_message));
}

TEST(RecordReader, Tls13LengthLimit) {
  // RFC 8446 5.2: TLSCiphertext.length MUST NOT exceed 2^14 + 256.
  ASSERT_EQ(kMaxCiphertext13, 16640u);
  {
    RecordReader reader;
    reader.set_max_length(kMaxCiphertext13);
    auto took = reader.feed(header(23, 16640));
    ASSERT_TRUE(took.ok());
    EXPECT_EQ(reader.bytes_needed(), 16640u);
    took = reader.feed(Bytes(16640, 0));
    ASSERT_TRUE(took.ok());
    EXPECT_EQ(*took, 16640u);
    EXPECT_TRUE(reader.complete());
  }
  {
    RecordReader reader;
    reader.set_max_length(kMaxCiphertext13);
    EXPECT_TRUE(fails_with(reader.feed(header(23, 16641)), AlertDescription::record_overflow));
  }
  {
    RecordReader reader;
    reader.set_max_length(kMaxCiphertext13);
    EXPECT_TRUE(fails_with(reader.feed(header(23, 0xffff)), AlertDescription::record_overflow));
  }
}

TEST(RecordReader, TheDefaultLimitIsTls13s) {
  // Before keys (the engine raises it for TLS 1.2 keys): RFC 8446 5.2,
  // TLSCiphertext.length MUST NOT exceed 2^14 + 256, checked on the header.
  ASSERT_EQ(kMaxCiphertext13, 16640u);
  {
    RecordReader reader;
    auto took = reader.feed(header(22, 16640));
    ASSERT_TRUE(took.ok());
    EXPECT_EQ(reader.bytes_needed(), 16640u);
  }
  {
    RecordReader reader;
    EXPECT_TRUE(fails_with(reader.feed(header(22, 16641)), AlertDescription::record_overflow));
  }
}

TEST(RecordReader, Tls12KeysRaiseTheLimit) {
  // RFC 5246 6.2.3: TLSCiphertext.length MUST NOT exceed 2^14 + 2048.
  ASSERT_EQ(kMaxCiphertext12, 18432u);
  {
    RecordReader reader;
    reader.set_max_length(kMaxCiphertext12);
    auto took = reader.feed(header(23, 18432));
    ASSERT_TRUE(took.ok());
    EXPECT_EQ(reader.bytes_needed(), 18432u);
  }
  {
    RecordReader reader;
    reader.set_max_length(kMaxCiphertext12);
    EXPECT_TRUE(fails_with(reader.feed(header(23, 18433)), AlertDescription::record_overflow));
  }
}

TEST(RecordReader, ReleaseMemoryKeepsAPartialRecord) {
  const Bytes record = hex(v::kClientApplicationRecord);
  RecordReader reader;
  ASSERT_TRUE(reader.feed(ByteView(record).first(20)).ok());
  reader.release_memory();
  ASSERT_TRUE(reader.feed(ByteView(record).subspan(20)).ok());
  ASSERT_TRUE(reader.complete());
  EXPECT_EQ(body_of(reader), Bytes(record.begin() + kHeaderLength, record.end()));

  reader.reset();
  reader.release_memory();
  EXPECT_EQ(reader.bytes_needed(), kHeaderLength);
  ASSERT_TRUE(reader.feed(record).ok());
  EXPECT_TRUE(reader.complete());
  EXPECT_EQ(body_of(reader), Bytes(record.begin() + kHeaderLength, record.end()));
}

}  // namespace
}  // namespace coda::record
