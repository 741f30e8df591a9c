#include "config/priority.hpp"

#include <algorithm>
#include <cstdio>

#include "config/names.hpp"
#include "config/priority_items.hpp"

namespace coda {

namespace {

using priority_items::Cipher;
using priority_items::Flag;
using priority_items::KeyExchange;
using priority_items::Lists;
using priority_items::Mac;

Error fail(PriorityError* where, const char* detail, size_t position, std::string_view token,
           std::string message) {
  if (where != nullptr) *where = {position, std::string(token), std::move(message)};
  return Error::make(ErrorKind::invalid_argument, detail);
}

std::string quoted_at(std::string_view what, std::string_view token, size_t position) {
  return std::string(what) + " '" + std::string(token) + "' at position " +
         std::to_string(position);
}

void apply(Priority& p, Flag flag) {
  switch (flag) {
    case Flag::server_precedence:
      p.server_precedence = true;
      break;
    case Flag::compat:
      p.compat = true;
      break;
    case Flag::no_extensions:
      p.no_extensions = true;
      break;
    case Flag::no_tickets:
      p.no_tickets = true;
      break;
    case Flag::no_tickets_tls12:
      p.no_tickets_tls12 = true;
      break;
    case Flag::no_session_hash:
      p.no_session_hash = true;
      break;
    case Flag::fallback_scsv:
      p.fallback_scsv = true;
      break;
    case Flag::disable_tls13_compat_mode:
      p.tls13_middlebox_compat = false;
      break;
    case Flag::verify_allow_sign_with_sha1:
      p.verify_allow_sign_with_sha1 = true;
      break;
    case Flag::verify_allow_broken:
      p.verify_allow_broken = true;
      break;
    case Flag::ignored:
      break;
  }
}

CipherSuite tls13_suite(Cipher c) {
  switch (c) {
    case Cipher::aes_128_gcm:
      return CipherSuite::tls13_aes_128_gcm_sha256;
    case Cipher::aes_256_gcm:
      return CipherSuite::tls13_aes_256_gcm_sha384;
    case Cipher::chacha20_poly1305:
      break;
  }
  return CipherSuite::tls13_chacha20_poly1305_sha256;
}

CipherSuite tls12_suite(KeyExchange kx, Cipher c) {
  const bool ecdsa = kx == KeyExchange::ecdhe_ecdsa;
  switch (c) {
    case Cipher::aes_128_gcm:
      return ecdsa ? CipherSuite::ecdhe_ecdsa_aes_128_gcm_sha256
                   : CipherSuite::ecdhe_rsa_aes_128_gcm_sha256;
    case Cipher::aes_256_gcm:
      return ecdsa ? CipherSuite::ecdhe_ecdsa_aes_256_gcm_sha384
                   : CipherSuite::ecdhe_rsa_aes_256_gcm_sha384;
    case Cipher::chacha20_poly1305:
      break;
  }
  return ecdsa ? CipherSuite::ecdhe_ecdsa_chacha20_poly1305_sha256
               : CipherSuite::ecdhe_rsa_chacha20_poly1305_sha256;
}

template <typename T>
bool contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// GnuTLS's order: TLS 1.3 suites first, then key exchange, cipher and MAC
// nested in that order. Every Coda suite is AEAD, so without the AEAD "MAC"
// there are none.
std::vector<CipherSuite> derive_suites(const Lists& l) {
  std::vector<CipherSuite> suites;
  if (!contains(l.macs, Mac::aead)) return suites;
  if (contains(l.versions, ProtocolVersion::tls13)) {
    for (Cipher c : l.ciphers) suites.push_back(tls13_suite(c));
  }
  if (contains(l.versions, ProtocolVersion::tls12)) {
    for (KeyExchange kx : l.kx) {
      for (Cipher c : l.ciphers) suites.push_back(tls12_suite(kx, c));
    }
  }
  return suites;
}

}  // namespace

Result<Priority> parse_priority(std::string_view text, PriorityError* where) {
  Priority p;
  Lists lists = priority_items::initial_lists();
  bool keyword_seen = false;

  size_t start = 0;
  while (true) {
    const size_t colon = text.find(':', start);
    const size_t end = colon == std::string_view::npos ? text.size() : colon;
    const std::string_view raw = text.substr(start, end - start);
    // GnuTLS skips spaces before a word but reports the token's first byte.
    const std::string_view word = raw.substr(std::min(raw.find_first_not_of(' '), raw.size()));

    if (word.empty()) {
      return fail(where, "empty priority item", start, raw,
                  "empty priority item at position " + std::to_string(start));
    }
    const char sign = word[0];
    const std::string_view name = word.substr(1);
    bool known = false;
    if (sign == '+' || sign == '-' || sign == '!') {
      if (sign == '+') {
        if (const Lists* keyword = priority_items::find_keyword(name)) {
          priority_items::merge(lists, *keyword);
          known = true;
        }
      }
      if (!known) {
        if (const Lists* item = priority_items::find_item(name)) {
          if (sign == '+') {
            priority_items::merge(lists, *item);
          } else {
            priority_items::remove(lists, *item);
          }
          known = true;
        }
      }
    } else if (sign == '%') {
      if (const auto flag = priority_items::find_flag(name)) {
        apply(p, *flag);
        known = true;
      }
    } else if (const Lists* keyword = priority_items::find_keyword(word)) {
      // As in GnuTLS 3.7: the first bare keyword replaces every list (also
      // what items before it did); later ones, like "+KEYWORD", only add.
      if (keyword_seen) {
        priority_items::merge(lists, *keyword);
      } else {
        lists = *keyword;
      }
      keyword_seen = true;
      known = true;
    }
    if (!known) {
      return fail(where, "unknown priority item", start, raw,
                  quoted_at("unknown priority item", raw, start));
    }

    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }

  // RFC 8446 4.2: TLS 1.3 cannot be negotiated without extensions.
  if (p.no_extensions) std::erase(lists.versions, ProtocolVersion::tls13);

  p.cipher_suites = derive_suites(lists);
  std::sort(lists.versions.begin(), lists.versions.end(),
            [](ProtocolVersion a, ProtocolVersion b) { return a > b; });
  p.versions = std::move(lists.versions);
  p.groups = std::move(lists.groups);
  p.signature_schemes = std::move(lists.schemes);

  if (p.versions.empty()) {
    return fail(where, "no protocol version enabled", 0, text,
                "no protocol version enabled (Coda supports VERS-TLS1.3 and VERS-TLS1.2)");
  }
  if (p.cipher_suites.empty()) {
    return fail(where, "no cipher suite enabled", 0, text,
                "no cipher suite enabled (needs a cipher, the AEAD MAC and, for TLS1.2, a "
                "key exchange)");
  }
  return p;
}

std::string describe(const Priority& priority) {
  std::string out = "Cipher suites:\n";
  for (CipherSuite s : priority.cipher_suites) {
    const auto code = static_cast<uint16_t>(s);
    const bool tls13 = (code >> 8) == 0x13;
    char line[96];
    std::snprintf(line, sizeof line, "%-40.*s 0x%02x, 0x%02x  %s\n",
                  static_cast<int>(gnutls_suite_name(s).size()), gnutls_suite_name(s).data(),
                  code >> 8, code & 0xff, tls13 ? "TLS1.3" : "TLS1.2");
    out += line;
  }
  auto list = [&](const char* title, const auto& items, const char* prefix, auto name) {
    out += title;
    out += ":";
    const char* sep = " ";
    for (const auto& item : items) {
      out += sep;
      out += prefix;
      out += name(item);
      sep = ", ";
    }
    if (items.empty()) out += " none";
    out += "\n";
  };
  list("Protocols", priority.versions, "VERS-", version_name);
  list("Groups", priority.groups, "GROUP-", gnutls_group_name);
  list("PK-signatures", priority.signature_schemes, "SIGN-", gnutls_scheme_name);

  std::vector<const char*> flags;
  if (priority.server_precedence) flags.push_back("%SERVER_PRECEDENCE");
  if (priority.compat) flags.push_back("%COMPAT");
  if (priority.no_extensions) flags.push_back("%NO_EXTENSIONS");
  if (priority.no_tickets) flags.push_back("%NO_TICKETS");
  if (priority.no_tickets_tls12) flags.push_back("%NO_TICKETS_TLS12");
  if (priority.no_session_hash) flags.push_back("%NO_SESSION_HASH");
  if (priority.fallback_scsv) flags.push_back("%FALLBACK_SCSV");
  if (!priority.tls13_middlebox_compat) flags.push_back("%DISABLE_TLS13_COMPAT_MODE");
  if (priority.verify_allow_sign_with_sha1) flags.push_back("%VERIFY_ALLOW_SIGN_WITH_SHA1");
  if (priority.verify_allow_broken) flags.push_back("%VERIFY_ALLOW_BROKEN");
  list("Flags", flags, "", [](const char* f) { return std::string_view(f); });
  return out;
}

}  // namespace coda
