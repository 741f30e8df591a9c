// coda-serv --http: what a client's request head asks for. Pure parsing of
// bytes a peer sent, with no I/O, so that it is fuzzed
// (tests/fuzz/tools_input.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace coda::tools {

// The largest request head read; a longer one is answered with 431.
constexpr size_t kMaxRequestHead = 16384;

struct HttpRequest {
  std::string status;  // "200 OK", "400 Bad Request", "405 ...", "431 ..."
  std::string method;  // empty unless the request line parsed
  std::string target;
  bool ok() const { return status == "200 OK"; }
};

// The answer to the request received so far: nothing while its head is not
// complete (no blank line yet) and within kMaxRequestHead, else the status
// for its request line (GET and HEAD of HTTP/1.x are served).
std::optional<HttpRequest> parse_request_head(std::string_view received);

}  // namespace coda::tools
