/* A GnuTLS API client that connects twice and resumes the first session in
 * the second, as wget or lftp do: after the first handshake it reads the
 * server's reply (the TLS 1.3 tickets come before it), saves the session
 * data, and gives it to the next session. Prints, per connection,
 * "connection N: resumed: yes|no" and what it read back.
 * Usage: resume_client PORT CAFILE [SNI [PRIORITY]] */
#include <arpa/inet.h>
#include <gnutls/gnutls.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int dial(int port) {
  struct sockaddr_in sa;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_port = htons((unsigned short)port);
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || connect(fd, (struct sockaddr*)&sa, sizeof sa) != 0) {
    perror("connect");
    exit(2);
  }
  return fd;
}

static const char* priority; /* NULL: the default */

static int session(int n, int port, gnutls_certificate_credentials_t cred, const char* sni,
                   gnutls_datum_t* data) {
  gnutls_session_t s;
  char buf[256];
  int rc, fd = dial(port);
  ssize_t got;
  gnutls_init(&s, GNUTLS_CLIENT);
  if (priority) {
    if (gnutls_priority_set_direct(s, priority, NULL) < 0) {
      fprintf(stderr, "bad priority %s\n", priority);
      exit(1);
    }
  } else {
    gnutls_set_default_priority(s);
  }
  gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, cred);
  gnutls_server_name_set(s, GNUTLS_NAME_DNS, sni, strlen(sni));
  gnutls_session_set_verify_cert(s, sni, 0);
  if (data->data) {
    rc = gnutls_session_set_data(s, data->data, data->size);
    if (rc < 0) fprintf(stderr, "set_data: %s\n", gnutls_strerror(rc));
  }
  gnutls_transport_set_int(s, fd);
  do {
    rc = gnutls_handshake(s);
  } while (rc < 0 && !gnutls_error_is_fatal(rc));
  if (rc < 0) {
    fprintf(stderr, "connection %d: handshake: %s\n", n, gnutls_strerror(rc));
    return 1;
  }
  printf("connection %d: resumed: %s\n", n, gnutls_session_is_resumed(s) ? "yes" : "no");
  printf("connection %d: version: %s\n", n,
         gnutls_protocol_get_name(gnutls_protocol_get_version(s)));
  gnutls_record_send(s, "ping\n", 5);
  do {
    got = gnutls_record_recv(s, buf, sizeof buf - 1);
  } while (got == GNUTLS_E_AGAIN || got == GNUTLS_E_INTERRUPTED);
  if (got > 0) {
    buf[got] = 0;
    printf("connection %d: read: %s", n, buf);
  }
  gnutls_free(data->data);
  data->data = NULL;
  rc = gnutls_session_get_data2(s, data);
  printf("connection %d: session data: %s\n", n, rc == 0 && data->size > 4 ? "ticket" : "none");
  gnutls_bye(s, GNUTLS_SHUT_WR);
  gnutls_deinit(s);
  close(fd);
  fflush(stdout);
  return 0;
}

int main(int argc, char** argv) {
  gnutls_certificate_credentials_t cred;
  gnutls_datum_t data = {NULL, 0};
  int port;
  const char* sni;
  if (argc < 3) {
    fprintf(stderr, "usage: %s PORT CAFILE [SNI [PRIORITY]]\n", argv[0]);
    return 1;
  }
  port = atoi(argv[1]);
  sni = argc > 3 ? argv[3] : "localhost";
  priority = argc > 4 ? argv[4] : NULL;
  gnutls_certificate_allocate_credentials(&cred);
  if (gnutls_certificate_set_x509_trust_file(cred, argv[2], GNUTLS_X509_FMT_PEM) <= 0) {
    fprintf(stderr, "no CA in %s\n", argv[2]);
    return 1;
  }
  if (session(1, port, cred, sni, &data) != 0 || session(2, port, cred, sni, &data) != 0) return 2;
  gnutls_free(data.data);
  gnutls_certificate_free_credentials(cred);
  return 0;
}
