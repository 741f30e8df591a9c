// One direction of an in-memory connection, shared by the GnuTLS-API push/pull
// callbacks and the libssl BIO, so both stacks move bytes through the same
// code. Its buffer is reserved up front and never shrinks on its own: the
// allocation counters then see the library's allocations, not the pipe's.
#pragma once

#include <cstddef>
#include <cstring>
#include <vector>

namespace bench {

class MemoryPipe {
 public:
  explicit MemoryPipe(std::size_t reserve = 64 * 1024) { buf_.reserve(reserve); }

  void write(const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    buf_.insert(buf_.end(), p, p + n);
  }

  // Copies up to n bytes out; 0 means empty (the caller reports "would block").
  std::size_t read(void* data, std::size_t n) {
    const std::size_t avail = buf_.size() - off_;
    if (n > avail) n = avail;
    std::memcpy(data, buf_.data() + off_, n);
    off_ += n;
    if (off_ == buf_.size()) {
      buf_.clear();
      off_ = 0;
    }
    return n;
  }

  std::size_t pending() const { return buf_.size() - off_; }

  // Gives the buffer back to the heap, so a heap measurement of many idle
  // sessions does not count the benchmark's own pipes.
  void release() {
    std::vector<unsigned char>().swap(buf_);
    off_ = 0;
  }

 private:
  std::vector<unsigned char> buf_;
  std::size_t off_ = 0;
};

// Both directions of one connection.
struct MemoryLink {
  explicit MemoryLink(std::size_t reserve = 64 * 1024) : to_server(reserve), to_client(reserve) {}
  MemoryPipe to_server;
  MemoryPipe to_client;
};

}  // namespace bench
