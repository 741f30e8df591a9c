// The server's session tickets (RFC 8446 4.6.1): what a ticket carries and
// how it is sealed. A ticket is ours alone, so its format is too: a format
// byte, a random 12-byte nonce, then the contents under AES-256-GCM (the
// format byte and nonce authenticated as associated data). Anything that
// does not open under our key, or does not parse, is no ticket: the
// handshake goes on as a full one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "base/protocol_ids.hpp"
#include "base/result.hpp"
#include "base/secure.hpp"
#include "config/config.hpp"
#include "crypto/random.hpp"

namespace coda::hs {

inline constexpr size_t kTicketKeyLength = 32;  // AES-256-GCM

struct TicketContents {
  CipherSuite cipher_suite{};
  SecureBytes psk;
  uint32_t age_add = 0;
  uint64_t issued_ms = 0;  // server clock, ms since the epoch
  uint32_t lifetime = 0;   // seconds
  std::string server_name;
  std::string alpn;
  // The client's certificate chain (DER, leaf first) and its verification
  // result in the original session, reported again by a resumed one.
  std::vector<Bytes> peer_chain;
  uint32_t peer_verify_status = 0;
};

// `key` is kTicketKeyLength bytes.
Result<Bytes> seal_ticket(const TicketContents& contents, ByteView key,
                          crypto::RandomSource& random);
// nullopt for anything that is not a ticket sealed under `key`.
std::optional<TicketContents> open_ticket(ByteView ticket, ByteView key);

// The one sealing every ticket goes through, both versions: `format` (the
// first byte) says what the plaintext is, so a ticket of one kind never
// opens as another. TLS 1.3 tickets are format 1 (TicketContents), TLS 1.2
// tickets format 2 (ServerSession12, ticket12.hpp).
Result<Bytes> seal_ticket_plaintext(uint8_t format, ByteView plain, ByteView key,
                                    crypto::RandomSource& random);
std::optional<SecureBytes> open_ticket_plaintext(uint8_t format, ByteView ticket, ByteView key);

// The key of a server that was given none: random, one per process.
const SecureBytes& process_ticket_key();

// The keys tickets are sealed and opened with. They are derived from the
// server's key (Config::ticket_key, or the process's) one per period of
// the ticket lifetime, so a key in use changes with time and no key seals
// for longer than one period (RFC 5077 5.5 recommends rotating them; so
// does GnuTLS, from its program's key and its cache expiration). A ticket
// sealed under the previous period's key still opens, so none dies before
// its lifetime. Servers given the same key and lifetime derive the same
// keys: a fleet takes each other's tickets.
struct TicketKeys {
  SecureBytes current;
  SecureBytes previous;
};
TicketKeys ticket_keys_at(ByteView server_key, uint64_t now_s, uint32_t period_s);
TicketKeys server_ticket_keys(const Config& config);

// Opens a ticket under either key.
std::optional<TicketContents> open_ticket(ByteView ticket, const TicketKeys& keys);
std::optional<SecureBytes> open_ticket_plaintext(uint8_t format, ByteView ticket,
                                                 const TicketKeys& keys);

}  // namespace coda::hs
