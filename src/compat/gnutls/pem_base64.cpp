// gnutls_pem_base64_encode/_decode (and the allocating forms): one PEM
// block, encoded as base/pem.hpp writes every block (64 symbols a line),
// read as the certificate loaders read them (compat/gnutls/pem.hpp). The
// codes are GnuTLS 3.7.9's (tests/api/x509_objects.c).
#include <string>

#include "base/pem.hpp"
#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/output.hpp"
#include "compat/gnutls/pem.hpp"

namespace {

std::string_view as_text(const coda::SecureBytes& b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

}  // namespace

extern "C" {

int gnutls_pem_base64_encode(const char* msg, const gnutls_datum_t* data, char* result,
                             size_t* result_size) {
  const auto bytes = coda::compat::datum_bytes(data);
  if (msg == nullptr || !bytes || result_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  const coda::SecureBytes pem = coda::pem_encode(msg, *bytes);
  return coda::compat::string_out(as_text(pem), result, result_size);
}

int gnutls_pem_base64_encode2(const char* msg, const gnutls_datum_t* data, gnutls_datum_t* result) {
  const auto bytes = coda::compat::datum_bytes(data);
  if (msg == nullptr || !bytes || result == nullptr) return GNUTLS_E_INVALID_REQUEST;
  const coda::SecureBytes pem = coda::pem_encode(msg, *bytes);
  return coda::compat::datum_out(as_text(pem), result);
}

// header NULL: the first block of any label.
int gnutls_pem_base64_decode(const char* header, const gnutls_datum_t* b64_data,
                             unsigned char* result, size_t* result_size) {
  const auto bytes = coda::compat::datum_bytes(b64_data);
  if (!bytes || result_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  coda::SecureBytes der;
  const int ret = coda::compat::read_pem_block(*bytes, header ? header : "", der);
  if (ret < 0) return ret;
  return coda::compat::bytes_out(coda::ByteView(der.data(), der.size()), result, result_size);
}

int gnutls_pem_base64_decode2(const char* header, const gnutls_datum_t* b64_data,
                              gnutls_datum_t* result) {
  const auto bytes = coda::compat::datum_bytes(b64_data);
  if (!bytes || result == nullptr) return GNUTLS_E_INVALID_REQUEST;
  coda::SecureBytes der;
  const int ret = coda::compat::read_pem_block(*bytes, header ? header : "", der);
  if (ret < 0) return ret;
  return coda::compat::datum_out(coda::ByteView(der.data(), der.size()), result);
}

}  // extern "C"
