// coda-serv's TLS 1.2 session cache (RFC 5246 7.4.1.2): sessions by id in
// memory, at most a fixed number, the oldest dropped first. One per
// process, used by the one thread of coda-serv's loop.
#pragma once

#include <deque>
#include <map>
#include <optional>

#include "config/session12.hpp"

namespace coda::tools {

class MemorySessionCache final : public SessionCache12 {
 public:
  explicit MemorySessionCache(size_t capacity) : capacity_(capacity) {}

  void store(ByteView id, ByteView entry) override;
  std::optional<SecureBytes> retrieve(ByteView id) override;
  void remove(ByteView id) override;
  size_t size() const { return entries_.size(); }

 private:
  size_t capacity_;
  std::map<Bytes, SecureBytes> entries_;
  std::deque<Bytes> order_;  // ids, oldest first (may name removed ones)
};

}  // namespace coda::tools
