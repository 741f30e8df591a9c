/* Diffie-Hellman parameters (gnutls_dh_params_*), the RFC 7919 data symbols
 * (gnutls_ffdhe_*) and the credentials calls that take them, printed as
 * "MATCH key = value" lines: built on Coda and on the real GnuTLS 3.7.9 and
 * compared by compare_edges.sh. gnutls_dh_params_generate2 is left out
 * (Coda refuses it: README). Usage: dh_params [DIR]. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef X509OBJ_DATA
#define X509OBJ_DATA "."
#endif

#define MATCH(key, ...)         \
  do {                          \
    printf("MATCH %s = ", key); \
    printf(__VA_ARGS__);        \
    printf("\n");               \
  } while (0)

static const char* hex(const void* data, size_t size) {
  static char out[4096];
  const unsigned char* p = data;
  size_t i;
  if (size * 2 + 1 >= sizeof out) return "(too long)";
  out[0] = 0;
  for (i = 0; i < size; i++) sprintf(out + 2 * i, "%02x", p[i]);
  return out;
}

static void group(const char* name, const gnutls_datum_t* p, const gnutls_datum_t* g,
                  const gnutls_datum_t* q, unsigned key_bits) {
  char key[64];
  snprintf(key, sizeof key, "%s.p", name);
  MATCH(key, "%u %s", p->size, hex(p->data, p->size));
  snprintf(key, sizeof key, "%s.g", name);
  MATCH(key, "%u %s", g->size, hex(g->data, g->size));
  snprintf(key, sizeof key, "%s.q", name);
  MATCH(key, "%u %s", q->size, hex(q->data, q->size));
  snprintf(key, sizeof key, "%s.key_bits", name);
  MATCH(key, "%u", key_bits);
}

/* export_raw of `dh`: code, prime, generator, bits. */
static void show_raw(const char* key, gnutls_dh_params_t dh) {
  gnutls_datum_t p = {NULL, 0}, g = {NULL, 0};
  unsigned bits = 12345;
  int ret = gnutls_dh_params_export_raw(dh, &p, &g, &bits);
  if (ret == 0) {
    char ph[2100];
    snprintf(ph, sizeof ph, "%s", hex(p.data, p.size));
    MATCH(key, "%d p=%s g=%s bits=%u", ret, ph, hex(g.data, g.size), bits);
  } else {
    MATCH(key, "%d bits=%u", ret, bits);
  }
  gnutls_free(p.data);
  gnutls_free(g.data);
}

static void show_import(const char* key, const unsigned char* der, size_t size,
                        gnutls_x509_crt_fmt_t format) {
  gnutls_dh_params_t dh;
  gnutls_datum_t d = {(unsigned char*)der, (unsigned)size};
  char raw[128];
  gnutls_dh_params_init(&dh);
  MATCH(key, "%d", gnutls_dh_params_import_pkcs3(dh, &d, format));
  snprintf(raw, sizeof raw, "%s.raw", key);
  show_raw(raw, dh);
  gnutls_dh_params_deinit(dh);
}

static void pkcs3(void) {
  gnutls_dh_params_t dh;
  unsigned char buf[4096], der[1200];
  size_t size, der_size;
  gnutls_datum_t out = {NULL, 0}, file = {NULL, 0};
  char path[1024];

  gnutls_dh_params_init(&dh);
  show_raw("empty.raw", dh);
  MATCH("import_raw", "%d",
        gnutls_dh_params_import_raw(dh, &gnutls_ffdhe_2048_group_prime,
                                    &gnutls_ffdhe_2048_group_generator));
  show_raw("import_raw.raw", dh);
  size = sizeof buf;
  MATCH("export.pem", "%d size=%zu %s",
        gnutls_dh_params_export_pkcs3(dh, GNUTLS_X509_FMT_PEM, buf, &size), size, hex(buf, size));
  size = 10;
  MATCH("export.pem.short", "%d size=%zu",
        gnutls_dh_params_export_pkcs3(dh, GNUTLS_X509_FMT_PEM, buf, &size), size);
  size = 10;
  MATCH("export.der.short", "%d size=%zu",
        gnutls_dh_params_export_pkcs3(dh, GNUTLS_X509_FMT_DER, buf, &size), size);
  size = 0;
  MATCH("export.der.null", "%d size=%zu",
        gnutls_dh_params_export_pkcs3(dh, GNUTLS_X509_FMT_DER, NULL, &size), size);

  /* With a private value length: written as the third INTEGER. */
  MATCH("import_raw2", "%d",
        gnutls_dh_params_import_raw2(dh, &gnutls_ffdhe_3072_group_prime,
                                     &gnutls_ffdhe_3072_group_generator, 276));
  show_raw("import_raw2.raw", dh);
  MATCH("export2.der", "%d", gnutls_dh_params_export2_pkcs3(dh, GNUTLS_X509_FMT_DER, &out));
  MATCH("export2.der.value", "%u %s", out.size, hex(out.data, out.size));
  der_size = out.size < sizeof der ? out.size : sizeof der;
  memcpy(der, out.data, der_size);
  gnutls_free(out.data);
  MATCH("export2.pem", "%d", gnutls_dh_params_export2_pkcs3(dh, GNUTLS_X509_FMT_PEM, &out));
  MATCH("export2.pem.value", "%u %s", out.size, hex(out.data, out.size));
  show_import("reimport.pem", out.data, out.size, GNUTLS_X509_FMT_PEM);
  show_import("reimport.pem_as_der", out.data, out.size, GNUTLS_X509_FMT_DER);
  gnutls_free(out.data);
  show_import("reimport.der", der, der_size, GNUTLS_X509_FMT_DER);
  show_import("reimport.der_as_pem", der, der_size, GNUTLS_X509_FMT_PEM);

  /* Copies. */
  {
    gnutls_dh_params_t copy;
    gnutls_dh_params_init(&copy);
    MATCH("cpy", "%d", gnutls_dh_params_cpy(copy, dh));
    show_raw("cpy.raw", copy);
    /* gnutls_dh_params_cpy from parameters never set crashes GnuTLS 3.7.9:
     * api_argument_cases.h has that case. */
    gnutls_dh_params_deinit(copy);
  }

  /* A file written by openssl genpkey (ffdhe3072). */
  snprintf(path, sizeof path, "%s/dh_ffdhe3072.pem", X509OBJ_DATA);
  if (gnutls_load_file(path, &file) != 0) {
    fprintf(stderr, "cannot load %s\n", path);
    exit(2);
  }
  show_import("openssl.pem", file.data, file.size, GNUTLS_X509_FMT_PEM);
  gnutls_free(file.data);

  /* Broken encodings. */
  show_import("bad.empty", (const unsigned char*)"", 0, GNUTLS_X509_FMT_DER);
  show_import("bad.junk_der", (const unsigned char*)"hello", 5, GNUTLS_X509_FMT_DER);
  show_import("bad.junk_pem", (const unsigned char*)"hello", 5, GNUTLS_X509_FMT_PEM);
  show_import("bad.truncated", der, der_size - 1, GNUTLS_X509_FMT_DER);
  show_import("bad.header_only", der, 4, GNUTLS_X509_FMT_DER);
  {
    /* SEQUENCE { INTEGER 23 } : no base. */
    static const unsigned char one[] = {0x30, 0x03, 0x02, 0x01, 0x17};
    /* SEQUENCE { INTEGER 23, INTEGER 5 }: a small group is still read. */
    static const unsigned char small[] = {0x30, 0x06, 0x02, 0x01, 0x17, 0x02, 0x01, 0x05};
    /* The same with a leading zero on the prime. */
    static const unsigned char padded[] = {0x30, 0x07, 0x02, 0x02, 0x00, 0x17, 0x02, 0x01, 0x05};
    /* SEQUENCE { INTEGER 23, INTEGER 5, INTEGER 64 } */
    static const unsigned char bits[] = {0x30, 0x09, 0x02, 0x01, 0x17, 0x02,
                                         0x01, 0x05, 0x02, 0x01, 0x40};
    /* Indefinite length (BER, not DER). */
    static const unsigned char indefinite[] = {0x30, 0x80, 0x02, 0x01, 0x17,
                                               0x02, 0x01, 0x05, 0x00, 0x00};
    static const unsigned char octets[] = {0x30, 0x06, 0x04, 0x01, 0x17, 0x02, 0x01, 0x05};
    show_import("der.one_integer", one, sizeof one, GNUTLS_X509_FMT_DER);
    show_import("der.small", small, sizeof small, GNUTLS_X509_FMT_DER);
    show_import("der.padded", padded, sizeof padded, GNUTLS_X509_FMT_DER);
    show_import("der.bits", bits, sizeof bits, GNUTLS_X509_FMT_DER);
    show_import("der.indefinite", indefinite, sizeof indefinite, GNUTLS_X509_FMT_DER);
    show_import("der.octets", octets, sizeof octets, GNUTLS_X509_FMT_DER);
  }

  /* Raw values: zero, empty, a leading zero byte. */
  {
    gnutls_datum_t empty = {(unsigned char*)"", 0};
    gnutls_datum_t zeros = {(unsigned char*)"\0\0", 2};
    gnutls_datum_t padded = {(unsigned char*)"\0\x17", 2};
    gnutls_datum_t five = {(unsigned char*)"\x05", 1};
    gnutls_dh_params_t raw;
    gnutls_dh_params_init(&raw);
    MATCH("raw.empty", "%d", gnutls_dh_params_import_raw(raw, &empty, &five));
    MATCH("raw.zero_prime", "%d", gnutls_dh_params_import_raw(raw, &zeros, &five));
    MATCH("raw.zero_generator", "%d", gnutls_dh_params_import_raw(raw, &padded, &zeros));
    show_raw("raw.after_errors", raw);
    MATCH("raw.padded", "%d", gnutls_dh_params_import_raw2(raw, &padded, &five, 9));
    show_raw("raw.padded.raw", raw);
    size = sizeof buf;
    MATCH("raw.padded.der", "%d %s",
          gnutls_dh_params_export_pkcs3(raw, GNUTLS_X509_FMT_DER, buf, &size), hex(buf, size));
    gnutls_dh_params_deinit(raw);
  }

  /* Credentials. */
  {
    gnutls_certificate_credentials_t cred;
    int levels[] = {GNUTLS_SEC_PARAM_UNKNOWN,
                    GNUTLS_SEC_PARAM_LOW,
                    GNUTLS_SEC_PARAM_MEDIUM,
                    GNUTLS_SEC_PARAM_HIGH,
                    GNUTLS_SEC_PARAM_ULTRA,
                    GNUTLS_SEC_PARAM_FUTURE,
                    99};
    unsigned i;
    char key[64];
    gnutls_certificate_allocate_credentials(&cred);
    gnutls_certificate_set_dh_params(cred, dh);
    MATCH("set_dh_params", "returned");
    for (i = 0; i < sizeof levels / sizeof levels[0]; i++) {
      snprintf(key, sizeof key, "set_known_dh_params.%d", levels[i]);
      MATCH(key, "%d", gnutls_certificate_set_known_dh_params(cred, (gnutls_sec_param_t)levels[i]));
    }
    gnutls_certificate_free_credentials(cred);
  }
  {
    gnutls_anon_server_credentials_t anon;
    gnutls_anon_allocate_server_credentials(&anon);
    gnutls_anon_set_server_dh_params(anon, dh);
    MATCH("anon.set_dh_params", "returned");
    MATCH("anon.set_known_dh_params", "%d",
          gnutls_anon_set_server_known_dh_params(anon, GNUTLS_SEC_PARAM_MEDIUM));
    gnutls_anon_free_server_credentials(anon);
  }
  gnutls_dh_params_deinit(dh);
}

int main(int argc, char** argv) {
  (void)argc; /* the api tests pass their certificate directory: not ours */
  (void)argv;
  setvbuf(stdout, NULL, _IONBF, 0); /* the real GnuTLS may crash: keep every line before */
  gnutls_global_init();
  group("ffdhe2048", &gnutls_ffdhe_2048_group_prime, &gnutls_ffdhe_2048_group_generator,
        &gnutls_ffdhe_2048_group_q, gnutls_ffdhe_2048_key_bits);
  group("ffdhe3072", &gnutls_ffdhe_3072_group_prime, &gnutls_ffdhe_3072_group_generator,
        &gnutls_ffdhe_3072_group_q, gnutls_ffdhe_3072_key_bits);
  group("ffdhe4096", &gnutls_ffdhe_4096_group_prime, &gnutls_ffdhe_4096_group_generator,
        &gnutls_ffdhe_4096_group_q, gnutls_ffdhe_4096_key_bits);
  group("ffdhe6144", &gnutls_ffdhe_6144_group_prime, &gnutls_ffdhe_6144_group_generator,
        &gnutls_ffdhe_6144_group_q, gnutls_ffdhe_6144_key_bits);
  group("ffdhe8192", &gnutls_ffdhe_8192_group_prime, &gnutls_ffdhe_8192_group_generator,
        &gnutls_ffdhe_8192_group_q, gnutls_ffdhe_8192_key_bits);
  pkcs3();
  gnutls_global_deinit();
  printf("done\n");
  return 0;
}
