#include "support/test_keys.hpp"

#include <gtest/gtest.h>

namespace coda::test {

std::shared_ptr<crypto::TrustStore> trust_store(const TestPki& pki) {
  auto trust = std::make_shared<crypto::TrustStore>();
  EXPECT_TRUE(trust->add_pem(as_bytes(pki.ca_pem().data(), pki.ca_pem().size())).ok());
  return trust;
}

std::shared_ptr<const CertifiedKey> certified_key(TestKeyType type) {
  LeafOptions options;
  options.key = type;
  const auto cert = default_pki().issue(options);
  auto key = CertifiedKey::from_pem(as_bytes(cert.chain_pem.data(), cert.chain_pem.size()),
                                    as_bytes(cert.key_pem.data(), cert.key_pem.size()));
  EXPECT_TRUE(key.ok());
  return key.ok() ? key.value() : nullptr;
}

}  // namespace coda::test
