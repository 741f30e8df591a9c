// TLS 1.2 in memory: every 1.2 suite x group x fitting certificate, version
// negotiation from one ClientHello, the downgrade sentinel, refusals.
#include <gtest/gtest.h>

#include <tuple>

#include "handshake/cipher_suites.hpp"
#include "handshake/messages.hpp"
#include "support/memory_pair.hpp"
#include "support/test_keys.hpp"
#include "support/test_pki.hpp"
#include "support/tls_wire.hpp"

namespace coda {
namespace {

using test::TestKeyType;

struct Peers {
  std::shared_ptr<Config> client = std::make_shared<Config>();
  std::shared_ptr<Config> server = std::make_shared<Config>();

  Peers(TestKeyType key, ProtocolVersion client_max, ProtocolVersion server_max) {
    client->role = Role::client;
    client->server_name = "localhost";
    client->trust = test::trust_store();
    client->min_version = ProtocolVersion::tls12;
    client->max_version = client_max;
    server->role = Role::server;
    server->certificates.push_back(test::certified_key(key));
    server->min_version = ProtocolVersion::tls12;
    server->max_version = server_max;
    client->fill_defaults();
    server->fill_defaults();
  }
};

bool is_ecdsa_suite(CipherSuite s) {
  return hs::find_suite(s)->kx == hs::KeyExchange::ecdhe_ecdsa;
}

class Tls12Matrix
    : public ::testing::TestWithParam<std::tuple<CipherSuite, NamedGroup, TestKeyType>> {};

TEST_P(Tls12Matrix, HandshakeDataAndClose) {
  const auto [suite, group, key] = GetParam();
  Peers peers(key, ProtocolVersion::tls12, ProtocolVersion::tls12);
  peers.client->cipher_suites = {suite};
  // RFC 8422 5.1.1: an ECDSA certificate needs its curve in the client's
  // list; it comes after the group under test, which the server picks.
  peers.client->groups = {group};
  if (key == TestKeyType::ecdsa_p256 && group != NamedGroup::secp256r1) {
    peers.client->groups.push_back(NamedGroup::secp256r1);
  }
  if (key == TestKeyType::ecdsa_p384 && group != NamedGroup::secp384r1) {
    peers.client->groups.push_back(NamedGroup::secp384r1);
  }
  auto pair = test::make_pair(peers.client, peers.server);
  ASSERT_TRUE(pair.pump());
  ASSERT_TRUE(pair.client->handshake_complete());
  ASSERT_TRUE(pair.server->handshake_complete());
  EXPECT_EQ(pair.client->info().version, ProtocolVersion::tls12);
  EXPECT_EQ(pair.server->info().version, ProtocolVersion::tls12);
  EXPECT_EQ(pair.client->info().cipher_suite, suite);
  EXPECT_EQ(pair.client->info().group, group);
  EXPECT_EQ(pair.client->info().peer_verify_status, 0U);

  EXPECT_EQ(pair.transfer(*pair.client, *pair.server, "ping"), "ping");
  EXPECT_EQ(pair.transfer(*pair.server, *pair.client, "pong"), "pong");
  const std::string big(50000, 'y');
  EXPECT_EQ(pair.transfer(*pair.server, *pair.client, big), big);

  pair.client->close_write();
  ASSERT_TRUE(pair.pump());
  EXPECT_EQ(pair.server->read_state(), DirectionState::closed);
  // As TLS 1.3 does, a 1.2 session may keep sending after the peer's close.
  EXPECT_EQ(pair.transfer(*pair.server, *pair.client, "late"), "late");
  pair.server->close_write();
  ASSERT_TRUE(pair.pump());
  EXPECT_EQ(pair.client->read_state(), DirectionState::closed);
}

// Every suite with every group and every certificate kind that can
// authenticate it (ECDSA keys for ECDHE_ECDSA, RSA keys for ECDHE_RSA).
std::vector<std::tuple<CipherSuite, NamedGroup, TestKeyType>> fitting_combinations() {
  std::vector<std::tuple<CipherSuite, NamedGroup, TestKeyType>> out;
  for (CipherSuite suite :
       {CipherSuite::ecdhe_ecdsa_aes_128_gcm_sha256, CipherSuite::ecdhe_ecdsa_aes_256_gcm_sha384,
        CipherSuite::ecdhe_ecdsa_chacha20_poly1305_sha256,
        CipherSuite::ecdhe_rsa_aes_128_gcm_sha256, CipherSuite::ecdhe_rsa_aes_256_gcm_sha384,
        CipherSuite::ecdhe_rsa_chacha20_poly1305_sha256}) {
    for (NamedGroup group : {NamedGroup::x25519, NamedGroup::secp256r1, NamedGroup::secp384r1}) {
      for (TestKeyType key : {TestKeyType::ecdsa_p256, TestKeyType::ecdsa_p384,
                              TestKeyType::ed25519, TestKeyType::rsa2048}) {
        const bool rsa_key = key == TestKeyType::rsa2048;
        if (rsa_key != is_ecdsa_suite(suite)) out.emplace_back(suite, group, key);
      }
    }
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(All, Tls12Matrix, ::testing::ValuesIn(fitting_combinations()));

TEST(Tls12Negotiation, BothVersionsOfferedToATls12Server) {
  Peers peers(TestKeyType::ecdsa_p256, ProtocolVersion::tls13, ProtocolVersion::tls12);
  auto pair = test::make_pair(peers.client, peers.server);
  ASSERT_TRUE(pair.pump());
  EXPECT_EQ(pair.client->info().version, ProtocolVersion::tls12);
  EXPECT_EQ(pair.transfer(*pair.client, *pair.server, "hi"), "hi");
}

// RFC 5246 6.2.3: under TLS 1.2 keys a record may claim 2^14 + 2048 bytes
// (before keys, 2^14 + 256: malformed_record_test.cpp); one more is
// record_overflow on its header.
TEST(Tls12Records, KeysRaiseTheRecordLimitTo2Pow14Plus2048) {
  for (const size_t length : {size_t{16384 + 2048}, size_t{16384 + 2049}}) {
    Peers peers(TestKeyType::ecdsa_p256, ProtocolVersion::tls12, ProtocolVersion::tls12);
    auto pair = test::make_pair(peers.client, peers.server);
    ASSERT_TRUE(pair.pump());
    const uint8_t header[5] = {23, 3, 3, static_cast<uint8_t>(length >> 8),
                               static_cast<uint8_t>(length & 0xff)};
    auto took = pair.server->receive(ByteView(header, sizeof header));
    if (length == 16384 + 2048) {
      ASSERT_TRUE(took.ok()) << took.error().detail;
      EXPECT_EQ(pair.server->bytes_needed(), length);
    } else {
      ASSERT_FALSE(took.ok());
      EXPECT_EQ(took.error().alert, AlertDescription::record_overflow);
    }
  }
}

TEST(Tls12Negotiation, Tls13ServerAnswersATls12Client) {
  Peers peers(TestKeyType::ecdsa_p256, ProtocolVersion::tls12, ProtocolVersion::tls13);
  auto pair = test::make_pair(peers.client, peers.server);
  ASSERT_TRUE(pair.pump());
  EXPECT_EQ(pair.server->info().version, ProtocolVersion::tls12);
  EXPECT_EQ(pair.transfer(*pair.server, *pair.client, "hi"), "hi");
}

TEST(Tls12Negotiation, BothSidesTls13PreferTls13) {
  Peers peers(TestKeyType::ecdsa_p256, ProtocolVersion::tls13, ProtocolVersion::tls13);
  auto pair = test::make_pair(peers.client, peers.server);
  ASSERT_TRUE(pair.pump());
  EXPECT_EQ(pair.client->info().version, ProtocolVersion::tls13);
}

// A client without credentials offers nothing a server can accept, in any
// version mix: the handshake fails and the client never completes.
TEST(Tls12Negotiation, ClientWithoutCredentialsNeverCompletes) {
  for (ProtocolVersion client_max : {ProtocolVersion::tls12, ProtocolVersion::tls13}) {
    for (ProtocolVersion server_max : {ProtocolVersion::tls12, ProtocolVersion::tls13}) {
      Peers peers(TestKeyType::ecdsa_p256, client_max, server_max);
      peers.client->without_credentials = true;
      auto pair = test::make_pair(peers.client, peers.server);
      EXPECT_FALSE(pair.pump());
      EXPECT_FALSE(pair.client->handshake_complete());
      ASSERT_TRUE(pair.server->error().has_value());
      EXPECT_EQ(pair.server->error()->kind, ErrorKind::local_alert);
    }
  }
}

// A TLS 1.2 server with no certificate at all, and suites in common with
// the client, lacks credentials (GnuTLS: GNUTLS_E_INSUFFICIENT_CREDENTIALS).
TEST(Tls12Negotiation, ServerWithoutCertificatesLacksCredentials) {
  Peers peers(TestKeyType::ecdsa_p256, ProtocolVersion::tls12, ProtocolVersion::tls12);
  peers.server->certificates.clear();
  auto pair = test::make_pair(peers.client, peers.server);
  EXPECT_FALSE(pair.pump());
  ASSERT_TRUE(pair.server->error().has_value());
  EXPECT_EQ(pair.server->error()->reason, Reason::no_usable_certificate);
}

// A man in the middle strips supported_versions from the ClientHello: the
// 1.3-capable server answers 1.2 with the sentinel, and the client refuses.
TEST(Tls12Negotiation, DowngradeSentinelIsDetected) {
  Peers peers(TestKeyType::ecdsa_p256, ProtocolVersion::tls13, ProtocolVersion::tls13);
  auto client = Connection::create(peers.client);
  auto server = Connection::create(peers.server);
  ASSERT_TRUE(client.ok());
  ASSERT_TRUE(server.ok());
  const ByteView out = (*client)->pending_output();
  const auto records = test::wire::split_records(out);
  ASSERT_EQ(records.size(), 1U);
  auto hello = hs::ClientHello::parse(ByteView(records[0].body).subspan(4));
  ASSERT_TRUE(hello.ok());
  hello->supported_versions.clear();
  hello->key_shares.reset();
  const Bytes stripped = test::wire::record(
      test::wire::kHandshake, test::wire::handshake(test::wire::kClientHello, hello->serialize()));
  (*client)->consume_output(out.size());
  ASSERT_TRUE((*server)->receive(stripped).ok());
  EXPECT_EQ((*server)->info().version, ProtocolVersion::tls12);
  const Bytes answer((*server)->pending_output().begin(), (*server)->pending_output().end());
  auto result = (*client)->receive(answer);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().alert, AlertDescription::illegal_parameter);
}

// RFC 8996: a ClientHello offering only TLS 1.0/1.1 gets protocol_version.
TEST(Tls12Negotiation, OldVersionsAreRefused) {
  Peers peers(TestKeyType::ecdsa_p256, ProtocolVersion::tls12, ProtocolVersion::tls13);
  auto client = Connection::create(peers.client);
  auto server = Connection::create(peers.server);
  ASSERT_TRUE(client.ok() && server.ok());
  const auto records = test::wire::split_records((*client)->pending_output());
  auto hello = hs::ClientHello::parse(ByteView(records[0].body).subspan(4));
  ASSERT_TRUE(hello.ok());
  for (uint16_t legacy : {0x0301, 0x0302}) {
    auto fresh = Connection::create(peers.server);
    ASSERT_TRUE(fresh.ok());
    hello->legacy_version = legacy;
    const Bytes old =
        test::wire::record(test::wire::kHandshake,
                           test::wire::handshake(test::wire::kClientHello, hello->serialize()));
    auto result = (*fresh)->receive(old);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().alert, AlertDescription::protocol_version);
  }
}

TEST(Tls12Negotiation, ClientWithoutTls12RefusesATls12Server) {
  Peers peers(TestKeyType::ecdsa_p256, ProtocolVersion::tls13, ProtocolVersion::tls12);
  peers.client->min_version = ProtocolVersion::tls13;
  auto pair = test::make_pair(peers.client, peers.server);
  EXPECT_FALSE(pair.pump());
}

// RFC 8422 5.1.1: a P-384 certificate is not used with a client that lists
// only x25519 and P-256; a P-256 one is chosen instead when there is one.
TEST(Tls12Certificates, EcdsaCurveMustBeOneTheClientLists) {
  Peers peers(TestKeyType::ecdsa_p384, ProtocolVersion::tls12, ProtocolVersion::tls12);
  peers.client->groups = {NamedGroup::x25519, NamedGroup::secp256r1};
  auto refused = test::make_pair(peers.client, peers.server);
  EXPECT_FALSE(refused.pump());
  ASSERT_TRUE(refused.server->error());
  EXPECT_EQ(refused.server->error()->alert, AlertDescription::handshake_failure);

  peers.server->certificates.push_back(test::certified_key(TestKeyType::ecdsa_p256));
  auto chosen = test::make_pair(peers.client, peers.server);
  ASSERT_TRUE(chosen.pump());
  EXPECT_EQ(chosen.client->info().peer_signature_scheme, SignatureScheme::ecdsa_secp256r1_sha256);
}

}  // namespace
}  // namespace coda
