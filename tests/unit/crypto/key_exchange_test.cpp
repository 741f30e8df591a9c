#include "crypto/key_exchange.hpp"

#include <gtest/gtest.h>

#include "unit/crypto/test_hex.hpp"

namespace coda::crypto {
namespace {

using testing::hex;
using testing::unhex;

void expect_illegal_parameter(const Result<SecureBytes>& r) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::local_alert);
  EXPECT_EQ(r.error().alert, AlertDescription::illegal_parameter);
}

TEST(KeyExchange, SupportedGroups) {
  EXPECT_TRUE(group_supported(NamedGroup::x25519));
  EXPECT_TRUE(group_supported(NamedGroup::secp256r1));
  EXPECT_TRUE(group_supported(NamedGroup::secp384r1));
  EXPECT_FALSE(group_supported(NamedGroup::x448));
  SeededRandom rng(1);
  auto r = KeyShare::generate(NamedGroup::x448, rng);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::not_supported);
}

// RFC 7748 6.1.
TEST(X25519, Rfc7748Section6_1) {
  auto alice = KeyShare::from_private(
      NamedGroup::x25519,
      unhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
  auto bob = KeyShare::from_private(
      NamedGroup::x25519,
      unhex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
  ASSERT_TRUE(alice.ok() && bob.ok());
  EXPECT_EQ(hex(alice->public_key()),
            "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
  EXPECT_EQ(hex(bob->public_key()),
            "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
  auto k1 = alice->shared_secret(bob->public_key());
  auto k2 = bob->shared_secret(alice->public_key());
  ASSERT_TRUE(k1.ok() && k2.ok());
  EXPECT_EQ(hex(*k1), "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
  EXPECT_EQ(hex(*k2), hex(*k1));
}

// RFC 8448 3: the client's and server's key shares and the (EC)DHE secret.
TEST(X25519, Rfc8448KeyShares) {
  auto client = KeyShare::from_private(
      NamedGroup::x25519,
      unhex("49af42ba7f7994852d713ef2784bcbcaa7911de26adc5642cb634540e7ea5005"));
  auto server = KeyShare::from_private(
      NamedGroup::x25519,
      unhex("b1580eeadf6dd589b8ef4f2d5652578cc810e9980191ec8d058308cea216a21e"));
  ASSERT_TRUE(client.ok() && server.ok());
  EXPECT_EQ(hex(client->public_key()),
            "99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c");
  EXPECT_EQ(hex(server->public_key()),
            "c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f");
  auto secret = client->shared_secret(server->public_key());
  ASSERT_TRUE(secret.ok());
  EXPECT_EQ(hex(*secret), "8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d");
}

TEST(X25519, RejectsBadPeerValues) {
  SeededRandom rng(5);
  auto share = KeyShare::generate(NamedGroup::x25519, rng);
  ASSERT_TRUE(share.ok());
  expect_illegal_parameter(share->shared_secret(Bytes(31, 9)));
  expect_illegal_parameter(share->shared_secret(Bytes(33, 9)));
  expect_illegal_parameter(share->shared_secret({}));
  // Low-order points give an all-zero output (RFC 7748 6.1, RFC 8446 7.4.2).
  expect_illegal_parameter(share->shared_secret(Bytes(32, 0)));
  Bytes one(32, 0);
  one[0] = 1;
  expect_illegal_parameter(share->shared_secret(one));
}

TEST(X25519, BadPrivateKeyLength) {
  auto r = KeyShare::from_private(NamedGroup::x25519, Bytes(31, 1));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::invalid_argument);
}

class AllGroups : public ::testing::TestWithParam<NamedGroup> {};

TEST_P(AllGroups, SeededGenerateIsDeterministic) {
  SeededRandom r1(99), r2(99), r3(100);
  auto a = KeyShare::generate(GetParam(), r1);
  auto b = KeyShare::generate(GetParam(), r2);
  auto c = KeyShare::generate(GetParam(), r3);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(hex(a->public_key()), hex(b->public_key()));
  EXPECT_NE(hex(a->public_key()), hex(c->public_key()));
  EXPECT_EQ(a->group(), GetParam());
}

TEST_P(AllGroups, RoundTrip) {
  auto a = KeyShare::generate(GetParam(), system_random());
  auto b = KeyShare::generate(GetParam(), system_random());
  ASSERT_TRUE(a.ok() && b.ok());
  auto s1 = a->shared_secret(b->public_key());
  auto s2 = b->shared_secret(a->public_key());
  ASSERT_TRUE(s1.ok() && s2.ok());
  EXPECT_EQ(hex(*s1), hex(*s2));
  const size_t expected = GetParam() == NamedGroup::secp384r1 ? 48 : 32;
  EXPECT_EQ(s1->size(), expected);
  const size_t pub_len = GetParam() == NamedGroup::x25519      ? 32
                         : GetParam() == NamedGroup::secp256r1 ? 65
                                                               : 97;
  EXPECT_EQ(a->public_key().size(), pub_len);
}

TEST_P(AllGroups, MovedShareStillWorks) {
  SeededRandom rng(3);
  auto a = KeyShare::generate(GetParam(), rng);
  auto b = KeyShare::generate(GetParam(), rng);
  ASSERT_TRUE(a.ok() && b.ok());
  KeyShare moved = std::move(*a);
  EXPECT_TRUE(moved.shared_secret(b->public_key()).ok());
}

INSTANTIATE_TEST_SUITE_P(Groups, AllGroups,
                         ::testing::Values(NamedGroup::x25519, NamedGroup::secp256r1,
                                           NamedGroup::secp384r1));

// RFC 5903 8.1 (ECDH on P-256): the x-coordinate of the shared point.
TEST(Ecdh, Rfc5903P256) {
  auto i = KeyShare::from_private(
      NamedGroup::secp256r1,
      unhex("c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433"));
  auto r = KeyShare::from_private(
      NamedGroup::secp256r1,
      unhex("c6ef9c5d78ae012a011164acb397ce2088685d8f06bf9be0b283ab46476bee53"));
  ASSERT_TRUE(i.ok() && r.ok());
  EXPECT_EQ(hex(i->public_key()),
            "04dad0b65394221cf9b051e1feca5787d098dfe637fc90b9ef945d0c3772581180"
            "5271a0461cdb8252d61f1c456fa3e59ab1f45b33accf5f58389e0577b8990bb3");
  auto s = i->shared_secret(r->public_key());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(hex(*s), "d6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de");
}

class NistGroups : public ::testing::TestWithParam<NamedGroup> {};

TEST_P(NistGroups, RejectsInvalidPoints) {
  SeededRandom rng(11);
  auto a = KeyShare::generate(GetParam(), rng);
  auto b = KeyShare::generate(GetParam(), rng);
  ASSERT_TRUE(a.ok() && b.ok());
  const Bytes good(b->public_key().begin(), b->public_key().end());
  ASSERT_TRUE(a->shared_secret(good).ok());

  Bytes off_curve = good;
  off_curve.back() ^= 0x01;  // y changes parity: no longer on the curve
  expect_illegal_parameter(a->shared_secret(off_curve));

  Bytes compressed(good.begin(), good.begin() + 1 + (good.size() - 1) / 2);
  compressed[0] = 0x02 | (good.back() & 1);
  expect_illegal_parameter(a->shared_secret(compressed));  // RFC 8446 4.2.8.2

  Bytes wrong_prefix = good;
  wrong_prefix[0] = 0x06;
  expect_illegal_parameter(a->shared_secret(wrong_prefix));

  Bytes zeros(good.size(), 0);
  zeros[0] = 0x04;
  expect_illegal_parameter(a->shared_secret(zeros));

  Bytes ff(good.size(), 0xff);  // coordinates beyond the field prime
  ff[0] = 0x04;
  expect_illegal_parameter(a->shared_secret(ff));

  expect_illegal_parameter(a->shared_secret(Bytes(good.begin(), good.end() - 1)));
  expect_illegal_parameter(a->shared_secret({}));
  expect_illegal_parameter(a->shared_secret(Bytes{0x00}));
}

TEST_P(NistGroups, PrivateKeyRange) {
  const size_t n = GetParam() == NamedGroup::secp256r1 ? 32 : 48;
  auto zero = KeyShare::from_private(GetParam(), Bytes(n, 0));
  EXPECT_FALSE(zero.ok());
  auto too_big = KeyShare::from_private(GetParam(), Bytes(n, 0xff));  // >= group order
  EXPECT_FALSE(too_big.ok());
  auto too_long = KeyShare::from_private(GetParam(), Bytes(n + 1, 1));
  EXPECT_FALSE(too_long.ok());
  Bytes one(n, 0);
  one.back() = 1;
  EXPECT_TRUE(KeyShare::from_private(GetParam(), one).ok());
}

// A RandomSource that gives only 0xff bytes (scalars >= n) must not hang.
class AllOnes final : public RandomSource {
 public:
  void fill(MutableByteView out) override { std::fill(out.begin(), out.end(), 0xff); }
};

TEST_P(NistGroups, BrokenRandomSourceGivesError) {
  AllOnes bad;
  EXPECT_FALSE(KeyShare::generate(GetParam(), bad).ok());
}

INSTANTIATE_TEST_SUITE_P(Nist, NistGroups,
                         ::testing::Values(NamedGroup::secp256r1, NamedGroup::secp384r1));

}  // namespace
}  // namespace coda::crypto
