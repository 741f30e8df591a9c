// Malformed ClientHellos (RFC 8446 4.1.2, 4.2, 9.2) fed to a TLS 1.3-only
// server: every truncation of a real ClientHello, broken lengths, duplicate
// and missing extensions, bad key shares, a second ClientHello that ignores
// the HelloRetryRequest, and handshake messages the server never expects.
#include <gtest/gtest.h>

#include "support/malformed_support.hpp"

namespace coda {
namespace {

using test::AlertForm;
using test::ConfigPair;
using test::expect_local_alert;
using test::feed;
namespace wire = test::wire;

constexpr uint16_t kX25519 = 0x001d;
constexpr uint16_t kP256 = 0x0017;
constexpr uint16_t kP384 = 0x0018;

const ConfigPair& configs() {
  static const ConfigPair pair;
  return pair;
}

std::unique_ptr<Connection> fresh_server() {
  return test::connect(configs().server);
}

// A real ClientHello, from a client Connection's first output.
wire::Hello real_client_hello(std::shared_ptr<const Config> client_config = nullptr) {
  auto client = test::connect(client_config ? client_config : configs().client);
  EXPECT_TRUE(client);
  if (!client) return {};
  const auto records = wire::split_records(test::take_output(*client));
  EXPECT_EQ(records.size(), 1U);
  EXPECT_EQ(records.at(0).type, wire::kHandshake);
  EXPECT_EQ(records.at(0).body.at(0), wire::kClientHello);
  auto hello = wire::parse_hello(ByteView(records.at(0).body).subspan(4), /*client=*/true);
  EXPECT_TRUE(hello.has_value());
  return hello.value_or(wire::Hello{});
}

// Sends `record_bytes` to a fresh server and expects `alert` in the clear.
void expect_refused_bytes(const Bytes& record_bytes, AlertDescription alert) {
  auto server = fresh_server();
  ASSERT_TRUE(server);
  const auto result = feed(*server, record_bytes);
  expect_local_alert(*server, result, alert, AlertForm::plaintext);
}

void expect_refused(const wire::Hello& hello, AlertDescription alert, long block_delta = 0) {
  expect_refused_bytes(hello.as_record(block_delta), alert);
}

// ---- sanity: the unmodified hello is accepted ----

TEST(MalformedClientHello, RealHelloIsAcceptedAfterReserialization) {
  const auto hello = real_client_hello();
  auto server = fresh_server();
  ASSERT_TRUE(server);
  const auto result = feed(*server, hello.as_record());
  ASSERT_TRUE(result.ok()) << result.error().detail;
  EXPECT_FALSE(server->pending_output().empty());
}

// ---- truncation ----

// Every prefix of the body, wrapped in a correct handshake header and
// record: decode_error, except the prefix that ends right after the
// compression methods. That one is a well-formed TLS 1.2 ClientHello without
// extensions (RFC 5246 7.4.1.2), which a 1.3-only server refuses with
// protocol_version.
TEST(MalformedClientHello, TruncatedAtEveryLength) {
  const auto hello = real_client_hello();
  const Bytes body = hello.body();
  ASSERT_GT(body.size(), 100U);
  for (size_t n = 0; n < body.size(); ++n) {
    SCOPED_TRACE("prefix of " + std::to_string(n) + " of " + std::to_string(body.size()));
    const Bytes message = wire::handshake(wire::kClientHello, ByteView(body).first(n));
    const auto expected = n == hello.head.size() ? AlertDescription::protocol_version
                                                 : AlertDescription::decode_error;
    expect_refused_bytes(wire::record(wire::kHandshake, message), expected);
    if (HasFatalFailure()) return;
  }
}

// RFC 8446 D.5: legacy_version 0x0300 (SSL 3.0) or below is refused with
// protocol_version even when supported_versions offers TLS 1.3.
TEST(MalformedClientHello, LegacyVersionSsl3WithTls13Offered) {
  for (const uint16_t legacy : {uint16_t{0x0300}, uint16_t{0x0200}, uint16_t{0x0000}}) {
    SCOPED_TRACE(legacy);
    wire::Hello hello = real_client_hello();
    ASSERT_NE(hello.find(wire::kExtSupportedVersions), nullptr);
    hello.head[0] = static_cast<uint8_t>(legacy >> 8U);
    hello.head[1] = static_cast<uint8_t>(legacy);
    expect_refused(hello, AlertDescription::protocol_version);
  }
  // 0x0301 (what real clients may send) is still served.
  wire::Hello hello = real_client_hello();
  hello.head[1] = 0x01;
  auto server = fresh_server();
  ASSERT_TRUE(server);
  const auto result = server->receive(hello.as_record());
  ASSERT_TRUE(result.ok()) << result.error().detail;
  EXPECT_FALSE(server->error().has_value());
}

// Every prefix of the record: not an error, just not enough bytes yet.
TEST(MalformedClientHello, IncompleteRecordWaits) {
  const Bytes record = real_client_hello().as_record();
  for (size_t n = 0; n < record.size(); ++n) {
    SCOPED_TRACE("prefix of " + std::to_string(n));
    auto server = fresh_server();
    ASSERT_TRUE(server);
    const auto result = server->receive(ByteView(record).first(n));
    ASSERT_TRUE(result.ok()) << result.error().detail;
    EXPECT_EQ(*result, n);
    EXPECT_TRUE(server->pending_output().empty());
    EXPECT_FALSE(server->error().has_value());
    EXPECT_GT(server->bytes_needed(), 0U);
  }
}

// The handshake header announces the whole body but the record carries the
// message one byte at a time, each byte its own record: accepted.
TEST(MalformedClientHello, OneByteRecordsAreReassembled) {
  const Bytes message = real_client_hello().message();
  auto server = fresh_server();
  ASSERT_TRUE(server);
  for (uint8_t b : message) {
    const uint8_t one[] = {b};
    const auto result = server->receive(wire::record(wire::kHandshake, ByteView(one, 1)));
    ASSERT_TRUE(result.ok()) << result.error().detail;
  }
  EXPECT_FALSE(server->error().has_value());
  EXPECT_FALSE(server->pending_output().empty());
}

// ---- lengths ----

TEST(MalformedClientHello, ExtensionsBlockLengthOneTooLong) {
  expect_refused(real_client_hello(), AlertDescription::decode_error, +1);
}

TEST(MalformedClientHello, ExtensionsBlockLengthOneTooShort) {
  expect_refused(real_client_hello(), AlertDescription::decode_error, -1);
}

// Each extension's own length field off by one, the block length kept.
TEST(MalformedClientHello, ExtensionLengthOffByOne) {
  const auto hello = real_client_hello();
  const Bytes body = hello.body();
  size_t at = hello.head.size() + 2;
  for (const auto& ext : hello.extensions) {
    for (int delta : {-1, +1}) {
      if (ext.body.empty() && delta < 0) continue;
      SCOPED_TRACE("extension " + std::to_string(ext.type) + " length " +
                   (delta > 0 ? "+1" : "-1"));
      Bytes broken = body;
      const size_t len = ext.body.size() + static_cast<size_t>(static_cast<long>(delta));
      broken[at + 2] = static_cast<uint8_t>(len >> 8U);
      broken[at + 3] = static_cast<uint8_t>(len);
      expect_refused_bytes(
          wire::record(wire::kHandshake, wire::handshake(wire::kClientHello, broken)),
          AlertDescription::decode_error);
    }
    at += 4 + ext.body.size();
  }
}

// Each extension's body cut by one byte (its length field fixed up): the
// vectors inside no longer add up.
TEST(MalformedClientHello, ExtensionBodyShortByOne) {
  const auto hello = real_client_hello();
  for (size_t i = 0; i < hello.extensions.size(); ++i) {
    if (hello.extensions[i].body.empty()) continue;
    SCOPED_TRACE("extension " + std::to_string(hello.extensions[i].type));
    auto broken = hello;
    broken.extensions[i].body.pop_back();
    expect_refused(broken, AlertDescription::decode_error);
  }
}

TEST(MalformedClientHello, TrailingByteAfterExtensions) {
  const auto hello = real_client_hello();
  Bytes body = hello.body();
  body.push_back(0);
  expect_refused_bytes(wire::record(wire::kHandshake, wire::handshake(wire::kClientHello, body)),
                       AlertDescription::decode_error);
}

TEST(MalformedClientHello, SessionIdOf33Bytes) {
  auto hello = real_client_hello();
  hello.set_session_id(Bytes(33, 0x5a));
  expect_refused(hello, AlertDescription::decode_error);
}

TEST(MalformedClientHello, OddCipherSuitesLength) {
  auto hello = real_client_hello();
  const size_t at = hello.client_suites_at();
  // Announce one byte less: the list is odd and the rest misaligned.
  const size_t len = wire::get_u16(hello.head, at) - 1;
  hello.head[at] = static_cast<uint8_t>(len >> 8U);
  hello.head[at + 1] = static_cast<uint8_t>(len);
  expect_refused(hello, AlertDescription::decode_error);
}

TEST(MalformedClientHello, EmptyCipherSuites) {
  auto hello = real_client_hello();
  hello.set_client_cipher_suites({});
  expect_refused(hello, AlertDescription::decode_error);
}

TEST(MalformedClientHello, EmptyCompressionMethods) {
  auto hello = real_client_hello();
  hello.set_client_compression({});
  expect_refused(hello, AlertDescription::decode_error);
}

// ---- extensions ----

TEST(MalformedClientHello, DuplicateSupportedGroups) {
  auto hello = real_client_hello();
  const auto* groups = hello.find(wire::kExtSupportedGroups);
  ASSERT_NE(groups, nullptr);
  hello.extensions.push_back(*groups);
  expect_refused(hello, AlertDescription::illegal_parameter);
}

TEST(MalformedClientHello, DuplicateUnknownExtension) {
  auto hello = real_client_hello();
  hello.extensions.insert(hello.extensions.begin(), {0xfafa, Bytes{}});
  hello.extensions.push_back({0xfafa, Bytes{1}});
  expect_refused(hello, AlertDescription::illegal_parameter);
}

TEST(MalformedClientHello, TwoKeySharesForOneGroup) {
  auto hello = real_client_hello();
  auto* ks = hello.find(wire::kExtKeyShare);
  ASSERT_NE(ks, nullptr);
  const Bytes key(ks->body.begin() + 6, ks->body.end());
  ks->body = wire::client_key_share_body({{kX25519, key}, {kX25519, key}});
  expect_refused(hello, AlertDescription::illegal_parameter);
}

// RFC 8446 4.2.1 / 4.1.2: without supported_versions this is a TLS 1.2
// hello, and this server speaks only 1.3.
TEST(MalformedClientHello, NoSupportedVersions) {
  auto hello = real_client_hello();
  ASSERT_NE(hello.find(wire::kExtSupportedVersions), nullptr);
  hello.remove(wire::kExtSupportedVersions);
  expect_refused(hello, AlertDescription::protocol_version);
}

TEST(MalformedClientHello, SupportedVersionsWithoutTls13) {
  auto hello = real_client_hello();
  auto* versions = hello.find(wire::kExtSupportedVersions);
  ASSERT_NE(versions, nullptr);
  versions->body = {0x04, 0x03, 0x03, 0x03, 0x02};
  expect_refused(hello, AlertDescription::protocol_version);
}

TEST(MalformedClientHello, SupportedVersionsOddLength) {
  auto hello = real_client_hello();
  auto* versions = hello.find(wire::kExtSupportedVersions);
  ASSERT_NE(versions, nullptr);
  versions->body = {0x03, 0x03, 0x04, 0x03};
  expect_refused(hello, AlertDescription::decode_error);
}

// RFC 8446 4.1.2: legacy_compression_methods MUST be exactly {0} in 1.3.
TEST(MalformedClientHello, CompressionMethodOne) {
  auto hello = real_client_hello();
  hello.set_client_compression({1});
  expect_refused(hello, AlertDescription::illegal_parameter);
}

TEST(MalformedClientHello, CompressionMethodsNullAndDeflate) {
  auto hello = real_client_hello();
  hello.set_client_compression({0, 1});
  expect_refused(hello, AlertDescription::illegal_parameter);
}

// RFC 8446 9.2: without a PSK, signature_algorithms, supported_groups and
// key_share are mandatory.
TEST(MalformedClientHello, MissingSignatureAlgorithms) {
  auto hello = real_client_hello();
  ASSERT_NE(hello.find(wire::kExtSignatureAlgorithms), nullptr);
  hello.remove(wire::kExtSignatureAlgorithms);
  expect_refused(hello, AlertDescription::missing_extension);
}

TEST(MalformedClientHello, MissingKeyShare) {
  auto hello = real_client_hello();
  ASSERT_NE(hello.find(wire::kExtKeyShare), nullptr);
  hello.remove(wire::kExtKeyShare);
  expect_refused(hello, AlertDescription::missing_extension);
}

TEST(MalformedClientHello, MissingSupportedGroups) {
  auto hello = real_client_hello();
  ASSERT_NE(hello.find(wire::kExtSupportedGroups), nullptr);
  hello.remove(wire::kExtSupportedGroups);
  expect_refused(hello, AlertDescription::missing_extension);
}

// RFC 8446 4.2.8: each share MUST be for a group in supported_groups.
TEST(MalformedClientHello, KeyShareForGroupNotInSupportedGroups) {
  auto hello = real_client_hello();
  auto* groups = hello.find(wire::kExtSupportedGroups);
  ASSERT_NE(groups, nullptr);
  groups->body = wire::u16_list_body({kP256, kP384});  // the share is x25519
  expect_refused(hello, AlertDescription::illegal_parameter);
}

TEST(MalformedClientHello, NoCommonCipherSuite) {
  auto hello = real_client_hello();
  hello.set_client_cipher_suites({0x1304, 0x1305, 0xc02b, 0x00ff});
  expect_refused(hello, AlertDescription::handshake_failure);
}

TEST(MalformedClientHello, X25519ShareAllZeros) {
  auto hello = real_client_hello();
  auto* ks = hello.find(wire::kExtKeyShare);
  ASSERT_NE(ks, nullptr);
  ks->body = wire::client_key_share_body({{kX25519, Bytes(32, 0)}});
  expect_refused(hello, AlertDescription::illegal_parameter);
}

// A small-order point (RFC 7748 6.1: the shared secret is all zeros).
TEST(MalformedClientHello, X25519ShareOfSmallOrder) {
  auto hello = real_client_hello();
  auto* ks = hello.find(wire::kExtKeyShare);
  ASSERT_NE(ks, nullptr);
  Bytes one(32, 0);
  one[0] = 1;  // u = 1 has order 1
  ks->body = wire::client_key_share_body({{kX25519, one}});
  expect_refused(hello, AlertDescription::illegal_parameter);
}

TEST(MalformedClientHello, X25519ShareOf31Bytes) {
  auto hello = real_client_hello();
  auto* ks = hello.find(wire::kExtKeyShare);
  ASSERT_NE(ks, nullptr);
  ks->body = wire::client_key_share_body({{kX25519, Bytes(31, 9)}});
  expect_refused(hello, AlertDescription::illegal_parameter);
}

TEST(MalformedClientHello, EmptyKeyExchangeInShare) {
  auto hello = real_client_hello();
  auto* ks = hello.find(wire::kExtKeyShare);
  ASSERT_NE(ks, nullptr);
  ks->body = wire::client_key_share_body({{kX25519, Bytes{}}});
  expect_refused(hello, AlertDescription::decode_error);
}

Bytes p256_point(uint8_t form, uint8_t x_last, uint8_t y_last) {
  Bytes point{form};
  Bytes x(32, 0), y(32, 0);
  x.back() = x_last;
  y.back() = y_last;
  append(point, x);
  if (form == 0x04) append(point, y);
  return point;
}

wire::Hello p256_hello(const Bytes& share) {
  auto hello = real_client_hello();
  auto* groups = hello.find(wire::kExtSupportedGroups);
  auto* ks = hello.find(wire::kExtKeyShare);
  EXPECT_TRUE(groups != nullptr && ks != nullptr);
  if (groups == nullptr || ks == nullptr) return hello;
  groups->body = wire::u16_list_body({kP256});
  ks->body = wire::client_key_share_body({{kP256, share}});
  return hello;
}

TEST(MalformedClientHello, P256ShareNotOnTheCurve) {
  expect_refused(p256_hello(p256_point(0x04, 1, 1)), AlertDescription::illegal_parameter);
}

TEST(MalformedClientHello, P256ShareCompressedPoint) {
  expect_refused(p256_hello(p256_point(0x02, 3, 0)), AlertDescription::illegal_parameter);
}

TEST(MalformedClientHello, P256SharePointAtInfinity) {
  expect_refused(p256_hello(Bytes{0x00}), AlertDescription::illegal_parameter);
}

TEST(MalformedClientHello, P256ShareOfWrongLength) {
  Bytes share = p256_point(0x04, 1, 1);
  share.pop_back();
  expect_refused(p256_hello(share), AlertDescription::illegal_parameter);
}

// RFC 8446 4.2.11: pre_shared_key MUST be the last extension.
TEST(MalformedClientHello, PreSharedKeyNotLast) {
  auto hello = real_client_hello();
  hello.extensions.push_back({41, Bytes{0x00, 0x00, 0x00, 0x00}});
  hello.extensions.push_back({0xfafa, Bytes{}});
  expect_refused(hello, AlertDescription::illegal_parameter);
}

// ---- HelloRetryRequest ----

struct RetryConfigs {
  ConfigPair pair;
  RetryConfigs() {
    pair.client->groups = {NamedGroup::x25519, NamedGroup::secp384r1};  // share for x25519
    pair.server->groups = {NamedGroup::secp384r1};
  }
};

// A server that answered the first ClientHello with a HelloRetryRequest.
struct AfterRetry {
  RetryConfigs configs;
  std::unique_ptr<Connection> server;
  wire::Hello first;

  bool run() {
    first = real_client_hello(configs.pair.client);
    server = test::connect(configs.pair.server);
    if (!server) return false;
    if (!feed(*server, first.as_record()).ok()) return false;
    const auto records = wire::split_records(test::take_output(*server));
    if (records.empty()) return false;
    auto hrr = wire::parse_hello(ByteView(records[0].body).subspan(4), false);
    return hrr.has_value();
  }
};

TEST(MalformedClientHello, SecondClientHelloWithoutRequestedShare) {
  AfterRetry r;
  ASSERT_TRUE(r.run());
  const auto result = feed(*r.server, r.first.as_record());  // still only x25519
  expect_local_alert(*r.server, result, AlertDescription::illegal_parameter, AlertForm::plaintext);
}

TEST(MalformedClientHello, SecondClientHelloWithNoShares) {
  AfterRetry r;
  ASSERT_TRUE(r.run());
  auto second = r.first;
  second.find(wire::kExtKeyShare)->body = wire::client_key_share_body({});
  const auto result = feed(*r.server, second.as_record());
  expect_local_alert(*r.server, result, AlertDescription::illegal_parameter, AlertForm::plaintext);
}

TEST(MalformedClientHello, SecondClientHelloWithOtherSessionId) {
  AfterRetry r;
  ASSERT_TRUE(r.run());
  // A real P-384 share, but a different legacy_session_id.
  auto share_source = std::make_shared<Config>(*r.configs.pair.client);
  share_source->groups = {NamedGroup::secp384r1};
  auto p384 = real_client_hello(share_source);
  auto second = r.first;
  *second.find(wire::kExtKeyShare) = *p384.find(wire::kExtKeyShare);
  second.set_session_id(Bytes(32, 0x77));
  const auto result = feed(*r.server, second.as_record());
  expect_local_alert(*r.server, result, AlertDescription::illegal_parameter, AlertForm::plaintext);
}

TEST(MalformedClientHello, TruncatedSecondClientHello) {
  AfterRetry r;
  ASSERT_TRUE(r.run());
  Bytes body = r.first.body();
  body.resize(body.size() - 3);
  const auto result =
      feed(*r.server, wire::record(wire::kHandshake, wire::handshake(wire::kClientHello, body)));
  expect_local_alert(*r.server, result, AlertDescription::decode_error, AlertForm::plaintext);
}

// ---- other messages ----

TEST(MalformedClientHello, UnknownHandshakeType) {
  expect_refused_bytes(wire::record(wire::kHandshake, wire::handshake(0x63, Bytes(10, 0))),
                       AlertDescription::unexpected_message);
}

TEST(MalformedClientHello, FinishedBeforeAnything) {
  expect_refused_bytes(
      wire::record(wire::kHandshake, wire::handshake(wire::kFinished, Bytes(32, 0))),
      AlertDescription::unexpected_message);
}

TEST(MalformedClientHello, ServerHelloSentToServer) {
  expect_refused_bytes(wire::record(wire::kHandshake, wire::handshake(wire::kServerHello,
                                                                      real_client_hello().body())),
                       AlertDescription::unexpected_message);
}

TEST(MalformedClientHello, EmptyClientHelloBody) {
  expect_refused_bytes(wire::record(wire::kHandshake, wire::handshake(wire::kClientHello, {})),
                       AlertDescription::decode_error);
}

// handshake_reader.hpp: a message above 131072 bytes of body (header 4 more,
// kMaxHandshakeMessage = 131076) is decode_error as soon as its header
// arrives.
TEST(MalformedClientHello, MessageLengthAboveCap) {
  const uint8_t header[] = {wire::kClientHello, 0x02, 0x00, 0x01};  // 131073
  expect_refused_bytes(wire::record(wire::kHandshake, ByteView(header, 4)),
                       AlertDescription::decode_error);
}

TEST(MalformedClientHello, MessageLengthOf16MiB) {
  const uint8_t header[] = {wire::kClientHello, 0xff, 0xff, 0xff};
  expect_refused_bytes(wire::record(wire::kHandshake, ByteView(header, 4)),
                       AlertDescription::decode_error);
}

TEST(MalformedClientHello, MessageLengthAtCapWaits) {
  auto server = fresh_server();
  ASSERT_TRUE(server);
  const uint8_t header[] = {wire::kClientHello, 0x02, 0x00, 0x00};  // 131072: allowed
  const auto result = server->receive(wire::record(wire::kHandshake, ByteView(header, 4)));
  ASSERT_TRUE(result.ok()) << result.error().detail;
  EXPECT_FALSE(server->error().has_value());
}

// Two ClientHellos in one record: the second is out of order.
TEST(MalformedClientHello, TwoClientHellosInOneRecord) {
  const Bytes message = real_client_hello().message();
  Bytes both = message;
  append(both, message);
  auto server = fresh_server();
  ASSERT_TRUE(server);
  const auto result = feed(*server, wire::record(wire::kHandshake, both));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::local_alert);
  EXPECT_EQ(result.error().alert, AlertDescription::unexpected_message) << result.error().detail;
}

}  // namespace
}  // namespace coda
