// A debug heap for the test binary that links debug_heap.cpp: it replaces
// every global operator new/delete and, through CRYPTO_set_mem_functions,
// OpenSSL's allocator, so each block's size is known when it is freed.
//
// While recording is on, every block freed is copied as it was at that
// moment (what a later reader of the heap could find there). A test learns
// its secrets afterwards (the keylog callback, derived keys) and searches
// those copies, and the blocks still allocated, for them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace coda::test {

// Makes the compiler treat a block as used, so a test's allocation that is
// only written and freed (a deliberate leak) is not optimized away.
inline void escape(const void* p) {
  asm volatile("" : : "g"(p) : "memory");
}

// Did OpenSSL take the hooks? It refuses them once it has allocated, so the
// binary installs them before main; a test fails when this is false.
bool openssl_allocations_hooked();

// Copies every freed block from now until stop_recording(); forgets the
// copies of an earlier recording. Blocks smaller than `min_size` are not
// kept (they cannot hold the smallest value searched for).
void start_recording(size_t min_size);
void stop_recording();
// The copies did not fit in the recording area: the search would be partial.
bool recording_overflowed();
size_t recorded_blocks();

// A value to look for. The bytes must not live on the heap (the search of
// live blocks would find them there).
struct Needle {
  std::string label;
  std::span<const uint8_t> bytes;
};

struct Finding {
  std::string label;     // the needle's
  bool still_allocated;  // false: in a block freed while recording
  const char* origin;    // "operator new", "OpenSSL"
  size_t block_size;
  size_t offset;
  std::string freed_at;  // OpenSSL's source file and line, when it says
};

// Every block freed while recording, then every block still allocated,
// that holds one of the needles.
std::vector<Finding> find_needles(std::span<const Needle> needles);

std::string describe(const Finding& finding);

}  // namespace coda::test
