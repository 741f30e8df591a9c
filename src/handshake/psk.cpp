#include "handshake/psk.hpp"

#include "base/reader.hpp"
#include "base/writer.hpp"
#include "crypto/hkdf.hpp"

namespace coda::hs {

Result<OfferedPsks> OfferedPsks::parse(ByteView body) {
  Reader r(body);
  Reader ids, binders;
  if (!r.vec16(ids) || !r.vec16(binders) || !r.empty()) {
    return decode_error("pre_shared_key: bad layout");
  }
  OfferedPsks out;
  while (!ids.empty()) {
    ByteView identity;
    PskIdentity id;
    if (!ids.vec16(identity) || identity.empty() || !ids.u32(id.obfuscated_ticket_age)) {
      return decode_error("pre_shared_key: bad identity");
    }
    id.identity.assign(identity.begin(), identity.end());
    out.identities.push_back(std::move(id));
  }
  while (!binders.empty()) {
    ByteView binder;
    // RFC 8446 4.2.11: PskBinderEntry<32..255>.
    if (!binders.vec8(binder) || binder.size() < 32) {
      return decode_error("pre_shared_key: bad binder");
    }
    out.binders.emplace_back(binder.begin(), binder.end());
  }
  if (out.identities.empty()) return decode_error("pre_shared_key: no identity");
  // RFC 8446 4.2.11: one binder per identity.
  if (out.binders.size() != out.identities.size()) {
    return illegal_parameter("pre_shared_key: binder count differs from identity count");
  }
  return out;
}

Bytes OfferedPsks::serialize() const {
  Bytes out;
  Writer w(out);
  auto ids = w.begin_vec16();
  bool ok = true;
  for (const auto& id : identities) {
    ok = ok && w.vec16(id.identity);
    w.u32(id.obfuscated_ticket_age);
  }
  ok = ok && w.end(ids);
  auto bs = w.begin_vec16();
  for (const auto& b : binders) ok = ok && w.vec8(b);
  ok = ok && w.end(bs);
  if (!ok) return {};
  return out;
}

size_t OfferedPsks::binders_length() const {
  size_t n = 2;
  for (const auto& b : binders) n += 1 + b.size();
  return n;
}

RawExtension selected_identity_extension(uint16_t index) {
  return {static_cast<uint16_t>(ExtensionType::pre_shared_key),
          Bytes{static_cast<uint8_t>(index >> 8), static_cast<uint8_t>(index)}};
}

Result<std::optional<uint16_t>> selected_identity(const ServerHello& sh) {
  for (const auto& e : sh.other_extensions) {
    if (e.type != static_cast<uint16_t>(ExtensionType::pre_shared_key)) continue;
    Reader r(e.body);
    uint16_t index = 0;
    if (!r.u16(index) || !r.empty()) return decode_error("ServerHello pre_shared_key: bad length");
    return std::optional<uint16_t>(index);
  }
  return std::optional<uint16_t>();
}

SecureBytes resumption_psk(crypto::HashAlg hash, ByteView resumption_master, ByteView nonce) {
  return crypto::hkdf_expand_label(hash, resumption_master, "resumption", nonce,
                                   crypto::hash_length(hash));
}

Bytes psk_binder(crypto::HashAlg hash, ByteView psk, ByteView transcript_hash) {
  const size_t n = crypto::hash_length(hash);
  const SecureBytes zeros(n, 0);
  const SecureBytes early = crypto::hkdf_extract(hash, zeros, psk);
  const Bytes empty_hash = crypto::Hash::digest(hash, {});
  const SecureBytes binder_key =
      crypto::hkdf_expand_label(hash, early, "res binder", empty_hash, n);
  const SecureBytes finished_key = crypto::hkdf_expand_label(hash, binder_key, "finished", {}, n);
  return crypto::hmac(hash, finished_key, transcript_hash);
}

ByteView truncated_client_hello(ByteView message, const OfferedPsks& offered) {
  const size_t cut = offered.binders_length();
  if (cut > message.size()) return {};
  return message.first(message.size() - cut);
}

}  // namespace coda::hs
