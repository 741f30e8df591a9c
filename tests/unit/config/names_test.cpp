#include "config/names.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace coda {
namespace {

TEST(Names, Versions) {
  EXPECT_EQ(version_name(ProtocolVersion::tls13), "TLS1.3");
  EXPECT_EQ(version_name(ProtocolVersion::tls12), "TLS1.2");
  EXPECT_EQ(version_name(ProtocolVersion::tls11), "TLS1.1");
  EXPECT_EQ(version_name(ProtocolVersion::tls10), "TLS1.0");
  EXPECT_EQ(version_name(static_cast<ProtocolVersion>(0x0305)), "UNKNOWN");
}

TEST(Names, SuitesIanaAndGnutls) {
  struct Case {
    CipherSuite suite;
    const char* iana;
    const char* gnutls;
  };
  const Case cases[] = {
      {CipherSuite::tls13_aes_128_gcm_sha256, "TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256"},
      {CipherSuite::tls13_aes_256_gcm_sha384, "TLS_AES_256_GCM_SHA384", "TLS_AES_256_GCM_SHA384"},
      {CipherSuite::tls13_chacha20_poly1305_sha256, "TLS_CHACHA20_POLY1305_SHA256",
       "TLS_CHACHA20_POLY1305_SHA256"},
      {CipherSuite::ecdhe_ecdsa_aes_128_gcm_sha256, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
       "TLS_ECDHE_ECDSA_AES_128_GCM_SHA256"},
      {CipherSuite::ecdhe_ecdsa_aes_256_gcm_sha384, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
       "TLS_ECDHE_ECDSA_AES_256_GCM_SHA384"},
      {CipherSuite::ecdhe_rsa_aes_128_gcm_sha256, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
       "TLS_ECDHE_RSA_AES_128_GCM_SHA256"},
      {CipherSuite::ecdhe_rsa_aes_256_gcm_sha384, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
       "TLS_ECDHE_RSA_AES_256_GCM_SHA384"},
      {CipherSuite::ecdhe_rsa_chacha20_poly1305_sha256,
       "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_CHACHA20_POLY1305"},
      {CipherSuite::ecdhe_ecdsa_chacha20_poly1305_sha256,
       "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_CHACHA20_POLY1305"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(suite_name(c.suite), c.iana);
    EXPECT_EQ(gnutls_suite_name(c.suite), c.gnutls);
  }
  EXPECT_EQ(suite_name(static_cast<CipherSuite>(0x1304)), "UNKNOWN");
  EXPECT_EQ(gnutls_suite_name(static_cast<CipherSuite>(0x1304)), "UNKNOWN");
}

TEST(Names, Groups) {
  EXPECT_EQ(group_name(NamedGroup::x25519), "x25519");
  EXPECT_EQ(group_name(NamedGroup::secp256r1), "secp256r1");
  EXPECT_EQ(group_name(NamedGroup::secp384r1), "secp384r1");
  EXPECT_EQ(group_name(NamedGroup::secp521r1), "secp521r1");
  EXPECT_EQ(group_name(NamedGroup::x448), "x448");
  EXPECT_EQ(gnutls_group_name(NamedGroup::x25519), "X25519");
  EXPECT_EQ(gnutls_group_name(NamedGroup::secp256r1), "SECP256R1");
  EXPECT_EQ(gnutls_group_name(NamedGroup::secp384r1), "SECP384R1");
  EXPECT_EQ(group_name(static_cast<NamedGroup>(0x0100)), "UNKNOWN");
}

TEST(Names, SchemesAreDistinctAndKnown) {
  const SignatureScheme all[] = {
      SignatureScheme::rsa_pkcs1_sha256,
      SignatureScheme::rsa_pkcs1_sha384,
      SignatureScheme::rsa_pkcs1_sha512,
      SignatureScheme::ecdsa_secp256r1_sha256,
      SignatureScheme::ecdsa_secp384r1_sha384,
      SignatureScheme::ecdsa_secp521r1_sha512,
      SignatureScheme::rsa_pss_rsae_sha256,
      SignatureScheme::rsa_pss_rsae_sha384,
      SignatureScheme::rsa_pss_rsae_sha512,
      SignatureScheme::ed25519,
      SignatureScheme::ed448,
      SignatureScheme::rsa_pss_pss_sha256,
      SignatureScheme::rsa_pss_pss_sha384,
      SignatureScheme::rsa_pss_pss_sha512,
  };
  std::set<std::string> iana;
  std::set<std::string> gnutls;
  for (SignatureScheme s : all) {
    EXPECT_NE(scheme_name(s), "UNKNOWN");
    EXPECT_NE(gnutls_scheme_name(s), "UNKNOWN");
    iana.emplace(scheme_name(s));
    gnutls.emplace(gnutls_scheme_name(s));
  }
  EXPECT_EQ(iana.size(), std::size(all));
  EXPECT_EQ(gnutls.size(), std::size(all));
  EXPECT_EQ(scheme_name(SignatureScheme::rsa_pss_rsae_sha256), "rsa_pss_rsae_sha256");
  EXPECT_EQ(gnutls_scheme_name(SignatureScheme::rsa_pss_rsae_sha256), "RSA-PSS-RSAE-SHA256");
  EXPECT_EQ(gnutls_scheme_name(SignatureScheme::rsa_pss_pss_sha256), "RSA-PSS-SHA256");
  EXPECT_EQ(gnutls_scheme_name(SignatureScheme::ed25519), "EdDSA-Ed25519");
  EXPECT_EQ(gnutls_scheme_name(SignatureScheme::rsa_pkcs1_sha384), "RSA-SHA384");
  EXPECT_EQ(scheme_name(static_cast<SignatureScheme>(0x0201)), "UNKNOWN");
}

}  // namespace
}  // namespace coda
