// Certificates through Coda's verification glue (src/crypto/x509.hpp):
// parsing, the accessors the handshake uses, and chain verification against
// a trust store holding the fuzz CA (fuzz_common.hpp).
//
// Input: a mode byte, then the data.
//   0: one DER certificate (Certificate::from_der)
//   1: PEM text (Certificate::chain_from_pem, and TrustStore::add_pem)
//   2: a TLS 1.2 Certificate body (u24 list of u24 DER certificates, as a
//      peer sends it), each through from_der, the list verified as a chain
#include <cstdint>
#include <vector>

#include "crypto/x509.hpp"
#include "fuzz_common.hpp"
#include "handshake/messages12.hpp"

namespace {

using namespace coda;
using namespace coda::crypto;

void inspect(const Certificate& cert) {
  (void)cert.subject();
  (void)cert.issuer();
  (void)cert.not_before();
  (void)cert.not_after();
  (void)cert.spki();
  if (auto key = cert.public_key()) (void)key;
  (void)cert.matches_hostname("localhost");
  (void)cert.matches_hostname("a.localhost", false);
  (void)cert.matches_hostname("127.0.0.1");
  (void)cert.matches_hostname("::1");
  const Certificate copy(cert);
  if (copy.der().size() != cert.der().size()) __builtin_trap();
}

void verify(const std::vector<Certificate>& chain) {
  if (chain.empty()) return;
  for (const auto& cert : chain) inspect(cert);
  VerifyOptions options;
  options.hostname = "localhost";
  options.at_time = fuzz::kVerifyTime;
  const uint32_t server = verify_chain(fuzz::trust_store(), chain, options);
  options.server = false;
  options.hostname.clear();
  const uint32_t client = verify_chain(fuzz::trust_store(), chain, options);
  for (const uint32_t status : {server, client}) {
    (void)describe_verify_status(status);
    (void)alert_for_verify_status(status);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const ByteView rest(data + 1, size - 1);
  switch (data[0] % 3) {
    case 0: {
      auto cert = Certificate::from_der(rest);
      if (!cert) return 0;
      std::vector<Certificate> chain;
      chain.push_back(std::move(cert).value());
      verify(chain);
      break;
    }
    case 1: {
      if (auto chain = Certificate::chain_from_pem(rest)) verify(chain.value());
      TrustStore store;
      if (auto added = store.add_pem(rest)) {
        if (added.value() > store.size()) __builtin_trap();
      }
      break;
    }
    case 2: {
      auto message = hs::Certificate12::parse(rest);
      if (!message) return 0;
      std::vector<Certificate> chain;
      for (const Bytes& der : message->certificates) {
        auto cert = Certificate::from_der(der);
        if (!cert) return 0;
        chain.push_back(std::move(cert).value());
      }
      verify(chain);
      break;
    }
  }
  return 0;
}
