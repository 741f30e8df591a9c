// One-shot hashes: gnutls_hash_fast and gnutls_fingerprint. An algorithm
// GnuTLS does not hash with (or an unknown number) gives
// GNUTLS_E_INVALID_REQUEST, as in GnuTLS 3.7.9.
#include <gnutls/crypto.h>

#include <cstring>

#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/keys.hpp"
#include "compat/gnutls/output.hpp"
#include "crypto/digest.hpp"

namespace {

std::optional<coda::Bytes> digest_of(gnutls_digest_algorithm_t algo, coda::ByteView data) {
  const char* name = coda::compat::digest_name(algo);
  if (name == nullptr) return std::nullopt;
  return coda::crypto::digest_by_name(name, data);
}

}  // namespace

extern "C" {

int gnutls_hash_fast(gnutls_digest_algorithm_t algorithm, const void* text, size_t textlen,
                     void* digest) {
  if (digest == nullptr || !coda::compat::buffer_ok(text, textlen)) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  const auto out = digest_of(algorithm, coda::ByteView(static_cast<const uint8_t*>(text), textlen));
  if (!out) return GNUTLS_E_INVALID_REQUEST;
  std::memcpy(digest, out->data(), out->size());
  return 0;
}

// The digest's size in bytes; 0 for an algorithm GnuTLS has no hash for.
unsigned gnutls_hash_get_len(gnutls_digest_algorithm_t algorithm) {
  const auto out = digest_of(algorithm, coda::ByteView());
  return out ? static_cast<unsigned>(out->size()) : 0;
}

int gnutls_fingerprint(gnutls_digest_algorithm_t algo, const gnutls_datum_t* data, void* result,
                       size_t* result_size) {
  const auto bytes = coda::compat::datum_bytes(data);
  if (!bytes || result_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  const auto out = digest_of(algo, *bytes);
  if (!out) return GNUTLS_E_INVALID_REQUEST;
  return coda::compat::bytes_out(*out, result, result_size);
}

}  // extern "C"
