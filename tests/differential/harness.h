/* Differential closure tests: a client and a server in one process, two
 * threads over a socketpair(AF_UNIX, SOCK_STREAM). Each side writes its own
 * transcript (one line per API call, return codes and lengths only); the
 * client's lines are printed first, then the server's, so the output does not
 * depend on how the threads interleave. Where a scenario needs an order
 * between the two sides it says so with post()/await().
 *
 * The same sources are built against the real GnuTLS and against Coda; the
 * transcripts must be identical (tests/differential/run_scenario.sh). */
#ifndef CODA_DIFFERENTIAL_HARNESS_H
#define CODA_DIFFERENTIAL_HARNESS_H

#include <gnutls/gnutls.h>
#include <stddef.h>

struct side {
  const char* name; /* "client" or "server" */
  int fd;
  gnutls_session_t s;
  char log[32768];
  size_t len;
  /* Custom transport (only after use_custom_transport()). */
  int pull_eagain; /* the next N pulls fail with EAGAIN */
  int push_eagain; /* the next N pushes fail with EAGAIN */
  int push_fail;   /* nonzero: every push fails with this errno (EPIPE) */
  int pull_fail;   /* nonzero: every pull fails with this errno (ECONNRESET) */
  int push_gone;   /* a push to a peer that has gone (EPIPE) is dropped as if
                    * sent, so the side reads on what the peer sent first */
  int capture;     /* pushes go to cap[] instead of the socket */
  unsigned char cap[8192];
  size_t caplen;
  /* Secrets reported to the keylog callback (keylog* scenarios only). */
  struct {
    char label[40];
    unsigned char secret[64];
    unsigned size;
  } keys[8];
  int nkeys;
};

/* Transcript lines. */
void say(struct side* sd, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
int log_rc(struct side* sd, const char* call, int rc);

/* Session calls that log themselves; each returns what the call returned. */
int do_handshake(struct side* sd);
int do_bye(struct side* sd, gnutls_close_request_t how);
int do_send(struct side* sd, size_t n);
int do_recv(struct side* sd);
/* Receives until recv returns <= 0; logs the byte total and the final code. */
int do_recv_all(struct side* sd);
int do_alert_send(struct side* sd, gnutls_alert_level_t level, gnutls_alert_description_t desc);
void do_alert_get(struct side* sd);
void do_get_direction(struct side* sd);
void do_record_set_timeout(struct side* sd, unsigned ms);

/* Compares the secrets both sides reported to their keylog callbacks, label
 * by label; logs how many matched or the first that did not. Needs both
 * sides in one process and the peer's handshake done (post/await). */
void compare_keylogs(struct side* sd);
/* Installs the keylog callback that records (and logs) every secret. */
void use_keylog(struct side* sd);
/* Logs gnutls_alpn_get_selected_protocol: its code and the name. */
void do_alpn_selected(struct side* sd);

/* Raw transport actions on the side's socket. */
void raw_shutdown_wr(struct side* sd);
void raw_write(struct side* sd, const void* data, size_t n);
/* read() until EOF; logs the byte count and the bytes if printable. */
void raw_read_all(struct side* sd);
/* read() until EOF and parse TLS records; logs the number of records and
 * their content types. */
void raw_count_records(struct side* sd);
void set_nonblocking(struct side* sd);

/* Switches the session to push/pull functions that honour pull_eagain,
 * push_eagain, push_fail, pull_fail, push_gone and capture. */
void use_custom_transport(struct side* sd);

/* Ordering between the two sides. */
void post(int event);
void await(int event);

struct scenario {
  const char* name;
  void (*client)(struct side*);
  void (*server)(struct side*);
  /* Called on each side's fresh session before its handshake, or NULL. */
  void (*setup)(struct side*);
  /* Called on a side whose handshake failed with rc, before its socket is
   * shut down (instead of client/server), or NULL. */
  void (*failed)(struct side*, int rc);
  /* The sides that never call gnutls_credentials_set (NO_CREDENTIALS_*). */
  unsigned no_credentials;
};
enum { NO_CREDENTIALS_CLIENT = 1, NO_CREDENTIALS_SERVER = 2 };
extern const struct scenario scenarios[];
/* Client certificates (client_auth.c). */
extern const struct scenario client_auth_scenarios[];
/* KeyUpdate after a close_notify (key_update.c, TLS 1.3 only). */
extern const struct scenario key_update_scenarios[];
/* Sides without credentials (credentials.c). */
extern const struct scenario credentials_scenarios[];
/* TLS 1.3 resumption (resumption.c). */
extern const struct scenario resumption_scenarios[];
/* TLS 1.3 0-RTT early data and anti-replay (early_data.c). */
extern const struct scenario early_data_scenarios[];
/* TLS 1.2 resumption: session cache and tickets (resumption12.c). */
extern const struct scenario resumption12_scenarios[];

/* Ends the side's session and starts a new one on the same socket (its
 * flags plus extra_flags), with the scenario's setup and a handshake;
 * returns the handshake's code. Both sides must have ended the previous
 * session with close_notify both ways, so no byte of it is left. */
int restart_session(struct side* sd, unsigned extra_flags);

/* Credentials with the client certificate (DATA_DIR/client.crt and
 * client.key). The server's credentials trust its issuer
 * (DATA_DIR/client-ca.crt). */
extern gnutls_certificate_credentials_t client_cert_cred;

#endif
