// The NSS key log format (one "LABEL <client_random> <secret>" line per
// secret, hex), which Wireshark reads to decrypt a capture. Used by the
// GnuTLS API's SSLKEYLOGFILE default and by coda-cli --keylogfile.
#pragma once

#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "base/bytes.hpp"
#include "base/result.hpp"

namespace coda {

std::string nss_keylog_line(const char* label, ByteView client_random, ByteView secret);

// A key log opened for appending; lines from several sessions or threads
// are written whole, one at a time.
class KeylogFile {
 public:
  static Result<std::unique_ptr<KeylogFile>> open(const std::string& path);
  ~KeylogFile();
  KeylogFile(const KeylogFile&) = delete;
  KeylogFile& operator=(const KeylogFile&) = delete;

  void write(const char* label, ByteView client_random, ByteView secret);

 private:
  explicit KeylogFile(std::FILE* file) : file_(file) {}
  std::mutex mutex_;
  std::FILE* file_;
};

}  // namespace coda
