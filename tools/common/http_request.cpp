#include "common/http_request.hpp"

#include <vector>

namespace coda::tools {

namespace {

// What separates the words of a request line (isspace in the C locale).
constexpr const char* kBlank = " \t\n\v\f\r";

// The words of a request line, split at runs of blanks.
std::vector<std::string_view> words_of(std::string_view line) {
  std::vector<std::string_view> words;
  size_t at = 0;
  while (at < line.size()) {
    const size_t start = line.find_first_not_of(kBlank, at);
    if (start == std::string_view::npos) break;
    size_t end = line.find_first_of(kBlank, start);
    if (end == std::string_view::npos) end = line.size();
    words.push_back(line.substr(start, end - start));
    at = end;
  }
  return words;
}

}  // namespace

std::optional<HttpRequest> parse_request_head(std::string_view received) {
  const size_t end = received.find("\r\n\r\n");
  if (end == std::string_view::npos) {
    if (received.size() <= kMaxRequestHead) return std::nullopt;
    return HttpRequest{"431 Request Header Fields Too Large", {}, {}};
  }
  const std::string_view line = received.substr(0, received.find("\r\n"));
  const std::vector<std::string_view> words = words_of(line);
  if (words.size() != 3 || words[2].rfind("HTTP/1.", 0) != 0) {
    return HttpRequest{"400 Bad Request", {}, {}};
  }
  HttpRequest request{"200 OK", std::string(words[0]), std::string(words[1])};
  if (request.method != "GET" && request.method != "HEAD") {
    request.status = "405 Method Not Allowed";
  }
  return request;
}

}  // namespace coda::tools
