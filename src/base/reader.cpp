#include "base/reader.hpp"

namespace coda {

bool Reader::uint_n(size_t n, uint64_t& out) {
  if (remaining() < n) return false;
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v = (v << 8U) | data_[pos_ + i];
  pos_ += n;
  out = v;
  return true;
}

bool Reader::u8(uint8_t& out) {
  uint64_t v = 0;
  if (!uint_n(1, v)) return false;
  out = static_cast<uint8_t>(v);
  return true;
}

bool Reader::u16(uint16_t& out) {
  uint64_t v = 0;
  if (!uint_n(2, v)) return false;
  out = static_cast<uint16_t>(v);
  return true;
}

bool Reader::u24(uint32_t& out) {
  uint64_t v = 0;
  if (!uint_n(3, v)) return false;
  out = static_cast<uint32_t>(v);
  return true;
}

bool Reader::u32(uint32_t& out) {
  uint64_t v = 0;
  if (!uint_n(4, v)) return false;
  out = static_cast<uint32_t>(v);
  return true;
}

bool Reader::u64(uint64_t& out) {
  return uint_n(8, out);
}

bool Reader::bytes(size_t n, ByteView& out) {
  if (remaining() < n) return false;
  out = data_.subspan(pos_, n);
  pos_ += n;
  return true;
}

bool Reader::skip(size_t n) {
  ByteView ignored;
  return bytes(n, ignored);
}

bool Reader::prefixed(size_t len_bytes, ByteView& out) {
  const size_t start = pos_;
  uint64_t len = 0;
  if (!uint_n(len_bytes, len) || !bytes(static_cast<size_t>(len), out)) {
    pos_ = start;
    return false;
  }
  return true;
}

bool Reader::sub(size_t len_bytes, Reader& out) {
  ByteView view;
  if (!prefixed(len_bytes, view)) return false;
  out = Reader(view);
  return true;
}

}  // namespace coda
