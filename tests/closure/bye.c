/* gnutls_bye(session, how): items 1-7 of the closure contract, TLS 1.3,
 * both roles, over blocking socketpairs with a recording transport. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "closure_util.h"

/* The side under test (L) and its peer (P), either role. */
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

/* The bytes on the wire split into records: exactly one close_notify. */
static void check_one_close_notify(const cu_buf_t* b, size_t from) {
  cu_record_t recs[8];
  int n = cu_records(b->data + from, b->len - from, recs, 8);
  CHECK_INT(n, 1);
  if (n >= 1) {
    CHECK_INT(recs[0].type, 23);
    CHECK_INT(recs[0].length, CU_CLOSE_NOTIFY_13_LEN - 5);
  }
  CHECK_INT(b->len - from, CU_CLOSE_NOTIFY_13_LEN);
}

/* 1. Flush first: a record cut by E_AGAIN (or E_INTERRUPTED) goes out whole
 * before the close_notify. */
static void test_flush_first(int srv, int err) {
  fixture_t f;
  unsigned char msg[1000], got[1100];
  ssize_t last;
  cu_record_t recs[4];
  coda_closure_t c;
  cu_begin(
      srv ? (err == EAGAIN ? "1 flush first (server, EAGAIN)" : "1 flush first (server, EINTR)")
          : (err == EAGAIN ? "1 flush first (client, EAGAIN)" : "1 flush first (client, EINTR)"));
  if (open_fixture(&f, srv) != 0) return;
  cu_pattern(msg, sizeof msg, 1);
  f.lrec.push_budget = 100;
  f.lrec.budget_errno = err;
  CHECK_INT(gnutls_record_send(f.L, msg, sizeof msg),
            err == EAGAIN ? GNUTLS_E_AGAIN : GNUTLS_E_INTERRUPTED);
  CHECK_INT(gnutls_record_get_direction(f.L), 1);
  CHECK_INT(f.lrec.out.len, 100);
  f.lrec.push_budget = -1;
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_WR), 0);
  CHECK_INT(cu_records(f.lrec.out.data, f.lrec.out.len, recs, 4), 2);
  CHECK_INT(recs[0].type, 23);
  CHECK_INT(recs[0].length, CU_APP_RECORD_LEN(1000) - 5);
  CHECK_INT(recs[1].type, 23);
  CHECK_INT(recs[1].length, CU_CLOSE_NOTIFY_13_LEN - 5);
  CHECK_INT(f.lrec.out.len, CU_APP_RECORD_LEN(1000) + CU_CLOSE_NOTIFY_13_LEN);
  /* The peer gets the whole message, then the end of the stream. */
  CHECK_INT(cu_recv_all(f.P, got, sizeof msg, &last), sizeof msg);
  CHECK_MEM(got, sizeof msg, msg, sizeof msg);
  CHECK_INT(gnutls_record_recv(f.P, got, sizeof got), 0);
  c = closure_of(f.L);
  CHECK_INT(c.write_state, CODA_DIRECTION_CLOSED);
  CHECK_INT(c.close_notify_sent, 1);
  CHECK_INT(c.app_bytes_sent, 1000);
  close_fixture(&f);
}

/* 2. close_notify exactly once: bye three times; bye resumed after E_AGAIN. */
static void test_once(int srv) {
  fixture_t f;
  char buf[64];
  int i;
  cu_begin(srv ? "2 close_notify once (server)" : "2 close_notify once (client)");
  if (open_fixture(&f, srv) != 0) return;
  for (i = 0; i < 3; i++) {
    CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_WR), 0);
    CHECK_INT(f.lrec.out.len, CU_CLOSE_NOTIFY_13_LEN);
  }
  check_one_close_notify(&f.lrec.out, 0);
  /* The peer sees one close_notify and nothing behind it. */
  CHECK_INT(gnutls_record_recv(f.P, buf, sizeof buf), 0);
  CHECK_INT(cu_read_now(f.pfd, buf, sizeof buf), -EAGAIN);
  close_fixture(&f);

  cu_begin(srv ? "2 close_notify once, resumed after E_AGAIN (server)"
               : "2 close_notify once, resumed after E_AGAIN (client)");
  if (open_fixture(&f, srv) != 0) return;
  f.lrec.push_budget = 0;
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_WR), GNUTLS_E_AGAIN);
  CHECK_INT(gnutls_record_get_direction(f.L), 1);
  CHECK_INT(f.lrec.out.len, 0);
  f.lrec.push_budget = 7;
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_WR), GNUTLS_E_AGAIN);
  CHECK_INT(gnutls_record_get_direction(f.L), 1);
  CHECK_INT(f.lrec.out.len, 7);
  f.lrec.push_budget = 0;
  f.lrec.budget_errno = EINTR;
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_WR), GNUTLS_E_INTERRUPTED);
  CHECK_INT(gnutls_record_get_direction(f.L), 1);
  f.lrec.push_budget = -1;
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_WR), 0);
  check_one_close_notify(&f.lrec.out, 0);
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_WR), 0);
  CHECK_INT(f.lrec.out.len, CU_CLOSE_NOTIFY_13_LEN);
  CHECK_INT(gnutls_record_recv(f.P, buf, sizeof buf), 0);
  /* RDWR after WR: still no second close_notify. */
  CHECK_INT(gnutls_bye(f.P, GNUTLS_SHUT_WR), 0);
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), 0);
  CHECK_INT(f.lrec.out.len, CU_CLOSE_NOTIFY_13_LEN);
  CHECK_INT(closure_of(f.L).outcome, CODA_CLOSURE_CLEAN);
  close_fixture(&f);
}

/* 3. SHUT_WR: sending is over, receiving goes on until the peer's close_notify. */
static void test_shut_wr(int srv) {
  fixture_t f;
  char buf[256];
  size_t got = 0;
  ssize_t n;
  coda_closure_t c;
  cu_begin(srv ? "3 SHUT_WR (server)" : "3 SHUT_WR (client)");
  if (open_fixture(&f, srv) != 0) return;
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_WR), 0);
  CHECK_INT(gnutls_record_send(f.L, "x", 1), GNUTLS_E_INVALID_SESSION);
  CHECK_INT(gnutls_record_send(f.L, "x", 1), GNUTLS_E_INVALID_SESSION);
  CHECK_INT(f.lrec.out.len, CU_CLOSE_NOTIFY_13_LEN);
  /* The peer still talks: hello, world, then its close_notify. */
  CHECK_INT(gnutls_record_send(f.P, "hello", 5), 5);
  CHECK_INT(gnutls_record_send(f.P, "world", 5), 5);
  CHECK_INT(gnutls_bye(f.P, GNUTLS_SHUT_WR), 0);
  for (;;) {
    n = gnutls_record_recv(f.L, buf + got, sizeof buf - got);
    if (n <= 0) break;
    got += (size_t)n;
  }
  CHECK_INT(n, 0);
  CHECK_MEM(buf, got, "helloworld", 10);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 0);
  c = closure_of(f.L);
  CHECK_INT(c.outcome, CODA_CLOSURE_CLEAN);
  CHECK_INT(c.app_bytes_received, 10);
  CHECK_INT(c.app_bytes_sent, 0);
  CHECK_INT(c.app_bytes_discarded, 0);
  close_fixture(&f);
}

/* 4. SHUT_RDWR discards application data and returns 0 on close_notify. */
static void test_rdwr(int srv) {
  fixture_t f;
  static unsigned char big[30000];
  char buf[64];
  coda_closure_t c;
  double t0;
  cu_begin(srv ? "4 SHUT_RDWR discards, returns 0 (server)"
               : "4 SHUT_RDWR discards, returns 0 (client)");
  if (open_fixture(&f, srv) != 0) return;
  cu_pattern(big, sizeof big, 4);
  CHECK_INT(gnutls_record_send(f.P, big, 100), 100);
  CHECK_INT(cu_send_all(f.P, big, sizeof big), 0);
  CHECK_INT(gnutls_bye(f.P, GNUTLS_SHUT_WR), 0);
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), 0);
  c = closure_of(f.L);
  CHECK_INT(c.outcome, CODA_CLOSURE_CLEAN);
  CHECK_INT(c.read_state, CODA_DIRECTION_CLOSED);
  CHECK_INT(c.write_state, CODA_DIRECTION_CLOSED);
  CHECK_INT(c.app_bytes_discarded, 100 + sizeof big);
  CHECK_INT(c.app_bytes_received, 0);
  /* Everything the peer wrote was read, nothing more. */
  CHECK_INT(f.lrec.in.len, CU_APP_RECORD_LEN(100) + CU_APP_RECORD_LEN(16384) +
                               CU_APP_RECORD_LEN(sizeof big - 16384) + CU_CLOSE_NOTIFY_13_LEN);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 0);
  CHECK_INT(gnutls_record_recv(f.P, buf, sizeof buf), 0);
  close_fixture(&f);

  /* The close_notify was already received: RDWR does not wait. */
  cu_begin(srv ? "4 SHUT_RDWR after close_notify received (server)"
               : "4 SHUT_RDWR after close_notify received (client)");
  if (open_fixture(&f, srv) != 0) return;
  CHECK_INT(gnutls_bye(f.P, GNUTLS_SHUT_WR), 0);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 0);
  gnutls_record_set_timeout(f.L, 3000);
  t0 = cu_now_ms();
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), 0);
  CHECK(cu_now_ms() - t0 < 1000);
  CHECK_INT(f.lrec.out.len, CU_CLOSE_NOTIFY_13_LEN);
  CHECK_INT(closure_of(f.L).outcome, CODA_CLOSURE_CLEAN);
  close_fixture(&f);
}

/* 4. The record timeout bounds each bye call; bye again keeps waiting. */
static void test_timeout(int srv) {
  fixture_t f;
  coda_closure_t c;
  double t0, dt;
  cu_begin(srv ? "4 record timeout in RDWR (server)" : "4 record timeout in RDWR (client)");
  if (open_fixture(&f, srv) != 0) return;
  gnutls_record_set_timeout(f.L, 150);
  t0 = cu_now_ms();
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), GNUTLS_E_TIMEDOUT);
  dt = cu_now_ms() - t0;
  CHECK(dt >= 140 && dt < 1000);
  c = closure_of(f.L);
  CHECK_INT(c.outcome, CODA_CLOSURE_TIMED_OUT);
  CHECK_INT(c.write_state, CODA_DIRECTION_CLOSED);
  CHECK_INT(c.read_state, CODA_DIRECTION_OPEN);
  t0 = cu_now_ms();
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), GNUTLS_E_TIMEDOUT);
  dt = cu_now_ms() - t0;
  CHECK(dt >= 140 && dt < 1000);
  CHECK_INT(gnutls_bye(f.P, GNUTLS_SHUT_WR), 0);
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), 0);
  c = closure_of(f.L);
  CHECK_INT(c.outcome, CODA_CLOSURE_CLEAN);
  CHECK_INT(c.read_state, CODA_DIRECTION_CLOSED);
  check_one_close_notify(&f.lrec.out, 0);
  close_fixture(&f);
}

typedef struct {
  gnutls_session_t s;
  int ms;
} slow_t;

/* Sends a 10-byte record every 50 ms for ms, then close_notify. */
static void* slow_sender(void* p) {
  slow_t* a = p;
  double t0 = cu_now_ms();
  while (cu_now_ms() - t0 < a->ms) {
    if (gnutls_record_send(a->s, "0123456789", 10) != 10) break;
    cu_sleep_ms(50);
  }
  (void)gnutls_bye(a->s, GNUTLS_SHUT_WR);
  return NULL;
}

/* 4. The record timeout applies to each read, as in GnuTLS 3.7.9 (checked
 * against the real library: bye(RDWR) with a 300 ms record timeout and a
 * record every 50 ms waits until the peer's close_notify). */
static void test_timeout_per_read(int srv) {
  fixture_t f;
  slow_t peer;
  pthread_t t;
  double t0, dt;
  cu_begin(srv ? "4 record timeout is per read (server)" : "4 record timeout is per read (client)");
  if (open_fixture(&f, srv) != 0) return;
  peer.s = f.P;
  peer.ms = 1000;
  gnutls_record_set_timeout(f.L, 300);
  t = cu_spawn(slow_sender, &peer);
  t0 = cu_now_ms();
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), 0);
  dt = cu_now_ms() - t0;
  cu_join(t);
  CHECK(dt >= 950);
  CHECK_INT(closure_of(f.L).outcome, CODA_CLOSURE_CLEAN);
  close_fixture(&f);
}

/* 4. EOF (or a transport error) while waiting: 0, peer never confirmed. */
static void test_eof_waiting(int srv, int transport_error) {
  fixture_t f;
  coda_closure_t c;
  cu_begin(transport_error
               ? (srv ? "4 transport error in RDWR (server)" : "4 transport error in RDWR (client)")
               : (srv ? "4 EOF in RDWR (server)" : "4 EOF in RDWR (client)"));
  if (open_fixture(&f, srv) != 0) return;
  gnutls_record_set_timeout(f.L, 3000);
  if (transport_error)
    f.lrec.pull_fail_errno = ECONNRESET;
  else
    shutdown(f.pfd, SHUT_WR);
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), 0);
  c = closure_of(f.L);
  CHECK_INT(c.outcome, CODA_CLOSURE_PEER_NEVER_CONFIRMED);
  CHECK_INT(c.close_notify_sent, 1);
  CHECK_INT(c.close_notify_received, 0);
  CHECK_INT(c.write_state, CODA_DIRECTION_CLOSED);
  /* Reading failed either way: truncation, or the transport's error. */
  CHECK_INT(c.read_state, CODA_DIRECTION_FAILED);
  CHECK_INT(c.eof_received, !transport_error);
  if (!transport_error) CHECK_INT(c.eof_at_record_boundary, 1);
  check_one_close_notify(&f.lrec.out, 0);
  close_fixture(&f);
}

/* 6. The transport stays usable: bye reads and writes exactly up to the
 * close_notify records. The peer writes its close_notify and plaintext in
 * one write. */
static void test_exact_bytes(int srv, int with_data) {
  fixture_t f;
  static const char tail[] = "PLAINTEXT AFTER TLS";
  static const char reply[] = "REPLY";
  unsigned char wire[4096], buf[4096];
  size_t wlen = 0;
  long n;
  cu_record_t recs[4];
  cu_begin(srv ? (with_data ? "6 exact bytes with data (server)" : "6 exact bytes (server)")
               : (with_data ? "6 exact bytes with data (client)" : "6 exact bytes (client)"));
  if (open_fixture(&f, srv) != 0) return;
  f.prec.capture = 1;
  if (with_data) CHECK_INT(gnutls_record_send(f.P, "data before", 11), 11);
  CHECK_INT(gnutls_bye(f.P, GNUTLS_SHUT_WR), 0);
  memcpy(wire, f.prec.out.data, f.prec.out.len);
  wlen = f.prec.out.len;
  CHECK_INT(wlen, (with_data ? CU_APP_RECORD_LEN(11) : 0) + CU_CLOSE_NOTIFY_13_LEN);
  memcpy(wire + wlen, tail, sizeof tail - 1);
  wlen += sizeof tail - 1;
  CHECK_INT(send(f.pfd, wire, wlen, 0), wlen);
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), 0);
  CHECK_INT(f.lrec.in.len, wlen - (sizeof tail - 1));
  n = cu_read_now(f.lfd, buf, sizeof buf);
  CHECK_MEM(buf, n > 0 ? (size_t)n : 0, tail, sizeof tail - 1);
  CHECK_INT(closure_of(f.L).app_bytes_discarded, with_data ? 11 : 0);
  /* What bye wrote is its close_notify, then the application's plaintext. */
  CHECK_INT(send(f.lfd, reply, 5, 0), 5);
  n = cu_read_now(f.pfd, buf, sizeof buf);
  CHECK_INT(n, CU_CLOSE_NOTIFY_13_LEN + 5);
  if (n == CU_CLOSE_NOTIFY_13_LEN + 5) {
    CHECK_INT(cu_records(buf, CU_CLOSE_NOTIFY_13_LEN, recs, 4), 1);
    CHECK_MEM(buf + CU_CLOSE_NOTIFY_13_LEN, 5, reply, 5);
    CHECK_MEM(buf, CU_CLOSE_NOTIFY_13_LEN, f.lrec.out.data, f.lrec.out.len);
  }
  close_fixture(&f);
}

/* 7. bye before any handshake, twice. */
static void test_before_handshake(void) {
  gnutls_session_t s = cu_session(0, 0);
  int fds[2];
  cu_rec_t r;
  unsigned char buf[64];
  cu_record_t recs[4];
  cu_begin("7 bye before the handshake started");
  cu_socketpair(fds);
  cu_rec_attach(&r, s, fds[0]);
  CHECK_INT(gnutls_bye(s, GNUTLS_SHUT_WR), 0);
  CHECK_INT(cu_records(r.out.data, r.out.len, recs, 4), 1);
  CHECK_INT(recs[0].type, 21);
  CHECK_INT(recs[0].length, 2);
  CHECK_INT(r.out.len, 7);
  if (r.out.len == 7) {
    CHECK_INT(r.out.data[5], 1); /* warning */
    CHECK_INT(r.out.data[6], 0); /* close_notify */
  }
  CHECK_INT(gnutls_bye(s, GNUTLS_SHUT_WR), 0);
  CHECK_INT(r.out.len, 7);
  CHECK_INT(cu_read_now(fds[1], buf, sizeof buf), 7);
  gnutls_deinit(s);
  cu_rec_free(&r);
  close(fds[0]);
  close(fds[1]);
}

/* 7. The client's bye after its ClientHello went out (non-blocking). */
static void test_after_client_hello(void) {
  gnutls_session_t c = cu_session(0, GNUTLS_NONBLOCK), s = cu_session(1, 0);
  int fds[2];
  cu_rec_t r;
  size_t hello;
  cu_record_t recs[4];
  int ret;
  cu_begin("7 client bye after ClientHello");
  cu_socketpair(fds);
  cu_set_nonblock(fds[0], 1);
  cu_rec_attach(&r, c, fds[0]);
  gnutls_transport_set_int(s, fds[1]);
  CHECK_INT(gnutls_handshake(c), GNUTLS_E_AGAIN);
  CHECK_INT(gnutls_record_get_direction(c), 0);
  hello = r.out.len;
  CHECK(hello > 100);
  CHECK_INT(gnutls_bye(c, GNUTLS_SHUT_WR), 0);
  CHECK_INT(cu_records(r.out.data + hello, r.out.len - hello, recs, 4), 1);
  CHECK_INT(recs[0].type, 21);
  CHECK_INT(recs[0].length, 2);
  CHECK_INT(r.out.len - hello, 7);
  CHECK_INT(gnutls_bye(c, GNUTLS_SHUT_WR), 0);
  CHECK_INT(r.out.len - hello, 7);
  /* The server sees the hello, then the end: its handshake fails, it does not hang. */
  gnutls_handshake_set_timeout(s, 3000);
  ret = gnutls_handshake(s);
  CHECK(ret < 0 && ret != GNUTLS_E_TIMEDOUT);
  if (ret >= 0 || ret == GNUTLS_E_TIMEDOUT) fprintf(stderr, "   server handshake: %d\n", ret);
  gnutls_deinit(c);
  gnutls_deinit(s);
  cu_rec_free(&r);
  close(fds[0]);
  close(fds[1]);
}

/* 7. The server's bye after its flight, before the client's Finished: the
 * alert goes under the current keys, the client completes and reads 0. */
static void test_server_mid_handshake(void) {
  gnutls_session_t c = cu_session(0, GNUTLS_NONBLOCK), s = cu_session(1, GNUTLS_NONBLOCK);
  int fds[2], ret, i;
  cu_rec_t r;
  size_t flight;
  cu_record_t recs[4];
  char buf[64];
  coda_closure_t cc;
  cu_begin("7 server bye before the client's Finished");
  cu_socketpair(fds);
  cu_set_nonblock(fds[0], 1);
  cu_set_nonblock(fds[1], 1);
  gnutls_transport_set_int(c, fds[0]);
  cu_rec_attach(&r, s, fds[1]);
  CHECK_INT(gnutls_handshake(c), GNUTLS_E_AGAIN);
  CHECK_INT(gnutls_handshake(s), GNUTLS_E_AGAIN);
  CHECK_INT(gnutls_record_get_direction(s), 0);
  flight = r.out.len;
  CHECK_INT(gnutls_bye(s, GNUTLS_SHUT_WR), 0);
  CHECK_INT(cu_records(r.out.data + flight, r.out.len - flight, recs, 4), 1);
  CHECK_INT(recs[0].type, 23);
  CHECK_INT(r.out.len - flight, CU_CLOSE_NOTIFY_13_LEN);
  CHECK_INT(gnutls_bye(s, GNUTLS_SHUT_WR), 0);
  CHECK_INT(r.out.len - flight, CU_CLOSE_NOTIFY_13_LEN);
  for (i = 0; i < 100; i++) {
    ret = gnutls_handshake(c);
    if (ret != GNUTLS_E_AGAIN) break;
  }
  CHECK_INT(ret, 0);
  ret = (int)gnutls_record_recv(c, buf, sizeof buf);
  CHECK_INT(ret, 0);
  coda_session_get_closure(c, &cc);
  CHECK_INT(cc.close_notify_received, 1);
  CHECK_INT(cc.read_state, CODA_DIRECTION_CLOSED);
  gnutls_deinit(c);
  gnutls_deinit(s);
  cu_rec_free(&r);
  close(fds[0]);
  close(fds[1]);
}

/* 7. After a fatal alert, sent or received, bye sends no close_notify. */
static void test_after_fatal(int srv, int received) {
  fixture_t f;
  char buf[64];
  size_t before;
  cu_begin(received ? (srv ? "7 bye after fatal alert received (server)"
                           : "7 bye after fatal alert received (client)")
                    : (srv ? "7 bye after fatal alert sent (server)"
                           : "7 bye after fatal alert sent (client)"));
  if (open_fixture(&f, srv) != 0) return;
  if (received) {
    CHECK_INT(gnutls_alert_send(f.P, GNUTLS_AL_FATAL, GNUTLS_A_INTERNAL_ERROR), 0);
    CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), GNUTLS_E_FATAL_ALERT_RECEIVED);
  } else {
    CHECK_INT(gnutls_alert_send(f.L, GNUTLS_AL_FATAL, GNUTLS_A_INTERNAL_ERROR), 0);
    CHECK_INT(f.lrec.out.len, CU_CLOSE_NOTIFY_13_LEN); /* the fatal alert itself */
  }
  before = f.lrec.out.len;
  /* GnuTLS 3.7.9 returns 0 from SHUT_WR here (checked against the real
   * library), and -10 from SHUT_RDWR once a fatal alert was received. */
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_WR), 0);
  CHECK_INT(f.lrec.out.len, before);
  if (received) {
    CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), GNUTLS_E_INVALID_SESSION);
  } else {
    gnutls_record_set_timeout(f.L, 100);
    (void)gnutls_bye(f.L, GNUTLS_SHUT_RDWR); /* GnuTLS waits for the peer here */
  }
  CHECK_INT(f.lrec.out.len, before);
  CHECK_INT(closure_of(f.L).close_notify_sent, 0);
  CHECK_INT(closure_of(f.L).outcome, CODA_CLOSURE_ABORTED_BY_ALERT);
  close_fixture(&f);
}

int main(int argc, char** argv) {
  int srv;
  cu_init(argc, argv);
  for (srv = 0; srv <= 1; srv++) {
    test_flush_first(srv, EAGAIN);
    test_flush_first(srv, EINTR);
    test_once(srv);
    test_shut_wr(srv);
    test_rdwr(srv);
    test_timeout(srv);
    test_timeout_per_read(srv);
    test_eof_waiting(srv, 0);
    test_eof_waiting(srv, 1);
    test_exact_bytes(srv, 0);
    test_exact_bytes(srv, 1);
    test_after_fatal(srv, 0);
    test_after_fatal(srv, 1);
  }
  test_before_handshake();
  test_after_client_hello();
  test_server_mid_handshake();
  return cu_finish();
}
