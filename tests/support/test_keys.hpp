// Trust stores and certified keys from the test PKI, as engine Configs take
// them.
#pragma once

#include <memory>

#include "config/config.hpp"
#include "crypto/x509.hpp"
#include "support/test_pki.hpp"

namespace coda::test {

// A trust store holding `pki`'s CA.
std::shared_ptr<crypto::TrustStore> trust_store(const TestPki& pki = default_pki());
// A fresh leaf of `type` for "localhost" from the default PKI, with its key.
std::shared_ptr<const CertifiedKey> certified_key(TestKeyType type);

}  // namespace coda::test
