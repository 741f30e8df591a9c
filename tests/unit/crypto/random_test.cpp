#include "crypto/random.hpp"

#include <gtest/gtest.h>

namespace coda::crypto {
namespace {

Bytes draw(RandomSource& r, size_t n) {
  Bytes out(n);
  r.fill(out);
  return out;
}

TEST(SeededRandom, SameSeedSameStream) {
  SeededRandom a(1234), b(1234);
  for (size_t n : {1u, 31u, 32u, 33u, 100u}) EXPECT_EQ(draw(a, n), draw(b, n));
}

TEST(SeededRandom, DifferentSeedsDiffer) {
  SeededRandom a(1), b(2);
  EXPECT_NE(draw(a, 32), draw(b, 32));
}

TEST(SeededRandom, SuccessiveDrawsDiffer) {
  SeededRandom a(7);
  EXPECT_NE(draw(a, 32), draw(a, 32));
}

TEST(SeededRandom, EmptyFillIsFine) {
  SeededRandom a(7);
  Bytes none;
  a.fill(none);
  SUCCEED();
}

TEST(SystemRandom, FillsAndVaries) {
  RandomSource& r = system_random();
  const Bytes x = draw(r, 64), y = draw(r, 64);
  EXPECT_NE(x, y);
  EXPECT_NE(x, Bytes(64, 0));
}

}  // namespace
}  // namespace coda::crypto
