/* A side that never calls gnutls_credentials_set.
 *   Server: nothing to authenticate itself with. GnuTLS reads the
 *   ClientHello, then fails with GNUTLS_E_INSUFFICIENT_CREDENTIALS (or with
 *   what is wrong with the ClientHello, if something is).
 *   Client: nothing to check the server with. GnuTLS then offers no TLS 1.2
 *   suite (each needs certificate credentials) and not TLS 1.3 (it needs
 *   them or a PSK), though the TLS 1.3 suites stay listed: no server
 *   accepts that ClientHello (GNUTLS_E_NO_CIPHER_SUITES; with a TLS
 *   1.2-only priority the suite list is empty, GNUTLS_E_UNEXPECTED_PACKET_LENGTH),
 *   so the client never gets a session it could not authenticate.
 * A failing server sends the alert gnutls-serv sends
 * (gnutls_error_to_alert): GnuTLS 3.7's gnutls_handshake sends none, Coda's
 * engine has sent it already (and the call only fails, so its result is not
 * logged). */
#include <poll.h>
#include <string.h>

#include "harness.h"

/* Reached only if the handshake succeeds (it must not). */
static void client_sends(struct side* c) {
  do_send(c, 4);
  do_bye(c, GNUTLS_SHUT_RDWR);
}
static void server_receives(struct side* s) {
  do_recv(s);
  do_recv(s);
  do_bye(s, GNUTLS_SHUT_WR);
}

/* The order of events is fixed: the server starts once the ClientHello is
 * there, and the client reads to the end whatever the server sent before it
 * gave up (a GnuTLS 1.3 server without credentials sends its ServerHello
 * first, and the client's answer to it may find the socket closed). */
static void order_events(struct side* sd) {
  struct pollfd p;
  if (strcmp(sd->name, "client") == 0) {
    use_custom_transport(sd);
    sd->push_gone = 1;
    return;
  }
  p.fd = sd->fd;
  p.events = POLLIN;
  p.revents = 0;
  if (poll(&p, 1, 3000) != 1) say(sd, "no ClientHello within 3 s");
}

static void alert_as_gnutls_serv(struct side* sd, int rc) {
  if (strcmp(sd->name, "server") == 0)
    gnutls_alert_send(sd->s, GNUTLS_AL_FATAL, gnutls_error_to_alert(rc, NULL));
}

#define WITHOUT(n, who) \
  { #n, client_sends, server_receives, order_events, alert_as_gnutls_serv, who }
const struct scenario credentials_scenarios[] = {
    WITHOUT(server_without_credentials, NO_CREDENTIALS_SERVER),
    WITHOUT(client_without_credentials, NO_CREDENTIALS_CLIENT),
    WITHOUT(neither_with_credentials, NO_CREDENTIALS_CLIENT | NO_CREDENTIALS_SERVER),
    {NULL, NULL, NULL, NULL, NULL, 0},
};
