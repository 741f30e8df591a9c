// Shared pieces of the fuzz harnesses and of the corpus generator: the fixed
// test PKI (tests/fuzz/data, embedded at build time), the engine configs the
// whole-engine harnesses use, and the fixed record keys. make_corpus.cpp
// builds its transcripts from the same configs and seeds, so a captured
// transcript replays byte for byte in the harnesses and reaches deep states.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ctime>
#include <memory>

#include "base/bytes.hpp"
#include "config/config.hpp"
#include "crypto/aead.hpp"
#include "crypto/x509.hpp"

namespace coda::fuzz {

// tests/fuzz/data/*.pem (Ed25519, so signatures are deterministic).
extern const char* const kCaPem;
extern const char* const kServerCertPem;  // SAN localhost, 127.0.0.1
extern const char* const kServerKeyPem;

// Verification time: the certificates are valid 2026..2126.
inline constexpr std::time_t kVerifyTime = 4102444800;  // 2100-01-01

// Seeds of the random sources (client, server) in make_corpus and harnesses.
inline constexpr uint64_t kClientSeed = 1;
inline constexpr uint64_t kServerSeed = 2;

// Engine variants, selected by bits 3..4 of an engine input's first byte.
enum Variant : uint8_t {
  kBothVersions = 0,  // defaults: TLS 1.3 and 1.2; the server takes 0-RTT
  kTls13 = 1,         // TLS 1.3 only, client authentication required
  kTls12 = 2,         // TLS 1.2 only, client authentication required
  kTls13Hrr = 3,      // TLS 1.3, the client's only key share is refused (HRR)
};
inline constexpr int kVariants = 4;

// The servers' fixed ticket key, and the clock of every engine (ms, at
// kVerifyTime): tickets made by make_corpus open in the harnesses.
const std::shared_ptr<const SecureBytes>& ticket_key();
inline constexpr uint64_t kClockMs = uint64_t{kVerifyTime} * 1000;

const crypto::TrustStore& trust_store();  // the CA of kCaPem
std::shared_ptr<const CertifiedKey> server_key();
std::shared_ptr<Config> engine_config(Role role, int variant, crypto::RandomSource* random);

// Splits an input into chunks: mode 0 is the whole input at once, others
// chunk sizes 1, 2, 5, 7, 64, 300, or (7) a size from a tiny LCG per chunk.
class Chunker {
 public:
  Chunker(int mode, ByteView data) : mode_(mode & 7), data_(data), lcg_(mode * 2654435761u) {}
  bool done() const { return offset_ >= data_.size(); }
  // The next chunk, at most `limit` bytes when limit != 0.
  ByteView peek(size_t limit = 0);
  void advance(size_t n) { offset_ += n; }

 private:
  int mode_;
  ByteView data_;
  uint32_t lcg_;
  size_t offset_ = 0;
};

// Fixed record keys: key and IV for `alg` (12-byte IV; the 1.2 AES-GCM salt
// is its first 4 bytes).
ByteView record_key(crypto::AeadAlg alg);
ByteView record_iv(crypto::AeadAlg alg, bool tls12);

}  // namespace coda::fuzz
