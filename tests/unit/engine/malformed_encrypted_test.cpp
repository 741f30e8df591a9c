// Malformed messages under encryption: the server's encrypted flight
// (EncryptedExtensions, Certificate, CertificateVerify, Finished) decrypted,
// rewritten and sealed again under the real handshake keys, and malformed
// post-handshake messages sealed under the application keys.
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

constexpr uint8_t kEncryptedExtensions = 8;
constexpr uint8_t kCertificate = 11;
constexpr uint8_t kCertificateRequest = 13;
constexpr uint8_t kCertificateVerify = 15;
constexpr uint8_t kNewSessionTicket = 4;
constexpr uint8_t kKeyUpdate = 24;

// A real first flight whose encrypted part the test can read and forge.
struct ForgedFlight {
  std::shared_ptr<test::RecordingRandom> random = std::make_shared<test::RecordingRandom>();
  ConfigPair configs;
  FirstFlight flight;
  std::vector<wire::Record> plaintext;  // ServerHello and the compat CCS
  std::vector<wire::Message> messages;  // EE, Certificate, CertificateVerify, Finished
  std::optional<record::Protection13> writer;

  bool run() {
    configs.client->groups = {NamedGroup::x25519};
    configs.client->random = random.get();
    if (!flight.run(configs)) return false;
    const Bytes client_hello = wire::split_records(flight.client_hello).at(0).body;
    const Bytes server_hello = flight.server_records.at(0).body;
    std::vector<wire::Record> encrypted;
    for (const auto& r : flight.server_records) {
      (r.type == wire::kApplicationData ? encrypted : plaintext).push_back(r);
    }
    auto sh = wire::parse_hello(ByteView(server_hello).subspan(4), false);
    auto ch = wire::parse_hello(ByteView(client_hello).subspan(4), true);
    if (!sh || !ch) return false;
    const ByteView client_public = ByteView(ch->find(wire::kExtKeyShare)->body).subspan(6);
    const ByteView server_public = ByteView(sh->find(wire::kExtKeyShare)->body).subspan(4);
    const auto* suite = hs::find_suite(sh->server_cipher_suite());
    if (suite == nullptr) return false;
    for (const Bytes& draw : random->fills()) {
      if (draw.size() != 32) continue;
      auto share = crypto::KeyShare::from_private(NamedGroup::x25519, draw);
      if (!share || !std::equal(share->public_key().begin(), share->public_key().end(),
                                client_public.begin(), client_public.end())) {
        continue;
      }
      auto shared = share->shared_secret(server_public);
      if (!shared) return false;
      hs::Transcript transcript;
      transcript.set_hash(suite->hash);
      transcript.add(client_hello);
      transcript.add(server_hello);
      hs::KeySchedule schedule(suite->hash);
      schedule.derive_handshake_secrets(ByteView(shared->data(), shared->size()),
                                        transcript.current());
      test::SessionKeys keys;
      keys.suite = suite;
      auto reader = keys.protection(schedule.server_handshake_secret());
      writer.emplace(keys.protection(schedule.server_handshake_secret()));
      Bytes content;
      for (auto r : encrypted) {
        auto opened = reader.open(wire::record_header(r.type, r.body.size()), r.body);
        if (!opened) return false;
        append(content, opened->content);
      }
      messages = wire::split_messages(content);
      return messages.size() == 4;
    }
    return false;
  }

  wire::Message& find(uint8_t type) {
    for (auto& m : messages) {
      if (m.type == type) return m;
    }
    ADD_FAILURE() << "no message of type " << int(type);
    return messages.front();
  }

  // The ServerHello (and CCS) in the clear, then `msgs` sealed, one record each.
  Result<size_t> deliver(const std::vector<wire::Message>& msgs) {
    Bytes out = wire::join_records(plaintext);
    for (const auto& m : msgs) {
      EXPECT_TRUE(writer->seal(ContentType::handshake, m.bytes(), out).ok());
    }
    return feed(*flight.client, out);
  }
  Connection& client() { return *flight.client; }
};

void expect_client_refuses(ForgedFlight& f, const std::vector<wire::Message>& msgs,
                           AlertDescription alert) {
  const auto result = f.deliver(msgs);
  expect_local_alert(f.client(), result, alert, AlertForm::encrypted);
}

TEST(MalformedEncrypted, ResealedFlightCompletes) {
  ForgedFlight f;
  ASSERT_TRUE(f.run());
  const auto result = f.deliver(f.messages);
  ASSERT_TRUE(result.ok()) << result.error().detail;
  EXPECT_TRUE(f.client().handshake_complete());
}

// RFC 8446 4.2: an extension the client did not offer.
TEST(MalformedEncrypted, EncryptedExtensionsWithUnofferedExtension) {
  ForgedFlight f;
  ASSERT_TRUE(f.run());
  auto msgs = f.messages;
  msgs[0].body = {0x00, 0x04, 0xfa, 0xfa, 0x00, 0x00};
  expect_client_refuses(f, msgs, AlertDescription::unsupported_extension);
}

// RFC 8446 4.2: an offered extension that does not belong in
// EncryptedExtensions (key_share).
TEST(MalformedEncrypted, EncryptedExtensionsWithKeyShare) {
  ForgedFlight f;
  ASSERT_TRUE(f.run());
  auto msgs = f.messages;
  msgs[0].body = {0x00, 0x04, 0x00, 0x33, 0x00, 0x00};
  expect_client_refuses(f, msgs, AlertDescription::illegal_parameter);
}

TEST(MalformedEncrypted, EncryptedExtensionsBadLength) {
  ForgedFlight f;
  ASSERT_TRUE(f.run());
  auto msgs = f.messages;
  msgs[0].body = {0x00, 0x05, 0x00, 0x00, 0x00, 0x00};
  expect_client_refuses(f, msgs, AlertDescription::decode_error);
}

TEST(MalformedEncrypted, CertificateBeforeEncryptedExtensions) {
  ForgedFlight f;
  ASSERT_TRUE(f.run());
  expect_client_refuses(f, {f.messages[1], f.messages[0]}, AlertDescription::unexpected_message);
}

TEST(MalformedEncrypted, FinishedRightAfterEncryptedExtensions) {
  ForgedFlight f;
  ASSERT_TRUE(f.run());
  expect_client_refuses(f, {f.messages[0], f.messages[3]}, AlertDescription::unexpected_message);
}

TEST(MalformedEncrypted, CertificateVerifyMissing) {
  ForgedFlight f;
  ASSERT_TRUE(f.run());
  expect_client_refuses(f, {f.messages[0], f.messages[1], f.messages[3]},
                        AlertDescription::unexpected_message);
}

// RFC 8446 4.4.2.4: a server MUST send a certificate.
TEST(MalformedEncrypted, EmptyCertificateList) {
  ForgedFlight f;
  ASSERT_TRUE(f.run());
  auto msgs = f.messages;
  msgs[1].body = {0x00, 0x00, 0x00, 0x00};
  expect_client_refuses(f, msgs, AlertDescription::decode_error);
}

TEST(MalformedEncrypted, CertificateThatIsNotDer) {
  ForgedFlight f;
  ASSERT_TRUE(f.run());
  auto msgs = f.messages;
  // context <0>, list <3+5+2>: one entry of 5 garbage bytes, no extensions.
  msgs[1].body = {0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x05, 1, 2, 3, 4, 5, 0x00, 0x00};
  expect_client_refuses(f, msgs, AlertDescription::bad_certificate);
}

TEST(MalformedEncrypted, CertificateWithNonEmptyContext) {
  ForgedFlight f;
  ASSERT_TRUE(f.run());
  auto msgs = f.messages;
  Bytes body{0x01, 0x07};
  append(body, ByteView(msgs[1].body).subspan(1));
  msgs[1].body = body;
  expect_client_refuses(f, msgs, AlertDescription::illegal_parameter);
}

TEST(MalformedEncrypted, CertificateListLengthOffByOne) {
  ForgedFlight f;
  ASSERT_TRUE(f.run());
  auto msgs = f.messages;
  msgs[1].body[3] ^= 0x01;
  expect_client_refuses(f, msgs, AlertDescription::decode_error);
}

// RFC 8446 4.4.3: a signature that does not verify is decrypt_error.
TEST(MalformedEncrypted, CertificateVerifyBadSignature) {
  ForgedFlight f;
  ASSERT_TRUE(f.run());
  auto msgs = f.messages;
  msgs[2].body.back() ^= 0x01;
  expect_client_refuses(f, msgs, AlertDescription::decrypt_error);
}

// RFC 8446 4.4.3: a scheme the client did not offer (rsa_pkcs1_sha1).
TEST(MalformedEncrypted, CertificateVerifySchemeNotOffered) {
  ForgedFlight f;
  ASSERT_TRUE(f.run());
  auto msgs = f.messages;
  msgs[2].body[0] = 0x02;
  msgs[2].body[1] = 0x01;
  expect_client_refuses(f, msgs, AlertDescription::illegal_parameter);
}

TEST(MalformedEncrypted, CertificateVerifyTruncated) {
  ForgedFlight f;
  ASSERT_TRUE(f.run());
  auto msgs = f.messages;
  msgs[2].body.resize(msgs[2].body.size() - 5);
  expect_client_refuses(f, msgs, AlertDescription::decode_error);
}

// RFC 8446 4.4.4: a wrong verify_data is decrypt_error.
TEST(MalformedEncrypted, FinishedWrongVerifyData) {
  ForgedFlight f;
  ASSERT_TRUE(f.run());
  auto msgs = f.messages;
  msgs[3].body[0] ^= 0x01;
  expect_client_refuses(f, msgs, AlertDescription::decrypt_error);
}

TEST(MalformedEncrypted, FinishedWrongLength) {
  ForgedFlight f;
  ASSERT_TRUE(f.run());
  auto msgs = f.messages;
  msgs[3].body.pop_back();
  expect_client_refuses(f, msgs, AlertDescription::decode_error);
}

// RFC 8446 5.1: the Finished that changes keys must end its record.
TEST(MalformedEncrypted, FinishedRecordCarriesMore) {
  ForgedFlight f;
  ASSERT_TRUE(f.run());
  Bytes out = wire::join_records(f.plaintext);
  for (size_t i = 0; i < 3; ++i) {
    ASSERT_TRUE(f.writer->seal(ContentType::handshake, f.messages[i].bytes(), out).ok());
  }
  Bytes last = f.messages[3].bytes();
  append(last, Bytes{kNewSessionTicket, 0});  // the start of a next message
  ASSERT_TRUE(f.writer->seal(ContentType::handshake, last, out).ok());
  const auto result = feed(f.client(), out);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::local_alert);
  EXPECT_EQ(result.error().alert, AlertDescription::unexpected_message) << result.error().detail;
}

TEST(MalformedEncrypted, ServerHelloUnderKeys) {
  ForgedFlight f;
  ASSERT_TRUE(f.run());
  const Bytes& raw = f.flight.server_records[0].body;
  const wire::Message sh{wire::kServerHello, Bytes(raw.begin() + 4, raw.end())};
  expect_client_refuses(f, {f.messages[0], sh}, AlertDescription::unexpected_message);
}

// ---- post-handshake ----

void expect_server_refuses_post(ObservedSession& s, const Bytes& message, AlertDescription alert) {
  const auto result = s.server->receive(s.seal_as_client(ContentType::handshake, message));
  expect_local_alert(*s.server, result, alert, AlertForm::encrypted);
}

void expect_client_refuses_post(ObservedSession& s, const Bytes& message, AlertDescription alert) {
  const auto result = s.client->receive(s.seal_as_server(ContentType::handshake, message));
  expect_local_alert(*s.client, result, alert, AlertForm::encrypted);
}

// RFC 8446 4.6.3: request_update other than 0 or 1 is illegal_parameter.
TEST(MalformedEncrypted, KeyUpdateWithValue2) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  expect_server_refuses_post(s, wire::handshake(kKeyUpdate, Bytes{2}),
                             AlertDescription::illegal_parameter);
}

TEST(MalformedEncrypted, KeyUpdateOfTwoBytes) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  expect_server_refuses_post(s, wire::handshake(kKeyUpdate, Bytes{0, 0}),
                             AlertDescription::decode_error);
}

TEST(MalformedEncrypted, EmptyKeyUpdate) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  expect_client_refuses_post(s, wire::handshake(kKeyUpdate, Bytes{}),
                             AlertDescription::decode_error);
}

// RFC 8446 5.1: KeyUpdate changes keys, so nothing may follow it in its record.
TEST(MalformedEncrypted, KeyUpdateRecordCarriesMore) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  Bytes both = wire::handshake(kKeyUpdate, Bytes{0});
  append(both, Bytes{kKeyUpdate, 0x00});
  const auto result = s.server->receive(s.seal_as_client(ContentType::handshake, both));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().alert, AlertDescription::unexpected_message) << result.error().detail;
}

TEST(MalformedEncrypted, ClientHelloAfterHandshake) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  expect_server_refuses_post(s, s.client_hello, AlertDescription::unexpected_message);
}

TEST(MalformedEncrypted, NewSessionTicketToServer) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  expect_server_refuses_post(s, wire::handshake(kNewSessionTicket, Bytes(20, 0)),
                             AlertDescription::unexpected_message);
}

TEST(MalformedEncrypted, TruncatedNewSessionTicket) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  // lifetime, age_add, then a nonce length that runs past the end.
  expect_client_refuses_post(s,
                             wire::handshake(kNewSessionTicket, Bytes{0, 0, 0, 1, 0, 0, 0, 2, 9}),
                             AlertDescription::decode_error);
}

// We never offer post_handshake_auth.
TEST(MalformedEncrypted, PostHandshakeCertificateRequest) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  const Bytes request{0x01, 0x05, 0x00, 0x08, 0x00, 0x0d, 0x00, 0x04, 0x00, 0x02, 0x04, 0x03};
  expect_client_refuses_post(s, wire::handshake(kCertificateRequest, request),
                             AlertDescription::unexpected_message);
}

TEST(MalformedEncrypted, SecondFinishedAfterHandshake) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  expect_server_refuses_post(s, wire::handshake(wire::kFinished, Bytes(32, 0)),
                             AlertDescription::unexpected_message);
}

TEST(MalformedEncrypted, CertificateAfterHandshake) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  expect_client_refuses_post(s, wire::handshake(kCertificate, Bytes{0, 0, 0, 0}),
                             AlertDescription::unexpected_message);
}

TEST(MalformedEncrypted, EncryptedExtensionsAfterHandshake) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  expect_client_refuses_post(s, wire::handshake(kEncryptedExtensions, Bytes{0, 0}),
                             AlertDescription::unexpected_message);
}

TEST(MalformedEncrypted, CertificateVerifyAfterHandshake) {
  ObservedSession s;
  ASSERT_TRUE(s.run());
  expect_server_refuses_post(s, wire::handshake(kCertificateVerify, Bytes{4, 3, 0, 0}),
                             AlertDescription::unexpected_message);
}

}  // namespace
}  // namespace coda
