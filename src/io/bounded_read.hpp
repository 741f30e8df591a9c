// The one place where the size of a read from a descriptor is chosen. A
// read's length never comes from the caller alone, and never from a peer:
// it is the room of the buffer it goes into, or less, so no length that a
// peer announces (a record header, a handshake length) can make a read run
// past its buffer.
#pragma once

#include <sys/types.h>

#include <algorithm>
#include <cstddef>
#include <limits>

#include "base/bytes.hpp"

namespace coda::io {

// How many bytes to ask for: what is wanted, but no more than the room.
constexpr size_t bounded_read_size(size_t wanted, size_t room) {
  return std::min(wanted, room);
}

// Reads from `fd` into `room`, at most `wanted` bytes and never more than
// room.size(): recv() with `recv_flags` while *is_socket (set to false, and
// read() used from then on, when fd turns out not to be a socket). EINTR is
// retried. Returns what recv()/read() return, errno set on -1.
ssize_t read_into(int fd, MutableByteView room, size_t wanted, int recv_flags, bool* is_socket);

// The same on a socket: recv() with no flags, all the room wanted.
ssize_t receive_into(int fd, MutableByteView room,
                     size_t wanted = std::numeric_limits<size_t>::max());

}  // namespace coda::io
