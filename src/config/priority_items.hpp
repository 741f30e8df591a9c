// The vocabulary of GnuTLS priority strings: which keywords, items and
// %flags exist, and what each one enables in Coda. The grammar that strings
// them together lives in priority.cpp.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "base/protocol_ids.hpp"

namespace coda::priority_items {

// The TLS 1.2 suites are the product of these three; TLS 1.3 suites need a
// cipher and (as in GnuTLS) the AEAD "MAC".
enum class Cipher : uint8_t { aes_128_gcm, aes_256_gcm, chacha20_poly1305 };
enum class KeyExchange : uint8_t { ecdhe_ecdsa, ecdhe_rsa };
enum class Mac : uint8_t { aead };

// One preference list per class, most preferred first. A keyword is a full
// set of lists; an item is a set in which only its own class is filled (and
// none at all for an algorithm GnuTLS knows but Coda never enables), so that
// "+" and "-" are one merge and one removal for every kind of word.
struct Lists {
  std::vector<ProtocolVersion> versions;
  std::vector<Cipher> ciphers;
  std::vector<KeyExchange> kx;
  std::vector<Mac> macs;
  std::vector<NamedGroup> groups;
  std::vector<SignatureScheme> schemes;
};

// Appends what `from` has and `to` lacks, keeping `to`'s order first: GnuTLS's
// "+" never moves an item that is already enabled.
void merge(Lists& to, const Lists& from);
// Drops from `to` everything `from` has.
void remove(Lists& to, const Lists& from);

// What a string starts from before any keyword: GnuTLS 3.7 enables NORMAL's
// versions, groups and signature schemes by default, and no cipher, key
// exchange or MAC.
Lists initial_lists();

// Case-insensitive, as in GnuTLS. nullptr when `name` is not a keyword.
const Lists* find_keyword(std::string_view name);
// Case-insensitive; `name` without its +, - or ! sign.
const Lists* find_item(std::string_view name);

enum class Flag : uint8_t {
  server_precedence,
  compat,
  no_extensions,
  no_tickets,
  no_tickets_tls12,
  no_session_hash,
  fallback_scsv,
  disable_tls13_compat_mode,
  verify_allow_sign_with_sha1,
  verify_allow_broken,
  ignored,  // recognised, means nothing for Coda (CBC, renegotiation, ...)
};
// `name` without the '%'. Case-sensitive: GnuTLS rejects "%server_precedence".
std::optional<Flag> find_flag(std::string_view name);

}  // namespace coda::priority_items
