// Sending a handshake message: the one place that frames it, adds it to the
// transcript and hands it to the engine, for every machine.
#pragma once

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "handshake/handshake_machine.hpp"
#include "handshake/messages.hpp"
#include "handshake/transcript.hpp"

namespace coda::hs {

Status send_handshake(HandshakeSink& sink, Transcript& transcript, HandshakeType type,
                      ByteView body);

}  // namespace coda::hs
