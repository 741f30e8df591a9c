// GnuTLS's ways of handing bytes and strings to the caller, shared by every
// getter so each follows the same buffer protocol:
//   - into a caller's buffer (void* out, size_t* size): too small or NULL
//     gives GNUTLS_E_SHORT_MEMORY_BUFFER with *size set to what is needed;
//     strings and PEM need room for a final NUL, written but not counted;
//   - into a gnutls_malloc'd datum, NUL-terminated but not counting it.
#pragma once

#include <gnutls/gnutls.h>

#include <string>
#include <string_view>

#include "base/bytes.hpp"

namespace coda::compat {

// Bytes exactly: *size must be at least their length.
int bytes_out(ByteView bytes, void* out, size_t* out_size);
// Text: *size must leave room for the NUL.
int string_out(std::string_view s, void* out, size_t* out_size);
// Either, into a new datum (gnutls_malloc; NUL after the bytes).
int datum_out(ByteView bytes, gnutls_datum_t* out);
int datum_out(std::string_view s, gnutls_datum_t* out);

// DER, or the DER as one PEM block with `label`, by `format`.
int encoded_out(ByteView der, gnutls_x509_crt_fmt_t format, const char* label, void* out,
                size_t* out_size);
int encoded_out2(ByteView der, gnutls_x509_crt_fmt_t format, const char* label,
                 gnutls_datum_t* out);

inline ByteView as_bytes(std::string_view s) {
  return ByteView(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

}  // namespace coda::compat
