#include "fuzz_common.hpp"

#include "config/anti_replay.hpp"

#include <cstdlib>
#include <cstring>

namespace coda::fuzz {
namespace {

ByteView text(const char* s) {
  return as_bytes(s, std::strlen(s));
}

}  // namespace

const crypto::TrustStore& trust_store() {
  static const crypto::TrustStore* store = [] {
    auto* s = new crypto::TrustStore();
    if (!s->add_pem(text(kCaPem))) std::abort();
    return s;
  }();
  return *store;
}

std::shared_ptr<const CertifiedKey> server_key() {
  static const std::shared_ptr<const CertifiedKey> key = [] {
    auto k = CertifiedKey::from_pem(text(kServerCertPem), text(kServerKeyPem));
    if (!k) std::abort();
    return k.value();
  }();
  return key;
}

const std::shared_ptr<const SecureBytes>& ticket_key() {
  static const std::shared_ptr<const SecureBytes> key =
      std::make_shared<const SecureBytes>(32, uint8_t{0x5a});
  return key;
}

std::shared_ptr<Config> engine_config(Role role, int variant, crypto::RandomSource* random) {
  // Not owning: the store outlives every harness run.
  static const std::shared_ptr<const crypto::TrustStore> trust(&trust_store(),
                                                               [](const crypto::TrustStore*) {});
  auto config = std::make_shared<Config>();
  config->role = role;
  config->random = random;
  config->trust = trust;
  config->verify_time = kVerifyTime;
  config->clock_ms = [] { return kClockMs; };
  config->ticket_key = ticket_key();
  if (role == Role::server) {
    config->certificates.push_back(server_key());
  } else {
    config->server_name = "localhost";
  }
  switch (variant) {
    case kTls13:
      config->client_auth = Config::ClientAuth::require;
      if (role == Role::client) config->client_certificate = server_key();
      break;
    case kTls12:
      config->min_version = ProtocolVersion::tls12;
      config->max_version = ProtocolVersion::tls12;
      config->client_auth = Config::ClientAuth::require;
      if (role == Role::client) config->client_certificate = server_key();
      break;
    case kTls13Hrr:
      if (role == Role::client) {
        config->groups = {NamedGroup::secp384r1, NamedGroup::x25519};
      } else {
        config->groups = {NamedGroup::x25519};
      }
      break;
    default:
      config->min_version = ProtocolVersion::tls12;
      config->max_version = ProtocolVersion::tls13;
      // 0-RTT taken (tickets allow it; anti-replay on the fixed clock,
      // fresh per run); the other variants skip the early data they get.
      if (role == Role::server) {
        config->accept_early_data = true;
        config->anti_replay = std::make_shared<AntiReplay>(kClockMs);
      }
      break;
  }
  config->fill_defaults();
  return config;
}

ByteView Chunker::peek(size_t limit) {
  static constexpr size_t kSizes[] = {0, 1, 2, 5, 7, 64, 300, 0};
  const size_t left = data_.size() - offset_;
  size_t n = left;
  if (mode_ == 7) {
    lcg_ = lcg_ * 1103515245u + 12345u;
    n = 1 + (lcg_ >> 16) % 600;
  } else if (mode_ != 0) {
    n = kSizes[mode_];
  }
  if (limit != 0 && n > limit) n = limit;
  if (n > left) n = left;
  return data_.subspan(offset_, n);
}

ByteView record_key(crypto::AeadAlg alg) {
  static const uint8_t key[32] = {0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a,
                                  0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25,
                                  0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f};
  return ByteView(key, crypto::aead_key_length(alg));
}

ByteView record_iv(crypto::AeadAlg alg, bool tls12) {
  static const uint8_t iv[12] = {0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5,
                                 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab};
  if (tls12 && alg != crypto::AeadAlg::chacha20poly1305) return ByteView(iv, 4);
  return ByteView(iv, 12);
}

}  // namespace coda::fuzz
