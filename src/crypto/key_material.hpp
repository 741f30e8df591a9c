// Private keys as the C API's key objects (gnutls_x509_privkey_t,
// gnutls_privkey_t) hold them: imported from and exported to their DER
// encodings (PKCS#8 plain and encrypted, RFC 5958 / 8018; PKCS#1 for RSA,
// RFC 8017 A.1.2; SEC1 for EC, RFC 5915), generated, and signing with a
// hash the caller names. The TLS engine's keys are crypto::PrivateKey.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/secure.hpp"
#include "crypto/x509_fields.hpp"

namespace coda::crypto {

class KeyMaterial {
 public:
  // Unencrypted PKCS#8, PKCS#1 RSA or SEC1 EC DER; invalid_argument for
  // anything else (trailing bytes included).
  static Result<KeyMaterial> from_der(ByteView der);
  // An EncryptedPrivateKeyInfo; decrypt_error when the password is wrong,
  // invalid_argument when the bytes are no such structure.
  static Result<KeyMaterial> from_encrypted_pkcs8(ByteView der, std::string_view password);
  // A new key: rsa (bits), ec (bits 256, 384 or 521), ed25519 or ed448.
  static Result<KeyMaterial> generate(KeyAlgorithm algorithm, unsigned bits);

  KeyMaterial(KeyMaterial&&) noexcept;
  KeyMaterial& operator=(KeyMaterial&&) noexcept;
  KeyMaterial(const KeyMaterial&);  // shares the key (libcrypto reference)
  KeyMaterial& operator=(const KeyMaterial&);
  ~KeyMaterial();

  KeyInfo info() const;
  SecureBytes pkcs8() const;
  // PKCS#1 for RSA, SEC1 for EC, PKCS#8 for the others (as GnuTLS's
  // "traditional" export), with the PEM label that goes with it.
  SecureBytes traditional(std::string& pem_label) const;
  // PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC (RFC 8018).
  Result<Bytes> encrypted_pkcs8(std::string_view password) const;
  Bytes spki() const;
  // hash: a libcrypto digest name, empty for Ed25519/Ed448 (which hash
  // themselves); pss selects RSASSA-PSS (salt = hash length) over PKCS#1 v1.5.
  Result<Bytes> sign(std::string_view hash, bool pss, ByteView data) const;
  // The same over a digest already computed (not for EdDSA).
  Result<Bytes> sign_digest(std::string_view hash, bool pss, ByteView digest) const;

 private:
  struct State;
  explicit KeyMaterial(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Verifies `signature` over `data` with the key of a DER SubjectPublicKeyInfo.
// decrypt_error on a bad signature, invalid_argument on an unusable key.
Status verify_with_spki(ByteView spki, std::string_view hash, bool pss, ByteView data,
                        ByteView signature);

}  // namespace coda::crypto
