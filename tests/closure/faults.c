/* Faults at every byte: handshake, data both ways and bye (WR and RDWR, in
 * both roles) over in-memory pipes whose push/pull move at most one byte per
 * call and fail with EAGAIN or EINTR (via gnutls_transport_set_errno or
 * plain errno) before every byte. One thread, a cooperative loop: the
 * outcome must equal the fault-free run's. The same walks run with
 * resumption (issue 12): a full handshake whose server sends tickets (in
 * TLS 1.2 a NewSessionTicket inside the handshake, in TLS 1.3 after it,
 * still unread when the bye starts), then a handshake resumed from that
 * session's data, by ticket and (TLS 1.2) by session id from the server's
 * cache; each resumed walk must have resumed on both sides. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipe_walk.h"

typedef struct {
  size_t c_bye, s_bye, c_data, s_data;
  int ok;
} result_t;

static unsigned char c2s[1 + 300 + 17000], s2c[2000];

/* Resumption: none, tickets (the server has a key), or session ids (the
 * server has a cache and no key; the client sends no SessionTicket). */
enum resumption { NO_RESUMPTION, BY_TICKET, BY_SESSION_ID };
static gnutls_datum_t ticket_key;
/* The server's cache: one entry is all a walk needs. */
static unsigned char db_key[32], db_entry[4096];
static unsigned db_key_size, db_entry_size;

static int db_store(void* ptr, gnutls_datum_t key, gnutls_datum_t data) {
  (void)ptr;
  if (key.size > sizeof db_key || data.size > sizeof db_entry) return -1;
  memcpy(db_key, key.data, key.size);
  memcpy(db_entry, data.data, data.size);
  db_key_size = key.size;
  db_entry_size = data.size;
  return 0;
}

static gnutls_datum_t db_retrieve(void* ptr, gnutls_datum_t key) {
  gnutls_datum_t out = {NULL, 0};
  (void)ptr;
  if (key.size != db_key_size || memcmp(key.data, db_key, key.size) != 0) return out;
  out.data = gnutls_malloc(db_entry_size);
  memcpy(out.data, db_entry, db_entry_size);
  out.size = db_entry_size;
  return out;
}

static int db_remove(void* ptr, gnutls_datum_t key) {
  (void)ptr;
  (void)key;
  db_key_size = 0;
  return 0;
}

/* With `how_resumed` set, the server keeps sessions that way; with `data`,
 * the client resumes from it; with `save`, the client's session data after
 * the walk is kept there. */
static result_t run(int faults, int err, int plain_errno, int resume_null,
                    gnutls_close_request_t c_how, gnutls_close_request_t s_how,
                    enum resumption how_resumed, const gnutls_datum_t* data, gnutls_datum_t* save) {
  cu_side_t c, s;
  cu_side_t* sides[2] = {&c, &s};
  static unsigned char c_got[sizeof s2c], s_got[sizeof c2s];
  int i, hang;
  result_t res;
  coda_closure_t cc;
  memset(&res, 0, sizeof res);
  memset(c_got, 0, sizeof c_got);
  memset(s_got, 0, sizeof s_got);
  cu_walk_client_flags = how_resumed == BY_SESSION_ID ? GNUTLS_NO_TICKETS : 0;
  cu_walk_init(&c, &s, c_how, s_how);
  if (how_resumed == BY_TICKET) {
    CHECK_INT(gnutls_session_ticket_enable_server(s.s, &ticket_key), 0);
  } else if (how_resumed == BY_SESSION_ID) {
    gnutls_db_set_store_function(s.s, db_store);
    gnutls_db_set_retrieve_function(s.s, db_retrieve);
    gnutls_db_set_remove_function(s.s, db_remove);
  }
  if (data) CHECK_INT(gnutls_session_set_data(c.s, data->data, data->size), 0);
  for (i = 0; i < 2; i++) {
    cu_side_t* x = sides[i];
    x->faults = faults;
    x->err = err;
    x->plain_errno = plain_errno;
    x->resume_null = resume_null;
  }
  c.send_data = c2s, c.send_len = sizeof c2s;
  s.send_data = s2c, s.send_len = sizeof s2c;
  c.recv_buf = c_got, c.recv_len = sizeof c_got;
  s.recv_buf = s_got, s.recv_len = sizeof s_got;
  hang = cu_walk(&c, &s, NULL);
  CHECK_INT(hang, 0);
  CHECK_INT(c.error_ret, 0);
  CHECK_INT(s.error_ret, 0);
  CHECK_INT(c.ops[c.op], CU_OP_END);
  CHECK_INT(s.ops[s.op], CU_OP_END);
  if (c.error_ret || s.error_ret || c.ops[c.op] != CU_OP_END || s.ops[s.op] != CU_OP_END)
    fprintf(stderr, "   stopped: client %s ret %d, server %s ret %d\n", cu_op_name(c.ops[c.op]),
            c.error_ret, cu_op_name(s.ops[s.op]), s.error_ret);
  /* Same data delivered. */
  CHECK_MEM(s_got, s.recv_got, c2s, sizeof c2s);
  CHECK_MEM(c_got, c.recv_got, s2c, sizeof s2c);
  /* The direction told what the library was blocked on, every time. */
  for (i = 0; i < 2; i++) {
    CHECK_INT(sides[i]->dir_mismatches, 0);
    if (faults) CHECK(sides[i]->dir_checks > 1000);
    if (faults && resume_null) {
      CHECK(sides[i]->null_resumes > 0);
      CHECK_INT(sides[i]->null_resume_mismatches, 0);
    }
    /* Exactly one close_notify record in the bye phase. */
    CHECK_INT(sides[i]->bye_bytes, cu_close_notify_len(sides[i]->s));
    CHECK_INT(cu_alert_records(sides[i]), 1);
    /* Both closure records clean. */
    coda_session_get_closure(sides[i]->s, &cc);
    CHECK_INT(cc.outcome, CODA_CLOSURE_CLEAN);
    CHECK_INT(cc.close_notify_sent, 1);
    CHECK_INT(cc.close_notify_received, 1);
    CHECK_INT(cc.app_bytes_discarded, 0);
  }
  coda_session_get_closure(c.s, &cc);
  CHECK_INT(cc.app_bytes_sent, sizeof c2s);
  CHECK_INT(cc.app_bytes_received, sizeof s2c);
  /* Nothing unread, nothing written after the close_notify. */
  CHECK_INT(c.in_pos, s.out.len);
  CHECK_INT(s.in_pos, c.out.len);
  if (data) {
    CHECK_INT(gnutls_session_is_resumed(c.s), 1);
    CHECK_INT(gnutls_session_is_resumed(s.s), 1);
  }
  if (save) {
    gnutls_free(save->data);
    save->data = NULL;
    CHECK_INT(gnutls_session_get_data2(c.s, save), 0);
    CHECK(save->size > 4);
  }
  res.c_bye = c.bye_bytes;
  res.s_bye = s.bye_bytes;
  res.c_data = c.data_bytes;
  res.s_data = s.data_bytes;
  res.ok = 1;
  cu_walk_free(&c, &s);
  return res;
}

static const char* how_name(gnutls_close_request_t how) {
  return how == GNUTLS_SHUT_WR ? "WR" : "RDWR";
}

int main(int argc, char** argv) {
  static const struct {
    int err, plain_errno, resume_null;
    const char* name;
  } modes[] = {
      {EAGAIN, 0, 0, "EAGAIN via gnutls_transport_set_errno"},
      {EINTR, 1, 0, "EINTR via errno"},
      {EAGAIN, 1, 1, "EAGAIN via errno, send resumed with (NULL, 0)"},
      {EINTR, 0, 1, "EINTR via gnutls_transport_set_errno, send resumed with (NULL, 0)"},
  };
  static const gnutls_close_request_t hows[4][2] = {{GNUTLS_SHUT_WR, GNUTLS_SHUT_RDWR},
                                                    {GNUTLS_SHUT_RDWR, GNUTLS_SHUT_WR},
                                                    {GNUTLS_SHUT_WR, GNUTLS_SHUT_WR},
                                                    {GNUTLS_SHUT_RDWR, GNUTLS_SHUT_RDWR}};
  char title[256];
  size_t m;
  int h;
  static const struct {
    enum resumption how;
    int resumed; /* the walk resumes the session of a fault-free one */
    const char* name;
  } kinds[] = {
      {NO_RESUMPTION, 0, ""},
      {BY_TICKET, 0, ", tickets sent"},
      {BY_TICKET, 1, ", resumed by ticket"},
      {BY_SESSION_ID, 1, ", resumed by session id"},
  };
  gnutls_datum_t saved = {NULL, 0};
  size_t k;
  cu_init(argc, argv);
  cu_pattern(c2s, sizeof c2s, 21);
  cu_pattern(s2c, sizeof s2c, 22);
  gnutls_session_ticket_key_generate(&ticket_key);
  for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
    /* TLS 1.3 has no session ids to resume by. */
    if (kinds[k].how == BY_SESSION_ID && cu_tls13_only()) continue;
    for (h = 0; h < 4; h++) {
      result_t clean, faulty;
      const gnutls_datum_t* data = NULL;
      if (kinds[k].resumed) {
        snprintf(title, sizeof title, "fault-free session to resume%s", kinds[k].name);
        cu_begin(title);
        run(0, 0, 0, 0, hows[h][0], hows[h][1], kinds[k].how, NULL, &saved);
        data = &saved;
      }
      snprintf(title, sizeof title, "fault-free: client %s, server %s%s", how_name(hows[h][0]),
               how_name(hows[h][1]), kinds[k].name);
      cu_begin(title);
      clean = run(0, 0, 0, 0, hows[h][0], hows[h][1], kinds[k].how, data, NULL);
      for (m = 0; m < sizeof modes / sizeof modes[0]; m++) {
        snprintf(title, sizeof title, "%s: client %s, server %s%s", modes[m].name,
                 how_name(hows[h][0]), how_name(hows[h][1]), kinds[k].name);
        cu_begin(title);
        faulty = run(1, modes[m].err, modes[m].plain_errno, modes[m].resume_null, hows[h][0],
                     hows[h][1], kinds[k].how, data, NULL);
        /* The same bytes as the fault-free run, phase by phase. */
        CHECK_INT(faulty.c_bye, clean.c_bye);
        CHECK_INT(faulty.s_bye, clean.s_bye);
        CHECK_INT(faulty.c_data, clean.c_data);
        CHECK_INT(faulty.s_data, clean.s_data);
      }
    }
  }
  gnutls_free(saved.data);
  gnutls_free(ticket_key.data);
  return cu_finish();
}
