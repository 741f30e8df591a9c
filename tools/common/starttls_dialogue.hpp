// The plaintext dialogue before STARTTLS (coda-cli --starttls-proto) as a
// sans-I/O state machine: the server's bytes go in one at a time, the lines
// to send come out. Kept apart from the socket so that what a server says
// is fuzzed (tests/fuzz/tools_input.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace coda::tools {

class StarttlsDialogue {
 public:
  enum class State { running, done, failed };

  // The longest line taken from a server; a longer one fails the dialogue.
  static constexpr size_t kMaxLine = 4096;

  // Whether `proto` is one the dialogue speaks (smtp, imap, ftp).
  static bool supported(std::string_view proto);

  // SMTP waits for the 220 greeting, sends EHLO (250) and STARTTLS (220);
  // IMAP waits for "* OK", sends "a STARTTLS" ("a OK"); FTP waits for 220
  // and sends "AUTH TLS" (234). An unknown protocol fails at once.
  explicit StarttlsDialogue(std::string_view proto);

  // One byte from the server. Done when the server's last line (and not a
  // byte more) is in: the TLS handshake follows on the same connection.
  State receive(char byte);

  // The next line to send, CRLF included, or empty; taken once.
  std::string take_output();

  // Every complete line received, without its line end.
  const std::vector<std::string>& received_lines() const { return received_; }
  State state() const { return state_; }
  const std::string& error() const { return error_; }

 private:
  // One step of a protocol's script: send a line, or read the reply that
  // decides whether to go on.
  enum class Step { send, expect_code, expect_imap_greeting, expect_imap_tagged };
  struct Action {
    Step step;
    const char* text;  // the line to send, or the code/tag awaited
    const char* what;  // what the reply answers, for errors
  };

  void advance();
  void on_line(const std::string& line);
  State fail(const std::string& message);

  std::vector<Action> script_;
  size_t next_ = 0;
  std::string line_;
  std::string output_;
  std::vector<std::string> received_;
  State state_ = State::running;
  std::string error_;
};

}  // namespace coda::tools
