// The insides of gnutls_x509_trust_list_t, and the trust calls the
// credentials share with it. Only src/compat/gnutls includes this.
#pragma once

#include <gnutls/x509.h>

#include <memory>
#include <vector>

#include "base/bytes.hpp"
#include "compat/gnutls/x509.hpp"
#include "crypto/x509.hpp"

struct gnutls_x509_trust_list_st {
  // The anchors; shared with credentials given this list
  // (gnutls_certificate_set_trust_list), which then verify with it.
  std::shared_ptr<coda::crypto::TrustStore> store = std::make_shared<coda::crypto::TrustStore>();
  // The handles gnutls_x509_trust_list_get_issuer hands out without
  // GNUTLS_TL_GET_COPY: they live as long as the list.
  std::vector<std::unique_ptr<gnutls_x509_crt_int>> issuer_handles;
  // The handles given to add_cas: as in GnuTLS the list takes them over,
  // and gnutls_x509_trust_list_deinit(list, 1) frees them.
  std::vector<gnutls_x509_crt_t> given;
  void* user_ptr = nullptr;
};

// gnutls_x509_trust_list_iter_get_ca's position: the next anchor's index.
struct gnutls_x509_trust_list_iter {
  size_t next = 0;
};

namespace coda::compat {

// Trust anchors from memory, PEM (every certificate) or DER (one), into
// `store`: the number added, or the loaders' error (credentials.cpp).
int add_trust_data(crypto::TrustStore& store, ByteView data, gnutls_x509_crt_fmt_t type);

// Every file of a directory (not only hashed names, as GnuTLS) through
// add_trust_data; the number of certificates added. Files that hold none
// are passed over; a directory that cannot be read adds nothing.
int add_trust_dir(crypto::TrustStore& store, const char* dir, gnutls_x509_crt_fmt_t type);

// The anchor of `store` that issued `cert`, as a handle in *issuer: kept
// in `handles` (valid while they are), or a copy the caller frees with
// GNUTLS_TL_GET_COPY. GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE when none did.
int find_issuer(const crypto::TrustStore& store, const crypto::Certificate& cert,
                std::vector<std::unique_ptr<gnutls_x509_crt_int>>& handles,
                gnutls_x509_crt_t* issuer, unsigned flags);

// What a verification is asked to check, from GnuTLS's typed data
// (GNUTLS_DT_DNS_HOSTNAME, GNUTLS_DT_IP_ADDRESS, GNUTLS_DT_KEY_PURPOSE_OID).
struct VerifyRequest {
  std::string hostname;
  std::string purpose_oid;  // empty: no key purpose checked
};
// false for an entry of a type Coda does not check (GnuTLS's
// GNUTLS_DT_RFC822NAME) or one without data.
bool read_typed_data(const gnutls_typed_vdata_st* data, unsigned elements, VerifyRequest& out);

// The status bits (GnuTLS's gnutls_certificate_status_t) of `chain` (leaf
// first) against `store`, as gnutls_x509_trust_list_verify_crt2 gives them.
unsigned verify_with(const crypto::TrustStore& store, const std::vector<crypto::Certificate>& chain,
                     const VerifyRequest& request);

}  // namespace coda::compat
