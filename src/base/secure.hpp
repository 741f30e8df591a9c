// Memory that holds secrets: wiped when freed, compared in constant time.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace coda {

// Overwrites n bytes in a way the optimiser may not remove.
void secure_wipe(void* p, size_t n) noexcept;

// Constant-time equality: the time taken depends only on the lengths.
bool ct_equal(std::span<const uint8_t> a, std::span<const uint8_t> b) noexcept;

// Allocator that wipes every block before giving it back, so a SecureBytes
// never leaves key material in freed memory (also when it grows).
template <typename T>
struct WipingAllocator {
  using value_type = T;
  WipingAllocator() = default;
  template <typename U>
  WipingAllocator(const WipingAllocator<U>&) noexcept {}
  T* allocate(size_t n) { return std::allocator<T>{}.allocate(n); }
  void deallocate(T* p, size_t n) noexcept {
    secure_wipe(p, n * sizeof(T));
    std::allocator<T>{}.deallocate(p, n);
  }
  template <typename U>
  bool operator==(const WipingAllocator<U>&) const noexcept {
    return true;
  }
};

using SecureBytes = std::vector<uint8_t, WipingAllocator<uint8_t>>;

// A fixed-size secret held inside an object (a record IV): wiped when the
// object goes, wherever it lives.
template <size_t N>
struct SecureArray : std::array<uint8_t, N> {
  SecureArray() : std::array<uint8_t, N>{} {}
  SecureArray(const SecureArray&) = default;
  SecureArray& operator=(const SecureArray&) = default;
  ~SecureArray() { secure_wipe(this->data(), N); }
};

// A whole file read straight into wiped memory (no stream buffer, no copy
// left behind when the vector grows), for files that hold keys. Nothing
// when the file cannot be read.
std::optional<SecureBytes> read_file_wiped(const char* path);

}  // namespace coda
