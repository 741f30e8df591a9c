// gnutls_init / gnutls_deinit and everything a program sets on a session
// before its handshake.
#include <cstdint>
#include <cstring>
#include <new>

#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/io.hpp"
#include "compat/gnutls/session.hpp"

using coda::compat::buffer_ok;
using coda::compat::system_pull;
using coda::compat::system_vec_push;
using coda::compat::system_vec_push_nosignal;

namespace {

void set_default_transport(gnutls_session_t s) {
  s->pull = system_pull;
  s->push = nullptr;
  s->vec_push = (s->flags & GNUTLS_NO_SIGNAL) != 0 ? system_vec_push_nosignal : system_vec_push;
  s->pull_timeout = gnutls_system_recv_timeout;
}

// GnuTLS's default handshake timeout, used unless the program sets one.
constexpr unsigned kDefaultHandshakeTimeoutMs = 40 * 1000;

constexpr size_t kMaxServerNameLength = 255;

}  // namespace

extern "C" {

int gnutls_init(gnutls_session_t* session, unsigned int flags) {
  if (session == nullptr) return GNUTLS_E_INVALID_REQUEST;
  // No DTLS: a datagram session would speak TLS over UDP.
  if ((flags & GNUTLS_DATAGRAM) != 0) return GNUTLS_E_UNIMPLEMENTED_FEATURE;
  auto* s = new (std::nothrow) gnutls_session_int;
  if (s == nullptr) return GNUTLS_E_MEMORY_ERROR;
  s->flags = flags;
  s->role = (flags & GNUTLS_SERVER) != 0 ? coda::Role::server : coda::Role::client;
  s->recv_ptr = s->send_ptr = reinterpret_cast<gnutls_transport_ptr_t>(static_cast<intptr_t>(-1));
  set_default_transport(s);
  *session = s;
  return 0;
}

void gnutls_deinit(gnutls_session_t session) {
  delete session;
}

void gnutls_session_set_ptr(gnutls_session_t session, void* ptr) {
  if (session != nullptr) session->user_ptr = ptr;
}

void* gnutls_session_get_ptr(gnutls_session_t session) {
  return session != nullptr ? session->user_ptr : nullptr;
}

unsigned gnutls_session_get_flags(gnutls_session_t session) {
  // No false start. As in GnuTLS, SESSION_TICKET is set on a client once
  // a ticket arrived (TLS 1.2: in this handshake), and a TLS 1.2 session
  // has safe renegotiation (RFC 5746) and the extended master secret
  // (RFC 7627), which Coda requires; a TLS 1.3 server has them when the
  // client offered them.
  if (session == nullptr || !session->conn) return 0;
  const coda::SessionInfo& info = session->conn->info();
  unsigned flags = 0;
  const bool tls12 = info.version == coda::ProtocolVersion::tls12;
  if (session->role == coda::Role::client && (tls12 ? info.ticket12_received : !!info.ticket)) {
    flags |= GNUTLS_SFLAGS_SESSION_TICKET;
  }
  // Both sides, once the server took the client's 0-RTT data.
  if (session->conn->info().early_data_accepted) flags |= GNUTLS_SFLAGS_EARLY_DATA;
  if (tls12 && session->conn->handshake_complete()) {
    flags |= GNUTLS_SFLAGS_SAFE_RENEGOTIATION | GNUTLS_SFLAGS_EXT_MASTER_SECRET;
  } else if (!tls12 && session->role == coda::Role::server && session->conn->handshake_complete()) {
    // GnuTLS's TLS 1.3 server reports what the client offered for 1.2.
    if (info.client_offered_renegotiation_info) flags |= GNUTLS_SFLAGS_SAFE_RENEGOTIATION;
    if (info.client_offered_extended_master_secret) flags |= GNUTLS_SFLAGS_EXT_MASTER_SECRET;
  }
  return flags;
}

// GnuTLS answers these from the same state as the session flags above.
unsigned gnutls_safe_renegotiation_status(gnutls_session_t session) {
  return (gnutls_session_get_flags(session) & GNUTLS_SFLAGS_SAFE_RENEGOTIATION) != 0 ? 1 : 0;
}

unsigned gnutls_session_ext_master_secret_status(gnutls_session_t session) {
  return (gnutls_session_get_flags(session) & GNUTLS_SFLAGS_EXT_MASTER_SECRET) != 0 ? 1 : 0;
}

// ---- priorities and credentials ----

int gnutls_priority_set(gnutls_session_t session, gnutls_priority_t priority) {
  if (session == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (priority == nullptr) return GNUTLS_E_NO_PRIORITIES_WERE_SET;
  session->priority = priority->priority;
  return 0;
}

int gnutls_priority_set_direct(gnutls_session_t session, const char* priorities,
                               const char** err_pos) {
  if (session == nullptr) return GNUTLS_E_INVALID_REQUEST;
  gnutls_priority_t p = nullptr;
  const int ret = gnutls_priority_init(&p, priorities, err_pos);
  if (ret < 0) return ret;
  session->priority = p->priority;
  gnutls_priority_deinit(p);
  return 0;
}

int gnutls_set_default_priority(gnutls_session_t session) {
  if (session == nullptr) return GNUTLS_E_INVALID_REQUEST;
  session->priority = coda::compat::default_priority();
  return 0;
}

int gnutls_credentials_set(gnutls_session_t session, gnutls_credentials_type_t type, void* cred) {
  if (session == nullptr) return GNUTLS_E_INVALID_REQUEST;
  switch (type) {
    case GNUTLS_CRD_CERTIFICATE:
      session->certificates = static_cast<gnutls_certificate_credentials_t>(cred);
      return 0;
    case GNUTLS_CRD_ANON:
      // Accepted so programs that set both run; anonymous key exchange is
      // never negotiated (the priority parser refuses to enable it).
      return 0;
    case GNUTLS_CRD_SRP:
    case GNUTLS_CRD_PSK:
    case GNUTLS_CRD_IA:
      return GNUTLS_E_UNIMPLEMENTED_FEATURE;
  }
  return GNUTLS_E_INVALID_REQUEST;  // names no credentials type
}

void gnutls_credentials_clear(gnutls_session_t session) {
  if (session != nullptr) session->certificates = nullptr;
}

int gnutls_server_name_set(gnutls_session_t session, gnutls_server_name_type_t type,
                           const void* name, size_t name_length) {
  if (session == nullptr || !buffer_ok(name, name_length)) return GNUTLS_E_INVALID_REQUEST;
  if (type != GNUTLS_NAME_DNS) return GNUTLS_E_INVALID_REQUEST;
  // RFC 1035 2.3.4: a name is at most 255 octets (GnuTLS draws the line there too).
  if (name_length > kMaxServerNameLength) return GNUTLS_E_INVALID_REQUEST;
  session->server_name.assign(static_cast<const char*>(name), name_length);
  return 0;
}

int gnutls_server_name_get(gnutls_session_t session, void* data, size_t* data_length,
                           unsigned int* type, unsigned int indx) {
  if (session == nullptr || data_length == nullptr || type == nullptr) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  if (session->role == coda::Role::client) return GNUTLS_E_INVALID_REQUEST;
  const std::string& name = session->conn ? session->conn->info().server_name : std::string();
  if (indx != 0 || name.empty()) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  *type = GNUTLS_NAME_DNS;
  // Room for the name and its terminating NUL, as GnuTLS requires.
  if (*data_length < name.size() + 1 || data == nullptr) {
    *data_length = name.size() + 1;
    return GNUTLS_E_SHORT_MEMORY_BUFFER;
  }
  std::memcpy(data, name.data(), name.size());
  static_cast<char*>(data)[name.size()] = '\0';
  *data_length = name.size();
  return 0;
}

void gnutls_session_set_verify_cert(gnutls_session_t session, const char* hostname,
                                    unsigned flags) {
  if (session == nullptr) return;
  (void)flags;
  session->verify_certificate = true;
  session->verify_hostname = hostname != nullptr ? hostname : "";
}

void gnutls_certificate_server_set_request(gnutls_session_t session,
                                           gnutls_certificate_request_t req) {
  if (session != nullptr) session->client_certificate_request = req;
}

void gnutls_certificate_send_x509_rdn_sequence(gnutls_session_t session, int status) {
  if (session != nullptr) session->send_ca_names = status == 0;
}

// ---- transport ----

void gnutls_transport_set_int2(gnutls_session_t session, int recv_fd, int send_fd) {
  if (session == nullptr) return;
  session->recv_ptr = reinterpret_cast<gnutls_transport_ptr_t>(static_cast<intptr_t>(recv_fd));
  session->send_ptr = reinterpret_cast<gnutls_transport_ptr_t>(static_cast<intptr_t>(send_fd));
}

void gnutls_transport_set_ptr(gnutls_session_t session, gnutls_transport_ptr_t ptr) {
  if (session == nullptr) return;
  session->recv_ptr = session->send_ptr = ptr;
}

void gnutls_transport_set_ptr2(gnutls_session_t session, gnutls_transport_ptr_t recv_ptr,
                               gnutls_transport_ptr_t send_ptr) {
  if (session == nullptr) return;
  session->recv_ptr = recv_ptr;
  session->send_ptr = send_ptr;
}

gnutls_transport_ptr_t gnutls_transport_get_ptr(gnutls_session_t session) {
  return session != nullptr ? session->recv_ptr : nullptr;
}

void gnutls_transport_get_ptr2(gnutls_session_t session, gnutls_transport_ptr_t* recv_ptr,
                               gnutls_transport_ptr_t* send_ptr) {
  if (session == nullptr) return;
  if (recv_ptr != nullptr) *recv_ptr = session->recv_ptr;
  if (send_ptr != nullptr) *send_ptr = session->send_ptr;
}

int gnutls_transport_get_int(gnutls_session_t session) {
  return session != nullptr ? static_cast<int>(reinterpret_cast<intptr_t>(session->recv_ptr)) : -1;
}

void gnutls_transport_get_int2(gnutls_session_t session, int* recv_fd, int* send_fd) {
  if (session == nullptr) return;
  if (recv_fd != nullptr)
    *recv_fd = static_cast<int>(reinterpret_cast<intptr_t>(session->recv_ptr));
  if (send_fd != nullptr)
    *send_fd = static_cast<int>(reinterpret_cast<intptr_t>(session->send_ptr));
}

// A NULL push or pull function is stored as such: the transport then fails
// (GNUTLS_E_PUSH_ERROR / GNUTLS_E_PULL_ERROR, as GnuTLS for a NULL push).
void gnutls_transport_set_push_function(gnutls_session_t session, gnutls_push_func push_func) {
  if (session == nullptr) return;
  session->push = push_func;
  session->vec_push = nullptr;
}

void gnutls_transport_set_vec_push_function(gnutls_session_t session,
                                            gnutls_vec_push_func vec_func) {
  if (session == nullptr) return;
  session->vec_push = vec_func;
  session->push = nullptr;
}

void gnutls_transport_set_pull_function(gnutls_session_t session, gnutls_pull_func pull_func) {
  if (session == nullptr) return;
  session->pull = pull_func;
  // The default wait polls a descriptor; with the program's own pull the
  // pointer may not be one, so only the program's pull_timeout is used.
  if (session->pull_timeout == gnutls_system_recv_timeout) session->pull_timeout = nullptr;
}

void gnutls_transport_set_pull_timeout_function(gnutls_session_t session,
                                                gnutls_pull_timeout_func func) {
  if (session != nullptr) session->pull_timeout = func;
}

void gnutls_transport_set_errno_function(gnutls_session_t session, gnutls_errno_func errno_func) {
  if (session != nullptr) session->errno_function = errno_func;
}

void gnutls_transport_set_errno(gnutls_session_t session, int err) {
  if (session != nullptr) session->transport_errno = err;
}

// ---- timeouts ----

void gnutls_record_set_timeout(gnutls_session_t session, unsigned int ms) {
  if (session != nullptr) session->record_timeout_ms = ms;
}

void gnutls_handshake_set_timeout(gnutls_session_t session, unsigned int ms) {
  if (session == nullptr) return;
  if (ms == GNUTLS_DEFAULT_HANDSHAKE_TIMEOUT) ms = kDefaultHandshakeTimeoutMs;
  if (ms == GNUTLS_INDEFINITE_TIMEOUT) ms = 0;
  session->handshake_timeout_ms = ms;
}

}  // extern "C"
