// gnutls_pcert_st: a certificate's DER with its public key, as the
// retrieve callbacks and gnutls_certificate_set_key take them. Return codes
// are GnuTLS 3.7.9's (tests/api/x509_keys.c).
#include <algorithm>
#include <cstring>

#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/output.hpp"
#include "compat/gnutls/x509.hpp"

namespace {

void clear(gnutls_pcert_st* pcert) {
  pcert->pubkey = nullptr;
  pcert->cert = gnutls_datum_t{nullptr, 0};
  pcert->type = GNUTLS_CRT_X509;
}

}  // namespace

extern "C" {

int gnutls_pcert_import_x509(gnutls_pcert_st* pcert, gnutls_x509_crt_t crt, unsigned int flags) {
  if (pcert == nullptr || crt == nullptr) return GNUTLS_E_INVALID_REQUEST;
  clear(pcert);
  if (!coda::compat::loaded(crt)) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  gnutls_pubkey_t key = nullptr;
  int ret = gnutls_pubkey_init(&key);
  if (ret < 0) return ret;
  ret = gnutls_pubkey_import_x509(key, crt, flags);
  if (ret == 0) ret = coda::compat::datum_out(crt->cert->der(), &pcert->cert);
  if (ret < 0) {
    gnutls_pubkey_deinit(key);
    return ret;
  }
  pcert->pubkey = key;
  pcert->type = GNUTLS_CRT_X509;
  return 0;
}

int gnutls_pcert_import_x509_raw(gnutls_pcert_st* pcert, const gnutls_datum_t* cert,
                                 gnutls_x509_crt_fmt_t format, unsigned int flags) {
  if (pcert == nullptr) return GNUTLS_E_INVALID_REQUEST;
  gnutls_x509_crt_t crt = nullptr;
  int ret = gnutls_x509_crt_init(&crt);
  if (ret < 0) return ret;
  ret = gnutls_x509_crt_import(crt, cert, format);
  if (ret == 0) ret = gnutls_pcert_import_x509(pcert, crt, flags);
  gnutls_x509_crt_deinit(crt);
  return ret;
}

// *ncrt in: how many certificates; out: how many were imported. The list
// is taken in the order given (GNUTLS_X509_CRT_LIST_SORT is not applied).
int gnutls_pcert_import_x509_list(gnutls_pcert_st* pcert, gnutls_x509_crt_t* crt, unsigned* ncrt,
                                  unsigned int flags) {
  if (pcert == nullptr || crt == nullptr || ncrt == nullptr) return GNUTLS_E_INVALID_REQUEST;
  for (unsigned i = 0; i < *ncrt; ++i) {
    const int ret = gnutls_pcert_import_x509(&pcert[i], crt[i], flags);
    if (ret < 0) {
      for (unsigned j = 0; j < i; ++j) gnutls_pcert_deinit(&pcert[j]);
      return ret;
    }
  }
  return 0;
}

int gnutls_pcert_list_import_x509_raw(gnutls_pcert_st* pcerts, unsigned int* pcert_max,
                                      const gnutls_datum_t* data, gnutls_x509_crt_fmt_t format,
                                      unsigned int flags) {
  if (pcerts == nullptr || pcert_max == nullptr) return GNUTLS_E_INVALID_REQUEST;
  gnutls_x509_crt_t* crts = nullptr;
  unsigned n = 0;
  int ret = gnutls_x509_crt_list_import2(&crts, &n, data, format, 0);
  if (ret < 0) return ret;
  unsigned take = n;
  if (n > *pcert_max) {
    if (flags & GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED) {
      ret = GNUTLS_E_SHORT_MEMORY_BUFFER;
      *pcert_max = n;
    }
    take = *pcert_max;
  }
  if (ret == 0) {
    ret = gnutls_pcert_import_x509_list(pcerts, crts, &take, 0);
    if (ret == 0) *pcert_max = take;
  }
  for (unsigned i = 0; i < n; ++i) gnutls_x509_crt_deinit(crts[i]);
  gnutls_free(crts);
  return ret;
}

int gnutls_pcert_export_x509(gnutls_pcert_st* pcert, gnutls_x509_crt_t* crt) {
  if (pcert == nullptr || crt == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (pcert->type != GNUTLS_CRT_X509) return GNUTLS_E_INVALID_REQUEST;
  int ret = gnutls_x509_crt_init(crt);
  if (ret < 0) return ret;
  ret = gnutls_x509_crt_import(*crt, &pcert->cert, GNUTLS_X509_FMT_DER);
  if (ret < 0) {
    gnutls_x509_crt_deinit(*crt);
    *crt = nullptr;
  }
  return ret;
}

void gnutls_pcert_deinit(gnutls_pcert_st* pcert) {
  if (pcert == nullptr) return;
  gnutls_pubkey_deinit(pcert->pubkey);
  gnutls_free(pcert->cert.data);
  clear(pcert);
}

}  // extern "C"
