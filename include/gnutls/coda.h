/* Coda's additions to the GnuTLS API: how a session ended, told truthfully.
 *
 * Everything here is Coda's own (prefix coda_) and changes nothing that a
 * gnutls_ call returns. A program that includes this header runs only on
 * Coda; guard its use with #ifdef CODA_GNUTLS_EXTENSIONS to stay portable.
 *
 * The words (see the closure contract): close_notify is the authenticated
 * "I will send nothing more"; a transport EOF is not authenticated; a
 * truncation is an EOF before the peer's close_notify. */
#ifndef GNUTLS_CODA_H
#define GNUTLS_CODA_H

#include <gnutls/gnutls.h>
#include <stdint.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(CODA_GNUTLS_BUILD) && defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

#define CODA_GNUTLS_EXTENSIONS 1

/* The state of one direction of a session. */
typedef enum {
  CODA_DIRECTION_OPEN = 0,   /* data may flow (or the handshake is running) */
  CODA_DIRECTION_CLOSED = 1, /* close_notify sent (writing) or received (reading) */
  CODA_DIRECTION_FAILED = 2  /* fatal alert, decoding error, truncation, or
                                the transport failed (E_PUSH/PULL_ERROR) */
} coda_direction_t;

/* How a session ended, as one value.
 *   OPEN                 nothing has ended yet (or only one direction)
 *   CLEAN                close_notify went both ways (ours queued: if writing
 *                        it failed, as when the peer closes its socket right
 *                        after its own, write_state says FAILED)
 *   PEER_NEVER_CONFIRMED we sent close_notify; the transport ended (EOF, or
 *                        an error reading or writing) without the peer's
 *   TRUNCATED            the transport ended (EOF, or an error reading or
 *                        writing) before the peer's close_notify while we
 *                        had not closed: data may be missing
 *   TIMED_OUT            gnutls_bye gave up waiting for the peer's close_notify
 *   ABORTED_BY_ALERT     a fatal alert was sent or received */
typedef enum {
  CODA_CLOSURE_OPEN = 0,
  CODA_CLOSURE_CLEAN = 1,
  CODA_CLOSURE_PEER_NEVER_CONFIRMED = 2,
  CODA_CLOSURE_TRUNCATED = 3,
  CODA_CLOSURE_TIMED_OUT = 4,
  CODA_CLOSURE_ABORTED_BY_ALERT = 5
} coda_closure_outcome_t;

/* The closure record of a session. */
typedef struct {
  coda_closure_outcome_t outcome;
  coda_direction_t read_state;
  coda_direction_t write_state;
  int close_notify_sent;      /* 1 once our close_notify was queued */
  int close_notify_received;  /* 1 once the peer's close_notify arrived */
  int eof_received;           /* 1 once the transport reported EOF */
  int eof_at_record_boundary; /* 1 if that EOF fell between records */
  int fatal_alert_sent;       /* the alert description, or -1 */
  int fatal_alert_received;   /* the alert description, or -1 */
  uint64_t app_bytes_sent;
  uint64_t app_bytes_received;  /* delivered to the application */
  uint64_t app_bytes_discarded; /* dropped while gnutls_bye(RDWR) waited */
} coda_closure_t;

/* coda_session_get_closure - how the session ended (so far).
 * Fills *closure; valid at any time until gnutls_deinit.
 * Returns 0, or GNUTLS_E_INVALID_REQUEST for a NULL argument.
 * Example:
 *   coda_closure_t c;
 *   gnutls_bye(session, GNUTLS_SHUT_RDWR);
 *   coda_session_get_closure(session, &c);
 *   if (c.outcome != CODA_CLOSURE_CLEAN)
 *     fprintf(stderr, "closed: %s\n", coda_closure_outcome_name(c.outcome)); */
int coda_session_get_closure(gnutls_session_t session, coda_closure_t* closure);

/* coda_closure_outcome_name - "clean", "peer never confirmed", "truncated",
 * "timed out", "aborted by alert" or "open"; never NULL. */
const char* coda_closure_outcome_name(coda_closure_outcome_t outcome);

/* coda_bye_set_deadline - one deadline for the whole of gnutls_bye.
 * The clock starts when bye sends close_notify; however the peer behaves
 * (silent, slow, sending), gnutls_bye(RDWR) returns by then: with
 * GNUTLS_E_TIMEDOUT, and the closure record says CODA_CLOSURE_TIMED_OUT.
 * The record timeout (gnutls_record_set_timeout) still bounds each call.
 * ms = 0 removes the deadline. Returns 0 or GNUTLS_E_INVALID_REQUEST.
 * Example: coda_bye_set_deadline(session, 2000); gnutls_bye(session, GNUTLS_SHUT_RDWR); */
int coda_bye_set_deadline(gnutls_session_t session, unsigned int ms);

/* How an EOF before the peer's close_notify is reported by gnutls_record_recv.
 *   STRICT (default): GNUTLS_E_PREMATURE_TERMINATION, as GnuTLS does.
 *   LENIENT_AT_RECORD_BOUNDARY: 0 (end of stream) when the EOF falls between
 *     records, for protocols that frame their own messages (HTTP with
 *     Content-Length, length-prefixed RPC); an EOF inside a record is still
 *     an error. The closure record says TRUNCATED either way. */
typedef enum {
  CODA_TRUNCATION_STRICT = 0,
  CODA_TRUNCATION_LENIENT_AT_RECORD_BOUNDARY = 1
} coda_truncation_policy_t;

/* coda_set_truncation_policy - per session, unlike a process-wide switch.
 * Returns 0 or GNUTLS_E_INVALID_REQUEST.
 * Example: coda_set_truncation_policy(session, CODA_TRUNCATION_LENIENT_AT_RECORD_BOUNDARY); */
int coda_set_truncation_policy(gnutls_session_t session, coda_truncation_policy_t policy);

/* coda_set_read_ahead - read from the transport in large chunks (fewer
 * system calls) instead of exactly one record at a time. Bytes that arrive
 * behind the peer's close_notify are then kept, not lost: coda_take_unread
 * hands them back. Off by default. Returns 0 or GNUTLS_E_INVALID_REQUEST. */
int coda_set_read_ahead(gnutls_session_t session, int enabled);

/* coda_unread_size - bytes read from the transport that the session did not
 * use (read ahead past the peer's close_notify). */
size_t coda_unread_size(gnutls_session_t session);

/* coda_take_unread - moves up to size of those bytes into buf, in order.
 * Returns the number of bytes copied, 0 when none are left, or
 * GNUTLS_E_INVALID_REQUEST. Example (STARTTLS-style downgrade):
 *   gnutls_bye(session, GNUTLS_SHUT_RDWR);
 *   n = coda_take_unread(session, buf, sizeof buf);  then read(fd, ...) */
ssize_t coda_take_unread(gnutls_session_t session, void* buf, size_t size);

/* coda_close - close without provoking a TCP reset.
 * Sends close_notify (once), then reads and discards whatever the peer
 * still sends (late tickets, data, its close_notify) until the peer's
 * close_notify, EOF, or deadline_ms (0: 2000 ms) has passed, so that no
 * unread data sits in the socket when the program closes it (the kernel
 * would answer it with a reset that can destroy the peer's last bytes).
 * Returns 0 when the wait ended (see the closure record for how),
 * GNUTLS_E_AGAIN / GNUTLS_E_INTERRUPTED on a non-blocking transport (call
 * again), or the session's fatal error.
 * Example: coda_close(session, 1000); close(fd); gnutls_deinit(session); */
int coda_close(gnutls_session_t session, unsigned int deadline_ms);

#if defined(CODA_GNUTLS_BUILD) && defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* GNUTLS_CODA_H */
