#include "handshake/ticket.hpp"

#include "base/reader.hpp"
#include "base/writer.hpp"
#include "crypto/aead.hpp"

namespace coda::hs {
namespace {

constexpr uint8_t kTicketFormat = 1;
constexpr size_t kHeaderLength = 1 + crypto::kAeadNonceLength;

}  // namespace

Result<Bytes> seal_ticket(const TicketContents& c, ByteView key, crypto::RandomSource& random) {
  // The plaintext holds the PSK: built in wiped memory.
  size_t size = 64 + c.psk.size() + c.server_name.size() + c.alpn.size();
  for (const auto& der : c.peer_chain) size += 3 + der.size();
  Bytes plain_buf;
  plain_buf.reserve(size);
  Writer w(plain_buf);
  w.u16(static_cast<uint16_t>(c.cipher_suite));
  bool ok = w.vec8(c.psk);
  w.u32(c.age_add);
  w.u64(c.issued_ms);
  w.u32(c.lifetime);
  ok = ok && w.vec16(as_bytes(c.server_name.data(), c.server_name.size())) &&
       w.vec8(as_bytes(c.alpn.data(), c.alpn.size()));
  w.u32(c.peer_verify_status);
  auto chain = w.begin_vec24();
  for (const auto& der : c.peer_chain) ok = ok && w.vec24(der);
  ok = ok && w.end(chain);
  SecureBytes plain(plain_buf.begin(), plain_buf.end());
  secure_wipe(plain_buf.data(), plain_buf.size());
  if (!ok) return Error::make(ErrorKind::internal, "ticket contents too long");

  Bytes ticket(kHeaderLength + plain.size() + crypto::kAeadTagLength);
  ticket[0] = kTicketFormat;
  random.fill(MutableByteView(ticket).subspan(1, crypto::kAeadNonceLength));
  std::copy(plain.begin(), plain.end(), ticket.begin() + kHeaderLength);
  CODA_ASSIGN(auto aead, crypto::Aead::create(crypto::AeadAlg::aes256gcm, key));
  const ByteView header = ByteView(ticket).first(kHeaderLength);
  const ByteView nonce = header.subspan(1);
  MutableByteView body = MutableByteView(ticket).subspan(kHeaderLength, plain.size());
  MutableByteView tag = MutableByteView(ticket).last(crypto::kAeadTagLength);
  CODA_TRY(aead.seal(nonce, header, body, tag));
  return ticket;
}

std::optional<TicketContents> open_ticket(ByteView ticket, ByteView key) {
  if (ticket.size() < kHeaderLength + crypto::kAeadTagLength || ticket[0] != kTicketFormat) {
    return std::nullopt;
  }
  auto aead = crypto::Aead::create(crypto::AeadAlg::aes256gcm, key);
  if (!aead) return std::nullopt;
  const ByteView header = ticket.first(kHeaderLength);
  const ByteView sealed = ticket.subspan(kHeaderLength);
  SecureBytes plain(sealed.begin(), sealed.end() - crypto::kAeadTagLength);
  if (!aead->open(header.subspan(1), header, plain, sealed.last(crypto::kAeadTagLength))) {
    return std::nullopt;
  }
  Reader r(plain);
  TicketContents c;
  uint16_t suite = 0;
  ByteView psk, name, alpn;
  Reader chain;
  if (!r.u16(suite) || !r.vec8(psk) || !r.u32(c.age_add) || !r.u64(c.issued_ms) ||
      !r.u32(c.lifetime) || !r.vec16(name) || !r.vec8(alpn) || !r.u32(c.peer_verify_status) ||
      !r.vec24(chain) || !r.empty() || psk.empty()) {
    return std::nullopt;
  }
  while (!chain.empty()) {
    ByteView der;
    if (!chain.vec24(der) || der.empty()) return std::nullopt;
    c.peer_chain.emplace_back(der.begin(), der.end());
  }
  c.cipher_suite = static_cast<CipherSuite>(suite);
  c.psk.assign(psk.begin(), psk.end());
  c.server_name.assign(name.begin(), name.end());
  c.alpn.assign(alpn.begin(), alpn.end());
  return c;
}

const SecureBytes& process_ticket_key() {
  static const SecureBytes key = [] {
    SecureBytes k(kTicketKeyLength);
    crypto::system_random().fill(k);
    return k;
  }();
  return key;
}

}  // namespace coda::hs
