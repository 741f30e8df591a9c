// The TLS 1.2 session cache as GnuTLS programs give it (the gnutls_db_*
// calls), and the session id calls. The engine stores and looks up
// sessions through coda::SessionCache12; here that is the program's store,
// retrieve and remove callbacks. The entries are Coda's own format
// (ServerSession12): a program's cache keeps them as opaque bytes, and an
// entry that does not parse is no session (a full handshake).
//
//   gnutls_db_set_cache_expiration  seconds a session (and a ticket, both
//                                   versions) may be resumed; at most
//                                   604800 (7 days), as GnuTLS caps it.
//   gnutls_db_get_default_cache_expiration  21600, GnuTLS's default.
//   gnutls_db_check_entry           0: deprecated, no effect, as GnuTLS.
//   gnutls_db_check_entry_time      when an entry was made; 0 for one
//                                   that is not an entry (or NULL).
//   gnutls_db_check_entry_expire_time  when it expires; 0 likewise.
//   gnutls_db_remove_session        server: removes the session's entry
//                                   (through the remove callback).
//   gnutls_session_get_id(2)        the ServerHello's session id (TLS 1.2).
//   gnutls_session_set_id           client: the ClientHello's session id.
#include <algorithm>
#include <cstring>

#include "compat/gnutls/internal.hpp"
#include "compat/gnutls/session.hpp"

using namespace coda::compat;

namespace {

// GnuTLS's cap on gnutls_db_set_cache_expiration (7 days) and default.
constexpr unsigned kMaxCacheExpiration = 604800;
constexpr unsigned kDefaultCacheExpiration = 21600;

gnutls_datum_t datum_of(coda::ByteView bytes) {
  return gnutls_datum_t{const_cast<unsigned char*>(bytes.data()),
                        static_cast<unsigned>(bytes.size())};
}

// The program's callbacks, looked up when called (as GnuTLS does: they may
// be set or changed until then).
class ProgramSessionCache final : public coda::SessionCache12 {
 public:
  explicit ProgramSessionCache(gnutls_session_t s) : s_(s) {}

  void store(coda::ByteView id, coda::ByteView entry) override {
    if (s_->db_store == nullptr) return;
    // A failed store only means the session cannot be resumed later.
    (void)s_->db_store(s_->db_ptr, datum_of(id), datum_of(entry));
  }

  std::optional<coda::SecureBytes> retrieve(coda::ByteView id) override {
    if (s_->db_retrieve == nullptr) return std::nullopt;
    gnutls_datum_t got = s_->db_retrieve(s_->db_ptr, datum_of(id));
    if (got.data == nullptr) return std::nullopt;
    coda::SecureBytes entry(got.data, got.data + got.size);
    coda::secure_wipe(got.data, got.size);
    gnutls_free(got.data);
    return entry;
  }

  void remove(coda::ByteView id) override {
    if (s_->db_remove != nullptr) (void)s_->db_remove(s_->db_ptr, datum_of(id));
  }

 private:
  gnutls_session_t s_;
};

std::optional<coda::ServerSession12> entry_of(const gnutls_datum_t* entry) {
  if (entry == nullptr || entry->data == nullptr) return std::nullopt;
  return coda::ServerSession12::parse(coda::ByteView(entry->data, entry->size));
}

// The session id a session settled on: TLS 1.2's ServerHello's.
coda::ByteView session_id_of(gnutls_session_t s) {
  if (!s->conn) return {};
  return s->conn->info().session_id;
}

}  // namespace

namespace coda::compat {

std::shared_ptr<SessionCache12> session_cache_of(gnutls_session_t s) {
  if (s->role != Role::server || s->db_retrieve == nullptr || s->db_store == nullptr) {
    return nullptr;
  }
  return std::make_shared<ProgramSessionCache>(s);
}

}  // namespace coda::compat

extern "C" {

void gnutls_db_set_store_function(gnutls_session_t session, gnutls_db_store_func store_func) {
  if (session != nullptr) session->db_store = store_func;
}

void gnutls_db_set_retrieve_function(gnutls_session_t session, gnutls_db_retr_func retr_func) {
  if (session != nullptr) session->db_retrieve = retr_func;
}

void gnutls_db_set_remove_function(gnutls_session_t session, gnutls_db_remove_func rem_func) {
  if (session != nullptr) session->db_remove = rem_func;
}

void gnutls_db_set_ptr(gnutls_session_t session, void* ptr) {
  if (session != nullptr) session->db_ptr = ptr;
}

void* gnutls_db_get_ptr(gnutls_session_t session) {
  return session != nullptr ? session->db_ptr : nullptr;
}

void gnutls_db_set_cache_expiration(gnutls_session_t session, int seconds) {
  if (session == nullptr) return;
  session->cache_expiration =
      seconds <= 0 ? 0 : std::min(static_cast<unsigned>(seconds), kMaxCacheExpiration);
}

unsigned gnutls_db_get_default_cache_expiration(void) {
  return kDefaultCacheExpiration;
}

int gnutls_db_check_entry(gnutls_session_t session, gnutls_datum_t session_entry) {
  (void)session;
  (void)session_entry;
  return 0;
}

time_t gnutls_db_check_entry_time(gnutls_datum_t* entry) {
  const auto parsed = entry_of(entry);
  return parsed ? static_cast<time_t>(parsed->created_s) : 0;
}

time_t gnutls_db_check_entry_expire_time(gnutls_datum_t* entry) {
  const auto parsed = entry_of(entry);
  return parsed ? static_cast<time_t>(parsed->expires_s) : 0;
}

void gnutls_db_remove_session(gnutls_session_t session) {
  if (session == nullptr || session->role != coda::Role::server) return;
  const coda::ByteView id = session_id_of(session);
  if (id.empty() || session->db_remove == nullptr) return;
  (void)session->db_remove(session->db_ptr, datum_of(id));
}

int gnutls_session_get_id(gnutls_session_t session, void* session_id, size_t* session_id_size) {
  if (session == nullptr || session_id_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  const coda::ByteView id = session_id_of(session);
  if (session_id == nullptr || *session_id_size < id.size()) {
    *session_id_size = id.size();
    return session_id == nullptr ? 0 : GNUTLS_E_SHORT_MEMORY_BUFFER;
  }
  *session_id_size = id.size();
  if (!id.empty()) std::memcpy(session_id, id.data(), id.size());
  return 0;
}

int gnutls_session_get_id2(gnutls_session_t session, gnutls_datum_t* session_id) {
  if (session == nullptr || session_id == nullptr) return GNUTLS_E_INVALID_REQUEST;
  const coda::ByteView id = session_id_of(session);
  // A view into the session, valid while it lives (as GnuTLS's).
  *session_id = datum_of(id);
  return 0;
}

int gnutls_session_set_id(gnutls_session_t session, const gnutls_datum_t* sid) {
  if (session == nullptr || sid == nullptr || session->role != coda::Role::client ||
      sid->size > coda::kMaxSessionIdLength || (sid->data == nullptr && sid->size > 0)) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  session->client_session_id = coda::Bytes(sid->data, sid->data + sid->size);
  return 0;
}

}  // extern "C"
