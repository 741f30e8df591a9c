#include "config/priority.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace coda {
namespace {

using CS = CipherSuite;
using G = NamedGroup;
using S = SignatureScheme;
using V = ProtocolVersion;

Priority must_parse(std::string_view text) {
  PriorityError where;
  auto r = parse_priority(text, &where);
  EXPECT_TRUE(r.ok()) << text << ": " << where.message;
  return r.ok() ? r.value() : Priority{};
}

PriorityError must_fail(std::string_view text) {
  PriorityError where;
  auto r = parse_priority(text, &where);
  EXPECT_FALSE(r.ok()) << text << " parsed";
  if (!r.ok()) {
    EXPECT_EQ(r.error().kind, ErrorKind::invalid_argument) << text;
  }
  return where;
}

const std::vector<V> kBoth = {V::tls13, V::tls12};
const std::vector<CS> kNormalSuites = {
    CS::tls13_aes_256_gcm_sha384,
    CS::tls13_chacha20_poly1305_sha256,
    CS::tls13_aes_128_gcm_sha256,
    CS::ecdhe_ecdsa_aes_256_gcm_sha384,
    CS::ecdhe_ecdsa_chacha20_poly1305_sha256,
    CS::ecdhe_ecdsa_aes_128_gcm_sha256,
    CS::ecdhe_rsa_aes_256_gcm_sha384,
    CS::ecdhe_rsa_chacha20_poly1305_sha256,
    CS::ecdhe_rsa_aes_128_gcm_sha256,
};
const std::vector<G> kNormalGroups = {G::secp256r1, G::secp384r1, G::x25519};
const std::vector<S> kNormalSchemes = {
    S::rsa_pkcs1_sha256,    S::rsa_pss_rsae_sha256, S::ecdsa_secp256r1_sha256, S::ed25519,
    S::rsa_pkcs1_sha384,    S::rsa_pss_rsae_sha384, S::ecdsa_secp384r1_sha384, S::rsa_pkcs1_sha512,
    S::rsa_pss_rsae_sha512,
};

void expect_normal(const Priority& p, std::string_view text) {
  EXPECT_EQ(p.versions, kBoth) << text;
  EXPECT_EQ(p.cipher_suites, kNormalSuites) << text;
  EXPECT_EQ(p.groups, kNormalGroups) << text;
  EXPECT_EQ(p.signature_schemes, kNormalSchemes) << text;
  EXPECT_FALSE(p.server_precedence) << text;
}

// ---- Keywords ----

TEST(PriorityKeywords, NormalAndItsEquivalents) {
  // These differ from NORMAL in GnuTLS only by algorithms Coda lacks.
  for (const char* k : {"NORMAL", "PFS", "LEGACY", "SECURE128", "SECURE", "SYSTEM", "@SYSTEM"}) {
    expect_normal(must_parse(k), k);
  }
}

TEST(PriorityKeywords, Performance) {
  const Priority p = must_parse("PERFORMANCE");
  EXPECT_EQ(p.versions, kBoth);
  EXPECT_EQ(p.cipher_suites, (std::vector<CS>{
                                 CS::tls13_aes_128_gcm_sha256,
                                 CS::tls13_aes_256_gcm_sha384,
                                 CS::tls13_chacha20_poly1305_sha256,
                                 CS::ecdhe_ecdsa_aes_128_gcm_sha256,
                                 CS::ecdhe_ecdsa_aes_256_gcm_sha384,
                                 CS::ecdhe_ecdsa_chacha20_poly1305_sha256,
                                 CS::ecdhe_rsa_aes_128_gcm_sha256,
                                 CS::ecdhe_rsa_aes_256_gcm_sha384,
                                 CS::ecdhe_rsa_chacha20_poly1305_sha256,
                             }));
  EXPECT_EQ(p.groups, kNormalGroups);
  EXPECT_EQ(p.signature_schemes, kNormalSchemes);
}

TEST(PriorityKeywords, Secure192AndSecure256) {
  for (const char* k : {"SECURE192", "SECURE256"}) {
    const Priority p = must_parse(k);
    EXPECT_EQ(p.versions, kBoth) << k;
    EXPECT_EQ(p.cipher_suites, (std::vector<CS>{
                                   CS::tls13_aes_256_gcm_sha384,
                                   CS::tls13_chacha20_poly1305_sha256,
                                   CS::ecdhe_ecdsa_aes_256_gcm_sha384,
                                   CS::ecdhe_ecdsa_chacha20_poly1305_sha256,
                                   CS::ecdhe_rsa_aes_256_gcm_sha384,
                                   CS::ecdhe_rsa_chacha20_poly1305_sha256,
                               }))
        << k;
    EXPECT_EQ(p.groups, std::vector<G>{G::secp384r1}) << k;
    EXPECT_EQ(p.signature_schemes, (std::vector<S>{S::rsa_pkcs1_sha384, S::rsa_pss_rsae_sha384,
                                                   S::ecdsa_secp384r1_sha384, S::rsa_pkcs1_sha512,
                                                   S::rsa_pss_rsae_sha512}))
        << k;
  }
}

TEST(PriorityKeywords, SuiteB) {
  const Priority b128 = must_parse("SUITEB128");
  EXPECT_EQ(b128.versions, std::vector<V>{V::tls12});
  EXPECT_EQ(b128.cipher_suites, (std::vector<CS>{CS::ecdhe_ecdsa_aes_256_gcm_sha384,
                                                 CS::ecdhe_ecdsa_aes_128_gcm_sha256}));
  EXPECT_EQ(b128.groups, (std::vector<G>{G::secp256r1, G::secp384r1}));
  EXPECT_EQ(b128.signature_schemes,
            (std::vector<S>{S::ecdsa_secp256r1_sha256, S::ecdsa_secp384r1_sha384}));

  const Priority b192 = must_parse("SUITEB192");
  EXPECT_EQ(b192.versions, std::vector<V>{V::tls12});
  EXPECT_EQ(b192.cipher_suites, std::vector<CS>{CS::ecdhe_ecdsa_aes_256_gcm_sha384});
  EXPECT_EQ(b192.groups, std::vector<G>{G::secp384r1});
  EXPECT_EQ(b192.signature_schemes, std::vector<S>{S::ecdsa_secp384r1_sha384});
}

TEST(PriorityKeywords, NoneStartsEmpty) {
  const PriorityError e = must_fail("NONE");
  EXPECT_EQ(e.position, 0u);
  EXPECT_EQ(e.message.find("no protocol version"), 0u) << e.message;
}

TEST(PriorityKeywords, MinimalFromNone) {
  // As in GnuTLS, the suite needs the AEAD "MAC" too; without it nothing is
  // enabled (gnutls_priority_init fails on this string as well).
  const PriorityError e = must_fail("NONE:+VERS-TLS1.3:+AES-128-GCM:+GROUP-X25519:+SIGN-ALL");
  EXPECT_EQ(e.position, 0u);
  EXPECT_NE(e.message.find("no cipher suite"), std::string::npos) << e.message;

  const Priority p = must_parse("NONE:+VERS-TLS1.3:+AES-128-GCM:+GROUP-X25519:+SIGN-ALL:+AEAD");
  EXPECT_EQ(p.versions, std::vector<V>{V::tls13});
  EXPECT_EQ(p.cipher_suites, std::vector<CS>{CS::tls13_aes_128_gcm_sha256});
  EXPECT_EQ(p.groups, std::vector<G>{G::x25519});
  EXPECT_EQ(p.signature_schemes, kNormalSchemes);
}

TEST(PriorityKeywords, KeywordIsOptional) {
  // Without a keyword GnuTLS enables NORMAL's versions, groups and schemes,
  // and no cipher, key exchange or MAC.
  const Priority p = must_parse("+VERS-TLS1.2:+AES-256-GCM:+AEAD:+ECDHE-ECDSA:+GROUP-SECP384R1");
  EXPECT_EQ(p.versions, kBoth);
  EXPECT_EQ(p.cipher_suites,
            (std::vector<CS>{CS::tls13_aes_256_gcm_sha384, CS::ecdhe_ecdsa_aes_256_gcm_sha384}));
  EXPECT_EQ(p.groups, kNormalGroups);
  EXPECT_EQ(p.signature_schemes, kNormalSchemes);
  EXPECT_EQ(must_fail("+AES-128-GCM").position, 0u);  // no MAC: no suite
  // A flag may come before the keyword.
  const Priority q = must_parse("%SERVER_PRECEDENCE:NORMAL");
  EXPECT_TRUE(q.server_precedence);
  EXPECT_EQ(q.cipher_suites, kNormalSuites);
}

TEST(PriorityKeywords, FirstBareKeywordReplacesEverything) {
  // Items before it are forgotten, and defaults are replaced.
  const Priority p = must_parse("+AES-128-GCM:+GROUP-X448:%COMPAT:SECURE256");
  EXPECT_TRUE(p.compat);  // flags are not lists: they stay
  EXPECT_EQ(p.cipher_suites.size(), 6u);
  EXPECT_EQ(p.groups, std::vector<G>{G::secp384r1});
  const Priority q = must_parse("%COMPAT:SECURE256:NORMAL");
  EXPECT_EQ(q.groups, (std::vector<G>{G::secp384r1, G::secp256r1, G::x25519}));
  // "+KEYWORD" first only adds, here to the defaults.
  const Priority r = must_parse("%COMPAT:+SECURE256");
  EXPECT_EQ(r.groups, kNormalGroups);
  EXPECT_EQ(r.cipher_suites.size(), 6u);
}

TEST(PriorityKeywords, LaterKeywordAppendsWhatIsMissing) {
  // NORMAL already has everything SECURE256 has: nothing changes.
  expect_normal(must_parse("NORMAL:SECURE256"), "NORMAL:SECURE256");
  expect_normal(must_parse("NORMAL:+SECURE256"), "NORMAL:+SECURE256");
  // SECURE256 then NORMAL: SECURE256's order first, NORMAL's extras after.
  const Priority p = must_parse("SECURE256:+SECURE128");
  EXPECT_EQ(p.groups, (std::vector<G>{G::secp384r1, G::secp256r1, G::x25519}));
  EXPECT_EQ(p.cipher_suites.front(), CS::tls13_aes_256_gcm_sha384);
  EXPECT_EQ(p.cipher_suites[2], CS::tls13_aes_128_gcm_sha256);
  EXPECT_EQ(p.signature_schemes.front(), S::rsa_pkcs1_sha384);
  EXPECT_EQ(p.signature_schemes.size(), kNormalSchemes.size());
}

// ---- Versions ----

TEST(PriorityVersions, OnlyTls13) {
  for (const char* s : {"NORMAL:-VERS-ALL:+VERS-TLS1.3", "NORMAL:-VERS-TLS-ALL:+VERS-TLS1.3",
                        "NORMAL:-VERS-TLS1.2", "NORMAL:!VERS-TLS1.2"}) {
    const Priority p = must_parse(s);
    EXPECT_EQ(p.versions, std::vector<V>{V::tls13}) << s;
    EXPECT_EQ(p.cipher_suites,
              (std::vector<CS>{CS::tls13_aes_256_gcm_sha384, CS::tls13_chacha20_poly1305_sha256,
                               CS::tls13_aes_128_gcm_sha256}))
        << s;
  }
}

TEST(PriorityVersions, OnlyTls12) {
  for (const char* s : {"NORMAL:-VERS-ALL:+VERS-TLS1.2", "NORMAL:-VERS-TLS-ALL:+VERS-TLS1.2",
                        "NORMAL:-VERS-TLS1.3", "NORMAL:!VERS-TLS1.3"}) {
    const Priority p = must_parse(s);
    EXPECT_EQ(p.versions, std::vector<V>{V::tls12}) << s;
    EXPECT_EQ(p.cipher_suites, std::vector<CS>(kNormalSuites.begin() + 3, kNormalSuites.end()))
        << s;
  }
}

TEST(PriorityVersions, OrderIsAlwaysHighestFirst) {
  EXPECT_EQ(must_parse("NORMAL:-VERS-ALL:+VERS-TLS1.2:+VERS-TLS1.3").versions, kBoth);
  EXPECT_EQ(must_parse("NORMAL:-VERS-TLS1.3:+VERS-TLS1.3").versions, kBoth);
  // TLS 1.3 suites come first whatever the version order.
  EXPECT_EQ(must_parse("NORMAL:-VERS-TLS1.3:+VERS-TLS1.3").cipher_suites, kNormalSuites);
  EXPECT_EQ(must_parse("NONE:+VERS-ALL:+CIPHER-ALL:+KX-ALL:+MAC-ALL").versions, kBoth);
  EXPECT_EQ(must_parse("NONE:+VERS-TLS-ALL:+CIPHER-ALL:+KX-ALL:+MAC-ALL").versions, kBoth);
}

TEST(PriorityVersions, OlderVersionsAreRecognisedButNeverEnabled) {
  for (const char* item : {"VERS-TLS1.0", "VERS-TLS1.1", "VERS-SSL3.0", "VERS-DTLS1.2",
                           "VERS-DTLS1.0", "VERS-DTLS0.9", "VERS-DTLS-ALL"}) {
    for (const char* sign : {"+", "-", "!"}) {
      const std::string s = std::string("NORMAL:") + sign + item;
      expect_normal(must_parse(s), s);
    }
    const std::string only = std::string("NORMAL:-VERS-ALL:+") + item;
    const PriorityError e = must_fail(only);
    EXPECT_EQ(e.position, 0u) << only;
    EXPECT_EQ(e.token, only);
    EXPECT_NE(e.message.find("no protocol version enabled"), std::string::npos) << e.message;
  }
}

// ---- Ciphers ----

TEST(PriorityCiphers, OnlyChacha) {
  const Priority p = must_parse("NORMAL:-CIPHER-ALL:+CHACHA20-POLY1305");
  EXPECT_EQ(p.cipher_suites, (std::vector<CS>{CS::tls13_chacha20_poly1305_sha256,
                                              CS::ecdhe_ecdsa_chacha20_poly1305_sha256,
                                              CS::ecdhe_rsa_chacha20_poly1305_sha256}));
}

TEST(PriorityCiphers, RemoveEachCipher) {
  const Priority a = must_parse("NORMAL:-AES-256-GCM");
  EXPECT_EQ(
      a.cipher_suites,
      (std::vector<CS>{CS::tls13_chacha20_poly1305_sha256, CS::tls13_aes_128_gcm_sha256,
                       CS::ecdhe_ecdsa_chacha20_poly1305_sha256, CS::ecdhe_ecdsa_aes_128_gcm_sha256,
                       CS::ecdhe_rsa_chacha20_poly1305_sha256, CS::ecdhe_rsa_aes_128_gcm_sha256}));
  const Priority b = must_parse("NORMAL:!AES-128-GCM:-CHACHA20-POLY1305");
  EXPECT_EQ(b.cipher_suites,
            (std::vector<CS>{CS::tls13_aes_256_gcm_sha384, CS::ecdhe_ecdsa_aes_256_gcm_sha384,
                             CS::ecdhe_rsa_aes_256_gcm_sha384}));
}

TEST(PriorityCiphers, AddingMovesOnlyWhatWasRemoved) {
  // '+' of an enabled cipher changes nothing; re-adding puts it last.
  expect_normal(must_parse("NORMAL:+AES-256-GCM:+CIPHER-ALL"), "+AES-256-GCM");
  const Priority p = must_parse("NORMAL:-AES-256-GCM:+AES-256-GCM");
  EXPECT_EQ(p.cipher_suites.front(), CS::tls13_chacha20_poly1305_sha256);
  EXPECT_EQ(p.cipher_suites[2], CS::tls13_aes_256_gcm_sha384);
  EXPECT_EQ(p.cipher_suites.back(), CS::ecdhe_rsa_aes_256_gcm_sha384);
}

TEST(PriorityCiphers, UnsupportedCiphersAreHarmless) {
  for (const char* item :
       {"AES-128-CBC", "AES-256-CBC", "3DES-CBC", "ARCFOUR-128", "CAMELLIA-128-CBC",
        "CAMELLIA-256-GCM", "AES-128-CCM", "AES-256-CCM", "AES-128-CCM-8", "NULL"}) {
    for (const char* sign : {"+", "-", "!"}) {
      const std::string s = std::string("NORMAL:") + sign + item;
      expect_normal(must_parse(s), s);
    }
    // They never make a suite on their own.
    must_fail(std::string("NORMAL:-CIPHER-ALL:+") + item);
  }
}

// ---- Key exchange ----

TEST(PriorityKx, RemoveAndReorder) {
  const Priority none = must_parse("NORMAL:-KX-ALL");
  EXPECT_EQ(none.versions, kBoth);  // as GnuTLS: 1.2 stays enabled, with no suite
  EXPECT_EQ(none.cipher_suites, std::vector<CS>(kNormalSuites.begin(), kNormalSuites.begin() + 3));

  const Priority rsa = must_parse("NORMAL:-ECDHE-ECDSA");
  EXPECT_EQ(rsa.cipher_suites.size(), 6u);
  EXPECT_EQ(rsa.cipher_suites[3], CS::ecdhe_rsa_aes_256_gcm_sha384);

  const Priority ecdsa = must_parse("NORMAL:!ECDHE-RSA");
  EXPECT_EQ(ecdsa.cipher_suites, std::vector<CS>(kNormalSuites.begin(), kNormalSuites.begin() + 6));

  const Priority swapped = must_parse("NORMAL:-KX-ALL:+ECDHE-RSA:+ECDHE-ECDSA");
  EXPECT_EQ(swapped.cipher_suites, (std::vector<CS>{
                                       CS::tls13_aes_256_gcm_sha384,
                                       CS::tls13_chacha20_poly1305_sha256,
                                       CS::tls13_aes_128_gcm_sha256,
                                       CS::ecdhe_rsa_aes_256_gcm_sha384,
                                       CS::ecdhe_rsa_chacha20_poly1305_sha256,
                                       CS::ecdhe_rsa_aes_128_gcm_sha256,
                                       CS::ecdhe_ecdsa_aes_256_gcm_sha384,
                                       CS::ecdhe_ecdsa_chacha20_poly1305_sha256,
                                       CS::ecdhe_ecdsa_aes_128_gcm_sha256,
                                   }));
}

TEST(PriorityKx, UnsupportedKxAreHarmless) {
  for (const char* item : {"RSA", "DHE-RSA", "DHE-DSS", "PSK", "ECDHE-PSK", "ANON-DH", "SRP"}) {
    for (const char* sign : {"+", "-", "!"}) {
      const std::string s = std::string("NORMAL:") + sign + item;
      expect_normal(must_parse(s), s);
    }
  }
  // TLS 1.2 with no usable key exchange has no suite.
  must_fail("NORMAL:-VERS-TLS1.3:-KX-ALL:+RSA:+DHE-RSA");
}

// ---- MACs ----

TEST(PriorityMacs, AeadIsRequired) {
  for (const char* s : {"NORMAL:-MAC-ALL", "NORMAL:-AEAD", "NORMAL:!AEAD"}) {
    const PriorityError e = must_fail(s);
    EXPECT_EQ(e.position, 0u) << s;
    EXPECT_NE(e.message.find("no cipher suite enabled"), std::string::npos) << e.message;
  }
  expect_normal(must_parse("NORMAL:-MAC-ALL:+AEAD"), "re-add AEAD");
  expect_normal(must_parse("NORMAL:-AEAD:+MAC-ALL"), "re-add MAC-ALL");
}

TEST(PriorityMacs, OtherMacsAreHarmless) {
  for (const char* item : {"SHA1", "SHA256", "SHA384", "MD5", "UMAC-96"}) {
    for (const char* sign : {"+", "-", "!"}) {
      const std::string s = std::string("NORMAL:") + sign + item;
      expect_normal(must_parse(s), s);
    }
  }
}

// ---- Groups ----

TEST(PriorityGroups, OnlyX25519) {
  const Priority p = must_parse("NORMAL:-GROUP-ALL:+GROUP-X25519");
  EXPECT_EQ(p.groups, std::vector<G>{G::x25519});
  EXPECT_EQ(p.cipher_suites, kNormalSuites);
  EXPECT_EQ(must_parse("NORMAL:-CURVE-ALL:+CURVE-X25519").groups, std::vector<G>{G::x25519});
}

TEST(PriorityGroups, RemoveAddReorder) {
  EXPECT_EQ(must_parse("NORMAL:-GROUP-SECP384R1").groups,
            (std::vector<G>{G::secp256r1, G::x25519}));
  EXPECT_EQ(must_parse("NORMAL:!CURVE-SECP256R1").groups,
            (std::vector<G>{G::secp384r1, G::x25519}));
  EXPECT_EQ(must_parse("NORMAL:-GROUP-ALL:+GROUP-X25519:+GROUP-SECP384R1:+GROUP-SECP256R1").groups,
            (std::vector<G>{G::x25519, G::secp384r1, G::secp256r1}));
  EXPECT_EQ(must_parse("NORMAL:-GROUP-EC-ALL").groups, std::vector<G>{});
  // As in GnuTLS, no groups at all is accepted; the handshake will fail.
  EXPECT_TRUE(must_parse("NORMAL:-GROUP-ALL").groups.empty());
}

TEST(PriorityGroups, UnsupportedGroupsAreHarmless) {
  for (const char* item : {"GROUP-SECP521R1", "GROUP-X448", "CURVE-SECP521R1", "CURVE-X448",
                           "GROUP-FFDHE2048", "GROUP-FFDHE8192", "GROUP-DH-ALL"}) {
    for (const char* sign : {"+", "-", "!"}) {
      const std::string s = std::string("NORMAL:") + sign + item;
      expect_normal(must_parse(s), s);
    }
  }
  EXPECT_TRUE(must_parse("NORMAL:-GROUP-ALL:+GROUP-SECP521R1:+GROUP-X448").groups.empty());
  // GnuTLS has no CURVE- spelling for finite-field groups.
  EXPECT_EQ(must_fail("NORMAL:+CURVE-FFDHE2048").position, 7u);
}

// ---- Signature schemes ----

TEST(PrioritySignatures, AddRemoveEach) {
  EXPECT_EQ(must_parse("NORMAL:-SIGN-ALL:+SIGN-EdDSA-Ed25519:+SIGN-RSA-PSS-RSAE-SHA256")
                .signature_schemes,
            (std::vector<S>{S::ed25519, S::rsa_pss_rsae_sha256}));
  EXPECT_EQ(must_parse("NONE:+SIGN-ECDSA-SHA256:+SIGN-ECDSA-SECP256R1-SHA256:+SIGN-ECDSA-SHA384:"
                       "+VERS-TLS1.3:+AES-128-GCM:+AEAD")
                .signature_schemes,
            (std::vector<S>{S::ecdsa_secp256r1_sha256, S::ecdsa_secp384r1_sha384}));
  struct Case {
    const char* item;
    S scheme;
  };
  for (const Case& c :
       {Case{"SIGN-RSA-SHA256", S::rsa_pkcs1_sha256}, Case{"SIGN-RSA-SHA384", S::rsa_pkcs1_sha384},
        Case{"SIGN-RSA-SHA512", S::rsa_pkcs1_sha512},
        Case{"SIGN-RSA-PSS-RSAE-SHA256", S::rsa_pss_rsae_sha256},
        Case{"SIGN-RSA-PSS-RSAE-SHA384", S::rsa_pss_rsae_sha384},
        Case{"SIGN-RSA-PSS-RSAE-SHA512", S::rsa_pss_rsae_sha512},
        Case{"SIGN-ECDSA-SECP256R1-SHA256", S::ecdsa_secp256r1_sha256},
        Case{"SIGN-ECDSA-SECP384R1-SHA384", S::ecdsa_secp384r1_sha384},
        Case{"SIGN-EdDSA-Ed25519", S::ed25519}}) {
    for (const char* sign : {"-", "!"}) {
      const Priority p = must_parse(std::string("NORMAL:") + sign + c.item);
      std::vector<S> expected = kNormalSchemes;
      std::erase(expected, c.scheme);
      EXPECT_EQ(p.signature_schemes, expected) << c.item;
    }
    EXPECT_EQ(must_parse(std::string("NORMAL:-SIGN-ALL:+") + c.item).signature_schemes,
              std::vector<S>{c.scheme})
        << c.item;
  }
}

TEST(PrioritySignatures, UnsupportedSchemesAreHarmless) {
  for (const char* item :
       {"SIGN-RSA-SHA1", "SIGN-ECDSA-SHA1", "SIGN-RSA-PSS-SHA256", "SIGN-ECDSA-SECP521R1-SHA512",
        "SIGN-EdDSA-Ed448", "SIGN-DSA-SHA256", "SIGN-RSA-MD5"}) {
    for (const char* sign : {"+", "-", "!"}) {
      const std::string s = std::string("NORMAL:") + sign + item;
      expect_normal(must_parse(s), s);
    }
  }
}

// ---- Compression and certificate types ----

TEST(PriorityOther, CompressionAndCertificateTypesAreAccepted) {
  for (const char* item : {"COMP-ALL", "COMP-NULL", "COMP-DEFLATE", "CTYPE-ALL", "CTYPE-X509",
                           "CTYPE-SRV-X509", "CTYPE-CLI-ALL"}) {
    for (const char* sign : {"+", "-", "!"}) {
      const std::string s = std::string("NORMAL:") + sign + item;
      expect_normal(must_parse(s), s);
    }
  }
  EXPECT_EQ(must_fail("NORMAL:+CTYPE-FOO").position, 7u);
}

// ---- Flags ----

TEST(PriorityFlags, StoredFlags) {
  const Priority none = must_parse("NORMAL");
  EXPECT_FALSE(none.server_precedence);
  EXPECT_FALSE(none.compat);
  EXPECT_FALSE(none.no_tickets);
  EXPECT_TRUE(none.tls13_middlebox_compat);

  EXPECT_TRUE(must_parse("NORMAL:%SERVER_PRECEDENCE").server_precedence);
  EXPECT_TRUE(must_parse("NORMAL:%COMPAT").compat);
  EXPECT_TRUE(must_parse("NORMAL:%NO_TICKETS").no_tickets);
  EXPECT_TRUE(must_parse("NORMAL:%NO_TICKETS_TLS12").no_tickets_tls12);
  EXPECT_TRUE(must_parse("NORMAL:%NO_SESSION_HASH").no_session_hash);
  EXPECT_TRUE(must_parse("NORMAL:%FALLBACK_SCSV").fallback_scsv);
  EXPECT_FALSE(must_parse("NORMAL:%DISABLE_TLS13_COMPAT_MODE").tls13_middlebox_compat);
  EXPECT_TRUE(must_parse("NORMAL:%VERIFY_ALLOW_SIGN_WITH_SHA1").verify_allow_sign_with_sha1);
  EXPECT_TRUE(must_parse("NORMAL:%VERIFY_ALLOW_BROKEN").verify_allow_broken);
}

TEST(PriorityFlags, NoExtensionsDisablesTls13) {
  const Priority p = must_parse("NORMAL:%NO_EXTENSIONS");
  EXPECT_TRUE(p.no_extensions);
  EXPECT_EQ(p.versions, std::vector<V>{V::tls12});
  EXPECT_EQ(p.cipher_suites, std::vector<CS>(kNormalSuites.begin() + 3, kNormalSuites.end()));
  EXPECT_EQ(must_fail("NORMAL:%NO_EXTENSIONS:-VERS-ALL:+VERS-TLS1.3").position, 0u);
}

TEST(PriorityFlags, IgnoredFlagsAreAccepted) {
  for (const char* f :
       {"%DUMBFW", "%LATEST_RECORD_VERSION", "%SSL3_RECORD_VERSION", "%NO_ETM", "%FORCE_ETM",
        "%STATELESS_COMPRESSION", "%NEW_PADDING", "%SAFE_RENEGOTIATION", "%UNSAFE_RENEGOTIATION",
        "%PARTIAL_RENEGOTIATION", "%DISABLE_SAFE_RENEGOTIATION", "%VERIFY_DISABLE_CRL_CHECKS",
        "%VERIFY_ALLOW_X509_V1_CA_CRT", "%PROFILE_LOW", "%PROFILE_HIGH", "%ALLOW_SMALL_RECORDS"}) {
    const std::string s = std::string("NORMAL:") + f;
    expect_normal(must_parse(s), s);
  }
}

TEST(PriorityFlags, UnknownAndLowerCaseFlagsAreErrors) {
  for (const char* f : {"%FOO", "%server_precedence", "%", "%NO_STATUS_REQUEST"}) {
    const PriorityError e = must_fail(std::string("NORMAL:") + f);
    EXPECT_EQ(e.position, 7u) << f;
    EXPECT_EQ(e.token, f);
  }
}

// ---- Errors ----

TEST(PriorityErrors, UnknownToken) {
  const PriorityError e = must_fail("NORMAL:+FOO");
  EXPECT_EQ(e.position, 7u);
  EXPECT_EQ(e.token, "+FOO");
  EXPECT_EQ(e.message, "unknown priority item '+FOO' at position 7");

  PriorityError where;
  auto r = parse_priority("NORMAL:+VERS-TLS1.2:%FOO:+BAR", &where);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::invalid_argument);
  EXPECT_STREQ(r.error().detail, "unknown priority item");
  EXPECT_EQ(where.position, 20u);
  EXPECT_EQ(where.token, "%FOO");

  EXPECT_EQ(must_fail("FOO").position, 0u);
  EXPECT_EQ(must_fail("NORMAL:^FOO").position, 7u);
  EXPECT_EQ(must_fail("NORMAL:+VERS-TLS1.4").position, 7u);
  EXPECT_EQ(must_fail("NORMAL:-SECURE128").token, "-SECURE128");  // keywords only add
  EXPECT_EQ(must_fail("NORMAL:+").position, 7u);
  EXPECT_EQ(must_fail("NORMAL:-").position, 7u);
  EXPECT_EQ(must_fail("NORMAL:+AEAD:+AES-128-GCM:+ChaCha").position, 26u);
}

TEST(PriorityErrors, WhitespaceAroundWords) {
  // Spaces before a word are skipped, but the error points at the token start.
  expect_normal(must_parse(" NORMAL"), "leading space");
  expect_normal(must_parse("NORMAL: +AEAD"), "space before item");
  const PriorityError e = must_fail("NORMAL: +FOO");
  EXPECT_EQ(e.position, 7u);
  EXPECT_EQ(e.token, " +FOO");
  EXPECT_EQ(must_fail("NORMAL:+AEAD ").position, 7u);
  EXPECT_EQ(must_fail("NORMAL :+AEAD").position, 0u);
  EXPECT_EQ(must_fail("NORMAL:\t+AEAD").position, 7u);
}

TEST(PriorityErrors, EmptyToken) {
  for (auto [text, pos] :
       std::vector<std::pair<const char*, size_t>>{{"NORMAL::+AEAD", 7},
                                                   {"NORMAL:", 7},
                                                   {"", 0},
                                                   {":NORMAL", 0},
                                                   {"NORMAL:  ", 7},
                                                   {"NORMAL:+VERS-TLS1.0:", 20}}) {
    const PriorityError e = must_fail(text);
    EXPECT_EQ(e.position, pos) << text;
    EXPECT_EQ(e.message, "empty priority item at position " + std::to_string(pos)) << text;
  }
}

TEST(PriorityErrors, NoVersionLeft) {
  for (const char* s : {"NORMAL:-VERS-ALL", "NORMAL:-VERS-TLS-ALL", "NORMAL:-VERS-ALL:+VERS-TLS1.0",
                        "NORMAL:-VERS-TLS1.2:!VERS-TLS1.3", "NONE:+AES-128-GCM:+AEAD"}) {
    PriorityError where;
    auto r = parse_priority(s, &where);
    ASSERT_FALSE(r.ok()) << s;
    EXPECT_STREQ(r.error().detail, "no protocol version enabled");
    EXPECT_EQ(where.position, 0u);
    EXPECT_EQ(where.token, s);
  }
}

TEST(PriorityErrors, NoCipherSuiteLeft) {
  for (const char* s :
       {"NORMAL:-CIPHER-ALL", "NORMAL:-CIPHER-ALL:+AES-128-CBC",
        "NORMAL:-VERS-ALL:+VERS-TLS1.3:-AES-128-GCM:-AES-256-GCM:-CHACHA20-POLY1305",
        "NORMAL:-VERS-TLS1.3:-KX-ALL"}) {
    PriorityError where;
    auto r = parse_priority(s, &where);
    ASSERT_FALSE(r.ok()) << s;
    EXPECT_STREQ(r.error().detail, "no cipher suite enabled");
    EXPECT_EQ(where.position, 0u);
  }
}

TEST(PriorityErrors, WhereIsOptional) {
  auto r = parse_priority("NORMAL:+FOO");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::invalid_argument);
  EXPECT_TRUE(parse_priority("NORMAL").ok());
}

// ---- Case ----

TEST(PriorityCase, KeywordsAndItemsIgnoreCase) {
  for (const char* k : {"normal", "Normal", "nOrMaL", "secure128", "@system", "pfs"}) {
    expect_normal(must_parse(k), k);
  }
  const Priority p = must_parse(
      "normal:-vers-all:+Vers-Tls1.3:-cipher-all:+aes-128-gcm:-group-all:+group-x25519:"
      "-sign-all:+sign-eddsa-ed25519:+Sign-Ecdsa-Secp256r1-Sha256:+aead:-mac-all:+Aead:"
      "+comp-null:%SERVER_PRECEDENCE");
  EXPECT_EQ(p.versions, std::vector<V>{V::tls13});
  EXPECT_EQ(p.cipher_suites, std::vector<CS>{CS::tls13_aes_128_gcm_sha256});
  EXPECT_EQ(p.groups, std::vector<G>{G::x25519});
  EXPECT_EQ(p.signature_schemes, (std::vector<S>{S::ed25519, S::ecdsa_secp256r1_sha256}));
  EXPECT_TRUE(p.server_precedence);
  EXPECT_EQ(must_parse("suiteb192").cipher_suites,
            std::vector<CS>{CS::ecdhe_ecdsa_aes_256_gcm_sha384});
}

// ---- describe ----

TEST(PriorityDescribe, ListsEverything) {
  const Priority p = must_parse(
      "NORMAL:-VERS-TLS1.2:-CIPHER-ALL:+AES-128-GCM:-GROUP-ALL:+GROUP-X25519:-SIGN-ALL:"
      "+SIGN-EdDSA-Ed25519:%SERVER_PRECEDENCE:%NO_TICKETS");
  const std::string d = describe(p);
  EXPECT_NE(d.find("TLS_AES_128_GCM_SHA256"), std::string::npos) << d;
  EXPECT_NE(d.find("0x13, 0x01  TLS1.3"), std::string::npos) << d;
  EXPECT_NE(d.find("Protocols: VERS-TLS1.3\n"), std::string::npos) << d;
  EXPECT_NE(d.find("Groups: GROUP-X25519\n"), std::string::npos) << d;
  EXPECT_NE(d.find("PK-signatures: SIGN-EdDSA-Ed25519\n"), std::string::npos) << d;
  EXPECT_NE(d.find("Flags: %SERVER_PRECEDENCE, %NO_TICKETS\n"), std::string::npos) << d;

  const std::string n = describe(must_parse("NORMAL"));
  EXPECT_NE(n.find("TLS_ECDHE_RSA_CHACHA20_POLY1305"), std::string::npos) << n;
  EXPECT_NE(n.find("0xcc, 0xa8  TLS1.2"), std::string::npos) << n;
  EXPECT_NE(n.find("Groups: GROUP-SECP256R1, GROUP-SECP384R1, GROUP-X25519\n"), std::string::npos);
  EXPECT_NE(n.find("Flags: none\n"), std::string::npos) << n;
}

}  // namespace
}  // namespace coda
