#include "compat/gnutls/dn_string.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <utility>
#include <vector>

namespace coda::compat {

namespace {

struct AttributeName {
  const char* oid;
  const char* name;  // nullptr: known to GnuTLS, but printed as the OID
};

// GnuTLS 3.7.9's attribute table, as gnutls_x509_dn_oid_name and
// gnutls_x509_dn_oid_known report it.
constexpr AttributeName kNames[] = {
    {"2.5.4.3", "CN"},
    {"2.5.4.4", "surName"},
    {"2.5.4.5", "serialNumber"},
    {"2.5.4.6", "C"},
    {"2.5.4.7", "L"},
    {"2.5.4.8", "ST"},
    {"2.5.4.9", "street"},
    {"2.5.4.10", "O"},
    {"2.5.4.11", "OU"},
    {"2.5.4.12", "title"},
    {"2.5.4.13", "description"},
    {"2.5.4.15", "businessCategory"},
    {"2.5.4.17", "postalCode"},
    {"2.5.4.20", "telephoneNumber"},
    {"2.5.4.41", "name"},
    {"2.5.4.42", "givenName"},
    {"2.5.4.43", "initials"},
    {"2.5.4.44", "generationQualifier"},
    {"2.5.4.46", "dnQualifier"},
    {"2.5.4.65", "pseudonym"},
    {"0.9.2342.19200300.100.1.25", "DC"},
    {"0.9.2342.19200300.100.1.1", "UID"},
    {"1.2.840.113549.1.9.1", "EMAIL"},
    {"1.2.840.113549.1.9.7", nullptr},
    {"1.3.6.1.5.5.7.9.2", "placeOfBirth"},
    {"1.3.6.1.5.5.7.9.3", "gender"},
    {"1.3.6.1.5.5.7.9.4", "countryOfCitizenship"},
    {"1.3.6.1.5.5.7.9.5", "countryOfResidence"},
    {"1.3.6.1.4.1.311.60.2.1.1", "jurisdictionOfIncorporationLocalityName"},
    {"1.3.6.1.4.1.311.60.2.1.2", "jurisdictionOfIncorporationStateOrProvinceName"},
    {"1.3.6.1.4.1.311.60.2.1.3", "jurisdictionOfIncorporationCountryName"},
};

const AttributeName* find(const std::string& oid) {
  for (const auto& n : kNames)
    if (oid == n.oid) return &n;
  return nullptr;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The value as UTF-8 when its type is a character string; false otherwise.
bool as_text(const crypto::NameAttribute& a, std::string& out) {
  const Bytes& v = a.value;
  switch (a.tag) {
    case 12:  // UTF8String
    case 19:  // PrintableString
    case 20:  // TeletexString
    case 22:  // IA5String
    case 26:  // VisibleString
      out.assign(v.begin(), v.end());
      return true;
    case 30:  // BMPString: UCS-2, big-endian
      if (v.size() % 2 != 0) return false;
      for (size_t i = 0; i < v.size(); i += 2) append_utf8(out, uint32_t{v[i]} << 8 | v[i + 1]);
      return true;
    case 28:  // UniversalString: UCS-4, big-endian
      if (v.size() % 4 != 0) return false;
      for (size_t i = 0; i < v.size(); i += 4) {
        const uint32_t cp =
            uint32_t{v[i]} << 24 | uint32_t{v[i + 1]} << 16 | uint32_t{v[i + 2]} << 8 | v[i + 3];
        if (cp > 0x10FFFF) return false;
        append_utf8(out, cp);
      }
      return true;
    default:
      return false;
  }
}

// RFC 4514 2.4: the special characters, a leading '#' or space and a
// trailing space get a backslash.
std::string escape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool special = std::strchr(",+\"\\<>;", c) != nullptr && c != '\0';
    if (special || (i == 0 && (c == '#' || c == ' ')) || (i + 1 == s.size() && c == ' ')) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string hex_of(const Bytes& der) {
  std::string out = "#";
  char buf[3];
  for (const uint8_t b : der) {
    std::snprintf(buf, sizeof buf, "%02x", b);
    out += buf;
  }
  return out;
}

}  // namespace

const char* dn_attribute_name(const std::string& oid) {
  const AttributeName* n = find(oid);
  return n != nullptr ? n->name : nullptr;
}

bool dn_attribute_known(const std::string& oid) {
  return find(oid) != nullptr;
}

std::string dn_value_string(const crypto::NameAttribute& attribute) {
  std::string text;
  if (dn_attribute_known(attribute.oid) && as_text(attribute, text)) return escape(text);
  return hex_of(attribute.value_der);
}

std::string dn_string(const crypto::Name& name, bool rfc4514_order) {
  const auto& attrs = name.attributes;
  // Each RDN as the range of attributes sharing its index, in DER order.
  std::vector<std::pair<size_t, size_t>> rdns;
  for (size_t k = 0; k < attrs.size();) {
    size_t end = k;
    while (end < attrs.size() && attrs[end].rdn == attrs[k].rdn) ++end;
    rdns.emplace_back(k, end);
    k = end;
  }
  if (rfc4514_order) std::reverse(rdns.begin(), rdns.end());
  std::string out;
  for (const auto& [start, end] : rdns) {
    if (!out.empty()) out += ',';
    for (size_t i = start; i < end; ++i) {
      if (i != start) out += '+';
      const char* label = dn_attribute_name(attrs[i].oid);
      out += label != nullptr ? label : attrs[i].oid;
      out += '=';
      out += dn_value_string(attrs[i]);
    }
  }
  return out;
}

}  // namespace coda::compat
