// Reassembly of handshake messages from handshake records (RFC 8446 5.1):
// a message may span records and a record may carry several messages. The
// reader buffers fragments and hands out whole messages with their header.
#pragma once

#include <cstddef>
#include <optional>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "handshake/messages.hpp"

namespace coda::hs {

// The largest handshake message we accept, header included. The wire
// format allows 2^24-1 bytes, so without a cap a peer could make us buffer
// 16 MiB per connection before anything can be checked (a DoS). 128 KiB,
// GnuTLS's cap, covers every message we expect; a Certificate chain is the
// only one that comes near it (chains of over 100 KB are in use).
inline constexpr size_t kHandshakeHeaderSize = 4;
inline constexpr size_t kMaxHandshakeMessage = 131072 + kHandshakeHeaderSize;

struct HandshakeMessage {
  HandshakeType type;
  ByteView body;
  ByteView raw;  // header + body, for the transcript
};

class HandshakeReader {
 public:
  // Appends the payload of one handshake record. Fails with decode_error
  // when a message announces a body above the cap, and unexpected_message
  // for an empty fragment. The first error is sticky: later calls return it
  // again and next() yields nothing.
  Status add(ByteView fragment);

  // The next complete message, or nullopt. The views stay valid until the
  // next add() (which may move the buffer); next() itself never moves it,
  // so the views of several messages taken in a row stay valid together.
  std::optional<HandshakeMessage> next();

  // True when no partial message is buffered: whatever is buffered is whole
  // messages not yet taken by next().
  bool at_message_boundary() const { return complete_end_ == buf_.size(); }

  // True when nothing at all is buffered. A key change must find the reader
  // empty, not merely at a boundary (RFC 8446 5.1: a message that
  // transitions between keys MUST align with a record boundary, so nothing
  // read under the old key may remain).
  bool empty() const { return start_ == buf_.size(); }

  // Bytes buffered and not yet handed out.
  size_t buffered() const { return buf_.size() - start_; }

  // Frees the buffer's memory when nothing is buffered (an idle connection).
  void release_memory();

 private:
  Bytes buf_;
  size_t start_ = 0;         // first byte not yet handed out by next()
  size_t complete_end_ = 0;  // [start_, complete_end_) holds whole messages
  std::optional<Error> error_;
};

}  // namespace coda::hs
