// TLS 1.2 (RFC 5246 with RFC 7627, 5746, 8422, 7905): the two machines take
// over from the TLS 1.3 ones once the hellos say 1.2, since one ClientHello
// offers both versions.
#pragma once

#include "config/config.hpp"
#include "config/session_info.hpp"
#include "crypto/random.hpp"
#include "handshake/handshake_machine.hpp"
#include "handshake/messages.hpp"
#include "handshake/transcript.hpp"

namespace coda::hs {

// RFC 8446 4.1.3: the last 8 bytes of a TLS 1.3-capable server's random
// when it negotiates TLS 1.2 ("DOWNGRD" 01) or below ("DOWNGRD" 00).
inline constexpr uint8_t kDowngradeTls12[8] = {0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, 0x01};
inline constexpr uint8_t kDowngradeTls11[8] = {0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, 0x00};

// The ClientHello went out (`hello`, its transcript still unhashed) and the
// ServerHello `m` chose TLS 1.2: a TLS 1.2 client machine takes over
// (sink.hand_over) and processes the ServerHello.
Status continue_tls12_client(const Config& config, SessionInfo& info, HandshakeSink& sink,
                             crypto::RandomSource& random, ClientHello hello, Transcript transcript,
                             const ServerHello& sh, const HandshakeMessage& m);

// The ClientHello `m` settles on TLS 1.2: a TLS 1.2 server machine takes
// over and answers it.
Status start_tls12_server(const Config& config, SessionInfo& info, HandshakeSink& sink,
                          crypto::RandomSource& random, const ClientHello& ch,
                          const HandshakeMessage& m);

}  // namespace coda::hs
