#include "handshake/alpn.hpp"

#include <algorithm>

namespace coda::hs {
namespace {

bool listed(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

Error no_protocol(const char* why) {
  return Error::alert_error(AlertDescription::no_application_protocol, why);
}

}  // namespace

Result<std::optional<std::string>> choose_alpn(const Config& config,
                                               const std::vector<std::string>& offered) {
  const std::vector<std::string>& ours = config.alpn_protocols;
  // A client that offers nothing gets nothing, even from a "mandatory"
  // server: the requirement is on a list's content (GnuTLS's reading).
  if (ours.empty() || offered.empty()) return std::optional<std::string>{};
  // Whose order decides: the client's unless the server's was asked for.
  const bool server_first = config.alpn_server_precedence;
  const auto& preferred = server_first ? ours : offered;
  const auto& other = server_first ? offered : ours;
  for (const std::string& name : preferred) {
    if (listed(other, name)) return std::optional<std::string>{name};
  }
  if (config.alpn_mandatory) return no_protocol("no application protocol in common");
  return std::optional<std::string>{};
}

Status accept_alpn(const Config& config, const std::optional<std::string>& selected,
                   SessionInfo& info) {
  // No answer is no protocol: a client that needs one checks info.alpn
  // (GnuTLS clients do not fail here either, even with ALPN "mandatory").
  if (!selected) return {};
  // RFC 7301 3.2: the server picks from the client's list, nothing else.
  if (!listed(config.alpn_protocols, *selected)) {
    return Error::alert_error(AlertDescription::illegal_parameter,
                              "the server chose an application protocol we did not offer");
  }
  info.alpn = *selected;
  return {};
}

}  // namespace coda::hs
