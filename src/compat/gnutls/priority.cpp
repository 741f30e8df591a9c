// gnutls_priority_init and friends: GnuTLS priority strings parsed by
// coda::parse_priority into a shareable, immutable gnutls_priority_t.
//
// Return codes, as GnuTLS 3.7 gives them:
// - an unknown or empty item: GNUTLS_E_INVALID_REQUEST, *err_pos at the
//   item's first byte in the caller's string;
// - a string that parses but enables nothing usable (no version, no cipher
//   suite; "NONE", "NORMAL:-VERS-ALL"): GNUTLS_E_NO_PRIORITIES_WERE_SET,
//   *err_pos at the start of the string;
// - NULL: the default priority.
// On success *err_pos is left pointing at the start of the string.
// Anonymous key exchange (+ANON-ECDH, +ANON-DH) is accepted, as GnuTLS
// accepts it, and enables nothing: Coda has no anonymous key exchange, so a
// session that has only anonymous credentials fails in the handshake.
#include <cstring>
#include <new>
#include <string>

#include "compat/gnutls/internal.hpp"

namespace coda::compat {

const Priority& default_priority() {
  static const Priority p = [] {
    auto parsed = parse_priority("NORMAL");
    return parsed ? parsed.value() : Priority{};
  }();
  return p;
}

}  // namespace coda::compat

namespace {

// What parse_priority reports for a result with no version or no suite.
bool is_empty_result(const coda::PriorityError& where) {
  return where.message.rfind("no protocol version", 0) == 0 ||
         where.message.rfind("no cipher suite", 0) == 0;
}

int init(gnutls_priority_t* out, const char* priorities, const char** err_pos, unsigned flags) {
  // As GnuTLS: *err_pos starts at the string and moves to a bad item.
  if (err_pos != nullptr) *err_pos = priorities;
  if (out == nullptr) return GNUTLS_E_INVALID_REQUEST;
  *out = nullptr;
  if (priorities == nullptr) {
    *out = new (std::nothrow) gnutls_priority_st{coda::compat::default_priority()};
    return *out ? 0 : GNUTLS_E_MEMORY_ERROR;
  }
  // GNUTLS_PRIORITY_INIT_DEF_APPEND: the string continues the default one.
  std::string text;
  size_t offset = 0;
  if ((flags & GNUTLS_PRIORITY_INIT_DEF_APPEND) != 0 && priorities[0] != '\0') {
    text = "NORMAL:";
    offset = text.size();
  }
  text += priorities;

  coda::PriorityError where;
  auto parsed = coda::parse_priority(text, &where);
  if (!parsed) {
    if (err_pos != nullptr) {
      const size_t pos = where.position >= offset ? where.position - offset : 0;
      *err_pos = priorities + std::min(pos, std::strlen(priorities));
    }
    return is_empty_result(where) ? GNUTLS_E_NO_PRIORITIES_WERE_SET : GNUTLS_E_INVALID_REQUEST;
  }
  *out = new (std::nothrow) gnutls_priority_st{std::move(parsed.value())};
  return *out ? 0 : GNUTLS_E_MEMORY_ERROR;
}

}  // namespace

extern "C" {

int gnutls_priority_init(gnutls_priority_t* priority_cache, const char* priorities,
                         const char** err_pos) {
  return init(priority_cache, priorities, err_pos, 0);
}

int gnutls_priority_init2(gnutls_priority_t* priority_cache, const char* priorities,
                          const char** err_pos, unsigned flags) {
  return init(priority_cache, priorities, err_pos, flags);
}

void gnutls_priority_deinit(gnutls_priority_t priority_cache) {
  delete priority_cache;
}

}  // extern "C"
