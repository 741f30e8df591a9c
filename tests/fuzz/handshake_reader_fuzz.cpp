// HandshakeReader: reassembly of handshake messages from record payloads.
// Input: a control byte (chunking, as fuzz_common.hpp's Chunker), then the
// handshake stream, cut into fragments. Checks that every message handed out
// is well framed and that no byte is lost or invented.
#include <cstdint>

#include "fuzz_common.hpp"
#include "handshake/handshake_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace coda;
  if (size < 1) return 0;
  hs::HandshakeReader reader;
  fuzz::Chunker chunks(data[0] & 7, ByteView(data + 1, size - 1));
  size_t added = 0;
  size_t taken = 0;
  bool failed = false;
  while (!chunks.done()) {
    const ByteView fragment = chunks.peek();
    chunks.advance(fragment.size());
    const Status status = reader.add(fragment);
    if (!status) {
      failed = true;
      // Sticky: later calls fail again and nothing comes out.
      if (reader.add(fragment).ok() && !fragment.empty()) __builtin_trap();
      if (reader.next()) __builtin_trap();
      break;
    }
    added += fragment.size();
    while (auto message = reader.next()) {
      const ByteView raw = message->raw;
      if (raw.size() < hs::kHandshakeHeaderSize || raw.size() > hs::kMaxHandshakeMessage) {
        __builtin_trap();
      }
      const size_t length = (size_t{raw[1]} << 16) | (size_t{raw[2]} << 8) | raw[3];
      if (raw[0] != static_cast<uint8_t>(message->type)) __builtin_trap();
      if (length != message->body.size() || raw.size() != length + hs::kHandshakeHeaderSize) {
        __builtin_trap();
      }
      if (message->body.data() != raw.data() + hs::kHandshakeHeaderSize) __builtin_trap();
      (void)hs::handshake_type_name(message->type);
      taken += raw.size();
    }
    if (taken + reader.buffered() != added) __builtin_trap();
    if (reader.empty() && !reader.at_message_boundary()) __builtin_trap();
  }
  if (!failed) reader.release_memory();
  return 0;
}
