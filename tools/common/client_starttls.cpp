#include "common/client_starttls.hpp"

#include <poll.h>

#include <cerrno>
#include <cstring>

#include "common/net.hpp"
#include "common/starttls_dialogue.hpp"
#include "io/bounded_read.hpp"
#include "io/fd_driver.hpp"

namespace coda::tools {

namespace {

// Sends what the dialogue has queued, logging each line.
bool send_queued(int fd, StarttlsDialogue& dialogue, std::FILE* log, std::string* error) {
  const std::string out = dialogue.take_output();
  if (out.empty()) return true;
  if (log != nullptr) {
    size_t at = 0;
    while (at < out.size()) {
      const size_t end = out.find("\r\n", at);
      std::fprintf(log, "> %s\n", out.substr(at, end - at).c_str());
      at = end + 2;
    }
  }
  if (!write_fully(fd, out.data(), out.size())) {
    *error = std::string("STARTTLS: send: ") + std::strerror(errno);
    return false;
  }
  return true;
}

bool run(int fd, StarttlsDialogue& dialogue, long long deadline, std::FILE* log,
         std::string* error) {
  size_t logged = 0;
  while (dialogue.state() == StarttlsDialogue::State::running) {
    if (!send_queued(fd, dialogue, log, error)) return false;
    pollfd p = {fd, POLLIN, 0};
    const int n = ::poll(&p, 1, io::poll_timeout_until(deadline));
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = std::string("STARTTLS: poll: ") + std::strerror(errno);
      return false;
    }
    if (n == 0) {
      *error = "STARTTLS: timed out waiting for the server's STARTTLS dialogue";
      return false;
    }
    // One byte at a time, so nothing after the server's last line is taken
    // from the socket: it belongs to the TLS handshake.
    uint8_t byte = 0;
    const ssize_t got = io::receive_into(fd, MutableByteView(&byte, 1));
    if (got < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) continue;
      *error = std::string("STARTTLS: recv: ") + std::strerror(errno);
      return false;
    }
    if (got == 0) {
      *error = "STARTTLS: the server closed the connection during the STARTTLS dialogue";
      return false;
    }
    dialogue.receive(static_cast<char>(byte));
    const auto& lines = dialogue.received_lines();
    for (; logged < lines.size(); ++logged) {
      if (log != nullptr) std::fprintf(log, "< %s\n", lines[logged].c_str());
    }
  }
  if (dialogue.state() == StarttlsDialogue::State::failed) {
    *error = dialogue.error();
    return false;
  }
  return send_queued(fd, dialogue, log, error);
}

}  // namespace

bool starttls_supported(const std::string& proto) {
  return StarttlsDialogue::supported(proto);
}

bool starttls_negotiate(int fd, const std::string& proto, int timeout_ms, std::FILE* log,
                        std::string* error) {
  StarttlsDialogue dialogue(proto);
  const bool ok = run(fd, dialogue, io::deadline_after(timeout_ms), log, error);
  if (log != nullptr) std::fflush(log);
  return ok;
}

}  // namespace coda::tools
