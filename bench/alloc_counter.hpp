// A malloc interposer for the memory workloads. The benchmark binary itself
// defines malloc and friends, so every shared library in the process (libssl,
// libcrypto through CRYPTO_malloc, GnuTLS, Coda's libgnutls.so.30 and the
// libstdc++ operator new under it) allocates through these counters.
#pragma once

#include <cstddef>
#include <cstdint>

namespace bench::alloc {

// Which side of a connection the calls being made belong to; allocations are
// charged to it. The workloads are single-threaded where they count.
enum class Side : int { none = 0, client = 1, server = 2 };

struct Counts {
  std::uint64_t calls[3] = {0, 0, 0};  // malloc/calloc/realloc/memalign calls, by Side
  std::int64_t live_bytes = 0;         // usable bytes allocated minus freed since reset()
  std::int64_t peak_bytes = 0;         // the highest live_bytes since reset()
};

// Counting is off unless a workload turns it on, so the timed workloads pay
// one relaxed load per malloc and nothing else.
void enable(bool on);
void reset();
void set_side(Side side);
Counts snapshot();

// Charges the calls of one scope to a side, then goes back to none.
class SideScope {
 public:
  explicit SideScope(Side side) { set_side(side); }
  ~SideScope() { set_side(Side::none); }
  SideScope(const SideScope&) = delete;
  SideScope& operator=(const SideScope&) = delete;
};

}  // namespace bench::alloc
