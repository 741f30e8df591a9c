/* The valid objects api_arguments' cases pass next to the bad argument.
 * Each is made on first use inside the case's child process and stays
 * reachable until it exits, so a case frees only what it made itself. */
#ifndef API_ARGUMENTS_FIXTURE_H
#define API_ARGUMENTS_FIXTURE_H

#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

void fixture_set_certdir(const char* dir);
/* CERTDIR/name (see make_certs.sh). */
const char* cert_file(const char* name);

/* Sessions straight from gnutls_init (nothing set), client and server;
 * a new one on every call. */
gnutls_session_t new_client(void);
gnutls_session_t new_server(void);
/* A client with GNUTLS_NONBLOCK on one end of a socketpair whose other end
 * never answers: a handshake on it stops at GNUTLS_E_AGAIN. */
gnutls_session_t nonblocking_client(void);

/* A TLS 1.3 client and server that finished their handshake over an
 * in-memory transport (non-blocking: reading with nothing queued gives
 * GNUTLS_E_AGAIN). The client sent SNI "localhost"; both agreed on ALPN "h2". */
gnutls_session_t live_client(void);
gnutls_session_t live_server(void);
/* Moves one record from the server to the client's queue. */
void live_server_sends(const char* text);

gnutls_certificate_credentials_t server_credentials(void); /* ecdsa.pem + key, ca.pem */
gnutls_certificate_credentials_t empty_credentials(void);
gnutls_priority_t normal_priority(void);
gnutls_x509_crt_t certificate(void);          /* ecdsa.pem imported */
gnutls_x509_crt_t empty_certificate(void);    /* initialized, nothing imported */
gnutls_pubkey_t public_key(void);             /* the key of ecdsa.pem */
gnutls_x509_dn_t subject_dn(void);            /* certificate()'s subject */
const gnutls_datum_t* raw_dn(void);           /* its DER */
gnutls_x509_privkey_t x509_private_key(void); /* ecdsa.key imported */
gnutls_privkey_t private_key(void);           /* the same, abstract */
gnutls_x509_trust_list_t trust_list(void);    /* ca.pem added */
gnutls_x509_crl_t crl(void);                  /* crl.pem imported */
gnutls_x509_crl_t empty_crl(void);            /* initialized, nothing imported */
gnutls_dh_params_t dh_params(void);           /* ffdhe2048 imported */
gnutls_dh_params_t empty_dh_params(void);     /* initialized, nothing imported */

/* Files loaded into memory (gnutls_datum_t, NUL-terminated). */
const gnutls_datum_t* cert_pem(void);
const gnutls_datum_t* key_pem(void);
const gnutls_datum_t* hex_datum(void); /* "00ff10" */

/* Read ends of non-blocking pipes: one empty, one with a byte waiting. */
int empty_pipe(void);
int ready_pipe(void);

#endif
