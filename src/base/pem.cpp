#include "base/pem.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

namespace coda {

namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr size_t kSymbolsPerLine = 64;

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

}  // namespace

bool base64_decode(std::string_view text, SecureBytes& out) {
  out.reserve(out.size() + text.size() / 4 * 3 + 3);  // no reallocation, no stray copies
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

namespace {

// One group of up to three bytes as four symbols (with '=' padding).
template <typename Out>
void encode_group(const uint8_t* p, size_t n, Out& out) {
  uint32_t v = uint32_t{p[0]} << 16U;
  if (n > 1) v |= uint32_t{p[1]} << 8U;
  if (n > 2) v |= p[2];
  out.push_back(static_cast<typename Out::value_type>(kAlphabet[v >> 18U & 63U]));
  out.push_back(static_cast<typename Out::value_type>(kAlphabet[v >> 12U & 63U]));
  out.push_back(static_cast<typename Out::value_type>(n > 1 ? kAlphabet[v >> 6U & 63U] : '='));
  out.push_back(static_cast<typename Out::value_type>(n > 2 ? kAlphabet[v & 63U] : '='));
}

}  // namespace

std::string base64_encode(ByteView data) {
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  for (size_t i = 0; i < data.size(); i += 3) {
    encode_group(data.data() + i, std::min<size_t>(3, data.size() - i), out);
  }
  return out;
}

SecureBytes pem_encode(std::string_view label, ByteView der) {
  SecureBytes out;
  out.reserve(der.size() / 3 * 4 + der.size() / 48 + 2 * label.size() + 40);
  const auto append = [&out](std::string_view s) { out.insert(out.end(), s.begin(), s.end()); };
  append("-----BEGIN ");
  append(label);
  append("-----\n");
  for (size_t i = 0; i < der.size(); i += 3) {
    encode_group(der.data() + i, std::min<size_t>(3, der.size() - i), out);
    if ((i / 3 + 1) % (kSymbolsPerLine / 4) == 0 || i + 3 >= der.size()) out.push_back('\n');
  }
  append("-----END ");
  append(label);
  append("-----\n");
  return out;
}

}  // namespace coda
