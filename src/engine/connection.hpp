// A TLS session without I/O: bytes in, bytes out, application data and
// state. The driver (src/io, the C API, tests) moves bytes between a
// Connection and whatever transport it has.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "base/protocol_ids.hpp"
#include "base/result.hpp"
#include "config/config.hpp"
#include "config/session_info.hpp"

namespace coda {

// The state of one direction of the session (design.md: reading and writing
// close separately).
enum class DirectionState : uint8_t {
  open,    // handshake in progress or done; data may flow
  closed,  // close_notify sent (write) or received (read)
  failed,  // fatal alert, decoding error or truncation
};

class Connection {
 public:
  // The client queues its ClientHello at once.
  static Result<std::unique_ptr<Connection>> create(std::shared_ptr<const Config> config);
  virtual ~Connection() = default;

  Role role() const { return role_; }

  // ---- bytes from the peer ----
  // Bytes needed to finish the record being read (5 for a header, then the
  // rest of the body). A driver that reads no more than this never reads
  // past the peer's close_notify.
  virtual size_t bytes_needed() const = 0;
  // Takes bytes from the transport and processes every complete record.
  // Returns how many bytes were consumed: it stops right after a
  // close_notify or a fatal error, leaving the rest for the caller. An error
  // is fatal: the alert to send is queued and the session has failed.
  virtual Result<size_t> receive(ByteView data) = 0;
  // The transport reached EOF. Before the peer's close_notify this is a
  // truncation (premature_eof); afterwards it is harmless.
  virtual Status receive_eof() = 0;

  // ---- bytes to the peer ----
  virtual ByteView pending_output() const = 0;
  virtual void consume_output(size_t n) = 0;
  // Moves everything pending_output() holds to the end of `into` and
  // empties the session's output, for a driver that writes from a buffer of
  // its own while the session goes on (another thread queuing records
  // meanwhile). An empty `into` usually just changes hands with the
  // session's buffer: no bytes are copied.
  virtual void take_output(Bytes& into) = 0;

  // ---- application data ----
  // Seals `data` into records (at most 2^14 bytes of plaintext each).
  // invalid_request before the handshake completed or after close_write().
  virtual Status send(ByteView data) = 0;
  // Copies received application data out; returns the number of bytes.
  virtual size_t read(MutableByteView out) = 0;
  virtual size_t app_data_available() const = 0;
  // Server: the client's accepted 0-RTT early data (RFC 8446 4.2.10),
  // kept apart from the data after the handshake (GnuTLS programs read it
  // with gnutls_record_recv_early_data); it may arrive before the
  // handshake completes.
  virtual size_t read_early_data(MutableByteView out) = 0;
  virtual size_t early_data_available() const = 0;
  // While set, application data is decrypted, counted and dropped.
  virtual void set_discard_app_data(bool discard) = 0;
  virtual uint64_t app_bytes_discarded() const = 0;

  // Gives back the memory of buffers that are empty right now (output sent,
  // data read, no record half-read), so an idle session stays small. A
  // driver calls it when the transport has nothing to read; the buffers
  // grow again on demand.
  virtual void release_buffers() = 0;

  // ---- events ----
  // The last warning alert received that neither closes nor fails the
  // session (TLS 1.3: user_canceled), handed out once. receive() returns
  // right after such an alert so the caller can report it at once.
  virtual std::optional<AlertDescription> take_warning_alert() = 0;
  // The type of the last handshake message the peer sent after the
  // handshake (KeyUpdate, NewSessionTicket) and that was processed since the
  // last call, handed out once, so a driver can report it as GnuTLS does.
  virtual std::optional<uint8_t> take_post_handshake_message() = 0;
  // Called for every handshake message sent or received (`message` is the
  // whole message, header included), before (post = false) and after
  // (post = true) it is processed. A non-zero return aborts the handshake
  // with internal_error.
  using HandshakeObserver =
      std::function<int(uint8_t type, bool incoming, bool post, ByteView message)>;
  virtual void set_handshake_observer(HandshakeObserver observer) = 0;
  // Called with every secret the handshake derives, under its NSS key log
  // label (CLIENT_HANDSHAKE_TRAFFIC_SECRET, ..., CLIENT_RANDOM for the TLS
  // 1.2 master secret); info().client_random names the session. A negative
  // return ends the handshake at once, without an alert.
  using SecretObserver = std::function<int(const char* label, ByteView secret)>;
  virtual void set_secret_observer(SecretObserver observer) = 0;

  // ---- counters, for the closure record ----
  virtual uint64_t app_bytes_sent() const = 0;
  virtual uint64_t app_bytes_received() const = 0;
  // Whether receive_eof() was called, and whether it came inside a record
  // (and there, inside its 5-byte header).
  virtual bool eof_received() const = 0;
  virtual bool eof_inside_record() const = 0;
  virtual bool eof_inside_header() const = 0;

  // TLS 1.3 KeyUpdate (RFC 8446 4.6.3): new write keys, and with
  // request_peer the peer is asked for new ones too.
  virtual Status update_keys(bool request_peer) = 0;
  // Server, TLS 1.3: `count` more NewSessionTicket messages (RFC 8446
  // 4.6.1); invalid_request before the handshake completes, as a client or
  // in TLS 1.2. The newest ticket a client received is info().ticket.
  virtual Status send_session_tickets(unsigned count) = 0;

  // ---- closure ----
  // Queues close_notify once; later calls do nothing.
  virtual void close_write() = 0;
  // Queues a warning alert that neither closes nor fails the session
  // (user_canceled); invalid_request once the sending side is not open.
  virtual Status send_warning_alert(AlertDescription alert) = 0;
  // Queues a fatal alert and fails the session (no close_notify later).
  virtual void abort(AlertDescription alert) = 0;
  virtual DirectionState read_state() const = 0;
  virtual DirectionState write_state() const = 0;

  // ---- state ----
  virtual bool handshake_complete() const = 0;
  virtual const SessionInfo& info() const = 0;
  // The first fatal error, stored: every later call fails with it again.
  virtual std::optional<Error> error() const = 0;
  // The last alert sent or received (and whether it was received).
  virtual std::optional<AlertDescription> alert_received() const = 0;
  virtual std::optional<AlertDescription> alert_sent() const = 0;

 protected:
  explicit Connection(Role role) : role_(role) {}

 private:
  Role role_;
};

}  // namespace coda
