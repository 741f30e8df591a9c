#include "config/priority_items.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace coda::priority_items {

namespace {

using V = ProtocolVersion;
using G = NamedGroup;
using S = SignatureScheme;

bool iequals(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

template <typename T>
void merge_list(std::vector<T>& to, const std::vector<T>& from) {
  for (const T& v : from) {
    if (std::find(to.begin(), to.end(), v) == to.end()) to.push_back(v);
  }
}

template <typename T>
void remove_list(std::vector<T>& to, const std::vector<T>& from) {
  std::erase_if(to,
                [&](const T& v) { return std::find(from.begin(), from.end(), v) != from.end(); });
}

// What the "-ALL" items and the NORMAL keyword hold, in the order GnuTLS 3.7
// lists them (gnutls-cli --list), restricted to what Coda implements.
const std::vector<V> kAllVersions = {V::tls13, V::tls12};
const std::vector<Cipher> kAllCiphers = {Cipher::aes_256_gcm, Cipher::chacha20_poly1305,
                                         Cipher::aes_128_gcm};
const std::vector<KeyExchange> kAllKx = {KeyExchange::ecdhe_ecdsa, KeyExchange::ecdhe_rsa};
const std::vector<Mac> kAllMacs = {Mac::aead};
// GnuTLS puts the NIST curves before x25519.
const std::vector<G> kAllGroups = {G::secp256r1, G::secp384r1, G::x25519};
// GnuTLS orders by hash strength first, then by key type.
const std::vector<S> kAllSchemes = {
    S::rsa_pkcs1_sha256,    S::rsa_pss_rsae_sha256, S::ecdsa_secp256r1_sha256, S::ed25519,
    S::rsa_pkcs1_sha384,    S::rsa_pss_rsae_sha384, S::ecdsa_secp384r1_sha384, S::rsa_pkcs1_sha512,
    S::rsa_pss_rsae_sha512,
};

Lists only_versions(std::vector<V> v) {
  Lists l;
  l.versions = std::move(v);
  return l;
}
Lists only_ciphers(std::vector<Cipher> v) {
  Lists l;
  l.ciphers = std::move(v);
  return l;
}
Lists only_kx(std::vector<KeyExchange> v) {
  Lists l;
  l.kx = std::move(v);
  return l;
}
Lists only_macs(std::vector<Mac> v) {
  Lists l;
  l.macs = std::move(v);
  return l;
}
Lists only_groups(std::vector<G> v) {
  Lists l;
  l.groups = std::move(v);
  return l;
}
Lists only_schemes(std::vector<S> v) {
  Lists l;
  l.schemes = std::move(v);
  return l;
}

Lists normal() {
  return {kAllVersions, kAllCiphers, kAllKx, kAllMacs, kAllGroups, kAllSchemes};
}

using Table = std::vector<std::pair<std::string, Lists>>;

// The keywords of GnuTLS 3.7 and what each holds of Coda's algorithms, read
// from `gnutls-cli --list --priority KEYWORD`.
Table make_keywords() {
  Table t;
  // NORMAL, and those that differ from it only in algorithms Coda lacks
  // (SHA-1 signatures, CBC, RSA and DHE key exchange).
  for (const char* name : {"NORMAL", "PFS", "LEGACY", "SECURE128", "SECURE", "SYSTEM", "@SYSTEM"}) {
    t.emplace_back(name, normal());
  }
  // PERFORMANCE prefers the faster AES-128.
  Lists performance = normal();
  performance.ciphers = {Cipher::aes_128_gcm, Cipher::aes_256_gcm, Cipher::chacha20_poly1305};
  t.emplace_back("PERFORMANCE", performance);
  // SECURE192 and its alias SECURE256 keep only 192-bit-or-better strength.
  Lists secure192 = normal();
  secure192.ciphers = {Cipher::aes_256_gcm, Cipher::chacha20_poly1305};
  secure192.groups = {G::secp384r1};
  secure192.schemes = {S::rsa_pkcs1_sha384, S::rsa_pss_rsae_sha384, S::ecdsa_secp384r1_sha384,
                       S::rsa_pkcs1_sha512, S::rsa_pss_rsae_sha512};
  t.emplace_back("SECURE192", secure192);
  t.emplace_back("SECURE256", secure192);
  // RFC 6460 Suite B profiles: TLS 1.2 with ECDSA only.
  t.emplace_back("SUITEB128", Lists{{V::tls12},
                                    {Cipher::aes_256_gcm, Cipher::aes_128_gcm},
                                    {KeyExchange::ecdhe_ecdsa},
                                    {Mac::aead},
                                    {G::secp256r1, G::secp384r1},
                                    {S::ecdsa_secp256r1_sha256, S::ecdsa_secp384r1_sha384}});
  t.emplace_back("SUITEB192", Lists{{V::tls12},
                                    {Cipher::aes_256_gcm},
                                    {KeyExchange::ecdhe_ecdsa},
                                    {Mac::aead},
                                    {G::secp384r1},
                                    {S::ecdsa_secp384r1_sha384}});
  t.emplace_back("NONE", Lists{});
  return t;
}

// Every item name GnuTLS 3.7 accepts that Coda knows about. Names of
// algorithms Coda does not implement map to empty lists: a string written for
// GnuTLS that mentions them still parses, and they never enable anything.
Table make_items() {
  Table t;
  auto add = [&](std::string name, Lists l) { t.emplace_back(std::move(name), std::move(l)); };
  auto unsupported = [&](std::initializer_list<const char*> names) {
    for (const char* n : names) add(n, Lists{});
  };

  // Versions. Coda has no DTLS, so VERS-TLS-ALL and VERS-ALL are the same.
  add("VERS-ALL", only_versions(kAllVersions));
  add("VERS-TLS-ALL", only_versions(kAllVersions));
  add("VERS-TLS1.3", only_versions({V::tls13}));
  add("VERS-TLS1.2", only_versions({V::tls12}));
  unsupported({"VERS-TLS1.1", "VERS-TLS1.0", "VERS-SSL3.0", "VERS-DTLS-ALL", "VERS-DTLS1.2",
               "VERS-DTLS1.0", "VERS-DTLS0.9"});

  // Ciphers.
  add("CIPHER-ALL", only_ciphers(kAllCiphers));
  add("AES-128-GCM", only_ciphers({Cipher::aes_128_gcm}));
  add("AES-256-GCM", only_ciphers({Cipher::aes_256_gcm}));
  add("CHACHA20-POLY1305", only_ciphers({Cipher::chacha20_poly1305}));
  unsupported({"CIPHER-GOST-ALL",
               "AES-192-GCM",
               "AES-128-CCM",
               "AES-256-CCM",
               "AES-128-CCM-8",
               "AES-256-CCM-8",
               "AES-128-CBC",
               "AES-192-CBC",
               "AES-256-CBC",
               "AES-128-CFB8",
               "AES-192-CFB8",
               "AES-256-CFB8",
               "AES-128-XTS",
               "AES-256-XTS",
               "AES-128-SIV",
               "AES-256-SIV",
               "CAMELLIA-128-CBC",
               "CAMELLIA-192-CBC",
               "CAMELLIA-256-CBC",
               "CAMELLIA-128-GCM",
               "CAMELLIA-256-GCM",
               "3DES-CBC",
               "DES-CBC",
               "ARCFOUR-128",
               "ARCFOUR-40",
               "RC2-40",
               "NULL",
               "SALSA20-256",
               "ESTREAM-SALSA20-256",
               "CHACHA20-32",
               "CHACHA20-64",
               "GOST28147-TC26Z-CFB",
               "GOST28147-CPA-CFB",
               "GOST28147-CPB-CFB",
               "GOST28147-CPC-CFB",
               "GOST28147-CPD-CFB",
               "GOST28147-TC26Z-CNT",
               "MAGMA-CTR-ACPKM",
               "KUZNYECHIK-CTR-ACPKM"});

  // Key exchange; TLS 1.3 does not use these.
  add("KX-ALL", only_kx(kAllKx));
  add("ECDHE-ECDSA", only_kx({KeyExchange::ecdhe_ecdsa}));
  add("ECDHE-RSA", only_kx({KeyExchange::ecdhe_rsa}));
  unsupported({"KX-GOST-ALL", "RSA", "DHE-RSA", "DHE-DSS", "ANON-DH", "ANON-ECDH", "PSK", "DHE-PSK",
               "ECDHE-PSK", "RSA-PSK", "SRP", "SRP-RSA", "SRP-DSS", "RSA-EXPORT", "VKO-GOST-12"});

  // MACs: every suite Coda has is an AEAD one, so only "AEAD" matters.
  add("MAC-ALL", only_macs(kAllMacs));
  add("AEAD", only_macs({Mac::aead}));
  unsupported({"MAC-GOST-ALL", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "MD5", "MAC-NULL",
               "UMAC-96", "UMAC-128", "GOSTR341411-94", "STREEBOG-256", "STREEBOG-512",
               "GOST28147-TC26Z-IMIT"});

  // Groups. GnuTLS spells elliptic curves with GROUP- or the older CURVE-.
  for (const char* prefix : {"GROUP-", "CURVE-"}) {
    const std::string p = prefix;
    add(p + "ALL", only_groups(kAllGroups));
    add(p + "SECP256R1", only_groups({G::secp256r1}));
    add(p + "SECP384R1", only_groups({G::secp384r1}));
    add(p + "X25519", only_groups({G::x25519}));
    for (const char* n : {"SECP192R1", "SECP224R1", "SECP521R1", "X448", "GC256A", "GC256B",
                          "GC256C", "GC256D", "GC512A", "GC512B", "GC512C"}) {
      add(p + n, Lists{});
    }
  }
  add("GROUP-EC-ALL", only_groups(kAllGroups));
  unsupported({"GROUP-DH-ALL", "GROUP-GOST-ALL", "GROUP-FFDHE2048", "GROUP-FFDHE3072",
               "GROUP-FFDHE4096", "GROUP-FFDHE6144", "GROUP-FFDHE8192"});

  // Signature schemes. GnuTLS's SIGN-ECDSA-SHA256 is the TLS 1.2 reading of
  // the same code point as SIGN-ECDSA-SECP256R1-SHA256, so both enable it.
  add("SIGN-ALL", only_schemes(kAllSchemes));
  add("SIGN-RSA-SHA256", only_schemes({S::rsa_pkcs1_sha256}));
  add("SIGN-RSA-SHA384", only_schemes({S::rsa_pkcs1_sha384}));
  add("SIGN-RSA-SHA512", only_schemes({S::rsa_pkcs1_sha512}));
  add("SIGN-RSA-PSS-RSAE-SHA256", only_schemes({S::rsa_pss_rsae_sha256}));
  add("SIGN-RSA-PSS-RSAE-SHA384", only_schemes({S::rsa_pss_rsae_sha384}));
  add("SIGN-RSA-PSS-RSAE-SHA512", only_schemes({S::rsa_pss_rsae_sha512}));
  add("SIGN-ECDSA-SECP256R1-SHA256", only_schemes({S::ecdsa_secp256r1_sha256}));
  add("SIGN-ECDSA-SHA256", only_schemes({S::ecdsa_secp256r1_sha256}));
  add("SIGN-ECDSA-SECP384R1-SHA384", only_schemes({S::ecdsa_secp384r1_sha384}));
  add("SIGN-ECDSA-SHA384", only_schemes({S::ecdsa_secp384r1_sha384}));
  add("SIGN-EdDSA-Ed25519", only_schemes({S::ed25519}));
  unsupported({"SIGN-GOST-ALL",
               "SIGN-RSA-PSS-SHA256",
               "SIGN-RSA-PSS-SHA384",
               "SIGN-RSA-PSS-SHA512",
               "SIGN-ECDSA-SECP521R1-SHA512",
               "SIGN-ECDSA-SHA512",
               "SIGN-EdDSA-Ed448",
               "SIGN-RSA-SHA1",
               "SIGN-ECDSA-SHA1",
               "SIGN-DSA-SHA1",
               "SIGN-RSA-SHA224",
               "SIGN-ECDSA-SHA224",
               "SIGN-DSA-SHA224",
               "SIGN-DSA-SHA256",
               "SIGN-DSA-SHA384",
               "SIGN-DSA-SHA512",
               "SIGN-RSA-MD5",
               "SIGN-RSA-MD2",
               "SIGN-RSA-RMD160",
               "SIGN-ECDSA-SHA3-224",
               "SIGN-ECDSA-SHA3-256",
               "SIGN-ECDSA-SHA3-384",
               "SIGN-ECDSA-SHA3-512",
               "SIGN-RSA-SHA3-224",
               "SIGN-RSA-SHA3-256",
               "SIGN-RSA-SHA3-384",
               "SIGN-RSA-SHA3-512",
               "SIGN-DSA-SHA3-224",
               "SIGN-DSA-SHA3-256",
               "SIGN-DSA-SHA3-384",
               "SIGN-DSA-SHA3-512",
               "SIGN-GOSTR341001",
               "SIGN-GOSTR341012-256",
               "SIGN-GOSTR341012-512"});

  // Certificate types: Coda speaks X.509 only, which needs no negotiation.
  unsupported({"CTYPE-ALL", "CTYPE-X509", "CTYPE-OPENPGP", "CTYPE-RAWPK", "CTYPE-SRV-ALL",
               "CTYPE-SRV-X509", "CTYPE-SRV-OPENPGP", "CTYPE-SRV-RAWPK", "CTYPE-CLI-ALL",
               "CTYPE-CLI-X509", "CTYPE-CLI-OPENPGP", "CTYPE-CLI-RAWPK"});
  return t;
}

const Lists* find_in(const Table& table, std::string_view name) {
  for (const auto& [n, lists] : table) {
    if (iequals(n, name)) return &lists;
  }
  return nullptr;
}

}  // namespace

void merge(Lists& to, const Lists& from) {
  merge_list(to.versions, from.versions);
  merge_list(to.ciphers, from.ciphers);
  merge_list(to.kx, from.kx);
  merge_list(to.macs, from.macs);
  merge_list(to.groups, from.groups);
  merge_list(to.schemes, from.schemes);
}

void remove(Lists& to, const Lists& from) {
  remove_list(to.versions, from.versions);
  remove_list(to.ciphers, from.ciphers);
  remove_list(to.kx, from.kx);
  remove_list(to.macs, from.macs);
  remove_list(to.groups, from.groups);
  remove_list(to.schemes, from.schemes);
}

Lists initial_lists() {
  Lists l;
  l.versions = kAllVersions;
  l.groups = kAllGroups;
  l.schemes = kAllSchemes;
  return l;
}

const Lists* find_keyword(std::string_view name) {
  static const Table keywords = make_keywords();
  return find_in(keywords, name);
}

const Lists* find_item(std::string_view name) {
  static const Table items = make_items();
  if (const Lists* l = find_in(items, name)) return l;
  // GnuTLS 3.7 no longer compresses and accepts any COMP- item as a no-op.
  if (name.size() > 5 && iequals(name.substr(0, 5), "COMP-")) {
    static const Lists nothing;
    return &nothing;
  }
  return nullptr;
}

std::optional<Flag> find_flag(std::string_view name) {
  struct Entry {
    std::string_view name;
    Flag flag;
  };
  // The %flags GnuTLS 3.7 accepts. Those marked ignored concern CBC and
  // encrypt-then-MAC, renegotiation, record-version quirks, padding and
  // certificate-profile levels, none of which Coda implements or varies.
  static constexpr Entry kFlags[] = {
      {"SERVER_PRECEDENCE", Flag::server_precedence},
      {"COMPAT", Flag::compat},
      {"NO_EXTENSIONS", Flag::no_extensions},
      {"NO_TICKETS", Flag::no_tickets},
      {"NO_TICKETS_TLS12", Flag::no_tickets_tls12},
      {"NO_SESSION_HASH", Flag::no_session_hash},
      {"FALLBACK_SCSV", Flag::fallback_scsv},
      {"DISABLE_TLS13_COMPAT_MODE", Flag::disable_tls13_compat_mode},
      {"VERIFY_ALLOW_SIGN_WITH_SHA1", Flag::verify_allow_sign_with_sha1},
      {"VERIFY_ALLOW_BROKEN", Flag::verify_allow_broken},
      {"DUMBFW", Flag::ignored},
      {"LATEST_RECORD_VERSION", Flag::ignored},
      {"SSL3_RECORD_VERSION", Flag::ignored},
      {"NO_ETM", Flag::ignored},
      {"FORCE_ETM", Flag::ignored},
      {"STATELESS_COMPRESSION", Flag::ignored},
      {"NEW_PADDING", Flag::ignored},
      {"ALLOW_SMALL_RECORDS", Flag::ignored},
      {"UNSAFE_RENEGOTIATION", Flag::ignored},
      {"SAFE_RENEGOTIATION", Flag::ignored},
      {"PARTIAL_RENEGOTIATION", Flag::ignored},
      {"DISABLE_SAFE_RENEGOTIATION", Flag::ignored},
      {"DISABLE_WILDCARDS", Flag::ignored},
      {"VERIFY_ALLOW_SIGN_RSA_MD5", Flag::ignored},
      {"VERIFY_DISABLE_CRL_CHECKS", Flag::ignored},
      {"VERIFY_ALLOW_X509_V1_CA_CRT", Flag::ignored},
      {"DEBUG_ALLOW_KEY_USAGE_VIOLATIONS", Flag::ignored},
      {"PROFILE_VERY_WEAK", Flag::ignored},
      {"PROFILE_LOW", Flag::ignored},
      {"PROFILE_LEGACY", Flag::ignored},
      {"PROFILE_MEDIUM", Flag::ignored},
      {"PROFILE_HIGH", Flag::ignored},
      {"PROFILE_ULTRA", Flag::ignored},
      {"PROFILE_FUTURE", Flag::ignored},
      {"PROFILE_SUITEB128", Flag::ignored},
      {"PROFILE_SUITEB192", Flag::ignored},
  };
  for (const Entry& e : kFlags) {
    if (e.name == name) return e.flag;
  }
  return std::nullopt;
}

}  // namespace coda::priority_items
