// Security levels and key sizes (gnutls_pk_bits_to_sec_param,
// gnutls_sec_param_to_pk_bits): GnuTLS 3.7.9's table, observed by looping
// over the real calls; api.x509_keys_differential compares them.
#include <gnutls/gnutls.h>

namespace {

struct Level {
  gnutls_sec_param_t param;
  unsigned rsa_bits;  // RSA, DSA and DH sizes
  unsigned ecc_bits;  // elliptic-curve sizes (0: no ECC size for it)
};

constexpr Level kLevels[] = {
    {GNUTLS_SEC_PARAM_INSECURE, 0, 0},    {GNUTLS_SEC_PARAM_EXPORT, 512, 0},
    {GNUTLS_SEC_PARAM_VERY_WEAK, 767, 0}, {GNUTLS_SEC_PARAM_WEAK, 1008, 160},
    {GNUTLS_SEC_PARAM_LOW, 1024, 160},    {GNUTLS_SEC_PARAM_LEGACY, 1776, 192},
    {GNUTLS_SEC_PARAM_MEDIUM, 2048, 224}, {GNUTLS_SEC_PARAM_HIGH, 3072, 256},
    {GNUTLS_SEC_PARAM_ULTRA, 8192, 384},  {GNUTLS_SEC_PARAM_FUTURE, 15360, 512},
};

bool is_ecc(gnutls_pk_algorithm_t algo) {
  return algo == GNUTLS_PK_ECDSA || algo == GNUTLS_PK_EDDSA_ED25519 ||
         algo == GNUTLS_PK_EDDSA_ED448 || algo == GNUTLS_PK_ECDH_X25519 ||
         algo == GNUTLS_PK_ECDH_X448 || algo == GNUTLS_PK_GOST_01 ||
         algo == GNUTLS_PK_GOST_12_256 || algo == GNUTLS_PK_GOST_12_512;
}

}  // namespace

extern "C" {

// The highest level whose size `bits` reaches; an ECC key below 160 bits is
// "very weak", any other key below 512 "insecure", 0 bits unknown.
gnutls_sec_param_t gnutls_pk_bits_to_sec_param(gnutls_pk_algorithm_t algo, unsigned int bits) {
  if (bits == 0) return GNUTLS_SEC_PARAM_UNKNOWN;
  const bool ecc = is_ecc(algo);
  gnutls_sec_param_t out = ecc ? GNUTLS_SEC_PARAM_VERY_WEAK : GNUTLS_SEC_PARAM_INSECURE;
  for (const auto& l : kLevels) {
    const unsigned need = ecc ? l.ecc_bits : l.rsa_bits;
    if (need != 0 && bits >= need) out = l.param;
  }
  return out;
}

unsigned int gnutls_sec_param_to_pk_bits(gnutls_pk_algorithm_t algo, gnutls_sec_param_t param) {
  for (const auto& l : kLevels) {
    if (l.param == param) return is_ecc(algo) ? l.ecc_bits : l.rsa_bits;
  }
  return 0;
}

}  // extern "C"
