// Hand-made TLS bytes for malformed-input tests: records, handshake
// messages, and a raw (not the library's) view of ClientHello / ServerHello
// as fixed fields plus an editable list of extensions, so a test can change
// one field, drop or duplicate an extension, and write the message back with
// correct lengths (or deliberately wrong ones).
// Test-only, header-only; independent of the library's own codecs.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "base/bytes.hpp"

namespace coda::test::wire {

inline constexpr uint8_t kChangeCipherSpec = 20;
inline constexpr uint8_t kAlert = 21;
inline constexpr uint8_t kHandshake = 22;
inline constexpr uint8_t kApplicationData = 23;

inline constexpr uint8_t kClientHello = 1;
inline constexpr uint8_t kServerHello = 2;
inline constexpr uint8_t kCertificate = 11;
inline constexpr uint8_t kServerKeyExchange = 12;
inline constexpr uint8_t kCertificateRequest = 13;
inline constexpr uint8_t kServerHelloDone = 14;
inline constexpr uint8_t kCertificateVerify = 15;
inline constexpr uint8_t kClientKeyExchange = 16;
inline constexpr uint8_t kFinished = 20;

inline constexpr uint16_t kExtSupportedGroups = 10;
inline constexpr uint16_t kExtSignatureAlgorithms = 13;
inline constexpr uint16_t kExtSupportedVersions = 43;
inline constexpr uint16_t kExtKeyShare = 51;

inline void put_u16(Bytes& out, size_t v) {
  out.push_back(static_cast<uint8_t>(v >> 8U));
  out.push_back(static_cast<uint8_t>(v));
}
inline void put_u24(Bytes& out, size_t v) {
  out.push_back(static_cast<uint8_t>(v >> 16U));
  out.push_back(static_cast<uint8_t>(v >> 8U));
  out.push_back(static_cast<uint8_t>(v));
}
inline uint16_t get_u16(ByteView b, size_t at) {
  return static_cast<uint16_t>((b[at] << 8U) | b[at + 1]);
}

// A record header announcing `length` bytes (which may be a lie).
inline Bytes record_header(uint8_t type, size_t length, uint16_t version = 0x0303) {
  Bytes out{type};
  put_u16(out, version);
  put_u16(out, length);
  return out;
}

// A whole record; `body` may exceed 2^16-1 only if the caller wants a
// wrapped-around length (it never does here).
inline Bytes record(uint8_t type, ByteView body, uint16_t version = 0x0303) {
  Bytes out = record_header(type, body.size(), version);
  append(out, body);
  return out;
}

// A handshake message: type, u24 length, body.
inline Bytes handshake(uint8_t type, ByteView body) {
  Bytes out{type};
  put_u24(out, body.size());
  append(out, body);
  return out;
}

struct Record {
  uint8_t type = 0;
  uint16_t version = 0;
  Bytes body;
  Bytes bytes() const { return record(type, body, version); }
};

// Splits a byte stream into whole records; a trailing partial record is
// dropped.
inline std::vector<Record> split_records(ByteView stream) {
  std::vector<Record> out;
  size_t pos = 0;
  while (stream.size() - pos >= 5) {
    const size_t len = get_u16(stream, pos + 3);
    if (stream.size() - pos - 5 < len) break;
    Record r;
    r.type = stream[pos];
    r.version = get_u16(stream, pos + 1);
    r.body.assign(stream.begin() + static_cast<std::ptrdiff_t>(pos + 5),
                  stream.begin() + static_cast<std::ptrdiff_t>(pos + 5 + len));
    out.push_back(std::move(r));
    pos += 5 + len;
  }
  return out;
}

inline Bytes join_records(const std::vector<Record>& records) {
  Bytes out;
  for (const auto& r : records) append(out, r.bytes());
  return out;
}

struct Message {
  uint8_t type = 0;
  Bytes body;
  Bytes bytes() const { return handshake(type, body); }
};

// Splits the content of handshake records into whole messages.
inline std::vector<Message> split_messages(ByteView content) {
  std::vector<Message> out;
  size_t pos = 0;
  while (content.size() - pos >= 4) {
    const size_t len = (static_cast<size_t>(content[pos + 1]) << 16U) |
                       (static_cast<size_t>(content[pos + 2]) << 8U) | content[pos + 3];
    if (content.size() - pos - 4 < len) break;
    Message m;
    m.type = content[pos];
    m.body.assign(content.begin() + static_cast<std::ptrdiff_t>(pos + 4),
                  content.begin() + static_cast<std::ptrdiff_t>(pos + 4 + len));
    out.push_back(std::move(m));
    pos += 4 + len;
  }
  return out;
}

struct Extension {
  uint16_t type = 0;
  Bytes body;
};

// A ClientHello or ServerHello body: everything before the extensions block
// (`head`), then the extensions. `block_length_delta` lets a test announce a
// wrong extensions-block length.
struct Hello {
  bool client = true;
  Bytes head;
  bool has_extension_block = true;
  std::vector<Extension> extensions;

  // Offset of legacy_session_id's length byte in `head` (both messages).
  static constexpr size_t kSessionIdAt = 2 + 32;

  Bytes session_id() const {
    const size_t n = head[kSessionIdAt];
    return Bytes(head.begin() + kSessionIdAt + 1, head.begin() + kSessionIdAt + 1 + n);
  }
  // ServerHello only: cipher_suite and compression_method follow the session id.
  size_t server_suite_at() const { return kSessionIdAt + 1 + head[kSessionIdAt]; }
  uint16_t server_cipher_suite() const { return get_u16(head, server_suite_at()); }
  void set_server_cipher_suite(uint16_t suite) {
    head[server_suite_at()] = static_cast<uint8_t>(suite >> 8U);
    head[server_suite_at() + 1] = static_cast<uint8_t>(suite);
  }
  void set_server_compression(uint8_t method) { head[server_suite_at() + 2] = method; }
  void set_random(ByteView random) { std::copy_n(random.begin(), 32, head.begin() + 2); }

  // ClientHello only: the cipher suites and compression methods.
  size_t client_suites_at() const { return kSessionIdAt + 1 + head[kSessionIdAt]; }
  std::vector<uint16_t> client_cipher_suites() const {
    const size_t at = client_suites_at();
    const size_t n = get_u16(head, at);
    std::vector<uint16_t> out;
    for (size_t i = 0; i < n; i += 2) out.push_back(get_u16(head, at + 2 + i));
    return out;
  }
  void set_client_cipher_suites(const std::vector<uint16_t>& suites) {
    const size_t at = client_suites_at();
    const size_t old = get_u16(head, at);
    Bytes tail(head.begin() + static_cast<std::ptrdiff_t>(at + 2 + old), head.end());
    head.resize(at);
    put_u16(head, suites.size() * 2);
    for (uint16_t s : suites) put_u16(head, s);
    append(head, tail);
  }
  void set_client_compression(const Bytes& methods) {
    const size_t at = client_suites_at();
    const size_t comp_at = at + 2 + get_u16(head, at);
    head.resize(comp_at);
    head.push_back(static_cast<uint8_t>(methods.size()));
    append(head, methods);
  }
  // Replaces the session id (fixes its length byte).
  void set_session_id(const Bytes& id) {
    const size_t n = head[kSessionIdAt];
    Bytes tail(head.begin() + static_cast<std::ptrdiff_t>(kSessionIdAt + 1 + n), head.end());
    head.resize(kSessionIdAt);
    head.push_back(static_cast<uint8_t>(id.size()));
    append(head, id);
    append(head, tail);
  }

  Extension* find(uint16_t type) {
    for (auto& e : extensions) {
      if (e.type == type) return &e;
    }
    return nullptr;
  }
  void remove(uint16_t type) {
    extensions.erase(std::remove_if(extensions.begin(), extensions.end(),
                                    [&](const Extension& e) { return e.type == type; }),
                     extensions.end());
  }

  Bytes body(long block_length_delta = 0) const {
    Bytes out = head;
    if (!has_extension_block) return out;
    Bytes block;
    for (const auto& e : extensions) {
      put_u16(block, e.type);
      put_u16(block, e.body.size());
      append(block, e.body);
    }
    put_u16(out, static_cast<size_t>(static_cast<long>(block.size()) + block_length_delta));
    append(out, block);
    return out;
  }
  Bytes message(long block_length_delta = 0) const {
    return handshake(client ? kClientHello : kServerHello, body(block_length_delta));
  }
  Bytes as_record(long block_length_delta = 0) const {
    return record(kHandshake, message(block_length_delta));
  }
};

// Parses a well-formed hello body (as produced by a real peer); nullopt if
// it is not one.
inline std::optional<Hello> parse_hello(ByteView body, bool client) {
  Hello h;
  h.client = client;
  size_t pos = Hello::kSessionIdAt;
  if (body.size() < pos + 1) return std::nullopt;
  pos += 1 + body[pos];
  if (client) {
    if (body.size() < pos + 2) return std::nullopt;
    pos += 2 + get_u16(body, pos);
    if (body.size() < pos + 1) return std::nullopt;
    pos += 1 + body[pos];
  } else {
    pos += 3;
  }
  if (body.size() < pos) return std::nullopt;
  h.head.assign(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(pos));
  if (pos == body.size()) {
    h.has_extension_block = false;
    return h;
  }
  if (body.size() < pos + 2 || get_u16(body, pos) != body.size() - pos - 2) return std::nullopt;
  pos += 2;
  while (pos < body.size()) {
    if (body.size() - pos < 4) return std::nullopt;
    Extension e;
    e.type = get_u16(body, pos);
    const size_t len = get_u16(body, pos + 2);
    if (body.size() - pos - 4 < len) return std::nullopt;
    e.body.assign(body.begin() + static_cast<std::ptrdiff_t>(pos + 4),
                  body.begin() + static_cast<std::ptrdiff_t>(pos + 4 + len));
    h.extensions.push_back(std::move(e));
    pos += 4 + len;
  }
  return h;
}

// A ClientHello key_share extension body with the given entries.
inline Bytes client_key_share_body(const std::vector<std::pair<uint16_t, Bytes>>& entries) {
  Bytes list;
  for (const auto& [group, key] : entries) {
    put_u16(list, group);
    put_u16(list, key.size());
    append(list, key);
  }
  Bytes out;
  put_u16(out, list.size());
  append(out, list);
  return out;
}

// A u16 list with a u16 length prefix (supported_groups, signature_algorithms).
inline Bytes u16_list_body(const std::vector<uint16_t>& values) {
  Bytes out;
  put_u16(out, values.size() * 2);
  for (uint16_t v : values) put_u16(out, v);
  return out;
}

}  // namespace coda::test::wire
