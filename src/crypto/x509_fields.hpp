// The fields of a certificate that the C API's getters hand out (names
// attribute by attribute, serial, extensions), read through libcrypto's
// parser; what they mean and how GnuTLS prints them is compat's business.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/x509.hpp"

namespace coda::crypto {

// One AttributeTypeAndValue of a Name (RFC 5280 4.1.2.4).
struct NameAttribute {
  std::string oid;   // dotted
  unsigned rdn = 0;  // index of its RelativeDistinguishedName, 0 = first in the DER
  int tag = 0;       // universal tag of the value (12 UTF8String, 19 PrintableString, ...)
  Bytes value;       // the value's content octets
  Bytes value_der;   // the value's whole DER (tag, length, contents)
};

// A DER Name taken apart; from_der refuses trailing bytes and anything that
// is not a Name.
struct Name {
  Bytes der;
  std::vector<NameAttribute> attributes;
  static Result<Name> from_der(ByteView der);
  unsigned rdn_count() const { return attributes.empty() ? 0 : attributes.back().rdn + 1; }
};

// A GeneralName (RFC 5280 4.2.1.6).
enum class AltNameKind : uint8_t {
  dns,
  email,
  uri,
  ip,
  other_name,
  directory,
  registered_id,
  other
};
struct AltName {
  AltNameKind kind = AltNameKind::other;
  Bytes value;      // dns/email/uri: the IA5String; ip: 4 or 16 octets;
                    // other_name: the DER of the [0] EXPLICIT value's content;
                    // directory: the DER Name; registered_id: the dotted OID
  std::string oid;  // other_name: its type-id
};

// An extension's presence and criticality.
struct ExtensionFlags {
  bool present = false;
  bool critical = false;
};

struct BasicConstraints {
  bool critical = false;
  bool ca = false;
  int path_len = -1;  // -1: no pathLenConstraint
};

// The DER contents of the serial number INTEGER (with its leading zero, if
// any), as GnuTLS hands it out.
Bytes serial_number(const Certificate& cert);
// 1, 2 or 3 (the value of the version field plus one).
int certificate_version(const Certificate& cert);
// The dotted OID of signatureAlgorithm, and the hash RSA-PSS parameters name
// (empty for other algorithms or when the parameters do not say).
std::string signature_algorithm_oid(const Certificate& cert);
std::string pss_hash_name(const Certificate& cert);
std::optional<Name> subject_name(const Certificate& cert);
std::optional<Name> issuer_name(const Certificate& cert);

// nullopt when the extension is absent (or does not decode).
std::optional<std::vector<AltName>> subject_alt_names(const Certificate& cert, bool* critical);
// keyUsage as its bits in RFC 5280 order: bit 0 digitalSignature is 0x80 of
// the first byte, decipherOnly 0x8000.
std::optional<unsigned> key_usage_bits(const Certificate& cert, bool* critical);
std::optional<std::vector<std::string>> extended_key_usage(const Certificate& cert, bool* critical);
std::optional<BasicConstraints> basic_constraints(const Certificate& cert);
std::optional<Bytes> subject_key_id(const Certificate& cert, bool* critical);
// The keyIdentifier of authorityKeyIdentifier; nullopt without one.
std::optional<Bytes> authority_key_id(const Certificate& cert, bool* critical);
ExtensionFlags extension_flags(const Certificate& cert, const char* oid);

}  // namespace coda::crypto

namespace coda::crypto {

// What a DER SubjectPublicKeyInfo holds.
enum class KeyAlgorithm : uint8_t { unknown, rsa, rsa_pss, dsa, ec, ed25519, ed448, x25519, x448 };
struct KeyInfo {
  KeyAlgorithm algorithm = KeyAlgorithm::unknown;
  unsigned bits = 0;  // modulus, group order or curve size
};
// nullopt when the bytes are no SubjectPublicKeyInfo libcrypto can read.
std::optional<KeyInfo> spki_info(ByteView spki);

}  // namespace coda::crypto
