// Public and private keys, signing and verifying with TLS signature schemes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "base/protocol_ids.hpp"
#include "base/result.hpp"

namespace coda::crypto {

enum class KeyType : uint8_t { rsa, ecdsa_p256, ecdsa_p384, ecdsa_p521, ed25519, other };

const char* key_type_name(KeyType type);
const char* signature_scheme_name(SignatureScheme scheme);

class PublicKey {
 public:
  // From a DER SubjectPublicKeyInfo.
  static Result<PublicKey> from_spki(ByteView der);
  PublicKey(PublicKey&&) noexcept;
  PublicKey& operator=(PublicKey&&) noexcept;
  PublicKey(const PublicKey&) = delete;
  PublicKey& operator=(const PublicKey&) = delete;
  ~PublicKey();

  KeyType type() const { return type_; }
  size_t bits() const;
  // Whether `scheme` may be used with this key in TLS 1.3 (RFC 8446 4.2.3:
  // ECDSA schemes are bound to their curve; rsa_pss_rsae for RSA keys).
  // With tls12 = true, rsa_pkcs1_* are allowed too and ECDSA is not bound to
  // the curve.
  bool allows(SignatureScheme scheme, bool tls12 = false) const;
  // decrypt_error on a bad signature, illegal_parameter on a scheme the key
  // does not allow under any version's rules (the looser TLS 1.2 ones); the
  // caller checks allows(scheme, tls12) for the version it speaks.
  Status verify(SignatureScheme scheme, ByteView message, ByteView signature) const;

 private:
  friend class Certificate;
  friend class PrivateKey;
  struct State;
  explicit PublicKey(std::unique_ptr<State> state);
  // Shares a key libcrypto already decoded (an EVP_PKEY*, one more
  // reference taken), so a certificate's key is not encoded and decoded
  // again for every use.
  static Result<PublicKey> share(void* native_key);
  std::unique_ptr<State> state_;
  KeyType type_ = KeyType::other;
};

class PrivateKey {
 public:
  // PEM (PKCS#8, traditional RSA/EC) or DER; invalid_argument otherwise.
  static Result<PrivateKey> from_pem(ByteView pem);
  static Result<PrivateKey> from_file(const std::string& path);
  PrivateKey(PrivateKey&&) noexcept;
  PrivateKey& operator=(PrivateKey&&) noexcept;
  PrivateKey(const PrivateKey&) = delete;
  PrivateKey& operator=(const PrivateKey&) = delete;
  ~PrivateKey();

  KeyType type() const { return type_; }
  // Schemes this key can sign with, most preferred first.
  std::vector<SignatureScheme> schemes(bool tls12 = false) const;
  bool allows(SignatureScheme scheme, bool tls12 = false) const;
  Result<Bytes> sign(SignatureScheme scheme, ByteView message) const;
  // Whether `pub` is this key's public half.
  bool matches(const PublicKey& pub) const;

 private:
  struct State;
  explicit PrivateKey(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
  KeyType type_ = KeyType::other;
};

}  // namespace coda::crypto
