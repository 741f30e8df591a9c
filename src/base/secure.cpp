#include "base/secure.hpp"

#include <cstring>

namespace coda {

void secure_wipe(void* p, size_t n) noexcept {
  if (p == nullptr || n == 0) return;
  // explicit_bzero is documented never to be optimised away.
  explicit_bzero(p, n);
}

bool ct_equal(std::span<const uint8_t> a, std::span<const uint8_t> b) noexcept {
  if (a.size() != b.size()) return false;
  uint8_t diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<uint8_t>(a[i] ^ b[i]);
  // Fold to 0/1 without a data-dependent branch.
  return ((static_cast<unsigned>(diff) - 1U) >> 8U) & 1U;
}

}  // namespace coda
