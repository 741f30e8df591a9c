/* CRLs (gnutls_x509_crl_*) and the credentials calls that take them, on the
 * CRLs make_certs.sh makes with openssl ca -gencrl: getters, lists,
 * check_issuer, verify, and a handshake whose server certificate the
 * client's CRL revokes. Printed as "MATCH key = value" lines, built on Coda
 * and on the real GnuTLS 3.7.9 and compared by compare_edges.sh.
 * Usage: x509_crl CERTDIR. */
#include <fcntl.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "match_lines.h"

static const char* path(const char* name) {
  static char out[4][1024];
  static int next;
  char* p = out[next++ % 4];
  snprintf(p, 1024, "%s/%s", dir, name);
  return p;
}

static gnutls_x509_crt_t crt(const char* name) {
  gnutls_x509_crt_t c;
  gnutls_datum_t d = load(name);
  gnutls_x509_crt_init(&c);
  if (gnutls_x509_crt_import(c, &d, GNUTLS_X509_FMT_PEM) != 0) exit(2);
  gnutls_free(d.data);
  return c;
}

static void getters(const char* tag, gnutls_x509_crl_t crl) {
  char key[128], buf[512];
  size_t size;
  unsigned char serial[64];
  int i, n, ret;
  gnutls_datum_t d = {NULL, 0};
  gnutls_x509_crt_t ca = crt("ca.pem"), ecdsa = crt("ecdsa.pem");
  unsigned status;

  size = sizeof buf;
  ret = gnutls_x509_crl_get_issuer_dn(crl, buf, &size);
  snprintf(key, sizeof key, "%s.issuer_dn", tag);
  MATCH(key, "%d %s size=%zu", ret, ret == 0 ? buf : "-", size);
  size = 3;
  ret = gnutls_x509_crl_get_issuer_dn(crl, buf, &size);
  snprintf(key, sizeof key, "%s.issuer_dn.short", tag);
  MATCH(key, "%d size=%zu", ret, size);
  ret = gnutls_x509_crl_get_issuer_dn2(crl, &d);
  snprintf(key, sizeof key, "%s.issuer_dn2", tag);
  MATCH(key, "%d %s size=%u", ret, ret == 0 ? (char*)d.data : "-", d.size);
  if (ret == 0) gnutls_free(d.data);
  snprintf(key, sizeof key, "%s.version", tag);
  MATCH(key, "%d", gnutls_x509_crl_get_version(crl));
  snprintf(key, sizeof key, "%s.this_next_sane", tag);
  MATCH(key, "%d",
        (long)gnutls_x509_crl_get_next_update(crl) - (long)gnutls_x509_crl_get_this_update(crl) ==
            30L * 86400);
  snprintf(key, sizeof key, "%s.this_update_set", tag);
  MATCH(key, "%d", gnutls_x509_crl_get_this_update(crl) > 1700000000);
  n = gnutls_x509_crl_get_crt_count(crl);
  snprintf(key, sizeof key, "%s.count", tag);
  MATCH(key, "%d", n);
  for (i = 0; i <= (n > 0 ? n : 0); i++) {
    time_t when = 0;
    size = sizeof serial;
    ret = gnutls_x509_crl_get_crt_serial(crl, i, serial, &size, &when);
    snprintf(key, sizeof key, "%s.serial%d", tag, i);
    MATCH(key, "%d size=%zu when_recent=%d", ret, size, ret == 0 && when > 1700000000);
  }
  size = 1;
  ret = gnutls_x509_crl_get_crt_serial(crl, 0, serial, &size, NULL);
  snprintf(key, sizeof key, "%s.serial.short", tag);
  MATCH(key, "%d size=%zu", ret, size);
  snprintf(key, sizeof key, "%s.check_issuer.ca", tag);
  MATCH(key, "%u", gnutls_x509_crl_check_issuer(crl, ca));
  snprintf(key, sizeof key, "%s.check_issuer.ecdsa", tag);
  MATCH(key, "%u", gnutls_x509_crl_check_issuer(crl, ecdsa));
  status = 12345;
  ret = gnutls_x509_crl_verify(crl, &ca, 1, 0, &status);
  snprintf(key, sizeof key, "%s.verify.ca", tag);
  MATCH(key, "%d status=%u", ret, status);
  status = 12345;
  ret = gnutls_x509_crl_verify(crl, &ecdsa, 1, 0, &status);
  snprintf(key, sizeof key, "%s.verify.ecdsa", tag);
  MATCH(key, "%d status=%u", ret, status);
  status = 12345;
  ret = gnutls_x509_crl_verify(crl, NULL, 0, 0, &status);
  snprintf(key, sizeof key, "%s.verify.none", tag);
  MATCH(key, "%d status=%u", ret, status);
  gnutls_x509_crt_deinit(ca);
  gnutls_x509_crt_deinit(ecdsa);
}

static void objects(void) {
  static const char* const files[] = {"crl.pem", "crl_empty.pem", "crl_other.pem"};
  gnutls_datum_t pem, der;
  gnutls_x509_crl_t crl;
  unsigned char buf[4096];
  size_t size;
  unsigned i;
  int ret;

  for (i = 0; i < 3; i++) {
    gnutls_datum_t d = load(files[i]);
    gnutls_x509_crl_init(&crl);
    MATCH(files[i], "%d", gnutls_x509_crl_import(crl, &d, GNUTLS_X509_FMT_PEM));
    getters(files[i], crl);
    gnutls_x509_crl_deinit(crl);
    gnutls_free(d.data);
  }

  /* DER, and exports agreeing with the files. */
  pem = load("crl.pem");
  der = load("crl.der");
  gnutls_x509_crl_init(&crl);
  MATCH("der.import", "%d", gnutls_x509_crl_import(crl, &der, GNUTLS_X509_FMT_DER));
  size = sizeof buf;
  ret = gnutls_x509_crl_export(crl, GNUTLS_X509_FMT_DER, buf, &size);
  MATCH("der.export", "%d same=%d", ret,
        ret == 0 && size == der.size && !memcmp(buf, der.data, size));
  size = sizeof buf;
  ret = gnutls_x509_crl_export(crl, GNUTLS_X509_FMT_PEM, buf, &size);
  MATCH("pem.export", "%d same=%d", ret,
        ret == 0 && size == pem.size && !memcmp(buf, pem.data, size));
  size = 5;
  MATCH("pem.export.short", "%d needed=%d",
        gnutls_x509_crl_export(crl, GNUTLS_X509_FMT_PEM, buf, &size), (int)size - (int)pem.size);
  {
    gnutls_datum_t out = {NULL, 0};
    ret = gnutls_x509_crl_export2(crl, GNUTLS_X509_FMT_PEM, &out);
    MATCH("pem.export2", "%d same=%d", ret,
          ret == 0 && out.size == pem.size && !memcmp(out.data, pem.data, out.size));
    gnutls_free(out.data);
    ret = gnutls_x509_crl_export2(crl, GNUTLS_X509_FMT_DER, &out);
    MATCH("der.export2", "%d same=%d", ret,
          ret == 0 && out.size == der.size && !memcmp(out.data, der.data, out.size));
    gnutls_free(out.data);
  }
  MATCH("pem_as_der", "%d", gnutls_x509_crl_import(crl, &pem, GNUTLS_X509_FMT_DER));
  MATCH("der_as_pem", "%d", gnutls_x509_crl_import(crl, &der, GNUTLS_X509_FMT_PEM));
  {
    gnutls_datum_t cut = {der.data, der.size - 1};
    gnutls_datum_t junk = {(unsigned char*)"hello", 5};
    gnutls_datum_t cert = load("ca.pem");
    gnutls_x509_crl_t fresh;
    MATCH("der.cut", "%d", gnutls_x509_crl_import(crl, &cut, GNUTLS_X509_FMT_DER));
    MATCH("junk.der", "%d", gnutls_x509_crl_import(crl, &junk, GNUTLS_X509_FMT_DER));
    MATCH("junk.pem", "%d", gnutls_x509_crl_import(crl, &junk, GNUTLS_X509_FMT_PEM));
    MATCH("cert.pem", "%d", gnutls_x509_crl_import(crl, &cert, GNUTLS_X509_FMT_PEM));
    gnutls_free(cert.data);
    gnutls_x509_crl_init(&fresh);
    size = sizeof buf;
    MATCH("fresh.export", "%d", gnutls_x509_crl_export(fresh, GNUTLS_X509_FMT_DER, buf, &size));
    MATCH("fresh.count", "%d", gnutls_x509_crl_get_crt_count(fresh));
    MATCH("fresh.version", "%d", gnutls_x509_crl_get_version(fresh));
    MATCH("fresh.this_update", "%ld", (long)gnutls_x509_crl_get_this_update(fresh));
    MATCH("fresh.next_update", "%ld", (long)gnutls_x509_crl_get_next_update(fresh));
    size = sizeof buf;
    MATCH("fresh.issuer_dn", "%d", gnutls_x509_crl_get_issuer_dn(fresh, (char*)buf, &size));
    gnutls_x509_crl_deinit(fresh);
  }
  gnutls_x509_crl_deinit(crl);

  /* Lists: the three PEM files together. */
  {
    gnutls_datum_t a = load("crl.pem"), b = load("crl_empty.pem"), c = load("crl_other.pem");
    gnutls_datum_t all;
    gnutls_x509_crl_t list[4], *list2 = NULL;
    unsigned max, n2 = 0, j;
    all.size = a.size + b.size + c.size;
    all.data = malloc(all.size);
    memcpy(all.data, a.data, a.size);
    memcpy(all.data + a.size, b.data, b.size);
    memcpy(all.data + a.size + b.size, c.data, c.size);
    max = 4;
    ret = gnutls_x509_crl_list_import(list, &max, &all, GNUTLS_X509_FMT_PEM, 0);
    MATCH("list", "%d max=%u", ret, max);
    for (j = 0; ret > 0 && j < (unsigned)ret; j++) {
      char key[32];
      snprintf(key, sizeof key, "list.%u.count", j);
      MATCH(key, "%d", gnutls_x509_crl_get_crt_count(list[j]));
      gnutls_x509_crl_deinit(list[j]);
    }
    max = 2;
    ret = gnutls_x509_crl_list_import(list, &max, &all, GNUTLS_X509_FMT_PEM, 0);
    MATCH("list.short", "%d max=%u", ret, max);
    for (j = 0; ret > 0 && j < (unsigned)ret; j++) gnutls_x509_crl_deinit(list[j]);
    max = 2;
    ret = gnutls_x509_crl_list_import(list, &max, &all, GNUTLS_X509_FMT_PEM,
                                      GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED);
    MATCH("list.exceed", "%d max=%u", ret, max);
    for (j = 0; ret > 0 && j < (unsigned)ret; j++) gnutls_x509_crl_deinit(list[j]);
    max = 4;
    ret = gnutls_x509_crl_list_import(list, &max, &der, GNUTLS_X509_FMT_DER, 0);
    MATCH("list.der", "%d max=%u", ret, max);
    for (j = 0; ret > 0 && j < (unsigned)ret; j++) gnutls_x509_crl_deinit(list[j]);
    max = 4;
    {
      gnutls_datum_t junk = {(unsigned char*)"hello", 5};
      ret = gnutls_x509_crl_list_import(list, &max, &junk, GNUTLS_X509_FMT_PEM, 0);
      MATCH("list.junk", "%d max=%u", ret, max);
    }
    ret = gnutls_x509_crl_list_import2(&list2, &n2, &all, GNUTLS_X509_FMT_PEM, 0);
    MATCH("list2", "%d n=%u", ret, n2);
    for (j = 0; ret == 0 && j < n2; j++) gnutls_x509_crl_deinit(list2[j]);
    gnutls_free(list2);
    free(all.data);
    gnutls_free(a.data);
    gnutls_free(b.data);
    gnutls_free(c.data);
  }
  gnutls_free(pem.data);
  gnutls_free(der.data);
}

/* A TLS handshake with rsa.pem (or ecdsa.pem) on the server and the CA plus
 * `crl` on the client; the client's verification status. */
static void handshake(const char* tag, const char* server_cert, const char* crl, int order) {
  int sv[2], cret = GNUTLS_E_AGAIN, sret = GNUTLS_E_AGAIN, rounds;
  gnutls_certificate_credentials_t sc, cc;
  gnutls_session_t s, c;
  unsigned status = 12345;
  char key[128], kf[64];
  snprintf(kf, sizeof kf, "%.*s.key", (int)(strlen(server_cert) - 4), server_cert);
  gnutls_certificate_allocate_credentials(&sc);
  gnutls_certificate_allocate_credentials(&cc);
  gnutls_certificate_set_x509_key_file(sc, path(server_cert), path(kf), GNUTLS_X509_FMT_PEM);
  snprintf(key, sizeof key, "%s.crl_first", tag);
  if (order)
    MATCH(key, "%d", gnutls_certificate_set_x509_crl_file(cc, path(crl), GNUTLS_X509_FMT_PEM));
  gnutls_certificate_set_x509_trust_file(cc, path("ca.pem"), GNUTLS_X509_FMT_PEM);
  snprintf(key, sizeof key, "%s.crl_file", tag);
  if (!order)
    MATCH(key, "%d", gnutls_certificate_set_x509_crl_file(cc, path(crl), GNUTLS_X509_FMT_PEM));
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  fcntl(sv[0], F_SETFL, O_NONBLOCK);
  fcntl(sv[1], F_SETFL, O_NONBLOCK);
  gnutls_init(&s, GNUTLS_SERVER | GNUTLS_NONBLOCK);
  gnutls_init(&c, GNUTLS_CLIENT | GNUTLS_NONBLOCK);
  gnutls_set_default_priority(s);
  gnutls_set_default_priority(c);
  gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, sc);
  gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, cc);
  gnutls_transport_set_int(s, sv[0]);
  gnutls_transport_set_int(c, sv[1]);
  for (rounds = 0; rounds < 200 && (cret != 0 || sret != 0); rounds++) {
    if (cret != 0) cret = gnutls_handshake(c);
    if (sret != 0) sret = gnutls_handshake(s);
    if ((cret < 0 && cret != GNUTLS_E_AGAIN) || (sret < 0 && sret != GNUTLS_E_AGAIN)) break;
  }
  snprintf(key, sizeof key, "%s.handshake", tag);
  MATCH(key, "%d %d", cret, sret);
  snprintf(key, sizeof key, "%s.verify_peers2", tag);
  {
    int ret = gnutls_certificate_verify_peers2(c, &status);
    MATCH(key, "%d status=%u revoked=%d", ret, status, (status & GNUTLS_CERT_REVOKED) != 0);
  }
  gnutls_deinit(c);
  gnutls_deinit(s);
  close(sv[0]);
  close(sv[1]);
  gnutls_certificate_free_credentials(sc);
  gnutls_certificate_free_credentials(cc);
}

static void credentials(void) {
  gnutls_certificate_credentials_t cc;
  gnutls_datum_t pem = load("crl.pem"), der = load("crl.der"), other = load("crl_other.pem");
  gnutls_x509_crl_t crl;
  gnutls_certificate_allocate_credentials(&cc);
  MATCH("cred.mem.no_ca", "%d", gnutls_certificate_set_x509_crl_mem(cc, &pem, GNUTLS_X509_FMT_PEM));
  gnutls_certificate_set_x509_trust_file(cc, path("ca.pem"), GNUTLS_X509_FMT_PEM);
  MATCH("cred.mem.pem", "%d", gnutls_certificate_set_x509_crl_mem(cc, &pem, GNUTLS_X509_FMT_PEM));
  MATCH("cred.mem.der", "%d", gnutls_certificate_set_x509_crl_mem(cc, &der, GNUTLS_X509_FMT_DER));
  MATCH("cred.mem.other", "%d",
        gnutls_certificate_set_x509_crl_mem(cc, &other, GNUTLS_X509_FMT_PEM));
  MATCH("cred.mem.pem_as_der", "%d",
        gnutls_certificate_set_x509_crl_mem(cc, &pem, GNUTLS_X509_FMT_DER));
  {
    gnutls_datum_t junk = {(unsigned char*)"hello", 5};
    MATCH("cred.mem.junk", "%d",
          gnutls_certificate_set_x509_crl_mem(cc, &junk, GNUTLS_X509_FMT_PEM));
  }
  MATCH("cred.file.missing", "%d",
        gnutls_certificate_set_x509_crl_file(cc, path("nonexistent.pem"), GNUTLS_X509_FMT_PEM));
  gnutls_x509_crl_init(&crl);
  gnutls_x509_crl_import(crl, &pem, GNUTLS_X509_FMT_PEM);
  MATCH("cred.crl", "%d", gnutls_certificate_set_x509_crl(cc, &crl, 1));
  MATCH("cred.crl.none", "%d", gnutls_certificate_set_x509_crl(cc, &crl, 0));
  gnutls_x509_crl_deinit(crl);
  gnutls_certificate_free_credentials(cc);
  gnutls_free(pem.data);
  gnutls_free(der.data);
  gnutls_free(other.data);
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: x509_crl CERTDIR\n");
    return 2;
  }
  dir = argv[1];
  setvbuf(stdout, NULL, _IONBF, 0); /* the real GnuTLS may crash: keep every line before */
  gnutls_global_init();
  objects();
  credentials();
  handshake("revoked", "rsa.pem", "crl.pem", 0);
  handshake("revoked_crl_first", "rsa.pem", "crl.pem", 1);
  handshake("not_listed", "ecdsa.pem", "crl.pem", 0);
  handshake("empty_crl", "rsa.pem", "crl_empty.pem", 0);
  handshake("other_crl", "rsa.pem", "crl_other.pem", 0);
  gnutls_global_deinit();
  printf("done\n");
  return 0;
}
