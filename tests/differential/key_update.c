/* TLS 1.3 KeyUpdate after our close_notify. RFC 8446 6.1: once we have
 * sent close_notify we send nothing more, so a KeyUpdate from the peer
 * that asks for ours (update_requested) goes unanswered (4.6.3 asks for the
 * answer only before our next application data, and there is none). The
 * peer's KeyUpdate still switches our read keys: what it sends next (data,
 * its close_notify) must decrypt. The server counts the records the client
 * sent after its close_notify: none. */
#include "harness.h"

static int do_key_update_peer(struct side* sd) {
  return log_rc(sd, "session_key_update(PEER)", gnutls_session_key_update(sd->s, GNUTLS_KU_PEER));
}

/* The server answers the client's close_notify with a KeyUpdate that asks
 * for the client's, then its own close_notify. */
static void server_asks_for_key_update(struct side* s) {
  do_recv(s);
  do_key_update_peer(s);
  do_bye(s, GNUTLS_SHUT_WR);
  raw_count_records(s);
}

/* bye(RDWR) reads the KeyUpdate while it waits and returns GNUTLS_E_AGAIN
 * for it, as GnuTLS 3.7 does (on a blocking socket too); called again, it
 * returns 0 at the close_notify behind it. */
static void key_update_in_bye_client(struct side* c) {
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_bye(c, GNUTLS_SHUT_RDWR);
  do_recv(c);
  raw_shutdown_wr(c);
}

/* bye(WR), then gnutls_record_recv reads the KeyUpdate (GNUTLS_E_AGAIN),
 * the data sent under the new keys, and the close_notify. */
static void key_update_after_bye_wr_client(struct side* c) {
  do_bye(c, GNUTLS_SHUT_WR);
  do_recv(c);
  do_recv(c);
  do_recv(c);
  raw_shutdown_wr(c);
}
static void key_update_after_bye_wr_server(struct side* s) {
  do_recv(s);
  do_key_update_peer(s);
  do_send(s, 10);
  do_bye(s, GNUTLS_SHUT_WR);
  raw_count_records(s);
}

/* For comparison, before any close_notify: the client answers the
 * server's request with its own KeyUpdate, sent ahead of its next data.
 * GnuTLS 3.7 returns GNUTLS_E_AGAIN once for each KeyUpdate received. */
static void key_update_answered_client(struct side* c) {
  do_recv(c);
  do_recv(c);
  do_send(c, 3);
  do_bye(c, GNUTLS_SHUT_RDWR);
}
static void key_update_answered_server(struct side* s) {
  do_key_update_peer(s);
  do_send(s, 10);
  do_recv(s);
  do_recv(s);
  do_recv(s);
  do_bye(s, GNUTLS_SHUT_WR);
}

const struct scenario key_update_scenarios[] = {
    {"key_update_answered", key_update_answered_client, key_update_answered_server, NULL},
    {"key_update_in_bye", key_update_in_bye_client, server_asks_for_key_update, NULL},
    {"key_update_after_bye_wr", key_update_after_bye_wr_client, key_update_after_bye_wr_server,
     NULL},
    {NULL, NULL, NULL, NULL},
};
