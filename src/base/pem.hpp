// PEM's base64 (RFC 7468): one encoder and one decoder for every layer
// (the C API's certificate and key loaders, coda-cli --print-cert). Key
// material passes through them, so the output is wiped memory.
#pragma once

#include <string>
#include <string_view>

#include "base/bytes.hpp"
#include "base/secure.hpp"

namespace coda {

// Strict base64, white space skipped, '=' padding only at the end; false
// (and `out` holding a prefix) when broken or empty.
bool base64_decode(std::string_view text, SecureBytes& out);

// Plain base64 on one line, '=' padded (not for secrets: a std::string).
std::string base64_encode(ByteView data);

// One canonical PEM block: "-----BEGIN label-----", 64 symbols a line,
// "-----END label-----", every line ending in "\n".
SecureBytes pem_encode(std::string_view label, ByteView der);

}  // namespace coda
