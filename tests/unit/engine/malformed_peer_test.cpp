// A server whose certificate must be refused, and alerts received from the
// peer: fatal alerts in the clear during the handshake, alerts under keys
// after it (RFC 8446 6: in 1.3 every alert but close_notify and
// user_canceled is fatal whatever its level).
#include <gtest/gtest.h>

#include <iostream>

#include "support/malformed_support.hpp"

namespace coda {
namespace {

using record::ContentType;
using test::AlertForm;
using test::ConfigPair;
using test::expect_local_alert;
using test::feed;
using test::FirstFlight;
using test::LeafOptions;
using test::ObservedSession;
namespace wire = test::wire;

// Delivers the server's whole first flight and returns the client's answer.
Result<size_t> deliver_flight(FirstFlight& f) {
  return feed(*f.client, wire::join_records(f.server_records));
}

// ---- certificate verification (client side) ----

TEST(MalformedPeer, CertificateForAnotherHostname) {
  ConfigPair configs;
  configs.client->server_name = "other.example";
  FirstFlight f;
  ASSERT_TRUE(f.run(configs));
  const auto result = deliver_flight(f);
  expect_local_alert(*f.client, result, AlertDescription::bad_certificate, AlertForm::encrypted);
  EXPECT_NE(f.client->info().peer_verify_status & crypto::kVerifyUnexpectedOwner, 0U);
}

TEST(MalformedPeer, CertificateFromUnknownCa) {
  ConfigPair configs;
  const test::TestPki other;
  configs.client->trust = test::trust_for(other);
  FirstFlight f;
  ASSERT_TRUE(f.run(configs));
  const auto result = deliver_flight(f);
  expect_local_alert(*f.client, result, AlertDescription::unknown_ca, AlertForm::encrypted);
}

TEST(MalformedPeer, ExpiredCertificate) {
  LeafOptions leaf;
  leaf.not_before_offset_s = -7200;
  leaf.not_after_offset_s = -60;
  ConfigPair configs(leaf);
  FirstFlight f;
  ASSERT_TRUE(f.run(configs));
  const auto result = deliver_flight(f);
  expect_local_alert(*f.client, result, AlertDescription::certificate_expired,
                     AlertForm::encrypted);
  EXPECT_NE(f.client->info().peer_verify_status & crypto::kVerifyExpired, 0U);
}

// A leaf for clients only (extendedKeyUsage clientAuth, no serverAuth).
// RFC 8446 6.2 allows bad_certificate or unsupported_certificate; the
// test accepts either and prints which one the engine chose.
TEST(MalformedPeer, CertificateWithoutServerAuthUsage) {
  LeafOptions leaf;
  leaf.server_auth = false;
  leaf.client_auth = true;
  ConfigPair configs(leaf);
  FirstFlight f;
  ASSERT_TRUE(f.run(configs));
  const auto result = deliver_flight(f);
  ASSERT_FALSE(result.ok()) << "a clientAuth-only certificate was accepted for a server";
  const AlertDescription chosen = result.error().alert;
  std::cout << "[ note ] clientAuth-only server certificate refused with " << alert_name(chosen)
            << "\n";
  RecordProperty("alert", alert_name(chosen));
  EXPECT_TRUE(chosen == AlertDescription::bad_certificate ||
              chosen == AlertDescription::unsupported_certificate)
      << alert_name(chosen);
  expect_local_alert(*f.client, result, chosen, AlertForm::encrypted);
  EXPECT_NE(f.client->info().peer_verify_status & crypto::kVerifyPurposeMismatch, 0U);
}

// The server's handshake records reordered: Certificate before
// EncryptedExtensions cannot even be decrypted (wrong sequence number).
TEST(MalformedPeer, ServerEncryptedRecordsReordered) {
  ConfigPair configs;
  FirstFlight f;
  ASSERT_TRUE(f.run(configs));
  auto records = f.server_records;
  std::vector<size_t> encrypted;
  for (size_t i = 0; i < records.size(); ++i) {
    if (records[i].type == wire::kApplicationData) encrypted.push_back(i);
  }
  ASSERT_GE(encrypted.size(), 2U);
  std::swap(records[encrypted[0]], records[encrypted[1]]);
  const auto result = feed(*f.client, wire::join_records(records));
  expect_local_alert(*f.client, result, AlertDescription::bad_record_mac, AlertForm::encrypted);
}

// An encrypted server record dropped: the next one fails to open.
TEST(MalformedPeer, ServerEncryptedRecordDropped) {
  ConfigPair configs;
  FirstFlight f;
  ASSERT_TRUE(f.run(configs));
  auto records = f.server_records;
  for (size_t i = 0; i < records.size(); ++i) {
    if (records[i].type == wire::kApplicationData) {
      records.erase(records.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
  const auto result = feed(*f.client, wire::join_records(records));
  expect_local_alert(*f.client, result, AlertDescription::bad_record_mac, AlertForm::encrypted);
}

// ---- alerts received ----

void expect_peer_alert(Connection& c, const Result<size_t>& result, AlertDescription alert) {
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::peer_alert);
  EXPECT_EQ(alert_name(result.error().alert), std::string(alert_name(alert)));
  ASSERT_TRUE(c.error().has_value());
  EXPECT_EQ(c.error()->kind, ErrorKind::peer_alert);
  EXPECT_EQ(c.error()->alert, alert);
  ASSERT_TRUE(c.alert_received().has_value());
  EXPECT_EQ(*c.alert_received(), alert);
  EXPECT_EQ(c.read_state(), DirectionState::failed);
  EXPECT_EQ(c.write_state(), DirectionState::failed);
  // We do not answer a fatal alert with one of our own.
  EXPECT_FALSE(c.alert_sent().has_value());
  // Sticky.
  const uint8_t more[] = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x0a};
  auto again = c.receive(ByteView(more, sizeof(more)));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::peer_alert);
  EXPECT_EQ(again.error().alert, alert);
  const uint8_t data[] = {'x'};
  EXPECT_FALSE(c.send(ByteView(data, 1)).ok());
}

// handshake_machine.hpp (awaiting_client_hello): before any ClientHello an
// alert answers nothing; the server refuses it with unexpected_message, as
// GnuTLS does, rather than reporting a peer alert.
TEST(MalformedPeer, PlaintextAlertBeforeClientHelloIsUnexpected) {
  ConfigPair configs;
  auto server = test::connect(configs.server);
  ASSERT_TRUE(server);
  const uint8_t alert[] = {0x02, 0x28};
  const auto result = server->receive(wire::record(wire::kAlert, ByteView(alert, 2)));
  expect_local_alert(*server, result, AlertDescription::unexpected_message, AlertForm::plaintext);
}

// A client that could not read our flight may answer in the clear.
// Once the server reads under the client's handshake keys, a plaintext
// alert is a plaintext record under keys (RFC 8446 5): unexpected_message,
// as GnuTLS (which fails to decrypt it) also ends the handshake.
TEST(MalformedPeer, PlaintextFatalAlertAfterServerFlight) {
  ConfigPair configs;
  FirstFlight f;
  ASSERT_TRUE(f.run(configs));
  const uint8_t alert[] = {0x02, 0x28};
  const auto result = f.server->receive(wire::record(wire::kAlert, ByteView(alert, 2)));
  expect_local_alert(*f.server, result, AlertDescription::unexpected_message, AlertForm::encrypted);
  EXPECT_EQ(result.error().reason, Reason::plaintext_under_keys);
}

TEST(MalformedPeer, PlaintextFatalAlertToClientBeforeServerHello) {
  ConfigPair configs;
  auto client = test::connect(configs.client);
  ASSERT_TRUE(client);
  test::take_output(*client);
  const uint8_t alert[] = {0x02, 0x46};  // protocol_version
  const auto result = client->receive(wire::record(wire::kAlert, ByteView(alert, 2)));
  expect_peer_alert(*client, result, AlertDescription::protocol_version);
  EXPECT_TRUE(client->pending_output().empty());
}

// After the handshake a plaintext alert is a plaintext record under keys.
TEST(MalformedPeer, PlaintextAlertAfterHandshakeIsRefused) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const uint8_t alert[] = {0x02, 0x28};
  const auto result = s.server->receive(wire::record(wire::kAlert, ByteView(alert, 2)));
  expect_local_alert(*s.server, result, AlertDescription::unexpected_message, AlertForm::encrypted);
}

// RFC 8446 6: in TLS 1.3 a warning-level bad_certificate is fatal too.
TEST(MalformedPeer, EncryptedWarningBadCertificateIsFatal) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const uint8_t alert[] = {0x01, 0x2a};
  const auto result = s.client->receive(s.seal_as_server(ContentType::alert, alert));
  expect_peer_alert(*s.client, result, AlertDescription::bad_certificate);
}

TEST(MalformedPeer, EncryptedFatalAlertToServer) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const uint8_t alert[] = {0x02, 0x33};  // decrypt_error
  const auto result = s.server->receive(s.seal_as_client(ContentType::alert, alert));
  expect_peer_alert(*s.server, result, AlertDescription::decrypt_error);
}

// Data after the fatal alert in the same receive() is not delivered.
TEST(MalformedPeer, DataAfterFatalAlertIsNotDelivered) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const uint8_t alert[] = {0x02, 0x28};
  const uint8_t text[] = {'l', 'a', 't', 'e'};
  Bytes both = s.seal_as_client(ContentType::alert, alert);
  append(both, s.seal_as_client(ContentType::application_data, text));
  const auto result = s.server->receive(both);
  expect_peer_alert(*s.server, result, AlertDescription::handshake_failure);
  EXPECT_EQ(s.server->app_data_available(), 0U);
}

// RFC 8446 6.1: user_canceled is a closure alert, not an error. receive()
// stops right after it, and take_warning_alert() hands it out once.
TEST(MalformedPeer, UserCanceledIsNotFatal) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const uint8_t alert[] = {0x01, 0x5a};
  const uint8_t text[] = {'s', 't', 'i', 'l', 'l'};
  const Bytes alert_record = s.seal_as_client(ContentType::alert, alert);
  Bytes both = alert_record;
  append(both, s.seal_as_client(ContentType::application_data, text));
  const auto result = s.server->receive(both);
  ASSERT_TRUE(result.ok()) << result.error().detail;
  EXPECT_EQ(*result, alert_record.size()) << "receive() did not stop after the warning alert";
  EXPECT_FALSE(s.server->error().has_value());
  ASSERT_TRUE(s.server->alert_received().has_value());
  EXPECT_EQ(*s.server->alert_received(), AlertDescription::user_canceled);
  EXPECT_EQ(s.server->take_warning_alert(), AlertDescription::user_canceled);
  EXPECT_EQ(s.server->take_warning_alert(), std::nullopt);
  EXPECT_EQ(s.server->read_state(), DirectionState::open);
  EXPECT_EQ(s.server->write_state(), DirectionState::open);
  // Still usable both ways.
  ASSERT_TRUE(feed(*s.server, ByteView(both).subspan(*result)).ok());
  EXPECT_EQ(s.server->app_data_available(), 5U);
  ASSERT_TRUE(s.server->send(ByteView(text, 5)).ok());
  ASSERT_TRUE(feed(*s.client, test::take_output(*s.server)).ok());
  EXPECT_EQ(s.client->app_data_available(), 5U);
}

// A flood of warning alerts ends the session (record_types.hpp:
// kMaxConsecutiveWarningAlerts = 4).
TEST(MalformedPeer, FiveUserCanceledInARowFail) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const uint8_t alert[] = {0x01, 0x5a};
  for (int i = 0; i < 4; ++i) {
    const auto ok = s.server->receive(s.seal_as_client(ContentType::alert, alert));
    ASSERT_TRUE(ok.ok()) << "alert " << i << ": " << ok.error().detail;
    EXPECT_EQ(s.server->take_warning_alert(), AlertDescription::user_canceled);
  }
  const auto result = s.server->receive(s.seal_as_client(ContentType::alert, alert));
  expect_local_alert(*s.server, result, AlertDescription::unexpected_message, AlertForm::encrypted);
}

TEST(MalformedPeer, UserCanceledDuringHandshakeIsNotFatal) {
  ConfigPair configs;
  FirstFlight f;
  ASSERT_TRUE(f.run(configs));
  // Before the client has keys, its alerts are plaintext: the client gets one.
  const uint8_t alert[] = {0x01, 0x5a};
  const auto result = f.client->receive(wire::record(wire::kAlert, ByteView(alert, 2)));
  ASSERT_TRUE(result.ok()) << result.error().detail;
  EXPECT_FALSE(f.client->error().has_value());
  EXPECT_EQ(f.client->take_warning_alert(), AlertDescription::user_canceled);
  // The handshake still completes.
  ASSERT_TRUE(feed(*f.client, wire::join_records(f.server_records)).ok());
  ASSERT_TRUE(feed(*f.server, test::take_output(*f.client)).ok());
  EXPECT_TRUE(f.server->handshake_complete());
}

// RFC 8446 5.4: an alert record with no content is unexpected_message
// (not decode_error); before keys: MalformedRecord.EmptyAlertRecord.
TEST(MalformedPeer, ZeroLengthEncryptedAlert) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const auto result = s.server->receive(s.seal_as_client(ContentType::alert, {}));
  expect_local_alert(*s.server, result, AlertDescription::unexpected_message, AlertForm::encrypted);
}

// RFC 8446 5.1: no other record between the fragments of one handshake
// message: a KeyUpdate split over two records with data between them.
TEST(MalformedPeer, DataInsideAFragmentedKeyUpdate) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const uint8_t key_update[] = {24, 0, 0, 1, 0};  // update_not_requested
  const uint8_t text[] = {'h', 'i'};
  Bytes records = s.seal_as_client(ContentType::handshake, ByteView(key_update, 2));
  append(records, s.seal_as_client(ContentType::application_data, text));
  append(records, s.seal_as_client(ContentType::handshake, ByteView(key_update + 2, 3)));
  const auto result = s.server->receive(records);
  expect_local_alert(*s.server, result, AlertDescription::unexpected_message, AlertForm::encrypted);
  EXPECT_EQ(s.server->app_data_available(), 0U);
}

// The same KeyUpdate in two records with nothing between them is fine.
TEST(MalformedPeer, FragmentedKeyUpdateAlone) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const uint8_t key_update[] = {24, 0, 0, 1, 0};
  Bytes records = s.seal_as_client(ContentType::handshake, ByteView(key_update, 2));
  append(records, s.seal_as_client(ContentType::handshake, ByteView(key_update + 2, 3)));
  const auto result = s.server->receive(records);
  ASSERT_TRUE(result.ok()) << result.error().detail;
  EXPECT_FALSE(s.server->error().has_value());
}

}  // namespace
}  // namespace coda
