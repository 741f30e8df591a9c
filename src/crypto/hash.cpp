#include "crypto/hash.hpp"

#include <openssl/core_names.h>

#include <cstdlib>

#include "crypto/ossl.hpp"

namespace coda::crypto {

size_t hash_length(HashAlg alg) {
  switch (alg) {
    case HashAlg::sha256:
      return 32;
    case HashAlg::sha384:
      return 48;
    case HashAlg::sha512:
      return 64;
  }
  return 0;
}

struct Hash::State {
  ossl::MdCtxPtr ctx;
};

Hash::Hash(HashAlg alg) : alg_(alg), state_(std::make_unique<State>()) {
  state_->ctx.reset(EVP_MD_CTX_new());
  // Allocation failure or a missing digest leaves no sane way to go on; the
  // interface (used for every transcript) has no error path by design.
  if (!state_->ctx || EVP_DigestInit_ex(state_->ctx.get(), ossl::md(alg), nullptr) != 1) {
    std::abort();
  }
}

Hash::Hash(Hash&&) noexcept = default;
Hash& Hash::operator=(Hash&&) noexcept = default;
Hash::~Hash() = default;

void Hash::update(ByteView data) {
  if (!state_ || data.empty()) return;
  if (EVP_DigestUpdate(state_->ctx.get(), data.data(), data.size()) != 1) std::abort();
}

Bytes Hash::current() const {
  if (!state_) return {};
  // Finalise a copy, so the running hash goes on accepting data.
  ossl::MdCtxPtr copy(EVP_MD_CTX_new());
  Bytes out(hash_length(alg_));
  unsigned int len = 0;
  if (!copy || EVP_MD_CTX_copy_ex(copy.get(), state_->ctx.get()) != 1 ||
      EVP_DigestFinal_ex(copy.get(), out.data(), &len) != 1 || len != out.size()) {
    std::abort();
  }
  return out;
}

Bytes Hash::current_with(ByteView extra) const {
  if (!state_) return {};
  ossl::MdCtxPtr copy(EVP_MD_CTX_new());
  Bytes out(hash_length(alg_));
  unsigned int len = 0;
  if (!copy || EVP_MD_CTX_copy_ex(copy.get(), state_->ctx.get()) != 1 ||
      EVP_DigestUpdate(copy.get(), extra.data(), extra.size()) != 1 ||
      EVP_DigestFinal_ex(copy.get(), out.data(), &len) != 1 || len != out.size()) {
    std::abort();
  }
  return out;
}

Bytes Hash::digest(HashAlg alg, ByteView data) {
  Bytes out(hash_length(alg));
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out.data(), &len, ossl::md(alg), nullptr) != 1 ||
      len != out.size()) {
    std::abort();
  }
  return out;
}

Bytes hmac(HashAlg alg, ByteView key, ByteView data) {
  ossl::Hmac mac(alg, key);
  if (!mac.ok()) std::abort();
  mac.update(data);
  Bytes out(hash_length(alg));
  mac.finish(out.data());
  return out;
}

namespace ossl {

namespace {

// An HMAC context with its digest set and no key, made once per hash: setting
// the digest by name looks it up in the provider store each time, so every
// Hmac starts as a copy of this instead (HKDF makes dozens per handshake).
EVP_MAC_CTX* make_hmac_template(HashAlg alg) {
  EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(hmac_mac());
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                       const_cast<char*>(EVP_MD_get0_name(md(alg))), 0),
      OSSL_PARAM_construct_end()};
  // Without HMAC over SHA-2 nothing in TLS can work: a broken installation.
  if (ctx == nullptr || EVP_MAC_CTX_set_params(ctx, params) != 1) std::abort();
  return ctx;
}

const EVP_MAC_CTX* hmac_template(HashAlg alg) {
  static EVP_MAC_CTX* const templates[kHashSlots] = {make_hmac_template(HashAlg::sha256),
                                                     make_hmac_template(HashAlg::sha384),
                                                     make_hmac_template(HashAlg::sha512)};
  return templates[hash_slot(alg)];
}

}  // namespace

Hmac::Hmac(HashAlg alg, ByteView key)
    : ctx_(EVP_MAC_CTX_dup(hmac_template(alg))), length_(hash_length(alg)) {
  if (!ctx_) return;
  // An empty key is legal for HMAC (RFC 2104 pads it with zeros) but a null
  // pointer would mean "keep the old key"; point at a dummy byte instead.
  static const uint8_t kEmpty = 0;
  const uint8_t* k = key.empty() ? &kEmpty : key.data();
  ok_ = EVP_MAC_init(ctx_.get(), k, key.size(), nullptr) == 1;
}

void Hmac::update(ByteView data) {
  if (!ok_ || data.empty()) return;
  ok_ = EVP_MAC_update(ctx_.get(), data.data(), data.size()) == 1;
}

void Hmac::finish(uint8_t* out) {
  size_t len = 0;
  if (!ok_ || EVP_MAC_final(ctx_.get(), out, &len, length_) != 1 || len != length_) std::abort();
  // A null key re-initialises with the key already set.
  ok_ = EVP_MAC_init(ctx_.get(), nullptr, 0, nullptr) == 1;
}

}  // namespace ossl

}  // namespace coda::crypto
