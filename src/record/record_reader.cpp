#include "record/record_reader.hpp"

#include <algorithm>

#include "base/buffer_pool.hpp"

namespace coda::record {

bool is_known_content_type(uint8_t type) {
  return type == static_cast<uint8_t>(ContentType::change_cipher_spec) ||
         type == static_cast<uint8_t>(ContentType::alert) ||
         type == static_cast<uint8_t>(ContentType::handshake) ||
         type == static_cast<uint8_t>(ContentType::application_data);
}

size_t RecordReader::bytes_needed() const {
  if (!have_header_) return kHeaderLength - header_fill_;
  return body_length_ - body_.size();
}

Result<size_t> RecordReader::feed(ByteView data) {
  size_t used = 0;
  if (!have_header_) {
    const size_t take = std::min(data.size(), kHeaderLength - header_fill_);
    std::copy_n(data.begin(), take, header_ + header_fill_);
    header_fill_ += take;
    used += take;
    if (header_fill_ < kHeaderLength) return used;
    // RFC 8446 5: a record of unknown type MUST be answered with unexpected_message.
    if (!is_known_content_type(header_[0])) {
      return Error::alert_error(AlertDescription::unexpected_message, "unknown record type");
    }
    body_length_ = (static_cast<size_t>(header_[3]) << 8U) | header_[4];
    // RFC 8446 5.2 / RFC 5246 6.2.3: longer records get record_overflow.
    if (body_length_ > max_length_) {
      return Error::alert_error(AlertDescription::record_overflow, "record too long");
    }
    have_header_ = true;
    body_.clear();
    borrow_buffer(body_, body_length_);
  }
  const size_t take = std::min(data.size() - used, body_length_ - body_.size());
  body_.insert(body_.end(), data.begin() + static_cast<std::ptrdiff_t>(used),
               data.begin() + static_cast<std::ptrdiff_t>(used + take));
  return used + take;
}

void RecordReader::reset() {
  header_fill_ = 0;
  have_header_ = false;
  body_length_ = 0;
  // The record is processed: its buffer goes back to the pool until the
  // next header (base/buffer_pool.hpp).
  give_back_buffer(body_);
}

void RecordReader::release_memory() {
  if (!partial()) give_back_buffer(body_);
}

}  // namespace coda::record
