// Shared pieces of the engine's malformed-input tests
// (tests/unit/engine/malformed_*_test.cpp): configurations, a check that a
// Connection failed with the right alert (and queued it, and stays failed),
// and an observer that knows every traffic secret of a real in-memory
// handshake, so a test can forge or read encrypted records as either peer.
// Test-only, header-only.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crypto/key_exchange.hpp"
#include "crypto/random.hpp"
#include "crypto/x509.hpp"
#include "engine/connection.hpp"
#include "handshake/cipher_suites.hpp"
#include "handshake/key_schedule.hpp"
#include "handshake/transcript.hpp"
#include "record/protection.hpp"
#include "support/test_pki.hpp"
#include "support/tls_wire.hpp"

namespace coda::test {

inline std::shared_ptr<crypto::TrustStore> trust_for(const TestPki& pki) {
  auto trust = std::make_shared<crypto::TrustStore>();
  EXPECT_TRUE(trust->add_pem(as_bytes(pki.ca_pem().data(), pki.ca_pem().size())).ok());
  return trust;
}

inline std::shared_ptr<const CertifiedKey> certified(const TestCert& cert) {
  auto key = CertifiedKey::from_pem(as_bytes(cert.chain_pem.data(), cert.chain_pem.size()),
                                    as_bytes(cert.key_pem.data(), cert.key_pem.size()));
  EXPECT_TRUE(key.ok());
  return key.ok() ? key.value() : nullptr;
}

// A client (trusting default_pki(), asking for "localhost") and a server
// with a default_pki() leaf made from `leaf`.
struct ConfigPair {
  std::shared_ptr<Config> client = std::make_shared<Config>();
  std::shared_ptr<Config> server = std::make_shared<Config>();

  explicit ConfigPair(const LeafOptions& leaf = LeafOptions{}) {
    client->role = Role::client;
    client->server_name = "localhost";
    client->trust = trust_for(default_pki());
    server->role = Role::server;
    server->certificates.push_back(certified(default_pki().issue(leaf)));
    client->fill_defaults();
    server->fill_defaults();
  }
};

inline std::unique_ptr<Connection> connect(std::shared_ptr<const Config> config) {
  auto c = Connection::create(std::move(config));
  EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().detail);
  return c.ok() ? std::move(c).value() : nullptr;
}

// Copies a Connection's pending output and consumes it.
inline Bytes take_output(Connection& c) {
  const ByteView out = c.pending_output();
  Bytes copy(out.begin(), out.end());
  c.consume_output(copy.size());
  return copy;
}

// Feeds `data` to `c` until it is all taken, an error, or a stop (0 taken).
inline Result<size_t> feed(Connection& c, ByteView data) {
  size_t used = 0;
  while (used < data.size()) {
    auto n = c.receive(data.subspan(used));
    if (!n) return n.error();
    if (*n == 0) break;
    used += *n;
  }
  return used;
}

// Whether the alert a failed Connection queued is expected in the clear
// (no write keys yet) or under its write keys.
enum class AlertForm { plaintext, encrypted };

// A failed receive() must report a local_alert with `alert`, store the same
// error, queue the alert record (in `form`), close both directions, and keep
// failing with the same error, queueing nothing more.
inline void expect_local_alert(Connection& c, const Result<size_t>& result, AlertDescription alert,
                               AlertForm form) {
  ASSERT_FALSE(result.ok()) << "receive() accepted the malformed input";
  EXPECT_EQ(result.error().kind, ErrorKind::local_alert) << result.error().detail;
  EXPECT_EQ(alert_name(result.error().alert), std::string(alert_name(alert)))
      << "detail: " << result.error().detail;
  const auto stored = c.error();
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->kind, ErrorKind::local_alert);
  EXPECT_EQ(stored->alert, alert);
  EXPECT_EQ(c.read_state(), DirectionState::failed);
  EXPECT_EQ(c.write_state(), DirectionState::failed);
  ASSERT_TRUE(c.alert_sent().has_value()) << "no alert sent";
  EXPECT_EQ(alert_name(*c.alert_sent()), std::string(alert_name(alert)));

  const auto records = wire::split_records(c.pending_output());
  ASSERT_FALSE(records.empty()) << "no alert record queued";
  const auto& last = records.back();
  if (form == AlertForm::plaintext) {
    EXPECT_EQ(last.type, wire::kAlert) << "last queued record is not a plaintext alert";
    ASSERT_EQ(last.body.size(), 2U);
    EXPECT_EQ(last.body[0], 2U) << "alert level is not fatal";
    EXPECT_EQ(alert_name(static_cast<AlertDescription>(last.body[1])),
              std::string(alert_name(alert)));
    // The record version: 0x0303 (see the dedicated LegacyVersion test for
    // the first-record case); never anything but 03 0x.
    EXPECT_EQ(last.version >> 8U, 3U);
  } else {
    EXPECT_EQ(last.type, wire::kApplicationData) << "alert was not sent under keys";
    EXPECT_EQ(last.version, 0x0303);
    // AEAD tag (16) + content type (1) + 2 alert bytes, at least.
    EXPECT_GE(last.body.size(), 19U);
  }

  // Sticky: the same error again, nothing more queued, no data path.
  const size_t queued = c.pending_output().size();
  const uint8_t more[] = {0x16, 0x03, 0x03, 0x00, 0x01, 0x01};
  auto again = c.receive(ByteView(more, sizeof(more)));
  ASSERT_FALSE(again.ok()) << "a failed session accepted more input";
  EXPECT_EQ(again.error().kind, ErrorKind::local_alert);
  EXPECT_EQ(again.error().alert, alert);
  EXPECT_EQ(c.pending_output().size(), queued) << "a second alert was queued";
  const uint8_t data[] = {'x'};
  EXPECT_FALSE(c.send(ByteView(data, 1)).ok());
  auto eof = c.receive_eof();
  ASSERT_FALSE(eof.ok());
  EXPECT_EQ(eof.error().alert, alert);
}

// A client's ClientHello delivered to a server, and the server's first
// flight (ServerHello, ChangeCipherSpec?, encrypted records or a
// HelloRetryRequest) captured but not yet delivered to the client.
struct FirstFlight {
  std::unique_ptr<Connection> client;
  std::unique_ptr<Connection> server;
  Bytes client_hello;                        // the client's output (records)
  std::vector<wire::Record> server_records;  // the server's output

  bool run(const ConfigPair& configs) {
    client = connect(configs.client);
    server = connect(configs.server);
    if (!client || !server) return false;
    client_hello = take_output(*client);
    if (!feed(*server, client_hello).ok()) {
      ADD_FAILURE() << "server refused the real ClientHello";
      return false;
    }
    server_records = wire::split_records(take_output(*server));
    if (server_records.empty()) {
      ADD_FAILURE() << "server sent nothing";
      return false;
    }
    return true;
  }
  // The ServerHello (or HelloRetryRequest) body, parsed.
  wire::Hello server_hello() const {
    auto h = wire::parse_hello(ByteView(server_records.at(0).body).subspan(4), /*client=*/false);
    EXPECT_TRUE(h.has_value());
    return h.value_or(wire::Hello{});
  }
};

// A RandomSource that remembers what it handed out, so a test can recover
// the client's ephemeral private key.
class RecordingRandom final : public crypto::RandomSource {
 public:
  void fill(MutableByteView out) override {
    crypto::system_random().fill(out);
    fills_.emplace_back(out.begin(), out.end());
  }
  const std::vector<Bytes>& fills() const { return fills_; }

 private:
  std::vector<Bytes> fills_;
};

// Every traffic secret of a TLS 1.3 handshake without HelloRetryRequest.
struct SessionKeys {
  const hs::SuiteInfo* suite = nullptr;
  SecureBytes client_handshake, server_handshake, client_application, server_application;

  record::Protection13 protection(const SecureBytes& secret) const {
    const auto keys = hs::traffic_keys(suite->aead, suite->hash, secret);
    auto p = record::Protection13::create(suite->aead, ByteView(keys.key.data(), keys.key.size()),
                                          ByteView(keys.iv.data(), keys.iv.size()));
    EXPECT_TRUE(p.ok());
    return std::move(p).value();
  }
};

// Derives the session keys from the client's ClientHello, the server's
// ServerHello (whole handshake messages), the client's private share, and
// the server's encrypted records (EncryptedExtensions..Finished).
inline std::optional<SessionKeys> derive_keys(ByteView client_hello, ByteView server_hello,
                                              const crypto::KeyShare& client_share,
                                              const std::vector<wire::Record>& encrypted) {
  auto sh = wire::parse_hello(server_hello.subspan(4), /*client=*/false);
  if (!sh) return std::nullopt;
  SessionKeys keys;
  keys.suite = hs::find_suite(sh->server_cipher_suite());
  const auto* share = sh->find(wire::kExtKeyShare);
  if (keys.suite == nullptr || share == nullptr || share->body.size() < 4) return std::nullopt;
  auto shared = client_share.shared_secret(ByteView(share->body).subspan(4));
  if (!shared) return std::nullopt;
  hs::Transcript transcript;
  transcript.set_hash(keys.suite->hash);
  transcript.add(client_hello);
  transcript.add(server_hello);
  hs::KeySchedule schedule(keys.suite->hash);
  schedule.derive_handshake_secrets(ByteView(shared->data(), shared->size()), transcript.current());
  keys.client_handshake = schedule.client_handshake_secret();
  keys.server_handshake = schedule.server_handshake_secret();

  auto reader = keys.protection(keys.server_handshake);
  Bytes content;
  for (const auto& r : encrypted) {
    Bytes body = r.body;
    const Bytes header = wire::record_header(r.type, body.size(), r.version);
    auto opened = reader.open(header, body);
    if (!opened) return std::nullopt;
    append(content, opened->content);
  }
  bool finished = false;
  for (const auto& m : wire::split_messages(content)) {
    transcript.add(m.bytes());
    if (m.type == wire::kFinished) {
      finished = true;
      break;
    }
  }
  if (!finished) return std::nullopt;
  schedule.derive_application_secrets(transcript.current());
  keys.client_application = schedule.client_application_secret();
  keys.server_application = schedule.server_application_secret();
  return keys;
}

// A completed handshake between a real client and a real server, with the
// traffic secrets known to the test. Neither side has sent application
// data yet, so both application write sequences are at 0.
struct ObservedSession {
  std::shared_ptr<RecordingRandom> client_random = std::make_shared<RecordingRandom>();
  ConfigPair configs;
  std::unique_ptr<Connection> client;
  std::unique_ptr<Connection> server;
  Bytes client_hello;                       // the handshake message
  std::vector<wire::Record> server_flight;  // ServerHello, CCS?, encrypted records
  std::optional<SessionKeys> keys;

  // Seals one record as the client (to the server) or the server (to the
  // client) under the application keys; sequence numbers continue.
  Bytes seal_as_client(record::ContentType type, ByteView content, size_t padding = 0) {
    return seal(client_writer_, type, content, padding);
  }
  Bytes seal_as_server(record::ContentType type, ByteView content, size_t padding = 0) {
    return seal(server_writer_, type, content, padding);
  }
  // Opens a record the server (or client) sent under its application keys.
  std::optional<std::pair<record::ContentType, Bytes>> open_from_server(const wire::Record& r) {
    return open(server_reader_, r);
  }
  std::optional<std::pair<record::ContentType, Bytes>> open_from_client(const wire::Record& r) {
    return open(client_reader_, r);
  }

  // Runs the handshake; false (with a test failure) if anything went wrong.
  bool run() {
    configs.client->groups = {NamedGroup::x25519};
    configs.client->random = client_random.get();
    client = connect(configs.client);
    server = connect(configs.server);
    if (!client || !server) return false;
    const Bytes ch_out = take_output(*client);
    const auto ch_records = wire::split_records(ch_out);
    if (ch_records.size() != 1) {
      ADD_FAILURE() << "ClientHello is not one record";
      return false;
    }
    client_hello = ch_records[0].body;
    if (!feed(*server, ch_out).ok()) return false;
    const Bytes flight = take_output(*server);
    server_flight = wire::split_records(flight);
    if (!feed(*client, flight).ok()) return false;
    const Bytes finished = take_output(*client);
    if (!feed(*server, finished).ok()) return false;
    // The NewSessionTicket records the server sends after the handshake.
    const Bytes tickets = take_output(*server);
    if (!client->handshake_complete() || !server->handshake_complete()) {
      ADD_FAILURE() << "handshake did not complete";
      return false;
    }
    // The client's private x25519 key is one of the 32-byte draws.
    auto ch = wire::parse_hello(ByteView(client_hello).subspan(4), /*client=*/true);
    const auto* ks = ch ? ch->find(wire::kExtKeyShare) : nullptr;
    if (ks == nullptr || ks->body.size() < 6) {
      ADD_FAILURE() << "no key share in the ClientHello";
      return false;
    }
    const ByteView client_public = ByteView(ks->body).subspan(6);
    std::vector<wire::Record> encrypted;
    for (const auto& r : server_flight) {
      if (r.type == wire::kApplicationData) encrypted.push_back(r);
    }
    for (const Bytes& draw : client_random->fills()) {
      if (draw.size() != 32) continue;
      auto share = crypto::KeyShare::from_private(NamedGroup::x25519, draw);
      if (!share || !std::equal(share->public_key().begin(), share->public_key().end(),
                                client_public.begin(), client_public.end())) {
        continue;
      }
      keys = derive_keys(client_hello, server_flight.at(0).body, *share, encrypted);
      break;
    }
    if (!keys) {
      ADD_FAILURE() << "could not derive the session keys";
      return false;
    }
    client_writer_.emplace(keys->protection(keys->client_application));
    server_writer_.emplace(keys->protection(keys->server_application));
    client_reader_.emplace(keys->protection(keys->client_application));
    server_reader_.emplace(keys->protection(keys->server_application));
    // The tickets reach the client, and the server's sequence numbers
    // continue after them on both of our copies of its keys.
    for (const auto& r : wire::split_records(tickets)) {
      if (!open(server_reader_, r)) {
        ADD_FAILURE() << "a ticket record does not open";
        return false;
      }
      seal_as_server(record::ContentType::handshake, Bytes{0});
    }
    if (!feed(*client, tickets).ok()) return false;
    return true;
  }

 private:
  static Bytes seal(std::optional<record::Protection13>& p, record::ContentType type,
                    ByteView content, size_t padding) {
    Bytes out;
    EXPECT_TRUE(p->seal(type, content, out, padding).ok());
    return out;
  }
  static std::optional<std::pair<record::ContentType, Bytes>> open(
      std::optional<record::Protection13>& p, const wire::Record& r) {
    Bytes body = r.body;
    const Bytes header = wire::record_header(r.type, body.size(), r.version);
    auto opened = p->open(header, body);
    if (!opened) return std::nullopt;
    return std::make_pair(opened->type, Bytes(opened->content.begin(), opened->content.end()));
  }

  std::optional<record::Protection13> client_writer_, server_writer_;
  std::optional<record::Protection13> client_reader_, server_reader_;
};

}  // namespace coda::test
