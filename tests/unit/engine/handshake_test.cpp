// Whole TLS 1.3 handshakes in memory: every suite x group x server key, HRR
// both ways, data both ways, closure both ways.
#include <gtest/gtest.h>

#include <tuple>

#include "crypto/x509.hpp"
#include "support/memory_pair.hpp"
#include "support/test_keys.hpp"
#include "support/test_pki.hpp"

namespace coda {
namespace {

using test::TestKeyType;

struct Peers {
  std::shared_ptr<Config> client = std::make_shared<Config>();
  std::shared_ptr<Config> server = std::make_shared<Config>();

  explicit Peers(TestKeyType key = TestKeyType::ecdsa_p256) {
    client->role = Role::client;
    client->server_name = "localhost";
    client->trust = test::trust_store();
    server->role = Role::server;
    server->certificates.push_back(test::certified_key(key));
    client->fill_defaults();
    server->fill_defaults();
  }
};

class SuiteGroupKey
    : public ::testing::TestWithParam<std::tuple<CipherSuite, NamedGroup, TestKeyType>> {};

TEST_P(SuiteGroupKey, HandshakeDataAndClose) {
  const auto [suite, group, key] = GetParam();
  Peers peers(key);
  peers.client->cipher_suites = {suite};
  peers.client->groups = {group};
  auto pair = test::make_pair(peers.client, peers.server);
  ASSERT_TRUE(pair.pump());
  ASSERT_TRUE(pair.client->handshake_complete());
  ASSERT_TRUE(pair.server->handshake_complete());
  EXPECT_EQ(pair.client->info().cipher_suite, suite);
  EXPECT_EQ(pair.server->info().cipher_suite, suite);
  EXPECT_EQ(pair.client->info().group, group);
  EXPECT_EQ(pair.server->info().server_name, "localhost");
  EXPECT_EQ(pair.client->info().peer_verify_status, 0U);
  EXPECT_FALSE(pair.client->info().hello_retry);

  EXPECT_EQ(pair.transfer(*pair.client, *pair.server, "ping"), "ping");
  EXPECT_EQ(pair.transfer(*pair.server, *pair.client, "pong"), "pong");
  const std::string big(100000, 'x');
  EXPECT_EQ(pair.transfer(*pair.client, *pair.server, big), big);
  // Idle: buffers are given back, and grow again on demand.
  pair.client->release_buffers();
  pair.server->release_buffers();
  EXPECT_EQ(pair.transfer(*pair.server, *pair.client, big), big);

  pair.client->close_write();
  ASSERT_TRUE(pair.pump());
  EXPECT_EQ(pair.server->read_state(), DirectionState::closed);
  EXPECT_EQ(pair.client->write_state(), DirectionState::closed);
  // TLS 1.3 half-close: the server may still send after the client's close_notify.
  EXPECT_EQ(pair.transfer(*pair.server, *pair.client, "late"), "late");
  pair.server->close_write();
  ASSERT_TRUE(pair.pump());
  EXPECT_EQ(pair.client->read_state(), DirectionState::closed);
}

INSTANTIATE_TEST_SUITE_P(
    All, SuiteGroupKey,
    ::testing::Combine(::testing::Values(CipherSuite::tls13_aes_128_gcm_sha256,
                                         CipherSuite::tls13_aes_256_gcm_sha384,
                                         CipherSuite::tls13_chacha20_poly1305_sha256),
                       ::testing::Values(NamedGroup::x25519, NamedGroup::secp256r1,
                                         NamedGroup::secp384r1),
                       ::testing::Values(TestKeyType::ecdsa_p256, TestKeyType::ecdsa_p384,
                                         TestKeyType::rsa2048, TestKeyType::ed25519)));

TEST(HelloRetry, ServerAsksForAnotherGroup) {
  Peers peers;
  peers.client->groups = {NamedGroup::x25519, NamedGroup::secp384r1};  // share for x25519 only
  peers.server->groups = {NamedGroup::secp384r1};
  auto pair = test::make_pair(peers.client, peers.server);
  ASSERT_TRUE(pair.pump());
  EXPECT_TRUE(pair.client->info().hello_retry);
  EXPECT_TRUE(pair.server->info().hello_retry);
  EXPECT_EQ(pair.client->info().group, NamedGroup::secp384r1);
  EXPECT_EQ(pair.transfer(*pair.client, *pair.server, "after hrr"), "after hrr");
}

TEST(HelloRetry, ServerPrecedencePicksItsGroup) {
  Peers peers;
  peers.client->groups = {NamedGroup::x25519, NamedGroup::secp256r1};
  peers.server->groups = {NamedGroup::secp256r1, NamedGroup::x25519};
  peers.server->server_precedence = true;
  auto pair = test::make_pair(peers.client, peers.server);
  ASSERT_TRUE(pair.pump());
  EXPECT_TRUE(pair.client->info().hello_retry);
  EXPECT_EQ(pair.client->info().group, NamedGroup::secp256r1);
}

TEST(HelloRetry, NoSharedGroupFails) {
  Peers peers;
  peers.client->groups = {NamedGroup::x25519};
  peers.server->groups = {NamedGroup::secp384r1};
  auto pair = test::make_pair(peers.client, peers.server);
  EXPECT_FALSE(pair.pump());
  ASSERT_TRUE(pair.client->error());
  EXPECT_EQ(pair.client->error()->kind, ErrorKind::peer_alert);
  EXPECT_EQ(pair.client->error()->alert, AlertDescription::handshake_failure);
}

// A Certificate message of about 118 KB (a leaf with thousands of names)
// is taken, as GnuTLS takes up to 128 KiB (handshake_reader.hpp), in both
// versions.
TEST(LargeChain, A118KilobyteCertificateIsAccepted) {
  test::LeafOptions options;
  options.dns_names = {"localhost"};
  for (int i = 0; options.dns_names.size() < 3500; ++i) {
    options.dns_names.push_back("name-" + std::to_string(i) + ".large-chain.example.org");
  }
  const test::TestCert cert = test::default_pki().issue(options);
  ASSERT_GT(cert.chain_pem.size(), 118U * 1024 * 4 / 3);  // PEM is base64 of the DER
  auto key = CertifiedKey::from_pem(
      ByteView(reinterpret_cast<const uint8_t*>(cert.chain_pem.data()), cert.chain_pem.size()),
      ByteView(reinterpret_cast<const uint8_t*>(cert.key_pem.data()), cert.key_pem.size()));
  ASSERT_TRUE(key) << key.error().detail;
  for (const ProtocolVersion version : {ProtocolVersion::tls13, ProtocolVersion::tls12}) {
    Peers peers;
    peers.server->certificates = {key.value()};
    peers.client->min_version = peers.client->max_version = version;
    peers.server->min_version = ProtocolVersion::tls12;
    auto pair = test::make_pair(peers.client, peers.server);
    ASSERT_TRUE(pair.pump()) << (pair.client->error() ? pair.client->error()->detail : "");
    EXPECT_TRUE(pair.client->handshake_complete());
    ASSERT_FALSE(pair.client->info().peer_chain.empty());
    EXPECT_GT(pair.client->info().peer_chain[0].der().size(), 118U * 1024);
  }
}

TEST(Verify, WrongHostnameIsRefused) {
  Peers peers;
  peers.client->server_name = "other.example";
  auto pair = test::make_pair(peers.client, peers.server);
  EXPECT_FALSE(pair.pump());
  ASSERT_TRUE(pair.server->error());
  EXPECT_EQ(pair.server->error()->alert, AlertDescription::bad_certificate);
  EXPECT_NE(pair.client->info().peer_verify_status & crypto::kVerifyUnexpectedOwner, 0U);
}

TEST(Verify, UnknownCaIsRefused) {
  Peers peers;
  test::TestPki other;
  peers.client->trust = test::trust_store(other);
  auto pair = test::make_pair(peers.client, peers.server);
  EXPECT_FALSE(pair.pump());
  ASSERT_TRUE(pair.server->error());
  EXPECT_EQ(pair.server->error()->alert, AlertDescription::unknown_ca);
}

TEST(Verify, NoVerificationAccepts) {
  Peers peers;
  peers.client->trust = nullptr;
  peers.client->verify_peer = false;
  auto pair = test::make_pair(peers.client, peers.server);
  EXPECT_TRUE(pair.pump());
  EXPECT_NE(pair.client->info().peer_verify_status, 0U);
}

TEST(Closure, SendAfterCloseIsRefused) {
  Peers peers;
  auto pair = test::make_pair(peers.client, peers.server);
  ASSERT_TRUE(pair.pump());
  pair.client->close_write();
  pair.client->close_write();  // once only
  const auto out = pair.client->pending_output();
  EXPECT_EQ(out.size(), 5U + 2U + 1U + 16U);  // one alert record
  EXPECT_FALSE(pair.client->send(as_bytes("x", 1)).ok());
}

TEST(Closure, EofBeforeCloseNotifyIsTruncation) {
  Peers peers;
  auto pair = test::make_pair(peers.client, peers.server);
  ASSERT_TRUE(pair.pump());
  auto status = pair.client->receive_eof();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::premature_eof);
  EXPECT_EQ(pair.client->read_state(), DirectionState::failed);
}

TEST(Closure, BytesAfterCloseNotifyAreLeftUnread) {
  Peers peers;
  auto pair = test::make_pair(peers.client, peers.server);
  ASSERT_TRUE(pair.pump());
  pair.server->close_write();
  Bytes wire(pair.server->pending_output().begin(), pair.server->pending_output().end());
  const size_t record = wire.size();
  wire.insert(wire.end(), {'P', 'L', 'A', 'I', 'N'});
  auto used = pair.client->receive(wire);
  ASSERT_TRUE(used.ok());
  EXPECT_EQ(*used, record);
  EXPECT_EQ(pair.client->read_state(), DirectionState::closed);
  EXPECT_TRUE(pair.client->receive_eof().ok());
}

// RFC 8446 5.5: the write key is renewed by KeyUpdate before it has
// protected too many records; data flows on unchanged.
TEST(KeyUpdate, WriteKeyIsRenewedAfterTheRecordLimit) {
  Peers peers;
  peers.client->key_update_after_records = 3;
  auto pair = test::make_pair(peers.client, peers.server);
  ASSERT_TRUE(pair.pump());
  int key_updates_seen = 0;
  pair.server->set_handshake_observer([&](uint8_t type, bool incoming, bool post, ByteView) {
    if (incoming && post && type == 24) ++key_updates_seen;
    return 0;
  });
  const std::string data(10 * 16384, 'k');  // ten full records
  EXPECT_EQ(pair.transfer(*pair.client, *pair.server, data), data);
  EXPECT_EQ(key_updates_seen, 3);  // before records 4, 7 and 10 under the keys then in use
  EXPECT_EQ(pair.transfer(*pair.server, *pair.client, "still in step"), "still in step");
}

// RFC 8446 6.1 and 4.6.3: after our close_notify a KeyUpdate that asks for
// ours is not answered (nothing may be sent), but it still switches the read
// keys, so the peer's close_notify behind it decrypts.
TEST(KeyUpdate, RequestAfterOurCloseNotifyIsNotAnswered) {
  Peers peers;
  auto pair = test::make_pair(peers.client, peers.server);
  ASSERT_TRUE(pair.pump());
  pair.client->close_write();
  ASSERT_GT(test::move_bytes(*pair.client, *pair.server), 0);
  ASSERT_EQ(pair.server->read_state(), DirectionState::closed);
  ASSERT_TRUE(pair.server->update_keys(/*request_peer=*/true).ok());
  pair.server->close_write();
  ASSERT_GT(test::move_bytes(*pair.server, *pair.client), 0);
  EXPECT_FALSE(pair.client->error().has_value());
  EXPECT_EQ(pair.client->read_state(), DirectionState::closed);
  EXPECT_EQ(pair.client->write_state(), DirectionState::closed);
  EXPECT_TRUE(pair.client->pending_output().empty());
}

}  // namespace
}  // namespace coda
