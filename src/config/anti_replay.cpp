#include "config/anti_replay.hpp"

namespace coda {
namespace {

// GnuTLS's PACKED_SESSION_MAGIC, which its db entries start with.
constexpr uint32_t kEntryMagic = 0xfadebadd;

void put_u32(Bytes& out, uint64_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(v >> shift));
}

}  // namespace

void AntiReplay::set_window(uint32_t window_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  window_ms_ = window_ms;
}

void AntiReplay::set_store(Store store) {
  std::lock_guard<std::mutex> lock(mutex_);
  store_ = std::move(store);
}

bool AntiReplay::record_in_memory(const std::string& key, uint64_t expires_ms, uint64_t now_ms) {
  for (auto it = seen_.begin(); it != seen_.end();) {
    it = it->second <= now_ms ? seen_.erase(it) : std::next(it);
  }
  if (seen_.count(key) != 0 || seen_.size() >= kMaxRecorded) return false;
  seen_.emplace(key, expires_ms);
  return true;
}

bool AntiReplay::admit(ByteView binder, uint64_t issued_ms, uint64_t client_age_ms,
                       uint64_t now_ms) {
  if (binder.empty() || now_ms < issued_ms) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  const uint64_t server_age = now_ms - issued_ms;
  // The client cannot have held the ticket longer than it exists.
  if (server_age < client_age_ms) return false;
  // A ticket from before the recording started may have been used already.
  if (issued_ms < start_ms_) return false;
  // Each window records afresh.
  if (now_ms - start_ms_ > window_ms_) start_ms_ = now_ms;
  // RFC 8446 8.3: a ClientHello that arrives later than the window after
  // the time its client claims is old.
  if (server_age - client_age_ms > window_ms_) return false;
  // RFC 8446 8.2: once per window. The key names the window, so a binder
  // recorded in an earlier one does not count against this one.
  std::string key;
  key.reserve(12 + binder.size());
  Bytes prefix;
  put_u32(prefix, (start_ms_ / 1000) >> 32U);
  put_u32(prefix, (start_ms_ / 1000) & 0xffffffffU);
  put_u32(prefix, (start_ms_ % 1000) * 1000000U);
  key.append(prefix.begin(), prefix.end());
  key.append(binder.begin(), binder.end());
  const uint64_t window_s = window_ms_ / 1000;
  if (store_) {
    Bytes entry;
    put_u32(entry, kEntryMagic);
    put_u32(entry, now_ms / 1000);
    put_u32(entry, window_s);
    return store_(as_bytes(key.data(), key.size()), now_ms / 1000 + window_s, entry);
  }
  return record_in_memory(key, now_ms + window_ms_, now_ms);
}

}  // namespace coda
