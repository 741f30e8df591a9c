// A driver that moves bytes between a Connection and a connected socket (or
// any stream file descriptor). The blocking calls wait with poll() against
// one deadline per call; the try_* calls never wait, for callers that run
// their own poll() loop (coda-cli watches stdin and the socket together).
#pragma once

#include <csignal>
#include <cstddef>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "engine/connection.hpp"

namespace coda::io {

// How close() ends the session.
enum class CloseMode : uint8_t {
  rdwr,  // send close_notify, then wait for the peer's (data meanwhile is discarded)
  wr,    // send close_notify and return; reading may go on
  none,  // send nothing (only flush what is already queued)
};

// Details of the Error values the driver makes itself (the engine's errors
// pass through unchanged). Compare with FdDriver::is_timeout() and friends.
inline constexpr const char kTimedOut[] = "timed out";
inline constexpr const char kInterrupted[] = "interrupted";
inline constexpr const char kTransportError[] = "transport error";
inline constexpr const char kPeerClosedEarly[] = "peer closed before the handshake completed";

class FdDriver {
 public:
  // Neither the connection nor the descriptor is owned. The descriptor may
  // be blocking or not: every read and write is done with MSG_DONTWAIT after
  // poll() said it is ready.
  FdDriver(Connection& conn, int fd);

  // A flag set by a signal handler: when a wait is interrupted by a signal
  // and the flag is set, the call returns an error with detail kInterrupted.
  void set_interrupt_flag(const volatile std::sig_atomic_t* flag) { interrupt_ = flag; }

  // A negative timeout waits for ever; every call has one deadline overall.
  Status handshake(int timeout_ms = -1);
  // Seals and writes all of `data` (the connection must be open for writing).
  Status write_all(ByteView data, int timeout_ms = -1);
  // Application data into `out`; returns 0 once the peer's close_notify has
  // arrived (and again on every later call). Transport EOF before it is an
  // error (premature_eof: a truncation).
  Result<size_t> read(MutableByteView out, int timeout_ms = -1);
  // Ends the session as `mode` says. After a fatal error it sends nothing
  // and returns that error. rdwr returns ok when the peer's close_notify
  // arrives, and also, as GnuTLS does, when the transport reaches EOF first
  // (peer_confirmed_close() then says false).
  Status close(CloseMode mode, int timeout_ms = -1);
  // Writes everything the connection has queued.
  Status flush(int timeout_ms = -1);

  // ---- non-blocking steps for an outer poll() loop ----
  // Writes what the socket takes now; true when nothing is left queued.
  Result<bool> try_flush();
  // One read of at most bytes_needed() bytes, fed to the connection. false
  // when the socket had nothing (would block). EOF is passed on as
  // receive_eof(), whose error (truncation) is returned. After a fatal
  // error the queued alert is flushed (bounded wait) before returning it.
  Result<bool> try_receive();
  // The events to poll for on fd(): always POLLIN while reading is open,
  // POLLOUT while output is queued.
  short poll_events() const;

  // ---- what happened ----
  int fd() const { return fd_; }
  // errno of the last transport error (kTransportError), 0 if none.
  int sys_errno() const { return sys_errno_; }
  // Whether the transport reached EOF (a read returned 0).
  bool saw_eof() const { return eof_; }
  // Whether the peer's close_notify arrived.
  bool peer_confirmed_close() const { return conn_.read_state() == DirectionState::closed; }
  uint64_t bytes_read() const { return bytes_read_; }
  uint64_t bytes_written() const { return bytes_written_; }

  static bool is_timeout(const Error& e) { return e.detail == kTimedOut; }
  static bool is_interrupted(const Error& e) { return e.detail == kInterrupted; }
  static bool is_transport_error(const Error& e) { return e.detail == kTransportError; }

 private:
  // Waits until `events` are ready on the socket or the deadline passes.
  Status wait(short events, long long deadline_ms);
  // Flushes the alert a fatal error queued (bounded, best effort), then
  // returns the error.
  Error fail(const Error& e);
  Error transport_error(int err);

  Connection& conn_;
  int fd_;
  const volatile std::sig_atomic_t* interrupt_ = nullptr;
  int sys_errno_ = 0;
  bool eof_ = false;
  bool is_socket_ = true;  // false after send() said ENOTSOCK: use write()/read()
  uint64_t bytes_read_ = 0;
  uint64_t bytes_written_ = 0;
};

// Milliseconds on the monotonic clock; the deadline arithmetic of the driver,
// shared with tools that run their own poll() loop.
long long monotonic_ms();
// The deadline `timeout_ms` from now (-1: none), and the poll() timeout left
// until it (-1 for none, 0 once passed).
long long deadline_after(int timeout_ms);
int poll_timeout_until(long long deadline_ms);

}  // namespace coda::io
