#include "common/server_hello.hpp"

#include <cctype>

namespace coda::tools {

namespace {

constexpr size_t kHeader = 5;
constexpr uint8_t kHandshakeRecord = 22;
constexpr uint8_t kClientHello = 1;
constexpr uint16_t kServerNameExtension = 0;
constexpr uint8_t kHostName = 0;

// A bounds-checked reader over a byte range; every read fails once the
// range is exhausted, and keeps failing.
struct Reader {
  const uint8_t* p;
  size_t left;
  bool ok = true;

  uint32_t number(size_t width) {
    if (!ok || left < width) {
      ok = false;
      return 0;
    }
    uint32_t v = 0;
    for (size_t i = 0; i < width; ++i) v = (v << 8) | p[i];
    p += width;
    left -= width;
    return v;
  }
  bool skip(size_t n) {
    if (!ok || left < n) return ok = false;
    p += n;
    left -= n;
    return true;
  }
  // A vector with a `width`-byte length prefix, as a sub-reader.
  Reader vec(size_t width) {
    const size_t n = number(width);
    Reader sub{p, 0};
    if (!ok || left < n) {
      ok = false;
      sub.ok = false;
      return sub;
    }
    sub.left = n;
    p += n;
    left -= n;
    return sub;
  }
};

}  // namespace

size_t first_record_needed(const uint8_t* data, size_t size) {
  if (size < kHeader) return kHeader - size;
  if (data[0] != kHandshakeRecord) return 0;
  const size_t total = kHeader + ((size_t{data[3]} << 8) | data[4]);
  return size >= total ? 0 : total - size;
}

std::string client_hello_sni(const uint8_t* data, size_t size) {
  Reader rec{data, size};
  if (rec.number(1) != kHandshakeRecord) return {};
  rec.skip(2);  // legacy record version
  Reader body = rec.vec(2);
  if (!body.ok) {
    // A hello longer than what arrived: read what there is.
    body = Reader{data + kHeader, size > kHeader ? size - kHeader : 0};
  }
  if (body.number(1) != kClientHello) return {};
  body.skip(3);   // handshake length (the hello may go on in a later record)
  body.skip(2);   // legacy_version
  body.skip(32);  // random
  body.vec(1);    // legacy_session_id
  body.vec(2);    // cipher_suites
  body.vec(1);    // legacy_compression_methods
  Reader extensions = body.vec(2);
  if (!extensions.ok) return {};
  while (extensions.ok && extensions.left > 0) {
    const uint32_t type = extensions.number(2);
    Reader ext = extensions.vec(2);
    if (!extensions.ok) break;
    if (type != kServerNameExtension) continue;
    Reader list = ext.vec(2);
    while (list.ok && list.left > 0) {
      const uint32_t name_type = list.number(1);
      Reader name = list.vec(2);
      if (!list.ok || name_type != kHostName) continue;
      std::string host(reinterpret_cast<const char*>(name.p), name.left);
      for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return host;
    }
    return {};
  }
  return {};
}

}  // namespace coda::tools
