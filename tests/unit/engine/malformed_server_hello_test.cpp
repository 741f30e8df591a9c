// Malformed ServerHellos and HelloRetryRequests (RFC 8446 4.1.3, 4.1.4,
// 4.2) fed to a TLS 1.3 client: a real server's answer is captured in
// memory, rewritten (it is plaintext, so fields can be changed and lengths
// fixed up), and handed to the client that sent the ClientHello.
#include <gtest/gtest.h>

#include "support/malformed_support.hpp"

namespace coda {
namespace {

using test::AlertForm;
using test::ConfigPair;
using test::expect_local_alert;
using test::feed;
using test::FirstFlight;
namespace wire = test::wire;

constexpr uint16_t kX25519 = 0x001d;
constexpr uint16_t kP256 = 0x0017;
constexpr uint16_t kP384 = 0x0018;
constexpr uint16_t kP521 = 0x0019;

// The client offers TLS_AES_128_GCM_SHA256 only and groups x25519 (with a
// share) and secp256r1 (without one).
ConfigPair plain_configs() {
  ConfigPair c;
  c.client->cipher_suites = {CipherSuite::tls13_aes_128_gcm_sha256};
  c.client->groups = {NamedGroup::x25519, NamedGroup::secp256r1};
  c.client->key_shares = 1;
  return c;
}

// The server wants secp384r1, for which the client sent no share: it
// answers with a HelloRetryRequest.
ConfigPair retry_configs() {
  ConfigPair c;
  c.client->groups = {NamedGroup::x25519, NamedGroup::secp384r1};
  c.client->key_shares = 1;
  c.server->groups = {NamedGroup::secp384r1};
  return c;
}

struct Case {
  ConfigPair configs;
  FirstFlight flight;
  wire::Hello sh;

  explicit Case(ConfigPair c = plain_configs()) : configs(std::move(c)) {}
  bool run() {
    if (!flight.run(configs)) return false;
    sh = flight.server_hello();
    return true;
  }
  Connection& client() { return *flight.client; }
  Result<size_t> deliver(const wire::Hello& hello) { return feed(client(), hello.as_record()); }
};

// Runs a fresh exchange, applies `tamper` to the ServerHello, delivers it
// and expects `alert` in the clear (the client has no write keys yet).
template <typename F>
void expect_client_refuses(F tamper, AlertDescription alert, ConfigPair configs = plain_configs()) {
  Case c(std::move(configs));
  ASSERT_TRUE(c.run());
  wire::Hello hello = c.sh;
  tamper(hello);
  const auto result = c.deliver(hello);
  expect_local_alert(c.client(), result, alert, AlertForm::plaintext);
}

Bytes server_share_body(uint16_t group, const Bytes& key) {
  Bytes out;
  wire::put_u16(out, group);
  wire::put_u16(out, key.size());
  append(out, key);
  return out;
}

// ---- sanity ----

TEST(MalformedServerHello, UntouchedFlightCompletes) {
  Case c;
  ASSERT_TRUE(c.run());
  const auto result = feed(c.client(), c.sh.as_record());
  ASSERT_TRUE(result.ok()) << result.error().detail;
  std::vector<wire::Record> rest(c.flight.server_records.begin() + 1,
                                 c.flight.server_records.end());
  ASSERT_TRUE(feed(c.client(), wire::join_records(rest)).ok());
  EXPECT_TRUE(c.client().handshake_complete());
}

// ---- truncation ----

// Every prefix of the body in a correct header and record: decode_error,
// except the prefix that ends after compression_method. That one is a
// well-formed TLS 1.2 ServerHello (no extensions), refused with
// protocol_version by a 1.3-only client (RFC 8446 4.2.1).
TEST(MalformedServerHello, TruncatedAtEveryLength) {
  Case c;
  ASSERT_TRUE(c.run());
  const Bytes body = c.sh.body();
  for (size_t n = 0; n < body.size(); ++n) {
    SCOPED_TRACE("prefix of " + std::to_string(n) + " of " + std::to_string(body.size()));
    FirstFlight f;
    ASSERT_TRUE(f.run(c.configs));
    const Bytes message = wire::handshake(wire::kServerHello, ByteView(body).first(n));
    const auto result = feed(*f.client, wire::record(wire::kHandshake, message));
    const auto expected =
        n == c.sh.head.size() ? AlertDescription::protocol_version : AlertDescription::decode_error;
    expect_local_alert(*f.client, result, expected, AlertForm::plaintext);
    if (HasFatalFailure()) return;
  }
}

TEST(MalformedServerHello, ExtensionsBlockLengthOffByOne) {
  for (long delta : {-1L, +1L}) {
    Case c;
    ASSERT_TRUE(c.run());
    const auto result = feed(c.client(), c.sh.as_record(delta));
    expect_local_alert(c.client(), result, AlertDescription::decode_error, AlertForm::plaintext);
  }
}

// ---- fixed fields ----

TEST(MalformedServerHello, CipherSuiteNotOffered) {
  expect_client_refuses([](wire::Hello& h) { h.set_server_cipher_suite(0x1302); },
                        AlertDescription::illegal_parameter);
}

TEST(MalformedServerHello, UnknownCipherSuite) {
  expect_client_refuses([](wire::Hello& h) { h.set_server_cipher_suite(0x1399); },
                        AlertDescription::illegal_parameter);
}

TEST(MalformedServerHello, Tls12CipherSuite) {
  expect_client_refuses([](wire::Hello& h) { h.set_server_cipher_suite(0xc02b); },
                        AlertDescription::illegal_parameter);
}

TEST(MalformedServerHello, SessionIdNotEchoed) {
  expect_client_refuses(
      [](wire::Hello& h) {
        Bytes id = h.session_id();
        ASSERT_EQ(id.size(), 32U);  // middlebox compatibility mode
        id[7] ^= 0x01;
        h.set_session_id(id);
      },
      AlertDescription::illegal_parameter);
}

TEST(MalformedServerHello, SessionIdEmptied) {
  expect_client_refuses([](wire::Hello& h) { h.set_session_id({}); },
                        AlertDescription::illegal_parameter);
}

TEST(MalformedServerHello, SessionIdOf33Bytes) {
  expect_client_refuses([](wire::Hello& h) { h.set_session_id(Bytes(33, 1)); },
                        AlertDescription::decode_error);
}

TEST(MalformedServerHello, CompressionMethodOne) {
  expect_client_refuses([](wire::Hello& h) { h.set_server_compression(1); },
                        AlertDescription::illegal_parameter);
}

TEST(MalformedServerHello, LegacyVersion0304) {
  expect_client_refuses([](wire::Hello& h) { h.head[1] = 0x04; },
                        AlertDescription::illegal_parameter);
}

// ---- supported_versions ----

// RFC 8446 4.2.1: a version the client did not offer, or one below 1.3,
// is illegal_parameter.
TEST(MalformedServerHello, SelectedVersion0303) {
  expect_client_refuses(
      [](wire::Hello& h) {
        auto* v = h.find(wire::kExtSupportedVersions);
        ASSERT_NE(v, nullptr);
        v->body = {0x03, 0x03};
      },
      AlertDescription::illegal_parameter);
}

TEST(MalformedServerHello, SelectedVersionUnknown) {
  expect_client_refuses(
      [](wire::Hello& h) {
        h.find(wire::kExtSupportedVersions)->body = {0x7f, 0x1c};
      },
      AlertDescription::illegal_parameter);
}

TEST(MalformedServerHello, SupportedVersionsMissing) {
  expect_client_refuses([](wire::Hello& h) { h.remove(wire::kExtSupportedVersions); },
                        AlertDescription::protocol_version);
}

TEST(MalformedServerHello, SupportedVersionsOfThreeBytes) {
  expect_client_refuses(
      [](wire::Hello& h) {
        h.find(wire::kExtSupportedVersions)->body = {0x03, 0x04, 0x00};
      },
      AlertDescription::decode_error);
}

TEST(MalformedServerHello, SupportedVersionsInClientForm) {
  // A list (vec8 of versions) where one version belongs.
  expect_client_refuses(
      [](wire::Hello& h) {
        h.find(wire::kExtSupportedVersions)->body = {0x02, 0x03, 0x04};
      },
      AlertDescription::decode_error);
}

// ---- key_share ----

// RFC 8446 4.2.8: the server's share MUST be for a group the client sent a
// share for: secp256r1 was offered in supported_groups but without a share.
TEST(MalformedServerHello, KeyShareForGroupWithoutClientShare) {
  expect_client_refuses(
      [](wire::Hello& h) {
        auto* ks = h.find(wire::kExtKeyShare);
        ASSERT_NE(ks, nullptr);
        Bytes point(65, 0);
        point[0] = 4;
        ks->body = server_share_body(kP256, point);
      },
      AlertDescription::illegal_parameter);
}

TEST(MalformedServerHello, KeyShareForGroupNeverOffered) {
  expect_client_refuses(
      [](wire::Hello& h) {
        Bytes point(97, 0);
        point[0] = 4;
        h.find(wire::kExtKeyShare)->body = server_share_body(kP384, point);
      },
      AlertDescription::illegal_parameter);
}

TEST(MalformedServerHello, X25519ShareAllZeros) {
  expect_client_refuses(
      [](wire::Hello& h) {
        h.find(wire::kExtKeyShare)->body = server_share_body(kX25519, Bytes(32, 0));
      },
      AlertDescription::illegal_parameter);
}

TEST(MalformedServerHello, X25519ShareOf33Bytes) {
  expect_client_refuses(
      [](wire::Hello& h) {
        h.find(wire::kExtKeyShare)->body = server_share_body(kX25519, Bytes(33, 7));
      },
      AlertDescription::illegal_parameter);
}

TEST(MalformedServerHello, KeyShareWithEmptyKey) {
  expect_client_refuses(
      [](wire::Hello& h) { h.find(wire::kExtKeyShare)->body = server_share_body(kX25519, {}); },
      AlertDescription::decode_error);
}

TEST(MalformedServerHello, KeyShareInClientForm) {
  // A list of entries where one entry belongs: the lengths no longer match.
  expect_client_refuses(
      [](wire::Hello& h) {
        auto* ks = h.find(wire::kExtKeyShare);
        Bytes list;
        wire::put_u16(list, ks->body.size());
        append(list, ks->body);
        ks->body = list;
      },
      AlertDescription::decode_error);
}

TEST(MalformedServerHello, KeyShareMissing) {
  expect_client_refuses([](wire::Hello& h) { h.remove(wire::kExtKeyShare); },
                        AlertDescription::missing_extension);
}

// ---- other extensions ----

// RFC 8446 4.2: an extension the client did not offer.
TEST(MalformedServerHello, UnofferedExtension) {
  expect_client_refuses(
      [](wire::Hello& h) {
        h.extensions.push_back({0xfafa, Bytes{}});
      },
      AlertDescription::unsupported_extension);
}

// RFC 8446 4.2: an offered extension that does not belong in ServerHello
// (server_name goes in EncryptedExtensions).
TEST(MalformedServerHello, OfferedExtensionInWrongMessage) {
  expect_client_refuses(
      [](wire::Hello& h) {
        h.extensions.push_back({0, Bytes{}});
      },
      AlertDescription::illegal_parameter);
}

TEST(MalformedServerHello, DuplicateKeyShareExtension) {
  expect_client_refuses([](wire::Hello& h) { h.extensions.push_back(*h.find(wire::kExtKeyShare)); },
                        AlertDescription::illegal_parameter);
}

TEST(MalformedServerHello, DuplicateSupportedVersions) {
  expect_client_refuses(
      [](wire::Hello& h) { h.extensions.push_back(*h.find(wire::kExtSupportedVersions)); },
      AlertDescription::illegal_parameter);
}

// ---- HelloRetryRequest ----

TEST(MalformedServerHello, RetryFlightIsAHelloRetryRequest) {
  Case c(retry_configs());
  ASSERT_TRUE(c.run());
  const auto* ks = c.sh.find(wire::kExtKeyShare);
  ASSERT_NE(ks, nullptr);
  ASSERT_EQ(ks->body.size(), 2U);  // selected_group
  EXPECT_EQ(wire::get_u16(ks->body, 0), kP384);
}

// RFC 8446 4.1.4: a second HelloRetryRequest is unexpected_message.
TEST(MalformedServerHello, TwoHelloRetryRequests) {
  Case c(retry_configs());
  ASSERT_TRUE(c.run());
  ASSERT_TRUE(c.deliver(c.sh).ok());
  test::take_output(c.client());  // the second ClientHello
  const auto result = c.deliver(c.sh);
  expect_local_alert(c.client(), result, AlertDescription::unexpected_message,
                     AlertForm::plaintext);
}

// RFC 8446 4.1.4: a HelloRetryRequest that asks for a share the client
// already sent is illegal_parameter.
TEST(MalformedServerHello, RetryForGroupAlreadyShared) {
  expect_client_refuses(
      [](wire::Hello& h) {
        auto* ks = h.find(wire::kExtKeyShare);
        ASSERT_NE(ks, nullptr);
        ks->body.clear();
        wire::put_u16(ks->body, kX25519);
      },
      AlertDescription::illegal_parameter, retry_configs());
}

TEST(MalformedServerHello, RetryForGroupNotOffered) {
  expect_client_refuses(
      [](wire::Hello& h) {
        auto* ks = h.find(wire::kExtKeyShare);
        ks->body.clear();
        wire::put_u16(ks->body, kP521);
      },
      AlertDescription::illegal_parameter, retry_configs());
}

// RFC 8446 4.1.4: a HelloRetryRequest that would not change the
// ClientHello is illegal_parameter.
TEST(MalformedServerHello, RetryWithoutKeyShareOrCookie) {
  expect_client_refuses([](wire::Hello& h) { h.remove(wire::kExtKeyShare); },
                        AlertDescription::illegal_parameter, retry_configs());
}

TEST(MalformedServerHello, RetryWithoutSupportedVersions) {
  expect_client_refuses([](wire::Hello& h) { h.remove(wire::kExtSupportedVersions); },
                        AlertDescription::protocol_version, retry_configs());
}

TEST(MalformedServerHello, RetryWithCipherSuiteNotOffered) {
  ConfigPair configs = retry_configs();
  configs.client->cipher_suites = {CipherSuite::tls13_aes_128_gcm_sha256};
  expect_client_refuses([](wire::Hello& h) { h.set_server_cipher_suite(0x1303); },
                        AlertDescription::illegal_parameter, std::move(configs));
}

TEST(MalformedServerHello, RetryWithServerHelloShapedKeyShare) {
  expect_client_refuses(
      [](wire::Hello& h) {
        h.find(wire::kExtKeyShare)->body = server_share_body(kP384, Bytes(97, 4));
      },
      AlertDescription::decode_error, retry_configs());
}

TEST(MalformedServerHello, RetryWithEmptyCookie) {
  expect_client_refuses(
      [](wire::Hello& h) {
        h.extensions.push_back({44, Bytes{0, 0}});
      },
      AlertDescription::decode_error, retry_configs());
}

// RFC 8446 4.1.4: the ServerHello after a HelloRetryRequest must keep the
// HelloRetryRequest's cipher suite.
TEST(MalformedServerHello, CipherSuiteChangedAfterRetry) {
  ConfigPair configs = retry_configs();
  configs.client->cipher_suites = {CipherSuite::tls13_aes_128_gcm_sha256,
                                   CipherSuite::tls13_aes_256_gcm_sha384};
  Case c(std::move(configs));
  ASSERT_TRUE(c.run());
  ASSERT_EQ(c.sh.server_cipher_suite(), 0x1301);
  ASSERT_TRUE(feed(c.client(), wire::join_records(c.flight.server_records)).ok());
  // The real second ClientHello to the server; its ServerHello, tampered.
  ASSERT_TRUE(feed(*c.flight.server, test::take_output(c.client())).ok());
  const auto records = wire::split_records(test::take_output(*c.flight.server));
  ASSERT_FALSE(records.empty());
  auto sh = wire::parse_hello(ByteView(records[0].body).subspan(4), false);
  ASSERT_TRUE(sh.has_value());
  sh->set_server_cipher_suite(0x1302);
  const auto result = c.deliver(*sh);
  expect_local_alert(c.client(), result, AlertDescription::illegal_parameter, AlertForm::plaintext);
}

// After a HelloRetryRequest for secp384r1, a ServerHello whose share is for
// x25519 (the client's first share, dropped at the retry) is
// illegal_parameter (RFC 8446 4.2.8).
TEST(MalformedServerHello, ServerHelloAfterRetryForGroupOtherThanRequested) {
  ConfigPair configs = retry_configs();
  Case c(std::move(configs));
  ASSERT_TRUE(c.run());
  ASSERT_TRUE(feed(c.client(), wire::join_records(c.flight.server_records)).ok());
  ASSERT_TRUE(feed(*c.flight.server, test::take_output(c.client())).ok());
  const auto records = wire::split_records(test::take_output(*c.flight.server));
  auto sh = wire::parse_hello(ByteView(records.at(0).body).subspan(4), false);
  ASSERT_TRUE(sh.has_value());
  // x25519: the client's first share, dropped after the retry.
  sh->find(wire::kExtKeyShare)->body = server_share_body(kX25519, Bytes(32, 9));
  const auto result = c.deliver(*sh);
  expect_local_alert(c.client(), result, AlertDescription::illegal_parameter, AlertForm::plaintext);
}

// ---- the message itself ----

TEST(MalformedServerHello, ClientHelloSentToClient) {
  Case c;
  ASSERT_TRUE(c.run());
  const auto result = feed(
      c.client(), wire::record(wire::kHandshake, wire::handshake(wire::kClientHello, c.sh.body())));
  expect_local_alert(c.client(), result, AlertDescription::unexpected_message,
                     AlertForm::plaintext);
}

TEST(MalformedServerHello, FinishedInsteadOfServerHello) {
  Case c;
  ASSERT_TRUE(c.run());
  const auto result = feed(
      c.client(), wire::record(wire::kHandshake, wire::handshake(wire::kFinished, Bytes(32, 1))));
  expect_local_alert(c.client(), result, AlertDescription::unexpected_message,
                     AlertForm::plaintext);
}

TEST(MalformedServerHello, UnknownHandshakeType) {
  Case c;
  ASSERT_TRUE(c.run());
  const auto result = feed(c.client(), wire::record(wire::kHandshake, wire::handshake(0x63, {})));
  expect_local_alert(c.client(), result, AlertDescription::unexpected_message,
                     AlertForm::plaintext);
}

TEST(MalformedServerHello, ServerHelloTwice) {
  Case c;
  ASSERT_TRUE(c.run());
  ASSERT_TRUE(c.deliver(c.sh).ok());
  // The second copy comes in the clear after keys: unexpected_message.
  const auto result = c.deliver(c.sh);
  expect_local_alert(c.client(), result, AlertDescription::unexpected_message,
                     AlertForm::encrypted);
}

TEST(MalformedServerHello, MessageLengthAboveCap) {
  Case c;
  ASSERT_TRUE(c.run());
  const uint8_t header[] = {wire::kServerHello, 0x02, 0x00, 0x01};  // 131073
  const auto result = feed(c.client(), wire::record(wire::kHandshake, ByteView(header, 4)));
  expect_local_alert(c.client(), result, AlertDescription::decode_error, AlertForm::plaintext);
}

}  // namespace
}  // namespace coda
