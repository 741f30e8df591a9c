/* Faults at every byte: handshake, data both ways and bye (WR and RDWR, in
 * both roles) over in-memory pipes whose push/pull move at most one byte per
 * call and fail with EAGAIN or EINTR (via gnutls_transport_set_errno or
 * plain errno) before every byte. One thread, a cooperative loop: the
 * outcome must equal the fault-free run's. */
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

static result_t run(int faults, int err, int plain_errno, int resume_null,
                    gnutls_close_request_t c_how, gnutls_close_request_t s_how) {
  cu_side_t c, s;
  cu_side_t* sides[2] = {&c, &s};
  static unsigned char c_got[sizeof s2c], s_got[sizeof c2s];
  int i, hang;
  result_t res;
  coda_closure_t cc;
  memset(&res, 0, sizeof res);
  memset(c_got, 0, sizeof c_got);
  memset(s_got, 0, sizeof s_got);
  cu_walk_init(&c, &s, c_how, s_how);
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
  cu_init(argc, argv);
  cu_pattern(c2s, sizeof c2s, 21);
  cu_pattern(s2c, sizeof s2c, 22);
  for (h = 0; h < 4; h++) {
    result_t clean, faulty;
    snprintf(title, sizeof title, "fault-free: client %s, server %s", how_name(hows[h][0]),
             how_name(hows[h][1]));
    cu_begin(title);
    clean = run(0, 0, 0, 0, hows[h][0], hows[h][1]);
    for (m = 0; m < sizeof modes / sizeof modes[0]; m++) {
      snprintf(title, sizeof title, "%s: client %s, server %s", modes[m].name, how_name(hows[h][0]),
               how_name(hows[h][1]));
      cu_begin(title);
      faulty =
          run(1, modes[m].err, modes[m].plain_errno, modes[m].resume_null, hows[h][0], hows[h][1]);
      /* The same bytes as the fault-free run, phase by phase. */
      CHECK_INT(faulty.c_bye, clean.c_bye);
      CHECK_INT(faulty.s_bye, clean.s_bye);
      CHECK_INT(faulty.c_data, clean.c_data);
      CHECK_INT(faulty.s_data, clean.s_data);
    }
  }
  return cu_finish();
}
