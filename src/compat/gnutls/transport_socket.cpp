// The socket-level transport calls of <gnutls/socket.h>.
#include <gnutls/socket.h>
#include <sys/socket.h>

#include <cerrno>

#include "compat/gnutls/session.hpp"

extern "C" {

// TCP Fast Open puts the ClientHello in the SYN. Coda connects at once
// instead and then uses the descriptor as gnutls_transport_set_int does:
// the handshake is the same, one round trip later. A failed connect shows
// as GNUTLS_E_PUSH_ERROR on the first write, where GnuTLS reports it too.
void gnutls_transport_set_fastopen(gnutls_session_t session, int fd, struct sockaddr* connect_addr,
                                   socklen_t connect_addrlen, unsigned int flags) {
  (void)flags;
  if (session == nullptr) return;
  if (connect_addr != nullptr && connect_addrlen > 0) {
    int rc;
    do {
      rc = ::connect(fd, connect_addr, connect_addrlen);
    } while (rc != 0 && errno == EINTR);
  }
  gnutls_transport_set_int2(session, fd, fd);
}

// Coda has no kernel TLS offload, so no direction is ever in the kernel.
gnutls_transport_ktls_enable_flags_t gnutls_transport_is_ktls_enabled(gnutls_session_t session) {
  (void)session;
  return gnutls_transport_ktls_enable_flags_t{};
}

}  // extern "C"
