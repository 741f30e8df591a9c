#include "crypto/key_material.hpp"

#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/encoder.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <climits>
#include <string>
#include <vector>

#include "crypto/ossl.hpp"

namespace coda::crypto {

namespace {

Error invalid(const char* why) {
  ossl::clear_errors();
  return Error::make(ErrorKind::invalid_argument, why);
}

// A private key from DER in one structure. OSSL_DECODER reads PKCS#8 and
// the type-specific forms alike; it must use up every byte.
ossl::PkeyPtr decode_der(ByteView der, const char* structure) {
  if (der.empty() || der.size() > static_cast<size_t>(INT_MAX)) return nullptr;
  EVP_PKEY* key = nullptr;
  OSSL_DECODER_CTX* ctx = OSSL_DECODER_CTX_new_for_pkey(&key, "DER", structure, nullptr,
                                                        EVP_PKEY_KEYPAIR, nullptr, nullptr);
  if (ctx == nullptr) return nullptr;
  const unsigned char* p = der.data();
  size_t left = der.size();
  const int ok = OSSL_DECODER_from_data(ctx, &p, &left);
  OSSL_DECODER_CTX_free(ctx);
  ossl::PkeyPtr out(key);
  if (ok != 1 || left != 0) return nullptr;
  return out;
}

SecureBytes encode_der(const EVP_PKEY* key, const char* structure) {
  OSSL_ENCODER_CTX* ctx =
      OSSL_ENCODER_CTX_new_for_pkey(key, EVP_PKEY_KEYPAIR, "DER", structure, nullptr);
  if (ctx == nullptr) return {};
  unsigned char* data = nullptr;
  size_t len = 0;
  const int ok = OSSL_ENCODER_to_data(ctx, &data, &len);
  OSSL_ENCODER_CTX_free(ctx);
  if (ok != 1 || data == nullptr) {
    ossl::clear_errors();
    return {};
  }
  SecureBytes out(data, data + len);
  OPENSSL_clear_free(data, len);
  return out;
}

const EVP_MD* digest_named(std::string_view hash) {
  if (hash.empty()) return nullptr;
  return EVP_get_digestbyname(std::string(hash).c_str());
}

// PSS with the salt as long as the hash (RFC 8446 4.2.3, and what GnuTLS
// signs with).
bool set_padding(EVP_PKEY_CTX* pctx, const EVP_PKEY* key, bool pss) {
  if (EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA_PSS) pss = true;
  if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA && EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA_PSS) {
    return !pss;
  }
  if (!pss) return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1;
  return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
         EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1;
}

// One DER TLV (X.690 8.1) at the front of `in`: its tag, the whole element
// and its contents; false when the bytes are cut short or the length is
// not in definite form. Lengths up to 4 octets (keys are far smaller).
struct Tlv {
  uint8_t tag = 0;
  ByteView whole;
  ByteView contents;
};
bool read_tlv(ByteView in, Tlv& out) {
  if (in.size() < 2) return false;
  size_t len = in[1];
  size_t header = 2;
  if (len & 0x80U) {
    const size_t n = len & 0x7FU;
    if (n == 0 || n > 4 || in.size() < 2 + n) return false;
    len = 0;
    for (size_t i = 0; i < n; ++i) len = len << 8U | in[2 + i];
    header += n;
  }
  if (len > in.size() - header) return false;
  out.tag = in[0];
  out.whole = in.first(header + len);
  out.contents = in.subspan(header, len);
  return true;
}

void append_tlv(SecureBytes& out, uint8_t tag, ByteView contents) {
  out.push_back(tag);
  const size_t len = contents.size();
  if (len < 0x80) {
    out.push_back(static_cast<uint8_t>(len));
  } else {
    uint8_t octets[4];
    size_t n = 0;
    for (size_t v = len; v != 0 && n < 4; v >>= 8U) octets[n++] = static_cast<uint8_t>(v);
    out.push_back(static_cast<uint8_t>(0x80U | n));
    while (n > 0) out.push_back(octets[--n]);
  }
  out.insert(out.end(), contents.begin(), contents.end());
}

// The elements of a SEQUENCE's contents; false if they do not tile it.
bool elements(ByteView seq, std::vector<Tlv>& out) {
  while (!seq.empty()) {
    Tlv t;
    if (!read_tlv(seq, t)) return false;
    out.push_back(t);
    seq = seq.subspan(t.whole.size());
  }
  return true;
}

// Whether an ECPrivateKey (RFC 5915 3) carries its [0] parameters.
bool sec1_has_parameters(ByteView sec1) {
  Tlv outer;
  std::vector<Tlv> parts;
  if (!read_tlv(sec1, outer) || outer.tag != 0x30 || !elements(outer.contents, parts)) return false;
  return parts.size() > 2 && parts[2].tag == 0xA0;
}

// The ECPrivateKey inside a PKCS#8 PrivateKeyInfo (RFC 5958 2), if any.
ByteView pkcs8_inner(ByteView pkcs8) {
  Tlv outer;
  std::vector<Tlv> parts;
  if (!read_tlv(pkcs8, outer) || outer.tag != 0x30 || !elements(outer.contents, parts) ||
      parts.size() < 3 || parts[1].tag != 0x30 || parts[2].tag != 0x04) {
    return {};
  }
  return parts[2].contents;
}

// An ECPrivateKey with its [0] parameters dropped, or with `params` (a [0]
// element) put in: GnuTLS writes the structure back as it read it.
SecureBytes sec1_with(ByteView sec1, ByteView params) {
  Tlv outer;
  std::vector<Tlv> parts;
  if (!read_tlv(sec1, outer) || !elements(outer.contents, parts) || parts.size() < 2) return {};
  SecureBytes body;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].tag == 0xA0) continue;
    if (i == 2 && !params.empty()) body.insert(body.end(), params.begin(), params.end());
    body.insert(body.end(), parts[i].whole.begin(), parts[i].whole.end());
  }
  if (parts.size() == 2 && !params.empty()) body.insert(body.end(), params.begin(), params.end());
  SecureBytes out;
  append_tlv(out, 0x30, ByteView(body.data(), body.size()));
  return out;
}

// The curve of an EC SubjectPublicKeyInfo as an ECPrivateKey's [0]
// parameters element (RFC 5915 3: the namedCurve OID); empty if not found.
SecureBytes curve_parameters(ByteView spki) {
  Tlv outer, alg;
  std::vector<Tlv> parts, alg_parts;
  if (!read_tlv(spki, outer) || !elements(outer.contents, parts) || parts.empty() ||
      !read_tlv(parts[0].whole, alg) || !elements(alg.contents, alg_parts) ||
      alg_parts.size() != 2 || alg_parts[1].tag != 0x06) {
    return {};
  }
  SecureBytes out;
  append_tlv(out, 0xA0, alg_parts[1].whole);
  return out;
}

}  // namespace

struct KeyMaterial::State {
  ossl::PkeyPtr key;
  // EC only: whether the ECPrivateKey as imported carried the curve in its
  // own [0] field (SEC1 files do, PKCS#8 from OpenSSL does not). GnuTLS
  // writes a PKCS#8 key's inner structure as it read it, so Coda does too.
  bool ec_parameters = true;
};

KeyMaterial::KeyMaterial(std::unique_ptr<State> state) : state_(std::move(state)) {}
KeyMaterial::KeyMaterial(KeyMaterial&&) noexcept = default;
KeyMaterial& KeyMaterial::operator=(KeyMaterial&&) noexcept = default;
KeyMaterial::~KeyMaterial() = default;

KeyMaterial::KeyMaterial(const KeyMaterial& other) {
  if (other.state_ && other.state_->key) {
    EVP_PKEY_up_ref(other.state_->key.get());
    state_ = std::make_unique<State>(State{ossl::PkeyPtr(other.state_->key.get())});
  }
}

KeyMaterial& KeyMaterial::operator=(const KeyMaterial& other) {
  if (this != &other) *this = KeyMaterial(other);
  return *this;
}

Result<KeyMaterial> KeyMaterial::from_der(ByteView der) {
  ossl::PkeyPtr key = decode_der(der, "PrivateKeyInfo");
  if (!key) key = decode_der(der, "type-specific");
  const ByteView inner = pkcs8_inner(der);
  const bool params = sec1_has_parameters(inner.empty() ? der : inner);
  ossl::clear_errors();
  if (!key) return invalid("not a private key");
  return KeyMaterial(std::make_unique<State>(State{std::move(key), params}));
}

Result<KeyMaterial> KeyMaterial::from_encrypted_pkcs8(ByteView der, std::string_view password) {
  if (der.empty() || der.size() > static_cast<size_t>(LONG_MAX)) return invalid("empty key");
  const unsigned char* p = der.data();
  X509_SIG* sig = d2i_X509_SIG(nullptr, &p, static_cast<long>(der.size()));
  if (sig == nullptr || p != der.data() + der.size()) {
    X509_SIG_free(sig);
    return invalid("not an EncryptedPrivateKeyInfo");
  }
  const std::string pass(password);
  PKCS8_PRIV_KEY_INFO* info = PKCS8_decrypt(sig, pass.c_str(), static_cast<int>(pass.size()));
  X509_SIG_free(sig);
  if (info == nullptr) {
    ossl::clear_errors();
    return Error::alert_error(AlertDescription::decrypt_error, "wrong password");
  }
  unsigned char* plain = nullptr;
  const int plain_len = i2d_PKCS8_PRIV_KEY_INFO(info, &plain);
  PKCS8_PRIV_KEY_INFO_free(info);
  if (plain_len <= 0) return invalid("encrypted key unreadable");
  auto out = from_der(ByteView(plain, static_cast<size_t>(plain_len)));
  OPENSSL_clear_free(plain, static_cast<size_t>(plain_len));
  return out;
}

Result<KeyMaterial> KeyMaterial::generate(KeyAlgorithm algorithm, unsigned bits) {
  EVP_PKEY* key = nullptr;
  switch (algorithm) {
    case KeyAlgorithm::rsa:
      if (bits < 512 || bits > 16384) return invalid("RSA size out of range");
      key = EVP_RSA_gen(bits);
      break;
    case KeyAlgorithm::ec: {
      const char* curve = bits == 256   ? "P-256"
                          : bits == 384 ? "P-384"
                          : bits == 521 ? "P-521"
                                        : nullptr;
      if (curve == nullptr) return invalid("no such curve");
      key = EVP_EC_gen(curve);
      break;
    }
    case KeyAlgorithm::ed25519:
      key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
      break;
    case KeyAlgorithm::ed448:
      key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED448");
      break;
    default:
      return Error::make(ErrorKind::not_supported, "key type not generated");
  }
  if (key == nullptr) return invalid("key generation failed");
  return KeyMaterial(std::make_unique<State>(State{ossl::PkeyPtr(key)}));
}

KeyInfo KeyMaterial::info() const {
  const Bytes pub = spki();
  const auto info = spki_info(pub);
  return info ? *info : KeyInfo{};
}

SecureBytes KeyMaterial::pkcs8() const {
  if (!state_) return {};
  SecureBytes der = encode_der(state_->key.get(), "PrivateKeyInfo");
  if (EVP_PKEY_get_base_id(state_->key.get()) != EVP_PKEY_EC) return der;
  const ByteView view(der.data(), der.size());
  const ByteView inner = pkcs8_inner(view);
  if (inner.empty() || sec1_has_parameters(inner) == state_->ec_parameters) return der;
  // Rebuild the PrivateKeyInfo around the ECPrivateKey GnuTLS would write.
  const SecureBytes params = state_->ec_parameters ? curve_parameters(spki()) : SecureBytes();
  const SecureBytes wanted = sec1_with(inner, ByteView(params.data(), params.size()));
  Tlv outer;
  std::vector<Tlv> parts;
  if (wanted.empty() || !read_tlv(view, outer) || !elements(outer.contents, parts)) return der;
  SecureBytes body;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i == 2) {
      append_tlv(body, 0x04, ByteView(wanted.data(), wanted.size()));
    } else {
      body.insert(body.end(), parts[i].whole.begin(), parts[i].whole.end());
    }
  }
  SecureBytes out;
  append_tlv(out, 0x30, ByteView(body.data(), body.size()));
  return out;
}

SecureBytes KeyMaterial::traditional(std::string& pem_label) const {
  if (!state_) return {};
  switch (EVP_PKEY_get_base_id(state_->key.get())) {
    case EVP_PKEY_RSA:
      pem_label = "RSA PRIVATE KEY";
      return encode_der(state_->key.get(), "type-specific");
    case EVP_PKEY_EC: {
      // RFC 5915 3: the parameters MUST be there, so the file names its
      // curve (GnuTLS 3.7 leaves them out for a key that came as PKCS#8,
      // and cannot read what it wrote).
      pem_label = "EC PRIVATE KEY";
      const SecureBytes der = encode_der(state_->key.get(), "type-specific");
      const ByteView view(der.data(), der.size());
      if (sec1_has_parameters(view)) return der;
      const SecureBytes params = curve_parameters(spki());
      return sec1_with(view, ByteView(params.data(), params.size()));
    }
    default:
      pem_label = "PRIVATE KEY";
      return pkcs8();
  }
}

Result<Bytes> KeyMaterial::encrypted_pkcs8(std::string_view password) const {
  if (!state_) return invalid("no key");
  PKCS8_PRIV_KEY_INFO* info = EVP_PKEY2PKCS8(state_->key.get());
  if (info == nullptr) return invalid("key not encodable");
  const std::string pass(password);
  X509_SIG* sig = PKCS8_encrypt(-1, EVP_aes_256_cbc(), pass.c_str(), static_cast<int>(pass.size()),
                                nullptr, 0, PKCS12_DEFAULT_ITER, info);
  PKCS8_PRIV_KEY_INFO_free(info);
  if (sig == nullptr) return invalid("encryption failed");
  unsigned char* der = nullptr;
  const int len = i2d_X509_SIG(sig, &der);
  X509_SIG_free(sig);
  if (len <= 0) return invalid("encryption failed");
  Bytes out(der, der + len);
  OPENSSL_free(der);
  return out;
}

Bytes KeyMaterial::spki() const {
  if (!state_) return {};
  unsigned char* der = nullptr;
  const int len = i2d_PUBKEY(state_->key.get(), &der);
  if (len <= 0) {
    ossl::clear_errors();
    return {};
  }
  Bytes out(der, der + len);
  OPENSSL_free(der);
  return out;
}

Result<Bytes> KeyMaterial::sign(std::string_view hash, bool pss, ByteView data) const {
  if (!state_) return invalid("no key");
  ossl::MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  const EVP_MD* md = digest_named(hash);
  if (!ctx || (!hash.empty() && md == nullptr)) return invalid("unknown hash");
  if (EVP_DigestSignInit(ctx.get(), &pctx, md, nullptr, state_->key.get()) != 1 ||
      (md != nullptr && !set_padding(pctx, state_->key.get(), pss))) {
    return invalid("key cannot sign so");
  }
  size_t len = 0;
  if (EVP_DigestSign(ctx.get(), nullptr, &len, data.data(), data.size()) != 1) {
    return invalid("signing failed");
  }
  Bytes sig(len);
  if (EVP_DigestSign(ctx.get(), sig.data(), &len, data.data(), data.size()) != 1) {
    return invalid("signing failed");
  }
  sig.resize(len);
  return sig;
}

Result<Bytes> KeyMaterial::sign_digest(std::string_view hash, bool pss, ByteView digest) const {
  if (!state_) return invalid("no key");
  ossl::PkeyCtxPtr pctx(EVP_PKEY_CTX_new(state_->key.get(), nullptr));
  const EVP_MD* md = digest_named(hash);
  if (!pctx || EVP_PKEY_sign_init(pctx.get()) != 1) return invalid("key cannot sign digests");
  // PKCS#1 v1.5 without a hash named signs the bytes as given (a TLS 1.0
  // MD5+SHA-1 digest, say); otherwise the DigestInfo names the hash.
  if (md != nullptr && EVP_PKEY_CTX_set_signature_md(pctx.get(), md) != 1) {
    return invalid("unknown hash");
  }
  if (!set_padding(pctx.get(), state_->key.get(), pss)) return invalid("key cannot sign so");
  size_t len = 0;
  if (EVP_PKEY_sign(pctx.get(), nullptr, &len, digest.data(), digest.size()) != 1) {
    return invalid("signing failed");
  }
  Bytes sig(len);
  if (EVP_PKEY_sign(pctx.get(), sig.data(), &len, digest.data(), digest.size()) != 1) {
    return invalid("signing failed");
  }
  sig.resize(len);
  return sig;
}

Status verify_with_spki(ByteView spki, std::string_view hash, bool pss, ByteView data,
                        ByteView signature) {
  if (spki.empty() || spki.size() > static_cast<size_t>(LONG_MAX)) return invalid("no key");
  const unsigned char* p = spki.data();
  ossl::PkeyPtr key(d2i_PUBKEY(nullptr, &p, static_cast<long>(spki.size())));
  if (!key) return invalid("no key");
  ossl::MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  const EVP_MD* md = digest_named(hash);
  if (!ctx || (!hash.empty() && md == nullptr)) return invalid("unknown hash");
  if (EVP_DigestVerifyInit(ctx.get(), &pctx, md, nullptr, key.get()) != 1 ||
      (md != nullptr && !set_padding(pctx, key.get(), pss))) {
    return invalid("key cannot verify so");
  }
  const int ok =
      EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), data.data(), data.size());
  ossl::clear_errors();
  if (ok != 1) return Error::alert_error(AlertDescription::decrypt_error, "bad signature");
  return {};
}

}  // namespace coda::crypto
