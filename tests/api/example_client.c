/* A TLS client shaped like the GnuTLS manual's examples: x509 credentials
 * with a trust file, the default priority, certificate verification against
 * the server name, the handshake retry loop, one request, a receive loop,
 * gnutls_bye and cleanup. Built against Coda's <gnutls/gnutls.h>.
 *
 * usage: example_client [-s NAME] [-m MESSAGE] [-e] HOST PORT CAFILE
 *   -s NAME     server name to send and verify (default "localhost")
 *   -m MESSAGE  what to send ("\n" and "\r" escapes allowed); default
 *               "GET / HTTP/1.0\r\n\r\n"
 *   -e          echo mode: stop reading once as many bytes came back as were
 *               sent (for servers that echo and keep the connection open)
 * Prints "- Session info: ...", then "- Received N bytes" lines and the data
 * between "--- data ---" and "--- end ---". Exits 0 on success. */
#include <gnutls/gnutls.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_BUF 4096

#define CHECK(x)                                                               \
  do {                                                                         \
    int check_ret_ = (x);                                                      \
    if (check_ret_ < 0) {                                                      \
      fprintf(stderr, "*** %s failed: %s\n", #x, gnutls_strerror(check_ret_)); \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

static int tcp_connect(const char* host, const char* port) {
  struct addrinfo hints, *res, *ai;
  int sd = -1;
  memset(&hints, 0, sizeof(hints));
  hints.ai_socktype = SOCK_STREAM;
  if (getaddrinfo(host, port, &hints, &res) != 0) {
    fprintf(stderr, "*** cannot resolve %s:%s\n", host, port);
    exit(1);
  }
  for (ai = res; ai != NULL; ai = ai->ai_next) {
    sd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (sd < 0) continue;
    if (connect(sd, ai->ai_addr, ai->ai_addrlen) == 0) break;
    close(sd);
    sd = -1;
  }
  freeaddrinfo(res);
  if (sd < 0) {
    fprintf(stderr, "*** cannot connect to %s:%s\n", host, port);
    exit(1);
  }
  return sd;
}

/* Turns the two-character escapes \n and \r into the real characters. */
static char* unescape(const char* in) {
  char* out = malloc(strlen(in) + 1);
  char* o = out;
  if (out == NULL) exit(1);
  for (; *in; in++) {
    if (in[0] == '\\' && in[1] == 'n') {
      *o++ = '\n';
      in++;
    } else if (in[0] == '\\' && in[1] == 'r') {
      *o++ = '\r';
      in++;
    } else {
      *o++ = *in;
    }
  }
  *o = '\0';
  return out;
}

int main(int argc, char** argv) {
  int ret, sd, opt, echo_mode = 0, status = 0;
  const char* server_name = "localhost";
  char* msg = NULL;
  char buffer[MAX_BUF + 1];
  size_t received = 0;
  char* desc;
  gnutls_session_t session;
  gnutls_certificate_credentials_t xcred;

  while ((opt = getopt(argc, argv, "s:m:e")) != -1) {
    switch (opt) {
      case 's':
        server_name = optarg;
        break;
      case 'm':
        msg = unescape(optarg);
        break;
      case 'e':
        echo_mode = 1;
        break;
      default:
        fprintf(stderr, "usage: %s [-s NAME] [-m MESSAGE] [-e] HOST PORT CAFILE\n", argv[0]);
        return 2;
    }
  }
  if (argc - optind != 3) {
    fprintf(stderr, "usage: %s [-s NAME] [-m MESSAGE] [-e] HOST PORT CAFILE\n", argv[0]);
    return 2;
  }
  if (msg == NULL) msg = unescape("GET / HTTP/1.0\\r\\n\\r\\n");

  if (gnutls_check_version("3.4.6") == NULL) {
    fprintf(stderr, "GnuTLS 3.4.6 or later is required for this example\n");
    exit(1);
  }

  /* for backwards compatibility with gnutls < 3.3.0 */
  CHECK(gnutls_global_init());

  /* X509 stuff */
  CHECK(gnutls_certificate_allocate_credentials(&xcred));
  CHECK(gnutls_certificate_set_x509_trust_file(xcred, argv[optind + 2], GNUTLS_X509_FMT_PEM));

  /* Initialize TLS session */
  CHECK(gnutls_init(&session, GNUTLS_CLIENT));
  CHECK(gnutls_server_name_set(session, GNUTLS_NAME_DNS, server_name, strlen(server_name)));

  /* It is recommended to use the default priorities */
  CHECK(gnutls_set_default_priority(session));

  /* put the x509 credentials to the current session */
  CHECK(gnutls_credentials_set(session, GNUTLS_CRD_CERTIFICATE, xcred));
  gnutls_session_set_verify_cert(session, server_name, 0);

  sd = tcp_connect(argv[optind], argv[optind + 1]);
  gnutls_transport_set_int(session, sd);
  gnutls_handshake_set_timeout(session, GNUTLS_DEFAULT_HANDSHAKE_TIMEOUT);
  gnutls_record_set_timeout(session, 10000);

  /* Perform the TLS handshake */
  do {
    ret = gnutls_handshake(session);
  } while (ret < 0 && gnutls_error_is_fatal(ret) == 0);
  if (ret < 0) {
#ifndef EXAMPLE_NO_STATUS_PRINT
    /* What the manual's example does; Coda does not export these two yet
     * (see the api.example_client_links test), so the CTest build of this
     * program leaves them out. */
    if (ret == GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR) {
      gnutls_datum_t out;
      gnutls_certificate_type_t type = gnutls_certificate_type_get(session);
      unsigned st = gnutls_session_get_verify_cert_status(session);
      if (gnutls_certificate_verification_status_print(st, type, &out, 0) == 0) {
        fprintf(stderr, "cert verify output: %s\n", out.data);
        gnutls_free(out.data);
      }
    }
#endif
    fprintf(stderr, "*** Handshake failed: %s\n", gnutls_strerror(ret));
    status = 1;
    goto end;
  }
  desc = gnutls_session_get_desc(session);
  printf("- Session info: %s\n", desc);
  gnutls_free(desc);

  /* send data */
  CHECK(gnutls_record_send(session, msg, strlen(msg)));

  printf("--- data ---\n");
  for (;;) {
    ret = gnutls_record_recv(session, buffer, MAX_BUF);
    if (ret == 0) {
      printf("\n--- end ---\n- Peer has closed the TLS connection\n");
      break;
    } else if (ret < 0 && gnutls_error_is_fatal(ret) == 0) {
      fprintf(stderr, "*** Warning: %s\n", gnutls_strerror(ret));
      continue;
    } else if (ret < 0) {
      printf("\n--- end ---\n");
      fprintf(stderr, "*** Error: %s\n", gnutls_strerror(ret));
      status = 1;
      break;
    }
    fwrite(buffer, 1, (size_t)ret, stdout);
    fflush(stdout);
    received += (size_t)ret;
    if (echo_mode && received >= strlen(msg)) {
      printf("\n--- end ---\n- Received the echo (%zu bytes)\n", received);
      break;
    }
  }
  fprintf(stderr, "- Received %zu bytes\n", received);

  ret = gnutls_bye(session, GNUTLS_SHUT_RDWR);
  if (ret < 0) {
    /* A peer that closes the transport without its close_notify (after
     * its own bye) is common; GnuTLS's example ignores the result too. */
    fprintf(stderr, "- gnutls_bye: %s\n", gnutls_strerror(ret));
  }

end:
  close(sd);
  gnutls_deinit(session);
  gnutls_certificate_free_credentials(xcred);
  gnutls_global_deinit();
  free(msg);
  return status;
}
