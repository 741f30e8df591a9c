/* One round of the load test: N sessions on one epoll loop, all of them
 * open and idle together at a barrier before any closes, then every one
 * closed. Says how each session ended and what the barrier looked like. */
#ifndef CODA_TESTS_LOAD_ROUND_H
#define CODA_TESTS_LOAD_ROUND_H

#include <stdint.h>
#include <sys/types.h>

#include "load_session.h"

typedef struct {
  unsigned sessions;
  unsigned max_pending; /* sessions connecting or in their handshake at once */
  double deadline_ms;   /* on the proc_now_ms clock: unfinished sessions fail then */
  pid_t server_pid;     /* measured at the barrier when > 0 */
  ls_shared_t shared;
} round_config_t;

typedef struct {
  unsigned ok, failed;
  uint64_t bytes_sent;     /* payload bytes of every session */
  uint64_t bytes_verified; /* echoed back and compared equal */
  unsigned handshakes;
  double handshake_ms; /* from the first connect to the last handshake done */
  double total_ms;
  int barrier_reached;    /* every session got idle or failed before the deadline */
  unsigned idle_together; /* sessions open and idle at the barrier */
  long server_fds_open, server_rss_open_kb, client_rss_open_kb; /* at the barrier */
  int timed_out;
} round_result_t;

/* Runs the round; prints the failures grouped by reason. Returns 0 when
 * every session ended cleanly, 1 otherwise, -1 when it could not start. */
int run_round(const round_config_t* config, round_result_t* result);

#endif
