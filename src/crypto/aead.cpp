#include "crypto/aead.hpp"

#include <climits>
#include <cstdlib>
#include <cstring>

#include "base/secure.hpp"
#include "crypto/ossl.hpp"

namespace coda::crypto {

namespace {

EVP_CIPHER* fetch_cipher(const char* name) {
  EVP_CIPHER* c = EVP_CIPHER_fetch(nullptr, name, nullptr);
  if (c == nullptr) std::abort();  // a libcrypto without AES-GCM is unusable
  return c;
}

// Fetched once per process: a fetch takes a lock and a table lookup.
const EVP_CIPHER* cipher_for(AeadAlg alg) {
  static EVP_CIPHER* const aes128 = fetch_cipher("AES-128-GCM");
  static EVP_CIPHER* const aes256 = fetch_cipher("AES-256-GCM");
  static EVP_CIPHER* const chacha = fetch_cipher("ChaCha20-Poly1305");
  switch (alg) {
    case AeadAlg::aes128gcm:
      return aes128;
    case AeadAlg::aes256gcm:
      return aes256;
    case AeadAlg::chacha20poly1305:
      return chacha;
  }
  std::abort();
}

Error internal(const char* why) {
  return Error::make(ErrorKind::internal, why);
}

}  // namespace

size_t aead_key_length(AeadAlg alg) {
  switch (alg) {
    case AeadAlg::aes128gcm:
      return 16;
    case AeadAlg::aes256gcm:
    case AeadAlg::chacha20poly1305:
      return 32;
  }
  return 0;
}

// One cipher context per key: the key schedule is computed once in create();
// each record only re-initialises the nonce (and direction), no allocation.
struct Aead::State {
  ossl::CipherCtxPtr ctx;
};

Aead::Aead(AeadAlg alg, std::unique_ptr<State> state) : alg_(alg), state_(std::move(state)) {}
Aead::Aead(Aead&&) noexcept = default;
Aead& Aead::operator=(Aead&&) noexcept = default;
Aead::~Aead() = default;

Result<Aead> Aead::create(AeadAlg alg, ByteView key) {
  if (key.size() != aead_key_length(alg)) {
    return Error::make(ErrorKind::invalid_argument, "AEAD key has the wrong length");
  }
  auto state = std::make_unique<State>();
  state->ctx.reset(EVP_CIPHER_CTX_new());
  if (!state->ctx) return internal("EVP_CIPHER_CTX_new failed");
  // Both algorithms default to a 96-bit IV, the TLS nonce length (RFC 8446 5.3).
  if (EVP_CipherInit_ex(state->ctx.get(), cipher_for(alg), nullptr, key.data(), nullptr, 1) != 1 ||
      EVP_CIPHER_CTX_get_iv_length(state->ctx.get()) != static_cast<int>(kAeadNonceLength)) {
    ossl::clear_errors();
    return internal("AEAD key setup failed");
  }
  return Aead(alg, std::move(state));
}

Status Aead::seal(ByteView nonce, ByteView aad, MutableByteView data, MutableByteView tag) {
  return seal_into(nonce, aad, data, {}, data, tag);
}

Status Aead::seal_into(ByteView nonce, ByteView aad, ByteView head, ByteView tail,
                       MutableByteView out, MutableByteView tag) {
  if (!state_) return Error::make(ErrorKind::invalid_request, "AEAD moved from");
  if (nonce.size() != kAeadNonceLength || tag.size() != kAeadTagLength || head.size() > INT_MAX ||
      tail.size() > INT_MAX || aad.size() > INT_MAX || out.size() != head.size() + tail.size()) {
    return internal("AEAD seal: bad nonce, tag or length");
  }
  EVP_CIPHER_CTX* ctx = state_->ctx.get();
  int len = 0;
  // Null cipher and key keep the key schedule; only the nonce and the
  // direction (encrypt) are set.
  bool ok = EVP_CipherInit_ex(ctx, nullptr, nullptr, nullptr, nonce.data(), 1) == 1;
  if (ok && !aad.empty()) {
    ok = EVP_CipherUpdate(ctx, nullptr, &len, aad.data(), static_cast<int>(aad.size())) == 1;
  }
  // GCM and ChaCha20-Poly1305 are stream modes: two updates make the same
  // ciphertext as one over both parts.
  size_t done = 0;
  for (const ByteView part : {head, tail}) {
    if (!ok || part.empty()) continue;
    ok = EVP_CipherUpdate(ctx, out.data() + done, &len, part.data(),
                          static_cast<int>(part.size())) == 1 &&
         static_cast<size_t>(len) == part.size();
    done += part.size();
  }
  uint8_t dummy[16];
  ok = ok && EVP_CipherFinal_ex(ctx, dummy, &len) == 1 && len == 0;
  ok = ok && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, static_cast<int>(kAeadTagLength),
                                 tag.data()) == 1;
  if (!ok) {
    ossl::clear_errors();
    return internal("AEAD seal failed");
  }
  return {};
}

Status Aead::open(ByteView nonce, ByteView aad, MutableByteView data, ByteView tag) {
  if (!state_) return Error::make(ErrorKind::invalid_request, "AEAD moved from");
  if (nonce.size() != kAeadNonceLength || data.size() > INT_MAX || aad.size() > INT_MAX) {
    return internal("AEAD open: bad nonce or length");
  }
  // RFC 8446 5.2: a record that fails to deprotect gets bad_record_mac.
  if (tag.size() != kAeadTagLength) {
    return Error::alert_error(AlertDescription::bad_record_mac, "AEAD tag has the wrong length");
  }
  EVP_CIPHER_CTX* ctx = state_->ctx.get();
  int len = 0;
  uint8_t expected[kAeadTagLength];
  std::memcpy(expected, tag.data(), kAeadTagLength);
  bool ok = EVP_CipherInit_ex(ctx, nullptr, nullptr, nullptr, nonce.data(), 0) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, static_cast<int>(kAeadTagLength),
                                expected) == 1;
  if (!ok) {
    ossl::clear_errors();
    return internal("AEAD open setup failed");
  }
  if (!aad.empty()) {
    ok = EVP_CipherUpdate(ctx, nullptr, &len, aad.data(), static_cast<int>(aad.size())) == 1;
  }
  if (ok && !data.empty()) {
    ok =
        EVP_CipherUpdate(ctx, data.data(), &len, data.data(), static_cast<int>(data.size())) == 1 &&
        static_cast<size_t>(len) == data.size();
  }
  uint8_t dummy[16];
  // Final checks the tag (in constant time inside libcrypto).
  ok = ok && EVP_CipherFinal_ex(ctx, dummy, &len) == 1;
  if (!ok) {
    ossl::clear_errors();
    // Never hand back unauthenticated plaintext.
    secure_wipe(data.data(), data.size());
    return Error::alert_error(AlertDescription::bad_record_mac, "AEAD authentication failed");
  }
  return {};
}

}  // namespace coda::crypto
