// Anti-replay for 0-RTT early data (RFC 8446 8), as GnuTLS does it: early
// data is taken only for a ticket issued after the recording started, for
// a ClientHello that arrives within a window of the time its client claims
// (8.3: the server's age of the ticket less the client's), and only once
// per window (8.2, ClientHello recording, keyed by the window's start and
// the PSK binder, which is unique to the ClientHello). The recording is a
// store the program may give (GnuTLS's gnutls_anti_replay_set_add_function)
// or, without one, a bounded one in memory. Shared by every session of a
// server; thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "base/bytes.hpp"

namespace coda {

class AntiReplay {
 public:
  // GnuTLS's default window: 10 seconds (RFC 8446 8.2 suggests the order
  // of ten seconds).
  static constexpr uint32_t kDefaultWindowMs = 10000;
  // ClientHellos the built-in recording remembers at most; when full, early
  // data is refused (safe: the handshake goes on without it).
  static constexpr size_t kMaxRecorded = 65536;

  // Records `key` unless it is recorded already: true when it was new.
  // `expires_s` (seconds since the epoch) is when it may be forgotten;
  // `entry` is the value GnuTLS stores with it (a magic, the time and the
  // window, for gnutls_db_check_entry_expire_time).
  using Store = std::function<bool(ByteView key, uint64_t expires_s, ByteView entry)>;

  // The recording starts at `start_ms` (wall clock, ms since the epoch).
  explicit AntiReplay(uint64_t start_ms, uint32_t window_ms = kDefaultWindowMs)
      : start_ms_(start_ms), window_ms_(window_ms) {}

  void set_window(uint32_t window_ms);
  // Replaces the built-in recording (null: back to it).
  void set_store(Store store);

  // Whether early data may be taken for the ClientHello identified by
  // `binder`, whose ticket the server issued at `issued_ms` and whose
  // client reports the ticket's age as `client_age_ms`, at `now_ms`.
  bool admit(ByteView binder, uint64_t issued_ms, uint64_t client_age_ms, uint64_t now_ms);

 private:
  bool record_in_memory(const std::string& key, uint64_t expires_ms, uint64_t now_ms);

  std::mutex mutex_;
  uint64_t start_ms_;
  uint32_t window_ms_;
  Store store_;
  std::map<std::string, uint64_t> seen_;  // key -> when it may be forgotten (ms)
};

}  // namespace coda
