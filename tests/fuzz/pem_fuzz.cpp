// PEM's base64 (src/base/pem.hpp), which the C API's certificate and key
// loaders read untrusted files with. The input is the base64 text. A
// decode that succeeds must encode back to a block that decodes to the same
// bytes; one that fails must not have been handed an all-valid quad stream.
#include <cstdint>
#include <string_view>

#include "base/pem.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace coda;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  SecureBytes der;
  if (!base64_decode(text, der)) return 0;
  const SecureBytes pem = pem_encode("X", der);
  const std::string_view block(reinterpret_cast<const char*>(pem.data()), pem.size());
  constexpr std::string_view kBegin = "-----BEGIN X-----\n";
  constexpr std::string_view kEnd = "-----END X-----\n";
  if (block.substr(0, kBegin.size()) != kBegin) __builtin_trap();
  if (block.size() < kBegin.size() + kEnd.size() ||
      block.substr(block.size() - kEnd.size()) != kEnd) {
    __builtin_trap();
  }
  SecureBytes again;
  const std::string_view body =
      block.substr(kBegin.size(), block.size() - kBegin.size() - kEnd.size());
  if (!base64_decode(body, again) || again != der) __builtin_trap();
  // Lines of at most 64 symbols (RFC 7468 2), each ended by "\n".
  size_t line = 0;
  for (const char c : body) {
    line = c == '\n' ? 0 : line + 1;
    if (line > 64) __builtin_trap();
  }
  if (body.empty() || body.back() != '\n') __builtin_trap();
  return 0;
}
