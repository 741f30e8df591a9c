// TLS 1.3 certificate_authorities (RFC 8446 4.2.4) in client
// authentication: the server's CertificateRequest names its trust anchors,
// and the client sends its certificate only when one of them issued it (or
// when the server names none), as in TLS 1.2 and as GnuTLS does.
#include <gtest/gtest.h>

#include "support/memory_pair.hpp"
#include "unit/handshake/client_auth12_support.hpp"

namespace coda {
namespace {

using test::client_key;
using test::TestKeyType;

// How many certificates the server received from a TLS 1.3 client holding
// `own`, when it requests one (without insisting on verifying it).
size_t certificates_received(std::shared_ptr<const CertifiedKey> own, bool send_ca_names) {
  test::AuthConfigs configs(Config::ClientAuth::request, std::move(own));
  for (auto* c : {configs.client.get(), configs.server.get()}) {
    c->min_version = ProtocolVersion::tls13;
    c->max_version = ProtocolVersion::tls13;
  }
  configs.server->verify_peer = false;
  configs.server->send_ca_names = send_ca_names;
  auto pair = test::make_pair(configs.client, configs.server);
  EXPECT_TRUE(pair.pump());
  EXPECT_TRUE(pair.server->handshake_complete());
  EXPECT_EQ(pair.server->info().version, ProtocolVersion::tls13);
  return pair.server->info().peer_chain.size();
}

TEST(ClientAuth13Authorities, ACertificateFromANamedCaIsSent) {
  EXPECT_EQ(certificates_received(client_key(TestKeyType::ecdsa_p256), true), 1U);
}

TEST(ClientAuth13Authorities, ACertificateFromAnotherCaIsNotSent) {
  const test::TestPki other(TestKeyType::ecdsa_p256, "Other Test CA");
  EXPECT_EQ(certificates_received(client_key(TestKeyType::ecdsa_p256, other), true), 0U);
}

TEST(ClientAuth13Authorities, WithoutNamesAnyCertificateIsSent) {
  const test::TestPki other(TestKeyType::ecdsa_p256, "Other Test CA");
  EXPECT_EQ(certificates_received(client_key(TestKeyType::ecdsa_p256, other), false), 1U);
}

}  // namespace
}  // namespace coda
