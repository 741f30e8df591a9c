// PEM certificates and private keys read the way GnuTLS 3.7 reads them, with
// the codes it gives (each checked against the real library by
// tests/api/pem_loaders.c):
//   - a block starts at "-----BEGIN <label>"; its base64 runs from the
//     "-----" that closes that line to the next "-----", and a block with no
//     "-----END" after its start is cut short;
//   - in the base64, white space is skipped; any other character outside
//     the alphabet, misplaced padding, a length that is not a multiple of 4
//     or nothing at all make the block broken.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "base/bytes.hpp"
#include "base/secure.hpp"
#include "crypto/signature.hpp"
#include "crypto/x509.hpp"

namespace coda::compat {

// Every CERTIFICATE (or X509 CERTIFICATE) block of `text`, in order, or only
// the first with first_only. Returns 0, having filled `out` (empty when the
// text holds no such block), or the error:
//   a CERTIFICATE block cut short or whose base64 is broken
//                                       GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR
//   the same for an X509 CERTIFICATE block  GNUTLS_E_BASE64_DECODING_ERROR
//   base64 that is no certificate           GNUTLS_E_ASN1_TAG_ERROR
int read_pem_certificates(ByteView text, bool first_only, std::vector<crypto::Certificate>& out);

// The first PRIVATE KEY, RSA, EC or DSA PRIVATE KEY block of `text`.
// Returns 0 with `out` set, or the error:
//   no such block                           GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE
//   the block cut short or its base64 broken  GNUTLS_E_BASE64_DECODING_ERROR
//   base64 that is no key                   GNUTLS_E_ASN1_TAG_ERROR
//   a key of a type Coda does not support   GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE
int read_pem_private_key(ByteView text, std::optional<crypto::PrivateKey>& out);

// The first block whose BEGIN line starts "-----BEGIN <label>" (any block
// for an empty label), as gnutls_pem_base64_decode reads it. Returns 0 with
// `der` set, GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR when there is no such
// block, GNUTLS_E_BASE64_DECODING_ERROR when it is cut short or broken.
int read_pem_block(ByteView text, std::string_view label, SecureBytes& der);

// Every block with `label`, in order: 0 (`out` possibly empty) or
// GNUTLS_E_BASE64_DECODING_ERROR for one cut short or broken.
int read_pem_blocks(ByteView text, std::string_view label, std::vector<SecureBytes>& out);

}  // namespace coda::compat
