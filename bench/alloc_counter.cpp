// The interposed allocator: forwards to glibc's own entry points
// (__libc_malloc and friends, exported for exactly this use) and counts on
// the way. Nothing here may allocate.
#include "alloc_counter.hpp"

#include <malloc.h>

#include <atomic>
#include <cerrno>
#include <cstring>

extern "C" {
void* __libc_malloc(size_t size);
void* __libc_calloc(size_t n, size_t size);
void* __libc_realloc(void* ptr, size_t size);
void* __libc_memalign(size_t alignment, size_t size);
void __libc_free(void* ptr);
}

namespace bench::alloc {
namespace {

std::atomic<bool> g_enabled{false};
std::atomic<int> g_side{0};
std::atomic<std::uint64_t> g_calls[3];
std::atomic<std::int64_t> g_live{0};
std::atomic<std::int64_t> g_peak{0};

void count_alloc(void* p) {
  if (p == nullptr) return;
  g_calls[g_side.load(std::memory_order_relaxed)].fetch_add(1, std::memory_order_relaxed);
  const auto now = g_live.fetch_add(static_cast<std::int64_t>(malloc_usable_size(p)),
                                    std::memory_order_relaxed) +
                   static_cast<std::int64_t>(malloc_usable_size(p));
  auto peak = g_peak.load(std::memory_order_relaxed);
  while (now > peak && !g_peak.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
  }
}

void count_free(void* p) {
  if (p == nullptr) return;
  g_live.fetch_sub(static_cast<std::int64_t>(malloc_usable_size(p)), std::memory_order_relaxed);
}

bool on() {
  return g_enabled.load(std::memory_order_relaxed);
}

}  // namespace

void enable(bool enabled) {
  g_enabled.store(enabled, std::memory_order_relaxed);
}

void reset() {
  for (auto& c : g_calls) c.store(0, std::memory_order_relaxed);
  g_live.store(0, std::memory_order_relaxed);
  g_peak.store(0, std::memory_order_relaxed);
}

void set_side(Side side) {
  g_side.store(static_cast<int>(side), std::memory_order_relaxed);
}

Counts snapshot() {
  Counts c;
  for (int i = 0; i < 3; ++i) c.calls[i] = g_calls[i].load(std::memory_order_relaxed);
  c.live_bytes = g_live.load(std::memory_order_relaxed);
  c.peak_bytes = g_peak.load(std::memory_order_relaxed);
  return c;
}

}  // namespace bench::alloc

using bench::alloc::count_alloc;
using bench::alloc::count_free;
using bench::alloc::on;

extern "C" {

void* malloc(size_t size) {
  void* p = __libc_malloc(size);
  if (on()) count_alloc(p);
  return p;
}

void* calloc(size_t n, size_t size) {
  void* p = __libc_calloc(n, size);
  if (on()) count_alloc(p);
  return p;
}

void* realloc(void* ptr, size_t size) {
  if (!on()) return __libc_realloc(ptr, size);
  // The old block's size must be read before realloc may free it.
  const auto old_size = ptr != nullptr ? static_cast<std::int64_t>(malloc_usable_size(ptr)) : 0;
  void* p = __libc_realloc(ptr, size);
  if (p != nullptr || size == 0)
    bench::alloc::g_live.fetch_sub(old_size, std::memory_order_relaxed);
  count_alloc(p);
  return p;
}

void free(void* ptr) {
  if (on()) count_free(ptr);
  __libc_free(ptr);
}

void* memalign(size_t alignment, size_t size) {
  void* p = __libc_memalign(alignment, size);
  if (on()) count_alloc(p);
  return p;
}

void* aligned_alloc(size_t alignment, size_t size) {
  return memalign(alignment, size);
}

int posix_memalign(void** out, size_t alignment, size_t size) {
  if (alignment % sizeof(void*) != 0 || (alignment & (alignment - 1)) != 0) return EINVAL;
  void* p = memalign(alignment, size);
  if (p == nullptr) return ENOMEM;
  *out = p;
  return 0;
}

}  // extern "C"
