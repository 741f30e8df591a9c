#include "compat/gnutls/pem.hpp"

#include <gnutls/gnutls.h>

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>

#include "base/secure.hpp"

namespace coda::compat {
namespace {

constexpr std::string_view kDashes = "-----";
constexpr std::string_view kEnd = "-----END";

enum class Found : uint8_t { none, block, broken };

struct Block {
  Found found = Found::none;
  size_t label = 0;  // which of the labels searched for
  SecureBytes der;   // when found == block; a key's, so wiped when freed
  size_t next = 0;   // where the search for the next block starts
};

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Strict base64 with white space skipped; false when broken or empty.
bool decode_base64(std::string_view text, SecureBytes& out) {
  out.reserve(text.size() / 4 * 3 + 3);  // no reallocation, no stray copies
  uint32_t quad = 0;
  int have = 0;     // symbols of the current quad
  int padding = 0;  // '=' seen: the quad must end with it, and so must the text
  for (const char c : text) {
    if (is_space(c)) continue;
    if (c == '=') {
      // "xx==" or "xxx=": two or three symbols, padded to four.
      ++padding;
      if (have < 2 || have + padding > 4) return false;
      continue;
    }
    const int v = base64_value(c);
    if (v < 0 || padding > 0) return false;
    quad = quad << 6U | static_cast<uint32_t>(v);
    if (++have == 4) {
      out.push_back(static_cast<uint8_t>(quad >> 16U));
      out.push_back(static_cast<uint8_t>(quad >> 8U));
      out.push_back(static_cast<uint8_t>(quad));
      quad = 0;
      have = 0;
    }
  }
  if (padding > 0) {
    if (have + padding != 4) return false;
    if (have == 2) {  // 12 bits, one byte
      out.push_back(static_cast<uint8_t>(quad >> 4U));
    } else {  // 18 bits, two bytes
      out.push_back(static_cast<uint8_t>(quad >> 10U));
      out.push_back(static_cast<uint8_t>(quad >> 2U));
    }
  } else if (have != 0) {
    return false;
  }
  return !out.empty();
}

// The first block at or after `from` whose BEGIN line names one of
// `labels` (the earliest in the text if several do).
Block find_block(std::string_view text, size_t from, std::span<const std::string_view> labels) {
  Block b;
  size_t at = std::string_view::npos;
  size_t marker_size = 0;
  for (size_t i = 0; i < labels.size(); ++i) {
    const std::string marker = "-----BEGIN " + std::string(labels[i]);
    const size_t p = text.find(marker, from);
    if (p < at) {
      at = p;
      marker_size = marker.size();
      b.label = i;
    }
  }
  if (at == std::string_view::npos) return b;
  b.found = Found::broken;
  b.next = text.size();
  const size_t close = text.find(kDashes, at + marker_size);
  if (close == std::string_view::npos) return b;
  const size_t body = close + kDashes.size();
  const size_t stop = text.find(kDashes, body);
  if (stop == std::string_view::npos || text.find(kEnd, body) == std::string_view::npos) return b;
  b.next = stop;
  if (decode_base64(text.substr(body, stop - body), b.der)) b.found = Found::block;
  return b;
}

// DER as one canonical PEM block (64 symbols a line), in wiped memory: the
// form OpenSSL's key decoders read without leaving the key's DER behind.
SecureBytes encode_pem(std::string_view label, const SecureBytes& der) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  SecureBytes out;
  out.reserve(der.size() / 3 * 4 + der.size() / 48 + 2 * label.size() + 40);
  const auto append = [&out](std::string_view s) { out.insert(out.end(), s.begin(), s.end()); };
  append("-----BEGIN ");
  append(label);
  append("-----\n");
  for (size_t i = 0; i < der.size(); i += 3) {
    const size_t n = std::min<size_t>(3, der.size() - i);
    uint32_t v = uint32_t{der[i]} << 16U;
    if (n > 1) v |= uint32_t{der[i + 1]} << 8U;
    if (n > 2) v |= der[i + 2];
    out.push_back(static_cast<uint8_t>(kAlphabet[v >> 18U & 63U]));
    out.push_back(static_cast<uint8_t>(kAlphabet[v >> 12U & 63U]));
    out.push_back(n > 1 ? static_cast<uint8_t>(kAlphabet[v >> 6U & 63U]) : uint8_t{'='});
    out.push_back(n > 2 ? static_cast<uint8_t>(kAlphabet[v & 63U]) : uint8_t{'='});
    if ((i / 3 + 1) % 16 == 0 || i + 3 >= der.size()) out.push_back('\n');
  }
  append("-----END ");
  append(label);
  append("-----\n");
  return out;
}

std::string_view as_text(ByteView bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

}  // namespace

int read_pem_certificates(ByteView text, bool first_only, std::vector<crypto::Certificate>& out) {
  static constexpr std::array<std::string_view, 2> kLabels = {"CERTIFICATE", "X509 CERTIFICATE"};
  size_t from = 0;
  for (;;) {
    const Block b = find_block(as_text(text), from, kLabels);
    if (b.found == Found::none) return 0;
    if (b.found == Found::broken) {
      return b.label == 0 ? GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR
                          : GNUTLS_E_BASE64_DECODING_ERROR;
    }
    auto cert = crypto::Certificate::from_der(b.der);
    if (!cert) return GNUTLS_E_ASN1_TAG_ERROR;
    out.push_back(std::move(cert).value());
    if (first_only) return 0;
    from = b.next;
  }
}

int read_pem_private_key(ByteView text, std::optional<crypto::PrivateKey>& out) {
  static constexpr std::array<std::string_view, 4> kLabels = {"PRIVATE KEY", "RSA PRIVATE KEY",
                                                              "EC PRIVATE KEY", "DSA PRIVATE KEY"};
  const Block b = find_block(as_text(text), 0, kLabels);
  if (b.found == Found::none) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  if (b.found == Found::broken) return GNUTLS_E_BASE64_DECODING_ERROR;
  // Handed over as PEM again: fed DER, OpenSSL's PEM reader and generic
  // decoders would leave copies of the key in memory they free unwiped.
  auto key = crypto::PrivateKey::from_pem(encode_pem(kLabels[b.label], b.der));
  if (!key) {
    return key.error().kind == ErrorKind::not_supported ? GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE
                                                        : GNUTLS_E_ASN1_TAG_ERROR;
  }
  out.emplace(std::move(key).value());
  return 0;
}

}  // namespace coda::compat
