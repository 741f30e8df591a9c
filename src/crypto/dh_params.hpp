// Diffie-Hellman parameters (gnutls_dh_params_t's contents) and their
// PKCS#3 encoding (PKCS #3 section 9):
//   DHParameter ::= SEQUENCE {
//     prime INTEGER, base INTEGER, privateValueLength INTEGER OPTIONAL }
// The reader is bounded by its input and takes definite lengths, and for the
// outer SEQUENCE BER's indefinite form too (X.690 8.1.3.6), as GnuTLS does;
// it is fuzzed (tests/fuzz/x509).
#pragma once

#include <optional>

#include "base/bytes.hpp"

namespace coda::crypto {

// Why an encoding was refused: a tag or value that is not what PKCS#3 has
// there, or a length that runs past the input.
enum class DhParseError { bad_value, cut_short };

struct DhParams {
  Bytes prime;            // big-endian, no leading zero byte
  Bytes generator;        // the same
  unsigned key_bits = 0;  // privateValueLength; 0 when not given

  // The parameters of DER `der` (exactly one DHParameter, nothing after
  // it), or none when it is not one, or the prime or base is 0.
  static std::optional<DhParams> from_pkcs3(ByteView der, DhParseError* why = nullptr);
  // Prime and base as unsigned big-endian numbers (leading zeros dropped);
  // none when either is 0.
  static std::optional<DhParams> from_raw(ByteView prime, ByteView generator, unsigned key_bits);
  // DER; privateValueLength written only when key_bits is not 0.
  Bytes to_pkcs3() const;
};

}  // namespace coda::crypto
