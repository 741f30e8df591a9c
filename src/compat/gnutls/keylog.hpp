// Where a session's secrets go: the program's keylog callback, else the
// file SSLKEYLOGFILE names (as GnuTLS does), else nowhere.
#pragma once

#include <gnutls/gnutls.h>

namespace coda::compat {

// Called once the session's engine exists.
void connect_keylog(gnutls_session_t s);

}  // namespace coda::compat
