// gnutls_x509_crt_print in the one-line forms (GNUTLS_CRT_PRINT_ONELINE, and
// _COMPACT, which adds the key ids and pin), byte for byte as GnuTLS 3.7.9
// prints them (tests/api/x509_objects.c compares them):
//   subject `DN', issuer `DN', serial 0xHEX, PK key N bits, signed using SIGN,
//   activated `YYYY-MM-DD HH:MM:SS UTC', expires `...', pin-sha256="BASE64"
// with the DNs in RFC 4514 order. The multi-line FULL forms are not
// implemented (GNUTLS_E_UNIMPLEMENTED_FEATURE).
#include <cstdio>
#include <ctime>
#include <string>

#include "base/pem.hpp"
#include "compat/gnutls/dn_string.hpp"
#include "compat/gnutls/output.hpp"
#include "compat/gnutls/x509.hpp"
#include "compat/gnutls/x509_keys.hpp"
#include "crypto/digest.hpp"

namespace {

using coda::ByteView;

std::string hex(ByteView bytes) {
  std::string out;
  char buf[3];
  for (const uint8_t b : bytes) {
    std::snprintf(buf, sizeof buf, "%02x", b);
    out += buf;
  }
  return out;
}

std::string utc(time_t t) {
  struct tm tm = {};
  char buf[64];
  if (gmtime_r(&t, &tm) == nullptr ||
      std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm) == 0) {
    return "unknown";
  }
  return buf;
}

std::string one_line(gnutls_x509_crt_t cert, const coda::Bytes& spki) {
  const auto& c = *cert->cert;
  std::string out = "subject `";
  if (auto name = coda::crypto::subject_name(c)) out += coda::compat::dn_string(*name, true);
  out += "', issuer `";
  if (auto name = coda::crypto::issuer_name(c)) out += coda::compat::dn_string(*name, true);
  out += "', serial 0x" + hex(coda::crypto::serial_number(c));
  unsigned bits = 0;
  const int pk = coda::compat::spki_algorithm(spki, &bits);
  out += ", ";
  out += gnutls_pk_get_name(static_cast<gnutls_pk_algorithm_t>(pk < 0 ? 0 : pk));
  out += " key " + std::to_string(bits) + " bits, signed using ";
  const char* sign = gnutls_sign_get_name(
      static_cast<gnutls_sign_algorithm_t>(gnutls_x509_crt_get_signature_algorithm(cert)));
  out += sign != nullptr ? sign : "unknown";
  out += ", activated `" + utc(c.not_before()) + "', expires `" + utc(c.not_after()) + "'";
  if (auto pin = coda::crypto::digest_by_name("SHA256", spki)) {
    out += ", pin-sha256=\"" + coda::base64_encode(*pin) + "\"";
  }
  return out;
}

}  // namespace

extern "C" {

int gnutls_x509_crt_print(gnutls_x509_crt_t cert, gnutls_certificate_print_formats_t format,
                          gnutls_datum_t* out) {
  if (cert == nullptr || out == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (format != GNUTLS_CRT_PRINT_ONELINE && format != GNUTLS_CRT_PRINT_COMPACT) {
    return GNUTLS_E_UNIMPLEMENTED_FEATURE;
  }
  if (!coda::compat::loaded(cert)) return GNUTLS_E_ASN1_VALUE_NOT_FOUND;
  const coda::Bytes spki = cert->cert->spki();
  std::string text = one_line(cert, spki);
  if (format == GNUTLS_CRT_PRINT_COMPACT) {
    const auto sha1 = coda::crypto::digest_by_name("SHA1", spki);
    const auto sha256 = coda::crypto::digest_by_name("SHA256", spki);
    if (!sha1 || !sha256) return GNUTLS_E_HASH_FAILED;
    text += "\n\tPublic Key ID:\n\t\tsha1:" + hex(*sha1) + "\n\t\tsha256:" + hex(*sha256) +
            "\n\tPublic Key PIN:\n\t\tpin-sha256:" + coda::base64_encode(*sha256) + "\n";
  }
  return coda::compat::datum_out(text, out);
}

}  // extern "C"
