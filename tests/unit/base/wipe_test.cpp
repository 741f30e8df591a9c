// Secrets are wiped when freed: this test binary replaces the global
// allocator so it can look at a block's bytes at the moment it is given back.
#include <gtest/gtest.h>

#include <cstdlib>
#include <new>
#include <vector>

#include "base/secure.hpp"

namespace {

// The block under watch and what it held when freed.
const void* g_watched = nullptr;
size_t g_watched_size = 0;
bool g_seen = false;
bool g_was_zero = false;

void inspect(void* p) {
  if (p == nullptr || p != g_watched) return;
  const auto* bytes = static_cast<const unsigned char*>(p);
  bool zero = true;
  for (size_t i = 0; i < g_watched_size; ++i) zero = zero && bytes[i] == 0;
  g_seen = true;
  g_was_zero = zero;
}

}  // namespace

void* operator new(size_t n) {
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  inspect(p);
  std::free(p);
}
void operator delete(void* p, size_t) noexcept {
  inspect(p);
  std::free(p);
}

namespace coda {
namespace {

template <typename Buffer>
bool freed_as_zero(Buffer buffer) {
  g_watched = buffer.data();
  g_watched_size = buffer.size();
  g_seen = false;
  { Buffer gone = std::move(buffer); }  // the block is freed here
  g_watched = nullptr;
  EXPECT_TRUE(g_seen) << "the watched block was not freed through operator delete";
  return g_was_zero;
}

TEST(Wipe, SecureBytesAreZeroWhenFreed) {
  SecureBytes secret(48, 0xA5);
  EXPECT_TRUE(freed_as_zero(std::move(secret)));
}

// The control: an ordinary vector keeps its bytes, so the test above can fail.
TEST(Wipe, PlainBytesAreNotWiped) {
  std::vector<uint8_t> plain(48, 0xA5);
  EXPECT_FALSE(freed_as_zero(std::move(plain)));
}

TEST(Wipe, SecureBytesWipeTheOldBlockWhenTheyGrow) {
  SecureBytes secret(16, 0x5A);
  g_watched = secret.data();
  g_watched_size = secret.size();
  g_seen = false;
  secret.resize(4096, 0x5A);  // reallocates; the old block is freed
  g_watched = nullptr;
  ASSERT_TRUE(g_seen);
  EXPECT_TRUE(g_was_zero);
}

}  // namespace
}  // namespace coda
