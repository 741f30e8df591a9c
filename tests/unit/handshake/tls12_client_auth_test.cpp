// TLS 1.2 client certificates in memory (RFC 5246 7.4.4, 7.4.6, 7.4.8 with
// RFC 7627): request and require, with and without a certificate, every
// signature kind, the server's verification, the order of the client's
// flight, and what the client sends when its certificate does not fit the
// request.
#include <gtest/gtest.h>

#include <string>
#include <tuple>

#include "crypto/signature.hpp"
#include "crypto/x509.hpp"
#include "handshake/messages12.hpp"
#include "support/memory_pair.hpp"
#include "unit/handshake/client_auth12_support.hpp"

namespace coda {
namespace {

using test::AuthConfigs;
using test::client_key;
using test::StagedHandshake;
using test::TestKeyType;
using Auth = Config::ClientAuth;
namespace wire = test::wire;

// The DER of a CertifiedKey's leaf.
Bytes leaf_der(const CertifiedKey& key) {
  return Bytes(key.chain.front().der().begin(), key.chain.front().der().end());
}

// ---- every signature kind, required and verified ----

class ClientAuth12Scheme
    : public ::testing::TestWithParam<std::tuple<TestKeyType, SignatureScheme>> {};

TEST_P(ClientAuth12Scheme, RequiredCertificateSignsAndVerifies) {
  const auto [key, scheme] = GetParam();
  auto own = client_key(key);
  ASSERT_NE(own, nullptr);
  AuthConfigs configs(Auth::require, own);
  // The CertificateRequest lists `scheme` first; the server's own key (P-256)
  // signs its ServerKeyExchange with the second.
  configs.server->signature_schemes = {scheme, SignatureScheme::ecdsa_secp256r1_sha256};
  auto pair = test::make_pair(configs.client, configs.server);
  ASSERT_TRUE(pair.pump());
  ASSERT_TRUE(pair.client->handshake_complete());
  ASSERT_TRUE(pair.server->handshake_complete());

  const SessionInfo& server = pair.server->info();
  EXPECT_EQ(server.version, ProtocolVersion::tls12);
  ASSERT_EQ(server.peer_chain.size(), 1U);
  EXPECT_EQ(Bytes(server.peer_chain.front().der().begin(), server.peer_chain.front().der().end()),
            leaf_der(*own));
  EXPECT_EQ(server.peer_verify_status, 0U);
  EXPECT_EQ(server.peer_signature_scheme, scheme);
  EXPECT_EQ(pair.client->info().own_signature_scheme, scheme);

  EXPECT_EQ(pair.transfer(*pair.client, *pair.server, "from client"), "from client");
  EXPECT_EQ(pair.transfer(*pair.server, *pair.client, "from server"), "from server");
}

std::string scheme_case_name(
    const ::testing::TestParamInfo<std::tuple<TestKeyType, SignatureScheme>>& info) {
  static const char* const kKeys[] = {"p256", "p384", "rsa2048", "ed25519"};
  return std::string(kKeys[static_cast<int>(std::get<0>(info.param))]) + "_" +
         crypto::signature_scheme_name(std::get<1>(info.param));
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, ClientAuth12Scheme,
    ::testing::Values(
        std::make_tuple(TestKeyType::ecdsa_p256, SignatureScheme::ecdsa_secp256r1_sha256),
        // RFC 5246 7.4.1.4.1: in TLS 1.2 the hash is not bound to the curve.
        std::make_tuple(TestKeyType::ecdsa_p256, SignatureScheme::ecdsa_secp384r1_sha384),
        std::make_tuple(TestKeyType::ecdsa_p384, SignatureScheme::ecdsa_secp384r1_sha384),
        std::make_tuple(TestKeyType::rsa2048, SignatureScheme::rsa_pss_rsae_sha256),
        std::make_tuple(TestKeyType::rsa2048, SignatureScheme::rsa_pss_rsae_sha512),
        std::make_tuple(TestKeyType::rsa2048, SignatureScheme::rsa_pkcs1_sha256),
        std::make_tuple(TestKeyType::rsa2048, SignatureScheme::rsa_pkcs1_sha384),
        std::make_tuple(TestKeyType::ed25519, SignatureScheme::ed25519)),
    scheme_case_name);

// ---- request, require, none ----

TEST(ClientAuth12, RequestWithCertificate) {
  auto own = client_key(TestKeyType::ecdsa_p256);
  AuthConfigs configs(Auth::request, own);
  auto pair = test::make_pair(configs.client, configs.server);
  ASSERT_TRUE(pair.pump());
  ASSERT_EQ(pair.server->info().peer_chain.size(), 1U);
  EXPECT_EQ(pair.server->info().peer_verify_status, 0U);
}

TEST(ClientAuth12, RequestWithoutCertificateIsAccepted) {
  AuthConfigs configs(Auth::request);
  configs.server->verify_peer = false;
  auto pair = test::make_pair(configs.client, configs.server);
  ASSERT_TRUE(pair.pump());
  EXPECT_TRUE(pair.server->handshake_complete());
  EXPECT_TRUE(pair.server->info().peer_chain.empty());
  EXPECT_EQ(pair.transfer(*pair.client, *pair.server, "anon"), "anon");
}

// GnuTLS: a server that is to verify the client's certificate fails when
// none comes, even if it only requested one (GNUTLS_E_CERTIFICATE_ERROR).
TEST(ClientAuth12, RequestWithoutCertificateFailsWhenVerifying) {
  AuthConfigs configs(Auth::request);
  auto pair = test::make_pair(configs.client, configs.server);
  EXPECT_FALSE(pair.pump());
  ASSERT_TRUE(pair.server->error().has_value());
  EXPECT_EQ(pair.server->error()->alert, AlertDescription::bad_certificate);
  EXPECT_EQ(pair.server->error()->reason, Reason::no_certificate_to_verify);
  ASSERT_TRUE(pair.client->alert_received().has_value());
  EXPECT_EQ(*pair.client->alert_received(), AlertDescription::bad_certificate);
}

// GnuTLS 3.7 (TLS 1.2): GNUTLS_E_NO_CERTIFICATE_FOUND, and the alert
// gnutls-serv sends for it is decode_error.
TEST(ClientAuth12, RequireWithoutCertificateFails) {
  AuthConfigs configs(Auth::require);
  configs.server->verify_peer = false;
  auto pair = test::make_pair(configs.client, configs.server);
  EXPECT_FALSE(pair.pump());
  ASSERT_TRUE(pair.server->error().has_value());
  EXPECT_EQ(pair.server->error()->kind, ErrorKind::local_alert);
  EXPECT_EQ(pair.server->error()->alert, AlertDescription::decode_error);
  EXPECT_EQ(pair.server->error()->reason, Reason::no_client_certificate);
  ASSERT_TRUE(pair.client->error().has_value());
  EXPECT_EQ(pair.client->error()->kind, ErrorKind::peer_alert);
  EXPECT_EQ(pair.client->error()->alert, AlertDescription::decode_error);
}

TEST(ClientAuth12, NotRequestedNoCertificateSent) {
  auto own = client_key(TestKeyType::ecdsa_p256);
  AuthConfigs configs(Auth::none, own);
  StagedHandshake h(configs);
  ASSERT_TRUE(h.hello_to_server());
  EXPECT_FALSE(test::find_message(h.server_flight, wire::kCertificateRequest).has_value());
  ASSERT_TRUE(h.server_flight_to_client().ok());
  // ClientKeyExchange alone: no Certificate, no CertificateVerify.
  const auto messages = test::plaintext_messages(h.client_flight);
  ASSERT_EQ(messages.size(), 1U);
  EXPECT_EQ(messages[0].type, wire::kClientKeyExchange);
  ASSERT_TRUE(h.client_flight_to_server().ok());
  ASSERT_TRUE(h.finish());
  EXPECT_TRUE(h.server->info().peer_chain.empty());
}

// ---- verification of the client's chain ----

TEST(ClientAuth12, ExpiredClientCertificateRefused) {
  test::LeafOptions leaf;
  leaf.server_auth = false;
  leaf.client_auth = true;
  leaf.not_before_offset_s = -7200;
  leaf.not_after_offset_s = -60;
  AuthConfigs configs(Auth::require, test::certified(test::default_pki().issue(leaf)));
  auto pair = test::make_pair(configs.client, configs.server);
  EXPECT_FALSE(pair.pump());
  ASSERT_TRUE(pair.server->error().has_value());
  EXPECT_EQ(pair.server->error()->alert, AlertDescription::certificate_expired);
  EXPECT_NE(pair.server->info().peer_verify_status & crypto::kVerifyExpired, 0U);
}

TEST(ClientAuth12, ServerOnlyCertificateRefusedForClient) {
  // extendedKeyUsage serverAuth only: not for a client (purpose mismatch).
  AuthConfigs configs(Auth::require, test::certified_key(TestKeyType::ecdsa_p256));
  auto pair = test::make_pair(configs.client, configs.server);
  EXPECT_FALSE(pair.pump());
  ASSERT_TRUE(pair.server->error().has_value());
  EXPECT_NE(pair.server->info().peer_verify_status & crypto::kVerifyPurposeMismatch, 0U);
}

TEST(ClientAuth12, UnverifiedChainReportedWithoutVerifyPeer) {
  // Without verify_peer the handshake goes on and the status is recorded,
  // for gnutls_certificate_verify_peers to report.
  const test::TestPki other(TestKeyType::ecdsa_p256, "Other Test CA");
  AuthConfigs configs(Auth::require, client_key(TestKeyType::ecdsa_p256, other));
  configs.server->verify_peer = false;
  configs.server->trust = std::make_shared<crypto::TrustStore>();  // lists no CA
  auto pair = test::make_pair(configs.client, configs.server);
  ASSERT_TRUE(pair.pump());
  ASSERT_EQ(pair.server->info().peer_chain.size(), 1U);
  EXPECT_NE(pair.server->info().peer_verify_status & crypto::kVerifySignerNotFound, 0U);
}

// ---- the client's flight ----

// RFC 5246 7.3 and 7.4.8, RFC 7627 4: Certificate, ClientKeyExchange,
// CertificateVerify, then ChangeCipherSpec; the extended master secret
// covers the messages through ClientKeyExchange (both sides agree on the
// keys, so the Finished messages verify).
TEST(ClientAuth12, ClientFlightOrder) {
  AuthConfigs configs(Auth::require, client_key(TestKeyType::rsa2048));
  StagedHandshake h(configs);
  ASSERT_TRUE(h.hello_to_server());
  ASSERT_TRUE(h.server_flight_to_client().ok());
  const auto messages = test::plaintext_messages(h.client_flight);
  ASSERT_EQ(messages.size(), 3U);
  EXPECT_EQ(messages[0].type, wire::kCertificate);
  EXPECT_EQ(messages[1].type, wire::kClientKeyExchange);
  EXPECT_EQ(messages[2].type, wire::kCertificateVerify);
  const auto records = wire::split_records(h.client_flight);
  ASSERT_GE(records.size(), 2U);
  EXPECT_EQ(records[records.size() - 2].type, wire::kChangeCipherSpec);
  ASSERT_TRUE(h.client_flight_to_server().ok());
  EXPECT_TRUE(h.finish());
}

TEST(ClientAuth12, BadCertificateVerifySignatureIsDecryptError) {
  AuthConfigs configs(Auth::require, client_key(TestKeyType::ecdsa_p256));
  StagedHandshake h(configs);
  ASSERT_TRUE(h.hello_to_server());
  ASSERT_TRUE(h.server_flight_to_client().ok());
  const auto result = h.client_flight_to_server([](const wire::Message& m) {
    wire::Message out = m;
    if (m.type == wire::kCertificateVerify) out.body.back() ^= 0x01;
    return std::vector<wire::Message>{out};
  });
  test::expect_local_alert(*h.server, result, AlertDescription::decrypt_error,
                           test::AlertForm::plaintext);
  EXPECT_EQ(h.server->error()->reason, Reason::bad_signature);
}

// The CertificateRequest names the server's trust anchors and offers both
// certificate types and the server's signature schemes.
TEST(ClientAuth12, CertificateRequestContents) {
  AuthConfigs configs(Auth::request);
  StagedHandshake h(configs);
  ASSERT_TRUE(h.hello_to_server());
  const auto cr = test::find_message(h.server_flight, wire::kCertificateRequest);
  ASSERT_TRUE(cr.has_value());
  auto parsed = hs::CertificateRequest12::parse(cr->body);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->certificate_types, (std::vector<uint8_t>{1, 64}));
  ASSERT_EQ(parsed->signature_algorithms.size(), configs.server->signature_schemes.size());
  auto ca = crypto::Certificate::chain_from_pem(
      as_bytes(test::default_pki().ca_pem().data(), test::default_pki().ca_pem().size()));
  ASSERT_TRUE(ca.ok());
  ASSERT_EQ(parsed->certificate_authorities.size(), 1U);
  EXPECT_EQ(parsed->certificate_authorities[0], ca->front().subject_der());
}

// gnutls_certificate_send_x509_rdn_sequence(session, 1): no CA names, so
// the client may send any certificate.
TEST(ClientAuth12, CertificateRequestWithoutCaNames) {
  AuthConfigs configs(Auth::request);
  configs.server->send_ca_names = false;
  StagedHandshake h(configs);
  ASSERT_TRUE(h.hello_to_server());
  const auto cr = test::find_message(h.server_flight, wire::kCertificateRequest);
  ASSERT_TRUE(cr.has_value());
  auto parsed = hs::CertificateRequest12::parse(cr->body);
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->certificate_authorities.empty());
}

// What the client sends for a request its certificate does not fit: an
// empty Certificate and no CertificateVerify.
Bytes client_answer(const hs::CertificateRequest12& request,
                    std::shared_ptr<const CertifiedKey> own) {
  AuthConfigs configs(Auth::request, std::move(own));
  StagedHandshake h(configs);
  EXPECT_TRUE(h.hello_to_server());
  EXPECT_TRUE(
      h.server_flight_to_client(test::replace_body(wire::kCertificateRequest, request.serialize()))
          .ok());
  const auto cert = test::find_message(h.client_flight, wire::kCertificate);
  EXPECT_TRUE(cert.has_value());
  const bool sent_chain = cert.has_value() && cert->body != Bytes({0, 0, 0});
  EXPECT_EQ(test::find_message(h.client_flight, wire::kCertificateVerify).has_value(), sent_chain);
  return cert ? cert->body : Bytes{};
}

hs::CertificateRequest12 request_for(std::vector<uint8_t> types, std::vector<uint16_t> schemes,
                                     std::vector<Bytes> cas = {}) {
  hs::CertificateRequest12 r;
  r.certificate_types = std::move(types);
  r.signature_algorithms = std::move(schemes);
  r.certificate_authorities = std::move(cas);
  return r;
}

constexpr uint16_t kEcdsaP256 = static_cast<uint16_t>(SignatureScheme::ecdsa_secp256r1_sha256);
constexpr uint16_t kPssSha256 = static_cast<uint16_t>(SignatureScheme::rsa_pss_rsae_sha256);
const Bytes kEmptyCertificate{0, 0, 0};

TEST(ClientAuth12, CertificateOfUnlistedTypeNotSent) {
  auto own = client_key(TestKeyType::ecdsa_p256);
  EXPECT_EQ(client_answer(request_for({1}, {kEcdsaP256, kPssSha256}), own), kEmptyCertificate);
  // Control: the same request with ecdsa_sign gets the certificate.
  EXPECT_NE(client_answer(request_for({1, 64}, {kEcdsaP256, kPssSha256}), own), kEmptyCertificate);
}

TEST(ClientAuth12, CertificateWithoutFittingSchemeNotSent) {
  auto own = client_key(TestKeyType::ecdsa_p256);
  EXPECT_EQ(client_answer(request_for({1, 64}, {kPssSha256}), own), kEmptyCertificate);
}

TEST(ClientAuth12, CertificateFromUnlistedCaNotSent) {
  auto own = client_key(TestKeyType::ecdsa_p256);
  const test::TestPki other(TestKeyType::ecdsa_p256, "Other Test CA");
  auto other_ca =
      crypto::Certificate::chain_from_pem(as_bytes(other.ca_pem().data(), other.ca_pem().size()));
  ASSERT_TRUE(other_ca.ok());
  EXPECT_EQ(client_answer(request_for({64}, {kEcdsaP256}, {other_ca->front().subject_der()}), own),
            kEmptyCertificate);
  // Control: listing our issuer too gets the certificate.
  EXPECT_NE(
      client_answer(request_for({64}, {kEcdsaP256},
                                {other_ca->front().subject_der(), own->chain.front().issuer_der()}),
                    own),
      kEmptyCertificate);
}

// An intermediate's issuer (the root) in the list is enough: the chain the
// client sends carries the intermediate.
TEST(ClientAuth12, ChainThroughIntermediateMatchesRootName) {
  const test::TestPki sub = test::default_pki().intermediate();
  auto own = client_key(TestKeyType::ecdsa_p256, sub);
  ASSERT_EQ(own->chain.size(), 2U);
  AuthConfigs configs(Auth::require, own);
  auto pair = test::make_pair(configs.client, configs.server);
  ASSERT_TRUE(pair.pump());
  EXPECT_EQ(pair.server->info().peer_chain.size(), 2U);
  EXPECT_EQ(pair.server->info().peer_verify_status, 0U);
}

}  // namespace
}  // namespace coda
