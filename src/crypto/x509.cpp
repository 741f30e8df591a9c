#include "crypto/x509.hpp"

#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <sys/stat.h>
#include <algorithm>
#include <climits>
#include <fstream>
#include <sstream>

#include "crypto/certificate_cache.hpp"
#include "crypto/ossl.hpp"

namespace coda::crypto {

namespace {

Error invalid(const char* why) {
  ossl::clear_errors();
  return Error::make(ErrorKind::invalid_argument, why);
}

Result<Bytes> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return invalid("cannot open certificate file");
  std::ostringstream s;
  s << in.rdbuf();
  const std::string text = s.str();
  return Bytes(text.begin(), text.end());
}

std::time_t asn1_time_to_time_t(const ASN1_TIME* t) {
  struct tm tm = {};
  if (t == nullptr || ASN1_TIME_to_tm(t, &tm) != 1) {
    ossl::clear_errors();
    return 0;
  }
  return timegm(&tm);
}

std::string name_to_string(const X509_NAME* name) {
  ossl::BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253) < 0) {
    ossl::clear_errors();
    return {};
  }
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  return len > 0 ? std::string(data, static_cast<size_t>(len)) : std::string();
}

Bytes name_to_der(const X509_NAME* name) {
  return ossl::to_der(name, &i2d_X509_NAME);
}

bool is_ip_literal(const std::string& name) {
  unsigned char buf[16];
  return inet_pton(AF_INET, name.c_str(), buf) == 1 || inet_pton(AF_INET6, name.c_str(), buf) == 1;
}

// X509_V_ERR_* to the GnuTLS-style status bits; every problem also sets
// kVerifyInvalid, the "not trusted" bit.
uint32_t status_for_error(int err) {
  uint32_t bits = kVerifyInvalid;
  switch (err) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
    case X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD:
      bits |= kVerifyExpired;
      break;
    case X509_V_ERR_CERT_NOT_YET_VALID:
    case X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD:
      bits |= kVerifyNotActivated;
      break;
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_CERT_UNTRUSTED:
    case X509_V_ERR_CERT_REJECTED:
      bits |= kVerifySignerNotFound;
      break;
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
    case X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE:
    case X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY:
      bits |= kVerifySignatureFailure;
      break;
    case X509_V_ERR_INVALID_CA:
    case X509_V_ERR_PATH_LENGTH_EXCEEDED:
    case X509_V_ERR_KEYUSAGE_NO_CERTSIGN:
      bits |= kVerifySignerNotCa;
      break;
    case X509_V_ERR_INVALID_PURPOSE:
      bits |= kVerifyPurposeMismatch;
      break;
    case X509_V_ERR_HOSTNAME_MISMATCH:
    case X509_V_ERR_IP_ADDRESS_MISMATCH:
    case X509_V_ERR_EMAIL_MISMATCH:
      bits |= kVerifyUnexpectedOwner;
      break;
    case X509_V_ERR_CERT_REVOKED:
      bits |= kVerifyRevoked;
      break;
    case X509_V_ERR_EE_KEY_TOO_SMALL:
    case X509_V_ERR_CA_KEY_TOO_SMALL:
    case X509_V_ERR_CA_MD_TOO_WEAK:
      bits |= kVerifyInsecureAlgorithm;
      break;
    default:
      break;
  }
  return bits;
}

// RFC 6125 6.4.4: never fall back to the subject CN when checking a name;
// 6.4.3: a wildcard only as the complete left-most label.
constexpr unsigned kHostFlags =
    X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS | X509_CHECK_FLAG_NEVER_CHECK_SUBJECT;

// Records every problem and lets verification go on, so one call reports
// them all (an expired certificate from an unknown CA gives both bits).
// Safe because the caller trusts the chain only when no bit was recorded.
int collect_errors(int ok, X509_STORE_CTX* ctx) {
  if (ok == 1) return 1;
  // With CRLs in the store (add_crls), a certificate whose issuer has none
  // is not checked, as in GnuTLS; a CRL past its nextUpdate still counts.
  switch (X509_STORE_CTX_get_error(ctx)) {
    case X509_V_ERR_UNABLE_TO_GET_CRL:
    case X509_V_ERR_CRL_HAS_EXPIRED:
    case X509_V_ERR_CRL_NOT_YET_VALID:
    case X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER:
      return 1;
    default:
      break;
  }
  auto* status = static_cast<uint32_t*>(X509_STORE_CTX_get_app_data(ctx));
  if (status != nullptr) *status |= status_for_error(X509_STORE_CTX_get_error(ctx));
  return 1;
}

}  // namespace

// ---- Certificate ----

struct Certificate::State {
  ossl::X509Ptr x509;
};

Certificate::Certificate(std::unique_ptr<State> state, std::shared_ptr<const Bytes> der)
    : state_(std::move(state)), der_(std::move(der)) {}
Certificate::Certificate(Certificate&&) noexcept = default;
Certificate& Certificate::operator=(Certificate&&) noexcept = default;
Certificate::~Certificate() = default;

Certificate::Certificate(const Certificate& other) : der_(other.der_) {
  if (other.state_) {
    X509_up_ref(other.state_->x509.get());
    state_ = std::make_unique<State>(State{ossl::X509Ptr(other.state_->x509.get())});
  }
}

Certificate& Certificate::operator=(const Certificate& other) {
  if (this != &other) *this = Certificate(other);
  return *this;
}

Result<Certificate> Certificate::from_der(ByteView der) {
  if (der.empty() || der.size() > static_cast<size_t>(LONG_MAX)) {
    return invalid("empty certificate");
  }
  SharedCertificate parsed = parse_certificate_shared(der);
  if (!parsed.x509) return invalid("malformed certificate");
  auto state = std::make_unique<State>();
  state->x509 = std::move(parsed.x509);
  return Certificate(std::move(state), std::move(parsed.der));
}

Result<std::vector<Certificate>> Certificate::chain_from_pem(ByteView pem) {
  if (pem.empty() || pem.size() > static_cast<size_t>(INT_MAX)) {
    return invalid("empty PEM");
  }
  ossl::BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return Error::make(ErrorKind::internal, "BIO_new_mem_buf failed");
  ossl::clear_errors();
  std::vector<Certificate> chain;
  for (;;) {
    ossl::X509Ptr x(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!x) break;
    unsigned char* der = nullptr;
    const int len = i2d_X509(x.get(), &der);
    if (len <= 0) return invalid("certificate does not re-encode");
    auto bytes = std::make_shared<const Bytes>(der, der + len);
    OPENSSL_free(der);
    auto state = std::make_unique<State>();
    state->x509 = std::move(x);
    chain.push_back(Certificate(std::move(state), std::move(bytes)));
  }
  // The loop ends at "no start line" when the text is used up; any other
  // error is a block that is there but broken.
  const unsigned long err = ERR_peek_last_error();
  const bool clean_end =
      err == 0 || (ERR_GET_LIB(err) == ERR_LIB_PEM && ERR_GET_REASON(err) == PEM_R_NO_START_LINE);
  ossl::clear_errors();
  if (!clean_end) return invalid("malformed PEM certificate");
  if (chain.empty()) return invalid("no certificate in PEM");
  return chain;
}

Result<std::vector<Certificate>> Certificate::chain_from_file(const std::string& path) {
  CODA_ASSIGN(Bytes data, read_file(path));
  return chain_from_pem(data);
}

Result<PublicKey> Certificate::public_key() const {
  if (!state_) return Error::make(ErrorKind::invalid_request, "certificate moved from");
  // d2i_X509 decoded the SubjectPublicKeyInfo already: share that key
  // rather than encode and decode it again (the decoder is the costliest
  // step of a client handshake). Which key types Coda accepts is still
  // PublicKey's to say (its type(), allows()).
  auto key = PublicKey::share(X509_get0_pubkey(state_->x509.get()));
  if (!key) {
    ossl::clear_errors();
    return Error::alert_error(AlertDescription::bad_certificate, "certificate key unreadable");
  }
  return key;
}

bool Certificate::allows_digital_signature() const {
  if (!state_) return false;
  X509* x = state_->x509.get();
  if ((X509_get_extension_flags(x) & EXFLAG_KUSAGE) == 0) return true;
  return (X509_get_key_usage(x) & KU_DIGITAL_SIGNATURE) != 0;
}

std::string Certificate::subject() const {
  return state_ ? name_to_string(X509_get_subject_name(state_->x509.get())) : std::string();
}

std::string Certificate::issuer() const {
  return state_ ? name_to_string(X509_get_issuer_name(state_->x509.get())) : std::string();
}

Bytes Certificate::subject_der() const {
  return state_ ? name_to_der(X509_get_subject_name(state_->x509.get())) : Bytes();
}

Bytes Certificate::issuer_der() const {
  return state_ ? name_to_der(X509_get_issuer_name(state_->x509.get())) : Bytes();
}

std::time_t Certificate::not_before() const {
  return state_ ? asn1_time_to_time_t(X509_get0_notBefore(state_->x509.get())) : 0;
}

std::time_t Certificate::not_after() const {
  return state_ ? asn1_time_to_time_t(X509_get0_notAfter(state_->x509.get())) : 0;
}

Bytes Certificate::spki() const {
  if (!state_) return {};
  return ossl::to_der<X509_PUBKEY>(X509_get_X509_PUBKEY(state_->x509.get()), &i2d_X509_PUBKEY);
}

bool Certificate::matches_hostname(const std::string& name, bool wildcards) const {
  if (!state_ || name.empty() || name.find('\0') != std::string::npos) return false;
  X509* x = state_->x509.get();
  int rc;
  if (is_ip_literal(name)) {
    rc = X509_check_ip_asc(x, name.c_str(), 0);
  } else {
    rc = X509_check_host(x, name.data(), name.size(),
                         kHostFlags | (wildcards ? 0 : X509_CHECK_FLAG_NO_WILDCARDS), nullptr);
  }
  ossl::clear_errors();
  return rc == 1;
}

bool Certificate::allows_key_purpose(const std::string& oid) const {
  if (!state_) return false;
  int critical = 0;
  auto* eku = static_cast<EXTENDED_KEY_USAGE*>(
      X509_get_ext_d2i(state_->x509.get(), NID_ext_key_usage, &critical, nullptr));
  if (eku == nullptr) {
    ossl::clear_errors();
    return critical == -1;  // -1: no extension; -2 or a parse failure: refuse
  }
  bool allowed = false;
  for (int i = 0; i < sk_ASN1_OBJECT_num(eku) && !allowed; ++i) {
    const ASN1_OBJECT* obj = sk_ASN1_OBJECT_value(eku, i);
    char text[128];
    const int n = OBJ_obj2txt(text, sizeof text, obj, /*no_name=*/1);
    if (n > 0 && static_cast<size_t>(n) < sizeof text) {
      allowed = oid == text || OBJ_obj2nid(obj) == NID_anyExtendedKeyUsage;
    }
  }
  EXTENDED_KEY_USAGE_free(eku);
  return allowed;
}

bool Certificate::issued(const Certificate& subject) const {
  if (!state_ || !subject.state_) return false;
  const int rc = X509_check_issued(state_->x509.get(), subject.state_->x509.get());
  ossl::clear_errors();
  return rc == X509_V_OK;
}

void* Certificate::native() const {
  return state_ ? state_->x509.get() : nullptr;
}

// ---- TrustStore ----

struct TrustStore::State {
  ossl::X509StorePtr store;
  size_t count = 0;
  std::vector<Bytes> names;
  std::vector<Certificate> anchors;
};

TrustStore::TrustStore() : state_(std::make_unique<State>()) {
  state_->store.reset(X509_STORE_new());
}
TrustStore::TrustStore(TrustStore&&) noexcept = default;
TrustStore& TrustStore::operator=(TrustStore&&) noexcept = default;
TrustStore::~TrustStore() = default;

Result<size_t> TrustStore::add_pem(ByteView pem) {
  CODA_ASSIGN(std::vector<Certificate> certs, Certificate::chain_from_pem(pem));
  return add(certs);
}

Result<size_t> TrustStore::add(const std::vector<Certificate>& certs, bool keep_duplicates) {
  if (!state_ || !state_->store) return Error::make(ErrorKind::internal, "no X509_STORE");
  for (const Certificate& c : certs) {
    // A duplicate is not an error (X509_STORE keeps one copy).
    if (X509_STORE_add_cert(state_->store.get(), static_cast<X509*>(c.native())) != 1) {
      return Error::make(ErrorKind::internal, "X509_STORE_add_cert failed");
    }
    const bool seen =
        !keep_duplicates &&
        std::any_of(state_->anchors.begin(), state_->anchors.end(), [&](const Certificate& a) {
          return std::equal(a.der().begin(), a.der().end(), c.der().begin(), c.der().end());
        });
    if (!seen) state_->anchors.push_back(c);
    Bytes name = c.subject_der();
    if (!name.empty() &&
        std::find(state_->names.begin(), state_->names.end(), name) == state_->names.end()) {
      state_->names.push_back(std::move(name));
    }
  }
  state_->count += certs.size();
  return certs.size();
}

Result<size_t> TrustStore::add_file(const std::string& path) {
  CODA_ASSIGN(Bytes data, read_file(path));
  return add_pem(data);
}

Result<size_t> TrustStore::add_system() {
  // Debian keeps the whole set in one bundle as well as in a hashed
  // directory; the bundle gives an exact count.
  static const char* const kBundle = "/etc/ssl/certs/ca-certificates.crt";
  static const char* const kDir = "/etc/ssl/certs";
  struct stat st = {};
  if (stat(kBundle, &st) == 0) return add_file(kBundle);
  if (!state_ || !state_->store) return Error::make(ErrorKind::internal, "no X509_STORE");
  // The hashed directory is read lazily during verification, so there is
  // nothing to count here.
  if (X509_STORE_load_path(state_->store.get(), kDir) != 1) {
    return invalid("no system trust store");
  }
  return size_t{0};
}

const std::vector<Certificate>& TrustStore::anchors() const {
  static const std::vector<Certificate> kNone;
  return state_ ? state_->anchors : kNone;
}

size_t TrustStore::size() const {
  return state_ ? state_->count : 0;
}

const std::vector<Bytes>& TrustStore::anchor_names() const {
  static const std::vector<Bytes> kNone;
  return state_ ? state_->names : kNone;
}

void* TrustStore::native() const {
  return state_ ? state_->store.get() : nullptr;
}

// ---- verification ----

uint32_t verify_chain(const TrustStore& trust, const std::vector<Certificate>& chain,
                      const VerifyOptions& options) {
  if (chain.empty() || chain[0].native() == nullptr || trust.native() == nullptr) {
    return kVerifyInvalid | kVerifySignerNotFound;
  }
  ossl::X509StoreCtxPtr ctx(X509_STORE_CTX_new());
  // Intermediates are borrowed: the stack does not own them (sk_X509_free,
  // not sk_X509_pop_free).
  struct StackFree {
    void operator()(STACK_OF(X509) * s) const noexcept { sk_X509_free(s); }
  };
  std::unique_ptr<STACK_OF(X509), StackFree> untrusted(sk_X509_new_null());
  if (!ctx || !untrusted) return kVerifyInvalid;
  for (size_t i = 1; i < chain.size(); ++i) {
    if (chain[i].native() == nullptr ||
        sk_X509_push(untrusted.get(), static_cast<X509*>(chain[i].native())) <= 0) {
      return kVerifyInvalid;
    }
  }
  if (X509_STORE_CTX_init(ctx.get(), static_cast<X509_STORE*>(trust.native()),
                          static_cast<X509*>(chain[0].native()), untrusted.get()) != 1) {
    ossl::clear_errors();
    return kVerifyInvalid;
  }
  uint32_t status = 0;
  X509_STORE_CTX_set_app_data(ctx.get(), &status);
  X509_STORE_CTX_set_verify_cb(ctx.get(), collect_errors);

  // The leaf must be usable for the role it plays (extendedKeyUsage
  // serverAuth / clientAuth, RFC 5280 4.2.1.12).
  if (options.check_purpose) {
    X509_STORE_CTX_set_purpose(ctx.get(),
                               options.server ? X509_PURPOSE_SSL_SERVER : X509_PURPOSE_SSL_CLIENT);
  }
  X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx.get());
  if (options.at_time) X509_VERIFY_PARAM_set_time(param, *options.at_time);
  if (!options.hostname.empty()) {
    bool set = false;
    if (is_ip_literal(options.hostname)) {
      // An IP literal matches only an iPAddress SAN (RFC 6125 / RFC 5280).
      set = X509_VERIFY_PARAM_set1_ip_asc(param, options.hostname.c_str()) == 1;
    } else {
      X509_VERIFY_PARAM_set_hostflags(param, kHostFlags);
      set =
          X509_VERIFY_PARAM_set1_host(param, options.hostname.data(), options.hostname.size()) == 1;
    }
    if (!set) status |= kVerifyInvalid | kVerifyUnexpectedOwner;
  }

  const int rc = X509_verify_cert(ctx.get());
  // A failure that never reached the callback (allocation, internal error)
  // still must not pass as trusted.
  if (rc != 1 && status == 0) status = status_for_error(X509_STORE_CTX_get_error(ctx.get()));
  if (rc != 1) status |= kVerifyInvalid;
  ossl::clear_errors();
  return status;
}

AlertDescription alert_for_verify_status(uint32_t status) {
  // RFC 8446 6.2. Revocation first: it is the most specific statement. An
  // unknown issuer comes before dates, since the dates of a certificate we
  // cannot trust say nothing.
  if (status & kVerifyRevoked) return AlertDescription::certificate_revoked;
  if (status & kVerifySignerNotFound) return AlertDescription::unknown_ca;
  // certificate_expired: "has expired or is not currently valid".
  if (status & (kVerifyExpired | kVerifyNotActivated)) {
    return AlertDescription::certificate_expired;
  }
  return AlertDescription::bad_certificate;
}

std::string describe_verify_status(uint32_t status) {
  if (status == kVerifyOk) return "certificate is trusted";
  static const struct {
    uint32_t bit;
    const char* text;
  } kTexts[] = {
      {kVerifyRevoked, "certificate has been revoked"},
      {kVerifySignerNotFound, "issuer is not known"},
      {kVerifySignerNotCa, "issuer is not a CA"},
      {kVerifyInsecureAlgorithm, "certificate uses an insecure algorithm"},
      {kVerifyNotActivated, "certificate is not yet activated"},
      {kVerifyExpired, "certificate has expired"},
      {kVerifySignatureFailure, "certificate signature failed verification"},
      {kVerifyUnexpectedOwner, "certificate owner does not match the expected name"},
      {kVerifyPurposeMismatch, "certificate is not allowed for this purpose"},
  };
  std::string out;
  for (const auto& t : kTexts) {
    if (status & t.bit) {
      if (!out.empty()) out += "; ";
      out += t.text;
    }
  }
  if (out.empty()) out = "certificate is not trusted";
  return out;
}

}  // namespace coda::crypto
