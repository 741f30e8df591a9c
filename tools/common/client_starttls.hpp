// The plaintext part of a STARTTLS session for coda-cli --starttls-proto:
// speaks SMTP, IMAP or FTP up to the point where the server expects the TLS
// handshake on the same socket.
#pragma once

#include <cstdio>
#include <string>

namespace coda::tools {

// Whether `proto` is one --starttls-proto accepts (smtp, imap, ftp).
bool starttls_supported(const std::string& proto);

// Runs the exchange on the connected socket `fd`: SMTP waits for the 220
// greeting, sends EHLO (250) and STARTTLS (220); IMAP waits for "* OK",
// sends "a STARTTLS" ("a OK"); FTP waits for 220 and sends "AUTH TLS" (234).
// Reads one byte at a time, so nothing after the server's last line is
// taken from the socket. Every line sent and received goes to `log` (with
// "<" and ">" prefixes) unless it is null. One deadline for the whole
// exchange (negative: none). false with *error set on any other answer.
bool starttls_negotiate(int fd, const std::string& proto, int timeout_ms, std::FILE* log,
                        std::string* error);

}  // namespace coda::tools
