// PEM output for coda-cli --print-cert.
#pragma once

#include <string>

#include "base/bytes.hpp"

namespace coda::tools {

// "-----BEGIN CERTIFICATE-----", the DER in base64 (64 columns),
// "-----END CERTIFICATE-----", each line ending in "\n".
std::string pem_certificate(ByteView der);

}  // namespace coda::tools
