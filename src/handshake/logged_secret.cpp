#include "handshake/handshake_machine.hpp"

namespace coda::hs {

const char* nss_keylog_label(LoggedSecret secret) {
  switch (secret) {
    case LoggedSecret::client_early_traffic:
      return "CLIENT_EARLY_TRAFFIC_SECRET";
    case LoggedSecret::client_handshake_traffic:
      return "CLIENT_HANDSHAKE_TRAFFIC_SECRET";
    case LoggedSecret::server_handshake_traffic:
      return "SERVER_HANDSHAKE_TRAFFIC_SECRET";
    case LoggedSecret::exporter:
      return "EXPORTER_SECRET";
    case LoggedSecret::client_traffic_0:
      return "CLIENT_TRAFFIC_SECRET_0";
    case LoggedSecret::server_traffic_0:
      return "SERVER_TRAFFIC_SECRET_0";
    case LoggedSecret::master:
      return "CLIENT_RANDOM";
  }
  return "UNKNOWN_SECRET";
}

}  // namespace coda::hs
