#include "common/client_starttls.hpp"

#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

#include "common/net.hpp"
#include "io/fd_driver.hpp"

namespace coda::tools {

namespace {

constexpr size_t kMaxLine = 4096;

class LineChannel {
 public:
  LineChannel(int fd, long long deadline, std::FILE* log, std::string* error)
      : fd_(fd), deadline_(deadline), log_(log), error_(error) {}

  // One line without its CRLF (or LF).
  bool read_line(std::string& line) {
    line.clear();
    for (;;) {
      pollfd p = {fd_, POLLIN, 0};
      const int n = ::poll(&p, 1, io::poll_timeout_until(deadline_));
      if (n < 0) {
        if (errno == EINTR) continue;
        return fail(std::string("poll: ") + std::strerror(errno));
      }
      if (n == 0) return fail("timed out waiting for the server's STARTTLS dialogue");
      char c = 0;
      const ssize_t got = ::recv(fd_, &c, 1, 0);
      if (got < 0) {
        if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
        return fail(std::string("recv: ") + std::strerror(errno));
      }
      if (got == 0) return fail("the server closed the connection during the STARTTLS dialogue");
      if (c == '\n') break;
      line.push_back(c);
      if (line.size() > kMaxLine) return fail("overlong line from the server");
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (log_ != nullptr) std::fprintf(log_, "< %s\n", line.c_str());
    return true;
  }

  bool send_line(const std::string& line) {
    if (log_ != nullptr) std::fprintf(log_, "> %s\n", line.c_str());
    const std::string wire = line + "\r\n";
    if (!write_fully(fd_, wire.data(), wire.size())) {
      return fail(std::string("send: ") + std::strerror(errno));
    }
    return true;
  }

  // A (possibly multi-line, "250-...") reply with a three-digit code; true
  // when its code is `want`.
  bool expect_code(const char* want, const char* what) {
    std::string line;
    for (;;) {
      if (!read_line(line)) return false;
      if (line.size() < 3) return fail(std::string("unexpected reply to ") + what + ": " + line);
      if (line.size() > 3 && line[3] == '-') continue;  // continuation
      break;
    }
    if (line.compare(0, 3, want) != 0) {
      return fail(std::string("the server refused ") + what + ": " + line);
    }
    return true;
  }

  bool fail(const std::string& message) {
    *error_ = "STARTTLS: " + message;
    return false;
  }

 private:
  int fd_;
  long long deadline_;
  std::FILE* log_;
  std::string* error_;
};

bool smtp(LineChannel& ch) {
  return ch.expect_code("220", "the connection (greeting)") && ch.send_line("EHLO coda-cli") &&
         ch.expect_code("250", "EHLO") && ch.send_line("STARTTLS") &&
         ch.expect_code("220", "STARTTLS");
}

bool imap(LineChannel& ch) {
  std::string line;
  if (!ch.read_line(line)) return false;
  if (line.rfind("* OK", 0) != 0) return ch.fail("unexpected IMAP greeting: " + line);
  if (!ch.send_line("a STARTTLS")) return false;
  for (;;) {
    if (!ch.read_line(line)) return false;
    if (line.rfind("* ", 0) == 0) continue;  // untagged responses
    if (line.rfind("a OK", 0) == 0) return true;
    return ch.fail("the server refused STARTTLS: " + line);
  }
}

bool ftp(LineChannel& ch) {
  return ch.expect_code("220", "the connection (greeting)") && ch.send_line("AUTH TLS") &&
         ch.expect_code("234", "AUTH TLS");
}

}  // namespace

bool starttls_supported(const std::string& proto) {
  return proto == "smtp" || proto == "imap" || proto == "ftp";
}

bool starttls_negotiate(int fd, const std::string& proto, int timeout_ms, std::FILE* log,
                        std::string* error) {
  LineChannel ch(fd, io::deadline_after(timeout_ms), log, error);
  bool ok = false;
  if (proto == "smtp") {
    ok = smtp(ch);
  } else if (proto == "imap") {
    ok = imap(ch);
  } else if (proto == "ftp") {
    ok = ftp(ch);
  } else {
    *error = "unknown STARTTLS protocol '" + proto + "'";
  }
  if (log != nullptr) std::fflush(log);
  return ok;
}

}  // namespace coda::tools
