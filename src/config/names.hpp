// Printable names for the code points of base/protocol_ids.hpp, in the two
// spellings users meet: the IANA registry's and GnuTLS's (which tools and the
// GnuTLS C API print, and which priority strings are written in).
#pragma once

#include <string_view>

#include "base/protocol_ids.hpp"

namespace coda {

// "TLS1.3", as gnutls_protocol_get_name prints it; "UNKNOWN" otherwise.
std::string_view version_name(ProtocolVersion version);

// IANA: "TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256".
std::string_view suite_name(CipherSuite suite);
// GnuTLS: "TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_AES_128_GCM_SHA256",
// "TLS_ECDHE_RSA_CHACHA20_POLY1305" (as gnutls_cipher_suite_get_name).
std::string_view gnutls_suite_name(CipherSuite suite);

// IANA: "x25519", "secp256r1".
std::string_view group_name(NamedGroup group);
// GnuTLS: "X25519", "SECP256R1" (priority items add the "GROUP-" prefix).
std::string_view gnutls_group_name(NamedGroup group);

// IANA: "ecdsa_secp256r1_sha256", "rsa_pss_rsae_sha256".
std::string_view scheme_name(SignatureScheme scheme);
// GnuTLS: "ECDSA-SECP256R1-SHA256", "RSA-PSS-RSAE-SHA256", "EdDSA-Ed25519"
// (priority items add the "SIGN-" prefix).
std::string_view gnutls_scheme_name(SignatureScheme scheme);

}  // namespace coda
