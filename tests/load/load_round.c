/* One round: N load sessions through one epoll loop (see load_round.h). */
#define _GNU_SOURCE 1
#include "load_round.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "proc_stats.h"

typedef struct {
  int epoll_fd;
  ls_session_t* sessions;
  unsigned started, pending, idle, finished, handshakes;
  double first_connect_ms, last_handshake_ms;
} round_state_t;

static int is_pending(ls_phase_t p) {
  return p == LS_CONNECTING || p == LS_HANDSHAKE;
}
static int is_finished(ls_phase_t p) {
  return p == LS_DONE || p == LS_FAILED;
}
static int past_handshake(ls_phase_t p) {
  return p >= LS_DATA && p != LS_FAILED;
}

/* Keeps the epoll set and the round's counts in step with what a session
 * did: its phase before, and the events it now waits for. */
static void after_step(round_state_t* st, ls_session_t* s, ls_phase_t before, uint32_t want) {
  const ls_phase_t now = s->phase;
  if (is_pending(before) && !is_pending(now)) st->pending--;
  if (!past_handshake(before) && past_handshake(now)) {
    st->handshakes++;
    st->last_handshake_ms = proc_now_ms();
  }
  if (before != LS_IDLE && now == LS_IDLE) st->idle++;
  if (before == LS_IDLE && now != LS_IDLE) st->idle--;
  if (!is_finished(before) && is_finished(now)) st->finished++;
  if (s->fd < 0) return; /* closed: the kernel took it out of the set */
  if (want == s->events) return;
  struct epoll_event ev = {.events = want, .data.u32 = s->index};
  const int op = s->events == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
  if (epoll_ctl(st->epoll_fd, op, s->fd, &ev) != 0) {
    ls_abandon(s, "epoll_ctl failed");
    st->finished++;
    if (now == LS_IDLE) st->idle--;
    if (is_pending(now)) st->pending--;
    return;
  }
  s->events = want;
}

static void start_more(round_state_t* st, const round_config_t* cfg) {
  while (st->started < cfg->sessions && st->pending < cfg->max_pending) {
    ls_session_t* s = &st->sessions[st->started++];
    if (st->first_connect_ms == 0) st->first_connect_ms = proc_now_ms();
    st->pending++;
    const uint32_t want = ls_start(s);
    after_step(st, s, LS_CONNECTING, want);
  }
}

/* Every session is idle (or failed): all were open together. Measure,
 * then let them close. */
static void release_barrier(round_state_t* st, const round_config_t* cfg, round_result_t* res) {
  res->barrier_reached = 1;
  res->idle_together = st->idle;
  if (cfg->server_pid > 0) {
    res->server_fds_open = proc_fd_count(cfg->server_pid);
    res->server_rss_open_kb = proc_rss_kb(cfg->server_pid);
  }
  res->client_rss_open_kb = proc_own_rss_kb();
  for (unsigned i = 0; i < cfg->sessions; i++) {
    ls_session_t* s = &st->sessions[i];
    if (s->phase != LS_IDLE) continue;
    const uint32_t want = ls_begin_close(s);
    after_step(st, s, LS_IDLE, want);
  }
}

typedef struct {
  const ls_session_t* example[3];
  size_t reason_length;
  unsigned count;
} failure_group_t;

/* One line per failure reason, with up to three sessions' details. */
static void print_failures(const ls_session_t* sessions, unsigned n) {
  enum { kMaxGroups = 16 };
  failure_group_t groups[kMaxGroups];
  unsigned ngroups = 0, ungrouped = 0;
  for (unsigned i = 0; i < n; i++) {
    const ls_session_t* s = &sessions[i];
    if (s->phase != LS_FAILED) continue;
    const size_t len = ls_failure_reason_length(s);
    unsigned g = 0;
    while (g < ngroups && !(groups[g].reason_length == len &&
                            memcmp(groups[g].example[0]->failure, s->failure, len) == 0)) {
      g++;
    }
    if (g == ngroups) {
      if (ngroups == kMaxGroups) {
        ungrouped++;
        continue;
      }
      groups[ngroups++] = (failure_group_t){.example = {s}, .reason_length = len, .count = 0};
    }
    if (groups[g].count > 0 && groups[g].count < 3) groups[g].example[groups[g].count] = s;
    groups[g].count++;
  }
  for (unsigned g = 0; g < ngroups; g++) {
    const failure_group_t* fg = &groups[g];
    printf("  FAIL %u session(s): %.*s\n", fg->count, (int)fg->reason_length,
           fg->example[0]->failure);
    for (unsigned k = 0; k < 3 && k < fg->count; k++) {
      const char* detail = fg->example[k]->failure + fg->reason_length;
      printf("       session %u%s%s\n", fg->example[k]->index, *detail ? ":" : "",
             *detail ? detail + 2 : "");
    }
  }
  if (ungrouped > 0) printf("  FAIL %u more session(s) for other reasons\n", ungrouped);
}

int run_round(const round_config_t* cfg, round_result_t* res) {
  memset(res, 0, sizeof *res);
  round_state_t st = {0};
  st.epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  st.sessions = calloc(cfg->sessions, sizeof *st.sessions);
  if (st.epoll_fd < 0 || st.sessions == NULL) {
    fprintf(stderr, "coda_load: cannot start a round: %s\n", strerror(errno));
    if (st.epoll_fd >= 0) close(st.epoll_fd);
    free(st.sessions);
    return -1;
  }
  for (unsigned i = 0; i < cfg->sessions; i++) ls_init(&st.sessions[i], &cfg->shared, i);

  const double t0 = proc_now_ms();
  int released = 0;
  struct epoll_event events[256];
  start_more(&st, cfg);
  while (st.finished < cfg->sessions) {
    if (!released && st.started == cfg->sessions && st.idle + st.finished == cfg->sessions) {
      released = 1;
      release_barrier(&st, cfg, res);
      continue;
    }
    const double now = proc_now_ms();
    if (now >= cfg->deadline_ms) {
      res->timed_out = 1;
      for (unsigned i = 0; i < cfg->sessions; i++) {
        ls_abandon(&st.sessions[i], "round deadline passed");
      }
      break;
    }
    int wait_ms = (int)(cfg->deadline_ms - now) + 1;
    if (wait_ms > 1000) wait_ms = 1000;
    const int n = epoll_wait(st.epoll_fd, events, (int)(sizeof events / sizeof events[0]), wait_ms);
    if (n < 0 && errno != EINTR) {
      fprintf(stderr, "coda_load: epoll_wait: %s\n", strerror(errno));
      res->timed_out = 1;
      for (unsigned i = 0; i < cfg->sessions; i++) ls_abandon(&st.sessions[i], "epoll_wait failed");
      break;
    }
    for (int i = 0; i < n; i++) {
      ls_session_t* s = &st.sessions[events[i].data.u32];
      if (is_finished(s->phase)) continue; /* closed earlier in this batch */
      const ls_phase_t before = s->phase;
      const uint32_t want = ls_step(s, events[i].events);
      after_step(&st, s, before, want);
    }
    start_more(&st, cfg);
  }
  res->total_ms = proc_now_ms() - t0;
  res->handshakes = st.handshakes;
  res->handshake_ms = st.handshakes > 0 ? st.last_handshake_ms - st.first_connect_ms : 0;
  for (unsigned i = 0; i < cfg->sessions; i++) {
    const ls_session_t* s = &st.sessions[i];
    res->bytes_sent += s->length;
    res->bytes_verified += s->echoed;
    if (s->phase == LS_DONE) {
      res->ok++;
    } else {
      res->failed++;
    }
  }
  print_failures(st.sessions, cfg->sessions);
  close(st.epoll_fd);
  free(st.sessions);
  return res->failed == 0 ? 0 : 1;
}
