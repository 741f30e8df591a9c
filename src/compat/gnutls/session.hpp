// The GnuTLS session handle: what a program sets before the handshake, the
// engine behind it, the transport callbacks and the closure bookkeeping.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "compat/gnutls/internal.hpp"

namespace coda::compat {

// What the coda_ extensions add to a session (include/gnutls/coda.h).
struct ClosureOptions {
  unsigned bye_deadline_ms = 0;  // 0: none, only the record timeout
  bool lenient_truncation = false;
  bool read_ahead = false;
};

enum class ByeOutcome : uint8_t { none, clean, peer_never_confirmed, timed_out };

}  // namespace coda::compat

struct gnutls_session_int {
  unsigned flags = 0;
  coda::Role role = coda::Role::client;

  // Set before the handshake; turned into a coda::Config by the first
  // gnutls_handshake().
  std::optional<coda::Priority> priority;
  gnutls_certificate_credentials_t certificates = nullptr;
  std::string server_name;
  bool verify_certificate = false;
  std::string verify_hostname;
  // gnutls_session_set_verify_function; takes the place of the
  // credentials' (gnutls_certificate_set_verify_function) for this session.
  gnutls_certificate_verify_function* verify_function = nullptr;
  gnutls_certificate_request_t client_certificate_request = GNUTLS_CERT_IGNORE;
  std::vector<std::string> alpn_protocols;  // gnutls_alpn_set_protocols
  unsigned alpn_flags = 0;
  bool send_ca_names = true;  // gnutls_certificate_send_x509_rdn_sequence
  // TLS 1.3 resumption (resumption.cpp). Server: the ticket key derived
  // from the program's (gnutls_session_ticket_enable_server); without one
  // no tickets, as in GnuTLS. Client: the session gnutls_session_set_data
  // gave, offered unless GNUTLS_NO_TICKETS.
  std::shared_ptr<const coda::SecureBytes> ticket_key;
  std::shared_ptr<const coda::ResumableSession> resume;
  // 0-RTT (early_data.cpp), with GNUTLS_ENABLE_EARLY_DATA. Client: what
  // gnutls_record_send_early_data gave, sent in the resumed handshake.
  // Server: gnutls_record_set_max_early_data_size (GnuTLS's 16384 when
  // unset) and the recording of gnutls_anti_replay_enable.
  coda::Bytes early_data_out;
  std::optional<uint32_t> max_early_data_size;
  std::shared_ptr<coda::AntiReplay> anti_replay;
  // TLS 1.2 resumption (session_db.cpp). Server: the program's session
  // cache callbacks and their pointer. Both: how long sessions and tickets
  // live (gnutls_db_set_cache_expiration; GnuTLS's default, 6 hours).
  // Client: the TLS 1.2 session gnutls_session_set_data gave, and the
  // ClientHello's session id set by gnutls_session_set_id.
  gnutls_db_store_func db_store = nullptr;
  gnutls_db_retr_func db_retrieve = nullptr;
  gnutls_db_remove_func db_remove = nullptr;
  void* db_ptr = nullptr;
  unsigned cache_expiration = 21600;
  std::shared_ptr<const coda::ResumableSession12> resume12;
  std::optional<coda::Bytes> client_session_id;

  std::unique_ptr<coda::Connection> conn;
  // gnutls_record_send and gnutls_record_recv may run at the same time in
  // two threads (GnuTLS allows it). engine_mutex guards the engine and is
  // never held across a push or a pull, so neither thread waits on the
  // other's transport; write_mutex keeps the bytes in order on their way
  // out and is held by whichever thread pushes (taken before engine_mutex).
  // The engine calls the program back (hooks, key log, verification) with
  // engine_mutex held, and the program may call in again from there: hence
  // recursive.
  std::recursive_mutex engine_mutex;
  std::mutex write_mutex;
  // Records taken from the engine and not yet all pushed (under write_mutex).
  coda::Bytes outgoing;
  size_t outgoing_pos = 0;
  // A reading call queued output while another thread held write_mutex.
  std::atomic<bool> output_waiting = false;
  // gnutls_handshake has returned 0 once; a later call asks for a new one.
  bool handshake_returned = false;
  // The peer's close_notify during the handshake was reported (as
  // GNUTLS_E_SESSION_EOF, once).
  bool handshake_eof_reported = false;

  // Transport.
  gnutls_transport_ptr_t recv_ptr = nullptr;
  gnutls_transport_ptr_t send_ptr = nullptr;
  gnutls_pull_func pull = nullptr;
  gnutls_push_func push = nullptr;
  gnutls_vec_push_func vec_push = nullptr;
  gnutls_pull_timeout_func pull_timeout = nullptr;
  gnutls_errno_func errno_function = nullptr;
  std::atomic<int> transport_errno = 0;  // gnutls_transport_set_errno, read once
  // Bytes pulled past what the engine took (read-ahead), kept for the
  // engine or handed back to the application after close_notify.
  coda::Bytes unread;
  size_t unread_pos = 0;

  unsigned record_timeout_ms = 0;
  // Set only by gnutls_handshake_set_timeout (0: none): only then does the
  // handshake wait through the pull_timeout function, as GnuTLS 3.7 does
  // (its 40 s default never calls it).
  std::optional<unsigned> handshake_timeout_ms;

  // Where the last E_AGAIN/E_INTERRUPTED happened: 1 writing, 0 reading.
  std::atomic<int> direction = 0;
  // Plaintext taken by a gnutls_record_send that then returned E_AGAIN:
  // the next call finishes the write and reports this length.
  size_t interrupted_send = 0;
  // A fatal error is returned once; afterwards calls say the session is invalid.
  bool fatal_error_reported = false;
  bool eof_in_record_announced = false;  // the E_AGAIN GnuTLS gives first
  // The transport failed for good (E_PUSH_ERROR / E_PULL_ERROR). As in
  // GnuTLS, after a failed read the session reads and sends no more (only
  // bye's close_notify still goes out); after a failed write it sends no
  // more data but still reads. The closure record shows the direction failed.
  std::atomic<bool> pull_failed = false;
  std::atomic<bool> push_failed = false;

  gnutls_handshake_hook_func hook = nullptr;
  unsigned hook_type = 0;
  int hook_when = 0;
  bool in_hook = false;
  gnutls_keylog_func keylog = nullptr;
  // A negative return of the hook or of the keylog callback: what
  // gnutls_handshake returns for the handshake it ended.
  int hook_error = 0;
  int last_in = -1;
  int last_out = -1;

  void* user_ptr = nullptr;
  // gnutls_certificate_get_peers hands out views of the peer chain.
  std::vector<gnutls_datum_t> peer_certificates;
  // gnutls_certificate_get_ours hands out a view of the leaf we sent.
  gnutls_datum_t our_certificate{nullptr, 0};

  // Closure.
  bool close_notify_without_engine = false;  // bye before any handshake
  std::optional<std::chrono::steady_clock::time_point> bye_deadline;
  coda::compat::ByeOutcome bye_outcome = coda::compat::ByeOutcome::none;
  // Set by coda_close: bye waits on through KeyUpdates instead of
  // returning GnuTLS's E_AGAIN for each.
  bool bye_through_key_updates = false;
  coda::compat::ClosureOptions closure;
};

namespace coda::compat {

// Server: the engine's view of the program's TLS 1.2 session cache
// (session_db.cpp); null when the program set no store and retrieve
// functions.
std::shared_ptr<SessionCache12> session_cache_of(gnutls_session_t s);

}  // namespace coda::compat
