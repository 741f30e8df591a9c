// The one implementation of Connection: records, alerts and closure around
// a handshake machine.
#pragma once

#include <memory>
#include <optional>
#include <utility>

#include "engine/connection.hpp"
#include "handshake/handshake_machine.hpp"
#include "handshake/handshake_reader.hpp"
#include "record/protection.hpp"
#include "record/record_reader.hpp"

namespace coda {

class Engine final : public Connection, private hs::HandshakeSink {
 public:
  explicit Engine(std::shared_ptr<const Config> config);
  Status start();

  size_t bytes_needed() const override { return reader_.bytes_needed(); }
  Result<size_t> receive(ByteView data) override;
  Status receive_eof() override;
  ByteView pending_output() const override { return ByteView(out_).subspan(out_pos_); }
  void consume_output(size_t n) override;
  void take_output(Bytes& into) override;
  Status send(ByteView data) override;
  size_t read(MutableByteView out) override;
  size_t app_data_available() const override { return app_in_.size() - app_pos_; }
  size_t read_early_data(MutableByteView out) override;
  size_t early_data_available() const override { return early_in_.size() - early_pos_; }
  void set_discard_app_data(bool discard) override { discard_app_data_ = discard; }
  uint64_t app_bytes_discarded() const override { return app_discarded_; }
  Status update_keys(bool request_peer) override;
  Status send_session_tickets(unsigned count) override;
  void release_buffers() override;
  void close_write() override;
  Status send_warning_alert(AlertDescription alert) override;
  void abort(AlertDescription alert) override;
  DirectionState read_state() const override { return read_state_; }
  DirectionState write_state() const override { return write_state_; }
  bool handshake_complete() const override { return machine_->complete(); }
  const SessionInfo& info() const override { return info_; }
  std::optional<Error> error() const override { return error_; }
  std::optional<AlertDescription> alert_received() const override { return alert_received_; }
  std::optional<AlertDescription> alert_sent() const override { return alert_sent_; }
  std::optional<AlertDescription> take_warning_alert() override {
    return std::exchange(warning_alert_, std::nullopt);
  }
  std::optional<uint8_t> take_post_handshake_message() override {
    return std::exchange(post_handshake_message_, std::nullopt);
  }
  void set_handshake_observer(HandshakeObserver observer) override {
    observer_ = std::move(observer);
  }
  void set_secret_observer(SecretObserver observer) override;
  uint64_t app_bytes_sent() const override { return app_sent_; }
  uint64_t app_bytes_received() const override { return app_received_; }
  bool eof_received() const override { return eof_received_; }
  bool eof_inside_record() const override { return eof_inside_record_; }
  bool eof_inside_header() const override { return eof_inside_header_; }

 private:
  // hs::HandshakeSink
  Status write_handshake(ByteView message) override;
  bool can_write() const override { return write_state_ == DirectionState::open; }
  void write_change_cipher_spec() override;
  Status install_write_keys(const hs::KeyMaterial& keys) override;
  Status install_read_keys(const hs::KeyMaterial& keys) override;
  void set_version(ProtocolVersion version) override;
  void update_record_limit();
  void write_warning_alert(AlertDescription alert) override;
  void hand_over(std::unique_ptr<hs::HandshakeMachine> next) override;
  Status log_secret(hs::LoggedSecret which, ByteView secret) override;
  void skip_early_data(uint32_t limit) override { early_data_skip_left_ = limit; }
  void clear_write_keys() override { write_protection_.reset(); }
  Status write_early_data(ByteView data) override {
    return write_record(record::ContentType::application_data, data);
  }

  Status process_record();
  // Whether the record in reader_ is rejected early data to drop (see
  // skip_early_data); opens it into `opened` when it is not.
  Result<bool> skip_rejected_early_data(std::optional<record::OpenedRecord>& opened);
  Status process_handshake(ByteView content);
  Status process_application_data(ByteView content);
  Status process_alert(ByteView content);
  Status write_record(record::ContentType type, ByteView payload);
  void write_alert(AlertLevel level, AlertDescription description);
  Error fail(const Error& error);
  // RFC 5246 7.2.2: a fatal alert takes the session out of the cache.
  void invalidate_session();
  Status observe(bool incoming, bool post, ByteView message);

  std::shared_ptr<const Config> config_;
  SessionInfo info_;
  std::unique_ptr<hs::HandshakeMachine> machine_;
  // The machine that handed over to machine_, kept until its call returns.
  std::unique_ptr<hs::HandshakeMachine> retired_machine_;

  record::RecordReader reader_;
  hs::HandshakeReader handshake_reader_;
  std::unique_ptr<record::Protection> read_protection_;
  std::unique_ptr<record::Protection> write_protection_;
  // Unknown until the ServerHello; alerts are read by level until then.
  std::optional<ProtocolVersion> version_;
  bool sent_first_record_ = false;

  Bytes out_;
  size_t out_pos_ = 0;
  Bytes app_in_;
  size_t app_pos_ = 0;
  bool discard_app_data_ = false;
  uint64_t app_discarded_ = 0;
  unsigned empty_records_ = 0;
  // Rejected 0-RTT still to skip: the bytes of record body allowed (null:
  // not skipping).
  std::optional<uint32_t> early_data_skip_left_;
  // Accepted 0-RTT data (server): received so far, and not read yet.
  uint64_t early_data_received_ = 0;
  Bytes early_in_;
  size_t early_pos_ = 0;

  DirectionState read_state_ = DirectionState::open;
  DirectionState write_state_ = DirectionState::open;
  std::optional<Error> error_;
  std::optional<AlertDescription> alert_received_;
  std::optional<AlertDescription> alert_sent_;
  std::optional<AlertDescription> warning_alert_;
  unsigned warning_alerts_ = 0;
  std::optional<uint8_t> post_handshake_message_;
  HandshakeObserver observer_;
  SecretObserver secret_observer_;
  // A client's early traffic secret is derived in create(), before any
  // observer can be set: kept until one is, then reported (and wiped).
  SecureBytes unreported_early_secret_;
  uint64_t app_sent_ = 0;
  uint64_t app_received_ = 0;
  bool eof_received_ = false;
  bool eof_inside_record_ = false;
  bool eof_inside_header_ = false;
};

}  // namespace coda
