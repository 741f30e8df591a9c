// gnutls_record_send / gnutls_record_recv and their helpers.
#include <algorithm>
#include <mutex>
#include <optional>

#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/io.hpp"
#include "compat/gnutls/session.hpp"
#include "record/record_types.hpp"

using namespace coda::compat;

namespace {

// GnuTLS refuses record I/O while a handshake is under way (and from its hooks).
int check_established(gnutls_session_t s) {
  if (s->in_hook) return GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE;
  if (!s->conn) return GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE;
  if (s->conn->error() && s->conn->error()->kind != coda::ErrorKind::premature_eof) {
    return engine_error(s);
  }
  if (!s->conn->handshake_complete()) return GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE;
  return 0;
}

}  // namespace

extern "C" {

ssize_t gnutls_record_send(gnutls_session_t session, const void* data, size_t data_size) {
  if (session == nullptr) return GNUTLS_E_INVALID_REQUEST;
  gnutls_session_t s = session;
  // After the transport failed for good GnuTLS sends nothing more.
  if (s->push_failed || s->pull_failed) return GNUTLS_E_INVALID_SESSION;
  // A send interrupted by E_AGAIN/E_INTERRUPTED is finished first, whatever
  // this call passes (GnuTLS: the same data again, or NULL and 0), and
  // reports the length that was taken.
  if (s->interrupted_send > 0) {
    const int ret = flush_output(s);
    if (ret < 0) return ret;
    return static_cast<ssize_t>(std::exchange(s->interrupted_send, 0));
  }
  {
    const std::lock_guard engine(s->engine_mutex);
    if (const int ret = check_established(s); ret < 0) return ret;
    if (s->conn->write_state() != coda::DirectionState::open) return GNUTLS_E_INVALID_SESSION;
  }
  if (!buffer_ok(data, data_size)) return GNUTLS_E_INVALID_REQUEST;
  // Whatever is still queued (a KeyUpdate answer, say) goes first.
  if (const int ret = flush_output(s); ret < 0) return ret;
  if (data_size == 0) return 0;

  // One record per call, as GnuTLS does.
  const size_t n = std::min(data_size, coda::record::kMaxPlaintext);
  {
    const std::lock_guard engine(s->engine_mutex);
    const auto status = s->conn->send(coda::ByteView(static_cast<const uint8_t*>(data), n));
    if (!status) return coda::compat::error_code(status.error());
  }
  const int ret = flush_output(s);
  if (ret == GNUTLS_E_AGAIN || ret == GNUTLS_E_INTERRUPTED) {
    s->interrupted_send = n;
    return ret;
  }
  if (ret < 0) return ret;
  return static_cast<ssize_t>(n);
}

namespace {

// What gnutls_record_recv returns from what the engine holds now; nothing
// when it must read on. With engine_mutex held.
std::optional<ssize_t> received_so_far(gnutls_session_t s, coda::MutableByteView out) {
  coda::Connection& conn = *s->conn;
  if (conn.app_data_available() > 0) return static_cast<ssize_t>(conn.read(out));
  if (conn.read_state() == coda::DirectionState::closed) return 0;
  // gnutls_alert_get names it: the engine keeps the last alert received.
  if (conn.take_warning_alert()) return GNUTLS_E_WARNING_ALERT_RECEIVED;
  if (conn.error()) {
    // With the lenient policy, EOF on a record boundary ends the stream
    // like close_notify would (the closure record still says truncated).
    if (s->closure.lenient_truncation && conn.eof_received() && !conn.eof_inside_record()) {
      return 0;
    }
    return read_error(s);
  }
  return std::nullopt;
}

}  // namespace

ssize_t gnutls_record_recv(gnutls_session_t session, void* data, size_t data_size) {
  if (session == nullptr) return GNUTLS_E_INVALID_REQUEST;
  gnutls_session_t s = session;
  if (s->pull_failed) return GNUTLS_E_INVALID_SESSION;  // as GnuTLS after E_PULL_ERROR
  {
    const std::lock_guard engine(s->engine_mutex);
    if (const int ret = check_established(s); ret < 0) return ret;
  }
  // No room to read into: as GnuTLS, an error (0 would read as end of stream).
  if (data == nullptr || data_size == 0) return GNUTLS_E_INVALID_REQUEST;
  const coda::MutableByteView out(static_cast<uint8_t*>(data), data_size);
  for (;;) {
    {
      const std::lock_guard engine(s->engine_mutex);
      if (const auto ret = received_so_far(s, out)) return *ret;
    }
    // Answers the engine queued (KeyUpdate) go out before we wait; after a
    // failed write nothing can (GnuTLS reads on then).
    if (!s->push_failed) {
      if (const int ret = flush_output_unless_busy(s); ret < 0) return ret;
    }
    // The record timeout bounds each read from the transport, as in GnuTLS.
    const int got = fill_input(s, deadline_after(s->record_timeout_ms));
    const std::lock_guard engine(s->engine_mutex);
    // Nothing to read for now: an idle moment, when buffers are given back.
    if (got == GNUTLS_E_AGAIN) s->conn->release_buffers();
    if (got < 0) return got;
    // GnuTLS 3.7 returns E_AGAIN (even on a blocking transport) from the
    // call that took a post-handshake message (KeyUpdate, NewSessionTicket)
    // and no data; programs call again, and see what follows.
    if (got == 0 && s->conn->take_post_handshake_message() && s->conn->app_data_available() == 0) {
      s->direction = 0;
      return GNUTLS_E_AGAIN;
    }
  }
}

size_t gnutls_record_check_pending(gnutls_session_t session) {
  if (session == nullptr || !session->conn) return 0;
  const std::lock_guard engine(session->engine_mutex);
  return session->conn->app_data_available();
}

int gnutls_record_get_direction(gnutls_session_t session) {
  return session != nullptr ? session->direction.load() : 0;
}

size_t gnutls_record_get_max_size(gnutls_session_t session) {
  (void)session;
  return coda::record::kMaxPlaintext;
}

size_t gnutls_record_discard_queued(gnutls_session_t session) {
  // Records are written out as they are made; nothing waits in a queue of
  // ours except a half-written record, which must not be cut.
  (void)session;
  return 0;
}

}  // extern "C"
