#define _GNU_SOURCE 1
#include "closure_util.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

int cu_passed, cu_failed;
static const char* current_test = "(setup)";
static gnutls_certificate_credentials_t server_creds, client_creds;

void cu_begin(const char* test) {
  current_test = test;
  fprintf(stderr, "-- %s\n", test);
}

void cu_check(int ok, const char* file, int line, const char* what) {
  if (ok) {
    cu_passed++;
    return;
  }
  cu_failed++;
  fprintf(stderr, "FAIL [%s] %s:%d: %s\n", current_test, file, line, what);
}

void cu_check_int(long long actual, long long expected, const char* file, int line,
                  const char* what) {
  if (actual == expected) {
    cu_passed++;
    return;
  }
  cu_failed++;
  fprintf(stderr, "FAIL [%s] %s:%d: %s: expected %lld, got %lld\n", current_test, file, line, what,
          expected, actual);
}

void cu_check_mem(const void* actual, size_t actual_len, const void* expected, size_t expected_len,
                  const char* file, int line, const char* what) {
  if (actual_len == expected_len &&
      (actual_len == 0 || memcmp(actual, expected, actual_len) == 0)) {
    cu_passed++;
    return;
  }
  cu_failed++;
  fprintf(stderr, "FAIL [%s] %s:%d: %s: lengths %zu vs %zu%s\n", current_test, file, line, what,
          actual_len, expected_len, actual_len == expected_len ? ", contents differ" : "");
}

int cu_finish(void) {
  printf("%d passed, %d failed\n", cu_passed, cu_failed);
  fflush(stdout);
  gnutls_certificate_free_credentials(server_creds);
  gnutls_certificate_free_credentials(client_creds);
  return cu_failed == 0 && cu_passed > 0 ? 0 : 1;
}

static void die(const char* what, int code) {
  fprintf(stderr, "setup failed: %s: %d\n", what, code);
  exit(2);
}

void cu_init(int argc, char** argv) {
  char cert[1024], key[1024];
  const char* dir = argc > 1 ? argv[1] : "data";
  int ret;
  setvbuf(stderr, NULL, _IONBF, 0);
  snprintf(cert, sizeof cert, "%s/server.crt", dir);
  snprintf(key, sizeof key, "%s/server.key", dir);
  if ((ret = gnutls_global_init()) < 0) die("global_init", ret);
  if ((ret = gnutls_certificate_allocate_credentials(&server_creds)) < 0) die("creds", ret);
  if ((ret = gnutls_certificate_set_x509_key_file(server_creds, cert, key, GNUTLS_X509_FMT_PEM)) <
      0)
    die("key file", ret);
  if ((ret = gnutls_certificate_allocate_credentials(&client_creds)) < 0) die("creds", ret);
}

gnutls_session_t cu_session(int server, unsigned extra_flags) {
  gnutls_session_t s;
  int ret = gnutls_init(&s, (server ? GNUTLS_SERVER : GNUTLS_CLIENT) | extra_flags);
  if (ret < 0) die("gnutls_init", ret);
  /* TLS 1.3 unless the test is registered for another version. */
  const char* priority = getenv("CODA_TEST_PRIORITY");
  ret = gnutls_priority_set_direct(s, priority ? priority : "NORMAL:-VERS-ALL:+VERS-TLS1.3", NULL);
  if (ret < 0) die("priority", ret);
  ret = gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, server ? server_creds : client_creds);
  if (ret < 0) die("credentials", ret);
  if (!server) gnutls_server_name_set(s, GNUTLS_NAME_DNS, "closure.test", 12);
  return s;
}

int cu_tls13_only(void) {
  const char* priority = getenv("CODA_TEST_PRIORITY");
  return priority == NULL || strstr(priority, "TLS1.3") != NULL;
}

void cu_socketpair(int fds[2]) {
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) die("socketpair", errno);
}

void cu_set_nonblock(int fd, int on) {
  int fl = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, on ? fl | O_NONBLOCK : fl & ~O_NONBLOCK);
}

typedef struct {
  gnutls_session_t s;
  int ret;
} hs_arg_t;

static void* handshake_thread(void* p) {
  hs_arg_t* a = p;
  do {
    a->ret = gnutls_handshake(a->s);
  } while (a->ret == GNUTLS_E_AGAIN || a->ret == GNUTLS_E_INTERRUPTED);
  return NULL;
}

int cu_handshake_both(gnutls_session_t c, gnutls_session_t s) {
  hs_arg_t server = {s, 0}, client = {c, 0};
  pthread_t t = cu_spawn(handshake_thread, &server);
  handshake_thread(&client);
  cu_join(t);
  if (client.ret != 0 || server.ret != 0) {
    fprintf(stderr, "handshake failed: client %d server %d\n", client.ret, server.ret);
    return -1;
  }
  return 0;
}

int cu_pair_open(cu_pair_t* p) {
  int fds[2];
  cu_socketpair(fds);
  p->cfd = fds[0];
  p->sfd = fds[1];
  p->c = cu_session(0, 0);
  p->s = cu_session(1, 0);
  gnutls_transport_set_int(p->c, p->cfd);
  gnutls_transport_set_int(p->s, p->sfd);
  return cu_handshake_both(p->c, p->s);
}

void cu_pair_close(cu_pair_t* p) {
  if (p->c) gnutls_deinit(p->c);
  if (p->s) gnutls_deinit(p->s);
  if (p->cfd >= 0) close(p->cfd);
  if (p->sfd >= 0) close(p->sfd);
  p->c = p->s = NULL;
  p->cfd = p->sfd = -1;
}

void cu_buf_add(cu_buf_t* b, const void* data, size_t len) {
  if (b->len + len > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + len) cap *= 2;
    b->data = realloc(b->data, cap);
    if (!b->data) die("realloc", 0);
    b->cap = cap;
  }
  memcpy(b->data + b->len, data, len);
  b->len += len;
}

void cu_buf_free(cu_buf_t* b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

static void rec_fail(cu_rec_t* r, int err) {
  if (r->use_plain_errno)
    errno = err;
  else
    gnutls_transport_set_errno(r->session, err);
}

static ssize_t rec_push(gnutls_transport_ptr_t ptr, const void* data, size_t len) {
  cu_rec_t* r = ptr;
  size_t n = len;
  ssize_t w;
  if (r->push_budget == 0) {
    rec_fail(r, r->budget_errno ? r->budget_errno : EAGAIN);
    return -1;
  }
  if (r->push_budget > 0 && n > (size_t)r->push_budget) n = (size_t)r->push_budget;
  if (r->capture) {
    w = (ssize_t)n;
  } else {
    w = send(r->fd, data, n, MSG_NOSIGNAL);
    if (w < 0) {
      rec_fail(r, errno);
      return -1;
    }
  }
  cu_buf_add(&r->out, data, (size_t)w);
  if (r->push_budget > 0) r->push_budget -= w;
  r->push_calls++;
  return w;
}

static ssize_t rec_pull(gnutls_transport_ptr_t ptr, void* data, size_t len) {
  cu_rec_t* r = ptr;
  ssize_t n;
  if (r->pull_fail_errno) {
    rec_fail(r, r->pull_fail_errno);
    return -1;
  }
  if (r->pull_max > 0 && len > r->pull_max) len = r->pull_max;
  n = recv(r->fd, data, len, 0);
  if (n < 0) {
    rec_fail(r, errno);
    return -1;
  }
  if (n > 0) {
    cu_buf_add(&r->in, data, (size_t)n);
    r->pull_calls++;
  }
  return n;
}

static int rec_pull_timeout(gnutls_transport_ptr_t ptr, unsigned ms) {
  cu_rec_t* r = ptr;
  struct pollfd pfd = {r->fd, POLLIN, 0};
  int ret;
  if (r->pull_fail_errno) return 1; /* a reset socket polls readable */
  ret = poll(&pfd, 1, ms == GNUTLS_INDEFINITE_TIMEOUT ? -1 : (int)ms);
  return ret;
}

void cu_rec_attach(cu_rec_t* r, gnutls_session_t s, int fd) {
  memset(r, 0, sizeof *r);
  r->session = s;
  r->fd = fd;
  r->push_budget = -1;
  gnutls_transport_set_ptr(s, r);
  gnutls_transport_set_push_function(s, rec_push);
  gnutls_transport_set_pull_function(s, rec_pull);
  gnutls_transport_set_pull_timeout_function(s, rec_pull_timeout);
}

void cu_rec_free(cu_rec_t* r) {
  cu_buf_free(&r->out);
  cu_buf_free(&r->in);
}

int cu_records(const unsigned char* data, size_t len, cu_record_t* out, int max) {
  size_t pos = 0;
  int n = 0;
  while (pos < len) {
    size_t flen;
    if (len - pos < 5) return -1;
    flen = ((size_t)data[pos + 3] << 8) | data[pos + 4];
    if (len - pos < 5 + flen) return -1;
    if (n < max) {
      out[n].type = data[pos];
      out[n].length = flen;
    }
    n++;
    pos += 5 + flen;
  }
  return n;
}

double cu_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

void cu_sleep_ms(int ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}

static long status_kb(const char* field) {
  char line[256];
  long kb = -1;
  size_t flen = strlen(field);
  FILE* f = fopen("/proc/self/status", "r");
  if (!f) return -1;
  while (fgets(line, sizeof line, f)) {
    if (strncmp(line, field, flen) == 0) {
      kb = strtol(line + flen, NULL, 10);
      break;
    }
  }
  fclose(f);
  return kb;
}

long cu_rss_kb(void) {
  return status_kb("VmRSS:");
}
long cu_hwm_kb(void) {
  return status_kb("VmHWM:");
}

long cu_read_now(int fd, void* buf, size_t size) {
  ssize_t n = recv(fd, buf, size, MSG_DONTWAIT);
  return n < 0 ? -errno : n;
}

size_t cu_read_full(int fd, void* buf, size_t size) {
  size_t got = 0;
  while (got < size) {
    ssize_t n = read(fd, (char*)buf + got, size - got);
    if (n <= 0) break;
    got += (size_t)n;
  }
  return got;
}

size_t cu_recv_all(gnutls_session_t s, void* buf, size_t total, ssize_t* last) {
  size_t got = 0;
  ssize_t n = 0;
  while (got < total) {
    n = gnutls_record_recv(s, (char*)buf + got, total - got);
    if (n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED) continue;
    if (n <= 0) break;
    got += (size_t)n;
  }
  if (last) *last = n;
  return got;
}

int cu_send_all(gnutls_session_t s, const void* buf, size_t len) {
  size_t sent = 0;
  while (sent < len) {
    ssize_t n = gnutls_record_send(s, (const char*)buf + sent, len - sent);
    if (n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED) continue;
    if (n < 0) return (int)n;
    sent += (size_t)n;
  }
  return 0;
}

void cu_pattern(void* buf, size_t len, unsigned seed) {
  unsigned char* p = buf;
  uint32_t x = seed * 2654435761u + 1;
  size_t i;
  for (i = 0; i < len; i++) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    p[i] = (unsigned char)x;
  }
}

pthread_t cu_spawn(void* (*fn)(void*), void* arg) {
  pthread_t t;
  if (pthread_create(&t, NULL, fn, arg) != 0) die("pthread_create", errno);
  return t;
}

void cu_join(pthread_t t) {
  pthread_join(t, NULL);
}

size_t cu_close_notify_len(gnutls_session_t s) {
  if (gnutls_protocol_get_version(s) == GNUTLS_TLS1_3) return CU_CLOSE_NOTIFY_13_LEN;
  return gnutls_cipher_get(s) == GNUTLS_CIPHER_CHACHA20_POLY1305 ? 23 : 31;
}
