// Building wire data with nested length prefixes (in the spirit of CBB).
// A prefix is reserved with begin_vecN() and filled in by end(); end() fails
// when the body outgrew what the prefix can express.
#pragma once

#include <cstddef>
#include <cstdint>

#include "base/bytes.hpp"

namespace coda {

class Writer {
 public:
  explicit Writer(Bytes& out) : out_(out) {}

  struct Prefix {
    size_t at;
    size_t len_bytes;
  };

  void u8(uint8_t v) { out_.push_back(v); }
  void u16(uint16_t v);
  void u24(uint32_t v);
  void u32(uint32_t v);
  void u64(uint64_t v);
  void bytes(ByteView v) { append(out_, v); }

  Prefix begin_vec8() { return begin(1); }
  Prefix begin_vec16() { return begin(2); }
  Prefix begin_vec24() { return begin(3); }
  // Writes the length of everything since begin(); false if it does not fit.
  [[nodiscard]] bool end(Prefix p);

  // Whole vectors in one call.
  [[nodiscard]] bool vec8(ByteView v);
  [[nodiscard]] bool vec16(ByteView v);
  [[nodiscard]] bool vec24(ByteView v);

  size_t size() const { return out_.size(); }
  Bytes& buffer() { return out_; }

 private:
  Prefix begin(size_t len_bytes);
  void uint_n(uint64_t v, size_t n);

  Bytes& out_;
};

}  // namespace coda
