// The coda_ extensions of include/gnutls/coda.h: the closure record, the
// bye deadline, the truncation policy, read-ahead with hand-back, and the
// closing helper.
#include <gnutls/coda.h>

#include <algorithm>
#include <cstring>

#include "compat/gnutls/io.hpp"
#include "compat/gnutls/session.hpp"

using coda::DirectionState;
using namespace coda::compat;

namespace {

coda_direction_t direction(DirectionState state) {
  switch (state) {
    case DirectionState::open:
      return CODA_DIRECTION_OPEN;
    case DirectionState::closed:
      return CODA_DIRECTION_CLOSED;
    case DirectionState::failed:
      return CODA_DIRECTION_FAILED;
  }
  return CODA_DIRECTION_FAILED;
}

coda_closure_outcome_t outcome(const gnutls_session_int& s, const coda_closure_t& c) {
  if (c.fatal_alert_sent >= 0 || c.fatal_alert_received >= 0) return CODA_CLOSURE_ABORTED_BY_ALERT;
  if (s.bye_outcome == ByeOutcome::timed_out && !c.close_notify_received) {
    return CODA_CLOSURE_TIMED_OUT;
  }
  if (c.close_notify_sent && c.close_notify_received) return CODA_CLOSURE_CLEAN;
  // bye's wait may also end on a transport error, which is no EOF.
  if (s.bye_outcome == ByeOutcome::peer_never_confirmed) return CODA_CLOSURE_PEER_NEVER_CONFIRMED;
  // The transport ended: EOF, or an error reading or writing for good.
  const bool transport_ended = c.eof_received || s.pull_failed || s.push_failed;
  if (transport_ended && !c.close_notify_received) {
    return c.close_notify_sent ? CODA_CLOSURE_PEER_NEVER_CONFIRMED : CODA_CLOSURE_TRUNCATED;
  }
  return CODA_CLOSURE_OPEN;
}

constexpr unsigned kDefaultCloseDeadlineMs = 2000;

}  // namespace

extern "C" {

int coda_session_get_closure(gnutls_session_t session, coda_closure_t* closure) {
  if (session == nullptr || closure == nullptr) return GNUTLS_E_INVALID_REQUEST;
  coda_closure_t c{};
  c.fatal_alert_sent = -1;
  c.fatal_alert_received = -1;
  if (session->conn) {
    const coda::Connection& conn = *session->conn;
    c.read_state = direction(conn.read_state());
    c.write_state = direction(conn.write_state());
    // A transport error fails the direction it happened in; close_notify
    // already received stays the truth for reading. A close_notify queued
    // but not written out is a failed write.
    if (session->pull_failed && c.read_state == CODA_DIRECTION_OPEN)
      c.read_state = CODA_DIRECTION_FAILED;
    if (session->push_failed) c.write_state = CODA_DIRECTION_FAILED;
    c.close_notify_sent = conn.alert_sent() == coda::AlertDescription::close_notify ? 1 : 0;
    c.close_notify_received = conn.read_state() == DirectionState::closed ? 1 : 0;
    c.eof_received = conn.eof_received() ? 1 : 0;
    c.eof_at_record_boundary = conn.eof_received() && !conn.eof_inside_record() ? 1 : 0;
    if (const auto& error = conn.error()) {
      if (error->kind == coda::ErrorKind::local_alert)
        c.fatal_alert_sent = static_cast<int>(error->alert);
      if (error->kind == coda::ErrorKind::peer_alert) {
        c.fatal_alert_received = static_cast<int>(error->alert);
      }
    }
    c.app_bytes_sent = conn.app_bytes_sent();
    c.app_bytes_received = conn.app_bytes_received();
    c.app_bytes_discarded = conn.app_bytes_discarded();
  }
  c.outcome = outcome(*session, c);
  *closure = c;
  return 0;
}

const char* coda_closure_outcome_name(coda_closure_outcome_t outcome) {
  switch (outcome) {
    case CODA_CLOSURE_OPEN:
      return "open";
    case CODA_CLOSURE_CLEAN:
      return "clean";
    case CODA_CLOSURE_PEER_NEVER_CONFIRMED:
      return "peer never confirmed";
    case CODA_CLOSURE_TRUNCATED:
      return "truncated";
    case CODA_CLOSURE_TIMED_OUT:
      return "timed out";
    case CODA_CLOSURE_ABORTED_BY_ALERT:
      return "aborted by alert";
  }
  return "unknown";
}

int coda_bye_set_deadline(gnutls_session_t session, unsigned int ms) {
  if (session == nullptr) return GNUTLS_E_INVALID_REQUEST;
  session->closure.bye_deadline_ms = ms;
  if (ms == 0) session->bye_deadline.reset();
  return 0;
}

int coda_set_truncation_policy(gnutls_session_t session, coda_truncation_policy_t policy) {
  if (session == nullptr) return GNUTLS_E_INVALID_REQUEST;
  switch (policy) {
    case CODA_TRUNCATION_STRICT:
      session->closure.lenient_truncation = false;
      return 0;
    case CODA_TRUNCATION_LENIENT_AT_RECORD_BOUNDARY:
      session->closure.lenient_truncation = true;
      return 0;
  }
  return GNUTLS_E_INVALID_REQUEST;
}

int coda_set_read_ahead(gnutls_session_t session, int enabled) {
  if (session == nullptr) return GNUTLS_E_INVALID_REQUEST;
  session->closure.read_ahead = enabled != 0;
  return 0;
}

size_t coda_unread_size(gnutls_session_t session) {
  if (session == nullptr) return 0;
  return session->unread.size() - session->unread_pos;
}

ssize_t coda_take_unread(gnutls_session_t session, void* buf, size_t size) {
  if (session == nullptr || (buf == nullptr && size > 0)) return GNUTLS_E_INVALID_REQUEST;
  // Only what the session will never read itself is handed back.
  if (session->conn && session->conn->read_state() == DirectionState::open) return 0;
  const size_t n = std::min(size, coda_unread_size(session));
  if (n == 0) return 0;  // buf may be NULL
  std::memcpy(buf, session->unread.data() + session->unread_pos, n);
  session->unread_pos += n;
  if (session->unread_pos == session->unread.size()) {
    session->unread.clear();
    session->unread_pos = 0;
  }
  return static_cast<ssize_t>(n);
}

int coda_close(gnutls_session_t session, unsigned int deadline_ms) {
  if (session == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!session->bye_deadline) {
    session->bye_deadline =
        deadline_after(deadline_ms != 0 ? deadline_ms : kDefaultCloseDeadlineMs);
  }
  // E_AGAIN only when the transport would block: the one GnuTLS's bye
  // gives for a KeyUpdate is not passed on.
  session->bye_through_key_updates = true;
  const int ret = gnutls_bye(session, GNUTLS_SHUT_RDWR);
  session->bye_through_key_updates = false;
  // A deadline that passed is an outcome here, not a failure: the wait is over.
  if (ret == GNUTLS_E_TIMEDOUT && session->bye_outcome == ByeOutcome::timed_out) return 0;
  return ret;
}

}  // extern "C"
