#include "crypto/key_exchange.hpp"

#include <openssl/core_names.h>
#include <openssl/obj_mac.h>

#include "crypto/ossl.hpp"

namespace coda::crypto {

namespace {

constexpr size_t kX25519Length = 32;

struct CurveInfo {
  int nid;
  const char* name;    // OSSL_PKEY_PARAM_GROUP_NAME
  size_t field_bytes;  // size of a coordinate and of the scalar
};

const CurveInfo* nist_curve(NamedGroup group) {
  static constexpr CurveInfo kP256{NID_X9_62_prime256v1, "prime256v1", 32};
  static constexpr CurveInfo kP384{NID_secp384r1, "secp384r1", 48};
  switch (group) {
    case NamedGroup::secp256r1:
      return &kP256;
    case NamedGroup::secp384r1:
      return &kP384;
    default:
      return nullptr;
  }
}

Error bad_share(const char* why) {
  ossl::clear_errors();
  return illegal_parameter(why);
}

Error internal(const char* why) {
  ossl::clear_errors();
  return Error::make(ErrorKind::internal, why);
}

// EVP_PKEY_fromdata for an EC key: group name, public point and optionally
// the private scalar.
Result<ossl::PkeyPtr> ec_pkey(const CurveInfo& curve, ByteView point, const BIGNUM* priv) {
  ossl::ParamBldPtr bld(OSSL_PARAM_BLD_new());
  if (!bld ||
      OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, curve.name, 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                       point.size()) != 1 ||
      (priv != nullptr && OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, priv) != 1)) {
    return internal("OSSL_PARAM_BLD failed");
  }
  // OSSL_PARAM_BLD_to_param copies the scalar into secure memory when it
  // came from BN_secure_new, and OSSL_PARAM_free then clears it.
  ossl::ParamPtr params(OSSL_PARAM_BLD_to_param(bld.get()));
  ossl::PkeyCtxPtr pctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  EVP_PKEY* raw = nullptr;
  if (!params || !pctx || EVP_PKEY_fromdata_init(pctx.get()) != 1 ||
      EVP_PKEY_fromdata(pctx.get(), &raw, priv != nullptr ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
                        params.get()) != 1) {
    return bad_share("EC key import failed");
  }
  return ossl::PkeyPtr(raw);
}

Result<SecureBytes> derive(EVP_PKEY* own, EVP_PKEY* peer) {
  ossl::PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, own, nullptr));
  size_t len = 0;
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1) return internal("derive init failed");
  // set_peer also checks that the peer key is of the same group.
  if (EVP_PKEY_derive_set_peer(ctx.get(), peer) != 1) return bad_share("peer key rejected");
  if (EVP_PKEY_derive(ctx.get(), nullptr, &len) != 1) return internal("derive length failed");
  SecureBytes secret(len);
  // x25519: libcrypto fails the derivation when the result is all zeros.
  if (EVP_PKEY_derive(ctx.get(), secret.data(), &len) != 1) return bad_share("ECDH failed");
  secret.resize(len);
  return secret;
}

}  // namespace

bool group_supported(NamedGroup group) {
  return group == NamedGroup::x25519 || nist_curve(group) != nullptr;
}

struct KeyShare::State {
  ossl::PkeyPtr pkey;
};

KeyShare::KeyShare(NamedGroup group, std::unique_ptr<State> state, Bytes public_key)
    : group_(group), state_(std::move(state)), public_key_(std::move(public_key)) {}
KeyShare::KeyShare(KeyShare&&) noexcept = default;
KeyShare& KeyShare::operator=(KeyShare&&) noexcept = default;
KeyShare::~KeyShare() = default;

Result<KeyShare> KeyShare::generate(NamedGroup group, RandomSource& random) {
  if (group == NamedGroup::x25519) {
    // RFC 7748 5: any 32 bytes are a private key (clamping is done by X25519).
    SecureBytes priv(kX25519Length);
    random.fill(MutableByteView(priv.data(), priv.size()));
    return from_private(group, ByteView(priv.data(), priv.size()));
  }
  const CurveInfo* curve = nist_curve(group);
  if (curve == nullptr) return Error::make(ErrorKind::not_supported, "group not supported");
  ossl::EcGroupPtr ec_group(EC_GROUP_new_by_curve_name(curve->nid));
  if (!ec_group) return internal("EC group unavailable");
  const BIGNUM* order = EC_GROUP_get0_order(ec_group.get());
  ossl::SecretBnPtr d(BN_secure_new());
  if (!d) return internal("BN_secure_new failed");
  SecureBytes priv(curve->field_bytes);
  // Rejection sampling for a uniform scalar in [1, n-1] (FIPS 186-4 B.4.2).
  // For P-256 and P-384 the order is within 2^-32 of 2^bits, so a retry is
  // astronomically rare; the bound only guards a broken RandomSource.
  for (int attempt = 0; attempt < 64; ++attempt) {
    random.fill(MutableByteView(priv.data(), priv.size()));
    if (BN_bin2bn(priv.data(), static_cast<int>(priv.size()), d.get()) == nullptr) {
      return internal("BN_bin2bn failed");
    }
    if (!BN_is_zero(d.get()) && BN_cmp(d.get(), order) < 0) {
      return from_private(group, ByteView(priv.data(), priv.size()));
    }
  }
  return internal("random source gave no valid scalar");
}

Result<KeyShare> KeyShare::from_private(NamedGroup group, ByteView private_key) {
  auto state = std::make_unique<State>();
  if (group == NamedGroup::x25519) {
    if (private_key.size() != kX25519Length) {
      return Error::make(ErrorKind::invalid_argument, "x25519 private key must be 32 bytes");
    }
    state->pkey.reset(EVP_PKEY_new_raw_private_key_ex(nullptr, "X25519", nullptr,
                                                      private_key.data(), private_key.size()));
    Bytes pub(kX25519Length);
    size_t len = pub.size();
    if (!state->pkey || EVP_PKEY_get_raw_public_key(state->pkey.get(), pub.data(), &len) != 1 ||
        len != kX25519Length) {
      return internal("x25519 key setup failed");
    }
    return KeyShare(group, std::move(state), std::move(pub));
  }

  const CurveInfo* curve = nist_curve(group);
  if (curve == nullptr) return Error::make(ErrorKind::not_supported, "group not supported");
  if (private_key.empty() || private_key.size() > curve->field_bytes) {
    return Error::make(ErrorKind::invalid_argument, "EC private key has the wrong length");
  }
  ossl::EcGroupPtr ec_group(EC_GROUP_new_by_curve_name(curve->nid));
  ossl::BnCtxPtr bn_ctx(BN_CTX_secure_new());
  ossl::SecretBnPtr d(BN_secure_new());
  if (!ec_group || !bn_ctx || !d) return internal("EC setup failed");
  if (BN_bin2bn(private_key.data(), static_cast<int>(private_key.size()), d.get()) == nullptr) {
    return internal("BN_bin2bn failed");
  }
  if (BN_is_zero(d.get()) || BN_cmp(d.get(), EC_GROUP_get0_order(ec_group.get())) >= 0) {
    return Error::make(ErrorKind::invalid_argument, "EC private key out of range");
  }
  // Public point Q = d*G, encoded uncompressed (RFC 8446 4.2.8.2).
  ossl::EcPointPtr q(EC_POINT_new(ec_group.get()));
  Bytes pub(1 + 2 * curve->field_bytes);
  if (!q || EC_POINT_mul(ec_group.get(), q.get(), d.get(), nullptr, nullptr, bn_ctx.get()) != 1 ||
      EC_POINT_point2oct(ec_group.get(), q.get(), POINT_CONVERSION_UNCOMPRESSED, pub.data(),
                         pub.size(), bn_ctx.get()) != pub.size()) {
    return internal("EC public key computation failed");
  }
  CODA_ASSIGN(state->pkey, ec_pkey(*curve, pub, d.get()));
  return KeyShare(group, std::move(state), std::move(pub));
}

Result<SecureBytes> KeyShare::shared_secret(ByteView peer_public) const {
  if (!state_) return Error::make(ErrorKind::invalid_request, "key share moved from");
  if (group_ == NamedGroup::x25519) {
    // RFC 8446 4.2.8.2 / RFC 7748: the key_exchange is exactly 32 bytes.
    if (peer_public.size() != kX25519Length) return bad_share("x25519 share has wrong length");
    ossl::PkeyPtr peer(EVP_PKEY_new_raw_public_key_ex(nullptr, "X25519", nullptr,
                                                      peer_public.data(), peer_public.size()));
    if (!peer) return bad_share("x25519 share rejected");
    CODA_ASSIGN(SecureBytes secret, derive(state_->pkey.get(), peer.get()));
    // RFC 8446 7.4.2: an all-zero X25519 output MUST be rejected. libcrypto
    // already refuses it; check again in constant time so the rule does not
    // hinge on a library detail.
    uint8_t acc = 0;
    for (uint8_t b : secret) acc |= b;
    if (acc == 0) return bad_share("x25519 shared secret is all zeros");
    return secret;
  }

  const CurveInfo* curve = nist_curve(group_);
  if (curve == nullptr) return Error::make(ErrorKind::not_supported, "group not supported");
  // RFC 8446 4.2.8.2: only the uncompressed form (legacy_form 4) is allowed.
  if (peer_public.size() != 1 + 2 * curve->field_bytes || peer_public[0] != 0x04) {
    return bad_share("EC share is not an uncompressed point");
  }
  // RFC 8446 4.2.8.2: peers MUST validate the point (SP 800-56A 5.6.2.3.4):
  // coordinates in range and on the curve, not the point at infinity.
  ossl::EcGroupPtr ec_group(EC_GROUP_new_by_curve_name(curve->nid));
  ossl::EcPointPtr point(ec_group ? EC_POINT_new(ec_group.get()) : nullptr);
  ossl::BnCtxPtr bn_ctx(BN_CTX_new());
  if (!ec_group || !point || !bn_ctx) return internal("EC setup failed");
  if (EC_POINT_oct2point(ec_group.get(), point.get(), peer_public.data(), peer_public.size(),
                         bn_ctx.get()) != 1 ||
      EC_POINT_is_at_infinity(ec_group.get(), point.get()) == 1 ||
      EC_POINT_is_on_curve(ec_group.get(), point.get(), bn_ctx.get()) != 1) {
    return bad_share("EC share is not a valid point");
  }
  CODA_ASSIGN(ossl::PkeyPtr peer, ec_pkey(*curve, peer_public, nullptr));
  // RFC 8446 7.4.2: the ECDH shared secret is the x-coordinate, padded to
  // the field size; libcrypto's ECDH output is exactly that.
  CODA_ASSIGN(SecureBytes secret, derive(state_->pkey.get(), peer.get()));
  if (secret.size() != curve->field_bytes) return internal("ECDH output has the wrong size");
  return secret;
}

}  // namespace coda::crypto
