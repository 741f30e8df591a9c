/* The key objects (gnutls_x509_privkey_t, gnutls_privkey_t, gnutls_pubkey_t,
 * gnutls_pcert_st) on fixed keys (tests/compat/data/x509obj), printed as
 * "MATCH key = value" lines: built on Coda and on the real GnuTLS 3.7.9 and
 * compared by compare_edges.sh. Values that are random (ECDSA and PSS
 * signatures, encrypted PKCS#8, generated keys) are checked by what they do
 * (verify, import again) instead of by their bytes. */
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match_lines.h"

static const char* hex(const void* data, size_t size) {
  static char out[16384];
  const unsigned char* p = data;
  size_t i;
  if (size * 2 + 1 >= sizeof out) return "(too long)";
  out[0] = 0;
  for (i = 0; i < size; i++) sprintf(out + 2 * i, "%02x", p[i]);
  return out;
}

static void key_facts(const char* tag, gnutls_x509_privkey_t key) {
  char k[128];
  unsigned char buf[8192];
  size_t size;
  unsigned bits = 77;
  int ret;
  snprintf(k, sizeof k, "%s.pk", tag);
  MATCH(k, "%d", gnutls_x509_privkey_get_pk_algorithm(key));
  ret = gnutls_x509_privkey_get_pk_algorithm2(key, &bits);
  snprintf(k, sizeof k, "%s.pk2", tag);
  MATCH(k, "%d bits=%u", ret, bits);
  snprintf(k, sizeof k, "%s.sec_param", tag);
  MATCH(k, "%d", (int)gnutls_x509_privkey_sec_param(key));
  size = sizeof buf;
  ret = gnutls_x509_privkey_get_key_id(key, 0, buf, &size);
  snprintf(k, sizeof k, "%s.keyid", tag);
  MATCH(k, "%d %s", ret, ret == 0 ? hex(buf, size) : "-");
  size = sizeof buf;
  ret = gnutls_x509_privkey_get_key_id(key, GNUTLS_KEYID_USE_SHA256, buf, &size);
  snprintf(k, sizeof k, "%s.keyid256", tag);
  MATCH(k, "%d %s", ret, ret == 0 ? hex(buf, size) : "-");
  size = 2;
  ret = gnutls_x509_privkey_get_key_id(key, 0, buf, &size);
  snprintf(k, sizeof k, "%s.keyid.short", tag);
  MATCH(k, "%d size=%zu", ret, size);
}

/* soft: an EC key that came as PKCS#8, whose SEC1 export GnuTLS writes
 * without the curve (and cannot read back); Coda follows RFC 5915 (README):
 * those lines are not compared. */
static void key_exports(const char* tag, gnutls_x509_privkey_t key, int soft) {
  const char* cmp = soft ? "SOFT" : "MATCH";
  char k[128];
  unsigned char buf[8192];
  size_t size;
  int ret;
  gnutls_datum_t d;
  size = sizeof buf;
  ret = gnutls_x509_privkey_export(key, GNUTLS_X509_FMT_PEM, buf, &size);
  snprintf(k, sizeof k, "%s.export_pem", tag);
  printf("%s %s = %d size=%zu %s\n", cmp, k, ret, size, ret == 0 ? hex(buf, size) : "-");
  size = sizeof buf;
  ret = gnutls_x509_privkey_export(key, GNUTLS_X509_FMT_DER, buf, &size);
  snprintf(k, sizeof k, "%s.export_der", tag);
  printf("%s %s = %d size=%zu %s\n", cmp, k, ret, size, ret == 0 ? hex(buf, size) : "-");
  size = 10;
  ret = gnutls_x509_privkey_export(key, GNUTLS_X509_FMT_DER, buf, &size);
  snprintf(k, sizeof k, "%s.export.short", tag);
  printf("%s %s = %d size=%zu\n", cmp, k, ret, size);
  ret = gnutls_x509_privkey_export2(key, GNUTLS_X509_FMT_PEM, &d);
  snprintf(k, sizeof k, "%s.export2", tag);
  printf("%s %s = %d %s\n", cmp, k, ret, ret == 0 ? hex(d.data, d.size) : "-");
  if (ret == 0) gnutls_free(d.data);
  size = sizeof buf;
  ret = gnutls_x509_privkey_export_pkcs8(key, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN, buf,
                                         &size);
  snprintf(k, sizeof k, "%s.pkcs8_der", tag);
  MATCH(k, "%d size=%zu %s", ret, size, ret == 0 ? hex(buf, size) : "-");
  ret = gnutls_x509_privkey_export2_pkcs8(key, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN, &d);
  snprintf(k, sizeof k, "%s.pkcs8_pem2", tag);
  MATCH(k, "%d %s", ret, ret == 0 ? hex(d.data, d.size) : "-");
  if (ret == 0) gnutls_free(d.data);
  /* Encrypted: random salt and IV, so imported again and compared by key id. */
  ret = gnutls_x509_privkey_export2_pkcs8(key, GNUTLS_X509_FMT_PEM, "pw", 0, &d);
  snprintf(k, sizeof k, "%s.pkcs8_enc", tag);
  MATCH(k, "%d %.37s", ret, ret == 0 ? (const char*)d.data : "-");
  if (ret == 0) {
    gnutls_x509_privkey_t again;
    unsigned char id1[64], id2[64];
    size_t s1 = sizeof id1, s2 = sizeof id2;
    gnutls_x509_privkey_init(&again);
    ret = gnutls_x509_privkey_import_pkcs8(again, &d, GNUTLS_X509_FMT_PEM, "wrong", 0);
    snprintf(k, sizeof k, "%s.pkcs8_enc.wrongpw", tag);
    MATCH(k, "%d", ret);
    ret = gnutls_x509_privkey_import_pkcs8(again, &d, GNUTLS_X509_FMT_PEM, "pw", 0);
    snprintf(k, sizeof k, "%s.pkcs8_enc.import", tag);
    gnutls_x509_privkey_get_key_id(key, 0, id1, &s1);
    gnutls_x509_privkey_get_key_id(again, 0, id2, &s2);
    MATCH(k, "%d same=%d", ret, s1 == s2 && memcmp(id1, id2, s1) == 0);
    gnutls_x509_privkey_deinit(again);
    gnutls_free(d.data);
  }
}

static gnutls_x509_privkey_t import_key(const char* tag, const char* file,
                                        gnutls_x509_crt_fmt_t fmt) {
  gnutls_x509_privkey_t key;
  gnutls_datum_t d = load(file);
  char k[128];
  int ret;
  gnutls_x509_privkey_init(&key);
  ret = gnutls_x509_privkey_import(key, &d, fmt);
  snprintf(k, sizeof k, "%s.import", tag);
  MATCH(k, "%d", ret);
  gnutls_free(d.data);
  if (ret < 0) {
    gnutls_x509_privkey_deinit(key);
    return NULL;
  }
  return key;
}

static void imports(void) {
  static const struct {
    const char* tag;
    const char* file;
    gnutls_x509_crt_fmt_t fmt;
  } files[] = {
      {"rsa_pkcs8", "ca.key", GNUTLS_X509_FMT_PEM},
      {"rsa_pkcs1", "ca_pkcs1.pem", GNUTLS_X509_FMT_PEM},
      {"rsa_pkcs8_der", "ca.key.der", GNUTLS_X509_FMT_DER},
      {"rsa_pkcs1_der", "ca_pkcs1.der", GNUTLS_X509_FMT_DER},
      {"ec_pkcs8", "rich.key", GNUTLS_X509_FMT_PEM},
      {"ec_sec1", "rich_sec1.pem", GNUTLS_X509_FMT_PEM},
      {"ed25519", "ed.key", GNUTLS_X509_FMT_PEM},
      {"p256", "crit.key", GNUTLS_X509_FMT_PEM},
      {"encrypted_as_plain", "rich_enc.p8", GNUTLS_X509_FMT_PEM},
      {"cert_as_key", "rich.crt", GNUTLS_X509_FMT_PEM},
      {"cert_der_as_key", "rich.der", GNUTLS_X509_FMT_DER},
  };
  unsigned i;
  for (i = 0; i < sizeof files / sizeof files[0]; i++) {
    gnutls_x509_privkey_t key = import_key(files[i].tag, files[i].file, files[i].fmt);
    if (key == NULL) continue;
    key_facts(files[i].tag, key);
    key_exports(files[i].tag, key,
                !strcmp(files[i].tag, "ec_pkcs8") || !strcmp(files[i].tag, "p256"));
    gnutls_x509_privkey_deinit(key);
  }
}

static void encrypted(void) {
  static const struct {
    const char* tag;
    const char* file;
    gnutls_x509_crt_fmt_t fmt;
    const char* password;
    unsigned flags;
  } cases[] = {
      {"enc_pem.pkcs8", "rich_enc.p8", GNUTLS_X509_FMT_PEM, "secret", 0},
      {"enc_pem.pkcs8.wrong", "rich_enc.p8", GNUTLS_X509_FMT_PEM, "nope", 0},
      {"enc_pem.pkcs8.nopw", "rich_enc.p8", GNUTLS_X509_FMT_PEM, NULL, 0},
      {"enc_pem.pkcs8.plainflag", "rich_enc.p8", GNUTLS_X509_FMT_PEM, "secret", GNUTLS_PKCS_PLAIN},
      {"enc_der.pkcs8", "ed_enc.p8.der", GNUTLS_X509_FMT_DER, "secret", 0},
      {"enc_der.pkcs8.wrong", "ed_enc.p8.der", GNUTLS_X509_FMT_DER, "x", 0},
      {"plain.pkcs8", "ca.key", GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN},
      {"plain.pkcs8.pw", "ca.key", GNUTLS_X509_FMT_PEM, "secret", 0},
      {"plain.pkcs8.der", "ca.key.der", GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN},
      {"pkcs1.pkcs8", "ca_pkcs1.pem", GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN},
  };
  unsigned i;
  char k[128];
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    gnutls_datum_t d = load(cases[i].file);
    gnutls_x509_privkey_t key;
    int ret;
    gnutls_x509_privkey_init(&key);
    ret =
        gnutls_x509_privkey_import_pkcs8(key, &d, cases[i].fmt, cases[i].password, cases[i].flags);
    snprintf(k, sizeof k, "%s", cases[i].tag);
    MATCH(k, "%d pk=%d", ret, ret == 0 ? gnutls_x509_privkey_get_pk_algorithm(key) : -1);
    gnutls_x509_privkey_deinit(key);
    gnutls_x509_privkey_init(&key);
    ret = gnutls_x509_privkey_import2(key, &d, cases[i].fmt, cases[i].password, cases[i].flags);
    snprintf(k, sizeof k, "%s.import2", cases[i].tag);
    MATCH(k, "%d pk=%d", ret, ret == 0 ? gnutls_x509_privkey_get_pk_algorithm(key) : -1);
    gnutls_x509_privkey_deinit(key);
    gnutls_free(d.data);
  }
}

static void generate(void) {
  static const struct {
    const char* tag;
    gnutls_pk_algorithm_t pk;
    unsigned bits;
  } cases[] = {
      {"gen.rsa2048", GNUTLS_PK_RSA, 2048},
      {"gen.ec256", GNUTLS_PK_ECDSA, 256},
      {"gen.ec384curve", GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP384R1)},
      {"gen.ec521", GNUTLS_PK_ECDSA, 521},
      {"gen.ed25519", GNUTLS_PK_EDDSA_ED25519, 0},
      {"gen.ed25519_256", GNUTLS_PK_EDDSA_ED25519, 256},
  };
  unsigned i;
  char k[128];
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    gnutls_x509_privkey_t key;
    unsigned bits = 0;
    int ret;
    gnutls_x509_privkey_init(&key);
    ret = gnutls_x509_privkey_generate(key, cases[i].pk, cases[i].bits, 0);
    snprintf(k, sizeof k, "%s", cases[i].tag);
    MATCH(k, "%d pk=%d", ret, ret == 0 ? gnutls_x509_privkey_get_pk_algorithm2(key, &bits) : -1);
    /* GnuTLS counts a generated P-521 key as 528 bits: not compared. */
    snprintf(k, sizeof k, "%s.bits", cases[i].tag);
    printf("SOFT %s = %u\n", k, bits);
    if (ret == 0) {
      gnutls_datum_t d;
      gnutls_x509_privkey_t again;
      ret = gnutls_x509_privkey_export2(key, GNUTLS_X509_FMT_PEM, &d);
      /* GnuTLS labels a generated Ed25519 key "UNKNOWN" and cannot read
       * it back; Coda writes PKCS#8 (README): not compared. */
      snprintf(k, sizeof k, "%s.export", cases[i].tag);
      printf("SOFT %s = %d %.30s\n", k, ret, ret == 0 ? (const char*)d.data : "-");
      gnutls_x509_privkey_init(&again);
      ret = gnutls_x509_privkey_import(again, &d, GNUTLS_X509_FMT_PEM);
      snprintf(k, sizeof k, "%s.reimport", cases[i].tag);
      if (cases[i].pk == GNUTLS_PK_EDDSA_ED25519)
        printf("SOFT %s = %d\n", k, ret);
      else
        MATCH(k, "%d", ret);
      gnutls_x509_privkey_deinit(again);
      gnutls_free(d.data);
    }
    gnutls_x509_privkey_deinit(key);
  }
}

/* Signs with the abstract key and verifies with the public key of the
 * same; deterministic signatures (RSA PKCS#1 v1.5, Ed25519) by bytes too. */
static void sign_verify(const char* tag, const char* keyfile, gnutls_sign_algorithm_t sign,
                        gnutls_digest_algorithm_t hash, int deterministic) {
  gnutls_datum_t kd = load(keyfile);
  gnutls_privkey_t pkey;
  gnutls_pubkey_t pub;
  gnutls_datum_t msg = {(unsigned char*)"the message", 11};
  gnutls_datum_t bad = {(unsigned char*)"the messagE", 11};
  gnutls_datum_t sig = {NULL, 0};
  unsigned bits = 0;
  char k[128];
  int ret;
  gnutls_privkey_init(&pkey);
  ret = gnutls_privkey_import_x509_raw(pkey, &kd, GNUTLS_X509_FMT_PEM, NULL, 0);
  snprintf(k, sizeof k, "%s.import_raw", tag);
  MATCH(k, "%d", ret);
  ret = gnutls_privkey_get_pk_algorithm(pkey, &bits);
  snprintf(k, sizeof k, "%s.pk", tag);
  MATCH(k, "%d bits=%u", ret, bits);
  gnutls_pubkey_init(&pub);
  ret = gnutls_pubkey_import_privkey(pub, pkey, 0, 0);
  snprintf(k, sizeof k, "%s.pub_import", tag);
  MATCH(k, "%d", ret);

  ret = gnutls_privkey_sign_data2(pkey, sign, 0, &msg, &sig);
  snprintf(k, sizeof k, "%s.sign_data2", tag);
  MATCH(k, "%d %s", ret, ret == 0 && deterministic ? hex(sig.data, sig.size) : "-");
  if (ret == 0) {
    ret = gnutls_pubkey_verify_data2(pub, sign, 0, &msg, &sig);
    snprintf(k, sizeof k, "%s.verify", tag);
    MATCH(k, "%d", ret);
    ret = gnutls_pubkey_verify_data2(pub, sign, 0, &bad, &sig);
    snprintf(k, sizeof k, "%s.verify_bad", tag);
    MATCH(k, "%d", ret);
    gnutls_free(sig.data);
  }
  ret = gnutls_privkey_sign_data(pkey, hash, 0, &msg, &sig);
  snprintf(k, sizeof k, "%s.sign_data", tag);
  MATCH(k, "%d %s", ret, ret == 0 && deterministic ? hex(sig.data, sig.size) : "-");
  if (ret == 0) {
    ret = gnutls_pubkey_verify_data2(pub, sign, 0, &msg, &sig);
    snprintf(k, sizeof k, "%s.sign_data.verify", tag);
    MATCH(k, "%d", ret);
    gnutls_free(sig.data);
  }
  {
    unsigned char digest[64];
    gnutls_datum_t h;
    gnutls_hash_fast(hash, msg.data, msg.size, digest);
    h.data = digest;
    h.size = gnutls_hash_get_len(hash);
    ret = gnutls_privkey_sign_hash(pkey, hash, 0, &h, &sig);
    snprintf(k, sizeof k, "%s.sign_hash", tag);
    MATCH(k, "%d %s", ret, ret == 0 && deterministic ? hex(sig.data, sig.size) : "-");
    if (ret == 0) {
      ret = gnutls_pubkey_verify_data2(pub, sign, 0, &msg, &sig);
      snprintf(k, sizeof k, "%s.sign_hash.verify", tag);
      MATCH(k, "%d", ret);
      gnutls_free(sig.data);
    }
  }
  {
    unsigned char buf[64];
    size_t size = sizeof buf;
    ret = gnutls_pubkey_get_key_id(pub, 0, buf, &size);
    snprintf(k, sizeof k, "%s.pub_keyid", tag);
    MATCH(k, "%d %s", ret, ret == 0 ? hex(buf, size) : "-");
    bits = 0;
    ret = gnutls_pubkey_get_pk_algorithm(pub, &bits);
    snprintf(k, sizeof k, "%s.pub_pk", tag);
    MATCH(k, "%d bits=%u", ret, bits);
  }
  {
    gnutls_x509_privkey_t x = NULL;
    ret = gnutls_privkey_export_x509(pkey, &x);
    snprintf(k, sizeof k, "%s.export_x509", tag);
    MATCH(k, "%d pk=%d", ret, ret == 0 ? gnutls_x509_privkey_get_pk_algorithm(x) : -1);
    if (ret == 0) gnutls_x509_privkey_deinit(x);
  }
  /* The public key through its encodings. */
  {
    gnutls_datum_t der, pem;
    gnutls_pubkey_t again;
    ret = gnutls_pubkey_export2(pub, GNUTLS_X509_FMT_DER, &der);
    gnutls_pubkey_export2(pub, GNUTLS_X509_FMT_PEM, &pem);
    gnutls_pubkey_init(&again);
    ret = gnutls_pubkey_import(again, &pem, GNUTLS_X509_FMT_PEM);
    snprintf(k, sizeof k, "%s.pub_import_pem", tag);
    MATCH(k, "%d pk=%d", ret, gnutls_pubkey_get_pk_algorithm(again, NULL));
    gnutls_pubkey_deinit(again);
    gnutls_pubkey_init(&again);
    ret = gnutls_pubkey_import(again, &der, GNUTLS_X509_FMT_DER);
    snprintf(k, sizeof k, "%s.pub_import_der", tag);
    MATCH(k, "%d pk=%d", ret, gnutls_pubkey_get_pk_algorithm(again, NULL));
    gnutls_pubkey_deinit(again);
    gnutls_pubkey_init(&again);
    ret = gnutls_pubkey_import(again, &pem, GNUTLS_X509_FMT_DER);
    snprintf(k, sizeof k, "%s.pub_import_pem_as_der", tag);
    MATCH(k, "%d", ret);
    gnutls_pubkey_deinit(again);
    gnutls_free(der.data);
    gnutls_free(pem.data);
  }
  gnutls_pubkey_deinit(pub);
  gnutls_privkey_deinit(pkey);
  gnutls_free(kd.data);
}

static void abstract_keys(void) {
  gnutls_x509_privkey_t x;
  gnutls_privkey_t p;
  gnutls_datum_t d = load("ca.key");
  gnutls_datum_t msg = {(unsigned char*)"m", 1}, sig;
  int ret;
  sign_verify("sig.rsa_sha256", "ca.key", GNUTLS_SIGN_RSA_SHA256, GNUTLS_DIG_SHA256, 1);
  sign_verify("sig.rsa_sha384", "ca_pkcs1.pem", GNUTLS_SIGN_RSA_SHA384, GNUTLS_DIG_SHA384, 1);
  sign_verify("sig.rsa_pss", "ca.key", GNUTLS_SIGN_RSA_PSS_RSAE_SHA256, GNUTLS_DIG_SHA256, 0);
  sign_verify("sig.ecdsa384", "rich.key", GNUTLS_SIGN_ECDSA_SHA384, GNUTLS_DIG_SHA384, 0);
  sign_verify("sig.ecdsa256", "crit.key", GNUTLS_SIGN_ECDSA_SHA256, GNUTLS_DIG_SHA256, 0);
  sign_verify("sig.ed25519", "ed.key", GNUTLS_SIGN_EDDSA_ED25519, GNUTLS_DIG_SHA512, 1);

  gnutls_x509_privkey_init(&x);
  gnutls_x509_privkey_import(x, &d, GNUTLS_X509_FMT_PEM);
  gnutls_privkey_init(&p);
  MATCH("privkey.empty.pk", "%d", gnutls_privkey_get_pk_algorithm(p, NULL));
  ret = gnutls_privkey_import_x509(p, x, GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE);
  MATCH("privkey.import_x509", "%d", ret);
  ret = gnutls_privkey_sign_data2(p, GNUTLS_SIGN_ECDSA_SHA256, 0, &msg, &sig);
  MATCH("privkey.sign_wrong_algo", "%d", ret);
  if (ret == 0) gnutls_free(sig.data);
  ret = gnutls_privkey_sign_hash(p, GNUTLS_DIG_SHA1, GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA, &msg, &sig);
  MATCH("privkey.sign_tls1_rsa", "%d %s", ret, ret == 0 ? hex(sig.data, sig.size) : "-");
  if (ret == 0) gnutls_free(sig.data);
  gnutls_privkey_deinit(p); /* frees x too */
  gnutls_free(d.data);
  {
    gnutls_pubkey_t pub;
    gnutls_datum_t junk = {(unsigned char*)"\x30\x03\x02\x01\x01", 5};
    gnutls_pubkey_init(&pub);
    MATCH("pubkey.import_junk", "%d", gnutls_pubkey_import(pub, &junk, GNUTLS_X509_FMT_DER));
    MATCH("pubkey.import_nopem", "%d", gnutls_pubkey_import(pub, &junk, GNUTLS_X509_FMT_PEM));
    gnutls_pubkey_deinit(pub);
  }
  {
    gnutls_privkey_t q;
    gnutls_datum_t e = load("rich_enc.p8");
    gnutls_privkey_init(&q);
    MATCH("privkey.raw_wrongpw", "%d",
          gnutls_privkey_import_x509_raw(q, &e, GNUTLS_X509_FMT_PEM, "nope", 0));
    MATCH("privkey.raw_pw", "%d",
          gnutls_privkey_import_x509_raw(q, &e, GNUTLS_X509_FMT_PEM, "secret", 0));
    MATCH("privkey.raw_pw.pk", "%d", gnutls_privkey_get_pk_algorithm(q, NULL));
    gnutls_privkey_deinit(q);
    gnutls_free(e.data);
  }
}

static void pcerts(void) {
  gnutls_datum_t chain = load("chain.pem");
  gnutls_datum_t der = load("rich.der");
  gnutls_pcert_st list[4];
  gnutls_pcert_st one;
  unsigned max, i;
  int ret;
  char k[64];
  ret = gnutls_pcert_import_x509_raw(&one, &der, GNUTLS_X509_FMT_DER, 0);
  MATCH("pcert.raw_der", "%d size=%u type=%d pk=%d", ret, one.cert.size, (int)one.type,
        gnutls_pubkey_get_pk_algorithm(one.pubkey, NULL));
  if (ret == 0) {
    gnutls_x509_crt_t crt;
    ret = gnutls_pcert_export_x509(&one, &crt);
    MATCH("pcert.export_x509", "%d", ret);
    if (ret == 0) gnutls_x509_crt_deinit(crt);
    gnutls_pcert_deinit(&one);
  }
  ret = gnutls_pcert_import_x509_raw(&one, &chain, GNUTLS_X509_FMT_PEM, 0);
  MATCH("pcert.raw_pem", "%d size=%u", ret, ret == 0 ? one.cert.size : 0);
  if (ret == 0) gnutls_pcert_deinit(&one);
  ret = gnutls_pcert_import_x509_raw(&one, &chain, GNUTLS_X509_FMT_DER, 0);
  MATCH("pcert.raw_pem_as_der", "%d", ret);
  max = 4;
  ret = gnutls_pcert_list_import_x509_raw(list, &max, &chain, GNUTLS_X509_FMT_PEM, 0);
  MATCH("pcert.list", "%d max=%u", ret, max);
  for (i = 0; ret == 0 && i < max; i++) {
    snprintf(k, sizeof k, "pcert.list.%u", i);
    MATCH(k, "size=%u pk=%d", list[i].cert.size,
          gnutls_pubkey_get_pk_algorithm(list[i].pubkey, NULL));
    gnutls_pcert_deinit(&list[i]);
  }
  max = 2;
  ret = gnutls_pcert_list_import_x509_raw(list, &max, &chain, GNUTLS_X509_FMT_PEM, 0);
  MATCH("pcert.list.small", "%d max=%u", ret, max);
  for (i = 0; ret == 0 && i < max; i++) gnutls_pcert_deinit(&list[i]);
  max = 2;
  ret = gnutls_pcert_list_import_x509_raw(list, &max, &chain, GNUTLS_X509_FMT_PEM,
                                          GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED);
  MATCH("pcert.list.exceed", "%d max=%u", ret, max);
  for (i = 0; ret == 0 && i < max; i++) gnutls_pcert_deinit(&list[i]);
  {
    gnutls_x509_crt_t* crts;
    unsigned n;
    if (gnutls_x509_crt_list_import2(&crts, &n, &chain, GNUTLS_X509_FMT_PEM, 0) == 0) {
      ret = gnutls_pcert_import_x509_list(list, crts, &n, 0);
      MATCH("pcert.import_list", "%d n=%u", ret, n);
      for (i = 0; ret == 0 && i < n; i++) gnutls_pcert_deinit(&list[i]);
      for (i = 0; i < n; i++) gnutls_x509_crt_deinit(crts[i]);
      gnutls_free(crts);
    }
  }
  gnutls_free(chain.data);
  gnutls_free(der.data);
}

static void empty_handles(void) {
  gnutls_x509_privkey_t key;
  unsigned char buf[64];
  size_t size = sizeof buf;
  gnutls_datum_t junk = {(unsigned char*)"junk", 4};
  gnutls_x509_privkey_init(&key);
  MATCH("empty.pk", "%d", gnutls_x509_privkey_get_pk_algorithm(key));
  MATCH("empty.export", "%d", gnutls_x509_privkey_export(key, GNUTLS_X509_FMT_DER, buf, &size));
  size = sizeof buf;
  MATCH("empty.keyid", "%d", gnutls_x509_privkey_get_key_id(key, 0, buf, &size));
  MATCH("empty.sec_param", "%d", (int)gnutls_x509_privkey_sec_param(key));
  MATCH("junk.import_der", "%d", gnutls_x509_privkey_import(key, &junk, GNUTLS_X509_FMT_DER));
  MATCH("junk.import_pem", "%d", gnutls_x509_privkey_import(key, &junk, GNUTLS_X509_FMT_PEM));
  MATCH("junk.import2_der", "%d",
        gnutls_x509_privkey_import2(key, &junk, GNUTLS_X509_FMT_DER, NULL, 0));
  MATCH("junk.import2_pem", "%d",
        gnutls_x509_privkey_import2(key, &junk, GNUTLS_X509_FMT_PEM, NULL, 0));
  MATCH("junk.pkcs8_der", "%d",
        gnutls_x509_privkey_import_pkcs8(key, &junk, GNUTLS_X509_FMT_DER, "pw", 0));
  MATCH("junk.pkcs8_pem", "%d",
        gnutls_x509_privkey_import_pkcs8(key, &junk, GNUTLS_X509_FMT_PEM, "pw", 0));
  MATCH("gen.unknown", "%d", gnutls_x509_privkey_generate(key, GNUTLS_PK_DH, 2048, 0));
  MATCH("gen.ec_badbits", "%d", gnutls_x509_privkey_generate(key, GNUTLS_PK_ECDSA, 100, 0));
  gnutls_x509_privkey_deinit(key);
  {
    static const unsigned bits[] = {0, 100, 512, 1024, 2048, 3072, 4096, 8192, 16384};
    unsigned i;
    char k[64];
    for (i = 0; i < sizeof bits / sizeof bits[0]; i++) {
      snprintf(k, sizeof k, "sec_param.%u", bits[i]);
      MATCH(k, "rsa=%d ec=%d ed=%d", (int)gnutls_pk_bits_to_sec_param(GNUTLS_PK_RSA, bits[i]),
            (int)gnutls_pk_bits_to_sec_param(GNUTLS_PK_ECDSA, bits[i]),
            (int)gnutls_pk_bits_to_sec_param(GNUTLS_PK_EDDSA_ED25519, bits[i]));
    }
    for (i = 0; i <= 55; i += 5) {
      snprintf(k, sizeof k, "pk_bits.%u", i);
      MATCH(k, "rsa=%u ec=%u", gnutls_sec_param_to_pk_bits(GNUTLS_PK_RSA, i),
            gnutls_sec_param_to_pk_bits(GNUTLS_PK_ECDSA, i));
    }
  }
}

int main(int argc, char** argv) {
  (void)argc; /* the api tests pass their certificate directory: not ours */
  (void)argv;
  gnutls_global_init();
  imports();
  encrypted();
  generate();
  abstract_keys();
  pcerts();
  empty_handles();
  gnutls_global_deinit();
  printf("done\n");
  return 0;
}
