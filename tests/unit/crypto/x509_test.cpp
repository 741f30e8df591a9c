#include "crypto/x509.hpp"

#include <gtest/gtest.h>
#include <cstdio>
#include <ctime>
#include <fstream>

#include "support/test_pki.hpp"
#include "unit/crypto/test_hex.hpp"

namespace coda::crypto {
namespace {

using test::LeafOptions;
using test::TestKeyType;
using test::TestPki;
using testing::view;

std::vector<Certificate> chain_of(const std::string& pem) {
  auto c = Certificate::chain_from_pem(view(pem));
  EXPECT_TRUE(c.ok());
  return c.ok() ? std::move(*c) : std::vector<Certificate>{};
}

TrustStore store_of(const TestPki& pki) {
  TrustStore t;
  auto n = t.add_pem(view(pki.ca_pem()));
  EXPECT_TRUE(n.ok());
  EXPECT_EQ(*n, 1u);
  return t;
}

uint32_t verify(const TestPki& pki, const LeafOptions& o, const std::string& host,
                bool server = true) {
  TrustStore t = store_of(pki);
  VerifyOptions v;
  v.hostname = host;
  v.server = server;
  return verify_chain(t, chain_of(pki.issue(o).chain_pem), v);
}

LeafOptions names(std::vector<std::string> dns, std::vector<std::string> ips = {}) {
  LeafOptions o;
  o.dns_names = std::move(dns);
  o.ip_addresses = std::move(ips);
  return o;
}

TEST(Verify, ValidChainForEveryKeyType) {
  for (TestKeyType k : {TestKeyType::ecdsa_p256, TestKeyType::ecdsa_p384, TestKeyType::rsa2048,
                        TestKeyType::ed25519}) {
    TestPki pki(k);
    LeafOptions o;
    o.key = k;
    EXPECT_EQ(verify(pki, o, "localhost"), kVerifyOk) << static_cast<int>(k);
  }
}

TEST(Verify, NoHostnameMeansNoNameCheck) {
  EXPECT_EQ(verify(test::default_pki(), names({"other.example"}), ""), kVerifyOk);
}

TEST(Verify, WrongHostname) {
  const uint32_t s = verify(test::default_pki(), LeafOptions{}, "example.com");
  EXPECT_EQ(s, kVerifyInvalid | kVerifyUnexpectedOwner);
  EXPECT_EQ(alert_for_verify_status(s), AlertDescription::bad_certificate);
}

TEST(Verify, NoCommonNameFallback) {
  // RFC 6125 6.4.4: with a SAN present (or not), the CN is never used.
  LeafOptions o = names({"a.example"});
  o.common_name = "cn.example";
  EXPECT_EQ(verify(test::default_pki(), o, "cn.example"), kVerifyInvalid | kVerifyUnexpectedOwner);
  LeafOptions no_san = names({});
  no_san.common_name = "cn.example";
  EXPECT_EQ(verify(test::default_pki(), no_san, "cn.example"),
            kVerifyInvalid | kVerifyUnexpectedOwner);
}

TEST(Verify, Wildcard) {
  const TestPki& pki = test::default_pki();
  TrustStore t = store_of(pki);
  const auto chain = chain_of(pki.issue(names({"*.example.com"})).chain_pem);
  auto check = [&](const char* host) {
    VerifyOptions v;
    v.hostname = host;
    return verify_chain(t, chain, v);
  };
  EXPECT_EQ(check("a.example.com"), kVerifyOk);
  EXPECT_EQ(check("A.Example.COM"), kVerifyOk);  // DNS names compare without case
  EXPECT_NE(check("a.b.example.com") & kVerifyUnexpectedOwner, 0u);
  EXPECT_NE(check("example.com") & kVerifyUnexpectedOwner, 0u);
  EXPECT_NE(check("aexample.com") & kVerifyUnexpectedOwner, 0u);
}

TEST(Verify, PartialWildcardNotHonoured) {
  // RFC 6125 6.4.3: we take a wildcard only as the whole left-most label.
  EXPECT_NE(verify(test::default_pki(), names({"a*.example.com"}), "ab.example.com") &
                kVerifyUnexpectedOwner,
            0u);
}

TEST(Verify, IpAddressSan) {
  const TestPki& pki = test::default_pki();
  const LeafOptions o = names({"localhost"}, {"127.0.0.1", "::1"});
  EXPECT_EQ(verify(pki, o, "127.0.0.1"), kVerifyOk);
  EXPECT_EQ(verify(pki, o, "::1"), kVerifyOk);
  EXPECT_EQ(verify(pki, o, "127.0.0.2"), kVerifyInvalid | kVerifyUnexpectedOwner);
  // An IP literal never matches a DNS SAN spelling the same text.
  EXPECT_EQ(verify(pki, names({"10.0.0.1"}), "10.0.0.1"), kVerifyInvalid | kVerifyUnexpectedOwner);
}

TEST(Verify, Expired) {
  LeafOptions o;
  o.not_before_offset_s = -10 * 86400;
  o.not_after_offset_s = -86400;
  const uint32_t s = verify(test::default_pki(), o, "localhost");
  EXPECT_EQ(s, kVerifyInvalid | kVerifyExpired);
  EXPECT_EQ(alert_for_verify_status(s), AlertDescription::certificate_expired);
}

TEST(Verify, NotYetValid) {
  LeafOptions o;
  o.not_before_offset_s = 86400;
  o.not_after_offset_s = 10 * 86400;
  const uint32_t s = verify(test::default_pki(), o, "localhost");
  EXPECT_EQ(s, kVerifyInvalid | kVerifyNotActivated);
  EXPECT_EQ(alert_for_verify_status(s), AlertDescription::certificate_expired);
}

TEST(Verify, TimeOverride) {
  const TestPki& pki = test::default_pki();
  TrustStore t = store_of(pki);
  const auto chain = chain_of(pki.issue(LeafOptions{}).chain_pem);
  VerifyOptions v;
  v.hostname = "localhost";
  v.at_time = std::time(nullptr) + 60L * 86400;  // after the leaf's 30 days
  EXPECT_EQ(verify_chain(t, chain, v), kVerifyInvalid | kVerifyExpired);
  v.at_time = std::time(nullptr) - 2 * 3600;  // before its not_before
  EXPECT_EQ(verify_chain(t, chain, v), kVerifyInvalid | kVerifyNotActivated);
  v.at_time = std::time(nullptr) + 86400;
  EXPECT_EQ(verify_chain(t, chain, v), kVerifyOk);
}

TEST(Verify, UnknownCa) {
  TestPki other(TestKeyType::ecdsa_p256, "Some Other CA");
  TrustStore t = store_of(test::default_pki());
  VerifyOptions v;
  v.hostname = "localhost";
  const uint32_t s = verify_chain(t, chain_of(other.issue(LeafOptions{}).chain_pem), v);
  EXPECT_EQ(s, kVerifyInvalid | kVerifySignerNotFound);
  EXPECT_EQ(alert_for_verify_status(s), AlertDescription::unknown_ca);
}

TEST(Verify, ExpiredFromUnknownCaReportsBoth) {
  TestPki other(TestKeyType::ecdsa_p256, "Some Other CA");
  TrustStore t = store_of(test::default_pki());
  LeafOptions o;
  o.not_before_offset_s = -10 * 86400;
  o.not_after_offset_s = -86400;
  VerifyOptions v;
  v.hostname = "wrong.example";
  const uint32_t s = verify_chain(t, chain_of(other.issue(o).chain_pem), v);
  EXPECT_EQ(s, kVerifyInvalid | kVerifySignerNotFound | kVerifyExpired | kVerifyUnexpectedOwner);
  EXPECT_EQ(alert_for_verify_status(s), AlertDescription::unknown_ca);
}

TEST(Verify, EmptyTrustStore) {
  TrustStore t;
  EXPECT_EQ(t.size(), 0u);
  const uint32_t s =
      verify_chain(t, chain_of(test::default_pki().issue(LeafOptions{}).chain_pem), {});
  EXPECT_NE(s & kVerifySignerNotFound, 0u);
}

TEST(Verify, EmptyChain) {
  TrustStore t = store_of(test::default_pki());
  EXPECT_NE(verify_chain(t, {}, {}) & kVerifyInvalid, 0u);
}

TEST(Verify, Purpose) {
  const TestPki& pki = test::default_pki();
  LeafOptions client_only;
  client_only.server_auth = false;
  client_only.client_auth = true;
  const uint32_t s = verify(pki, client_only, "localhost", /*server=*/true);
  EXPECT_EQ(s, kVerifyInvalid | kVerifyPurposeMismatch);
  EXPECT_EQ(alert_for_verify_status(s), AlertDescription::bad_certificate);
  EXPECT_EQ(verify(pki, client_only, "", /*server=*/false), kVerifyOk);
  // A serverAuth-only leaf is not a client certificate.
  EXPECT_EQ(verify(pki, LeafOptions{}, "", /*server=*/false),
            kVerifyInvalid | kVerifyPurposeMismatch);
  LeafOptions both;
  both.client_auth = true;
  EXPECT_EQ(verify(pki, both, "localhost", true), kVerifyOk);
  EXPECT_EQ(verify(pki, both, "", false), kVerifyOk);
}

TEST(Verify, IntermediateInChain) {
  const TestPki root(TestKeyType::ecdsa_p384, "Coda Root");
  const TestPki sub = root.intermediate(TestKeyType::ecdsa_p256);
  EXPECT_EQ(sub.ca_pem(), root.ca_pem());
  const test::TestCert leaf = sub.issue(LeafOptions{});
  TrustStore t = store_of(root);
  VerifyOptions v;
  v.hostname = "localhost";
  const auto chain = chain_of(leaf.chain_pem);
  ASSERT_EQ(chain.size(), 2u);
  EXPECT_EQ(verify_chain(t, chain, v), kVerifyOk);
  // Without the intermediate, the issuer cannot be found.
  const auto leaf_only = chain_of(leaf.cert_pem);
  EXPECT_EQ(verify_chain(t, leaf_only, v), kVerifyInvalid | kVerifySignerNotFound);
}

TEST(Verify, UnrelatedExtraCertificatesAreIgnored) {
  // Peers sometimes send certificates that are not on the path; they are
  // offered as intermediates only and do not spoil a good chain.
  const TestPki& pki = test::default_pki();
  TrustStore t = store_of(pki);
  const std::string pem = pki.issue(LeafOptions{}).cert_pem + pki.issue(names({"other"})).cert_pem;
  VerifyOptions v;
  v.hostname = "localhost";
  EXPECT_EQ(verify_chain(t, chain_of(pem), v), kVerifyOk);
}

TEST(Certificate, ParsesAndExposesFields) {
  const TestPki pki(TestKeyType::ecdsa_p256, "Field CA");
  LeafOptions o;
  o.common_name = "Field Leaf";
  const auto before = std::time(nullptr);
  const auto chain = chain_of(pki.issue(o).cert_pem);
  ASSERT_EQ(chain.size(), 1u);
  const Certificate& c = chain[0];
  EXPECT_NE(c.subject().find("CN=Field Leaf"), std::string::npos) << c.subject();
  EXPECT_NE(c.issuer().find("CN=Field CA"), std::string::npos) << c.issuer();
  EXPECT_NEAR(static_cast<double>(c.not_before()), static_cast<double>(before - 3600), 10);
  EXPECT_NEAR(static_cast<double>(c.not_after()), static_cast<double>(before + 30 * 86400), 10);
  EXPECT_NE(c.native(), nullptr);
  auto key = c.public_key();
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->type(), KeyType::ecdsa_p256);

  // DER round trip and copies.
  auto again = Certificate::from_der(c.der());
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(std::equal(again->der().begin(), again->der().end(), c.der().begin(), c.der().end()));
  Certificate copy = c;
  EXPECT_EQ(copy.subject(), c.subject());
  Certificate assigned = chain_of(pki.ca_pem())[0];
  assigned = copy;
  EXPECT_EQ(assigned.native(), c.native());
}

TEST(Certificate, GarbageIsAnErrorNotACrash) {
  EXPECT_FALSE(Certificate::from_der({}).ok());
  EXPECT_FALSE(Certificate::from_der(Bytes(64, 0x30)).ok());
  EXPECT_FALSE(Certificate::from_der(Bytes{0x30, 0x82, 0xff, 0xff, 0x30}).ok());
  EXPECT_FALSE(Certificate::from_der(view("not DER at all")).ok());
  const auto good = chain_of(test::default_pki().ca_pem());
  Bytes der(good[0].der().begin(), good[0].der().end());
  der.push_back(0);  // trailing byte
  EXPECT_FALSE(Certificate::from_der(der).ok());
  der.pop_back();
  der.resize(der.size() / 2);  // truncated
  EXPECT_FALSE(Certificate::from_der(der).ok());
  der.assign(good[0].der().begin(), good[0].der().end());
  for (size_t i = 0; i < der.size(); i += 7) {  // flipped bytes: error or a cert, no crash
    Bytes d = der;
    d[i] ^= 0xA5;
    (void)Certificate::from_der(d);
  }

  auto r = Certificate::chain_from_pem(view("hello"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::invalid_argument);
  EXPECT_FALSE(Certificate::chain_from_pem({}).ok());
  EXPECT_FALSE(Certificate::chain_from_pem(
                   view("-----BEGIN CERTIFICATE-----\nAAAAAAAA\n-----END CERTIFICATE-----\n"))
                   .ok());
  // A good certificate followed by a broken one is an error too.
  const std::string mixed = test::default_pki().ca_pem() +
                            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
  EXPECT_FALSE(Certificate::chain_from_pem(view(mixed)).ok());
  EXPECT_FALSE(Certificate::chain_from_file("/nonexistent.pem").ok());
  TrustStore t;
  EXPECT_FALSE(t.add_pem(view("garbage")).ok());
  EXPECT_FALSE(t.add_file("/nonexistent.pem").ok());
}

TEST(Certificate, PemWithOtherBlocks) {
  const test::TestCert tc = test::default_pki().issue(LeafOptions{});
  // A key block before the certificate is skipped.
  auto r = Certificate::chain_from_pem(view(tc.key_pem + tc.cert_pem));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 1u);
}

TEST(TrustStore, FilesAndSystem) {
  const std::string path = ::testing::TempDir() + "coda_x509_test_ca.pem";
  std::ofstream(path) << test::default_pki().ca_pem() << TestPki().ca_pem();
  TrustStore t;
  auto n = t.add_file(path);
  std::remove(path.c_str());
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 2u);
  EXPECT_EQ(t.size(), 2u);
  EXPECT_NE(t.native(), nullptr);

  auto chain = Certificate::chain_from_file("/etc/ssl/certs/ca-certificates.crt");
  if (!chain.ok()) GTEST_SKIP() << "no system trust store";
  TrustStore sys;
  auto m = sys.add_system();
  ASSERT_TRUE(m.ok());
  EXPECT_GT(*m, 10u);
  EXPECT_EQ(*m, chain->size());
}

TEST(VerifyStatus, AlertsAndDescriptions) {
  EXPECT_EQ(alert_for_verify_status(kVerifyInvalid | kVerifyRevoked),
            AlertDescription::certificate_revoked);
  EXPECT_EQ(alert_for_verify_status(kVerifyInvalid | kVerifySignatureFailure),
            AlertDescription::bad_certificate);
  EXPECT_EQ(describe_verify_status(kVerifyOk), "certificate is trusted");
  const std::string d =
      describe_verify_status(kVerifyInvalid | kVerifyExpired | kVerifySignerNotFound);
  EXPECT_NE(d.find("expired"), std::string::npos);
  EXPECT_NE(d.find("issuer"), std::string::npos);
}

// Parsed certificates are shared by their DER (crypto/certificate_cache.hpp):
// the same bytes give the same X509 and the same DER memory, other bytes
// another.
TEST(CertificateCache, TheSameDerIsParsedOnce) {
  const test::TestCert cert = test::default_pki().issue(test::LeafOptions{});
  auto chain = Certificate::chain_from_pem(as_bytes(cert.cert_pem.data(), cert.cert_pem.size()));
  ASSERT_TRUE(chain.ok());
  const Bytes der(chain->front().der().begin(), chain->front().der().end());
  auto a = Certificate::from_der(der);
  auto b = Certificate::from_der(der);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->native(), b->native());
  EXPECT_EQ(a->der().data(), b->der().data());
  const test::TestCert other = test::default_pki().issue(test::LeafOptions{});
  auto other_chain =
      Certificate::chain_from_pem(as_bytes(other.cert_pem.data(), other.cert_pem.size()));
  ASSERT_TRUE(other_chain.ok());
  auto c = Certificate::from_der(other_chain->front().der());
  ASSERT_TRUE(c.ok());
  EXPECT_NE(c->native(), a->native());
  // Trailing bytes are refused, cached or not.
  Bytes longer = der;
  longer.push_back(0);
  EXPECT_FALSE(Certificate::from_der(longer).ok());
}

}  // namespace
}  // namespace coda::crypto
