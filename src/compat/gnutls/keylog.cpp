// gnutls_session_set_keylog_function and the SSLKEYLOGFILE default, plus
// gnutls_session_get_random (a key log line is named by the client random).
#include "compat/gnutls/keylog.hpp"

#include <cstdlib>
#include <memory>

#include "compat/gnutls/session.hpp"
#include "engine/keylog_file.hpp"

namespace coda::compat {
namespace {

// The file SSLKEYLOGFILE names, opened on first use and shared by every
// session of the process; null when the variable is unset or the file
// cannot be opened (a key log is a debugging aid, never a reason to fail).
KeylogFile* environment_keylog() {
  static const std::unique_ptr<KeylogFile> file = []() -> std::unique_ptr<KeylogFile> {
    const char* path = std::getenv("SSLKEYLOGFILE");
    if (path == nullptr || *path == '\0') return nullptr;
    auto opened = KeylogFile::open(path);
    return opened ? std::move(opened).value() : nullptr;
  }();
  return file.get();
}

int log_secret(gnutls_session_t s, const char* label, ByteView secret) {
  if (s->keylog != nullptr) {
    gnutls_datum_t datum{const_cast<uint8_t*>(secret.data()), static_cast<unsigned>(secret.size())};
    const int ret = s->keylog(s, label, &datum);
    // A negative return ends the handshake with that very code (GnuTLS);
    // a positive one is ignored.
    if (ret < 0) s->hook_error = ret;
    return ret < 0 ? ret : 0;
  }
  if (KeylogFile* file = environment_keylog()) {
    file->write(label, s->conn->info().client_random, secret);
  }
  return 0;
}

}  // namespace

void connect_keylog(gnutls_session_t s) {
  s->conn->set_secret_observer(
      [s](const char* label, ByteView secret) { return log_secret(s, label, secret); });
}

}  // namespace coda::compat

using namespace coda::compat;

extern "C" {

void gnutls_session_set_keylog_function(gnutls_session_t session, gnutls_keylog_func func) {
  if (session != nullptr) session->keylog = func;
}

gnutls_keylog_func gnutls_session_get_keylog_function(const gnutls_session_t session) {
  return session != nullptr ? session->keylog : nullptr;
}

// The randoms of the hellos; before they are known, zeros. The data stay
// the session's (GnuTLS hands out its own buffers too).
void gnutls_session_get_random(gnutls_session_t session, gnutls_datum_t* client,
                               gnutls_datum_t* server) {
  static uint8_t zeros[32];
  auto view = [&](gnutls_datum_t* out, uint8_t* data) {
    if (out != nullptr) *out = gnutls_datum_t{data, 32};
  };
  if (session == nullptr || !session->conn) {
    view(client, zeros);
    view(server, zeros);
    return;
  }
  // gnutls_datum_t points to non-const bytes; programs only read them.
  auto& info = const_cast<coda::SessionInfo&>(session->conn->info());
  view(client, info.client_random.data());
  view(server, info.server_random.data());
}

}  // extern "C"
