// A throwaway PKI for tests: a CA made fresh per TestPki, and leaf
// certificates with the names, validity and key usage a test asks for.
// Test-only code: it uses libcrypto directly (the library may not).
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace coda::test {

enum class TestKeyType { ecdsa_p256, ecdsa_p384, rsa2048, ed25519 };

struct TestCert {
  std::string cert_pem;   // the leaf
  std::string key_pem;    // the leaf's private key, PKCS#8
  std::string chain_pem;  // leaf then intermediates
};

struct LeafOptions {
  TestKeyType key = TestKeyType::ecdsa_p256;
  std::vector<std::string> dns_names{"localhost"};
  std::vector<std::string> ip_addresses{};  // e.g. "127.0.0.1"
  long not_before_offset_s = -3600;         // relative to now
  long not_after_offset_s = 30L * 86400;
  bool server_auth = true;   // extendedKeyUsage serverAuth
  bool client_auth = false;  // extendedKeyUsage clientAuth
  // With neither server_auth nor client_auth, the leaf has no
  // extendedKeyUsage at all (valid for any purpose).
  std::string common_name = "Coda Test Leaf";
  // The keyUsage extension's value (critical); empty: no keyUsage at all.
  std::string key_usage = "digitalSignature";
};

class TestPki {
 public:
  explicit TestPki(TestKeyType ca_key = TestKeyType::ecdsa_p256,
                   std::string ca_name = "Coda Test CA");
  // The trust anchor (the root, also for a PKI made by intermediate()).
  const std::string& ca_pem() const;
  TestCert issue(const LeafOptions& options) const;  // signed by this CA

  // A sub-CA signed by this CA: its leaves carry it in chain_pem, and its
  // ca_pem() is still this PKI's root.
  TestPki intermediate(TestKeyType key = TestKeyType::ecdsa_p256,
                       std::string name = "Coda Test Intermediate") const;

  struct State;

 private:
  explicit TestPki(std::shared_ptr<const State> state);
  std::shared_ptr<const State> state_;
};

// Cached per process: generating RSA keys is slow.
const TestPki& default_pki();

}  // namespace coda::test
