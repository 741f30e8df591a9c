#include "common/session_cache.hpp"

namespace coda::tools {

void MemorySessionCache::store(ByteView id, ByteView entry) {
  if (capacity_ == 0) return;
  Bytes key(id.begin(), id.end());
  auto it = entries_.find(key);
  if (it != entries_.end()) {
    it->second = SecureBytes(entry.begin(), entry.end());
    return;
  }
  // order_ also names ids removed since; it is bounded as well, dropping the
  // oldest (their entries with them, if still there).
  while ((entries_.size() >= capacity_ || order_.size() >= 2 * capacity_) && !order_.empty()) {
    entries_.erase(order_.front());
    order_.pop_front();
  }
  entries_.emplace(key, SecureBytes(entry.begin(), entry.end()));
  order_.push_back(std::move(key));
}

std::optional<SecureBytes> MemorySessionCache::retrieve(ByteView id) {
  auto it = entries_.find(Bytes(id.begin(), id.end()));
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

void MemorySessionCache::remove(ByteView id) {
  entries_.erase(Bytes(id.begin(), id.end()));
}

}  // namespace coda::tools
