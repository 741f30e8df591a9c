/* Coda: DTLS-specific calls (the GnuTLS 3.7 <gnutls/dtls.h> API). Coda
 * speaks TLS only; these are declared so programs build. */
#ifndef GNUTLS_DTLS_H
#define GNUTLS_DTLS_H

#include <gnutls/gnutls.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Building libgnutls.so.30 itself: everything declared here is exported
 * (the version script then picks what the library really defines). */
#if defined(CODA_GNUTLS_BUILD) && defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

/* Handles, records and callback types. */
typedef struct {
  unsigned int record_seq;
  unsigned int hsk_read_seq;
  unsigned int hsk_write_seq;
} gnutls_dtls_prestate_st;

/* ---- Records ---- */
unsigned int gnutls_record_get_discarded(gnutls_session_t session);

/* ---- Transport ---- */
int gnutls_dtls_cookie_send(gnutls_datum_t* key, void* client_data, size_t client_data_size,
                            gnutls_dtls_prestate_st* prestate, gnutls_transport_ptr_t ptr,
                            gnutls_push_func push_func);
int gnutls_dtls_cookie_verify(gnutls_datum_t* key, void* client_data, size_t client_data_size,
                              void* _msg, size_t msg_size, gnutls_dtls_prestate_st* prestate);
unsigned int gnutls_dtls_get_data_mtu(gnutls_session_t session);
unsigned int gnutls_dtls_get_mtu(gnutls_session_t session);
unsigned int gnutls_dtls_get_timeout(gnutls_session_t session);
void gnutls_dtls_prestate_set(gnutls_session_t session, gnutls_dtls_prestate_st* prestate);
int gnutls_dtls_set_data_mtu(gnutls_session_t session, unsigned int mtu);
void gnutls_dtls_set_mtu(gnutls_session_t session, unsigned int mtu);
void gnutls_dtls_set_timeouts(gnutls_session_t session, unsigned int retrans_timeout,
                              unsigned int total_timeout);

/* Aliases, flag words and fixed values. */
#define GNUTLS_COOKIE_KEY_SIZE 16

#if defined(CODA_GNUTLS_BUILD) && defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* GNUTLS_DTLS_H */
