/* "Beyond GnuTLS": every promise of include/gnutls/coda.h -- the closure
 * record and its outcomes, the bye deadline, the truncation policy,
 * read-ahead with coda_take_unread, and coda_close. TLS 1.3, both roles. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "closure_util.h"

typedef struct {
  cu_pair_t pair;
  gnutls_session_t L, P;
  int lfd, pfd;
  cu_rec_t lrec, prec;
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
  cu_rec_attach(&f->lrec, f->L, f->lfd);
  cu_rec_attach(&f->prec, f->P, f->pfd);
  gnutls_record_set_timeout(f->L, 5000);
  gnutls_record_set_timeout(f->P, 5000);
  return 0;
}

static void close_fixture(fixture_t* f) {
  cu_pair_close(&f->pair);
  cu_rec_free(&f->lrec);
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

/* Every field of a closure record at once. */
static void check_closure(gnutls_session_t s, coda_closure_outcome_t outcome, coda_direction_t rd,
                          coda_direction_t wr, int cn_sent, int cn_received, int eof,
                          int eof_boundary, int alert_sent, int alert_received, long long sent,
                          long long received, long long discarded) {
  coda_closure_t c = closure_of(s);
  CHECK_INT(c.outcome, outcome);
  CHECK_INT(c.read_state, rd);
  CHECK_INT(c.write_state, wr);
  CHECK_INT(c.close_notify_sent, cn_sent);
  CHECK_INT(c.close_notify_received, cn_received);
  CHECK_INT(c.eof_received, eof);
  CHECK_INT(c.eof_at_record_boundary, eof_boundary);
  CHECK_INT(c.fatal_alert_sent, alert_sent);
  CHECK_INT(c.fatal_alert_received, alert_received);
  CHECK_INT(c.app_bytes_sent, sent);
  CHECK_INT(c.app_bytes_received, received);
  CHECK_INT(c.app_bytes_discarded, discarded);
}

static void test_api_edges(void) {
  coda_closure_t c;
  gnutls_session_t s = cu_session(0, 0);
  char buf[8];
  cu_begin("coda.h: names and invalid arguments");
  CHECK(strcmp(coda_closure_outcome_name(CODA_CLOSURE_OPEN), "open") == 0);
  CHECK(strcmp(coda_closure_outcome_name(CODA_CLOSURE_CLEAN), "clean") == 0);
  CHECK(strcmp(coda_closure_outcome_name(CODA_CLOSURE_PEER_NEVER_CONFIRMED),
               "peer never confirmed") == 0);
  CHECK(strcmp(coda_closure_outcome_name(CODA_CLOSURE_TRUNCATED), "truncated") == 0);
  CHECK(strcmp(coda_closure_outcome_name(CODA_CLOSURE_TIMED_OUT), "timed out") == 0);
  CHECK(strcmp(coda_closure_outcome_name(CODA_CLOSURE_ABORTED_BY_ALERT), "aborted by alert") == 0);
  CHECK(coda_closure_outcome_name((coda_closure_outcome_t)99) != NULL);
  CHECK_INT(coda_session_get_closure(NULL, &c), GNUTLS_E_INVALID_REQUEST);
  CHECK_INT(coda_session_get_closure(s, NULL), GNUTLS_E_INVALID_REQUEST);
  CHECK_INT(coda_bye_set_deadline(NULL, 10), GNUTLS_E_INVALID_REQUEST);
  CHECK_INT(coda_set_truncation_policy(NULL, CODA_TRUNCATION_STRICT), GNUTLS_E_INVALID_REQUEST);
  CHECK_INT(coda_set_truncation_policy(s, (coda_truncation_policy_t)7), GNUTLS_E_INVALID_REQUEST);
  CHECK_INT(coda_set_read_ahead(NULL, 1), GNUTLS_E_INVALID_REQUEST);
  CHECK_INT(coda_unread_size(NULL), 0);
  CHECK_INT(coda_take_unread(NULL, buf, sizeof buf), GNUTLS_E_INVALID_REQUEST);
  CHECK_INT(coda_close(NULL, 10), GNUTLS_E_INVALID_REQUEST);
  CHECK_INT(coda_bye_set_deadline(s, 10), 0);
  CHECK_INT(coda_set_truncation_policy(s, CODA_TRUNCATION_LENIENT_AT_RECORD_BOUNDARY), 0);
  CHECK_INT(coda_set_read_ahead(s, 1), 0);
  CHECK_INT(coda_unread_size(s), 0);
  /* Before any handshake: open, nothing counted. */
  check_closure(s, CODA_CLOSURE_OPEN, CODA_DIRECTION_OPEN, CODA_DIRECTION_OPEN, 0, 0, 0, 0, -1, -1,
                0, 0, 0);
  gnutls_deinit(s);
}

/* OPEN, then one direction closed (still OPEN), then CLEAN. */
static void test_open_and_clean(int srv) {
  fixture_t f;
  char buf[64];
  cu_begin(name("closure record: OPEN, half-closed, CLEAN", srv));
  if (open_fixture(&f, srv) != 0) return;
  check_closure(f.L, CODA_CLOSURE_OPEN, CODA_DIRECTION_OPEN, CODA_DIRECTION_OPEN, 0, 0, 0, 0, -1,
                -1, 0, 0, 0);
  CHECK_INT(gnutls_record_send(f.L, "seven!!", 7), 7);
  CHECK_INT(gnutls_record_send(f.P, "eleven!!!!!", 11), 11);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 11);
  CHECK_INT(gnutls_record_recv(f.P, buf, sizeof buf), 7);
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_WR), 0);
  check_closure(f.L, CODA_CLOSURE_OPEN, CODA_DIRECTION_OPEN, CODA_DIRECTION_CLOSED, 1, 0, 0, 0, -1,
                -1, 7, 11, 0);
  CHECK_INT(gnutls_record_send(f.P, "abc", 3), 3);
  CHECK_INT(gnutls_bye(f.P, GNUTLS_SHUT_RDWR), 0);
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), 0);
  check_closure(f.L, CODA_CLOSURE_CLEAN, CODA_DIRECTION_CLOSED, CODA_DIRECTION_CLOSED, 1, 1, 0, 0,
                -1, -1, 7, 11, 3);
  check_closure(f.P, CODA_CLOSURE_CLEAN, CODA_DIRECTION_CLOSED, CODA_DIRECTION_CLOSED, 1, 1, 0, 0,
                -1, -1, 14, 7, 0);
  /* The record stays valid and unchanged until gnutls_deinit. */
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 0);
  check_closure(f.L, CODA_CLOSURE_CLEAN, CODA_DIRECTION_CLOSED, CODA_DIRECTION_CLOSED, 1, 1, 0, 0,
                -1, -1, 7, 11, 3);
  close_fixture(&f);
}

/* PEER_NEVER_CONFIRMED: our close_notify, then the peer's EOF. */
static void test_peer_never_confirmed(int srv) {
  fixture_t f;
  char buf[64];
  cu_begin(name("closure record: PEER_NEVER_CONFIRMED", srv));
  if (open_fixture(&f, srv) != 0) return;
  CHECK_INT(gnutls_record_send(f.P, "late", 4), 4);
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_WR), 0);
  shutdown(f.pfd, SHUT_WR);
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), 0);
  check_closure(f.L, CODA_CLOSURE_PEER_NEVER_CONFIRMED, CODA_DIRECTION_FAILED,
                CODA_DIRECTION_CLOSED, 1, 0, 1, 1, -1, -1, 0, 0, 4);
  (void)buf;
  close_fixture(&f);
}

/* ABORTED_BY_ALERT, sent and received. */
static void test_aborted(int srv) {
  fixture_t f;
  char buf[64];
  cu_begin(name("closure record: ABORTED_BY_ALERT", srv));
  if (open_fixture(&f, srv) != 0) return;
  CHECK_INT(gnutls_record_send(f.L, "xy", 2), 2);
  CHECK_INT(gnutls_alert_send(f.L, GNUTLS_AL_FATAL, GNUTLS_A_INTERNAL_ERROR), 0);
  CHECK_INT(gnutls_record_recv(f.P, buf, sizeof buf), 2);
  CHECK_INT(gnutls_record_recv(f.P, buf, sizeof buf), GNUTLS_E_FATAL_ALERT_RECEIVED);
  check_closure(f.L, CODA_CLOSURE_ABORTED_BY_ALERT, CODA_DIRECTION_FAILED, CODA_DIRECTION_FAILED, 0,
                0, 0, 0, GNUTLS_A_INTERNAL_ERROR, -1, 2, 0, 0);
  check_closure(f.P, CODA_CLOSURE_ABORTED_BY_ALERT, CODA_DIRECTION_FAILED, CODA_DIRECTION_FAILED, 0,
                0, 0, 0, -1, GNUTLS_A_INTERNAL_ERROR, 0, 2, 0);
  close_fixture(&f);
}

/* A peer that sends a small record every interval_ms until told to stop. */
typedef struct {
  gnutls_session_t s;
  int interval_ms;
  size_t record_size;
  volatile int stop;
  size_t sent;
  int then_bye; /* after stop: bye(WR), read until 0, then read the fd to EOF */
  size_t duration_ms;
  int recv_ret;
  long raw_ret; /* 0 = clean EOF, -errno otherwise */
  int fd;
} trickler_t;

static void* trickler(void* p) {
  trickler_t* a = p;
  unsigned char chunk[4096];
  double start = cu_now_ms();
  cu_pattern(chunk, sizeof chunk, 5);
  while (!a->stop) {
    ssize_t w;
    if (a->duration_ms && cu_now_ms() - start >= (double)a->duration_ms) break;
    w = gnutls_record_send(a->s, chunk, a->record_size);
    if (w < 0) break;
    a->sent += (size_t)w;
    if (a->interval_ms) cu_sleep_ms(a->interval_ms);
  }
  if (a->then_bye) {
    char buf[256];
    ssize_t n;
    unsigned char raw[256];
    (void)gnutls_bye(a->s, GNUTLS_SHUT_WR);
    do n = gnutls_record_recv(a->s, buf, sizeof buf);
    while (n > 0);
    a->recv_ret = (int)n;
    n = recv(a->fd, raw, sizeof raw, 0);
    a->raw_ret = n < 0 ? -errno : n;
  }
  return NULL;
}

/* One deadline for the whole of bye against a slow sender: a 10-byte
 * record every 50 ms, so the per-read timeout never fires. */
static void test_deadline(int srv, unsigned record_timeout) {
  fixture_t f;
  trickler_t peer;
  pthread_t t;
  double t0, dt;
  coda_closure_t c;
  char what[128];
  snprintf(what, sizeof what, "bye deadline 700 ms against a slow sender, record timeout %u",
           record_timeout);
  cu_begin(name(what, srv));
  if (open_fixture(&f, srv) != 0) return;
  memset(&peer, 0, sizeof peer);
  peer.s = f.P;
  peer.interval_ms = 50;
  peer.record_size = 10;
  /* 300 ms per read never fires: a record comes every 50 ms. */
  gnutls_record_set_timeout(f.L, record_timeout);
  CHECK_INT(coda_bye_set_deadline(f.L, 700), 0);
  t = cu_spawn(trickler, &peer);
  t0 = cu_now_ms();
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), GNUTLS_E_TIMEDOUT);
  dt = cu_now_ms() - t0;
  peer.stop = 1;
  cu_join(t);
  fprintf(stderr, "   bye returned after %.0f ms\n", dt);
  CHECK(dt >= 690 && dt <= 700 + 150);
  c = closure_of(f.L);
  CHECK_INT(c.outcome, CODA_CLOSURE_TIMED_OUT);
  CHECK_INT(c.close_notify_sent, 1);
  CHECK_INT(c.close_notify_received, 0);
  CHECK_INT(c.read_state, CODA_DIRECTION_OPEN);
  CHECK_INT(c.write_state, CODA_DIRECTION_CLOSED);
  CHECK_INT(c.eof_received, 0);
  CHECK(c.app_bytes_discarded >= 100 && c.app_bytes_discarded % 10 == 0);
  CHECK(c.app_bytes_discarded <= peer.sent);
  close_fixture(&f);
  if (record_timeout != 0) return;

  /* A silent peer and no record timeout: the deadline alone ends bye. */
  cu_begin(name("bye deadline against a silent peer", srv));
  if (open_fixture(&f, srv) != 0) return;
  gnutls_record_set_timeout(f.L, 0);
  CHECK_INT(coda_bye_set_deadline(f.L, 200), 0);
  t0 = cu_now_ms();
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), GNUTLS_E_TIMEDOUT);
  dt = cu_now_ms() - t0;
  CHECK(dt >= 190 && dt <= 200 + 150);
  CHECK_INT(closure_of(f.L).outcome, CODA_CLOSURE_TIMED_OUT);
  /* The peer's close_notify comes late; bye again completes cleanly. */
  CHECK_INT(gnutls_bye(f.P, GNUTLS_SHUT_WR), 0);
  CHECK_INT(coda_bye_set_deadline(f.L, 0), 0);
  gnutls_record_set_timeout(f.L, 2000);
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), 0);
  CHECK_INT(closure_of(f.L).outcome, CODA_CLOSURE_CLEAN);
  close_fixture(&f);

  /* ms = 0 removes the deadline: only the record timeout applies. */
  cu_begin(name("bye deadline 0 removes it", srv));
  if (open_fixture(&f, srv) != 0) return;
  CHECK_INT(coda_bye_set_deadline(f.L, 100), 0);
  CHECK_INT(coda_bye_set_deadline(f.L, 0), 0);
  gnutls_record_set_timeout(f.L, 400);
  t0 = cu_now_ms();
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), GNUTLS_E_TIMEDOUT);
  dt = cu_now_ms() - t0;
  CHECK(dt >= 390 && dt <= 400 + 150);
  close_fixture(&f);
}

/* The truncation policy, per session. */
static void test_truncation(int srv) {
  fixture_t f, g;
  char buf[64];
  ssize_t ret;
  cu_begin(name("truncation: strict and lenient sessions side by side, EOF at a boundary", srv));
  if (open_fixture(&f, srv) != 0) return;
  if (open_fixture(&g, srv) != 0) return;
  CHECK_INT(coda_set_truncation_policy(g.L, CODA_TRUNCATION_LENIENT_AT_RECORD_BOUNDARY), 0);
  CHECK_INT(gnutls_record_send(f.P, "abc", 3), 3);
  CHECK_INT(gnutls_record_send(g.P, "abc", 3), 3);
  shutdown(f.pfd, SHUT_WR);
  shutdown(g.pfd, SHUT_WR);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 3);
  CHECK_INT(gnutls_record_recv(g.L, buf, sizeof buf), 3);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), GNUTLS_E_PREMATURE_TERMINATION);
  CHECK_INT(gnutls_record_recv(g.L, buf, sizeof buf), 0);
  CHECK_INT(gnutls_record_recv(g.L, buf, sizeof buf), 0);
  check_closure(f.L, CODA_CLOSURE_TRUNCATED, CODA_DIRECTION_FAILED, CODA_DIRECTION_OPEN, 0, 0, 1, 1,
                -1, -1, 0, 3, 0);
  check_closure(g.L, CODA_CLOSURE_TRUNCATED, CODA_DIRECTION_FAILED, CODA_DIRECTION_OPEN, 0, 0, 1, 1,
                -1, -1, 0, 3, 0);
  close_fixture(&f);
  close_fixture(&g);

  cu_begin(name("truncation: lenient, EOF inside a record is still an error", srv));
  if (open_fixture(&f, srv) != 0) return;
  CHECK_INT(coda_set_truncation_policy(f.L, CODA_TRUNCATION_LENIENT_AT_RECORD_BOUNDARY), 0);
  f.prec.capture = 1;
  CHECK_INT(gnutls_record_send(f.P, "abcdefgh", 8), 8);
  CHECK_INT(send(f.pfd, f.prec.out.data, 12, 0), 12);
  shutdown(f.pfd, SHUT_WR);
  /* As GnuTLS 3.7 does, the first answer is E_AGAIN (programs retry). */
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), GNUTLS_E_AGAIN);
  ret = gnutls_record_recv(f.L, buf, sizeof buf);
  CHECK(ret == GNUTLS_E_PREMATURE_TERMINATION || ret == GNUTLS_E_UNEXPECTED_PACKET_LENGTH);
  check_closure(f.L, CODA_CLOSURE_TRUNCATED, CODA_DIRECTION_FAILED, CODA_DIRECTION_OPEN, 0, 0, 1, 0,
                -1, -1, 0, 0, 0);
  close_fixture(&f);

  cu_begin(name("truncation: lenient, close_notify still ends the stream cleanly", srv));
  if (open_fixture(&f, srv) != 0) return;
  CHECK_INT(coda_set_truncation_policy(f.L, CODA_TRUNCATION_LENIENT_AT_RECORD_BOUNDARY), 0);
  CHECK_INT(gnutls_bye(f.P, GNUTLS_SHUT_WR), 0);
  shutdown(f.pfd, SHUT_WR);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 0);
  CHECK_INT(closure_of(f.L).close_notify_received, 1);
  CHECK_INT(closure_of(f.L).read_state, CODA_DIRECTION_CLOSED);
  close_fixture(&f);
}

/* Read-ahead: close_notify and plaintext in one write, read at once, the
 * plaintext handed back by coda_take_unread. */
static void test_read_ahead(int srv, int use_bye) {
  fixture_t f;
  static const char tail[] = "250 plaintext after close_notify\r\n";
  const size_t tlen = sizeof tail - 1;
  unsigned char wire[1024], buf[1024];
  size_t wlen, got = 0;
  ssize_t n;
  cu_begin(name(use_bye ? "read-ahead + take_unread after bye(RDWR)"
                        : "read-ahead + take_unread after recv 0",
                srv));
  if (open_fixture(&f, srv) != 0) return;
  CHECK_INT(coda_set_read_ahead(f.L, 1), 0);
  f.prec.capture = 1;
  CHECK_INT(gnutls_record_send(f.P, "data", 4), 4);
  CHECK_INT(gnutls_bye(f.P, GNUTLS_SHUT_WR), 0);
  wlen = f.prec.out.len;
  CHECK_INT(wlen, CU_APP_RECORD_LEN(4) + CU_CLOSE_NOTIFY_13_LEN);
  memcpy(wire, f.prec.out.data, wlen);
  memcpy(wire + wlen, tail, tlen);
  CHECK_INT(send(f.pfd, wire, wlen + tlen, 0), wlen + tlen);
  if (use_bye) {
    CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), 0);
    CHECK_INT(closure_of(f.L).app_bytes_discarded, 4);
  } else {
    CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 4);
    CHECK_MEM(buf, 4, "data", 4);
    CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 0);
  }
  /* All of it came in one read. */
  CHECK_INT(f.lrec.pull_calls, 1);
  CHECK_INT(f.lrec.in.len, wlen + tlen);
  CHECK_INT(coda_unread_size(f.L), tlen);
  n = coda_take_unread(f.L, buf, 5);
  CHECK_INT(n, 5);
  if (n > 0) got += (size_t)n;
  n = coda_take_unread(f.L, buf + got, sizeof buf - got);
  CHECK_INT(n, tlen - 5);
  if (n > 0) got += (size_t)n;
  CHECK_MEM(buf, got, tail, tlen);
  CHECK_INT(coda_take_unread(f.L, buf, sizeof buf), 0);
  CHECK_INT(coda_unread_size(f.L), 0);
  CHECK_INT(cu_read_now(f.lfd, buf, sizeof buf), -EAGAIN);
  CHECK_INT(closure_of(f.L).outcome, use_bye ? CODA_CLOSURE_CLEAN : CODA_CLOSURE_OPEN);
  close_fixture(&f);
}

/* coda_close drains a peer that still sends; the peer sees a clean close. */
static void test_coda_close(int srv) {
  fixture_t f;
  trickler_t peer;
  pthread_t t;
  double t0, dt;
  coda_closure_t c;
  cu_begin(name("coda_close drains a sending peer, no reset", srv));
  if (open_fixture(&f, srv) != 0) return;
  memset(&peer, 0, sizeof peer);
  peer.s = f.P;
  peer.fd = f.pfd;
  peer.interval_ms = 2;
  peer.record_size = 1000;
  peer.duration_ms = 300;
  peer.then_bye = 1;
  peer.raw_ret = 1;
  t = cu_spawn(trickler, &peer);
  cu_sleep_ms(20);
  t0 = cu_now_ms();
  CHECK_INT(coda_close(f.L, 2000), 0);
  dt = cu_now_ms() - t0;
  CHECK(dt < 2000 + 150);
  close(f.lfd);
  f.pair.cfd == f.lfd ? (void)(f.pair.cfd = -1) : (void)(f.pair.sfd = -1);
  cu_join(t);
  c = closure_of(f.L);
  CHECK_INT(c.outcome, CODA_CLOSURE_CLEAN);
  CHECK_INT(c.app_bytes_discarded, peer.sent);
  CHECK(peer.sent > 10000);
  CHECK_INT(peer.recv_ret, 0);
  CHECK_INT(peer.raw_ret, 0); /* EOF, not -ECONNRESET */
  close_fixture(&f);

  cu_begin(name("coda_close returns by its deadline against an endless sender", srv));
  if (open_fixture(&f, srv) != 0) return;
  memset(&peer, 0, sizeof peer);
  peer.s = f.P;
  peer.fd = f.pfd;
  peer.interval_ms = 5;
  peer.record_size = 100;
  t = cu_spawn(trickler, &peer);
  t0 = cu_now_ms();
  CHECK_INT(coda_close(f.L, 400), 0);
  dt = cu_now_ms() - t0;
  peer.stop = 1;
  cu_join(t);
  fprintf(stderr, "   coda_close returned after %.0f ms\n", dt);
  CHECK(dt >= 390 && dt <= 400 + 150);
  CHECK_INT(closure_of(f.L).outcome, CODA_CLOSURE_TIMED_OUT);
  close_fixture(&f);

  /* gnutls_bye returns GNUTLS_E_AGAIN for a KeyUpdate it reads, as GnuTLS
   * does; coda_close, on a blocking socket, waits on through it. The
   * KeyUpdate asks for ours, but it arrives after our close_notify: it goes
   * unanswered (RFC 8446 6.1) and the peer reads our close_notify only. */
  cu_begin(name("coda_close waits through a KeyUpdate", srv));
  if (open_fixture(&f, srv) != 0) return;
  CHECK_INT(gnutls_session_key_update(f.P, GNUTLS_KU_PEER), 0);
  CHECK_INT(gnutls_bye(f.P, GNUTLS_SHUT_WR), 0);
  CHECK_INT(coda_close(f.L, 2000), 0);
  CHECK_INT(closure_of(f.L).outcome, CODA_CLOSURE_CLEAN);
  CHECK_INT(gnutls_record_recv(f.P, &c, sizeof c), 0);
  close_fixture(&f);

  /* Control: without draining, the unread data resets the peer (so the
   * check above can fail). */
  cu_begin(name("control: closing with unread data resets the peer", srv));
  if (open_fixture(&f, srv) != 0) return;
  {
    unsigned char raw[64];
    long n;
    CHECK_INT(gnutls_record_send(f.P, "unread", 6), 6);
    CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_WR), 0);
    cu_sleep_ms(10);
    close(f.lfd);
    f.pair.cfd == f.lfd ? (void)(f.pair.cfd = -1) : (void)(f.pair.sfd = -1);
    do n = recv(f.pfd, raw, sizeof raw, 0);
    while (n > 0);
    CHECK_INT(n < 0 ? -errno : n, -ECONNRESET);
  }
  close_fixture(&f);
}

int main(int argc, char** argv) {
  int srv;
  signal(SIGPIPE, SIG_IGN);
  cu_init(argc, argv);
  test_api_edges();
  for (srv = 0; srv <= 1; srv++) {
    test_open_and_clean(srv);
    test_peer_never_confirmed(srv);
    test_aborted(srv);
    test_deadline(srv, 0);
    test_deadline(srv, 300);
    test_truncation(srv);
    test_read_ahead(srv, 0);
    test_read_ahead(srv, 1);
    test_coda_close(srv);
  }
  return cu_finish();
}
