// Handshake messages of TLS 1.3 (RFC 8446 4) and 1.2 (RFC 5246 7.4) as
// structs, each with parse (of the body, without the 4-byte handshake header)
// and serialize (the body). Parsing is strict: a wrong length, a trailing
// byte or a duplicated extension is an error carrying the alert RFC 8446
// names for it (decode_error, illegal_parameter).
//
// serialize() writes what parse() reads, so parse(serialize(x)) == x. It
// returns an empty Bytes when a length prefix overflows (a list longer than
// its vector allows): a programming error on our side, as every body has a
// non-empty minimum; callers turn it into internal_error.
//
// Extensions are written in the order `extension_types` lists them, then
// the remaining ones in a fixed order, then other_extensions. parse() fills
// `extension_types` with the wire order, so a parsed message re-serializes
// byte for byte; a caller building a message may leave it empty.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "base/protocol_ids.hpp"
#include "base/result.hpp"

namespace coda::hs {

enum class HandshakeType : uint8_t {
  hello_request = 0,
  client_hello = 1,
  server_hello = 2,
  new_session_ticket = 4,
  end_of_early_data = 5,
  encrypted_extensions = 8,
  certificate = 11,
  server_key_exchange = 12,
  certificate_request = 13,
  server_hello_done = 14,
  certificate_verify = 15,
  client_key_exchange = 16,
  finished = 20,
  key_update = 24,
  message_hash = 254,
};

const char* handshake_type_name(HandshakeType type);

enum class ExtensionType : uint16_t {
  server_name = 0,
  max_fragment_length = 1,
  status_request = 5,
  supported_groups = 10,
  ec_point_formats = 11,
  signature_algorithms = 13,
  alpn = 16,
  signed_certificate_timestamp = 18,
  padding = 21,
  encrypt_then_mac = 22,
  extended_master_secret = 23,
  record_size_limit = 28,
  session_ticket = 35,
  pre_shared_key = 41,
  early_data = 42,
  supported_versions = 43,
  cookie = 44,
  psk_key_exchange_modes = 45,
  certificate_authorities = 47,
  post_handshake_auth = 49,
  signature_algorithms_cert = 50,
  key_share = 51,
  renegotiation_info = 0xff01,
};

// An extension this code does not interpret, kept as bytes.
struct RawExtension {
  uint16_t type = 0;
  Bytes body;

  bool operator==(const RawExtension&) const = default;
};

struct KeyShareEntry {
  uint16_t group = 0;  // NamedGroup code point; unknown groups are kept
  Bytes key_exchange;

  bool operator==(const KeyShareEntry&) const = default;
};

// The random of a HelloRetryRequest (RFC 8446 4.1.3).
extern const std::array<uint8_t, 32> kHelloRetryRequestRandom;

struct ClientHello {
  uint16_t legacy_version = 0x0303;
  std::array<uint8_t, 32> random{};
  Bytes legacy_session_id;                 // 0..32 bytes
  std::vector<uint16_t> cipher_suites;     // code points as sent
  Bytes compression_methods{0};            // must be exactly {0} for 1.3
  std::optional<std::string> server_name;  // host_name entry of server_name
  // The server_name body as it came when it held more than that one entry
  // (names of unknown types beside it), so serialize() writes it back.
  std::optional<Bytes> server_name_body;
  std::vector<uint16_t> supported_versions;  // empty: extension absent
  std::vector<uint16_t> supported_groups;
  std::vector<uint16_t> signature_algorithms;
  std::vector<uint16_t> signature_algorithms_cert;
  std::optional<std::vector<KeyShareEntry>> key_shares;  // nullopt: absent
  std::optional<Bytes> cookie;
  std::vector<uint8_t> psk_key_exchange_modes;
  std::vector<std::string> alpn;
  std::vector<uint8_t> ec_point_formats;
  bool extended_master_secret = false;
  std::optional<Bytes> renegotiation_info;  // contents of the extension
  // pre_shared_key's body, kept raw (Coda neither resumes nor takes PSKs);
  // parse checks the extension came last, serialize writes it last.
  std::optional<Bytes> pre_shared_key;
  bool has_early_data = false;
  bool post_handshake_auth = false;
  std::vector<RawExtension> other_extensions;  // unknown ones, in order
  std::vector<uint16_t> extension_types;       // every type, in wire order
  bool empty_extensions_block = false;         // a block of length 0 came in (kept for round trips)

  static Result<ClientHello> parse(ByteView body);
  Bytes serialize() const;
  bool has_extension(ExtensionType type) const;
  bool operator==(const ClientHello&) const = default;
};

// ServerHello and HelloRetryRequest share one layout (RFC 8446 4.1.3/4.1.4).
// The random tells them apart, and with it the key_share form: parse fills
// key_share (ServerHello) or selected_group (HelloRetryRequest), and
// serialize writes the one that matches `random`.
struct ServerHello {
  uint16_t legacy_version = 0x0303;
  std::array<uint8_t, 32> random{};
  Bytes legacy_session_id_echo;
  uint16_t cipher_suite = 0;
  uint8_t compression_method = 0;
  std::optional<uint16_t> selected_version;  // supported_versions
  std::optional<KeyShareEntry> key_share;    // ServerHello: the server's share
  std::optional<uint16_t> selected_group;    // HelloRetryRequest: key_share
  std::optional<Bytes> cookie;               // HelloRetryRequest only
  bool extended_master_secret = false;       // TLS 1.2
  std::optional<Bytes> renegotiation_info;   // TLS 1.2
  std::vector<uint8_t> ec_point_formats;     // TLS 1.2
  std::optional<std::string> alpn;           // TLS 1.2 (1.3: EncryptedExtensions)
  std::vector<RawExtension> other_extensions;
  std::vector<uint16_t> extension_types;
  bool empty_extensions_block = false;  // a block of length 0 came in (kept for round trips)

  bool is_hello_retry_request() const { return random == kHelloRetryRequestRandom; }
  static Result<ServerHello> parse(ByteView body);
  Bytes serialize() const;
  bool operator==(const ServerHello&) const = default;
};

struct EncryptedExtensions {
  bool server_name_ack = false;  // empty server_name extension
  std::vector<uint16_t> supported_groups;
  std::optional<std::string> alpn;
  std::vector<RawExtension> other_extensions;
  std::vector<uint16_t> extension_types;

  static Result<EncryptedExtensions> parse(ByteView body);
  Bytes serialize() const;
  bool operator==(const EncryptedExtensions&) const = default;
};

struct CertificateRequest {
  Bytes request_context;
  std::vector<uint16_t> signature_algorithms;  // required (RFC 8446 4.3.2)
  std::vector<uint16_t> signature_algorithms_cert;
  // RFC 8446 4.2.4: the DER subjects of the CAs the server accepts.
  std::vector<Bytes> certificate_authorities;
  std::vector<RawExtension> other_extensions;
  std::vector<uint16_t> extension_types;

  static Result<CertificateRequest> parse(ByteView body);
  Bytes serialize() const;
  bool operator==(const CertificateRequest&) const = default;
};

struct CertificateEntry {
  Bytes cert_data;   // DER
  Bytes extensions;  // raw extension block (its contents, without the length)

  bool operator==(const CertificateEntry&) const = default;
};

// TLS 1.3 Certificate (RFC 8446 4.4.2).
struct CertificateMsg {
  Bytes request_context;
  std::vector<CertificateEntry> entries;

  static Result<CertificateMsg> parse(ByteView body);
  Bytes serialize() const;
  bool operator==(const CertificateMsg&) const = default;
};

struct CertificateVerify {
  uint16_t scheme = 0;
  Bytes signature;

  static Result<CertificateVerify> parse(ByteView body);
  Bytes serialize() const;
  bool operator==(const CertificateVerify&) const = default;
};

struct Finished {
  Bytes verify_data;
  // The length is the transcript hash length (1.3) or 12 (1.2): the parser
  // is told which, and a mismatch is decode_error.
  static Result<Finished> parse(ByteView body, size_t expected_length);
  Bytes serialize() const;
  bool operator==(const Finished&) const = default;
};

struct NewSessionTicket {
  uint32_t lifetime = 0;
  uint32_t age_add = 0;
  Bytes nonce;
  Bytes ticket;  // 1..2^16-1
  std::vector<RawExtension> extensions;

  static Result<NewSessionTicket> parse(ByteView body);
  Bytes serialize() const;
  bool operator==(const NewSessionTicket&) const = default;
};

struct KeyUpdate {
  enum Request : uint8_t { update_not_requested = 0, update_requested = 1 };
  Request request = update_not_requested;

  static Result<KeyUpdate> parse(ByteView body);  // other values: illegal_parameter
  Bytes serialize() const;
  bool operator==(const KeyUpdate&) const = default;
};

// Writes the 4-byte handshake header (type, uint24 length) then `body`.
void append_handshake(Bytes& out, HandshakeType type, ByteView body);

}  // namespace coda::hs
