#include "crypto/signature.hpp"

#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <climits>
#include <optional>

#include "base/secure.hpp"
#include "crypto/ossl.hpp"

namespace coda::crypto {

namespace {

enum class Padding : uint8_t { none, pkcs1, pss };

struct SchemeInfo {
  KeyType key;      // the key type the scheme is for (curve for ECDSA)
  bool ecdsa;       // any ECDSA scheme
  Padding padding;  // RSA padding
  bool has_hash;    // false for Ed25519 (PureEdDSA hashes internally)
  HashAlg hash;
};

// The schemes Coda signs and verifies with; nullopt for the rest.
std::optional<SchemeInfo> scheme_info(SignatureScheme s) {
  using S = SignatureScheme;
  switch (s) {
    case S::ecdsa_secp256r1_sha256:
      return SchemeInfo{KeyType::ecdsa_p256, true, Padding::none, true, HashAlg::sha256};
    case S::ecdsa_secp384r1_sha384:
      return SchemeInfo{KeyType::ecdsa_p384, true, Padding::none, true, HashAlg::sha384};
    case S::ecdsa_secp521r1_sha512:
      return SchemeInfo{KeyType::ecdsa_p521, true, Padding::none, true, HashAlg::sha512};
    case S::rsa_pss_rsae_sha256:
      return SchemeInfo{KeyType::rsa, false, Padding::pss, true, HashAlg::sha256};
    case S::rsa_pss_rsae_sha384:
      return SchemeInfo{KeyType::rsa, false, Padding::pss, true, HashAlg::sha384};
    case S::rsa_pss_rsae_sha512:
      return SchemeInfo{KeyType::rsa, false, Padding::pss, true, HashAlg::sha512};
    case S::rsa_pkcs1_sha256:
      return SchemeInfo{KeyType::rsa, false, Padding::pkcs1, true, HashAlg::sha256};
    case S::rsa_pkcs1_sha384:
      return SchemeInfo{KeyType::rsa, false, Padding::pkcs1, true, HashAlg::sha384};
    case S::rsa_pkcs1_sha512:
      return SchemeInfo{KeyType::rsa, false, Padding::pkcs1, true, HashAlg::sha512};
    case S::ed25519:
      return SchemeInfo{KeyType::ed25519, false, Padding::none, false, HashAlg::sha256};
    default:
      return std::nullopt;
  }
}

bool is_ecdsa_key(KeyType t) {
  return t == KeyType::ecdsa_p256 || t == KeyType::ecdsa_p384 || t == KeyType::ecdsa_p521;
}

bool key_allows(KeyType key, SignatureScheme scheme, bool tls12) {
  auto info = scheme_info(scheme);
  if (!info) return false;
  if (is_ecdsa_key(key)) {
    // RFC 8446 4.2.3: in TLS 1.3 an ECDSA scheme names its curve; in TLS 1.2
    // (RFC 5246 7.4.1.4.1) the curve is negotiated apart from the hash.
    return info->ecdsa && (tls12 || info->key == key);
  }
  if (key == KeyType::rsa) {
    if (info->key != KeyType::rsa) return false;
    // RFC 8446 4.2.3: RSASSA-PKCS1-v1_5 MUST NOT be used to sign TLS 1.3
    // handshake messages (only in certificates, which libcrypto checks).
    return info->padding == Padding::pss || tls12;
  }
  if (key == KeyType::ed25519) return scheme == SignatureScheme::ed25519;
  return false;
}

// Sets up `ctx` for one sign or verify with `scheme` (the key has been
// checked against the scheme already).
bool init_digest_ctx(EVP_MD_CTX* ctx, EVP_PKEY* pkey, const SchemeInfo& info, bool sign) {
  EVP_PKEY_CTX* pctx = nullptr;  // owned by ctx
  const char* md_name = info.has_hash ? EVP_MD_get0_name(ossl::md(info.hash)) : nullptr;
  int rc = sign ? EVP_DigestSignInit_ex(ctx, &pctx, md_name, nullptr, nullptr, pkey, nullptr)
                : EVP_DigestVerifyInit_ex(ctx, &pctx, md_name, nullptr, nullptr, pkey, nullptr);
  if (rc != 1) return false;
  if (info.padding == Padding::pss) {
    // RFC 8446 4.2.3: RSASSA-PSS with MGF1 on the same hash and a salt as
    // long as the digest.
    return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
           EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1 &&
           EVP_PKEY_CTX_set_rsa_mgf1_md_name(pctx, md_name, nullptr) == 1;
  }
  if (info.padding == Padding::pkcs1) {
    return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1;
  }
  return true;
}

// A pass-phrase callback that refuses: an encrypted key must never make
// libcrypto prompt on the terminal.
int no_password(char*, int, int, void*) {
  return -1;
}

}  // namespace

const char* key_type_name(KeyType type) {
  switch (type) {
    case KeyType::rsa:
      return "RSA";
    case KeyType::ecdsa_p256:
      return "ECDSA P-256";
    case KeyType::ecdsa_p384:
      return "ECDSA P-384";
    case KeyType::ecdsa_p521:
      return "ECDSA P-521";
    case KeyType::ed25519:
      return "Ed25519";
    case KeyType::other:
      break;
  }
  return "other";
}

const char* signature_scheme_name(SignatureScheme scheme) {
  using S = SignatureScheme;
  switch (scheme) {
    case S::rsa_pkcs1_sha256:
      return "rsa_pkcs1_sha256";
    case S::rsa_pkcs1_sha384:
      return "rsa_pkcs1_sha384";
    case S::rsa_pkcs1_sha512:
      return "rsa_pkcs1_sha512";
    case S::ecdsa_secp256r1_sha256:
      return "ecdsa_secp256r1_sha256";
    case S::ecdsa_secp384r1_sha384:
      return "ecdsa_secp384r1_sha384";
    case S::ecdsa_secp521r1_sha512:
      return "ecdsa_secp521r1_sha512";
    case S::rsa_pss_rsae_sha256:
      return "rsa_pss_rsae_sha256";
    case S::rsa_pss_rsae_sha384:
      return "rsa_pss_rsae_sha384";
    case S::rsa_pss_rsae_sha512:
      return "rsa_pss_rsae_sha512";
    case S::ed25519:
      return "ed25519";
    case S::ed448:
      return "ed448";
    case S::rsa_pss_pss_sha256:
      return "rsa_pss_pss_sha256";
    case S::rsa_pss_pss_sha384:
      return "rsa_pss_pss_sha384";
    case S::rsa_pss_pss_sha512:
      return "rsa_pss_pss_sha512";
  }
  return "unknown";
}

// ---- PublicKey ----

struct PublicKey::State {
  ossl::PkeyPtr pkey;
};

PublicKey::PublicKey(std::unique_ptr<State> state)
    : state_(std::move(state)), type_(ossl::key_type_of(state_->pkey.get())) {}
PublicKey::PublicKey(PublicKey&&) noexcept = default;
PublicKey& PublicKey::operator=(PublicKey&&) noexcept = default;
PublicKey::~PublicKey() = default;

Result<PublicKey> PublicKey::from_spki(ByteView der) {
  if (der.empty() || der.size() > static_cast<size_t>(LONG_MAX)) {
    return Error::make(ErrorKind::invalid_argument, "empty public key");
  }
  const unsigned char* p = der.data();
  auto state = std::make_unique<State>();
  state->pkey.reset(d2i_PUBKEY(nullptr, &p, static_cast<long>(der.size())));
  // Trailing bytes after the SubjectPublicKeyInfo are malformed input too.
  if (!state->pkey || p != der.data() + der.size()) {
    ossl::clear_errors();
    return Error::make(ErrorKind::invalid_argument, "malformed SubjectPublicKeyInfo");
  }
  return PublicKey(std::move(state));
}

Result<PublicKey> PublicKey::share(void* native_key) {
  auto* pkey = static_cast<EVP_PKEY*>(native_key);
  if (pkey == nullptr || EVP_PKEY_up_ref(pkey) != 1) {
    ossl::clear_errors();
    return Error::make(ErrorKind::invalid_argument, "no public key");
  }
  auto state = std::make_unique<State>();
  state->pkey.reset(pkey);
  return PublicKey(std::move(state));
}

size_t PublicKey::bits() const {
  return state_ ? static_cast<size_t>(EVP_PKEY_get_bits(state_->pkey.get())) : 0;
}

bool PublicKey::allows(SignatureScheme scheme, bool tls12) const {
  return state_ && key_allows(type_, scheme, tls12);
}

Status PublicKey::verify(SignatureScheme scheme, ByteView message, ByteView signature) const {
  // The version-specific rule (allows(scheme, tls12)) is the caller's to
  // check; here only schemes that no TLS version allows for this key fail.
  if (!allows(scheme, true)) {
    return illegal_parameter("signature scheme does not match the key");
  }
  auto info = scheme_info(scheme);
  ossl::MdCtxPtr ctx(EVP_MD_CTX_new());
  if (!ctx || !init_digest_ctx(ctx.get(), state_->pkey.get(), *info, false)) {
    ossl::clear_errors();
    return Error::make(ErrorKind::internal, "signature verification setup failed");
  }
  // One-shot: Ed25519 cannot stream. Any failure (bad encoding, wrong key,
  // tampered data) is the same decrypt_error (RFC 8446 4.4.3).
  if (EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), message.data(),
                       message.size()) != 1) {
    ossl::clear_errors();
    return Error::alert_error(AlertDescription::decrypt_error, "bad signature");
  }
  return {};
}

// ---- PrivateKey ----

struct PrivateKey::State {
  ossl::PkeyPtr pkey;
};

PrivateKey::PrivateKey(std::unique_ptr<State> state)
    : state_(std::move(state)), type_(ossl::key_type_of(state_->pkey.get())) {}
PrivateKey::PrivateKey(PrivateKey&&) noexcept = default;
PrivateKey& PrivateKey::operator=(PrivateKey&&) noexcept = default;
PrivateKey::~PrivateKey() = default;

Result<PrivateKey> PrivateKey::from_pem(ByteView pem) {
  if (pem.empty() || pem.size() > static_cast<size_t>(INT_MAX)) {
    return Error::make(ErrorKind::invalid_argument, "empty private key");
  }
  auto state = std::make_unique<State>();
  ossl::BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return Error::make(ErrorKind::internal, "BIO_new_mem_buf failed");
  // PEM: PKCS#8 ("PRIVATE KEY") or the traditional RSA / EC forms.
  state->pkey.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, no_password, nullptr));
  if (!state->pkey) {
    // DER: PKCS#8 or traditional, the type guessed from the structure.
    const unsigned char* p = pem.data();
    state->pkey.reset(d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(pem.size())));
  }
  ossl::clear_errors();
  if (!state->pkey) return Error::make(ErrorKind::invalid_argument, "unreadable private key");
  if (ossl::key_type_of(state->pkey.get()) == KeyType::other) {
    return Error::make(ErrorKind::not_supported, "private key type not supported");
  }
  return PrivateKey(std::move(state));
}

Result<PrivateKey> PrivateKey::from_file(const std::string& path) {
  // The file holds the key in the clear: read into wiped memory, with no
  // stream buffer that would keep a copy.
  const auto data = read_file_wiped(path.c_str());
  if (!data) return Error::make(ErrorKind::invalid_argument, "cannot open private key file");
  return from_pem(ByteView(data->data(), data->size()));
}

std::vector<SignatureScheme> PrivateKey::schemes(bool tls12) const {
  using S = SignatureScheme;
  std::vector<S> out;
  switch (type_) {
    case KeyType::rsa:
      out = {S::rsa_pss_rsae_sha256, S::rsa_pss_rsae_sha384, S::rsa_pss_rsae_sha512};
      if (tls12)
        out.insert(out.end(), {S::rsa_pkcs1_sha256, S::rsa_pkcs1_sha384, S::rsa_pkcs1_sha512});
      break;
    case KeyType::ecdsa_p256:
    case KeyType::ecdsa_p384:
    case KeyType::ecdsa_p521: {
      const S own = type_ == KeyType::ecdsa_p256   ? S::ecdsa_secp256r1_sha256
                    : type_ == KeyType::ecdsa_p384 ? S::ecdsa_secp384r1_sha384
                                                   : S::ecdsa_secp521r1_sha512;
      out.push_back(own);
      if (tls12) {
        for (S s :
             {S::ecdsa_secp256r1_sha256, S::ecdsa_secp384r1_sha384, S::ecdsa_secp521r1_sha512}) {
          if (s != own) out.push_back(s);
        }
      }
      break;
    }
    case KeyType::ed25519:
      out = {S::ed25519};
      break;
    case KeyType::other:
      break;
  }
  return out;
}

bool PrivateKey::allows(SignatureScheme scheme, bool tls12) const {
  return state_ && key_allows(type_, scheme, tls12);
}

Result<Bytes> PrivateKey::sign(SignatureScheme scheme, ByteView message) const {
  // Signing with a scheme the key cannot make is a caller bug; TLS 1.2 rules
  // are the looser set, so anything beyond them is refused.
  if (!allows(scheme, true)) {
    return Error::make(ErrorKind::invalid_argument, "signature scheme does not match the key");
  }
  auto info = scheme_info(scheme);
  ossl::MdCtxPtr ctx(EVP_MD_CTX_new());
  size_t len = 0;
  if (!ctx || !init_digest_ctx(ctx.get(), state_->pkey.get(), *info, true) ||
      EVP_DigestSign(ctx.get(), nullptr, &len, message.data(), message.size()) != 1) {
    ossl::clear_errors();
    return Error::make(ErrorKind::internal, "signing setup failed");
  }
  Bytes sig(len);
  if (EVP_DigestSign(ctx.get(), sig.data(), &len, message.data(), message.size()) != 1) {
    ossl::clear_errors();
    return Error::make(ErrorKind::internal, "signing failed");
  }
  sig.resize(len);  // DER ECDSA signatures vary in length
  return sig;
}

bool PrivateKey::matches(const PublicKey& pub) const {
  if (!state_ || !pub.state_) return false;
  const bool eq = EVP_PKEY_eq(state_->pkey.get(), pub.state_->pkey.get()) == 1;
  ossl::clear_errors();
  return eq;
}

}  // namespace coda::crypto
