#include "crypto/x509_crl.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "unit/crypto/test_hex.hpp"

namespace coda::crypto {
namespace {

using testing::hex;

// A v2 CRL signed by a fresh P-256 key, made with libcrypto directly:
// issuer CN=Test CA, thisUpdate 2020-01-01, nextUpdate 2020-01-31, the
// serials 0x80 (encoded with a leading zero) and 0x05.
Bytes make_crl() {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  X509_CRL* crl = X509_CRL_new();
  X509_NAME* name = X509_NAME_new();
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("Test CA"), -1, -1, 0);
  X509_CRL_set_version(crl, 1);
  X509_CRL_set_issuer_name(crl, name);
  ASN1_TIME* t = ASN1_TIME_set(nullptr, 1577836800);
  X509_CRL_set1_lastUpdate(crl, t);
  ASN1_TIME_set(t, 1577836800 + 30 * 86400);
  X509_CRL_set1_nextUpdate(crl, t);
  for (const long serial : {0x80L, 0x05L}) {
    X509_REVOKED* r = X509_REVOKED_new();
    ASN1_INTEGER* n = ASN1_INTEGER_new();
    ASN1_INTEGER_set(n, serial);
    X509_REVOKED_set_serialNumber(r, n);
    ASN1_TIME_set(t, 1577836800);
    X509_REVOKED_set_revocationDate(r, t);
    X509_CRL_add0_revoked(crl, r);
    ASN1_INTEGER_free(n);
  }
  X509_CRL_sign(crl, key, EVP_sha256());
  unsigned char* der = nullptr;
  const int len = i2d_X509_CRL(crl, &der);
  Bytes out(der, der + (len > 0 ? len : 0));
  OPENSSL_free(der);
  ASN1_TIME_free(t);
  X509_NAME_free(name);
  X509_CRL_free(crl);
  EVP_PKEY_free(key);
  return out;
}

TEST(Crl, GettersGiveTheFieldsInDerOrder) {
  const Bytes der = make_crl();
  ASSERT_FALSE(der.empty());
  auto crl = Crl::from_der(der);
  ASSERT_TRUE(crl.ok());
  EXPECT_EQ(crl->version(), 2);
  EXPECT_EQ(crl->this_update(), 1577836800);
  EXPECT_EQ(crl->next_update(), 1577836800 + 30 * 86400);
  ASSERT_EQ(crl->revoked_count(), 2u);
  Bytes serial;
  std::time_t when = 0;
  ASSERT_TRUE(crl->revoked(0, serial, when));
  EXPECT_EQ(hex(serial), "0080");
  EXPECT_EQ(when, 1577836800);
  ASSERT_TRUE(crl->revoked(1, serial, when));
  EXPECT_EQ(hex(serial), "05");
  EXPECT_FALSE(crl->revoked(2, serial, when));
  // SEQUENCE { SET { SEQUENCE { OID 2.5.4.3, UTF8String "Test CA" } } }
  EXPECT_EQ(hex(crl->issuer_der()).substr(0, 4), "3012");
  EXPECT_EQ(Bytes(crl->der().begin(), crl->der().end()), der);
}

TEST(Crl, RefusesWhatIsNotOneCrl) {
  const Bytes der = make_crl();
  EXPECT_FALSE(Crl::from_der(Bytes{}).ok());
  Bytes longer = der;
  longer.push_back(0);
  EXPECT_FALSE(Crl::from_der(longer).ok());
  EXPECT_FALSE(Crl::from_der(ByteView(der).first(der.size() - 1)).ok());
}

}  // namespace
}  // namespace coda::crypto
