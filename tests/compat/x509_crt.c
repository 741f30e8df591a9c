/* gnutls_x509_crt_t and gnutls_pubkey_t over Coda: import (PEM, DER),
 * dates, names, export round trips. Usage: x509_crt DATA_DIR NOT_BEFORE
 * NOT_AFTER, the dates of DATA_DIR/san.crt as seconds since the epoch (the
 * test script takes them from `openssl x509 -noout -dates`). */
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
#define CHECK(cond)                                                      \
  do {                                                                   \
    if (!(cond)) {                                                       \
      fprintf(stderr, "%s:%d: FAILED: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                        \
    }                                                                    \
  } while (0)

static gnutls_datum_t load(const char* dir, const char* name) {
  char path[1024];
  gnutls_datum_t d = {NULL, 0};
  snprintf(path, sizeof path, "%s/%s", dir, name);
  if (gnutls_load_file(path, &d) != 0) {
    fprintf(stderr, "cannot load %s\n", path);
    exit(2);
  }
  return d;
}

static gnutls_x509_crt_t import(const gnutls_datum_t* d, gnutls_x509_crt_fmt_t fmt) {
  gnutls_x509_crt_t crt = NULL;
  CHECK(gnutls_x509_crt_init(&crt) == 0);
  CHECK(gnutls_x509_crt_import(crt, d, fmt) == 0);
  return crt;
}

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s DATA_DIR NOT_BEFORE NOT_AFTER\n", argv[0]);
    return 2;
  }
  const char* dir = argv[1];
  const time_t not_before = (time_t)strtoll(argv[2], NULL, 10);
  const time_t not_after = (time_t)strtoll(argv[3], NULL, 10);

  gnutls_datum_t pem = load(dir, "san.crt");
  gnutls_datum_t der = load(dir, "san.crt.der");
  gnutls_datum_t garbage = load(dir, "garbage.pem");
  gnutls_datum_t key = load(dir, "san.key");

  /* Errors, as GnuTLS 3.7.9 gives them. */
  gnutls_x509_crt_t crt = NULL;
  CHECK(gnutls_x509_crt_init(NULL) == GNUTLS_E_INVALID_REQUEST);
  CHECK(gnutls_x509_crt_init(&crt) == 0 && crt != NULL);
  CHECK(gnutls_x509_crt_get_activation_time(crt) == (time_t)-1);
  CHECK(gnutls_x509_crt_get_expiration_time(crt) == (time_t)-1);
  CHECK(gnutls_x509_crt_check_hostname(crt, "localhost") == 0);
  {
    char buf[64];
    size_t size = sizeof buf;
    CHECK(gnutls_x509_crt_get_dn(crt, buf, &size) == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
    size = sizeof buf;
    CHECK(gnutls_x509_crt_export(crt, GNUTLS_X509_FMT_DER, buf, &size) ==
          GNUTLS_E_ASN1_VALUE_NOT_FOUND);
  }
  CHECK(gnutls_x509_crt_import(crt, &garbage, GNUTLS_X509_FMT_PEM) ==
        GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR);
  CHECK(gnutls_x509_crt_import(crt, &key, GNUTLS_X509_FMT_PEM) ==
        GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR);
  CHECK(gnutls_x509_crt_import(crt, &garbage, GNUTLS_X509_FMT_DER) == GNUTLS_E_ASN1_TAG_ERROR);
  CHECK(gnutls_x509_crt_import(crt, &pem, GNUTLS_X509_FMT_DER) == GNUTLS_E_ASN1_TAG_ERROR);
  {
    gnutls_datum_t empty = {(unsigned char*)"", 0};
    CHECK(gnutls_x509_crt_import(crt, &empty, GNUTLS_X509_FMT_DER) == GNUTLS_E_ASN1_TAG_ERROR);
  }
  CHECK(gnutls_x509_crt_import(NULL, &pem, GNUTLS_X509_FMT_PEM) == GNUTLS_E_INVALID_REQUEST);
  CHECK(gnutls_x509_crt_import(crt, NULL, GNUTLS_X509_FMT_PEM) == GNUTLS_E_INVALID_REQUEST);
  gnutls_x509_crt_deinit(crt);
  gnutls_x509_crt_deinit(NULL);

  /* PEM and DER give the same certificate. */
  gnutls_x509_crt_t a = import(&pem, GNUTLS_X509_FMT_PEM);
  gnutls_x509_crt_t b = import(&der, GNUTLS_X509_FMT_DER);

  CHECK(gnutls_x509_crt_get_activation_time(a) == not_before);
  CHECK(gnutls_x509_crt_get_expiration_time(a) == not_after);
  CHECK(gnutls_x509_crt_get_activation_time(b) == not_before);
  CHECK(gnutls_x509_crt_get_expiration_time(b) == not_after);

  /* Names: SAN DNS:localhost, DNS:exact.test, DNS:*.wild.test,
   * IP:127.0.0.1, IP:::1; subject CN=not-a-san-name.test. */
  CHECK(gnutls_x509_crt_check_hostname(a, "localhost") == 1);
  CHECK(gnutls_x509_crt_check_hostname(a, "LOCALHOST") == 1);
  CHECK(gnutls_x509_crt_check_hostname(a, "exact.test") == 1);
  CHECK(gnutls_x509_crt_check_hostname(a, "www.exact.test") == 0);
  CHECK(gnutls_x509_crt_check_hostname(a, "foo.wild.test") == 1);
  CHECK(gnutls_x509_crt_check_hostname(b, "bar.wild.test") == 1);
  CHECK(gnutls_x509_crt_check_hostname(a, "wild.test") == 0);           /* * is one label */
  CHECK(gnutls_x509_crt_check_hostname(a, "a.b.wild.test") == 0);       /* ... exactly one */
  CHECK(gnutls_x509_crt_check_hostname(a, "not-a-san-name.test") == 0); /* never the CN */
  CHECK(gnutls_x509_crt_check_hostname(a, "127.0.0.1") == 1);
  CHECK(gnutls_x509_crt_check_hostname(a, "::1") == 1);
  CHECK(gnutls_x509_crt_check_hostname(a, "127.0.0.2") == 0);
  CHECK(gnutls_x509_crt_check_hostname(a, "") == 0);
  CHECK(gnutls_x509_crt_check_hostname(a, NULL) == 0);
  CHECK(gnutls_x509_crt_check_hostname(a, "example.com") == 0);
  CHECK(gnutls_x509_crt_check_hostname2(a, "foo.wild.test", GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS) ==
        0);
  CHECK(gnutls_x509_crt_check_hostname2(a, "exact.test", GNUTLS_VERIFY_DO_NOT_ALLOW_WILDCARDS) ==
        1);
  CHECK(gnutls_x509_crt_check_hostname2(a, "127.0.0.1", GNUTLS_VERIFY_DO_NOT_ALLOW_IP_MATCHES) ==
        0);

  /* DN strings and GnuTLS's buffer protocol. */
  {
    /* GnuTLS's order: the RDNs as the DER has them. */
    const char* want = "O=Coda,CN=not-a-san-name.test";
    char buf[256];
    size_t size = 0;
    CHECK(gnutls_x509_crt_get_dn(a, NULL, &size) == GNUTLS_E_SHORT_MEMORY_BUFFER);
    CHECK(size == strlen(want) + 1);
    size = strlen(want);
    CHECK(gnutls_x509_crt_get_dn(a, buf, &size) == GNUTLS_E_SHORT_MEMORY_BUFFER);
    size = sizeof buf;
    CHECK(gnutls_x509_crt_get_dn(a, buf, &size) == 0);
    CHECK(size == strlen(want) && strcmp(buf, want) == 0);
    size = sizeof buf;
    CHECK(gnutls_x509_crt_get_issuer_dn(a, buf, &size) == 0);
    CHECK(strcmp(buf, "CN=Coda Compat Test CA") == 0);
    gnutls_datum_t dn = {NULL, 0};
    CHECK(gnutls_x509_crt_get_dn2(b, &dn) == 0);
    CHECK(dn.size == strlen(want) && memcmp(dn.data, want, dn.size) == 0);
    gnutls_free(dn.data);
  }

  /* Export round trips. */
  {
    unsigned char buf[4096];
    size_t size = 0;
    CHECK(gnutls_x509_crt_export(a, GNUTLS_X509_FMT_DER, NULL, &size) ==
          GNUTLS_E_SHORT_MEMORY_BUFFER);
    CHECK(size == der.size);
    size = der.size - 1;
    CHECK(gnutls_x509_crt_export(a, GNUTLS_X509_FMT_DER, buf, &size) ==
          GNUTLS_E_SHORT_MEMORY_BUFFER);
    size = sizeof buf;
    CHECK(gnutls_x509_crt_export(a, GNUTLS_X509_FMT_DER, buf, &size) == 0);
    CHECK(size == der.size && memcmp(buf, der.data, size) == 0);

    size = 0;
    CHECK(gnutls_x509_crt_export(b, GNUTLS_X509_FMT_PEM, NULL, &size) ==
          GNUTLS_E_SHORT_MEMORY_BUFFER);
    CHECK(size == pem.size + 1);
    size = pem.size; /* no room for the NUL */
    CHECK(gnutls_x509_crt_export(b, GNUTLS_X509_FMT_PEM, buf, &size) ==
          GNUTLS_E_SHORT_MEMORY_BUFFER);
    size = sizeof buf;
    CHECK(gnutls_x509_crt_export(b, GNUTLS_X509_FMT_PEM, buf, &size) == 0);
    CHECK(size == pem.size && memcmp(buf, pem.data, size) == 0 && buf[size] == 0);

    gnutls_datum_t out = {NULL, 0};
    CHECK(gnutls_x509_crt_export2(a, GNUTLS_X509_FMT_PEM, &out) == 0);
    CHECK(out.size == pem.size && memcmp(out.data, pem.data, out.size) == 0);
    gnutls_x509_crt_t c = import(&out, GNUTLS_X509_FMT_PEM);
    gnutls_free(out.data);
    CHECK(gnutls_x509_crt_export2(c, GNUTLS_X509_FMT_DER, &out) == 0);
    CHECK(out.size == der.size && memcmp(out.data, der.data, out.size) == 0);
    gnutls_free(out.data);
    gnutls_x509_crt_deinit(c);
  }

  /* Public keys: the certificate's SubjectPublicKeyInfo, DER and PEM, as
   * openssl writes them (san.pub.pem: `openssl x509 -noout -pubkey`,
   * san.pub.der: `openssl pkey -pubin -outform DER`). */
  {
    gnutls_datum_t want_der = load(dir, "san.pub.der");
    gnutls_datum_t want_pem = load(dir, "san.pub.pem");
    gnutls_pubkey_t pk = NULL;
    unsigned char buf[4096];
    size_t size = sizeof buf;
    CHECK(gnutls_pubkey_init(NULL) == GNUTLS_E_INVALID_REQUEST);
    CHECK(gnutls_pubkey_init(&pk) == 0 && pk != NULL);
    CHECK(gnutls_pubkey_export(pk, GNUTLS_X509_FMT_DER, buf, &size) ==
          GNUTLS_E_UNKNOWN_PK_ALGORITHM);
    gnutls_x509_crt_t empty = NULL;
    gnutls_x509_crt_init(&empty);
    CHECK(gnutls_pubkey_import_x509(pk, empty, 0) == GNUTLS_E_ASN1_VALUE_NOT_FOUND);
    gnutls_x509_crt_deinit(empty);
    CHECK(gnutls_pubkey_import_x509(pk, a, 0) == 0);
    size = 0;
    CHECK(gnutls_pubkey_export(pk, GNUTLS_X509_FMT_DER, NULL, &size) ==
          GNUTLS_E_SHORT_MEMORY_BUFFER);
    CHECK(size == want_der.size);
    size = sizeof buf;
    CHECK(gnutls_pubkey_export(pk, GNUTLS_X509_FMT_DER, buf, &size) == 0);
    CHECK(size == want_der.size && memcmp(buf, want_der.data, size) == 0);
    size = sizeof buf;
    CHECK(gnutls_pubkey_export(pk, GNUTLS_X509_FMT_PEM, buf, &size) == 0);
    CHECK(size == want_pem.size && memcmp(buf, want_pem.data, size) == 0);
    gnutls_datum_t out = {NULL, 0};
    CHECK(gnutls_pubkey_export2(pk, GNUTLS_X509_FMT_DER, &out) == 0);
    CHECK(out.size == want_der.size && memcmp(out.data, want_der.data, out.size) == 0);
    gnutls_free(out.data);
    gnutls_pubkey_deinit(pk);
    gnutls_pubkey_deinit(NULL);
    gnutls_free(want_der.data);
    gnutls_free(want_pem.data);
  }

  gnutls_x509_crt_deinit(a);
  gnutls_x509_crt_deinit(b);
  gnutls_free(pem.data);
  gnutls_free(der.data);
  gnutls_free(garbage.data);
  gnutls_free(key.data);
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("x509_crt: all checks passed\n");
  return 0;
}
