/* One load session's state machine (see load_session.h). */
#define _GNU_SOURCE 1
#include "load_session.h"

#include <errno.h>
#include <gnutls/coda.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "payload.h"

enum { kChunk = 16384 };
static const char kServerName[] = "localhost";

/* One thread drives every session, so the scratch buffers are shared. */
static unsigned char send_buf[kChunk];
static unsigned char recv_buf[kChunk];
static unsigned char expected_buf[kChunk];

static int is_again(long r) {
  return r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED;
}

static void release(ls_session_t* s) {
  if (s->tls != NULL) gnutls_deinit(s->tls);
  s->tls = NULL;
  if (s->fd >= 0) close(s->fd); /* also takes it out of the epoll set */
  s->fd = -1;
  s->events = 0;
}

/* Records why the session failed (reason: a fixed text, for grouping;
 * then the details) and frees it. Returns 0: nothing to wait for. */
static uint32_t fail(ls_session_t* s, const char* reason, const char* fmt, ...) {
  int n = snprintf(s->failure, sizeof s->failure, "%s | ", reason);
  if (n > 0 && (size_t)n < sizeof s->failure) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->failure + n, sizeof s->failure - (size_t)n, fmt, ap);
    va_end(ap);
  }
  release(s);
  s->phase = LS_FAILED;
  return 0;
}

/* The events GnuTLS is waiting for after an E_AGAIN. */
static uint32_t tls_wants(const ls_session_t* s) {
  return gnutls_record_get_direction(s->tls) == 1 ? EPOLLOUT : EPOLLIN;
}

void ls_init(ls_session_t* s, const ls_shared_t* shared, unsigned index) {
  memset(s, 0, sizeof *s);
  s->shared = shared;
  s->index = index;
  s->fd = -1;
  s->phase = LS_NEW;
  /* Both ways of closing, in every round. */
  s->how = index % 2 == 0 ? GNUTLS_SHUT_RDWR : GNUTLS_SHUT_WR;
  s->length = payload_length(shared->round, index, shared->payload_max);
}

static uint32_t start_tls(ls_session_t* s) {
  const ls_shared_t* sh = s->shared;
  int r = gnutls_init(&s->tls, GNUTLS_CLIENT | GNUTLS_NONBLOCK);
  if (r < 0) return fail(s, "gnutls_init failed", "%s", gnutls_strerror(r));
  const char* err_pos = NULL;
  r = gnutls_priority_set_direct(s->tls, sh->priority, &err_pos);
  if (r < 0) return fail(s, "bad priority", "%s at '%s'", gnutls_strerror(r), err_pos);
  r = gnutls_credentials_set(s->tls, GNUTLS_CRD_CERTIFICATE, sh->credentials);
  if (r < 0) return fail(s, "gnutls_credentials_set failed", "%s", gnutls_strerror(r));
  r = gnutls_server_name_set(s->tls, GNUTLS_NAME_DNS, kServerName, sizeof kServerName - 1);
  if (r < 0) return fail(s, "gnutls_server_name_set failed", "%s", gnutls_strerror(r));
  gnutls_session_set_verify_cert(s->tls, kServerName, 0);
  gnutls_transport_set_int(s->tls, s->fd);
  s->phase = LS_HANDSHAKE;
  return ls_step(s, 0);
}

uint32_t ls_start(ls_session_t* s) {
  s->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (s->fd < 0) return fail(s, "socket failed", "%s", strerror(errno));
  if (connect(s->fd, (const struct sockaddr*)&s->shared->server, sizeof s->shared->server) == 0) {
    return start_tls(s);
  }
  if (errno != EINPROGRESS) return fail(s, "connect failed", "%s", strerror(errno));
  s->phase = LS_CONNECTING;
  return EPOLLOUT;
}

static uint32_t step_connecting(ls_session_t* s, uint32_t events) {
  if ((events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) == 0) return EPOLLOUT;
  int err = 0;
  socklen_t len = sizeof err;
  if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) err = errno;
  if (err != 0) return fail(s, "connect failed", "%s", strerror(err));
  return start_tls(s);
}

static uint32_t step_handshake(ls_session_t* s) {
  const int r = gnutls_handshake(s->tls);
  if (is_again(r)) return tls_wants(s);
  if (r < 0) return fail(s, "handshake failed", "%s (%d)", gnutls_strerror(r), r);
  const gnutls_protocol_t version = gnutls_protocol_get_version(s->tls);
  if (s->shared->expect_version != 0 && version != s->shared->expect_version) {
    return fail(s, "unexpected protocol version", "%s",
                gnutls_protocol_get_name(version) ? gnutls_protocol_get_name(version) : "?");
  }
  s->phase = LS_DATA;
  return ls_step(s, 0);
}

/* Sends the next slice of the payload; 1 if bytes went out, 0 on E_AGAIN,
 * -1 once the session failed. An interrupted send is repeated with the
 * same bytes, as GnuTLS asks: they are computed again. */
static int send_some(ls_session_t* s) {
  size_t n = s->length - s->sent;
  if (n > kChunk) n = kChunk;
  payload_fill(s->shared->round, s->index, s->sent, send_buf, n);
  const size_t middle = s->length / 2;
  if ((int)s->index == s->shared->corrupt_index && middle >= s->sent && middle < s->sent + n) {
    send_buf[middle - s->sent] ^= 0x20; /* the control: the echo must not compare equal */
  }
  const ssize_t r = gnutls_record_send(s->tls, send_buf, n);
  if (is_again(r)) return 0;
  if (r <= 0) {
    fail(s, "send failed", "%s (%zd) after %zu bytes", gnutls_strerror((int)r), r, s->sent);
    return -1;
  }
  s->sent += (size_t)r;
  return 1;
}

/* Reads echoed bytes and compares them; 1 if bytes came, 0 on E_AGAIN, -1
 * once the session failed. */
static int receive_echo(ls_session_t* s) {
  const ssize_t r = gnutls_record_recv(s->tls, recv_buf, sizeof recv_buf);
  if (is_again(r)) return 0;
  if (r == 0) {
    fail(s, "server closed before the whole echo came", "%zu of %zu bytes", s->echoed, s->length);
    return -1;
  }
  if (r < 0) {
    fail(s, "receive failed", "%s (%zd) after %zu of %zu bytes", gnutls_strerror((int)r), r,
         s->echoed, s->length);
    return -1;
  }
  const size_t n = (size_t)r;
  if (s->echoed + n > s->length) {
    fail(s, "more bytes echoed than sent", "%zu > %zu", s->echoed + n, s->length);
    return -1;
  }
  payload_fill(s->shared->round, s->index, s->echoed, expected_buf, n);
  if (memcmp(recv_buf, expected_buf, n) != 0) {
    size_t at = 0;
    while (recv_buf[at] == expected_buf[at]) at++;
    fail(s, "echo differs from what was sent", "byte %zu of %zu", s->echoed + at, s->length);
    return -1;
  }
  s->echoed += n;
  return 1;
}

static uint32_t step_data(ls_session_t* s) {
  for (;;) {
    int out_blocked = 0, progress = 0;
    if (s->sent < s->length) {
      const int r = send_some(s);
      if (r < 0) return 0;
      out_blocked = r == 0;
      progress |= r;
    }
    const int r = receive_echo(s);
    if (r < 0) return 0;
    progress |= r;
    if (s->sent == s->length && s->echoed == s->length) {
      s->phase = LS_IDLE;
      return EPOLLIN; /* anything the server sends now is a failure */
    }
    if (!progress) return EPOLLIN | (out_blocked ? EPOLLOUT : 0);
  }
}

/* At the barrier nothing may arrive: the server must keep the session open
 * and silent until we close. */
static uint32_t step_idle(ls_session_t* s, uint32_t events) {
  if (events == 0) return EPOLLIN;
  const ssize_t r = gnutls_record_recv(s->tls, recv_buf, sizeof recv_buf);
  if (is_again(r)) return EPOLLIN;
  if (r > 0) return fail(s, "data arrived while idle", "%zd bytes", r);
  if (r == 0) return fail(s, "server sent close_notify while idle", "before our close");
  return fail(s, "connection failed while idle", "%s (%zd)", gnutls_strerror((int)r), r);
}

/* Both close_notify went across: the closure record must say so, with the
 * byte counts of the session. */
static uint32_t check_closure(ls_session_t* s) {
  coda_closure_t c;
  const int r = coda_session_get_closure(s->tls, &c);
  if (r != 0) return fail(s, "no closure record", "%s", gnutls_strerror(r));
  if (c.outcome != CODA_CLOSURE_CLEAN || !c.close_notify_sent || !c.close_notify_received) {
    return fail(s, "closure not clean", "%s, close_notify sent %d received %d (%s)",
                coda_closure_outcome_name(c.outcome), c.close_notify_sent, c.close_notify_received,
                s->how == GNUTLS_SHUT_WR ? "SHUT_WR" : "SHUT_RDWR");
  }
  if (c.eof_received) return fail(s, "EOF before the server's close_notify was read", "%s", "");
  if (c.app_bytes_sent != s->length || c.app_bytes_received != s->length ||
      c.app_bytes_discarded != 0) {
    return fail(s, "closure record counts differ", "sent %llu received %llu discarded %llu of %zu",
                (unsigned long long)c.app_bytes_sent, (unsigned long long)c.app_bytes_received,
                (unsigned long long)c.app_bytes_discarded, s->length);
  }
  gnutls_deinit(s->tls); /* the TLS part is over; the socket waits for the FIN */
  s->tls = NULL;
  s->phase = LS_AWAIT_EOF;
  return ls_step(s, 0);
}

static uint32_t step_bye(ls_session_t* s) {
  const int r = gnutls_bye(s->tls, s->how);
  if (is_again(r)) return tls_wants(s);
  if (r < 0) return fail(s, "gnutls_bye failed", "%s (%d)", gnutls_strerror(r), r);
  if (s->how == GNUTLS_SHUT_RDWR) return check_closure(s);
  s->phase = LS_AWAIT_CLOSE_NOTIFY;
  return ls_step(s, 0);
}

/* SHUT_WR: the contract says receiving goes on until the peer's
 * close_notify, and then gnutls_record_recv returns 0. */
static uint32_t step_await_close_notify(ls_session_t* s) {
  const ssize_t r = gnutls_record_recv(s->tls, recv_buf, sizeof recv_buf);
  if (is_again(r)) return EPOLLIN;
  if (r > 0) return fail(s, "data arrived after our close_notify", "%zd bytes", r);
  if (r < 0) {
    return fail(s, "no close_notify from the server", "%s (%zd)", gnutls_strerror((int)r), r);
  }
  return check_closure(s);
}

/* After its close_notify the server shuts its side: the socket must give
 * EOF, with not one byte more (no reset either). */
static uint32_t step_await_eof(ls_session_t* s) {
  for (;;) {
    const ssize_t n = recv(s->fd, recv_buf, sizeof recv_buf, 0);
    if (n == 0) {
      release(s);
      s->phase = LS_DONE;
      return 0;
    }
    if (n > 0) return fail(s, "bytes after the server's close_notify", "%zd bytes", n);
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return EPOLLIN;
    return fail(s, "transport error after close_notify", "%s", strerror(errno));
  }
}

uint32_t ls_step(ls_session_t* s, uint32_t events) {
  switch (s->phase) {
    case LS_CONNECTING:
      return step_connecting(s, events);
    case LS_HANDSHAKE:
      return step_handshake(s);
    case LS_DATA:
      return step_data(s);
    case LS_IDLE:
      return step_idle(s, events);
    case LS_BYE:
      return step_bye(s);
    case LS_AWAIT_CLOSE_NOTIFY:
      return step_await_close_notify(s);
    case LS_AWAIT_EOF:
      return step_await_eof(s);
    case LS_NEW:
    case LS_DONE:
    case LS_FAILED:
      break;
  }
  return 0;
}

uint32_t ls_begin_close(ls_session_t* s) {
  if (s->phase != LS_IDLE) return s->events;
  s->phase = LS_BYE;
  return ls_step(s, 0);
}

void ls_abandon(ls_session_t* s, const char* why) {
  if (s->phase == LS_DONE || s->phase == LS_FAILED) return;
  /* The phase is part of the reason: the failures group by where they stood. */
  char reason[96];
  snprintf(reason, sizeof reason, "%s: session %s", why, ls_phase_name(s->phase));
  fail(s, reason, "%zu of %zu bytes sent, %zu echoed", s->sent, s->length, s->echoed);
}

size_t ls_failure_reason_length(const ls_session_t* s) {
  const char* bar = strstr(s->failure, " | ");
  return bar != NULL ? (size_t)(bar - s->failure) : strlen(s->failure);
}

const char* ls_phase_name(ls_phase_t phase) {
  switch (phase) {
    case LS_NEW:
      return "not started";
    case LS_CONNECTING:
      return "connecting";
    case LS_HANDSHAKE:
      return "in the handshake";
    case LS_DATA:
      return "sending and reading the echo";
    case LS_IDLE:
      return "idle at the barrier";
    case LS_BYE:
      return "in gnutls_bye";
    case LS_AWAIT_CLOSE_NOTIFY:
      return "waiting for the server's close_notify";
    case LS_AWAIT_EOF:
      return "waiting for the server's EOF";
    case LS_DONE:
      return "done";
    case LS_FAILED:
      return "failed";
  }
  return "?";
}
