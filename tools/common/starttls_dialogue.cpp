#include "common/starttls_dialogue.hpp"

namespace coda::tools {

bool StarttlsDialogue::supported(std::string_view proto) {
  return proto == "smtp" || proto == "imap" || proto == "ftp";
}

StarttlsDialogue::StarttlsDialogue(std::string_view proto) {
  if (proto == "smtp") {
    script_ = {{Step::expect_code, "220", "the connection (greeting)"},
               {Step::send, "EHLO coda-cli", ""},
               {Step::expect_code, "250", "EHLO"},
               {Step::send, "STARTTLS", ""},
               {Step::expect_code, "220", "STARTTLS"}};
  } else if (proto == "imap") {
    script_ = {{Step::expect_imap_greeting, "* OK", "the connection (greeting)"},
               {Step::send, "a STARTTLS", ""},
               {Step::expect_imap_tagged, "a OK", "STARTTLS"}};
  } else if (proto == "ftp") {
    script_ = {{Step::expect_code, "220", "the connection (greeting)"},
               {Step::send, "AUTH TLS", ""},
               {Step::expect_code, "234", "AUTH TLS"}};
  } else {
    fail("unknown STARTTLS protocol '" + std::string(proto) + "'");
    return;
  }
  advance();
}

// Queues the lines to send up to the next reply awaited; done past the end.
void StarttlsDialogue::advance() {
  while (next_ < script_.size() && script_[next_].step == Step::send) {
    output_ += script_[next_].text;
    output_ += "\r\n";
    ++next_;
  }
  if (next_ == script_.size()) state_ = State::done;
}

StarttlsDialogue::State StarttlsDialogue::receive(char byte) {
  if (state_ != State::running) return state_;
  if (byte != '\n') {
    if (line_.size() == kMaxLine) return fail("overlong line from the server");
    line_.push_back(byte);
    return state_;
  }
  if (!line_.empty() && line_.back() == '\r') line_.pop_back();
  std::string line;
  line.swap(line_);
  received_.push_back(line);
  on_line(line);
  return state_;
}

void StarttlsDialogue::on_line(const std::string& line) {
  const Action& action = script_[next_];
  switch (action.step) {
    case Step::expect_code:
      // "250-..." continues a multi-line reply; its last line decides.
      if (line.size() < 3) {
        fail(std::string("unexpected reply to ") + action.what + ": " + line);
        return;
      }
      if (line.size() > 3 && line[3] == '-') return;
      if (line.compare(0, 3, action.text) != 0) {
        fail(std::string("the server refused ") + action.what + ": " + line);
        return;
      }
      break;
    case Step::expect_imap_greeting:
      if (line.rfind(action.text, 0) != 0) {
        fail("unexpected IMAP greeting: " + line);
        return;
      }
      break;
    case Step::expect_imap_tagged:
      if (line.rfind("* ", 0) == 0) return;  // untagged responses
      if (line.rfind(action.text, 0) != 0) {
        fail("the server refused STARTTLS: " + line);
        return;
      }
      break;
    case Step::send:
      return;  // never awaited: advance() sends these
  }
  ++next_;
  advance();
}

std::string StarttlsDialogue::take_output() {
  std::string out;
  out.swap(output_);
  return out;
}

StarttlsDialogue::State StarttlsDialogue::fail(const std::string& message) {
  state_ = State::failed;
  error_ = "STARTTLS: " + message;
  return state_;
}

}  // namespace coda::tools
