// Diffie-Hellman parameters (gnutls_dh_params_t), the RFC 7919 groups as
// GnuTLS's gnutls_ffdhe_* data symbols, and the credentials calls that take
// them. Coda negotiates no DHE suite yet: the credentials keep what they are
// given for when it does (README, "Not yet").
//
// Return codes follow GnuTLS 3.7.9 (tests/api/dh_params.c compares them):
//   a prime or base that is empty or 0           GNUTLS_E_MPI_SCAN_FAILED
//   PEM text without a DH PARAMETERS block       GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR
//   DER that is no DHParameter                   GNUTLS_E_ASN1_TAG_ERROR
//   DER cut short (a length past the end)        GNUTLS_E_ASN1_DER_ERROR
//   export_raw of parameters never set           GNUTLS_E_INVALID_REQUEST
//   gnutls_dh_params_generate2                   GNUTLS_E_UNIMPLEMENTED_FEATURE (Coda
//                                                makes no new groups; use the RFC 7919 ones)
// Unlike GnuTLS (which crashes), exporting parameters never set as PKCS#3
// returns GNUTLS_E_INVALID_REQUEST.
#include <gnutls/gnutls.h>

#include <optional>

#include "base/secure.hpp"
#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/internal.hpp"
#include "compat/gnutls/output.hpp"
#include "compat/gnutls/pem.hpp"
#include "crypto/dh_params.hpp"
#include "crypto/ffdhe.hpp"

struct gnutls_dh_params_int {
  // Empty until imported.
  std::optional<coda::crypto::DhParams> params;
};

namespace {

using coda::ByteView;
using coda::crypto::DhParams;

template <size_t N>
constexpr gnutls_datum_t datum(const uint8_t (&bytes)[N]) {
  return gnutls_datum_t{const_cast<unsigned char*>(bytes), static_cast<unsigned>(N)};
}

int import_raw(gnutls_dh_params_t dh, const gnutls_datum_t* prime, const gnutls_datum_t* generator,
               unsigned key_bits) {
  const auto p = coda::compat::datum_bytes(prime);
  const auto g = coda::compat::datum_bytes(generator);
  if (dh == nullptr || !p || !g) return GNUTLS_E_INVALID_REQUEST;
  auto params = DhParams::from_raw(*p, *g, key_bits);
  if (!params) return GNUTLS_E_MPI_SCAN_FAILED;
  dh->params = std::move(params);
  return 0;
}

}  // namespace

extern "C" {

// ---- the RFC 7919 groups (Appendix A) ----

#define CODA_FFDHE(bits)                                                 \
  constinit const gnutls_datum_t gnutls_ffdhe_##bits##_group_prime =     \
      datum(coda::crypto::kFfdhe##bits##Prime);                          \
  constinit const gnutls_datum_t gnutls_ffdhe_##bits##_group_generator = \
      datum(coda::crypto::kFfdheGenerator);                              \
  constinit const gnutls_datum_t gnutls_ffdhe_##bits##_group_q =         \
      datum(coda::crypto::kFfdhe##bits##Q);                              \
  constinit const unsigned int gnutls_ffdhe_##bits##_key_bits = coda::crypto::kFfdhe##bits##KeyBits;

CODA_FFDHE(2048)
CODA_FFDHE(3072)
CODA_FFDHE(4096)
CODA_FFDHE(6144)
CODA_FFDHE(8192)
#undef CODA_FFDHE

// ---- gnutls_dh_params_t ----

int gnutls_dh_params_init(gnutls_dh_params_t* dh_params) {
  return coda::compat::new_handle(dh_params);
}

void gnutls_dh_params_deinit(gnutls_dh_params_t dh_params) {
  delete dh_params;
}

int gnutls_dh_params_cpy(gnutls_dh_params_t dst, gnutls_dh_params_t src) {
  if (dst == nullptr || src == nullptr) return GNUTLS_E_INVALID_REQUEST;
  dst->params = src->params;
  return 0;
}

int gnutls_dh_params_import_raw(gnutls_dh_params_t dh_params, const gnutls_datum_t* prime,
                                const gnutls_datum_t* generator) {
  return import_raw(dh_params, prime, generator, 0);
}

int gnutls_dh_params_import_raw2(gnutls_dh_params_t dh_params, const gnutls_datum_t* prime,
                                 const gnutls_datum_t* generator, unsigned key_bits) {
  return import_raw(dh_params, prime, generator, key_bits);
}

// PEM: the first "DH PARAMETERS" block.
int gnutls_dh_params_import_pkcs3(gnutls_dh_params_t params, const gnutls_datum_t* pkcs3_params,
                                  gnutls_x509_crt_fmt_t format) {
  const auto data = coda::compat::datum_bytes(pkcs3_params);
  if (params == nullptr || !data || !coda::compat::format_ok(format)) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  std::optional<DhParams> parsed;
  coda::crypto::DhParseError why = coda::crypto::DhParseError::bad_value;
  if (format == GNUTLS_X509_FMT_PEM) {
    coda::SecureBytes der;
    if (const int ret = coda::compat::read_pem_block(*data, "DH PARAMETERS", der); ret < 0) {
      return ret;
    }
    parsed = DhParams::from_pkcs3(ByteView(der.data(), der.size()), &why);
  } else {
    parsed = DhParams::from_pkcs3(*data, &why);
  }
  if (!parsed) {
    return why == coda::crypto::DhParseError::cut_short ? GNUTLS_E_ASN1_DER_ERROR
                                                        : GNUTLS_E_ASN1_TAG_ERROR;
  }
  params->params = std::move(parsed);
  return 0;
}

int gnutls_dh_params_export_pkcs3(gnutls_dh_params_t params, gnutls_x509_crt_fmt_t format,
                                  unsigned char* params_data, size_t* params_data_size) {
  if (params == nullptr || !params->params) return GNUTLS_E_INVALID_REQUEST;
  return coda::compat::encoded_out(params->params->to_pkcs3(), format, "DH PARAMETERS", params_data,
                                   params_data_size);
}

int gnutls_dh_params_export2_pkcs3(gnutls_dh_params_t params, gnutls_x509_crt_fmt_t format,
                                   gnutls_datum_t* out) {
  if (out) *out = gnutls_datum_t{nullptr, 0};
  if (params == nullptr || !params->params) return GNUTLS_E_INVALID_REQUEST;
  return coda::compat::encoded_out2(params->params->to_pkcs3(), format, "DH PARAMETERS", out);
}

int gnutls_dh_params_export_raw(gnutls_dh_params_t params, gnutls_datum_t* prime,
                                gnutls_datum_t* generator, unsigned int* bits) {
  if (params == nullptr || prime == nullptr || generator == nullptr || !params->params) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  if (const int ret = coda::compat::datum_out(params->params->prime, prime); ret < 0) return ret;
  if (const int ret = coda::compat::datum_out(params->params->generator, generator); ret < 0) {
    gnutls_free(prime->data);
    *prime = gnutls_datum_t{nullptr, 0};
    return ret;
  }
  if (bits) *bits = params->params->key_bits;
  return 0;
}

// Making a new safe-prime group takes minutes and RFC 7919 section 1 advises
// the named groups instead (gnutls_certificate_set_known_dh_params).
int gnutls_dh_params_generate2(gnutls_dh_params_t dh_params, unsigned int bits) {
  (void)bits;
  if (dh_params == nullptr) return GNUTLS_E_INVALID_REQUEST;
  return GNUTLS_E_UNIMPLEMENTED_FEATURE;
}

// ---- credentials ----

// GnuTLS keeps a pointer to the caller's parameters; Coda keeps a copy, so
// the caller may free them at once.
void gnutls_certificate_set_dh_params(gnutls_certificate_credentials_t res,
                                      gnutls_dh_params_t dh_params) {
  if (res == nullptr || dh_params == nullptr) return;
  res->dh_params = dh_params->params;
}

// Any level is stored, as in GnuTLS (which returns 0 for every value).
int gnutls_certificate_set_known_dh_params(gnutls_certificate_credentials_t res,
                                           gnutls_sec_param_t sec_param) {
  if (res == nullptr) return GNUTLS_E_INVALID_REQUEST;
  res->dh_sec_param = sec_param;
  return 0;
}

// Anonymous credentials take them too (gnutls-serv sets both); Coda offers
// no anonymous key exchange, so they are only kept.
void gnutls_anon_set_server_dh_params(gnutls_anon_server_credentials_t res,
                                      gnutls_dh_params_t dh_params) {
  if (res == nullptr || dh_params == nullptr) return;
  res->dh_params = dh_params->params;
}

int gnutls_anon_set_server_known_dh_params(gnutls_anon_server_credentials_t res,
                                           gnutls_sec_param_t sec_param) {
  if (res == nullptr) return GNUTLS_E_INVALID_REQUEST;
  res->dh_sec_param = sec_param;
  return 0;
}

}  // extern "C"
