/* A TLS echo server shaped like the GnuTLS manual's examples: x509
 * credentials from key files, the default priority, an accept loop, the
 * handshake retry loop, a receive loop that echoes every record back,
 * gnutls_bye and cleanup. Built against Coda's <gnutls/gnutls.h>.
 *
 * usage: example_server [-p PORT] [-n CONNECTIONS] [-r CAFILE] CERT KEY [CERT KEY]
 *   -p PORT         port on 127.0.0.1 (default 0: any free port)
 *   -n CONNECTIONS  serve this many connections, then exit (default 1)
 *   -r CAFILE       request (and verify) a client certificate from CAFILE
 * Prints "listening on port N" once it accepts connections; exits 0 when
 * every connection completed its handshake. */
#include <arpa/inet.h>
#include <gnutls/gnutls.h>
#include <netinet/in.h>
#include <signal.h>
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

int main(int argc, char** argv) {
  int listen_sd, sd, ret, opt, optval = 1;
  int port = 0, connections = 1, served, failures = 0;
  const char* cafile = NULL;
  struct sockaddr_in sa_serv, sa_cli;
  socklen_t client_len;
  char topbuf[512], buffer[MAX_BUF + 1];
  gnutls_certificate_credentials_t x509_cred;
  gnutls_priority_t priority_cache;
  gnutls_session_t session;
  int i;

  while ((opt = getopt(argc, argv, "p:n:r:")) != -1) {
    switch (opt) {
      case 'p':
        port = atoi(optarg);
        break;
      case 'n':
        connections = atoi(optarg);
        break;
      case 'r':
        cafile = optarg;
        break;
      default:
        goto usage;
    }
  }
  if (argc - optind < 2 || (argc - optind) % 2 != 0) goto usage;

  /* A client that goes away while we write must not kill the server. */
  signal(SIGPIPE, SIG_IGN);

  /* for backwards compatibility with gnutls < 3.3.0 */
  CHECK(gnutls_global_init());

  CHECK(gnutls_certificate_allocate_credentials(&x509_cred));
  if (cafile != NULL) {
    CHECK(gnutls_certificate_set_x509_trust_file(x509_cred, cafile, GNUTLS_X509_FMT_PEM));
  }
  for (i = optind; i + 1 < argc; i += 2) {
    CHECK(
        gnutls_certificate_set_x509_key_file(x509_cred, argv[i], argv[i + 1], GNUTLS_X509_FMT_PEM));
  }
  CHECK(gnutls_priority_init(&priority_cache, NULL, NULL));

  /* Socket operations */
  listen_sd = socket(AF_INET, SOCK_STREAM, 0);
  memset(&sa_serv, 0, sizeof(sa_serv));
  sa_serv.sin_family = AF_INET;
  sa_serv.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  sa_serv.sin_port = htons((unsigned short)port);
  setsockopt(listen_sd, SOL_SOCKET, SO_REUSEADDR, (void*)&optval, sizeof(int));
  if (bind(listen_sd, (struct sockaddr*)&sa_serv, sizeof(sa_serv)) < 0 ||
      listen(listen_sd, 1024) < 0) {
    perror("bind/listen");
    exit(1);
  }
  client_len = sizeof(sa_serv);
  getsockname(listen_sd, (struct sockaddr*)&sa_serv, &client_len);
  printf("listening on port %d\n", ntohs(sa_serv.sin_port));
  fflush(stdout);

  for (served = 0; served < connections; served++) {
    CHECK(gnutls_init(&session, GNUTLS_SERVER));
    CHECK(gnutls_priority_set(session, priority_cache));
    CHECK(gnutls_credentials_set(session, GNUTLS_CRD_CERTIFICATE, x509_cred));

    /* We don't request any certificate from the client, unless told to.
     * If we did we would need to verify it. */
    gnutls_certificate_server_set_request(
        session, cafile != NULL ? GNUTLS_CERT_REQUIRE : GNUTLS_CERT_IGNORE);
    gnutls_handshake_set_timeout(session, GNUTLS_DEFAULT_HANDSHAKE_TIMEOUT);

    client_len = sizeof(sa_cli);
    sd = accept(listen_sd, (struct sockaddr*)&sa_cli, &client_len);
    if (sd < 0) {
      perror("accept");
      exit(1);
    }
    printf("- connection from %s, port %d\n",
           inet_ntop(AF_INET, &sa_cli.sin_addr, topbuf, sizeof(topbuf)), ntohs(sa_cli.sin_port));

    gnutls_transport_set_int(session, sd);
    gnutls_record_set_timeout(session, 20000);

    do {
      ret = gnutls_handshake(session);
    } while (ret < 0 && gnutls_error_is_fatal(ret) == 0);

    if (ret < 0) {
      close(sd);
      gnutls_deinit(session);
      fprintf(stderr, "*** Handshake has failed (%s)\n\n", gnutls_strerror(ret));
      failures++;
      continue;
    }
    {
      char* desc = gnutls_session_get_desc(session);
      printf("- Handshake was completed: %s\n", desc);
      gnutls_free(desc);
    }
    fflush(stdout);

    /* see the Getting peer's information example */
    for (;;) {
      ret = gnutls_record_recv(session, buffer, MAX_BUF);
      if (ret == 0) {
        printf("\n- Peer has closed the GnuTLS connection\n");
        break;
      } else if (ret < 0 && gnutls_error_is_fatal(ret) == 0) {
        fprintf(stderr, "*** Warning: %s\n", gnutls_strerror(ret));
      } else if (ret < 0) {
        fprintf(stderr, "\n*** Received corrupted data(%d). Closing the connection.\n\n", ret);
        break;
      } else if (ret > 0) {
        /* echo data back to the client */
        buffer[ret] = '\0';
        printf("- received %d bytes: %s\n", ret, buffer);
        fflush(stdout);
        ret = gnutls_record_send(session, buffer, (size_t)ret);
        if (ret < 0) {
          fprintf(stderr, "*** send failed: %s\n", gnutls_strerror(ret));
          break;
        }
      }
    }
    printf("\n");
    /* do not wait for the peer to close the connection. */
    gnutls_bye(session, GNUTLS_SHUT_WR);

    close(sd);
    gnutls_deinit(session);
    fflush(stdout);
  }
  close(listen_sd);

  gnutls_certificate_free_credentials(x509_cred);
  gnutls_priority_deinit(priority_cache);
  gnutls_global_deinit();
  printf("served %d connections, %d failed\n", served, failures);
  return failures == 0 ? 0 : 1;

usage:
  fprintf(stderr, "usage: %s [-p PORT] [-n CONNECTIONS] [-r CAFILE] CERT KEY [CERT KEY]\n",
          argv[0]);
  return 2;
}
