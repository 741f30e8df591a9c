// Certificate revocation lists (RFC 5280 section 5) over libcrypto's
// X509_CRL: what gnutls_x509_crl_t reads, and the CRLs a trust store
// applies in verification.
#pragma once

#include <cstddef>
#include <ctime>
#include <memory>
#include <vector>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/x509.hpp"

namespace coda::crypto {

class Crl {
 public:
  // One DER CertificateList with nothing after it.
  static Result<Crl> from_der(ByteView der);
  Crl(Crl&&) noexcept;
  Crl& operator=(Crl&&) noexcept;
  ~Crl();

  ByteView der() const { return der_; }
  Bytes issuer_der() const;
  // (time_t)-1 when absent (nextUpdate is optional, RFC 5280 5.1.2.5).
  std::time_t this_update() const;
  std::time_t next_update() const;
  // The version field plus one (1 or 2).
  int version() const;
  size_t revoked_count() const;
  // Entry `index` in the order of the DER: serial (the INTEGER's content
  // octets, a leading zero byte included) and revocation date.
  bool revoked(size_t index, Bytes& serial, std::time_t& when) const;
  // Whether `cert`'s subject names this CRL's issuer.
  bool issuer_is(const Certificate& cert) const;
  // Whether `cert`'s public key verifies this CRL's signature.
  bool signed_by(const Certificate& cert) const;
  void* native() const;  // X509_CRL*

 private:
  struct State;
  Crl(std::unique_ptr<State> state, Bytes der);
  std::unique_ptr<State> state_;
  Bytes der_;
};

// Adds the CRLs to `trust` and turns on revocation checking for the
// store's verifications: a chain certificate that a CRL of its issuer lists
// gets kVerifyRevoked; a certificate whose issuer has no CRL is not checked
// (as in GnuTLS). Returns how many were added.
Result<size_t> add_crls(TrustStore& trust, const std::vector<const Crl*>& crls);

}  // namespace coda::crypto
