// What the certificate, public and private key handles share about a key:
// its GnuTLS algorithm and size, and its key id.
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "base/bytes.hpp"

namespace coda::compat {

// The gnutls_pk_algorithm_t of a DER SubjectPublicKeyInfo (bits, if not
// NULL, gets its size); GNUTLS_E_ASN1_VALUE_NOT_FOUND if it does not parse.
int spki_algorithm(ByteView spki, unsigned* bits);

// GnuTLS's key id: a hash of the DER SubjectPublicKeyInfo, SHA-1 unless
// flags ask for GNUTLS_KEYID_USE_SHA256 or _SHA512 (or _BEST_KNOWN, which
// is SHA-512), into the caller's buffer.
int spki_key_id(ByteView spki, unsigned flags, unsigned char* out, size_t* out_size);

}  // namespace coda::compat
