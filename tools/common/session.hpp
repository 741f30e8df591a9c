// What coda-cli and coda-serv share above the socket: building a Config
// from options (credentials, trust, priority string) and describing a
// session and its errors in words.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "engine/connection.hpp"
#include "io/fd_driver.hpp"

namespace coda::tools {

// Loads cert/key pairs (paired in order) into config.certificates.
bool load_certificates(const std::vector<std::string>& cert_files,
                       const std::vector<std::string>& key_files, Config& config,
                       std::string* error);
// Loads trust anchors from the files, or the system store when there are none.
bool load_trust(const std::vector<std::string>& ca_files, Config& config, std::string* error);
// Applies a GnuTLS priority string (versions, suites, groups, schemes,
// flags). The error names the offending token and its position.
bool apply_priority(const std::string& text, Config& config, std::string* error);
// Sets the ALPN protocols (--alpn, in the order given); each name must be
// 1..255 bytes (RFC 7301 3.1).
bool apply_alpn(const std::vector<std::string>& names, Config& config, std::string* error);

// One phrase for an error, with the alert involved and, for transport
// errors, the system's reason.
std::string describe_error(const Error& error, const Connection& conn, const io::FdDriver& driver);
// The same for an engine error alone (a driver of one's own, no FdDriver).
std::string describe_engine_error(const Error& error, const Connection& conn);
// "certificate verification failed: <reason>" when the error is a refused
// peer certificate, else empty.
std::string verification_failure(const Error& error, const Connection& conn);

// "TLS1.3 TLS_AES_128_GCM_SHA256 x25519" (plus " (HRR)").
std::string session_brief(const Connection& conn);
// The multi-line client summary ("- version: ...") to `out`.
void print_summary(std::FILE* out, const Connection& conn, const std::string& verified_name);

}  // namespace coda::tools
