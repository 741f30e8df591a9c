// Parsed certificates shared across sessions. A client meets the same server
// chain again and again, and parsing one (d2i_X509 decodes its public key
// through libcrypto's decoder machinery) costs as much as an ECDSA
// verification; so each distinct DER is parsed once while it stays in use.
#pragma once

#include <openssl/x509.h>

#include <memory>

#include "base/bytes.hpp"
#include "crypto/ossl.hpp"

namespace coda::crypto {

// A parsed certificate and its DER, both shared (one reference each the
// caller's). The X509 is shared: nothing may change it (no X509_set_*, no
// signing).
struct SharedCertificate {
  ossl::X509Ptr x509;
  std::shared_ptr<const Bytes> der;
};

// The certificate for `der`: from the cache when the same bytes were
// parsed lately, else parsed now (and kept). x509 is null when `der` is not
// exactly one well-formed certificate. Thread-safe.
SharedCertificate parse_certificate_shared(ByteView der);

}  // namespace coda::crypto
