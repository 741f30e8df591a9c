/* Client certificates: the server asks for one
 * (gnutls_certificate_server_set_request) and, where the scenario says so,
 * verifies it in the handshake (gnutls_session_set_verify_cert); the client
 * has one (data/client.crt) or none. Both sides report what they learned:
 * whether a certificate was requested, the peer's chain, the verification
 * status, and on a refusal the error and the alert. */
#include <stddef.h>
#include <string.h>

#include "harness.h"

/* ---- preparations ---- */

/* The client gets the certificate or not; the server asks as `req` says
 * and, with `verify`, verifies in the handshake. */
static void prepare(struct side* sd, int client_certificate, gnutls_certificate_request_t req,
                    int verify) {
  if (strcmp(sd->name, "client") == 0) {
    if (client_certificate) {
      log_rc(sd, "credentials_set(client certificate)",
             gnutls_credentials_set(sd->s, GNUTLS_CRD_CERTIFICATE, client_cert_cred));
    }
    return;
  }
  gnutls_certificate_server_set_request(sd->s, req);
  say(sd, "certificate_server_set_request(%s)",
      req == GNUTLS_CERT_REQUIRE   ? "REQUIRE"
      : req == GNUTLS_CERT_REQUEST ? "REQUEST"
                                   : "IGNORE");
  if (verify) {
    gnutls_session_set_verify_cert(sd->s, NULL, 0);
    say(sd, "session_set_verify_cert");
  }
}

static void client_cert_required_setup(struct side* sd) {
  prepare(sd, 1, GNUTLS_CERT_REQUIRE, 1);
}
static void client_cert_requested_setup(struct side* sd) {
  prepare(sd, 1, GNUTLS_CERT_REQUEST, 0);
}
static void client_cert_requested_none_setup(struct side* sd) {
  prepare(sd, 0, GNUTLS_CERT_REQUEST, 0);
}
static void client_cert_required_none_setup(struct side* sd) {
  prepare(sd, 0, GNUTLS_CERT_REQUIRE, 0);
}
static void client_cert_requested_verified_none_setup(struct side* sd) {
  prepare(sd, 0, GNUTLS_CERT_REQUEST, 1);
}
static void client_cert_not_requested_setup(struct side* sd) {
  prepare(sd, 1, GNUTLS_CERT_IGNORE, 0);
}

/* ---- reports ---- */

/* What the server holds of the client's certificate. */
static void report_peer(struct side* s) {
  unsigned n = 0, status = 0;
  int rc;
  const gnutls_datum_t* list = gnutls_certificate_get_peers(s->s, &n);
  say(s, "certificate_get_peers = %s, %u certificate(s)%s", list ? "list" : "NULL", n,
      list && n > 0 && list[0].size > 0 ? ", the first not empty" : "");
  rc = gnutls_certificate_verify_peers2(s->s, &status);
  if (rc < 0) {
    log_rc(s, "certificate_verify_peers2", rc);
  } else {
    say(s, "certificate_verify_peers2 = %d, status 0x%x", rc, status);
  }
}

static void report_request(struct side* c) {
  say(c, "certificate_client_get_request_status = %u",
      gnutls_certificate_client_get_request_status(c->s));
}

/* ---- the two halves after a handshake ---- */

static void client_sends(struct side* c) {
  report_request(c);
  do_send(c, 4);
  do_bye(c, GNUTLS_SHUT_RDWR);
}
static void server_receives(struct side* s) {
  report_peer(s);
  do_recv(s);
  do_recv(s);
  do_bye(s, GNUTLS_SHUT_WR);
}

/* A TLS 1.3 client finishes its handshake before the server refuses its
 * certificate: the refusal arrives as an alert. */
static void client_refused_late(struct side* c) {
  report_request(c);
  do_recv(c);
  do_alert_get(c);
}

/* ---- refusals ---- */

/* A failed handshake. The server: what it holds, and the alert a GnuTLS
 * program sends itself (GnuTLS 3.7's gnutls_handshake sends none;
 * gnutls-serv sends this one); with Coda the engine has sent it already and
 * the call only fails, so its result is not logged. The client (the
 * harness has logged the alert): whether it was asked for a certificate. */
static void refused(struct side* sd, int rc) {
  if (strcmp(sd->name, "client") == 0) {
    report_request(sd);
    return;
  }
  report_peer(sd);
  gnutls_alert_send(sd->s, GNUTLS_AL_FATAL, gnutls_error_to_alert(rc, NULL));
}

#define CLIENT_AUTH(n, client, server) \
  { #n, client, server, n##_setup, refused }
const struct scenario client_auth_scenarios[] = {
    /* Sent, verified in the handshake, data flows. */
    CLIENT_AUTH(client_cert_required, client_sends, server_receives),
    /* Sent on request; the program verifies it afterwards. */
    CLIENT_AUTH(client_cert_requested, client_sends, server_receives),
    /* None on request: the session goes on without. */
    CLIENT_AUTH(client_cert_requested_none, client_sends, server_receives),
    /* None when required: GNUTLS_E_NO_CERTIFICATE_FOUND in TLS 1.2,
     * GNUTLS_E_CERTIFICATE_REQUIRED in 1.3 (where the client's handshake is
     * over first). */
    CLIENT_AUTH(client_cert_required_none, client_refused_late, server_receives),
    /* None on request, but the server is to verify one:
     * GNUTLS_E_CERTIFICATE_ERROR. */
    CLIENT_AUTH(client_cert_requested_verified_none, client_refused_late, server_receives),
    /* Not asked for: not sent. */
    CLIENT_AUTH(client_cert_not_requested, client_sends, server_receives),
    {NULL, NULL, NULL, NULL, NULL},
};
