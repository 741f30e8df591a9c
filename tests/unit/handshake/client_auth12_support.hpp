// Shared pieces of the TLS 1.2 client-authentication tests: configurations
// for a 1.2-only pair, a client certificate from the test PKI, and a
// stepwise handshake whose plaintext flights (everything before
// ChangeCipherSpec is in the clear in TLS 1.2) a test can read or rewrite
// message by message before delivering them. Test-only, header-only.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "support/malformed_support.hpp"
#include "support/test_keys.hpp"
#include "support/tls_wire.hpp"

namespace coda::test {

// RFC 5246 7.4: handshake types the client-authentication flights carry.
inline constexpr uint8_t kCertificateMsg = 11;
inline constexpr uint8_t kServerKeyExchangeMsg = 12;
inline constexpr uint8_t kCertificateRequestMsg = 13;
inline constexpr uint8_t kServerHelloDoneMsg = 14;
inline constexpr uint8_t kCertificateVerifyMsg = 15;
inline constexpr uint8_t kClientKeyExchangeMsg = 16;

// A client leaf (extendedKeyUsage clientAuth) of `key` from the default PKI.
inline std::shared_ptr<const CertifiedKey> client_key(TestKeyType key,
                                                      const TestPki& pki = default_pki()) {
  LeafOptions leaf;
  leaf.key = key;
  leaf.server_auth = false;
  leaf.client_auth = true;
  leaf.common_name = "Coda Test Client";
  return certified(pki.issue(leaf));
}

// A TLS 1.2-only client and server, both trusting the default PKI; the
// server asks for a certificate as `auth` says and verifies it.
struct AuthConfigs {
  std::shared_ptr<Config> client = std::make_shared<Config>();
  std::shared_ptr<Config> server = std::make_shared<Config>();

  explicit AuthConfigs(Config::ClientAuth auth,
                       std::shared_ptr<const CertifiedKey> client_certificate = nullptr) {
    for (auto* c : {client.get(), server.get()}) {
      c->min_version = ProtocolVersion::tls12;
      c->max_version = ProtocolVersion::tls12;
      c->trust = trust_store();
    }
    client->role = Role::client;
    client->server_name = "localhost";
    client->client_certificate = std::move(client_certificate);
    server->role = Role::server;
    server->certificates.push_back(certified_key(TestKeyType::ecdsa_p256));
    server->client_auth = auth;
    server->verify_peer = true;
    client->fill_defaults();
    server->fill_defaults();
  }
};

// Rewrites the plaintext handshake messages of a flight: `edit` returns the
// messages to send instead of each one (itself to keep it, none to drop it,
// more to insert some). Records from the first ChangeCipherSpec on are left
// as they are.
using MessageEdit = std::function<std::vector<wire::Message>(const wire::Message&)>;
inline Bytes rewrite_flight(ByteView flight, const MessageEdit& edit) {
  Bytes out;
  bool encrypted = false;
  for (const auto& r : wire::split_records(flight)) {
    encrypted = encrypted || r.type == wire::kChangeCipherSpec;
    if (encrypted || r.type != wire::kHandshake) {
      append(out, r.bytes());
      continue;
    }
    Bytes content;
    for (const auto& m : wire::split_messages(r.body)) {
      for (const auto& kept : edit(m)) append(content, kept.bytes());
    }
    if (!content.empty()) append(out, wire::record(wire::kHandshake, content, r.version));
  }
  return out;
}

// Replaces the body of every message of `type`.
inline MessageEdit replace_body(uint8_t type, Bytes body) {
  return [type, body](const wire::Message& m) -> std::vector<wire::Message> {
    if (m.type != type) return {m};
    return {wire::Message{m.type, body}};
  };
}

// Drops every message of `type`.
inline MessageEdit drop(uint8_t type) {
  return [type](const wire::Message& m) -> std::vector<wire::Message> {
    if (m.type == type) return {};
    return {m};
  };
}

// Puts `extra` right after every message of `type`.
inline MessageEdit insert_after(uint8_t type, wire::Message extra) {
  return [type, extra](const wire::Message& m) -> std::vector<wire::Message> {
    if (m.type == type) return {m, extra};
    return {m};
  };
}

// The plaintext handshake messages of a flight, in order.
inline std::vector<wire::Message> plaintext_messages(ByteView flight) {
  std::vector<wire::Message> out;
  for (const auto& r : wire::split_records(flight)) {
    if (r.type == wire::kChangeCipherSpec) break;
    if (r.type != wire::kHandshake) continue;
    for (auto& m : wire::split_messages(r.body)) out.push_back(std::move(m));
  }
  return out;
}

inline std::optional<wire::Message> find_message(ByteView flight, uint8_t type) {
  for (auto& m : plaintext_messages(flight)) {
    if (m.type == type) return m;
  }
  return std::nullopt;
}

// A TLS 1.2 handshake one flight at a time: ClientHello; the server's
// flight (ServerHello..ServerHelloDone); the client's (Certificate?,
// ClientKeyExchange, CertificateVerify?, ChangeCipherSpec, Finished); the
// server's ChangeCipherSpec and Finished.
struct StagedHandshake {
  std::unique_ptr<Connection> client;
  std::unique_ptr<Connection> server;
  Bytes server_flight;  // after hello_to_server()
  Bytes client_flight;  // after server_flight_to_client()

  explicit StagedHandshake(const AuthConfigs& configs)
      : client(connect(configs.client)), server(connect(configs.server)) {}

  // Delivers the ClientHello and captures the server's answer.
  bool hello_to_server() {
    if (!client || !server) return false;
    if (!feed(*server, take_output(*client)).ok()) {
      ADD_FAILURE() << "server refused the ClientHello";
      return false;
    }
    server_flight = take_output(*server);
    return !server_flight.empty();
  }
  // Delivers the server's flight (edited) and captures the client's answer.
  Result<size_t> server_flight_to_client(const MessageEdit& edit = nullptr) {
    const Bytes flight = edit ? rewrite_flight(server_flight, edit) : server_flight;
    auto result = feed(*client, flight);
    if (result.ok()) client_flight = take_output(*client);
    return result;
  }
  // Delivers the client's flight (edited) to the server.
  Result<size_t> client_flight_to_server(const MessageEdit& edit = nullptr) {
    const Bytes flight = edit ? rewrite_flight(client_flight, edit) : client_flight;
    return feed(*server, flight);
  }
  // Finishes: the server's last flight to the client.
  bool finish() {
    if (!feed(*client, take_output(*server)).ok()) return false;
    return client->handshake_complete() && server->handshake_complete();
  }
};

}  // namespace coda::test
