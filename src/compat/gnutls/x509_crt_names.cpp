// The names in a certificate: subject and issuer attribute by attribute and
// raw, as gnutls_x509_dn_t handles, and the subjectAltName entries.
//
// As GnuTLS 3.7.9 (tests/api/x509_objects.c):
//   - get_dn_by_oid gives the value escaped as in the DN string, or with
//     raw_flag its DER (tag, length, value); an index past the last value of
//     that OID, or past the last OID: GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
//   - a certificate never imported has an empty raw DN (0, no bytes);
//   - get_subject_alt_name returns the entry's gnutls_x509_subject_alt_name_t:
//     texts with the buffer protocol of strings, an IP address as its 4 or
//     16 octets, a directoryName as its DN string (RFC 4514 order) whose
//     needed size counts no NUL, an otherName as the DER of its value, or
//     for XMPP and Microsoft UPN names (GNUTLS_SAN_OTHERNAME_XMPP,
//     _MSUSERPRINCIPAL) the string; GnuTLS never sets *critical there, nor
//     does Coda.
#include <cstring>
#include <string>

#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/dn_string.hpp"
#include "compat/gnutls/output.hpp"
#include "compat/gnutls/x509.hpp"

namespace {

using coda::ByteView;
using coda::compat::bytes_out;
using coda::compat::loaded;
using coda::compat::string_out;
using coda::crypto::AltName;
using coda::crypto::AltNameKind;
using coda::crypto::Name;

constexpr const char* kXmppOid = "1.3.6.1.5.5.7.8.5";
constexpr const char* kMsUpnOid = "1.3.6.1.4.1.311.20.2.3";

std::optional<Name> name_of(gnutls_x509_crt_t cert, bool issuer) {
  if (!loaded(cert)) return std::nullopt;
  return issuer ? coda::crypto::issuer_name(*cert->cert) : coda::crypto::subject_name(*cert->cert);
}

int dn_oid(gnutls_x509_crt_t cert, bool issuer, unsigned indx, void* oid, size_t* oid_size) {
  if (cert == nullptr || oid_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  const auto name = name_of(cert, issuer);
  if (!name || indx >= name->attributes.size()) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  return string_out(name->attributes[indx].oid, oid, oid_size);
}

int dn_by_oid(gnutls_x509_crt_t cert, bool issuer, const char* oid, unsigned indx,
              unsigned raw_flag, void* buf, size_t* buf_size) {
  if (cert == nullptr || oid == nullptr || buf_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  const auto name = name_of(cert, issuer);
  if (!name) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  unsigned seen = 0;
  for (const auto& a : name->attributes) {
    if (a.oid != oid || seen++ != indx) continue;
    if (raw_flag) return bytes_out(a.value_der, buf, buf_size);
    return string_out(coda::compat::dn_value_string(a), buf, buf_size);
  }
  return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
}

int raw_dn(gnutls_x509_crt_t cert, bool issuer, gnutls_datum_t* out) {
  if (cert == nullptr || out == nullptr) return GNUTLS_E_INVALID_REQUEST;
  *out = gnutls_datum_t{nullptr, 0};
  if (!loaded(cert)) return 0;
  const auto name = name_of(cert, issuer);
  if (!name) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  return coda::compat::datum_out(ByteView(name->der), out);
}

int dn_handle(gnutls_x509_crt_t cert, bool issuer, gnutls_x509_dn_t* dn) {
  if (cert == nullptr || dn == nullptr) return GNUTLS_E_INVALID_REQUEST;
  auto& slot = issuer ? cert->issuer : cert->subject;
  if (!slot) {
    slot = std::make_unique<gnutls_x509_dn_st>();
    if (auto name = name_of(cert, issuer)) slot->set(std::move(*name));
  }
  *dn = slot.get();
  return 0;
}

// The otherName types GnuTLS decodes to a string (a UTF8String value).
unsigned other_name_type(const AltName& a) {
  if (a.oid == kXmppOid) return GNUTLS_SAN_OTHERNAME_XMPP;
  if (a.oid == kMsUpnOid) return GNUTLS_SAN_OTHERNAME_MSUSERPRINCIPAL;
  return GNUTLS_SAN_OTHERNAME;
}

// The UTF8String inside an otherName's value DER; false if it is not one.
bool utf8_value(const AltName& a, std::string& out) {
  const auto& v = a.value;
  if (v.size() < 2 || v[0] != 0x0C) return false;
  size_t len = v[1], header = 2;
  if (len & 0x80U) {
    const size_t n = len & 0x7FU;
    if (n == 0 || n > 3 || v.size() < 2 + n) return false;
    len = 0;
    for (size_t i = 0; i < n; ++i) len = len << 8U | v[2 + i];
    header += n;
  }
  if (header + len != v.size()) return false;
  out.assign(v.begin() + static_cast<std::ptrdiff_t>(header), v.end());
  return true;
}

int alt_name(gnutls_x509_crt_t cert, unsigned seq, void* san, size_t* san_size, unsigned* san_type,
             bool oid_only) {
  if (cert == nullptr || san_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!loaded(cert)) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  const auto names = coda::crypto::subject_alt_names(*cert->cert, nullptr);
  if (!names || seq >= names->size()) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  const AltName& a = (*names)[seq];
  unsigned type = 0;
  switch (a.kind) {
    case AltNameKind::dns:
      type = GNUTLS_SAN_DNSNAME;
      break;
    case AltNameKind::email:
      type = GNUTLS_SAN_RFC822NAME;
      break;
    case AltNameKind::uri:
      type = GNUTLS_SAN_URI;
      break;
    case AltNameKind::ip:
      type = GNUTLS_SAN_IPADDRESS;
      break;
    case AltNameKind::other_name:
      type = other_name_type(a);
      break;
    case AltNameKind::directory:
      type = GNUTLS_SAN_DN;
      break;
    case AltNameKind::registered_id:
      type = GNUTLS_SAN_REGISTERED_ID;
      break;
    case AltNameKind::other:
      return GNUTLS_E_X509_UNKNOWN_SAN;
  }
  if (san_type != nullptr) *san_type = type;
  if (oid_only) {
    if (a.kind != AltNameKind::other_name) {
      // No OID to give: the type, with nothing written (GnuTLS still wants
      // a buffer to write nothing into).
      if (san == nullptr) return GNUTLS_E_SHORT_MEMORY_BUFFER;
      *san_size = 0;
      return static_cast<int>(type);
    }
    const int ret = string_out(a.oid, san, san_size);
    return ret < 0 ? ret : static_cast<int>(type);
  }
  int ret = 0;
  const ByteView bytes(a.value);
  switch (a.kind) {
    case AltNameKind::ip:
      ret = bytes_out(bytes, san, san_size);
      break;
    case AltNameKind::directory: {
      auto dn = Name::from_der(bytes);
      if (!dn) return GNUTLS_E_ASN1_DER_ERROR;
      ret = bytes_out(coda::compat::as_bytes(coda::compat::dn_string(*dn, true)), san, san_size);
      break;
    }
    case AltNameKind::other_name: {
      std::string text;
      if (type != GNUTLS_SAN_OTHERNAME && utf8_value(a, text)) {
        ret = string_out(text, san, san_size);
      } else {
        ret = string_out(std::string(a.value.begin(), a.value.end()), san, san_size);
      }
      break;
    }
    default:
      ret = string_out(std::string(a.value.begin(), a.value.end()), san, san_size);
      break;
  }
  return ret < 0 ? ret : static_cast<int>(type);
}

}  // namespace

extern "C" {

int gnutls_x509_crt_get_dn_oid(gnutls_x509_crt_t cert, unsigned indx, void* oid, size_t* oid_size) {
  return dn_oid(cert, false, indx, oid, oid_size);
}

int gnutls_x509_crt_get_issuer_dn_oid(gnutls_x509_crt_t cert, unsigned indx, void* oid,
                                      size_t* oid_size) {
  return dn_oid(cert, true, indx, oid, oid_size);
}

int gnutls_x509_crt_get_dn_by_oid(gnutls_x509_crt_t cert, const char* oid, unsigned indx,
                                  unsigned int raw_flag, void* buf, size_t* buf_size) {
  return dn_by_oid(cert, false, oid, indx, raw_flag, buf, buf_size);
}

int gnutls_x509_crt_get_issuer_dn_by_oid(gnutls_x509_crt_t cert, const char* oid, unsigned indx,
                                         unsigned int raw_flag, void* buf, size_t* buf_size) {
  return dn_by_oid(cert, true, oid, indx, raw_flag, buf, buf_size);
}

int gnutls_x509_crt_get_raw_dn(gnutls_x509_crt_t cert, gnutls_datum_t* start) {
  return raw_dn(cert, false, start);
}

int gnutls_x509_crt_get_raw_issuer_dn(gnutls_x509_crt_t cert, gnutls_datum_t* start) {
  return raw_dn(cert, true, start);
}

int gnutls_x509_crt_get_subject(gnutls_x509_crt_t cert, gnutls_x509_dn_t* dn) {
  return dn_handle(cert, false, dn);
}

int gnutls_x509_crt_get_issuer(gnutls_x509_crt_t cert, gnutls_x509_dn_t* dn) {
  return dn_handle(cert, true, dn);
}

int gnutls_x509_crt_get_subject_alt_name(gnutls_x509_crt_t cert, unsigned int seq, void* san,
                                         size_t* san_size, unsigned int* critical) {
  (void)critical;  // GnuTLS 3.7.9 leaves it as it was
  return alt_name(cert, seq, san, san_size, nullptr, false);
}

int gnutls_x509_crt_get_subject_alt_name2(gnutls_x509_crt_t cert, unsigned int seq, void* san,
                                          size_t* san_size, unsigned int* san_type,
                                          unsigned int* critical) {
  (void)critical;
  return alt_name(cert, seq, san, san_size, san_type, false);
}

int gnutls_x509_crt_get_subject_alt_othername_oid(gnutls_x509_crt_t cert, unsigned int seq,
                                                  void* oid, size_t* oid_size) {
  return alt_name(cert, seq, oid, oid_size, nullptr, true);
}

}  // extern "C"
