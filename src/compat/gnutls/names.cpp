// Names of algorithms, versions, alerts and handshake messages, spelled as
// GnuTLS 3.7 spells them (each table was checked value by value against the
// real library), and the reverse look-ups by name.
#include <strings.h>

#include "compat/gnutls/internal.hpp"

namespace {

struct Name {
  int value;
  const char* name;
};

constexpr Name kAlerts[] = {
    {GNUTLS_A_CLOSE_NOTIFY, "Close notify"},
    {GNUTLS_A_UNEXPECTED_MESSAGE, "Unexpected message"},
    {GNUTLS_A_BAD_RECORD_MAC, "Bad record MAC"},
    {GNUTLS_A_DECRYPTION_FAILED, "Decryption failed"},
    {GNUTLS_A_RECORD_OVERFLOW, "Record overflow"},
    {GNUTLS_A_DECOMPRESSION_FAILURE, "Decompression failed"},
    {GNUTLS_A_HANDSHAKE_FAILURE, "Handshake failed"},
    {GNUTLS_A_SSL3_NO_CERTIFICATE, "No certificate (SSL 3.0)"},
    {GNUTLS_A_BAD_CERTIFICATE, "Certificate is bad"},
    {GNUTLS_A_UNSUPPORTED_CERTIFICATE, "Certificate is not supported"},
    {GNUTLS_A_CERTIFICATE_REVOKED, "Certificate was revoked"},
    {GNUTLS_A_CERTIFICATE_EXPIRED, "Certificate is expired"},
    {GNUTLS_A_CERTIFICATE_UNKNOWN, "Unknown certificate"},
    {GNUTLS_A_ILLEGAL_PARAMETER, "Illegal parameter"},
    {GNUTLS_A_UNKNOWN_CA, "CA is unknown"},
    {GNUTLS_A_ACCESS_DENIED, "Access was denied"},
    {GNUTLS_A_DECODE_ERROR, "Decode error"},
    {GNUTLS_A_DECRYPT_ERROR, "Decrypt error"},
    {GNUTLS_A_EXPORT_RESTRICTION, "Export restriction"},
    {GNUTLS_A_PROTOCOL_VERSION, "Error in protocol version"},
    {GNUTLS_A_INSUFFICIENT_SECURITY, "Insufficient security"},
    {GNUTLS_A_INTERNAL_ERROR, "Internal error"},
    {GNUTLS_A_INAPPROPRIATE_FALLBACK, "Inappropriate fallback"},
    {GNUTLS_A_USER_CANCELED, "User canceled"},
    {GNUTLS_A_NO_RENEGOTIATION, "No renegotiation is allowed"},
    {GNUTLS_A_MISSING_EXTENSION, "An extension was expected but was not seen"},
    {GNUTLS_A_UNSUPPORTED_EXTENSION, "An unsupported extension was sent"},
    {GNUTLS_A_CERTIFICATE_UNOBTAINABLE, "Could not retrieve the specified certificate"},
    {GNUTLS_A_UNRECOGNIZED_NAME, "The server name sent was not recognized"},
    {GNUTLS_A_UNKNOWN_PSK_IDENTITY, "The SRP/PSK username is missing or not known"},
    {GNUTLS_A_CERTIFICATE_REQUIRED, "Certificate is required"},
    {GNUTLS_A_NO_APPLICATION_PROTOCOL, "No supported application protocol could be negotiated"},
};
constexpr Name kProtocols[] = {
    {GNUTLS_SSL3, "SSL3.0"},     {GNUTLS_TLS1_0, "TLS1.0"},   {GNUTLS_TLS1_1, "TLS1.1"},
    {GNUTLS_TLS1_2, "TLS1.2"},   {GNUTLS_TLS1_3, "TLS1.3"},   {GNUTLS_DTLS0_9, "DTLS0.9"},
    {GNUTLS_DTLS1_0, "DTLS1.0"}, {GNUTLS_DTLS1_2, "DTLS1.2"},
};
constexpr Name kCiphers[] = {
    {GNUTLS_CIPHER_NULL, "NULL"},
    {GNUTLS_CIPHER_ARCFOUR_128, "ARCFOUR-128"},
    {GNUTLS_CIPHER_3DES_CBC, "3DES-CBC"},
    {GNUTLS_CIPHER_AES_128_CBC, "AES-128-CBC"},
    {GNUTLS_CIPHER_AES_256_CBC, "AES-256-CBC"},
    {GNUTLS_CIPHER_ARCFOUR_40, "ARCFOUR-40"},
    {GNUTLS_CIPHER_CAMELLIA_128_CBC, "CAMELLIA-128-CBC"},
    {GNUTLS_CIPHER_CAMELLIA_256_CBC, "CAMELLIA-256-CBC"},
    {GNUTLS_CIPHER_AES_192_CBC, "AES-192-CBC"},
    {GNUTLS_CIPHER_AES_128_GCM, "AES-128-GCM"},
    {GNUTLS_CIPHER_AES_256_GCM, "AES-256-GCM"},
    {GNUTLS_CIPHER_CAMELLIA_192_CBC, "CAMELLIA-192-CBC"},
    {GNUTLS_CIPHER_SALSA20_256, "SALSA20-256"},
    {GNUTLS_CIPHER_ESTREAM_SALSA20_256, "ESTREAM-SALSA20-256"},
    {GNUTLS_CIPHER_CAMELLIA_128_GCM, "CAMELLIA-128-GCM"},
    {GNUTLS_CIPHER_CAMELLIA_256_GCM, "CAMELLIA-256-GCM"},
    {GNUTLS_CIPHER_RC2_40_CBC, "RC2-40"},
    {GNUTLS_CIPHER_DES_CBC, "DES-CBC"},
    {GNUTLS_CIPHER_AES_128_CCM, "AES-128-CCM"},
    {GNUTLS_CIPHER_AES_256_CCM, "AES-256-CCM"},
    {GNUTLS_CIPHER_AES_128_CCM_8, "AES-128-CCM-8"},
    {GNUTLS_CIPHER_AES_256_CCM_8, "AES-256-CCM-8"},
    {GNUTLS_CIPHER_CHACHA20_POLY1305, "CHACHA20-POLY1305"},
    {GNUTLS_CIPHER_GOST28147_TC26Z_CFB, "GOST28147-TC26Z-CFB"},
    {GNUTLS_CIPHER_GOST28147_CPA_CFB, "GOST28147-CPA-CFB"},
    {GNUTLS_CIPHER_GOST28147_CPB_CFB, "GOST28147-CPB-CFB"},
    {GNUTLS_CIPHER_GOST28147_CPC_CFB, "GOST28147-CPC-CFB"},
    {GNUTLS_CIPHER_GOST28147_CPD_CFB, "GOST28147-CPD-CFB"},
    {GNUTLS_CIPHER_AES_128_CFB8, "AES-128-CFB8"},
    {GNUTLS_CIPHER_AES_192_CFB8, "AES-192-CFB8"},
    {GNUTLS_CIPHER_AES_256_CFB8, "AES-256-CFB8"},
    {GNUTLS_CIPHER_AES_128_XTS, "AES-128-XTS"},
    {GNUTLS_CIPHER_AES_256_XTS, "AES-256-XTS"},
    {GNUTLS_CIPHER_GOST28147_TC26Z_CNT, "GOST28147-TC26Z-CNT"},
    {GNUTLS_CIPHER_CHACHA20_64, "CHACHA20-64"},
    {GNUTLS_CIPHER_CHACHA20_32, "CHACHA20-32"},
    {GNUTLS_CIPHER_AES_128_SIV, "AES-128-SIV"},
    {GNUTLS_CIPHER_AES_256_SIV, "AES-256-SIV"},
    {GNUTLS_CIPHER_AES_192_GCM, "AES-192-GCM"},
    {GNUTLS_CIPHER_MAGMA_CTR_ACPKM, "MAGMA-CTR-ACPKM"},
    {GNUTLS_CIPHER_KUZNYECHIK_CTR_ACPKM, "KUZNYECHIK-CTR-ACPKM"},
};
constexpr Name kMacs[] = {
    {GNUTLS_MAC_NULL, "MAC-NULL"},
    {GNUTLS_MAC_MD5, "MD5"},
    {GNUTLS_MAC_SHA1, "SHA1"},
    {GNUTLS_MAC_RMD160, "RIPEMD160"},
    {GNUTLS_MAC_MD2, "MD2"},
    {GNUTLS_MAC_SHA256, "SHA256"},
    {GNUTLS_MAC_SHA384, "SHA384"},
    {GNUTLS_MAC_SHA512, "SHA512"},
    {GNUTLS_MAC_SHA224, "SHA224"},
    {GNUTLS_MAC_SHA3_224, "SHA3-224"},
    {GNUTLS_MAC_SHA3_256, "SHA3-256"},
    {GNUTLS_MAC_SHA3_384, "SHA3-384"},
    {GNUTLS_MAC_SHA3_512, "SHA3-512"},
    {GNUTLS_MAC_MD5_SHA1, "MD5+SHA1"},
    {GNUTLS_MAC_GOSTR_94, "GOSTR341194"},
    {GNUTLS_MAC_STREEBOG_256, "STREEBOG-256"},
    {GNUTLS_MAC_STREEBOG_512, "STREEBOG-512"},
    {GNUTLS_MAC_AEAD, "AEAD"},
    {GNUTLS_MAC_UMAC_96, "UMAC-96"},
    {GNUTLS_MAC_UMAC_128, "UMAC-128"},
    {GNUTLS_MAC_AES_CMAC_128, "AES-CMAC-128"},
    {GNUTLS_MAC_AES_CMAC_256, "AES-CMAC-256"},
    {GNUTLS_MAC_AES_GMAC_128, "AES-GMAC-128"},
    {GNUTLS_MAC_AES_GMAC_192, "AES-GMAC-192"},
    {GNUTLS_MAC_AES_GMAC_256, "AES-GMAC-256"},
    {GNUTLS_MAC_GOST28147_TC26Z_IMIT, "GOST28147-TC26Z-IMIT"},
    {GNUTLS_MAC_SHAKE_128, "SHAKE-128"},
    {GNUTLS_MAC_SHAKE_256, "SHAKE-256"},
    {GNUTLS_MAC_MAGMA_OMAC, "OMAC-MAGMA"},
    {GNUTLS_MAC_KUZNYECHIK_OMAC, "OMAC-KUZNYECHIK"},
};
constexpr Name kKx[] = {
    {GNUTLS_KX_RSA, "RSA"},
    {GNUTLS_KX_DHE_DSS, "DHE-DSS"},
    {GNUTLS_KX_DHE_RSA, "DHE-RSA"},
    {GNUTLS_KX_ANON_DH, "ANON-DH"},
    {GNUTLS_KX_SRP, "SRP"},
    {GNUTLS_KX_SRP_RSA, "SRP-RSA"},
    {GNUTLS_KX_SRP_DSS, "SRP-DSS"},
    {GNUTLS_KX_PSK, "PSK"},
    {GNUTLS_KX_DHE_PSK, "DHE-PSK"},
    {GNUTLS_KX_ANON_ECDH, "ANON-ECDH"},
    {GNUTLS_KX_ECDHE_RSA, "ECDHE-RSA"},
    {GNUTLS_KX_ECDHE_ECDSA, "ECDHE-ECDSA"},
    {GNUTLS_KX_ECDHE_PSK, "ECDHE-PSK"},
    {GNUTLS_KX_RSA_PSK, "RSA-PSK"},
    {GNUTLS_KX_VKO_GOST_12, "VKO-GOST-12"},
};
constexpr Name kSigns[] = {
    {GNUTLS_SIGN_RSA_SHA1, "RSA-SHA1"},
    {GNUTLS_SIGN_DSA_SHA1, "DSA-SHA1"},
    {GNUTLS_SIGN_RSA_MD5, "RSA-MD5"},
    {GNUTLS_SIGN_RSA_MD2, "RSA-MD2"},
    {GNUTLS_SIGN_RSA_RMD160, "RSA-RMD160"},
    {GNUTLS_SIGN_RSA_SHA256, "RSA-SHA256"},
    {GNUTLS_SIGN_RSA_SHA384, "RSA-SHA384"},
    {GNUTLS_SIGN_RSA_SHA512, "RSA-SHA512"},
    {GNUTLS_SIGN_RSA_SHA224, "RSA-SHA224"},
    {GNUTLS_SIGN_DSA_SHA224, "DSA-SHA224"},
    {GNUTLS_SIGN_DSA_SHA256, "DSA-SHA256"},
    {GNUTLS_SIGN_ECDSA_SHA1, "ECDSA-SHA1"},
    {GNUTLS_SIGN_ECDSA_SHA224, "ECDSA-SHA224"},
    {GNUTLS_SIGN_ECDSA_SHA256, "ECDSA-SHA256"},
    {GNUTLS_SIGN_ECDSA_SHA384, "ECDSA-SHA384"},
    {GNUTLS_SIGN_ECDSA_SHA512, "ECDSA-SHA512"},
    {GNUTLS_SIGN_DSA_SHA384, "DSA-SHA384"},
    {GNUTLS_SIGN_DSA_SHA512, "DSA-SHA512"},
    {GNUTLS_SIGN_ECDSA_SHA3_224, "ECDSA-SHA3-224"},
    {GNUTLS_SIGN_ECDSA_SHA3_256, "ECDSA-SHA3-256"},
    {GNUTLS_SIGN_ECDSA_SHA3_384, "ECDSA-SHA3-384"},
    {GNUTLS_SIGN_ECDSA_SHA3_512, "ECDSA-SHA3-512"},
    {GNUTLS_SIGN_DSA_SHA3_224, "DSA-SHA3-224"},
    {GNUTLS_SIGN_DSA_SHA3_256, "DSA-SHA3-256"},
    {GNUTLS_SIGN_DSA_SHA3_384, "DSA-SHA3-384"},
    {GNUTLS_SIGN_DSA_SHA3_512, "DSA-SHA3-512"},
    {GNUTLS_SIGN_RSA_SHA3_224, "RSA-SHA3-224"},
    {GNUTLS_SIGN_RSA_SHA3_256, "RSA-SHA3-256"},
    {GNUTLS_SIGN_RSA_SHA3_384, "RSA-SHA3-384"},
    {GNUTLS_SIGN_RSA_SHA3_512, "RSA-SHA3-512"},
    {GNUTLS_SIGN_RSA_PSS_SHA256, "RSA-PSS-SHA256"},
    {GNUTLS_SIGN_RSA_PSS_SHA384, "RSA-PSS-SHA384"},
    {GNUTLS_SIGN_RSA_PSS_SHA512, "RSA-PSS-SHA512"},
    {GNUTLS_SIGN_EDDSA_ED25519, "EdDSA-Ed25519"},
    {GNUTLS_SIGN_RSA_RAW, "RSA-RAW"},
    {GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, "ECDSA-SECP256R1-SHA256"},
    {GNUTLS_SIGN_ECDSA_SECP384R1_SHA384, "ECDSA-SECP384R1-SHA384"},
    {GNUTLS_SIGN_ECDSA_SECP521R1_SHA512, "ECDSA-SECP521R1-SHA512"},
    {GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, "RSA-PSS-RSAE-SHA256"},
    {GNUTLS_SIGN_RSA_PSS_RSAE_SHA384, "RSA-PSS-RSAE-SHA384"},
    {GNUTLS_SIGN_RSA_PSS_RSAE_SHA512, "RSA-PSS-RSAE-SHA512"},
    {GNUTLS_SIGN_GOST_94, "GOSTR341001"},
    {GNUTLS_SIGN_GOST_256, "GOSTR341012-256"},
    {GNUTLS_SIGN_GOST_512, "GOSTR341012-512"},
    {GNUTLS_SIGN_EDDSA_ED448, "EdDSA-Ed448"},
};
constexpr Name kGroups[] = {
    {GNUTLS_GROUP_SECP192R1, "SECP192R1"}, {GNUTLS_GROUP_SECP224R1, "SECP224R1"},
    {GNUTLS_GROUP_SECP256R1, "SECP256R1"}, {GNUTLS_GROUP_SECP384R1, "SECP384R1"},
    {GNUTLS_GROUP_SECP521R1, "SECP521R1"}, {GNUTLS_GROUP_X25519, "X25519"},
    {GNUTLS_GROUP_X448, "X448"},           {GNUTLS_GROUP_GC256A, "GC256A"},
    {GNUTLS_GROUP_GC256B, "GC256B"},       {GNUTLS_GROUP_GC256C, "GC256C"},
    {GNUTLS_GROUP_GC256D, "GC256D"},       {GNUTLS_GROUP_GC512A, "GC512A"},
    {GNUTLS_GROUP_GC512B, "GC512B"},       {GNUTLS_GROUP_GC512C, "GC512C"},
    {GNUTLS_GROUP_FFDHE2048, "FFDHE2048"}, {GNUTLS_GROUP_FFDHE3072, "FFDHE3072"},
    {GNUTLS_GROUP_FFDHE4096, "FFDHE4096"}, {GNUTLS_GROUP_FFDHE8192, "FFDHE8192"},
    {GNUTLS_GROUP_FFDHE6144, "FFDHE6144"},
};
constexpr Name kCertTypes[] = {
    {GNUTLS_CRT_X509, "X.509"},
    {GNUTLS_CRT_RAWPK, "Raw Public Key"},
};
constexpr Name kHandshakes[] = {
    {GNUTLS_HANDSHAKE_HELLO_REQUEST, "HELLO REQUEST"},
    {GNUTLS_HANDSHAKE_CLIENT_HELLO, "CLIENT HELLO"},
    {GNUTLS_HANDSHAKE_SERVER_HELLO, "SERVER HELLO"},
    {GNUTLS_HANDSHAKE_HELLO_VERIFY_REQUEST, "HELLO VERIFY REQUEST"},
    {GNUTLS_HANDSHAKE_NEW_SESSION_TICKET, "NEW SESSION TICKET"},
    {GNUTLS_HANDSHAKE_END_OF_EARLY_DATA, "END OF EARLY DATA"},
    {GNUTLS_HANDSHAKE_ENCRYPTED_EXTENSIONS, "ENCRYPTED EXTENSIONS"},
    {GNUTLS_HANDSHAKE_CERTIFICATE_PKT, "CERTIFICATE"},
    {GNUTLS_HANDSHAKE_SERVER_KEY_EXCHANGE, "SERVER KEY EXCHANGE"},
    {GNUTLS_HANDSHAKE_CERTIFICATE_REQUEST, "CERTIFICATE REQUEST"},
    {GNUTLS_HANDSHAKE_SERVER_HELLO_DONE, "SERVER HELLO DONE"},
    {GNUTLS_HANDSHAKE_CERTIFICATE_VERIFY, "CERTIFICATE VERIFY"},
    {GNUTLS_HANDSHAKE_CLIENT_KEY_EXCHANGE, "CLIENT KEY EXCHANGE"},
    {GNUTLS_HANDSHAKE_FINISHED, "FINISHED"},
    {GNUTLS_HANDSHAKE_CERTIFICATE_STATUS, "CERTIFICATE STATUS"},
    {GNUTLS_HANDSHAKE_SUPPLEMENTAL, "SUPPLEMENTAL"},
    {GNUTLS_HANDSHAKE_KEY_UPDATE, "KEY_UPDATE"},
    {GNUTLS_HANDSHAKE_COMPRESSED_CERTIFICATE_PKT, "COMPRESSED CERTIFICATE"},
    {GNUTLS_HANDSHAKE_CHANGE_CIPHER_SPEC, "CHANGE CIPHER SPEC"},
    {GNUTLS_HANDSHAKE_CLIENT_HELLO_V2, "SSL2 CLIENT HELLO"},
    {GNUTLS_HANDSHAKE_HELLO_RETRY_REQUEST, "HELLO RETRY REQUEST"},
};
constexpr Name kCurves[] = {
    {GNUTLS_ECC_CURVE_SECP224R1, "SECP224R1"},
    {GNUTLS_ECC_CURVE_SECP256R1, "SECP256R1"},
    {GNUTLS_ECC_CURVE_SECP384R1, "SECP384R1"},
    {GNUTLS_ECC_CURVE_SECP521R1, "SECP521R1"},
    {GNUTLS_ECC_CURVE_SECP192R1, "SECP192R1"},
    {GNUTLS_ECC_CURVE_X25519, "X25519"},
    {GNUTLS_ECC_CURVE_ED25519, "Ed25519"},
    {GNUTLS_ECC_CURVE_GOST256CPA, "CryptoPro-A"},
    {GNUTLS_ECC_CURVE_GOST256CPB, "CryptoPro-B"},
    {GNUTLS_ECC_CURVE_GOST256CPC, "CryptoPro-C"},
    {GNUTLS_ECC_CURVE_GOST256CPXA, "CryptoPro-XchA"},
    {GNUTLS_ECC_CURVE_GOST256CPXB, "CryptoPro-XchB"},
    {GNUTLS_ECC_CURVE_GOST512A, "TC26-512-A"},
    {GNUTLS_ECC_CURVE_GOST512B, "TC26-512-B"},
    {GNUTLS_ECC_CURVE_GOST512C, "TC26-512-C"},
    {GNUTLS_ECC_CURVE_GOST256A, "TC26-256-A"},
    {GNUTLS_ECC_CURVE_GOST256B, "TC26-256-B"},
    {GNUTLS_ECC_CURVE_GOST256C, "TC26-256-C"},
    {GNUTLS_ECC_CURVE_GOST256D, "TC26-256-D"},
    {GNUTLS_ECC_CURVE_X448, "X448"},
    {GNUTLS_ECC_CURVE_ED448, "Ed448"},
};
constexpr Name kPks[] = {
    {GNUTLS_PK_RSA, "RSA"},
    {GNUTLS_PK_DSA, "DSA"},
    {GNUTLS_PK_DH, "DH"},
    {GNUTLS_PK_ECDSA, "EC/ECDSA"},
    {GNUTLS_PK_ECDH_X25519, "ECDH (X25519)"},
    {GNUTLS_PK_RSA_PSS, "RSA-PSS"},
    {GNUTLS_PK_EDDSA_ED25519, "EdDSA (Ed25519)"},
    {GNUTLS_PK_GOST_01, "GOST R 34.10-2001"},
    {GNUTLS_PK_GOST_12_256, "GOST R 34.10-2012-256"},
    {GNUTLS_PK_GOST_12_512, "GOST R 34.10-2012-512"},
    {GNUTLS_PK_ECDH_X448, "ECDH (X448)"},
    {GNUTLS_PK_EDDSA_ED448, "EdDSA (Ed448)"},
};
constexpr Name kDigests[] = {
    {GNUTLS_DIG_MD5, "MD5"},
    {GNUTLS_DIG_SHA1, "SHA1"},
    {GNUTLS_DIG_RMD160, "RIPEMD160"},
    {GNUTLS_DIG_MD2, "MD2"},
    {GNUTLS_DIG_SHA256, "SHA256"},
    {GNUTLS_DIG_SHA384, "SHA384"},
    {GNUTLS_DIG_SHA512, "SHA512"},
    {GNUTLS_DIG_SHA224, "SHA224"},
    {GNUTLS_DIG_SHA3_224, "SHA3-224"},
    {GNUTLS_DIG_SHA3_256, "SHA3-256"},
    {GNUTLS_DIG_SHA3_384, "SHA3-384"},
    {GNUTLS_DIG_SHA3_512, "SHA3-512"},
    {GNUTLS_DIG_GOSTR_94, "GOSTR341194"},
    {GNUTLS_DIG_STREEBOG_256, "STREEBOG-256"},
    {GNUTLS_DIG_STREEBOG_512, "STREEBOG-512"},
    {GNUTLS_DIG_SHAKE_128, "SHAKE-128"},
    {GNUTLS_DIG_SHAKE_256, "SHAKE-256"},
};
constexpr Name kSecParams[] = {
    {GNUTLS_SEC_PARAM_INSECURE, "Insecure"},
    {GNUTLS_SEC_PARAM_EXPORT, "Export"},
    {GNUTLS_SEC_PARAM_VERY_WEAK, "Very weak"},
    {GNUTLS_SEC_PARAM_WEAK, "Weak"},
    {GNUTLS_SEC_PARAM_LOW, "Low"},
    {GNUTLS_SEC_PARAM_LEGACY, "Legacy"},
    {GNUTLS_SEC_PARAM_MEDIUM, "Medium"},
    {GNUTLS_SEC_PARAM_HIGH, "High"},
    {GNUTLS_SEC_PARAM_ULTRA, "Ultra"},
    {GNUTLS_SEC_PARAM_FUTURE, "Future"},
};
constexpr Name kCompressions[] = {
    {GNUTLS_COMP_NULL, "NULL"},
};
constexpr Name kAlertSymbols[] = {
    {GNUTLS_A_CLOSE_NOTIFY, "GNUTLS_A_CLOSE_NOTIFY"},
    {GNUTLS_A_UNEXPECTED_MESSAGE, "GNUTLS_A_UNEXPECTED_MESSAGE"},
    {GNUTLS_A_BAD_RECORD_MAC, "GNUTLS_A_BAD_RECORD_MAC"},
    {GNUTLS_A_DECRYPTION_FAILED, "GNUTLS_A_DECRYPTION_FAILED"},
    {GNUTLS_A_RECORD_OVERFLOW, "GNUTLS_A_RECORD_OVERFLOW"},
    {GNUTLS_A_DECOMPRESSION_FAILURE, "GNUTLS_A_DECOMPRESSION_FAILURE"},
    {GNUTLS_A_HANDSHAKE_FAILURE, "GNUTLS_A_HANDSHAKE_FAILURE"},
    {GNUTLS_A_SSL3_NO_CERTIFICATE, "GNUTLS_A_SSL3_NO_CERTIFICATE"},
    {GNUTLS_A_BAD_CERTIFICATE, "GNUTLS_A_BAD_CERTIFICATE"},
    {GNUTLS_A_UNSUPPORTED_CERTIFICATE, "GNUTLS_A_UNSUPPORTED_CERTIFICATE"},
    {GNUTLS_A_CERTIFICATE_REVOKED, "GNUTLS_A_CERTIFICATE_REVOKED"},
    {GNUTLS_A_CERTIFICATE_EXPIRED, "GNUTLS_A_CERTIFICATE_EXPIRED"},
    {GNUTLS_A_CERTIFICATE_UNKNOWN, "GNUTLS_A_CERTIFICATE_UNKNOWN"},
    {GNUTLS_A_ILLEGAL_PARAMETER, "GNUTLS_A_ILLEGAL_PARAMETER"},
    {GNUTLS_A_UNKNOWN_CA, "GNUTLS_A_UNKNOWN_CA"},
    {GNUTLS_A_ACCESS_DENIED, "GNUTLS_A_ACCESS_DENIED"},
    {GNUTLS_A_DECODE_ERROR, "GNUTLS_A_DECODE_ERROR"},
    {GNUTLS_A_DECRYPT_ERROR, "GNUTLS_A_DECRYPT_ERROR"},
    {GNUTLS_A_EXPORT_RESTRICTION, "GNUTLS_A_EXPORT_RESTRICTION"},
    {GNUTLS_A_PROTOCOL_VERSION, "GNUTLS_A_PROTOCOL_VERSION"},
    {GNUTLS_A_INSUFFICIENT_SECURITY, "GNUTLS_A_INSUFFICIENT_SECURITY"},
    {GNUTLS_A_INTERNAL_ERROR, "GNUTLS_A_INTERNAL_ERROR"},
    {GNUTLS_A_INAPPROPRIATE_FALLBACK, "GNUTLS_A_INAPPROPRIATE_FALLBACK"},
    {GNUTLS_A_USER_CANCELED, "GNUTLS_A_USER_CANCELED"},
    {GNUTLS_A_NO_RENEGOTIATION, "GNUTLS_A_NO_RENEGOTIATION"},
    {GNUTLS_A_MISSING_EXTENSION, "GNUTLS_A_MISSING_EXTENSION"},
    {GNUTLS_A_UNSUPPORTED_EXTENSION, "GNUTLS_A_UNSUPPORTED_EXTENSION"},
    {GNUTLS_A_CERTIFICATE_UNOBTAINABLE, "GNUTLS_A_CERTIFICATE_UNOBTAINABLE"},
    {GNUTLS_A_UNRECOGNIZED_NAME, "GNUTLS_A_UNRECOGNIZED_NAME"},
    {GNUTLS_A_UNKNOWN_PSK_IDENTITY, "GNUTLS_A_UNKNOWN_PSK_IDENTITY"},
    {GNUTLS_A_CERTIFICATE_REQUIRED, "GNUTLS_A_CERTIFICATE_REQUIRED"},
    {GNUTLS_A_NO_APPLICATION_PROTOCOL, "GNUTLS_A_NO_APPLICATION_PROTOCOL"},
};

template <size_t N>
const char* name_of(const Name (&table)[N], int value) {
  for (const auto& n : table)
    if (n.value == value) return n.name;
  return nullptr;
}

// Case-insensitive, as GnuTLS compares names.
template <size_t N>
int value_of(const Name (&table)[N], const char* name, int unknown) {
  if (name == nullptr) return unknown;
  for (const auto& n : table)
    if (strcasecmp(n.name, name) == 0) return n.value;
  return unknown;
}

}  // namespace

extern "C" {

const char* gnutls_alert_get_name(gnutls_alert_description_t alert) {
  return name_of(kAlerts, alert);
}
const char* gnutls_alert_get_strname(gnutls_alert_description_t alert) {
  return name_of(kAlertSymbols, alert);
}
const char* gnutls_protocol_get_name(gnutls_protocol_t version) {
  return name_of(kProtocols, version);
}
const char* gnutls_cipher_get_name(gnutls_cipher_algorithm_t algorithm) {
  return name_of(kCiphers, algorithm);
}
const char* gnutls_mac_get_name(gnutls_mac_algorithm_t algorithm) {
  return name_of(kMacs, algorithm);
}
const char* gnutls_kx_get_name(gnutls_kx_algorithm_t algorithm) {
  return name_of(kKx, algorithm);
}
const char* gnutls_sign_get_name(gnutls_sign_algorithm_t algorithm) {
  return name_of(kSigns, algorithm);
}
const char* gnutls_group_get_name(gnutls_group_t group) {
  return name_of(kGroups, group);
}
const char* gnutls_certificate_type_get_name(gnutls_certificate_type_t type) {
  return name_of(kCertTypes, type);
}
const char* gnutls_handshake_description_get_name(gnutls_handshake_description_t type) {
  const char* n = name_of(kHandshakes, type);
  return n ? n : "Unknown Handshake packet";
}
const char* gnutls_ecc_curve_get_name(gnutls_ecc_curve_t curve) {
  return name_of(kCurves, curve);
}
// GnuTLS answers "Unknown" here rather than NULL.
const char* gnutls_pk_get_name(gnutls_pk_algorithm_t algorithm) {
  const char* n = name_of(kPks, algorithm);
  return n ? n : "Unknown";
}
const char* gnutls_pk_algorithm_get_name(gnutls_pk_algorithm_t algorithm) {
  return name_of(kPks, algorithm);
}
const char* gnutls_digest_get_name(gnutls_digest_algorithm_t algorithm) {
  return name_of(kDigests, algorithm);
}
const char* gnutls_sec_param_get_name(gnutls_sec_param_t param) {
  const char* n = name_of(kSecParams, param);
  return n ? n : "Unknown";
}
const char* gnutls_compression_get_name(gnutls_compression_method_t algorithm) {
  return name_of(kCompressions, algorithm);
}

gnutls_protocol_t gnutls_protocol_get_id(const char* name) {
  return static_cast<gnutls_protocol_t>(value_of(kProtocols, name, GNUTLS_VERSION_UNKNOWN));
}
gnutls_cipher_algorithm_t gnutls_cipher_get_id(const char* name) {
  return static_cast<gnutls_cipher_algorithm_t>(value_of(kCiphers, name, GNUTLS_CIPHER_UNKNOWN));
}
gnutls_mac_algorithm_t gnutls_mac_get_id(const char* name) {
  return static_cast<gnutls_mac_algorithm_t>(value_of(kMacs, name, GNUTLS_MAC_UNKNOWN));
}
gnutls_kx_algorithm_t gnutls_kx_get_id(const char* name) {
  return static_cast<gnutls_kx_algorithm_t>(value_of(kKx, name, GNUTLS_KX_UNKNOWN));
}
gnutls_sign_algorithm_t gnutls_sign_get_id(const char* name) {
  return static_cast<gnutls_sign_algorithm_t>(value_of(kSigns, name, GNUTLS_SIGN_UNKNOWN));
}
gnutls_group_t gnutls_group_get_id(const char* name) {
  return static_cast<gnutls_group_t>(value_of(kGroups, name, GNUTLS_GROUP_INVALID));
}
gnutls_ecc_curve_t gnutls_ecc_curve_get_id(const char* name) {
  return static_cast<gnutls_ecc_curve_t>(value_of(kCurves, name, GNUTLS_ECC_CURVE_INVALID));
}
gnutls_pk_algorithm_t gnutls_pk_get_id(const char* name) {
  return static_cast<gnutls_pk_algorithm_t>(value_of(kPks, name, GNUTLS_PK_UNKNOWN));
}
gnutls_digest_algorithm_t gnutls_digest_get_id(const char* name) {
  return static_cast<gnutls_digest_algorithm_t>(value_of(kDigests, name, GNUTLS_DIG_UNKNOWN));
}
gnutls_certificate_type_t gnutls_certificate_type_get_id(const char* name) {
  return static_cast<gnutls_certificate_type_t>(value_of(kCertTypes, name, GNUTLS_CRT_UNKNOWN));
}

}  // extern "C"
