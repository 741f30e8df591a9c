/* TLS 1.2 resumption: session ids through the program's session cache
 * (the gnutls_db_* callbacks) and RFC 5077 tickets. Two sessions in a row
 * on one socket, as in resumption.c: the client saves the first session's
 * data and gives it to the second. Each step logs return codes, whether
 * the session resumed, the session flags, the session id's size, and what
 * the server's cache saw (calls, entry times), never the bytes (the
 * formats differ between the libraries). Run with version tls12. */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

/* The server's cache: a few entries, used by the server thread only. */
#define DB_SLOTS 8
static struct {
  unsigned char key[64];
  unsigned key_size;
  unsigned char* data;
  unsigned size;
} db[DB_SLOTS];
static int db_count;

static gnutls_datum_t ticket_key;
static gnutls_datum_t saved;

enum cache_kind { NO_CACHE, CACHE, CACHE_CORRUPT, CACHE_TRUNCATED, CACHE_STORE_ONLY };
enum second_data { SAVED, GARBAGE, NO_DATA, NONE_SET };
struct plan12 {
  enum cache_kind cache;
  int server_key;        /* gnutls_session_ticket_enable_server */
  unsigned client_flags; /* of both client sessions */
  int remove_first;      /* server: gnutls_db_remove_session after session 1 */
  int expiration;        /* gnutls_db_set_cache_expiration, 0: default */
  int wait_s;            /* seconds the client waits before session 2 */
  enum second_data data;
  int set_id; /* client: gnutls_session_set_id before session 2 */
};
static struct plan12 plan;
static int second;

static void log_flags(struct side* sd) {
  const unsigned f = gnutls_session_get_flags(sd->s);
  say(sd, "flags: SAFE_RENEGOTIATION %d, EXT_MASTER_SECRET %d, SESSION_TICKET %d",
      (f & GNUTLS_SFLAGS_SAFE_RENEGOTIATION) != 0, (f & GNUTLS_SFLAGS_EXT_MASTER_SECRET) != 0,
      (f & GNUTLS_SFLAGS_SESSION_TICKET) != 0);
}

static void log_state(struct side* sd) {
  unsigned char id[64];
  size_t n = sizeof id;
  gnutls_datum_t id2 = {NULL, 0};
  int rc;
  say(sd, "is_resumed = %d", gnutls_session_is_resumed(sd->s));
  say(sd, "resumption_requested = %d", gnutls_session_resumption_requested(sd->s));
  log_flags(sd);
  rc = gnutls_session_get_id(sd->s, id, &n);
  say(sd, "get_id = %d, size %u", rc, rc == 0 ? (unsigned)n : 0u);
  rc = gnutls_session_get_id2(sd->s, &id2);
  say(sd, "get_id2 = %d, size %u, same as get_id %d", rc, id2.size,
      id2.size == n && (n == 0 || memcmp(id2.data, id, n) == 0));
}

/* ---- the server's cache ---- */

static int db_store(void* ptr, gnutls_datum_t key, gnutls_datum_t data) {
  struct side* sd = ptr;
  const time_t t = gnutls_db_check_entry_time(&data);
  const time_t e = gnutls_db_check_entry_expire_time(&data);
  const time_t now = time(NULL);
  say(sd, "db store: key size %u, entry time now %d, lifetime %ld, check_entry %d", key.size,
      t >= now - 5 && t <= now + 5, (long)(e - t), gnutls_db_check_entry(sd->s, data));
  if (db_count == DB_SLOTS || key.size > sizeof db[0].key) return -1;
  memcpy(db[db_count].key, key.data, key.size);
  db[db_count].key_size = key.size;
  db[db_count].data = malloc(data.size);
  memcpy(db[db_count].data, data.data, data.size);
  db[db_count].size = data.size;
  db_count++;
  return 0;
}

static gnutls_datum_t db_retrieve(void* ptr, gnutls_datum_t key) {
  struct side* sd = ptr;
  gnutls_datum_t out = {NULL, 0};
  int i;
  for (i = 0; i < db_count; i++) {
    if (db[i].key_size != key.size || memcmp(db[i].key, key.data, key.size) != 0) continue;
    out.size = db[i].size;
    out.data = gnutls_malloc(out.size);
    memcpy(out.data, db[i].data, out.size);
    if (plan.cache == CACHE_CORRUPT) out.data[out.size / 2] ^= 0x5a;
    if (plan.cache == CACHE_TRUNCATED) out.size = 20;
    break;
  }
  say(sd, "db retrieve: key size %u, found %d", key.size, out.data != NULL);
  return out;
}

static int db_remove(void* ptr, gnutls_datum_t key) {
  struct side* sd = ptr;
  int i;
  for (i = 0; i < db_count; i++) {
    if (db[i].key_size != key.size || memcmp(db[i].key, key.data, key.size) != 0) continue;
    free(db[i].data);
    db[i] = db[--db_count];
    say(sd, "db remove: key size %u, found 1", key.size);
    return 0;
  }
  say(sd, "db remove: key size %u, found 0", key.size);
  return -1;
}

static void db_clear(void) {
  int i;
  for (i = 0; i < db_count; i++) free(db[i].data);
  db_count = 0;
}

/* ---- the client's session data ---- */

static void save_data(struct side* sd) {
  gnutls_datum_t d = {NULL, 0};
  int rc = gnutls_session_get_data2(sd->s, &d);
  say(sd, "get_data2 = %d, holds a session: %d", rc, rc == 0 && d.size > 4);
  if (!second && rc == 0) {
    gnutls_free(saved.data);
    saved = d;
  } else {
    gnutls_free(d.data);
  }
}

static void setup(struct side* sd) {
  if (strcmp(sd->name, "server") == 0) {
    if (plan.cache != NO_CACHE) {
      gnutls_db_set_ptr(sd->s, sd);
      say(sd, "db_get_ptr is ours: %d", gnutls_db_get_ptr(sd->s) == sd);
      gnutls_db_set_store_function(sd->s, db_store);
      if (plan.cache != CACHE_STORE_ONLY) gnutls_db_set_retrieve_function(sd->s, db_retrieve);
      gnutls_db_set_remove_function(sd->s, db_remove);
    }
    if (plan.expiration) gnutls_db_set_cache_expiration(sd->s, plan.expiration);
    if (plan.server_key) {
      if (!ticket_key.data) gnutls_session_ticket_key_generate(&ticket_key);
      log_rc(sd, "ticket_enable_server", gnutls_session_ticket_enable_server(sd->s, &ticket_key));
    }
    return;
  }
  if (!second) return;
  if (plan.wait_s) sleep(plan.wait_s);
  if (plan.set_id) {
    static unsigned char id[33] = {1, 2, 3};
    gnutls_datum_t too_long = {id, 33}, ok = {id, 32};
    log_rc(sd, "set_id(33 bytes)", gnutls_session_set_id(sd->s, &too_long));
    log_rc(sd, "set_id(32 bytes)", gnutls_session_set_id(sd->s, &ok));
  }
  switch (plan.data) {
    case SAVED:
      log_rc(sd, "set_data", gnutls_session_set_data(sd->s, saved.data, saved.size));
      break;
    case GARBAGE:
      log_rc(sd, "set_data(garbage)", gnutls_session_set_data(sd->s, "garbage, not data", 17));
      break;
    case NO_DATA:
      log_rc(sd, "set_data(no data)", gnutls_session_set_data(sd->s, "\0\0\0\0", 4));
      break;
    case NONE_SET:
      break;
  }
}

static void client_session(struct side* sd) {
  log_state(sd);
  do_recv(sd);
  save_data(sd);
  do_send(sd, 4);
  do_bye(sd, GNUTLS_SHUT_RDWR);
}

static void server_session(struct side* sd) {
  log_state(sd);
  log_rc(sd, "ticket_send(1)", gnutls_session_ticket_send(sd->s, 1, 0));
  do_send(sd, 4);
  do_recv(sd);
  do_bye(sd, GNUTLS_SHUT_RDWR);
}

/* The first session ends with a fatal alert from the client: RFC 5246
 * 7.2.2 has the session invalidated, so the second one is a full
 * handshake. */
static void client_fatal_first(struct side* sd) {
  second = 0;
  log_state(sd);
  do_recv(sd);
  save_data(sd);
  do_alert_send(sd, GNUTLS_AL_FATAL, GNUTLS_A_INTERNAL_ERROR);
  second = 1;
  if (restart_session(sd, plan.client_flags) == 0) client_session(sd);
  gnutls_free(saved.data);
  saved.data = NULL;
}

static void server_fatal_first(struct side* sd) {
  log_state(sd);
  do_send(sd, 4);
  do_recv(sd);
  do_alert_get(sd);
  if (restart_session(sd, 0) == 0) server_session(sd);
  gnutls_free(ticket_key.data);
  ticket_key.data = NULL;
  db_clear();
}

static void client(struct side* sd) {
  second = 0;
  client_session(sd);
  second = 1;
  if (restart_session(sd, plan.client_flags) == 0) client_session(sd);
  gnutls_free(saved.data);
  saved.data = NULL;
}

static void server(struct side* sd) {
  server_session(sd);
  if (plan.remove_first) gnutls_db_remove_session(sd->s);
  if (restart_session(sd, 0) == 0) server_session(sd);
  gnutls_free(ticket_key.data);
  ticket_key.data = NULL;
  db_clear();
}

/* Calls that need no handshake: their answers on a fresh session. */
static void calls_before_handshake(struct side* sd) {
  gnutls_session_t s;
  gnutls_datum_t garbage = {(unsigned char*)"not an entry at all, not at all", 31};
  gnutls_datum_t empty = {NULL, 0};
  unsigned char id[32];
  size_t n = sizeof id;
  gnutls_datum_t id2 = {NULL, 0};
  const int server = strcmp(sd->name, "server") == 0;
  gnutls_init(&s, server ? GNUTLS_SERVER : GNUTLS_CLIENT);
  say(sd, "default cache expiration %u", gnutls_db_get_default_cache_expiration());
  say(sd, "check_entry_time(garbage) = %ld", (long)gnutls_db_check_entry_time(&garbage));
  say(sd, "check_entry_time(empty) = %ld", (long)gnutls_db_check_entry_time(&empty));
  say(sd, "check_entry_expire_time(garbage) = %ld",
      (long)gnutls_db_check_entry_expire_time(&garbage));
  say(sd, "check_entry(garbage) = %d", gnutls_db_check_entry(s, garbage));
  say(sd, "db_get_ptr unset is NULL: %d", gnutls_db_get_ptr(s) == NULL);
  log_rc(sd, "get_id before", gnutls_session_get_id(s, id, &n));
  say(sd, "size %u", (unsigned)n);
  log_rc(sd, "get_id2 before", gnutls_session_get_id2(s, &id2));
  say(sd, "size %u", id2.size);
  {
    gnutls_datum_t sid = {id, 16};
    memset(id, 7, sizeof id);
    log_rc(sd, "set_id(16)", gnutls_session_set_id(s, &sid));
  }
  gnutls_db_remove_session(s);
  say(sd, "is_resumed before = %d", gnutls_session_is_resumed(s));
  say(sd, "resumption_requested before = %d", gnutls_session_resumption_requested(s));
  gnutls_deinit(s);
  do_bye(sd, GNUTLS_SHUT_RDWR);
}

#define PLAN12(fn, ...)                           \
  static void fn(struct side* sd) {               \
    static const struct plan12 p = {__VA_ARGS__}; \
    plan = p;                                     \
    setup(sd);                                    \
  }
/* cache, key, client flags, remove, expiration, wait, data, set_id */
PLAN12(setup_db, CACHE, 0, 0, 0, 0, 0, SAVED)
PLAN12(setup_no_db, NO_CACHE, 0, 0, 0, 0, 0, SAVED)
PLAN12(setup_store_only, CACHE_STORE_ONLY, 0, 0, 0, 0, 0, SAVED)
PLAN12(setup_ticket, NO_CACHE, 1, 0, 0, 0, 0, SAVED)
PLAN12(setup_ticket_and_db, CACHE, 1, 0, 0, 0, 0, SAVED)
PLAN12(setup_db_no_tickets, CACHE, 1, GNUTLS_NO_TICKETS, 0, 0, 0, SAVED)
PLAN12(setup_db_corrupt, CACHE_CORRUPT, 0, 0, 0, 0, 0, SAVED)
PLAN12(setup_db_truncated, CACHE_TRUNCATED, 0, 0, 0, 0, 0, SAVED)
PLAN12(setup_db_removed, CACHE, 0, 0, 1, 0, 0, SAVED)
PLAN12(setup_db_expired, CACHE, 0, 0, 0, 1, 2, SAVED)
PLAN12(setup_ticket_expired, NO_CACHE, 1, 0, 0, 1, 2, SAVED)
PLAN12(setup_db_lifetime, CACHE, 0, 0, 0, 3600, 0, SAVED)
PLAN12(setup_db_garbage, CACHE, 1, 0, 0, 0, 0, GARBAGE)
PLAN12(setup_db_no_data, CACHE, 1, 0, 0, 0, 0, NO_DATA)
PLAN12(setup_db_set_id, CACHE, 0, 0, 0, 0, 0, NONE_SET, 1)

const struct scenario resumption12_scenarios[] = {
    {"resume12_db", client, server, setup_db, NULL},
    {"resume12_no_db", client, server, setup_no_db, NULL},
    {"resume12_store_only", client, server, setup_store_only, NULL},
    {"resume12_ticket", client, server, setup_ticket, NULL},
    {"resume12_ticket_and_db", client, server, setup_ticket_and_db, NULL},
    {"resume12_db_client_no_tickets", client, server, setup_db_no_tickets, NULL},
    /* Deliberate: GnuTLS 3.7.9 resumes from an entry with a byte of its
     * middle changed; Coda's entries carry a digest, and a damaged one is
     * a full handshake. */
    {"deliberate_resume12_db_corrupt", client, server, setup_db_corrupt, NULL},
    {"resume12_db_truncated", client, server, setup_db_truncated, NULL},
    {"resume12_db_removed", client, server, setup_db_removed, NULL},
    {"resume12_db_expired", client, server, setup_db_expired, NULL},
    {"resume12_ticket_expired", client, server, setup_ticket_expired, NULL},
    {"resume12_db_lifetime", client, server, setup_db_lifetime, NULL},
    {"resume12_garbage_data", client, server, setup_db_garbage, NULL},
    {"resume12_no_data", client, server, setup_db_no_data, NULL},
    {"resume12_set_id", client, server, setup_db_set_id, NULL},
    {"resume12_calls", calls_before_handshake, calls_before_handshake, NULL, NULL},
    /* Deliberate: RFC 5246 7.2.2 has the session invalidated after a fatal
     * alert, and Coda's server removes it from its cache; GnuTLS 3.7.9
     * resumes it. A ticket cannot be taken back: both resume. */
    {"deliberate_resume12_db_fatal_alert", client_fatal_first, server_fatal_first, setup_db, NULL},
    {"resume12_ticket_fatal_alert", client_fatal_first, server_fatal_first, setup_ticket, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
