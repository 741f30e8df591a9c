// Moving bytes between a session's engine and its transport callbacks, with
// GnuTLS's conventions: -1 plus errno (or gnutls_transport_set_errno) from
// push/pull, E_AGAIN/E_INTERRUPTED resumable, the direction remembered.
#pragma once

#include <chrono>
#include <optional>

#include "compat/gnutls/session.hpp"

namespace coda::compat {

using Deadline = std::optional<std::chrono::steady_clock::time_point>;

// A deadline `ms` from now; none for 0 (GnuTLS: 0 means wait forever).
Deadline deadline_after(unsigned ms);
// The earlier of two deadlines.
Deadline earliest(Deadline a, Deadline b);

// flush_output and fill_input take the session's locks themselves (see
// session.hpp): call them without engine_mutex held.

// Writes everything the engine has queued. 0, or E_AGAIN / E_INTERRUPTED
// (direction 1) / E_PUSH_ERROR.
int flush_output(gnutls_session_t s);
// flush_output for a reading call: when another thread is writing (its
// push may be blocked until the peer reads, and the peer may be waiting for
// us to read), the queue is left to that thread, which pushes it before it
// returns; 0 then.
int flush_output_unless_busy(gnutls_session_t s);

inline constexpr int kEndOfFile = 1;
// One read from the transport into the engine: no more than the engine
// needs to finish its record, unless read-ahead is on. Returns 0 when bytes
// were taken, kEndOfFile when the transport reported EOF (already passed to
// the engine), or E_AGAIN / E_INTERRUPTED (direction 0) / E_TIMEDOUT /
// E_PULL_ERROR. Engine errors are left for engine_error().
int fill_input(gnutls_session_t s, Deadline deadline);

// The GnuTLS code for the engine's stored error: the error itself the first
// time, GNUTLS_E_INVALID_SESSION afterwards (GnuTLS invalidates the session).
// In the record calls, which two threads may make at once, with
// engine_mutex held (as read_error).
int engine_error(gnutls_session_t s);

// engine_error() for reading calls (record_recv, handshake). GnuTLS 3.7
// answers an EOF inside a record first with E_AGAIN (even on a blocking
// transport), then with the error: E_PREMATURE_TERMINATION inside the
// header, E_UNEXPECTED_PACKET_LENGTH inside the body. Programs loop on
// E_AGAIN, so they see the same sequence here.
int read_error(gnutls_session_t s);

// The default transport: recv(2)/writev(2) on the descriptor in the pointer.
ssize_t system_pull(gnutls_transport_ptr_t ptr, void* data, size_t size);
ssize_t system_vec_push(gnutls_transport_ptr_t ptr, const giovec_t* iov, int iovcnt);
ssize_t system_vec_push_nosignal(gnutls_transport_ptr_t ptr, const giovec_t* iov, int iovcnt);

}  // namespace coda::compat
