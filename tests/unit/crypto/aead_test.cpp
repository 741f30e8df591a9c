#include "crypto/aead.hpp"

#include <gtest/gtest.h>

#include "unit/crypto/test_hex.hpp"

namespace coda::crypto {
namespace {

using testing::hex;
using testing::unhex;

struct Vector {
  AeadAlg alg;
  const char* key;
  const char* nonce;
  const char* aad;
  const char* plaintext;
  const char* ciphertext;
  const char* tag;
};

// AES-128-GCM: McGrew & Viega, "The Galois/Counter Mode of Operation",
// test case 4. ChaCha20-Poly1305: RFC 8439 2.8.2.
const Vector kVectors[] = {
    {AeadAlg::aes128gcm, "feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888",
     "feedfacedeadbeeffeedfacedeadbeefabaddad2",
     "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
     "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
     "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
     "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
     "5bc94fbc3221a5db94fae95ae7121a47"},
    {AeadAlg::chacha20poly1305, "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
     "070000004041424344454647", "50515253c0c1c2c3c4c5c6c7",
     // "Ladies and Gentlemen of the class of '99: If I could offer you only
     // one tip for the future, sunscreen would be it."
     "4c616469657320616e642047656e746c656d656e206f662074686520636c6173"
     "73206f66202739393a204966204920636f756c64206f6666657220796f75206f"
     "6e6c79206f6e652074697020666f7220746865206675747572652c2073756e73"
     "637265656e20776f756c642062652069742e",
     "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
     "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
     "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
     "3ff4def08e4b7a9de576d26586cec64b6116",
     "1ae10b594f09e26a7e902ecbd0600691"},
};

class AeadVectors : public ::testing::TestWithParam<Vector> {};

TEST_P(AeadVectors, SealMatches) {
  const Vector& v = GetParam();
  auto aead = Aead::create(v.alg, unhex(v.key));
  ASSERT_TRUE(aead.ok());
  Bytes data = unhex(v.plaintext);
  Bytes tag(kAeadTagLength);
  ASSERT_TRUE(aead->seal(unhex(v.nonce), unhex(v.aad), data, tag).ok());
  EXPECT_EQ(hex(data), v.ciphertext);
  EXPECT_EQ(hex(tag), v.tag);
}

TEST_P(AeadVectors, OpenMatches) {
  const Vector& v = GetParam();
  auto aead = Aead::create(v.alg, unhex(v.key));
  ASSERT_TRUE(aead.ok());
  Bytes data = unhex(v.ciphertext);
  ASSERT_TRUE(aead->open(unhex(v.nonce), unhex(v.aad), data, unhex(v.tag)).ok());
  EXPECT_EQ(hex(data), v.plaintext);
}

TEST_P(AeadVectors, TamperingGivesBadRecordMac) {
  const Vector& v = GetParam();
  auto aead = Aead::create(v.alg, unhex(v.key));
  ASSERT_TRUE(aead.ok());
  const Bytes ct = unhex(v.ciphertext);
  const Bytes tag = unhex(v.tag);
  const Bytes aad = unhex(v.aad);
  const Bytes nonce = unhex(v.nonce);
  auto expect_bad = [&](Bytes c, Bytes t, Bytes a, Bytes n) {
    Status s = aead->open(n, a, c, t);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, ErrorKind::local_alert);
    EXPECT_EQ(s.error().alert, AlertDescription::bad_record_mac);
    // Unauthenticated plaintext is not handed back (a tag of the wrong
    // length is refused before anything is decrypted).
    if (t.size() == kAeadTagLength) {
      EXPECT_EQ(c, Bytes(c.size(), 0));
    }
  };
  Bytes c = ct;
  c[3] ^= 0x01;
  expect_bad(c, tag, aad, nonce);
  Bytes t = tag;
  t[15] ^= 0x80;
  expect_bad(ct, t, aad, nonce);
  Bytes a = aad;
  a[0] ^= 0x01;
  expect_bad(ct, tag, a, nonce);
  Bytes n = nonce;
  n[11] ^= 0x01;
  expect_bad(ct, tag, aad, n);
  expect_bad(ct, Bytes(tag.begin(), tag.end() - 1), aad, nonce);  // short tag
  // The context still works after failures.
  Bytes good = ct;
  EXPECT_TRUE(aead->open(nonce, aad, good, tag).ok());
  EXPECT_EQ(hex(good), v.plaintext);
}

INSTANTIATE_TEST_SUITE_P(Known, AeadVectors, ::testing::ValuesIn(kVectors));

TEST(Aead, KeyLengths) {
  EXPECT_EQ(aead_key_length(AeadAlg::aes128gcm), 16u);
  EXPECT_EQ(aead_key_length(AeadAlg::aes256gcm), 32u);
  EXPECT_EQ(aead_key_length(AeadAlg::chacha20poly1305), 32u);
  auto bad = Aead::create(AeadAlg::aes128gcm, Bytes(32, 1));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::invalid_argument);
}

// Many records through one context, both directions, each with its own
// nonce, including empty records; the engine seals and opens this way.
TEST(Aead, RoundTripManyRecords) {
  for (AeadAlg alg : {AeadAlg::aes128gcm, AeadAlg::aes256gcm, AeadAlg::chacha20poly1305}) {
    const Bytes key(aead_key_length(alg), 0x42);
    auto sealer = Aead::create(alg, key);
    auto opener = Aead::create(alg, key);
    ASSERT_TRUE(sealer.ok() && opener.ok());
    EXPECT_EQ(sealer->alg(), alg);
    for (size_t i = 0; i < 20; ++i) {
      Bytes nonce(kAeadNonceLength, 0);
      nonce[11] = static_cast<uint8_t>(i);
      const Bytes aad = {0x17, 0x03, 0x03, 0x00, static_cast<uint8_t>(i)};
      const Bytes plain(i * 37, static_cast<uint8_t>(i));
      Bytes data = plain;
      Bytes tag(kAeadTagLength);
      ASSERT_TRUE(sealer->seal(nonce, aad, data, tag).ok());
      if (!plain.empty()) {
        EXPECT_NE(data, plain);
      }
      ASSERT_TRUE(opener->open(nonce, aad, data, tag).ok());
      EXPECT_EQ(data, plain);
    }
  }
}

TEST(Aead, SameContextSealsAndOpens) {
  auto aead = Aead::create(AeadAlg::aes256gcm, Bytes(32, 7));
  ASSERT_TRUE(aead.ok());
  const Bytes nonce(12, 1);
  Bytes data = {1, 2, 3, 4, 5};
  Bytes tag(16);
  ASSERT_TRUE(aead->seal(nonce, {}, data, tag).ok());
  ASSERT_TRUE(aead->open(nonce, {}, data, tag).ok());
  EXPECT_EQ(data, (Bytes{1, 2, 3, 4, 5}));
}

TEST(Aead, BadNonceLengthIsAnError) {
  auto aead = Aead::create(AeadAlg::chacha20poly1305, Bytes(32, 7));
  ASSERT_TRUE(aead.ok());
  Bytes data(4), tag(16);
  EXPECT_FALSE(aead->seal(Bytes(8), {}, data, tag).ok());
  EXPECT_FALSE(aead->open(Bytes(13), {}, data, tag).ok());
}

}  // namespace
}  // namespace coda::crypto
