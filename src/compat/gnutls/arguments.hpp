// Checks of C API arguments shared by the gnutls_* calls, so each call
// refuses bad input (GNUTLS_E_INVALID_REQUEST) the same way.
#pragma once

#include <gnutls/gnutls.h>

#include <cstddef>
#include <new>
#include <optional>

#include "base/bytes.hpp"

namespace coda::compat {

// A buffer argument: NULL is fine only when it holds nothing.
inline bool buffer_ok(const void* data, size_t size) {
  return data != nullptr || size == 0;
}

// The bytes of an input datum; none for NULL or for NULL data with a size
// (a datum that claims bytes it does not have).
inline std::optional<ByteView> datum_bytes(const gnutls_datum_t* d) {
  if (d == nullptr || !buffer_ok(d->data, d->size)) return std::nullopt;
  return d->data != nullptr ? ByteView(d->data, d->size) : ByteView();
}

// GNUTLS_X509_FMT_DER or GNUTLS_X509_FMT_PEM; GnuTLS reads any other value
// as one of them, Coda refuses it.
inline bool format_ok(gnutls_x509_crt_fmt_t format) {
  return format == GNUTLS_X509_FMT_DER || format == GNUTLS_X509_FMT_PEM;
}

// The *_init / *_allocate_* calls: a new handle in *out, or the error
// GnuTLS gives for no place to put it or no memory.
template <typename T>
int new_handle(T** out) {
  if (out == nullptr) return GNUTLS_E_INVALID_REQUEST;
  *out = new (std::nothrow) T;
  return *out != nullptr ? 0 : GNUTLS_E_MEMORY_ERROR;
}

}  // namespace coda::compat
