/* Runs one closure scenario and prints its transcript.
 * Usage: closure_* SCENARIO VERSION DATA_DIR EXPECTED_LIBGNUTLS
 *          [--client-from PEER_BIN PEER_LIB | --client-fd FD]
 *   VERSION: tls13 (default priority) or tls12 (NORMAL:-VERS-ALL:+VERS-TLS1.2)
 *   EXPECTED_LIBGNUTLS: the library this binary must have loaded; it refuses
 *   to run on any other.
 *   --client-from: mixed run: this process is the server only; the client
 *   half runs in PEER_BIN (built against another libgnutls), started with
 *   --client-fd on the other end of the socketpair. Its lines come first, as
 *   usual. Scenarios run this way must not use post()/await(). */
#define _GNU_SOURCE 1 /* dladdr */
#include "harness.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/* Which headers this variant was compiled against: Coda's gnutls.h defines
 * CODA_GNUTLS_DEPRECATED, the real one does not. */
#if EXPECT_CODA_HEADERS && !defined(CODA_GNUTLS_DEPRECATED)
#error "the Coda variant must be compiled against Coda's include/ directory"
#endif
#if !EXPECT_CODA_HEADERS && defined(CODA_GNUTLS_DEPRECATED)
#error "the real variant must be compiled against the system's GnuTLS headers"
#endif

static struct side client_side, server_side;
static const struct scenario* current;
static const char* version = "tls13";
static gnutls_certificate_credentials_t server_cred, client_cred;
gnutls_certificate_credentials_t client_cert_cred;

/* ---- transcript ---- */

void say(struct side* sd, const char* fmt, ...) {
  va_list ap;
  size_t room = sizeof sd->log - sd->len;
  int n;
  if (room < 2) return;
  n = snprintf(sd->log + sd->len, room, "%s ", sd->name);
  if (n > 0 && (size_t)n < room) sd->len += (size_t)n;
  room = sizeof sd->log - sd->len;
  va_start(ap, fmt);
  n = vsnprintf(sd->log + sd->len, room, fmt, ap);
  va_end(ap);
  if (n > 0) sd->len += (size_t)n < room ? (size_t)n : room - 1;
  if (sd->len + 1 < sizeof sd->log) sd->log[sd->len++] = '\n';
}

int log_rc(struct side* sd, const char* call, int rc) {
  if (rc < 0) {
    const char* name = gnutls_strerror_name(rc);
    say(sd, "%s = %d %s", call, rc, name ? name : "(unnamed)");
  } else {
    say(sd, "%s = %d", call, rc);
  }
  return rc;
}

/* ---- keylog ---- */

/* The label and the length of every secret, in the order the library
 * reports them. "keylog_refused" returns an error from the callback on the
 * client's first application secret (TLS 1.2: the master secret), to show
 * what the handshake does then: it ends with that code, and no alert. */
static int keylog(gnutls_session_t s, const char* label, const gnutls_datum_t* secret) {
  struct side* sd = gnutls_session_get_ptr(s);
  say(sd, "keylog %s %u", label, secret->size);
  if (sd->nkeys < 8 && secret->size <= sizeof sd->keys[0].secret) {
    snprintf(sd->keys[sd->nkeys].label, sizeof sd->keys[0].label, "%s", label);
    memcpy(sd->keys[sd->nkeys].secret, secret->data, secret->size);
    sd->keys[sd->nkeys].size = secret->size;
    sd->nkeys++;
  }
  if (strcmp(current->name, "keylog_refused") == 0 && sd == &client_side &&
      (strcmp(label, "CLIENT_TRAFFIC_SECRET_0") == 0 || strcmp(label, "CLIENT_RANDOM") == 0))
    return GNUTLS_E_INTERNAL_ERROR;
  return 0;
}

void use_keylog(struct side* sd) {
  gnutls_session_set_keylog_function(sd->s, keylog);
}

void do_alpn_selected(struct side* sd) {
  gnutls_datum_t p = {NULL, 0};
  int rc = gnutls_alpn_get_selected_protocol(sd->s, &p);
  if (rc == 0)
    say(sd, "alpn_get_selected_protocol = 0 '%.*s'", (int)p.size, (const char*)p.data);
  else
    log_rc(sd, "alpn_get_selected_protocol", rc);
}

void compare_keylogs(struct side* sd) {
  const struct side* peer = sd == &client_side ? &server_side : &client_side;
  int i, j, matched = 0;
  for (i = 0; i < sd->nkeys; i++) {
    for (j = 0; j < peer->nkeys; j++)
      if (strcmp(sd->keys[i].label, peer->keys[j].label) == 0) break;
    if (j == peer->nkeys || sd->keys[i].size != peer->keys[j].size ||
        memcmp(sd->keys[i].secret, peer->keys[j].secret, sd->keys[i].size) != 0) {
      say(sd, "keylog %s differs from the peer's", sd->keys[i].label);
      return;
    }
    matched++;
  }
  say(sd, "keylog secrets equal to the peer's: %d of %d", matched, peer->nkeys);
  {
    /* The randoms that name the session in a key log: the same on both
     * sides, and the client's differs from the server's. */
    gnutls_datum_t mine_c, mine_s, peer_c, peer_s;
    gnutls_session_get_random(sd->s, &mine_c, &mine_s);
    gnutls_session_get_random(peer->s, &peer_c, &peer_s);
    say(sd, "session_get_random: %u/%u bytes, equal to the peer's: %s, client != server: %s",
        mine_c.size, mine_s.size,
        mine_c.size == peer_c.size && mine_s.size == peer_s.size &&
                memcmp(mine_c.data, peer_c.data, mine_c.size) == 0 &&
                memcmp(mine_s.data, peer_s.data, mine_s.size) == 0
            ? "yes"
            : "no",
        mine_c.size == mine_s.size && memcmp(mine_c.data, mine_s.data, mine_c.size) != 0 ? "yes"
                                                                                         : "no");
  }
}

static void dump(int fd) {
  /* write() only: also used from the alarm handler. */
  ssize_t w;
  w = write(fd, client_side.log, client_side.len);
  w = write(fd, server_side.log, server_side.len);
  (void)w;
}

static void on_alarm(int sig) {
  static const char msg[] = "TIMEOUT: scenario did not finish within 5 s\n";
  ssize_t w;
  (void)sig;
  dump(1);
  w = write(1, msg, sizeof msg - 1);
  (void)w;
  _exit(3);
}

/* ---- ordering ---- */

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int events[64];
static int split; /* the two sides are in different processes */

void post(int event) {
  pthread_mutex_lock(&mu);
  events[event] = 1;
  pthread_cond_broadcast(&cv);
  pthread_mutex_unlock(&mu);
}

void await(int event) {
  if (split) {
    static const char msg[] = "scenario uses await(): not runnable across processes\n";
    ssize_t w = write(2, msg, sizeof msg - 1);
    (void)w;
    _exit(2);
  }
  pthread_mutex_lock(&mu);
  while (!events[event]) pthread_cond_wait(&cv, &mu);
  pthread_mutex_unlock(&mu);
}

/* ---- session calls ---- */

static const char* how_name(gnutls_close_request_t how) {
  return how == GNUTLS_SHUT_RDWR ? "RDWR" : how == GNUTLS_SHUT_WR ? "WR" : "?";
}

int do_handshake(struct side* sd) {
  int rc;
  do {
    rc = gnutls_handshake(sd->s);
  } while (rc == GNUTLS_E_AGAIN || rc == GNUTLS_E_INTERRUPTED);
  log_rc(sd, "handshake", rc);
  if (rc == 0) {
    const char* v = gnutls_protocol_get_name(gnutls_protocol_get_version(sd->s));
    say(sd, "version = %s", v ? v : "(null)");
  }
  return rc;
}

int do_bye(struct side* sd, gnutls_close_request_t how) {
  char call[32];
  snprintf(call, sizeof call, "bye(%s)", how_name(how));
  return log_rc(sd, call, gnutls_bye(sd->s, how));
}

int do_send(struct side* sd, size_t n) {
  char buf[4096];
  char call[32];
  if (n > sizeof buf) n = sizeof buf;
  memset(buf, 'd', n);
  snprintf(call, sizeof call, "send(%zu)", n);
  return log_rc(sd, call, (int)gnutls_record_send(sd->s, buf, n));
}

int do_recv(struct side* sd) {
  char buf[16384];
  return log_rc(sd, "recv", (int)gnutls_record_recv(sd->s, buf, sizeof buf));
}

int do_recv_all(struct side* sd) {
  char buf[16384];
  long total = 0;
  ssize_t rc;
  for (;;) {
    rc = gnutls_record_recv(sd->s, buf, sizeof buf);
    if (rc <= 0) break;
    total += rc;
  }
  say(sd, "recv until end: %ld bytes", total);
  return log_rc(sd, "recv (last)", (int)rc);
}

int do_alert_send(struct side* sd, gnutls_alert_level_t level, gnutls_alert_description_t desc) {
  char call[64];
  snprintf(call, sizeof call, "alert_send(%s, %d)", level == GNUTLS_AL_FATAL ? "FATAL" : "WARNING",
           (int)desc);
  return log_rc(sd, call, gnutls_alert_send(sd->s, level, desc));
}

void do_alert_get(struct side* sd) {
  gnutls_alert_description_t a = gnutls_alert_get(sd->s);
  const char* n = gnutls_alert_get_name(a);
  say(sd, "alert_get = %d (%s)", (int)a, n ? n : "(null)");
}

void do_get_direction(struct side* sd) {
  say(sd, "record_get_direction = %d", gnutls_record_get_direction(sd->s));
}

void do_record_set_timeout(struct side* sd, unsigned ms) {
  gnutls_record_set_timeout(sd->s, ms);
  say(sd, "record_set_timeout(%u)", ms);
}

/* ---- raw transport ---- */

void raw_shutdown_wr(struct side* sd) {
  say(sd, "raw shutdown(SHUT_WR) = %d", shutdown(sd->fd, SHUT_WR));
}

void raw_write(struct side* sd, const void* data, size_t n) {
  say(sd, "raw write(%zu) = %zd", n, write(sd->fd, data, n));
}

static size_t read_to_eof(int fd, unsigned char* buf, size_t cap) {
  size_t got = 0;
  for (;;) {
    ssize_t r;
    unsigned char scratch[512];
    if (got < cap) {
      r = read(fd, buf + got, cap - got);
    } else {
      r = read(fd, scratch, sizeof scratch);
    }
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += (size_t)r;
  }
  return got;
}

void raw_read_all(struct side* sd) {
  unsigned char buf[4096];
  size_t n = read_to_eof(sd->fd, buf, sizeof buf - 1), i;
  int printable = 1;
  for (i = 0; i < n; i++)
    if (buf[i] < 32 || buf[i] > 126) printable = 0;
  buf[n] = 0;
  say(sd, "raw read until EOF = %zu bytes%s%s%s", n, printable && n ? " \"" : "",
      printable && n ? (const char*)buf : "", printable && n ? "\"" : "");
}

void raw_count_records(struct side* sd) {
  unsigned char buf[16384];
  size_t n = read_to_eof(sd->fd, buf, sizeof buf), off = 0;
  int records = 0;
  char types[256] = "";
  size_t tl = 0;
  while (off + 5 <= n) {
    size_t len = ((size_t)buf[off + 3] << 8) | buf[off + 4];
    if (tl + 8 < sizeof types)
      tl += (size_t)snprintf(types + tl, sizeof types - tl, " %d", buf[off]);
    records++;
    off += 5 + len;
  }
  say(sd, "raw read until EOF: %d records, content types:%s%s", records, types,
      off == n ? "" : " (trailing partial record)");
}

void set_nonblocking(struct side* sd) {
  int fl = fcntl(sd->fd, F_GETFL);
  say(sd, "raw set O_NONBLOCK = %d", fcntl(sd->fd, F_SETFL, fl | O_NONBLOCK));
}

static ssize_t custom_push(gnutls_transport_ptr_t p, const void* data, size_t n) {
  struct side* sd = (struct side*)p;
  if (sd->push_fail) {
    gnutls_transport_set_errno(sd->s, sd->push_fail);
    errno = sd->push_fail;
    return -1;
  }
  if (sd->push_eagain > 0) {
    sd->push_eagain--;
    gnutls_transport_set_errno(sd->s, EAGAIN);
    errno = EAGAIN;
    return -1;
  }
  if (sd->capture) {
    if (n > sizeof sd->cap - sd->caplen) n = sizeof sd->cap - sd->caplen;
    memcpy(sd->cap + sd->caplen, data, n);
    sd->caplen += n;
    return (ssize_t)n;
  }
  {
    const ssize_t sent = send(sd->fd, data, n, MSG_NOSIGNAL);
    if (sent < 0 && errno == EPIPE && sd->push_gone) return (ssize_t)n;
    return sent;
  }
}

static ssize_t custom_pull(gnutls_transport_ptr_t p, void* data, size_t n) {
  struct side* sd = (struct side*)p;
  if (sd->pull_fail) {
    gnutls_transport_set_errno(sd->s, sd->pull_fail);
    errno = sd->pull_fail;
    return -1;
  }
  if (sd->pull_eagain > 0) {
    sd->pull_eagain--;
    gnutls_transport_set_errno(sd->s, EAGAIN);
    errno = EAGAIN;
    return -1;
  }
  return recv(sd->fd, data, n, 0);
}

static int custom_pull_timeout(gnutls_transport_ptr_t p, unsigned ms) {
  struct side* sd = (struct side*)p;
  struct pollfd pfd;
  pfd.fd = sd->fd;
  pfd.events = POLLIN;
  pfd.revents = 0;
  if (sd->pull_eagain > 0 || sd->pull_fail) return 1; /* a failing socket polls readable */
  return poll(&pfd, 1, ms == GNUTLS_INDEFINITE_TIMEOUT ? -1 : (int)ms);
}

void use_custom_transport(struct side* sd) {
  gnutls_transport_set_ptr(sd->s, sd);
  gnutls_transport_set_push_function(sd->s, custom_push);
  gnutls_transport_set_pull_function(sd->s, custom_pull);
  gnutls_transport_set_pull_timeout_function(sd->s, custom_pull_timeout);
}

/* ---- setup ---- */

static int set_priority(struct side* sd) {
  if (strcmp(version, "tls13") == 0) return gnutls_set_default_priority(sd->s);
  if (strcmp(version, "tls12") == 0) {
    const char* err = NULL;
    return gnutls_priority_set_direct(sd->s, "NORMAL:-VERS-ALL:+VERS-TLS1.2", &err);
  }
  fprintf(stderr, "unknown version %s\n", version);
  exit(2);
}

static int start(struct side* sd, unsigned flags, gnutls_certificate_credentials_t cred) {
  int rc = gnutls_init(&sd->s, flags);
  if (rc < 0) return log_rc(sd, "init", rc);
  if ((rc = set_priority(sd)) < 0) return log_rc(sd, "priority", rc);
  if (current->no_credentials &
      (sd == &client_side ? NO_CREDENTIALS_CLIENT : NO_CREDENTIALS_SERVER))
    say(sd, "no credentials_set");
  else if ((rc = gnutls_credentials_set(sd->s, GNUTLS_CRD_CERTIFICATE, cred)) < 0)
    return log_rc(sd, "credentials_set", rc);
  gnutls_session_set_ptr(sd->s, sd);
  gnutls_transport_set_int(sd->s, sd->fd);
  /* After the transport: a setup may switch it (use_custom_transport). */
  if (current->setup) current->setup(sd);
  rc = do_handshake(sd);
  if (rc == GNUTLS_E_FATAL_ALERT_RECEIVED) do_alert_get(sd);
  if (rc < 0 && current->failed) current->failed(sd, rc);
  /* A failed handshake must not leave the peer waiting for ever. */
  if (rc < 0) shutdown(sd->fd, SHUT_RDWR);
  return rc;
}

int restart_session(struct side* sd, unsigned extra_flags) {
  const int server = sd == &server_side;
  if (sd->s) gnutls_deinit(sd->s);
  sd->s = NULL;
  say(sd, "-- next session");
  return start(sd, (server ? GNUTLS_SERVER : GNUTLS_CLIENT) | extra_flags,
               server ? server_cred : client_cred);
}

static void free_credentials(void) {
  gnutls_certificate_free_credentials(server_cred);
  gnutls_certificate_free_credentials(client_cred);
  gnutls_certificate_free_credentials(client_cert_cred);
}

static void* server_main(void* arg) {
  (void)arg;
  if (start(&server_side, GNUTLS_SERVER, server_cred) == 0) current->server(&server_side);
  return NULL;
}

/* The library that gnutls_bye comes from must be the expected one. */
static void check_library(const char* expected) {
  Dl_info info;
  char want[PATH_MAX], got[PATH_MAX];
  void* sym = (void*)&gnutls_bye;
  if (!dladdr(sym, &info) || !info.dli_fname) {
    fprintf(stderr, "dladdr(gnutls_bye) failed\n");
    exit(2);
  }
  if (!realpath(expected, want) || !realpath(info.dli_fname, got)) {
    fprintf(stderr, "cannot resolve %s or %s\n", expected, info.dli_fname);
    exit(2);
  }
  if (strcmp(want, got) != 0) {
    fprintf(stderr, "wrong library: gnutls_bye comes from %s, expected %s\n", got, want);
    exit(2);
  }
}

int main(int argc, char** argv) {
  static const struct scenario* const tables[] = {scenarios,
                                                  client_auth_scenarios,
                                                  key_update_scenarios,
                                                  credentials_scenarios,
                                                  resumption_scenarios,
                                                  early_data_scenarios,
                                                  resumption12_scenarios};
  size_t t;
  int sv[2], rc, i;
  pthread_t server_thread;
  char crt[PATH_MAX], key[PATH_MAX];
  int client_fd = -1;          /* --client-fd: run only the client, on this fd */
  const char* peer_bin = NULL; /* --client-from: run only the server */
  pid_t peer = -1;
  if (argc == 7 && strcmp(argv[5], "--client-fd") == 0) {
    client_fd = atoi(argv[6]);
  } else if (argc == 8 && strcmp(argv[5], "--client-from") == 0) {
    peer_bin = argv[6];
  } else if (argc != 5) {
    fprintf(stderr,
            "usage: %s SCENARIO tls13|tls12 DATA_DIR EXPECTED_LIBGNUTLS"
            " [--client-from PEER_BIN PEER_LIB | --client-fd FD]\n",
            argv[0]);
    return 2;
  }
  split = client_fd >= 0 || peer_bin != NULL;
  check_library(argv[4]);
  version = argv[2];
  for (t = 0; t < sizeof tables / sizeof tables[0]; t++)
    for (i = 0; tables[t][i].name; i++)
      if (strcmp(tables[t][i].name, argv[1]) == 0) current = &tables[t][i];
  if (!current) {
    fprintf(stderr, "unknown scenario %s\n", argv[1]);
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  signal(SIGALRM, on_alarm);
  alarm(5);

  if ((rc = gnutls_global_init()) < 0) {
    fprintf(stderr, "global_init = %d\n", rc);
    return 2;
  }
  snprintf(crt, sizeof crt, "%s/server.crt", argv[3]);
  snprintf(key, sizeof key, "%s/server.key", argv[3]);
  if (gnutls_certificate_allocate_credentials(&server_cred) < 0 ||
      gnutls_certificate_allocate_credentials(&client_cred) < 0 ||
      gnutls_certificate_allocate_credentials(&client_cert_cred) < 0 ||
      (rc = gnutls_certificate_set_x509_key_file(server_cred, crt, key, GNUTLS_X509_FMT_PEM)) < 0) {
    fprintf(stderr, "credentials: %d\n", rc);
    return 2;
  }
  snprintf(crt, sizeof crt, "%s/client-ca.crt", argv[3]);
  if ((rc = gnutls_certificate_set_x509_trust_file(server_cred, crt, GNUTLS_X509_FMT_PEM)) != 1) {
    fprintf(stderr, "client CA: %d\n", rc);
    return 2;
  }
  snprintf(crt, sizeof crt, "%s/client.crt", argv[3]);
  snprintf(key, sizeof key, "%s/client.key", argv[3]);
  if ((rc = gnutls_certificate_set_x509_key_file(client_cert_cred, crt, key, GNUTLS_X509_FMT_PEM)) <
      0) {
    fprintf(stderr, "client certificate: %d\n", rc);
    return 2;
  }
  client_side.name = "client";
  server_side.name = "server";
  if (client_fd >= 0) {
    /* The client half of a mixed run. */
    client_side.fd = client_fd;
    if (start(&client_side, GNUTLS_CLIENT, client_cred) == 0) current->client(&client_side);
    alarm(0);
    dump(1);
    if (client_side.s) gnutls_deinit(client_side.s);
    close(client_fd);
    free_credentials();
    gnutls_global_deinit();
    return 0;
  }
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
    perror("socketpair");
    return 2;
  }
  client_side.fd = sv[0];
  server_side.fd = sv[1];

  if (peer_bin) {
    char fdarg[16];
    fcntl(sv[1], F_SETFD, FD_CLOEXEC);
    snprintf(fdarg, sizeof fdarg, "%d", sv[0]);
    fflush(stdout);
    peer = fork();
    if (peer < 0) {
      perror("fork");
      return 2;
    }
    if (peer == 0) {
      execl(peer_bin, peer_bin, argv[1], argv[2], argv[3], argv[7], "--client-fd", fdarg,
            (char*)NULL);
      perror("execl");
      _exit(2);
    }
    close(sv[0]);
    sv[0] = -1;
    if (start(&server_side, GNUTLS_SERVER, server_cred) == 0) current->server(&server_side);
    /* The client prints its own lines when it ends: wait for them. */
    {
      int status = 0;
      ssize_t w;
      waitpid(peer, &status, 0);
      alarm(0);
      w = write(1, server_side.log, server_side.len);
      (void)w;
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "client %s failed\n", peer_bin);
        return 1;
      }
    }
    if (server_side.s) gnutls_deinit(server_side.s);
    close(sv[1]);
    free_credentials();
    gnutls_global_deinit();
    return 0;
  }

  pthread_create(&server_thread, NULL, server_main, NULL);
  if (start(&client_side, GNUTLS_CLIENT, client_cred) == 0) current->client(&client_side);
  pthread_join(server_thread, NULL);

  alarm(0);
  fflush(stdout);
  dump(1);
  if (client_side.s) gnutls_deinit(client_side.s);
  if (server_side.s) gnutls_deinit(server_side.s);
  close(sv[0]);
  close(sv[1]);
  free_credentials();
  gnutls_global_deinit();
  return 0;
}
