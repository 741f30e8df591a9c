/* TLS 1.3 resumption with session tickets: two sessions in a row on one
 * socket, the client saving the first one's data and giving it to the
 * second. Every step logs the return code (and whether the session data
 * holds a ticket, not its size: the formats differ), so the transcripts of
 * Coda and the real GnuTLS can be compared.
 *
 * No post()/await(): each side waits for the other only through the
 * socket, so the scenarios also run with one library on each side (mixed).
 * The server sends its tickets in its handshake, before its data; the
 * client reads until the data came, then asks for the session data (the
 * ticket is in by then), sends, and both end with bye(RDWR). */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static gnutls_datum_t ticket_key;
static gnutls_datum_t saved;

/* What the client gives set_data in the second session. */
enum second_data { SAVED, SAVED_TRUNCATED, GARBAGE, NO_DATA };
struct plan {
  int server_key;        /* gnutls_session_ticket_enable_server */
  unsigned server_flags; /* of the server's sessions after the first */
  unsigned client_flags; /* of the client's second session */
  int tickets_on_demand; /* server: ticket_send(1) after the handshake */
  enum second_data data;
  int server_p384_only; /* a HelloRetryRequest in every handshake */
};
static struct plan plan;
static int second; /* the client is in its second session */

static void log_state(struct side* sd) {
  say(sd, "is_resumed = %d", gnutls_session_is_resumed(sd->s));
  if (strcmp(sd->name, "server") == 0) {
    say(sd, "resumption_requested = %d", gnutls_session_resumption_requested(sd->s));
  } else {
    say(sd, "flags SESSION_TICKET = %d",
        (gnutls_session_get_flags(sd->s) & GNUTLS_SFLAGS_SESSION_TICKET) != 0);
  }
}

/* recv until data comes: each ticket is a GNUTLS_E_AGAIN first. */
static void recv_data(struct side* sd) {
  int i, rc = 0;
  for (i = 0; i < 8; i++) {
    rc = do_recv(sd);
    if (rc != GNUTLS_E_AGAIN) break;
  }
}

static void save_data(struct side* sd) {
  gnutls_datum_t d = {NULL, 0};
  size_t n = 0;
  int rc = gnutls_session_get_data2(sd->s, &d);
  say(sd, "get_data2 = %d, holds a ticket: %d", rc, rc == 0 && d.size > 4);
  rc = gnutls_session_get_data(sd->s, NULL, &n);
  log_rc(sd, "get_data(NULL)", rc);
  if (!second && rc == GNUTLS_E_SHORT_MEMORY_BUFFER && d.size == n) {
    gnutls_free(saved.data);
    saved = d;
  } else {
    gnutls_free(d.data);
  }
}

static void setup(struct side* sd) {
  int rc;
  if (strcmp(sd->name, "server") == 0) {
    if (plan.server_p384_only) {
      /* Neither client sends a P-384 share first (Coda: x25519 only;
       * GnuTLS: x25519 and P-256): the server asks again, and the second
       * ClientHello's binder covers the HelloRetryRequest. */
      log_rc(sd, "priority P-384 only",
             gnutls_priority_set_direct(sd->s, "NORMAL:-GROUP-ALL:+GROUP-SECP384R1", NULL));
    }
    if (plan.server_key) {
      if (!ticket_key.data) gnutls_session_ticket_key_generate(&ticket_key);
      log_rc(sd, "ticket_enable_server", gnutls_session_ticket_enable_server(sd->s, &ticket_key));
    }
    return;
  }
  if (!second) {
    gnutls_datum_t d = {NULL, 0};
    rc = gnutls_session_get_data2(sd->s, &d);
    say(sd, "get_data2 before the handshake = %d, size %u", rc, d.size);
    gnutls_free(d.data);
    return;
  }
  switch (plan.data) {
    case SAVED:
      log_rc(sd, "set_data", gnutls_session_set_data(sd->s, saved.data, saved.size));
      break;
    case SAVED_TRUNCATED:
      log_rc(sd, "set_data(truncated)", gnutls_session_set_data(sd->s, saved.data, saved.size - 1));
      break;
    case GARBAGE:
      log_rc(sd, "set_data(garbage)", gnutls_session_set_data(sd->s, "garbage, not data", 17));
      break;
    case NO_DATA:
      log_rc(sd, "set_data(no data)", gnutls_session_set_data(sd->s, "\0\0\0\0", 4));
      break;
  }
}

static void client_session(struct side* sd) {
  log_state(sd);
  recv_data(sd);
  log_state(sd);
  save_data(sd);
  do_send(sd, 4);
  do_bye(sd, GNUTLS_SHUT_RDWR);
}

static void server_session(struct side* sd) {
  log_state(sd);
  if (plan.tickets_on_demand) log_rc(sd, "ticket_send(1)", gnutls_session_ticket_send(sd->s, 1, 0));
  do_send(sd, 4);
  do_recv(sd);
  do_bye(sd, GNUTLS_SHUT_RDWR);
}

static void client(struct side* sd) {
  client_session(sd);
  second = 1;
  if (restart_session(sd, plan.client_flags) == 0) client_session(sd);
  gnutls_free(saved.data);
  saved.data = NULL;
}

static void server(struct side* sd) {
  server_session(sd);
  if (restart_session(sd, plan.server_flags) == 0) server_session(sd);
  gnutls_free(ticket_key.data);
  ticket_key.data = NULL;
}

/* A bye while the tickets are still unread: the client's bye(RDWR) reads
 * past them to the server's close_notify and returns 0 (closure contract,
 * bye item 4: post-handshake messages are processed), and the session data
 * then holds the ticket. Deliberate: GnuTLS 3.7.9's bye returns
 * GNUTLS_E_AGAIN from the call that took a ticket, even when blocking. */
static void client_bye_first(struct side* sd) {
  do_bye(sd, GNUTLS_SHUT_RDWR);
  log_state(sd);
  save_data(sd);
}

static void server_waits_for_close(struct side* sd) {
  do_recv(sd);
  do_bye(sd, GNUTLS_SHUT_RDWR);
}

#define PLAN(fn, ...)                           \
  static void fn(struct side* sd) {             \
    static const struct plan p = {__VA_ARGS__}; \
    plan = p;                                   \
    setup(sd);                                  \
  }
/* key, server flags, client flags, on demand, data, HRR */
PLAN(setup_resume, 1, 0, 0, 0, SAVED)
PLAN(setup_no_server_key, 0, 0, 0, 0, SAVED)
PLAN(setup_client_no_tickets, 1, 0, GNUTLS_NO_TICKETS, 0, SAVED)
PLAN(setup_server_no_tickets, 1, GNUTLS_NO_TICKETS, 0, 0, SAVED)
PLAN(setup_truncated, 1, 0, 0, 0, SAVED_TRUNCATED)
PLAN(setup_garbage, 1, 0, 0, 0, GARBAGE)
PLAN(setup_no_data, 1, 0, 0, 0, NO_DATA)
PLAN(setup_no_auto_send, 1, GNUTLS_NO_AUTO_SEND_TICKET, 0, 1, SAVED)
PLAN(setup_hello_retry, 1, 0, 0, 0, SAVED, 1)

const struct scenario resumption_scenarios[] = {
    {"resume", client, server, setup_resume, NULL},
    {"resume_no_server_key", client, server, setup_no_server_key, NULL},
    {"resume_client_no_tickets", client, server, setup_client_no_tickets, NULL},
    {"resume_server_no_tickets", client, server, setup_server_no_tickets, NULL},
    /* Deliberate: GnuTLS 3.7.9 refuses the truncated data with
     * GNUTLS_E_PARSING_ERROR and yet resumes with what it had read of it;
     * Coda refuses it and does a full handshake. */
    {"deliberate_resume_truncated_data", client, server, setup_truncated, NULL},
    {"resume_garbage_data", client, server, setup_garbage, NULL},
    {"resume_no_data", client, server, setup_no_data, NULL},
    {"resume_no_auto_send", client, server, setup_no_auto_send, NULL},
    {"resume_hello_retry", client, server, setup_hello_retry, NULL},
    {"deliberate_bye_with_tickets_unread", client_bye_first, server_waits_for_close, setup_resume,
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
