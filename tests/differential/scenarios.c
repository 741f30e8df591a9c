/* The closure scenarios. Each has a client half and a server half, both
 * starting right after their handshake returned 0. Events (post/await) fix
 * the order wherever the result could depend on it. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"

enum { E1 = 1, E2, E3, E4 };

/* Client bye(RDWR); the server sees the close_notify and answers with its
 * own. */
static void full_close_client(struct side* c) {
  do_send(c, 4);
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_recv(c);
}
static void full_close_server(struct side* s) {
  do_recv(s);
  do_recv(s);
  do_bye(s, GNUTLS_SHUT_WR);
  do_recv(s);
}

/* The server answers the client's close_notify with bye(RDWR): it has the
 * peer's close_notify already, so it must not wait. */
static void full_close_rdwr_reply_client(struct side* c) {
  do_bye(c, GNUTLS_SHUT_RDWR);
}
static void full_close_rdwr_reply_server(struct side* s) {
  do_recv(s);
  do_bye(s, GNUTLS_SHUT_RDWR);
}

/* Client bye(WR); the server keeps sending, then closes; the client reads
 * everything, then 0. */
static void half_close_client(struct side* c) {
  do_bye(c, GNUTLS_SHUT_WR);
  do_recv_all(c);
  do_recv(c);
}
static void half_close_server(struct side* s) {
  do_recv(s);
  do_send(s, 100);
  do_send(s, 100);
  do_send(s, 100);
  do_bye(s, GNUTLS_SHUT_WR);
  do_recv(s);
}

/* The server closes the socket without close_notify. */
static void truncation_client(struct side* c) {
  await(E1);
  do_recv(c);
  do_recv(c);
  do_recv(c);
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_recv(c);
}
static void truncation_server(struct side* s) {
  do_send(s, 4);
  raw_shutdown_wr(s);
  post(E1);
}

/* EOF right after the handshake, before any record. */
static void truncation_at_start_client(struct side* c) {
  await(E1);
  do_recv(c);
  do_bye(c, GNUTLS_SHUT_WR);
}
static void truncation_at_start_server(struct side* s) {
  raw_shutdown_wr(s);
  post(E1);
}

/* The raw peer writes half of an encrypted record, then EOF. */
static void truncation_mid_record_client(struct side* c) {
  await(E1);
  do_recv(c);
  do_recv(c);
  do_bye(c, GNUTLS_SHUT_RDWR);
}
static void truncation_mid_record_server(struct side* s) {
  use_custom_transport(s);
  s->capture = 1;
  do_send(s, 64);
  s->capture = 0;
  raw_write(s, s->cap, s->caplen / 2);
  raw_shutdown_wr(s);
  post(E1);
}

/* The raw peer writes 3 bytes of a record header, then EOF. */
static void truncation_mid_header_client(struct side* c) {
  await(E1);
  do_recv(c);
  do_recv(c);
  do_bye(c, GNUTLS_SHUT_RDWR);
}
static void truncation_mid_header_server(struct side* s) {
  use_custom_transport(s);
  s->capture = 1;
  do_send(s, 64);
  s->capture = 0;
  raw_write(s, s->cap, 3);
  raw_shutdown_wr(s);
  post(E1);
}

/* Data the server sends after the client's close_notify arrived is
 * discarded by the client's bye(RDWR), which returns at the server's
 * close_notify. */
static void data_discarded_by_rdwr_client(struct side* c) {
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_recv(c);
  do_recv(c);
}
static void data_discarded_by_rdwr_server(struct side* s) {
  do_recv(s);
  do_send(s, 100);
  do_send(s, 200);
  do_send(s, 300);
  do_bye(s, GNUTLS_SHUT_WR);
  do_recv(s);
}

/* Plaintext behind the server's close_notify stays in the socket. */
static void plaintext_after_close_notify_client(struct side* c) {
  do_recv(c);
  do_recv(c);
  raw_read_all(c);
}
static void plaintext_after_close_notify_server(struct side* s) {
  do_send(s, 5);
  do_bye(s, GNUTLS_SHUT_WR);
  raw_write(s, "PLAIN", 5);
  raw_shutdown_wr(s);
}

/* The same with the client in bye(RDWR), which must not read past the
 * server's close_notify either. */
static void plaintext_after_close_notify_rdwr_client(struct side* c) {
  await(E1);
  do_bye(c, GNUTLS_SHUT_RDWR);
  raw_read_all(c);
}
static void plaintext_after_close_notify_rdwr_server(struct side* s) {
  do_send(s, 5);
  do_bye(s, GNUTLS_SHUT_WR);
  raw_write(s, "PLAIN", 5);
  post(E1);
  do_recv(s);
  raw_shutdown_wr(s);
}

/* Sending after bye(WR). */
static void send_after_bye_client(struct side* c) {
  do_bye(c, GNUTLS_SHUT_WR);
  do_send(c, 10);
  post(E1);
  do_recv(c);
  do_recv(c);
  do_send(c, 10);
}
static void send_after_bye_server(struct side* s) {
  do_recv(s);
  await(E1);
  do_send(s, 1);
  do_bye(s, GNUTLS_SHUT_WR);
  do_recv(s);
}

/* Sending after bye(RDWR) returned 0. */
static void send_after_bye_rdwr_client(struct side* c) {
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_send(c, 10);
  do_recv(c);
}
static void send_after_bye_rdwr_server(struct side* s) {
  do_recv(s);
  do_bye(s, GNUTLS_SHUT_WR);
}

/* A silent peer: bye(RDWR) times out after the record timeout; called again
 * once the peer answered, it completes. */
static void record_timeout_in_bye_client(struct side* c) {
  do_record_set_timeout(c, 200);
  do_bye(c, GNUTLS_SHUT_RDWR);
  post(E1);
  await(E2);
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_recv(c);
}
static void record_timeout_in_bye_server(struct side* s) {
  do_recv(s);
  await(E1);
  do_bye(s, GNUTLS_SHUT_WR);
  post(E2);
}

/* The peer closes the socket while bye(RDWR) waits for its close_notify. */
static void eof_in_bye_client(struct side* c) {
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_recv(c);
  do_bye(c, GNUTLS_SHUT_RDWR);
}
static void eof_in_bye_server(struct side* s) {
  do_recv(s);
  raw_shutdown_wr(s);
}

/* The server sends a fatal alert. */
static void fatal_alert_client(struct side* c) {
  do_recv(c);
  do_alert_get(c);
  await(E1);
  do_recv(c);
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_recv(c);
  do_send(c, 10);
  do_bye(c, GNUTLS_SHUT_WR);
}
static void fatal_alert_server(struct side* s) {
  do_alert_send(s, GNUTLS_AL_FATAL, GNUTLS_A_INTERNAL_ERROR);
  do_bye(s, GNUTLS_SHUT_WR);
  raw_shutdown_wr(s);
  post(E1);
}

/* In TLS 1.3 a warning-level alert other than close_notify (and
 * user_canceled, see deliberate_user_canceled) is an error alert. */
static void warning_alert_client(struct side* c) {
  do_recv(c);
  do_alert_get(c);
  do_recv(c);
  do_bye(c, GNUTLS_SHUT_WR);
}
static void warning_alert_server(struct side* s) {
  do_alert_send(s, GNUTLS_AL_WARNING, GNUTLS_A_UNRECOGNIZED_NAME);
  do_bye(s, GNUTLS_SHUT_WR);
}

/* A fatal alert while the client waits in bye(RDWR). */
static void fatal_alert_in_bye_client(struct side* c) {
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_alert_get(c);
  do_recv(c);
  do_bye(c, GNUTLS_SHUT_RDWR);
}
static void fatal_alert_in_bye_server(struct side* s) {
  do_recv(s);
  do_alert_send(s, GNUTLS_AL_FATAL, GNUTLS_A_ILLEGAL_PARAMETER);
  raw_shutdown_wr(s);
}

/* bye after this side sent a fatal alert. */
static void fatal_alert_sent_then_bye_client(struct side* c) {
  await(E1);
  do_recv(c);
  do_recv(c);
  do_alert_get(c);
  do_recv(c);
}
static void fatal_alert_sent_then_bye_server(struct side* s) {
  do_send(s, 1);
  do_alert_send(s, GNUTLS_AL_FATAL, GNUTLS_A_INTERNAL_ERROR);
  do_bye(s, GNUTLS_SHUT_WR);
  do_bye(s, GNUTLS_SHUT_WR);
  do_send(s, 10);
  raw_shutdown_wr(s);
  post(E1);
}

/* bye called twice, then bye(RDWR) once more after the peer closed. */
static void bye_twice_client(struct side* c) {
  do_bye(c, GNUTLS_SHUT_WR);
  do_bye(c, GNUTLS_SHUT_WR);
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_recv(c);
  do_send(c, 10);
}
static void bye_twice_server(struct side* s) {
  do_recv(s);
  do_bye(s, GNUTLS_SHUT_WR);
}

/* The server closes first, with bye(RDWR). */
static void server_initiated_close_client(struct side* c) {
  do_recv(c);
  do_recv(c);
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_recv(c);
}
static void server_initiated_close_server(struct side* s) {
  do_bye(s, GNUTLS_SHUT_RDWR);
  do_recv(s);
  do_send(s, 10);
}

/* recv returns 0 on every call after the close_notify; TLS 1.3 lets the
 * client keep sending until its own bye. */
static void recv_after_close_notify_client(struct side* c) {
  do_recv(c);
  do_recv(c);
  do_recv(c);
  do_recv(c);
  do_send(c, 5);
  do_bye(c, GNUTLS_SHUT_WR);
}
static void recv_after_close_notify_server(struct side* s) {
  do_send(s, 3);
  do_bye(s, GNUTLS_SHUT_WR);
  do_recv(s);
  do_recv(s);
  do_recv(s);
}

/* Non-blocking, deterministic: the first pull of bye(RDWR) fails with
 * EAGAIN; bye resumes on the next call. */
static void nonblocking_pull_client(struct side* c) {
  use_custom_transport(c);
  c->pull_eagain = 1;
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_get_direction(c);
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_recv(c);
}
static void nonblocking_pull_server(struct side* s) {
  do_recv(s);
  do_bye(s, GNUTLS_SHUT_WR);
}

/* The first push of bye fails with EAGAIN: direction 1, then resume. The
 * server counts the close_notify records that arrived. */
static void nonblocking_push_client(struct side* c) {
  use_custom_transport(c);
  c->push_eagain = 1;
  do_bye(c, GNUTLS_SHUT_WR);
  do_get_direction(c);
  do_bye(c, GNUTLS_SHUT_WR);
  raw_shutdown_wr(c);
}
static void nonblocking_push_server(struct side* s) {
  raw_count_records(s);
}

/* A real non-blocking socket whose peer answers only after bye returned
 * GNUTLS_E_AGAIN. */
static void nonblocking_socket_client(struct side* c) {
  set_nonblocking(c);
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_get_direction(c);
  post(E1);
  await(E2);
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_recv(c);
}
static void nonblocking_socket_server(struct side* s) {
  do_recv(s);
  await(E1);
  do_bye(s, GNUTLS_SHUT_WR);
  post(E2);
}

/* ---- TLS 1.2 only (diff_scenarios_tls12 in CMakeLists.txt) ---- */

static int do_rehandshake(struct side* sd) {
  return log_rc(sd, "rehandshake", gnutls_rehandshake(sd->s));
}
/* gnutls_handshake on an established session, logged as "handshake again". */
static int do_handshake_again(struct side* sd) {
  int rc;
  do {
    rc = gnutls_handshake(sd->s);
  } while (rc == GNUTLS_E_AGAIN || rc == GNUTLS_E_INTERRUPTED);
  return log_rc(sd, "handshake again", rc);
}

/* TLS 1.2: a warning alert other than close_notify returns
 * GNUTLS_E_WARNING_ALERT_RECEIVED, gnutls_alert_get names it, and the
 * session keeps working in both directions; in both directions. */
static void warning_alert_keeps_session_client(struct side* c) {
  do_recv(c);
  do_alert_get(c);
  do_recv(c);
  do_send(c, 5);
  await(E1);
  do_alert_send(c, GNUTLS_AL_WARNING, GNUTLS_A_NO_RENEGOTIATION);
  do_send(c, 7);
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_recv(c);
}
static void warning_alert_keeps_session_server(struct side* s) {
  do_alert_send(s, GNUTLS_AL_WARNING, GNUTLS_A_UNRECOGNIZED_NAME);
  do_send(s, 10);
  do_recv(s);
  post(E1);
  do_recv(s);
  do_alert_get(s);
  do_recv(s);
  do_recv(s);
  do_bye(s, GNUTLS_SHUT_WR);
}

/* TLS 1.2: a warning alert while the client waits in bye(RDWR). */
static void warning_alert_in_bye_client(struct side* c) {
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_alert_get(c);
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_recv(c);
}
static void warning_alert_in_bye_server(struct side* s) {
  do_recv(s);
  do_alert_send(s, GNUTLS_AL_WARNING, GNUTLS_A_UNRECOGNIZED_NAME);
  do_bye(s, GNUTLS_SHUT_WR);
}

/* ---- TLS 1.2 renegotiation: deliberate differences ----
 * Coda never renegotiates (README: "renegotiation refused with a
 * no_renegotiation warning"), so these are checked against expected
 * transcripts, not diffed. What each library returns:
 *   GnuTLS: gnutls_rehandshake sends a HelloRequest and returns 0; the
 *   peer's recv returns GNUTLS_E_REHANDSHAKE and the application accepts
 *   (gnutls_handshake) or refuses (a no_renegotiation warning); a
 *   ClientHello on an established session makes the server's recv return
 *   GNUTLS_E_REHANDSHAKE likewise.
 *   Coda: gnutls_rehandshake on a 1.2 server returns
 *   GNUTLS_E_INVALID_REQUEST and sends nothing; gnutls_handshake on an
 *   established session returns 0 and sends nothing; a received HelloRequest
 *   or ClientHello is answered with a no_renegotiation warning inside the
 *   library and recv never returns GNUTLS_E_REHANDSHAKE. Against a GnuTLS
 *   peer (the mixed runs, one library on each side) that peer sees the
 *   no_renegotiation warning it would see from a refusing GnuTLS.
 *
 * The server asks for renegotiation (gnutls_rehandshake) and then calls
 * gnutls_handshake, as the GnuTLS manual says; the client refuses with a
 * no_renegotiation warning. Then data both ways and a clean close. */
static void deliberate_rehandshake_refused_client(struct side* c) {
  if (do_recv(c) == GNUTLS_E_REHANDSHAKE) {
    do_alert_send(c, GNUTLS_AL_WARNING, GNUTLS_A_NO_RENEGOTIATION);
    do_recv(c);
  }
  do_send(c, 5);
  do_recv(c);
}
static void deliberate_rehandshake_refused_server(struct side* s) {
  do_rehandshake(s);
  if (do_handshake_again(s) == GNUTLS_E_WARNING_ALERT_RECEIVED) do_alert_get(s);
  do_send(s, 3);
  do_recv(s);
  do_bye(s, GNUTLS_SHUT_WR);
}

/* The same, but the client accepts and renegotiates. */
static void deliberate_rehandshake_accepted_client(struct side* c) {
  if (do_recv(c) == GNUTLS_E_REHANDSHAKE) {
    do_handshake_again(c);
    do_recv(c);
  }
  do_send(c, 5);
  do_recv(c);
}
static void deliberate_rehandshake_accepted_server(struct side* s) {
  do_rehandshake(s);
  do_handshake_again(s);
  do_send(s, 3);
  do_recv(s);
  do_bye(s, GNUTLS_SHUT_WR);
}

/* The client calls gnutls_handshake again on an established session (a
 * client-initiated renegotiation); the server refuses with a
 * no_renegotiation warning. The client then sends data, so the server never
 * waits for ever whatever the library did. */
static void deliberate_renegotiation_refused_client(struct side* c) {
  if (do_handshake_again(c) == GNUTLS_E_WARNING_ALERT_RECEIVED) do_alert_get(c);
  do_send(c, 5);
  do_recv(c);
}
static void deliberate_renegotiation_refused_server(struct side* s) {
  if (do_recv(s) == GNUTLS_E_REHANDSHAKE) {
    do_alert_send(s, GNUTLS_AL_WARNING, GNUTLS_A_NO_RENEGOTIATION);
    do_recv(s);
  }
  do_bye(s, GNUTLS_SHUT_WR);
}

/* The same, but the server accepts and renegotiates. */
static void deliberate_renegotiation_accepted_client(struct side* c) {
  do_handshake_again(c);
  do_send(c, 5);
  do_recv(c);
}
static void deliberate_renegotiation_accepted_server(struct side* s) {
  if (do_recv(s) == GNUTLS_E_REHANDSHAKE) {
    do_handshake_again(s);
    do_recv(s);
  }
  do_bye(s, GNUTLS_SHUT_WR);
}

/* Both versions: the server closes first with bye(WR); the client, having
 * received the close_notify, keeps sending (several records) until its own
 * bye, and the server reads it all, then 0. */
static void half_close_reverse_client(struct side* c) {
  do_recv(c);
  do_recv(c);
  do_send(c, 100);
  do_send(c, 100);
  do_send(c, 100);
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_send(c, 1);
}
static void half_close_reverse_server(struct side* s) {
  do_send(s, 2);
  do_bye(s, GNUTLS_SHUT_WR);
  do_send(s, 1);
  do_recv_all(s);
  do_recv(s);
}

/* Both sides report their secrets to a keylog callback during the
 * handshake: the same labels, in the same order, as GnuTLS, and the
 * client's and the server's secrets are equal. */
static void keylog_client(struct side* c) {
  post(E1);
  await(E2);
  compare_keylogs(c);
  do_bye(c, GNUTLS_SHUT_RDWR);
}
static void keylog_server(struct side* s) {
  post(E2);
  await(E1);
  compare_keylogs(s);
  do_recv(s);
  do_bye(s, GNUTLS_SHUT_WR);
}

static void keylog_setup(struct side* sd) {
  use_keylog(sd);
}

/* The client's callback fails: so does the handshake (see keylog()). */
static void keylog_refused_client(struct side* c) {
  (void)c;
}
static void keylog_refused_server(struct side* s) {
  (void)s;
}
static void keylog_refused_setup(struct side* sd) {
  use_keylog(sd);
}

/* ---- ALPN (RFC 7301) ---- */

static gnutls_datum_t name(const char* text) {
  gnutls_datum_t d;
  d.data = (unsigned char*)text;
  d.size = (unsigned)strlen(text);
  return d;
}

/* Sets the side's ALPN list (names separated by ','), logging the code. */
static void set_alpn(struct side* sd, const char* list, unsigned flags) {
  gnutls_datum_t names[8];
  unsigned n = 0;
  const char* p = list;
  while (*p && n < 8) {
    const char* end = strchr(p, ',');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    names[n].data = (unsigned char*)p;
    names[n].size = (unsigned)len;
    n++;
    p += len + (end ? 1 : 0);
  }
  log_rc(sd, "alpn_set_protocols", gnutls_alpn_set_protocols(sd->s, names, n, flags));
}

/* Both sides report the protocol, then close cleanly. */
static void alpn_client(struct side* c) {
  do_alpn_selected(c);
  do_bye(c, GNUTLS_SHUT_RDWR);
}
static void alpn_server(struct side* s) {
  do_alpn_selected(s);
  do_recv(s);
  do_bye(s, GNUTLS_SHUT_WR);
}

/* The client's order wins by default; the argument edges are GnuTLS's: at
 * most 8 names, each under 32 bytes. */
static void alpn_setup(struct side* sd) {
  if (strcmp(sd->name, "client") == 0) {
    gnutls_datum_t nine[9], wide = name("0123456789012345678901234567890X");
    unsigned i;
    for (i = 0; i < 9; i++) nine[i] = name("h2");
    log_rc(sd, "alpn_set_protocols(9 names)", gnutls_alpn_set_protocols(sd->s, nine, 9, 0));
    log_rc(sd, "alpn_set_protocols(32 bytes)", gnutls_alpn_set_protocols(sd->s, &wide, 1, 0));
    wide.size = 31;
    log_rc(sd, "alpn_set_protocols(31 bytes)", gnutls_alpn_set_protocols(sd->s, &wide, 1, 0));
    log_rc(sd, "alpn_set_protocols(none)", gnutls_alpn_set_protocols(sd->s, NULL, 0, 0));
    do_alpn_selected(sd);
    set_alpn(sd, "h2,http/1.1", 0);
  } else {
    set_alpn(sd, "http/1.1,h2", 0);
  }
}

#define alpn_server_precedence_client alpn_client
#define alpn_server_precedence_server alpn_server
static void alpn_server_precedence_setup(struct side* sd) {
  if (strcmp(sd->name, "client") == 0)
    set_alpn(sd, "h2,http/1.1", 0);
  else
    set_alpn(sd, "http/1.1,h2", GNUTLS_ALPN_SERVER_PRECEDENCE);
}

#define alpn_no_overlap_client alpn_client
#define alpn_no_overlap_server alpn_server
static void alpn_no_overlap_setup(struct side* sd) {
  set_alpn(sd, strcmp(sd->name, "client") == 0 ? "h2" : "spdy/3", 0);
}

#define alpn_client_only_client alpn_client
#define alpn_client_only_server alpn_server
static void alpn_client_only_setup(struct side* sd) {
  if (strcmp(sd->name, "client") == 0) set_alpn(sd, "h2", 0);
}

/* No protocol in common and the server insists: the handshake fails with
 * GNUTLS_E_NO_APPLICATION_PROTOCOL on both libraries' servers, but Coda
 * sends the no_application_protocol alert RFC 7301 3.2 asks for, where
 * GnuTLS closes silently (its client sees a truncation). */
static void deliberate_alpn_alert_client(struct side* c) {
  (void)c;
}
static void deliberate_alpn_alert_server(struct side* s) {
  (void)s;
}
static void deliberate_alpn_alert_setup(struct side* sd) {
  if (strcmp(sd->name, "client") == 0)
    set_alpn(sd, "h2", 0);
  else
    set_alpn(sd, "spdy/3", GNUTLS_ALPN_MANDATORY);
}

/* The server insists, but the client offers no ALPN at all: GnuTLS lets
 * that pass (the check runs only on a client's list). */
#define alpn_mandatory_no_offer_client alpn_client
#define alpn_mandatory_no_offer_server alpn_server
static void alpn_mandatory_no_offer_setup(struct side* sd) {
  if (strcmp(sd->name, "server") == 0) set_alpn(sd, "h2", GNUTLS_ALPN_MANDATORY);
}

/* The client insists, the server has no ALPN at all. */
#define alpn_mandatory_client_client alpn_client
#define alpn_mandatory_client_server alpn_server
static void alpn_mandatory_client_setup(struct side* sd) {
  if (strcmp(sd->name, "client") == 0) set_alpn(sd, "h2", GNUTLS_ALPN_MANDATORY);
}

/* ---- deliberate differences: checked against expected transcripts ---- */

/* Data that arrives during bye(RDWR) is dropped, not queued. */
static void deliberate_rdwr_drops_data_client(struct side* c) {
  do_bye(c, GNUTLS_SHUT_RDWR);
  say(c, "record_check_pending = %zu", gnutls_record_check_pending(c->s));
  do_recv(c);
}

/* TLS 1.3 user_canceled is a closure alert. */
static void deliberate_user_canceled_client(struct side* c) {
  do_recv(c);
  do_alert_get(c);
  do_recv(c);
}
static void deliberate_user_canceled_server(struct side* s) {
  do_alert_send(s, GNUTLS_AL_WARNING, GNUTLS_A_USER_CANCELED);
  do_bye(s, GNUTLS_SHUT_WR);
}

/* Contract 7: after a fatal alert was sent, bye returns what GnuTLS
 * returns but sends no close_notify. The client reads the raw records
 * behind a 1-byte marker record. */
static void contract_no_close_notify_after_fatal_client(struct side* c) {
  do_recv(c);
  raw_count_records(c);
}
static void contract_no_close_notify_after_fatal_server(struct side* s) {
  do_send(s, 1);
  do_alert_send(s, GNUTLS_AL_FATAL, GNUTLS_A_INTERNAL_ERROR);
  do_bye(s, GNUTLS_SHUT_WR);
  do_bye(s, GNUTLS_SHUT_WR);
  raw_shutdown_wr(s);
}

/* No application data after our own fatal alert (RFC 8446 6.2: the
 * connection is over): Coda refuses with GNUTLS_E_INVALID_SESSION where
 * GnuTLS 3.7 still encrypts and sends it. */
static void deliberate_no_data_after_fatal_alert_client(struct side* c) {
  do_recv(c);
  do_alert_get(c);
}
static void deliberate_no_data_after_fatal_alert_server(struct side* s) {
  do_alert_send(s, GNUTLS_AL_FATAL, GNUTLS_A_INTERNAL_ERROR);
  do_send(s, 10);
  raw_shutdown_wr(s);
}

/* A second bye sends no second close_notify. */
static void deliberate_bye_twice_one_alert_client(struct side* c) {
  do_bye(c, GNUTLS_SHUT_WR);
  do_bye(c, GNUTLS_SHUT_WR);
  raw_shutdown_wr(c);
}

/* Writing fails for good (EPIPE) in gnutls_record_send: what the calls
 * after it return, and what reaches the peer (nothing: every write fails,
 * then the transport works again but the session may not write). */
static void push_error_client(struct side* c) {
  use_custom_transport(c);
  c->push_fail = EPIPE;
  do_send(c, 10);
  do_send(c, 10);
  await(E1);
  do_recv(c);
  do_bye(c, GNUTLS_SHUT_WR);
  do_bye(c, GNUTLS_SHUT_RDWR);
  c->push_fail = 0;
  do_send(c, 10);
  raw_shutdown_wr(c);
}
static void push_error_server(struct side* s) {
  do_send(s, 4);
  post(E1);
  raw_count_records(s);
}

/* Reading fails for good (ECONNRESET) in gnutls_record_recv: the calls
 * after it (reading stays refused when the transport works again), and
 * what the session still writes: bye(RDWR) sends its close_notify, then
 * has nothing to wait on. */
static void pull_error_client(struct side* c) {
  use_custom_transport(c);
  c->pull_fail = ECONNRESET;
  do_recv(c);
  do_recv(c);
  c->pull_fail = 0;
  await(E1);
  do_recv(c);
  c->pull_fail = ECONNRESET;
  do_send(c, 10);
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_recv(c);
  raw_shutdown_wr(c);
}
static void pull_error_server(struct side* s) {
  do_send(s, 4);
  post(E1);
  raw_count_records(s);
}

/* The same with bye(WR), then bye(RDWR) (one close_notify each in GnuTLS,
 * so only once here: see deliberate_bye_twice_one_alert). */
static void pull_error_bye_wr_client(struct side* c) {
  use_custom_transport(c);
  c->pull_fail = ECONNRESET;
  do_recv(c);
  do_bye(c, GNUTLS_SHUT_WR);
  do_recv(c);
  raw_shutdown_wr(c);
}

#define SCENARIO(n) \
  { #n, n##_client, n##_server, NULL }
#define SCENARIO_SETUP(n) \
  { #n, n##_client, n##_server, n##_setup }
const struct scenario scenarios[] = {
    SCENARIO(full_close),
    SCENARIO(full_close_rdwr_reply),
    SCENARIO(half_close),
    SCENARIO(truncation),
    SCENARIO(truncation_at_start),
    SCENARIO(truncation_mid_record),
    SCENARIO(truncation_mid_header),
    SCENARIO(data_discarded_by_rdwr),
    SCENARIO(plaintext_after_close_notify),
    SCENARIO(plaintext_after_close_notify_rdwr),
    SCENARIO(send_after_bye),
    SCENARIO(send_after_bye_rdwr),
    SCENARIO(record_timeout_in_bye),
    SCENARIO(eof_in_bye),
    SCENARIO(fatal_alert),
    SCENARIO(fatal_alert_in_bye),
    SCENARIO(warning_alert),
    SCENARIO(fatal_alert_sent_then_bye),
    SCENARIO(bye_twice),
    SCENARIO(server_initiated_close),
    SCENARIO(recv_after_close_notify),
    SCENARIO(nonblocking_pull),
    SCENARIO(nonblocking_push),
    SCENARIO(nonblocking_socket),
    SCENARIO(half_close_reverse),
    SCENARIO_SETUP(keylog),
    SCENARIO_SETUP(keylog_refused),
    SCENARIO_SETUP(alpn),
    SCENARIO_SETUP(alpn_server_precedence),
    SCENARIO_SETUP(alpn_no_overlap),
    SCENARIO_SETUP(alpn_client_only),
    SCENARIO_SETUP(alpn_mandatory_client),
    SCENARIO_SETUP(alpn_mandatory_no_offer),
    SCENARIO(warning_alert_keeps_session),
    SCENARIO(warning_alert_in_bye),
    SCENARIO(deliberate_rehandshake_refused),
    SCENARIO(deliberate_rehandshake_accepted),
    SCENARIO(deliberate_renegotiation_refused),
    SCENARIO(deliberate_renegotiation_accepted),
    /* TLS 1.2: user_canceled at warning level is an ordinary warning alert
     * for both libraries (diffed, not a deliberate difference there). */
    {"user_canceled", deliberate_user_canceled_client, deliberate_user_canceled_server, NULL},
    {"deliberate_rdwr_drops_data", deliberate_rdwr_drops_data_client, data_discarded_by_rdwr_server,
     NULL},
    SCENARIO(deliberate_user_canceled),
    {"deliberate_bye_twice_one_alert", deliberate_bye_twice_one_alert_client,
     nonblocking_push_server, NULL},
    SCENARIO(contract_no_close_notify_after_fatal),
    SCENARIO(deliberate_no_data_after_fatal_alert),
    SCENARIO_SETUP(deliberate_alpn_alert),
    SCENARIO(push_error),
    SCENARIO(pull_error),
    {"pull_error_bye_wr", pull_error_bye_wr_client, nonblocking_push_server, NULL},
    {NULL, NULL, NULL, NULL},
};
