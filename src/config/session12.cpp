#include "config/session12.hpp"

#include <algorithm>
#include <array>

#include "base/reader.hpp"
#include "base/writer.hpp"
#include "config/peer_chain.hpp"
#include "crypto/hash.hpp"

namespace coda {
namespace {

// Client session data: "CdS" and format 2. Server entries: "CdE" and
// format 1. Anything else is not ours.
constexpr std::array<uint8_t, 4> kClientMagic = {'C', 'd', 'S', 2};
constexpr std::array<uint8_t, 4> kServerMagic = {'C', 'd', 'E', 1};
// A server entry ends in the SHA-256 of what precedes it: not a MAC (the
// cache is the server's own), but a damaged entry must be told from a
// good one, since a flipped byte of the master secret would otherwise fail
// the handshake instead of making it a full one.
constexpr size_t kEntryDigestLength = 32;

Error malformed(const char* why) {
  return Error::make(ErrorKind::invalid_argument, why);
}

bool starts_with(ByteView data, const std::array<uint8_t, 4>& magic) {
  return data.size() >= magic.size() && std::equal(magic.begin(), magic.end(), data.begin());
}

// Copies a buffer that held secrets into wiped memory and wipes it.
SecureBytes into_secure(Bytes& out, bool ok) {
  SecureBytes result(out.begin(), out.end());
  secure_wipe(out.data(), out.size());
  if (!ok) return {};
  return result;
}

}  // namespace

bool ResumableSession12::offerable() const {
  return extended_master_secret && master_secret.size() == kMasterSecret12Length &&
         (!session_id.empty() || !ticket.empty());
}

bool ResumableSession12::is_format(ByteView data) {
  return starts_with(data, kClientMagic);
}

SecureBytes ResumableSession12::serialize() const {
  // Reserved up front: a reallocation would leave the old block unwiped.
  size_t size = 64 + master_secret.size() + session_id.size() + ticket.size() + server_name.size() +
                alpn.size();
  size += peer_chain_size(peer_chain);
  Bytes out;
  out.reserve(size);
  Writer w(out);
  for (uint8_t b : kClientMagic) w.u8(b);
  w.u16(static_cast<uint16_t>(cipher_suite));
  bool ok = w.vec8(master_secret) && w.vec8(session_id) && w.vec16(ticket);
  w.u32(ticket_lifetime_hint);
  w.u64(received_ms);
  w.u8(extended_master_secret ? 1 : 0);
  ok = ok && w.vec16(as_bytes(server_name.data(), server_name.size())) &&
       w.vec8(as_bytes(alpn.data(), alpn.size()));
  w.u32(peer_verify_status);
  ok = write_peer_chain(w, peer_chain) && ok;
  return into_secure(out, ok);
}

Result<ResumableSession12> ResumableSession12::parse(ByteView data, ParseError* why) {
  if (why) *why = ParseError::unknown_format;
  if (!is_format(data)) return malformed("not Coda TLS 1.2 session data");
  if (why) *why = ParseError::malformed;
  Reader r(data.subspan(kClientMagic.size()));
  ResumableSession12 s;
  uint16_t suite = 0;
  uint8_t ems = 0;
  ByteView master, id, ticket, name, alpn;
  Reader chain;
  if (!r.u16(suite) || !r.vec8(master) || !r.vec8(id) || !r.vec16(ticket) ||
      !r.u32(s.ticket_lifetime_hint) || !r.u64(s.received_ms) || !r.u8(ems) || !r.vec16(name) ||
      !r.vec8(alpn) || !r.u32(s.peer_verify_status) || !r.vec24(chain) || !r.empty()) {
    return malformed("session data: bad layout");
  }
  if (master.size() != kMasterSecret12Length || id.size() > kMaxSessionIdLength || ems > 1 ||
      (id.empty() && ticket.empty())) {
    return malformed("session data: bad field");
  }
  s.cipher_suite = static_cast<CipherSuite>(suite);
  s.master_secret.assign(master.begin(), master.end());
  s.session_id.assign(id.begin(), id.end());
  s.ticket.assign(ticket.begin(), ticket.end());
  s.extended_master_secret = ems == 1;
  s.server_name.assign(name.begin(), name.end());
  s.alpn.assign(alpn.begin(), alpn.end());
  CODA_ASSIGN(s.peer_chain, read_peer_chain(chain));
  return s;
}

SecureBytes ServerSession12::serialize() const {
  size_t size = 64 + kEntryDigestLength + master_secret.size() + server_name.size();
  for (const auto& der : peer_chain) size += 3 + der.size();
  Bytes out;
  out.reserve(size);
  Writer w(out);
  for (uint8_t b : kServerMagic) w.u8(b);
  w.u64(created_s);
  w.u64(expires_s);
  w.u16(static_cast<uint16_t>(cipher_suite));
  bool ok = w.vec8(master_secret);
  w.u8(extended_master_secret ? 1 : 0);
  ok = ok && w.vec16(as_bytes(server_name.data(), server_name.size()));
  w.u32(peer_verify_status);
  auto chain = w.begin_vec24();
  for (const auto& der : peer_chain) ok = ok && w.vec24(der);
  ok = ok && w.end(chain);
  if (ok) {
    const Bytes digest = crypto::Hash::digest(crypto::HashAlg::sha256, out);
    out.insert(out.end(), digest.begin(), digest.end());
  }
  return into_secure(out, ok);
}

std::optional<ServerSession12> ServerSession12::parse(ByteView data) {
  if (!starts_with(data, kServerMagic) || data.size() < kServerMagic.size() + kEntryDigestLength) {
    return std::nullopt;
  }
  const ByteView body = data.first(data.size() - kEntryDigestLength);
  const Bytes digest = crypto::Hash::digest(crypto::HashAlg::sha256, body);
  if (!ct_equal(digest, data.last(kEntryDigestLength))) return std::nullopt;
  Reader r(body.subspan(kServerMagic.size()));
  ServerSession12 s;
  uint16_t suite = 0;
  uint8_t ems = 0;
  ByteView master, name;
  Reader chain;
  if (!r.u64(s.created_s) || !r.u64(s.expires_s) || !r.u16(suite) || !r.vec8(master) ||
      !r.u8(ems) || !r.vec16(name) || !r.u32(s.peer_verify_status) || !r.vec24(chain) ||
      !r.empty()) {
    return std::nullopt;
  }
  if (master.size() != kMasterSecret12Length || ems > 1) return std::nullopt;
  while (!chain.empty()) {
    ByteView der;
    if (!chain.vec24(der) || der.empty()) return std::nullopt;
    s.peer_chain.emplace_back(der.begin(), der.end());
  }
  s.cipher_suite = static_cast<CipherSuite>(suite);
  s.master_secret.assign(master.begin(), master.end());
  s.extended_master_secret = ems == 1;
  s.server_name.assign(name.begin(), name.end());
  return s;
}

}  // namespace coda
