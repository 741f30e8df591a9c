#include "engine/engine.hpp"

#include <algorithm>
#include <cstring>

#include "base/buffer_pool.hpp"
#include "handshake/key_schedule.hpp"

namespace coda {

using record::ContentType;

namespace {
std::shared_ptr<const Config> with_defaults(std::shared_ptr<const Config> config) {
  if (!config->cipher_suites.empty() && !config->groups.empty() &&
      !config->signature_schemes.empty()) {
    return config;
  }
  auto filled = std::make_shared<Config>(*config);
  filled->fill_defaults();
  return filled;
}

Error invalid_request(const char* why) {
  return Error::make(ErrorKind::invalid_request, why);
}
}  // namespace

Result<std::unique_ptr<Connection>> Connection::create(std::shared_ptr<const Config> config) {
  if (!config) return Error::make(ErrorKind::invalid_argument, "no configuration");
  auto engine = std::make_unique<Engine>(with_defaults(std::move(config)));
  CODA_TRY(engine->start());
  return std::unique_ptr<Connection>(std::move(engine));
}

Engine::Engine(std::shared_ptr<const Config> config)
    : Connection(config->role), config_(std::move(config)) {
  machine_ = config_->role == Role::client ? hs::make_tls13_client(*config_, info_, *this)
                                           : hs::make_tls13_server(*config_, info_, *this);
}

Status Engine::start() {
  return machine_->start();
}

// ---- records out ----

Status Engine::write_record(ContentType type, ByteView payload) {
  // Fragment to at most 2^14 bytes per record (RFC 8446 5.1); an empty
  // payload still makes one record (alerts and handshake never are empty).
  size_t offset = 0;
  do {
    const size_t n = std::min(payload.size() - offset, record::kMaxPlaintext);
    const ByteView fragment = payload.subspan(offset, n);
    if (type == ContentType::application_data && write_protection_ &&
        version_ == ProtocolVersion::tls13 &&
        write_protection_->sequence() >= config_->key_update_after_records) {
      CODA_TRY(machine_->update_keys(/*request_peer=*/false));
    }
    // Room for the sealed record: header, fragment, and the AEAD's tag and
    // content type (a TLS 1.2 record's expansion bounds both versions').
    borrow_buffer(out_,
                  record::kHeaderLength + n + (record::kMaxCiphertext12 - record::kMaxPlaintext));
    if (write_protection_) {
      CODA_TRY(write_protection_->seal(type, fragment, out_, 0));
    } else {
      // RFC 8446 5.1: legacy_record_version 0x0301 is allowed for the
      // client's initial ClientHello (middleboxes expect it); 0x0303 for
      // every other record.
      const uint8_t minor = role() == Role::client && !sent_first_record_ ? 0x01 : 0x03;
      const uint8_t header[record::kHeaderLength] = {static_cast<uint8_t>(type), 0x03, minor,
                                                     static_cast<uint8_t>(n >> 8U),
                                                     static_cast<uint8_t>(n)};
      out_.insert(out_.end(), header, header + record::kHeaderLength);
      append(out_, fragment);
    }
    sent_first_record_ = true;
    offset += n;
  } while (offset < payload.size());
  return {};
}

void Engine::write_alert(AlertLevel level, AlertDescription description) {
  const uint8_t alert[2] = {static_cast<uint8_t>(level), static_cast<uint8_t>(description)};
  if (write_record(ContentType::alert, ByteView(alert, 2))) alert_sent_ = description;
}

Status Engine::observe(bool incoming, bool post, ByteView message) {
  if (observer_ && observer_(message[0], incoming, post, message) != 0) {
    return Error::alert_error(AlertDescription::internal_error, "aborted by a handshake hook",
                              Reason::hook_aborted);
  }
  return {};
}

Status Engine::write_handshake(ByteView message) {
  // After our close_notify nothing more may be sent, so a handshake that is
  // still running cannot finish (RFC 8446 6.1).
  if (write_state_ != DirectionState::open) {
    return Error::make(ErrorKind::invalid_request, "handshake message after close_notify");
  }
  CODA_TRY(observe(/*incoming=*/false, /*post=*/false, message));
  CODA_TRY(write_record(ContentType::handshake, message));
  return observe(/*incoming=*/false, /*post=*/true, message);
}

void Engine::write_change_cipher_spec() {
  const uint8_t ccs = 1;
  // A plaintext record even when keys are installed (RFC 8446 5).
  const uint8_t header[record::kHeaderLength] = {
      static_cast<uint8_t>(ContentType::change_cipher_spec), 0x03, 0x03, 0x00, 0x01};
  borrow_buffer(out_, record::kHeaderLength + 1);
  out_.insert(out_.end(), header, header + record::kHeaderLength);
  out_.push_back(ccs);
}

Status Engine::install_write_keys(const hs::KeyMaterial& keys) {
  CODA_ASSIGN(write_protection_,
              record::make_protection(keys.version, keys.aead, keys.key, keys.iv));
  return {};
}

Status Engine::install_read_keys(const hs::KeyMaterial& keys) {
  // RFC 8446 5.1: a key change must fall on a record boundary: nothing of
  // the record that carried the last message under the old key may remain.
  if (!handshake_reader_.empty()) {
    return Error::alert_error(AlertDescription::unexpected_message,
                              "handshake data spans a key change");
  }
  CODA_ASSIGN(read_protection_,
              record::make_protection(keys.version, keys.aead, keys.key, keys.iv));
  update_record_limit();
  return {};
}

void Engine::set_version(ProtocolVersion version) {
  version_ = version;
  update_record_limit();
}

// The longest record body taken, checked on its header so that no larger
// one is ever waited for: 2^14 + 256 (RFC 8446 5.2), and 2^14 + 2048 once
// TLS 1.2 keys are in use (RFC 5246 6.2.3). A plaintext record over 2^14
// is refused when its body is in (RFC 8446 5.1).
void Engine::update_record_limit() {
  const bool tls12_keys = read_protection_ && version_ == ProtocolVersion::tls12;
  reader_.set_max_length(tls12_keys ? record::kMaxCiphertext12 : record::kMaxCiphertext13);
}

void Engine::write_warning_alert(AlertDescription alert) {
  write_alert(AlertLevel::warning, alert);
}

void Engine::hand_over(std::unique_ptr<hs::HandshakeMachine> next) {
  retired_machine_ = std::move(machine_);
  machine_ = std::move(next);
}

void Engine::set_secret_observer(SecretObserver observer) {
  secret_observer_ = std::move(observer);
  if (unreported_early_secret_.empty() || !secret_observer_) return;
  const char* label = hs::nss_keylog_label(hs::LoggedSecret::client_early_traffic);
  const int ret = secret_observer_(label, unreported_early_secret_);
  SecureBytes().swap(unreported_early_secret_);
  if (ret < 0) {
    // As log_secret: the handshake ends at once, without an alert.
    fail(Error{ErrorKind::internal, AlertDescription::internal_error,
               "aborted by the key log callback", Reason::hook_aborted});
  }
}

Status Engine::log_secret(hs::LoggedSecret which, ByteView secret) {
  if (!secret_observer_ && which == hs::LoggedSecret::client_early_traffic) {
    unreported_early_secret_.assign(secret.begin(), secret.end());
    return {};
  }
  if (secret_observer_ && secret_observer_(hs::nss_keylog_label(which), secret) < 0) {
    // GnuTLS ends the handshake with the callback's code and sends nothing.
    return Error{ErrorKind::internal, AlertDescription::internal_error,
                 "aborted by the key log callback", Reason::hook_aborted};
  }
  return {};
}

void Engine::consume_output(size_t n) {
  out_pos_ = std::min(out_.size(), out_pos_ + n);
  if (out_pos_ == out_.size()) {
    give_back_buffer(out_);  // to the pool until the next record goes out
    out_pos_ = 0;
  }
}

void Engine::take_output(Bytes& into) {
  const ByteView pending = pending_output();
  if (pending.empty()) return;
  if (into.empty() && out_pos_ == 0) {
    std::swap(into, out_);
  } else {
    into.insert(into.end(), pending.begin(), pending.end());
  }
  give_back_buffer(out_);
  out_pos_ = 0;
}

// ---- records in ----

void Engine::invalidate_session() {
  // RFC 5246 7.2.2: after a fatal alert the session identifier MUST be
  // invalidated, so the failed session is not used for new connections.
  // (GnuTLS 3.7.9 keeps it.) Only a TLS 1.2 session that was complete or
  // resumed can be in the cache; a client forgets its own copy.
  if (info_.version != ProtocolVersion::tls12) return;
  if (!handshake_complete() && !info_.resumed) return;
  info_.session12.reset();
  if (config_->role == Role::server && config_->session_cache && !info_.session_id.empty()) {
    config_->session_cache->remove(info_.session_id);
  }
}

Error Engine::fail(const Error& error) {
  if (error_) return *error_;
  error_ = error;
  if (error.kind == ErrorKind::local_alert) invalidate_session();
  if (error.kind == ErrorKind::local_alert && write_state_ != DirectionState::failed) {
    // RFC 8446 6.2: a fatal error is announced with its alert, under the
    // current write keys.
    write_alert(AlertLevel::fatal, error.alert);
  }
  read_state_ = DirectionState::failed;
  write_state_ = DirectionState::failed;
  return error;
}

Result<size_t> Engine::receive(ByteView data) {
  if (error_) return *error_;
  size_t used = 0;
  // Stop at the peer's close_notify (what follows belongs to the
  // application) and after a warning alert (the caller reports it first).
  while (used < data.size() && read_state_ == DirectionState::open) {
    auto taken = reader_.feed(data.subspan(used));
    if (!taken) return fail(taken.error());
    used += *taken;
    if (!reader_.complete()) break;
    const Status status = process_record();
    reader_.reset();
    if (!status) return fail(status.error());
    if (warning_alert_) break;
  }
  return used;
}

Status Engine::process_record() {
  const ContentType outer = reader_.type();
  MutableByteView body = reader_.body();

  if (outer == ContentType::change_cipher_spec) {
    // RFC 8446 5: a ChangeCipherSpec of the single byte 0x01 during the
    // handshake is dropped; anything else is unexpected_message.
    if (!machine_->change_cipher_spec_allowed() || body.size() != 1 || body[0] != 1) {
      return Error::alert_error(AlertDescription::unexpected_message,
                                "unexpected ChangeCipherSpec");
    }
    // RFC 5246 7.1: the switch of keys must not split a handshake message.
    if (version_ == ProtocolVersion::tls12 && !handshake_reader_.empty()) {
      return Error::alert_error(AlertDescription::unexpected_message,
                                "ChangeCipherSpec inside a handshake message");
    }
    return machine_->on_change_cipher_spec();
  }

  ContentType type = outer;
  ByteView content = body;
  std::optional<record::OpenedRecord> opened;
  if (early_data_skip_left_) {
    CODA_ASSIGN(const bool skipped, skip_rejected_early_data(opened));
    if (skipped) return {};
  }
  // TLS 1.2 protects every record type under keys; TLS 1.3 hides the type
  // behind application_data.
  const bool protected_record = read_protection_ && (outer == ContentType::application_data ||
                                                     version_ == ProtocolVersion::tls12);
  if (protected_record) {
    if (!opened) {
      CODA_ASSIGN(opened, read_protection_->open(reader_.header(), body));
    }
    type = opened->type;
    content = opened->content;
  } else if (read_protection_) {
    // RFC 8446 5: once keys are in use, every record but a
    // ChangeCipherSpec must be protected.
    return Error::alert_error(AlertDescription::unexpected_message, "plaintext record under keys",
                              Reason::plaintext_under_keys);
  } else if (outer == ContentType::application_data) {
    return Error::alert_error(AlertDescription::unexpected_message, "data before keys");
  } else if (body.size() > record::kMaxPlaintext) {
    return Error::alert_error(AlertDescription::record_overflow, "plaintext record too long");
  }

  switch (type) {
    case ContentType::handshake:
      return process_handshake(content);
    case ContentType::application_data:
      return process_application_data(content);
    case ContentType::alert:
      return process_alert(content);
    default:
      return Error::alert_error(AlertDescription::unexpected_message, "unexpected record type");
  }
}

// RFC 8446 4.2.10: a server that does not take the client's 0-RTT skips
// it. Without a HelloRetryRequest the early data comes under keys we do not
// have: records that fail to open under the handshake keys are dropped, and
// the first that opens starts the client's second flight. After one, the
// client sends no more early data after its second ClientHello, so every
// application_data record before it is dropped. Either way at most
// max_early_data_size bytes of record body (GnuTLS counts them so too);
// beyond, the session fails with unexpected_message.
Result<bool> Engine::skip_rejected_early_data(std::optional<record::OpenedRecord>& opened) {
  if (reader_.type() != ContentType::application_data) {
    // Any other record ends the early data (a ClientHello, an alert).
    early_data_skip_left_.reset();
    return false;
  }
  if (read_protection_) {
    auto attempt = read_protection_->open(reader_.header(), reader_.body());
    // An error after the record authenticated (no content type) is the
    // second flight's, not early data's.
    if (attempt || attempt.error().alert == AlertDescription::unexpected_message) {
      early_data_skip_left_.reset();
      if (!attempt) return attempt.error();
      opened = *attempt;
      return false;
    }
  }
  const size_t length = reader_.body().size();
  if (length > *early_data_skip_left_) {
    return Error::alert_error(AlertDescription::unexpected_message,
                              "rejected early data beyond max_early_data_size");
  }
  *early_data_skip_left_ -= static_cast<uint32_t>(length);
  return true;
}

Status Engine::process_handshake(ByteView content) {
  empty_records_ = 0;
  warning_alerts_ = 0;
  CODA_TRY(handshake_reader_.add(content));
  while (auto message = handshake_reader_.next()) {
    CODA_TRY(observe(/*incoming=*/true, /*post=*/false, message->raw));
    // TLS 1.3's post-handshake messages (RFC 8446 4.6); TLS 1.2's requests
    // for renegotiation are answered by the machine and are no such news.
    const bool post_handshake =
        machine_->complete() && (message->type == hs::HandshakeType::key_update ||
                                 message->type == hs::HandshakeType::new_session_ticket);
    CODA_TRY(machine_->handle(*message));
    if (post_handshake) post_handshake_message_ = static_cast<uint8_t>(message->type);
    CODA_TRY(observe(/*incoming=*/true, /*post=*/true, message->raw));
  }
  return {};
}

Status Engine::process_application_data(ByteView content) {
  if (!machine_->application_data_allowed()) {
    return Error::alert_error(AlertDescription::unexpected_message, "data before the handshake");
  }
  // RFC 8446 5.1: no other record may come between the fragments of one
  // handshake message (a KeyUpdate split over records, say).
  if (!handshake_reader_.empty()) {
    return Error::alert_error(AlertDescription::unexpected_message,
                              "application data inside a fragmented handshake message");
  }
  if (content.empty()) {
    if (++empty_records_ > record::kMaxConsecutiveEmptyRecords) {
      return Error::alert_error(AlertDescription::unexpected_message, "too many empty records");
    }
    return {};
  }
  empty_records_ = 0;
  warning_alerts_ = 0;
  if (machine_->receiving_early_data()) {
    // RFC 8446 4.2.10: more 0-RTT data than max_early_data_size SHOULD be
    // answered with unexpected_message.
    early_data_received_ += content.size();
    if (early_data_received_ > config_->max_early_data_size) {
      return Error::alert_error(AlertDescription::unexpected_message,
                                "early data beyond max_early_data_size");
    }
    // Bounded by max_early_data_size just above.
    append(early_in_, content);
    return {};
  }
  if (discard_app_data_) {
    app_discarded_ += content.size();
    return {};
  }
  app_received_ += content.size();
  if (app_pos_ == app_in_.size()) {
    app_in_.clear();
    app_pos_ = 0;
  }
  borrow_buffer(app_in_, content.size());
  append(app_in_, content);
  return {};
}

Status Engine::process_alert(ByteView content) {
  // RFC 8446 5.4: a zero-length alert is unexpected_message; RFC 8446 6:
  // any other alert is exactly two bytes.
  if (content.empty()) {
    return Error::alert_error(AlertDescription::unexpected_message, "empty alert record");
  }
  if (content.size() != 2) return decode_error("malformed alert");
  const auto description = static_cast<AlertDescription>(content[1]);
  if (machine_->awaiting_client_hello()) {
    return Error::alert_error(AlertDescription::unexpected_message, "alert before ClientHello");
  }
  alert_received_ = description;
  if (description == AlertDescription::close_notify) {
    read_state_ = DirectionState::closed;
    return {};
  }
  // RFC 8446 6.1: user_canceled is a closure alert, not an error; in TLS
  // 1.2 (and before the version is known) any warning is (RFC 5246 7.2.2).
  // RFC 8446 6: in TLS 1.3 every other alert is fatal, whatever its level.
  const bool warning = description == AlertDescription::user_canceled ||
                       (version_ != ProtocolVersion::tls13 &&
                        content[0] == static_cast<uint8_t>(AlertLevel::warning));
  if (warning) {
    if (++warning_alerts_ > record::kMaxConsecutiveWarningAlerts) {
      return Error::alert_error(AlertDescription::unexpected_message, "too many warning alerts");
    }
    warning_alert_ = description;
    return {};
  }
  error_ = Error{ErrorKind::peer_alert, description, "fatal alert received"};
  invalidate_session();
  read_state_ = DirectionState::failed;
  write_state_ = DirectionState::failed;
  return *error_;
}

Status Engine::receive_eof() {
  eof_received_ = true;
  eof_inside_record_ = reader_.partial();
  eof_inside_header_ = reader_.partial() && reader_.bytes_needed() > 0 && !reader_.has_header();
  if (read_state_ == DirectionState::closed) return {};
  if (error_) return *error_;
  // EOF before close_notify: the data may have been cut short. No alert is
  // sent (the transport is gone), and the write side is left to the caller.
  error_ = Error::make(ErrorKind::premature_eof,
                       reader_.partial() ? "EOF inside a record" : "EOF before close_notify");
  read_state_ = DirectionState::failed;
  return *error_;
}

// ---- application ----

Status Engine::send(ByteView data) {
  if (error_ && error_->kind != ErrorKind::premature_eof) return *error_;
  if (!machine_->complete()) return invalid_request("handshake not complete");
  if (write_state_ != DirectionState::open) return invalid_request("sending side is closed");
  if (data.empty()) return {};
  CODA_TRY(write_record(ContentType::application_data, data));
  app_sent_ += data.size();
  return {};
}

namespace {

// Copies what `in` holds past `pos` out, as much as fits; once all of it is
// read the buffer goes back to the pool until more comes.
size_t take_received(Bytes& in, size_t& pos, MutableByteView out) {
  const size_t n = std::min(out.size(), in.size() - pos);
  if (n == 0) return 0;  // `in` may hold no buffer at all
  std::memcpy(out.data(), in.data() + pos, n);
  pos += n;
  if (pos == in.size()) {
    give_back_buffer(in);
    pos = 0;
  }
  return n;
}

}  // namespace

size_t Engine::read(MutableByteView out) {
  return take_received(app_in_, app_pos_, out);
}

size_t Engine::read_early_data(MutableByteView out) {
  return take_received(early_in_, early_pos_, out);
}

Status Engine::update_keys(bool request_peer) {
  if (error_) return *error_;
  if (write_state_ != DirectionState::open) return invalid_request("sending side is closed");
  return machine_->update_keys(request_peer);
}

Status Engine::send_session_tickets(unsigned count) {
  if (error_) return *error_;
  if (write_state_ != DirectionState::open) return invalid_request("sending side is closed");
  return machine_->send_session_tickets(count);
}

void Engine::release_buffers() {
  if (out_pos_ == 0 && out_.empty()) give_back_buffer(out_);
  if (app_data_available() == 0) {
    give_back_buffer(app_in_);
    app_pos_ = 0;
  }
  reader_.release_memory();
  if (handshake_reader_.empty()) handshake_reader_.release_memory();
  retired_machine_.reset();
}

// ---- closure ----

void Engine::close_write() {
  if (write_state_ != DirectionState::open) return;
  write_alert(AlertLevel::warning, AlertDescription::close_notify);
  write_state_ = DirectionState::closed;
}

Status Engine::send_warning_alert(AlertDescription alert) {
  if (write_state_ != DirectionState::open) return invalid_request("sending side is closed");
  write_alert(AlertLevel::warning, alert);
  return {};
}

void Engine::abort(AlertDescription alert) {
  if (write_state_ == DirectionState::failed) return;
  fail(Error{ErrorKind::local_alert, alert, "aborted by the application"});
}

}  // namespace coda
