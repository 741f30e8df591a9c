// A TLS 1.3 session a client may resume (RFC 8446 2.2, 4.6.1): the newest
// ticket its server sent, the PSK derived for it, and what the session
// settled on. Handed out as opaque session data (serialize) and taken back
// (parse) by a later connection to the same server.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "base/protocol_ids.hpp"
#include "base/result.hpp"
#include "base/secure.hpp"
#include "crypto/x509.hpp"

namespace coda {

// RFC 8446 4.6.1: servers MUST NOT use a lifetime over seven days, and
// clients MUST NOT cache a ticket for longer.
inline constexpr uint32_t kMaxTicketLifetimeSeconds = 604800;

struct ResumableSession {
  CipherSuite cipher_suite{};
  SecureBytes psk;           // HKDF-Expand-Label(res_master, "resumption", nonce)
  Bytes ticket;              // the server's opaque identity
  uint32_t age_add = 0;      // ticket_age_add
  uint32_t lifetime = 0;     // seconds, at most kMaxTicketLifetimeSeconds
  uint64_t received_ms = 0;  // client clock (ms since the epoch) when it arrived
  std::string server_name;   // SNI of the original session
  std::string alpn;          // ALPN of the original session
  // The server's chain and its verification result in the original session,
  // reported again by the resumed one (no Certificate is sent then).
  std::vector<crypto::Certificate> peer_chain;
  uint32_t peer_verify_status = 0;
  // The server's max_early_data_size for this ticket (RFC 8446 4.2.10,
  // 4.6.1); 0: no 0-RTT with it.
  uint32_t max_early_data = 0;

  // Whether the ticket may still be offered at `now_ms`.
  bool usable_at(uint64_t now_ms) const;

  // Session data: a magic and format byte, then the fields. Wiped memory:
  // it holds the PSK.
  SecureBytes serialize() const;
  // unknown_format when the data does not start like ours; malformed when
  // it does but does not parse (truncated, bad lengths, bad certificate).
  enum class ParseError : uint8_t { unknown_format, malformed };
  static Result<ResumableSession> parse(ByteView data, ParseError* why = nullptr);
};

}  // namespace coda
