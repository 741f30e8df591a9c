// ALPN (RFC 7301) end to end in memory, both versions: whose order wins,
// no overlap, the mandatory server, and the client's checks of the answer.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "handshake/alpn.hpp"
#include "support/memory_pair.hpp"
#include "support/test_keys.hpp"
#include "support/test_pki.hpp"

namespace coda {
namespace {

using Names = std::vector<std::string>;

struct Case {
  ProtocolVersion version;
  const char* name;
};

class Alpn : public ::testing::TestWithParam<Case> {
 protected:
  std::shared_ptr<Config> client = std::make_shared<Config>();
  std::shared_ptr<Config> server = std::make_shared<Config>();

  void SetUp() override {
    const ProtocolVersion v = GetParam().version;
    client->role = Role::client;
    client->server_name = "localhost";
    client->trust = test::trust_store();
    client->min_version = client->max_version = v;
    server->role = Role::server;
    server->certificates.push_back(test::certified_key(test::TestKeyType::ecdsa_p256));
    server->min_version = server->max_version = v;
    client->fill_defaults();
    server->fill_defaults();
  }

  // Runs the handshake; returns what each side settled on, or fails.
  std::pair<std::string, std::string> negotiate() {
    auto pair = test::make_pair(client, server);
    EXPECT_TRUE(pair.pump());
    EXPECT_TRUE(pair.client->handshake_complete());
    return {pair.client->info().alpn, pair.server->info().alpn};
  }
};

TEST_P(Alpn, TheClientsOrderWinsByDefault) {
  client->alpn_protocols = {"h2", "http/1.1"};
  server->alpn_protocols = {"http/1.1", "h2"};
  EXPECT_EQ(negotiate(), std::make_pair(std::string("h2"), std::string("h2")));
}

TEST_P(Alpn, ServerPrecedence) {
  client->alpn_protocols = {"h2", "http/1.1"};
  server->alpn_protocols = {"http/1.1", "h2"};
  server->alpn_server_precedence = true;
  EXPECT_EQ(negotiate(), std::make_pair(std::string("http/1.1"), std::string("http/1.1")));
}

TEST_P(Alpn, NoOverlapOrOneSideWithoutAlpnSettlesOnNone) {
  client->alpn_protocols = {"h2"};
  server->alpn_protocols = {"spdy/3"};
  EXPECT_EQ(negotiate(), std::make_pair(std::string(), std::string()));
  server->alpn_protocols.clear();
  EXPECT_EQ(negotiate(), std::make_pair(std::string(), std::string()));
  // A "mandatory" client does not fail for want of an answer (GnuTLS).
  client->alpn_mandatory = true;
  EXPECT_EQ(negotiate(), std::make_pair(std::string(), std::string()));
  client->alpn_protocols.clear();
  server->alpn_protocols = {"h2"};
  EXPECT_EQ(negotiate(), std::make_pair(std::string(), std::string()));
}

TEST_P(Alpn, MandatoryServerSendsNoApplicationProtocol) {
  client->alpn_protocols = {"h2"};
  server->alpn_protocols = {"spdy/3"};
  server->alpn_mandatory = true;
  auto pair = test::make_pair(client, server);
  EXPECT_FALSE(pair.pump());
  ASSERT_TRUE(pair.server->error().has_value());
  EXPECT_EQ(pair.server->error()->alert, AlertDescription::no_application_protocol);
  ASSERT_TRUE(pair.client->alert_received().has_value());
  EXPECT_EQ(*pair.client->alert_received(), AlertDescription::no_application_protocol);
}

INSTANTIATE_TEST_SUITE_P(Versions, Alpn,
                         ::testing::Values(Case{ProtocolVersion::tls13, "tls13"},
                                           Case{ProtocolVersion::tls12, "tls12"}),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(AlpnAnswer, AProtocolWeDidNotOfferIsIllegal) {
  Config config;
  config.alpn_protocols = {"h2"};
  SessionInfo info;
  const Status status = hs::accept_alpn(config, std::string("spdy/3"), info);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().alert, AlertDescription::illegal_parameter);
  EXPECT_TRUE(info.alpn.empty());
  ASSERT_TRUE(hs::accept_alpn(config, std::string("h2"), info));
  EXPECT_EQ(info.alpn, "h2");
}

TEST(AlpnChoice, FirstCommonNameInTheDecidingOrder) {
  Config config;
  config.alpn_protocols = {"c", "b"};
  EXPECT_EQ(*hs::choose_alpn(config, Names{"a", "b", "c"}), std::optional<std::string>("b"));
  config.alpn_server_precedence = true;
  EXPECT_EQ(*hs::choose_alpn(config, Names{"a", "b", "c"}), std::optional<std::string>("c"));
  EXPECT_EQ(*hs::choose_alpn(config, Names{}), std::nullopt);
  config.alpn_mandatory = true;
  EXPECT_FALSE(hs::choose_alpn(config, Names{"a"}));
  EXPECT_EQ(*hs::choose_alpn(config, Names{}), std::nullopt);  // nothing offered
  config.alpn_protocols.clear();  // a server without ALPN ignores the client's
  EXPECT_EQ(*hs::choose_alpn(config, Names{"a"}), std::nullopt);
}

}  // namespace
}  // namespace coda
