// The per-thread pool of record buffers (base/buffer_pool.hpp): a buffer
// given back is the one the next borrower gets, empty; too large a buffer,
// or one beyond the pool's count, is freed.
#include "base/buffer_pool.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace coda {
namespace {

TEST(BufferPool, AGivenBackBufferIsLentAgainEmpty) {
  std::thread([] {  // a thread of its own: an empty pool to start with
    Bytes a;
    borrow_buffer(a, 1000);
    ASSERT_GE(a.capacity(), 1000U);
    a.assign(10, 0xAB);
    const uint8_t* memory = a.data();
    give_back_buffer(a);
    EXPECT_EQ(a.capacity(), 0U);  // the session holds nothing now
    Bytes b;
    borrow_buffer(b, 100);
    EXPECT_EQ(b.data(), memory);  // the same memory, no allocation
    EXPECT_TRUE(b.empty());       // and nothing of what it held before
  })
      .join();
}

TEST(BufferPool, RoomIsMadeWhereThereIsNone) {
  std::thread([] {
    Bytes a(5, 1);
    borrow_buffer(a, 5000);
    EXPECT_GE(a.capacity() - a.size(), 5000U);
    EXPECT_EQ(a, Bytes(5, 1));  // contents kept
  }).join();
}

TEST(BufferPool, LargeBuffersAndThoseBeyondTheCountAreFreed) {
  std::thread([] {
    Bytes big;
    borrow_buffer(big, kMaxPooledCapacity + 1);
    give_back_buffer(big);
    Bytes next;
    borrow_buffer(next, 1);
    EXPECT_LT(next.capacity(), kMaxPooledCapacity + 1);  // not the big one

    std::vector<Bytes> many(kPooledBuffers + 2);
    for (auto& b : many) borrow_buffer(b, 100);
    for (auto& b : many) give_back_buffer(b);
    // Only kPooledBuffers come back from the pool (with their 100 bytes of
    // room); the next borrower of 1 byte gets a new, small buffer.
    size_t pooled = 0;
    std::vector<Bytes> again(kPooledBuffers + 1);
    for (auto& b : again) {
      borrow_buffer(b, 1);
      pooled += b.capacity() >= 100 ? 1 : 0;
    }
    EXPECT_EQ(pooled, kPooledBuffers);
  }).join();
}

}  // namespace
}  // namespace coda
