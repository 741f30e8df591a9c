#include "crypto/signature.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <gtest/gtest.h>
#include <cstdio>
#include <fstream>

#include "crypto/x509.hpp"
#include "support/test_pki.hpp"
#include "unit/crypto/test_hex.hpp"

namespace coda::crypto {
namespace {

using S = SignatureScheme;
using test::TestKeyType;
using testing::view;

struct KeyPair {
  PrivateKey priv;
  PublicKey pub;
};

KeyPair load(const test::TestCert& tc) {
  auto priv = PrivateKey::from_pem(view(tc.key_pem));
  EXPECT_TRUE(priv.ok()) << priv.error().detail;
  auto cert = Certificate::chain_from_pem(view(tc.cert_pem));
  EXPECT_TRUE(cert.ok());
  auto pub = (*cert)[0].public_key();
  EXPECT_TRUE(pub.ok());
  return {std::move(*priv), std::move(*pub)};
}

KeyPair make_pair(TestKeyType type) {
  test::LeafOptions o;
  o.key = type;
  return load(test::default_pki().issue(o));
}

// P-521 is not a TestKeyType; make one with libcrypto and go through PEM.
KeyPair make_p521() {
  EVP_PKEY* k = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-521");
  BIO* priv_bio = BIO_new(BIO_s_mem());
  BIO* pub_bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(priv_bio, k, nullptr, nullptr, 0, nullptr, nullptr);
  unsigned char* der = nullptr;
  const int len = i2d_PUBKEY(k, &der);
  char* data = nullptr;
  const long n = BIO_get_mem_data(priv_bio, &data);
  auto priv = PrivateKey::from_pem(ByteView(reinterpret_cast<uint8_t*>(data), n));
  auto pub = PublicKey::from_spki(ByteView(der, static_cast<size_t>(len)));
  OPENSSL_free(der);
  BIO_free(priv_bio);
  BIO_free(pub_bio);
  EVP_PKEY_free(k);
  EXPECT_TRUE(priv.ok() && pub.ok());
  return {std::move(*priv), std::move(*pub)};
}

struct Case {
  TestKeyType key;
  KeyType expected_type;
  std::vector<S> schemes;  // every scheme the key can sign with (TLS 1.2 rules)
};

const Case kCases[] = {
    {TestKeyType::ecdsa_p256,
     KeyType::ecdsa_p256,
     {S::ecdsa_secp256r1_sha256, S::ecdsa_secp384r1_sha384, S::ecdsa_secp521r1_sha512}},
    {TestKeyType::ecdsa_p384,
     KeyType::ecdsa_p384,
     {S::ecdsa_secp384r1_sha384, S::ecdsa_secp256r1_sha256, S::ecdsa_secp521r1_sha512}},
    {TestKeyType::rsa2048,
     KeyType::rsa,
     {S::rsa_pss_rsae_sha256, S::rsa_pss_rsae_sha384, S::rsa_pss_rsae_sha512, S::rsa_pkcs1_sha256,
      S::rsa_pkcs1_sha384, S::rsa_pkcs1_sha512}},
    {TestKeyType::ed25519, KeyType::ed25519, {S::ed25519}},
};

class Signatures : public ::testing::TestWithParam<Case> {};

TEST_P(Signatures, SignVerifyEveryScheme) {
  const Case& c = GetParam();
  KeyPair kp = make_pair(c.key);
  EXPECT_EQ(kp.priv.type(), c.expected_type);
  EXPECT_EQ(kp.pub.type(), c.expected_type);
  EXPECT_TRUE(kp.priv.matches(kp.pub));
  EXPECT_EQ(kp.priv.schemes(true), c.schemes);
  const auto msg = view("TLS 1.3, server CertificateVerify\0 and some content");
  for (S scheme : c.schemes) {
    SCOPED_TRACE(signature_scheme_name(scheme));
    auto sig = kp.priv.sign(scheme, msg);
    ASSERT_TRUE(sig.ok()) << sig.error().detail;
    EXPECT_TRUE(kp.pub.verify(scheme, msg, *sig).ok());

    // Tampered signature, tampered message, truncated and empty signature.
    Bytes bad = *sig;
    bad[bad.size() / 2] ^= 0x10;
    Status s = kp.pub.verify(scheme, msg, bad);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().alert, AlertDescription::decrypt_error);
    Bytes other_msg(msg.begin(), msg.end());
    other_msg[0] ^= 1;
    EXPECT_EQ(kp.pub.verify(scheme, other_msg, *sig).error().alert,
              AlertDescription::decrypt_error);
    EXPECT_FALSE(kp.pub.verify(scheme, msg, Bytes(sig->begin(), sig->end() - 1)).ok());
    EXPECT_FALSE(kp.pub.verify(scheme, msg, {}).ok());
    EXPECT_FALSE(kp.pub.verify(scheme, msg, Bytes(600, 0x30)).ok());
  }
}

TEST_P(Signatures, WrongKeyFails) {
  const Case& c = GetParam();
  KeyPair a = make_pair(c.key);
  KeyPair b = c.key == TestKeyType::rsa2048 ? make_pair(TestKeyType::ecdsa_p256) : make_pair(c.key);
  // (The RSA leaf key is cached per process, so a second RSA pair would be
  // the same key; compare against a different type instead.)
  EXPECT_FALSE(a.priv.matches(b.pub));
  const auto msg = view("message");
  const S scheme = c.schemes[0];
  auto sig = a.priv.sign(scheme, msg);
  ASSERT_TRUE(sig.ok());
  Status s = b.pub.verify(scheme, msg, *sig);
  ASSERT_FALSE(s.ok());
  if (b.pub.allows(scheme, true)) {
    EXPECT_EQ(s.error().alert, AlertDescription::decrypt_error);
  } else {
    EXPECT_EQ(s.error().alert, AlertDescription::illegal_parameter);
  }
}

INSTANTIATE_TEST_SUITE_P(Keys, Signatures, ::testing::ValuesIn(kCases));

TEST(Signature, P521) {
  KeyPair kp = make_p521();
  EXPECT_EQ(kp.pub.type(), KeyType::ecdsa_p521);
  EXPECT_EQ(kp.pub.bits(), 521u);
  EXPECT_EQ(kp.priv.schemes(), std::vector<S>{S::ecdsa_secp521r1_sha512});
  auto sig = kp.priv.sign(S::ecdsa_secp521r1_sha512, view("x"));
  ASSERT_TRUE(sig.ok());
  EXPECT_TRUE(kp.pub.verify(S::ecdsa_secp521r1_sha512, view("x"), *sig).ok());
}

TEST(Signature, AllowsRules) {
  KeyPair p256 = make_pair(TestKeyType::ecdsa_p256);
  // RFC 8446 4.2.3: ECDSA schemes are bound to the curve in TLS 1.3.
  EXPECT_TRUE(p256.pub.allows(S::ecdsa_secp256r1_sha256));
  EXPECT_FALSE(p256.pub.allows(S::ecdsa_secp384r1_sha384));
  EXPECT_TRUE(p256.pub.allows(S::ecdsa_secp384r1_sha384, true));
  EXPECT_FALSE(p256.pub.allows(S::rsa_pss_rsae_sha256, true));
  EXPECT_FALSE(p256.pub.allows(S::ed25519, true));
  EXPECT_EQ(p256.priv.schemes(), std::vector<S>{S::ecdsa_secp256r1_sha256});
  EXPECT_FALSE(p256.priv.allows(S::ecdsa_secp384r1_sha384));
  EXPECT_TRUE(p256.priv.allows(S::ecdsa_secp384r1_sha384, true));

  KeyPair rsa = make_pair(TestKeyType::rsa2048);
  EXPECT_EQ(rsa.pub.bits(), 2048u);
  EXPECT_TRUE(rsa.pub.allows(S::rsa_pss_rsae_sha256));
  EXPECT_TRUE(rsa.pub.allows(S::rsa_pss_rsae_sha512));
  // RFC 8446 4.2.3: PKCS#1 v1.5 not for TLS 1.3 handshake signatures.
  EXPECT_FALSE(rsa.pub.allows(S::rsa_pkcs1_sha256));
  EXPECT_TRUE(rsa.pub.allows(S::rsa_pkcs1_sha256, true));
  EXPECT_FALSE(rsa.pub.allows(S::rsa_pss_pss_sha256, true));  // needs an RSASSA-PSS key
  EXPECT_FALSE(rsa.pub.allows(S::ecdsa_secp256r1_sha256, true));
  EXPECT_EQ(rsa.priv.schemes(), (std::vector<S>{S::rsa_pss_rsae_sha256, S::rsa_pss_rsae_sha384,
                                                S::rsa_pss_rsae_sha512}));

  KeyPair ed = make_pair(TestKeyType::ed25519);
  EXPECT_TRUE(ed.pub.allows(S::ed25519));
  EXPECT_TRUE(ed.pub.allows(S::ed25519, true));
  EXPECT_FALSE(ed.pub.allows(S::ed448, true));
  EXPECT_FALSE(ed.pub.allows(S::ecdsa_secp256r1_sha256, true));
}

TEST(Signature, SchemeNotAllowedByKey) {
  KeyPair p256 = make_pair(TestKeyType::ecdsa_p256);
  Status s = p256.pub.verify(S::rsa_pss_rsae_sha256, view("m"), Bytes(256, 1));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().alert, AlertDescription::illegal_parameter);
  auto sig = p256.priv.sign(S::ed25519, view("m"));
  ASSERT_FALSE(sig.ok());
  EXPECT_EQ(sig.error().kind, ErrorKind::invalid_argument);
}

TEST(Signature, GarbageKeysAreErrors) {
  EXPECT_FALSE(PublicKey::from_spki({}).ok());
  EXPECT_FALSE(PublicKey::from_spki(Bytes(100, 0x30)).ok());
  EXPECT_FALSE(PublicKey::from_spki(Bytes{0x30, 0x82, 0xff, 0xff, 0x00}).ok());
  auto p =
      PrivateKey::from_pem(view("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"));
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().kind, ErrorKind::invalid_argument);
  EXPECT_FALSE(PrivateKey::from_pem(view("not a key")).ok());
  EXPECT_FALSE(PrivateKey::from_pem({}).ok());
  EXPECT_FALSE(PrivateKey::from_file("/nonexistent/key.pem").ok());
}

TEST(Signature, SpkiWithTrailingBytesIsRejected) {
  EVP_PKEY* k = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  unsigned char* der = nullptr;
  const int len = i2d_PUBKEY(k, &der);
  Bytes spki(der, der + len);
  OPENSSL_free(der);
  EVP_PKEY_free(k);
  EXPECT_TRUE(PublicKey::from_spki(spki).ok());
  spki.push_back(0);
  EXPECT_FALSE(PublicKey::from_spki(spki).ok());
}

TEST(Signature, TraditionalAndDerPrivateKeys) {
  EVP_PKEY* k = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey_traditional(bio, k, nullptr, nullptr, 0, nullptr, nullptr);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  const std::string pem(data, static_cast<size_t>(n));
  BIO_free(bio);
  EXPECT_NE(pem.find("BEGIN EC PRIVATE KEY"), std::string::npos);
  auto from_pem = PrivateKey::from_pem(view(pem));
  ASSERT_TRUE(from_pem.ok());
  EXPECT_EQ(from_pem->type(), KeyType::ecdsa_p256);

  unsigned char* der = nullptr;
  const int len = i2d_PrivateKey(k, &der);
  auto from_der = PrivateKey::from_pem(ByteView(der, static_cast<size_t>(len)));
  OPENSSL_free(der);
  EVP_PKEY_free(k);
  ASSERT_TRUE(from_der.ok());
  EXPECT_EQ(from_der->type(), KeyType::ecdsa_p256);
}

TEST(Signature, EncryptedKeyDoesNotPrompt) {
  EVP_PKEY* k = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  BIO* bio = BIO_new(BIO_s_mem());
  char pass[] = "secret";
  PEM_write_bio_PKCS8PrivateKey(bio, k, EVP_aes_128_cbc(), pass, 6, nullptr, nullptr);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  const std::string pem(data, static_cast<size_t>(n));
  BIO_free(bio);
  EVP_PKEY_free(k);
  EXPECT_FALSE(PrivateKey::from_pem(view(pem)).ok());
}

TEST(Signature, FromFile) {
  const test::TestCert tc = [] {
    test::LeafOptions o;
    o.key = TestKeyType::ed25519;
    return test::default_pki().issue(o);
  }();
  const std::string path = ::testing::TempDir() + "coda_sig_test_key.pem";
  std::ofstream(path) << tc.key_pem;
  auto k = PrivateKey::from_file(path);
  std::remove(path.c_str());
  ASSERT_TRUE(k.ok());
  EXPECT_EQ(k->type(), KeyType::ed25519);
}

TEST(Signature, Names) {
  EXPECT_STREQ(signature_scheme_name(S::rsa_pss_rsae_sha256), "rsa_pss_rsae_sha256");
  EXPECT_STREQ(signature_scheme_name(static_cast<S>(0x1234)), "unknown");
  EXPECT_STREQ(key_type_name(KeyType::ecdsa_p384), "ECDSA P-384");
}

}  // namespace
}  // namespace coda::crypto
