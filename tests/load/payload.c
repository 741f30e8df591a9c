/* Payloads of the load sessions (see payload.h): splitmix64 over the
 * (round, index, 8-byte word) triple, so any slice is computed directly. */
#include "payload.h"

#include <stdint.h>

static uint64_t splitmix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

static uint64_t session_seed(unsigned round, unsigned index) {
  return splitmix64(((uint64_t)round << 32) | index);
}

size_t payload_length(unsigned round, unsigned index, size_t max) {
  const size_t half = max / 2;
  return half + (size_t)(splitmix64(session_seed(round, index) ^ 0x4c454e) % (max - half + 1));
}

void payload_fill(unsigned round, unsigned index, size_t offset, unsigned char* out, size_t n) {
  const uint64_t seed = session_seed(round, index);
  for (size_t i = 0; i < n; i++) {
    const size_t at = offset + i;
    const uint64_t word = splitmix64(seed + at / 8);
    out[i] = (unsigned char)(word >> (8 * (at % 8)));
  }
}
