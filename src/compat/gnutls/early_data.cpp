// TLS 1.3 0-RTT early data (RFC 8446 2.3, 4.2.10) and the server's
// anti-replay (RFC 8446 8) as GnuTLS programs use them. Each call returns
// what GnuTLS 3.7.9 returns (tests/differential, early data scenarios):
//
//   gnutls_record_set_max_early_data_size
//                  server: 0; GNUTLS_E_INVALID_REQUEST for a client, for 0
//                  and above 2^32-1.
//   gnutls_record_get_max_early_data_size
//                  server: the size set, else 16384; client: the limit of
//                  the ticket resumed (or received), else 2^32-1.
//   gnutls_record_send_early_data
//                  client, before the handshake: 0 (not the length, as
//                  GnuTLS) once buffered; GNUTLS_E_RECORD_LIMIT_REACHED past
//                  the limit; GNUTLS_E_INVALID_REQUEST for a server. Sent in
//                  the handshake of a resumed TLS 1.3 session when the
//                  ticket allows it (GnuTLS needs no GNUTLS_ENABLE_EARLY_DATA
//                  on the client for that either).
//   gnutls_record_recv_early_data
//                  server: the bytes of accepted early data (from its
//                  arrival on, during and after the handshake);
//                  GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when there are
//                  none; GNUTLS_E_INVALID_REQUEST for a client.
//   gnutls_anti_replay_*
//                  the recording of RFC 8446 8.2 with the program's store
//                  (gnutls_anti_replay_set_add_function; without one, no
//                  early data is taken, as in GnuTLS), window 10 s.
#include <chrono>
#include <cstring>
#include <limits>
#include <new>

#include "compat/gnutls/internal.hpp"
#include "compat/gnutls/session.hpp"

namespace {

// GnuTLS's default server max_early_data_size.
constexpr uint32_t kDefaultMaxEarlyData = 16384;
// What a GnuTLS client reports before any ticket tells it a limit.
constexpr size_t kClientNoLimit = std::numeric_limits<uint32_t>::max();

uint64_t wall_clock_ms() {
  using namespace std::chrono;
  return static_cast<uint64_t>(
      duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

size_t client_limit(gnutls_session_t s) {
  if (s->conn && s->conn->info().ticket) return s->conn->info().ticket->max_early_data;
  if (s->resume) return s->resume->max_early_data;
  return kClientNoLimit;
}

}  // namespace

extern "C" {

int gnutls_record_set_max_early_data_size(gnutls_session_t session, size_t size) {
  if (session == nullptr || session->role == coda::Role::client) return GNUTLS_E_INVALID_REQUEST;
  // GnuTLS refuses 0 as useless, and what a uint32 cannot hold.
  if (size == 0 || size > std::numeric_limits<uint32_t>::max()) return GNUTLS_E_INVALID_REQUEST;
  session->max_early_data_size = static_cast<uint32_t>(size);
  return 0;
}

size_t gnutls_record_get_max_early_data_size(gnutls_session_t session) {
  if (session == nullptr) return 0;
  if (session->role == coda::Role::client) return client_limit(session);
  return session->max_early_data_size.value_or(kDefaultMaxEarlyData);
}

ssize_t gnutls_record_send_early_data(gnutls_session_t session, const void* data, size_t length) {
  if (session == nullptr || session->role != coda::Role::client) return GNUTLS_E_INVALID_REQUEST;
  if (length == 0) return 0;
  if (data == nullptr) return GNUTLS_E_INVALID_REQUEST;
  const size_t limit = client_limit(session);
  if (session->early_data_out.size() > limit || length > limit - session->early_data_out.size()) {
    return GNUTLS_E_RECORD_LIMIT_REACHED;
  }
  const auto* bytes = static_cast<const uint8_t*>(data);
  session->early_data_out.insert(session->early_data_out.end(), bytes, bytes + length);
  return 0;
}

ssize_t gnutls_record_recv_early_data(gnutls_session_t session, void* data, size_t data_size) {
  if (session == nullptr || session->role != coda::Role::server) return GNUTLS_E_INVALID_REQUEST;
  if (!session->conn || session->conn->early_data_available() == 0) {
    return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  }
  if (data_size == 0) return 0;
  if (data == nullptr) return GNUTLS_E_INVALID_REQUEST;
  return static_cast<ssize_t>(session->conn->read_early_data(
      coda::MutableByteView(static_cast<uint8_t*>(data), data_size)));
}

int gnutls_anti_replay_init(gnutls_anti_replay_t* anti_replay) {
  if (anti_replay == nullptr) return GNUTLS_E_INVALID_REQUEST;
  *anti_replay = nullptr;
  auto* ar = new (std::nothrow) gnutls_anti_replay_st;
  if (ar == nullptr) return GNUTLS_E_MEMORY_ERROR;
  ar->store = std::make_shared<gnutls_anti_replay_st::Store>();
  ar->recording = std::make_shared<coda::AntiReplay>(wall_clock_ms());
  ar->recording->set_store([store = ar->store](coda::ByteView key, uint64_t expires_s,
                                               coda::ByteView entry) {
    // Without a store nothing can be recorded: no early data (GnuTLS).
    if (store->add == nullptr) return false;
    const gnutls_datum_t k{const_cast<uint8_t*>(key.data()), static_cast<unsigned>(key.size())};
    const gnutls_datum_t e{const_cast<uint8_t*>(entry.data()), static_cast<unsigned>(entry.size())};
    // GNUTLS_E_DB_ENTRY_EXISTS (or any error): seen before.
    return store->add(store->ptr, static_cast<time_t>(expires_s), &k, &e) >= 0;
  });
  *anti_replay = ar;
  return 0;
}

void gnutls_anti_replay_deinit(gnutls_anti_replay_t anti_replay) {
  delete anti_replay;
}

void gnutls_anti_replay_set_window(gnutls_anti_replay_t anti_replay, unsigned int window) {
  if (anti_replay != nullptr) anti_replay->recording->set_window(window);
}

void gnutls_anti_replay_set_add_function(gnutls_anti_replay_t anti_replay,
                                         gnutls_db_add_func add_func) {
  if (anti_replay != nullptr) anti_replay->store->add = add_func;
}

void gnutls_anti_replay_set_ptr(gnutls_anti_replay_t anti_replay, void* ptr) {
  if (anti_replay != nullptr) anti_replay->store->ptr = ptr;
}

void gnutls_anti_replay_enable(gnutls_session_t session, gnutls_anti_replay_t anti_replay) {
  // Servers only, as GnuTLS; a client's call does nothing.
  if (session == nullptr || session->role != coda::Role::server) return;
  session->anti_replay = anti_replay != nullptr ? anti_replay->recording : nullptr;
}

}  // extern "C"
