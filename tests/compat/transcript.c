/* Prints what a GnuTLS program sees from the calls that need no session:
 * error names and fatality, algorithm names, version checks, priority string
 * errors and credential loading. Built twice -- against Coda's libgnutls and
 * against the real GnuTLS -- and the two transcripts must be identical.
 * Usage: transcript DATA_DIR */
#include <gnutls/crypto.h>
#define _GNU_SOURCE 1 /* dladdr */
#include <dlfcn.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char* dir;

static const char* s(const char* p) {
  return p ? p : "(null)";
}

static char* path(const char* name) {
  static char buf[4][1024];
  static int i;
  i = (i + 1) % 4;
  snprintf(buf[i], sizeof buf[i], "%s/%s", dir, name);
  return buf[i];
}

static void errors(void) {
  int e;
  for (e = 0; e >= -1300; e--) {
    const char* n = gnutls_strerror_name(e);
    int fatal = gnutls_error_is_fatal(e);
    if (n || !fatal) printf("error %d %s fatal=%d\n", e, s(n), fatal);
  }
  printf("error 1 fatal=%d\n", gnutls_error_is_fatal(1));
  printf("error -65000 fatal=%d name=%s\n", gnutls_error_is_fatal(-65000),
         s(gnutls_strerror_name(-65000)));
  printf("strerror(0)=%s strerror(-2)=%s\n", gnutls_strerror(0), gnutls_strerror(-2));
}

static void names(void) {
  int v;
  for (v = 0; v < 130; v++) {
    printf("alert %d %s %s\n", v, s(gnutls_alert_get_name((gnutls_alert_description_t)v)),
           s(gnutls_alert_get_strname((gnutls_alert_description_t)v)));
  }
  for (v = 0; v < 300; v++) {
    printf("proto %d %s\n", v, s(gnutls_protocol_get_name((gnutls_protocol_t)v)));
    printf("cipher %d %s\n", v, s(gnutls_cipher_get_name((gnutls_cipher_algorithm_t)v)));
    printf("mac %d %s\n", v, s(gnutls_mac_get_name((gnutls_mac_algorithm_t)v)));
    printf("digest %d %s\n", v, s(gnutls_digest_get_name((gnutls_digest_algorithm_t)v)));
    printf("sign %d %s\n", v, s(gnutls_sign_get_name((gnutls_sign_algorithm_t)v)));
    printf("group %d %s\n", v, s(gnutls_group_get_name((gnutls_group_t)v)));
    printf("curve %d %s\n", v, s(gnutls_ecc_curve_get_name((gnutls_ecc_curve_t)v)));
    printf("crt %d %s\n", v, s(gnutls_certificate_type_get_name((gnutls_certificate_type_t)v)));
    printf("hs %d %s\n", v,
           s(gnutls_handshake_description_get_name((gnutls_handshake_description_t)v)));
    /* Both GnuTLS quirks (RSA_EXPORT has no name; PK_UNKNOWN is named after
     * GOST) are left out. */
    if (v != GNUTLS_KX_RSA_EXPORT)
      printf("kx %d %s\n", v, s(gnutls_kx_get_name((gnutls_kx_algorithm_t)v)));
    if (v != GNUTLS_PK_UNKNOWN)
      printf("pk %d %s\n", v, s(gnutls_pk_get_name((gnutls_pk_algorithm_t)v)));
  }
  printf("ids %d %d %d %d %d %d %d\n", gnutls_cipher_get_id("aes-128-gcm"),
         gnutls_mac_get_id("AEAD"), gnutls_protocol_get_id("TLS1.3"), gnutls_group_get_id("x25519"),
         gnutls_sign_get_id("RSA-PSS-RSAE-SHA256"), gnutls_kx_get_id("ECDHE-RSA"),
         gnutls_cipher_get_id("nonsense"));
}

static void versions(void) {
  const char* reqs[] = {"3.0.0", "3.7.9", "3.7.10", "3.8.0", "4.0", "1", "3.7", NULL};
  int i;
  printf("check_version(NULL)=%s\n", s(gnutls_check_version(NULL)));
  for (i = 0; reqs[i]; i++)
    printf("check_version(%s)=%s\n", reqs[i], s(gnutls_check_version(reqs[i])));
  printf("GNUTLS_VERSION=%s number=%x\n", GNUTLS_VERSION, GNUTLS_VERSION_NUMBER);
  printf("check_version_numeric(3,7,0)=%d (3,8,0)=%d\n",
         gnutls_check_version_numeric(3, 7, 0) ? 1 : 0,
         gnutls_check_version_numeric(3, 8, 0) ? 1 : 0);
}

static void priorities(void) {
  const char* strings[] = {"NORMAL",
                           "SECURE256",
                           "PERFORMANCE:%SERVER_PRECEDENCE",
                           "NORMAL:-VERS-ALL:+VERS-TLS1.3",
                           "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-GCM",
                           "NORMAL:+FOO",
                           "NORMAL:-VERS-TLS1.2:+BAR:+BAZ",
                           "BOGUS",
                           "NORMAL:%NONSENSE",
                           "NONE",
                           "NORMAL:-VERS-ALL",
                           "NORMAL::+VERS-TLS1.3",
                           "",
                           NULL};
  int i;
  for (i = 0; strings[i]; i++) {
    gnutls_priority_t p = NULL;
    const char* err = NULL;
    int r = gnutls_priority_init(&p, strings[i], &err);
    printf("priority \"%s\" -> %d err_pos=%ld\n", strings[i], r,
           err ? (long)(err - strings[i]) : -1L);
    if (r == 0) gnutls_priority_deinit(p);
  }
  {
    gnutls_priority_t p = NULL;
    const char* err = NULL;
    int r = gnutls_priority_init2(&p, "-VERS-TLS1.2:+FOO", &err, GNUTLS_PRIORITY_INIT_DEF_APPEND);
    printf("priority_init2 append -> %d err_set=%d\n", r, err != NULL);
    if (r == 0) gnutls_priority_deinit(p);
    r = gnutls_priority_init(&p, NULL, NULL);
    printf("priority NULL -> %d\n", r);
    if (r == 0) gnutls_priority_deinit(p);
  }
}

static void credentials(void) {
  gnutls_certificate_credentials_t c;
  gnutls_datum_t crt, key;
  int r;
  r = gnutls_certificate_allocate_credentials(&c);
  printf("allocate -> %d\n", r);
  printf("key_file ok -> %d\n",
         gnutls_certificate_set_x509_key_file(c, path("server.crt"), path("server.key"),
                                              GNUTLS_X509_FMT_PEM));
  printf("key_file missing crt -> %d\n",
         gnutls_certificate_set_x509_key_file(c, path("missing.crt"), path("server.key"),
                                              GNUTLS_X509_FMT_PEM));
  printf("key_file missing key -> %d\n",
         gnutls_certificate_set_x509_key_file(c, path("server.crt"), path("missing.key"),
                                              GNUTLS_X509_FMT_PEM));
  printf("key_file garbage key -> %d\n",
         gnutls_certificate_set_x509_key_file(c, path("server.crt"), path("garbage.pem"),
                                              GNUTLS_X509_FMT_PEM));
  printf("key_file garbage crt -> %d\n",
         gnutls_certificate_set_x509_key_file(c, path("garbage.pem"), path("server.key"),
                                              GNUTLS_X509_FMT_PEM));
  printf("key_file mismatch -> %d\n",
         gnutls_certificate_set_x509_key_file(c, path("server.crt"), path("other.key"),
                                              GNUTLS_X509_FMT_PEM));
  printf("key_file DER -> %d\n",
         gnutls_certificate_set_x509_key_file(c, path("server.crt.der"), path("server.key.der"),
                                              GNUTLS_X509_FMT_DER));
  printf("key_file2 -> %d\n",
         gnutls_certificate_set_x509_key_file2(c, path("server.crt"), path("server.key"),
                                               GNUTLS_X509_FMT_PEM, NULL, 0));
  r = gnutls_load_file(path("server.crt"), &crt);
  printf("load_file -> %d size>0=%d\n", r, r == 0 && crt.size > 0);
  r = gnutls_load_file(path("server.key"), &key);
  {
    gnutls_datum_t none;
    r = gnutls_load_file(path("missing"), &none);
    printf("load_file missing -> %d\n", r);
  }
  printf("key_mem ok -> %d\n",
         gnutls_certificate_set_x509_key_mem(c, &crt, &key, GNUTLS_X509_FMT_PEM));
  printf("key_mem2 ok -> %d\n",
         gnutls_certificate_set_x509_key_mem2(c, &crt, &key, GNUTLS_X509_FMT_PEM, NULL, 0));
  printf("trust_mem ok -> %d\n",
         gnutls_certificate_set_x509_trust_mem(c, &crt, GNUTLS_X509_FMT_PEM));
  {
    gnutls_datum_t bad = {(unsigned char*)"garbage", 7};
    printf("key_mem bad key -> %d\n",
           gnutls_certificate_set_x509_key_mem(c, &crt, &bad, GNUTLS_X509_FMT_PEM));
    printf("trust_mem garbage -> %d\n",
           gnutls_certificate_set_x509_trust_mem(c, &bad, GNUTLS_X509_FMT_PEM));
    printf("trust_mem garbage DER -> %d\n",
           gnutls_certificate_set_x509_trust_mem(c, &bad, GNUTLS_X509_FMT_DER));
  }
  gnutls_free(crt.data);
  gnutls_free(key.data);
  printf("crt freed=%d\n", crt.data == NULL);
  r = gnutls_load_file(path("server.crt.der"), &crt);
  r = gnutls_load_file(path("server.key.der"), &key);
  printf("key_mem DER -> %d\n",
         gnutls_certificate_set_x509_key_mem(c, &crt, &key, GNUTLS_X509_FMT_DER));
  printf("trust_mem DER -> %d\n",
         gnutls_certificate_set_x509_trust_mem(c, &crt, GNUTLS_X509_FMT_DER));
  gnutls_free(crt.data);
  gnutls_free(key.data);
  printf("trust_file -> %d\n",
         gnutls_certificate_set_x509_trust_file(c, path("server.crt"), GNUTLS_X509_FMT_PEM));
  printf("trust_file DER -> %d\n",
         gnutls_certificate_set_x509_trust_file(c, path("server.crt.der"), GNUTLS_X509_FMT_DER));
  printf("trust_file missing -> %d\n",
         gnutls_certificate_set_x509_trust_file(c, path("missing.crt"), GNUTLS_X509_FMT_PEM));
  printf("trust_file garbage -> %d\n",
         gnutls_certificate_set_x509_trust_file(c, path("garbage.pem"), GNUTLS_X509_FMT_PEM));
  r = gnutls_certificate_set_x509_system_trust(c);
  printf("system_trust > 100 -> %d\n", r > 100);
  printf("crl_file -> %d\n",
         gnutls_certificate_set_x509_crl_file(c, path("missing.crl"), GNUTLS_X509_FMT_PEM) < 0);
  gnutls_certificate_set_verify_flags(c, 0);
  gnutls_certificate_free_credentials(c);
  {
    gnutls_anon_client_credentials_t ac;
    gnutls_anon_server_credentials_t as;
    printf("anon -> %d %d\n", gnutls_anon_allocate_client_credentials(&ac),
           gnutls_anon_allocate_server_credentials(&as));
    gnutls_anon_free_client_credentials(ac);
    gnutls_anon_free_server_credentials(as);
  }
}

static void misc(void) {
  unsigned char buf[16];
  char hex[64];
  size_t n = sizeof hex;
  gnutls_datum_t d = {(unsigned char*)"\x01\xab\xff", 3};
  int r;
  printf("rnd -> %d\n", gnutls_rnd(GNUTLS_RND_RANDOM, buf, sizeof buf));
  r = gnutls_hex_encode(&d, hex, &n);
  printf("hex_encode -> %d %s %zu\n", r, hex, n);
  n = 2;
  r = gnutls_hex_encode(&d, hex, &n);
  printf("hex_encode short -> %d\n", r);
  {
    gnutls_datum_t h = {(unsigned char*)"01abff", 6};
    gnutls_datum_t odd = {(unsigned char*)"01a", 3};
    gnutls_datum_t bad = {(unsigned char*)"zz", 2};
    n = sizeof buf;
    r = gnutls_hex_decode(&h, buf, &n);
    printf("hex_decode -> %d %zu %02x%02x%02x\n", r, n, buf[0], buf[1], buf[2]);
    n = sizeof buf;
    printf("hex_decode odd -> %d\n", gnutls_hex_decode(&odd, buf, &n));
    n = sizeof buf;
    printf("hex_decode bad -> %d\n", gnutls_hex_decode(&bad, buf, &n));
    n = 1;
    printf("hex_decode short -> %d\n", gnutls_hex_decode(&h, buf, &n));
  }
  printf("fips=%u\n", gnutls_fips140_mode_enabled());
}

int main(int argc, char** argv) {
  dir = argc > 1 ? argv[1] : ".";
  printf("global_init -> %d\n", gnutls_global_init());
  errors();
  names();
  versions();
  priorities();
  credentials();
  misc();
  gnutls_global_deinit();
  return 0;
}
