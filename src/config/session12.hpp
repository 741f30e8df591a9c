// TLS 1.2 sessions kept for resumption (RFC 5246 7.3, RFC 5077, RFC 7627
// 5.3): what a client keeps to offer again (ResumableSession12, the C API's
// session data) and what a server keeps of a session it may resume
// (ServerSession12: the entry of its session cache, and the contents of
// the tickets it seals). Both formats are Coda's own and versioned; both
// parsers take bytes from outside (the program's cache, a ticket that
// opened) and are bounds-checked and fuzzed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "base/protocol_ids.hpp"
#include "base/result.hpp"
#include "base/secure.hpp"
#include "crypto/x509.hpp"

namespace coda {

// RFC 5246 8.1: the master secret is always 48 bytes.
inline constexpr size_t kMasterSecret12Length = 48;
// RFC 5246 7.4.1.2: SessionID<0..32>.
inline constexpr size_t kMaxSessionIdLength = 32;

// Client side: a TLS 1.2 session to offer again, by its session id, its
// RFC 5077 ticket, or both (RFC 5077 3.4: with a ticket the id is ours).
struct ResumableSession12 {
  CipherSuite cipher_suite{};
  SecureBytes master_secret;          // 48 bytes
  Bytes session_id;                   // the server's; empty: none (a ticket only)
  Bytes ticket;                       // RFC 5077 ticket; empty: none
  uint32_t ticket_lifetime_hint = 0;  // seconds; 0: unspecified
  uint64_t received_ms = 0;           // client clock when the session was made
  // RFC 7627 5.3: a session made with the extended master secret is resumed
  // only with it, and one made without only without; Coda makes and takes
  // only the former, so a false here is never offered.
  bool extended_master_secret = true;
  std::string server_name;
  std::string alpn;
  std::vector<crypto::Certificate> peer_chain;  // the server's, reported again
  uint32_t peer_verify_status = 0;

  // Whether there is anything to offer.
  bool offerable() const;

  // Session data: "CdS" and format 2 (format 1 is TLS 1.3's
  // ResumableSession), then the fields. Wiped memory: it holds the master
  // secret.
  SecureBytes serialize() const;
  // unknown_format when the data does not start like ours; malformed when
  // it does but does not parse.
  enum class ParseError : uint8_t { unknown_format, malformed };
  static Result<ResumableSession12> parse(ByteView data, ParseError* why = nullptr);
  // Whether `data` starts with this format's magic.
  static bool is_format(ByteView data);
};

// Server side: a session the server may resume (from its cache by id, or
// from a ticket of its own).
struct ServerSession12 {
  uint64_t created_s = 0;  // seconds since the epoch
  uint64_t expires_s = 0;  // seconds since the epoch
  CipherSuite cipher_suite{};
  SecureBytes master_secret;           // 48 bytes
  bool extended_master_secret = true;  // RFC 7627 5.3
  std::string server_name;             // the SNI of the original session
  // The client's chain (DER, leaf first) and its verification result,
  // reported again by a resumed session.
  std::vector<Bytes> peer_chain;
  uint32_t peer_verify_status = 0;

  // "CdE" and format 1, the two times, the fields, then the SHA-256 of
  // all that (a damaged entry is no entry). Wiped memory.
  SecureBytes serialize() const;
  // nullopt for anything that is not an entry of this format, whole.
  static std::optional<ServerSession12> parse(ByteView data);
};

// Server side: where TLS 1.2 sessions are kept by session id (RFC 5246
// 7.4.1.2). The C API's is the program's gnutls_db_* callbacks; the
// engine calls it from the handshake, and reads back only what parses as
// a ServerSession12 (a corrupt entry means a full handshake).
class SessionCache12 {
 public:
  virtual ~SessionCache12() = default;
  virtual void store(ByteView id, ByteView entry) = 0;
  // nullopt: not there.
  virtual std::optional<SecureBytes> retrieve(ByteView id) = 0;
  virtual void remove(ByteView id) = 0;
};

}  // namespace coda
