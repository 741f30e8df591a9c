// What a program can ask about an established session.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "compat/gnutls/ids.hpp"
#include "compat/gnutls/session.hpp"

using namespace coda::compat;

namespace {

const coda::SessionInfo* established(gnutls_session_t s) {
  if (s == nullptr || !s->conn || !s->conn->handshake_complete()) return nullptr;
  return &s->conn->info();
}

// The server's signature: ours on a server, the peer's on a client.
coda::SignatureScheme server_scheme(gnutls_session_t s, const coda::SessionInfo& info) {
  return s->role == coda::Role::server ? info.own_signature_scheme : info.peer_signature_scheme;
}

}  // namespace

extern "C" {

gnutls_protocol_t gnutls_protocol_get_version(gnutls_session_t session) {
  const auto* info = established(session);
  return info != nullptr ? protocol_id(info->version) : GNUTLS_VERSION_UNKNOWN;
}

gnutls_cipher_algorithm_t gnutls_cipher_get(gnutls_session_t session) {
  const auto* info = established(session);
  return info != nullptr ? cipher_id(info->cipher_suite) : GNUTLS_CIPHER_NULL;
}

gnutls_mac_algorithm_t gnutls_mac_get(gnutls_session_t session) {
  const auto* info = established(session);
  return info != nullptr ? mac_id(info->cipher_suite) : GNUTLS_MAC_NULL;
}

gnutls_kx_algorithm_t gnutls_kx_get(gnutls_session_t session) {
  const auto* info = established(session);
  return info != nullptr ? kx_id(info->version, info->cipher_suite) : GNUTLS_KX_UNKNOWN;
}

gnutls_group_t gnutls_group_get(gnutls_session_t session) {
  const auto* info = established(session);
  return info != nullptr ? group_id(info->group) : GNUTLS_GROUP_INVALID;
}

int gnutls_sign_algorithm_get(gnutls_session_t session) {
  const auto* info = established(session);
  if (info == nullptr) return GNUTLS_SIGN_UNKNOWN;
  return sign_id(server_scheme(session, *info), info->version);
}

gnutls_certificate_type_t gnutls_certificate_type_get(gnutls_session_t session) {
  (void)session;
  return GNUTLS_CRT_X509;
}

// "(TLS1.3)-(ECDHE-X25519)-(ECDSA-SECP256R1-SHA256)-(AES-256-GCM)", the
// shape GnuTLS prints; the caller frees it with gnutls_free.
char* gnutls_session_get_desc(gnutls_session_t session) {
  const auto* info = established(session);
  if (info == nullptr) return nullptr;
  const char* group = gnutls_group_get_name(group_id(info->group));
  const char* sign = gnutls_sign_get_name(
      static_cast<gnutls_sign_algorithm_t>(sign_id(server_scheme(session, *info), info->version)));
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, "(%s)-(ECDHE-%s)-(%s)-(%s)",
                gnutls_protocol_get_name(protocol_id(info->version)), group ? group : "?",
                sign ? sign : "?", gnutls_cipher_get_name(cipher_id(info->cipher_suite)));
  const size_t n = std::strlen(buffer) + 1;
  auto* out = static_cast<char*>(gnutls_malloc(n));
  if (out != nullptr) std::memcpy(out, buffer, n);
  return out;
}

const gnutls_datum_t* gnutls_certificate_get_peers(gnutls_session_t session,
                                                   unsigned int* list_size) {
  if (list_size != nullptr) *list_size = 0;
  if (session == nullptr || !session->conn) return nullptr;
  const auto& chain = session->conn->info().peer_chain;
  if (chain.empty()) return nullptr;
  session->peer_certificates.clear();
  for (const auto& cert : chain) {
    session->peer_certificates.push_back(
        {const_cast<uint8_t*>(cert.der().data()), static_cast<unsigned>(cert.der().size())});
  }
  if (list_size != nullptr) *list_size = static_cast<unsigned>(chain.size());
  return session->peer_certificates.data();
}

// gnutls_certificate_verify_peers2/3/verify_peers: the peer's chain against
// the credentials' anchors. As GnuTLS: GNUTLS_E_NO_CERTIFICATE_FOUND with no
// peer chain, GNUTLS_E_CONSTRAINT_ERROR for a chain longer than the limit
// (gnutls_certificate_set_verify_limits), else 0 with the status bits.
// Without a key purpose asked for, the leaf's is checked against the role
// it plays (serverAuth / clientAuth).
static int verify_peers(gnutls_session_t session, const coda::compat::VerifyRequest& request,
                        unsigned int* status) {
  if (session == nullptr || status == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!session->conn) return GNUTLS_E_NO_CERTIFICATE_FOUND;
  const auto& chain = session->conn->info().peer_chain;
  if (chain.empty()) return GNUTLS_E_NO_CERTIFICATE_FOUND;
  if (session->certificates == nullptr) return GNUTLS_E_INSUFFICIENT_CREDENTIALS;
  if (chain.size() > session->certificates->verify_max_depth) return GNUTLS_E_CONSTRAINT_ERROR;
  if (!session->certificates->trust) {
    *status = GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNER_NOT_FOUND;
    return 0;
  }
  if (!request.purpose_oid.empty()) {
    *status = coda::compat::verify_with(*session->certificates->trust, chain, request);
    return 0;
  }
  coda::crypto::VerifyOptions options;
  options.hostname = request.hostname;
  options.server = session->role == coda::Role::client;
  *status = coda::crypto::verify_chain(*session->certificates->trust, chain, options);
  return 0;
}

int gnutls_certificate_verify_peers3(gnutls_session_t session, const char* hostname,
                                     unsigned int* status) {
  coda::compat::VerifyRequest request;
  if (hostname != nullptr) request.hostname = hostname;
  return verify_peers(session, request, status);
}

int gnutls_certificate_verify_peers(gnutls_session_t session, gnutls_typed_vdata_st* data,
                                    unsigned int elements, unsigned int* status) {
  coda::compat::VerifyRequest request;
  if (!coda::compat::read_typed_data(data, elements, request)) return GNUTLS_E_INVALID_REQUEST;
  return verify_peers(session, request, status);
}

// The validity of the peer's leaf certificate; (time_t)-1 without one.
time_t gnutls_certificate_activation_time_peers(gnutls_session_t session) {
  if (session == nullptr || !session->conn) return static_cast<time_t>(-1);
  const auto& chain = session->conn->info().peer_chain;
  return chain.empty() ? static_cast<time_t>(-1) : chain.front().not_before();
}

time_t gnutls_certificate_expiration_time_peers(gnutls_session_t session) {
  if (session == nullptr || !session->conn) return static_cast<time_t>(-1);
  const auto& chain = session->conn->info().peer_chain;
  return chain.empty() ? static_cast<time_t>(-1) : chain.front().not_after();
}

unsigned int gnutls_certificate_client_get_request_status(gnutls_session_t session) {
  if (session == nullptr || !session->conn) return 0;
  return session->conn->info().certificate_requested ? 1 : 0;
}

int gnutls_certificate_verify_peers2(gnutls_session_t session, unsigned int* status) {
  return gnutls_certificate_verify_peers3(session, nullptr, status);
}

int gnutls_error_to_alert(int err, int* level) {
  // Which alert GnuTLS 3.7.9 names for each error (read off the real
  // library for every code); any other error is a fatal internal_error.
  struct ErrorAlert {
    int error;
    int alert;
    int level;
  };
  static constexpr ErrorAlert kAlerts[] = {
      {GNUTLS_E_UNKNOWN_COMPRESSION_ALGORITHM, GNUTLS_A_ILLEGAL_PARAMETER, GNUTLS_AL_FATAL},
      {GNUTLS_E_UNSUPPORTED_VERSION_PACKET, GNUTLS_A_PROTOCOL_VERSION, GNUTLS_AL_FATAL},
      {GNUTLS_E_UNEXPECTED_PACKET_LENGTH, GNUTLS_A_DECODE_ERROR, GNUTLS_AL_FATAL},
      {GNUTLS_E_UNEXPECTED_PACKET, GNUTLS_A_UNEXPECTED_MESSAGE, GNUTLS_AL_FATAL},
      {GNUTLS_E_ERROR_IN_FINISHED_PACKET, GNUTLS_A_DECRYPT_ERROR, GNUTLS_AL_FATAL},
      {GNUTLS_E_UNEXPECTED_HANDSHAKE_PACKET, GNUTLS_A_UNEXPECTED_MESSAGE, GNUTLS_AL_FATAL},
      {GNUTLS_E_UNKNOWN_CIPHER_SUITE, GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL},
      {GNUTLS_E_UNWANTED_ALGORITHM, GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL},
      {GNUTLS_E_DECRYPTION_FAILED, GNUTLS_A_BAD_RECORD_MAC, GNUTLS_AL_FATAL},
      {GNUTLS_E_DECOMPRESSION_FAILED, GNUTLS_A_DECOMPRESSION_FAILURE, GNUTLS_AL_FATAL},
      {GNUTLS_E_INSUFFICIENT_CREDENTIALS, GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL},
      {GNUTLS_E_REHANDSHAKE, GNUTLS_A_NO_RENEGOTIATION, GNUTLS_AL_WARNING},
      {GNUTLS_E_CERTIFICATE_ERROR, GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL},
      {GNUTLS_E_NO_CERTIFICATE_FOUND, GNUTLS_A_DECODE_ERROR, GNUTLS_AL_FATAL},
      {GNUTLS_E_RECEIVED_ILLEGAL_PARAMETER, GNUTLS_A_ILLEGAL_PARAMETER, GNUTLS_AL_FATAL},
      {GNUTLS_E_RECEIVED_ILLEGAL_EXTENSION, GNUTLS_A_UNSUPPORTED_EXTENSION, GNUTLS_AL_FATAL},
      {GNUTLS_E_UNSUPPORTED_CERTIFICATE_TYPE, GNUTLS_A_UNSUPPORTED_CERTIFICATE, GNUTLS_AL_FATAL},
      {GNUTLS_E_DH_PRIME_UNACCEPTABLE, GNUTLS_A_INSUFFICIENT_SECURITY, GNUTLS_AL_FATAL},
      {GNUTLS_E_ASN1_ELEMENT_NOT_FOUND, GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL},
      {GNUTLS_E_ASN1_IDENTIFIER_NOT_FOUND, GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL},
      {GNUTLS_E_ASN1_DER_ERROR, GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL},
      {GNUTLS_E_ASN1_VALUE_NOT_FOUND, GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL},
      {GNUTLS_E_ASN1_GENERIC_ERROR, GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL},
      {GNUTLS_E_ASN1_VALUE_NOT_VALID, GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL},
      {GNUTLS_E_ASN1_TAG_ERROR, GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL},
      {GNUTLS_E_ASN1_TAG_IMPLICIT, GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL},
      {GNUTLS_E_ASN1_TYPE_ANY_ERROR, GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL},
      {GNUTLS_E_ASN1_SYNTAX_ERROR, GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL},
      {GNUTLS_E_ASN1_DER_OVERFLOW, GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL},
      {GNUTLS_E_UNKNOWN_PK_ALGORITHM, GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL},
      {GNUTLS_E_RECEIVED_DISALLOWED_NAME, GNUTLS_A_ILLEGAL_PARAMETER, GNUTLS_AL_FATAL},
      {GNUTLS_E_NO_COMPRESSION_ALGORITHMS, GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL},
      {GNUTLS_E_NO_CIPHER_SUITES, GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL},
      {GNUTLS_E_OPENPGP_GETKEY_FAILED, GNUTLS_A_CERTIFICATE_UNOBTAINABLE, GNUTLS_AL_FATAL},
      {GNUTLS_E_PK_SIG_VERIFY_FAILED, GNUTLS_A_DECRYPT_ERROR, GNUTLS_AL_FATAL},
      {GNUTLS_E_ILLEGAL_SRP_USERNAME, GNUTLS_A_ILLEGAL_PARAMETER, GNUTLS_AL_FATAL},
      {GNUTLS_E_UNSUPPORTED_SIGNATURE_ALGORITHM, GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL},
      {GNUTLS_E_SAFE_RENEGOTIATION_FAILED, GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL},
      {GNUTLS_E_UNSAFE_RENEGOTIATION_DENIED, GNUTLS_A_NO_RENEGOTIATION, GNUTLS_AL_WARNING},
      {GNUTLS_E_UNKNOWN_SRP_USERNAME, GNUTLS_A_UNKNOWN_PSK_IDENTITY, GNUTLS_AL_FATAL},
      {GNUTLS_E_PREMATURE_TERMINATION, GNUTLS_A_UNEXPECTED_MESSAGE, GNUTLS_AL_FATAL},
      {GNUTLS_E_CERTIFICATE_REQUIRED, GNUTLS_A_CERTIFICATE_REQUIRED, GNUTLS_AL_FATAL},
      {GNUTLS_E_HANDSHAKE_TOO_LARGE, GNUTLS_A_DECODE_ERROR, GNUTLS_AL_FATAL},
      {GNUTLS_E_INCOMPAT_DSA_KEY_WITH_TLS_PROTOCOL, GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL},
      {GNUTLS_E_INSUFFICIENT_SECURITY, GNUTLS_A_INSUFFICIENT_SECURITY, GNUTLS_AL_FATAL},
      {GNUTLS_E_UNRECOGNIZED_NAME, GNUTLS_A_UNRECOGNIZED_NAME, GNUTLS_AL_FATAL},
      {GNUTLS_E_USER_ERROR, GNUTLS_A_USER_CANCELED, GNUTLS_AL_FATAL},
      {GNUTLS_E_ECC_NO_SUPPORTED_CURVES, GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL},
      {GNUTLS_E_ECC_UNSUPPORTED_CURVE, GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL},
      {GNUTLS_E_ILLEGAL_PARAMETER, GNUTLS_A_ILLEGAL_PARAMETER, GNUTLS_AL_FATAL},
      {GNUTLS_E_NO_APPLICATION_PROTOCOL, GNUTLS_A_NO_APPLICATION_PROTOCOL, GNUTLS_AL_FATAL},
      {GNUTLS_E_INAPPROPRIATE_FALLBACK, GNUTLS_A_INAPPROPRIATE_FALLBACK, GNUTLS_AL_FATAL},
      {GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR, GNUTLS_A_BAD_CERTIFICATE, GNUTLS_AL_FATAL},
      {GNUTLS_E_UNEXPECTED_EXTENSIONS_LENGTH, GNUTLS_A_DECODE_ERROR, GNUTLS_AL_FATAL},
      {GNUTLS_E_SESSION_USER_ID_CHANGED, GNUTLS_A_INSUFFICIENT_SECURITY, GNUTLS_AL_FATAL},
      {GNUTLS_E_PK_INVALID_PUBKEY, GNUTLS_A_ILLEGAL_PARAMETER, GNUTLS_AL_FATAL},
      {GNUTLS_E_RECORD_OVERFLOW, GNUTLS_A_RECORD_OVERFLOW, GNUTLS_AL_FATAL},
      {GNUTLS_E_INCOMPATIBLE_SIG_WITH_KEY, GNUTLS_A_ILLEGAL_PARAMETER, GNUTLS_AL_FATAL},
      {GNUTLS_E_NO_COMMON_KEY_SHARE, GNUTLS_A_HANDSHAKE_FAILURE, GNUTLS_AL_FATAL},
      {GNUTLS_E_MISSING_EXTENSION, GNUTLS_A_MISSING_EXTENSION, GNUTLS_AL_FATAL}};
  // A value that is no error is refused (a deliberate difference: GnuTLS
  // maps it to internal_error too; tests/api/api_argument_cases.h).
  if (err >= 0) return GNUTLS_E_INVALID_REQUEST;
  int alert = GNUTLS_A_INTERNAL_ERROR;
  int lvl = GNUTLS_AL_FATAL;
  for (const auto& e : kAlerts) {
    if (e.error == err) {
      alert = e.alert;
      lvl = e.level;
      break;
    }
  }
  if (level != nullptr) *level = lvl;
  return alert;
}

}  // extern "C"

extern "C" {

unsigned int gnutls_session_get_verify_cert_status(gnutls_session_t session) {
  if (session == nullptr) return static_cast<unsigned>(-1);
  // As GnuTLS: nothing to report (0) before a handshake, and (unsigned)-1
  // after one that was not asked to verify (gnutls_session_set_verify_cert).
  if (!session->conn || !session->conn->handshake_complete()) return 0;
  if (!session->verify_certificate) return static_cast<unsigned>(-1);
  return session->conn->info().peer_verify_status;
}

// GnuTLS 3.7.9's sentences, in its order (programs show them to users, and
// some compare them): read off the real library for every bit and
// certificate type by api.trust_differential. The bits that only X.509
// chains have are left out for other certificate types, as GnuTLS does.
int gnutls_certificate_verification_status_print(unsigned int status,
                                                 gnutls_certificate_type_t type,
                                                 gnutls_datum_t* out, unsigned int flags) {
  (void)flags;
  if (out == nullptr) return GNUTLS_E_INVALID_REQUEST;
  struct Bit {
    unsigned bit;
    bool x509_only;
    const char* text;
  };
  static constexpr Bit kBits[] = {
      {GNUTLS_CERT_REVOKED, true, "The certificate chain is revoked. "},
      {GNUTLS_CERT_MISMATCH, true, "The certificate doesn't match the local copy (TOFU). "},
      {GNUTLS_CERT_REVOCATION_DATA_SUPERSEDED, true,
       "The revocation or OCSP data are old and have been superseded. "},
      {GNUTLS_CERT_REVOCATION_DATA_ISSUED_IN_FUTURE, true,
       "The revocation or OCSP data are issued with a future date. "},
      {GNUTLS_CERT_SIGNER_NOT_FOUND, true, "The certificate issuer is unknown. "},
      {GNUTLS_CERT_SIGNER_NOT_CA, true, "The certificate issuer is not a CA. "},
      {GNUTLS_CERT_INSECURE_ALGORITHM, false, "The certificate chain uses insecure algorithm. "},
      {GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE, false,
       "The certificate chain violates the signer's constraints. "},
      {GNUTLS_CERT_PURPOSE_MISMATCH, false,
       "The certificate chain does not match the intended purpose. "},
      {GNUTLS_CERT_NOT_ACTIVATED, false, "The certificate chain uses not yet valid certificate. "},
      {GNUTLS_CERT_EXPIRED, false, "The certificate chain uses expired certificate. "},
      {GNUTLS_CERT_SIGNATURE_FAILURE, false, "The signature in the certificate is invalid. "},
      {GNUTLS_CERT_UNEXPECTED_OWNER, false,
       "The name in the certificate does not match the expected. "},
      {GNUTLS_CERT_MISSING_OCSP_STATUS, false,
       "The certificate requires the server to include an OCSP status in its response, but the "
       "OCSP status is missing. "},
      {GNUTLS_CERT_INVALID_OCSP_STATUS, false, "The received OCSP status response is invalid. "},
      {GNUTLS_CERT_UNKNOWN_CRIT_EXTENSIONS, false,
       "The certificate contains an unknown critical extension. "},
  };
  std::string text =
      status == 0 ? "The certificate is trusted. " : "The certificate is NOT trusted. ";
  for (const Bit& b : kBits) {
    if ((status & b.bit) != 0 && (!b.x509_only || type == GNUTLS_CRT_X509)) text += b.text;
  }
  auto* data = static_cast<unsigned char*>(gnutls_malloc(text.size() + 1));
  if (data == nullptr) return GNUTLS_E_MEMORY_ERROR;
  std::memcpy(data, text.c_str(), text.size() + 1);
  out->data = data;
  out->size = static_cast<unsigned>(text.size());
  return 0;
}

// As gnutls_session_set_verify_cert, with the host name (GNUTLS_DT_DNS_HOSTNAME
// or GNUTLS_DT_IP_ADDRESS) from typed data. A key purpose other than the
// role's own, or data Coda cannot read, still turns verification on (with
// the role's purpose): the handshake never goes unverified because of it.
void gnutls_session_set_verify_cert2(gnutls_session_t session, gnutls_typed_vdata_st* data,
                                     unsigned elements, unsigned flags) {
  if (session == nullptr) return;
  coda::compat::VerifyRequest request;
  if (!coda::compat::read_typed_data(data, elements, request)) request = {};
  gnutls_session_set_verify_cert(
      session, request.hostname.empty() ? nullptr : request.hostname.c_str(), flags);
}

void gnutls_session_set_verify_function(gnutls_session_t session,
                                        gnutls_certificate_verify_function* func) {
  if (session != nullptr) session->verify_function = func;
}

}  // extern "C"
