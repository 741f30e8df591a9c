// GnuTLS priority strings ("NORMAL:-VERS-ALL:+VERS-TLS1.3:%SERVER_PRECEDENCE")
// turned into the preference lists a Coda session uses.
//
// The syntax and keyword contents follow GnuTLS 3.7 (checked against its
// gnutls-cli --list), restricted to what Coda implements: TLS 1.3 and 1.2,
// AES-GCM and ChaCha20-Poly1305, ECDHE over secp256r1, secp384r1 and x25519.
// Names of other algorithms GnuTLS knows are accepted and enable nothing, so
// strings written for GnuTLS keep parsing.
//
// Where Coda follows GnuTLS rather than intuition:
// - The keyword is optional. Without one, NORMAL's versions, groups and
//   signature schemes are enabled and no cipher, key exchange or MAC. The
//   first bare keyword replaces all lists (even what items before it did);
//   a later bare keyword, or any "+KEYWORD", appends its algorithms that are
//   not enabled yet; "-KEYWORD" is an error.
// - TLS 1.2 and 1.3 suites need the "AEAD" MAC to be enabled (NORMAL has
//   it; after NONE write +AEAD or +MAC-ALL).
// - Keywords and items are case-insensitive; %flags are case-sensitive.
// - Spaces (not tabs) before a word are skipped; anything after it is not.
// - %NO_EXTENSIONS disables TLS 1.3, which cannot work without extensions.
// - One deliberate difference: GnuTLS drops TLS 1.3 when TLS 1.2 is removed
//   while 1.1 or 1.0 stay (it wants a gap-free range); Coda has no older
//   version, so "NORMAL:-VERS-TLS1.2" simply leaves TLS 1.3.
// - An empty result (no version, or no cipher suite for any enabled version)
//   is reported at position 0, as gnutls_priority_init does.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/protocol_ids.hpp"
#include "base/result.hpp"

namespace coda {

struct Priority {
  // Highest first. The peers always settle on the highest common version, so
  // the order of VERS- items in the string carries no meaning.
  std::vector<ProtocolVersion> versions;
  // TLS 1.3 suites (in cipher order), then TLS 1.2 suites (for each key
  // exchange in order, each cipher in order), as GnuTLS orders them. Only
  // suites of enabled versions appear.
  std::vector<CipherSuite> cipher_suites;
  std::vector<NamedGroup> groups;  // may be empty, as in GnuTLS
  std::vector<SignatureScheme> signature_schemes;

  bool server_precedence = false;      // %SERVER_PRECEDENCE: server's suite order wins
  bool compat = false;                 // %COMPAT: tolerate peers' protocol violations
  bool no_extensions = false;          // %NO_EXTENSIONS (also disables TLS 1.3)
  bool no_tickets = false;             // %NO_TICKETS: no session tickets at all
  bool no_tickets_tls12 = false;       // %NO_TICKETS_TLS12
  bool no_session_hash = false;        // %NO_SESSION_HASH: no extended master secret (RFC 7627)
  bool fallback_scsv = false;          // %FALLBACK_SCSV: client sends TLS_FALLBACK_SCSV (RFC 7507)
  bool tls13_middlebox_compat = true;  // cleared by %DISABLE_TLS13_COMPAT_MODE (RFC 8446 D.4)
  bool verify_allow_sign_with_sha1 = false;  // %VERIFY_ALLOW_SIGN_WITH_SHA1
  bool verify_allow_broken = false;          // %VERIFY_ALLOW_BROKEN
};

struct PriorityError {
  size_t position = 0;  // byte offset of the offending token's first byte in the input
  std::string token;    // the token as written (the whole input for an empty result)
  std::string message;  // e.g. "unknown priority item '+FOO' at position 7"
};

// Parses a GnuTLS priority string. Every failure is ErrorKind::invalid_argument
// (an unknown or empty token, no usable version, no cipher suite); *where, if
// given, then says which token and why.
Result<Priority> parse_priority(std::string_view text, PriorityError* where = nullptr);

// A multi-line listing in the manner of `gnutls-cli --list --priority`:
// suites with code points and version, then versions, groups, signature
// schemes and the flags that are set.
std::string describe(const Priority& priority);

}  // namespace coda
