// (EC)DHE key shares for x25519, secp256r1 and secp384r1.
#pragma once

#include <memory>

#include "base/bytes.hpp"
#include "base/protocol_ids.hpp"
#include "base/result.hpp"
#include "base/secure.hpp"
#include "crypto/random.hpp"

namespace coda::crypto {

bool group_supported(NamedGroup group);

class KeyShare {
 public:
  // A fresh private key whose bytes come from `random` (so a seeded source
  // gives the same key every run). not_supported for other groups.
  static Result<KeyShare> generate(NamedGroup group, RandomSource& random);
  // From a known private key (raw 32 bytes for x25519, the big-endian scalar
  // for the NIST curves); used to replay RFC 8448.
  static Result<KeyShare> from_private(NamedGroup group, ByteView private_key);

  KeyShare(KeyShare&&) noexcept;
  KeyShare& operator=(KeyShare&&) noexcept;
  KeyShare(const KeyShare&) = delete;
  KeyShare& operator=(const KeyShare&) = delete;
  ~KeyShare();

  NamedGroup group() const { return group_; }
  // x25519: 32 raw bytes; NIST curves: the uncompressed point (RFC 8446 4.2.8.2).
  ByteView public_key() const { return public_key_; }
  // The shared secret with the peer's public value. A malformed or invalid
  // peer value (not on the curve, all-zero x25519 result) gives
  // local_alert illegal_parameter.
  Result<SecureBytes> shared_secret(ByteView peer_public) const;

 private:
  struct State;
  KeyShare(NamedGroup group, std::unique_ptr<State> state, Bytes public_key);
  NamedGroup group_;
  std::unique_ptr<State> state_;
  Bytes public_key_;
};

}  // namespace coda::crypto
