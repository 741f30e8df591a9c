// The server's certificate choice by the name the client asked for
// (server_name, RFC 6066 3), shared by both TLS versions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"

namespace coda::hs {

// The server's chains in tiers, to be tried tier by tier: first the chains
// whose leaf is valid for `server_name`, then every chain; a chain whose
// leaf may not sign is left out. A client whose
// name fits no chain, or whose algorithms fit only another chain, still
// gets one, as from GnuTLS. Without a name, or with one chain, one tier.
std::vector<std::vector<const CertifiedKey*>> certificate_tiers(
    const Config& config, const std::optional<std::string>& server_name);

}  // namespace coda::hs
