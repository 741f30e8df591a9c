#include "handshake/handshake_reader.hpp"

#include "base/reader.hpp"

namespace coda::hs {

namespace {

// The header at `at`, which the caller knows is fully buffered.
struct Header {
  uint8_t type = 0;
  uint32_t length = 0;
};
Header header_at(const Bytes& buf, size_t at) {
  Reader r(ByteView(buf).subspan(at));
  Header h;
  const bool ok = r.u8(h.type) && r.u24(h.length);
  (void)ok;  // callers check that 4 bytes are buffered
  return h;
}

}  // namespace

Status HandshakeReader::add(ByteView fragment) {
  if (error_) return *error_;
  // RFC 8446 5.1: implementations MUST NOT send zero-length fragments of
  // Handshake types.
  if (fragment.empty()) {
    error_ = Error::alert_error(AlertDescription::unexpected_message,
                                "handshake: empty handshake record");
    return *error_;
  }

  // Compact lazily, here only: next() promised its views stay put until now.
  if (start_ == buf_.size()) {
    buf_.clear();  // keeps the capacity: no reallocation per message
    start_ = complete_end_ = 0;
  } else if (start_ > 0) {
    buf_.erase(buf_.begin(), buf_.begin() + static_cast<std::ptrdiff_t>(start_));
    complete_end_ -= start_;
    start_ = 0;
  }
  append(buf_, fragment);

  // Walk the headers that are now complete, so an oversized length is
  // refused as soon as its header arrives, before its body is buffered.
  size_t pos = complete_end_;
  while (buf_.size() - pos >= kHandshakeHeaderSize) {
    const size_t len = header_at(buf_, pos).length;
    if (len > kMaxHandshakeMessage - kHandshakeHeaderSize) {
      error_ = decode_error("handshake: message above our size cap");
      buf_.clear();
      start_ = complete_end_ = 0;
      return *error_;
    }
    if (buf_.size() - pos - kHandshakeHeaderSize < len) break;
    pos += kHandshakeHeaderSize + len;
  }
  complete_end_ = pos;
  return {};
}

std::optional<HandshakeMessage> HandshakeReader::next() {
  if (error_ || start_ == complete_end_) return std::nullopt;
  const ByteView all(buf_);
  const Header h = header_at(buf_, start_);
  const size_t len = h.length;
  HandshakeMessage m{static_cast<HandshakeType>(h.type),
                     all.subspan(start_ + kHandshakeHeaderSize, len),
                     all.subspan(start_, kHandshakeHeaderSize + len)};
  start_ += kHandshakeHeaderSize + len;
  return m;
}

void HandshakeReader::release_memory() {
  if (!empty()) return;
  Bytes().swap(buf_);
  start_ = complete_end_ = 0;
}

}  // namespace coda::hs
