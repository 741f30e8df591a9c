// What a session settled on and learned about its peer, filled in by the
// handshake and read by the engine's users.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/protocol_ids.hpp"
#include "config/resumable_session.hpp"
#include "config/session12.hpp"
#include "crypto/x509.hpp"

namespace coda {

// What the handshake settled on; valid once handshake_complete().
struct SessionInfo {
  ProtocolVersion version = ProtocolVersion::tls13;
  CipherSuite cipher_suite{};
  NamedGroup group{};
  SignatureScheme peer_signature_scheme{};  // the scheme of the peer's CertificateVerify
  SignatureScheme own_signature_scheme{};   // the scheme of our CertificateVerify
  bool hello_retry = false;
  bool certificate_requested = false;  // client: the server sent a CertificateRequest
  // The hellos' randoms, once both are known: they name a session in a key
  // log, and GnuTLS programs read them (gnutls_session_get_random).
  std::array<uint8_t, 32> client_random{};
  std::array<uint8_t, 32> server_random{};
  std::string alpn;         // the protocol ALPN settled on; empty: none
  std::string server_name;  // the SNI the client sent (server side) or asked for
  std::vector<crypto::Certificate> peer_chain;
  uint32_t peer_verify_status = 0;  // crypto::VerifyStatus bits; 0 = trusted
  // TLS 1.3 resumption. resumed: the server selected a ticket's PSK (no
  // Certificate was sent; peer_chain and peer_verify_status are the original
  // session's, kept in the session data on the client and in the ticket on
  // the server). resumption_offered: server,
  // the client offered a PSK. tickets: client, the newest ticket received
  // (null: none), and how many arrived; server, how many were sent.
  bool resumed = false;
  bool resumption_offered = false;
  std::shared_ptr<const ResumableSession> ticket;
  unsigned tickets = 0;
  // 0-RTT (RFC 8446 4.2.10). Client: the bytes of Config::early_data sent
  // as early data, and whether the server took them (if not, they were
  // lost: the program may send them again). Server: whether it took the
  // client's early data.
  size_t early_data_sent = 0;
  bool early_data_accepted = false;
  // TLS 1.2 (RFC 5246 7.4.1.3): the ServerHello's session id (TLS 1.3:
  // the legacy one), and, client,
  // the session it may resume later (null: none: no id and no ticket).
  // ticket12_received: client, an RFC 5077 ticket came in this handshake.
  Bytes session_id;
  std::shared_ptr<const ResumableSession12> session12;
  bool ticket12_received = false;
  // TLS 1.3 server: the ClientHello offered the extended master secret
  // (RFC 7627) and renegotiation_info (RFC 5746) for TLS 1.2.
  bool client_offered_extended_master_secret = false;
  bool client_offered_renegotiation_info = false;
};

}  // namespace coda
