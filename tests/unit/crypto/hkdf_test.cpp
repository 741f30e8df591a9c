#include "crypto/hkdf.hpp"

#include <openssl/hmac.h>

#include <gtest/gtest.h>

#include "unit/crypto/test_hex.hpp"

namespace coda::crypto {
namespace {

using testing::hex;
using testing::unhex;
using testing::view;

ByteView bv(const SecureBytes& s) {
  return {s.data(), s.size()};
}

// RFC 5869 A.1 (basic test case with SHA-256).
TEST(Hkdf, Rfc5869Case1) {
  const Bytes ikm = unhex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
  const Bytes salt = unhex("000102030405060708090a0b0c");
  const Bytes info = unhex("f0f1f2f3f4f5f6f7f8f9");
  const SecureBytes prk = hkdf_extract(HashAlg::sha256, salt, ikm);
  EXPECT_EQ(hex(prk), "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
  const SecureBytes okm = hkdf_expand(HashAlg::sha256, bv(prk), info, 42);
  EXPECT_EQ(hex(okm),
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
            "34007208d5b887185865");
}

// RFC 5869 A.3 (zero-length salt and info).
TEST(Hkdf, Rfc5869Case3) {
  const Bytes ikm = unhex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
  const SecureBytes prk = hkdf_extract(HashAlg::sha256, {}, ikm);
  EXPECT_EQ(hex(prk), "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
  const SecureBytes okm = hkdf_expand(HashAlg::sha256, bv(prk), {}, 42);
  EXPECT_EQ(hex(okm),
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
            "9d201395faa4b61a96c8");
}

TEST(Hkdf, ExpandLengthsAreExact) {
  const SecureBytes prk = hkdf_extract(HashAlg::sha384, view("salt"), view("ikm"));
  EXPECT_EQ(prk.size(), 48u);
  for (size_t n : {0u, 1u, 47u, 48u, 49u, 200u}) {
    const SecureBytes okm = hkdf_expand(HashAlg::sha384, bv(prk), view("info"), n);
    ASSERT_EQ(okm.size(), n);
    // Every output is a prefix of a longer one (RFC 5869 2.3: T(1) | T(2) ...).
    const SecureBytes longer = hkdf_expand(HashAlg::sha384, bv(prk), view("info"), 200);
    EXPECT_TRUE(std::equal(okm.begin(), okm.end(), longer.begin()));
  }
}

// RFC 8448 3 (simple 1-RTT handshake), key schedule values.
TEST(HkdfExpandLabel, Rfc8448EarlyAndDerivedSecrets) {
  const Bytes zeros(32, 0);
  const SecureBytes early = hkdf_extract(HashAlg::sha256, {}, zeros);
  EXPECT_EQ(hex(early), "33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a");
  // Derive-Secret(early, "derived", "") = HKDF-Expand-Label(., "derived", Hash(""), 32)
  const Bytes empty_hash = Hash::digest(HashAlg::sha256, {});
  const SecureBytes derived =
      hkdf_expand_label(HashAlg::sha256, bv(early), "derived", empty_hash, 32);
  EXPECT_EQ(hex(derived), "6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba");
  const Bytes ecdhe = unhex("8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d");
  const SecureBytes handshake = hkdf_extract(HashAlg::sha256, bv(derived), ecdhe);
  EXPECT_EQ(hex(handshake), "1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac");
}

TEST(HkdfExpandLabel, Rfc8448ServerHandshakeTrafficKeys) {
  const Bytes secret = unhex("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38");
  EXPECT_EQ(hex(hkdf_expand_label(HashAlg::sha256, secret, "key", {}, 16)),
            "3fce516009c21727d0f2e4e86ee403bc");
  EXPECT_EQ(hex(hkdf_expand_label(HashAlg::sha256, secret, "iv", {}, 12)),
            "5d313eb2671276ee13000b30");
}

// The TLS 1.2 PRF written out a second time, straight from RFC 5246 5 with
// libcrypto's HMAC, as an independent check.
Bytes reference_prf(const EVP_MD* md, ByteView secret, std::string_view label, ByteView seed,
                    size_t n) {
  Bytes ls(label.begin(), label.end());
  append(ls, seed);
  Bytes a = ls, out;
  unsigned char buf[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  while (out.size() < n) {
    HMAC(md, secret.data(), static_cast<int>(secret.size()), a.data(), a.size(), buf, &len);
    a.assign(buf, buf + len);
    Bytes input = a;
    append(input, ls);
    HMAC(md, secret.data(), static_cast<int>(secret.size()), input.data(), input.size(), buf, &len);
    out.insert(out.end(), buf, buf + len);
  }
  out.resize(n);
  return out;
}

// The widely used TLS 1.2 PRF (SHA-256) test vector posted to the IETF TLS
// list: secret 9bbe..., seed a0ba..., label "test label", 100 bytes.
TEST(Tls12Prf, Sha256KnownAnswer) {
  const Bytes secret = unhex("9bbe436ba940f017b17652849a71db35");
  const Bytes seed = unhex("a0ba9f936cda311827a6f796ffd5198c");
  EXPECT_EQ(hex(tls12_prf(HashAlg::sha256, secret, "test label", seed, 100)),
            "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
            "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
            "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701"
            "87347b66");
}

TEST(Tls12Prf, MatchesIndependentImplementation) {
  const Bytes secret = unhex("0123456789abcdef0123456789abcdef0123456789abcdef");
  const Bytes seed = unhex("fedcba9876543210fedcba9876543210");
  for (size_t n : {0u, 12u, 48u, 104u, 200u}) {
    EXPECT_EQ(hex(tls12_prf(HashAlg::sha256, secret, "master secret", seed, n)),
              hex(reference_prf(EVP_sha256(), secret, "master secret", seed, n)));
    EXPECT_EQ(hex(tls12_prf(HashAlg::sha384, secret, "key expansion", seed, n)),
              hex(reference_prf(EVP_sha384(), secret, "key expansion", seed, n)));
  }
}

}  // namespace
}  // namespace coda::crypto
