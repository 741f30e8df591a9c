// What a session is allowed to do, fixed before it starts. Immutable once
// handed to a Connection and shared freely between sessions and threads.
#pragma once

#include <cstdint>
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/protocol_ids.hpp"
#include "base/secure.hpp"
#include "config/priority.hpp"
#include "config/resumable_session.hpp"
#include "config/session12.hpp"
#include "crypto/random.hpp"
#include "crypto/signature.hpp"
#include "crypto/x509.hpp"

namespace coda {

enum class Role : uint8_t { client, server };

class AntiReplay;  // config/anti_replay.hpp

// A certificate chain (leaf first) with the private key of its leaf.
struct CertifiedKey {
  std::vector<crypto::Certificate> chain;
  crypto::PrivateKey key;

  // Loads PEM files; invalid_argument when a file is unreadable, holds no
  // certificate or key, or the key is not the leaf's.
  static Result<std::shared_ptr<const CertifiedKey>> load(const std::string& cert_file,
                                                          const std::string& key_file);
  static Result<std::shared_ptr<const CertifiedKey>> from_pem(ByteView cert_pem, ByteView key_pem);
  // A chain (not empty) and its leaf's key, already loaded.
  static Result<std::shared_ptr<const CertifiedKey>> make(std::vector<crypto::Certificate> chain,
                                                          crypto::PrivateKey key);
};

struct Config {
  Role role = Role::client;

  // Preference order (the server honours its own order only with
  // server_precedence, else the client's).
  ProtocolVersion min_version = ProtocolVersion::tls13;
  ProtocolVersion max_version = ProtocolVersion::tls13;
  std::vector<CipherSuite> cipher_suites;
  std::vector<NamedGroup> groups;
  std::vector<SignatureScheme> signature_schemes;
  bool server_precedence = false;
  // How many groups (from the front of `groups`) the client sends key shares
  // for in its first ClientHello; the server may ask for another by HRR.
  size_t key_shares = 1;
  // RFC 8446 D.4: non-empty legacy_session_id and a dummy ChangeCipherSpec.
  bool middlebox_compat = true;
  // RFC 8446 5.5: a key may protect only so many records (AES-GCM: about
  // 2^24.5 full-size ones). In TLS 1.3 a KeyUpdate renews the write key
  // after this many records, well before the limit.
  uint64_t key_update_after_records = uint64_t{1} << 24;

  // Server: chains to choose from (by SNI and signature scheme).
  std::vector<std::shared_ptr<const CertifiedKey>> certificates;
  // Server: whether to ask the client for a certificate. With require, a
  // client that sends none is refused; with request it is too when
  // verify_peer is set (as GnuTLS does: there is nothing to verify). The
  // TLS 1.2 CertificateRequest names the anchors of `trust` as
  // certificate_authorities, unless send_ca_names is false.
  enum class ClientAuth : uint8_t { none, request, require };
  ClientAuth client_auth = ClientAuth::none;
  bool send_ca_names = true;
  // Client: certificate to send when asked (none: an empty Certificate).
  // Sent only when its key can sign with a scheme the server lists (and, in
  // TLS 1.2, is of a listed type and issued by a listed CA, if any).
  std::shared_ptr<const CertifiedKey> client_certificate;
  // Client: the program gave no credentials to authenticate the server with
  // (GnuTLS: no gnutls_credentials_set). The ClientHello is then what GnuTLS
  // sends: no TLS 1.2 suite (each needs certificate credentials) and no
  // TLS 1.3 (it needs them or a PSK), only the TLS 1.3 suites still listed.
  // No server can accept that, so the handshake fails as against GnuTLS,
  // and never yields a session whose server nothing could check.
  bool without_credentials = false;

  // ALPN (RFC 7301): the protocols we speak, most wanted first. The server
  // takes the first of the client's list it also has (or, with
  // alpn_server_precedence, the first of its own the client has). With
  // alpn_mandatory a server whose list shares no protocol with a client's
  // (non-empty) list fails the handshake (no_application_protocol); a client never fails
  // for want of one (GnuTLS's behaviour) but finds info().alpn empty.
  std::vector<std::string> alpn_protocols;
  bool alpn_server_precedence = false;
  bool alpn_mandatory = false;

  // Peer verification. verify_peer with no trust store fails every chain.
  bool verify_peer = true;
  std::shared_ptr<const crypto::TrustStore> trust;
  // Client: SNI to send (empty: none) and the name the certificate must match
  // (empty: server_name; both empty: no name check).
  std::string server_name;
  std::string verify_hostname;
  // Verification time for tests; now when empty.
  std::optional<std::time_t> verify_time;
  // The program's own look at the peer's certificate: called once the
  // peer's chain and its verification status are in SessionInfo (and after
  // verify_peer has accepted it), before the handshake goes on. A non-zero
  // answer refuses the peer with bad_certificate
  // (Reason::certificate_rejected). The C API runs the verify callbacks
  // (gnutls_certificate_set_verify_function) here.
  std::function<int()> peer_certificate_check;

  // TLS 1.3 resumption with tickets (RFC 8446 2.2, 4.6.1). Off altogether
  // with tickets_enabled = false (priority %NO_TICKETS, coda-serv
  // --noticket): the server sends and takes none, the client offers none.
  bool tickets_enabled = true;
  // Server: NewSessionTicket messages sent right after the client's
  // Finished (GnuTLS 3.7.9 sends two); 0 sends none by itself.
  unsigned tickets_after_handshake = 2;
  // Server: whether a ticket a client offers (pre_shared_key) is taken.
  bool accept_tickets = true;
  // Server: the key the ticket keys derive from (at least 32 bytes; the
  // C API: the program's 64), a new AES-256-GCM key each ticket_lifetime
  // period (handshake/ticket.hpp); null: one random key per process.
  std::shared_ptr<const SecureBytes> ticket_key;
  // Server: ticket_lifetime in seconds (GnuTLS's default expiration, six
  // hours); capped at kMaxTicketLifetimeSeconds.
  uint32_t ticket_lifetime = 21600;
  // Server: max_early_data_size (RFC 8446 4.2.10), GnuTLS's default. While
  // 0-RTT is not accepted it bounds the early data skipped for a client
  // that sent some anyway.
  uint32_t max_early_data_size = 16384;
  // Server: take 0-RTT early data (GnuTLS's GNUTLS_ENABLE_EARLY_DATA,
  // coda-serv --earlydata): tickets then allow it (max_early_data_size in
  // NewSessionTicket), and a resumed client's early data is read
  // (Connection::read_early_data) before the handshake completes, when
  // anti_replay admits it. Off by default.
  bool accept_early_data = false;
  // Server: RFC 8446 8 anti-replay for 0-RTT; without it no early data is
  // taken, as GnuTLS does. Shared by the sessions of a server (thread-safe).
  std::shared_ptr<AntiReplay> anti_replay;
  // Client: the session to resume (its ticket offered as a PSK with
  // psk_dhe_ke); null: a full handshake.
  std::shared_ptr<const ResumableSession> resume;
  // Client: data to send as 0-RTT early data (RFC 8446 2.3, 4.2.10) with
  // `resume`, when its ticket allows early data (at most its
  // max_early_data_size is sent). Empty: none offered.
  Bytes early_data;
  // TLS 1.2 resumption (RFC 5246 7.3). Server: the cache sessions are
  // stored in and looked up by session id (null: none; a session id is
  // sent all the same). Tickets (RFC 5077) follow tickets_enabled,
  // accept_tickets and ticket_key as in TLS 1.3; a session's lifetime is
  // ticket_lifetime in both forms. Client: the session to offer again (its
  // id and ticket), and a session id for the ClientHello the program chose
  // (gnutls_session_set_id), both unless null.
  std::shared_ptr<SessionCache12> session_cache;
  std::shared_ptr<const ResumableSession12> resume12;
  std::optional<Bytes> client_session_id;

  // Wall clock in ms since the epoch, for ticket ages and lifetimes; the
  // system clock when empty (tests set it).
  std::function<uint64_t()> clock_ms;
  uint64_t now_ms() const;

  // Source of every random byte; the system CSPRNG when null. Not owned.
  crypto::RandomSource* random = nullptr;

  // Fills suites, groups and schemes with Coda's defaults (the GnuTLS
  // "NORMAL" order) for whatever is still empty.
  void fill_defaults();
  // Takes versions, suites, groups, schemes and flags from a parsed
  // priority string (both faces, the C API and the tools, use this).
  void apply(const Priority& priority);
};

}  // namespace coda
