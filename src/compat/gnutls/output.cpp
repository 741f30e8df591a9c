#include "compat/gnutls/output.hpp"

#include <cstring>

#include "base/pem.hpp"
#include "compat/gnutls/arguments.hpp"

namespace coda::compat {

int bytes_out(ByteView bytes, void* out, size_t* out_size) {
  if (out_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (out == nullptr || *out_size < bytes.size()) {
    *out_size = bytes.size();
    return GNUTLS_E_SHORT_MEMORY_BUFFER;
  }
  if (!bytes.empty()) std::memcpy(out, bytes.data(), bytes.size());
  *out_size = bytes.size();
  return 0;
}

int string_out(std::string_view s, void* out, size_t* out_size) {
  if (out_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (out == nullptr || *out_size < s.size() + 1) {
    *out_size = s.size() + 1;
    return GNUTLS_E_SHORT_MEMORY_BUFFER;
  }
  if (!s.empty()) std::memcpy(out, s.data(), s.size());
  static_cast<char*>(out)[s.size()] = '\0';
  *out_size = s.size();
  return 0;
}

int datum_out(ByteView bytes, gnutls_datum_t* out) {
  if (out == nullptr) return GNUTLS_E_INVALID_REQUEST;
  out->data = nullptr;
  out->size = 0;
  auto* p = static_cast<unsigned char*>(gnutls_malloc(bytes.size() + 1));
  if (p == nullptr) return GNUTLS_E_MEMORY_ERROR;
  if (!bytes.empty()) std::memcpy(p, bytes.data(), bytes.size());
  p[bytes.size()] = 0;
  out->data = p;
  out->size = static_cast<unsigned>(bytes.size());
  return 0;
}

int datum_out(std::string_view s, gnutls_datum_t* out) {
  return datum_out(as_bytes(s), out);
}

int encoded_out(ByteView der, gnutls_x509_crt_fmt_t format, const char* label, void* out,
                size_t* out_size) {
  if (out_size == nullptr || !format_ok(format)) return GNUTLS_E_INVALID_REQUEST;
  if (format == GNUTLS_X509_FMT_PEM) {
    const SecureBytes pem = pem_encode(label, der);
    const std::string_view text(reinterpret_cast<const char*>(pem.data()), pem.size());
    return string_out(text, out, out_size);
  }
  return bytes_out(der, out, out_size);
}

int encoded_out2(ByteView der, gnutls_x509_crt_fmt_t format, const char* label,
                 gnutls_datum_t* out) {
  if (out == nullptr || !format_ok(format)) return GNUTLS_E_INVALID_REQUEST;
  if (format == GNUTLS_X509_FMT_PEM) {
    const SecureBytes pem = pem_encode(label, der);
    return datum_out(ByteView(pem.data(), pem.size()), out);
  }
  return datum_out(der, out);
}

}  // namespace coda::compat
