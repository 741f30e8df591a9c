#include "crypto/dh_params.hpp"

#include <cstdint>

namespace coda::crypto {
namespace {

constexpr uint8_t kTagInteger = 0x02;
constexpr uint8_t kTagSequence = 0x30;

// One TLV of `tag` at the front of `in` (a definite length of at most four
// length bytes); `in` moves past it. A length of 0x80 (BER's indefinite
// form) is taken only where `indefinite` may be set: the value then runs to
// the end of `in`, which must end with the end-of-contents octets.
bool take_tlv(ByteView& in, uint8_t tag, ByteView& value, DhParseError& why,
              bool* indefinite = nullptr) {
  if (in.size() < 2) {
    why = in.empty() ? DhParseError::bad_value : DhParseError::cut_short;
    return false;
  }
  if (in[0] != tag) {
    why = DhParseError::bad_value;
    return false;
  }
  size_t pos = 2;
  size_t length = in[1];
  if (length == 0x80 && indefinite != nullptr) {
    const ByteView rest = in.subspan(2);
    if (rest.size() < 2 || rest[rest.size() - 2] != 0 || rest[rest.size() - 1] != 0) {
      why = DhParseError::cut_short;
      return false;
    }
    *indefinite = true;
    value = rest.first(rest.size() - 2);
    in = ByteView();
    return true;
  }
  if (length & 0x80) {
    const size_t count = length & 0x7f;
    if (count == 0 || count > 4) {
      why = DhParseError::bad_value;
      return false;
    }
    if (in.size() < 2 + count) {
      why = DhParseError::cut_short;
      return false;
    }
    length = 0;
    for (size_t i = 0; i < count; ++i) length = (length << 8) | in[2 + i];
    pos += count;
  }
  if (length > in.size() - pos) {
    why = DhParseError::cut_short;
    return false;
  }
  value = in.subspan(pos, length);
  in = in.subspan(pos + length);
  return true;
}

ByteView strip_zeros(ByteView v) {
  while (!v.empty() && v[0] == 0) v = v.subspan(1);
  return v;
}

void put_length(Bytes& out, size_t length) {
  if (length < 0x80) {
    out.push_back(static_cast<uint8_t>(length));
    return;
  }
  uint8_t bytes[sizeof(size_t)];
  size_t n = 0;
  for (size_t l = length; l != 0; l >>= 8) bytes[n++] = static_cast<uint8_t>(l);
  out.push_back(static_cast<uint8_t>(0x80 | n));
  while (n > 0) out.push_back(bytes[--n]);
}

// An unsigned number as a DER INTEGER: a zero byte in front when its top
// bit is set, so it does not read as negative (X.690 8.3.3).
void put_integer(Bytes& out, ByteView magnitude) {
  const bool pad = magnitude.empty() || (magnitude[0] & 0x80);
  out.push_back(kTagInteger);
  put_length(out, magnitude.size() + (pad ? 1 : 0));
  if (pad) out.push_back(0);
  append(out, magnitude);
}

}  // namespace

std::optional<DhParams> DhParams::from_raw(ByteView prime, ByteView generator, unsigned key_bits) {
  prime = strip_zeros(prime);
  generator = strip_zeros(generator);
  if (prime.empty() || generator.empty()) return std::nullopt;
  DhParams params;
  params.prime.assign(prime.begin(), prime.end());
  params.generator.assign(generator.begin(), generator.end());
  params.key_bits = key_bits;
  return params;
}

std::optional<DhParams> DhParams::from_pkcs3(ByteView der, DhParseError* why) {
  DhParseError error = DhParseError::bad_value;
  const auto fail = [&](DhParseError e) -> std::optional<DhParams> {
    if (why) *why = e;
    return std::nullopt;
  };
  ByteView body, prime, generator;
  bool indefinite = false;
  if (!take_tlv(der, kTagSequence, body, error, &indefinite)) return fail(error);
  if (!der.empty()) return fail(DhParseError::bad_value);
  if (!take_tlv(body, kTagInteger, prime, error) ||
      !take_tlv(body, kTagInteger, generator, error)) {
    return fail(error);
  }
  unsigned key_bits = 0;
  if (!body.empty()) {
    ByteView length;
    if (!take_tlv(body, kTagInteger, length, error)) return fail(error);
    if (!body.empty()) return fail(DhParseError::bad_value);
    length = strip_zeros(length);
    // A private value longer than 2^32 bits describes no usable group.
    if (length.size() > 4) return fail(DhParseError::bad_value);
    for (const uint8_t b : length) key_bits = (key_bits << 8) | b;
  }
  auto params = from_raw(prime, generator, key_bits);
  if (!params) return fail(DhParseError::bad_value);
  return params;
}

Bytes DhParams::to_pkcs3() const {
  Bytes body;
  put_integer(body, prime);
  put_integer(body, generator);
  if (key_bits != 0) {
    Bytes bits;
    for (int shift = 24; shift >= 0; shift -= 8) {
      const auto b = static_cast<uint8_t>(key_bits >> shift);
      if (b != 0 || !bits.empty()) bits.push_back(b);
    }
    put_integer(body, bits);
  }
  Bytes out;
  out.push_back(kTagSequence);
  put_length(out, body.size());
  append(out, body);
  return out;
}

}  // namespace coda::crypto
