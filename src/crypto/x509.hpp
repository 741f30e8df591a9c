// Certificates, trust stores and chain verification over libcrypto's X.509.
#pragma once

#include <cstdint>
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/signature.hpp"

namespace coda::crypto {

class Certificate {
 public:
  static Result<Certificate> from_der(ByteView der);
  // Every certificate in a PEM text, in order; invalid_argument if none.
  static Result<std::vector<Certificate>> chain_from_pem(ByteView pem);
  static Result<std::vector<Certificate>> chain_from_file(const std::string& path);

  Certificate(Certificate&&) noexcept;
  Certificate& operator=(Certificate&&) noexcept;
  Certificate(const Certificate& other);
  Certificate& operator=(const Certificate& other);
  ~Certificate();

  ByteView der() const { return der_ ? ByteView(*der_) : ByteView(); }
  Result<PublicKey> public_key() const;
  std::string subject() const;  // one-line RFC 2253 form
  std::string issuer() const;
  // The DER Names, as TLS 1.2's certificate_authorities carries them
  // (RFC 5246 7.4.4); empty if the certificate was moved from.
  Bytes subject_der() const;
  Bytes issuer_der() const;
  std::time_t not_before() const;
  std::time_t not_after() const;
  // The DER SubjectPublicKeyInfo; empty if the certificate was moved from.
  Bytes spki() const;
  // Whether the certificate is for `name`, a DNS name or an IP address
  // literal, by the rules verify_chain applies (RFC 6125: subjectAltName
  // only, a wildcard only as the whole left-most label; an IP literal
  // matches only an iPAddress entry). wildcards = false refuses wildcard
  // names altogether.
  bool matches_hostname(const std::string& name, bool wildcards = true) const;
  // Whether the certificate's key may make signatures: true without a
  // keyUsage extension, else whether it has digitalSignature (RFC 5280
  // 4.2.1.3), as TLS 1.3 (RFC 8446 4.4.2.2) and ECDHE in TLS 1.2 need.
  bool allows_digital_signature() const;
  // Whether the extendedKeyUsage allows `oid` (dotted form): true without
  // the extension, or when it lists `oid` or anyExtendedKeyUsage (RFC 5280
  // 4.2.1.12).
  bool allows_key_purpose(const std::string& oid) const;
  // Whether this certificate issued `subject`: its subject is subject's
  // issuer and the key identifiers and key usage agree (RFC 5280 4.1.2.4,
  // 4.2.1.1); the signature is not checked.
  bool issued(const Certificate& subject) const;
  // Opaque handle for the verification glue (an X509*).
  void* native() const;

 private:
  struct State;
  Certificate(std::unique_ptr<State> state, std::shared_ptr<const Bytes> der);
  std::unique_ptr<State> state_;
  // Shared with every copy, and with the parsed-certificate cache: a
  // session's peer chain holds no bytes of its own.
  std::shared_ptr<const Bytes> der_;
};

// A set of trust anchors; immutable once loaded, shared across sessions.
class TrustStore {
 public:
  TrustStore();
  TrustStore(TrustStore&&) noexcept;
  TrustStore& operator=(TrustStore&&) noexcept;
  ~TrustStore();

  // Each returns the number of certificates added, or invalid_argument.
  // anchors() lists a certificate added twice once, unless
  // keep_duplicates (GnuTLS's add_cas without GNUTLS_TL_NO_DUPLICATES).
  Result<size_t> add(const std::vector<Certificate>& certs, bool keep_duplicates = false);
  Result<size_t> add_pem(ByteView pem);
  Result<size_t> add_file(const std::string& path);
  // /etc/ssl/certs (the Debian system store).
  Result<size_t> add_system();
  size_t size() const;
  // The DER subject Names of the anchors added as certificates (not those a
  // hashed directory supplies during verification), each once, in order:
  // what a TLS 1.2 server lists in certificate_authorities.
  const std::vector<Bytes>& anchor_names() const;
  // The anchors added as certificates, in the order added.
  const std::vector<Certificate>& anchors() const;
  void* native() const;  // X509_STORE*

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Verification outcome as bits; the values are those of GnuTLS's
// gnutls_certificate_status_t so the C API can hand them over unchanged.
enum VerifyStatus : uint32_t {
  kVerifyOk = 0,
  kVerifyInvalid = 1U << 1,
  kVerifyRevoked = 1U << 5,
  kVerifySignerNotFound = 1U << 6,
  kVerifySignerNotCa = 1U << 7,
  kVerifyInsecureAlgorithm = 1U << 8,
  kVerifyNotActivated = 1U << 9,
  kVerifyExpired = 1U << 10,
  kVerifySignatureFailure = 1U << 11,
  kVerifyUnexpectedOwner = 1U << 14,
  kVerifyPurposeMismatch = 1U << 18,
};

struct VerifyOptions {
  // DNS name or IP address literal the leaf must match (RFC 6125: SAN only,
  // wildcard only as the whole left-most label). Empty: no name check.
  std::string hostname;
  // Verification time; now when empty.
  std::optional<std::time_t> at_time;
  // Whether the leaf is a server's (serverAuth) or a client's (clientAuth).
  bool server = true;
  // Whether to check that purpose at all (gnutls_x509_crt_verify does not,
  // nor does a trust list asked for no key purpose).
  bool check_purpose = true;
};

// Verifies chain[0] (the leaf) up to an anchor in `trust`, with the rest of
// `chain` as untrusted intermediates. Returns the status bits (0 = trusted).
uint32_t verify_chain(const TrustStore& trust, const std::vector<Certificate>& chain,
                      const VerifyOptions& options);

// The alert RFC 8446 6.2 names for a verification failure.
AlertDescription alert_for_verify_status(uint32_t status);
// A short human description: "certificate has expired", ...
std::string describe_verify_status(uint32_t status);

}  // namespace coda::crypto
