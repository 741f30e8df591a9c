// HKDF (RFC 5869), TLS 1.3's HKDF-Expand-Label (RFC 8446 7.1) and the
// TLS 1.2 PRF (RFC 5246 5).
#pragma once

#include <string_view>

#include "base/bytes.hpp"
#include "base/secure.hpp"
#include "crypto/hash.hpp"

namespace coda::crypto {

SecureBytes hkdf_extract(HashAlg alg, ByteView salt, ByteView ikm);
SecureBytes hkdf_expand(HashAlg alg, ByteView prk, ByteView info, size_t length);
// HKDF-Expand(secret, HkdfLabel{length, "tls13 " + label, context}, length)
SecureBytes hkdf_expand_label(HashAlg alg, ByteView secret, std::string_view label,
                              ByteView context, size_t length);
// P_hash based PRF of TLS 1.2 with the suite's hash.
SecureBytes tls12_prf(HashAlg alg, ByteView secret, std::string_view label, ByteView seed,
                      size_t length);

}  // namespace coda::crypto
