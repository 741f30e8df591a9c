// See debug_heap.hpp. Every block carries a header (its size, where it came
// from, links in the list of live blocks); freed blocks are copied into an
// anonymous mapping, outside the heap the search looks at.
#include "debug_heap.hpp"

#include <openssl/crypto.h>
#include <sys/mman.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>

namespace coda::test {
namespace {

enum class Origin : uint32_t { cxx, openssl };

constexpr uint32_t kMagic = 0xC0DA'B10C;

struct alignas(16) Header {
  size_t size;
  Header* prev;
  Header* next;
  uint32_t magic;
  Origin origin;
};
static_assert(sizeof(Header) == 32);

// Copies of freed blocks: [Copy][bytes...], each 16-byte aligned. OpenSSL
// says where in its sources a block was freed.
struct Copy {
  size_t size;
  Origin origin;
  int line;
  const char* file;
  size_t unused;
};
static_assert(sizeof(Copy) % 16 == 0);

// Where the OpenSSL free being handled was called from (its file literal).
thread_local const char* t_free_file = nullptr;
thread_local int t_free_line = 0;
constexpr size_t kArenaSize = size_t{1} << 30;  // reserved, committed as used

std::mutex g_mutex;  // constant-initialized: usable before any constructor
Header g_live{0, &g_live, &g_live, kMagic, Origin::cxx};
std::atomic<bool> g_recording{false};
size_t g_min_size = 0;
unsigned char* g_arena = nullptr;
size_t g_arena_used = 0;
size_t g_copies = 0;
bool g_overflowed = false;
bool g_openssl_hooked = false;

const char* origin_name(Origin o) {
  return o == Origin::openssl ? "OpenSSL" : "operator new";
}

size_t round16(size_t n) {
  return (n + 15) & ~size_t{15};
}

void keep_copy(const Header* h) {
  if (h->size < g_min_size || g_arena == nullptr) return;
  const size_t need = sizeof(Copy) + round16(h->size);
  if (g_arena_used + need > kArenaSize) {
    g_overflowed = true;
    return;
  }
  auto* copy = reinterpret_cast<Copy*>(g_arena + g_arena_used);
  copy->size = h->size;
  copy->origin = h->origin;
  copy->file = h->origin == Origin::openssl ? t_free_file : nullptr;
  copy->line = t_free_line;
  std::memcpy(copy + 1, h + 1, h->size);
  g_arena_used += need;
  ++g_copies;
}

// Returns the block that follows the header.
void* link(Header* h, size_t n, Origin origin) {
  h->size = n;
  h->magic = kMagic;
  h->origin = origin;
  std::lock_guard lock(g_mutex);
  h->prev = &g_live;
  h->next = g_live.next;
  g_live.next->prev = h;
  g_live.next = h;
  return h + 1;
}

// The header of a block about to be freed, out of the live list and copied
// when recording.
Header* unlink(void* p) {
  auto* h = static_cast<Header*>(p) - 1;
  if (h->magic != kMagic) std::abort();  // not ours: a bug in the hooks
  std::lock_guard lock(g_mutex);
  h->prev->next = h->next;
  h->next->prev = h->prev;
  if (g_recording.load(std::memory_order_relaxed)) keep_copy(h);
  h->magic = 0;
  return h;
}

void* allocate(size_t n, Origin origin) {
  auto* h = static_cast<Header*>(std::malloc(sizeof(Header) + n));
  return h != nullptr ? link(h, n, origin) : nullptr;
}

void release(void* p) {
  if (p != nullptr) std::free(unlink(p));
}

size_t size_of(const void* p) {
  return (static_cast<const Header*>(p) - 1)->size;
}

// Over-aligned blocks (operator new with align_val_t above 16): the header
// sits right before the block, `align` bytes into an aligned_alloc area.
void* allocate_aligned(size_t n, size_t align) {
  if (align <= 16) return allocate(n, Origin::cxx);
  const size_t room = align < sizeof(Header) ? sizeof(Header) : align;
  auto* base = static_cast<unsigned char*>(
      std::aligned_alloc(align, (room + n + align - 1) / align * align));
  if (base == nullptr) return nullptr;
  return link(reinterpret_cast<Header*>(base + room) - 1, n, Origin::cxx);
}

void release_aligned(void* p, size_t align) {
  if (p == nullptr) return;
  if (align <= 16) return release(p);
  unlink(p);
  const size_t room = align < sizeof(Header) ? sizeof(Header) : align;
  std::free(static_cast<unsigned char*>(p) - room);
}

void* openssl_malloc(size_t n, const char*, int) {
  return allocate(n, Origin::openssl);
}

// Always a new block: the old one is freed as it was, as realloc(3) may
// leave it when it moves a block.
void release_from(void* p, const char* file, int line) {
  t_free_file = file;
  t_free_line = line;
  release(p);
  t_free_file = nullptr;
}

void* openssl_realloc(void* p, size_t n, const char* file, int line) {
  if (p == nullptr) return allocate(n, Origin::openssl);
  if (n == 0) {
    release_from(p, file, line);
    return nullptr;
  }
  void* q = allocate(n, Origin::openssl);
  if (q == nullptr) return nullptr;
  const size_t old = size_of(p);
  std::memcpy(q, p, old < n ? old : n);
  release_from(p, file, line);
  return q;
}

void openssl_free(void* p, const char* file, int line) {
  release_from(p, file, line);
}

// Before main and before anything in this binary allocates through OpenSSL.
__attribute__((constructor(101))) void hook_openssl() {
  g_openssl_hooked = CRYPTO_set_mem_functions(openssl_malloc, openssl_realloc, openssl_free) == 1;
}

const unsigned char* find_bytes(const unsigned char* hay, size_t hay_size,
                                std::span<const uint8_t> needle) {
  if (needle.empty() || needle.size() > hay_size) return nullptr;
  return static_cast<const unsigned char*>(memmem(hay, hay_size, needle.data(), needle.size()));
}

}  // namespace

bool openssl_allocations_hooked() {
  return g_openssl_hooked;
}

void start_recording(size_t min_size) {
  std::lock_guard lock(g_mutex);
  if (g_arena == nullptr) {
    void* area = mmap(nullptr, kArenaSize, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    g_arena = area == MAP_FAILED ? nullptr : static_cast<unsigned char*>(area);
  }
  g_min_size = min_size;
  g_arena_used = 0;
  g_copies = 0;
  g_overflowed = g_arena == nullptr;
  g_recording = true;
}

void stop_recording() {
  g_recording = false;
}

bool recording_overflowed() {
  return g_overflowed;
}

size_t recorded_blocks() {
  return g_copies;
}

std::vector<Finding> find_needles(std::span<const Needle> needles) {
  // Found while the heap is locked, so nothing may allocate: a fixed list.
  struct Raw {
    size_t needle;
    bool live;
    Origin origin;
    size_t block_size;
    size_t offset;
    const char* file;
    int line;
  };
  static Raw raw[256];
  size_t count = 0;
  auto note = [&](size_t needle, bool live, Origin origin, size_t size, size_t offset,
                  const char* file = nullptr, int line = 0) {
    if (count < std::size(raw)) raw[count++] = {needle, live, origin, size, offset, file, line};
  };
  {
    std::lock_guard lock(g_mutex);
    for (size_t at = 0; at < g_arena_used;) {
      const auto* copy = reinterpret_cast<const Copy*>(g_arena + at);
      const auto* bytes = reinterpret_cast<const unsigned char*>(copy + 1);
      for (size_t i = 0; i < needles.size(); ++i) {
        if (const auto* hit = find_bytes(bytes, copy->size, needles[i].bytes)) {
          note(i, false, copy->origin, copy->size, static_cast<size_t>(hit - bytes), copy->file,
               copy->line);
        }
      }
      at += sizeof(Copy) + round16(copy->size);
    }
    for (const Header* h = g_live.next; h != &g_live; h = h->next) {
      const auto* bytes = reinterpret_cast<const unsigned char*>(h + 1);
      for (size_t i = 0; i < needles.size(); ++i) {
        if (const auto* hit = find_bytes(bytes, h->size, needles[i].bytes)) {
          note(i, true, h->origin, h->size, static_cast<size_t>(hit - bytes));
        }
      }
    }
  }
  std::vector<Finding> findings;
  for (size_t i = 0; i < count; ++i) {
    std::string where;
    if (raw[i].file != nullptr)
      where = std::string(raw[i].file) + ":" + std::to_string(raw[i].line);
    findings.push_back({needles[raw[i].needle].label, raw[i].live, origin_name(raw[i].origin),
                        raw[i].block_size, raw[i].offset, where});
  }
  return findings;
}

std::string describe(const Finding& f) {
  return f.label + (f.still_allocated ? " in a block still allocated" : " in a freed block") +
         " (" + f.origin + ", " + std::to_string(f.block_size) + " bytes, at offset " +
         std::to_string(f.offset) + (f.freed_at.empty() ? "" : ", freed at " + f.freed_at) + ")";
}

}  // namespace coda::test

// ---- the replaced global allocation functions ----

using coda::test::allocate;
using coda::test::allocate_aligned;
using coda::test::Origin;
using coda::test::release;
using coda::test::release_aligned;

void* operator new(size_t n) {
  if (void* p = allocate(n, Origin::cxx)) return p;
  throw std::bad_alloc();
}
void* operator new[](size_t n) {
  return operator new(n);
}
void* operator new(size_t n, const std::nothrow_t&) noexcept {
  return allocate(n, Origin::cxx);
}
void* operator new[](size_t n, const std::nothrow_t&) noexcept {
  return allocate(n, Origin::cxx);
}
void* operator new(size_t n, std::align_val_t a) {
  if (void* p = allocate_aligned(n, static_cast<size_t>(a))) return p;
  throw std::bad_alloc();
}
void* operator new[](size_t n, std::align_val_t a) {
  return operator new(n, a);
}
void* operator new(size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return allocate_aligned(n, static_cast<size_t>(a));
}
void* operator new[](size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return allocate_aligned(n, static_cast<size_t>(a));
}

void operator delete(void* p) noexcept {
  release(p);
}
void operator delete[](void* p) noexcept {
  release(p);
}
void operator delete(void* p, size_t) noexcept {
  release(p);
}
void operator delete[](void* p, size_t) noexcept {
  release(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  release(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  release(p);
}
void operator delete(void* p, std::align_val_t a) noexcept {
  release_aligned(p, static_cast<size_t>(a));
}
void operator delete[](void* p, std::align_val_t a) noexcept {
  release_aligned(p, static_cast<size_t>(a));
}
void operator delete(void* p, size_t, std::align_val_t a) noexcept {
  release_aligned(p, static_cast<size_t>(a));
}
void operator delete[](void* p, size_t, std::align_val_t a) noexcept {
  release_aligned(p, static_cast<size_t>(a));
}
void operator delete(void* p, std::align_val_t a, const std::nothrow_t&) noexcept {
  release_aligned(p, static_cast<size_t>(a));
}
void operator delete[](void* p, std::align_val_t a, const std::nothrow_t&) noexcept {
  release_aligned(p, static_cast<size_t>(a));
}
