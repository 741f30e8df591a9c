#include "base/buffer_pool.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace coda {

namespace {

std::vector<Bytes>& pool() {
  thread_local std::vector<Bytes> buffers;
  return buffers;
}

}  // namespace

void borrow_buffer(Bytes& buffer, size_t need) {
  if (buffer.capacity() - buffer.size() >= need) return;
  auto& buffers = pool();
  if (buffer.capacity() == 0 && !buffers.empty()) {
    buffer = std::move(buffers.back());
    buffers.pop_back();
  }
  if (buffer.capacity() - buffer.size() < need) {
    // Geometric growth, so that many records queued at once cost a few
    // reallocations, not one each.
    buffer.reserve(std::max(buffer.size() + need, 2 * buffer.capacity()));
  }
}

void give_back_buffer(Bytes& buffer) {
  buffer.clear();
  if (buffer.capacity() == 0) return;
  auto& buffers = pool();
  if (buffer.capacity() <= kMaxPooledCapacity && buffers.size() < kPooledBuffers) {
    if (buffers.capacity() < kPooledBuffers) buffers.reserve(kPooledBuffers);
    buffers.push_back(std::move(buffer));
  }
  Bytes().swap(buffer);  // moved from, or too large to keep: no memory left
}

}  // namespace coda
