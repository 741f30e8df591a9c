// What a handshake state machine needs from the engine, and what the engine
// needs from it. The machines know messages and keys; the engine knows
// records and bytes. Neither knows the other's insides.
#pragma once

#include <memory>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "handshake/cipher_suites.hpp"
#include "handshake/handshake_reader.hpp"

namespace coda {
struct Config;
struct SessionInfo;
}  // namespace coda

namespace coda::hs {

// Provided by the engine.
class HandshakeSink {
 public:
  virtual ~HandshakeSink() = default;
  // A whole handshake message (header included), sent under the current
  // write keys, fragmented as needed.
  virtual Status write_handshake(ByteView message) = 0;
  // RFC 8446 D.4: the dummy ChangeCipherSpec of middlebox compatibility mode.
  virtual void write_change_cipher_spec() = 0;
  // Switch one direction to the keys derived from `traffic_secret`.
  // install_read_keys fails when the switch would split a record between
  // keys (RFC 8446 5.1: key changes only on a record boundary).
  virtual Status install_write_keys(const SuiteInfo& suite, ByteView traffic_secret) = 0;
  virtual Status install_read_keys(const SuiteInfo& suite, ByteView traffic_secret) = 0;
  // The record limit for the negotiated version (RFC 8446 5.2 vs RFC 5246).
  virtual void set_version_tls13() = 0;
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
  // Server: no ClientHello yet. An alert then is not an answer to anything
  // (GnuTLS reports it as an unexpected packet).
  virtual bool awaiting_client_hello() const { return false; }
  // Whether application data may be received now.
  virtual bool application_data_allowed() const = 0;
};

std::unique_ptr<HandshakeMachine> make_tls13_client(const Config& config, SessionInfo& info,
                                                    HandshakeSink& sink);
std::unique_ptr<HandshakeMachine> make_tls13_server(const Config& config, SessionInfo& info,
                                                    HandshakeSink& sink);

}  // namespace coda::hs
