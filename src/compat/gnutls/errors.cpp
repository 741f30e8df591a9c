// Error numbers: their names, messages and fatality, and the mapping from
// engine errors to the numbers GnuTLS programs expect.
#include <cstdio>
#include <cstring>

#include "compat/gnutls/internal.hpp"

namespace {

struct ErrorInfo {
  int code;
  const char* name;
  bool fatal;
  const char* message;
};

// Every code GnuTLS 3.7 gives a name to, with the same name (where two names
// share a number, the one GnuTLS reports) and the same fatality: only the
// codes listed false here are non-fatal in GnuTLS (checked by looping over the
// real gnutls_error_is_fatal). The messages are Coda's own.
constexpr ErrorInfo kErrors[] = {
    {0, "GNUTLS_E_SUCCESS", false, "Success."},
    {-3, "GNUTLS_E_UNKNOWN_COMPRESSION_ALGORITHM", true, "Unknown compression algorithm."},
    {-6, "GNUTLS_E_UNKNOWN_CIPHER_TYPE", true, "Unknown cipher type."},
    {-7, "GNUTLS_E_LARGE_PACKET", false, "The data is too large for one record."},
    {-8, "GNUTLS_E_UNSUPPORTED_VERSION_PACKET", true,
     "The peer offered no protocol version we accept."},
    {-9, "GNUTLS_E_UNEXPECTED_PACKET_LENGTH", true,
     "A TLS record or message had an unexpected length."},
    {-10, "GNUTLS_E_INVALID_SESSION", true,
     "The session is invalid or already closed for sending."},
    {-12, "GNUTLS_E_FATAL_ALERT_RECEIVED", true, "The peer sent a fatal alert."},
    {-15, "GNUTLS_E_UNEXPECTED_PACKET", true, "An unexpected TLS record or message was received."},
    {-16, "GNUTLS_E_WARNING_ALERT_RECEIVED", false, "The peer sent a warning alert."},
    {-18, "GNUTLS_E_ERROR_IN_FINISHED_PACKET", true, "The Finished message did not verify."},
    {-19, "GNUTLS_E_UNEXPECTED_HANDSHAKE_PACKET", true,
     "An unexpected handshake message was received."},
    {-21, "GNUTLS_E_UNKNOWN_CIPHER_SUITE", true, "The peer chose a cipher suite we did not offer."},
    {-22, "GNUTLS_E_UNWANTED_ALGORITHM", true, "The algorithm is not acceptable."},
    {-23, "GNUTLS_E_MPI_SCAN_FAILED", true, "MPI scan failed."},
    {-24, "GNUTLS_E_DECRYPTION_FAILED", true, "A record could not be decrypted (bad record MAC)."},
    {-25, "GNUTLS_E_MEMORY_ERROR", true, "Out of memory."},
    {-26, "GNUTLS_E_DECOMPRESSION_FAILED", true, "Decompression failed."},
    {-27, "GNUTLS_E_COMPRESSION_FAILED", true, "Compression failed."},
    {-28, "GNUTLS_E_AGAIN", false, "The operation would block; try again."},
    {-29, "GNUTLS_E_EXPIRED", true, "The certificate has expired."},
    {-30, "GNUTLS_E_DB_ERROR", true, "Db error."},
    {-31, "GNUTLS_E_SRP_PWD_ERROR", true, "SRP pwd error."},
    {-32, "GNUTLS_E_INSUFFICIENT_CREDENTIALS", true,
     "The credentials given are not enough for this handshake."},
    {-33, "GNUTLS_E_HASH_FAILED", true, "Hash failed."},
    {-34, "GNUTLS_E_BASE64_DECODING_ERROR", true, "The PEM (base64) data could not be decoded."},
    {-35, "GNUTLS_E_MPI_PRINT_FAILED", true, "MPI print failed."},
    {-37, "GNUTLS_E_REHANDSHAKE", false, "The peer asked for a new handshake."},
    {-38, "GNUTLS_E_GOT_APPLICATION_DATA", true, "Application data arrived during the handshake."},
    {-39, "GNUTLS_E_RECORD_LIMIT_REACHED", true, "Record limit reached."},
    {-40, "GNUTLS_E_ENCRYPTION_FAILED", true, "Encryption failed."},
    {-43, "GNUTLS_E_CERTIFICATE_ERROR", true, "The certificate is not valid."},
    {-44, "GNUTLS_E_PK_ENCRYPTION_FAILED", true, "Public key encryption failed."},
    {-45, "GNUTLS_E_PK_DECRYPTION_FAILED", true, "Public key decryption failed."},
    {-46, "GNUTLS_E_PK_SIGN_FAILED", true, "Signing failed."},
    {-47, "GNUTLS_E_X509_UNSUPPORTED_CRITICAL_EXTENSION", true,
     "X.509 unsupported critical extension."},
    {-48, "GNUTLS_E_KEY_USAGE_VIOLATION", true, "The key is not allowed for this use."},
    {-49, "GNUTLS_E_NO_CERTIFICATE_FOUND", true, "The peer sent no certificate."},
    {-50, "GNUTLS_E_INVALID_REQUEST", true, "The request is invalid."},
    {-51, "GNUTLS_E_SHORT_MEMORY_BUFFER", true, "The buffer given is too short."},
    {-52, "GNUTLS_E_INTERRUPTED", false, "The operation was interrupted; try again."},
    {-53, "GNUTLS_E_PUSH_ERROR", true, "Sending to the transport failed."},
    {-54, "GNUTLS_E_PULL_ERROR", true, "Receiving from the transport failed."},
    {-55, "GNUTLS_E_RECEIVED_ILLEGAL_PARAMETER", true, "The peer sent an illegal parameter."},
    {-56, "GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE", true, "The requested data is not available."},
    {-57, "GNUTLS_E_PKCS1_WRONG_PAD", true, "PKCS #1 wrong pad."},
    {-58, "GNUTLS_E_RECEIVED_ILLEGAL_EXTENSION", true,
     "The peer sent an extension that is not allowed here."},
    {-59, "GNUTLS_E_INTERNAL_ERROR", true, "Internal error."},
    {-60, "GNUTLS_E_CERTIFICATE_KEY_MISMATCH", true,
     "The private key does not match the certificate."},
    {-61, "GNUTLS_E_UNSUPPORTED_CERTIFICATE_TYPE", true, "Unsupported certificate type."},
    {-62, "GNUTLS_E_X509_UNKNOWN_SAN", true, "X.509 unknown san."},
    {-63, "GNUTLS_E_DH_PRIME_UNACCEPTABLE", true, "DH prime unacceptable."},
    {-64, "GNUTLS_E_FILE_ERROR", true, "A file could not be read."},
    {-67, "GNUTLS_E_ASN1_ELEMENT_NOT_FOUND", true, "ASN.1 element not found."},
    {-68, "GNUTLS_E_ASN1_IDENTIFIER_NOT_FOUND", true, "ASN.1 identifier not found."},
    {-69, "GNUTLS_E_ASN1_DER_ERROR", true, "The DER data could not be parsed."},
    {-70, "GNUTLS_E_ASN1_VALUE_NOT_FOUND", true, "ASN.1 value not found."},
    {-71, "GNUTLS_E_ASN1_GENERIC_ERROR", true, "ASN.1 generic error."},
    {-72, "GNUTLS_E_ASN1_VALUE_NOT_VALID", true, "ASN.1 value not valid."},
    {-73, "GNUTLS_E_ASN1_TAG_ERROR", true, "ASN.1 tag error."},
    {-74, "GNUTLS_E_ASN1_TAG_IMPLICIT", true, "ASN.1 tag implicit."},
    {-75, "GNUTLS_E_ASN1_TYPE_ANY_ERROR", true, "ASN.1 type any error."},
    {-76, "GNUTLS_E_ASN1_SYNTAX_ERROR", true, "ASN.1 syntax error."},
    {-77, "GNUTLS_E_ASN1_DER_OVERFLOW", true, "ASN.1 DER overflow."},
    {-78, "GNUTLS_E_TOO_MANY_EMPTY_PACKETS", true, "Too many empty packets."},
    {-79, "GNUTLS_E_OPENPGP_UID_REVOKED", true, "OpenPGP uid revoked."},
    {-80, "GNUTLS_E_UNKNOWN_PK_ALGORITHM", true, "Unknown public key algorithm."},
    {-81, "GNUTLS_E_TOO_MANY_HANDSHAKE_PACKETS", true, "Too many handshake packets."},
    {-82, "GNUTLS_E_RECEIVED_DISALLOWED_NAME", true, "Received disallowed name."},
    {-84, "GNUTLS_E_NO_TEMPORARY_RSA_PARAMS", true, "No temporary RSA params."},
    {-86, "GNUTLS_E_NO_COMPRESSION_ALGORITHMS", true, "No compression algorithms."},
    {-87, "GNUTLS_E_NO_CIPHER_SUITES", true, "No cipher suite is acceptable to both peers."},
    {-88, "GNUTLS_E_OPENPGP_GETKEY_FAILED", true, "OpenPGP getkey failed."},
    {-89, "GNUTLS_E_PK_SIG_VERIFY_FAILED", true, "A signature did not verify."},
    {-90, "GNUTLS_E_ILLEGAL_SRP_USERNAME", true, "Illegal SRP username."},
    {-91, "GNUTLS_E_SRP_PWD_PARSING_ERROR", true, "SRP pwd parsing error."},
    {-93, "GNUTLS_E_NO_TEMPORARY_DH_PARAMS", true, "No temporary DH params."},
    {-94, "GNUTLS_E_OPENPGP_FINGERPRINT_UNSUPPORTED", true, "OpenPGP fingerprint unsupported."},
    {-95, "GNUTLS_E_X509_UNSUPPORTED_ATTRIBUTE", true, "X.509 unsupported attribute."},
    {-96, "GNUTLS_E_UNKNOWN_HASH_ALGORITHM", true, "Unknown hash algorithm."},
    {-97, "GNUTLS_E_UNKNOWN_PKCS_CONTENT_TYPE", true, "Unknown PKCS content type."},
    {-98, "GNUTLS_E_UNKNOWN_PKCS_BAG_TYPE", true, "Unknown PKCS bag type."},
    {-99, "GNUTLS_E_INVALID_PASSWORD", true, "The password is wrong."},
    {-100, "GNUTLS_E_MAC_VERIFY_FAILED", true, "MAC verify failed."},
    {-101, "GNUTLS_E_CONSTRAINT_ERROR", true, "A certificate constraint was violated."},
    {-104, "GNUTLS_E_IA_VERIFY_FAILED", true, "IA verify failed."},
    {-105, "GNUTLS_E_UNKNOWN_ALGORITHM", true, "The algorithm is unknown."},
    {-106, "GNUTLS_E_UNSUPPORTED_SIGNATURE_ALGORITHM", true,
     "The signature algorithm is not supported."},
    {-107, "GNUTLS_E_SAFE_RENEGOTIATION_FAILED", true, "Safe renegotiation failed."},
    {-108, "GNUTLS_E_UNSAFE_RENEGOTIATION_DENIED", true, "Unsafe renegotiation denied."},
    {-109, "GNUTLS_E_UNKNOWN_SRP_USERNAME", true, "Unknown SRP username."},
    {-110, "GNUTLS_E_PREMATURE_TERMINATION", true,
     "The connection was closed before the peer sent close_notify; the data may be truncated."},
    {-111, "GNUTLS_E_MALFORMED_CIDR", true, "Malformed cidr."},
    {-112, "GNUTLS_E_CERTIFICATE_REQUIRED", true, "The peer requires a certificate."},
    {-201, "GNUTLS_E_BASE64_ENCODING_ERROR", true, "Base64 encoding error."},
    {-202, "GNUTLS_E_INCOMPATIBLE_GCRYPT_LIBRARY", true, "Incompatible gcrypt library."},
    {-203, "GNUTLS_E_INCOMPATIBLE_LIBTASN1_LIBRARY", true, "Incompatible libtasn1 library."},
    {-204, "GNUTLS_E_OPENPGP_KEYRING_ERROR", true, "OpenPGP keyring error."},
    {-205, "GNUTLS_E_X509_UNSUPPORTED_OID", true, "X.509 unsupported OID."},
    {-206, "GNUTLS_E_RANDOM_FAILED", true, "The random number generator failed."},
    {-207, "GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR", true, "Base64 unexpected header error."},
    {-208, "GNUTLS_E_OPENPGP_SUBKEY_ERROR", true, "OpenPGP subkey error."},
    {-209, "GNUTLS_E_CRYPTO_ALREADY_REGISTERED", true, "Crypto already registered."},
    {-210, "GNUTLS_E_HANDSHAKE_TOO_LARGE", true, "A handshake message was too large."},
    {-211, "GNUTLS_E_CRYPTODEV_IOCTL_ERROR", true, "Cryptodev ioctl error."},
    {-212, "GNUTLS_E_CRYPTODEV_DEVICE_ERROR", true, "Cryptodev device error."},
    {-213, "GNUTLS_E_CHANNEL_BINDING_NOT_AVAILABLE", true, "Channel binding not available."},
    {-214, "GNUTLS_E_BAD_COOKIE", true, "Bad cookie."},
    {-215, "GNUTLS_E_OPENPGP_PREFERRED_KEY_ERROR", true, "OpenPGP preferred key error."},
    {-216, "GNUTLS_E_INCOMPAT_DSA_KEY_WITH_TLS_PROTOCOL", true,
     "Incompat DSA key with TLS protocol."},
    {-217, "GNUTLS_E_INSUFFICIENT_SECURITY", true, "The negotiated security is too weak."},
    {-292, "GNUTLS_E_HEARTBEAT_PONG_RECEIVED", false, "Heartbeat pong received."},
    {-293, "GNUTLS_E_HEARTBEAT_PING_RECEIVED", false, "Heartbeat ping received."},
    {-294, "GNUTLS_E_UNRECOGNIZED_NAME", true, "The server name was not recognized."},
    {-300, "GNUTLS_E_PKCS11_ERROR", true, "PKCS #11 error."},
    {-301, "GNUTLS_E_PKCS11_LOAD_ERROR", true, "PKCS #11 load error."},
    {-302, "GNUTLS_E_PARSING_ERROR", true, "The data could not be parsed."},
    {-303, "GNUTLS_E_PKCS11_PIN_ERROR", true, "PKCS #11 PIN error."},
    {-305, "GNUTLS_E_PKCS11_SLOT_ERROR", true, "PKCS #11 slot error."},
    {-306, "GNUTLS_E_LOCKING_ERROR", true, "Locking error."},
    {-307, "GNUTLS_E_PKCS11_ATTRIBUTE_ERROR", true, "PKCS #11 attribute error."},
    {-308, "GNUTLS_E_PKCS11_DEVICE_ERROR", true, "PKCS #11 device error."},
    {-309, "GNUTLS_E_PKCS11_DATA_ERROR", true, "PKCS #11 data error."},
    {-310, "GNUTLS_E_PKCS11_UNSUPPORTED_FEATURE_ERROR", true,
     "PKCS #11 unsupported feature error."},
    {-311, "GNUTLS_E_PKCS11_KEY_ERROR", true, "PKCS #11 key error."},
    {-312, "GNUTLS_E_PKCS11_PIN_EXPIRED", true, "PKCS #11 PIN expired."},
    {-313, "GNUTLS_E_PKCS11_PIN_LOCKED", true, "PKCS #11 PIN locked."},
    {-314, "GNUTLS_E_PKCS11_SESSION_ERROR", true, "PKCS #11 session error."},
    {-315, "GNUTLS_E_PKCS11_SIGNATURE_ERROR", true, "PKCS #11 signature error."},
    {-316, "GNUTLS_E_PKCS11_TOKEN_ERROR", true, "PKCS #11 token error."},
    {-317, "GNUTLS_E_PKCS11_USER_ERROR", true, "PKCS #11 user error."},
    {-318, "GNUTLS_E_CRYPTO_INIT_FAILED", true, "The crypto back end could not be initialized."},
    {-319, "GNUTLS_E_TIMEDOUT", true, "The operation timed out."},
    {-320, "GNUTLS_E_USER_ERROR", true, "User error."},
    {-321, "GNUTLS_E_ECC_NO_SUPPORTED_CURVES", true, "ECC no supported curves."},
    {-322, "GNUTLS_E_ECC_UNSUPPORTED_CURVE", true, "The elliptic curve is not supported."},
    {-323, "GNUTLS_E_PKCS11_REQUESTED_OBJECT_NOT_AVAILBLE", true,
     "PKCS #11 requested object not availble."},
    {-324, "GNUTLS_E_CERTIFICATE_LIST_UNSORTED", true, "Certificate list unsorted."},
    {-325, "GNUTLS_E_ILLEGAL_PARAMETER", true, "An illegal parameter was given."},
    {-326, "GNUTLS_E_NO_PRIORITIES_WERE_SET", true, "No priorities were set on the session."},
    {-327, "GNUTLS_E_X509_UNSUPPORTED_EXTENSION", true, "X.509 unsupported extension."},
    {-328, "GNUTLS_E_SESSION_EOF", true, "The transport reached end of file."},
    {-329, "GNUTLS_E_TPM_ERROR", true, "TPM error."},
    {-330, "GNUTLS_E_TPM_KEY_PASSWORD_ERROR", true, "TPM key password error."},
    {-331, "GNUTLS_E_TPM_SRK_PASSWORD_ERROR", true, "TPM srk password error."},
    {-332, "GNUTLS_E_TPM_SESSION_ERROR", true, "TPM session error."},
    {-333, "GNUTLS_E_TPM_KEY_NOT_FOUND", true, "TPM key not found."},
    {-334, "GNUTLS_E_TPM_UNINITIALIZED", true, "TPM uninitialized."},
    {-335, "GNUTLS_E_TPM_NO_LIB", true, "TPM no lib."},
    {-340, "GNUTLS_E_NO_CERTIFICATE_STATUS", true, "No certificate status."},
    {-341, "GNUTLS_E_OCSP_RESPONSE_ERROR", true, "OCSP response error."},
    {-342, "GNUTLS_E_RANDOM_DEVICE_ERROR", true, "Random device error."},
    {-343, "GNUTLS_E_AUTH_ERROR", true, "Auth error."},
    {-344, "GNUTLS_E_NO_APPLICATION_PROTOCOL", true,
     "No application protocol (ALPN) is acceptable to both peers."},
    {-345, "GNUTLS_E_SOCKETS_INIT_ERROR", true, "Sockets init error."},
    {-346, "GNUTLS_E_KEY_IMPORT_FAILED", true, "Key import failed."},
    {-347, "GNUTLS_E_INAPPROPRIATE_FALLBACK", true, "A protocol downgrade was detected."},
    {-348, "GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR", true,
     "The peer's certificate could not be verified."},
    {-349, "GNUTLS_E_PRIVKEY_VERIFICATION_ERROR", true, "Privkey verification error."},
    {-350, "GNUTLS_E_UNEXPECTED_EXTENSIONS_LENGTH", true, "Unexpected extensions length."},
    {-351, "GNUTLS_E_ASN1_EMBEDDED_NULL_IN_STRING", true, "ASN.1 embedded null in string."},
    {-400, "GNUTLS_E_SELF_TEST_ERROR", true, "Self test error."},
    {-401, "GNUTLS_E_NO_SELF_TEST", true, "No self test."},
    {-402, "GNUTLS_E_LIB_IN_ERROR_STATE", true, "The library is in an error state."},
    {-403, "GNUTLS_E_PK_GENERATION_ERROR", true, "Public key generation error."},
    {-404, "GNUTLS_E_IDNA_ERROR", true, "IDNA error."},
    {-406, "GNUTLS_E_SESSION_USER_ID_CHANGED", true, "Session user ID changed."},
    {-407, "GNUTLS_E_HANDSHAKE_DURING_FALSE_START", true, "Handshake during false start."},
    {-408, "GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE", true, "Unavailable during handshake."},
    {-409, "GNUTLS_E_PK_INVALID_PUBKEY", true, "Public key invalid pubkey."},
    {-410, "GNUTLS_E_PK_INVALID_PRIVKEY", true, "Public key invalid privkey."},
    {-411, "GNUTLS_E_NOT_YET_ACTIVATED", true, "The certificate is not yet valid."},
    {-412, "GNUTLS_E_INVALID_UTF8_STRING", true, "The string is not valid UTF-8."},
    {-413, "GNUTLS_E_NO_EMBEDDED_DATA", true, "No embedded data."},
    {-414, "GNUTLS_E_INVALID_UTF8_EMAIL", true, "Invalid UTF-8 email."},
    {-415, "GNUTLS_E_INVALID_PASSWORD_STRING", true, "Invalid password string."},
    {-416, "GNUTLS_E_CERTIFICATE_TIME_ERROR", true,
     "The certificate is outside its validity period."},
    {-417, "GNUTLS_E_RECORD_OVERFLOW", true, "A record was larger than the negotiated maximum."},
    {-418, "GNUTLS_E_ASN1_TIME_ERROR", true, "ASN.1 time error."},
    {-419, "GNUTLS_E_INCOMPATIBLE_SIG_WITH_KEY", true, "Incompatible signature with key."},
    {-420, "GNUTLS_E_PK_INVALID_PUBKEY_PARAMS", true, "Public key invalid pubkey params."},
    {-421, "GNUTLS_E_PK_NO_VALIDATION_PARAMS", true, "Public key no validation params."},
    {-422, "GNUTLS_E_OCSP_MISMATCH_WITH_CERTS", true, "OCSP mismatch with certs."},
    {-423, "GNUTLS_E_NO_COMMON_KEY_SHARE", true,
     "No key exchange group is acceptable to both peers."},
    {-424, "GNUTLS_E_REAUTH_REQUEST", false, "The peer asked for re-authentication."},
    {-425, "GNUTLS_E_TOO_MANY_MATCHES", true, "Too many matches."},
    {-426, "GNUTLS_E_CRL_VERIFICATION_ERROR", true, "CRL verification error."},
    {-427, "GNUTLS_E_MISSING_EXTENSION", true, "A required TLS extension is missing."},
    {-428, "GNUTLS_E_DB_ENTRY_EXISTS", true, "Db entry exists."},
    {-429, "GNUTLS_E_EARLY_DATA_REJECTED", true, "Early data rejected."},
    {-430, "GNUTLS_E_X509_DUPLICATE_EXTENSION", true, "X.509 duplicate extension."},
    {-1250, "GNUTLS_E_UNIMPLEMENTED_FEATURE", true, "This feature is not implemented."},
};

const ErrorInfo* find(int code) {
  for (const auto& e : kErrors)
    if (e.code == code) return &e;
  return nullptr;
}

}  // namespace

extern "C" {

const char* gnutls_strerror(int error) {
  const ErrorInfo* e = find(error);
  return e ? e->message : "(unknown error code)";
}

const char* gnutls_strerror_name(int error) {
  const ErrorInfo* e = find(error);
  return e ? e->name : nullptr;
}

// As GnuTLS: positive values and success are not fatal; a negative code is
// fatal unless it is one of the few listed as non-fatal; unknown negative
// codes count as fatal.
int gnutls_error_is_fatal(int error) {
  if (error >= 0) return 0;
  const ErrorInfo* e = find(error);
  return e ? (e->fatal ? 1 : 0) : 1;
}

void gnutls_perror(int error) {
  std::fprintf(stderr, "GnuTLS error: %s\n", gnutls_strerror(error));
}

}  // extern "C"

namespace coda::compat {

namespace {

// A locally detected protocol violation, by the alert it sends. Where one
// alert covers several GnuTLS errors, the engine's Error::reason picks the
// one GnuTLS returns in that situation:
//
//   alert                      GnuTLS error                         when
//   bad_record_mac             GNUTLS_E_DECRYPTION_FAILED (-24)
//   record_overflow            GNUTLS_E_RECORD_OVERFLOW (-417)
//   unexpected_message         GNUTLS_E_UNEXPECTED_PACKET (-15)
//                              GNUTLS_E_UNEXPECTED_HANDSHAKE_PACKET  a handshake message out
//                              of order
//                              GNUTLS_E_DECRYPTION_FAILED (-24)     a plaintext record under
//                              keys (GnuTLS tries to decrypt it)
//   decode_error               GNUTLS_E_UNEXPECTED_PACKET_LENGTH (-9)
//                              GNUTLS_E_NO_CERTIFICATE_FOUND (-49)  a TLS 1.2 server required a
//                                                                   client certificate
//   handshake_failure          GNUTLS_E_NO_COMMON_KEY_SHARE (-423)  no shared group
//                              GNUTLS_E_INSUFFICIENT_CREDENTIALS (-32)  no usable certificate
//                              GNUTLS_E_NO_CIPHER_SUITES (-87)      otherwise (GnuTLS has no
//                                                                   generic "handshake failed")
//   illegal_parameter          GNUTLS_E_RECEIVED_ILLEGAL_PARAMETER (-325)
//   protocol_version           GNUTLS_E_UNSUPPORTED_VERSION_PACKET (-8)
//   bad_certificate,
//   unsupported_certificate,
//   certificate_revoked,
//   certificate_expired,
//   certificate_unknown,
//   unknown_ca                 GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR (-348)
//                              GNUTLS_E_CERTIFICATE_ERROR (-43)     a server was to verify a
//                                                                   client that sent none
//   certificate_required       GNUTLS_E_CERTIFICATE_REQUIRED (-112)  (GnuTLS 3.7, TLS 1.3 server)
//   decrypt_error              GNUTLS_E_ERROR_IN_FINISHED_PACKET (-18)  a Finished failed
//                              GNUTLS_E_PK_SIG_VERIFY_FAILED (-89)  a signature failed
//                              GNUTLS_E_DECRYPTION_FAILED (-24)     otherwise
//   insufficient_security      GNUTLS_E_INSUFFICIENT_SECURITY (-420)
//   inappropriate_fallback     GNUTLS_E_INAPPROPRIATE_FALLBACK (-97)
//   missing_extension          GNUTLS_E_MISSING_EXTENSION (-427)
//   unsupported_extension      GNUTLS_E_RECEIVED_ILLEGAL_EXTENSION (-58)
//   unrecognized_name          GNUTLS_E_UNRECOGNIZED_NAME (-294)
//   no_application_protocol    GNUTLS_E_NO_APPLICATION_PROTOCOL (-344)
//   internal_error and others  GNUTLS_E_INTERNAL_ERROR (-59)
int local_alert_code(const Error& error) {
  switch (error.reason) {
    case Reason::no_shared_cipher:
      return GNUTLS_E_NO_CIPHER_SUITES;
    case Reason::no_shared_group:
      return GNUTLS_E_NO_COMMON_KEY_SHARE;
    case Reason::no_usable_certificate:
      return GNUTLS_E_INSUFFICIENT_CREDENTIALS;
    case Reason::finished_mismatch:
      return GNUTLS_E_ERROR_IN_FINISHED_PACKET;
    case Reason::bad_signature:
      return GNUTLS_E_PK_SIG_VERIFY_FAILED;
    case Reason::handshake_out_of_order:
      return GNUTLS_E_UNEXPECTED_HANDSHAKE_PACKET;
    // GnuTLS tries to decrypt such a record and fails.
    case Reason::plaintext_under_keys:
      return GNUTLS_E_DECRYPTION_FAILED;
    case Reason::no_client_certificate:
      return GNUTLS_E_NO_CERTIFICATE_FOUND;
    case Reason::no_certificate_to_verify:
      return GNUTLS_E_CERTIFICATE_ERROR;
    case Reason::bad_extensions_length:
      return GNUTLS_E_UNEXPECTED_EXTENSIONS_LENGTH;
    // A verify callback's refusal (its own code, if it gave one, comes
    // from the session: compat/gnutls/handshake.cpp).
    case Reason::certificate_rejected:
      return GNUTLS_E_CERTIFICATE_ERROR;
    case Reason::hook_aborted:
    case Reason::none:
      break;
  }
  switch (error.alert) {
    case AlertDescription::bad_record_mac:
      return GNUTLS_E_DECRYPTION_FAILED;
    case AlertDescription::record_overflow:
      return GNUTLS_E_RECORD_OVERFLOW;
    case AlertDescription::unexpected_message:
      return GNUTLS_E_UNEXPECTED_PACKET;
    case AlertDescription::decode_error:
      return GNUTLS_E_UNEXPECTED_PACKET_LENGTH;
    case AlertDescription::handshake_failure:
      return GNUTLS_E_NO_CIPHER_SUITES;
    case AlertDescription::illegal_parameter:
      return GNUTLS_E_RECEIVED_ILLEGAL_PARAMETER;
    case AlertDescription::protocol_version:
      return GNUTLS_E_UNSUPPORTED_VERSION_PACKET;
    case AlertDescription::bad_certificate:
    case AlertDescription::unsupported_certificate:
    case AlertDescription::certificate_revoked:
    case AlertDescription::certificate_expired:
    case AlertDescription::certificate_unknown:
    case AlertDescription::unknown_ca:
    case AlertDescription::access_denied:
      return GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR;
    case AlertDescription::certificate_required:
      return GNUTLS_E_CERTIFICATE_REQUIRED;
    case AlertDescription::decrypt_error:
      return GNUTLS_E_DECRYPTION_FAILED;
    case AlertDescription::insufficient_security:
      return GNUTLS_E_INSUFFICIENT_SECURITY;
    case AlertDescription::inappropriate_fallback:
      return GNUTLS_E_INAPPROPRIATE_FALLBACK;
    case AlertDescription::missing_extension:
      return GNUTLS_E_MISSING_EXTENSION;
    case AlertDescription::unsupported_extension:
      return GNUTLS_E_RECEIVED_ILLEGAL_EXTENSION;
    case AlertDescription::unrecognized_name:
      return GNUTLS_E_UNRECOGNIZED_NAME;
    case AlertDescription::no_application_protocol:
      return GNUTLS_E_NO_APPLICATION_PROTOCOL;
    default:
      return GNUTLS_E_INTERNAL_ERROR;
  }
}

}  // namespace

int error_code(const Error& error) {
  switch (error.kind) {
    case ErrorKind::local_alert:
      return local_alert_code(error);
    case ErrorKind::peer_alert:
      return GNUTLS_E_FATAL_ALERT_RECEIVED;
    case ErrorKind::premature_eof:
      return GNUTLS_E_PREMATURE_TERMINATION;
    case ErrorKind::invalid_request:
    case ErrorKind::invalid_argument:
      return GNUTLS_E_INVALID_REQUEST;
    case ErrorKind::not_supported:
      return GNUTLS_E_UNIMPLEMENTED_FEATURE;
    case ErrorKind::internal:
      return GNUTLS_E_INTERNAL_ERROR;
  }
  return GNUTLS_E_INTERNAL_ERROR;
}

}  // namespace coda::compat
