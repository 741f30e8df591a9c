// gnutls_x509_dn_t: a distinguished name on its own (imported from DER) or
// a certificate's subject or issuer (gnutls_x509_crt_get_subject/_issuer).
//
// Return codes follow GnuTLS 3.7.9 (tests/api/x509_objects.c):
//   get_str/export of a name never imported   GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE
//   import of bytes that are no DER Name      GNUTLS_E_ASN1_DER_ERROR
//   import of nothing, NULL arguments         GNUTLS_E_INVALID_REQUEST
//   get_rdn_ava past the last RDN or AVA      GNUTLS_E_ASN1_ELEMENT_NOT_FOUND
#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/dn_string.hpp"
#include "compat/gnutls/output.hpp"
#include "compat/gnutls/x509.hpp"

void gnutls_x509_dn_st::set(coda::crypto::Name n) {
  oids.clear();
  for (const auto& a : n.attributes) oids.push_back(a.oid);
  name.emplace(std::move(n));
}

extern "C" {

int gnutls_x509_dn_init(gnutls_x509_dn_t* dn) {
  return coda::compat::new_handle(dn);
}

void gnutls_x509_dn_deinit(gnutls_x509_dn_t dn) {
  delete dn;
}

int gnutls_x509_dn_import(gnutls_x509_dn_t dn, const gnutls_datum_t* data) {
  const auto bytes = coda::compat::datum_bytes(data);
  if (dn == nullptr || !bytes || bytes->empty()) return GNUTLS_E_INVALID_REQUEST;
  auto parsed = coda::crypto::Name::from_der(*bytes);
  if (!parsed) return GNUTLS_E_ASN1_DER_ERROR;
  dn->set(std::move(parsed.value()));
  return 0;
}

// irdn counts RDNs in DER order (0 is the first, usually C), iava the
// attributes of a multi-valued RDN. The datums point into the handle.
int gnutls_x509_dn_get_rdn_ava(gnutls_x509_dn_t dn, int irdn, int iava, gnutls_x509_ava_st* ava) {
  if (dn == nullptr || ava == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!dn->name || irdn < 0 || iava < 0) return GNUTLS_E_ASN1_ELEMENT_NOT_FOUND;
  const auto& attrs = dn->name->attributes;
  int seen = -1;
  for (size_t i = 0; i < attrs.size(); ++i) {
    if (attrs[i].rdn != static_cast<unsigned>(irdn)) continue;
    if (++seen != iava) continue;
    ava->oid.data = reinterpret_cast<unsigned char*>(dn->oids[i].data());
    ava->oid.size = static_cast<unsigned>(dn->oids[i].size() + 1);  // with its NUL
    ava->value.data = const_cast<unsigned char*>(attrs[i].value.data());
    ava->value.size = static_cast<unsigned>(attrs[i].value.size());
    ava->value_tag = static_cast<unsigned long>(attrs[i].tag);
    return 0;
  }
  return GNUTLS_E_ASN1_ELEMENT_NOT_FOUND;
}

int gnutls_x509_dn_get_str(gnutls_x509_dn_t dn, gnutls_datum_t* str) {
  return gnutls_x509_dn_get_str2(dn, str, GNUTLS_X509_DN_FLAG_COMPAT);
}

// GnuTLS 3.7 prints the RDNs last first (RFC 4514) unless asked for its
// older order with GNUTLS_X509_DN_FLAG_COMPAT.
int gnutls_x509_dn_get_str2(gnutls_x509_dn_t dn, gnutls_datum_t* str, unsigned flags) {
  if (dn == nullptr || str == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!dn->name) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  const bool rfc4514 = (flags & GNUTLS_X509_DN_FLAG_COMPAT) == 0;
  return coda::compat::datum_out(coda::compat::dn_string(*dn->name, rfc4514), str);
}

int gnutls_x509_dn_export(gnutls_x509_dn_t dn, gnutls_x509_crt_fmt_t format, void* output_data,
                          size_t* output_data_size) {
  if (dn == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!dn->name) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  return coda::compat::encoded_out(dn->name->der, format, "NAME", output_data, output_data_size);
}

int gnutls_x509_dn_export2(gnutls_x509_dn_t dn, gnutls_x509_crt_fmt_t format, gnutls_datum_t* out) {
  if (dn == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (!dn->name) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  return coda::compat::encoded_out2(dn->name->der, format, "NAME", out);
}

int gnutls_x509_dn_oid_known(const char* oid) {
  return oid != nullptr && coda::compat::dn_attribute_known(oid) ? 1 : 0;
}

const char* gnutls_x509_dn_oid_name(const char* oid, unsigned int flags) {
  if (oid == nullptr) return nullptr;
  const char* name = coda::compat::dn_attribute_name(oid);
  if (name != nullptr) return name;
  return (flags & GNUTLS_X509_DN_OID_RETURN_OID) ? oid : nullptr;
}

}  // extern "C"
