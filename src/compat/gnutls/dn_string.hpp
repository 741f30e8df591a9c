// Distinguished names as GnuTLS 3.7 prints them (RFC 4514 escaping; its own
// attribute names, e.g. "EMAIL"; a value of a type it does not name as "#"
// and the hex of its DER). Checked against the real library by
// tests/api/x509_objects.c.
#pragma once

#include <string>

#include "crypto/x509_fields.hpp"

namespace coda::compat {

// GnuTLS's short name for an attribute type, or nullptr when it has none.
const char* dn_attribute_name(const std::string& oid);
// Whether GnuTLS knows the attribute type (gnutls_x509_dn_oid_known).
bool dn_attribute_known(const std::string& oid);

// One value as text, escaped (what get_dn_by_oid gives without raw_flag).
std::string dn_value_string(const crypto::NameAttribute& attribute);

// The whole name. rfc4514_order: the last RDN first, as RFC 4514 2.1 says
// (gnutls_x509_dn_get_str2 without GNUTLS_X509_DN_FLAG_COMPAT); otherwise in
// DER order, as gnutls_x509_crt_get_dn and gnutls_x509_dn_get_str give it.
std::string dn_string(const crypto::Name& name, bool rfc4514_order);

}  // namespace coda::compat
