// gnutls_x509_trust_list_*: a set of trust anchors a program builds and
// verifies chains against, by itself or through certificate credentials.
//
// Return codes are GnuTLS 3.7.9's (tests/api/trust_differential.c runs
// the same calls on both libraries):
//   add_cas, add_trust_file/_mem/_dir, add_system_trust
//                                 the number of certificates read
//   add_trust_file of a file that cannot be read
//                                 GNUTLS_E_FILE_ERROR
//   add_trust_file/_mem with no certificate in it
//                                 GNUTLS_E_NO_CERTIFICATE_FOUND
//   add_trust_dir of a directory that cannot be read
//                                 0 (nothing added)
//   get_issuer with no anchor that issued the certificate,
//   iter_get_ca past the last anchor
//                                 GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE
//   verify_crt, verify_crt2       0, the verdict in *voutput
//   NULL handles and arguments    GNUTLS_E_INVALID_REQUEST (GnuTLS crashes)
// Not done yet: CRLs (add_crls, the crl arguments of add_trust_*), named
// certificates (add_named_crt, verify_named_crt) and removing anchors: they
// return GNUTLS_E_UNIMPLEMENTED_FEATURE.
#include <gnutls/x509.h>

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <string>

#include "base/secure.hpp"
#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/pem.hpp"
#include "compat/gnutls/trust_list.hpp"

namespace coda::compat {

int add_trust_data(crypto::TrustStore& store, ByteView data, gnutls_x509_crt_fmt_t type) {
  if (!format_ok(type)) return GNUTLS_E_INVALID_REQUEST;
  std::vector<crypto::Certificate> certs;
  if (type == GNUTLS_X509_FMT_DER) {
    auto parsed = crypto::Certificate::from_der(data);
    if (!parsed) return GNUTLS_E_ASN1_TAG_ERROR;
    certs.push_back(std::move(parsed).value());
  } else if (const int ret = read_pem_certificates(data, /*first_only=*/false, certs); ret < 0) {
    return ret;
  }
  auto added = store.add(certs);
  return added ? static_cast<int>(added.value()) : GNUTLS_E_INTERNAL_ERROR;
}

int add_trust_dir(crypto::TrustStore& store, const char* dir, gnutls_x509_crt_fmt_t type) {
  if (!format_ok(type)) return GNUTLS_E_INVALID_REQUEST;
  struct DirClose {
    void operator()(DIR* d) const noexcept { closedir(d); }
  };
  std::unique_ptr<DIR, DirClose> d(opendir(dir));
  if (!d) return 0;
  std::vector<std::string> files;
  while (const dirent* entry = readdir(d.get())) {
    if (entry->d_name[0] != '.') files.push_back(std::string(dir) + "/" + entry->d_name);
  }
  std::sort(files.begin(), files.end());  // an order independent of the directory's
  int added = 0;
  for (const std::string& file : files) {
    struct stat st = {};
    if (stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    const auto data = read_file_wiped(file.c_str());
    if (!data) continue;
    const int n = add_trust_data(store, *data, type);
    if (n > 0) added += n;
  }
  return added;
}

int find_issuer(const crypto::TrustStore& store, const crypto::Certificate& cert,
                std::vector<std::unique_ptr<gnutls_x509_crt_int>>& handles,
                gnutls_x509_crt_t* issuer, unsigned flags) {
  for (const crypto::Certificate& anchor : store.anchors()) {
    if (!anchor.issued(cert)) continue;
    auto handle = std::make_unique<gnutls_x509_crt_int>();
    handle->cert = anchor;
    if ((flags & GNUTLS_TL_GET_COPY) != 0) {
      *issuer = handle.release();
    } else {
      *issuer = handle.get();
      handles.push_back(std::move(handle));
    }
    return 0;
  }
  return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
}

bool read_typed_data(const gnutls_typed_vdata_st* data, unsigned elements, VerifyRequest& out) {
  if (data == nullptr) return elements == 0;
  for (unsigned i = 0; i < elements; ++i) {
    const gnutls_typed_vdata_st& d = data[i];
    if (d.data == nullptr) return false;
    // A size of 0 means a NUL-terminated text, as in GnuTLS.
    const char* text = reinterpret_cast<const char*>(d.data);
    std::string value = d.size == 0 ? std::string(text) : std::string(text, d.size);
    switch (d.type) {
      case GNUTLS_DT_DNS_HOSTNAME:
      case GNUTLS_DT_IP_ADDRESS:
        out.hostname = std::move(value);
        break;
      case GNUTLS_DT_KEY_PURPOSE_OID:
        out.purpose_oid = std::move(value);
        break;
      default:
        return false;
    }
  }
  return true;
}

unsigned verify_with(const crypto::TrustStore& store, const std::vector<crypto::Certificate>& chain,
                     const VerifyRequest& request) {
  crypto::VerifyOptions options;
  options.hostname = request.hostname;
  // The key purpose is checked below, on the leaf, for any OID.
  options.check_purpose = false;
  unsigned status = crypto::verify_chain(store, chain, options);
  if (!request.purpose_oid.empty() && !chain.empty() &&
      !chain.front().allows_key_purpose(request.purpose_oid)) {
    status |= GNUTLS_CERT_INVALID | GNUTLS_CERT_PURPOSE_MISMATCH;
  }
  return status;
}

}  // namespace coda::compat

namespace {

using coda::compat::datum_bytes;
using coda::compat::format_ok;

// The certificates of a C list, or false if one is NULL or empty.
bool chain_of(const gnutls_x509_crt_t* list, unsigned size,
              std::vector<coda::crypto::Certificate>& out) {
  if (list == nullptr && size > 0) return false;
  for (unsigned i = 0; i < size; ++i) {
    if (list[i] == nullptr || !list[i]->cert) return false;
    out.push_back(*list[i]->cert);
  }
  return true;
}

// A trust list's file or text must hold a certificate (the credentials'
// calls take one without any and add nothing).
int at_least_one(int added) {
  return added == 0 ? GNUTLS_E_NO_CERTIFICATE_FOUND : added;
}

int verify_list(gnutls_x509_trust_list_t list, gnutls_x509_crt_t* cert_list, unsigned size,
                const coda::compat::VerifyRequest& request, unsigned* voutput) {
  std::vector<coda::crypto::Certificate> chain;
  if (list == nullptr || voutput == nullptr || size == 0 || !chain_of(cert_list, size, chain)) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  *voutput = coda::compat::verify_with(*list->store, chain, request);
  return 0;
}

}  // namespace

extern "C" {

int gnutls_x509_trust_list_init(gnutls_x509_trust_list_t* list, unsigned int size) {
  (void)size;  // GnuTLS's hash table size: Coda's store sizes itself
  return coda::compat::new_handle(list);
}

// `all` also frees the certificates given to add_cas (the list owns them);
// without it they are left to the program, as in GnuTLS.
void gnutls_x509_trust_list_deinit(gnutls_x509_trust_list_t list, unsigned int all) {
  if (list == nullptr) return;
  if (all != 0) {
    for (gnutls_x509_crt_t crt : list->given) delete crt;
  }
  delete list;
}

int gnutls_x509_trust_list_add_cas(gnutls_x509_trust_list_t list, const gnutls_x509_crt_t* clist,
                                   unsigned clist_size, unsigned int flags) {
  std::vector<coda::crypto::Certificate> certs;
  if (list == nullptr || !chain_of(clist, clist_size, certs)) return GNUTLS_E_INVALID_REQUEST;
  // Verification is the same either way; only the list of anchors shows
  // the duplicates GnuTLS keeps.
  const bool keep = (flags & (GNUTLS_TL_NO_DUPLICATES | GNUTLS_TL_NO_DUPLICATE_KEY)) == 0;
  auto added = list->store->add(certs, keep);
  if (!added) return GNUTLS_E_INTERNAL_ERROR;
  list->given.insert(list->given.end(), clist, clist + clist_size);
  return static_cast<int>(added.value());
}

int gnutls_x509_trust_list_add_trust_mem(gnutls_x509_trust_list_t list, const gnutls_datum_t* cas,
                                         const gnutls_datum_t* crls, gnutls_x509_crt_fmt_t type,
                                         unsigned int tl_flags, unsigned int tl_vflags) {
  (void)tl_flags;
  (void)tl_vflags;
  if (list == nullptr || !format_ok(type)) return GNUTLS_E_INVALID_REQUEST;
  if (crls != nullptr && crls->data != nullptr) return GNUTLS_E_UNIMPLEMENTED_FEATURE;
  if (cas == nullptr || cas->data == nullptr) return 0;
  const auto bytes = datum_bytes(cas);
  if (!bytes) return GNUTLS_E_INVALID_REQUEST;
  return at_least_one(coda::compat::add_trust_data(*list->store, *bytes, type));
}

int gnutls_x509_trust_list_add_trust_file(gnutls_x509_trust_list_t list, const char* ca_file,
                                          const char* crl_file, gnutls_x509_crt_fmt_t type,
                                          unsigned int tl_flags, unsigned int tl_vflags) {
  (void)tl_flags;
  (void)tl_vflags;
  if (list == nullptr || !format_ok(type)) return GNUTLS_E_INVALID_REQUEST;
  if (crl_file != nullptr) return GNUTLS_E_UNIMPLEMENTED_FEATURE;
  if (ca_file == nullptr) return 0;
  const auto data = coda::read_file_wiped(ca_file);
  if (!data) return GNUTLS_E_FILE_ERROR;
  return at_least_one(coda::compat::add_trust_data(*list->store, *data, type));
}

int gnutls_x509_trust_list_add_trust_dir(gnutls_x509_trust_list_t list, const char* ca_dir,
                                         const char* crl_dir, gnutls_x509_crt_fmt_t type,
                                         unsigned int tl_flags, unsigned int tl_vflags) {
  (void)tl_flags;
  (void)tl_vflags;
  if (list == nullptr || !format_ok(type)) return GNUTLS_E_INVALID_REQUEST;
  if (crl_dir != nullptr) return GNUTLS_E_UNIMPLEMENTED_FEATURE;
  if (ca_dir == nullptr) return 0;
  return coda::compat::add_trust_dir(*list->store, ca_dir, type);
}

int gnutls_x509_trust_list_add_system_trust(gnutls_x509_trust_list_t list, unsigned int tl_flags,
                                            unsigned int tl_vflags) {
  (void)tl_flags;
  (void)tl_vflags;
  if (list == nullptr) return GNUTLS_E_INVALID_REQUEST;
  auto added = list->store->add_system();
  return added ? static_cast<int>(added.value()) : GNUTLS_E_FILE_ERROR;
}

int gnutls_x509_trust_list_get_issuer(gnutls_x509_trust_list_t list, gnutls_x509_crt_t cert,
                                      gnutls_x509_crt_t* issuer, unsigned int flags) {
  if (list == nullptr || cert == nullptr || !cert->cert || issuer == nullptr) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  return coda::compat::find_issuer(*list->store, *cert->cert, list->issuer_handles, issuer, flags);
}

int gnutls_x509_trust_list_iter_get_ca(gnutls_x509_trust_list_t list,
                                       gnutls_x509_trust_list_iter_t* iter,
                                       gnutls_x509_crt_t* crt) {
  if (list == nullptr || iter == nullptr || crt == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (*iter == nullptr) {
    *iter = new (std::nothrow) gnutls_x509_trust_list_iter;
    if (*iter == nullptr) return GNUTLS_E_MEMORY_ERROR;
  }
  const auto& anchors = list->store->anchors();
  if ((*iter)->next >= anchors.size()) {
    // As GnuTLS: the end frees the iterator.
    delete *iter;
    *iter = nullptr;
    return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  }
  auto* copy = new (std::nothrow) gnutls_x509_crt_int;
  if (copy == nullptr) return GNUTLS_E_MEMORY_ERROR;
  copy->cert = anchors[(*iter)->next++];
  *crt = copy;
  return 0;
}

void gnutls_x509_trust_list_iter_deinit(gnutls_x509_trust_list_iter_t iter) {
  delete iter;
}

void gnutls_x509_trust_list_set_ptr(gnutls_x509_trust_list_t tlist, void* ptr) {
  if (tlist != nullptr) tlist->user_ptr = ptr;
}

void* gnutls_x509_trust_list_get_ptr(gnutls_x509_trust_list_t tlist) {
  return tlist != nullptr ? tlist->user_ptr : nullptr;
}

// The flags (GNUTLS_VERIFY_*) are not applied yet, nor is the per-certificate
// callback called.
int gnutls_x509_trust_list_verify_crt(gnutls_x509_trust_list_t list, gnutls_x509_crt_t* cert_list,
                                      unsigned int cert_list_size, unsigned int flags,
                                      unsigned int* verify, gnutls_verify_output_function func) {
  (void)flags;
  (void)func;
  return verify_list(list, cert_list, cert_list_size, {}, verify);
}

int gnutls_x509_trust_list_verify_crt2(gnutls_x509_trust_list_t list, gnutls_x509_crt_t* cert_list,
                                       unsigned int cert_list_size, gnutls_typed_vdata_st* data,
                                       unsigned int elements, unsigned int flags,
                                       unsigned int* voutput, gnutls_verify_output_function func) {
  (void)flags;
  (void)func;
  coda::compat::VerifyRequest request;
  if (!coda::compat::read_typed_data(data, elements, request)) return GNUTLS_E_INVALID_REQUEST;
  return verify_list(list, cert_list, cert_list_size, request, voutput);
}

}  // extern "C"
