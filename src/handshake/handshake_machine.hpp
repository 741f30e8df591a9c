// What a handshake state machine needs from the engine, and what the engine
// needs from it. The machines know messages and keys; the engine knows
// records and bytes. Neither knows the other's insides.
#pragma once

#include <memory>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/secure.hpp"
#include "handshake/cipher_suites.hpp"
#include "handshake/handshake_reader.hpp"

namespace coda {
struct Config;
struct SessionInfo;
}  // namespace coda

namespace coda::hs {

// The secrets a session reports as it derives them, named as the NSS key log
// format names them (what GnuTLS's keylog callback and SSLKEYLOGFILE use).
enum class LoggedSecret : uint8_t {
  client_early_traffic,      // TLS 1.3 0-RTT
  client_handshake_traffic,  // TLS 1.3
  server_handshake_traffic,
  exporter,
  client_traffic_0,
  server_traffic_0,
  master,  // TLS 1.2: the master secret, logged as CLIENT_RANDOM
};
const char* nss_keylog_label(LoggedSecret secret);

// The key and IV of one direction (TLS 1.2 AES-GCM: the 4-byte salt as IV).
struct KeyMaterial {
  ProtocolVersion version;
  crypto::AeadAlg aead;
  SecureBytes key;
  SecureBytes iv;
};

class HandshakeMachine;

// Provided by the engine.
class HandshakeSink {
 public:
  virtual ~HandshakeSink() = default;
  // A whole handshake message (header included), sent under the current
  // write keys, fragmented as needed.
  virtual Status write_handshake(ByteView message) = 0;
  // Whether records may still be sent: false once our close_notify went out
  // (RFC 8446 6.1) or the session failed.
  virtual bool can_write() const = 0;
  // RFC 8446 D.4: the dummy ChangeCipherSpec of middlebox compatibility mode.
  virtual void write_change_cipher_spec() = 0;
  // Switch one direction to new keys. install_read_keys fails when the
  // switch would split a record between keys (RFC 8446 5.1: key changes
  // only on a record boundary).
  virtual Status install_write_keys(const KeyMaterial& keys) = 0;
  virtual Status install_read_keys(const KeyMaterial& keys) = 0;
  // Client: back to plaintext records (the second ClientHello after 0-RTT
  // keys were in use, RFC 8446 4.1.2).
  virtual void clear_write_keys() = 0;
  // Client: application data sent as 0-RTT early data under the current
  // (early) write keys.
  virtual Status write_early_data(ByteView data) = 0;
  // The negotiated version: it decides the record size limit (RFC 8446 5.2
  // vs RFC 5246 6.2.3) and how alerts are read (in 1.3 every alert but
  // close_notify and user_canceled is fatal).
  virtual void set_version(ProtocolVersion version) = 0;
  // A warning alert that does not end the session (TLS 1.2 no_renegotiation).
  virtual void write_warning_alert(AlertDescription alert) = 0;
  // Another machine takes over from the calling one (TLS 1.2 once the
  // hellos chose it). The caller stays alive until its call returns.
  virtual void hand_over(std::unique_ptr<HandshakeMachine> next) = 0;
  // Server: the ClientHello offered early data that we do not take (RFC
  // 8446 4.2.10). Until a record opens under the read keys, application_data
  // records that do not (or come before any read keys, after a
  // HelloRetryRequest) are dropped, at most `limit` bytes of them.
  virtual void skip_early_data(uint32_t limit) = 0;
  // A secret just derived, for the program's key log; fails when the
  // program's callback refuses it (the handshake then ends, no alert).
  virtual Status log_secret(LoggedSecret which, ByteView secret) = 0;
};

// One role of one version. The engine hands it every complete handshake
// message, in order; the machine answers through the sink.
class HandshakeMachine {
 public:
  virtual ~HandshakeMachine() = default;
  // Client: queue the ClientHello. Server: nothing.
  virtual Status start() = 0;
  virtual Status handle(const HandshakeMessage& message) = 0;
  // Both Finished messages exchanged.
  virtual bool complete() const = 0;
  // Whether a received ChangeCipherSpec is allowed now (RFC 8446 5: only
  // during the handshake, after the first ClientHello).
  virtual bool change_cipher_spec_allowed() const = 0;
  // A ChangeCipherSpec the engine accepted: in TLS 1.3 a dummy to drop, in
  // TLS 1.2 the switch of the read keys (RFC 5246 7.1).
  virtual Status on_change_cipher_spec() { return {}; }
  // Server: no ClientHello yet. An alert then is not an answer to anything
  // (GnuTLS reports it as an unexpected packet).
  virtual bool awaiting_client_hello() const { return false; }
  // Sends a KeyUpdate and switches to the next write keys (TLS 1.3, RFC
  // 8446 4.6.3); with request_peer the peer is asked to do the same.
  // invalid_request before the handshake completes or in TLS 1.2.
  virtual Status update_keys(bool request_peer) {
    (void)request_peer;
    return Error::make(ErrorKind::invalid_request, "no key update in this state");
  }
  // Server, TLS 1.3: sends `count` NewSessionTicket messages (RFC 8446
  // 4.6.1). invalid_request before the handshake completes or elsewhere.
  virtual Status send_session_tickets(unsigned count) {
    (void)count;
    return Error::make(ErrorKind::invalid_request, "no session tickets in this state");
  }
  // Whether application data may be received now.
  virtual bool application_data_allowed() const = 0;
  // Server: the client's accepted 0-RTT early data is being read (RFC 8446
  // 4.2.10): application data now is early data, at most
  // Config::max_early_data_size bytes of it.
  virtual bool receiving_early_data() const { return false; }
};

std::unique_ptr<HandshakeMachine> make_tls13_client(const Config& config, SessionInfo& info,
                                                    HandshakeSink& sink);
std::unique_ptr<HandshakeMachine> make_tls13_server(const Config& config, SessionInfo& info,
                                                    HandshakeSink& sink);

}  // namespace coda::hs
