#include "compat/gnutls/io.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <mutex>

#include "base/buffer_pool.hpp"
#include "io/bounded_read.hpp"

namespace coda::compat {

using Clock = std::chrono::steady_clock;

namespace {

int fd_of(gnutls_transport_ptr_t ptr) {
  return static_cast<int>(reinterpret_cast<intptr_t>(ptr));
}

// GnuTLS reads the error of a failed push/pull from gnutls_transport_set_errno
// first, then from the errno function, then from errno itself.
int transport_error(gnutls_session_t s, bool writing, int saved_errno) {
  int err = s->transport_errno.exchange(0);
  if (err == 0) {
    err = s->errno_function != nullptr ? s->errno_function(writing ? s->send_ptr : s->recv_ptr)
                                       : saved_errno;
  }
  if (err == EAGAIN || err == EWOULDBLOCK) {
    s->direction = writing ? 1 : 0;
    return GNUTLS_E_AGAIN;
  }
  if (err == EINTR) {
    s->direction = writing ? 1 : 0;
    return GNUTLS_E_INTERRUPTED;
  }
  if (writing) {
    s->push_failed = true;
    return GNUTLS_E_PUSH_ERROR;
  }
  s->pull_failed = true;
  return GNUTLS_E_PULL_ERROR;
}

// Largest read with read-ahead: one maximal TLS 1.2 record and its header.
constexpr size_t kReadAheadSize = 5 + 16384 + 2048;

unsigned remaining_ms(const Deadline& deadline) {
  const auto left = *deadline - Clock::now();
  if (left <= Clock::duration::zero()) return 0;
  const auto ms = std::chrono::ceil<std::chrono::milliseconds>(left).count();
  return static_cast<unsigned>(std::min<long long>(ms, UINT32_MAX - 2));
}

}  // namespace

Deadline deadline_after(unsigned ms) {
  if (ms == 0) return std::nullopt;
  return Clock::now() + std::chrono::milliseconds(ms);
}

Deadline earliest(Deadline a, Deadline b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

namespace {

// Pushes what the engine queued, holding write_mutex (locked by the caller).
int push_queued(gnutls_session_t s) {
  for (;;) {
    if (s->outgoing_pos == s->outgoing.size()) {
      give_back_buffer(s->outgoing);
      s->outgoing_pos = 0;
      const std::lock_guard engine(s->engine_mutex);
      s->output_waiting = false;
      if (!s->conn) return 0;
      s->conn->take_output(s->outgoing);
      if (s->outgoing.empty()) return 0;
    }
    const ByteView out = ByteView(s->outgoing).subspan(s->outgoing_pos);
    ssize_t n = 0;
    errno = 0;
    if (s->push != nullptr) {
      n = s->push(s->send_ptr, out.data(), out.size());
    } else if (s->vec_push != nullptr) {
      giovec_t iov{const_cast<uint8_t*>(out.data()), out.size()};
      n = s->vec_push(s->send_ptr, &iov, 1);
    } else {
      return GNUTLS_E_PUSH_ERROR;
    }
    const int saved = errno;
    if (n < 0) return transport_error(s, /*writing=*/true, saved);
    s->outgoing_pos += std::min(static_cast<size_t>(n), out.size());
  }
}

// Records queued while another thread held write_mutex are pushed by
// whoever gets it next: the holder looks again once it has let go, so
// nothing is left behind between the two.
int push_left_behind(gnutls_session_t s) {
  while (s->output_waiting) {
    std::unique_lock writing(s->write_mutex, std::try_to_lock);
    if (!writing.owns_lock()) return 0;  // its holder will look again
    if (const int ret = push_queued(s); ret < 0) return ret;
  }
  return 0;
}

}  // namespace

int flush_output(gnutls_session_t s) {
  {
    const std::lock_guard writing(s->write_mutex);
    if (const int ret = push_queued(s); ret < 0) return ret;
  }
  return push_left_behind(s);
}

int flush_output_unless_busy(gnutls_session_t s) {
  s->output_waiting = true;
  return push_left_behind(s);
}

int fill_input(gnutls_session_t s, Deadline deadline) {
  Connection& conn = *s->conn;
  // Bytes read ahead earlier go to the engine before the transport is asked.
  if (s->unread_pos < s->unread.size()) {
    const std::lock_guard engine(s->engine_mutex);
    auto used = conn.receive(ByteView(s->unread).subspan(s->unread_pos));
    if (used) s->unread_pos += *used;
    if (s->unread_pos == s->unread.size()) {
      s->unread.clear();
      s->unread_pos = 0;
    }
    // Callers stop before a closed or paused engine, so this took bytes or
    // stored an error; either way the caller looks at the engine next.
    return 0;
  }

  if (deadline && (s->flags & GNUTLS_NONBLOCK) == 0 && s->pull_timeout != nullptr) {
    const unsigned ms = remaining_ms(deadline);
    if (ms == 0) return GNUTLS_E_TIMEDOUT;
    errno = 0;
    const int ready = s->pull_timeout(s->recv_ptr, ms);
    const int saved = errno;
    if (ready == 0) return GNUTLS_E_TIMEDOUT;
    if (ready < 0) return transport_error(s, /*writing=*/false, saved);
  }

  if (s->pull == nullptr) return GNUTLS_E_PULL_ERROR;  // set to NULL by the program
  std::array<uint8_t, kReadAheadSize> buffer;
  size_t want = buffer.size();
  if (!s->closure.read_ahead) {
    const std::lock_guard engine(s->engine_mutex);
    want = conn.bytes_needed();
  }
  errno = 0;
  const size_t asked = io::bounded_read_size(want, buffer.size());
  const ssize_t n = s->pull(s->recv_ptr, buffer.data(), asked);
  const int saved = errno;
  if (n < 0) return transport_error(s, /*writing=*/false, saved);
  // A pull function that claims more than it was given room for: its count
  // is not to be trusted, nor read past the buffer.
  if (static_cast<size_t>(n) > asked) {
    s->pull_failed = true;
    return GNUTLS_E_PULL_ERROR;
  }
  const std::lock_guard engine(s->engine_mutex);
  if (n == 0) {
    (void)conn.receive_eof();  // the engine records truncation; callers decide
    return kEndOfFile;
  }
  const ByteView got(buffer.data(), static_cast<size_t>(n));
  auto used = conn.receive(got);
  if (used && *used < got.size()) {
    // Read ahead past a record the engine stopped at (close_notify, a
    // warning alert): keep the rest, never drop it.
    s->unread.insert(s->unread.end(), got.begin() + static_cast<std::ptrdiff_t>(*used), got.end());
  }
  return 0;
}

int engine_error(gnutls_session_t s) {
  if (!s->conn || !s->conn->error()) return 0;
  if (s->fatal_error_reported) return GNUTLS_E_INVALID_SESSION;
  s->fatal_error_reported = true;
  const Error error = *s->conn->error();
  return error_code(error);
}

int read_error(gnutls_session_t s) {
  const Connection& conn = *s->conn;
  if (conn.error() && conn.error()->kind == ErrorKind::premature_eof && conn.eof_inside_record() &&
      !s->fatal_error_reported) {
    if (!s->eof_in_record_announced) {
      s->eof_in_record_announced = true;
      s->direction = 0;
      return GNUTLS_E_AGAIN;
    }
    s->fatal_error_reported = true;
    return conn.eof_inside_header() ? GNUTLS_E_PREMATURE_TERMINATION
                                    : GNUTLS_E_UNEXPECTED_PACKET_LENGTH;
  }
  return engine_error(s);
}

ssize_t system_pull(gnutls_transport_ptr_t ptr, void* data, size_t size) {
  const int fd = fd_of(ptr);
  ssize_t n = recv(fd, data, size, 0);
  if (n < 0 && errno == ENOTSOCK) n = read(fd, data, size);
  return n;
}

ssize_t system_vec_push(gnutls_transport_ptr_t ptr, const giovec_t* iov, int iovcnt) {
  return writev(fd_of(ptr), iov, iovcnt);
}

ssize_t system_vec_push_nosignal(gnutls_transport_ptr_t ptr, const giovec_t* iov, int iovcnt) {
  msghdr msg{};
  msg.msg_iov = const_cast<iovec*>(iov);
  msg.msg_iovlen = static_cast<size_t>(iovcnt);
  ssize_t n = sendmsg(fd_of(ptr), &msg, MSG_NOSIGNAL);
  if (n < 0 && errno == ENOTSOCK) n = writev(fd_of(ptr), iov, iovcnt);
  return n;
}

}  // namespace coda::compat

extern "C" int gnutls_system_recv_timeout(gnutls_transport_ptr_t ptr, unsigned int ms) {
  pollfd pfd{static_cast<int>(reinterpret_cast<intptr_t>(ptr)), POLLIN, 0};
  const int timeout = ms == GNUTLS_INDEFINITE_TIMEOUT ? -1 : static_cast<int>(ms);
  const int r = poll(&pfd, 1, timeout);
  if (r < 0) return -1;
  return r;
}
