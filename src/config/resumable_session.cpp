#include "config/resumable_session.hpp"

#include <algorithm>
#include <array>

#include "base/reader.hpp"
#include "base/writer.hpp"
#include "config/peer_chain.hpp"

namespace coda {
namespace {

// "CdS" and format 1. Anything else is not our session data.
constexpr std::array<uint8_t, 4> kMagic = {'C', 'd', 'S', 1};

Error malformed(const char* why) {
  return Error::make(ErrorKind::invalid_argument, why);
}

}  // namespace

bool ResumableSession::usable_at(uint64_t now_ms) const {
  if (lifetime == 0 || ticket.empty() || psk.empty()) return false;
  // A ticket "from the future" (clock stepped back) is not trusted either.
  if (now_ms < received_ms) return false;
  const uint64_t limit = std::min(lifetime, kMaxTicketLifetimeSeconds);
  return now_ms - received_ms < limit * 1000;
}

SecureBytes ResumableSession::serialize() const {
  // Reserved up front: the buffer holds the PSK and must not reallocate
  // (a plain vector leaves its old block unwiped).
  size_t size = 64 + psk.size() + ticket.size() + server_name.size() + alpn.size();
  size += peer_chain_size(peer_chain);
  Bytes out;
  out.reserve(size);
  Writer w(out);
  for (uint8_t b : kMagic) w.u8(b);
  w.u16(static_cast<uint16_t>(cipher_suite));
  bool ok = w.vec8(psk) && w.vec16(ticket);
  w.u32(age_add);
  w.u32(lifetime);
  w.u64(received_ms);
  ok = ok && w.vec16(as_bytes(server_name.data(), server_name.size())) &&
       w.vec8(as_bytes(alpn.data(), alpn.size()));
  w.u32(peer_verify_status);
  ok = write_peer_chain(w, peer_chain) && ok;
  w.u32(max_early_data);
  SecureBytes result(out.begin(), out.end());
  secure_wipe(out.data(), out.size());
  if (!ok) return {};
  return result;
}

Result<ResumableSession> ResumableSession::parse(ByteView data, ParseError* why) {
  if (why) *why = ParseError::unknown_format;
  if (data.size() < kMagic.size() || !std::equal(kMagic.begin(), kMagic.end(), data.begin())) {
    return malformed("not Coda session data");
  }
  if (why) *why = ParseError::malformed;
  Reader r(data.subspan(kMagic.size()));
  ResumableSession s;
  uint16_t suite = 0;
  ByteView psk, ticket, name, alpn;
  Reader chain;
  if (!r.u16(suite) || !r.vec8(psk) || !r.vec16(ticket) || !r.u32(s.age_add) ||
      !r.u32(s.lifetime) || !r.u64(s.received_ms) || !r.vec16(name) || !r.vec8(alpn) ||
      !r.u32(s.peer_verify_status) || !r.vec24(chain) || !r.u32(s.max_early_data) || !r.empty()) {
    return malformed("session data: bad layout");
  }
  if (psk.empty() || ticket.empty()) return malformed("session data: no PSK or ticket");
  s.cipher_suite = static_cast<CipherSuite>(suite);
  s.psk.assign(psk.begin(), psk.end());
  s.ticket.assign(ticket.begin(), ticket.end());
  s.server_name.assign(name.begin(), name.end());
  s.alpn.assign(alpn.begin(), alpn.end());
  CODA_ASSIGN(s.peer_chain, read_peer_chain(chain));
  return s;
}

}  // namespace coda
