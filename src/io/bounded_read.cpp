#include "io/bounded_read.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace coda::io {

ssize_t read_into(int fd, MutableByteView room, size_t wanted, int recv_flags, bool* is_socket) {
  const size_t size = bounded_read_size(wanted, room.size());
  for (;;) {
    ssize_t n = 0;
    if (is_socket == nullptr || *is_socket) {
      n = ::recv(fd, room.data(), size, recv_flags);
      if (n < 0 && errno == ENOTSOCK && is_socket != nullptr) {
        *is_socket = false;
        continue;
      }
    } else {
      n = ::read(fd, room.data(), size);
    }
    if (n < 0 && errno == EINTR) continue;
    return n;
  }
}

ssize_t receive_into(int fd, MutableByteView room, size_t wanted) {
  return read_into(fd, room, wanted, 0, nullptr);
}

}  // namespace coda::io
