#define _GNU_SOURCE 1
#include "pipe_walk.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

const char* cu_op_name(int op) {
  static const char* const names[] = {"handshake", "send", "recv", "bye", "recv to 0", "end"};
  return op >= 0 && op <= CU_OP_END ? names[op] : "?";
}

const char* cu_hard_name(cu_hard_t kind) {
  static const char* const names[] = {"none", "EPIPE", "ECONNRESET", "EOF"};
  return names[kind];
}

/* ---- the pipes ---- */

static void note_event(cu_side_t* x, cu_hard_t kind) {
  x->events |= 1u << kind;
  /* The first one while the script runs (not in what follows a failure). */
  if (x->event != CU_HARD_NONE || x->error_ret != 0) return;
  x->event = kind;
  x->event_op = x->ops[x->op];
  x->event_in_pos = x->in_pos;
}

static void fail_with(cu_side_t* x, int err, int dir) {
  x->last_dir = dir;
  if (x->plain_errno)
    errno = err;
  else
    gnutls_transport_set_errno(x->s, err);
}

/* Soft faults: a failure before every byte, then one byte. */
static int soft_fault(cu_side_t* x, int* ok, int dir, size_t* len) {
  if (!x->faults) return 0;
  if (!*ok) {
    *ok = 1;
    fail_with(x, x->err, dir);
    return 1;
  }
  *ok = 0;
  if (*len > 1) *len = 1;
  return 0;
}

static ssize_t side_push(gnutls_transport_ptr_t p, const void* data, size_t len) {
  cu_side_t* x = p;
  if (soft_fault(x, &x->push_ok, 1, &len)) return -1;
  if (x->hard == CU_HARD_EPIPE && x->out.len >= x->hard_at) {
    note_event(x, CU_HARD_EPIPE);
    fail_with(x, EPIPE, 1);
    return -1;
  }
  if (x->peer->closed && x->peer->close_as == CU_HARD_ECONNRESET) {
    note_event(x, CU_HARD_EPIPE); /* writing into a reset connection */
    fail_with(x, EPIPE, 1);
    return -1;
  }
  if (x->hard == CU_HARD_EPIPE && len > x->hard_at - x->out.len) len = x->hard_at - x->out.len;
  cu_buf_add(&x->out, data, len);
  return (ssize_t)len;
}

/* The transport ended: 0 for EOF, -1 with ECONNRESET for a reset. */
static ssize_t pull_end(cu_side_t* x, cu_hard_t kind) {
  note_event(x, kind);
  if (kind == CU_HARD_EOF) return 0;
  fail_with(x, ECONNRESET, 0);
  return -1;
}

static ssize_t side_pull(gnutls_transport_ptr_t p, void* data, size_t len) {
  cu_side_t* x = p;
  size_t avail = x->peer->out.len - x->in_pos;
  int pull_fault = x->hard == CU_HARD_ECONNRESET || x->hard == CU_HARD_EOF;
  if (soft_fault(x, &x->pull_ok, 0, &len)) return -1;
  if (pull_fault && x->in_pos >= x->hard_at) return pull_end(x, x->hard);
  if (avail == 0) {
    if (x->peer->closed) return pull_end(x, x->peer->close_as);
    fail_with(x, EAGAIN, 0);
    return -1;
  }
  if (len > avail) len = avail;
  if (pull_fault && len > x->hard_at - x->in_pos) len = x->hard_at - x->in_pos;
  memcpy(data, x->peer->out.data + x->in_pos, len);
  x->in_pos += len;
  return (ssize_t)len;
}

/* ---- the scripts ---- */

static int blocked(cu_side_t* x, ssize_t r) {
  if (r != GNUTLS_E_AGAIN && r != GNUTLS_E_INTERRUPTED) return 0;
  x->dir_checks++;
  if (gnutls_record_get_direction(x->s) != x->last_dir) x->dir_mismatches++;
  return 1;
}

static void finish_op(cu_side_t* x) {
  x->op++;
  if (x->ops[x->op] == CU_OP_END && !x->closed) {
    x->closed = 1; /* done: the program closes its socket */
    x->close_as = CU_HARD_EOF;
  }
}

static void fail_op(cu_side_t* x, ssize_t r) {
  x->error_ret = (int)r;
  x->error_op = x->ops[x->op];
}

static void step_send(cu_side_t* x) {
  ssize_t r;
  if (x->pending && x->resume_null) {
    r = gnutls_record_send(x->s, NULL, 0);
    if (r >= 0) {
      x->null_resumes++;
      if ((size_t)r != x->pending) x->null_resume_mismatches++;
    }
  } else {
    size_t n = x->send_len - x->send_off;
    if (x->send_chunk && n > x->send_chunk) n = x->send_chunk;
    r = gnutls_record_send(x->s, x->send_data + x->send_off, n);
  }
  if (r > 0) {
    x->pending = 0;
    x->send_off += (size_t)r;
    if (x->send_off == x->send_len) {
      x->data_end = x->out.len;
      finish_op(x);
    }
  } else if (blocked(x, r)) {
    if (!x->pending) {
      size_t left = x->send_len - x->send_off;
      if (x->send_chunk && left > x->send_chunk) left = x->send_chunk;
      x->pending = left < 16384 ? left : 16384;
    }
  } else {
    fail_op(x, r == 0 ? 1 : r);
  }
}

void cu_side_step(cu_side_t* x) {
  ssize_t r;
  switch (x->ops[x->op]) {
    case CU_OP_HS:
      r = gnutls_handshake(x->s);
      if (r == 0) {
        x->data_start = x->out.len;
        finish_op(x);
      } else if (!blocked(x, r)) {
        fail_op(x, r);
      }
      return;
    case CU_OP_SEND:
      step_send(x);
      return;
    case CU_OP_RECV:
      r = gnutls_record_recv(x->s, x->recv_buf + x->recv_got, x->recv_len - x->recv_got);
      if (r > 0) {
        x->recv_got += (size_t)r;
        if (x->recv_got == x->recv_len) finish_op(x);
      } else if (r == 0) {
        x->recv_ended = 1; /* the peer's close_notify: the stream ended early */
        finish_op(x);
      } else if (!blocked(x, r)) {
        fail_op(x, r);
      }
      return;
    case CU_OP_BYE:
      if (!x->bye_started) {
        x->bye_started = 1;
        x->bye_start = x->out.len;
        x->data_bytes = x->out.len - x->data_start;
      }
      r = gnutls_bye(x->s, x->how);
      if (r == 0) {
        x->bye_bytes = x->out.len - x->bye_start;
        finish_op(x);
      } else if (!blocked(x, r)) {
        fail_op(x, r);
      }
      return;
    case CU_OP_RECV0: {
      char buf[16];
      r = gnutls_record_recv(x->s, buf, sizeof buf);
      if (r == 0)
        finish_op(x);
      else if (!blocked(x, r))
        fail_op(x, r > 0 ? 1 : r);
      return;
    }
    default:
      return;
  }
}

int cu_side_done(const cu_side_t* x) {
  return x->ops[x->op] == CU_OP_END || x->closed;
}

static void script(cu_side_t* x, int first, int second, gnutls_close_request_t how) {
  int n = 0;
  x->ops[n++] = CU_OP_HS;
  x->ops[n++] = first;
  x->ops[n++] = second;
  x->ops[n++] = CU_OP_BYE;
  if (how == GNUTLS_SHUT_WR) x->ops[n++] = CU_OP_RECV0;
  x->ops[n] = CU_OP_END;
  x->how = how;
}

unsigned cu_walk_session_flags = 0;
unsigned cu_walk_client_flags = 0;

static void side_init(cu_side_t* x, const char* name, int server, cu_side_t* peer) {
  memset(x, 0, sizeof *x);
  x->name = name;
  x->server = server;
  x->peer = peer;
  x->s = cu_session(server,
                    GNUTLS_NONBLOCK | cu_walk_session_flags | (server ? 0 : cu_walk_client_flags));
  gnutls_transport_set_ptr(x->s, x);
  gnutls_transport_set_push_function(x->s, side_push);
  gnutls_transport_set_pull_function(x->s, side_pull);
}

void cu_walk_init(cu_side_t* c, cu_side_t* s, gnutls_close_request_t c_how,
                  gnutls_close_request_t s_how) {
  side_init(c, "client", 0, s);
  side_init(s, "server", 1, c);
  script(c, CU_OP_SEND, CU_OP_RECV, c_how);
  script(s, CU_OP_RECV, CU_OP_SEND, s_how);
}

void cu_walk_free(cu_side_t* c, cu_side_t* s) {
  gnutls_deinit(c->s);
  gnutls_deinit(s->s);
  cu_buf_free(&c->out);
  cu_buf_free(&s->out);
}

/* Changes whenever a call moved a byte, delivered data or ended something. */
static size_t progress(const cu_side_t* x) {
  return x->out.len + x->in_pos + x->recv_got + x->send_off + (size_t)x->op + (size_t)x->closed +
         (x->error_ret != 0);
}

int cu_walk(cu_side_t* c, cu_side_t* s, void (*on_error)(cu_side_t*)) {
  /* Soft faults make every other call fail; 64 calls without any change
   * cannot be soft faults any more. */
  enum { kMaxIdle = 64 };
  cu_side_t* sides[2] = {c, s};
  size_t last = progress(c) + progress(s);
  long iter, idle = 0;
  for (iter = 0; iter < 4000000; iter++) {
    cu_side_t* x = sides[iter % 2];
    size_t now;
    if (cu_side_done(c) && cu_side_done(s)) return 0;
    if (!cu_side_done(x)) {
      cu_side_step(x);
      if (x->error_ret) {
        if (!on_error) return 0;
        on_error(x);
      }
    }
    now = progress(c) + progress(s);
    if (now != last) {
      last = now;
      idle = 0;
    } else if (++idle > kMaxIdle) {
      return -1;
    }
  }
  return -1;
}

/* ---- the wire ---- */

/* Walks the complete records of x's output; the number of alerts, and
 * where the first one ends and its outer type. */
static int scan_alerts(const cu_side_t* x, size_t* first_end, int* first_type) {
  const unsigned char* d = x->out.data;
  size_t pos = 0, len = x->out.len;
  int tls13 = cu_tls13_only(), alerts = 0;
  while (len - pos >= 5) {
    size_t flen = ((size_t)d[pos + 3] << 8) | d[pos + 4];
    if (len - pos < 5 + flen) break; /* cut short by the transport */
    if (d[pos] == 21 || (tls13 && d[pos] == 23 && flen == 2 + 1 + 16)) {
      if (alerts++ == 0) {
        *first_end = pos + 5 + flen;
        *first_type = d[pos];
      }
    }
    pos += 5 + flen;
  }
  return alerts;
}

int cu_alert_records(const cu_side_t* x) {
  size_t end;
  int type;
  return scan_alerts(x, &end, &type);
}

int cu_read_peer_alert(const cu_side_t* x) {
  size_t end = 0;
  int type = 0;
  if (scan_alerts(x->peer, &end, &type) == 0 || x->in_pos < end) return 0;
  return type;
}
