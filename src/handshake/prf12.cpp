#include "handshake/prf12.hpp"

#include "crypto/hkdf.hpp"

namespace coda::hs {

namespace {

Bytes concat(ByteView a, ByteView b) {
  Bytes out;
  out.reserve(a.size() + b.size());
  append(out, a);
  append(out, b);
  return out;
}

SecureBytes take(const SecureBytes& block, size_t& at, size_t n) {
  SecureBytes out(block.begin() + static_cast<ptrdiff_t>(at),
                  block.begin() + static_cast<ptrdiff_t>(at + n));
  at += n;
  return out;
}

}  // namespace

SecureBytes master_secret_ems(crypto::HashAlg hash, ByteView pre_master, ByteView session_hash) {
  // RFC 7627 4: master_secret = PRF(pre_master_secret, "extended master
  // secret", session_hash)[0..47].
  return crypto::tls12_prf(hash, pre_master, "extended master secret", session_hash,
                           kMasterSecretLength);
}

SecureBytes master_secret(crypto::HashAlg hash, ByteView pre_master, ByteView client_random,
                          ByteView server_random) {
  // RFC 5246 8.1: the seed is ClientHello.random + ServerHello.random.
  const Bytes seed = concat(client_random, server_random);
  return crypto::tls12_prf(hash, pre_master, "master secret", seed, kMasterSecretLength);
}

size_t fixed_iv_length12(crypto::AeadAlg aead) {
  return aead == crypto::AeadAlg::chacha20poly1305 ? crypto::kAeadNonceLength : 4;
}

KeyBlock12 key_block(crypto::HashAlg hash, crypto::AeadAlg aead, ByteView master,
                     ByteView client_random, ByteView server_random) {
  const size_t key_length = crypto::aead_key_length(aead);
  const size_t iv_length = fixed_iv_length12(aead);
  // RFC 5246 6.3: the seed is server_random + client_random (the reverse
  // of the master secret's order).
  const Bytes seed = concat(server_random, client_random);
  const SecureBytes block =
      crypto::tls12_prf(hash, master, "key expansion", seed, 2 * key_length + 2 * iv_length);
  // RFC 5246 6.3: client_write_MAC_key, server_write_MAC_key (both empty
  // for AEAD suites), client_write_key, server_write_key, client_write_IV,
  // server_write_IV.
  size_t at = 0;
  KeyBlock12 out;
  out.client_key = take(block, at, key_length);
  out.server_key = take(block, at, key_length);
  out.client_iv = take(block, at, iv_length);
  out.server_iv = take(block, at, iv_length);
  return out;
}

Bytes finished12(crypto::HashAlg hash, ByteView master, bool client, ByteView handshake_hash) {
  const SecureBytes v =
      crypto::tls12_prf(hash, master, client ? "client finished" : "server finished",
                        handshake_hash, kVerifyDataLength12);
  return Bytes(v.begin(), v.end());
}

}  // namespace coda::hs
