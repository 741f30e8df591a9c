// Malformed input at the record layer (RFC 8446 5): unknown types, lengths
// above the limits, records of the wrong kind for the keys in force, bad
// tags, empty records, broken alerts and ChangeCipherSpec. Each case feeds
// crafted bytes to a real Connection and checks the alert it answers with.
#include <gtest/gtest.h>

#include "support/malformed_support.hpp"

namespace coda {
namespace {

using record::ContentType;
using test::AlertForm;
using test::ConfigPair;
using test::expect_local_alert;
using test::feed;
using test::FirstFlight;
using test::ObservedSession;
namespace wire = test::wire;

std::unique_ptr<Connection> fresh_server() {
  static const ConfigPair configs;
  return test::connect(configs.server);
}

// A fresh client whose ClientHello has been taken away (so pending_output
// holds only what the client queues next).
std::unique_ptr<Connection> fresh_client() {
  static const ConfigPair configs;
  auto client = test::connect(configs.client);
  if (client) test::take_output(*client);
  return client;
}

// The alert a session with known keys queued, decrypted: level and
// description.
void expect_encrypted_alert_content(ObservedSession& s, Connection& failed,
                                    AlertDescription alert) {
  const auto records = wire::split_records(failed.pending_output());
  ASSERT_FALSE(records.empty());
  auto opened = &failed == s.server.get() ? s.open_from_server(records.back())
                                          : s.open_from_client(records.back());
  ASSERT_TRUE(opened.has_value()) << "the queued alert does not decrypt";
  EXPECT_EQ(opened->first, ContentType::alert);
  ASSERT_EQ(opened->second.size(), 2U);
  EXPECT_EQ(opened->second[0], 2U);
  EXPECT_EQ(opened->second[1], static_cast<uint8_t>(alert));
}

Bytes bytes(std::initializer_list<uint8_t> b) {
  return Bytes(b);
}

// ---- record header ----

TEST(MalformedRecord, UnknownContentTypeToServer) {
  auto server = fresh_server();
  ASSERT_TRUE(server);
  const auto result = server->receive(bytes({0x19, 0x03, 0x03, 0x00, 0x01, 0x00}));
  expect_local_alert(*server, result, AlertDescription::unexpected_message, AlertForm::plaintext);
}

TEST(MalformedRecord, UnknownContentTypeOnEstablishedSession) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const auto result = s.server->receive(bytes({0x19, 0x03, 0x03, 0x00, 0x01, 0x00}));
  expect_local_alert(*s.server, result, AlertDescription::unexpected_message, AlertForm::encrypted);
  expect_encrypted_alert_content(s, *s.server, AlertDescription::unexpected_message);
}

TEST(MalformedRecord, ContentTypeZeroToClient) {
  auto client = fresh_client();
  ASSERT_TRUE(client);
  const auto result = client->receive(bytes({0x00, 0x03, 0x03, 0x00, 0x01, 0x00}));
  expect_local_alert(*client, result, AlertDescription::unexpected_message, AlertForm::plaintext);
}

// Before keys the limit is 2^14+256 (RFC 8446 5.2): one more is
// record_overflow on the header alone, before any body is waited for.
TEST(MalformedRecord, LengthAbove2Pow14Plus256BeforeServerHello) {
  auto server = fresh_server();
  ASSERT_TRUE(server);
  const auto result = server->receive(wire::record_header(wire::kHandshake, 16384 + 257));
  expect_local_alert(*server, result, AlertDescription::record_overflow, AlertForm::plaintext);
}

TEST(MalformedRecord, LengthAbove2Pow14Plus256BeforeServerHelloToClient) {
  auto client = fresh_client();
  ASSERT_TRUE(client);
  const auto result = client->receive(wire::record_header(wire::kHandshake, 16384 + 257));
  expect_local_alert(*client, result, AlertDescription::record_overflow, AlertForm::plaintext);
}

// A plaintext record over 2^14 but within the header limit is refused once
// its body is in (RFC 8446 5.1).
TEST(MalformedRecord, PlaintextAbove2Pow14) {
  auto server = fresh_server();
  ASSERT_TRUE(server);
  Bytes record = wire::record_header(wire::kHandshake, 16384 + 1);
  record.resize(record.size() + 16384 + 1, 0);
  const auto result = server->receive(record);
  expect_local_alert(*server, result, AlertDescription::record_overflow, AlertForm::plaintext);
}

// Once TLS 1.3 is negotiated the limit is 2^14+256 (RFC 8446 5.2).
TEST(MalformedRecord, LengthAbove2Pow14Plus256AfterServerHello) {
  ConfigPair configs;
  FirstFlight f;
  ASSERT_TRUE(f.run(configs));
  ASSERT_TRUE(feed(*f.client, f.server_records.at(0).bytes()).ok());  // ServerHello only
  test::take_output(*f.client);
  // 2^14+256 is still a legal header: the client waits for the body.
  {
    FirstFlight g;
    ASSERT_TRUE(g.run(configs));
    ASSERT_TRUE(feed(*g.client, g.server_records.at(0).bytes()).ok());
    auto ok = g.client->receive(wire::record_header(wire::kApplicationData, 16384 + 256));
    ASSERT_TRUE(ok.ok()) << ok.error().detail;
    EXPECT_EQ(*ok, 5U);
    EXPECT_EQ(g.client->bytes_needed(), 16384U + 256U);
  }
  const auto result = f.client->receive(wire::record_header(wire::kApplicationData, 16384 + 257));
  expect_local_alert(*f.client, result, AlertDescription::record_overflow, AlertForm::encrypted);
}

TEST(MalformedRecord, LengthAbove2Pow14Plus256OnEstablishedSession) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const auto result = s.server->receive(wire::record_header(wire::kApplicationData, 16384 + 257));
  expect_local_alert(*s.server, result, AlertDescription::record_overflow, AlertForm::encrypted);
  expect_encrypted_alert_content(s, *s.server, AlertDescription::record_overflow);
}

// RFC 8446 5.1: TLSPlaintext.length MUST NOT exceed 2^14.
TEST(MalformedRecord, PlaintextHandshakeRecordOf16385Bytes) {
  auto server = fresh_server();
  ASSERT_TRUE(server);
  Bytes body = wire::handshake(wire::kClientHello, Bytes(16385 - 4, 0));
  ASSERT_EQ(body.size(), 16385U);
  const auto result = feed(*server, wire::record(wire::kHandshake, body));
  expect_local_alert(*server, result, AlertDescription::record_overflow, AlertForm::plaintext);
}

// Exactly 2^14 bytes of plaintext is legal: the message is merely
// incomplete (it announces more), so the server waits.
TEST(MalformedRecord, PlaintextHandshakeRecordOf16384BytesIsAccepted) {
  auto server = fresh_server();
  ASSERT_TRUE(server);
  Bytes body = wire::handshake(wire::kClientHello, Bytes(20000, 0));
  body.resize(16384);
  const auto result = feed(*server, wire::record(wire::kHandshake, body));
  ASSERT_TRUE(result.ok()) << result.error().detail;
  EXPECT_FALSE(server->error().has_value());
  EXPECT_TRUE(server->pending_output().empty());
}

TEST(MalformedRecord, ApplicationDataBeforeKeysToServer) {
  auto server = fresh_server();
  ASSERT_TRUE(server);
  const auto result = server->receive(wire::record(wire::kApplicationData, bytes({1, 2, 3, 4, 5})));
  expect_local_alert(*server, result, AlertDescription::unexpected_message, AlertForm::plaintext);
}

TEST(MalformedRecord, ApplicationDataBeforeKeysToClient) {
  auto client = fresh_client();
  ASSERT_TRUE(client);
  const auto result = client->receive(wire::record(wire::kApplicationData, Bytes(40, 0xab)));
  expect_local_alert(*client, result, AlertDescription::unexpected_message, AlertForm::plaintext);
}

// ---- protection ----

TEST(MalformedRecord, BadTagOnApplicationData) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const std::string text = "hello";
  ASSERT_TRUE(s.client->send(as_bytes(text.data(), text.size())).ok());
  Bytes sealed = test::take_output(*s.client);
  sealed.back() ^= 0x01;  // the last byte of the tag
  const auto result = s.server->receive(sealed);
  expect_local_alert(*s.server, result, AlertDescription::bad_record_mac, AlertForm::encrypted);
  expect_encrypted_alert_content(s, *s.server, AlertDescription::bad_record_mac);
  EXPECT_EQ(s.server->app_data_available(), 0U);
}

TEST(MalformedRecord, BadCiphertextByteOnApplicationData) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const std::string text = "hello";
  ASSERT_TRUE(s.server->send(as_bytes(text.data(), text.size())).ok());
  Bytes sealed = test::take_output(*s.server);
  sealed.at(5) ^= 0x80;  // first ciphertext byte
  const auto result = s.client->receive(sealed);
  expect_local_alert(*s.client, result, AlertDescription::bad_record_mac, AlertForm::encrypted);
  expect_encrypted_alert_content(s, *s.client, AlertDescription::bad_record_mac);
}

TEST(MalformedRecord, BadTagInServerEncryptedFlight) {
  ConfigPair configs;
  FirstFlight f;
  ASSERT_TRUE(f.run(configs));
  auto records = f.server_records;
  bool tampered = false;
  for (auto& r : records) {
    if (r.type == wire::kApplicationData) {
      r.body.back() ^= 0x40;
      tampered = true;
      break;
    }
  }
  ASSERT_TRUE(tampered);
  const auto result = feed(*f.client, wire::join_records(records));
  expect_local_alert(*f.client, result, AlertDescription::bad_record_mac, AlertForm::encrypted);
}

// An encrypted record shorter than a tag cannot be authentic.
TEST(MalformedRecord, EncryptedRecordShorterThanTag) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const auto result = s.server->receive(wire::record(wire::kApplicationData, Bytes(5, 0)));
  expect_local_alert(*s.server, result, AlertDescription::bad_record_mac, AlertForm::encrypted);
}

// ---- empty records ----

// RFC 8446 5.1: zero-length Handshake fragments MUST NOT be sent.
TEST(MalformedRecord, ZeroLengthHandshakeRecordToServer) {
  auto server = fresh_server();
  ASSERT_TRUE(server);
  const auto result = server->receive(wire::record(wire::kHandshake, Bytes{}));
  expect_local_alert(*server, result, AlertDescription::unexpected_message, AlertForm::plaintext);
}

TEST(MalformedRecord, ZeroLengthHandshakeRecordToClient) {
  auto client = fresh_client();
  ASSERT_TRUE(client);
  const auto result = client->receive(wire::record(wire::kHandshake, Bytes{}));
  expect_local_alert(*client, result, AlertDescription::unexpected_message, AlertForm::plaintext);
}

TEST(MalformedRecord, ZeroLengthEncryptedHandshakeRecord) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const auto result = s.server->receive(s.seal_as_client(ContentType::handshake, {}));
  expect_local_alert(*s.server, result, AlertDescription::unexpected_message, AlertForm::encrypted);
  expect_encrypted_alert_content(s, *s.server, AlertDescription::unexpected_message);
}

// RFC 8446 5.4: a record whose plaintext is all zeros has no content type.
TEST(MalformedRecord, EncryptedRecordOfOnlyPadding) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  // Seal 0 bytes of "type 0" content: the inner plaintext is all zeros.
  const auto result = s.server->receive(s.seal_as_client(ContentType::invalid, {}, 10));
  expect_local_alert(*s.server, result, AlertDescription::unexpected_message, AlertForm::encrypted);
}

TEST(MalformedRecord, EncryptedRecordOfUnknownInnerType) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const uint8_t content[] = {1, 2, 3};
  const auto result = s.server->receive(s.seal_as_client(static_cast<ContentType>(0x19), content));
  expect_local_alert(*s.server, result, AlertDescription::unexpected_message, AlertForm::encrypted);
}

// The cap on consecutive empty application_data records is 32.
TEST(MalformedRecord, ThirtyThreeEmptyApplicationDataRecords) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  for (int i = 0; i < 32; ++i) {
    const auto ok = s.server->receive(s.seal_as_client(ContentType::application_data, {}));
    ASSERT_TRUE(ok.ok()) << "empty record " << i << ": " << ok.error().detail;
  }
  EXPECT_TRUE(s.server->pending_output().empty());
  const auto result = s.server->receive(s.seal_as_client(ContentType::application_data, {}));
  expect_local_alert(*s.server, result, AlertDescription::unexpected_message, AlertForm::encrypted);
  expect_encrypted_alert_content(s, *s.server, AlertDescription::unexpected_message);
}

TEST(MalformedRecord, ThirtyThreeEmptyRecordsInOneReceiveCall) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  Bytes all;
  for (int i = 0; i < 33; ++i) append(all, s.seal_as_client(ContentType::application_data, {}));
  const auto result = s.server->receive(all);
  expect_local_alert(*s.server, result, AlertDescription::unexpected_message, AlertForm::encrypted);
}

// Data in between resets the count: 32 empty, 1 byte, 32 empty is fine.
TEST(MalformedRecord, EmptyRecordCountResetsOnData) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const uint8_t one[] = {'a'};
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 32; ++i) {
      ASSERT_TRUE(s.server->receive(s.seal_as_client(ContentType::application_data, {})).ok());
    }
    ASSERT_TRUE(s.server->receive(s.seal_as_client(ContentType::application_data, one)).ok());
  }
  EXPECT_FALSE(s.server->error().has_value());
  EXPECT_EQ(s.server->app_data_available(), 2U);
}

// ---- alerts ----

TEST(MalformedRecord, TruncatedAlertOneByte) {
  auto server = fresh_server();
  ASSERT_TRUE(server);
  const auto result = server->receive(wire::record(wire::kAlert, bytes({0x02})));
  expect_local_alert(*server, result, AlertDescription::decode_error, AlertForm::plaintext);
}

TEST(MalformedRecord, AlertOfThreeBytes) {
  auto client = fresh_client();
  ASSERT_TRUE(client);
  const auto result = client->receive(wire::record(wire::kAlert, bytes({0x02, 0x28, 0x00})));
  expect_local_alert(*client, result, AlertDescription::decode_error, AlertForm::plaintext);
}

// RFC 8446 5.4: a zero-length alert record is unexpected_message.
TEST(MalformedRecord, EmptyAlertRecord) {
  auto server = fresh_server();
  ASSERT_TRUE(server);
  const auto result = server->receive(wire::record(wire::kAlert, Bytes{}));
  expect_local_alert(*server, result, AlertDescription::unexpected_message, AlertForm::plaintext);
}

TEST(MalformedRecord, EncryptedTruncatedAlert) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const uint8_t half[] = {0x01};
  const auto result = s.server->receive(s.seal_as_client(ContentType::alert, half));
  expect_local_alert(*s.server, result, AlertDescription::decode_error, AlertForm::encrypted);
  expect_encrypted_alert_content(s, *s.server, AlertDescription::decode_error);
}

// ---- ChangeCipherSpec ----

TEST(MalformedRecord, ChangeCipherSpecValue2DuringHandshake) {
  ConfigPair configs;
  FirstFlight f;
  ASSERT_TRUE(f.run(configs));  // the server now waits for the client's Finished
  const auto result = f.server->receive(wire::record(wire::kChangeCipherSpec, bytes({0x02})));
  expect_local_alert(*f.server, result, AlertDescription::unexpected_message, AlertForm::encrypted);
}

TEST(MalformedRecord, ChangeCipherSpecValue2ToClient) {
  auto client = fresh_client();
  ASSERT_TRUE(client);
  const auto result = client->receive(wire::record(wire::kChangeCipherSpec, bytes({0x02})));
  expect_local_alert(*client, result, AlertDescription::unexpected_message, AlertForm::plaintext);
}

TEST(MalformedRecord, ChangeCipherSpecOfTwoBytes) {
  ConfigPair configs;
  FirstFlight f;
  ASSERT_TRUE(f.run(configs));
  const auto result = f.server->receive(wire::record(wire::kChangeCipherSpec, bytes({0x01, 0x01})));
  expect_local_alert(*f.server, result, AlertDescription::unexpected_message, AlertForm::encrypted);
}

TEST(MalformedRecord, EmptyChangeCipherSpec) {
  ConfigPair configs;
  FirstFlight f;
  ASSERT_TRUE(f.run(configs));
  const auto result = f.server->receive(wire::record(wire::kChangeCipherSpec, Bytes{}));
  expect_local_alert(*f.server, result, AlertDescription::unexpected_message, AlertForm::encrypted);
}

// Before the ClientHello a ChangeCipherSpec is not allowed (RFC 8446 5).
TEST(MalformedRecord, ChangeCipherSpecBeforeClientHello) {
  auto server = fresh_server();
  ASSERT_TRUE(server);
  const auto result = server->receive(wire::record(wire::kChangeCipherSpec, bytes({0x01})));
  expect_local_alert(*server, result, AlertDescription::unexpected_message, AlertForm::plaintext);
}

TEST(MalformedRecord, ChangeCipherSpecAfterHandshakeToServer) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const auto result = s.server->receive(wire::record(wire::kChangeCipherSpec, bytes({0x01})));
  expect_local_alert(*s.server, result, AlertDescription::unexpected_message, AlertForm::encrypted);
  expect_encrypted_alert_content(s, *s.server, AlertDescription::unexpected_message);
}

TEST(MalformedRecord, ChangeCipherSpecAfterHandshakeToClient) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const auto result = s.client->receive(wire::record(wire::kChangeCipherSpec, bytes({0x01})));
  expect_local_alert(*s.client, result, AlertDescription::unexpected_message, AlertForm::encrypted);
  expect_encrypted_alert_content(s, *s.client, AlertDescription::unexpected_message);
}

// An encrypted ChangeCipherSpec is never valid (RFC 8446 5).
TEST(MalformedRecord, EncryptedChangeCipherSpec) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const uint8_t one[] = {0x01};
  const auto result = s.server->receive(s.seal_as_client(ContentType::change_cipher_spec, one));
  expect_local_alert(*s.server, result, AlertDescription::unexpected_message, AlertForm::encrypted);
}

// ---- plaintext under keys ----

TEST(MalformedRecord, PlaintextHandshakeAfterHandshakeToServer) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  // A KeyUpdate (update_not_requested) in the clear.
  const Bytes key_update = wire::handshake(24, bytes({0x00}));
  const auto result = s.server->receive(wire::record(wire::kHandshake, key_update));
  expect_local_alert(*s.server, result, AlertDescription::unexpected_message, AlertForm::encrypted);
  expect_encrypted_alert_content(s, *s.server, AlertDescription::unexpected_message);
}

TEST(MalformedRecord, PlaintextHandshakeAfterServerHelloToClient) {
  ConfigPair configs;
  FirstFlight f;
  ASSERT_TRUE(f.run(configs));
  ASSERT_TRUE(feed(*f.client, f.server_records.at(0).bytes()).ok());  // ServerHello
  // EncryptedExtensions (empty) in the clear.
  const Bytes ee = wire::handshake(8, bytes({0x00, 0x00}));
  const auto result = f.client->receive(wire::record(wire::kHandshake, ee));
  expect_local_alert(*f.client, result, AlertDescription::unexpected_message, AlertForm::encrypted);
}

TEST(MalformedRecord, PlaintextApplicationDataLikeRecordAfterHandshake) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  // Application data "in the clear" is just a record that fails to open.
  const auto result = s.server->receive(wire::record(wire::kApplicationData, Bytes(64, 'p')));
  expect_local_alert(*s.server, result, AlertDescription::bad_record_mac, AlertForm::encrypted);
}

// RFC 8446 5.1: a message before a key change must end on a record
// boundary. A ServerHello record that also carries the start of the next
// message is unexpected_message. The client refuses it before it installs
// its own write keys, so its alert goes in the clear.
TEST(MalformedRecord, ServerHelloRecordCarriesPartOfTheNextMessage) {
  ConfigPair configs;
  FirstFlight f;
  ASSERT_TRUE(f.run(configs));
  Bytes body = f.server_records.at(0).body;
  append(body, bytes({0x08, 0x00, 0x00}));  // 3 of EncryptedExtensions' 4 header bytes
  const auto result = f.client->receive(wire::record(wire::kHandshake, body));
  expect_local_alert(*f.client, result, AlertDescription::unexpected_message, AlertForm::plaintext);
}

TEST(MalformedRecord, ServerHelloRecordCarriesAWholePlaintextMessage) {
  ConfigPair configs;
  FirstFlight f;
  ASSERT_TRUE(f.run(configs));
  Bytes body = f.server_records.at(0).body;
  append(body, wire::handshake(8, bytes({0x00, 0x00})));
  const auto result = f.client->receive(wire::record(wire::kHandshake, body));
  expect_local_alert(*f.client, result, AlertDescription::unexpected_message, AlertForm::plaintext);
}

// RFC 8446 5.1: every record other than an initial ClientHello carries
// legacy_record_version 0x0303, the server's very first record included
// (here: the alert refusing a bad record).
TEST(MalformedRecord, FirstRecordAlertFromServerUsesVersion0303) {
  auto server = fresh_server();
  ASSERT_TRUE(server);
  const auto result = server->receive(wire::record(wire::kApplicationData, bytes({1})));
  ASSERT_FALSE(result.ok());
  const auto records = wire::split_records(server->pending_output());
  ASSERT_EQ(records.size(), 1U);
  EXPECT_EQ(records[0].type, wire::kAlert);
  EXPECT_EQ(records[0].version, 0x0303) << "alert record is 15 03 01 ..., RFC 8446 5.1 wants 03 03";
}

// Same rule for the ServerHello, the server's first record of a normal
// handshake (only the initial ClientHello may say 03 01).
TEST(MalformedRecord, ServerHelloRecordUsesVersion0303) {
  ConfigPair configs;
  FirstFlight f;
  ASSERT_TRUE(f.run(configs));
  EXPECT_EQ(f.server_records.at(0).type, wire::kHandshake);
  EXPECT_EQ(f.server_records.at(0).version, 0x0303)
      << "ServerHello record is 16 03 01 ..., RFC 8446 5.1 wants 03 03";
  const auto records = wire::split_records(f.client_hello);
  EXPECT_EQ(records.at(0).version, 0x0301);  // allowed for the initial ClientHello
}

// A peer that announces a record and then goes away: truncation, not an
// alert (nothing is queued: the transport is gone).
TEST(MalformedRecord, EofInsideARecord) {
  auto server = fresh_server();
  ASSERT_TRUE(server);
  ASSERT_TRUE(server->receive(wire::record_header(wire::kHandshake, 100)).ok());
  const auto eof = server->receive_eof();
  ASSERT_FALSE(eof.ok());
  EXPECT_EQ(eof.error().kind, ErrorKind::premature_eof);
  EXPECT_TRUE(server->pending_output().empty());
}

}  // namespace
}  // namespace coda
