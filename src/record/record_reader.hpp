// Frames one record at a time out of a byte stream, and asks for exactly the
// bytes that finish it: never more, so a driver that honours bytes_needed()
// leaves whatever follows the record (say, plaintext after close_notify) in
// the transport (closure contract item 6).
#pragma once

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "record/record_types.hpp"

namespace coda::record {

class RecordReader {
 public:
  // 5 while reading a header, then what is left of the body.
  size_t bytes_needed() const;
  // Takes at most bytes_needed() bytes; returns how many it took. A header
  // with an unknown content type (unexpected_message) or a length above
  // `max_length` (record_overflow) is an error.
  Result<size_t> feed(ByteView data);
  bool complete() const { return have_header_ && body_.size() == body_length_; }
  // Bytes of a record started but not finished (EOF here is truncation).
  bool partial() const { return header_fill_ > 0; }
  bool has_header() const { return have_header_; }

  ContentType type() const { return static_cast<ContentType>(header_[0]); }
  ByteView header() const { return {header_, kHeaderLength}; }
  MutableByteView body() { return body_; }
  // Ready for the next record; keeps the buffer's capacity.
  void reset();

  // Largest accepted body length: kMaxCiphertext13 or kMaxCiphertext12.
  void set_max_length(size_t max) { max_length_ = max; }
  // Frees the body buffer when idle, to keep idle sessions small.
  void release_memory();

 private:
  uint8_t header_[kHeaderLength] = {};
  size_t header_fill_ = 0;
  bool have_header_ = false;
  size_t body_length_ = 0;
  Bytes body_;
  size_t max_length_ = kMaxCiphertext13;
};

}  // namespace coda::record
