#include "engine/keylog_file.hpp"

#include <string>

#include "base/secure.hpp"

namespace coda {
namespace {

void append_hex(std::string& out, ByteView bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (uint8_t b : bytes) {
    out.push_back(kDigits[b >> 4U]);
    out.push_back(kDigits[b & 0x0FU]);
  }
}

}  // namespace

std::string nss_keylog_line(const char* label, ByteView client_random, ByteView secret) {
  std::string line;
  // Reserved whole: a reallocation would leave a copy of the secret behind.
  line.reserve(std::char_traits<char>::length(label) + 3 +
               2 * (client_random.size() + secret.size()));
  line.append(label);
  line.push_back(' ');
  append_hex(line, client_random);
  line.push_back(' ');
  append_hex(line, secret);
  line.push_back('\n');
  return line;
}

Result<std::unique_ptr<KeylogFile>> KeylogFile::open(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "a");
  if (file == nullptr) return Error::make(ErrorKind::invalid_argument, "cannot open the key log");
  return std::unique_ptr<KeylogFile>(new KeylogFile(file));
}

KeylogFile::~KeylogFile() {
  std::fclose(file_);
}

void KeylogFile::write(const char* label, ByteView client_random, ByteView secret) {
  std::string line = nss_keylog_line(label, client_random, secret);
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    std::fputs(line.c_str(), file_);
    // Flushed at once: a program that crashes or is killed still leaves a
    // usable log, and a reader tailing the file sees whole lines.
    std::fflush(file_);
  }
  secure_wipe(line.data(), line.size());
}

}  // namespace coda
