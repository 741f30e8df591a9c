/* Hard faults at every byte. One side's transport fails for good at byte k
 * of what it writes (EPIPE) or reads (ECONNRESET, or EOF), for every k of
 * the whole exchange (handshake, data both ways in several records, bye WR
 * and RDWR), with the client or the server as the faulting side, over the
 * pipes of pipe_walk.h with soft faults (EAGAIN/EINTR, one byte per call)
 * as well. A side whose call fails makes that call once more, calls
 * gnutls_bye(WR) as programs do before closing, and closes its end: the
 * peer then reads what was written, then EOF (or a reset).
 *
 * For both sides: no hang; the failed call returns the documented error
 * for what the transport did and where, and repeating it fails again; the
 * application received a prefix of what the peer sent, all of it when the
 * transport delivered it; at most one close_notify on the wire; and the
 * closure record tells what happened, clean only when close_notify went
 * both ways. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipe_walk.h"

/* Small data in several records, so faults land before, inside and between
 * them; no 2-byte record (see cu_alert_records). */
static unsigned char c2s[221], s2c[140];
enum { kClientChunk = 100, kServerChunk = 60 };

typedef struct {
  cu_side_t side;  /* first: the walk hands out cu_side_t pointers */
  int again_ret;   /* the failed call, made once more */
  int cleanup_ret; /* gnutls_bye(WR) after that */
  unsigned char got[sizeof c2s > sizeof s2c ? sizeof c2s : sizeof s2c];
} hf_side_t;

static int trace;

/* Under AddressSanitizer the handshakes are several times slower: there the
 * walk takes every 4th byte (a different one for each kind and role), to
 * stay within the test's time. */
#if defined(__SANITIZE_ADDRESS__)
#define HF_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HF_SANITIZED 1
#endif
#endif
#ifdef HF_SANITIZED
enum { kStride = 4 };
#else
enum { kStride = 1 };
#endif

/* The call that failed, made again (E_AGAIN/E_INTERRUPTED retried). */
static int call_again(cu_side_t* x) {
  unsigned char buf[64];
  int r = 0, tries;
  for (tries = 0; tries < 1000; tries++) {
    switch (x->error_op) {
      case CU_OP_HS:
        r = gnutls_handshake(x->s);
        break;
      case CU_OP_SEND:
        r = (int)gnutls_record_send(x->s, x->send_data + x->send_off, 1);
        break;
      case CU_OP_BYE:
        r = gnutls_bye(x->s, x->how);
        break;
      default:
        r = (int)gnutls_record_recv(x->s, buf, sizeof buf);
        break;
    }
    if (r != GNUTLS_E_AGAIN && r != GNUTLS_E_INTERRUPTED) break;
  }
  return r;
}

static int bye_wr(cu_side_t* x) {
  int r = 0, tries;
  for (tries = 0; tries < 1000; tries++) {
    r = gnutls_bye(x->s, GNUTLS_SHUT_WR);
    if (r != GNUTLS_E_AGAIN && r != GNUTLS_E_INTERRUPTED) break;
  }
  return r;
}

/* What a program does after a failed call: try once more, say goodbye,
 * close the socket. A side whose own transport was reset resets the
 * connection for the peer too. */
static void give_up(cu_side_t* x) {
  hf_side_t* h = (hf_side_t*)x;
  h->again_ret = call_again(x);
  h->cleanup_ret = bye_wr(x);
  x->closed = 1;
  x->close_as = x->hard == CU_HARD_ECONNRESET ? CU_HARD_ECONNRESET : CU_HARD_EOF;
}

/* Where a side's reading stopped in the peer's records: 0 at a record
 * boundary, 1 inside a header, 2 inside a body. */
static int read_position(const cu_side_t* x) {
  const unsigned char* d = x->peer->out.data;
  size_t pos = 0, at = x->event_in_pos;
  while (pos < at) {
    size_t flen = ((size_t)d[pos + 3] << 8) | d[pos + 4];
    if (at < pos + 5) return 1;
    if (at < pos + 5 + flen) return 2;
    pos += 5 + flen;
  }
  return 0;
}

/* The peer's program gave up and said goodbye (bye(WR)) while this side's
 * handshake runs: the handshake cannot finish, GNUTLS_E_SESSION_EOF once and
 * GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE after, as in GnuTLS 3.7
 * (api.handshake_close_differential). A TLS 1.3 server that sent its ServerHello
 * reads protected records only: the client's plaintext close_notify (it
 * had no keys yet) is E_DECRYPTION_FAILED, as in GnuTLS, and the server
 * sends unexpected_message (RFC 8446 5). */
static int goodbye_in_handshake(const cu_side_t* x, int alert_type) {
  if (cu_tls13_only() && x->server && alert_type == 21) return GNUTLS_E_DECRYPTION_FAILED;
  return GNUTLS_E_SESSION_EOF;
}

/* The documented result of the call that met the transport's failure
 * (shared/closure-contract.md; GnuTLS 3.7's codes, tests/differential):
 * a write fails with E_PUSH_ERROR, a read with E_PULL_ERROR; EOF before the
 * peer's close_notify is E_PREMATURE_TERMINATION, inside a record's body
 * E_UNEXPECTED_PACKET_LENGTH; bye(RDWR) waiting for the close_notify
 * returns 0 on EOF or a transport error. */
static int documented_error(const cu_side_t* x) {
  int rdwr_wait = x->event_op == CU_OP_BYE && x->how == GNUTLS_SHUT_RDWR;
  int alert = cu_read_peer_alert(x);
  if (x->error_op == CU_OP_HS && x->error_ret != 0 && alert) return goodbye_in_handshake(x, alert);
  switch (x->event) {
    case CU_HARD_EPIPE:
      return GNUTLS_E_PUSH_ERROR;
    case CU_HARD_ECONNRESET:
      return rdwr_wait ? 0 : GNUTLS_E_PULL_ERROR;
    case CU_HARD_EOF:
      if (rdwr_wait) return 0;
      return read_position(x) == 2 ? GNUTLS_E_UNEXPECTED_PACKET_LENGTH
                                   : GNUTLS_E_PREMATURE_TERMINATION;
    default:
      return 0;
  }
}

/* The calls, the data and the wire. */
static void check_side(cu_side_t* x, const unsigned char* peer_sent, size_t peer_len) {
  hf_side_t* h = (hf_side_t*)x;
  int expected = documented_error(x);

  /* The failed call and what follows it. */
  CHECK_INT(x->error_ret, expected);
  if (expected != 0) {
    if (x->event != CU_HARD_NONE) CHECK_INT(x->error_op, x->event_op);
    CHECK(gnutls_error_is_fatal(x->error_ret));
    /* Sticky: the same error again, or the session is invalid now (after
     * the end of the session, no data to be had). */
    CHECK(h->again_ret == x->error_ret || h->again_ret == GNUTLS_E_INVALID_SESSION ||
          (x->error_ret == GNUTLS_E_SESSION_EOF &&
           h->again_ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE));
  } else {
    CHECK_INT(x->ops[x->op], CU_OP_END);
  }

  /* A prefix of what the peer sent; all of it once the transport brought
   * every data record. */
  CHECK(x->recv_got <= peer_len);
  CHECK_MEM(h->got, x->recv_got, peer_sent, x->recv_got);
  if (x->peer->data_end > 0 && x->in_pos >= x->peer->data_end) CHECK_INT(x->recv_got, peer_len);
  /* One close_notify at most. */
  CHECK(cu_alert_records(x) <= 1);
}

#ifdef CODA_GNUTLS_EXTENSIONS
/* The closure record: clean only when close_notify went both ways; without
 * the peer's close_notify, the transport ended (EOF or an error) and the
 * record says how. */
static void check_closure(cu_side_t* x) {
  const unsigned epipe = 1u << CU_HARD_EPIPE, eof = 1u << CU_HARD_EOF;
  const unsigned pull_end = eof | 1u << CU_HARD_ECONNRESET;
  coda_closure_t cc;
  coda_session_get_closure(x->s, &cc);
  CHECK_INT(cc.app_bytes_received, x->recv_got);
  if (x->error_ret == GNUTLS_E_DECRYPTION_FAILED) { /* see goodbye_in_handshake */
    CHECK_INT(cc.outcome, CODA_CLOSURE_ABORTED_BY_ALERT);
    CHECK_INT(cc.fatal_alert_sent, GNUTLS_A_UNEXPECTED_MESSAGE);
    CHECK_INT(cc.read_state, CODA_DIRECTION_FAILED);
    CHECK_INT(cc.write_state, CODA_DIRECTION_FAILED);
    CHECK(!cc.close_notify_sent);
    return;
  }
  /* A close_notify queued is on the wire unless writing failed. */
  if (cc.close_notify_sent && !(x->events & epipe)) CHECK_INT(cu_alert_records(x), 1);
  if (x->events == 0) CHECK_INT(cc.outcome, CODA_CLOSURE_CLEAN);
  if (cc.close_notify_received)
    CHECK_INT(cc.outcome, cc.close_notify_sent ? CODA_CLOSURE_CLEAN : CODA_CLOSURE_OPEN);
  else
    CHECK_INT(cc.outcome,
              cc.close_notify_sent ? CODA_CLOSURE_PEER_NEVER_CONFIRMED : CODA_CLOSURE_TRUNCATED);
  CHECK_INT(cc.read_state, cc.close_notify_received ? CODA_DIRECTION_CLOSED
                           : x->events & pull_end   ? CODA_DIRECTION_FAILED
                                                    : CODA_DIRECTION_OPEN);
  CHECK_INT(cc.write_state, x->events & epipe      ? CODA_DIRECTION_FAILED
                            : cc.close_notify_sent ? CODA_DIRECTION_CLOSED
                                                   : CODA_DIRECTION_OPEN);
  CHECK_INT(cc.eof_received, (x->events & eof) != 0);
  CHECK(cc.fatal_alert_sent < 0 && cc.fatal_alert_received < 0);
}
#endif

static void trace_side(const cu_side_t* x) {
  const hf_side_t* h = (const hf_side_t*)x;
  fprintf(stderr, " | %s: ev %s@%s pos %d err %d@%s again %d bye %d got %zu%s alerts %d", x->name,
          cu_hard_name(x->event), cu_op_name(x->event_op),
          x->event == CU_HARD_NONE ? -1 : read_position(x), x->error_ret, cu_op_name(x->error_op),
          h->again_ret, h->cleanup_ret, x->recv_got, x->recv_ended ? " (ended)" : "",
          cu_alert_records(x));
#ifdef CODA_GNUTLS_EXTENSIONS
  {
    coda_closure_t cc;
    coda_session_get_closure(x->s, &cc);
    fprintf(stderr, " %s r%d w%d", coda_closure_outcome_name(cc.outcome), cc.read_state,
            cc.write_state);
  }
#endif
}

typedef struct {
  size_t out_len[2], in_len[2]; /* the sides' bytes written and read */
  int bye_started[2];           /* the sides got as far as their bye */
  int fired_op;                 /* where the fault happened (-1: never) */
} run_t;

static void run(int faulty, cu_hard_t kind, size_t k, gnutls_close_request_t c_how,
                gnutls_close_request_t s_how, run_t* r) {
  hf_side_t hc, hs;
  cu_side_t* c = &hc.side;
  cu_side_t* s = &hs.side;
  cu_side_t* sides[2] = {c, s};
  cu_side_t* f = sides[faulty];
  int i, hang, failed_before = cu_failed;
  memset(&hc, 0, sizeof hc);
  memset(&hs, 0, sizeof hs);
  cu_walk_init(c, s, c_how, s_how);
  /* The faulting side moves one byte per call, after EAGAIN or EINTR
   * (reported either way); its peer moves what it can. */
  f->faults = 1;
  f->err = k % 2 ? EINTR : EAGAIN;
  f->plain_errno = (k / 2) % 2;
  c->send_data = c2s, c->send_len = sizeof c2s, c->send_chunk = kClientChunk;
  s->send_data = s2c, s->send_len = sizeof s2c, s->send_chunk = kServerChunk;
  c->recv_buf = hc.got, c->recv_len = sizeof s2c;
  s->recv_buf = hs.got, s->recv_len = sizeof c2s;
  f->hard = kind;
  f->hard_at = k;

  hang = cu_walk(c, s, give_up);
  CHECK_INT(hang, 0);
  check_side(c, s2c, sizeof s2c);
  check_side(s, c2s, sizeof c2s);
#ifdef CODA_GNUTLS_EXTENSIONS
  check_closure(c);
  check_closure(s);
#endif
  if (trace || cu_failed > failed_before) {
    fprintf(stderr, "%s %s k=%zu %s/%s%s", f->name, cu_hard_name(kind), k,
            c_how == GNUTLS_SHUT_WR ? "WR" : "RDWR", s_how == GNUTLS_SHUT_WR ? "WR" : "RDWR",
            hang ? " HANG" : "");
    trace_side(c);
    trace_side(s);
    fprintf(stderr, "\n");
  }
  for (i = 0; i < 2; i++) {
    r->out_len[i] = sides[i]->out.len;
    r->in_len[i] = sides[i]->in_pos;
    r->bye_started[i] = sides[i]->bye_started;
  }
  r->fired_op = f->event == kind ? f->event_op : -1;
  cu_walk_free(c, s);
}

static const gnutls_close_request_t hows[4][2] = {{GNUTLS_SHUT_WR, GNUTLS_SHUT_RDWR},
                                                  {GNUTLS_SHUT_RDWR, GNUTLS_SHUT_WR},
                                                  {GNUTLS_SHUT_WR, GNUTLS_SHUT_WR},
                                                  {GNUTLS_SHUT_RDWR, GNUTLS_SHUT_RDWR}};

int main(int argc, char** argv) {
  static const cu_hard_t kinds[] = {CU_HARD_EPIPE, CU_HARD_ECONNRESET, CU_HARD_EOF};
  size_t out_max[2] = {0, 0}, in_max[2] = {0, 0};
  size_t out_min[2] = {SIZE_MAX, SIZE_MAX}, in_min[2] = {SIZE_MAX, SIZE_MAX};
  char title[128];
  int h, f, i;
  size_t m, k;
  cu_init(argc, argv);
  trace = getenv("CODA_TEST_TRACE") != NULL;
  cu_pattern(c2s, sizeof c2s, 31);
  cu_pattern(s2c, sizeof s2c, 32);

  /* The fault-free runs: clean, and how many bytes each side moves. */
  for (h = 0; h < 4; h++) {
    run_t r;
    cu_begin("fault-free");
    run(0, CU_HARD_NONE, 0, hows[h][0], hows[h][1], &r);
    for (i = 0; i < 2; i++) {
      if (r.out_len[i] > out_max[i]) out_max[i] = r.out_len[i];
      if (r.in_len[i] > in_max[i]) in_max[i] = r.in_len[i];
      if (r.out_len[i] < out_min[i]) out_min[i] = r.out_len[i];
      if (r.in_len[i] < in_min[i]) in_min[i] = r.in_len[i];
    }
  }

  for (f = 0; f < 2; f++) {
    for (m = 0; m < sizeof kinds / sizeof kinds[0]; m++) {
      /* Past the last byte too. */
      size_t last = (kinds[m] == CU_HARD_EPIPE ? out_max[f] : in_max[f]) + 2;
      /* ECDSA signatures vary by a byte or two: a run may be a little
       * shorter than the fault-free ones; the last bytes are the final
       * close_notify's (19 bytes or more), so the margin stays inside it. */
      size_t every = (kinds[m] == CU_HARD_EPIPE ? out_min[f] : in_min[f]) - 8;
      snprintf(title, sizeof title, "%s at every byte the %s %s", cu_hard_name(kinds[m]),
               f ? "server" : "client", kinds[m] == CU_HARD_EPIPE ? "writes" : "reads");
      cu_begin(title);
      for (k = (size_t)(f * 3 + m) % kStride; k <= last; k += kStride) {
        run_t r;
        run(f, kinds[m], k, hows[0][0], hows[0][1], &r);
        /* Every byte of every run is a point where the fault happens. */
        if (k < every) CHECK(r.fired_op >= 0);
        /* The other bye modes, of the sides that got as far as their bye
         * (the runs are the same up to there): none after a fault in the
         * handshake, often only the peer's after one in the data. */
        for (h = 1; h < 4; h++) {
          run_t other;
          if ((hows[h][0] != hows[0][0] && !r.bye_started[0]) ||
              (hows[h][1] != hows[0][1] && !r.bye_started[1]))
            continue;
          run(f, kinds[m], k, hows[h][0], hows[h][1], &other);
        }
      }
    }
  }
  return cu_finish();
}
