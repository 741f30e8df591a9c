/* The fault walks' machinery (faults.c, hard_faults.c): one thread drives a
 * client and a server session over in-memory pipes, one library call at a
 * time, each side running a script of operations. The pipes can misbehave
 * on purpose:
 *   soft faults: push/pull move at most one byte per call and fail with
 *     EAGAIN or EINTR before every byte;
 *   a hard fault: from a chosen byte on, one side's transport fails for good
 *     (push: EPIPE; pull: ECONNRESET or EOF).
 * A side that is done, or gave up after an error, closes its end: the peer
 * then pulls what is left, then EOF (or ECONNRESET after a reset). */
#ifndef CODA_TESTS_CLOSURE_PIPE_WALK_H
#define CODA_TESTS_CLOSURE_PIPE_WALK_H

#include "closure_util.h"

enum { CU_OP_HS, CU_OP_SEND, CU_OP_RECV, CU_OP_BYE, CU_OP_RECV0, CU_OP_END };
const char* cu_op_name(int op);

/* A permanent transport failure: what the transport does, and what a side
 * saw from its transport. */
typedef enum { CU_HARD_NONE, CU_HARD_EPIPE, CU_HARD_ECONNRESET, CU_HARD_EOF } cu_hard_t;
const char* cu_hard_name(cu_hard_t kind);

typedef struct cu_side cu_side_t;
struct cu_side {
  const char* name;
  int server;
  gnutls_session_t s;
  cu_side_t* peer;
  cu_buf_t out;  /* every byte this side pushed; the peer pulls from here */
  size_t in_pos; /* the bytes of peer->out this side pulled */

  /* Soft faults. */
  int faults, err, plain_errno;
  int push_ok, pull_ok; /* 1: the next call moves a byte; 0: it fails first */
  int last_dir;         /* 1 if the last failure was a write, 0 a read */
  long dir_checks, dir_mismatches;

  /* The hard fault: EPIPE on the push that would write byte hard_at of
   * out, ECONNRESET/EOF on the pull that would read byte hard_at of the
   * peer's out; every later call of that kind fails the same way. */
  cu_hard_t hard;
  size_t hard_at;
  /* What the transport reported first while the script ran (the hard
   * fault, or the peer's closed end: EOF, ECONNRESET, or EPIPE after a
   * reset), and when; and every kind it reported (bit 1 << kind). */
  cu_hard_t event;
  int event_op;
  size_t event_in_pos;
  unsigned events;
  /* This side's end is closed; how the peer sees it after the last byte. */
  int closed;
  cu_hard_t close_as; /* CU_HARD_EOF or CU_HARD_ECONNRESET */

  /* The script. */
  int ops[8], op;
  const unsigned char* send_data;
  size_t send_len, send_off, send_chunk; /* chunk 0: as much as one call takes */
  int resume_null;                       /* resume an interrupted send with (NULL, 0) */
  size_t pending;                        /* the record length an interrupted send took */
  long null_resumes, null_resume_mismatches;
  unsigned char* recv_buf;
  size_t recv_len, recv_got;
  int recv_ended; /* receiving ended with 0 (close_notify) before recv_len */
  gnutls_close_request_t how;
  size_t data_start, data_bytes, data_end, bye_start, bye_bytes;
  int bye_started;
  /* The first call that failed (not E_AGAIN/E_INTERRUPTED; 1 for an
   * unexpected 0 or short result), and its operation. */
  int error_ret, error_op;
};

/* Sets up both sides: non-blocking sessions over the pipes, with the
 * scripts client: handshake, send, receive, bye(c_how) [, receive to 0 for
 * WR]; server: handshake, receive, send, bye(s_how) [, receive to 0]. */
void cu_walk_init(cu_side_t* c, cu_side_t* s, gnutls_close_request_t c_how,
                  gnutls_close_request_t s_how);
/* Init flags added to both sessions cu_walk_init makes (0 by default;
 * early_data_faults.c sets GNUTLS_ENABLE_EARLY_DATA). */
extern unsigned cu_walk_session_flags;
/* gnutls_init flags the next cu_walk_init gives the client besides
 * GNUTLS_NONBLOCK (GNUTLS_NO_TICKETS for a walk resuming by session id). */
extern unsigned cu_walk_client_flags;
void cu_walk_free(cu_side_t* c, cu_side_t* s);

/* One library call for the side's current operation. */
void cu_side_step(cu_side_t* x);
int cu_side_done(const cu_side_t* x); /* script finished or gave up (closed) */

/* Alternates steps until both sides are done. A side whose call fails is
 * handed to on_error (which must leave it done: typically closed) or, with
 * on_error NULL, the walk stops there. Returns 0, or -1 on a hang: no call
 * changed anything for many steps in a row, so in a real event loop neither
 * side would ever wake up again. */
int cu_walk(cu_side_t* c, cu_side_t* s, void (*on_error)(cu_side_t*));

/* Complete alert records in a side's output: type 21 (plaintext, or TLS
 * 1.2 protected), and in TLS 1.3 the protected records of an alert's size
 * (scripts send no 2-byte data records, which have that size too). */
int cu_alert_records(const cu_side_t* x);
/* 0, or if x read a whole alert record of its peer, the first one's outer
 * type: 21 (plaintext, or TLS 1.2 protected) or 23 (TLS 1.3 protected). */
int cu_read_peer_alert(const cu_side_t* x);

#endif
