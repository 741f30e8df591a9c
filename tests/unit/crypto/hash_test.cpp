#include "crypto/hash.hpp"

#include <gtest/gtest.h>

#include "unit/crypto/test_hex.hpp"

namespace coda::crypto {
namespace {

using testing::hex;
using testing::unhex;
using testing::view;

TEST(Hash, Lengths) {
  EXPECT_EQ(hash_length(HashAlg::sha256), 32u);
  EXPECT_EQ(hash_length(HashAlg::sha384), 48u);
  EXPECT_EQ(hash_length(HashAlg::sha512), 64u);
}

// FIPS 180-2 appendix examples ("abc").
TEST(Hash, DigestKnownAnswers) {
  EXPECT_EQ(hex(Hash::digest(HashAlg::sha256, view("abc"))),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(hex(Hash::digest(HashAlg::sha384, view("abc"))),
            "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
            "8086072ba1e7cc2358baeca134c825a7");
  EXPECT_EQ(hex(Hash::digest(HashAlg::sha256, {})),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Hash, CurrentDoesNotEndTheHash) {
  Hash h(HashAlg::sha256);
  EXPECT_EQ(h.current(), Hash::digest(HashAlg::sha256, {}));
  h.update(view("a"));
  const Bytes after_a = h.current();
  EXPECT_EQ(after_a, Hash::digest(HashAlg::sha256, view("a")));
  EXPECT_EQ(h.current(), after_a);  // reading twice gives the same
  h.update(view("bc"));
  EXPECT_EQ(h.current(), Hash::digest(HashAlg::sha256, view("abc")));
  EXPECT_EQ(h.alg(), HashAlg::sha256);
}

TEST(Hash, MoveKeepsState) {
  Hash h(HashAlg::sha384);
  h.update(view("ab"));
  Hash moved(std::move(h));
  moved.update(view("c"));
  EXPECT_EQ(moved.current(), Hash::digest(HashAlg::sha384, view("abc")));
}

// RFC 4231 test case 2.
TEST(Hmac, Rfc4231Case2) {
  const auto data = view("what do ya want for nothing?");
  EXPECT_EQ(hex(hmac(HashAlg::sha256, view("Jefe"), data)),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(hex(hmac(HashAlg::sha512, view("Jefe"), data)),
            "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
            "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
}

TEST(Hmac, EmptyKeyAndData) {
  // HMAC-SHA256 with an empty key over empty data.
  EXPECT_EQ(hex(hmac(HashAlg::sha256, {}, {})),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

}  // namespace
}  // namespace coda::crypto
