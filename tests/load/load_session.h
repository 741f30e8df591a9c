/* One client session of the load test, on a non-blocking socket and the
 * GnuTLS C API: connect, handshake (server certificate verified), send a
 * payload of its own, read the echo back and compare every byte, wait idle
 * at the round's barrier, then close as the closure contract says and
 * check that the closure was clean. ls_step moves it as far as the socket
 * allows and says which events to wait for. */
#ifndef CODA_TESTS_LOAD_SESSION_H
#define CODA_TESTS_LOAD_SESSION_H

#include <gnutls/gnutls.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
  LS_NEW,                /* not started */
  LS_CONNECTING,         /* TCP connect in progress */
  LS_HANDSHAKE,          /* gnutls_handshake returned E_AGAIN */
  LS_DATA,               /* sending the payload, reading the echo */
  LS_IDLE,               /* echo verified: waiting at the barrier */
  LS_BYE,                /* gnutls_bye in progress */
  LS_AWAIT_CLOSE_NOTIFY, /* (GNUTLS_SHUT_WR) reading until the server's close_notify */
  LS_AWAIT_EOF,          /* closure clean: reading the socket until the server's FIN */
  LS_DONE,               /* closed cleanly, resources freed */
  LS_FAILED              /* failed (see failure), resources freed */
} ls_phase_t;

/* What every session of a round shares. */
typedef struct {
  gnutls_certificate_credentials_t credentials; /* trusts the CA of coda-serv's certificate */
  const char* priority;
  gnutls_protocol_t expect_version; /* 0: any */
  struct sockaddr_in server;
  size_t payload_max;
  unsigned round;
  int corrupt_index; /* >= 0: this session alters one byte it sends (a control) */
} ls_shared_t;

typedef struct {
  const ls_shared_t* shared;
  unsigned index;
  ls_phase_t phase;
  int fd;
  gnutls_session_t tls;
  gnutls_close_request_t how; /* GNUTLS_SHUT_RDWR or GNUTLS_SHUT_WR */
  size_t length, sent, echoed;
  uint32_t events;   /* what epoll watches for this session now */
  char failure[200]; /* why it failed: a fixed reason, then details after " | " */
} ls_session_t;

/* Prepares session index (its close mode alternates RDWR/WR by index). */
void ls_init(ls_session_t* s, const ls_shared_t* shared, unsigned index);

/* Starts the TCP connect. Returns the events to wait for (0 once failed). */
uint32_t ls_start(ls_session_t* s);

/* Moves the session on after epoll reported events (0: none, just try).
 * Returns the events to wait for; 0 once it is LS_DONE or LS_FAILED. */
uint32_t ls_step(ls_session_t* s, uint32_t events);

/* The barrier is over: an LS_IDLE session starts its close. Returns the
 * events to wait for, as ls_step. */
uint32_t ls_begin_close(ls_session_t* s);

/* Gives up on an unfinished session (the round's deadline). */
void ls_abandon(ls_session_t* s, const char* why);

/* The failure reason without its details, for grouping ("" if none). */
size_t ls_failure_reason_length(const ls_session_t* s);

const char* ls_phase_name(ls_phase_t phase);

#endif
