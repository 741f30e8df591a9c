/* coda_load: the load test's client. Keeps N TLS sessions open at once
 * against coda-serv --echo from one thread and one epoll loop, through
 * Coda's GnuTLS C API, for R rounds (or for a number of seconds), and
 * checks after each round that coda-serv (and this client) hold no more
 * descriptors than after the first round and that their memory stays
 * within a bound after a warm-up round. Prints "N passed, M failed" and
 * exits non-zero on any failure (2 on bad usage).
 *
 *   coda_load --port P --cafile CA.pem --server-pid PID [--sessions 2000]
 *             [--rounds 3] [--seconds S] [--version 1.3|1.2] [--priority S]
 *             [--payload BYTES] [--max-pending K] [--round-timeout SECONDS]
 *             [--corrupt-session I] [--rss-bound on|off]
 *
 * --rss-bound off is for sanitizer builds, where the allocator keeps freed
 * memory in quarantine on purpose and LeakSanitizer checks for leaks at
 * exit instead: RSS is then printed, not bounded. */
#define _GNU_SOURCE 1
#include <arpa/inet.h>
#include <errno.h>
#include <gnutls/gnutls.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "load_round.h"
#include "proc_stats.h"

/* How long a round's end may take to show at the server: its last sessions
 * finish as soon as our FIN arrives, so this only bounds a slow machine. */
enum { kIdleWaitMs = 5000 };

/* The memory bounds after the warm-up round. Once the first round has run,
 * the heaps hold every size class the sessions use and later rounds reuse
 * them; at coda-serv, measured as it is, what is left is allocator noise
 * (which free chunk a request lands in, glibc trimming only the top of the
 * heap, how many sessions happened to be in their handshake together).
 * Measured with 2000 sessions over a 64-round soak: coda-serv's idle RSS
 * stayed within -1.6/+1.0 MiB of round 1 (~25 MiB); the client, which trims
 * its heap before measuring itself, within 0.2 MiB (~10 MiB). That noise does not
 * grow with the rounds; a leak does, and every round is checked. The
 * bounds, with room for a busier machine: coda-serv 2 MiB plus 5% of the
 * most it held with all sessions open (~3.3 MiB in all), the client 1 MiB.
 * Three rounds of 2000 catch a leak of about 1 KiB per session at
 * coda-serv and 256 bytes in the client; a soak of many rounds, a few bytes. */
enum { kServerSlackKb = 2048, kServerSlackPercentOfOpen = 5, kClientSlackKb = 1024 };

typedef struct {
  unsigned port;
  const char* cafile;
  pid_t server_pid;
  unsigned sessions, rounds, seconds, max_pending, round_timeout_s;
  size_t payload_max;
  const char* priority;
  gnutls_protocol_t version;
  int corrupt_index;
  int rss_bound; /* 0: RSS printed only (sanitizer builds) */
} options_t;

static int checks_passed, checks_failed;

static void check(int ok, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
static void check(int ok, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  printf("  %s ", ok ? "ok  " : "FAIL");
  vprintf(fmt, ap);
  printf("\n");
  va_end(ap);
  if (ok) {
    checks_passed++;
  } else {
    checks_failed++;
  }
}

static int usage(const char* why) {
  fprintf(stderr, "coda_load: %s\n", why);
  fprintf(stderr,
          "usage: coda_load --port P --cafile CA.pem [--server-pid PID] [--sessions N] "
          "[--rounds R] [--seconds S] [--version 1.3|1.2] [--priority S] [--payload BYTES] "
          "[--max-pending K] [--round-timeout SECONDS] [--corrupt-session I] "
          "[--rss-bound on|off]\n");
  return 2;
}

static int parse_unsigned(const char* text, unsigned long max, unsigned long* out) {
  char* end = NULL;
  errno = 0;
  const unsigned long v = strtoul(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || text[0] == '-' || v > max) return 0;
  *out = v;
  return 1;
}

static int parse_options(int argc, char** argv, options_t* o) {
  *o = (options_t){.sessions = 2000,
                   .rounds = 3,
                   .max_pending = 256,
                   .round_timeout_s = 60,
                   .payload_max = 6144,
                   .corrupt_index = -1,
                   .rss_bound = 1};
  for (int i = 1; i < argc; i++) {
    const char* name = argv[i];
    if (i + 1 >= argc) return usage("every option takes a value");
    const char* value = argv[++i];
    unsigned long v = 0;
    if (strcmp(name, "--cafile") == 0) {
      o->cafile = value;
    } else if (strcmp(name, "--priority") == 0) {
      o->priority = value;
    } else if (strcmp(name, "--version") == 0) {
      if (strcmp(value, "1.3") == 0) {
        o->version = GNUTLS_TLS1_3;
      } else if (strcmp(value, "1.2") == 0) {
        o->version = GNUTLS_TLS1_2;
      } else {
        return usage("--version takes 1.3 or 1.2");
      }
    } else if (strcmp(name, "--rss-bound") == 0) {
      if (strcmp(value, "on") != 0 && strcmp(value, "off") != 0) {
        return usage("--rss-bound takes on or off");
      }
      o->rss_bound = strcmp(value, "on") == 0;
    } else if (!parse_unsigned(value, 1000000000UL, &v)) {
      fprintf(stderr, "coda_load: bad value '%s' for %s\n", value, name);
      return 2;
    } else if (strcmp(name, "--port") == 0 && v > 0 && v < 65536) {
      o->port = (unsigned)v;
    } else if (strcmp(name, "--server-pid") == 0 && v > 0) {
      o->server_pid = (pid_t)v;
    } else if (strcmp(name, "--sessions") == 0 && v > 0 && v <= 1000000) {
      o->sessions = (unsigned)v;
    } else if (strcmp(name, "--rounds") == 0 && v > 0) {
      o->rounds = (unsigned)v;
    } else if (strcmp(name, "--seconds") == 0) {
      o->seconds = (unsigned)v;
    } else if (strcmp(name, "--payload") == 0 && v >= 2 && v <= (1UL << 24)) {
      o->payload_max = v;
    } else if (strcmp(name, "--max-pending") == 0 && v > 0) {
      o->max_pending = (unsigned)v;
    } else if (strcmp(name, "--round-timeout") == 0 && v > 0) {
      o->round_timeout_s = (unsigned)v;
    } else if (strcmp(name, "--corrupt-session") == 0) {
      o->corrupt_index = (int)v;
    } else {
      fprintf(stderr, "coda_load: unknown option or bad value: %s %s\n", name, value);
      return 2;
    }
  }
  if (o->port == 0) return usage("--port is required");
  if (o->cafile == NULL) return usage("--cafile is required");
  if (o->priority == NULL) {
    o->priority = o->version == GNUTLS_TLS1_3   ? "NORMAL:-VERS-ALL:+VERS-TLS1.3"
                  : o->version == GNUTLS_TLS1_2 ? "NORMAL:-VERS-ALL:+VERS-TLS1.2"
                                                : "NORMAL";
  }
  return 0;
}

/* N sessions need N descriptors here (and at the server): the soft limit
 * goes up to the hard one, and too low a hard limit is a clear error. */
static int raise_fd_limit(unsigned sessions) {
  struct rlimit lim;
  if (getrlimit(RLIMIT_NOFILE, &lim) != 0) return 0;
  if (lim.rlim_cur < lim.rlim_max) {
    lim.rlim_cur = lim.rlim_max;
    setrlimit(RLIMIT_NOFILE, &lim);
    getrlimit(RLIMIT_NOFILE, &lim);
  }
  const rlim_t needed = (rlim_t)sessions + 64;
  if (lim.rlim_cur != RLIM_INFINITY && lim.rlim_cur < needed) {
    fprintf(stderr,
            "coda_load: %u sessions need %lu descriptors, the limit is %lu (raise the hard "
            "limit: ulimit -Hn)\n",
            sessions, (unsigned long)needed, (unsigned long)lim.rlim_cur);
    return 0;
  }
  return 1;
}

/* Polls the server's descriptor count until it is at most target, or the
 * wait is over; returns the last count. */
static long wait_server_idle(pid_t pid, long target) {
  const double until = proc_now_ms() + kIdleWaitMs;
  long fds = proc_fd_count(pid);
  while (fds > target && proc_now_ms() < until) {
    usleep(10000);
    fds = proc_fd_count(pid);
  }
  return fds;
}

/* What is watched of a process across rounds. */
typedef struct {
  const char* name;
  pid_t pid;
  long fds_before, rss_before_kb;       /* before the first round */
  long fds_reference;                   /* idle after the first round */
  long rss_reference_kb;                /* idle after the warm-up round */
  long rss_open_max_kb;                 /* the most held at a barrier */
  int rss_bounded;                      /* 0: RSS printed only */
  long slack_kb, slack_percent_of_open; /* the bound on RSS growth */
} watched_t;

/* The client measures itself with its free heap pages trimmed (see
 * proc_own_rss_kb); coda-serv is measured as it is. */
static long watched_rss(const watched_t* w) {
  return w->pid == getpid() ? proc_own_rss_kb() : proc_rss_kb(w->pid);
}

static void watch_start(watched_t* w, const char* name, pid_t pid, int rss_bounded, long slack_kb,
                        long slack_percent_of_open) {
  *w = (watched_t){.name = name,
                   .pid = pid,
                   .rss_bounded = rss_bounded,
                   .slack_kb = slack_kb,
                   .slack_percent_of_open = slack_percent_of_open};
  w->fds_before = proc_fd_count(pid);
  w->rss_before_kb = watched_rss(w);
  w->fds_reference = -1;
  w->rss_reference_kb = -1;
}

/* The checks of one process after a round, once idle. */
static void watch_after_round(watched_t* w, unsigned round, long fds, long rss_open_kb,
                              unsigned idle_together) {
  const long rss = watched_rss(w);
  if (fds < 0 || rss < 0) {
    check(0, "%s: cannot read /proc/%ld (did it exit?)", w->name, (long)w->pid);
    return;
  }
  if (rss_open_kb > w->rss_open_max_kb) w->rss_open_max_kb = rss_open_kb;
  if (round == 1) {
    /* What N idle sessions cost, measured once from a fresh process: an upper
     * bound, since the heap also keeps what the handshakes used at their peak. */
    if (idle_together > 0 && rss_open_kb > 0) {
      printf("  %s: %u idle sessions open: RSS %ld KiB over the start, %.1f KiB per session\n",
             w->name, idle_together, rss_open_kb - w->rss_before_kb,
             (double)(rss_open_kb - w->rss_before_kb) / idle_together);
    }
    w->fds_reference = fds;
    w->rss_reference_kb = rss;
    printf("  %s: idle after the first round: %ld descriptors (%+ld), RSS %ld KiB (%+ld)\n",
           w->name, fds, fds - w->fds_before, rss, rss - w->rss_before_kb);
    return;
  }
  check(fds <= w->fds_reference, "%s: %ld descriptors when idle (after round 1: %ld)", w->name, fds,
        w->fds_reference);
  if (!w->rss_bounded) {
    printf("  %s: RSS %ld KiB when idle, %+ld KiB since round 1 (not bounded: --rss-bound off)\n",
           w->name, rss, rss - w->rss_reference_kb);
    return;
  }
  const long bound = w->slack_kb + w->rss_open_max_kb * w->slack_percent_of_open / 100;
  check(rss - w->rss_reference_kb <= bound,
        "%s: RSS %ld KiB when idle, %+ld KiB since round 1 (bound %ld)", w->name, rss,
        rss - w->rss_reference_kb, bound);
}

/* One round and its checks. */
static void one_round(const options_t* o, unsigned round, ls_shared_t shared, watched_t* server,
                      watched_t* client) {
  round_config_t cfg = {.sessions = o->sessions,
                        .max_pending = o->max_pending,
                        .deadline_ms = proc_now_ms() + o->round_timeout_s * 1000.0,
                        .server_pid = o->server_pid,
                        .shared = shared};
  cfg.shared.round = round;
  printf("round %u: %u sessions\n", round, o->sessions);
  fflush(stdout);
  round_result_t r;
  if (run_round(&cfg, &r) < 0) {
    check(0, "round %u could not start", round);
    return;
  }
  printf("  %u handshakes in %.0f ms (%.0f/s), round in %.0f ms\n", r.handshakes, r.handshake_ms,
         r.handshake_ms > 0 ? r.handshakes * 1000.0 / r.handshake_ms : 0.0, r.total_ms);
  check(r.ok == o->sessions && r.bytes_verified == r.bytes_sent && !r.timed_out,
        "%u of %u sessions ended cleanly, %llu of %llu bytes echoed and verified%s", r.ok,
        o->sessions, (unsigned long long)r.bytes_verified, (unsigned long long)r.bytes_sent,
        r.timed_out ? " (round deadline passed)" : "");
  const long server_expected = server->fds_before + (long)o->sessions;
  if (!r.barrier_reached) {
    check(0, "all %u sessions open together: the barrier was never reached", o->sessions);
  } else {
    check(r.idle_together == o->sessions &&
              (o->server_pid <= 0 || r.server_fds_open >= server_expected),
          "all %u sessions open together: %u idle at the barrier, the server held %ld "
          "descriptors (%ld idle + %u)",
          o->sessions, r.idle_together, r.server_fds_open, server->fds_before, o->sessions);
  }
  if (o->server_pid > 0) {
    const long target = server->fds_reference >= 0 ? server->fds_reference : server->fds_before;
    const long fds = wait_server_idle(o->server_pid, target);
    watch_after_round(server, round, fds, r.server_rss_open_kb, r.idle_together);
  }
  watch_after_round(client, round, proc_fd_count(getpid()), r.client_rss_open_kb, r.idle_together);
  fflush(stdout);
}

int main(int argc, char** argv) {
  options_t o;
  const int bad = parse_options(argc, argv, &o);
  if (bad != 0) return bad;
  if (!raise_fd_limit(o.sessions)) return 2;
  /* A server that goes away must be a failure we report, not our death. */
  signal(SIGPIPE, SIG_IGN);
  if (o.server_pid > 0 && proc_fd_count(o.server_pid) < 0) {
    fprintf(stderr, "coda_load: cannot read /proc/%ld/fd\n", (long)o.server_pid);
    return 2;
  }
  gnutls_global_init();
  ls_shared_t shared = {.priority = o.priority,
                        .expect_version = o.version,
                        .payload_max = o.payload_max,
                        .corrupt_index = o.corrupt_index};
  shared.server.sin_family = AF_INET;
  shared.server.sin_port = htons((uint16_t)o.port);
  shared.server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int r = gnutls_certificate_allocate_credentials(&shared.credentials);
  if (r >= 0)
    r = gnutls_certificate_set_x509_trust_file(shared.credentials, o.cafile, GNUTLS_X509_FMT_PEM);
  if (r <= 0) {
    fprintf(stderr, "coda_load: cannot load CA certificates from %s: %s\n", o.cafile,
            r < 0 ? gnutls_strerror(r) : "none found");
    return 2;
  }

  printf("coda_load: %u sessions a round against 127.0.0.1:%u, priority %s\n", o.sessions, o.port,
         o.priority);
  watched_t server = {0}, client;
  if (o.server_pid > 0) {
    watch_start(&server, "server", o.server_pid, o.rss_bound, kServerSlackKb,
                kServerSlackPercentOfOpen);
  }
  watch_start(&client, "client", getpid(), o.rss_bound, kClientSlackKb, 0);
  const double start = proc_now_ms();
  unsigned round = 0;
  while (checks_failed == 0 && (round < o.rounds || proc_now_ms() - start < o.seconds * 1000.0)) {
    round++;
    one_round(&o, round, shared, &server, &client);
  }
  printf("%u round(s) in %.1f s\n", round, (proc_now_ms() - start) / 1000.0);
  gnutls_certificate_free_credentials(shared.credentials);
  gnutls_global_deinit();
  printf("%d passed, %d failed\n", checks_passed, checks_failed);
  return checks_failed == 0 ? 0 : 1;
}
