#include <gtest/gtest.h>

#include "base/reader.hpp"
#include "base/secure.hpp"
#include "base/writer.hpp"

namespace coda {
namespace {

TEST(Reader, ReadsIntegersBigEndian) {
  const Bytes data{0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a};
  Reader r(data);
  uint8_t a = 0;
  uint16_t b = 0;
  uint32_t c = 0;
  uint32_t d = 0;
  ASSERT_TRUE(r.u8(a));
  ASSERT_TRUE(r.u16(b));
  ASSERT_TRUE(r.u24(c));
  ASSERT_TRUE(r.u32(d));
  EXPECT_EQ(a, 0x01);
  EXPECT_EQ(b, 0x0203);
  EXPECT_EQ(c, 0x040506U);
  EXPECT_EQ(d, 0x0708090aU);
  EXPECT_TRUE(r.empty());
  EXPECT_FALSE(r.u8(a));
}

TEST(Reader, FailedReadConsumesNothing) {
  const Bytes data{0x00, 0x05, 0xaa, 0xbb};  // claims 5 bytes, has 2
  Reader r(data);
  ByteView v;
  EXPECT_FALSE(r.vec16(v));
  EXPECT_EQ(r.remaining(), 4U);
  uint32_t x = 0;
  EXPECT_TRUE(r.u32(x));
  EXPECT_EQ(x, 0x0005aabbU);
}

TEST(Reader, SubReaderIsBounded) {
  const Bytes data{0x02, 0xaa, 0xbb, 0xcc};
  Reader r(data);
  Reader sub;
  ASSERT_TRUE(r.vec8(sub));
  EXPECT_EQ(sub.remaining(), 2U);
  uint32_t x = 0;
  EXPECT_FALSE(sub.u24(x));  // cannot run past its vector into 0xcc
  EXPECT_EQ(r.remaining(), 1U);
}

TEST(Writer, NestedPrefixes) {
  Bytes out;
  Writer w(out);
  auto outer = w.begin_vec16();
  w.u8(7);
  ASSERT_TRUE(w.vec8(Bytes{1, 2, 3}));
  ASSERT_TRUE(w.end(outer));
  EXPECT_EQ(out, (Bytes{0x00, 0x05, 0x07, 0x03, 0x01, 0x02, 0x03}));
}

TEST(Writer, PrefixOverflowIsReported) {
  Bytes out;
  Writer w(out);
  EXPECT_FALSE(w.vec8(Bytes(256, 0)));
  Bytes ok;
  Writer w2(ok);
  EXPECT_TRUE(w2.vec8(Bytes(255, 0)));
}

TEST(Secure, ConstantTimeEqual) {
  const Bytes a{1, 2, 3};
  const Bytes b{1, 2, 3};
  const Bytes c{1, 2, 4};
  EXPECT_TRUE(ct_equal(a, b));
  EXPECT_FALSE(ct_equal(a, c));
  EXPECT_FALSE(ct_equal(a, Bytes{1, 2}));
  EXPECT_TRUE(ct_equal(Bytes{}, Bytes{}));
}

TEST(Secure, WipeClears) {
  Bytes a{1, 2, 3};
  secure_wipe(a.data(), a.size());
  EXPECT_EQ(a, (Bytes{0, 0, 0}));
}

}  // namespace
}  // namespace coda
