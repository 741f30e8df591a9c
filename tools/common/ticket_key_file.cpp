#include "common/ticket_key_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "io/bounded_read.hpp"

namespace coda::tools {

std::shared_ptr<const SecureBytes> load_ticket_key_file(const std::string& path,
                                                        std::string* error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = "--ticket-key-file " + path + ": " + std::strerror(errno);
    return nullptr;
  }
  // One byte more than a key: a longer file is refused, not cut.
  SecureBytes buf(kTicketKeyFileSize + 1);
  size_t got = 0;
  bool is_socket = false;  // a file: read()
  for (;;) {
    const ssize_t n =
        io::read_into(fd, MutableByteView(buf).subspan(got), buf.size() - got, 0, &is_socket);
    if (n < 0) {
      *error = "--ticket-key-file " + path + ": " + std::strerror(errno);
      ::close(fd);
      return nullptr;
    }
    if (n == 0 || got + static_cast<size_t>(n) == buf.size()) {
      got += static_cast<size_t>(n);
      break;
    }
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  if (got != kTicketKeyFileSize) {
    *error = "--ticket-key-file " + path + ": must hold exactly 64 bytes of key (make one with " +
             "'head -c 64 /dev/urandom > FILE'), it holds " +
             (got > kTicketKeyFileSize ? std::string("more") : std::to_string(got));
    return nullptr;
  }
  buf.resize(kTicketKeyFileSize);
  return std::make_shared<const SecureBytes>(std::move(buf));
}

}  // namespace coda::tools
