#include "base/writer.hpp"

namespace coda {

void Writer::uint_n(uint64_t v, size_t n) {
  for (size_t i = n; i > 0; --i) out_.push_back(static_cast<uint8_t>(v >> (8U * (i - 1))));
}

void Writer::u16(uint16_t v) {
  uint_n(v, 2);
}
void Writer::u24(uint32_t v) {
  uint_n(v, 3);
}
void Writer::u32(uint32_t v) {
  uint_n(v, 4);
}
void Writer::u64(uint64_t v) {
  uint_n(v, 8);
}

Writer::Prefix Writer::begin(size_t len_bytes) {
  Prefix p{out_.size(), len_bytes};
  out_.resize(out_.size() + len_bytes, 0);
  return p;
}

bool Writer::end(Prefix p) {
  const size_t len = out_.size() - p.at - p.len_bytes;
  if (len >= (size_t{1} << (8U * p.len_bytes))) return false;
  for (size_t i = 0; i < p.len_bytes; ++i) {
    out_[p.at + i] = static_cast<uint8_t>(len >> (8U * (p.len_bytes - 1 - i)));
  }
  return true;
}

bool Writer::vec8(ByteView v) {
  auto p = begin_vec8();
  bytes(v);
  return end(p);
}

bool Writer::vec16(ByteView v) {
  auto p = begin_vec16();
  bytes(v);
  return end(p);
}

bool Writer::vec24(ByteView v) {
  auto p = begin_vec24();
  bytes(v);
  return end(p);
}

}  // namespace coda
