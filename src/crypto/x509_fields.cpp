#include "crypto/x509_fields.hpp"

#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509v3.h>

#include <climits>

#include "crypto/ossl.hpp"

namespace coda::crypto {

namespace {

X509* native_of(const Certificate& cert) {
  return static_cast<X509*>(cert.native());
}

std::string oid_text(const ASN1_OBJECT* obj) {
  char buf[256];
  const int n = OBJ_obj2txt(buf, sizeof buf, obj, /*no_name=*/1);
  if (n <= 0 || static_cast<size_t>(n) >= sizeof buf) return {};
  return std::string(buf, static_cast<size_t>(n));
}

// DER length octets (X.690 8.1.3).
void append_length(Bytes& out, size_t len) {
  if (len < 0x80) {
    out.push_back(static_cast<uint8_t>(len));
    return;
  }
  uint8_t octets[sizeof(size_t)];
  size_t n = 0;
  for (size_t v = len; v != 0; v >>= 8U) octets[n++] = static_cast<uint8_t>(v);
  out.push_back(static_cast<uint8_t>(0x80U | n));
  while (n > 0) out.push_back(octets[--n]);
}

// The contents of a DER TLV whose header was written by libcrypto.
Bytes contents_of(const Bytes& tlv) {
  if (tlv.size() < 2) return {};
  size_t header = 2;
  if (tlv[1] & 0x80U) header += tlv[1] & 0x7FU;
  if (header > tlv.size()) return {};
  return Bytes(tlv.begin() + static_cast<std::ptrdiff_t>(header), tlv.end());
}

Name name_of(const X509_NAME* name) {
  Name out;
  out.der = ossl::to_der(name, &i2d_X509_NAME);
  const int count = X509_NAME_entry_count(name);
  for (int i = 0; i < count; ++i) {
    const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
    const ASN1_STRING* data = X509_NAME_ENTRY_get_data(entry);
    NameAttribute a;
    a.oid = oid_text(X509_NAME_ENTRY_get_object(entry));
    a.rdn = static_cast<unsigned>(X509_NAME_ENTRY_set(entry));
    const int type = ASN1_STRING_type(data);
    const auto* p = ASN1_STRING_get0_data(data);
    const auto len = static_cast<size_t>(ASN1_STRING_length(data));
    if (type == V_ASN1_SEQUENCE || type == V_ASN1_SET || type == V_ASN1_OTHER || type < 0) {
      // libcrypto keeps a value of a non-string type as its whole encoding.
      a.value_der.assign(p, p + len);
      a.tag = len > 0 ? p[0] & 0x1F : 0;
      a.value = contents_of(a.value_der);
    } else {
      a.tag = type;
      a.value.assign(p, p + len);
      a.value_der.push_back(static_cast<uint8_t>(type));
      append_length(a.value_der, len);
      a.value_der.insert(a.value_der.end(), p, p + len);
    }
    out.attributes.push_back(std::move(a));
  }
  // X509_NAME_ENTRY_set numbers the sets from 0 upwards in order.
  return out;
}

template <typename T>
struct Ext {
  T* value = nullptr;
  bool critical = false;
};

template <typename T>
Ext<T> get_ext(const Certificate& cert, int nid) {
  Ext<T> out;
  X509* x = native_of(cert);
  if (x == nullptr) return out;
  int crit = -1;
  out.value = static_cast<T*>(X509_get_ext_d2i(x, nid, &crit, nullptr));
  out.critical = crit == 1;
  ossl::clear_errors();
  return out;
}

}  // namespace

Result<Name> Name::from_der(ByteView der) {
  if (der.empty() || der.size() > static_cast<size_t>(LONG_MAX)) {
    return Error::make(ErrorKind::invalid_argument, "empty name");
  }
  const unsigned char* p = der.data();
  X509_NAME* parsed = d2i_X509_NAME(nullptr, &p, static_cast<long>(der.size()));
  if (parsed == nullptr || p != der.data() + der.size()) {
    X509_NAME_free(parsed);
    ossl::clear_errors();
    return Error::make(ErrorKind::invalid_argument, "malformed name");
  }
  Name out = name_of(parsed);
  X509_NAME_free(parsed);
  return out;
}

Bytes serial_number(const Certificate& cert) {
  X509* x = native_of(cert);
  if (x == nullptr) return {};
  return contents_of(ossl::to_der(X509_get0_serialNumber(x), &i2d_ASN1_INTEGER));
}

int certificate_version(const Certificate& cert) {
  X509* x = native_of(cert);
  return x != nullptr ? static_cast<int>(X509_get_version(x)) + 1 : 0;
}

std::string signature_algorithm_oid(const Certificate& cert) {
  X509* x = native_of(cert);
  if (x == nullptr) return {};
  const X509_ALGOR* alg = nullptr;
  X509_get0_signature(nullptr, &alg, x);
  const ASN1_OBJECT* obj = nullptr;
  X509_ALGOR_get0(&obj, nullptr, nullptr, alg);
  return obj != nullptr ? oid_text(obj) : std::string();
}

std::string pss_hash_name(const Certificate& cert) {
  X509* x = native_of(cert);
  if (x == nullptr || X509_get_signature_nid(x) != NID_rsassaPss) return {};
  int md = NID_undef;
  if (X509_get_signature_info(x, &md, nullptr, nullptr, nullptr) != 1) {
    ossl::clear_errors();
    return {};
  }
  const char* name = OBJ_nid2sn(md);
  return name != nullptr ? name : "";
}

std::optional<Name> subject_name(const Certificate& cert) {
  X509* x = native_of(cert);
  if (x == nullptr) return std::nullopt;
  return name_of(X509_get_subject_name(x));
}

std::optional<Name> issuer_name(const Certificate& cert) {
  X509* x = native_of(cert);
  if (x == nullptr) return std::nullopt;
  return name_of(X509_get_issuer_name(x));
}

std::optional<std::vector<AltName>> subject_alt_names(const Certificate& cert, bool* critical) {
  auto ext = get_ext<GENERAL_NAMES>(cert, NID_subject_alt_name);
  if (ext.value == nullptr) return std::nullopt;
  if (critical) *critical = ext.critical;
  std::vector<AltName> out;
  for (int i = 0; i < sk_GENERAL_NAME_num(ext.value); ++i) {
    const GENERAL_NAME* g = sk_GENERAL_NAME_value(ext.value, i);
    AltName a;
    const ASN1_STRING* s = nullptr;
    switch (g->type) {
      case GEN_DNS:
        a.kind = AltNameKind::dns;
        s = g->d.dNSName;
        break;
      case GEN_EMAIL:
        a.kind = AltNameKind::email;
        s = g->d.rfc822Name;
        break;
      case GEN_URI:
        a.kind = AltNameKind::uri;
        s = g->d.uniformResourceIdentifier;
        break;
      case GEN_IPADD:
        a.kind = AltNameKind::ip;
        s = g->d.iPAddress;
        break;
      case GEN_OTHERNAME:
        a.kind = AltNameKind::other_name;
        a.oid = oid_text(g->d.otherName->type_id);
        a.value = ossl::to_der(g->d.otherName->value, &i2d_ASN1_TYPE);
        break;
      case GEN_DIRNAME:
        a.kind = AltNameKind::directory;
        a.value = ossl::to_der(g->d.directoryName, &i2d_X509_NAME);
        break;
      case GEN_RID: {
        a.kind = AltNameKind::registered_id;
        const std::string oid = oid_text(g->d.registeredID);
        a.value.assign(oid.begin(), oid.end());
        break;
      }
      default:
        break;
    }
    if (s != nullptr) {
      const auto* p = ASN1_STRING_get0_data(s);
      a.value.assign(p, p + ASN1_STRING_length(s));
    }
    out.push_back(std::move(a));
  }
  GENERAL_NAMES_free(ext.value);
  return out;
}

std::optional<unsigned> key_usage_bits(const Certificate& cert, bool* critical) {
  auto ext = get_ext<ASN1_BIT_STRING>(cert, NID_key_usage);
  if (ext.value == nullptr) return std::nullopt;
  if (critical) *critical = ext.critical;
  const int len = ASN1_STRING_length(ext.value);
  const auto* p = ASN1_STRING_get0_data(ext.value);
  unsigned bits = 0;
  if (len > 0) bits |= p[0];
  if (len > 1) bits |= static_cast<unsigned>(p[1]) << 8U;
  ASN1_BIT_STRING_free(ext.value);
  return bits;
}

std::optional<std::vector<std::string>> extended_key_usage(const Certificate& cert,
                                                           bool* critical) {
  auto ext = get_ext<EXTENDED_KEY_USAGE>(cert, NID_ext_key_usage);
  if (ext.value == nullptr) return std::nullopt;
  if (critical) *critical = ext.critical;
  std::vector<std::string> out;
  for (int i = 0; i < sk_ASN1_OBJECT_num(ext.value); ++i) {
    out.push_back(oid_text(sk_ASN1_OBJECT_value(ext.value, i)));
  }
  EXTENDED_KEY_USAGE_free(ext.value);
  return out;
}

std::optional<BasicConstraints> basic_constraints(const Certificate& cert) {
  auto ext = get_ext<BASIC_CONSTRAINTS>(cert, NID_basic_constraints);
  if (ext.value == nullptr) return std::nullopt;
  BasicConstraints out;
  out.critical = ext.critical;
  out.ca = ext.value->ca != 0;
  if (ext.value->pathlen != nullptr) {
    const long v = ASN1_INTEGER_get(ext.value->pathlen);
    out.path_len = v >= 0 && v <= INT_MAX ? static_cast<int>(v) : INT_MAX;
  }
  BASIC_CONSTRAINTS_free(ext.value);
  return out;
}

std::optional<Bytes> subject_key_id(const Certificate& cert, bool* critical) {
  auto ext = get_ext<ASN1_OCTET_STRING>(cert, NID_subject_key_identifier);
  if (ext.value == nullptr) return std::nullopt;
  if (critical) *critical = ext.critical;
  const auto* p = ASN1_STRING_get0_data(ext.value);
  Bytes out(p, p + ASN1_STRING_length(ext.value));
  ASN1_OCTET_STRING_free(ext.value);
  return out;
}

std::optional<Bytes> authority_key_id(const Certificate& cert, bool* critical) {
  auto ext = get_ext<AUTHORITY_KEYID>(cert, NID_authority_key_identifier);
  if (ext.value == nullptr) return std::nullopt;
  std::optional<Bytes> out;
  if (ext.value->keyid != nullptr) {
    if (critical) *critical = ext.critical;
    const auto* p = ASN1_STRING_get0_data(ext.value->keyid);
    out.emplace(p, p + ASN1_STRING_length(ext.value->keyid));
  }
  AUTHORITY_KEYID_free(ext.value);
  return out;
}

ExtensionFlags extension_flags(const Certificate& cert, const char* oid) {
  ExtensionFlags out;
  X509* x = native_of(cert);
  if (x == nullptr) return out;
  ASN1_OBJECT* obj = OBJ_txt2obj(oid, 1);
  if (obj == nullptr) {
    ossl::clear_errors();
    return out;
  }
  const int at = X509_get_ext_by_OBJ(x, obj, -1);
  ASN1_OBJECT_free(obj);
  if (at >= 0) {
    out.present = true;
    out.critical = X509_EXTENSION_get_critical(X509_get_ext(x, at)) != 0;
  }
  return out;
}

}  // namespace coda::crypto

namespace coda::crypto {

std::optional<KeyInfo> spki_info(ByteView spki) {
  if (spki.empty() || spki.size() > static_cast<size_t>(LONG_MAX)) return std::nullopt;
  const unsigned char* p = spki.data();
  EVP_PKEY* key = d2i_PUBKEY(nullptr, &p, static_cast<long>(spki.size()));
  if (key == nullptr || p != spki.data() + spki.size()) {
    EVP_PKEY_free(key);
    ossl::clear_errors();
    return std::nullopt;
  }
  KeyInfo info;
  const int bits = EVP_PKEY_get_bits(key);
  info.bits = bits > 0 ? static_cast<unsigned>(bits) : 0;
  switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
      info.algorithm = KeyAlgorithm::rsa;
      break;
    case EVP_PKEY_RSA_PSS:
      info.algorithm = KeyAlgorithm::rsa_pss;
      break;
    case EVP_PKEY_DSA:
      info.algorithm = KeyAlgorithm::dsa;
      break;
    case EVP_PKEY_EC:
      info.algorithm = KeyAlgorithm::ec;
      break;
    // The size of the curve's field, as GnuTLS counts it (libcrypto
    // reports the security-relevant bits: 253, 456).
    case EVP_PKEY_ED25519:
      info.algorithm = KeyAlgorithm::ed25519;
      info.bits = 256;
      break;
    case EVP_PKEY_ED448:
      info.algorithm = KeyAlgorithm::ed448;
      info.bits = 456;
      break;
    case EVP_PKEY_X25519:
      info.algorithm = KeyAlgorithm::x25519;
      info.bits = 256;
      break;
    case EVP_PKEY_X448:
      info.algorithm = KeyAlgorithm::x448;
      info.bits = 448;
      break;
    default:
      break;
  }
  EVP_PKEY_free(key);
  ossl::clear_errors();
  return info;
}

}  // namespace coda::crypto
