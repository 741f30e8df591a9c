/* "Where Coda deliberately differs from GnuTLS 3.7": application data that
 * arrives while bye(RDWR) waits is dropped and counted, never queued;
 * user_canceled in TLS 1.3 is a closure alert; a second bye sends no second
 * close_notify. Both roles, TLS 1.3. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "closure_util.h"

typedef struct {
  cu_pair_t pair;
  gnutls_session_t L, P;
  int lfd, pfd;
  cu_rec_t lrec;
} fixture_t;

static int open_fixture_rec(fixture_t* f, int local_is_server, int record);
static int open_fixture(fixture_t* f, int local_is_server) {
  return open_fixture_rec(f, local_is_server, 1);
}

/* record = 0: no recording transport (it would keep every byte read). */
static int open_fixture_rec(fixture_t* f, int local_is_server, int record) {
  memset(f, 0, sizeof *f);
  if (cu_pair_open(&f->pair) != 0) {
    CHECK(!"handshake");
    return -1;
  }
  f->L = local_is_server ? f->pair.s : f->pair.c;
  f->P = local_is_server ? f->pair.c : f->pair.s;
  f->lfd = local_is_server ? f->pair.sfd : f->pair.cfd;
  f->pfd = local_is_server ? f->pair.cfd : f->pair.sfd;
  if (record) cu_rec_attach(&f->lrec, f->L, f->lfd);
  gnutls_record_set_timeout(f->L, 10000);
  return 0;
}

static void close_fixture(fixture_t* f) {
  cu_pair_close(&f->pair);
  cu_rec_free(&f->lrec);
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

/* A peer that sends total bytes, then its close_notify, sampling the
 * process's RSS as it goes. */
typedef struct {
  gnutls_session_t s;
  size_t total;
  int ret;
  long peak_rss_kb;
} sender_t;

static void* sender(void* p) {
  sender_t* a = p;
  static unsigned char chunk[16384];
  size_t sent = 0, next_sample = 0;
  cu_pattern(chunk, sizeof chunk, 77);
  a->ret = 0;
  while (sent < a->total) {
    size_t n = a->total - sent < sizeof chunk ? a->total - sent : sizeof chunk;
    ssize_t w = gnutls_record_send(a->s, chunk, n);
    if (w < 0) {
      a->ret = (int)w;
      return NULL;
    }
    sent += (size_t)w;
    if (sent >= next_sample) {
      long rss = cu_rss_kb();
      if (rss > a->peak_rss_kb) a->peak_rss_kb = rss;
      next_sample += 1 << 20;
    }
  }
  a->ret = gnutls_bye(a->s, GNUTLS_SHUT_WR);
  return NULL;
}

/* Dropped and counted: exactly what the peer sent. */
static void test_discard_count(int srv) {
  fixture_t f;
  sender_t peer;
  pthread_t t;
  coda_closure_t c;
  char buf[16];
  cu_begin(name("RDWR drops and counts application data", srv));
  if (open_fixture(&f, srv) != 0) return;
  memset(&peer, 0, sizeof peer);
  peer.s = f.P;
  peer.total = 123457;
  t = cu_spawn(sender, &peer);
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), 0);
  cu_join(t);
  CHECK_INT(peer.ret, 0);
  c = closure_of(f.L);
  CHECK_INT(c.outcome, CODA_CLOSURE_CLEAN);
  CHECK_INT(c.app_bytes_discarded, 123457);
  CHECK_INT(c.app_bytes_received, 0);
  CHECK_INT(gnutls_record_check_pending(f.L), 0);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 0);
  close_fixture(&f);
}

/* Memory stays bounded while a peer sends 50 MB during bye(RDWR). */
static void test_memory_bounded(void) {
  fixture_t f;
  sender_t peer;
  pthread_t t;
  coda_closure_t c;
  long before, after;
  const size_t total = (size_t)50 << 20;
  cu_begin("RDWR with a peer sending 50 MB: RSS stays bounded");
  if (open_fixture_rec(&f, 0, 0) != 0) return;
  memset(&peer, 0, sizeof peer);
  peer.s = f.P;
  peer.total = total;
  before = cu_rss_kb();
  peer.peak_rss_kb = before;
  t = cu_spawn(sender, &peer);
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), 0);
  cu_join(t);
  after = cu_rss_kb();
  CHECK_INT(peer.ret, 0);
  c = closure_of(f.L);
  CHECK_INT(c.outcome, CODA_CLOSURE_CLEAN);
  CHECK_INT(c.app_bytes_discarded, total);
  fprintf(stderr, "   RSS before %ld kB, peak %ld kB, after %ld kB\n", before, peer.peak_rss_kb,
          after);
  CHECK(peer.peak_rss_kb - before < 8 * 1024);
  CHECK(after - before < 8 * 1024);
  close_fixture(&f);
}

/* user_canceled in TLS 1.3: WARNING_ALERT_RECEIVED, and the session goes on. */
static void test_user_canceled(int srv) {
  fixture_t f;
  char buf[64];
  coda_closure_t c;
  cu_begin(name("1.3 user_canceled -> WARNING_ALERT_RECEIVED, session usable", srv));
  if (open_fixture(&f, srv) != 0) return;
  gnutls_record_set_timeout(f.P, 5000);
  CHECK_INT(gnutls_alert_send(f.P, GNUTLS_AL_WARNING, GNUTLS_A_USER_CANCELED), 0);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), GNUTLS_E_WARNING_ALERT_RECEIVED);
  CHECK_INT(gnutls_alert_get(f.L), GNUTLS_A_USER_CANCELED);
  c = closure_of(f.L);
  CHECK_INT(c.outcome, CODA_CLOSURE_OPEN);
  CHECK_INT(c.fatal_alert_received, -1);
  CHECK_INT(c.read_state, CODA_DIRECTION_OPEN);
  CHECK_INT(c.write_state, CODA_DIRECTION_OPEN);
  /* Both directions still carry data. */
  CHECK_INT(gnutls_record_send(f.P, "after", 5), 5);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 5);
  CHECK_MEM(buf, 5, "after", 5);
  CHECK_INT(gnutls_record_send(f.L, "reply", 5), 5);
  CHECK_INT(gnutls_record_recv(f.P, buf, sizeof buf), 5);
  CHECK_MEM(buf, 5, "reply", 5);
  /* The RFC 8446 sequence: user_canceled, then close_notify. */
  CHECK_INT(gnutls_alert_send(f.P, GNUTLS_AL_WARNING, GNUTLS_A_USER_CANCELED), 0);
  CHECK_INT(gnutls_bye(f.P, GNUTLS_SHUT_WR), 0);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), GNUTLS_E_WARNING_ALERT_RECEIVED);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), 0);
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), 0);
  c = closure_of(f.L);
  CHECK_INT(c.outcome, CODA_CLOSURE_CLEAN);
  CHECK_INT(c.app_bytes_received, 5);
  close_fixture(&f);

  /* user_canceled arriving while bye(RDWR) waits is reported as a warning,
   * as bye reports warnings in TLS 1.2; bye again goes on to a clean close. */
  cu_begin(name("1.3 user_canceled while RDWR waits", srv));
  if (open_fixture(&f, srv) != 0) return;
  CHECK_INT(gnutls_alert_send(f.P, GNUTLS_AL_WARNING, GNUTLS_A_USER_CANCELED), 0);
  CHECK_INT(gnutls_bye(f.P, GNUTLS_SHUT_WR), 0);
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), GNUTLS_E_WARNING_ALERT_RECEIVED);
  CHECK_INT(gnutls_alert_get(f.L), GNUTLS_A_USER_CANCELED);
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), 0);
  CHECK_INT(closure_of(f.L).outcome, CODA_CLOSURE_CLEAN);
  close_fixture(&f);
}

/* A second bye sends nothing. */
static void test_second_bye(int srv) {
  fixture_t f;
  unsigned char buf[256];
  int i;
  cu_begin(name("a second bye sends no second close_notify", srv));
  if (open_fixture(&f, srv) != 0) return;
  CHECK_INT(gnutls_bye(f.P, GNUTLS_SHUT_WR), 0);
  CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), 0);
  CHECK_INT(f.lrec.out.len, CU_CLOSE_NOTIFY_13_LEN);
  for (i = 0; i < 2; i++) {
    CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_RDWR), 0);
    CHECK_INT(gnutls_bye(f.L, GNUTLS_SHUT_WR), 0);
  }
  CHECK_INT(f.lrec.out.len, CU_CLOSE_NOTIFY_13_LEN);
  CHECK_INT(cu_read_now(f.pfd, buf, sizeof buf), CU_CLOSE_NOTIFY_13_LEN);
  close_fixture(&f);
}

/* A pull function that reports more bytes than the room it was given: the
 * count is refused (GNUTLS_E_PULL_ERROR) rather than read past the buffer.
 * GnuTLS trusts the count. */
static ssize_t overreporting_pull(gnutls_transport_ptr_t ptr, void* data, size_t size) {
  ssize_t n = recv((int)(intptr_t)ptr, data, size, 0);
  return n > 0 ? (ssize_t)size + 4096 : n;
}

static void test_pull_overreport(int srv) {
  fixture_t f;
  static const char msg[] = "hello";
  char buf[64];
  cu_begin(name("a pull count beyond its room is a pull error", srv));
  if (open_fixture_rec(&f, srv, 0) != 0) return;
  gnutls_transport_set_ptr(f.L, (gnutls_transport_ptr_t)(intptr_t)f.lfd);
  gnutls_transport_set_pull_function(f.L, overreporting_pull);
  CHECK_INT(gnutls_record_send(f.P, msg, sizeof msg), (long long)sizeof msg);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), GNUTLS_E_PULL_ERROR);
  CHECK_INT(gnutls_record_recv(f.L, buf, sizeof buf), GNUTLS_E_INVALID_SESSION);
  close_fixture(&f);
}

int main(int argc, char** argv) {
  int srv;
  cu_init(argc, argv);
  for (srv = 0; srv <= 1; srv++) {
    test_discard_count(srv);
    test_user_canceled(srv);
    test_second_bye(srv);
    test_pull_overreport(srv);
  }
  test_memory_bounded();
  return cu_finish();
}
