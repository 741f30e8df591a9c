// GnuTLS's private string buffer, three calls of which libgnutls-dane.so.0
// (GnuTLS's DANE library, loaded by gnutls-cli) imports from
// libgnutls.so.30 (node GNUTLS_PRIVATE_3_4) to build the text of
// dane_verification_status_print. The caller keeps the struct on its own
// stack, so its layout is the one GnuTLS 3.7's callers were built with.
#include <gnutls/gnutls.h>

#include <cstdint>
#include <cstring>

namespace {

struct PrivateBuffer {
  uint8_t* allocd;  // the allocation (gnutls_malloc), or NULL
  uint8_t* data;    // where the content starts inside it
  size_t max_length;
  size_t length;
};

void reset(PrivateBuffer* b) {
  b->allocd = b->data = nullptr;
  b->max_length = b->length = 0;
}

// Appends n bytes, growing the allocation; GNUTLS_E_MEMORY_ERROR if it cannot.
int append(PrivateBuffer* b, const void* bytes, size_t n) {
  if (b->data != b->allocd && b->length > 0) {  // content moved forward: back to the start
    std::memmove(b->allocd, b->data, b->length);
  }
  b->data = b->allocd;
  if (n > SIZE_MAX - b->length - 1) return GNUTLS_E_MEMORY_ERROR;
  size_t need = b->length + n;
  if (need > b->max_length) {
    size_t grown = b->max_length > SIZE_MAX / 2 ? need : b->max_length * 2;
    if (grown < need) grown = need;
    auto* p = static_cast<uint8_t*>(gnutls_realloc(b->allocd, grown));
    if (p == nullptr) return GNUTLS_E_MEMORY_ERROR;
    b->allocd = b->data = p;
    b->max_length = grown;
  }
  if (n > 0) std::memcpy(b->data + b->length, bytes, n);
  b->length += n;
  return 0;
}

}  // namespace

extern "C" {

__attribute__((visibility("default"))) void _gnutls_buffer_init(PrivateBuffer* b) {
  if (b != nullptr) reset(b);
}

__attribute__((visibility("default"))) int _gnutls_buffer_append_str(PrivateBuffer* b,
                                                                     const char* s) {
  if (b == nullptr || s == nullptr) return GNUTLS_E_INVALID_REQUEST;
  return append(b, s, std::strlen(s));
}

// Hands the content over to *out (the caller frees it with gnutls_free) and
// empties the buffer; with is_str a NUL ends the text, not counted in size.
__attribute__((visibility("default"))) int _gnutls_buffer_to_datum(PrivateBuffer* b,
                                                                   gnutls_datum_t* out,
                                                                   unsigned is_str) {
  if (b == nullptr || out == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (is_str != 0) {
    int rc = append(b, "", 1);
    if (rc < 0) {
      gnutls_free(b->allocd);
      reset(b);
      *out = gnutls_datum_t{nullptr, 0};
      return rc;
    }
    b->length--;  // the NUL stays in memory, outside the size
  }
  if (b->length == 0 && is_str == 0) {
    gnutls_free(b->allocd);
    reset(b);
    *out = gnutls_datum_t{nullptr, 0};
    return 0;
  }
  if (b->data != b->allocd) std::memmove(b->allocd, b->data, b->length + (is_str != 0 ? 1 : 0));
  out->data = b->allocd;
  out->size = static_cast<unsigned>(b->length);
  reset(b);
  return 0;
}

}  // extern "C"
