// The server engine's choice of certificate chain, in both versions: by
// the client's server_name (RFC 6066 3), a chain valid for the name first,
// any other chain when none fits the name or the client's algorithms; and
// never a chain whose leaf may not sign (keyUsage, RFC 8446 4.4.2.2).
#include <gtest/gtest.h>

#include <string>

#include "crypto/x509.hpp"
#include "support/memory_pair.hpp"
#include "support/test_keys.hpp"
#include "support/test_pki.hpp"

namespace coda {
namespace {

using test::TestKeyType;

std::shared_ptr<const CertifiedKey> chain_for(const std::string& name, TestKeyType key,
                                              const std::string& key_usage = "digitalSignature") {
  test::LeafOptions options;
  options.key = key;
  options.dns_names = {name};
  options.key_usage = key_usage;
  const test::TestCert cert = test::default_pki().issue(options);
  auto loaded = CertifiedKey::from_pem(
      ByteView(reinterpret_cast<const uint8_t*>(cert.chain_pem.data()), cert.chain_pem.size()),
      ByteView(reinterpret_cast<const uint8_t*>(cert.key_pem.data()), cert.key_pem.size()));
  EXPECT_TRUE(loaded) << (loaded ? "" : loaded.error().detail);
  return loaded ? loaded.value() : nullptr;
}

class SniChoice : public ::testing::TestWithParam<ProtocolVersion> {
 protected:
  // The leaf the client got for `sni` from a server holding one chain for
  // first.test and one for second.test (in that order), both ECDSA unless
  // `second_key` says otherwise; empty when the handshake failed.
  std::string leaf_names_for(const std::string& sni, TestKeyType second_key,
                             const std::vector<SignatureScheme>& client_schemes = {},
                             const std::string& first_key_usage = "digitalSignature") {
    auto client = std::make_shared<Config>();
    client->role = Role::client;
    client->server_name = sni;
    client->verify_peer = false;  // the test looks at the leaf itself
    client->min_version = client->max_version = GetParam();
    client->signature_schemes = client_schemes;
    auto server = std::make_shared<Config>();
    server->role = Role::server;
    server->min_version = ProtocolVersion::tls12;
    server->max_version = ProtocolVersion::tls13;
    server->certificates = {chain_for("first.test", TestKeyType::ecdsa_p256, first_key_usage),
                            chain_for("second.test", second_key)};
    client->fill_defaults();
    server->fill_defaults();
    auto pair = test::make_pair(client, server);
    if (!pair.pump() || !pair.client->handshake_complete()) return {};
    EXPECT_EQ(pair.client->info().version, GetParam());
    const auto& chain = pair.client->info().peer_chain;
    if (chain.empty()) return {};
    return chain.front().matches_hostname("first.test")    ? "first.test"
           : chain.front().matches_hostname("second.test") ? "second.test"
                                                           : "other";
  }
};

TEST_P(SniChoice, TheChainForTheNameIsChosen) {
  EXPECT_EQ(leaf_names_for("first.test", TestKeyType::ecdsa_p256), "first.test");
  EXPECT_EQ(leaf_names_for("second.test", TestKeyType::ecdsa_p256), "second.test");
  EXPECT_EQ(leaf_names_for("SECOND.test", TestKeyType::ecdsa_p256), "second.test");
}

TEST_P(SniChoice, AnUnknownNameGetsTheFirstChain) {
  EXPECT_EQ(leaf_names_for("unknown.test", TestKeyType::ecdsa_p256), "first.test");
  EXPECT_EQ(leaf_names_for("", TestKeyType::ecdsa_p256), "first.test");
}

TEST_P(SniChoice, AChainTheClientCannotUseGivesWayToAnother) {
  // second.test's chain is Ed25519 and the client takes ECDSA only: it
  // gets first.test's chain rather than a failed handshake.
  EXPECT_EQ(leaf_names_for("second.test", TestKeyType::ed25519,
                           {SignatureScheme::ecdsa_secp256r1_sha256}),
            "first.test");
  EXPECT_EQ(leaf_names_for("second.test", TestKeyType::ed25519), "second.test");
}

TEST_P(SniChoice, ALeafThatMayNotSignIsNeverUsed) {
  // first.test's keyUsage allows key agreement only: its name does not win.
  EXPECT_EQ(leaf_names_for("first.test", TestKeyType::ecdsa_p256, {}, "keyAgreement"),
            "second.test");
  // Without a keyUsage extension any use is allowed (RFC 5280 4.2.1.3).
  EXPECT_EQ(leaf_names_for("first.test", TestKeyType::ecdsa_p256, {}, ""), "first.test");
}

TEST_P(SniChoice, NoLeafThatMaySignFailsTheHandshake) {
  auto client = std::make_shared<Config>();
  client->role = Role::client;
  client->server_name = "first.test";
  client->verify_peer = false;
  client->min_version = client->max_version = GetParam();
  auto server = std::make_shared<Config>();
  server->role = Role::server;
  server->min_version = ProtocolVersion::tls12;
  server->max_version = ProtocolVersion::tls13;
  server->certificates = {chain_for("first.test", TestKeyType::rsa2048, "keyEncipherment")};
  client->fill_defaults();
  server->fill_defaults();
  auto pair = test::make_pair(client, server);
  EXPECT_FALSE(pair.pump());
  ASSERT_TRUE(pair.server->error());
  EXPECT_EQ(pair.server->error()->alert, AlertDescription::handshake_failure);
}

INSTANTIATE_TEST_SUITE_P(Versions, SniChoice,
                         ::testing::Values(ProtocolVersion::tls13, ProtocolVersion::tls12),
                         [](const auto& info) {
                           return info.param == ProtocolVersion::tls13 ? "tls13" : "tls12";
                         });

}  // namespace
}  // namespace coda
