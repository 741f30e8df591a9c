#include "handshake/ticket.hpp"

#include <algorithm>

#include "base/reader.hpp"
#include "base/writer.hpp"
#include "crypto/aead.hpp"
#include "crypto/hkdf.hpp"

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
  return seal_ticket_plaintext(kTicketFormat, plain, key, random);
}

Result<Bytes> seal_ticket_plaintext(uint8_t format, ByteView plain, ByteView key,
                                    crypto::RandomSource& random) {
  Bytes ticket(kHeaderLength + plain.size() + crypto::kAeadTagLength);
  ticket[0] = format;
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

std::optional<SecureBytes> open_ticket_plaintext(uint8_t format, ByteView ticket, ByteView key) {
  if (ticket.size() < kHeaderLength + crypto::kAeadTagLength || ticket[0] != format) {
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
  return plain;
}

std::optional<TicketContents> open_ticket(ByteView ticket, ByteView key) {
  auto opened = open_ticket_plaintext(kTicketFormat, ticket, key);
  if (!opened) return std::nullopt;
  const SecureBytes& plain = *opened;
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

TicketKeys ticket_keys_at(ByteView server_key, uint64_t now_s, uint32_t period_s) {
  static constexpr char kSalt[] = "coda ticket keys";
  const uint64_t period = now_s / std::max<uint32_t>(period_s, 1);
  const SecureBytes prk =
      crypto::hkdf_extract(crypto::HashAlg::sha256, as_bytes(kSalt, sizeof kSalt - 1), server_key);
  auto key_of = [&](uint64_t index) {
    // info: "period" and the period's index, big-endian.
    Bytes info = {'p', 'e', 'r', 'i', 'o', 'd'};
    for (int shift = 56; shift >= 0; shift -= 8)
      info.push_back(static_cast<uint8_t>(index >> shift));
    return crypto::hkdf_expand(crypto::HashAlg::sha256, prk, info, kTicketKeyLength);
  };
  return TicketKeys{key_of(period), key_of(period == 0 ? 0 : period - 1)};
}

TicketKeys server_ticket_keys(const Config& config) {
  const ByteView key =
      config.ticket_key ? ByteView(*config.ticket_key) : ByteView(process_ticket_key());
  return ticket_keys_at(key, config.now_ms() / 1000, config.ticket_lifetime);
}

std::optional<TicketContents> open_ticket(ByteView ticket, const TicketKeys& keys) {
  if (auto opened = open_ticket(ticket, keys.current)) return opened;
  return open_ticket(ticket, keys.previous);
}

std::optional<SecureBytes> open_ticket_plaintext(uint8_t format, ByteView ticket,
                                                 const TicketKeys& keys) {
  if (auto opened = open_ticket_plaintext(format, ticket, keys.current)) return opened;
  return open_ticket_plaintext(format, ticket, keys.previous);
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
