// gnutls_bye and the alert calls: the closure contract
// (shared/closure-contract.md) in GnuTLS's terms.
#include <array>

#include "compat/gnutls/io.hpp"
#include "compat/gnutls/session.hpp"

using coda::DirectionState;
using namespace coda::compat;

namespace {

// bye before any handshake: there are no keys, so the alert goes out as a
// plaintext record, written straight to the transport.
int bye_without_engine(gnutls_session_t s) {
  static constexpr std::array<uint8_t, 7> kCloseNotify = {21, 3, 3, 0, 2, 1, 0};
  giovec_t iov{const_cast<uint8_t*>(kCloseNotify.data()), kCloseNotify.size()};
  const ssize_t n = s->push != nullptr ? s->push(s->send_ptr, kCloseNotify.data(), kCloseNotify.size())
                                       : s->vec_push(s->send_ptr, &iov, 1);
  return n < 0 ? GNUTLS_E_PUSH_ERROR : 0;
}

// RDWR: reads until the peer's close_notify, dropping application data.
int wait_for_peer_close(gnutls_session_t s) {
  coda::Connection& conn = *s->conn;
  conn.set_discard_app_data(true);
  const Deadline deadline = earliest(deadline_after(s->record_timeout_ms), s->bye_deadline);
  for (;;) {
    if (conn.read_state() == DirectionState::closed) {
      s->bye_outcome = ByeOutcome::clean;
      return 0;
    }
    (void)conn.take_warning_alert();  // user_canceled while closing changes nothing
    if (conn.error()) {
      if (conn.error()->kind == coda::ErrorKind::premature_eof) {
        // GnuTLS ends the wait on EOF and returns 0; the closure record
        // keeps the truth: the peer never confirmed.
        s->bye_outcome = ByeOutcome::peer_never_confirmed;
        return 0;
      }
      return engine_error(s);
    }
    if (const int ret = flush_output(s); ret < 0) return ret;
    const int got = fill_input(s, deadline);
    if (got == kEndOfFile || got == GNUTLS_E_PULL_ERROR) {
      s->bye_outcome = ByeOutcome::peer_never_confirmed;
      return 0;
    }
    if (got == GNUTLS_E_TIMEDOUT) {
      s->bye_outcome = ByeOutcome::timed_out;
      return got;
    }
    if (got < 0) return got;
  }
}

}  // namespace

extern "C" {

int gnutls_bye(gnutls_session_t session, gnutls_close_request_t how) {
  if (session == nullptr) return GNUTLS_E_INVALID_REQUEST;
  gnutls_session_t s = session;
  if (how != GNUTLS_SHUT_RDWR && how != GNUTLS_SHUT_WR) return GNUTLS_E_INVALID_REQUEST;
  if (!s->conn) return bye_without_engine(s);
  coda::Connection& conn = *s->conn;

  // RFC 8446 6.1: no close_notify after a fatal alert, sent or received.
  if (conn.write_state() == DirectionState::failed) return engine_error(s);

  // 1. Whatever an interrupted call left half-written goes out first.
  if (const int ret = flush_output(s); ret < 0) return ret;
  s->interrupted_send = 0;
  // 2. One close_notify, whatever how often bye is called.
  if (conn.write_state() == DirectionState::open) {
    conn.close_write();
    if (s->closure.bye_deadline_ms > 0) s->bye_deadline = deadline_after(s->closure.bye_deadline_ms);
  }
  if (const int ret = flush_output(s); ret < 0) return ret;
  // 3. SHUT_WR ends here; reading goes on through gnutls_record_recv.
  if (how == GNUTLS_SHUT_WR) return 0;
  // 4. SHUT_RDWR waits for the peer's close_notify.
  return wait_for_peer_close(s);
}

int gnutls_alert_send(gnutls_session_t session, gnutls_alert_level_t level,
                      gnutls_alert_description_t desc) {
  if (session == nullptr) return GNUTLS_E_INVALID_REQUEST;
  gnutls_session_t s = session;
  if (!s->conn) return GNUTLS_E_INVALID_REQUEST;
  coda::Connection& conn = *s->conn;
  if (conn.write_state() != DirectionState::open) return GNUTLS_E_INVALID_SESSION;
  const auto description = static_cast<coda::AlertDescription>(desc);
  if (level == GNUTLS_AL_FATAL) {
    conn.abort(description);
    s->fatal_error_reported = true;  // the program knows: it ended the session itself
  } else if (description == coda::AlertDescription::close_notify) {
    conn.close_write();
  } else if (!conn.send_warning_alert(description)) {
    return GNUTLS_E_INVALID_SESSION;
  }
  return flush_output(s);
}

gnutls_alert_description_t gnutls_alert_get(gnutls_session_t session) {
  if (session == nullptr) return GNUTLS_A_CLOSE_NOTIFY;
  if (session->conn && session->conn->alert_received()) {
    return static_cast<gnutls_alert_description_t>(*session->conn->alert_received());
  }
  return static_cast<gnutls_alert_description_t>(session->last_alert);
}

}  // extern "C"
