// Certificate revocation lists (gnutls_x509_crl_t, RFC 5280 section 5) over
// coda::crypto::Crl, and the credentials calls that hand them to peer
// verification.
//
// As GnuTLS 3.7.9 (tests/api/x509_crl.c compares them):
//   PEM text without an X509 CRL block        GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR
//   (in lists and credentials)                GNUTLS_E_BASE64_DECODING_ERROR
//   DER that is no CRL                        GNUTLS_E_ASN1_TAG_ERROR
//   DER whose outer length runs past the end  GNUTLS_E_ASN1_DER_ERROR
//   export or version of a CRL never imported GNUTLS_E_ASN1_VALUE_NOT_FOUND
//   an entry past the last                    GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE
//   gnutls_x509_crl_verify                    0, the status bits in *verify
//   gnutls_certificate_set_x509_crl*          the number of CRLs read; each is
//                                             applied to the chains whose
//                                             certificates its issuer signed
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <ctime>
#include <vector>

#include "base/secure.hpp"
#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/dn_string.hpp"
#include "compat/gnutls/internal.hpp"
#include "compat/gnutls/output.hpp"
#include "compat/gnutls/pem.hpp"
#include "compat/gnutls/x509.hpp"
#include "crypto/x509_fields.hpp"

namespace {

using coda::ByteView;
using coda::crypto::Crl;

constexpr const char* kLabel = "X509 CRL";

bool loaded(gnutls_x509_crl_t crl) {
  return crl != nullptr && crl->crl.has_value();
}

// A DER CRL, with GnuTLS's codes for what is not one.
int parse_der(ByteView der, std::optional<Crl>& out) {
  auto crl = Crl::from_der(der);
  if (crl) {
    out.emplace(std::move(crl).value());
    return 0;
  }
  // A SEQUENCE whose length claims more than there is: cut short.
  if (der.size() >= 2 && der[0] == 0x30) {
    size_t length = der[1], pos = 2;
    if (length & 0x80) {
      const size_t count = length & 0x7f;
      length = 0;
      for (size_t i = 0; i < count && i < 4 && pos < der.size(); ++i, ++pos) {
        length = (length << 8) | der[pos];
      }
    }
    if (length > der.size() - std::min(pos, der.size())) return GNUTLS_E_ASN1_DER_ERROR;
  }
  return GNUTLS_E_ASN1_TAG_ERROR;
}

// Every CRL of `data`: one for DER, each X509 CRL block for PEM.
int read_crls(const gnutls_datum_t* data, gnutls_x509_crt_fmt_t format, std::vector<Crl>& out) {
  const auto bytes = coda::compat::datum_bytes(data);
  if (!bytes || !coda::compat::format_ok(format)) return GNUTLS_E_INVALID_REQUEST;
  if (format == GNUTLS_X509_FMT_DER) {
    std::optional<Crl> crl;
    if (const int ret = parse_der(*bytes, crl); ret < 0) return ret;
    out.push_back(std::move(*crl));
    return 0;
  }
  std::vector<coda::SecureBytes> blocks;
  if (const int ret = coda::compat::read_pem_blocks(*bytes, kLabel, blocks); ret < 0) return ret;
  if (blocks.empty()) return GNUTLS_E_BASE64_DECODING_ERROR;
  for (const auto& block : blocks) {
    std::optional<Crl> crl;
    if (const int ret = parse_der(ByteView(block.data(), block.size()), crl); ret < 0) return ret;
    out.push_back(std::move(*crl));
  }
  return 0;
}

int to_handles(std::vector<Crl>& crls, size_t n, gnutls_x509_crl_t* out) {
  for (size_t i = 0; i < n; ++i) {
    if (gnutls_x509_crl_init(&out[i]) < 0) {
      for (size_t j = 0; j < i; ++j) gnutls_x509_crl_deinit(out[j]);
      return GNUTLS_E_MEMORY_ERROR;
    }
    out[i]->crl.emplace(std::move(crls[i]));
  }
  return 0;
}

int add_to_credentials(gnutls_certificate_credentials_t res, const std::vector<const Crl*>& crls) {
  if (!res->trust) res->trust = std::make_shared<coda::crypto::TrustStore>();
  auto added = coda::crypto::add_crls(*res->trust, crls);
  return added ? static_cast<int>(added.value()) : GNUTLS_E_MEMORY_ERROR;
}

}  // namespace

extern "C" {

int gnutls_x509_crl_init(gnutls_x509_crl_t* crl) {
  return coda::compat::new_handle(crl);
}

void gnutls_x509_crl_deinit(gnutls_x509_crl_t crl) {
  delete crl;
}

// PEM: the first X509 CRL block.
int gnutls_x509_crl_import(gnutls_x509_crl_t crl, const gnutls_datum_t* data,
                           gnutls_x509_crt_fmt_t format) {
  const auto bytes = coda::compat::datum_bytes(data);
  if (crl == nullptr || !bytes || !coda::compat::format_ok(format)) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  if (format == GNUTLS_X509_FMT_DER) return parse_der(*bytes, crl->crl);
  coda::SecureBytes der;
  if (const int ret = coda::compat::read_pem_block(*bytes, kLabel, der); ret < 0) return ret;
  return parse_der(ByteView(der.data(), der.size()), crl->crl);
}

int gnutls_x509_crl_export(gnutls_x509_crl_t crl, gnutls_x509_crt_fmt_t format, void* output_data,
                           size_t* output_data_size) {
  if (crl == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(crl)) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  return coda::compat::encoded_out(crl->crl->der(), format, kLabel, output_data, output_data_size);
}

int gnutls_x509_crl_export2(gnutls_x509_crl_t crl, gnutls_x509_crt_fmt_t format,
                            gnutls_datum_t* out) {
  if (out) *out = gnutls_datum_t{nullptr, 0};
  if (crl == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(crl)) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  return coda::compat::encoded_out2(crl->crl->der(), format, kLabel, out);
}

// The issuer in GnuTLS's form (RDNs in DER order, RFC 4514 escaping).
int gnutls_x509_crl_get_issuer_dn(gnutls_x509_crl_t crl, char* buf, size_t* sizeof_buf) {
  if (crl == nullptr || sizeof_buf == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(crl)) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  auto name = coda::crypto::Name::from_der(crl->crl->issuer_der());
  if (!name) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  return coda::compat::string_out(coda::compat::dn_string(*name, false), buf, sizeof_buf);
}

int gnutls_x509_crl_get_issuer_dn2(gnutls_x509_crl_t crl, gnutls_datum_t* dn) {
  if (dn) *dn = gnutls_datum_t{nullptr, 0};
  if (crl == nullptr || dn == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(crl)) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  auto name = coda::crypto::Name::from_der(crl->crl->issuer_der());
  if (!name) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  return coda::compat::datum_out(coda::compat::dn_string(*name, false), dn);
}

time_t gnutls_x509_crl_get_this_update(gnutls_x509_crl_t crl) {
  return loaded(crl) ? crl->crl->this_update() : static_cast<time_t>(-1);
}

time_t gnutls_x509_crl_get_next_update(gnutls_x509_crl_t crl) {
  return loaded(crl) ? crl->crl->next_update() : static_cast<time_t>(-1);
}

int gnutls_x509_crl_get_version(gnutls_x509_crl_t crl) {
  if (crl == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(crl)) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  return crl->crl->version();
}

int gnutls_x509_crl_get_crt_count(gnutls_x509_crl_t crl) {
  if (crl == nullptr) return GNUTLS_E_INVALID_REQUEST;
  return loaded(crl) ? static_cast<int>(crl->crl->revoked_count()) : 0;
}

int gnutls_x509_crl_get_crt_serial(gnutls_x509_crl_t crl, unsigned indx, unsigned char* serial,
                                   size_t* serial_size, time_t* t) {
  if (crl == nullptr || serial_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  coda::Bytes number;
  time_t when = 0;
  if (!loaded(crl) || !crl->crl->revoked(indx, number, when)) {
    return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  }
  const int ret = coda::compat::bytes_out(number, serial, serial_size);
  if (ret == 0 && t != nullptr) *t = when;
  return ret;
}

// Whether `issuer`'s subject is, byte for byte, the CRL's issuer.
unsigned gnutls_x509_crl_check_issuer(gnutls_x509_crl_t crl, gnutls_x509_crt_t issuer) {
  if (!loaded(crl) || !coda::compat::loaded(issuer)) return 0;
  return crl->crl->issuer_der() == issuer->cert->subject_der() ? 1 : 0;
}

// The CRL's signature by the first of CA_list whose subject is its issuer:
// a CA's key (basicConstraints cA, RFC 5280 4.2.1.9) that verifies it, and
// times around now.
int gnutls_x509_crl_verify(gnutls_x509_crl_t crl, const gnutls_x509_crt_t* CA_list,
                           unsigned CA_list_length, unsigned int flags, unsigned int* verify) {
  (void)flags;
  if (crl == nullptr || (CA_list == nullptr && CA_list_length > 0)) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  // A NULL verify: the status is computed and dropped, as in GnuTLS.
  unsigned ignored = 0;
  if (verify == nullptr) verify = &ignored;
  if (!loaded(crl)) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  const gnutls_x509_crt_t* issuer = nullptr;
  for (unsigned i = 0; i < CA_list_length && issuer == nullptr; ++i) {
    if (gnutls_x509_crl_check_issuer(crl, CA_list[i])) issuer = &CA_list[i];
  }
  if (issuer == nullptr) {
    *verify = GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNER_NOT_FOUND;
    return 0;
  }
  unsigned status = 0;
  const coda::crypto::Certificate& ca = *(*issuer)->cert;
  const auto constraints = coda::crypto::basic_constraints(ca);
  if (!constraints || !constraints->ca) {
    status |=
        GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNER_NOT_CA | GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE;
  }
  if (!crl->crl->signed_by(ca)) status |= GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNATURE_FAILURE;
  const time_t now = time(nullptr);
  if (crl->crl->this_update() != static_cast<time_t>(-1) && crl->crl->this_update() > now) {
    status |= GNUTLS_CERT_INVALID | GNUTLS_CERT_REVOCATION_DATA_ISSUED_IN_FUTURE;
  }
  if (crl->crl->next_update() != static_cast<time_t>(-1) && crl->crl->next_update() < now) {
    status |= GNUTLS_CERT_INVALID | GNUTLS_CERT_REVOCATION_DATA_SUPERSEDED;
  }
  *verify = status;
  return 0;
}

int gnutls_x509_crl_list_import(gnutls_x509_crl_t* crls, unsigned int* crl_max,
                                const gnutls_datum_t* data, gnutls_x509_crt_fmt_t format,
                                unsigned int flags) {
  if (crls == nullptr || crl_max == nullptr) return GNUTLS_E_INVALID_REQUEST;
  std::vector<Crl> read;
  if (const int ret = read_crls(data, format, read); ret < 0) return ret;
  size_t n = read.size();
  if (n > *crl_max) {
    if (flags & GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED) {
      *crl_max = static_cast<unsigned>(n);
      return GNUTLS_E_SHORT_MEMORY_BUFFER;
    }
    n = *crl_max;
  }
  if (const int ret = to_handles(read, n, crls); ret < 0) return ret;
  *crl_max = static_cast<unsigned>(n);
  return static_cast<int>(n);
}

int gnutls_x509_crl_list_import2(gnutls_x509_crl_t** crls, unsigned int* size,
                                 const gnutls_datum_t* data, gnutls_x509_crt_fmt_t format,
                                 unsigned int flags) {
  (void)flags;
  if (crls == nullptr || size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  std::vector<Crl> read;
  if (const int ret = read_crls(data, format, read); ret < 0) return ret;
  auto* out =
      static_cast<gnutls_x509_crl_t*>(gnutls_malloc(read.size() * sizeof(gnutls_x509_crl_t)));
  if (out == nullptr) return GNUTLS_E_MEMORY_ERROR;
  if (const int ret = to_handles(read, read.size(), out); ret < 0) {
    gnutls_free(out);
    return ret;
  }
  *crls = out;
  *size = static_cast<unsigned>(read.size());
  return 0;
}

// ---- credentials ----

int gnutls_certificate_set_x509_crl(gnutls_certificate_credentials_t res,
                                    gnutls_x509_crl_t* crl_list, int crl_list_size) {
  if (res == nullptr || crl_list_size < 0 || (crl_list == nullptr && crl_list_size > 0)) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  std::vector<const Crl*> crls;
  for (int i = 0; i < crl_list_size; ++i) {
    if (!loaded(crl_list[i])) return GNUTLS_E_INVALID_REQUEST;
    crls.push_back(&*crl_list[i]->crl);
  }
  return add_to_credentials(res, crls);
}

int gnutls_certificate_set_x509_crl_mem(gnutls_certificate_credentials_t res,
                                        const gnutls_datum_t* CRL, gnutls_x509_crt_fmt_t type) {
  if (res == nullptr) return GNUTLS_E_INVALID_REQUEST;
  std::vector<Crl> read;
  if (const int ret = read_crls(CRL, type, read); ret < 0) return ret;
  std::vector<const Crl*> crls;
  for (const Crl& c : read) crls.push_back(&c);
  return add_to_credentials(res, crls);
}

int gnutls_certificate_set_x509_crl_file(gnutls_certificate_credentials_t res, const char* crlfile,
                                         gnutls_x509_crt_fmt_t type) {
  if (res == nullptr || crlfile == nullptr || !coda::compat::format_ok(type)) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  const auto data = coda::read_file_wiped(crlfile);
  if (!data) return GNUTLS_E_FILE_ERROR;
  const gnutls_datum_t datum{const_cast<unsigned char*>(data->data()),
                             static_cast<unsigned>(data->size())};
  return gnutls_certificate_set_x509_crl_mem(res, &datum, type);
}

}  // extern "C"
