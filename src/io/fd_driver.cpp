#include "io/fd_driver.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <ctime>

#include "io/bounded_read.hpp"

namespace coda::io {

namespace {

// RFC 8446 5.1/5.2: a record is a 5-byte header and at most 2^14 + 256
// bytes of ciphertext, so bytes_needed() never asks for more than this.
constexpr size_t kMaxRecord = 5 + (1U << 14) + 256;
// Largest plaintext handed to Connection::send() at a time, so a big write
// is sealed and written record by record instead of all in memory.
constexpr size_t kWriteChunk = 1U << 14;
// How long fail() keeps trying to deliver a queued alert: long enough for a
// healthy loopback or LAN peer, short enough not to hang on a dead one.
constexpr int kAlertFlushMs = 1000;

}  // namespace

long long monotonic_ms() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<long long>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

long long deadline_after(int timeout_ms) {
  return timeout_ms < 0 ? -1 : monotonic_ms() + timeout_ms;
}

int poll_timeout_until(long long deadline_ms) {
  if (deadline_ms < 0) return -1;
  const long long left = deadline_ms - monotonic_ms();
  if (left <= 0) return 0;
  return static_cast<int>(std::min<long long>(left, 1LL << 30));
}

FdDriver::FdDriver(Connection& conn, int fd) : conn_(conn), fd_(fd) {}

Error FdDriver::transport_error(int err) {
  sys_errno_ = err;
  return Error::make(ErrorKind::internal, kTransportError);
}

short FdDriver::poll_events() const {
  short events = 0;
  if (conn_.read_state() == DirectionState::open && !eof_) events |= POLLIN;
  if (!conn_.pending_output().empty()) events |= POLLOUT;
  return events;
}

Status FdDriver::wait(short events, long long deadline_ms) {
  for (;;) {
    pollfd pfd{fd_, events, 0};
    const int n = ::poll(&pfd, 1, poll_timeout_until(deadline_ms));
    if (n < 0) {
      if (errno == EINTR) {
        if (interrupt_ != nullptr && *interrupt_ != 0) {
          return Error::make(ErrorKind::internal, kInterrupted);
        }
        continue;
      }
      return transport_error(errno);
    }
    if (n == 0) return Error::make(ErrorKind::internal, kTimedOut);
    if ((pfd.revents & POLLNVAL) != 0) return transport_error(EBADF);
    // POLLERR and POLLHUP are left to the next recv()/send(), which reports
    // the error or the EOF precisely.
    return {};
  }
}

Result<bool> FdDriver::try_flush() {
  for (;;) {
    const ByteView out = conn_.pending_output();
    if (out.empty()) return true;
    ssize_t n = 0;
    if (is_socket_) {
      // MSG_NOSIGNAL: a peer that went away is an EPIPE error, not a signal
      // that kills the process.
      n = ::send(fd_, out.data(), out.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n < 0 && errno == ENOTSOCK) {
        is_socket_ = false;
        continue;
      }
    } else {
      n = ::write(fd_, out.data(), out.size());
    }
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) return false;
      return transport_error(errno);
    }
    bytes_written_ += static_cast<uint64_t>(n);
    conn_.consume_output(static_cast<size_t>(n));
  }
}

Result<bool> FdDriver::try_receive() {
  if (auto e = conn_.error()) return *e;
  // After the peer's close_notify nothing more is read: what follows in the
  // socket belongs to the application (closure contract, item 6).
  if (conn_.read_state() != DirectionState::open || eof_) return false;

  std::array<uint8_t, kMaxRecord> buf;
  // Never more than the connection needs to finish the current record, so
  // the read stops exactly at the end of the peer's close_notify record.
  const size_t want = std::max<size_t>(conn_.bytes_needed(), 1);
  const ssize_t n = read_into(fd_, buf, want, MSG_DONTWAIT, &is_socket_);
  if (n < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK) return false;
    return fail(transport_error(errno));
  }
  if (n == 0) {
    eof_ = true;
    if (auto st = conn_.receive_eof(); !st) return fail(st.error());
    return true;
  }
  bytes_read_ += static_cast<uint64_t>(n);
  auto consumed = conn_.receive(ByteView(buf.data(), static_cast<size_t>(n)));
  if (!consumed) return fail(consumed.error());
  // Reading no more than bytes_needed() means a record boundary is never
  // crossed, so the connection takes everything; anything else is a bug in
  // one of the two and must not pass silently.
  if (*consumed != static_cast<size_t>(n)) {
    return fail(Error::make(ErrorKind::internal, "connection left bytes it asked for"));
  }
  return true;
}

Error FdDriver::fail(const Error& e) {
  // Deliver the alert the connection queued for this error, if the
  // transport still takes it; its own failure would hide the real error.
  const int saved_errno = sys_errno_;
  const long long deadline = deadline_after(kAlertFlushMs);
  for (;;) {
    auto done = try_flush();
    if (!done || *done) break;
    if (!wait(POLLOUT, deadline)) break;
  }
  sys_errno_ = saved_errno;
  return e;
}

Status FdDriver::flush(int timeout_ms) {
  const long long deadline = deadline_after(timeout_ms);
  for (;;) {
    auto done = try_flush();
    if (!done) return done.error();
    if (*done) return {};
    CODA_TRY(wait(POLLOUT, deadline));
  }
}

Status FdDriver::handshake(int timeout_ms) {
  const long long deadline = deadline_after(timeout_ms);
  for (;;) {
    if (auto e = conn_.error()) return fail(*e);
    auto flushed = try_flush();
    if (!flushed) return flushed.error();
    // The client completes when its Finished is queued: it must still go out.
    if (conn_.handshake_complete() && *flushed) return {};
    if (!conn_.handshake_complete()) {
      if (conn_.read_state() != DirectionState::open) {
        return Error::make(ErrorKind::premature_eof, kPeerClosedEarly);
      }
      auto progressed = try_receive();
      if (!progressed) return progressed.error();
      if (*progressed) continue;
      if (eof_) return Error::make(ErrorKind::premature_eof, kPeerClosedEarly);
      CODA_TRY(wait(poll_events(), deadline));
    } else {
      // Only our last flight is left to write; incoming data (tickets) can
      // wait for the first read() and must not wake us in a busy loop.
      CODA_TRY(wait(POLLOUT, deadline));
    }
  }
}

Status FdDriver::write_all(ByteView data, int timeout_ms) {
  const long long deadline = deadline_after(timeout_ms);
  while (!data.empty()) {
    const size_t n = std::min(data.size(), kWriteChunk);
    if (auto st = conn_.send(data.first(n)); !st) {
      // A fatal error may have queued an alert; a refused call (after
      // close_write) has not, and flushing is harmless then.
      return fail(st.error());
    }
    data = data.subspan(n);
    for (;;) {
      auto done = try_flush();
      if (!done) return done.error();
      if (*done) break;
      CODA_TRY(wait(POLLOUT, deadline));
    }
  }
  return {};
}

Result<size_t> FdDriver::read(MutableByteView out, int timeout_ms) {
  const long long deadline = deadline_after(timeout_ms);
  for (;;) {
    if (conn_.app_data_available() > 0) return conn_.read(out);
    if (conn_.read_state() == DirectionState::closed) return size_t{0};
    if (auto e = conn_.error()) return fail(*e);
    // Replies the connection queued by itself (KeyUpdate) go out as we go.
    auto flushed = try_flush();
    if (!flushed) return flushed.error();
    auto progressed = try_receive();
    if (!progressed) return progressed.error();
    if (*progressed) continue;
    if (eof_) {
      // The connection accepted an EOF without failing, yet its reading
      // side is still open: treat it as what it is, a truncation.
      return Error::make(ErrorKind::premature_eof, "transport EOF before close_notify");
    }
    CODA_TRY(wait(poll_events(), deadline));
  }
}

Status FdDriver::close(CloseMode mode, int timeout_ms) {
  const long long deadline = deadline_after(timeout_ms);
  // RFC 8446 6.1 / closure contract 7: after a fatal alert, no close_notify.
  if (auto e = conn_.error()) return fail(*e);
  if (mode != CloseMode::none) conn_.close_write();
  for (;;) {
    auto done = try_flush();
    if (!done) return done.error();
    if (*done) break;
    CODA_TRY(wait(POLLOUT, deadline));
  }
  if (mode != CloseMode::rdwr) return {};

  // Closure contract 4: data arriving while we wait is dropped, not queued.
  conn_.set_discard_app_data(true);
  Status result;
  for (;;) {
    if (conn_.read_state() == DirectionState::closed) break;
    // Replies to post-handshake messages (KeyUpdate) still go out.
    if (auto flushed = try_flush(); !flushed) {
      if (!is_transport_error(flushed.error())) result = flushed.error();
      break;
    }
    auto progressed = try_receive();
    if (!progressed) {
      // As GnuTLS: EOF or a transport error ends the wait successfully; the
      // caller asks peer_confirmed_close() whether the peer confirmed.
      const Error& e = progressed.error();
      if (e.kind != ErrorKind::premature_eof && !is_transport_error(e)) result = e;
      break;
    }
    if (*progressed) continue;
    if (eof_) break;
    if (auto st = wait(poll_events(), deadline); !st) {
      result = st;
      break;
    }
  }
  conn_.set_discard_app_data(false);
  return result;
}

}  // namespace coda::io
