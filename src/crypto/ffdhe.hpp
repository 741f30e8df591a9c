// The RFC 7919 finite field Diffie-Hellman groups, as data: what the C API
// exports as gnutls_ffdhe_* and what gnutls_certificate_set_known_dh_params
// stands for. Coda does not negotiate DHE yet; nothing here computes.
// The arrays are named one by one so that the C API's datums pointing at
// them are constant-initialized (a program's copy relocation of a data
// symbol is made before any constructor runs).
#pragma once

#include <cstddef>
#include <cstdint>

#include "base/bytes.hpp"

namespace coda::crypto {

// p and q = (p - 1) / 2, big-endian; the generator is 2.
extern const uint8_t kFfdhe2048Prime[256], kFfdhe2048Q[256];
extern const uint8_t kFfdhe3072Prime[384], kFfdhe3072Q[384];
extern const uint8_t kFfdhe4096Prime[512], kFfdhe4096Q[512];
extern const uint8_t kFfdhe6144Prime[768], kFfdhe6144Q[768];
extern const uint8_t kFfdhe8192Prime[1024], kFfdhe8192Q[1024];
extern const uint8_t kFfdheGenerator[1];

// The private exponent sizes GnuTLS 3.7.9 uses with each group (its
// gnutls_ffdhe_*_key_bits).
inline constexpr unsigned kFfdhe2048KeyBits = 256;
inline constexpr unsigned kFfdhe3072KeyBits = 276;
inline constexpr unsigned kFfdhe4096KeyBits = 336;
inline constexpr unsigned kFfdhe6144KeyBits = 376;
inline constexpr unsigned kFfdhe8192KeyBits = 512;

struct FfdheGroup {
  unsigned bits;  // size of the prime
  ByteView prime;
  ByteView generator;
  ByteView q;
  unsigned key_bits;
};

inline constexpr size_t kFfdheGroupCount = 5;
// ffdhe2048, 3072, 4096, 6144, 8192, in that order.
extern const FfdheGroup kFfdheGroups[kFfdheGroupCount];

}  // namespace coda::crypto
