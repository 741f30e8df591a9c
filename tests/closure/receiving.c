/* "Receiving" in the closure contract: what gnutls_record_recv returns at
 * the end of a TLS 1.3 stream, both roles, over blocking socketpairs. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "closure_util.h"

typedef struct {
  cu_pair_t pair;
  gnutls_session_t L, P;
  int lfd, pfd;
  cu_rec_t prec;
} fixture_t;

static int open_fixture(fixture_t* f, int local_is_server) {
  memset(f, 0, sizeof *f);
  if (cu_pair_open(&f->pair) != 0) {
    CHECK(!"handshake");
    return -1;
  }
  f->L = local_is_server ? f->pair.s : f->pair.c;
  f->P = local_is_server ? f->pair.c : f->pair.s;
  f->lfd = local_is_server ? f->pair.sfd : f->pair.cfd;
  f->pfd = local_is_server ? f->pair.cfd : f->pair.sfd;
  cu_rec_attach(&f->prec, f->P, f->pfd);
  /* A failing test must not hang. */
  gnutls_record_set_timeout(f->L, 5000);
  return 0;
}

static void close_fixture(fixture_t* f) {
  cu_pair_close(&f->pair);
  cu_rec_free(&f->prec);
}

static coda_closure_t closure_of(gnutls_session_t s) {
  coda_closure_t c;
  memset(&c, 0xff, sizeof c);
  CHECK_INT(coda_session_get_closure(s, &c), 0);
  return c;
}

static const char* name(const char* what, int srv) {
  static char buf[256];
  snprintf(buf, sizeof buf, "%s (%s)", what, srv ? "server" : "client");
  return buf;
}

/* 0 once the peer's close_notify arrived, and 0 on every later call. */
static void test_zero_forever(int srv) {
  fixture_t f;
  char buf[64];
  int i;
  cu_begin(name("recv returns 0 after close_notify, again and again", srv));
  if (open_fixture(&f, srv) != 0) return;
  CHECK_INT(gnutls_record_send(f.P, "last", 4), 4);
  CHECK_INT(gnutls_bye(f.P, GNUTLS_SHUT_WR), 0);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 4);
  for (i = 0; i < 5; i++) CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 0);
  /* Even when the peer then closes the transport. */
  shutdown(f.pfd, SHUT_WR);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 0);
  CHECK_INT(closure_of(f.L).read_state, CODA_DIRECTION_CLOSED);
  CHECK_INT(closure_of(f.L).close_notify_received, 1);
  close_fixture(&f);
}

/* Transport EOF before close_notify: -110. */
static void test_eof(int srv) {
  fixture_t f;
  char buf[64];
  coda_closure_t c;
  cu_begin(name("EOF before close_notify -> PREMATURE_TERMINATION", srv));
  if (open_fixture(&f, srv) != 0) return;
  CHECK_INT(gnutls_record_send(f.P, "abc", 3), 3);
  shutdown(f.pfd, SHUT_WR);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 3);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), GNUTLS_E_PREMATURE_TERMINATION);
  c = closure_of(f.L);
  CHECK_INT(c.outcome, CODA_CLOSURE_TRUNCATED);
  CHECK_INT(c.eof_received, 1);
  CHECK_INT(c.eof_at_record_boundary, 1);
  CHECK_INT(c.read_state, CODA_DIRECTION_FAILED);
  CHECK_INT(c.app_bytes_received, 3);
  close_fixture(&f);
}

/* Transport EOF inside a record: -110 or -9. */
static void test_eof_inside_record(int srv) {
  fixture_t f;
  char buf[256];
  ssize_t ret;
  coda_closure_t c;
  cu_begin(name("EOF inside a record -> fatal", srv));
  if (open_fixture(&f, srv) != 0) return;
  f.prec.capture = 1;
  CHECK_INT(gnutls_record_send(f.P, "0123456789012345678901234567890123456789", 40), 40);
  CHECK_INT(f.prec.out.len, CU_APP_RECORD_LEN(40));
  CHECK_INT(send(f.pfd, f.prec.out.data, 30, 0), 30);
  shutdown(f.pfd, SHUT_WR);
  /* As GnuTLS 3.7 does, the first answer is E_AGAIN (programs retry). */
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), GNUTLS_E_AGAIN);
  ret = gnutls_record_recv(f.L, buf, sizeof buf);
  CHECK(ret == GNUTLS_E_PREMATURE_TERMINATION || ret == GNUTLS_E_UNEXPECTED_PACKET_LENGTH);
  if (ret != GNUTLS_E_PREMATURE_TERMINATION && ret != GNUTLS_E_UNEXPECTED_PACKET_LENGTH)
    fprintf(stderr, "   got %zd\n", ret);
  c = closure_of(f.L);
  CHECK_INT(c.outcome, CODA_CLOSURE_TRUNCATED);
  CHECK_INT(c.eof_received, 1);
  CHECK_INT(c.eof_at_record_boundary, 0);
  CHECK_INT(c.read_state, CODA_DIRECTION_FAILED);
  CHECK_INT(c.app_bytes_received, 0);
  close_fixture(&f);
}

/* TLS 1.3: a fatal alert, or any alert but close_notify (and, in Coda,
 * user_canceled), is -12 and the session is then invalid. */
static void test_fatal_alert(int srv, gnutls_alert_level_t level, gnutls_alert_description_t desc) {
  fixture_t f;
  char buf[64];
  coda_closure_t c;
  char what[128];
  snprintf(what, sizeof what, "1.3 %s alert %d -> FATAL_ALERT_RECEIVED",
           level == GNUTLS_AL_FATAL ? "fatal" : "warning-level", (int)desc);
  cu_begin(name(what, srv));
  if (open_fixture(&f, srv) != 0) return;
  CHECK_INT(gnutls_record_send(f.P, "before", 6), 6);
  CHECK_INT(gnutls_alert_send(f.P, level, desc), 0);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 6);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), GNUTLS_E_FATAL_ALERT_RECEIVED);
  CHECK_INT(gnutls_alert_get(f.L), desc);
  /* The session is invalid from now on. */
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), GNUTLS_E_INVALID_SESSION);
  CHECK_INT(gnutls_record_send(f.L, "x", 1), GNUTLS_E_INVALID_SESSION);
  c = closure_of(f.L);
  CHECK_INT(c.outcome, CODA_CLOSURE_ABORTED_BY_ALERT);
  CHECK_INT(c.fatal_alert_received, desc);
  CHECK_INT(c.fatal_alert_sent, -1);
  CHECK_INT(c.read_state, CODA_DIRECTION_FAILED);
  close_fixture(&f);
}

/* TLS 1.3 half-close: after the peer's close_notify the local side keeps
 * sending until it calls bye. */
static void test_half_close(int srv) {
  fixture_t f;
  static unsigned char big[20000], got[20000];
  char buf[64];
  ssize_t last;
  coda_closure_t c;
  cu_begin(name("1.3 half-close: send after the peer's close_notify", srv));
  if (open_fixture(&f, srv) != 0) return;
  gnutls_record_set_timeout(f.P, 5000);
  CHECK_INT(gnutls_bye(f.P, GNUTLS_SHUT_WR), 0);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 0);
  c = closure_of(f.L);
  CHECK_INT(c.read_state, CODA_DIRECTION_CLOSED);
  CHECK_INT(c.write_state, CODA_DIRECTION_OPEN);
  CHECK_INT(c.outcome, CODA_CLOSURE_OPEN);
  cu_pattern(big, sizeof big, 9);
  CHECK_INT(gnutls_record_send(f.L, "still here", 10), 10);
  CHECK_INT(cu_send_all(f.L, big, sizeof big), 0);
  CHECK_INT(gnutls_record_recv(f.P, buf, sizeof buf), 10);
  CHECK_MEM(buf, 10, "still here", 10);
  CHECK_INT(cu_recv_all(f.P, got, sizeof got, &last), sizeof got);
  CHECK_MEM(got, sizeof got, big, sizeof big);
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_WR), 0);
  CHECK_INT(gnutls_record_recv(f.P, buf, sizeof buf), 0);
  c = closure_of(f.L);
  CHECK_INT(c.outcome, CODA_CLOSURE_CLEAN);
  CHECK_INT(c.app_bytes_sent, 10 + sizeof big);
  CHECK_INT(closure_of(f.P).outcome, CODA_CLOSURE_CLEAN);
  close_fixture(&f);
}

/* Item 6 on the receiving side: recv returns 0 and leaves the plaintext
 * that follows the close_notify in the socket. */
static void test_recv_leaves_tail(int srv) {
  fixture_t f;
  unsigned char wire[512], buf[512];
  size_t wlen;
  long n;
  cu_begin(name("recv stops exactly at close_notify", srv));
  if (open_fixture(&f, srv) != 0) return;
  f.prec.capture = 1;
  CHECK_INT(gnutls_record_send(f.P, "tls", 3), 3);
  CHECK_INT(gnutls_bye(f.P, GNUTLS_SHUT_WR), 0);
  wlen = f.prec.out.len;
  memcpy(wire, f.prec.out.data, wlen);
  memcpy(wire + wlen, "CLEARTEXT", 9);
  CHECK_INT(send(f.pfd, wire, wlen + 9, 0), wlen + 9);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 3);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 0);
  n = cu_read_now(f.lfd, buf, sizeof buf);
  CHECK_MEM(buf, n > 0 ? (size_t)n : 0, "CLEARTEXT", 9);
  close_fixture(&f);
}

int main(int argc, char** argv) {
  int srv;
  cu_init(argc, argv);
  for (srv = 0; srv <= 1; srv++) {
    test_zero_forever(srv);
    test_eof(srv);
    test_eof_inside_record(srv);
    test_fatal_alert(srv, GNUTLS_AL_FATAL, GNUTLS_A_INTERNAL_ERROR);
    test_fatal_alert(srv, GNUTLS_AL_FATAL, GNUTLS_A_DECODE_ERROR);
    test_fatal_alert(srv, GNUTLS_AL_WARNING, GNUTLS_A_BAD_CERTIFICATE);
    test_half_close(srv);
    test_recv_leaves_tail(srv);
  }
  return cu_finish();
}
