// Application-Layer Protocol Negotiation (RFC 7301), the same in TLS 1.3
// (answer in EncryptedExtensions) and TLS 1.2 (answer in ServerHello).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "config/config.hpp"
#include "config/session_info.hpp"

namespace coda::hs {

// Server: the protocol to answer the client's list with (nullopt: no ALPN
// extension in the answer). Fails with no_application_protocol when the
// config makes ALPN mandatory and the client's list has none of ours.
Result<std::optional<std::string>> choose_alpn(const Config& config,
                                               const std::vector<std::string>& offered);

// Client: checks the server's answer (nullopt: none) against what we
// offered and records it in `info`.
Status accept_alpn(const Config& config, const std::optional<std::string>& selected,
                   SessionInfo& info);

}  // namespace coda::hs
