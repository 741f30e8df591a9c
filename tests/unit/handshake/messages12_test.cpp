// TLS 1.2 handshake messages (RFC 5246 7.4, RFC 8422 5.4/5.7, RFC 5077
// 3.3): wire layout written out by hand, round trips, strictness, and
// truncation / corruption sweeps that must never crash.
#include "handshake/messages12.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "handshake/messages.hpp"
#include "unit/handshake/test_util.hpp"

namespace coda::hs {
namespace {

using test::cat;
using test::fails_with;
using test::hex;
using test::u16be;
using test::v16;
using test::v24;
using test::v8;

// ---------------------------------------------------------------------------
// Certificate

TEST(Certificate12, WireLayoutAndRoundTrip) {
  Certificate12 c;
  c.certificates = {Bytes{0x30, 0x01, 0xaa}, Bytes(300, 0x42)};
  const Bytes want = v24(cat({v24({0x30, 0x01, 0xaa}), v24(Bytes(300, 0x42))}));
  EXPECT_EQ(c.serialize(), want);
  auto parsed = Certificate12::parse(want);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, c);
}

TEST(Certificate12, EmptyListIsAllowed) {
  // RFC 5246 7.4.6: a client with no suitable certificate sends an empty list.
  EXPECT_EQ(Certificate12{}.serialize(), hex("00 00 00"));
  auto parsed = Certificate12::parse(hex("00 00 00"));
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->certificates.empty());
}

TEST(Certificate12, Malformed) {
  // An empty ASN.1Cert (<1..2^24-1>).
  EXPECT_TRUE(
      fails_with(Certificate12::parse(hex("00 00 03 00 00 00")), AlertDescription::decode_error));
  // Entry longer than the list.
  EXPECT_TRUE(fails_with(Certificate12::parse(hex("00 00 04 00 00 02 01")),
                         AlertDescription::decode_error));
  // List shorter than its entries claim / leftover inside the list.
  EXPECT_TRUE(fails_with(Certificate12::parse(hex("00 00 05 00 00 01 01 00")),
                         AlertDescription::decode_error));
  // Trailing byte after the list.
  EXPECT_TRUE(fails_with(Certificate12::parse(hex("00 00 04 00 00 01 01 00")),
                         AlertDescription::decode_error));
  EXPECT_TRUE(fails_with(Certificate12::parse({}), AlertDescription::decode_error));
}

// ---------------------------------------------------------------------------
// ServerKeyExchange (ECDHE)

ServerKeyExchangeEcdhe sample_ske() {
  ServerKeyExchangeEcdhe ske;
  ske.named_group = 0x001d;  // x25519
  ske.public_key = Bytes(32, 0x11);
  ske.scheme = 0x0403;  // ecdsa_secp256r1_sha256
  ske.signature = Bytes(71, 0x22);
  return ske;
}

TEST(ServerKeyExchangeEcdhe, WireLayoutAndRoundTrip) {
  const auto ske = sample_ske();
  // RFC 8422 5.4: curve_type named_curve (3), NamedCurve, opaque point<1..255>.
  const Bytes params = cat({hex("03 00 1d"), v8(Bytes(32, 0x11))});
  EXPECT_EQ(ske.params_bytes(), params);
  const Bytes want = cat({params, hex("04 03"), v16(Bytes(71, 0x22))});
  EXPECT_EQ(ske.serialize(), want);
  auto parsed = ServerKeyExchangeEcdhe::parse(want);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, ske);
  EXPECT_EQ(parsed->params_bytes(), params);
}

TEST(ServerKeyExchangeEcdhe, EmptySignatureParses) {
  // digitally-signed opaque signature<0..2^16-1>: empty is well-formed (the
  // signature check rejects it later).
  auto ske = sample_ske();
  ske.signature.clear();
  auto parsed = ServerKeyExchangeEcdhe::parse(ske.serialize());
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, ske);
}

TEST(ServerKeyExchangeEcdhe, CurveTypeMustBeNamedCurve) {
  for (uint8_t curve_type : {0, 1, 2, 4, 255}) {
    Bytes body = sample_ske().serialize();
    body[0] = curve_type;
    EXPECT_TRUE(
        fails_with(ServerKeyExchangeEcdhe::parse(body), AlertDescription::illegal_parameter))
        << int{curve_type};
  }
}

TEST(ServerKeyExchangeEcdhe, Malformed) {
  // Empty point.
  EXPECT_TRUE(fails_with(ServerKeyExchangeEcdhe::parse(hex("03 00 17 00 04 03 00 00")),
                         AlertDescription::decode_error));
  // Trailing byte.
  Bytes body = sample_ske().serialize();
  body.push_back(0);
  EXPECT_TRUE(fails_with(ServerKeyExchangeEcdhe::parse(body), AlertDescription::decode_error));
  // Signature length past the end.
  EXPECT_TRUE(fails_with(ServerKeyExchangeEcdhe::parse(hex("03 00 17 01 aa 04 03 00 02 01")),
                         AlertDescription::decode_error));
  EXPECT_TRUE(fails_with(ServerKeyExchangeEcdhe::parse({}), AlertDescription::decode_error));
}

TEST(ServerKeyExchangeEcdhe, OversizeFieldsDoNotSerialize) {
  auto ske = sample_ske();
  ske.public_key = Bytes(256, 1);
  EXPECT_TRUE(ske.serialize().empty());
  EXPECT_TRUE(ske.params_bytes().empty());
  ske = sample_ske();
  ske.signature = Bytes(65536, 1);
  EXPECT_TRUE(ske.serialize().empty());
  ske.public_key = Bytes(255, 1);
  ske.signature = Bytes(65535, 1);
  auto parsed = ServerKeyExchangeEcdhe::parse(ske.serialize());
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, ske);
}

// ---------------------------------------------------------------------------
// ClientKeyExchange (ECDHE)

TEST(ClientKeyExchangeEcdhe, WireLayoutAndRoundTrip) {
  ClientKeyExchangeEcdhe cke;
  cke.public_key = hex("04 01 02 03");
  EXPECT_EQ(cke.serialize(), hex("04 04 01 02 03"));
  auto parsed = ClientKeyExchangeEcdhe::parse(hex("04 04 01 02 03"));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, cke);
  cke.public_key = Bytes(255, 9);
  auto max = ClientKeyExchangeEcdhe::parse(cke.serialize());
  ASSERT_TRUE(max.ok());
  EXPECT_EQ(*max, cke);
  cke.public_key = Bytes(256, 9);
  EXPECT_TRUE(cke.serialize().empty());
}

TEST(ClientKeyExchangeEcdhe, Malformed) {
  EXPECT_TRUE(fails_with(ClientKeyExchangeEcdhe::parse({}), AlertDescription::decode_error));
  // RFC 8422 5.7: opaque point <1..2^8-1>.
  EXPECT_TRUE(fails_with(ClientKeyExchangeEcdhe::parse(hex("00")), AlertDescription::decode_error));
  EXPECT_TRUE(
      fails_with(ClientKeyExchangeEcdhe::parse(hex("02 01")), AlertDescription::decode_error));
  EXPECT_TRUE(
      fails_with(ClientKeyExchangeEcdhe::parse(hex("01 01 00")), AlertDescription::decode_error));
}

// ---------------------------------------------------------------------------
// CertificateRequest (1.2)

CertificateRequest12 sample_cr() {
  CertificateRequest12 cr;
  cr.certificate_types = {1, 64};  // rsa_sign, ecdsa_sign
  cr.signature_algorithms = {0x0403, 0x0804, 0x0401};
  cr.certificate_authorities = {Bytes{0x30, 0x00}, Bytes(20, 0x31)};
  return cr;
}

TEST(CertificateRequest12, WireLayoutAndRoundTrip) {
  const auto cr = sample_cr();
  const Bytes want = cat({v8({1, 64}), v16(hex("04 03 08 04 04 01")),
                          v16(cat({v16({0x30, 0x00}), v16(Bytes(20, 0x31))}))});
  EXPECT_EQ(cr.serialize(), want);
  auto parsed = CertificateRequest12::parse(want);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, cr);
}

TEST(CertificateRequest12, NoAuthoritiesIsAllowed) {
  auto cr = sample_cr();
  cr.certificate_authorities.clear();
  EXPECT_EQ(cr.serialize(), cat({v8({1, 64}), v16(hex("04 03 08 04 04 01")), hex("00 00")}));
  auto parsed = CertificateRequest12::parse(cr.serialize());
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, cr);
}

TEST(CertificateRequest12, Malformed) {
  const Bytes sigalgs = v16(hex("04 03"));
  const Bytes no_cas = hex("00 00");
  // certificate_types<1..2^8-1>.
  EXPECT_TRUE(fails_with(CertificateRequest12::parse(cat({hex("00"), sigalgs, no_cas})),
                         AlertDescription::decode_error));
  // supported_signature_algorithms<2..2^16-2>: empty, odd.
  EXPECT_TRUE(fails_with(CertificateRequest12::parse(cat({hex("01 40"), hex("00 00"), no_cas})),
                         AlertDescription::decode_error));
  EXPECT_TRUE(
      fails_with(CertificateRequest12::parse(cat({hex("01 40"), hex("00 03 04 03 08"), no_cas})),
                 AlertDescription::decode_error));
  // DistinguishedName<1..2^16-1>: empty, overrunning the list.
  EXPECT_TRUE(
      fails_with(CertificateRequest12::parse(cat({hex("01 40"), sigalgs, hex("00 02 00 00")})),
                 AlertDescription::decode_error));
  EXPECT_TRUE(
      fails_with(CertificateRequest12::parse(cat({hex("01 40"), sigalgs, hex("00 03 00 05 30")})),
                 AlertDescription::decode_error));
  // Missing certificate_authorities, trailing byte.
  EXPECT_TRUE(fails_with(CertificateRequest12::parse(cat({hex("01 40"), sigalgs})),
                         AlertDescription::decode_error));
  EXPECT_TRUE(fails_with(CertificateRequest12::parse(cat({hex("01 40"), sigalgs, no_cas, {0}})),
                         AlertDescription::decode_error));
}

// ---------------------------------------------------------------------------
// Empty messages, NewSessionTicket, Finished

TEST(ServerHelloDone, EmptyBodyOnly) {
  EXPECT_TRUE(ServerHelloDone{}.serialize().empty());
  EXPECT_TRUE(ServerHelloDone::parse({}).ok());
  EXPECT_TRUE(fails_with(ServerHelloDone::parse(hex("00")), AlertDescription::decode_error));
  EXPECT_TRUE(
      fails_with(ServerHelloDone::parse(hex("0e 00 00 00")), AlertDescription::decode_error));
}

TEST(HelloRequest, EmptyBodyOnly) {
  EXPECT_TRUE(HelloRequest{}.serialize().empty());
  EXPECT_TRUE(HelloRequest::parse({}).ok());
  EXPECT_TRUE(fails_with(HelloRequest::parse(hex("00")), AlertDescription::decode_error));
  EXPECT_TRUE(fails_with(HelloRequest::parse(Bytes(100, 0)), AlertDescription::decode_error));
}

TEST(NewSessionTicket12, WireLayoutAndRoundTrip) {
  NewSessionTicket12 t;
  t.lifetime_hint = 7200;
  t.ticket = Bytes(200, 0x5c);
  const Bytes want = cat({hex("00 00 1c 20"), v16(Bytes(200, 0x5c))});
  EXPECT_EQ(t.serialize(), want);
  auto parsed = NewSessionTicket12::parse(want);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, t);
}

TEST(NewSessionTicket12, EmptyTicketIsAllowed) {
  // RFC 5077 3.3: a server that will not issue a ticket after all sends a
  // zero-length ticket (ticket<0..2^16-1>).
  auto parsed = NewSessionTicket12::parse(hex("00 00 00 00 00 00"));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->lifetime_hint, 0u);
  EXPECT_TRUE(parsed->ticket.empty());
  EXPECT_EQ(NewSessionTicket12{}.serialize(), hex("00 00 00 00 00 00"));
}

TEST(NewSessionTicket12, Malformed) {
  EXPECT_TRUE(fails_with(NewSessionTicket12::parse(hex("00 00 00 01 00 01")),
                         AlertDescription::decode_error));
  EXPECT_TRUE(fails_with(NewSessionTicket12::parse(hex("00 00 00 01 00 01 aa bb")),
                         AlertDescription::decode_error));
  NewSessionTicket12 t;
  t.ticket = Bytes(65536, 1);
  EXPECT_TRUE(t.serialize().empty());
}

TEST(Finished12, TwelveBytes) {
  // RFC 5246 7.4.9: verify_data is 12 bytes; Finished::parse covers 1.2.
  auto f = Finished::parse(Bytes(12, 7), 12);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->serialize(), Bytes(12, 7));
  EXPECT_TRUE(fails_with(Finished::parse(Bytes(11, 7), 12), AlertDescription::decode_error));
  EXPECT_TRUE(fails_with(Finished::parse(Bytes(13, 7), 12), AlertDescription::decode_error));
  EXPECT_TRUE(fails_with(Finished::parse(Bytes(32, 7), 12), AlertDescription::decode_error));
}

// ---------------------------------------------------------------------------
// Sweeps over every message: every strict prefix fails with decode_error (or
// illegal_parameter once the curve type is read), a trailing byte fails,
// every single-byte corruption and every prefix parses without crashing,
// and a successful parse re-serializes to its input.

struct Sample {
  const char* name;
  Bytes wire;
  std::function<Result<Bytes>(ByteView)> reparse;  // parse, then serialize
};

template <typename T>
std::function<Result<Bytes>(ByteView)> reparser() {
  return [](ByteView b) -> Result<Bytes> {
    auto r = T::parse(b);
    if (!r) return r.error();
    return r->serialize();
  };
}

std::vector<Sample> samples() {
  Certificate12 cert;
  cert.certificates = {Bytes(10, 1), Bytes(3, 2)};
  NewSessionTicket12 nst;
  nst.lifetime_hint = 1;
  nst.ticket = Bytes(5, 3);
  ClientKeyExchangeEcdhe cke;
  cke.public_key = Bytes(65, 4);
  return {
      {"Certificate", cert.serialize(), reparser<Certificate12>()},
      {"ServerKeyExchange", sample_ske().serialize(), reparser<ServerKeyExchangeEcdhe>()},
      {"ClientKeyExchange", cke.serialize(), reparser<ClientKeyExchangeEcdhe>()},
      {"CertificateRequest", sample_cr().serialize(), reparser<CertificateRequest12>()},
      {"NewSessionTicket", nst.serialize(), reparser<NewSessionTicket12>()},
  };
}

TEST(Messages12Sweep, EveryPrefixFails) {
  for (const auto& s : samples()) {
    SCOPED_TRACE(s.name);
    ASSERT_FALSE(s.wire.empty());
    auto whole = s.reparse(s.wire);
    ASSERT_TRUE(whole.ok());
    EXPECT_EQ(*whole, s.wire);
    for (size_t n = 0; n < s.wire.size(); ++n) {
      auto r = s.reparse(ByteView(s.wire).first(n));
      ASSERT_FALSE(r.ok()) << "prefix of " << n << " bytes parsed";
      EXPECT_EQ(r.error().kind, ErrorKind::local_alert);
      EXPECT_EQ(r.error().alert, AlertDescription::decode_error) << n;
    }
  }
}

TEST(Messages12Sweep, TrailingByteFails) {
  for (const auto& s : samples()) {
    SCOPED_TRACE(s.name);
    for (uint8_t extra : {0x00, 0x01, 0xff}) {
      Bytes longer = s.wire;
      longer.push_back(extra);
      auto r = s.reparse(longer);
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().alert, AlertDescription::decode_error);
    }
  }
}

TEST(Messages12Sweep, CorruptionNeverCrashesAndRoundTrips) {
  for (const auto& s : samples()) {
    SCOPED_TRACE(s.name);
    for (size_t i = 0; i < s.wire.size(); ++i) {
      for (uint8_t mask : {0x01, 0x80, 0xff}) {
        Bytes bad = s.wire;
        bad[i] ^= mask;
        auto r = s.reparse(bad);
        // Whatever parses is canonical: it serializes back byte for byte.
        if (r.ok()) {
          EXPECT_EQ(*r, bad) << "byte " << i;
        } else {
          EXPECT_EQ(r.error().kind, ErrorKind::local_alert);
        }
      }
    }
  }
}

}  // namespace
}  // namespace coda::hs
