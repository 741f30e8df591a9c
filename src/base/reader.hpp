// Bounds-checked reading of wire data (in the spirit of BoringSSL's CBS).
// Every read either succeeds completely or returns false and consumes nothing.
#pragma once

#include <cstddef>
#include <cstdint>

#include "base/bytes.hpp"

namespace coda {

class Reader {
 public:
  Reader() = default;
  explicit Reader(ByteView data) : data_(data) {}

  size_t remaining() const { return data_.size() - pos_; }
  bool empty() const { return remaining() == 0; }
  ByteView rest() const { return data_.subspan(pos_); }

  bool u8(uint8_t& out);
  bool u16(uint16_t& out);
  bool u24(uint32_t& out);
  bool u32(uint32_t& out);
  bool u64(uint64_t& out);
  // Exactly n bytes.
  bool bytes(size_t n, ByteView& out);
  bool skip(size_t n);
  // A vector with a 1-, 2- or 3-byte length prefix, as a view or a sub-reader.
  bool vec8(ByteView& out) { return prefixed(1, out); }
  bool vec16(ByteView& out) { return prefixed(2, out); }
  bool vec24(ByteView& out) { return prefixed(3, out); }
  bool vec8(Reader& out) { return sub(1, out); }
  bool vec16(Reader& out) { return sub(2, out); }
  bool vec24(Reader& out) { return sub(3, out); }

 private:
  bool uint_n(size_t n, uint64_t& out);
  bool prefixed(size_t len_bytes, ByteView& out);
  bool sub(size_t len_bytes, Reader& out);

  ByteView data_;
  size_t pos_ = 0;
};

}  // namespace coda
