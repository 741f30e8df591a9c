/* Helpers for the closure-contract tests (shared/closure-contract.md):
 * checks and a pass/fail tally, TLS 1.3 sessions on socketpairs with the
 * certificate in tests/closure/data, a recording transport, a TLS record
 * splitter, threads, clocks and memory figures. */
#ifndef CODA_TESTS_CLOSURE_UTIL_H
#define CODA_TESTS_CLOSURE_UTIL_H

#include <gnutls/gnutls.h>
/* Coda's additions; absent when a walk is built against the real GnuTLS
 * to compare return codes (then CODA_GNUTLS_EXTENSIONS is undefined). */
#if __has_include(<gnutls/coda.h>)
#include <gnutls/coda.h>
#endif
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

/* ---- checks ---- */
extern int cu_passed, cu_failed;
void cu_begin(const char* test); /* names the test the next checks belong to */
void cu_check(int ok, const char* file, int line, const char* what);
void cu_check_int(long long actual, long long expected, const char* file, int line,
                  const char* what);
void cu_check_mem(const void* actual, size_t actual_len, const void* expected, size_t expected_len,
                  const char* file, int line, const char* what);
#define CHECK(cond) cu_check(!!(cond), __FILE__, __LINE__, #cond)
#define CHECK_INT(actual, expected)                                            \
  cu_check_int((long long)(actual), (long long)(expected), __FILE__, __LINE__, \
               #actual " == " #expected)
#define CHECK_MEM(a, alen, b, blen) \
  cu_check_mem((a), (alen), (b), (blen), __FILE__, __LINE__, #a " == " #b)
/* Prints "N passed, M failed"; the exit status. */
int cu_finish(void);

/* ---- sessions ---- */
/* Loads data/server.{crt,key} from dir (argv[1]); call first. */
void cu_init(int argc, char** argv);
/* A TLS 1.3-only session with the test credentials; no transport set.
 * CODA_TEST_PRIORITY, if set, replaces the priority string (tests
 * registered for TLS 1.2 set it). */
gnutls_session_t cu_session(int server, unsigned extra_flags);
/* 1 unless CODA_TEST_PRIORITY asks for versions other than TLS 1.3. */
int cu_tls13_only(void);
void cu_socketpair(int fds[2]);
void cu_set_nonblock(int fd, int on);

typedef struct {
  gnutls_session_t c, s; /* client, server */
  int cfd, sfd;
} cu_pair_t;
/* A connected pair after a completed handshake (server in a thread).
 * Returns 0 on success. The sessions use the fds directly unless
 * recording transports are attached afterwards. */
int cu_pair_open(cu_pair_t* p);
/* Handshake of two sessions whose transports are already set. */
int cu_handshake_both(gnutls_session_t c, gnutls_session_t s);
void cu_pair_close(cu_pair_t* p);

/* ---- a recording transport over a descriptor ---- */
typedef struct {
  unsigned char* data;
  size_t len, cap;
} cu_buf_t;
void cu_buf_add(cu_buf_t* b, const void* data, size_t len);
void cu_buf_free(cu_buf_t* b);

typedef struct {
  gnutls_session_t session;
  int fd;
  cu_buf_t out;        /* every byte pushed successfully */
  cu_buf_t in;         /* every byte pulled */
  size_t push_calls;   /* push calls that moved bytes */
  size_t pull_calls;   /* pull calls that returned bytes */
  long push_budget;    /* <0: unlimited; else bytes accepted before EAGAIN */
  int capture;         /* 1: pushed bytes go to out only, not to fd */
  int use_plain_errno; /* 1: report errors with errno, else gnutls_transport_set_errno */
  size_t pull_max;     /* 0: unlimited; else the most bytes one pull returns */
  int budget_errno;    /* errno when push_budget is spent (0: EAGAIN) */
  int pull_fail_errno; /* nonzero: every pull fails with this errno */
} cu_rec_t;
/* Installs push/pull/pull_timeout over fd; the recorder must outlive the session. */
void cu_rec_attach(cu_rec_t* r, gnutls_session_t s, int fd);
void cu_rec_free(cu_rec_t* r);

/* ---- TLS records ---- */
typedef struct {
  int type;
  size_t length; /* the fragment length (without the 5-byte header) */
} cu_record_t;
/* Splits bytes into records; the count, or -1 if the bytes end inside a record. */
int cu_records(const unsigned char* data, size_t len, cu_record_t* out, int max);
/* A TLS 1.3 close_notify on the wire: 5-byte header + 2 + 1 + 16. */
#define CU_CLOSE_NOTIFY_13_LEN 24
/* The wire length of one close_notify record of this session: TLS 1.3
 * 5 + 2 + 1 (type) + 16 (tag); TLS 1.2 AES-GCM 5 + 8 (explicit nonce) + 2 +
 * 16; TLS 1.2 ChaCha20 5 + 2 + 16. */
size_t cu_close_notify_len(gnutls_session_t s);
#define CU_APP_RECORD_LEN(n) (5 + (n) + 1 + 16)

/* ---- odds and ends ---- */
double cu_now_ms(void);
void cu_sleep_ms(int ms);
long cu_rss_kb(void);
long cu_hwm_kb(void);
/* Bytes readable right now on fd (non-blocking read into buf); -errno on error. */
long cu_read_now(int fd, void* buf, size_t size);
/* Reads exactly size bytes with a blocking read loop; the count read. */
size_t cu_read_full(int fd, void* buf, size_t size);
/* Receives on a session until total bytes or a non-positive return;
 * returns the bytes received, *last = last return value. */
size_t cu_recv_all(gnutls_session_t s, void* buf, size_t total, ssize_t* last);
/* Sends everything (blocking); 0 or the error. */
int cu_send_all(gnutls_session_t s, const void* buf, size_t len);
/* Fills buf with a pattern seeded by seed. */
void cu_pattern(void* buf, size_t len, unsigned seed);

pthread_t cu_spawn(void* (*fn)(void*), void* arg);
void cu_join(pthread_t t);

#endif
