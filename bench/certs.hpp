// The throwaway PKI the handshakes verify against, made with libcrypto at
// startup (no private key is committed). The parent writes it to a temporary
// directory once; each child reads the PEM files from there.
#pragma once

#include <string>

namespace bench {

// One server credential: the chain the server sends (leaf first, then any
// intermediate) and the CA the client trusts, all PEM.
struct Credential {
  std::string chain_pem;
  std::string key_pem;
  std::string ca_pem;
};

// The certificates name "localhost" in their subjectAltName.
inline constexpr const char* kHostname = "localhost";

enum class CertKind { ecdsa_p256, rsa_2048, ecdsa_chain };

const char* cert_kind_name(CertKind kind);

// Generates every credential into dir (CertKind name + .chain/.key/.ca).
void generate_pki(const std::string& dir);

// Reads one credential generate_pki wrote; throws on a missing file.
Credential load_credential(const std::string& dir, CertKind kind);

}  // namespace bench
