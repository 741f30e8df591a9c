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

#include "closure_util.h"

enum { OP_HS, OP_SEND, OP_RECV, OP_BYE, OP_RECV0, OP_END };

typedef struct {
  const char* name;
  gnutls_session_t s;
  cu_buf_t out; /* what this side wrote (the peer reads it) */
  cu_buf_t* in; /* the peer's out */
  size_t in_pos;
  int faults, err, plain_errno;
  int push_ok, pull_ok; /* 1: the next call moves a byte; 0: it fails first */
  int last_dir;         /* 1 if the last failure was a write, 0 a read */
  long dir_checks, dir_mismatches;
  int ops[8], op;
  const unsigned char* send_data;
  size_t send_len, send_off;
  int resume_null; /* resume an interrupted send with (NULL, 0) */
  size_t pending;  /* the record length an interrupted send took */
  long null_resumes, null_resume_mismatches;
  unsigned char* recv_buf;
  size_t recv_len, recv_got;
  gnutls_close_request_t how;
  size_t bye_start, bye_bytes, data_start, data_bytes;
  int bye_started;
  int failed_ret; /* an unexpected return, or 0 */
} side_t;

static void fail_with(side_t* x, int err, int dir) {
  x->last_dir = dir;
  if (x->plain_errno)
    errno = err;
  else
    gnutls_transport_set_errno(x->s, err);
}

static ssize_t side_push(gnutls_transport_ptr_t p, const void* data, size_t len) {
  side_t* x = p;
  if (x->faults) {
    if (!x->push_ok) {
      x->push_ok = 1;
      fail_with(x, x->err, 1);
      return -1;
    }
    x->push_ok = 0;
    len = len > 1 ? 1 : len;
  }
  cu_buf_add(&x->out, data, len);
  return (ssize_t)len;
}

static ssize_t side_pull(gnutls_transport_ptr_t p, void* data, size_t len) {
  side_t* x = p;
  size_t avail = x->in->len - x->in_pos;
  if (x->faults) {
    if (!x->pull_ok) {
      x->pull_ok = 1;
      fail_with(x, x->err, 0);
      return -1;
    }
    x->pull_ok = 0;
    len = len > 1 ? 1 : len;
  }
  if (avail == 0) {
    fail_with(x, EAGAIN, 0);
    return -1;
  }
  if (len > avail) len = avail;
  memcpy(data, x->in->data + x->in_pos, len);
  x->in_pos += len;
  return (ssize_t)len;
}

static int blocked(side_t* x, ssize_t r) {
  if (r != GNUTLS_E_AGAIN && r != GNUTLS_E_INTERRUPTED) return 0;
  x->dir_checks++;
  if (gnutls_record_get_direction(x->s) != x->last_dir) x->dir_mismatches++;
  return 1;
}

/* One call into the library for this side's current operation. */
static void step(side_t* x) {
  ssize_t r;
  switch (x->ops[x->op]) {
    case OP_HS:
      r = gnutls_handshake(x->s);
      if (r == 0) {
        x->op++;
        x->data_start = x->out.len;
      } else if (!blocked(x, r)) {
        x->failed_ret = (int)r;
      }
      return;
    case OP_SEND:
      if (x->pending && x->resume_null) {
        r = gnutls_record_send(x->s, NULL, 0);
        if (r >= 0) {
          x->null_resumes++;
          if ((size_t)r != x->pending) x->null_resume_mismatches++;
        }
      } else {
        r = gnutls_record_send(x->s, x->send_data + x->send_off, x->send_len - x->send_off);
      }
      if (r > 0) {
        x->pending = 0;
        x->send_off += (size_t)r;
        if (x->send_off == x->send_len) x->op++;
      } else if (blocked(x, r)) {
        if (!x->pending) {
          size_t left = x->send_len - x->send_off;
          x->pending = left < 16384 ? left : 16384;
        }
      } else {
        x->failed_ret = r == 0 ? 1 : (int)r;
      }
      return;
    case OP_RECV:
      r = gnutls_record_recv(x->s, x->recv_buf + x->recv_got, x->recv_len - x->recv_got);
      if (r > 0) {
        x->recv_got += (size_t)r;
        if (x->recv_got == x->recv_len) x->op++;
      } else if (!blocked(x, r)) {
        x->failed_ret = r == 0 ? 1 : (int)r;
      }
      return;
    case OP_BYE:
      if (!x->bye_started) {
        x->bye_started = 1;
        x->bye_start = x->out.len;
        x->data_bytes = x->out.len - x->data_start;
      }
      r = gnutls_bye(x->s, x->how);
      if (r == 0) {
        x->bye_bytes = x->out.len - x->bye_start;
        x->op++;
      } else if (!blocked(x, r)) {
        x->failed_ret = (int)r;
      }
      return;
    case OP_RECV0: {
      char buf[16];
      r = gnutls_record_recv(x->s, buf, sizeof buf);
      if (r == 0)
        x->op++;
      else if (!blocked(x, r))
        x->failed_ret = r > 0 ? 1 : (int)r;
      return;
    }
    default:
      return;
  }
}

typedef struct {
  size_t c_bye, s_bye, c_data, s_data;
  int ok;
} result_t;

static unsigned char c2s[1 + 300 + 17000], s2c[2000];

static result_t run(int faults, int err, int plain_errno, int resume_null,
                    gnutls_close_request_t c_how, gnutls_close_request_t s_how) {
  side_t c, s;
  side_t* sides[2] = {&c, &s};
  static unsigned char c_got[sizeof s2c], s_got[sizeof c2s];
  long iter;
  int i;
  result_t res;
  coda_closure_t cc;
  memset(&res, 0, sizeof res);
  memset(&c, 0, sizeof c);
  memset(&s, 0, sizeof s);
  memset(c_got, 0, sizeof c_got);
  memset(s_got, 0, sizeof s_got);
  c.name = "client";
  s.name = "server";
  c.s = cu_session(0, GNUTLS_NONBLOCK);
  s.s = cu_session(1, GNUTLS_NONBLOCK);
  c.in = &s.out;
  s.in = &c.out;
  for (i = 0; i < 2; i++) {
    side_t* x = sides[i];
    x->faults = faults;
    x->err = err;
    x->plain_errno = plain_errno;
    x->resume_null = resume_null;
    gnutls_transport_set_ptr(x->s, x);
    gnutls_transport_set_push_function(x->s, side_push);
    gnutls_transport_set_pull_function(x->s, side_pull);
  }
  /* client: handshake, send, receive, bye; server: handshake, receive, send, bye */
  c.ops[0] = OP_HS, c.ops[1] = OP_SEND, c.ops[2] = OP_RECV, c.ops[3] = OP_BYE;
  c.ops[4] = c_how == GNUTLS_SHUT_WR ? OP_RECV0 : OP_END, c.ops[5] = OP_END;
  s.ops[0] = OP_HS, s.ops[1] = OP_RECV, s.ops[2] = OP_SEND, s.ops[3] = OP_BYE;
  s.ops[4] = s_how == GNUTLS_SHUT_WR ? OP_RECV0 : OP_END, s.ops[5] = OP_END;
  c.send_data = c2s, c.send_len = sizeof c2s;
  s.send_data = s2c, s.send_len = sizeof s2c;
  c.recv_buf = c_got, c.recv_len = sizeof c_got;
  s.recv_buf = s_got, s.recv_len = sizeof s_got;
  c.how = c_how;
  s.how = s_how;
  for (iter = 0; iter < 4000000; iter++) {
    if (c.ops[c.op] == OP_END && s.ops[s.op] == OP_END) break;
    if (c.failed_ret || s.failed_ret) break;
    step(iter % 2 ? &s : &c);
  }
  CHECK_INT(c.failed_ret, 0);
  CHECK_INT(s.failed_ret, 0);
  CHECK_INT(c.ops[c.op], OP_END);
  CHECK_INT(s.ops[s.op], OP_END);
  if (c.failed_ret || s.failed_ret || c.ops[c.op] != OP_END || s.ops[s.op] != OP_END)
    fprintf(stderr, "   stopped: client op %d ret %d, server op %d ret %d\n", c.op, c.failed_ret,
            s.op, s.failed_ret);
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
  gnutls_deinit(c.s);
  gnutls_deinit(s.s);
  cu_buf_free(&c.out);
  cu_buf_free(&s.out);
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
