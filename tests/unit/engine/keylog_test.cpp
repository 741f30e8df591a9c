// Secrets reported to the key log observer: GnuTLS's labels and order, the
// same values on both sides, the right lengths, a refusal that ends the
// handshake without an alert, and the NSS line format.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "engine/keylog_file.hpp"
#include "support/memory_pair.hpp"
#include "support/test_keys.hpp"
#include "support/test_pki.hpp"

namespace coda {
namespace {

using Logged = std::vector<std::pair<std::string, Bytes>>;

struct Peers {
  std::shared_ptr<Config> client = std::make_shared<Config>();
  std::shared_ptr<Config> server = std::make_shared<Config>();

  Peers(ProtocolVersion version, CipherSuite suite) {
    client->role = Role::client;
    client->server_name = "localhost";
    client->trust = test::trust_store();
    client->min_version = client->max_version = version;
    client->cipher_suites = {suite};
    server->role = Role::server;
    server->certificates.push_back(test::certified_key(test::TestKeyType::ecdsa_p256));
    server->min_version = server->max_version = version;
    client->fill_defaults();
    server->fill_defaults();
  }
};

Connection::SecretObserver recorder(Logged& out) {
  return [&out](const char* label, ByteView secret) {
    out.emplace_back(label, Bytes(secret.begin(), secret.end()));
    return 0;
  };
}

std::vector<std::string> labels(const Logged& logged) {
  std::vector<std::string> out;
  for (const auto& [label, secret] : logged) out.push_back(label);
  return out;
}

TEST(Keylog, Tls13LabelsOrderAndValuesMatchOnBothSides) {
  for (auto [suite, length] : {std::pair{CipherSuite::tls13_aes_128_gcm_sha256, size_t{32}},
                               std::pair{CipherSuite::tls13_aes_256_gcm_sha384, size_t{48}}}) {
    Peers peers(ProtocolVersion::tls13, suite);
    auto pair = test::make_pair(peers.client, peers.server);
    Logged client_log, server_log;
    pair.client->set_secret_observer(recorder(client_log));
    pair.server->set_secret_observer(recorder(server_log));
    ASSERT_TRUE(pair.pump());
    ASSERT_TRUE(pair.client->handshake_complete());
    const std::vector<std::string> expected = {
        "CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "EXPORTER_SECRET",
        "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0"};
    EXPECT_EQ(labels(client_log), expected);
    EXPECT_EQ(client_log, server_log);
    for (const auto& [label, secret] : client_log) EXPECT_EQ(secret.size(), length) << label;
    // The five secrets are distinct: none is a copy of another.
    for (size_t i = 0; i < client_log.size(); ++i) {
      for (size_t j = i + 1; j < client_log.size(); ++j) {
        EXPECT_NE(client_log[i].second, client_log[j].second);
      }
    }
    EXPECT_EQ(pair.client->info().client_random, pair.server->info().client_random);
    EXPECT_EQ(pair.client->info().server_random, pair.server->info().server_random);
    EXPECT_NE(pair.client->info().client_random, pair.client->info().server_random);
  }
}

TEST(Keylog, Tls12LogsTheMasterSecretAsClientRandom) {
  Peers peers(ProtocolVersion::tls12, CipherSuite::ecdhe_ecdsa_aes_128_gcm_sha256);
  auto pair = test::make_pair(peers.client, peers.server);
  Logged client_log, server_log;
  pair.client->set_secret_observer(recorder(client_log));
  pair.server->set_secret_observer(recorder(server_log));
  ASSERT_TRUE(pair.pump());
  ASSERT_EQ(labels(client_log), std::vector<std::string>{"CLIENT_RANDOM"});
  EXPECT_EQ(client_log, server_log);
  EXPECT_EQ(client_log[0].second.size(), 48U);  // RFC 5246 8.1
  EXPECT_EQ(pair.client->info().client_random, pair.server->info().client_random);
  EXPECT_EQ(pair.client->info().server_random, pair.server->info().server_random);
}

TEST(Keylog, ARefusalEndsTheHandshakeWithoutAnAlert) {
  for (auto version : {ProtocolVersion::tls13, ProtocolVersion::tls12}) {
    Peers peers(version, version == ProtocolVersion::tls13
                             ? CipherSuite::tls13_aes_128_gcm_sha256
                             : CipherSuite::ecdhe_ecdsa_aes_128_gcm_sha256);
    auto pair = test::make_pair(peers.client, peers.server);
    pair.client->set_secret_observer([](const char*, ByteView) { return -1; });
    EXPECT_FALSE(pair.pump());
    ASSERT_TRUE(pair.client->error().has_value());
    EXPECT_EQ(pair.client->error()->reason, Reason::hook_aborted);
    EXPECT_FALSE(pair.client->alert_sent().has_value());
    EXPECT_FALSE(pair.server->alert_received().has_value());
    EXPECT_FALSE(pair.client->handshake_complete());
  }
}

TEST(Keylog, NssLineFormat) {
  const uint8_t random[3] = {0x00, 0xab, 0x7f};
  const uint8_t secret[2] = {0xff, 0x01};
  EXPECT_EQ(nss_keylog_line("CLIENT_RANDOM", ByteView(random, 3), ByteView(secret, 2)),
            "CLIENT_RANDOM 00ab7f ff01\n");
}

TEST(Keylog, FileAppendsWholeLines) {
  const std::string path = ::testing::TempDir() + "coda_keylog_test.txt";
  std::remove(path.c_str());
  const uint8_t bytes[2] = {0x12, 0x34};
  for (int i = 0; i < 2; ++i) {
    auto file = KeylogFile::open(path);
    ASSERT_TRUE(file);
    (*file)->write("EXPORTER_SECRET", ByteView(bytes, 1), ByteView(bytes, 2));
  }
  std::FILE* in = std::fopen(path.c_str(), "r");
  ASSERT_NE(in, nullptr);
  char buf[128] = {};
  const size_t n = std::fread(buf, 1, sizeof buf - 1, in);
  std::fclose(in);
  std::remove(path.c_str());
  EXPECT_EQ(std::string(buf, n), "EXPORTER_SECRET 12 1234\nEXPORTER_SECRET 12 1234\n");
  EXPECT_FALSE(KeylogFile::open("/nonexistent-dir/keylog"));
}

}  // namespace
}  // namespace coda
