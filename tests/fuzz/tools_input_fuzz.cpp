// What the tools read from the network outside TLS: coda-serv --http's
// request head (tools/common/http_request.hpp) and coda-cli's STARTTLS
// dialogue with a server (tools/common/starttls_dialogue.hpp). What
// coda-serv reads before the handshake is the server engine's (server
// harness). The first byte selects: 0 the HTTP head, 1 SMTP, 2 IMAP, 3 FTP;
// the rest is the peer's bytes.
#include <cstdint>
#include <string>
#include <string_view>

#include "common/http_request.hpp"
#include "common/starttls_dialogue.hpp"

namespace {

using coda::tools::StarttlsDialogue;

void http_head(std::string_view in) {
  const auto request = coda::tools::parse_request_head(in);
  const bool complete = in.find("\r\n\r\n") != std::string_view::npos;
  // Undecided exactly while the head is incomplete and within its bound.
  if (!request) {
    if (complete || in.size() > coda::tools::kMaxRequestHead) __builtin_trap();
    return;
  }
  if (!complete && request->status.rfind("431", 0) != 0) __builtin_trap();
  if (request->ok() && request->method != "GET" && request->method != "HEAD") __builtin_trap();
  // The request line is taken from the input as it is.
  if (in.find(request->method) == std::string_view::npos) __builtin_trap();
}

void starttls(const char* proto, std::string_view in) {
  StarttlsDialogue dialogue(proto);
  if (dialogue.state() != StarttlsDialogue::State::running) __builtin_trap();
  std::string sent = dialogue.take_output();
  size_t used = 0;
  while (used < in.size() && dialogue.state() == StarttlsDialogue::State::running) {
    dialogue.receive(in[used++]);
    sent += dialogue.take_output();
  }
  // Nothing past the server's last line is taken: once ended, a byte more
  // changes nothing.
  const auto state = dialogue.state();
  const size_t lines = dialogue.received_lines().size();
  if (used < in.size()) {
    if (dialogue.receive(in[used]) != state || dialogue.received_lines().size() != lines) {
      __builtin_trap();
    }
  }
  if (state == StarttlsDialogue::State::failed && dialogue.error().empty()) __builtin_trap();
  for (const auto& line : dialogue.received_lines()) {
    if (line.size() > StarttlsDialogue::kMaxLine) __builtin_trap();
  }
  // Whatever the server says, only the protocol's own lines are sent.
  if (sent.size() > 64) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 4) {
    case 0:
      http_head(in);
      break;
    case 1:
      starttls("smtp", in);
      break;
    case 2:
      starttls("imap", in);
      break;
    default:
      starttls("ftp", in);
      break;
  }
  return 0;
}
