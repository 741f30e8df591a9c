// TLS 1.2 AEAD record protection (RFC 5246 6.2.3.3, RFC 5288 3, RFC 7905 2):
// nonces, additional data, size limits, tampering, known answers.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "crypto/aead.hpp"
#include "record/protection.hpp"
#include "unit/record/record_test_util.hpp"

namespace coda::record {
namespace {

using crypto::AeadAlg;
using test::fails_with;
using test::hex;

struct Suite {
  AeadAlg alg;
  size_t key_length;
  size_t iv_length;
  size_t explicit_nonce;
  const char* name;
};

const std::vector<Suite>& suites() {
  static const std::vector<Suite> all = {
      {AeadAlg::aes128gcm, 16, 4, 8, "aes128gcm"},
      {AeadAlg::aes256gcm, 32, 4, 8, "aes256gcm"},
      {AeadAlg::chacha20poly1305, 32, 12, 0, "chacha20poly1305"},
  };
  return all;
}

Bytes pattern(size_t n, uint8_t seed) {
  Bytes out(n);
  for (size_t i = 0; i < n; ++i) out[i] = static_cast<uint8_t>(seed + i * 7);
  return out;
}

std::unique_ptr<Protection> make(const Suite& s) {
  auto p = make_protection12(s.alg, pattern(s.key_length, 1), pattern(s.iv_length, 0x80));
  EXPECT_TRUE(p.ok());
  return p.ok() ? std::move(p).value() : nullptr;
}

struct Opened {
  Bytes record;
  Result<OpenedRecord> result;
  Bytes content() const { return Bytes(result->content.begin(), result->content.end()); }
};

Opened open_record(Protection& p, Bytes record) {
  Opened out{std::move(record), Error{}};
  if (out.record.size() < kHeaderLength) {
    ADD_FAILURE() << "record shorter than its header";
    return out;
  }
  MutableByteView all(out.record);
  out.result = p.open(all.first(kHeaderLength), all.subspan(kHeaderLength));
  return out;
}

uint64_t get_u64(const uint8_t* p) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8; ++i) v = (v << 8U) | p[i];
  return v;
}

// The record sealed independently of Protection12: the nonce and the
// additional data written out by hand from RFC 5288 3 / RFC 7905 2 and
// RFC 5246 6.2.3.3, then crypto::Aead directly.
Bytes reference_record(const Suite& s, ByteView key, ByteView iv, uint64_t seq, uint8_t type,
                       ByteView plaintext) {
  Bytes nonce;
  Bytes explicit_nonce;
  for (int i = 7; i >= 0; --i) explicit_nonce.push_back(static_cast<uint8_t>(seq >> (8 * i)));
  if (s.explicit_nonce != 0) {
    nonce.assign(iv.begin(), iv.end());
    append(nonce, explicit_nonce);
  } else {
    nonce.assign(iv.begin(), iv.end());
    for (size_t i = 0; i < 8; ++i) nonce[4 + i] ^= explicit_nonce[i];
  }
  Bytes aad = explicit_nonce;
  aad.push_back(type);
  aad.push_back(3);
  aad.push_back(3);
  aad.push_back(static_cast<uint8_t>(plaintext.size() >> 8));
  aad.push_back(static_cast<uint8_t>(plaintext.size()));

  Bytes data(plaintext.begin(), plaintext.end());
  Bytes tag(crypto::kAeadTagLength);
  auto aead = crypto::Aead::create(s.alg, key);
  EXPECT_TRUE(aead.ok());
  EXPECT_TRUE(aead->seal(nonce, aad, data, tag).ok());

  const size_t length = s.explicit_nonce + data.size() + tag.size();
  Bytes record = {type, 3, 3, static_cast<uint8_t>(length >> 8), static_cast<uint8_t>(length)};
  if (s.explicit_nonce != 0) append(record, explicit_nonce);
  append(record, data);
  append(record, tag);
  return record;
}

// --------------------------------------------------------------------------

TEST(Protection12, CreateChecksKeyAndIvLengths) {
  EXPECT_FALSE(make_protection12(AeadAlg::aes128gcm, Bytes(16), Bytes(12)).ok());
  EXPECT_FALSE(make_protection12(AeadAlg::aes128gcm, Bytes(16), Bytes(3)).ok());
  EXPECT_FALSE(make_protection12(AeadAlg::aes128gcm, Bytes(32), Bytes(4)).ok());
  EXPECT_FALSE(make_protection12(AeadAlg::aes256gcm, Bytes(16), Bytes(4)).ok());
  EXPECT_FALSE(make_protection12(AeadAlg::chacha20poly1305, Bytes(32), Bytes(4)).ok());
  EXPECT_TRUE(make_protection12(AeadAlg::aes128gcm, Bytes(16), Bytes(4)).ok());
  EXPECT_TRUE(make_protection12(AeadAlg::aes256gcm, Bytes(32), Bytes(4)).ok());
  EXPECT_TRUE(make_protection12(AeadAlg::chacha20poly1305, Bytes(32), Bytes(12)).ok());
}

TEST(Protection12, FactoryDispatchesTls12) {
  auto p = make_protection(ProtocolVersion::tls12, AeadAlg::aes128gcm, Bytes(16), Bytes(4));
  ASSERT_TRUE(p.ok());
  Bytes out;
  ASSERT_TRUE((*p)->seal(ContentType::handshake, Bytes(3, 1), out, 0).ok());
  // A 1.2 record: the real type in the header, explicit nonce, tag.
  EXPECT_EQ(out.size(), kHeaderLength + 8 + 3 + 16);
  EXPECT_EQ(out[0], 22);
}

TEST(Protection12, RoundTripAllSuitesAndSizes) {
  for (const auto& s : suites()) {
    SCOPED_TRACE(s.name);
    auto sender = make(s);
    auto receiver = make(s);
    const ContentType types[] = {ContentType::handshake, ContentType::application_data,
                                 ContentType::alert, ContentType::change_cipher_spec};
    size_t i = 0;
    for (size_t n : {size_t{0}, size_t{1}, size_t{16}, size_t{1000}, kMaxPlaintext}) {
      SCOPED_TRACE(n);
      const ContentType type = types[i++ % 4];
      const Bytes plaintext = pattern(n, static_cast<uint8_t>(n));
      Bytes out;
      ASSERT_TRUE(sender->seal(type, plaintext, out, 0).ok());
      const size_t length = s.explicit_nonce + n + crypto::kAeadTagLength;
      ASSERT_EQ(out.size(), kHeaderLength + length);
      // RFC 5246 6.2.3: type in the clear, version 3,3, fragment length.
      EXPECT_EQ(out[0], static_cast<uint8_t>(type));
      EXPECT_EQ(out[1], 3);
      EXPECT_EQ(out[2], 3);
      EXPECT_EQ(size_t{out[3]} << 8 | out[4], length);
      auto opened = open_record(*receiver, out);
      ASSERT_TRUE(opened.result.ok()) << opened.result.error().detail;
      EXPECT_EQ(opened.result->type, type);
      EXPECT_EQ(opened.content(), plaintext);
    }
  }
}

TEST(Protection12, SealAppendsToExistingOutput) {
  for (const auto& s : suites()) {
    SCOPED_TRACE(s.name);
    auto sender = make(s);
    auto receiver = make(s);
    Bytes out = {0xaa, 0xbb};
    ASSERT_TRUE(sender->seal(ContentType::application_data, pattern(5, 1), out, 0).ok());
    ASSERT_TRUE(sender->seal(ContentType::application_data, pattern(7, 2), out, 0).ok());
    EXPECT_EQ(out[0], 0xaa);
    EXPECT_EQ(out[1], 0xbb);
    const size_t first = kHeaderLength + s.explicit_nonce + 5 + 16;
    auto a = open_record(*receiver, Bytes(out.begin() + 2, out.begin() + 2 + first));
    ASSERT_TRUE(a.result.ok());
    EXPECT_EQ(a.content(), pattern(5, 1));
    auto b = open_record(*receiver, Bytes(out.begin() + 2 + first, out.end()));
    ASSERT_TRUE(b.result.ok());
    EXPECT_EQ(b.content(), pattern(7, 2));
  }
}

TEST(Protection12, MatchesIndependentComputation) {
  for (const auto& s : suites()) {
    SCOPED_TRACE(s.name);
    const Bytes key = pattern(s.key_length, 1);
    const Bytes iv = pattern(s.iv_length, 0x80);
    auto sender = make(s);
    for (uint64_t seq = 0; seq < 4; ++seq) {
      const Bytes plaintext = pattern(static_cast<size_t>(seq) * 33 + 1, 9);
      const uint8_t type = seq % 2 == 0 ? 23 : 22;
      Bytes out;
      ASSERT_TRUE(sender->seal(static_cast<ContentType>(type), plaintext, out, 0).ok());
      EXPECT_EQ(out, reference_record(s, key, iv, seq, type, plaintext)) << "seq " << seq;
    }
  }
}

TEST(Protection12, ExplicitNonceIsTheSequenceNumber) {
  const Suite& s = suites()[0];
  auto sender = make(s);
  auto receiver = make(s);
  std::vector<Bytes> bodies;
  for (uint64_t seq = 0; seq < 5; ++seq) {
    Bytes out;
    const Bytes same(32, 0x5a);  // same plaintext every time
    ASSERT_TRUE(sender->seal(ContentType::application_data, same, out, 0).ok());
    // RFC 5288 3: nonce_explicit is the first 8 bytes of the fragment.
    EXPECT_EQ(get_u64(out.data() + kHeaderLength), seq);
    for (const auto& earlier : bodies) EXPECT_NE(earlier, Bytes(out.begin() + 13, out.end()));
    bodies.emplace_back(out.begin() + 13, out.end());
    auto opened = open_record(*receiver, out);
    ASSERT_TRUE(opened.result.ok());
    EXPECT_EQ(opened.content(), same);
  }
}

TEST(Protection12, ChaChaNonceDiffersPerRecord) {
  const Suite& s = suites()[2];
  auto sender = make(s);
  std::vector<Bytes> records;
  for (int i = 0; i < 5; ++i) {
    Bytes out;
    ASSERT_TRUE(sender->seal(ContentType::application_data, Bytes(32, 0x5a), out, 0).ok());
    // RFC 7905 2: no explicit nonce; the fragment is ciphertext and tag.
    EXPECT_EQ(out.size(), kHeaderLength + 32 + 16);
    for (const auto& earlier : records) EXPECT_NE(earlier, out);
    records.push_back(out);
  }
}

TEST(Protection12, RecordsOutOfOrderFail) {
  // The sequence number is in the additional data: a replayed, dropped or
  // reordered record fails, explicit nonce or not.
  for (const auto& s : suites()) {
    SCOPED_TRACE(s.name);
    auto sender = make(s);
    Bytes r0;
    Bytes r1;
    ASSERT_TRUE(sender->seal(ContentType::application_data, pattern(10, 0), r0, 0).ok());
    ASSERT_TRUE(sender->seal(ContentType::application_data, pattern(10, 1), r1, 0).ok());
    auto receiver = make(s);
    EXPECT_TRUE(fails_with(open_record(*receiver, r1).result, AlertDescription::bad_record_mac));
    auto receiver2 = make(s);
    ASSERT_TRUE(open_record(*receiver2, r0).result.ok());
    EXPECT_TRUE(fails_with(open_record(*receiver2, r0).result, AlertDescription::bad_record_mac));
  }
}

TEST(Protection12, TamperingAnyByteFails) {
  for (const auto& s : suites()) {
    SCOPED_TRACE(s.name);
    auto sender = make(s);
    Bytes record;
    ASSERT_TRUE(sender->seal(ContentType::application_data, pattern(20, 3), record, 0).ok());
    // Header type (to another known type) and version bytes, then every
    // byte of the fragment: explicit nonce, ciphertext, tag.
    std::vector<std::pair<size_t, uint8_t>> flips = {{0, 23 ^ 22}, {1, 0x01}, {2, 0x01}};
    for (size_t i = kHeaderLength; i < record.size(); ++i) flips.emplace_back(i, 0x80);
    for (const auto& [at, mask] : flips) {
      SCOPED_TRACE(at);
      auto receiver = make(s);
      Bytes bad = record;
      bad[at] ^= mask;
      EXPECT_TRUE(fails_with(open_record(*receiver, bad).result, AlertDescription::bad_record_mac));
    }
    auto receiver = make(s);
    EXPECT_TRUE(open_record(*receiver, record).result.ok());
  }
}

TEST(Protection12, WrongKeyFails) {
  for (const auto& s : suites()) {
    SCOPED_TRACE(s.name);
    auto sender = make(s);
    Bytes record;
    ASSERT_TRUE(sender->seal(ContentType::handshake, pattern(16, 3), record, 0).ok());
    auto other_key = make_protection12(s.alg, pattern(s.key_length, 2), pattern(s.iv_length, 0x80));
    ASSERT_TRUE(other_key.ok());
    EXPECT_TRUE(
        fails_with(open_record(**other_key, record).result, AlertDescription::bad_record_mac));
    auto other_iv = make_protection12(s.alg, pattern(s.key_length, 1), pattern(s.iv_length, 0x81));
    ASSERT_TRUE(other_iv.ok());
    EXPECT_TRUE(
        fails_with(open_record(**other_iv, record).result, AlertDescription::bad_record_mac));
  }
}

TEST(Protection12, ShortBodiesAreBadRecordMac) {
  for (const auto& s : suites()) {
    SCOPED_TRACE(s.name);
    auto sender = make(s);
    Bytes record;
    ASSERT_TRUE(sender->seal(ContentType::application_data, {}, record, 0).ok());
    ASSERT_EQ(record.size(), kHeaderLength + s.explicit_nonce + 16);
    // The empty record opens; every shorter body is bad_record_mac.
    for (size_t cut = 1; cut <= s.explicit_nonce + 16; ++cut) {
      auto receiver = make(s);
      Bytes shorter(record.begin(), record.end() - static_cast<ptrdiff_t>(cut));
      EXPECT_TRUE(
          fails_with(open_record(*receiver, shorter).result, AlertDescription::bad_record_mac))
          << cut;
    }
    auto receiver = make(s);
    auto opened = open_record(*receiver, record);
    ASSERT_TRUE(opened.result.ok());
    EXPECT_TRUE(opened.content().empty());
  }
}

TEST(Protection12, SealRefusesOversizeAndPadding) {
  for (const auto& s : suites()) {
    SCOPED_TRACE(s.name);
    auto sender = make(s);
    Bytes out = {1, 2, 3};
    const auto too_long =
        sender->seal(ContentType::application_data, Bytes(kMaxPlaintext + 1), out, 0);
    ASSERT_FALSE(too_long.ok());
    EXPECT_EQ(too_long.error().kind, ErrorKind::internal);
    const auto padded = sender->seal(ContentType::application_data, Bytes(10), out, 1);
    ASSERT_FALSE(padded.ok());
    EXPECT_EQ(padded.error().kind, ErrorKind::internal);
    // Nothing was written and no sequence number was used.
    EXPECT_EQ(out, (Bytes{1, 2, 3}));
    Bytes record;
    ASSERT_TRUE(sender->seal(ContentType::application_data, Bytes(10), record, 0).ok());
    if (s.explicit_nonce != 0) {
      EXPECT_EQ(get_u64(record.data() + kHeaderLength), 0u);
    }
    auto receiver = make(s);
    EXPECT_TRUE(open_record(*receiver, record).result.ok());
  }
}

TEST(Protection12, OpenRejectsOversizePlaintext) {
  for (const auto& s : suites()) {
    SCOPED_TRACE(s.name);
    const Bytes key = pattern(s.key_length, 1);
    const Bytes iv = pattern(s.iv_length, 0x80);
    // A well-authenticated record one byte over 2^14: a conforming sender
    // never writes it, so it is built by hand.
    const Bytes big = reference_record(s, key, iv, 0, 23, Bytes(kMaxPlaintext + 1, 7));
    auto receiver = make(s);
    EXPECT_TRUE(fails_with(open_record(*receiver, big).result, AlertDescription::record_overflow));
    // Exactly 2^14 is fine.
    const Bytes max = reference_record(s, key, iv, 0, 23, Bytes(kMaxPlaintext, 7));
    auto receiver2 = make(s);
    auto opened = open_record(*receiver2, max);
    ASSERT_TRUE(opened.result.ok());
    EXPECT_EQ(opened.content().size(), kMaxPlaintext);
  }
}

TEST(Protection12, UnknownContentTypeIsUnexpectedMessage) {
  const Suite& s = suites()[0];
  const Bytes record = reference_record(s, pattern(16, 1), pattern(4, 0x80), 0, 99, Bytes(4, 1));
  auto receiver = make(s);
  EXPECT_TRUE(
      fails_with(open_record(*receiver, record).result, AlertDescription::unexpected_message));
}

TEST(Protection12, OpenUsesTheExplicitNonceFromTheRecord) {
  // RFC 5288 3: the nonce_explicit is chosen by the sender; a receiver takes
  // it from the record, whatever its own sequence number. Here the sender
  // writes 0xdeadbeef... under sequence number 0.
  const Suite& s = suites()[0];
  const Bytes key = pattern(16, 1);
  const Bytes salt = pattern(4, 0x80);
  const Bytes explicit_nonce = hex("de ad be ef 01 02 03 04");
  Bytes nonce = salt;
  append(nonce, explicit_nonce);
  const Bytes aad = hex("00 00 00 00 00 00 00 00  17 03 03  00 05");
  Bytes data = {'h', 'e', 'l', 'l', 'o'};
  Bytes tag(16);
  auto aead = crypto::Aead::create(s.alg, key);
  ASSERT_TRUE(aead.ok());
  ASSERT_TRUE(aead->seal(nonce, aad, data, tag).ok());
  Bytes record = hex("17 03 03 00 1d");
  append(record, explicit_nonce);
  append(record, data);
  append(record, tag);
  auto receiver = make(s);
  auto opened = open_record(*receiver, record);
  ASSERT_TRUE(opened.result.ok());
  EXPECT_EQ(opened.content(), (Bytes{'h', 'e', 'l', 'l', 'o'}));
}

// A published TLS 1.2 AES-128-GCM record from miTLS's record tests
// (project-everest/mitls-fstar, src/tls/test/TestRecord.fst): key, salt,
// plaintext "GET / HTTP/1.1\r\nHost: undefined\r\n\r\n" as application_data,
// explicit nonce 0. Two expected fragments appear there; they differ only in
// the tag, because one was computed with seq_num 0 in the additional data
// and the other with seq_num 1 (checked with an independent AES-GCM).
constexpr const char* kMitlsKey = "152300c2dc44c8f695d4fb1471791659";
constexpr const char* kMitlsSalt = "b56bf932";
constexpr const char* kMitlsPlaintext =
    "474554202f20485454502f312e310d0a486f73743a20756e646566696e65640d0a0d0a";
constexpr const char* kMitlsFragmentSeq0 =
    "0000000000000000ed3ca96c8bd2fbb376c2dc417f3ec249e8ab550dab1c421293f0e642a0c152b43a546a"
    "a26bbe62e8651214d28ab90e70217b3d";
constexpr const char* kMitlsFragmentSeq1 =
    "0000000000000000ed3ca96c8bd2fbb376c2dc417f3ec249e8ab550dab1c421293f0e642a0c152b43a546a"
    "8b49b6128ee6e23454b7e580423ba985";

TEST(Protection12, MitlsAes128GcmVectorSeals) {
  auto p = make_protection12(AeadAlg::aes128gcm, hex(kMitlsKey), hex(kMitlsSalt));
  ASSERT_TRUE(p.ok());
  Bytes out;
  ASSERT_TRUE((*p)->seal(ContentType::application_data, hex(kMitlsPlaintext), out, 0).ok());
  Bytes want = hex("17 03 03 00 3b");
  append(want, hex(kMitlsFragmentSeq0));
  EXPECT_EQ(out, want);
}

TEST(Protection12, MitlsAes128GcmVectorOpens) {
  auto p = make_protection12(AeadAlg::aes128gcm, hex(kMitlsKey), hex(kMitlsSalt));
  ASSERT_TRUE(p.ok());
  Bytes first = hex("17 03 03 00 3b");
  append(first, hex(kMitlsFragmentSeq0));
  auto a = open_record(**p, first);
  ASSERT_TRUE(a.result.ok());
  EXPECT_EQ(a.result->type, ContentType::application_data);
  EXPECT_EQ(a.content(), hex(kMitlsPlaintext));
  // Sequence number 1 now; the second record repeats explicit nonce 0 (a
  // sender's choice the receiver accepts), authenticated under seq_num 1.
  Bytes second = hex("17 03 03 00 3b");
  append(second, hex(kMitlsFragmentSeq1));
  auto b = open_record(**p, second);
  ASSERT_TRUE(b.result.ok());
  EXPECT_EQ(b.content(), hex(kMitlsPlaintext));
}

// A ChaCha20-Poly1305 known answer: RFC 8439 2.8.2's key and nonce used as
// the TLS 1.2 key and write IV, second record (seq_num 1, so the nonce is
// 07000000 40414243 44454646), handshake type. The expected bytes were
// computed with Python's `cryptography` package (an independent
// implementation), not with Coda.
TEST(Protection12, ChaChaKnownAnswer) {
  const Bytes key =
      hex("80 81 82 83 84 85 86 87 88 89 8a 8b 8c 8d 8e 8f 90 91 92 93 94 95 96 97 98 99 9a 9b 9c "
          "9d 9e "
          "9f");
  const Bytes iv = hex("07 00 00 00 40 41 42 43 44 45 46 47");
  auto p = make_protection12(AeadAlg::chacha20poly1305, key, iv);
  ASSERT_TRUE(p.ok());
  Bytes out;
  ASSERT_TRUE((*p)->seal(ContentType::application_data, hex("00"), out, 0).ok());
  out.clear();
  ASSERT_TRUE((*p)->seal(ContentType::handshake, hex(kMitlsPlaintext), out, 0).ok());
  Bytes want = hex("16 03 03 00 33");
  append(
      want,
      hex("8fa1a63cfdd32f32cae5107b63592cb1972544f7383798b63dab74a43d8d482285c4da402584ee0a4ce3ade7"
          "23a780550e6292"));
  EXPECT_EQ(out, want);
}

}  // namespace
}  // namespace coda::record
