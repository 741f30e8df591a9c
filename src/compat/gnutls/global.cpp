// Library setup and process-wide helpers: init/deinit, version check,
// allocator hooks, logging hooks, randomness, files and hex.
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>
#include <vector>

#include <gnutls/crypto.h>

#include "compat/gnutls/arguments.hpp"
#include "compat/gnutls/internal.hpp"
#include "crypto/random.hpp"

// A program that defines GNUTLS_SKIP_GLOBAL_INIT provides this symbol.
extern "C" int _gnutls_global_init_skip(void) __attribute__((weak));

namespace {

std::mutex g_init_mutex;
int g_init_count = 0;
gnutls_log_func g_log = nullptr;
gnutls_audit_log_func g_audit_log = nullptr;
int g_log_level = 0;

// Programs may never call gnutls_global_init (it is optional since 3.3).
__attribute__((constructor)) void auto_init() {
  if (_gnutls_global_init_skip != nullptr && _gnutls_global_init_skip() != 0) return;
  gnutls_global_init();
}

__attribute__((destructor)) void auto_deinit() {
  if (_gnutls_global_init_skip != nullptr && _gnutls_global_init_skip() != 0) return;
  gnutls_global_deinit();
}

char* default_strdup(const char* s) {
  return s ? strdup(s) : nullptr;
}

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

extern "C" {

gnutls_alloc_function gnutls_malloc = std::malloc;
gnutls_realloc_function gnutls_realloc = std::realloc;
gnutls_calloc_function gnutls_calloc = std::calloc;
gnutls_free_function gnutls_free = std::free;
char* (*gnutls_strdup)(const char*) = default_strdup;

// Reference counted: only the first call does work, only the last deinit
// undoes it. Coda keeps no global state that needs it beyond libcrypto's own
// lazy initialization, so this just counts.
int gnutls_global_init(void) {
  std::lock_guard lock(g_init_mutex);
  ++g_init_count;
  return 0;
}

void gnutls_global_deinit(void) {
  std::lock_guard lock(g_init_mutex);
  if (g_init_count > 0) --g_init_count;
}

// NULL or a version not newer than ours: our version; else NULL.
const char* gnutls_check_version(const char* req_version) {
  if (req_version == nullptr || strverscmp(req_version, GNUTLS_VERSION) <= 0) return GNUTLS_VERSION;
  return nullptr;
}

void gnutls_global_set_log_function(gnutls_log_func log_func) {
  g_log = log_func;
}
void gnutls_global_set_audit_log_function(gnutls_audit_log_func log_func) {
  g_audit_log = log_func;
}
void gnutls_global_set_log_level(int level) {
  g_log_level = level;
}

unsigned gnutls_fips140_mode_enabled(void) {
  return 0;
}

int gnutls_rnd(gnutls_rnd_level_t level, void* data, size_t len) {
  // One CSPRNG serves every level; a level GnuTLS does not define is refused
  // (GnuTLS says GNUTLS_E_RANDOM_FAILED).
  if (level != GNUTLS_RND_NONCE && level != GNUTLS_RND_RANDOM && level != GNUTLS_RND_KEY) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  if (len == 0) return 0;
  if (data == nullptr) return GNUTLS_E_INVALID_REQUEST;
  coda::crypto::system_random().fill({static_cast<uint8_t*>(data), len});
  return 0;
}

void gnutls_rnd_refresh(void) {}

// The whole file, NUL-terminated (the NUL is not counted), in memory from
// gnutls_malloc so gnutls_free releases it.
int gnutls_load_file(const char* filename, gnutls_datum_t* data) {
  if (data == nullptr) return GNUTLS_E_INVALID_REQUEST;
  if (filename == nullptr) return GNUTLS_E_FILE_ERROR;  // as GnuTLS: no file to read
  std::ifstream in(filename, std::ios::binary);
  if (!in) return GNUTLS_E_FILE_ERROR;
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return GNUTLS_E_FILE_ERROR;
  auto* p = static_cast<unsigned char*>(gnutls_malloc(bytes.size() + 1));
  if (p == nullptr) return GNUTLS_E_MEMORY_ERROR;
  if (!bytes.empty()) std::memcpy(p, bytes.data(), bytes.size());
  p[bytes.size()] = 0;
  data->data = p;
  data->size = static_cast<unsigned>(bytes.size());
  return 0;
}

// Not optimized away: the writes go through a volatile pointer. NULL: nothing
// to clear.
void gnutls_memset(void* data, int c, size_t size) {
  if (data == nullptr) return;
  volatile auto* p = static_cast<volatile unsigned char*>(data);
  for (size_t i = 0; i < size; ++i) p[i] = static_cast<unsigned char>(c);
}

// Constant time in the length. NULL with a length is never "equal": the
// answer is non-zero, GNUTLS_E_INVALID_REQUEST.
int gnutls_memcmp(const void* s1, const void* s2, size_t n) {
  if (!coda::compat::buffer_ok(s1, n) || !coda::compat::buffer_ok(s2, n)) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  const auto* a = static_cast<const unsigned char*>(s1);
  const auto* b = static_cast<const unsigned char*>(s2);
  unsigned char diff = 0;
  for (size_t i = 0; i < n; ++i) diff |= a[i] ^ b[i];
  return diff != 0;
}

// Lower-case hex plus a NUL; *result_size is the room given, and on success
// the hex length plus one.
int gnutls_hex_encode(const gnutls_datum_t* data, char* result, size_t* result_size) {
  if (!coda::compat::datum_bytes(data) || result_size == nullptr) return GNUTLS_E_INVALID_REQUEST;
  const size_t need = size_t{data->size} * 2 + 1;
  if (*result_size < need || result == nullptr) return GNUTLS_E_SHORT_MEMORY_BUFFER;
  static const char digits[] = "0123456789abcdef";
  for (size_t i = 0; i < data->size; ++i) {
    result[2 * i] = digits[data->data[i] >> 4];
    result[2 * i + 1] = digits[data->data[i] & 15];
  }
  result[need - 1] = 0;
  *result_size = need;
  return 0;
}

int gnutls_hex_decode(const gnutls_datum_t* hex_data, void* result, size_t* result_size) {
  if (!coda::compat::datum_bytes(hex_data) || result_size == nullptr) {
    return GNUTLS_E_INVALID_REQUEST;
  }
  const size_t need = hex_data->size / 2;
  if (*result_size < need || (result == nullptr && need > 0)) return GNUTLS_E_SHORT_MEMORY_BUFFER;
  if (hex_data->size % 2 != 0) return GNUTLS_E_PARSING_ERROR;
  auto* out = static_cast<unsigned char*>(result);
  for (size_t i = 0; i < need; ++i) {
    const int hi = hex_value(hex_data->data[2 * i]);
    const int lo = hex_value(hex_data->data[2 * i + 1]);
    if (hi < 0 || lo < 0) return GNUTLS_E_PARSING_ERROR;
    out[i] = static_cast<unsigned char>(hi << 4 | lo);
  }
  *result_size = need;
  return 0;
}

int gnutls_hex_encode2(const gnutls_datum_t* data, gnutls_datum_t* result) {
  if (!coda::compat::datum_bytes(data) || result == nullptr) return GNUTLS_E_INVALID_REQUEST;
  size_t size = size_t{data->size} * 2 + 1;
  auto* p = static_cast<char*>(gnutls_malloc(size));
  if (p == nullptr) return GNUTLS_E_MEMORY_ERROR;
  const int r = gnutls_hex_encode(data, p, &size);
  if (r < 0) {
    gnutls_free(p);
    return r;
  }
  result->data = reinterpret_cast<unsigned char*>(p);
  result->size = static_cast<unsigned>(size - 1);
  return 0;
}

int gnutls_hex_decode2(const gnutls_datum_t* data, gnutls_datum_t* result) {
  if (!coda::compat::datum_bytes(data) || result == nullptr) return GNUTLS_E_INVALID_REQUEST;
  size_t size = data->size / 2;
  auto* p = static_cast<unsigned char*>(gnutls_malloc(size + 1));
  if (p == nullptr) return GNUTLS_E_MEMORY_ERROR;
  const int r = gnutls_hex_decode(data, p, &size);
  if (r < 0) {
    gnutls_free(p);
    return r;
  }
  result->data = p;
  result->size = static_cast<unsigned>(size);
  return 0;
}

}  // extern "C"
