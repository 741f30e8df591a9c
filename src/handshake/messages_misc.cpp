// Finished (RFC 8446 4.4.4, RFC 5246 7.4.9), NewSessionTicket (RFC 8446
// 4.6.1), KeyUpdate (RFC 8446 4.6.3), the handshake header and names.
#include <cassert>

#include "handshake/messages_internal.hpp"

namespace coda::hs {

// RFC 8446 4.1.3: SHA-256("HelloRetryRequest").
const std::array<uint8_t, 32> kHelloRetryRequestRandom = {
    0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
    0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C,
};

const char* handshake_type_name(HandshakeType type) {
  switch (type) {
    case HandshakeType::hello_request:
      return "hello_request";
    case HandshakeType::client_hello:
      return "client_hello";
    case HandshakeType::server_hello:
      return "server_hello";
    case HandshakeType::new_session_ticket:
      return "new_session_ticket";
    case HandshakeType::end_of_early_data:
      return "end_of_early_data";
    case HandshakeType::encrypted_extensions:
      return "encrypted_extensions";
    case HandshakeType::certificate:
      return "certificate";
    case HandshakeType::server_key_exchange:
      return "server_key_exchange";
    case HandshakeType::certificate_request:
      return "certificate_request";
    case HandshakeType::server_hello_done:
      return "server_hello_done";
    case HandshakeType::certificate_verify:
      return "certificate_verify";
    case HandshakeType::client_key_exchange:
      return "client_key_exchange";
    case HandshakeType::finished:
      return "finished";
    case HandshakeType::key_update:
      return "key_update";
    case HandshakeType::message_hash:
      return "message_hash";
  }
  return "unknown";
}

void append_handshake(Bytes& out, HandshakeType type, ByteView body) {
  // Our own messages are far below 2^24; a larger body is a caller bug.
  assert(body.size() < (size_t{1} << 24U));
  Writer w(out);
  w.u8(static_cast<uint8_t>(type));
  w.u24(static_cast<uint32_t>(body.size()));
  w.bytes(body);
}

// ---------------------------------------------------------------------------
// Finished: opaque verify_data[Hash.length] (1.3) or [12] (1.2).

Result<Finished> Finished::parse(ByteView body, size_t expected_length) {
  // RFC 8446 4.4.4 / RFC 5246 7.4.9: the length is fixed by the cipher
  // suite; anything else cannot be decoded.
  if (body.size() != expected_length) return decode_error("Finished: wrong length");
  Finished f;
  f.verify_data.assign(body.begin(), body.end());
  return f;
}

Bytes Finished::serialize() const {
  return verify_data;
}

// ---------------------------------------------------------------------------
// NewSessionTicket: uint32 ticket_lifetime; uint32 ticket_age_add;
// opaque ticket_nonce<0..255>; opaque ticket<1..2^16-1>;
// Extension extensions<0..2^16-2>.

Result<NewSessionTicket> NewSessionTicket::parse(ByteView body) {
  Reader r(body);
  NewSessionTicket t;
  ByteView nonce;
  ByteView ticket;
  Reader exts;
  if (!r.u32(t.lifetime) || !r.u32(t.age_add) || !r.vec8(nonce) || !r.vec16(ticket) ||
      !r.vec16(exts) || !r.empty()) {
    return decode_error("NewSessionTicket: bad length");
  }
  if (ticket.empty()) return decode_error("NewSessionTicket: empty ticket");
  // <0..2^16-2>: the block is a list of 4-byte-headed entries, so 2^16-1
  // would also fail below; kept explicit to match the RFC's bound.
  if (exts.remaining() > 0xFFFE) return decode_error("NewSessionTicket: extensions too long");
  t.nonce.assign(nonce.begin(), nonce.end());
  t.ticket.assign(ticket.begin(), ticket.end());
  std::vector<uint16_t> types;
  CODA_TRY(detail::for_each_extension(exts, types, [&](uint16_t type, Reader& b) -> Status {
    t.extensions.push_back(detail::take_raw(type, b));
    return {};
  }));
  return t;
}

Bytes NewSessionTicket::serialize() const {
  Bytes out;
  Writer w(out);
  w.u32(lifetime);
  w.u32(age_add);
  bool ok = w.vec8(nonce);
  ok = w.vec16(ticket) && ok;
  auto block = w.begin_vec16();
  for (const auto& e : extensions) {
    w.u16(e.type);
    ok = w.vec16(e.body) && ok;
  }
  ok = w.end(block) && ok;
  return detail::finish(std::move(out), ok);
}

// ---------------------------------------------------------------------------
// KeyUpdate: KeyUpdateRequest request_update (one byte).

Result<KeyUpdate> KeyUpdate::parse(ByteView body) {
  Reader r(body);
  uint8_t v = 0;
  if (!r.u8(v) || !r.empty()) return decode_error("KeyUpdate: bad length");
  // RFC 8446 4.6.3: a value other than 0 or 1 MUST be answered with illegal_parameter.
  if (v > 1) return illegal_parameter("KeyUpdate: bad request_update");
  KeyUpdate k;
  k.request = static_cast<Request>(v);
  return k;
}

Bytes KeyUpdate::serialize() const {
  return Bytes{static_cast<uint8_t>(request)};
}

}  // namespace coda::hs
