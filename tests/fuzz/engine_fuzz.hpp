// The whole-engine harness, for either role: a Connection with a seeded
// random source is fed arbitrary peer bytes. Input: one control byte (bits
// 0..2 the chunking of the peer bytes, bits 3..4 the engine variant of
// fuzz_common.hpp), then the peer bytes. The client has queued its
// ClientHello before the first peer byte arrives.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "crypto/random.hpp"
#include "engine/connection.hpp"
#include "fuzz_common.hpp"

namespace coda::fuzz {

inline void drain(Connection& c) {
  const size_t n = c.pending_output().size();
  c.consume_output(n);
}

inline void run_engine(Role role, const uint8_t* data, size_t size) {
  if (size < 1) return;
  const int chunking = data[0] & 7;
  const int variant = (data[0] >> 3) & 3;
  crypto::SeededRandom random(role == Role::client ? kClientSeed : kServerSeed);
  auto created = Connection::create(engine_config(role, variant, &random));
  if (!created) __builtin_trap();  // a fixed, valid config
  Connection& c = *created.value();
  drain(c);

  Chunker chunks(chunking, ByteView(data + 1, size - 1));
  bool failed = false;
  bool sent_data = false;
  int stalls = 0;
  while (!chunks.done()) {
    // Mode 0 doubles as the careful driver: exactly bytes_needed() at a time.
    const ByteView piece = chunking == 0 ? chunks.peek(c.bytes_needed()) : chunks.peek();
    auto used = c.receive(piece);
    drain(c);
    if (!used) {
      failed = true;
      // The first fatal error is stored and every later call returns it.
      if (!c.error()) __builtin_trap();
      if (c.read_state() != DirectionState::failed) __builtin_trap();
      if (c.receive(piece).ok()) __builtin_trap();
      break;
    }
    if (*used > piece.size()) __builtin_trap();
    chunks.advance(*used);
    (void)c.take_warning_alert();
    stalls = *used == 0 ? stalls + 1 : 0;
    if (stalls > 1) break;  // stopped after close_notify
    if (c.handshake_complete() && !sent_data && c.write_state() == DirectionState::open) {
      sent_data = true;
      static const uint8_t ping[] = {'p', 'i', 'n', 'g'};
      (void)c.send(ping);
      (void)c.update_keys(true);
      drain(c);
    }
    uint8_t buf[512];
    while (c.app_data_available() > 0) {
      if (c.read(buf) == 0) __builtin_trap();
    }
    // Accepted 0-RTT data, bounded by max_early_data_size.
    if (c.early_data_available() > 16384) __builtin_trap();
    while (c.early_data_available() > 0) {
      if (c.read_early_data(buf) == 0) __builtin_trap();
    }
  }
  if (!failed) {
    (void)c.receive_eof();
    c.close_write();
    drain(c);
  }
  (void)c.info();
  // CODA_FUZZ_DEBUG=1: how far an input got (to check that seeds go deep).
  static const bool debug = std::getenv("CODA_FUZZ_DEBUG") != nullptr;
  if (debug) {
    std::fprintf(stderr, "  handshake %s%s%s, read %d, error: %s\n",
                 c.handshake_complete() ? "complete" : "incomplete",
                 c.info().resumed ? " (resumed)" : "",
                 c.info().early_data_accepted ? " (0-RTT taken)" : "",
                 static_cast<int>(c.read_state()), c.error() ? c.error()->detail : "none");
  }
}

}  // namespace coda::fuzz
