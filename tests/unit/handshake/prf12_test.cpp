// TLS 1.2 key derivation (RFC 5246 5, 6.3, 7.4.9, 8.1; RFC 7627 4).
// Known answers come from published vectors where there are some and
// otherwise from OpenSSL's TLS1-PRF KDF (`openssl kdf ... TLS1-PRF`), an
// implementation independent of Coda's crypto::tls12_prf.
#include "handshake/prf12.hpp"

#include <gtest/gtest.h>

#include <string>

#include "crypto/hash.hpp"
#include "crypto/hkdf.hpp"
#include "unit/handshake/test_util.hpp"

namespace coda::hs {
namespace {

using crypto::AeadAlg;
using crypto::HashAlg;
using test::hex;

template <typename C>
Bytes bytes_of(const C& c) {
  return Bytes(c.begin(), c.end());
}

Bytes range(uint8_t first, size_t n) {
  Bytes out(n);
  for (size_t i = 0; i < n; ++i) out[i] = static_cast<uint8_t>(first + i);
  return out;
}

// The Illustrated TLS 1.2 Connection (https://tls12.xargs.org/, "Client
// Encryption Keys Calculation"): pre-master secret, randoms 00..1f and
// 70..8f, master secret. Published, and checked against OpenSSL.
const Bytes kPreMaster = hex("df4a291baa1eb7cfa6934b29b474baad2697e29f1f920dcc77c8a0a088447624");
const Bytes kClientRandom = range(0x00, 32);
const Bytes kServerRandom = range(0x70, 32);
const Bytes kMaster =
    hex("916abf9da55973e13614ae0a3f5d3f37b023ba129aee02cc9134338127cd7049"
        "781c8e19fc1eb2a7387ac06ae237344c");

// SHA-256 and SHA-384 of "handshake", standing in for a transcript hash.
const Bytes kHash256 = hex("dfff30d188055f20aaa1610f29102805528465bbad91709ded764e8899f5ad2b");
const Bytes kHash384 =
    hex("1b133408db39267987434253e9bdf86acb6e8a3573c69c7ce4493457684dce2a"
        "ad1fb3a5ca300c7cb12d2c0a3b9cd80c");

// ---------------------------------------------------------------------------
// The PRF itself: the test vectors posted to the IETF TLS list
// (https://www.ietf.org/mail-archive/web/tls/current/msg03416.html).

TEST(Prf12, Sha256PublishedVector) {
  const auto out = crypto::tls12_prf(HashAlg::sha256, hex("9bbe436ba940f017b17652849a71db35"),
                                     "test label", hex("a0ba9f936cda311827a6f796ffd5198c"), 100);
  EXPECT_EQ(bytes_of(out), hex("e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
                               "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
                               "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701"
                               "87347b66"));
}

TEST(Prf12, Sha384PublishedVector) {
  const auto out = crypto::tls12_prf(HashAlg::sha384, hex("b80b733d6ceefcdc71566ea48e5567df"),
                                     "test label", hex("cd665cf6a8447dd6ff8b27555edb7465"), 148);
  EXPECT_EQ(bytes_of(out), hex("7b0c18e9ced410ed1804f2cfa34a336a1c14dffb4900bb5fd7942107e81c83cd"
                               "e9ca0faa60be9fe34f82b1233c9146a0e534cb400fed2700884f9dc236f80edd"
                               "8bfa961144c9e8d792eca722a7b32fc3d416d473ebc2c5fd4abfdad05d918425"
                               "9b5bf8cd4d90fa0d31e2dec479e4f1a26066f2eea9a69236a3e52655c9e9aee6"
                               "91c8f3a26854308d5eaa3be85e0990703d73e56f"));
}

// ---------------------------------------------------------------------------
// Master secret

TEST(Prf12, MasterSecretPublishedVector) {
  // RFC 5246 8.1, seed client_random + server_random.
  const auto ms = master_secret(HashAlg::sha256, kPreMaster, kClientRandom, kServerRandom);
  EXPECT_EQ(ms.size(), kMasterSecretLength);
  EXPECT_EQ(bytes_of(ms), kMaster);
  // The order of the randoms matters.
  EXPECT_NE(bytes_of(master_secret(HashAlg::sha256, kPreMaster, kServerRandom, kClientRandom)),
            kMaster);
}

TEST(Prf12, MasterSecretSha384) {
  EXPECT_EQ(bytes_of(master_secret(HashAlg::sha384, kPreMaster, kClientRandom, kServerRandom)),
            hex("2c581ca005004401560f68f58307d5eff0ff3fdaed6c78338bef9028227089da"
                "05d67ab6c13768876bfb65e4da65d937"));
}

TEST(Prf12, ExtendedMasterSecret) {
  // RFC 7627 4: PRF(pre_master_secret, "extended master secret",
  // session_hash)[0..47].
  const auto ems256 = master_secret_ems(HashAlg::sha256, kPreMaster, kHash256);
  EXPECT_EQ(ems256.size(), kMasterSecretLength);
  EXPECT_EQ(bytes_of(ems256), hex("11c30def83dccbd6bcce5ddca55dfaf110208872b5fd34b05f5d94d123bdec8d"
                                  "d7a01a09e297f9df13a9dbd44c4733ec"));
  EXPECT_EQ(bytes_of(master_secret_ems(HashAlg::sha384, kPreMaster, kHash384)),
            hex("152a3a94d88d1796d244e8654d5741e47eddf109c8bc1625e0399c8ec9c1940b"
                "8e02f1278f8adc8327a5c03a95000f59"));
  // It is bound to the session hash.
  Bytes other = kHash256;
  other[31] ^= 1;
  EXPECT_NE(bytes_of(master_secret_ems(HashAlg::sha256, kPreMaster, other)), bytes_of(ems256));
}

// ---------------------------------------------------------------------------
// Key block

TEST(Prf12, KeyBlockSizes) {
  struct Case {
    AeadAlg aead;
    size_t key;
    size_t iv;
  };
  for (const Case& c : {Case{AeadAlg::aes128gcm, 16, 4}, Case{AeadAlg::aes256gcm, 32, 4},
                        Case{AeadAlg::chacha20poly1305, 32, 12}}) {
    EXPECT_EQ(fixed_iv_length12(c.aead), c.iv);
    for (HashAlg h : {HashAlg::sha256, HashAlg::sha384}) {
      const auto kb = key_block(h, c.aead, kMaster, kClientRandom, kServerRandom);
      EXPECT_EQ(kb.client_key.size(), c.key);
      EXPECT_EQ(kb.server_key.size(), c.key);
      EXPECT_EQ(kb.client_iv.size(), c.iv);
      EXPECT_EQ(kb.server_iv.size(), c.iv);
      // The four parts are the PRF output in order, with no MAC keys in
      // front (RFC 5246 6.3, mac_key_length 0 for AEAD).
      const auto whole =
          crypto::tls12_prf(h, kMaster, "key expansion", test::cat({kServerRandom, kClientRandom}),
                            2 * c.key + 2 * c.iv);
      Bytes joined;
      for (const auto* part : {&kb.client_key, &kb.server_key, &kb.client_iv, &kb.server_iv}) {
        append(joined, *part);
      }
      EXPECT_EQ(joined, bytes_of(whole));
    }
  }
}

TEST(Prf12, KeyBlockAes128GcmKnownAnswer) {
  // The published trace's key expansion (seed server_random +
  // client_random) starts 1b7d117c... (its client MAC key, a CBC suite);
  // an AES-128-GCM suite takes the same stream as 16+16+4+4 bytes.
  const auto kb =
      key_block(HashAlg::sha256, AeadAlg::aes128gcm, kMaster, kClientRandom, kServerRandom);
  EXPECT_EQ(bytes_of(kb.client_key), hex("1b7d117c7d5f690bc263cae8ef60af0f"));
  EXPECT_EQ(bytes_of(kb.server_key), hex("1878acc22ad8bdd8c601a617126f6354"));
  EXPECT_EQ(bytes_of(kb.client_iv), hex("0eb20906"));
  EXPECT_EQ(bytes_of(kb.server_iv), hex("f781fad2"));
}

TEST(Prf12, KeyBlockChaChaKnownAnswer) {
  const auto kb =
      key_block(HashAlg::sha256, AeadAlg::chacha20poly1305, kMaster, kClientRandom, kServerRandom);
  EXPECT_EQ(bytes_of(kb.client_key),
            hex("1b7d117c7d5f690bc263cae8ef60af0f1878acc22ad8bdd8c601a617126f6354"));
  EXPECT_EQ(bytes_of(kb.server_key),
            hex("0eb20906f781fad2f656d037b173ef3e11169f27231a84b6752a18e7a9fcb7cb"));
  EXPECT_EQ(bytes_of(kb.client_iv), hex("cdd8f98dd8f769eba0d2550c"));
  EXPECT_EQ(bytes_of(kb.server_iv), hex("9238eebfef5c32251abb67d6"));
}

TEST(Prf12, KeyBlockAes256GcmSha384KnownAnswer) {
  const auto kb =
      key_block(HashAlg::sha384, AeadAlg::aes256gcm, kMaster, kClientRandom, kServerRandom);
  EXPECT_EQ(bytes_of(kb.client_key),
            hex("243e6a31867e7b29f122b748ffeb635994fa231c83365bc6f1fd9b1cf4bfc149"));
  EXPECT_EQ(bytes_of(kb.server_key),
            hex("882ed6d687a71ccddf9e951779104378965d05d50f01837687e4d2511fbcbcea"));
  EXPECT_EQ(bytes_of(kb.client_iv), hex("ac0e1beb"));
  EXPECT_EQ(bytes_of(kb.server_iv), hex("131cc3be"));
}

// ---------------------------------------------------------------------------
// Finished

TEST(Prf12, FinishedKnownAnswers) {
  // RFC 5246 7.4.9: PRF(master_secret, finished_label, hash)[0..11].
  const Bytes client = finished12(HashAlg::sha256, kMaster, true, kHash256);
  const Bytes server = finished12(HashAlg::sha256, kMaster, false, kHash256);
  EXPECT_EQ(client.size(), kVerifyDataLength12);
  EXPECT_EQ(client, hex("99db307dcfaa9c28b808f2a2"));
  EXPECT_EQ(server, hex("243c664a4513149dc34e2a9e"));
  EXPECT_EQ(finished12(HashAlg::sha384, kMaster, true, kHash384), hex("af988236d96b2caaed6298cf"));
}

}  // namespace
}  // namespace coda::hs
