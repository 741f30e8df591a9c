/* Client certificates: the server asks for one
 * (gnutls_certificate_server_set_request) and, where the scenario says so,
 * verifies it in the handshake (gnutls_session_set_verify_cert); the client
 * has one (data/client.crt) or none. Both sides report what they learned:
 * whether a certificate was requested, the peer's chain, the verification
 * status, and on a refusal the error and the alert. */
#include <stddef.h>

#include "harness.h"

/* ---- preparations ---- */

static void with_certificate(struct side* c) {
  log_rc(c, "credentials_set(client certificate)",
         gnutls_credentials_set(c->s, GNUTLS_CRD_CERTIFICATE, client_cert_cred));
}

static void set_request(struct side* s, gnutls_certificate_request_t req, const char* name,
                        int verify) {
  gnutls_certificate_server_set_request(s->s, req);
  say(s, "certificate_server_set_request(%s)", name);
  if (verify) {
    gnutls_session_set_verify_cert(s->s, NULL, 0);
    say(s, "session_set_verify_cert");
  }
}
static void request(struct side* s) {
  set_request(s, GNUTLS_CERT_REQUEST, "REQUEST", 0);
}
static void request_verified(struct side* s) {
  set_request(s, GNUTLS_CERT_REQUEST, "REQUEST", 1);
}
static void require_verified(struct side* s) {
  set_request(s, GNUTLS_CERT_REQUIRE, "REQUIRE", 1);
}
static void require_unverified(struct side* s) {
  set_request(s, GNUTLS_CERT_REQUIRE, "REQUIRE", 0);
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

/* The library leaves the alert to the program (GnuTLS 3.7 sends none from
 * gnutls_handshake; gnutls-serv sends this one): with Coda the engine has
 * sent it already and the call only fails, so its result is not logged. */
static void server_refuses(struct side* s, int rc) {
  report_peer(s);
  gnutls_alert_send(s->s, GNUTLS_AL_FATAL, gnutls_error_to_alert(rc, NULL));
}
static void client_refused(struct side* c, int rc) {
  (void)rc;
  report_request(c);
  do_alert_get(c);
}

const struct scenario client_auth_scenarios[] = {
    /* Sent, verified in the handshake, data flows. */
    {"client_cert_required", client_sends, server_receives, with_certificate, require_verified,
     client_refused, server_refuses},
    /* Sent on request; the program verifies it afterwards. */
    {"client_cert_requested", client_sends, server_receives, with_certificate, request,
     client_refused, server_refuses},
    /* None on request: the session goes on without. */
    {"client_cert_requested_none", client_sends, server_receives, NULL, request, client_refused,
     server_refuses},
    /* None when required: GNUTLS_E_NO_CERTIFICATE_FOUND in TLS 1.2,
     * GNUTLS_E_CERTIFICATE_REQUIRED in 1.3. */
    {"client_cert_required_none", client_refused_late, server_receives, NULL, require_unverified,
     client_refused, server_refuses},
    /* None on request, but the server is to verify one:
     * GNUTLS_E_CERTIFICATE_ERROR. */
    {"client_cert_requested_verified_none", client_refused_late, server_receives, NULL,
     request_verified, client_refused, server_refuses},
    /* Not asked for: not sent. */
    {"client_cert_not_requested", client_sends, server_receives, with_certificate, NULL,
     client_refused, server_refuses},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};
