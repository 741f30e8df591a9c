// Round trips, the RFC 8448 section 3 messages, and malformed input for
// the handshake message codecs.
#include <gtest/gtest.h>

#include <string>

#include "handshake/messages.hpp"
#include "unit/handshake/test_util.hpp"

namespace coda::hs {
namespace {

using test::cat;
using test::ext;
using test::fails_with;
using test::hex;
using test::u16be;
using test::v16;
using test::v24;
using test::v8;

constexpr auto kDecode = AlertDescription::decode_error;
constexpr auto kIllegal = AlertDescription::illegal_parameter;

// RFC 8448 section 3, "Simple 1-RTT Handshake": the messages with their
// 4-byte handshake headers, as the RFC prints them.
const char* const kRfc8448ClientHello =
    "01 00 00 c0 03 03 cb 34 ec b1 e7 81 63 ba 1c 38 c6 da cb 19 6a 6d ff a2 1a 8d 99 12 ec 18 a2"
    "ef 62 83 02 4d ec e7 00 00 06 13 01 13 03 13 02 01 00 00 91 00 00 00 0b 00 09 00 00 06 73 65"
    "72 76 65 72 ff 01 00 01 00 00 0a 00 14 00 12 00 1d 00 17 00 18 00 19 01 00 01 01 01 02 01 03"
    "01 04 00 23 00 00 00 33 00 26 00 24 00 1d 00 20 99 38 1d e5 60 e4 bd 43 d2 3d 8e 43 5a 7d ba"
    "fe b3 c0 6e 51 c1 3c ae 4d 54 13 69 1e 52 9a af 2c 00 2b 00 03 02 03 04 00 0d 00 20 00 1e 04"
    "03 05 03 06 03 02 03 08 04 08 05 08 06 04 01 05 01 06 01 02 01 04 02 05 02 06 02 02 02 00 2d"
    "00 02 01 01 00 1c 00 02 40 01";
const char* const kRfc8448ServerHello =
    "02 00 00 56 03 03 a6 af 06 a4 12 18 60 dc 5e 6e 60 24 9c d3 4c 95 93 0c 8a c5 cb 14 34 da c1"
    "55 77 2e d3 e2 69 28 00 13 01 00 00 2e 00 33 00 24 00 1d 00 20 c9 82 88 76 11 20 95 fe 66 76"
    "2b db f7 c6 72 e1 56 d6 cc 25 3b 83 3d f1 dd 69 b1 b0 4e 75 1f 0f 00 2b 00 02 03 04";
const char* const kRfc8448EncryptedExtensions =
    "08 00 00 24 00 22 00 0a 00 14 00 12 00 1d 00 17 00 18 00 19 01 00 01 01 01 02 01 03 01 04 00"
    "1c 00 02 40 01 00 00 00 00";

Bytes body_of(const char* msg_hex) {
  Bytes m = hex(msg_hex);
  return Bytes(m.begin() + 4, m.end());
}

template <typename T>
T round_trip(const T& x) {
  const Bytes wire = x.serialize();
  EXPECT_FALSE(wire.empty());
  auto r = T::parse(wire);
  EXPECT_TRUE(r.ok()) << r.error().detail;
  if (!r.ok()) return T{};
  EXPECT_EQ(r->serialize(), wire);
  return std::move(r).value();
}

std::array<uint8_t, 32> counting_random() {
  std::array<uint8_t, 32> r{};
  for (size_t i = 0; i < r.size(); ++i) r[i] = static_cast<uint8_t>(i + 1);
  return r;
}

ClientHello full_client_hello() {
  ClientHello ch;
  ch.random = counting_random();
  ch.legacy_session_id = Bytes(32, 0xab);
  ch.cipher_suites = {0x1301, 0x1302, 0x1303, 0xc02f};
  ch.compression_methods = {0};
  ch.server_name = "example.com";
  ch.supported_versions = {0x0304, 0x0303};
  ch.supported_groups = {0x001d, 0x0017};
  ch.signature_algorithms = {0x0403, 0x0804, 0x0807};
  ch.signature_algorithms_cert = {0x0401};
  ch.key_shares = std::vector<KeyShareEntry>{{0x001d, Bytes(32, 0x11)}, {0x0017, Bytes(65, 0x04)}};
  ch.cookie = Bytes{1, 2, 3};
  ch.psk_key_exchange_modes = {1};
  ch.alpn = {"h2", "http/1.1"};
  ch.ec_point_formats = {0};
  ch.extended_master_secret = true;
  ch.renegotiation_info = Bytes{};
  ch.has_early_data = true;
  ch.post_handshake_auth = true;
  ch.other_extensions = {{0x001c, {0x40, 0x01}}, {0x1234, {}}};
  return ch;
}

// A ClientHello body with fixed legacy fields and the given extension block
// contents.
Bytes client_hello_with(const Bytes& extensions) {
  return cat({hex("0303"), Bytes(32, 0x5a), v8({}), v16(hex("1301")), v8({0}), v16(extensions)});
}

Bytes server_hello_with(const std::array<uint8_t, 32>& random, const Bytes& extensions) {
  return cat(
      {hex("0303"), Bytes(random.begin(), random.end()), v8({}), hex("1301 00"), v16(extensions)});
}

// ---------------------------------------------------------------------------
// Round trips

TEST(ClientHelloCodec, RoundTripsEveryField) {
  ClientHello ch = full_client_hello();
  ClientHello back = round_trip(ch);
  // Written in the default order, which parse records.
  EXPECT_EQ(back.extension_types.size(), 16U);
  ch.extension_types = back.extension_types;
  EXPECT_EQ(back, ch);
  EXPECT_TRUE(back.has_extension(ExtensionType::cookie));
  EXPECT_FALSE(back.has_extension(ExtensionType::pre_shared_key));
}

TEST(ClientHelloCodec, HonoursExtensionOrder) {
  ClientHello ch = full_client_hello();
  const Bytes default_order = ch.serialize();
  ch.extension_types = {0x001c, 43, 51, 0, 0x1234, 10, 13, 50, 16, 11, 23, 0xff01, 44, 45, 42, 49};
  // (other_extensions come back in wire order, so the two unknown ones keep
  // their relative order here.)
  ClientHello back = round_trip(ch);
  EXPECT_EQ(back.extension_types, ch.extension_types);
  EXPECT_EQ(back, ch);
  EXPECT_NE(ch.serialize(), default_order);
  // A partial order: the named ones first, then the rest in the default order.
  ch.extension_types = {49, 0x7777};  // 0x7777 is absent: skipped
  back = round_trip(ch);
  ASSERT_EQ(back.extension_types.size(), 16U);
  EXPECT_EQ(back.extension_types[0], 49);
  EXPECT_EQ(back.extension_types[1], 0);
}

TEST(ClientHelloCodec, RoundTripsMinimalTls12Hello) {
  ClientHello ch;
  ch.random = counting_random();
  ch.cipher_suites = {0xc02f};
  const Bytes wire = ch.serialize();
  EXPECT_EQ(wire.size(), 2U + 32 + 1 + 4 + 2);  // no extensions block at all
  auto back = ClientHello::parse(wire);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, ch);
  EXPECT_FALSE(back->key_shares.has_value());
}

TEST(ClientHelloCodec, EmptyKeyShareListRoundTrips) {
  ClientHello ch;
  ch.cipher_suites = {0x1301};
  ch.key_shares = std::vector<KeyShareEntry>{};
  ClientHello back = round_trip(ch);
  ASSERT_TRUE(back.key_shares.has_value());
  EXPECT_TRUE(back.key_shares->empty());
}

TEST(ClientHelloCodec, PreSharedKeyIsKeptRawAndWrittenLast) {
  ClientHello ch;
  ch.cipher_suites = {0x1301};
  ch.pre_shared_key = Bytes{4, 3, 4, 3, 3};  // not interpreted
  ch.extended_master_secret = true;
  auto back = ClientHello::parse(ch.serialize());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->pre_shared_key, ch.pre_shared_key);
  ASSERT_FALSE(back->extension_types.empty());
  EXPECT_EQ(back->extension_types.back(), 41);
}

TEST(ClientHelloCodec, OverflowSerializesToEmpty) {
  ClientHello ch;
  ch.cipher_suites = {0x1301};
  ch.alpn = {std::string(256, 'a')};  // ProtocolName<1..2^8-1>
  EXPECT_TRUE(ch.serialize().empty());
  ch.alpn.clear();
  ch.legacy_session_id = Bytes(256, 1);
  EXPECT_TRUE(ch.serialize().empty());
}

TEST(ServerHelloCodec, RoundTripsServerHello) {
  ServerHello sh;
  sh.random = counting_random();
  sh.legacy_session_id_echo = Bytes(32, 0xab);
  sh.cipher_suite = 0x1301;
  sh.selected_version = 0x0304;
  sh.key_share = KeyShareEntry{0x001d, Bytes(32, 0x22)};
  sh.other_extensions = {{0x7777, {1, 2}}};
  ServerHello back = round_trip(sh);
  EXPECT_FALSE(back.is_hello_retry_request());
  sh.extension_types = back.extension_types;
  EXPECT_EQ(back, sh);
}

TEST(ServerHelloCodec, RoundTripsHelloRetryRequest) {
  ServerHello hrr;
  hrr.random = kHelloRetryRequestRandom;
  hrr.cipher_suite = 0x1302;
  hrr.selected_version = 0x0304;
  hrr.selected_group = 0x0017;
  hrr.cookie = Bytes{9, 8, 7};
  ServerHello back = round_trip(hrr);
  EXPECT_TRUE(back.is_hello_retry_request());
  EXPECT_FALSE(back.key_share.has_value());
  hrr.extension_types = back.extension_types;
  EXPECT_EQ(back, hrr);
}

TEST(ServerHelloCodec, RoundTripsTls12ServerHello) {
  ServerHello sh;
  sh.random = counting_random();
  sh.legacy_session_id_echo = Bytes(32, 1);
  sh.cipher_suite = 0xc02f;
  sh.extended_master_secret = true;
  sh.renegotiation_info = Bytes{};
  sh.ec_point_formats = {0};
  ServerHello back = round_trip(sh);
  sh.extension_types = back.extension_types;
  EXPECT_EQ(back, sh);

  ServerHello bare;
  bare.cipher_suite = 0xc02f;
  EXPECT_EQ(round_trip(bare), bare);
}

TEST(EncryptedExtensionsCodec, RoundTrips) {
  EncryptedExtensions ee;
  ee.server_name_ack = true;
  ee.supported_groups = {0x001d};
  ee.alpn = "h2";
  ee.other_extensions = {{0x001c, {0x40, 0x01}}};
  EncryptedExtensions back = round_trip(ee);
  ee.extension_types = back.extension_types;
  EXPECT_EQ(back, ee);
  EXPECT_EQ(round_trip(EncryptedExtensions{}), EncryptedExtensions{});
}

TEST(CertificateRequestCodec, RoundTrips) {
  CertificateRequest cr;
  cr.request_context = {1, 2};
  cr.signature_algorithms = {0x0403, 0x0804};
  cr.signature_algorithms_cert = {0x0401};
  cr.certificate_authorities = {{0x30, 0x00}, {0x30, 0x03, 0x31, 0x01, 0x00}};
  cr.other_extensions = {{0x1234, {0, 0}}};
  CertificateRequest back = round_trip(cr);
  cr.extension_types = back.extension_types;
  EXPECT_EQ(back, cr);
}

TEST(CertificateCodec, RoundTrips) {
  CertificateMsg c;
  c.request_context = {7};
  c.entries.push_back({Bytes(300, 0x30), {}});
  c.entries.push_back({Bytes(5, 0x31), ext(5, {1, 2, 3})});
  EXPECT_EQ(round_trip(c), c);
  EXPECT_EQ(round_trip(CertificateMsg{}), CertificateMsg{});  // empty chain parses
}

TEST(CertificateVerifyCodec, RoundTrips) {
  CertificateVerify cv{0x0804, Bytes(256, 0x5c)};
  EXPECT_EQ(round_trip(cv), cv);
  EXPECT_EQ(round_trip(CertificateVerify{0x0807, {}}), (CertificateVerify{0x0807, {}}));
}

TEST(FinishedCodec, RoundTripsAndChecksLength) {
  Finished f{Bytes(32, 0x77)};
  auto back = Finished::parse(f.serialize(), 32);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, f);
  EXPECT_TRUE(fails_with(Finished::parse(f.serialize(), 48), kDecode));
  EXPECT_TRUE(fails_with(Finished::parse(Bytes(13, 0), 12), kDecode));
  EXPECT_TRUE(Finished::parse(Bytes(12, 0), 12).ok());
}

TEST(NewSessionTicketCodec, RoundTrips) {
  NewSessionTicket t;
  t.lifetime = 7200;
  t.age_add = 0xdeadbeef;
  t.nonce = {0, 1};
  t.ticket = Bytes(100, 0x42);
  t.extensions = {{42, {0, 0, 0x40, 0}}};
  EXPECT_EQ(round_trip(t), t);
  t.nonce.clear();
  t.extensions.clear();
  EXPECT_EQ(round_trip(t), t);
}

TEST(KeyUpdateCodec, RoundTripsAndRejectsBadValues) {
  EXPECT_EQ(round_trip(KeyUpdate{KeyUpdate::update_requested}).request,
            KeyUpdate::update_requested);
  EXPECT_EQ(round_trip(KeyUpdate{}).request, KeyUpdate::update_not_requested);
  EXPECT_TRUE(fails_with(KeyUpdate::parse(Bytes{2}), kIllegal));
  EXPECT_TRUE(fails_with(KeyUpdate::parse(Bytes{0xff}), kIllegal));
  EXPECT_TRUE(fails_with(KeyUpdate::parse(Bytes{}), kDecode));
  EXPECT_TRUE(fails_with(KeyUpdate::parse(Bytes{0, 0}), kDecode));
}

TEST(HandshakeHeader, AppendsTypeAndLength) {
  Bytes out{0xee};
  append_handshake(out, HandshakeType::finished, Bytes(0x0102, 9));
  ASSERT_EQ(out.size(), 1U + 4 + 0x0102);
  EXPECT_EQ(Bytes(out.begin(), out.begin() + 5), hex("ee 14 00 01 02"));
  EXPECT_STREQ(handshake_type_name(HandshakeType::certificate_verify), "certificate_verify");
  EXPECT_STREQ(handshake_type_name(static_cast<HandshakeType>(99)), "unknown");
}

// ---------------------------------------------------------------------------
// RFC 8448 section 3

TEST(Rfc8448, ParsesClientHello) {
  const Bytes body = body_of(kRfc8448ClientHello);
  auto ch = ClientHello::parse(body);
  ASSERT_TRUE(ch.ok()) << ch.error().detail;
  EXPECT_EQ(ch->legacy_version, 0x0303);
  EXPECT_EQ(ch->random[0], 0xcb);
  EXPECT_EQ(ch->random[31], 0xe7);
  EXPECT_TRUE(ch->legacy_session_id.empty());
  EXPECT_EQ(ch->cipher_suites, (std::vector<uint16_t>{0x1301, 0x1303, 0x1302}));
  EXPECT_EQ(ch->compression_methods, Bytes{0});
  EXPECT_EQ(ch->server_name, std::optional<std::string>("server"));
  EXPECT_EQ(ch->renegotiation_info, std::optional<Bytes>(Bytes{}));
  EXPECT_EQ(ch->supported_groups, (std::vector<uint16_t>{0x001d, 0x0017, 0x0018, 0x0019, 0x0100,
                                                         0x0101, 0x0102, 0x0103, 0x0104}));
  ASSERT_TRUE(ch->key_shares.has_value());
  ASSERT_EQ(ch->key_shares->size(), 1U);
  EXPECT_EQ((*ch->key_shares)[0].group, 0x001d);
  EXPECT_EQ((*ch->key_shares)[0].key_exchange,
            hex("99 38 1d e5 60 e4 bd 43 d2 3d 8e 43 5a 7d ba fe b3 c0 6e 51 c1 3c ae 4d 54 13 69"
                "1e 52 9a af 2c"));
  EXPECT_EQ(ch->supported_versions, (std::vector<uint16_t>{0x0304}));
  EXPECT_EQ(ch->signature_algorithms.size(), 15U);
  EXPECT_EQ(ch->signature_algorithms.front(), 0x0403);
  EXPECT_EQ(ch->signature_algorithms.back(), 0x0202);
  EXPECT_EQ(ch->psk_key_exchange_modes, (std::vector<uint8_t>{1}));
  // session_ticket (empty) and record_size_limit are not ours to interpret.
  EXPECT_EQ(ch->other_extensions, (std::vector<RawExtension>{{35, {}}, {28, {0x40, 0x01}}}));
  EXPECT_EQ(ch->extension_types, (std::vector<uint16_t>{0, 0xff01, 10, 35, 51, 43, 13, 45, 28}));
  EXPECT_FALSE(ch->extended_master_secret);
  EXPECT_FALSE(ch->pre_shared_key.has_value());
  // Every byte is modelled, so it re-serializes exactly.
  EXPECT_EQ(ch->serialize(), body);
}

TEST(Rfc8448, ParsesServerHello) {
  const Bytes body = body_of(kRfc8448ServerHello);
  auto sh = ServerHello::parse(body);
  ASSERT_TRUE(sh.ok()) << sh.error().detail;
  EXPECT_FALSE(sh->is_hello_retry_request());
  EXPECT_EQ(sh->random[0], 0xa6);
  EXPECT_EQ(sh->cipher_suite, 0x1301);
  EXPECT_EQ(sh->compression_method, 0);
  EXPECT_EQ(sh->selected_version, std::optional<uint16_t>(0x0304));
  ASSERT_TRUE(sh->key_share.has_value());
  EXPECT_EQ(sh->key_share->group, 0x001d);
  EXPECT_EQ(sh->key_share->key_exchange,
            hex("c9 82 88 76 11 20 95 fe 66 76 2b db f7 c6 72 e1 56 d6 cc 25 3b 83 3d f1 dd 69 b1"
                "b0 4e 75 1f 0f"));
  EXPECT_FALSE(sh->selected_group.has_value());
  EXPECT_EQ(sh->extension_types, (std::vector<uint16_t>{51, 43}));
  EXPECT_EQ(sh->serialize(), body);
}

TEST(Rfc8448, ParsesEncryptedExtensions) {
  const Bytes body = body_of(kRfc8448EncryptedExtensions);
  auto ee = EncryptedExtensions::parse(body);
  ASSERT_TRUE(ee.ok()) << ee.error().detail;
  EXPECT_TRUE(ee->server_name_ack);
  EXPECT_EQ(ee->supported_groups.size(), 9U);
  EXPECT_FALSE(ee->alpn.has_value());
  EXPECT_EQ(ee->other_extensions, (std::vector<RawExtension>{{28, {0x40, 0x01}}}));
  EXPECT_EQ(ee->serialize(), body);
}

// ---------------------------------------------------------------------------
// Malformed ClientHello

TEST(ClientHelloMalformed, LegacyFields) {
  const Bytes tail = cat({v16(hex("1301")), v8({0}), v16({})});
  // RFC 8446 4.1.2: legacy_session_id<0..32>.
  EXPECT_TRUE(fails_with(
      ClientHello::parse(cat({hex("0303"), Bytes(32, 0), v8(Bytes(33, 1)), tail})), kDecode));
  EXPECT_TRUE(ClientHello::parse(cat({hex("0303"), Bytes(32, 0), v8(Bytes(32, 1)), tail})).ok());
  // cipher_suites<2..2^16-2>: empty, odd.
  EXPECT_TRUE(fails_with(
      ClientHello::parse(cat({hex("0303"), Bytes(32, 0), v8({}), v16({}), v8({0})})), kDecode));
  EXPECT_TRUE(fails_with(
      ClientHello::parse(cat({hex("0303"), Bytes(32, 0), v8({}), v16(hex("130113")), v8({0})})),
      kDecode));
  // compression_methods<1..2^8-1>.
  EXPECT_TRUE(fails_with(
      ClientHello::parse(cat({hex("0303"), Bytes(32, 0), v8({}), v16(hex("1301")), v8({})})),
      kDecode));
}

TEST(ClientHelloMalformed, ExtensionFraming) {
  // A trailing byte after the extensions block.
  EXPECT_TRUE(fails_with(ClientHello::parse(cat({client_hello_with({}), {0}})), kDecode));
  // A block length running past the message.
  Bytes longer = client_hello_with(ext(23, {}));
  longer[longer.size() - 5] += 1;
  EXPECT_TRUE(fails_with(ClientHello::parse(longer), kDecode));
  // An extension body length running past the block.
  EXPECT_TRUE(fails_with(ClientHello::parse(client_hello_with(hex("0017 0001"))), kDecode));
  // A lone byte after the last extension inside the block.
  EXPECT_TRUE(fails_with(ClientHello::parse(client_hello_with(cat({ext(23, {}), {0}}))), kDecode));
  // A trailing byte inside an extension body.
  EXPECT_TRUE(fails_with(
      ClientHello::parse(client_hello_with(ext(43, cat({v8(hex("0304")), {0}})))), kDecode));
  // RFC 8446 4.2: duplicate extension types, known or not.
  EXPECT_TRUE(
      fails_with(ClientHello::parse(client_hello_with(cat({ext(23, {}), ext(23, {})}))), kIllegal));
  EXPECT_TRUE(fails_with(
      ClientHello::parse(client_hello_with(cat({ext(0x9999, {1}), ext(0x9999, {2})}))), kIllegal));
}

TEST(ClientHelloMalformed, DuplicatesFoundAmongManyExtensions) {
  // Past the small-set threshold of the duplicate check.
  Bytes many;
  for (uint16_t t = 0x1000; t < 0x1000 + 300; ++t) append(many, ext(t, {}));
  auto ok = ClientHello::parse(client_hello_with(many));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->other_extensions.size(), 300U);
  for (uint16_t dup : {0x1000, 0x1010, 0x1020, 0x1100}) {
    const Bytes with_dup = cat({many, ext(dup, {})});
    EXPECT_TRUE(fails_with(ClientHello::parse(client_hello_with(with_dup)), kIllegal)) << dup;
  }
  // Many key shares, one group repeated at the end.
  Bytes shares;
  for (uint16_t g = 1; g <= 100; ++g) append(shares, cat({u16be(g), v16({1})}));
  EXPECT_TRUE(ClientHello::parse(client_hello_with(ext(51, v16(shares)))).ok());
  append(shares, cat({u16be(7), v16({1})}));
  EXPECT_TRUE(fails_with(ClientHello::parse(client_hello_with(ext(51, v16(shares)))), kIllegal));
}

TEST(ClientHelloMalformed, PreSharedKeyMustBeLast) {
  const Bytes psk = ext(41, hex("0000 0000"));  // body not interpreted
  auto last = ClientHello::parse(client_hello_with(cat({ext(23, {}), psk})));
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->pre_shared_key, hex("0000 0000"));
  // RFC 8446 4.2.11.
  EXPECT_TRUE(fails_with(ClientHello::parse(client_hello_with(cat({psk, ext(23, {})}))), kIllegal));
}

TEST(ClientHelloMalformed, ServerName) {
  auto sni = [](const Bytes& list) { return client_hello_with(ext(0, v16(list))); };
  EXPECT_TRUE(fails_with(ClientHello::parse(sni({})), kDecode));                   // empty list
  EXPECT_TRUE(fails_with(ClientHello::parse(sni(cat({{0}, v16({})}))), kDecode));  // empty name
  EXPECT_TRUE(fails_with(ClientHello::parse(sni(cat({{0}, v16({'a', 0, 'b'})}))), kIllegal));
  EXPECT_TRUE(fails_with(ClientHello::parse(sni(cat({{0}, v16({'a'}), {0}, v16({'b'})}))),
                         kIllegal));  // two names
  EXPECT_TRUE(fails_with(ClientHello::parse(sni(cat({{0}, hex("0005 61")}))), kDecode));
  EXPECT_TRUE(fails_with(ClientHello::parse(client_hello_with(ext(0, {}))), kDecode));
  auto other_type = ClientHello::parse(sni(cat({{7}, v16({'x'}), {0}, v16({'h'})})));
  ASSERT_TRUE(other_type.ok());
  EXPECT_EQ(other_type->server_name, std::optional<std::string>("h"));
}

TEST(ClientHelloMalformed, ListsOfCodePoints) {
  auto one = [](uint16_t type, const Bytes& body) {
    return ClientHello::parse(client_hello_with(ext(type, body)));
  };
  // supported_versions<2..254> (vec8).
  EXPECT_TRUE(fails_with(one(43, v8({})), kDecode));
  EXPECT_TRUE(fails_with(one(43, v8({3})), kDecode));
  EXPECT_TRUE(fails_with(one(43, v8(hex("0304 03"))), kDecode));
  EXPECT_TRUE(fails_with(one(43, {}), kDecode));
  for (uint16_t type : {10, 13, 50}) {
    EXPECT_TRUE(fails_with(one(type, v16({})), kDecode)) << type;
    EXPECT_TRUE(fails_with(one(type, v16({0, 0x1d, 0})), kDecode)) << type;
    EXPECT_TRUE(fails_with(one(type, {}), kDecode)) << type;
    EXPECT_TRUE(one(type, v16(hex("001d"))).ok()) << type;
  }
  // psk_key_exchange_modes<1..255>, ec_point_formats<1..2^8-1>.
  EXPECT_TRUE(fails_with(one(45, v8({})), kDecode));
  EXPECT_TRUE(fails_with(one(11, v8({})), kDecode));
}

TEST(ClientHelloMalformed, KeyShare) {
  auto ks = [](const Bytes& list) {
    return ClientHello::parse(client_hello_with(ext(51, v16(list))));
  };
  EXPECT_TRUE(ks({}).ok());  // client_shares<0..2^16-1>: empty is how a client asks for HRR
  EXPECT_TRUE(fails_with(ks(cat({hex("001d"), v16({})})), kDecode));  // key_exchange<1..>
  EXPECT_TRUE(fails_with(ks(hex("001d")), kDecode));
  EXPECT_TRUE(fails_with(ks(cat({hex("001d"), v16({1}), hex("001d"), v16({2})})), kIllegal));
  EXPECT_TRUE(ks(cat({hex("001d"), v16({1}), hex("0017"), v16({2})})).ok());
}

TEST(ClientHelloMalformed, OpaqueAndEmptyBodies) {
  auto one = [](uint16_t type, const Bytes& body) {
    return ClientHello::parse(client_hello_with(ext(type, body)));
  };
  EXPECT_TRUE(fails_with(one(44, v16({})), kDecode));  // cookie<1..2^16-1>
  EXPECT_TRUE(one(44, v16({1})).ok());
  EXPECT_TRUE(fails_with(one(23, {0}), kDecode));     // extended_master_secret
  EXPECT_TRUE(fails_with(one(42, {0}), kDecode));     // early_data
  EXPECT_TRUE(fails_with(one(49, {0}), kDecode));     // post_handshake_auth
  EXPECT_TRUE(fails_with(one(0xff01, {}), kDecode));  // renegotiation_info needs its vec8
  EXPECT_TRUE(fails_with(one(0xff01, {1}), kDecode));
  EXPECT_TRUE(one(0xff01, {0}).ok());
  // ALPN: ProtocolNameList<2..2^16-1> of ProtocolName<1..2^8-1>.
  EXPECT_TRUE(fails_with(one(16, v16({})), kDecode));
  EXPECT_TRUE(fails_with(one(16, v16(v8({}))), kDecode));
  EXPECT_TRUE(fails_with(one(16, v16(hex("0268"))), kDecode));
  EXPECT_TRUE(one(16, v16(cat({v8({'h', '2'}), v8({'x'})}))).ok());
}

// ---------------------------------------------------------------------------
// Malformed ServerHello / HelloRetryRequest

TEST(ServerHelloMalformed, Fields) {
  const auto random = counting_random();
  // legacy_session_id_echo<0..32>.
  EXPECT_TRUE(fails_with(ServerHello::parse(cat({hex("0303"), Bytes(32, 0), v8(Bytes(33, 0)),
                                                 hex("1301 00"), v16({})})),
                         kDecode));
  EXPECT_TRUE(fails_with(ServerHello::parse(cat({server_hello_with(random, {}), {0}})), kDecode));
  // supported_versions: exactly one u16.
  EXPECT_TRUE(
      fails_with(ServerHello::parse(server_hello_with(random, ext(43, hex("030403")))), kDecode));
  EXPECT_TRUE(fails_with(ServerHello::parse(server_hello_with(random, ext(43, {3}))), kDecode));
  // key_share in a ServerHello is a whole entry.
  EXPECT_TRUE(
      fails_with(ServerHello::parse(server_hello_with(random, ext(51, hex("001d")))), kDecode));
  EXPECT_TRUE(fails_with(
      ServerHello::parse(server_hello_with(random, ext(51, cat({hex("001d"), v16({})})))),
      kDecode));
  // cookie belongs to HelloRetryRequest only (RFC 8446 4.2).
  EXPECT_TRUE(
      fails_with(ServerHello::parse(server_hello_with(random, ext(44, v16({1})))), kIllegal));
  EXPECT_TRUE(fails_with(ServerHello::parse(server_hello_with(
                             random, cat({ext(43, hex("0304")), ext(43, hex("0304"))}))),
                         kIllegal));
  EXPECT_TRUE(fails_with(ServerHello::parse(server_hello_with(random, ext(23, {1}))), kDecode));
}

TEST(ServerHelloMalformed, HelloRetryRequestKeyShareIsOneGroup) {
  const auto& hrr = kHelloRetryRequestRandom;
  auto ok = ServerHello::parse(server_hello_with(hrr, ext(51, hex("0017"))));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->selected_group, std::optional<uint16_t>(0x0017));
  EXPECT_TRUE(fails_with(
      ServerHello::parse(server_hello_with(hrr, ext(51, cat({hex("001d"), v16({1})})))), kDecode));
  EXPECT_TRUE(fails_with(ServerHello::parse(server_hello_with(hrr, ext(51, {0}))), kDecode));
  EXPECT_TRUE(fails_with(ServerHello::parse(server_hello_with(hrr, ext(44, v16({})))), kDecode));
}

// ---------------------------------------------------------------------------
// The rest of the server flight

TEST(EncryptedExtensionsMalformed, Fields) {
  EXPECT_TRUE(fails_with(EncryptedExtensions::parse({}), kDecode));
  EXPECT_TRUE(fails_with(EncryptedExtensions::parse(cat({v16({}), {0}})), kDecode));
  EXPECT_TRUE(fails_with(EncryptedExtensions::parse(v16(ext(0, {0}))), kDecode));
  // RFC 7301 3.1: exactly one protocol from the server.
  EXPECT_TRUE(fails_with(EncryptedExtensions::parse(v16(ext(16, v16(cat({v8({'a'}), v8({'b'})}))))),
                         kDecode));
  EXPECT_TRUE(fails_with(EncryptedExtensions::parse(v16(ext(16, v16({})))), kDecode));
  EXPECT_TRUE(fails_with(EncryptedExtensions::parse(v16(ext(10, v16({})))), kDecode));
  EXPECT_TRUE(fails_with(EncryptedExtensions::parse(v16(cat({ext(0, {}), ext(0, {})}))), kIllegal));
  auto ok = EncryptedExtensions::parse(v16(ext(16, v16(v8({'h', '2'})))));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->alpn, std::optional<std::string>("h2"));
}

TEST(CertificateRequestMalformed, Fields) {
  const Bytes sigalgs = ext(13, v16(hex("0804")));
  EXPECT_TRUE(CertificateRequest::parse(cat({v8({}), v16(sigalgs)})).ok());
  // RFC 8446 4.3.2: signature_algorithms MUST be present.
  EXPECT_TRUE(fails_with(CertificateRequest::parse(cat({v8({}), v16(ext(0x1234, {}))})),
                         AlertDescription::missing_extension));
  // RFC 8446 4.2.4: authorities<3..2^16-1> of DistinguishedName<1..2^16-1>.
  auto with_cas = [&](const Bytes& body) {
    return CertificateRequest::parse(cat({v8({}), v16(cat({sigalgs, ext(47, body)}))}));
  };
  EXPECT_TRUE(with_cas(v16(v16({0x30, 0x00}))).ok());
  EXPECT_TRUE(fails_with(with_cas({}), kDecode));
  EXPECT_TRUE(fails_with(with_cas(v16({})), kDecode));
  EXPECT_TRUE(fails_with(with_cas(v16(v16({}))), kDecode));
  EXPECT_TRUE(fails_with(with_cas(cat({v16(v16({0x30, 0x00})), {0}})), kDecode));
  EXPECT_TRUE(fails_with(with_cas(v16({0x00, 0x05, 0x30})), kDecode));
  EXPECT_TRUE(fails_with(CertificateRequest::parse(cat({v8({}), v16({})})), kDecode));
  EXPECT_TRUE(fails_with(CertificateRequest::parse(cat({v8({}), v16(sigalgs), {0}})), kDecode));
  EXPECT_TRUE(
      fails_with(CertificateRequest::parse(cat({v8({}), v16(cat({sigalgs, sigalgs}))})), kIllegal));
  EXPECT_TRUE(fails_with(CertificateRequest::parse(cat({v8({}), v16(ext(13, v16({})))})), kDecode));
}

TEST(CertificateMalformed, Fields) {
  auto with_entries = [](const Bytes& entries) {
    return CertificateMsg::parse(cat({v8({}), v24(entries)}));
  };
  EXPECT_TRUE(with_entries({}).ok());
  EXPECT_TRUE(fails_with(with_entries(cat({v24({}), v16({})})), kDecode));  // cert_data<1..>
  EXPECT_TRUE(fails_with(with_entries(v24({1})), kDecode));  // entry without extensions
  EXPECT_TRUE(fails_with(with_entries(cat({v24({1}), v16(hex("0005 0001"))})), kDecode));
  EXPECT_TRUE(
      fails_with(with_entries(cat({v24({1}), v16(cat({ext(5, {}), ext(5, {})}))})), kIllegal));
  EXPECT_TRUE(fails_with(CertificateMsg::parse(cat({v8({}), v24({}), {0}})), kDecode));
  EXPECT_TRUE(fails_with(CertificateMsg::parse(cat({v8({}), hex("000005 00")})), kDecode));
}

TEST(CertificateVerifyMalformed, Fields) {
  EXPECT_TRUE(fails_with(CertificateVerify::parse(cat({hex("0804"), v16({1}), {0}})), kDecode));
  EXPECT_TRUE(fails_with(CertificateVerify::parse(hex("0804 0002 01")), kDecode));
  EXPECT_TRUE(fails_with(CertificateVerify::parse(hex("08")), kDecode));
}

TEST(NewSessionTicketMalformed, Fields) {
  const Bytes head = hex("00001c20 00000001");
  EXPECT_TRUE(NewSessionTicket::parse(cat({head, v8({}), v16({1}), v16({})})).ok());
  EXPECT_TRUE(fails_with(NewSessionTicket::parse(cat({head, v8({}), v16({}), v16({})})), kDecode));
  EXPECT_TRUE(
      fails_with(NewSessionTicket::parse(cat({head, v8({}), v16({1}), v16({}), {0}})), kDecode));
  EXPECT_TRUE(fails_with(NewSessionTicket::parse(cat({head, v8({}), v16({1})})), kDecode));
  EXPECT_TRUE(fails_with(
      NewSessionTicket::parse(cat({head, v8({}), v16({1}), v16(cat({ext(42, {}), ext(42, {})}))})),
      kIllegal));
  EXPECT_TRUE(
      fails_with(NewSessionTicket::parse(cat({head, v8({}), v16({1}), v16({0, 42})})), kDecode));
}

}  // namespace
}  // namespace coda::hs
