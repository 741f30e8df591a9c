#include "handshake/send.hpp"

namespace coda::hs {

Status send_handshake(HandshakeSink& sink, Transcript& transcript, HandshakeType type,
                      ByteView body) {
  Bytes message;
  append_handshake(message, type, body);
  transcript.add(message);
  return sink.write_handshake(message);
}

}  // namespace coda::hs
