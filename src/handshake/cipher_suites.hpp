// What each cipher suite means: its AEAD, its hash, the version it belongs to.
#pragma once

#include "base/protocol_ids.hpp"
#include "crypto/aead.hpp"
#include "crypto/hash.hpp"

namespace coda::hs {

enum class KeyExchange : uint8_t { tls13_any, ecdhe_ecdsa, ecdhe_rsa };

struct SuiteInfo {
  CipherSuite id;
  ProtocolVersion version;  // tls13 suites work only in 1.3, the others only in 1.2
  crypto::AeadAlg aead;
  crypto::HashAlg hash;
  KeyExchange kx;
};

// nullptr for suites Coda does not implement.
const SuiteInfo* find_suite(uint16_t code_point);
inline const SuiteInfo* find_suite(CipherSuite suite) {
  return find_suite(static_cast<uint16_t>(suite));
}

}  // namespace coda::hs
