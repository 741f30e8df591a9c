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
// real gnutls_error_is_fatal), and the same message: programs print
// gnutls_strerror to users and some match on it. The rows were printed once
// from GnuTLS 3.7.9's gnutls_strerror_name, gnutls_error_is_fatal and
// gnutls_strerror (observed output); api.edges_differential compares every
// code with the real library.
constexpr ErrorInfo kErrors[] = {
    {0, "GNUTLS_E_SUCCESS", false, "Success."},
    {-3, "GNUTLS_E_UNKNOWN_COMPRESSION_ALGORITHM", true,
     "Could not negotiate a supported compression method."},
    {-6, "GNUTLS_E_UNKNOWN_CIPHER_TYPE", true, "The cipher type is unsupported."},
    {-7, "GNUTLS_E_LARGE_PACKET", false, "The transmitted packet is too large (EMSGSIZE)."},
    {-8, "GNUTLS_E_UNSUPPORTED_VERSION_PACKET", true,
     "A packet with illegal or unsupported version was received."},
    {-9, "GNUTLS_E_UNEXPECTED_PACKET_LENGTH", true, "Error decoding the received TLS packet."},
    {-10, "GNUTLS_E_INVALID_SESSION", true,
     "The specified session has been invalidated for some reason."},
    {-12, "GNUTLS_E_FATAL_ALERT_RECEIVED", true, "A TLS fatal alert has been received."},
    {-15, "GNUTLS_E_UNEXPECTED_PACKET", true, "An unexpected TLS packet was received."},
    {-16, "GNUTLS_E_WARNING_ALERT_RECEIVED", false, "A TLS warning alert has been received."},
    {-18, "GNUTLS_E_ERROR_IN_FINISHED_PACKET", true,
     "An error was encountered at the TLS Finished packet calculation."},
    {-19, "GNUTLS_E_UNEXPECTED_HANDSHAKE_PACKET", true,
     "An unexpected TLS handshake packet was received."},
    {-21, "GNUTLS_E_UNKNOWN_CIPHER_SUITE", true, "Could not negotiate a supported cipher suite."},
    {-22, "GNUTLS_E_UNWANTED_ALGORITHM", true, "An algorithm that is not enabled was negotiated."},
    {-23, "GNUTLS_E_MPI_SCAN_FAILED", true, "The scanning of a large integer has failed."},
    {-24, "GNUTLS_E_DECRYPTION_FAILED", true, "Decryption has failed."},
    {-25, "GNUTLS_E_MEMORY_ERROR", true, "Internal error in memory allocation."},
    {-26, "GNUTLS_E_DECOMPRESSION_FAILED", true,
     "Decompression of the TLS record packet has failed."},
    {-27, "GNUTLS_E_COMPRESSION_FAILED", true, "Compression of the TLS record packet has failed."},
    {-28, "GNUTLS_E_AGAIN", false, "Resource temporarily unavailable, try again."},
    {-29, "GNUTLS_E_EXPIRED", true, "The session or certificate has expired."},
    {-30, "GNUTLS_E_DB_ERROR", true, "Error in Database backend."},
    {-31, "GNUTLS_E_SRP_PWD_ERROR", true, "Error in password/key file."},
    {-32, "GNUTLS_E_INSUFFICIENT_CREDENTIALS", true, "Insufficient credentials for that request."},
    {-33, "GNUTLS_E_HASH_FAILED", true, "Hashing has failed."},
    {-34, "GNUTLS_E_BASE64_DECODING_ERROR", true, "Base64 decoding error."},
    {-35, "GNUTLS_E_MPI_PRINT_FAILED", true, "Could not export a large integer."},
    {-37, "GNUTLS_E_REHANDSHAKE", false, "Rehandshake was requested by the peer."},
    {-38, "GNUTLS_E_GOT_APPLICATION_DATA", true,
     "TLS Application data were received, while expecting handshake data."},
    {-39, "GNUTLS_E_RECORD_LIMIT_REACHED", true,
     "The upper limit of record packet sequence numbers has been reached. Wow!"},
    {-40, "GNUTLS_E_ENCRYPTION_FAILED", true, "Encryption has failed."},
    {-43, "GNUTLS_E_CERTIFICATE_ERROR", true, "Error in the certificate."},
    {-44, "GNUTLS_E_PK_ENCRYPTION_FAILED", true, "Public key encryption has failed."},
    {-45, "GNUTLS_E_PK_DECRYPTION_FAILED", true, "Public key decryption has failed."},
    {-46, "GNUTLS_E_PK_SIGN_FAILED", true, "Public key signing has failed."},
    {-47, "GNUTLS_E_X509_UNSUPPORTED_CRITICAL_EXTENSION", true,
     "Unsupported critical extension in X.509 certificate."},
    {-48, "GNUTLS_E_KEY_USAGE_VIOLATION", true,
     "Key usage violation in certificate has been detected."},
    {-49, "GNUTLS_E_NO_CERTIFICATE_FOUND", true, "No certificate was found."},
    {-50, "GNUTLS_E_INVALID_REQUEST", true, "The request is invalid."},
    {-51, "GNUTLS_E_SHORT_MEMORY_BUFFER", true,
     "The given memory buffer is too short to hold parameters."},
    {-52, "GNUTLS_E_INTERRUPTED", false, "Function was interrupted."},
    {-53, "GNUTLS_E_PUSH_ERROR", true, "Error in the push function."},
    {-54, "GNUTLS_E_PULL_ERROR", true, "Error in the pull function."},
    {-55, "GNUTLS_E_RECEIVED_ILLEGAL_PARAMETER", true, "An illegal parameter has been received."},
    {-56, "GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE", true, "The requested data were not available."},
    {-57, "GNUTLS_E_PKCS1_WRONG_PAD", true, "Wrong padding in PKCS1 packet."},
    {-58, "GNUTLS_E_RECEIVED_ILLEGAL_EXTENSION", true, "An illegal TLS extension was received."},
    {-59, "GNUTLS_E_INTERNAL_ERROR", true, "GnuTLS internal error."},
    {-60, "GNUTLS_E_CERTIFICATE_KEY_MISMATCH", true,
     "The certificate and the given key do not match."},
    {-61, "GNUTLS_E_UNSUPPORTED_CERTIFICATE_TYPE", true, "The certificate type is not supported."},
    {-62, "GNUTLS_E_X509_UNKNOWN_SAN", true,
     "Unknown Subject Alternative name in X.509 certificate."},
    {-63, "GNUTLS_E_DH_PRIME_UNACCEPTABLE", true,
     "The Diffie-Hellman prime sent by the server is not acceptable (not long enough)."},
    {-64, "GNUTLS_E_FILE_ERROR", true, "Error while reading file."},
    {-67, "GNUTLS_E_ASN1_ELEMENT_NOT_FOUND", true, "ASN1 parser: Element was not found."},
    {-68, "GNUTLS_E_ASN1_IDENTIFIER_NOT_FOUND", true, "ASN1 parser: Identifier was not found"},
    {-69, "GNUTLS_E_ASN1_DER_ERROR", true, "ASN1 parser: Error in DER parsing."},
    {-70, "GNUTLS_E_ASN1_VALUE_NOT_FOUND", true, "ASN1 parser: Value was not found."},
    {-71, "GNUTLS_E_ASN1_GENERIC_ERROR", true, "ASN1 parser: Generic parsing error."},
    {-72, "GNUTLS_E_ASN1_VALUE_NOT_VALID", true, "ASN1 parser: Value is not valid."},
    {-73, "GNUTLS_E_ASN1_TAG_ERROR", true, "ASN1 parser: Error in TAG."},
    {-74, "GNUTLS_E_ASN1_TAG_IMPLICIT", true, "ASN1 parser: error in implicit tag"},
    {-75, "GNUTLS_E_ASN1_TYPE_ANY_ERROR", true, "ASN1 parser: Error in type 'ANY'."},
    {-76, "GNUTLS_E_ASN1_SYNTAX_ERROR", true, "ASN1 parser: Syntax error."},
    {-77, "GNUTLS_E_ASN1_DER_OVERFLOW", true, "ASN1 parser: Overflow in DER parsing."},
    {-78, "GNUTLS_E_TOO_MANY_EMPTY_PACKETS", true,
     "Too many empty record packets have been received."},
    {-79, "GNUTLS_E_OPENPGP_UID_REVOKED", true, "The OpenPGP User ID is revoked."},
    {-80, "GNUTLS_E_UNKNOWN_PK_ALGORITHM", true,
     "An unknown public key algorithm was encountered."},
    {-81, "GNUTLS_E_TOO_MANY_HANDSHAKE_PACKETS", true,
     "Too many handshake packets have been received."},
    {-82, "GNUTLS_E_RECEIVED_DISALLOWED_NAME", true,
     "A disallowed SNI server name has been received."},
    {-84, "GNUTLS_E_NO_TEMPORARY_RSA_PARAMS", true, "No temporary RSA parameters were found."},
    {-86, "GNUTLS_E_NO_COMPRESSION_ALGORITHMS", true,
     "No supported compression algorithms have been found."},
    {-87, "GNUTLS_E_NO_CIPHER_SUITES", true, "No supported cipher suites have been found."},
    {-88, "GNUTLS_E_OPENPGP_GETKEY_FAILED", true, "Could not get OpenPGP key."},
    {-89, "GNUTLS_E_PK_SIG_VERIFY_FAILED", true, "Public key signature verification has failed."},
    {-90, "GNUTLS_E_ILLEGAL_SRP_USERNAME", true, "The SRP username supplied is illegal."},
    {-91, "GNUTLS_E_SRP_PWD_PARSING_ERROR", true, "Parsing error in password/key file."},
    {-93, "GNUTLS_E_NO_TEMPORARY_DH_PARAMS", true, "No temporary DH parameters were found."},
    {-94, "GNUTLS_E_OPENPGP_FINGERPRINT_UNSUPPORTED", true,
     "The OpenPGP fingerprint is not supported."},
    {-95, "GNUTLS_E_X509_UNSUPPORTED_ATTRIBUTE", true,
     "The certificate has unsupported attributes."},
    {-96, "GNUTLS_E_UNKNOWN_HASH_ALGORITHM", true, "The hash algorithm is unknown."},
    {-97, "GNUTLS_E_UNKNOWN_PKCS_CONTENT_TYPE", true,
     "The PKCS structure's content type is unknown."},
    {-98, "GNUTLS_E_UNKNOWN_PKCS_BAG_TYPE", true, "The PKCS structure's bag type is unknown."},
    {-99, "GNUTLS_E_INVALID_PASSWORD", true, "The given password contains invalid characters."},
    {-100, "GNUTLS_E_MAC_VERIFY_FAILED", true,
     "The Message Authentication Code verification failed."},
    {-101, "GNUTLS_E_CONSTRAINT_ERROR", true, "Some constraint limits were reached."},
    {-104, "GNUTLS_E_IA_VERIFY_FAILED", true, "Verifying TLS/IA phase checksum failed"},
    {-105, "GNUTLS_E_UNKNOWN_ALGORITHM", true, "The specified algorithm or protocol is unknown."},
    {-106, "GNUTLS_E_UNSUPPORTED_SIGNATURE_ALGORITHM", true,
     "The signature algorithm is not supported."},
    {-107, "GNUTLS_E_SAFE_RENEGOTIATION_FAILED", true, "Safe renegotiation failed."},
    {-108, "GNUTLS_E_UNSAFE_RENEGOTIATION_DENIED", true, "Unsafe renegotiation denied."},
    {-109, "GNUTLS_E_UNKNOWN_SRP_USERNAME", true, "The username supplied is unknown."},
    {-110, "GNUTLS_E_PREMATURE_TERMINATION", true,
     "The TLS connection was non-properly terminated."},
    {-111, "GNUTLS_E_MALFORMED_CIDR", true,
     "CIDR name constraint is malformed in size or structure."},
    {-112, "GNUTLS_E_CERTIFICATE_REQUIRED", true, "Certificate is required."},
    {-201, "GNUTLS_E_BASE64_ENCODING_ERROR", true, "Base64 encoding error."},
    {-202, "GNUTLS_E_INCOMPATIBLE_GCRYPT_LIBRARY", true, "The crypto library version is too old."},
    {-203, "GNUTLS_E_INCOMPATIBLE_LIBTASN1_LIBRARY", true, "The tasn1 library version is too old."},
    {-204, "GNUTLS_E_OPENPGP_KEYRING_ERROR", true, "Error loading the keyring."},
    {-205, "GNUTLS_E_X509_UNSUPPORTED_OID", true, "The OID is not supported."},
    {-206, "GNUTLS_E_RANDOM_FAILED", true, "Failed to acquire random data."},
    {-207, "GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR", true, "Base64 unexpected header error."},
    {-208, "GNUTLS_E_OPENPGP_SUBKEY_ERROR", true, "Could not find OpenPGP subkey."},
    {-209, "GNUTLS_E_CRYPTO_ALREADY_REGISTERED", true,
     "There is already a crypto algorithm with lower priority."},
    {-210, "GNUTLS_E_HANDSHAKE_TOO_LARGE", true, "The handshake data size is too large."},
    {-211, "GNUTLS_E_CRYPTODEV_IOCTL_ERROR", true, "Error interfacing with /dev/crypto"},
    {-212, "GNUTLS_E_CRYPTODEV_DEVICE_ERROR", true, "Error opening /dev/crypto"},
    {-213, "GNUTLS_E_CHANNEL_BINDING_NOT_AVAILABLE", true, "Channel binding data not available"},
    {-214, "GNUTLS_E_BAD_COOKIE", true, "The cookie was bad."},
    {-215, "GNUTLS_E_OPENPGP_PREFERRED_KEY_ERROR", true,
     "The OpenPGP key has not a preferred key set."},
    {-216, "GNUTLS_E_INCOMPAT_DSA_KEY_WITH_TLS_PROTOCOL", true,
     "The given DSA key is incompatible with the selected TLS protocol."},
    {-217, "GNUTLS_E_INSUFFICIENT_SECURITY", true,
     "One of the involved algorithms has insufficient security level."},
    {-292, "GNUTLS_E_HEARTBEAT_PONG_RECEIVED", false, "A heartbeat pong message was received."},
    {-293, "GNUTLS_E_HEARTBEAT_PING_RECEIVED", false, "A heartbeat ping message was received."},
    {-294, "GNUTLS_E_UNRECOGNIZED_NAME", true, "The SNI host name not recognised."},
    {-300, "GNUTLS_E_PKCS11_ERROR", true, "PKCS #11 error."},
    {-301, "GNUTLS_E_PKCS11_LOAD_ERROR", true, "PKCS #11 initialization error."},
    {-302, "GNUTLS_E_PARSING_ERROR", true, "Error in parsing."},
    {-303, "GNUTLS_E_PKCS11_PIN_ERROR", true, "Error in provided PIN."},
    {-305, "GNUTLS_E_PKCS11_SLOT_ERROR", true, "PKCS #11 error in slot"},
    {-306, "GNUTLS_E_LOCKING_ERROR", true, "Thread locking error"},
    {-307, "GNUTLS_E_PKCS11_ATTRIBUTE_ERROR", true, "PKCS #11 error in attribute"},
    {-308, "GNUTLS_E_PKCS11_DEVICE_ERROR", true, "PKCS #11 error in device"},
    {-309, "GNUTLS_E_PKCS11_DATA_ERROR", true, "PKCS #11 error in data"},
    {-310, "GNUTLS_E_PKCS11_UNSUPPORTED_FEATURE_ERROR", true, "PKCS #11 unsupported feature"},
    {-311, "GNUTLS_E_PKCS11_KEY_ERROR", true, "PKCS #11 error in key"},
    {-312, "GNUTLS_E_PKCS11_PIN_EXPIRED", true, "PKCS #11 PIN expired"},
    {-313, "GNUTLS_E_PKCS11_PIN_LOCKED", true, "PKCS #11 PIN locked"},
    {-314, "GNUTLS_E_PKCS11_SESSION_ERROR", true, "PKCS #11 error in session"},
    {-315, "GNUTLS_E_PKCS11_SIGNATURE_ERROR", true, "PKCS #11 error in signature"},
    {-316, "GNUTLS_E_PKCS11_TOKEN_ERROR", true, "PKCS #11 error in token"},
    {-317, "GNUTLS_E_PKCS11_USER_ERROR", true, "PKCS #11 user error"},
    {-318, "GNUTLS_E_CRYPTO_INIT_FAILED", true, "The initialization of crypto backend has failed."},
    {-319, "GNUTLS_E_TIMEDOUT", true, "The operation timed out"},
    {-320, "GNUTLS_E_USER_ERROR", true, "The operation was cancelled due to user error"},
    {-321, "GNUTLS_E_ECC_NO_SUPPORTED_CURVES", true, "No supported ECC curves were found"},
    {-322, "GNUTLS_E_ECC_UNSUPPORTED_CURVE", true, "The curve is unsupported"},
    {-323, "GNUTLS_E_PKCS11_REQUESTED_OBJECT_NOT_AVAILBLE", true,
     "The requested PKCS #11 object is not available"},
    {-324, "GNUTLS_E_CERTIFICATE_LIST_UNSORTED", true,
     "The provided X.509 certificate list is not sorted (in subject to issuer order)"},
    {-325, "GNUTLS_E_ILLEGAL_PARAMETER", true, "An illegal parameter was found."},
    {-326, "GNUTLS_E_NO_PRIORITIES_WERE_SET", true, "No or insufficient priorities were set."},
    {-327, "GNUTLS_E_X509_UNSUPPORTED_EXTENSION", true,
     "Unsupported extension in X.509 certificate."},
    {-328, "GNUTLS_E_SESSION_EOF", true, "Peer has terminated the connection"},
    {-329, "GNUTLS_E_TPM_ERROR", true, "TPM error."},
    {-330, "GNUTLS_E_TPM_KEY_PASSWORD_ERROR", true,
     "Error in provided password for key to be loaded in TPM."},
    {-331, "GNUTLS_E_TPM_SRK_PASSWORD_ERROR", true, "Error in provided SRK password for TPM."},
    {-332, "GNUTLS_E_TPM_SESSION_ERROR", true, "Cannot initialize a session with the TPM."},
    {-333, "GNUTLS_E_TPM_KEY_NOT_FOUND", true, "TPM key was not found in persistent storage."},
    {-334, "GNUTLS_E_TPM_UNINITIALIZED", true, "TPM is not initialized."},
    {-335, "GNUTLS_E_TPM_NO_LIB", true, "The TPM library (trousers) cannot be found."},
    {-340, "GNUTLS_E_NO_CERTIFICATE_STATUS", true, "There is no certificate status (OCSP)."},
    {-341, "GNUTLS_E_OCSP_RESPONSE_ERROR", true, "The OCSP response is invalid"},
    {-342, "GNUTLS_E_RANDOM_DEVICE_ERROR", true, "Error in the system's randomness device."},
    {-343, "GNUTLS_E_AUTH_ERROR", true, "Could not authenticate peer."},
    {-344, "GNUTLS_E_NO_APPLICATION_PROTOCOL", true,
     "No common application protocol could be negotiated."},
    {-345, "GNUTLS_E_SOCKETS_INIT_ERROR", true, "Error in sockets initialization."},
    {-346, "GNUTLS_E_KEY_IMPORT_FAILED", true, "Failed to import the key into store."},
    {-347, "GNUTLS_E_INAPPROPRIATE_FALLBACK", true,
     "A connection with inappropriate fallback was attempted."},
    {-348, "GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR", true,
     "Error in the certificate verification."},
    {-349, "GNUTLS_E_PRIVKEY_VERIFICATION_ERROR", true,
     "Error in the private key verification; seed doesn't match."},
    {-350, "GNUTLS_E_UNEXPECTED_EXTENSIONS_LENGTH", true, "Invalid TLS extensions length field."},
    {-351, "GNUTLS_E_ASN1_EMBEDDED_NULL_IN_STRING", true,
     "The provided string has an embedded null."},
    {-400, "GNUTLS_E_SELF_TEST_ERROR", true, "Error while performing self checks."},
    {-401, "GNUTLS_E_NO_SELF_TEST", true, "There is no self test for this algorithm."},
    {-402, "GNUTLS_E_LIB_IN_ERROR_STATE", true,
     "An error has been detected in the library and cannot continue operations."},
    {-403, "GNUTLS_E_PK_GENERATION_ERROR", true, "Error in public key generation."},
    {-404, "GNUTLS_E_IDNA_ERROR", true, "There was an issue converting to or from UTF8."},
    {-406, "GNUTLS_E_SESSION_USER_ID_CHANGED", true,
     "Peer's certificate or username has changed during a rehandshake."},
    {-407, "GNUTLS_E_HANDSHAKE_DURING_FALSE_START", true,
     "Attempted handshake during false start."},
    {-408, "GNUTLS_E_UNAVAILABLE_DURING_HANDSHAKE", true,
     "Cannot perform this action while handshake is in progress."},
    {-409, "GNUTLS_E_PK_INVALID_PUBKEY", true, "The public key is invalid."},
    {-410, "GNUTLS_E_PK_INVALID_PRIVKEY", true, "The private key is invalid."},
    {-411, "GNUTLS_E_NOT_YET_ACTIVATED", true, "The certificate is not yet activated."},
    {-412, "GNUTLS_E_INVALID_UTF8_STRING", true,
     "The given string contains invalid UTF-8 characters."},
    {-413, "GNUTLS_E_NO_EMBEDDED_DATA", true, "There are no embedded data in the structure."},
    {-414, "GNUTLS_E_INVALID_UTF8_EMAIL", true,
     "The given email string contains non-ASCII characters before '@'."},
    {-415, "GNUTLS_E_INVALID_PASSWORD_STRING", true,
     "The given password contains invalid characters."},
    {-416, "GNUTLS_E_CERTIFICATE_TIME_ERROR", true, "Error in the time fields of certificate."},
    {-417, "GNUTLS_E_RECORD_OVERFLOW", true,
     "A TLS record packet with invalid length was received."},
    {-418, "GNUTLS_E_ASN1_TIME_ERROR", true, "The DER time encoding is invalid."},
    {-419, "GNUTLS_E_INCOMPATIBLE_SIG_WITH_KEY", true,
     "The signature is incompatible with the public key."},
    {-420, "GNUTLS_E_PK_INVALID_PUBKEY_PARAMS", true, "The public key parameters are invalid."},
    {-421, "GNUTLS_E_PK_NO_VALIDATION_PARAMS", true, "There are no validation parameters present."},
    {-422, "GNUTLS_E_OCSP_MISMATCH_WITH_CERTS", true,
     "The OCSP response provided doesn't match the available certificates"},
    {-423, "GNUTLS_E_NO_COMMON_KEY_SHARE", true, "No common key share with peer."},
    {-424, "GNUTLS_E_REAUTH_REQUEST", false, "Re-authentication was requested by the peer."},
    {-425, "GNUTLS_E_TOO_MANY_MATCHES", true, "More than a single object matches the criteria."},
    {-426, "GNUTLS_E_CRL_VERIFICATION_ERROR", true, "Error in the CRL verification."},
    {-427, "GNUTLS_E_MISSING_EXTENSION", true, "An required TLS extension was received."},
    {-428, "GNUTLS_E_DB_ENTRY_EXISTS", true, "The Database entry already exists."},
    {-429, "GNUTLS_E_EARLY_DATA_REJECTED", true, "The early data were rejected."},
    {-430, "GNUTLS_E_X509_DUPLICATE_EXTENSION", true, "Duplicate extension in X.509 certificate."},
    {-1250, "GNUTLS_E_UNIMPLEMENTED_FEATURE", true,
     "An unimplemented or disabled feature has been requested."},
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
