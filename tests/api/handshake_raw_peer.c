/* What a raw peer sends during the handshake, and the return codes of
 * gnutls_handshake, printed as "MATCH key = value" and compared with the
 * real GnuTLS by compare_edges.sh:
 * - a close_notify in the middle of the handshake (the peer reads the
 *   session's first flight and answers with a plaintext close_notify), in
 *   both roles, with TLS 1.3 and TLS 1.2 priorities, three calls each;
 * - a ClientHello whose extensions block length is one too long or one too
 *   short, to a server.
 * usage: handshake_raw_peer CERTDIR */
#define _GNU_SOURCE 1
#include <fcntl.h>
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static const char* certs;
static int failed;

static const char* path(const char* name) {
  static char buf[2][512];
  static int which;
  which ^= 1;
  snprintf(buf[which], sizeof buf[which], "%s/%s", certs, name);
  return buf[which];
}

static gnutls_certificate_credentials_t credentials(void) {
  gnutls_certificate_credentials_t cred;
  gnutls_certificate_allocate_credentials(&cred);
  if (gnutls_certificate_set_x509_key_file(cred, path("ecdsa.pem"), path("ecdsa.key"),
                                           GNUTLS_X509_FMT_PEM) < 0) {
    printf("FAIL cannot load %s\n", path("ecdsa.pem"));
    failed++;
  }
  return cred;
}

/* A client's first flight, from a client session that is not the one
 * under test (for a server to read). */
static ssize_t client_hello(const char* priority, gnutls_certificate_credentials_t cred,
                            unsigned char* out, size_t size) {
  int fds[2];
  gnutls_session_t c;
  ssize_t n;
  socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
  fcntl(fds[0], F_SETFL, O_NONBLOCK);
  gnutls_init(&c, GNUTLS_CLIENT | GNUTLS_NONBLOCK);
  gnutls_priority_set_direct(c, priority, NULL);
  gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, cred);
  gnutls_transport_set_int(c, fds[0]);
  (void)gnutls_handshake(c); /* E_AGAIN once the hello is out */
  n = read(fds[1], out, size);
  gnutls_deinit(c);
  close(fds[0]);
  close(fds[1]);
  return n;
}

static void run(int server, const char* version, const char* priority,
                gnutls_certificate_credentials_t cred) {
  static const unsigned char close_notify[] = {21, 3, 3, 0, 2, 1, 0};
  unsigned char hello[8192];
  char key[128];
  int fds[2], i;
  gnutls_session_t s;
  socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
  gnutls_init(&s, server ? GNUTLS_SERVER : GNUTLS_CLIENT);
  gnutls_priority_set_direct(s, priority, NULL);
  gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, cred);
  gnutls_transport_set_int(s, fds[0]);
  gnutls_handshake_set_timeout(s, 2000);
  if (server) {
    ssize_t n = client_hello(priority, cred, hello, sizeof hello);
    if (n <= 0 || write(fds[1], hello, (size_t)n) != n) {
      printf("FAIL no client hello for %s\n", version);
      failed++;
    }
  }
  if (write(fds[1], close_notify, sizeof close_notify) != (ssize_t)sizeof close_notify) failed++;
  for (i = 1; i <= 3; i++) {
    int r = gnutls_handshake(s);
    snprintf(key, sizeof key, "%s.%s.call%d", server ? "server" : "client", version, i);
    printf("MATCH %s = %s\n", key, r < 0 ? gnutls_strerror_name(r) : "0");
  }
  gnutls_deinit(s);
  close(fds[0]);
  close(fds[1]);
}

/* A server given a real client's hello with its extensions block length
 * changed by `delta`. */
static void bad_extensions_length(int delta, const char* name,
                                  gnutls_certificate_credentials_t cred) {
  unsigned char hello[8192];
  char key[128];
  int fds[2], r;
  size_t at;
  gnutls_session_t s;
  ssize_t n = client_hello("NORMAL", cred, hello, sizeof hello);
  /* record header 5, handshake header 4, version 2, random 32, then the
   * session id, cipher suites and compression methods, then the block. */
  at = 5 + 4 + 2 + 32;
  if (n < (ssize_t)at + 1) {
    failed++;
    return;
  }
  at += 1 + hello[at];
  at += 2 + ((size_t)hello[at] << 8 | hello[at + 1]);
  at += 1 + hello[at];
  {
    unsigned len = ((unsigned)hello[at] << 8 | hello[at + 1]) + (unsigned)delta;
    hello[at] = (unsigned char)(len >> 8);
    hello[at + 1] = (unsigned char)len;
  }
  socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
  gnutls_init(&s, GNUTLS_SERVER);
  gnutls_priority_set_direct(s, "NORMAL", NULL);
  gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, cred);
  gnutls_transport_set_int(s, fds[0]);
  gnutls_handshake_set_timeout(s, 2000);
  if (write(fds[1], hello, (size_t)n) != n) failed++;
  r = gnutls_handshake(s);
  snprintf(key, sizeof key, "server.extensions_block.%s", name);
  printf("MATCH %s = %s\n", key, r < 0 ? gnutls_strerror_name(r) : "0");
  gnutls_deinit(s);
  close(fds[0]);
  close(fds[1]);
}

int main(int argc, char** argv) {
  gnutls_certificate_credentials_t cred;
  certs = argc > 1 ? argv[1] : ".";
  gnutls_global_init();
  cred = credentials();
  run(0, "tls13", "NORMAL", cred);
  run(0, "tls12", "NORMAL:-VERS-ALL:+VERS-TLS1.2", cred);
  run(1, "tls13", "NORMAL", cred);
  run(1, "tls12", "NORMAL:-VERS-ALL:+VERS-TLS1.2", cred);
  bad_extensions_length(+1, "one_too_long", cred);
  bad_extensions_length(-1, "one_too_short", cred);
  gnutls_certificate_free_credentials(cred);
  gnutls_global_deinit();
  printf("%d passed, %d failed\n", failed == 0 ? 1 : 0, failed);
  return failed == 0 ? 0 : 1;
}
