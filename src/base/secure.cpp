#include "base/secure.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace coda {

void secure_wipe(void* p, size_t n) noexcept {
  if (p == nullptr || n == 0) return;
  // explicit_bzero is documented never to be optimised away.
  explicit_bzero(p, n);
}

std::optional<SecureBytes> read_file_wiped(const char* path) {
  if (path == nullptr) return std::nullopt;
  const int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  SecureBytes data;
  // Room for the whole file, and one byte to see its end: one allocation.
  data.resize(fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<size_t>(st.st_size) + 1 : 4096);
  size_t used = 0;
  for (;;) {
    if (used == data.size()) data.resize(data.size() * 2);  // it grew: the old block is wiped
    const ssize_t n = read(fd, data.data() + used, data.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  close(fd);
  data.resize(used);
  return data;
}

bool ct_equal(std::span<const uint8_t> a, std::span<const uint8_t> b) noexcept {
  if (a.size() != b.size()) return false;
  uint8_t diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<uint8_t>(a[i] ^ b[i]);
  // Fold to 0/1 without a data-dependent branch.
  return ((static_cast<unsigned>(diff) - 1U) >> 8U) & 1U;
}

}  // namespace coda
