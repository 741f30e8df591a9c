// Compares parse_priority with the real GnuTLS: `gnutls-cli --list --priority
// X` prints the suites, versions, groups and signature schemes GnuTLS derives
// from X; restricted to what Coda implements, they must be what Coda derives,
// in the same order. Skipped (and so not passing) when gnutls-cli is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "config/priority.hpp"

namespace coda {
namespace {

bool have_gnutls_cli() {
  return std::system("command -v gnutls-cli >/dev/null 2>&1") == 0;
}

struct CliResult {
  bool ok = false;
  std::optional<size_t> syntax_error_at;  // when gnutls-cli reports a syntax error
  std::vector<CipherSuite> suites;
  std::vector<ProtocolVersion> versions;
  std::vector<NamedGroup> groups;
  std::vector<SignatureScheme> schemes;
};

std::string run(const std::string& priority) {
  // Test strings never contain a single quote, so this quoting is enough.
  const std::string cmd = "gnutls-cli --list --priority '" + priority + "' 2>&1; echo \"rc=$?\"";
  std::string out;
  if (FILE* f = popen(cmd.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    pclose(f);
  }
  return out;
}

std::vector<std::string> split_names(const std::string& rest) {
  std::vector<std::string> names;
  std::stringstream ss(rest);
  std::string item;
  while (std::getline(ss, item, ',')) {
    item.erase(0, item.find_first_not_of(' '));
    names.push_back(item);
  }
  return names;
}

template <typename T>
void push_unique(std::vector<T>& v, T x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

// Written out here rather than taken from the parser, so that the comparison
// checks the parser's vocabulary instead of repeating it.
CliResult query(const std::string& priority) {
  static const std::map<uint16_t, CipherSuite> kSuites = {
      {0x1301, CipherSuite::tls13_aes_128_gcm_sha256},
      {0x1302, CipherSuite::tls13_aes_256_gcm_sha384},
      {0x1303, CipherSuite::tls13_chacha20_poly1305_sha256},
      {0xC02B, CipherSuite::ecdhe_ecdsa_aes_128_gcm_sha256},
      {0xC02C, CipherSuite::ecdhe_ecdsa_aes_256_gcm_sha384},
      {0xC02F, CipherSuite::ecdhe_rsa_aes_128_gcm_sha256},
      {0xC030, CipherSuite::ecdhe_rsa_aes_256_gcm_sha384},
      {0xCCA8, CipherSuite::ecdhe_rsa_chacha20_poly1305_sha256},
      {0xCCA9, CipherSuite::ecdhe_ecdsa_chacha20_poly1305_sha256},
  };
  static const std::map<std::string, ProtocolVersion> kVersions = {
      {"VERS-TLS1.3", ProtocolVersion::tls13}, {"VERS-TLS1.2", ProtocolVersion::tls12}};
  static const std::map<std::string, NamedGroup> kGroups = {
      {"GROUP-SECP256R1", NamedGroup::secp256r1},
      {"GROUP-SECP384R1", NamedGroup::secp384r1},
      {"GROUP-X25519", NamedGroup::x25519}};
  static const std::map<std::string, SignatureScheme> kSchemes = {
      {"SIGN-RSA-SHA256", SignatureScheme::rsa_pkcs1_sha256},
      {"SIGN-RSA-SHA384", SignatureScheme::rsa_pkcs1_sha384},
      {"SIGN-RSA-SHA512", SignatureScheme::rsa_pkcs1_sha512},
      {"SIGN-RSA-PSS-RSAE-SHA256", SignatureScheme::rsa_pss_rsae_sha256},
      {"SIGN-RSA-PSS-RSAE-SHA384", SignatureScheme::rsa_pss_rsae_sha384},
      {"SIGN-RSA-PSS-RSAE-SHA512", SignatureScheme::rsa_pss_rsae_sha512},
      // GnuTLS lists the TLS 1.2 and 1.3 readings of one code point.
      {"SIGN-ECDSA-SHA256", SignatureScheme::ecdsa_secp256r1_sha256},
      {"SIGN-ECDSA-SECP256R1-SHA256", SignatureScheme::ecdsa_secp256r1_sha256},
      {"SIGN-ECDSA-SHA384", SignatureScheme::ecdsa_secp384r1_sha384},
      {"SIGN-ECDSA-SECP384R1-SHA384", SignatureScheme::ecdsa_secp384r1_sha384},
      {"SIGN-EdDSA-Ed25519", SignatureScheme::ed25519},
  };

  CliResult r;
  std::stringstream out(run(priority));
  std::string line;
  while (std::getline(out, line)) {
    unsigned hi = 0, lo = 0;
    const size_t hex = line.find("\t0x");
    if (line.rfind("rc=", 0) == 0) {
      r.ok = line == "rc=0";
    } else if (line.rfind("Syntax error at: ", 0) == 0) {
      r.syntax_error_at = priority.size() - (line.size() - 17);
    } else if (hex != std::string::npos &&
               std::sscanf(line.c_str() + hex, "\t0x%x, 0x%x", &hi, &lo) == 2) {
      auto it = kSuites.find(static_cast<uint16_t>(hi << 8 | lo));
      if (it != kSuites.end()) r.suites.push_back(it->second);
    } else if (line.rfind("Protocols: ", 0) == 0) {
      for (const auto& n : split_names(line.substr(11))) {
        if (auto it = kVersions.find(n); it != kVersions.end()) push_unique(r.versions, it->second);
      }
      // Coda lists versions highest first; GnuTLS's order has no effect.
      std::sort(r.versions.rbegin(), r.versions.rend());
    } else if (line.rfind("Groups: ", 0) == 0) {
      for (const auto& n : split_names(line.substr(8))) {
        if (auto it = kGroups.find(n); it != kGroups.end()) push_unique(r.groups, it->second);
      }
    } else if (line.rfind("PK-signatures: ", 0) == 0) {
      for (const auto& n : split_names(line.substr(15))) {
        if (auto it = kSchemes.find(n); it != kSchemes.end()) push_unique(r.schemes, it->second);
      }
    }
  }
  return r;
}

TEST(PriorityVsGnutls, SameListsAsGnutlsCli) {
  if (!have_gnutls_cli()) GTEST_SKIP() << "gnutls-cli not installed: comparison NOT run";
  const char* strings[] = {
      "NORMAL",
      "PERFORMANCE",
      "SECURE128",
      "SECURE",
      "SECURE192",
      "SECURE256",
      "PFS",
      "LEGACY",
      "SUITEB128",
      "SUITEB192",
      "normal",
      "NORMAL:-VERS-ALL:+VERS-TLS1.3",
      "NORMAL:-VERS-ALL:+VERS-TLS1.2",
      "NORMAL:-VERS-TLS1.3:+VERS-TLS1.3",
      "NORMAL:-CIPHER-ALL:+CHACHA20-POLY1305",
      "NORMAL:-CIPHER-ALL:+CHACHA20-POLY1305:+AES-128-GCM",
      "NORMAL:-AES-256-GCM:+AES-256-GCM",
      "NORMAL:-GROUP-ALL:+GROUP-X25519",
      "NORMAL:-GROUP-ALL:+GROUP-X25519:+GROUP-SECP384R1:+CURVE-SECP256R1",
      "NORMAL:-KX-ALL:+ECDHE-RSA:+ECDHE-ECDSA",
      "NORMAL:-KX-ALL",
      "NORMAL:-SIGN-ALL:+SIGN-EdDSA-Ed25519:+SIGN-RSA-PSS-RSAE-SHA256",
      "NORMAL:-SIGN-ALL:+SIGN-ECDSA-SHA384:+SIGN-RSA-SHA512",
      "NORMAL:%SERVER_PRECEDENCE:%COMPAT:%NO_TICKETS",
      "NORMAL:%NO_EXTENSIONS",
      "NORMAL:+AES-128-CBC:+SHA1:+RSA:+DHE-RSA:+GROUP-FFDHE2048:+SIGN-RSA-SHA1:+VERS-TLS1.0",
      "NORMAL:SECURE256",
      "SECURE256:+SECURE128",
      "SECURE256:NORMAL",
      "NONE:+VERS-TLS1.3:+AES-128-GCM:+AEAD:+GROUP-X25519:+SIGN-ALL",
      "+VERS-TLS1.2:+AES-256-GCM:+AEAD:+ECDHE-ECDSA:+CURVE-SECP384R1:+SIGN-ECDSA-SECP384R1-SHA384",
      "normal:-group-all:+group-x25519:-Sign-Rsa-Sha256:-aes-128-gcm:+Vers-Tls1.3",
      "+AES-128-GCM:+GROUP-X448:%COMPAT:SECURE256",
      "%COMPAT:SECURE256:NORMAL",
      "%COMPAT:+SECURE256",
      "+AES-128-GCM:+AEAD:+ECDHE-RSA",
      "NORMAL: +AEAD",
      "%SERVER_PRECEDENCE:NORMAL",
  };
  for (const char* s : strings) {
    SCOPED_TRACE(s);
    const CliResult g = query(s);
    ASSERT_TRUE(g.ok) << "gnutls-cli rejected a string the table expects it to accept";
    PriorityError where;
    auto c = parse_priority(s, &where);
    ASSERT_TRUE(c.ok()) << where.message;
    EXPECT_EQ(c->cipher_suites, g.suites);
    EXPECT_EQ(c->versions, g.versions);
    EXPECT_EQ(c->groups, g.groups);
    EXPECT_EQ(c->signature_schemes, g.schemes);
  }
}

TEST(PriorityVsGnutls, SameErrorsAsGnutlsCli) {
  if (!have_gnutls_cli()) GTEST_SKIP() << "gnutls-cli not installed: comparison NOT run";
  const char* strings[] = {
      "NORMAL:+FOO",
      "FOO",
      "NORMAL::+AEAD",
      "NORMAL:",
      "NORMAL:+VERS-TLS1.2:%FOO:+BAR",
      "NORMAL:-SECURE128",
      "NORMAL:%server_precedence",
      "NORMAL:+AEAD ",
      "NORMAL: +FOO",
      "NORMAL:^FOO",
      "NORMAL:+CURVE-FFDHE2048",
      "NORMAL:-VERS-ALL",
      "NORMAL:-CIPHER-ALL",
      "NORMAL:-MAC-ALL",
      "NONE",
      "NONE:+VERS-TLS1.3:+AES-128-GCM:+GROUP-X25519:+SIGN-ALL",
      "NORMAL:%NO_EXTENSIONS:-VERS-ALL:+VERS-TLS1.3",
  };
  for (const char* s : strings) {
    SCOPED_TRACE(s);
    const CliResult g = query(s);
    EXPECT_FALSE(g.ok) << "gnutls-cli accepted it";
    PriorityError where;
    auto c = parse_priority(s, &where);
    ASSERT_FALSE(c.ok());
    // A syntax error names its token; an empty result is reported at 0.
    EXPECT_EQ(where.position, g.syntax_error_at.value_or(0)) << where.message;
  }
}

}  // namespace
}  // namespace coda
