/* What programs written for GnuTLS rely on without saying so: exact return
 * values at the edges of the session API. The same source builds against
 * Coda's headers and library (API_EDGES_CODA=1) and against the real GnuTLS
 * (API_EDGES_CODA=0); run both and compare the "MATCH" lines with
 * compare_edges.sh.
 *
 * usage: api_edges CERTDIR      (CERTDIR made by make_certs.sh)
 * Output: "ok   NAME" / "FAIL NAME: expected ..., got ..." for each check,
 * "MATCH key = value" for each value the two libraries must agree on,
 * "INFO key = value" for values shown only, and "N passed, M failed" at the
 * end. Exits non-zero when a check failed.
 *
 * Never calls gnutls_global_init: the library must work without it. */
#include <errno.h>
#include <fcntl.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#ifndef API_EDGES_CODA
#define API_EDGES_CODA 0
#endif

static int passed, failed;
static char certdir[512];

/* ---- reporting ---- */

static const char* err_name(long v) {
  static char buf[4][64];
  static int n;
  const char* name;
  char* out = buf[n++ % 4];
  if (v >= 0) {
    snprintf(out, 64, "%ld", v);
    return out;
  }
  name = gnutls_strerror_name((int)v);
  snprintf(out, 64, "%s(%ld)", name != NULL ? name : "?", v);
  return out;
}

static void ok(const char* name) {
  passed++;
  printf("ok   %s\n", name);
}

static void fail(const char* name, const char* fmt, ...) {
  va_list ap;
  failed++;
  printf("FAIL %s: ", name);
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  printf("\n");
}

/* An exact return value (a GnuTLS error code or a count). */
static void expect_ret(const char* name, long actual, long expected) {
  if (actual == expected) {
    ok(name);
  } else {
    fail(name, "expected %s, got %s", err_name(expected), err_name(actual));
  }
}

static void expect_true(const char* name, int cond, const char* what) {
  if (cond) {
    ok(name);
  } else {
    fail(name, "%s", what);
  }
}

static void match(const char* key, const char* fmt, ...) {
  va_list ap;
  printf("MATCH %s = ", key);
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  printf("\n");
}

static void info(const char* key, const char* fmt, ...) {
  va_list ap;
  printf("INFO %s = ", key);
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  printf("\n");
}

/* Compared too, but a difference is only noted: behaviour GnuTLS leaves
 * open, or where both libraries fail safely with different codes. */
static void soft(const char* key, const char* fmt, ...) {
  va_list ap;
  printf("SOFT %s = ", key);
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  printf("\n");
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char* cert_path(const char* file) {
  static char buf[8][600];
  static int n;
  char* out = buf[n++ % 8];
  snprintf(out, 600, "%s/%s", certdir, file);
  return out;
}

/* ---- a client and a server over a socketpair ---- */

static gnutls_certificate_credentials_t client_cred, client_cred_nocert_trust, ecdsa_cred, rsa_cred;

struct pair {
  gnutls_session_t c, s;
  int cfd, sfd;
  int cinit, sinit; /* what gnutls_init returned */
};

static int new_pair(struct pair* p, unsigned cflags, unsigned sflags,
                    gnutls_certificate_credentials_t scred) {
  int fds[2];
  memset(p, 0, sizeof(*p));
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) {
    perror("socketpair");
    exit(2);
  }
  p->cfd = fds[0];
  p->sfd = fds[1];
  p->cinit = gnutls_init(&p->c, GNUTLS_CLIENT | cflags);
  p->sinit = gnutls_init(&p->s, GNUTLS_SERVER | sflags);
  if (p->cinit < 0 || p->sinit < 0) return -1;
  gnutls_set_default_priority(p->c);
  gnutls_credentials_set(p->c, GNUTLS_CRD_CERTIFICATE, client_cred);
  gnutls_server_name_set(p->c, GNUTLS_NAME_DNS, "localhost", 9);
  gnutls_session_set_verify_cert(p->c, "localhost", 0);
  gnutls_transport_set_int(p->c, p->cfd);
  gnutls_handshake_set_timeout(p->c, 5000);
  gnutls_record_set_timeout(p->c, 5000);

  gnutls_set_default_priority(p->s);
  gnutls_credentials_set(p->s, GNUTLS_CRD_CERTIFICATE, scred);
  gnutls_transport_set_int(p->s, p->sfd);
  gnutls_handshake_set_timeout(p->s, 5000);
  gnutls_record_set_timeout(p->s, 5000);
  return 0;
}

static void free_pair(struct pair* p) {
  if (p->c != NULL && p->cinit == 0) gnutls_deinit(p->c);
  if (p->s != NULL && p->sinit == 0) gnutls_deinit(p->s);
  if (p->cfd >= 0) close(p->cfd);
  if (p->sfd >= 0) close(p->sfd);
  memset(p, 0, sizeof(*p));
  p->cfd = p->sfd = -1;
}

/* The manual's loop: retry while the error is not fatal (bounded). */
static int handshake_loop(gnutls_session_t s, int* loops) {
  int ret, n = 0;
  do {
    ret = gnutls_handshake(s);
  } while (ret < 0 && gnutls_error_is_fatal(ret) == 0 && ++n < 2000);
  if (loops != NULL) *loops = n;
  return ret;
}

struct hs_job {
  gnutls_session_t s;
  int ret;
  int loops;
};

static void* hs_thread(void* arg) {
  struct hs_job* j = arg;
  j->ret = handshake_loop(j->s, &j->loops);
  return NULL;
}

/* Runs the server's handshake in a thread and the client's here. */
static void handshake_pair(struct pair* p, int* cret, int* sret) {
  pthread_t t;
  struct hs_job job = {p->s, 0, 0};
  pthread_create(&t, NULL, hs_thread, &job);
  *cret = handshake_loop(p->c, NULL);
  pthread_join(t, NULL);
  *sret = job.ret;
}

/* Reads exactly n bytes (records may split). */
static long recv_all(gnutls_session_t s, char* buf, size_t n) {
  size_t got = 0;
  int retries = 0;
  /* Like the manual's loops: a non-fatal error (GNUTLS_E_AGAIN after a
   * KeyUpdate, say) means "call again". */
  while (got < n) {
    long r = gnutls_record_recv(s, buf + got, n - got);
    if (r < 0 && gnutls_error_is_fatal((int)r) == 0 && ++retries < 100) continue;
    if (r <= 0) return r;
    got += (size_t)r;
  }
  return (long)got;
}

/* One record each way after a handshake: returns 1 when both arrive. */
static int exchange(struct pair* p) {
  char buf[16];
  if (gnutls_record_send(p->c, "ping", 4) != 4) return 0;
  if (recv_all(p->s, buf, 4) != 4 || memcmp(buf, "ping", 4) != 0) return 0;
  if (gnutls_record_send(p->s, "pong", 4) != 4) return 0;
  if (recv_all(p->c, buf, 4) != 4 || memcmp(buf, "pong", 4) != 0) return 0;
  return 1;
}

static int established(struct pair* p, unsigned cflags, unsigned sflags,
                       gnutls_certificate_credentials_t scred, const char* name) {
  int cret, sret;
  if (new_pair(p, cflags, sflags, scred) < 0) {
    fail(name, "gnutls_init: client %s, server %s", err_name(p->cinit), err_name(p->sinit));
    return 0;
  }
  handshake_pair(p, &cret, &sret);
  if (cret != 0 || sret != 0) {
    fail(name, "handshake: client %s, server %s", err_name(cret), err_name(sret));
    return 0;
  }
  return 1;
}

/* ---- a transport whose push and pull can be told to fail ---- */

struct tctx {
  gnutls_session_t s;
  int fd;
  int fail_push, fail_pull; /* how many calls still fail */
  int fail_errno;
  int use_set_errno; /* 1: gnutls_transport_set_errno; 0: plain errno */
  int fake_timeout;  /* pull_timeout returns 0 at once */
  int pt_calls;
  unsigned pt_first_ms, pt_max_ms;
  int pt_nonzero; /* calls with a non-zero wait */
};

static ssize_t t_fail(struct tctx* c) {
  if (c->use_set_errno) {
    gnutls_transport_set_errno(c->s, c->fail_errno);
    errno = 0;
  } else {
    errno = c->fail_errno;
  }
  return -1;
}

static ssize_t t_push(gnutls_transport_ptr_t ptr, const void* data, size_t len) {
  struct tctx* c = ptr;
  if (c->fail_push > 0) {
    c->fail_push--;
    return t_fail(c);
  }
  return send(c->fd, data, len, MSG_NOSIGNAL);
}

static ssize_t t_pull(gnutls_transport_ptr_t ptr, void* data, size_t len) {
  struct tctx* c = ptr;
  if (c->fail_pull > 0) {
    c->fail_pull--;
    return t_fail(c);
  }
  return recv(c->fd, data, len, 0);
}

static int t_pull_timeout(gnutls_transport_ptr_t ptr, unsigned ms) {
  struct tctx* c = ptr;
  struct pollfd pfd;
  if (c->pt_calls == 0) c->pt_first_ms = ms;
  c->pt_calls++;
  if (ms != GNUTLS_INDEFINITE_TIMEOUT && ms > c->pt_max_ms) c->pt_max_ms = ms;
  if (ms != 0) c->pt_nonzero++;
  if (c->fake_timeout) return 0;
  pfd.fd = c->fd;
  pfd.events = POLLIN;
  pfd.revents = 0;
  /* Bounded: an indefinite wait becomes 5 s so nothing hangs. */
  return poll(&pfd, 1, ms == GNUTLS_INDEFINITE_TIMEOUT || ms > 5000 ? 5000 : (int)ms);
}

static void use_tctx(gnutls_session_t s, int fd, struct tctx* c) {
  memset(c, 0, sizeof(*c));
  c->s = s;
  c->fd = fd;
  gnutls_transport_set_ptr(s, c);
  gnutls_transport_set_push_function(s, t_push);
  gnutls_transport_set_pull_function(s, t_pull);
  gnutls_transport_set_pull_timeout_function(s, t_pull_timeout);
}

/* ---- the checks ---- */

static void test_no_global_init(void) {
  struct pair p;
  expect_true("no_global_init.check_version", gnutls_check_version(NULL) != NULL,
              "gnutls_check_version(NULL) returned NULL");
  if (established(&p, 0, 0, ecdsa_cred, "no_global_init.handshake")) {
    ok("no_global_init.handshake");
    expect_true("no_global_init.exchange", exchange(&p), "data did not flow");
  }
  free_pair(&p);
}

static void test_send_resume(int err, int use_set_errno, const char* tag) {
  struct pair p;
  struct tctx c;
  char name[128], msg[1000], got[1000];
  long r;
  int cret, sret;
  int i;
  for (i = 0; i < (int)sizeof(msg); i++) msg[i] = (char)('a' + i % 26);
  new_pair(&p, 0, 0, ecdsa_cred);
  use_tctx(p.c, p.cfd, &c);
  handshake_pair(&p, &cret, &sret);
  snprintf(name, sizeof(name), "send_resume.%s.handshake", tag);
  if (cret != 0 || sret != 0) {
    fail(name, "client %s, server %s", err_name(cret), err_name(sret));
    free_pair(&p);
    return;
  }
  c.fail_push = 1;
  c.fail_errno = err;
  c.use_set_errno = use_set_errno;
  r = gnutls_record_send(p.c, msg, sizeof(msg));
  snprintf(name, sizeof(name), "send_resume.%s.first", tag);
  expect_ret(name, r, err == EINTR ? GNUTLS_E_INTERRUPTED : GNUTLS_E_AGAIN);
  match(name, "%s", err_name(r));
  r = gnutls_record_send(p.c, NULL, 0);
  snprintf(name, sizeof(name), "send_resume.%s.resume_null_0", tag);
  expect_ret(name, r, (long)sizeof(msg));
  match(name, "%s", err_name(r));
  r = recv_all(p.s, got, sizeof(got));
  snprintf(name, sizeof(name), "send_resume.%s.delivered", tag);
  expect_true(name, r == (long)sizeof(got) && memcmp(got, msg, sizeof(msg)) == 0,
              "the server did not receive the 1000 bytes intact");
  free_pair(&p);
}

static void test_pull_errors(int err, int use_set_errno, const char* tag) {
  struct pair p;
  struct tctx c;
  char name[128], buf[16];
  long r;
  int cret, sret;
  new_pair(&p, 0, 0, ecdsa_cred);
  use_tctx(p.c, p.cfd, &c);
  handshake_pair(&p, &cret, &sret);
  if (cret != 0 || sret != 0) {
    snprintf(name, sizeof(name), "pull_error.%s.handshake", tag);
    fail(name, "client %s, server %s", err_name(cret), err_name(sret));
    free_pair(&p);
    return;
  }
  /* Data is waiting, so the pull (not a timeout) is what fails. */
  gnutls_record_send(p.s, "later", 5);
  c.fail_pull = 1;
  c.fail_errno = err;
  c.use_set_errno = use_set_errno;
  r = gnutls_record_recv(p.c, buf, sizeof(buf));
  snprintf(name, sizeof(name), "pull_error.%s.recv", tag);
  expect_ret(name, r, err == EINTR ? GNUTLS_E_INTERRUPTED : GNUTLS_E_AGAIN);
  match(name, "%s", err_name(r));
  /* After the failure the session still works. */
  r = recv_all(p.c, buf, 5);
  snprintf(name, sizeof(name), "pull_error.%s.then_recv", tag);
  expect_ret(name, r, 5);
  free_pair(&p);
}

static void test_push_errors(int err, int use_set_errno, const char* tag) {
  struct pair p;
  struct tctx c;
  char name[128];
  long r;
  int cret, sret;
  new_pair(&p, 0, 0, ecdsa_cred);
  use_tctx(p.c, p.cfd, &c);
  handshake_pair(&p, &cret, &sret);
  if (cret != 0 || sret != 0) {
    snprintf(name, sizeof(name), "push_error.%s.handshake", tag);
    fail(name, "client %s, server %s", err_name(cret), err_name(sret));
    free_pair(&p);
    return;
  }
  c.fail_push = 1;
  c.fail_errno = err;
  c.use_set_errno = use_set_errno;
  r = gnutls_record_send(p.c, "abc", 3);
  snprintf(name, sizeof(name), "push_error.%s.send", tag);
  expect_ret(name, r, err == EINTR ? GNUTLS_E_INTERRUPTED : GNUTLS_E_AGAIN);
  match(name, "%s", err_name(r));
  free_pair(&p);
}

static void test_record_timeout(void) {
  struct pair p;
  struct tctx c;
  char buf[16];
  long r;
  int cret, sret;
  new_pair(&p, 0, 0, ecdsa_cred);
  use_tctx(p.c, p.cfd, &c);
  handshake_pair(&p, &cret, &sret);
  if (cret != 0 || sret != 0) {
    fail("record_timeout.handshake", "client %s, server %s", err_name(cret), err_name(sret));
    free_pair(&p);
    return;
  }
  gnutls_record_set_timeout(p.c, 1234);
  c.pt_calls = 0;
  c.pt_max_ms = 0;
  c.fake_timeout = 1;
  r = gnutls_record_recv(p.c, buf, sizeof(buf));
  expect_ret("record_timeout.recv_times_out", r, GNUTLS_E_TIMEDOUT);
  match("record_timeout.recv", "%s", err_name(r));
  expect_true("record_timeout.pull_timeout_called", c.pt_calls >= 1,
              "the pull-timeout function was never called");
  if (c.pt_calls >= 1) {
    if (c.pt_first_ms <= 1234 && c.pt_first_ms > 1000) {
      ok("record_timeout.ms_in_1001_1234");
    } else {
      fail("record_timeout.ms_in_1001_1234", "pull_timeout called with ms=%u", c.pt_first_ms);
    }
  }
  info("record_timeout.first_ms", "%u", c.pt_first_ms);
  free_pair(&p);
}

/* Both sides GNUTLS_NONBLOCK, driven by hand on non-blocking sockets; the
 * pull-timeout function must never be asked to wait. */
static struct {
  int calls, nonzero;
  unsigned max_ms;
} nb_rec[2];

static int nb_side_pull_timeout(int side, gnutls_transport_ptr_t ptr, unsigned ms) {
  nb_rec[side].calls++;
  if (ms != 0) nb_rec[side].nonzero++;
  if (ms != GNUTLS_INDEFINITE_TIMEOUT && ms > nb_rec[side].max_ms) nb_rec[side].max_ms = ms;
  /* Never wait here, whatever was asked. */
  return gnutls_system_recv_timeout(ptr, 0);
}
static int nb_pt_client(gnutls_transport_ptr_t ptr, unsigned ms) {
  return nb_side_pull_timeout(0, ptr, ms);
}
static int nb_pt_server(gnutls_transport_ptr_t ptr, unsigned ms) {
  return nb_side_pull_timeout(1, ptr, ms);
}

static void test_nonblock(void) {
  struct pair p;
  int cret = GNUTLS_E_AGAIN, sret = GNUTLS_E_AGAIN, i;
  char buf[16];
  long r;
  memset(nb_rec, 0, sizeof(nb_rec));
  new_pair(&p, GNUTLS_NONBLOCK, GNUTLS_NONBLOCK, ecdsa_cred);
  /* As a non-blocking program would: no handshake or record timeout set. */
  fcntl(p.cfd, F_SETFL, O_NONBLOCK);
  fcntl(p.sfd, F_SETFL, O_NONBLOCK);
  gnutls_transport_set_pull_timeout_function(p.c, nb_pt_client);
  gnutls_transport_set_pull_timeout_function(p.s, nb_pt_server);
  gnutls_record_set_timeout(p.c, 0);
  gnutls_record_set_timeout(p.s, 0);
  gnutls_handshake_set_timeout(p.c, 0);
  gnutls_handshake_set_timeout(p.s, 0);
  for (i = 0; i < 10000 && (cret != 0 || sret != 0); i++) {
    if (cret != 0) {
      cret = gnutls_handshake(p.c);
      if (cret < 0 && gnutls_error_is_fatal(cret)) break;
    }
    if (sret != 0) {
      sret = gnutls_handshake(p.s);
      if (sret < 0 && gnutls_error_is_fatal(sret)) break;
    }
  }
  if (cret != 0 || sret != 0) {
    fail("nonblock.handshake", "client %s, server %s", err_name(cret), err_name(sret));
  } else {
    ok("nonblock.handshake");
  }
  r = gnutls_record_recv(p.c, buf, sizeof(buf));
  expect_ret("nonblock.recv_without_data", r, GNUTLS_E_AGAIN);
  if (nb_rec[0].nonzero == 0 && nb_rec[1].nonzero == 0) {
    ok("nonblock.pull_timeout_never_waits");
  } else {
    fail("nonblock.pull_timeout_never_waits",
         "called with a non-zero wait: client %d times (max %u ms), server %d times (max %u ms)",
         nb_rec[0].nonzero, nb_rec[0].max_ms, nb_rec[1].nonzero, nb_rec[1].max_ms);
  }
  info("nonblock.pull_timeout_calls", "client %d, server %d", nb_rec[0].calls, nb_rec[1].calls);
  free_pair(&p);
}

/* ---- handshake hooks ---- */

static struct {
  int calls, send_bad, recv_bad;
  int send_ret, recv_ret; /* the first ones seen */
} hook_rec;

static int io_hook(gnutls_session_t s, unsigned htype, unsigned when, unsigned incoming,
                   const gnutls_datum_t* msg) {
  char buf[4];
  int rs, rr;
  (void)htype;
  (void)when;
  (void)incoming;
  (void)msg;
  rs = (int)gnutls_record_send(s, "x", 1);
  rr = (int)gnutls_record_recv(s, buf, sizeof(buf));
  if (hook_rec.calls == 0) {
    hook_rec.send_ret = rs;
    hook_rec.recv_ret = rr;
  }
  hook_rec.calls++;
  if (rs != GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE) {
    if (hook_rec.send_bad == 0) hook_rec.send_ret = rs;
    hook_rec.send_bad++;
  }
  if (rr != GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE) {
    if (hook_rec.recv_bad == 0) hook_rec.recv_ret = rr;
    hook_rec.recv_bad++;
  }
  return 0;
}

static void test_hooks(void) {
  struct pair p;
  int cret, sret, side;
  char buf[4];
  long r;
  const char* names[2] = {"client", "server"};
  char name[128];

  /* Before any handshake. */
  new_pair(&p, 0, 0, ecdsa_cred);
  r = gnutls_record_send(p.c, "x", 1);
  expect_ret("hook.send_before_handshake", r, GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE);
  match("hook.send_before_handshake", "%s", err_name(r));
  gnutls_record_set_timeout(p.c, 200);
  r = gnutls_record_recv(p.c, buf, sizeof(buf));
  expect_ret("hook.recv_before_handshake", r, GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE);
  match("hook.recv_before_handshake", "%s", err_name(r));
  free_pair(&p);

  for (side = 0; side < 2; side++) {
    new_pair(&p, 0, 0, ecdsa_cred);
    memset(&hook_rec, 0, sizeof(hook_rec));
    gnutls_handshake_set_hook_function(side == 0 ? p.c : p.s, GNUTLS_HANDSHAKE_ANY,
                                       GNUTLS_HOOK_BOTH, io_hook);
    handshake_pair(&p, &cret, &sret);
    snprintf(name, sizeof(name), "hook.%s.handshake", names[side]);
    if (cret != 0 || sret != 0) {
      fail(name, "client %s, server %s", err_name(cret), err_name(sret));
    } else {
      ok(name);
    }
    snprintf(name, sizeof(name), "hook.%s.called", names[side]);
    expect_true(name, hook_rec.calls > 0, "the hook was never called");
    info(name, "%d", hook_rec.calls);
    snprintf(name, sizeof(name), "hook.%s.send_unavailable", names[side]);
    if (hook_rec.send_bad == 0) {
      ok(name);
    } else {
      fail(name, "%d of %d sends from the hook did not return %s (first: %s)", hook_rec.send_bad,
           hook_rec.calls, err_name(GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE),
           err_name(hook_rec.send_ret));
    }
    snprintf(name, sizeof(name), "hook.%s.recv_unavailable", names[side]);
    if (hook_rec.recv_bad == 0) {
      ok(name);
    } else {
      fail(name, "%d of %d receives from the hook did not return %s (first: %s)", hook_rec.recv_bad,
           hook_rec.calls, err_name(GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE),
           err_name(hook_rec.recv_ret));
    }
    snprintf(name, sizeof(name), "hook.%s.first_send", names[side]);
    match(name, "%s", err_name(hook_rec.send_ret));
    snprintf(name, sizeof(name), "hook.%s.first_recv", names[side]);
    match(name, "%s", err_name(hook_rec.recv_ret));
    if (cret == 0 && sret == 0) {
      snprintf(name, sizeof(name), "hook.%s.exchange_after", names[side]);
      expect_true(name, exchange(&p), "data did not flow after the handshake");
    }
    free_pair(&p);
  }
}

static void test_last_in_out(void) {
  struct pair p;
  static const int descs[] = {GNUTLS_HANDSHAKE_HELLO_REQUEST,
                              GNUTLS_HANDSHAKE_CLIENT_HELLO,
                              GNUTLS_HANDSHAKE_SERVER_HELLO,
                              GNUTLS_HANDSHAKE_NEW_SESSION_TICKET,
                              GNUTLS_HANDSHAKE_END_OF_EARLY_DATA,
                              GNUTLS_HANDSHAKE_ENCRYPTED_EXTENSIONS,
                              GNUTLS_HANDSHAKE_CERTIFICATE_PKT,
                              GNUTLS_HANDSHAKE_CERTIFICATE_REQUEST,
                              GNUTLS_HANDSHAKE_CERTIFICATE_VERIFY,
                              GNUTLS_HANDSHAKE_FINISHED,
                              GNUTLS_HANDSHAKE_KEY_UPDATE,
                              GNUTLS_HANDSHAKE_CHANGE_CIPHER_SPEC,
                              GNUTLS_HANDSHAKE_CLIENT_HELLO_V2,
                              GNUTLS_HANDSHAKE_HELLO_RETRY_REQUEST,
                              GNUTLS_HANDSHAKE_ANY,
                              200};
  unsigned i;
  char key[64];
  if (established(&p, 0, 0, ecdsa_cred, "last_in_out.handshake")) {
    int ci = (int)gnutls_handshake_get_last_in(p.c), co = (int)gnutls_handshake_get_last_out(p.c);
    int si = (int)gnutls_handshake_get_last_in(p.s), so = (int)gnutls_handshake_get_last_out(p.s);
    /* GnuTLS: "If the previous handshake succeed ... no meaningful value
     * will be returned" (3.7.9 returns -1); compared, not asserted. A
     * failed handshake is checked in test_require_client_cert. */
    ok("last_in_out.handshake");
    soft("last_in_out.client_in", "%d", ci);
    soft("last_in_out.client_out", "%d", co);
    soft("last_in_out.server_in", "%d", si);
    soft("last_in_out.server_out", "%d", so);
  }
  free_pair(&p);
  for (i = 0; i < sizeof(descs) / sizeof(descs[0]); i++) {
    const char* n = gnutls_handshake_description_get_name((gnutls_handshake_description_t)descs[i]);
    snprintf(key, sizeof(key), "description_name.%d", descs[i]);
    match(key, "%s", n != NULL ? n : "(null)");
  }
  expect_true("description_name.client_hello",
              gnutls_handshake_description_get_name(GNUTLS_HANDSHAKE_CLIENT_HELLO) != NULL &&
                  strcmp(gnutls_handshake_description_get_name(GNUTLS_HANDSHAKE_CLIENT_HELLO),
                         "CLIENT HELLO") == 0,
              "the name of GNUTLS_HANDSHAKE_CLIENT_HELLO is not \"CLIENT HELLO\"");
}

/* ---- a raw peer that writes plaintext records at a server ---- */

static void write_all(int fd, const void* data, size_t len) {
  const char* p = data;
  while (len > 0) {
    ssize_t n = send(fd, p, len, MSG_NOSIGNAL);
    if (n <= 0) return;
    p += n;
    len -= (size_t)n;
  }
}

static void alert_record(unsigned char out[7], int level, int desc, int minor) {
  out[0] = 21; /* alert */
  out[1] = 3;
  out[2] = (unsigned char)minor;
  out[3] = 0;
  out[4] = 2;
  out[5] = (unsigned char)level;
  out[6] = (unsigned char)desc;
}

/* A server session on one end of a socketpair; the raw peer has the other. */
static gnutls_session_t raw_server(int* raw_fd, int* srv_fd) {
  int fds[2];
  gnutls_session_t s;
  socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
  *raw_fd = fds[0];
  *srv_fd = fds[1];
  gnutls_init(&s, GNUTLS_SERVER);
  gnutls_set_default_priority(s);
  gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, ecdsa_cred);
  gnutls_transport_set_int(s, fds[1]);
  gnutls_handshake_set_timeout(s, 4000);
  gnutls_record_set_timeout(s, 4000);
  return s;
}

static void test_alert_before_hello(int level, int desc, const char* tag, long expected) {
  int raw, sfd, ret, loops;
  unsigned char rec[7];
  char key[96];
  gnutls_session_t s = raw_server(&raw, &sfd);
  alert_record(rec, level, desc, 1);
  write_all(raw, rec, sizeof(rec));
  ret = gnutls_handshake(s);
  snprintf(key, sizeof(key), "alert_before_hello.%s.first_return", tag);
  match(key, "%s", err_name(ret));
  expect_ret(key, ret, expected);
  /* The manual's loop must end too (the peer stays silent, connected). */
  if (ret < 0 && gnutls_error_is_fatal(ret) == 0) ret = handshake_loop(s, &loops);
  snprintf(key, sizeof(key), "alert_before_hello.%s.loop_return", tag);
  match(key, "%s", err_name(ret));
  expect_true(key, ret < 0 && gnutls_error_is_fatal(ret),
              "the handshake loop did not end in a fatal error");
  gnutls_deinit(s);
  close(raw);
  close(sfd);
}

/* Captures a client's first flight (its ClientHello record). */
struct capture {
  unsigned char buf[4096];
  size_t len;
};

static ssize_t cap_push(gnutls_transport_ptr_t ptr, const void* data, size_t len) {
  struct capture* c = ptr;
  if (c->len + len > sizeof(c->buf)) len = sizeof(c->buf) - c->len;
  memcpy(c->buf + c->len, data, len);
  c->len += len;
  return (ssize_t)len;
}

static ssize_t cap_pull(gnutls_transport_ptr_t ptr, void* data, size_t len) {
  (void)ptr;
  (void)data;
  (void)len;
  errno = EAGAIN;
  return -1;
}

static int cap_pull_timeout(gnutls_transport_ptr_t ptr, unsigned ms) {
  (void)ptr;
  (void)ms;
  return 0;
}

static size_t client_hello(unsigned char* out, size_t cap) {
  gnutls_session_t c;
  static struct capture capt;
  memset(&capt, 0, sizeof(capt));
  gnutls_init(&c, GNUTLS_CLIENT | GNUTLS_NONBLOCK);
  gnutls_set_default_priority(c);
  gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, client_cred);
  gnutls_server_name_set(c, GNUTLS_NAME_DNS, "localhost", 9);
  gnutls_transport_set_ptr(c, &capt);
  gnutls_transport_set_push_function(c, cap_push);
  gnutls_transport_set_pull_function(c, cap_pull);
  gnutls_transport_set_pull_timeout_function(c, cap_pull_timeout);
  gnutls_handshake(c);
  gnutls_deinit(c);
  if (capt.len > cap) return 0;
  memcpy(out, capt.buf, capt.len);
  return capt.len;
}

static void test_alert_flood(int after_hello) {
  int raw, sfd, ret, loops = 0, i;
  unsigned char rec[7];
  unsigned char* flood = malloc(7 * 100);
  const char* tag = after_hello ? "after_client_hello" : "before_client_hello";
  char key[96];
  double t0, elapsed;
  gnutls_session_t s = raw_server(&raw, &sfd);
  if (after_hello) {
    unsigned char ch[4096];
    size_t n = client_hello(ch, sizeof(ch));
    if (n == 0) {
      snprintf(key, sizeof(key), "alert_flood.%s.client_hello", tag);
      fail(key, "no ClientHello captured");
    }
    write_all(raw, ch, n);
  }
  /* After a ClientHello the records carry the negotiated legacy version. */
  alert_record(rec, 1, 90 /* user_canceled, a warning */, after_hello ? 3 : 1);
  for (i = 0; i < 100; i++) memcpy(flood + 7 * i, rec, 7);
  write_all(raw, flood, 7 * 100);
  free(flood);
  t0 = now_s();
  ret = handshake_loop(s, &loops);
  elapsed = now_s() - t0;
  snprintf(key, sizeof(key), "alert_flood.%s.return", tag);
  if (after_hello) {
    soft(key, "%s", err_name(ret)); /* any fatal code will do */
  } else {
    match(key, "%s", err_name(ret));
  }
  expect_true(key, ret < 0 && gnutls_error_is_fatal(ret) && loops < 2000,
              "the handshake did not end in a fatal error");
  snprintf(key, sizeof(key), "alert_flood.%s.not_by_timeout", tag);
  if (ret != GNUTLS_E_TIMEDOUT) {
    ok(key);
  } else {
    fail(key, "ended only by the handshake timeout (%.1f s), not by the flood", elapsed);
  }
  snprintf(key, sizeof(key), "alert_flood.%s.loops", tag);
  info(key, "%d (%.2f s)", loops, elapsed);
  gnutls_deinit(s);
  close(raw);
  close(sfd);
}

/* ---- flags, priorities, algorithms ---- */

static void test_init_flags(void) {
  static const struct {
    unsigned flag;
    const char* name;
  } flags[] = {{GNUTLS_ENABLE_FALSE_START, "ENABLE_FALSE_START"},
               {GNUTLS_ENABLE_EARLY_START, "ENABLE_EARLY_START"},
               {GNUTLS_POST_HANDSHAKE_AUTH, "POST_HANDSHAKE_AUTH"},
               {GNUTLS_NO_SIGNAL, "NO_SIGNAL"}};
  unsigned i;
  char name[96];
  for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
    struct pair p;
    int cret, sret;
    new_pair(&p, flags[i].flag, flags[i].flag, ecdsa_cred);
    snprintf(name, sizeof(name), "init_flags.%s.init", flags[i].name);
    if (p.cinit == 0 && p.sinit == 0) {
      ok(name);
    } else {
      fail(name, "gnutls_init: client %s, server %s", err_name(p.cinit), err_name(p.sinit));
      free_pair(&p);
      continue;
    }
    handshake_pair(&p, &cret, &sret);
    snprintf(name, sizeof(name), "init_flags.%s.handshake", flags[i].name);
    if (cret == 0 && sret == 0) {
      ok(name);
      snprintf(name, sizeof(name), "init_flags.%s.exchange", flags[i].name);
      expect_true(name, exchange(&p), "data did not flow");
    } else {
      fail(name, "client %s, server %s", err_name(cret), err_name(sret));
    }
    free_pair(&p);
  }
}

static void test_priorities(void) {
  static const char* good[] = {"NORMAL:-VERS-ALL:+VERS-TLS1.3",
                               "NORMAL:-VERS-TLS-ALL:+VERS-TLS1.3"};
  static const char bad[] = "NORMAL:-VERS-ALL:+VERS-TLS1.3:+BOGUS-TOKEN:-CIPHER-ALL";
  unsigned i;
  char name[96];
  const char* err_pos = NULL;
  long r;
  for (i = 0; i < 2; i++) {
    struct pair p;
    int cret, sret;
    new_pair(&p, 0, 0, ecdsa_cred);
    err_pos = NULL;
    r = gnutls_priority_set_direct(p.c, good[i], &err_pos);
    snprintf(name, sizeof(name), "priority.good%u.set_direct", i);
    expect_ret(name, r, 0);
    handshake_pair(&p, &cret, &sret);
    snprintf(name, sizeof(name), "priority.good%u.handshake_tls13", i);
    if (cret == 0 && sret == 0 && gnutls_protocol_get_version(p.c) == GNUTLS_TLS1_3) {
      ok(name);
    } else {
      fail(name, "client %s, server %s, version %d", err_name(cret), err_name(sret),
           (int)gnutls_protocol_get_version(p.c));
    }
    free_pair(&p);
  }
  {
    gnutls_session_t s;
    gnutls_init(&s, GNUTLS_CLIENT);
    err_pos = NULL;
    r = gnutls_priority_set_direct(s, bad, &err_pos);
    expect_ret("priority.bad.set_direct", r, GNUTLS_E_INVALID_REQUEST);
    match("priority.bad.set_direct", "%s", err_name(r));
    {
      long want = (long)(strstr(bad, "+BOGUS") - bad);
      long at = err_pos != NULL ? (long)(err_pos - bad) : -1;
      match("priority.bad.err_pos_offset", "%ld", at);
      if (at == want) {
        ok("priority.bad.err_pos_at_token");
      } else {
        fail("priority.bad.err_pos_at_token",
             "err_pos at offset %ld (\"%s\"), expected %ld (\"%s\")", at,
             err_pos != NULL ? err_pos : "(null)", want, bad + want);
      }
    }
    gnutls_deinit(s);
  }
  {
    gnutls_priority_t prio = NULL;
    err_pos = NULL;
    r = gnutls_priority_init(&prio, bad, &err_pos);
    expect_ret("priority.bad.init", r, GNUTLS_E_INVALID_REQUEST);
    match("priority.bad.init_err_pos_offset", "%ld", err_pos != NULL ? (long)(err_pos - bad) : -1L);
    if (r == 0) gnutls_priority_deinit(prio);
  }
}

static void test_rsa_pss(void) {
  struct pair p;
  if (established(&p, 0, 0, rsa_cred, "rsa_pss.handshake")) {
    int sig = (int)gnutls_sign_algorithm_get(p.c);
    const char* n = gnutls_sign_get_name((gnutls_sign_algorithm_t)sig);
    expect_ret("rsa_pss.client_sign_algorithm", sig, GNUTLS_SIGN_RSA_PSS_RSAE_SHA256);
    match("rsa_pss.client_sign_algorithm", "%d %s", sig, n != NULL ? n : "(null)");
    match("rsa_pss.desc", "%s", gnutls_protocol_get_version(p.c) == GNUTLS_TLS1_3 ? "TLS1.3" : "?");
  }
  free_pair(&p);
}

/* ---- assorted calls ---- */

static void test_misc(void) {
  int fds[2], r;
  gnutls_session_t s;
  unsigned char a[32], b[32], zero[32];
  gnutls_datum_t d = {NULL, 0};
  struct stat st;

  /* gnutls_transport_get_int */
  gnutls_init(&s, GNUTLS_CLIENT);
  gnutls_transport_set_int(s, 42);
  expect_ret("misc.transport_get_int", gnutls_transport_get_int(s), 42);
  gnutls_deinit(s);

  /* gnutls_system_recv_timeout */
  socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
  r = gnutls_system_recv_timeout((gnutls_transport_ptr_t)(intptr_t)fds[0], 50);
  expect_ret("misc.system_recv_timeout.no_data", r, 0);
  match("misc.system_recv_timeout.no_data", "%d", r);
  write_all(fds[1], "z", 1);
  r = gnutls_system_recv_timeout((gnutls_transport_ptr_t)(intptr_t)fds[0], 50);
  expect_true("misc.system_recv_timeout.data", r > 0, "no data reported on a readable socket");
  match("misc.system_recv_timeout.data", "%d", r);
  close(fds[0]);
  close(fds[1]);

  /* gnutls_rnd */
  memset(zero, 0, sizeof(zero));
  expect_ret("misc.rnd.nonce", gnutls_rnd(GNUTLS_RND_NONCE, a, sizeof(a)), 0);
  expect_ret("misc.rnd.random", gnutls_rnd(GNUTLS_RND_RANDOM, b, sizeof(b)), 0);
  expect_true("misc.rnd.differs", memcmp(a, b, 32) != 0 && memcmp(a, zero, 32) != 0,
              "two random draws are equal or zero");
  expect_ret("misc.rnd.key", gnutls_rnd(GNUTLS_RND_KEY, a, sizeof(a)), 0);

  /* gnutls_load_file */
  r = gnutls_load_file(cert_path("ca.pem"), &d);
  expect_ret("misc.load_file", r, 0);
  stat(cert_path("ca.pem"), &st);
  expect_true("misc.load_file.size", r == 0 && d.size == (unsigned)st.st_size && d.data != NULL,
              "the datum does not hold the whole file");
  if (r == 0) gnutls_free(d.data);
  d.data = NULL;
  r = gnutls_load_file(cert_path("no-such-file"), &d);
  expect_ret("misc.load_file.missing", r, GNUTLS_E_FILE_ERROR);
  match("misc.load_file.missing", "%s", err_name(r));

  /* gnutls_fips140_mode_enabled */
  match("misc.fips140_mode_enabled", "%u", gnutls_fips140_mode_enabled());
  expect_ret("misc.fips140_mode_enabled", (long)gnutls_fips140_mode_enabled(), 0);

  /* anonymous credentials */
  {
    gnutls_anon_client_credentials_t ac = NULL;
    gnutls_anon_server_credentials_t as = NULL;
    expect_ret("misc.anon.allocate_client", gnutls_anon_allocate_client_credentials(&ac), 0);
    expect_ret("misc.anon.allocate_server", gnutls_anon_allocate_server_credentials(&as), 0);
    gnutls_anon_free_client_credentials(ac);
    gnutls_anon_free_server_credentials(as);
    ok("misc.anon.free");
  }
}

/* The cipher and cipher-suite information calls. The suite table is
 * compared on the suites Coda speaks (the real one lists many more), keyed
 * by name; the priority's suites likewise, in their order. */
static int coda_speaks(const unsigned char id[2]) {
  static const unsigned short ids[] = {0x1301, 0x1302, 0x1303, 0xc02b, 0xc02c,
                                       0xc02f, 0xc030, 0xcca8, 0xcca9};
  unsigned i;
  for (i = 0; i < sizeof ids / sizeof ids[0]; i++)
    if (((unsigned)id[0] << 8 | id[1]) == ids[i]) return 1;
  return 0;
}

static void test_cipher_info(void) {
  char key[64], list[2048];
  unsigned char id[2];
  gnutls_kx_algorithm_t kx;
  gnutls_cipher_algorithm_t c;
  gnutls_mac_algorithm_t m;
  gnutls_protocol_t v;
  gnutls_priority_t prio;
  const char* name;
  size_t i;
  unsigned j, idx, spoken = 0;
  int r;
  struct pair p;
  int cret, sret;

  for (i = 0; i < 48; i++) {
    snprintf(key, sizeof key, "cipher_sizes.%zu", i);
    match(key, "key=%zu iv=%u tag=%u block=%u", gnutls_cipher_get_key_size(i),
          gnutls_cipher_get_iv_size(i), gnutls_cipher_get_tag_size(i),
          gnutls_cipher_get_block_size(i));
  }
  for (i = 0; i < 1000 && (name = gnutls_cipher_suite_info(i, id, &kx, &c, &m, &v)) != NULL; i++) {
    if (!coda_speaks(id)) continue;
    spoken++;
    snprintf(key, sizeof key, "suite_info.%s", name);
    match(key, "%02x%02x kx=%d cipher=%d mac=%d version=%d", id[0], id[1], kx, c, m, v);
  }
  expect_true("suite_info.spoken", spoken == 9, "not every suite Coda speaks is listed");
  match("suite_name.ecdhe_ecdsa_aes128gcm", "%s",
        gnutls_cipher_suite_get_name(GNUTLS_KX_ECDHE_ECDSA, GNUTLS_CIPHER_AES_128_GCM,
                                     GNUTLS_MAC_AEAD));

  expect_ret("suite_index.priority_init", gnutls_priority_init(&prio, "NORMAL", NULL), 0);
  list[0] = '\0';
  for (j = 0; j < 1000; j++) {
    r = gnutls_priority_get_cipher_suite_index(prio, j, &idx);
    if (r == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE) break;
    if (r == GNUTLS_E_UNKNOWN_CIPHER_SUITE) continue;
    if (r < 0) {
      fail("suite_index.loop", "error %d at %u", r, j);
      break;
    }
    name = gnutls_cipher_suite_info(idx, id, NULL, NULL, NULL, NULL);
    if (name != NULL && coda_speaks(id) && strlen(list) + strlen(name) + 2 < sizeof list) {
      strcat(list, name);
      strcat(list, " ");
    }
  }
  expect_true("suite_index.ends", j < 1000, "the index loop does not end");
  match("suite_index.NORMAL", "%s", list);
  gnutls_priority_deinit(prio);

  new_pair(&p, 0, 0, ecdsa_cred);
  handshake_pair(&p, &cret, &sret);
  expect_ret("ciphersuite_get.handshake", cret, 0);
  name = gnutls_ciphersuite_get(p.c);
  match("ciphersuite_get.client", "%s", name != NULL ? name : "(null)");
  /* The server never asked to verify a certificate. */
  match("verify_cert_status.unset", "%u", gnutls_session_get_verify_cert_status(p.s));
  match("verify_cert_status.verified", "%u", gnutls_session_get_verify_cert_status(p.c));
  free_pair(&p);
  new_pair(&p, 0, 0, ecdsa_cred);
  match("verify_cert_status.before_handshake", "%u", gnutls_session_get_verify_cert_status(p.c));
  free_pair(&p);
}

/* The pull_timeout function during the handshake: GnuTLS calls it only when
 * the program set a handshake timeout, never for the 40 s default. */
static int pull_timeout_calls;
static int counting_pull_timeout(gnutls_transport_ptr_t ptr, unsigned ms) {
  (void)ms;
  pull_timeout_calls++;
  return gnutls_system_recv_timeout(ptr, 5000);
}

static void test_handshake_pull_timeout(int set_timeout) {
  struct pair p;
  int cret, sret;
  char key[64];
  new_pair(&p, 0, 0, ecdsa_cred);
  /* new_pair set a timeout: a fresh client session without one. */
  gnutls_deinit(p.c);
  gnutls_init(&p.c, GNUTLS_CLIENT);
  gnutls_set_default_priority(p.c);
  gnutls_credentials_set(p.c, GNUTLS_CRD_CERTIFICATE, client_cred);
  gnutls_transport_set_int(p.c, p.cfd);
  gnutls_transport_set_pull_timeout_function(p.c, counting_pull_timeout);
  if (set_timeout) gnutls_handshake_set_timeout(p.c, 5000);
  pull_timeout_calls = 0;
  handshake_pair(&p, &cret, &sret);
  snprintf(key, sizeof key, "handshake_pull_timeout.%s", set_timeout ? "set" : "default");
  match(key, "handshake=%s called=%s", err_name(cret), pull_timeout_calls > 0 ? "yes" : "no");
  free_pair(&p);
}

/* gnutls_error_to_alert for every error code: the alert and its level. */
static void test_error_to_alert(void) {
  char key[64];
  int err, level, alert;
  for (err = -1; err > -500; err--) {
    level = -1;
    alert = gnutls_error_to_alert(err, &level);
    snprintf(key, sizeof key, "error_to_alert.%d", err);
    match(key, "%d/%d", alert, level);
  }
}

/* gnutls_strerror, gnutls_strerror_name and gnutls_error_is_fatal for every
 * code from 0 down to -1300 (GnuTLS names 192 of them) and a few positive
 * ones: the same text, name and fatality as GnuTLS. */
static void test_strerror(void) {
  char key[64];
  int err;
  for (err = 5; err > -1300; err--) {
    const char* name = gnutls_strerror_name(err);
    const char* text = gnutls_strerror(err);
    snprintf(key, sizeof key, "strerror.%d", err);
    match(key, "%s|%s|%d", name != NULL ? name : "(null)", text != NULL ? text : "(null)",
          gnutls_error_is_fatal(err));
  }
}

static void test_require_client_cert(void) {
  struct pair p;
  int cret, sret;
  long r = 0;
  char buf[8];
  new_pair(&p, 0, 0, ecdsa_cred);
  gnutls_certificate_server_set_request(p.s, GNUTLS_CERT_REQUIRE);
  handshake_pair(&p, &cret, &sret);
  match("require_cert.server_handshake", "%s", err_name(sret));
  match("require_cert.client_handshake", "%s", err_name(cret));
  expect_true("require_cert.server_fails", sret < 0 && gnutls_error_is_fatal(sret),
              "the server's handshake did not fail");
  match("require_cert.server_last_in", "%d", (int)gnutls_handshake_get_last_in(p.s));
  match("require_cert.server_last_out", "%d", (int)gnutls_handshake_get_last_out(p.s));
  if (cret == 0) {
    /* TLS 1.3: the client finishes first. GnuTLS sends no alert of its own
     * when a handshake fails; the program (as the manual's examples do)
     * closes the connection. */
    close(p.sfd);
    p.sfd = -1;
    gnutls_record_set_timeout(p.c, 2000);
    r = gnutls_record_recv(p.c, buf, sizeof(buf));
    /* GnuTLS sends no alert (the client sees the closed socket); an alert
     * from the server is as good. */
    soft("require_cert.client_first_recv", "%s", err_name(r));
  }
  expect_true("require_cert.client_fails", cret < 0 || (r < 0 && gnutls_error_is_fatal((int)r)),
              "the client saw no failure");
  free_pair(&p);
}

static void test_rehandshake(void) {
  struct pair p;
  long r;
  char buf[16];
  if (!established(&p, 0, 0, ecdsa_cred, "rehandshake.handshake")) {
    free_pair(&p);
    return;
  }
  r = gnutls_rehandshake(p.c);
  match("rehandshake.client", "%s", err_name(r));
  expect_ret("rehandshake.client", r, GNUTLS_E_INVALID_REQUEST);
  r = gnutls_rehandshake(p.s);
  match("rehandshake.server_tls13", "%s", err_name(r));
  expect_ret("rehandshake.server_tls13", r, 0);
  gnutls_record_send(p.s, "after", 5);
  r = recv_all(p.c, buf, 5);
  match("rehandshake.client_recv_after", "%s", err_name(r));
  expect_ret("rehandshake.client_recv_after", r, 5);
  r = gnutls_record_send(p.c, "back", 4);
  expect_ret("rehandshake.client_send_after", r, 4);
  r = recv_all(p.s, buf, 4);
  expect_ret("rehandshake.server_recv_after", r, 4);
  free_pair(&p);
}

static void test_session_info(void) {
  struct pair p;
  unsigned status = 12345, list_size = 0;
  const gnutls_datum_t* peers;
  char* desc;
  int r;
  if (!established(&p, 0, 0, ecdsa_cred, "info.handshake")) {
    free_pair(&p);
    return;
  }
  expect_ret("info.protocol", gnutls_protocol_get_version(p.c), GNUTLS_TLS1_3);
  match("info.protocol", "%d", (int)gnutls_protocol_get_version(p.c));
  match("info.cipher", "%s", gnutls_cipher_get_name(gnutls_cipher_get(p.c)));
  expect_true("info.cipher_aead",
              gnutls_cipher_get(p.c) == GNUTLS_CIPHER_AES_128_GCM ||
                  gnutls_cipher_get(p.c) == GNUTLS_CIPHER_AES_256_GCM ||
                  gnutls_cipher_get(p.c) == GNUTLS_CIPHER_CHACHA20_POLY1305,
              "not a TLS 1.3 AEAD");
  match("info.kx", "%d", (int)gnutls_kx_get(p.c));
  match("info.kx_server", "%d", (int)gnutls_kx_get(p.s));
  match("info.mac", "%d", (int)gnutls_mac_get(p.c));
  expect_ret("info.mac_aead", gnutls_mac_get(p.c), GNUTLS_MAC_AEAD);
  desc = gnutls_session_get_desc(p.c);
  match("info.desc_client", "%s", desc != NULL ? desc : "(null)");
  expect_true("info.desc_client", desc != NULL && strncmp(desc, "(TLS1.3)-", 9) == 0,
              "the description does not start with (TLS1.3)-");
  gnutls_free(desc);
  desc = gnutls_session_get_desc(p.s);
  match("info.desc_server", "%s", desc != NULL ? desc : "(null)");
  gnutls_free(desc);

  peers = gnutls_certificate_get_peers(p.c, &list_size);
  expect_true("info.get_peers", peers != NULL && list_size == 1 && peers[0].size > 100,
              "the client has no peer certificate");
  match("info.get_peers.list_size", "%u", list_size);
  list_size = 77;
  peers = gnutls_certificate_get_peers(p.s, &list_size);
  soft("info.get_peers.server_side", "%s %u", peers != NULL ? "list" : "NULL", list_size);

  r = gnutls_certificate_verify_peers3(p.c, "wrong.example.com", &status);
  expect_ret("info.verify_peers3.wrong_host.ret", r, 0);
  expect_true("info.verify_peers3.wrong_host.status",
              (status & GNUTLS_CERT_UNEXPECTED_OWNER) != 0 && (status & GNUTLS_CERT_INVALID) != 0,
              "status lacks GNUTLS_CERT_UNEXPECTED_OWNER | GNUTLS_CERT_INVALID");
  match("info.verify_peers3.wrong_host.status", "0x%x", status);
  status = 12345;
  r = gnutls_certificate_verify_peers3(p.c, "localhost", &status);
  expect_ret("info.verify_peers3.right_host.ret", r, 0);
  expect_ret("info.verify_peers3.right_host.status", (long)status, 0);
  status = 12345;
  r = gnutls_certificate_verify_peers3(p.c, NULL, &status);
  match("info.verify_peers3.no_host", "%s status 0x%x", err_name(r), status);
  free_pair(&p);
}

/* NULL and out-of-range arguments to every call: api_arguments.c. */

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s CERTDIR\n", argv[0]);
    return 2;
  }
  snprintf(certdir, sizeof(certdir), "%s", argv[1]);
  signal(SIGPIPE, SIG_IGN);
  alarm(240); /* nothing here may hang: the whole run is bounded */
  printf("INFO library = %s (%s)\n", API_EDGES_CODA ? "coda" : "real gnutls",
         gnutls_check_version(NULL));

  /* No gnutls_global_init anywhere in this program. */
  if (gnutls_certificate_allocate_credentials(&client_cred) < 0 ||
      gnutls_certificate_set_x509_trust_file(client_cred, cert_path("ca.pem"),
                                             GNUTLS_X509_FMT_PEM) <= 0 ||
      gnutls_certificate_allocate_credentials(&ecdsa_cred) < 0 ||
      gnutls_certificate_set_x509_key_file(ecdsa_cred, cert_path("ecdsa.pem"),
                                           cert_path("ecdsa.key"), GNUTLS_X509_FMT_PEM) < 0 ||
      gnutls_certificate_allocate_credentials(&rsa_cred) < 0 ||
      gnutls_certificate_set_x509_key_file(rsa_cred, cert_path("rsa.pem"), cert_path("rsa.key"),
                                           GNUTLS_X509_FMT_PEM) < 0) {
    printf("FAIL setup: cannot load the certificates from %s\n", certdir);
    printf("0 passed, 1 failed\n");
    return 1;
  }
  (void)client_cred_nocert_trust;

  test_no_global_init();
  test_send_resume(EAGAIN, 1, "eagain_set_errno");
  test_send_resume(EAGAIN, 0, "eagain_errno");
  test_send_resume(EINTR, 1, "eintr_set_errno");
  test_push_errors(EAGAIN, 1, "eagain_set_errno");
  test_push_errors(EAGAIN, 0, "eagain_errno");
  test_push_errors(EINTR, 1, "eintr_set_errno");
  test_push_errors(EINTR, 0, "eintr_errno");
  test_pull_errors(EAGAIN, 1, "eagain_set_errno");
  test_pull_errors(EAGAIN, 0, "eagain_errno");
  test_pull_errors(EINTR, 1, "eintr_set_errno");
  test_pull_errors(EINTR, 0, "eintr_errno");
  test_record_timeout();
  test_nonblock();
  test_hooks();
  test_last_in_out();
  test_alert_before_hello(1, 0, "warning_close_notify", GNUTLS_E_UNEXPECTED_PACKET);
  test_alert_before_hello(1, 90, "warning_user_canceled", GNUTLS_E_UNEXPECTED_PACKET);
  test_alert_before_hello(2, 40, "fatal_handshake_failure", GNUTLS_E_UNEXPECTED_PACKET);
  test_alert_flood(0);
  test_alert_flood(1);
  test_init_flags();
  test_priorities();
  test_rsa_pss();
  test_misc();
  test_cipher_info();
  test_error_to_alert();
  test_strerror();
  test_handshake_pull_timeout(0);
  test_handshake_pull_timeout(1);
  test_require_client_cert();
  test_rehandshake();
  test_session_info();

  gnutls_certificate_free_credentials(client_cred);
  gnutls_certificate_free_credentials(ecdsa_cred);
  gnutls_certificate_free_credentials(rsa_cred);
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
