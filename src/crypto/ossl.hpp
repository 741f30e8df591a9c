// Internal to src/crypto: RAII owners for libcrypto objects and the
// algorithm handles fetched once per process. Not part of any public API;
// only src/crypto/*.cpp include this (and so <openssl/...>).
#pragma once

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>

#include <memory>

#include "crypto/hash.hpp"
#include "crypto/signature.hpp"

namespace coda::crypto::ossl {

template <auto Free>
struct Deleter {
  template <typename T>
  void operator()(T* p) const noexcept {
    Free(p);
  }
};

using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
// For private scalars: zeroed before being freed.
using SecretBnPtr = std::unique_ptr<BIGNUM, Deleter<BN_clear_free>>;
using BnCtxPtr = std::unique_ptr<BN_CTX, Deleter<BN_CTX_free>>;
using EcGroupPtr = std::unique_ptr<EC_GROUP, Deleter<EC_GROUP_free>>;
using EcPointPtr = std::unique_ptr<EC_POINT, Deleter<EC_POINT_free>>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, Deleter<EVP_CIPHER_CTX_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX_free>>;
using MacCtxPtr = std::unique_ptr<EVP_MAC_CTX, Deleter<EVP_MAC_CTX_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX_free>>;
using ParamBldPtr = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD_free>>;
using ParamPtr = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using X509StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE_free>>;
using X509StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX_free>>;

// Digest implementations, fetched once and kept for the life of the process
// (an implicit fetch on every init would cost a lock and a lookup).
const EVP_MD* md(HashAlg alg);
// 0, 1, 2 for SHA-256, -384, -512: the index of per-hash tables made once.
size_t hash_slot(HashAlg alg);
inline constexpr size_t kHashSlots = 3;
// The HMAC implementation, fetched once.
EVP_MAC* hmac_mac();

// HMAC with a key set once: feed, finish, reset, feed again (HKDF-Expand and
// the TLS 1.2 PRF run many HMACs under one key).
class Hmac {
 public:
  Hmac(HashAlg alg, ByteView key);
  bool ok() const { return ok_; }
  void update(ByteView data);
  // Writes hash_length(alg) bytes to `out` and readies the same key again.
  void finish(uint8_t* out);

 private:
  MacCtxPtr ctx_;
  size_t length_;
  bool ok_ = false;
};

// Key type of an EVP_PKEY (RSA, which ECDSA curve, Ed25519), or other.
KeyType key_type_of(const EVP_PKEY* pkey);

// Drops whatever libcrypto queued on this thread's error stack, so one
// failed parse of peer data does not leak into an unrelated later report.
void clear_errors();

// The DER encoding of an OpenSSL object through its i2d_* function; empty
// when there is no object or it cannot be encoded.
template <typename T>
Bytes to_der(const T* object, int (*i2d)(const T*, unsigned char**)) {
  unsigned char* der = nullptr;
  const int len = object != nullptr ? i2d(object, &der) : -1;
  if (len <= 0) {
    clear_errors();
    return {};
  }
  Bytes out(der, der + len);
  OPENSSL_free(der);
  return out;
}

}  // namespace coda::crypto::ossl
