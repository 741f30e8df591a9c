/* TLS 1.3 0-RTT early data (RFC 8446 4.2.10) and anti-replay (RFC 8446 8),
 * three sessions in a row on one socket: the first without tickets, the
 * second with a server that allows early data in its tickets (the client
 * keeps that session's data), the third resuming it with early data. Every
 * call around early data logs its return code, so the transcripts of Coda
 * and the real GnuTLS can be compared: the limits on both sides, what
 * gnutls_record_send_early_data and gnutls_record_recv_early_data return,
 * GNUTLS_SFLAGS_EARLY_DATA, and whether the server took the data (with
 * anti-replay and its store; without either; without
 * GNUTLS_ENABLE_EARLY_DATA).
 *
 * No post()/await(): the sides wait for each other only through the
 * socket, so the scenarios also run with one library on each side. */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

struct plan {
  unsigned server_flags; /* the server's third session */
  unsigned client_flags; /* the client's third session */
  int anti_replay;       /* 0: none; 1: with a store; 2: without one */
  size_t server_max;     /* gnutls_record_set_max_early_data_size in session 2; 0: not */
  size_t early;          /* bytes the client gives send_early_data */
};
static struct plan plan;

static gnutls_datum_t ticket_key;
static gnutls_datum_t saved;
static gnutls_anti_replay_t anti_replay;
static int client_n, server_n; /* which session each side is in, from 1 */

/* The anti-replay store: a few keys in memory. */
static unsigned char keys[8][128];
static unsigned key_sizes[8];
static int nkeys;

static int store_add(void* ptr, time_t expires, const gnutls_datum_t* key,
                     const gnutls_datum_t* data) {
  int i;
  (void)ptr;
  (void)expires;
  (void)data;
  for (i = 0; i < nkeys; i++) {
    if (key_sizes[i] == key->size && memcmp(keys[i], key->data, key->size) == 0)
      return GNUTLS_E_DB_ENTRY_EXISTS;
  }
  if (nkeys == 8 || key->size > sizeof keys[0]) return GNUTLS_E_DB_ERROR;
  memcpy(keys[nkeys], key->data, key->size);
  key_sizes[nkeys++] = key->size;
  return 0;
}

static void log_max(struct side* sd, const char* when) {
  say(sd, "max_early_data_size %s = %lu", when,
      (unsigned long)gnutls_record_get_max_early_data_size(sd->s));
}

static void log_flags(struct side* sd) {
  say(sd, "is_resumed = %d, flags EARLY_DATA = %d", gnutls_session_is_resumed(sd->s),
      (gnutls_session_get_flags(sd->s) & GNUTLS_SFLAGS_EARLY_DATA) != 0);
}

static void server_setup(struct side* sd) {
  ++server_n;
  if (server_n == 1) return; /* no tickets in the first session */
  if (!ticket_key.data) gnutls_session_ticket_key_generate(&ticket_key);
  gnutls_session_ticket_enable_server(sd->s, &ticket_key);
  if (server_n == 2) {
    /* Before the ticket is issued: anti-replay refuses tickets from before
     * its recording started. */
    if (plan.anti_replay && !anti_replay) {
      log_rc(sd, "anti_replay_init", gnutls_anti_replay_init(&anti_replay));
    }
    log_max(sd, "default");
    log_rc(sd, "set_max_early_data_size(0)", gnutls_record_set_max_early_data_size(sd->s, 0));
    if (plan.server_max) {
      log_rc(sd, "set_max_early_data_size",
             gnutls_record_set_max_early_data_size(sd->s, plan.server_max));
      log_max(sd, "set");
    }
    return;
  }
  if (plan.anti_replay) {
    if (plan.anti_replay == 1) gnutls_anti_replay_set_add_function(anti_replay, store_add);
    gnutls_anti_replay_enable(sd->s, anti_replay);
  }
}

static void client_setup(struct side* sd) {
  char data[64];
  ++client_n;
  if (client_n == 2)
    log_rc(sd, "send_early_data (no session data)",
           (int)gnutls_record_send_early_data(sd->s, "x", 1));
  if (client_n != 3) return;
  log_max(sd, "before set_data");
  log_rc(sd, "set_data", gnutls_session_set_data(sd->s, saved.data, saved.size));
  log_max(sd, "after set_data");
  memset(data, 'e', sizeof data);
  if (plan.early > 0) {
    log_rc(sd, "send_early_data", (int)gnutls_record_send_early_data(sd->s, data, plan.early));
  }
  if (plan.server_max > 0) {
    log_rc(sd, "send_early_data(limit)",
           (int)gnutls_record_send_early_data(sd->s, data, plan.server_max));
  }
  log_rc(sd, "send_early_data(0)", (int)gnutls_record_send_early_data(sd->s, data, 0));
}

static void setup(struct side* sd) {
  if (strcmp(sd->name, "server") == 0) {
    server_setup(sd);
  } else {
    client_setup(sd);
  }
}

/* recv until data comes: each ticket is a GNUTLS_E_AGAIN first. */
static void recv_data(struct side* sd) {
  int i;
  for (i = 0; i < 8; i++) {
    if (do_recv(sd) != GNUTLS_E_AGAIN) break;
  }
}

static void client(struct side* sd) {
  int rc;
  do_bye(sd, GNUTLS_SHUT_RDWR);
  if (restart_session(sd, 0) != 0) return;
  recv_data(sd);
  log_max(sd, "after the ticket");
  rc = gnutls_session_get_data2(sd->s, &saved);
  say(sd, "get_data2 = %d, holds a ticket: %d", rc, rc == 0 && saved.size > 4);
  do_send(sd, 4);
  do_bye(sd, GNUTLS_SHUT_RDWR);
  if (restart_session(sd, plan.client_flags) == 0) {
    log_flags(sd);
    log_rc(sd, "recv_early_data (client)",
           (int)gnutls_record_recv_early_data(sd->s, (char[8]){0}, 8));
    recv_data(sd);
    log_flags(sd);
    do_send(sd, 4);
    do_bye(sd, GNUTLS_SHUT_RDWR);
  }
  gnutls_free(saved.data);
  saved.data = NULL;
}

static void server(struct side* sd) {
  char buf[128];
  do_bye(sd, GNUTLS_SHUT_RDWR);
  if (restart_session(sd, GNUTLS_ENABLE_EARLY_DATA) != 0) return;
  do_send(sd, 4);
  do_recv(sd);
  do_bye(sd, GNUTLS_SHUT_RDWR);
  if (restart_session(sd, plan.server_flags) == 0) {
    log_flags(sd);
    log_rc(sd, "recv_early_data", (int)gnutls_record_recv_early_data(sd->s, buf, sizeof buf));
    log_rc(sd, "recv_early_data again", (int)gnutls_record_recv_early_data(sd->s, buf, sizeof buf));
    log_rc(sd, "send_early_data (server)", (int)gnutls_record_send_early_data(sd->s, "x", 1));
    do_send(sd, 4);
    do_recv(sd);
    do_bye(sd, GNUTLS_SHUT_RDWR);
  }
  gnutls_free(ticket_key.data);
  ticket_key.data = NULL;
  if (anti_replay) gnutls_anti_replay_deinit(anti_replay);
  anti_replay = NULL;
}

#define PLAN(fn, ...)                           \
  static void fn(struct side* sd) {             \
    static const struct plan p = {__VA_ARGS__}; \
    plan = p;                                   \
    setup(sd);                                  \
  }
#define E GNUTLS_ENABLE_EARLY_DATA
/* server flags, client flags, anti-replay, server max, early bytes */
PLAN(setup_accepted, E, E, 1, 0, 10)
PLAN(setup_no_anti_replay, E, E, 0, 0, 10)
PLAN(setup_no_store, E, E, 2, 0, 10)
PLAN(setup_server_off, 0, E, 1, 0, 10)
PLAN(setup_client_off, E, 0, 1, 0, 10)
PLAN(setup_limit, E, E, 1, 5, 10)
PLAN(setup_no_data, E, E, 1, 0, 0)

const struct scenario early_data_scenarios[] = {
    {"early_data", client, server, setup_accepted, NULL},
    {"early_data_no_anti_replay", client, server, setup_no_anti_replay, NULL},
    {"early_data_no_store", client, server, setup_no_store, NULL},
    {"early_data_server_off", client, server, setup_server_off, NULL},
    {"early_data_client_off", client, server, setup_client_off, NULL},
    {"early_data_limit", client, server, setup_limit, NULL},
    /* Deliberate: with GNUTLS_ENABLE_EARLY_DATA and nothing to send,
     * GnuTLS's client offers early_data anyway (and the server takes the
     * empty 0-RTT: GNUTLS_SFLAGS_EARLY_DATA on both); Coda offers it only
     * with data to send. */
    {"deliberate_early_data_offered_without_data", client, server, setup_no_data, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
