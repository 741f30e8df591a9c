/* Faults at every byte of a resumed TLS 1.3 handshake with 0-RTT early
 * data: a fault-free walk gets session data whose ticket allows early data,
 * then the resumed walk runs with push/pull moving one byte per call and
 * failing with EAGAIN or EINTR before every byte (both ways of reporting
 * it). The outcome must equal the fault-free one: both sides resumed, the
 * server took the early data (GNUTLS_SFLAGS_EARLY_DATA on both) and
 * delivers it once through gnutls_record_recv_early_data, and the data
 * after the handshake arrives whole. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipe_walk.h"

static unsigned char c2s[3000], s2c[1500];
static const char early[] = "GET /0-rtt HTTP/1.1\r\nHost: closure.test\r\n\r\n";
static gnutls_datum_t ticket_key;
static gnutls_anti_replay_t anti_replay;

/* The anti-replay store: keys in memory, each taken once. */
static unsigned char keys[256][96];
static unsigned key_sizes[256];
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
  if (nkeys == 256 || key->size > sizeof keys[0]) return GNUTLS_E_DB_ERROR;
  memcpy(keys[nkeys], key->data, key->size);
  key_sizes[nkeys++] = key->size;
  return 0;
}

typedef struct {
  int resumed_c, resumed_s, early_c, early_s;
  size_t early_got, c_data, s_data;
  unsigned char early_buf[sizeof early];
} outcome_t;

static void set_faults(cu_side_t* x, int faults, int err, int plain_errno) {
  x->faults = faults;
  x->err = err;
  x->plain_errno = plain_errno;
}

/* One walk; with `resume`, the client offers `*session` and early data.
 * Without, `*session` receives the new session's data. */
static outcome_t walk(int resume, gnutls_datum_t* session, int faults, int err, int plain_errno) {
  static unsigned char c_got[sizeof s2c], s_got[sizeof c2s];
  cu_side_t c, s;
  outcome_t out;
  ssize_t n;
  memset(&out, 0, sizeof out);
  memset(c_got, 0, sizeof c_got);
  memset(s_got, 0, sizeof s_got);
  cu_walk_session_flags = GNUTLS_ENABLE_EARLY_DATA;
  cu_walk_init(&c, &s, GNUTLS_SHUT_RDWR, GNUTLS_SHUT_RDWR);
  CHECK_INT(gnutls_session_ticket_enable_server(s.s, &ticket_key), 0);
  gnutls_anti_replay_enable(s.s, anti_replay);
  if (resume) {
    CHECK_INT(gnutls_session_set_data(c.s, session->data, session->size), 0);
    CHECK_INT(gnutls_record_send_early_data(c.s, early, sizeof early), 0);
  }
  set_faults(&c, faults, err, plain_errno);
  set_faults(&s, faults, err, plain_errno);
  c.send_data = c2s, c.send_len = sizeof c2s;
  s.send_data = s2c, s.send_len = sizeof s2c;
  c.recv_buf = c_got, c.recv_len = sizeof c_got;
  s.recv_buf = s_got, s.recv_len = sizeof s_got;
  CHECK_INT(cu_walk(&c, &s, NULL), 0);
  CHECK_INT(c.error_ret, 0);
  CHECK_INT(s.error_ret, 0);
  CHECK_INT(c.ops[c.op], CU_OP_END);
  CHECK_INT(s.ops[s.op], CU_OP_END);
  CHECK_MEM(s_got, s.recv_got, c2s, sizeof c2s);
  CHECK_MEM(c_got, c.recv_got, s2c, sizeof s2c);
  CHECK_INT(c.dir_mismatches, 0);
  CHECK_INT(s.dir_mismatches, 0);
  if (faults) CHECK(c.dir_checks > 100 && s.dir_checks > 100);
  out.resumed_c = gnutls_session_is_resumed(c.s);
  out.resumed_s = gnutls_session_is_resumed(s.s);
  out.early_c = (gnutls_session_get_flags(c.s) & GNUTLS_SFLAGS_EARLY_DATA) != 0;
  out.early_s = (gnutls_session_get_flags(s.s) & GNUTLS_SFLAGS_EARLY_DATA) != 0;
  while ((n = gnutls_record_recv_early_data(s.s, out.early_buf + out.early_got,
                                            sizeof out.early_buf - out.early_got)) > 0) {
    out.early_got += (size_t)n;
    if (out.early_got == sizeof out.early_buf) break;
  }
  out.c_data = c.data_bytes;
  out.s_data = s.data_bytes;
  if (!resume) {
    gnutls_free(session->data);
    session->data = NULL;
    CHECK_INT(gnutls_session_get_data2(c.s, session), 0);
    CHECK(session->size > 4);
  }
  cu_walk_free(&c, &s);
  return out;
}

int main(int argc, char** argv) {
  static const struct {
    int err, plain_errno;
    const char* name;
  } modes[] = {
      {EAGAIN, 0, "EAGAIN via gnutls_transport_set_errno"},
      {EINTR, 1, "EINTR via errno"},
      {EAGAIN, 1, "EAGAIN via errno"},
      {EINTR, 0, "EINTR via gnutls_transport_set_errno"},
  };
  gnutls_datum_t session = {NULL, 0};
  outcome_t clean, faulty;
  char title[160];
  size_t m;
  cu_init(argc, argv);
  if (!cu_tls13_only()) {
    printf("early data is TLS 1.3 only: nothing to do\n");
    return 0;
  }
  cu_pattern(c2s, sizeof c2s, 31);
  cu_pattern(s2c, sizeof s2c, 32);
  gnutls_session_ticket_key_generate(&ticket_key);
  gnutls_anti_replay_init(&anti_replay);
  gnutls_anti_replay_set_add_function(anti_replay, store_add);

  cu_begin("fault-free: resumed with early data");
  walk(0, &session, 0, 0, 0);
  clean = walk(1, &session, 0, 0, 0);
  CHECK_INT(clean.resumed_c, 1);
  CHECK_INT(clean.resumed_s, 1);
  CHECK_INT(clean.early_c, 1);
  CHECK_INT(clean.early_s, 1);
  CHECK_MEM(clean.early_buf, clean.early_got, early, sizeof early);
  for (m = 0; m < sizeof modes / sizeof modes[0]; m++) {
    snprintf(title, sizeof title, "%s at every byte: resumed with early data", modes[m].name);
    cu_begin(title);
    /* Fresh session data each time: anti-replay takes a ticket only within
     * its window (10 s), and each ClientHello once. */
    walk(0, &session, 0, 0, 0);
    faulty = walk(1, &session, 1, modes[m].err, modes[m].plain_errno);
    CHECK_INT(faulty.resumed_c, 1);
    CHECK_INT(faulty.resumed_s, 1);
    CHECK_INT(faulty.early_c, 1);
    CHECK_INT(faulty.early_s, 1);
    CHECK_MEM(faulty.early_buf, faulty.early_got, early, sizeof early);
    CHECK_INT(faulty.c_data, clean.c_data);
    CHECK_INT(faulty.s_data, clean.s_data);
  }
  gnutls_free(session.data);
  gnutls_free(ticket_key.data);
  gnutls_anti_replay_deinit(anti_replay);
  return cu_finish();
}
