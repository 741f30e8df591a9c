// TLS 1.2 key derivation over the PRF of RFC 5246 5 (crypto::tls12_prf with
// the cipher suite's hash): the master secret (RFC 5246 8.1, or RFC 7627 4
// with the extended master secret), the key block (RFC 5246 6.3) and the
// Finished verify_data (RFC 5246 7.4.9).
#pragma once

#include <cstddef>

#include "base/bytes.hpp"
#include "base/secure.hpp"
#include "crypto/aead.hpp"
#include "crypto/hash.hpp"

namespace coda::hs {

// RFC 5246 8.1: the master secret is always 48 bytes.
inline constexpr size_t kMasterSecretLength = 48;
// RFC 5246 7.4.9: verify_data_length is 12 unless a suite says otherwise
// (none of ours does).
inline constexpr size_t kVerifyDataLength12 = 12;

// RFC 7627 4: PRF(pre_master_secret, "extended master secret",
// session_hash)[0..47], session_hash being the transcript hash through
// ClientKeyExchange.
SecureBytes master_secret_ems(crypto::HashAlg hash, ByteView pre_master, ByteView session_hash);

// RFC 5246 8.1: PRF(pre_master_secret, "master secret",
// ClientHello.random + ServerHello.random)[0..47].
SecureBytes master_secret(crypto::HashAlg hash, ByteView pre_master, ByteView client_random,
                          ByteView server_random);

// fixed_iv_length of an AEAD suite: 4 for AES-GCM (RFC 5288 3), 12 for
// ChaCha20-Poly1305 (RFC 7905 2).
size_t fixed_iv_length12(crypto::AeadAlg aead);

// The write keys and IVs of both sides. AEAD suites have no MAC keys
// (mac_key_length 0, RFC 5246 6.2.3.3), so the block is
// client_write_key, server_write_key, client_write_IV, server_write_IV.
struct KeyBlock12 {
  SecureBytes client_key;
  SecureBytes server_key;
  SecureBytes client_iv;
  SecureBytes server_iv;
};

// RFC 5246 6.3: PRF(master_secret, "key expansion",
// server_random + client_random), split in the order above.
KeyBlock12 key_block(crypto::HashAlg hash, crypto::AeadAlg aead, ByteView master,
                     ByteView client_random, ByteView server_random);

// RFC 5246 7.4.9: PRF(master_secret, finished_label, Hash(handshake_messages))
// [0..11], finished_label "client finished" or "server finished".
Bytes finished12(crypto::HashAlg hash, ByteView master, bool client, ByteView handshake_hash);

}  // namespace coda::hs
