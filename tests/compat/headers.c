/* Every public header, alone and together, compiles as strict C (C99/C11)
 * and C++ with warnings as errors; a few uses check that the macros expand. */
#include <gnutls/abstract.h>
#include <gnutls/compat.h>
#include <gnutls/crypto.h>
#include <gnutls/dtls.h>
#include <gnutls/gnutls.h>
#include <gnutls/pkcs11.h>
#include <gnutls/x509.h>

int main(void) {
  unsigned flags = GNUTLS_CLIENT | GNUTLS_NONBLOCK | GNUTLS_NO_SIGNAL | GNUTLS_ENABLE_FALSE_START |
                   GNUTLS_ENABLE_EARLY_START | GNUTLS_POST_HANDSHAKE_AUTH;
  unsigned timeout = GNUTLS_DEFAULT_HANDSHAKE_TIMEOUT;
  int hook = GNUTLS_HOOK_BOTH;
  gnutls_datum_t d = {0, 0};
  gnutls_session_t s = 0;
  void (*f)(void*) = gnutls_free;
#ifndef GNUTLS_NO_SIGNAL
#error "init flags must be macros too"
#endif
  (void)f;
  (void)d;
  (void)s;
  return (GNUTLS_VERSION_NUMBER == 0x030709 && GNUTLS_E_AGAIN == -28 && flags != 0 &&
          timeout == (unsigned)-1 && hook == -1 && GNUTLS_MAX_SESSION_ID_SIZE == 32)
             ? 0
             : 1;
}
