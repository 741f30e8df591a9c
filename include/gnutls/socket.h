/* Coda: socket-level transport calls (the GnuTLS 3.7 <gnutls/socket.h> API). */
#ifndef GNUTLS_SOCKET_H
#define GNUTLS_SOCKET_H

#include <gnutls/gnutls.h>
#include <sys/socket.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Building libgnutls.so.30 itself: everything declared here is exported
 * (the version script then picks what the library really defines). */
#if defined(CODA_GNUTLS_BUILD) && defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

/* Coda has no kernel TLS: gnutls_transport_is_ktls_enabled answers 0. */
typedef enum {
  GNUTLS_KTLS_RECV = 1 << 0,
  GNUTLS_KTLS_SEND = 1 << 1,
  GNUTLS_KTLS_DUPLEX = GNUTLS_KTLS_RECV | GNUTLS_KTLS_SEND,
} gnutls_transport_ktls_enable_flags_t;

void gnutls_transport_set_fastopen(gnutls_session_t session, int fd, struct sockaddr* connect_addr,
                                   socklen_t connect_addrlen, unsigned int flags);
gnutls_transport_ktls_enable_flags_t gnutls_transport_is_ktls_enabled(gnutls_session_t session);

#if defined(CODA_GNUTLS_BUILD) && defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* GNUTLS_SOCKET_H */
