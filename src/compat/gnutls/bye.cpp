// gnutls_bye and the alert calls: the closure contract
// (shared/closure-contract.md) in GnuTLS's terms.
#include <array>
#include <mutex>

#include "compat/gnutls/io.hpp"
#include "compat/gnutls/session.hpp"
#include "handshake/messages.hpp"

using coda::DirectionState;
using namespace coda::compat;

namespace {

// bye before any handshake: there are no keys, so the alert goes out as a
// plaintext record, written straight to the transport.
int bye_without_engine(gnutls_session_t s) {
  if (s->close_notify_without_engine) return 0;  // once, as everywhere
  static constexpr std::array<uint8_t, 7> kCloseNotify = {21, 3, 3, 0, 2, 1, 0};
  giovec_t iov{const_cast<uint8_t*>(kCloseNotify.data()), kCloseNotify.size()};
  if (s->push == nullptr && s->vec_push == nullptr) return GNUTLS_E_PUSH_ERROR;
  const ssize_t n = s->push != nullptr
                        ? s->push(s->send_ptr, kCloseNotify.data(), kCloseNotify.size())
                        : s->vec_push(s->send_ptr, &iov, 1);
  if (n < 0) return GNUTLS_E_PUSH_ERROR;
  s->close_notify_without_engine = true;
  return 0;
}

// GnuTLS ends the wait on EOF (or a transport error) and returns 0, and the
// session is invalid from then on; the closure record keeps the truth: the
// peer never confirmed.
int end_wait_at_eof(gnutls_session_t s) {
  s->bye_outcome = ByeOutcome::peer_never_confirmed;
  s->fatal_error_reported = true;
  return 0;
}

// RDWR: reads until the peer's close_notify, dropping application data.
int wait_for_peer_close(gnutls_session_t s) {
  coda::Connection& conn = *s->conn;
  conn.set_discard_app_data(true);
  for (;;) {
    if (conn.read_state() == DirectionState::closed) {
      s->bye_outcome = ByeOutcome::clean;
      return 0;
    }
    // A warning alert is reported as gnutls_record_recv reports it (GnuTLS
    // does so in TLS 1.2); calling bye again goes on waiting.
    // (gnutls_alert_get names it: the engine keeps the last alert received.)
    if (conn.take_warning_alert()) return GNUTLS_E_WARNING_ALERT_RECEIVED;
    if (conn.error()) {
      if (conn.error()->kind == coda::ErrorKind::premature_eof) return end_wait_at_eof(s);
      return engine_error(s);
    }
    if (const int ret = flush_output(s); ret < 0) return ret;
    // The record timeout bounds each read (as in GnuTLS); the bye deadline
    // bounds the whole wait.
    const int got = fill_input(s, earliest(deadline_after(s->record_timeout_ms), s->bye_deadline));
    if (got == kEndOfFile || got == GNUTLS_E_PULL_ERROR) return end_wait_at_eof(s);
    if (got == GNUTLS_E_TIMEDOUT) {
      // The closure record says so until a later bye call (the program
      // may keep waiting) sees the peer's close_notify.
      s->bye_outcome = ByeOutcome::timed_out;
      return got;
    }
    if (got < 0) return got;
    // As gnutls_record_recv: E_AGAIN once for a KeyUpdate (GnuTLS 3.7);
    // calling bye again goes on waiting. A ticket is taken silently (the
    // closure contract; a deliberate difference, README).
    const auto taken = conn.take_post_handshake_message();
    if (got == 0 && taken == static_cast<uint8_t>(coda::hs::HandshakeType::key_update) &&
        !s->bye_through_key_updates) {
      return GNUTLS_E_AGAIN;
    }
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

  // RFC 8446 6.1: no close_notify after a fatal alert, sent or received,
  // nor once a fatal error was reported. GnuTLS then answers 0 to SHUT_WR
  // and GNUTLS_E_INVALID_SESSION to SHUT_RDWR, which cannot read any more.
  // The sending half may run while another thread is in gnutls_record_recv
  // (as gnutls_record_send may), so it looks at the engine under its lock.
  {
    const std::lock_guard engine(s->engine_mutex);
    if (conn.write_state() == DirectionState::failed || s->fatal_error_reported) {
      engine_error(s);  // marks an unreported error as reported
      return how == GNUTLS_SHUT_WR ? 0 : GNUTLS_E_INVALID_SESSION;
    }
  }

  // 1. Whatever an interrupted call left half-written goes out first.
  if (const int ret = flush_output(s); ret < 0) return ret;
  s->interrupted_send = 0;
  // 2. One close_notify, whatever how often bye is called.
  {
    const std::lock_guard engine(s->engine_mutex);
    if (conn.write_state() == DirectionState::open) {
      conn.close_write();
      if (s->closure.bye_deadline_ms > 0)
        s->bye_deadline = deadline_after(s->closure.bye_deadline_ms);
    }
  }
  if (const int ret = flush_output(s); ret < 0) return ret;
  // 3. SHUT_WR ends here; reading goes on through gnutls_record_recv.
  if (how == GNUTLS_SHUT_WR) return 0;
  // After E_PULL_ERROR there is nothing to wait on; GnuTLS says the
  // session is invalid (its close_notify went out above, once).
  if (s->pull_failed) return GNUTLS_E_INVALID_SESSION;
  // 4. SHUT_RDWR waits for the peer's close_notify (a reading call, like
  // gnutls_record_recv: not one to make while another thread reads).
  return wait_for_peer_close(s);
}

int gnutls_alert_send(gnutls_session_t session, gnutls_alert_level_t level,
                      gnutls_alert_description_t desc) {
  if (session == nullptr) return GNUTLS_E_INVALID_REQUEST;
  // Only the two levels and the alerts TLS defines (each has a name): GnuTLS
  // would put any byte on the wire.
  if (level != GNUTLS_AL_WARNING && level != GNUTLS_AL_FATAL) return GNUTLS_E_INVALID_REQUEST;
  if (gnutls_alert_get_name(desc) == nullptr) return GNUTLS_E_INVALID_REQUEST;
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
  if (session == nullptr || !session->conn || !session->conn->alert_received()) {
    return GNUTLS_A_CLOSE_NOTIFY;
  }
  return static_cast<gnutls_alert_description_t>(*session->conn->alert_received());
}

}  // extern "C"
