// Malformed and misplaced TLS 1.2 client-authentication messages, each
// refused with the alert RFC 5246 / RFC 8446 6.2 names (sent in the clear:
// neither side has keys yet): CertificateRequest bodies at the client;
// client Certificate and CertificateVerify bodies at the server.
#include <gtest/gtest.h>

#include <string>

#include "unit/handshake/client_auth12_support.hpp"
#include "unit/handshake/test_util.hpp"

namespace coda {
namespace {

using hs::test::cat;
using hs::test::hex;
using test::AlertForm;
using test::AuthConfigs;
using test::client_key;
using test::expect_local_alert;
using test::StagedHandshake;
using test::TestKeyType;
using Auth = Config::ClientAuth;
namespace wire = test::wire;

// ---- CertificateRequest (RFC 5246 7.4.4), at the client ----

struct CaseBody {
  std::string name;
  Bytes body;
  AlertDescription alert;
};

void PrintTo(const CaseBody& c, std::ostream* os) {
  *os << c.name;
}

class MalformedCertificateRequest12 : public ::testing::TestWithParam<CaseBody> {};

TEST_P(MalformedCertificateRequest12, RefusedWithAlert) {
  AuthConfigs configs(Auth::request, client_key(TestKeyType::ecdsa_p256));
  StagedHandshake h(configs);
  ASSERT_TRUE(h.hello_to_server());
  const auto result =
      h.server_flight_to_client(test::replace_body(wire::kCertificateRequest, GetParam().body));
  expect_local_alert(*h.client, result, GetParam().alert, AlertForm::plaintext);
}

const Bytes kSigalgs = hex("00 04 04 03 08 04");  // ecdsa_secp256r1_sha256, rsa_pss_rsae_sha256
const Bytes kNoCas = hex("00 00");

INSTANTIATE_TEST_SUITE_P(
    Bodies, MalformedCertificateRequest12,
    ::testing::Values(
        CaseBody{"Empty", {}, AlertDescription::decode_error},
        CaseBody{"NoCertificateTypes", cat({hex("00"), kSigalgs, kNoCas}),
                 AlertDescription::decode_error},
        CaseBody{"TypesOverrun", cat({hex("05 01 40"), kSigalgs, kNoCas}),
                 AlertDescription::decode_error},
        CaseBody{"NoSignatureAlgorithms", cat({hex("02 01 40"), hex("00 00"), kNoCas}),
                 AlertDescription::decode_error},
        CaseBody{"OddSignatureAlgorithms", cat({hex("02 01 40"), hex("00 03 04 03 08"), kNoCas}),
                 AlertDescription::decode_error},
        CaseBody{"NoAuthoritiesField", cat({hex("02 01 40"), kSigalgs}),
                 AlertDescription::decode_error},
        CaseBody{"EmptyDistinguishedName", cat({hex("02 01 40"), kSigalgs, hex("00 02 00 00")}),
                 AlertDescription::decode_error},
        CaseBody{"DistinguishedNameOverrun",
                 cat({hex("02 01 40"), kSigalgs, hex("00 04 00 05 30 00")}),
                 AlertDescription::decode_error},
        CaseBody{"TrailingByte", cat({hex("02 01 40"), kSigalgs, kNoCas, hex("00")}),
                 AlertDescription::decode_error}),
    [](const auto& info) { return info.param.name; });

TEST(MisplacedCertificateRequest12, BeforeServerKeyExchange) {
  AuthConfigs configs(Auth::request);
  StagedHandshake h(configs);
  ASSERT_TRUE(h.hello_to_server());
  const auto request = test::find_message(h.server_flight, wire::kCertificateRequest);
  ASSERT_TRUE(request.has_value());
  // Certificate, CertificateRequest, ServerKeyExchange: out of order.
  const auto result = h.server_flight_to_client([&](const wire::Message& m) {
    if (m.type == wire::kCertificateRequest) return std::vector<wire::Message>{};
    if (m.type == wire::kCertificate) return std::vector<wire::Message>{m, *request};
    return std::vector<wire::Message>{m};
  });
  expect_local_alert(*h.client, result, AlertDescription::unexpected_message, AlertForm::plaintext);
}

TEST(MisplacedCertificateRequest12, Twice) {
  AuthConfigs configs(Auth::request);
  StagedHandshake h(configs);
  ASSERT_TRUE(h.hello_to_server());
  const auto request = test::find_message(h.server_flight, wire::kCertificateRequest);
  ASSERT_TRUE(request.has_value());
  const auto result =
      h.server_flight_to_client(test::insert_after(wire::kCertificateRequest, *request));
  expect_local_alert(*h.client, result, AlertDescription::unexpected_message, AlertForm::plaintext);
}

// ---- the client's Certificate and CertificateVerify, at the server ----

class MalformedCertificateVerify12 : public ::testing::TestWithParam<CaseBody> {};

TEST_P(MalformedCertificateVerify12, RefusedWithAlert) {
  AuthConfigs configs(Auth::require, client_key(TestKeyType::ecdsa_p256));
  StagedHandshake h(configs);
  ASSERT_TRUE(h.hello_to_server());
  ASSERT_TRUE(h.server_flight_to_client().ok());
  const auto result =
      h.client_flight_to_server(test::replace_body(wire::kCertificateVerify, GetParam().body));
  expect_local_alert(*h.server, result, GetParam().alert, AlertForm::plaintext);
}

INSTANTIATE_TEST_SUITE_P(
    Bodies, MalformedCertificateVerify12,
    ::testing::Values(
        CaseBody{"Empty", {}, AlertDescription::decode_error},
        CaseBody{"SchemeOnly", hex("04 03"), AlertDescription::decode_error},
        CaseBody{"SignatureOverrun", hex("04 03 00 05 30 03 02 01"),
                 AlertDescription::decode_error},
        CaseBody{"TrailingByte", hex("04 03 00 02 30 00 00"), AlertDescription::decode_error},
        // RFC 5246 7.4.8: a scheme from the CertificateRequest's list
        // (rsa_pkcs1_sha1 is not in it).
        CaseBody{"SchemeNotOffered", hex("02 01 00 02 30 00"), AlertDescription::illegal_parameter},
        // Offered, but for RSA keys; the client's key is ECDSA.
        CaseBody{"SchemeForAnotherKey", hex("08 04 00 02 30 00"),
                 AlertDescription::illegal_parameter},
        CaseBody{"EmptySignature", hex("04 03 00 00"), AlertDescription::decrypt_error}),
    [](const auto& info) { return info.param.name; });

class MalformedClientCertificate12 : public ::testing::TestWithParam<CaseBody> {};

TEST_P(MalformedClientCertificate12, RefusedWithAlert) {
  AuthConfigs configs(Auth::require, client_key(TestKeyType::ecdsa_p256));
  StagedHandshake h(configs);
  ASSERT_TRUE(h.hello_to_server());
  ASSERT_TRUE(h.server_flight_to_client().ok());
  const auto result =
      h.client_flight_to_server(test::replace_body(wire::kCertificate, GetParam().body));
  expect_local_alert(*h.server, result, GetParam().alert, AlertForm::plaintext);
}

INSTANTIATE_TEST_SUITE_P(Bodies, MalformedClientCertificate12,
                         ::testing::Values(CaseBody{"Empty", {}, AlertDescription::decode_error},
                                           CaseBody{"ListOverrun", hex("00 00 09 00 00 03 30 00"),
                                                    AlertDescription::decode_error},
                                           CaseBody{"EmptyEntry", hex("00 00 03 00 00 00"),
                                                    AlertDescription::decode_error},
                                           CaseBody{"NotDer", hex("00 00 06 00 00 03 01 02 03"),
                                                    AlertDescription::bad_certificate}),
                         [](const auto& info) { return info.param.name; });

// RFC 5246 7.4.8: a client that sent a certificate must prove it holds the
// key before ChangeCipherSpec.
TEST(MisplacedClientAuth12, CertificateVerifyMissing) {
  AuthConfigs configs(Auth::require, client_key(TestKeyType::ecdsa_p256));
  StagedHandshake h(configs);
  ASSERT_TRUE(h.hello_to_server());
  ASSERT_TRUE(h.server_flight_to_client().ok());
  const auto result = h.client_flight_to_server(test::drop(wire::kCertificateVerify));
  expect_local_alert(*h.server, result, AlertDescription::unexpected_message, AlertForm::plaintext);
}

// A CertificateVerify after an empty Certificate has nothing to verify.
TEST(MisplacedClientAuth12, CertificateVerifyWithoutCertificate) {
  AuthConfigs configs(Auth::request);
  configs.server->verify_peer = false;
  StagedHandshake h(configs);
  ASSERT_TRUE(h.hello_to_server());
  ASSERT_TRUE(h.server_flight_to_client().ok());
  const wire::Message cv{wire::kCertificateVerify, hex("04 03 00 02 30 00")};
  const auto result = h.client_flight_to_server(test::insert_after(wire::kClientKeyExchange, cv));
  expect_local_alert(*h.server, result, AlertDescription::unexpected_message, AlertForm::plaintext);
}

// RFC 5246 7.4.6: asked for a certificate, the client answers with a
// Certificate message (possibly empty) before its ClientKeyExchange.
TEST(MisplacedClientAuth12, CertificateMissing) {
  AuthConfigs configs(Auth::request);
  configs.server->verify_peer = false;
  StagedHandshake h(configs);
  ASSERT_TRUE(h.hello_to_server());
  ASSERT_TRUE(h.server_flight_to_client().ok());
  const auto result = h.client_flight_to_server(test::drop(wire::kCertificate));
  expect_local_alert(*h.server, result, AlertDescription::unexpected_message, AlertForm::plaintext);
}

// A Certificate the server did not ask for.
TEST(MisplacedClientAuth12, CertificateNotRequested) {
  AuthConfigs configs(Auth::none);
  StagedHandshake h(configs);
  ASSERT_TRUE(h.hello_to_server());
  ASSERT_TRUE(h.server_flight_to_client().ok());
  const auto result = h.client_flight_to_server([](const wire::Message& m) {
    if (m.type != wire::kClientKeyExchange) return std::vector<wire::Message>{m};
    return std::vector<wire::Message>{wire::Message{wire::kCertificate, hex("00 00 00")}, m};
  });
  expect_local_alert(*h.server, result, AlertDescription::unexpected_message, AlertForm::plaintext);
}

}  // namespace
}  // namespace coda
