#include "crypto/x509_crl.hpp"

#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <climits>

#include "crypto/ossl.hpp"

namespace coda::crypto {
namespace {

using X509CrlPtr = std::unique_ptr<X509_CRL, ossl::Deleter<X509_CRL_free>>;

std::time_t time_of(const ASN1_TIME* t) {
  struct tm tm = {};
  if (t == nullptr || ASN1_TIME_to_tm(t, &tm) != 1) {
    ossl::clear_errors();
    return static_cast<std::time_t>(-1);
  }
  return timegm(&tm);
}

}  // namespace

struct Crl::State {
  X509CrlPtr crl;
};

Crl::Crl(std::unique_ptr<State> state, Bytes der)
    : state_(std::move(state)), der_(std::move(der)) {}
Crl::Crl(Crl&&) noexcept = default;
Crl& Crl::operator=(Crl&&) noexcept = default;
Crl::~Crl() = default;

Result<Crl> Crl::from_der(ByteView der) {
  if (der.empty() || der.size() > static_cast<size_t>(LONG_MAX)) {
    return Error::make(ErrorKind::invalid_argument, "empty CRL");
  }
  const unsigned char* p = der.data();
  X509CrlPtr crl(d2i_X509_CRL(nullptr, &p, static_cast<long>(der.size())));
  if (!crl || p != der.data() + der.size()) {
    ossl::clear_errors();
    return Error::make(ErrorKind::invalid_argument, "malformed CRL");
  }
  auto state = std::make_unique<State>();
  state->crl = std::move(crl);
  return Crl(std::move(state), Bytes(der.begin(), der.end()));
}

Bytes Crl::issuer_der() const {
  unsigned char* out = nullptr;
  const int len = i2d_X509_NAME(X509_CRL_get_issuer(state_->crl.get()), &out);
  if (len <= 0) {
    ossl::clear_errors();
    return {};
  }
  Bytes der(out, out + len);
  OPENSSL_free(out);
  return der;
}

std::time_t Crl::this_update() const {
  return time_of(X509_CRL_get0_lastUpdate(state_->crl.get()));
}

std::time_t Crl::next_update() const {
  return time_of(X509_CRL_get0_nextUpdate(state_->crl.get()));
}

int Crl::version() const {
  return static_cast<int>(X509_CRL_get_version(state_->crl.get())) + 1;
}

// The entries are read from this object only, never looked up by serial:
// X509_CRL_get0_by_serial sorts them, and the C API gives DER order.
size_t Crl::revoked_count() const {
  const STACK_OF(X509_REVOKED)* list = X509_CRL_get_REVOKED(state_->crl.get());
  return list != nullptr ? static_cast<size_t>(sk_X509_REVOKED_num(list)) : 0;
}

bool Crl::revoked(size_t index, Bytes& serial, std::time_t& when) const {
  const STACK_OF(X509_REVOKED)* list = X509_CRL_get_REVOKED(state_->crl.get());
  if (list == nullptr || index >= static_cast<size_t>(sk_X509_REVOKED_num(list))) return false;
  const X509_REVOKED* entry = sk_X509_REVOKED_value(list, static_cast<int>(index));
  const ASN1_INTEGER* number = X509_REVOKED_get0_serialNumber(entry);
  // The INTEGER's content octets as encoded (a leading zero included), as
  // GnuTLS gives them: the DER re-encoded, its tag and length dropped.
  unsigned char* der = nullptr;
  const int len = i2d_ASN1_INTEGER(number, &der);
  serial.clear();
  if (len >= 2) {
    size_t pos = 2;
    if (der[1] & 0x80) pos += der[1] & 0x7f;
    if (pos <= static_cast<size_t>(len)) serial.assign(der + pos, der + len);
  }
  OPENSSL_free(der);
  ossl::clear_errors();
  when = time_of(X509_REVOKED_get0_revocationDate(entry));
  return true;
}

bool Crl::issuer_is(const Certificate& cert) const {
  const auto* x509 = static_cast<const X509*>(cert.native());
  return x509 != nullptr &&
         X509_NAME_cmp(X509_CRL_get_issuer(state_->crl.get()), X509_get_subject_name(x509)) == 0;
}

bool Crl::signed_by(const Certificate& cert) const {
  auto* x509 = static_cast<X509*>(cert.native());
  EVP_PKEY* key = x509 != nullptr ? X509_get0_pubkey(x509) : nullptr;
  const bool ok = key != nullptr && X509_CRL_verify(state_->crl.get(), key) == 1;
  ossl::clear_errors();
  return ok;
}

void* Crl::native() const {
  return state_->crl.get();
}

Result<size_t> add_crls(TrustStore& trust, const std::vector<const Crl*>& crls) {
  auto* store = static_cast<X509_STORE*>(trust.native());
  if (store == nullptr) return Error::make(ErrorKind::internal, "no X509_STORE");
  size_t added = 0;
  for (const Crl* crl : crls) {
    // A copy of its own: the store sorts the entries of what it holds.
    const unsigned char* p = crl->der().data();
    X509CrlPtr copy(d2i_X509_CRL(nullptr, &p, static_cast<long>(crl->der().size())));
    if (!copy || X509_STORE_add_crl(store, copy.get()) != 1) {
      ossl::clear_errors();
      return Error::make(ErrorKind::internal, "X509_STORE_add_crl failed");
    }
    ++added;
  }
  if (added > 0) X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
  return added;
}

}  // namespace coda::crypto
