// GnuTLS priority strings (src/config/priority.hpp). The input is the
// string. A failure must point inside the input; a success must leave at
// least one version and one cipher suite (priority.hpp: an empty result is
// an error) and apply to a Config.
#include <cstdint>
#include <string_view>

#include "config/config.hpp"
#include "config/priority.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace coda;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  PriorityError where;
  auto priority = parse_priority(text, &where);
  if (!priority) {
    if (priority.error().kind != ErrorKind::invalid_argument) __builtin_trap();
    if (where.position > text.size()) __builtin_trap();
    return 0;
  }
  if (priority->versions.empty() || priority->cipher_suites.empty()) __builtin_trap();
  (void)describe(priority.value());
  Config config;
  config.apply(priority.value());
  config.fill_defaults();
  // The same string parses the same way again.
  auto again = parse_priority(text);
  if (!again || again->cipher_suites != priority->cipher_suites ||
      again->versions != priority->versions) {
    __builtin_trap();
  }
  return 0;
}
