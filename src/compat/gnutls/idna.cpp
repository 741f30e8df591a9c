// gnutls_idna_map / gnutls_idna_reverse_map: host names to and from their
// ASCII (IDNA, RFC 5891) form. A name that is ASCII already is its own
// form and is handed back as it is (gnutls-cli maps every host name it is
// given); converting names with other characters needs an IDNA library
// Coda does not have, so those return GNUTLS_E_UNIMPLEMENTED_FEATURE.
#include <gnutls/gnutls.h>

#include <cstring>

namespace {

int ascii_copy(const char* input, unsigned ilen, gnutls_datum_t* out) {
  if (out == nullptr || (input == nullptr && ilen > 0)) return GNUTLS_E_INVALID_REQUEST;
  for (unsigned i = 0; i < ilen; ++i) {
    if (static_cast<unsigned char>(input[i]) >= 0x80) return GNUTLS_E_UNIMPLEMENTED_FEATURE;
  }
  auto* data = static_cast<unsigned char*>(gnutls_malloc(ilen + 1));
  if (data == nullptr) return GNUTLS_E_MEMORY_ERROR;
  if (ilen > 0) std::memcpy(data, input, ilen);
  data[ilen] = '\0';
  out->data = data;
  out->size = ilen;
  return 0;
}

}  // namespace

extern "C" {

int gnutls_idna_map(const char* input, unsigned ilen, gnutls_datum_t* out, unsigned flags) {
  (void)flags;
  return ascii_copy(input, ilen, out);
}

// An ASCII name with an "xn--" label would need decoding: not done.
int gnutls_idna_reverse_map(const char* input, unsigned ilen, gnutls_datum_t* out, unsigned flags) {
  (void)flags;
  for (unsigned i = 0; input != nullptr && i + 4 <= ilen; ++i) {
    if ((i == 0 || input[i - 1] == '.') && strncasecmp(input + i, "xn--", 4) == 0) {
      return GNUTLS_E_UNIMPLEMENTED_FEATURE;
    }
  }
  return ascii_copy(input, ilen, out);
}

}  // extern "C"
