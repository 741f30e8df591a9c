#include "common/client_pem.hpp"

namespace coda::tools {

std::string pem_certificate(ByteView der) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string b64;
  b64.reserve((der.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= der.size(); i += 3) {
    const unsigned v = (unsigned(der[i]) << 16) | (unsigned(der[i + 1]) << 8) | der[i + 2];
    b64 += kAlphabet[(v >> 18) & 63];
    b64 += kAlphabet[(v >> 12) & 63];
    b64 += kAlphabet[(v >> 6) & 63];
    b64 += kAlphabet[v & 63];
  }
  if (der.size() - i == 1) {
    const unsigned v = unsigned(der[i]) << 16;
    b64 += kAlphabet[(v >> 18) & 63];
    b64 += kAlphabet[(v >> 12) & 63];
    b64 += "==";
  } else if (der.size() - i == 2) {
    const unsigned v = (unsigned(der[i]) << 16) | (unsigned(der[i + 1]) << 8);
    b64 += kAlphabet[(v >> 18) & 63];
    b64 += kAlphabet[(v >> 12) & 63];
    b64 += kAlphabet[(v >> 6) & 63];
    b64 += '=';
  }
  std::string out = "-----BEGIN CERTIFICATE-----\n";
  for (size_t pos = 0; pos < b64.size(); pos += 64) {
    out += b64.substr(pos, 64);
    out += '\n';
  }
  out += "-----END CERTIFICATE-----\n";
  return out;
}

}  // namespace coda::tools
