#include "crypto/dh_params.hpp"

#include <gtest/gtest.h>

#include "crypto/ffdhe.hpp"
#include "unit/crypto/test_hex.hpp"

namespace coda::crypto {
namespace {

using testing::hex;
using testing::unhex;

// RFC 7919 Appendix A: every group's prime starts with 64 one bits and then
// the binary expansion of e, and ends with 64 one bits; q = (p - 1) / 2.
TEST(Ffdhe, GroupsHaveTheRfc7919Shape) {
  const unsigned sizes[] = {2048, 3072, 4096, 6144, 8192};
  for (size_t i = 0; i < kFfdheGroupCount; ++i) {
    const FfdheGroup& g = kFfdheGroups[i];
    SCOPED_TRACE(g.bits);
    EXPECT_EQ(g.bits, sizes[i]);
    ASSERT_EQ(g.prime.size(), g.bits / 8);
    ASSERT_EQ(g.q.size(), g.bits / 8);
    EXPECT_EQ(hex(Bytes(g.prime.begin(), g.prime.begin() + 24)),
              "ffffffffffffffffadf85458a2bb4a9aafdc5620273d3cf1");
    EXPECT_EQ(hex(Bytes(g.prime.end() - 8, g.prime.end())), "ffffffffffffffff");
    EXPECT_EQ(hex(Bytes(g.generator.begin(), g.generator.end())), "02");
    // 2q + 1 == p, byte by byte from the end (carry of the shift).
    unsigned carry = 1;
    for (size_t j = g.q.size(); j-- > 0;) {
      const unsigned v = (g.q[j] << 1) + carry;
      EXPECT_EQ(v & 0xff, g.prime[j]) << j;
      carry = v >> 8;
    }
    EXPECT_EQ(carry, 0u);
  }
  // The last line of ffdhe2048's p in RFC 7919 A.1.
  const ByteView p = kFfdheGroups[0].prime;
  EXPECT_EQ(hex(Bytes(p.end() - 16, p.end())), "886b423861285c97ffffffffffffffff");
  EXPECT_EQ(kFfdheGroups[0].key_bits, 256u);
  EXPECT_EQ(kFfdheGroups[4].key_bits, 512u);
}

TEST(DhParams, Pkcs3RoundTrip) {
  const FfdheGroup& g = kFfdheGroups[0];
  auto params = DhParams::from_raw(g.prime, g.generator, 0);
  ASSERT_TRUE(params);
  const Bytes der = params->to_pkcs3();
  // SEQUENCE(264) { INTEGER(257) 00 p, INTEGER 02 }
  EXPECT_EQ(hex(Bytes(der.begin(), der.begin() + 9)), "308201080282010100");
  EXPECT_EQ(der.size(), 268u);
  auto back = DhParams::from_pkcs3(der);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->prime, params->prime);
  EXPECT_EQ(back->generator, Bytes{2});
  EXPECT_EQ(back->key_bits, 0u);

  params->key_bits = 256;
  const Bytes with_bits = params->to_pkcs3();
  EXPECT_EQ(hex(Bytes(with_bits.end() - 4, with_bits.end())), "02020100");
  back = DhParams::from_pkcs3(with_bits);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->key_bits, 256u);
}

TEST(DhParams, RawDropsLeadingZerosAndRefusesZero) {
  const Bytes padded = unhex("000017");
  const Bytes five = unhex("05");
  auto params = DhParams::from_raw(padded, five, 7);
  ASSERT_TRUE(params);
  EXPECT_EQ(params->prime, Bytes{0x17});
  EXPECT_EQ(params->to_pkcs3(), unhex("3009 020117 020105 020107"));
  EXPECT_FALSE(DhParams::from_raw(unhex("0000"), five, 0));
  EXPECT_FALSE(DhParams::from_raw(padded, Bytes{}, 0));
}

TEST(DhParams, RefusesWhatIsNoDhParameter) {
  DhParseError why = DhParseError::bad_value;
  EXPECT_FALSE(DhParams::from_pkcs3(Bytes{}, &why));
  EXPECT_EQ(why, DhParseError::bad_value);
  // A length past the end.
  EXPECT_FALSE(DhParams::from_pkcs3(unhex("3009 020117 020105"), &why));
  EXPECT_EQ(why, DhParseError::cut_short);
  EXPECT_FALSE(DhParams::from_pkcs3(unhex("3006 020117 020205"), &why));
  EXPECT_EQ(why, DhParseError::cut_short);
  // No base; an OCTET STRING for the prime; bytes after the SEQUENCE; a
  // fourth INTEGER; five length bytes; a zero prime.
  for (const char* bad : {"3003 020117", "3006 040117 020105", "3006 020117 020105 00",
                          "300c 020117 020105 020101 020101", "3085 0000000006 020117 020105",
                          "3006 020100 020105"}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(DhParams::from_pkcs3(unhex(bad), &why));
    EXPECT_EQ(why, DhParseError::bad_value);
  }
  // BER's indefinite length for the SEQUENCE is read (GnuTLS reads it),
  // with its end-of-contents octets only.
  EXPECT_TRUE(DhParams::from_pkcs3(unhex("3080 020117 020105 0000")));
  EXPECT_FALSE(DhParams::from_pkcs3(unhex("3080 020117 020105"), &why));
  EXPECT_EQ(why, DhParseError::cut_short);
}

}  // namespace
}  // namespace coda::crypto
