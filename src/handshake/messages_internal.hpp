// Helpers shared by the messages_*.cpp files: walking an extension block,
// reading the common list shapes, and writing extension blocks. Private to
// src/handshake; nothing outside the message codecs should include it.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/reader.hpp"
#include "base/result.hpp"
#include "base/writer.hpp"
#include "handshake/messages.hpp"

namespace coda::hs::detail {

// A set of 16-bit code points, for duplicate checks. Small sets (every
// real message) are a linear scan over a fixed array; past that a bitset is
// allocated, because a 64 KiB message can hold 16384 empty extensions and a
// quadratic check would be a cheap way to make us burn CPU. Constructing
// one costs nothing, which matters for Certificate: one set per entry.
class CodePointSet {
 public:
  // False if `v` was already present.
  bool insert(uint16_t v) {
    if (!big_) {
      for (size_t i = 0; i < n_; ++i) {
        if (small_[i] == v) return false;
      }
      if (n_ < small_.size()) {
        small_[n_++] = v;
        return true;
      }
      big_ = std::make_unique<std::bitset<65536>>();
      for (uint16_t s : small_) big_->set(s);
    }
    if (big_->test(v)) return false;
    big_->set(v);
    return true;
  }

 private:
  std::array<uint16_t, 32> small_{};
  size_t n_ = 0;
  std::unique_ptr<std::bitset<65536>> big_;
};

// Walks `block` (the contents of an extensions vector), calling
// on_extension(type, body_reader) for each extension in wire order and
// appending each type to `types`. Rejects a truncated entry, a duplicate type
// and any byte the callback left unread inside an extension body.
template <typename F>
Status for_each_extension(Reader block, std::vector<uint16_t>& types, F&& on_extension) {
  CodePointSet seen;
  while (!block.empty()) {
    uint16_t type = 0;
    Reader body;
    if (!block.u16(type) || !block.vec16(body)) return decode_error("extension: truncated");
    // RFC 8446 4.2: there MUST NOT be more than one extension of the same type.
    if (!seen.insert(type)) return illegal_parameter("extension: duplicate type");
    types.push_back(type);
    CODA_TRY(on_extension(type, body));
    if (!body.empty()) return decode_error("extension: trailing bytes in body");
  }
  return {};
}

// Reads the contents of a list of uint16 (cipher suites, groups, signature
// schemes, versions) that must hold at least `min_bytes` bytes. An odd
// length cannot be a list of uint16: decode_error.
Status read_u16_list(ByteView contents, size_t min_bytes, std::vector<uint16_t>& out,
                     const char* why);
// An extension body that is one vec16 list of uint16 and nothing else.
Status read_u16_list_vec16(Reader& body, size_t min_bytes, std::vector<uint16_t>& out,
                           const char* why);
// An extension body that is one vec8 list of uint8 of at least one byte.
Status read_u8_list_vec8(Reader& body, std::vector<uint8_t>& out, const char* why);
// An extension whose body must be empty (extended_master_secret, early_data
// in ClientHello, post_handshake_auth, server_name in EncryptedExtensions).
Status expect_empty(const Reader& body, const char* why);
// The ALPN ProtocolNameList (RFC 7301 3.1): <2..2^16-1> of ProtocolName
// <1..2^8-1>.
Status read_alpn_list(Reader& body, std::vector<std::string>& out);
// The server's answer: the same list, holding exactly one name (RFC 7301 3.1).
Status read_selected_alpn(Reader& body, std::optional<std::string>& out);
// The remaining bytes of `body` as an opaque extension (consumes them).
RawExtension take_raw(uint16_t type, Reader& body);

// Serialization: extension bodies are collected first, then written in the
// order the message's `extension_types` names (so a parsed message
// re-serializes byte for byte, and a caller can pick the order), followed by
// the ones it does not name, in the order they were added.
class ExtensionList {
 public:
  // Adds an extension whose body is built by `fill(Writer&)`.
  template <typename F>
  void add(ExtensionType type, F&& fill) {
    add_raw(static_cast<uint16_t>(type), Bytes{});
    Writer w(items_.back().second);
    if (!fill(w)) ok_ = false;
  }
  void add_raw(uint16_t type, ByteView body) {
    items_.emplace_back(type, Bytes(body.begin(), body.end()));
  }
  void add_empty(ExtensionType type) { add_raw(static_cast<uint16_t>(type), {}); }
  bool empty() const { return items_.empty(); }

  // Writes the vec16 extension block. False on overflow (of the block or of
  // any extension body).
  [[nodiscard]] bool write(Writer& w, const std::vector<uint16_t>& order) const;
  // The hellos' extensions block: omitted when there are no extensions (a
  // TLS 1.2 hello may), but written empty when an empty one came in
  // (`empty_block`), so that parse(serialize(x)) == x.
  [[nodiscard]] bool write_hello_block(Writer& w, const std::vector<uint16_t>& order,
                                       bool empty_block) const {
    if (!empty()) return write(w, order);
    if (empty_block) w.u16(0);
    return true;
  }

 private:
  std::vector<std::pair<uint16_t, Bytes>> items_;
  bool ok_ = true;
};

// Writes a vec<N> list of uint16 (N = 1 or 2 prefix bytes).
[[nodiscard]] bool write_u16_list(Writer& w, size_t prefix_bytes, const std::vector<uint16_t>& v);
[[nodiscard]] bool write_alpn_list(Writer& w, const std::vector<std::string>& names);

inline ByteView view_of(const std::string& s) {
  return as_bytes(s.data(), s.size());
}

// Serialization result: the bytes, or empty when some length prefix
// overflowed. Every message body has a non-empty minimum, so an empty result
// is unambiguous; callers treat it as internal_error.
inline Bytes finish(Bytes out, bool ok) {
  return ok ? out : Bytes{};
}

}  // namespace coda::hs::detail
