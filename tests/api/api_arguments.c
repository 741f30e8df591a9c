/* Bad arguments to every function libgnutls.so.30 implements: NULL for each
 * pointer, out-of-range values for each integer and enum, one call at a
 * time with every other argument valid. The cases are the table in
 * api_argument_cases.h; check_argument_coverage.py fails when a function the
 * library exports has no case for one of its arguments.
 *
 * The same source builds against Coda (API_ARGS_CODA=1) and against the real
 * GnuTLS 3.7.9 (API_ARGS_CODA=0). Each case runs in a child process, so a
 * crash is reported as a result ("crash") instead of ending the run.
 *   Coda build:  checks each result against the table ("ok"/"FAIL" lines,
 *                "N passed, M failed", exit 1 on a failure).
 *   Both builds: print "MATCH key = result" for the cases where Coda gives
 *                what GnuTLS gives, "SOFT key = result" for the deliberate
 *                differences; compare_edges.sh compares the two runs, skipping
 *                the cases where the real GnuTLS crashes.
 *
 * usage: api_arguments CERTDIR     (CERTDIR made by make_certs.sh)
 *        api_arguments --list      (one "FUNCTION ARG KIND" line per case) */
#include <errno.h>
#include <fcntl.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/socket.h>
#include <gnutls/x509.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef API_ARGS_CODA
#define API_ARGS_CODA 0
#endif
#if API_ARGS_CODA
#include <gnutls/coda.h>
#endif

#include "api_arguments_fixture.h"

/* Deprecated calls are API too: they get their cases. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

/* Allocation cases ask for impossible sizes: under ASan the allocator must
 * answer NULL, as libc's does, instead of stopping the program. */
const char* __asan_default_options(void);
const char* __asan_default_options(void) {
  return "allocator_may_return_null=1";
}

/* ---- what a case's call returned, as text ---- */

static char outcome[160];

static void ret_int(long v) {
  const char* name = v < 0 ? gnutls_strerror_name((int)v) : NULL;
  if (name != NULL) {
    snprintf(outcome, sizeof(outcome), "%s", name);
  } else {
    snprintf(outcome, sizeof(outcome), "%ld", v);
  }
}

static void ret_uint(unsigned long v) {
  snprintf(outcome, sizeof(outcome), "%lu", v);
}

static void ret_ptr(const void* p) {
  snprintf(outcome, sizeof(outcome), "%s", p != NULL ? "non-NULL" : "NULL");
}

static void ret_str(const char* s) {
  if (s == NULL) {
    snprintf(outcome, sizeof(outcome), "NULL");
  } else {
    snprintf(outcome, sizeof(outcome), "\"%.140s\"", s);
  }
}

/* A result described in words ("positive": a count that depends on the system). */
static void ret_text(const char* s) {
  snprintf(outcome, sizeof(outcome), "%s", s);
}

static void ret_void(void) {
  snprintf(outcome, sizeof(outcome), "returned");
}

/* A call and a second value it set: "RESULT/VALUE". */
static void ret_int_and(long v, long also) {
  char second[32];
  snprintf(second, sizeof(second), "/%ld", also);
  ret_int(v);
  strncat(outcome, second, sizeof(outcome) - strlen(outcome) - 1);
}

/* Expected results, as ret_* spell them. */
#define INVAL "GNUTLS_E_INVALID_REQUEST"
#define SHORT_BUF "GNUTLS_E_SHORT_MEMORY_BUFFER"
#define RETURNED "returned"
#define IS_NULL "NULL"
#define NOT_NULL "non-NULL"

/* ---- the table ---- */

enum how { SAME, DIFFERS }; /* DIFFERS: Coda differs from GnuTLS on purpose */

struct arg_case {
  const char* function;
  int arg;          /* the bad argument, from 1; 0: a call without arguments */
  const char* kind; /* null, range, call */
  const char* note; /* "_", or a word that tells apart cases of one argument */
  enum how how;
  const char* expected; /* Coda's result */
  void (*run)(void);
};

#define CASE_FN(function, arg, kind, note) argument_case_##function##_##arg##_##kind##_##note

/* First pass: one function per case. Naming the function under test keeps
 * the table honest: a typo does not compile. */
#define CASE(function, arg, kind, note, how, expected, ...) \
  static void CASE_FN(function, arg, kind, note)(void) {    \
    (void)&function;                                        \
    __VA_ARGS__;                                            \
  }
#include "api_argument_cases.h"
#undef CASE

/* Second pass: the table. */
#define CASE(function, arg, kind, note, how, expected, ...) \
  {#function, arg, #kind, #note, how, expected, CASE_FN(function, arg, kind, note)},
static const struct arg_case cases[] = {
#include "api_argument_cases.h"
};
#undef CASE

/* ---- running a case in a child ---- */

static void run_case(const struct arg_case* c, char* result, size_t size, int* clean_exit) {
  int pfd[2];
  pid_t pid;
  int status = 0;
  ssize_t n, got = 0;
  if (pipe(pfd) != 0) {
    perror("pipe");
    exit(2);
  }
  fflush(stdout);
  fflush(stderr);
  pid = fork();
  if (pid < 0) {
    perror("fork");
    exit(2);
  }
  if (pid == 0) {
    close(pfd[0]);
    alarm(10); /* no case may hang */
    snprintf(outcome, sizeof(outcome), "(no result recorded)");
    c->run();
    if (write(pfd[1], outcome, strlen(outcome) + 1) < 0) _exit(3);
    close(pfd[1]);
#if API_ARGS_CODA
    /* exit, not _exit: under ASan, LeakSanitizer checks the case freed
     * what it allocated (what the fixture made stays reachable). */
    exit(0);
#else
    _exit(0); /* the real GnuTLS's leaks are not ours to check */
#endif
  }
  close(pfd[1]);
  while (got < (ssize_t)size - 1 && (n = read(pfd[0], result + got, size - 1 - (size_t)got)) > 0) {
    got += n;
  }
  result[got] = '\0';
  close(pfd[0]);
  waitpid(pid, &status, 0);
  *clean_exit = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (WIFSIGNALED(status)) {
    snprintf(result, size, "crash(signal %d)", WTERMSIG(status));
  } else if (got == 0) {
    snprintf(result, size, "crash(exit %d, no result)",
             WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  }
}

static void case_key(const struct arg_case* c, char* key, size_t size) {
  const int noted = strcmp(c->note, "_") != 0;
  snprintf(key, size, "args.%s.%d.%s%s%s", c->function, c->arg, c->kind, noted ? "." : "",
           noted ? c->note : "");
}

int main(int argc, char** argv) {
  size_t i, ncases = sizeof(cases) / sizeof(cases[0]);
  int passed = 0, failed = 0;
  if (argc == 2 && strcmp(argv[1], "--list") == 0) {
    for (i = 0; i < ncases; i++)
      printf("%s %d %s\n", cases[i].function, cases[i].arg, cases[i].kind);
    return 0;
  }
  if (argc != 2) {
    fprintf(stderr, "usage: %s CERTDIR | --list\n", argv[0]);
    return 2;
  }
  fixture_set_certdir(argv[1]);
  signal(SIGPIPE, SIG_IGN);
  printf("INFO library = %s (%s), %zu cases\n", API_ARGS_CODA ? "coda" : "real gnutls",
         gnutls_check_version(NULL), ncases);
  for (i = 0; i < ncases; i++) {
    const struct arg_case* c = &cases[i];
    char key[200], result[200];
    int clean_exit = 0, crashed;
    case_key(c, key, sizeof(key));
    run_case(c, result, sizeof(result), &clean_exit);
    crashed = strncmp(result, "crash", 5) == 0;
    /* The differential compares values; a crash on either side is "crash". */
    printf("%s %s = %s\n", c->how == SAME ? "MATCH" : "SOFT", key, crashed ? "crash" : result);
#if API_ARGS_CODA
    if (crashed) {
      failed++;
      printf("FAIL %s: %s\n", key, result);
    } else if (strcmp(result, c->expected) != 0) {
      failed++;
      printf("FAIL %s: expected %s, got %s\n", key, c->expected, result);
    } else if (!clean_exit) {
      failed++;
      printf("FAIL %s: returned %s but the child did not exit cleanly (a leak?)\n", key, result);
    } else {
      passed++;
      printf("ok   %s\n", key);
    }
#else
    (void)clean_exit;
    printf("INFO %s: real GnuTLS %s\n", key, result);
#endif
  }
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
