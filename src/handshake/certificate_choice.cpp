#include "handshake/certificate_choice.hpp"

namespace coda::hs {

std::vector<std::vector<const CertifiedKey*>> certificate_tiers(
    const Config& config, const std::optional<std::string>& server_name) {
  std::vector<const CertifiedKey*> all;
  all.reserve(config.certificates.size());
  for (const auto& chain : config.certificates) {
    // Every key exchange Coda offers has the server sign (TLS 1.3
    // CertificateVerify, RFC 8446 4.4.2.2; TLS 1.2 ECDHE's
    // ServerKeyExchange, RFC 8422 5.4), so a leaf whose keyUsage forbids
    // signing is never used.
    if (!chain->chain.empty() && chain->chain.front().allows_digital_signature()) {
      all.push_back(chain.get());
    }
  }
  if (!server_name || server_name->empty() || all.size() < 2) return {std::move(all)};

  std::vector<const CertifiedKey*> named;
  for (const CertifiedKey* chain : all) {
    if (!chain->chain.empty() && chain->chain.front().matches_hostname(*server_name)) {
      named.push_back(chain);
    }
  }
  if (named.empty() || named.size() == all.size()) return {std::move(all)};
  return {std::move(named), std::move(all)};
}

}  // namespace coda::hs
