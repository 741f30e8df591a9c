// One-shot digests by algorithm name, for the C API's fingerprints, key ids
// and gnutls_hash_fast (which may name MD5, SHA-1 or SHA-224, hashes the TLS
// 1.3 engine never needs; crypto/hash.hpp keeps to those it does).
#pragma once

#include <optional>
#include <string_view>

#include "base/bytes.hpp"

namespace coda::crypto {

// name: a libcrypto digest name ("MD5", "SHA1", "SHA256", "SHA3-256", ...).
// nullopt when libcrypto does not know (or will not give) the digest.
std::optional<Bytes> digest_by_name(std::string_view name, ByteView data);

}  // namespace coda::crypto
