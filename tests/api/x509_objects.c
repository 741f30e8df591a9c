/* The X.509 certificate getters, gnutls_x509_dn_t, fingerprints and the PEM
 * base64 calls on fixed certificates (tests/compat/data/x509obj), printed as
 * "MATCH key = value" lines: built on Coda and on the real GnuTLS 3.7.9 and
 * compared by compare_edges.sh, so every return code, size and string must
 * be GnuTLS's. Usage: x509_objects [DIR] (default: the data directory the
 * build compiled in). */
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match_lines.h"

/* Bytes as printable text when every byte is, else as hex; a string key
 * stays readable and a binary one exact. */
static const char* show(const void* data, size_t size) {
  static char out[8192];
  const unsigned char* p = data;
  size_t i, printable = 1;
  for (i = 0; i < size; i++)
    if (p[i] < 0x20 || p[i] > 0x7e) printable = 0;
  if (size * 2 + 8 >= sizeof out) return "(too long)";
  if (printable) {
    memcpy(out, p, size);
    out[size] = 0;
    return out;
  }
  strcpy(out, "hex:");
  for (i = 0; i < size; i++) sprintf(out + 4 + 2 * i, "%02x", p[i]);
  return out;
}

static const char* hex(const void* data, size_t size) {
  static char out[8192];
  const unsigned char* p = data;
  size_t i;
  if (size * 2 + 1 >= sizeof out) return "(too long)";
  out[0] = 0;
  for (i = 0; i < size; i++) sprintf(out + 2 * i, "%02x", p[i]);
  return out;
}

static gnutls_x509_crt_t import_file(const char* name, gnutls_x509_crt_fmt_t fmt) {
  gnutls_x509_crt_t crt;
  gnutls_datum_t d = load(name);
  gnutls_x509_crt_init(&crt);
  if (gnutls_x509_crt_import(crt, &d, fmt) != 0) {
    fprintf(stderr, "cannot import %s\n", name);
    exit(2);
  }
  gnutls_free(d.data);
  return crt;
}

typedef int (*by_oid_fn)(gnutls_x509_crt_t, const char*, unsigned, unsigned, void*, size_t*);
typedef int (*oid_fn)(gnutls_x509_crt_t, unsigned, void*, size_t*);

/* Every OID of a name, and every value of each by OID, raw and not. */
static void names(const char* tag, gnutls_x509_crt_t crt, oid_fn get_oid, by_oid_fn by_oid) {
  char key[256], oid[128], buf[1024];
  unsigned i, j, raw;
  for (i = 0; i < 20; i++) {
    size_t size = sizeof oid;
    int ret = get_oid(crt, i, oid, &size);
    snprintf(key, sizeof key, "%s.oid%u", tag, i);
    MATCH(key, "%d %s size=%zu", ret, ret == 0 ? oid : "-", size);
    if (ret < 0) break;
    for (j = 0; j < 4; j++) {
      for (raw = 0; raw < 2; raw++) {
        size = sizeof buf;
        ret = by_oid(crt, oid, j, raw, buf, &size);
        snprintf(key, sizeof key, "%s.%s.%u.raw%u", tag, oid, j, raw);
        MATCH(key, "%d %s size=%zu", ret, ret == 0 ? show(buf, size) : "-", size);
      }
      if (ret < 0) break;
    }
    /* Short buffer: the size needed. */
    size = 1;
    ret = by_oid(crt, oid, 0, 0, buf, &size);
    snprintf(key, sizeof key, "%s.%s.short", tag, oid);
    MATCH(key, "%d size=%zu", ret, size);
    size = 0;
    ret = by_oid(crt, oid, 0, 0, NULL, &size);
    snprintf(key, sizeof key, "%s.%s.null", tag, oid);
    MATCH(key, "%d size=%zu", ret, size);
  }
  {
    size_t size = 2;
    int ret = get_oid(crt, 0, oid, &size);
    snprintf(key, sizeof key, "%s.oid.short", tag);
    MATCH(key, "%d size=%zu", ret, size);
    size = sizeof buf;
    ret = by_oid(crt, "2.5.4.3", 0, 0, buf, &size);
    snprintf(key, sizeof key, "%s.cn", tag);
    MATCH(key, "%d %s", ret, ret == 0 ? show(buf, size) : "-");
    size = sizeof buf;
    ret = by_oid(crt, "1.2.3.4.5", 0, 0, buf, &size);
    snprintf(key, sizeof key, "%s.absent", tag);
    MATCH(key, "%d size=%zu", ret, size);
  }
}

static void dn_object(const char* tag, gnutls_x509_dn_t dn) {
  char key[256];
  int irdn, iava, ret;
  gnutls_datum_t s;
  for (irdn = 0; irdn < 20; irdn++) {
    for (iava = 0; iava < 4; iava++) {
      gnutls_x509_ava_st ava;
      memset(&ava, 0, sizeof ava);
      ret = gnutls_x509_dn_get_rdn_ava(dn, irdn, iava, &ava);
      snprintf(key, sizeof key, "%s.ava%d.%d", tag, irdn, iava);
      if (ret == 0) {
        char o[256];
        snprintf(o, sizeof o, "%s", show(ava.oid.data, ava.oid.size));
        MATCH(key, "0 oid=%s tag=%lu value=%s", o, ava.value_tag,
              show(ava.value.data, ava.value.size));
      } else {
        MATCH(key, "%d", ret);
        break;
      }
    }
    if (iava == 0) break;
  }
  ret = gnutls_x509_dn_get_str(dn, &s);
  snprintf(key, sizeof key, "%s.str", tag);
  MATCH(key, "%d %s", ret, ret == 0 ? show(s.data, s.size) : "-");
  if (ret == 0) gnutls_free(s.data);
  ret = gnutls_x509_dn_get_str2(dn, &s, GNUTLS_X509_DN_FLAG_COMPAT);
  snprintf(key, sizeof key, "%s.str2compat", tag);
  MATCH(key, "%d %s", ret, ret == 0 ? show(s.data, s.size) : "-");
  if (ret == 0) gnutls_free(s.data);
  ret = gnutls_x509_dn_get_str2(dn, &s, 0);
  snprintf(key, sizeof key, "%s.str2", tag);
  MATCH(key, "%d %s", ret, ret == 0 ? show(s.data, s.size) : "-");
  if (ret == 0) gnutls_free(s.data);
  ret = gnutls_x509_dn_export2(dn, GNUTLS_X509_FMT_DER, &s);
  snprintf(key, sizeof key, "%s.export2der", tag);
  MATCH(key, "%d %s", ret, ret == 0 ? hex(s.data, s.size) : "-");
  if (ret == 0) gnutls_free(s.data);
  ret = gnutls_x509_dn_export2(dn, GNUTLS_X509_FMT_PEM, &s);
  snprintf(key, sizeof key, "%s.export2pem", tag);
  MATCH(key, "%d %s", ret, ret == 0 ? hex(s.data, s.size) : "-");
  if (ret == 0) gnutls_free(s.data);
  {
    unsigned char buf[4096];
    size_t size = 3;
    ret = gnutls_x509_dn_export(dn, GNUTLS_X509_FMT_DER, buf, &size);
    snprintf(key, sizeof key, "%s.export.short", tag);
    MATCH(key, "%d size=%zu", ret, size);
    size = sizeof buf;
    ret = gnutls_x509_dn_export(dn, GNUTLS_X509_FMT_DER, buf, &size);
    snprintf(key, sizeof key, "%s.export", tag);
    MATCH(key, "%d size=%zu", ret, size);
    size = sizeof buf;
    ret = gnutls_x509_dn_export(dn, GNUTLS_X509_FMT_PEM, buf, &size);
    snprintf(key, sizeof key, "%s.exportpem", tag);
    MATCH(key, "%d size=%zu %s", ret, size, ret == 0 ? hex(buf, size) : "-");
  }
}

static void san(const char* tag, gnutls_x509_crt_t crt) {
  char key[256];
  unsigned seq;
  for (seq = 0; seq < 12; seq++) {
    unsigned char buf[1024];
    size_t size = sizeof buf;
    unsigned critical = 77, type = 77;
    int ret = gnutls_x509_crt_get_subject_alt_name(crt, seq, buf, &size, &critical);
    snprintf(key, sizeof key, "%s.san%u", tag, seq);
    MATCH(key, "%d crit=%u size=%zu %s", ret, critical, size, ret >= 0 ? show(buf, size) : "-");
    size = sizeof buf;
    ret = gnutls_x509_crt_get_subject_alt_name2(crt, seq, buf, &size, &type, &critical);
    snprintf(key, sizeof key, "%s.san2.%u", tag, seq);
    MATCH(key, "%d type=%u crit=%u size=%zu %s", ret, type, critical, size,
          ret >= 0 ? show(buf, size) : "-");
    size = sizeof buf;
    ret = gnutls_x509_crt_get_subject_alt_othername_oid(crt, seq, buf, &size);
    snprintf(key, sizeof key, "%s.sanoid%u", tag, seq);
    MATCH(key, "%d size=%zu %s", ret, size, ret >= 0 ? show(buf, size) : "-");
    size = 1;
    ret = gnutls_x509_crt_get_subject_alt_name(crt, seq, buf, &size, NULL);
    snprintf(key, sizeof key, "%s.san%u.short", tag, seq);
    MATCH(key, "%d size=%zu", ret, size);
    if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE) break;
  }
}

static void extensions(const char* tag, gnutls_x509_crt_t crt) {
  char key[256];
  unsigned char buf[1024];
  size_t size;
  unsigned critical = 77, usage = 77, ca = 77, i;
  int pathlen = 77, ret;

  ret = gnutls_x509_crt_get_key_usage(crt, &usage, &critical);
  snprintf(key, sizeof key, "%s.key_usage", tag);
  MATCH(key, "%d usage=%u crit=%u", ret, usage, critical);
  for (i = 0; i < 8; i++) {
    size = sizeof buf;
    critical = 77;
    ret = gnutls_x509_crt_get_key_purpose_oid(crt, i, buf, &size, &critical);
    snprintf(key, sizeof key, "%s.purpose%u", tag, i);
    MATCH(key, "%d crit=%u size=%zu %s", ret, critical, size, ret == 0 ? show(buf, size) : "-");
    if (ret < 0) break;
  }
  size = 2;
  ret = gnutls_x509_crt_get_key_purpose_oid(crt, 0, buf, &size, NULL);
  snprintf(key, sizeof key, "%s.purpose.short", tag);
  MATCH(key, "%d size=%zu", ret, size);
  critical = 77;
  ret = gnutls_x509_crt_get_basic_constraints(crt, &critical, &ca, &pathlen);
  snprintf(key, sizeof key, "%s.basic", tag);
  MATCH(key, "%d crit=%u ca=%u pathlen=%d", ret, critical, ca, pathlen);
  critical = 77;
  ret = gnutls_x509_crt_get_ca_status(crt, &critical);
  snprintf(key, sizeof key, "%s.ca_status", tag);
  MATCH(key, "%d crit=%u", ret, critical);
  ret = gnutls_x509_crt_get_ca_status(crt, NULL);
  snprintf(key, sizeof key, "%s.ca_status_nocrit", tag);
  MATCH(key, "%d", ret);
  size = sizeof buf;
  critical = 77;
  ret = gnutls_x509_crt_get_subject_key_id(crt, buf, &size, &critical);
  snprintf(key, sizeof key, "%s.skid", tag);
  MATCH(key, "%d crit=%u size=%zu %s", ret, critical, size, ret == 0 ? hex(buf, size) : "-");
  size = 1;
  ret = gnutls_x509_crt_get_subject_key_id(crt, buf, &size, &critical);
  snprintf(key, sizeof key, "%s.skid.short", tag);
  MATCH(key, "%d size=%zu", ret, size);
  size = sizeof buf;
  critical = 77;
  ret = gnutls_x509_crt_get_authority_key_id(crt, buf, &size, &critical);
  snprintf(key, sizeof key, "%s.akid", tag);
  MATCH(key, "%d crit=%u size=%zu %s", ret, critical, size, ret == 0 ? hex(buf, size) : "-");
  size = 1;
  ret = gnutls_x509_crt_get_authority_key_id(crt, buf, &size, &critical);
  snprintf(key, sizeof key, "%s.akid.short", tag);
  MATCH(key, "%d size=%zu", ret, size);
}

static void ids(const char* tag, gnutls_x509_crt_t crt) {
  static const gnutls_digest_algorithm_t algs[] = {GNUTLS_DIG_MD5,    GNUTLS_DIG_SHA1,
                                                   GNUTLS_DIG_SHA256, GNUTLS_DIG_SHA384,
                                                   GNUTLS_DIG_SHA512, GNUTLS_DIG_SHA224};
  static const unsigned keyid_flags[] = {0, GNUTLS_KEYID_USE_SHA1, GNUTLS_KEYID_USE_SHA256,
                                         GNUTLS_KEYID_USE_SHA512, GNUTLS_KEYID_USE_BEST_KNOWN};
  char key[256];
  unsigned char buf[1024];
  size_t size;
  unsigned i, bits = 77;
  int ret;
  for (i = 0; i < sizeof algs / sizeof algs[0]; i++) {
    size = sizeof buf;
    ret = gnutls_x509_crt_get_fingerprint(crt, algs[i], buf, &size);
    snprintf(key, sizeof key, "%s.fpr%d", tag, (int)algs[i]);
    MATCH(key, "%d size=%zu %s", ret, size, ret == 0 ? hex(buf, size) : "-");
  }
  size = 4;
  ret = gnutls_x509_crt_get_fingerprint(crt, GNUTLS_DIG_SHA1, buf, &size);
  snprintf(key, sizeof key, "%s.fpr.short", tag);
  MATCH(key, "%d size=%zu", ret, size);
  for (i = 0; i < sizeof keyid_flags / sizeof keyid_flags[0]; i++) {
    size = sizeof buf;
    ret = gnutls_x509_crt_get_key_id(crt, keyid_flags[i], buf, &size);
    snprintf(key, sizeof key, "%s.keyid%u", tag, keyid_flags[i]);
    MATCH(key, "%d size=%zu %s", ret, size, ret == 0 ? hex(buf, size) : "-");
  }
  size = 3;
  ret = gnutls_x509_crt_get_key_id(crt, 0, buf, &size);
  snprintf(key, sizeof key, "%s.keyid.short", tag);
  MATCH(key, "%d size=%zu", ret, size);
  size = sizeof buf;
  ret = gnutls_x509_crt_get_serial(crt, buf, &size);
  snprintf(key, sizeof key, "%s.serial", tag);
  MATCH(key, "%d size=%zu %s", ret, size, ret == 0 ? hex(buf, size) : "-");
  size = 1;
  ret = gnutls_x509_crt_get_serial(crt, buf, &size);
  snprintf(key, sizeof key, "%s.serial.short", tag);
  MATCH(key, "%d size=%zu", ret, size);
  snprintf(key, sizeof key, "%s.version", tag);
  MATCH(key, "%d", gnutls_x509_crt_get_version(crt));
  ret = gnutls_x509_crt_get_pk_algorithm(crt, &bits);
  snprintf(key, sizeof key, "%s.pk", tag);
  MATCH(key, "%d bits=%u", ret, bits);
  snprintf(key, sizeof key, "%s.pk_nobits", tag);
  MATCH(key, "%d", gnutls_x509_crt_get_pk_algorithm(crt, NULL));
  snprintf(key, sizeof key, "%s.sigalg", tag);
  MATCH(key, "%d", gnutls_x509_crt_get_signature_algorithm(crt));
}

static void raw_names(const char* tag, gnutls_x509_crt_t crt) {
  char key[256];
  gnutls_datum_t d = {NULL, 0};
  gnutls_x509_dn_t dn = NULL;
  char buf[2048];
  size_t size = sizeof buf;
  int ret = gnutls_x509_crt_get_raw_dn(crt, &d);
  snprintf(key, sizeof key, "%s.raw_dn", tag);
  MATCH(key, "%d %s", ret, ret == 0 ? hex(d.data, d.size) : "-");
  if (ret == 0) {
    /* The DER imported into a gnutls_x509_dn_t gives the same strings. */
    gnutls_x509_dn_t imported;
    gnutls_datum_t s;
    gnutls_x509_dn_init(&imported);
    ret = gnutls_x509_dn_import(imported, &d);
    snprintf(key, sizeof key, "%s.dn_import", tag);
    MATCH(key, "%d", ret);
    ret = gnutls_x509_dn_get_str(imported, &s);
    snprintf(key, sizeof key, "%s.dn_import.str", tag);
    MATCH(key, "%d %s", ret, ret == 0 ? show(s.data, s.size) : "-");
    if (ret == 0) gnutls_free(s.data);
    gnutls_x509_dn_deinit(imported);
    gnutls_free(d.data);
  }
  ret = gnutls_x509_crt_get_raw_issuer_dn(crt, &d);
  snprintf(key, sizeof key, "%s.raw_issuer_dn", tag);
  MATCH(key, "%d %s", ret, ret == 0 ? hex(d.data, d.size) : "-");
  if (ret == 0) gnutls_free(d.data);

  ret = gnutls_x509_crt_get_dn(crt, buf, &size);
  snprintf(key, sizeof key, "%s.dn", tag);
  MATCH(key, "%d size=%zu %s", ret, size, ret == 0 ? show(buf, size) : "-");
  size = sizeof buf;
  ret = gnutls_x509_crt_get_issuer_dn(crt, buf, &size);
  snprintf(key, sizeof key, "%s.issuer_dn", tag);
  MATCH(key, "%d size=%zu %s", ret, size, ret == 0 ? show(buf, size) : "-");
  ret = gnutls_x509_crt_get_dn2(crt, &d);
  snprintf(key, sizeof key, "%s.dn2", tag);
  MATCH(key, "%d %s", ret, ret == 0 ? show(d.data, d.size) : "-");
  if (ret == 0) gnutls_free(d.data);

  ret = gnutls_x509_crt_get_subject(crt, &dn);
  snprintf(key, sizeof key, "%s.subject", tag);
  MATCH(key, "%d", ret);
  if (ret == 0) {
    snprintf(key, sizeof key, "%s.subject", tag);
    dn_object(key, dn);
  }
  ret = gnutls_x509_crt_get_issuer(crt, &dn);
  snprintf(key, sizeof key, "%s.issuer", tag);
  MATCH(key, "%d", ret);
  if (ret == 0) {
    snprintf(key, sizeof key, "%s.issuer", tag);
    dn_object(key, dn);
  }
}

static void print(const char* tag, gnutls_x509_crt_t crt) {
  static const gnutls_certificate_print_formats_t formats[] = {GNUTLS_CRT_PRINT_ONELINE,
                                                               GNUTLS_CRT_PRINT_COMPACT};
  char key[128];
  unsigned i;
  for (i = 0; i < 2; i++) {
    gnutls_datum_t out = {NULL, 0};
    int ret = gnutls_x509_crt_print(crt, formats[i], &out);
    snprintf(key, sizeof key, "%s.print%d", tag, (int)formats[i]);
    MATCH(key, "%d %s", ret, ret == 0 ? hex(out.data, out.size) : "-");
    if (ret == 0) gnutls_free(out.data);
  }
}

static void certificate(const char* tag, gnutls_x509_crt_t crt) {
  print(tag, crt);
  raw_names(tag, crt);
  {
    char t[64];
    snprintf(t, sizeof t, "%s.s", tag);
    names(t, crt, gnutls_x509_crt_get_dn_oid, gnutls_x509_crt_get_dn_by_oid);
    snprintf(t, sizeof t, "%s.i", tag);
    names(t, crt, gnutls_x509_crt_get_issuer_dn_oid, gnutls_x509_crt_get_issuer_dn_by_oid);
  }
  san(tag, crt);
  extensions(tag, crt);
  ids(tag, crt);
}

static void lists(void) {
  gnutls_datum_t chain = load("chain.pem");
  gnutls_datum_t der = load("rich.der");
  gnutls_x509_crt_t certs[8];
  gnutls_x509_crt_t* all = NULL;
  unsigned max, n, i;
  int ret;
  char key[64];

  max = 8;
  ret = gnutls_x509_crt_list_import(certs, &max, &chain, GNUTLS_X509_FMT_PEM, 0);
  MATCH("list_import", "%d max=%u", ret, max);
  for (i = 0; ret > 0 && i < (unsigned)ret; i++) {
    char buf[512];
    size_t size = sizeof buf;
    int r = gnutls_x509_crt_get_dn(certs[i], buf, &size);
    snprintf(key, sizeof key, "list_import.%u", i);
    MATCH(key, "%d %s", r, r == 0 ? buf : "-");
    gnutls_x509_crt_deinit(certs[i]);
  }
  max = 2;
  ret = gnutls_x509_crt_list_import(certs, &max, &chain, GNUTLS_X509_FMT_PEM, 0);
  MATCH("list_import.small", "%d max=%u", ret, max);
  if (ret > 0)
    for (i = 0; i < (unsigned)ret; i++) gnutls_x509_crt_deinit(certs[i]);
  max = 2;
  ret = gnutls_x509_crt_list_import(certs, &max, &chain, GNUTLS_X509_FMT_PEM,
                                    GNUTLS_X509_CRT_LIST_IMPORT_FAIL_IF_EXCEED);
  MATCH("list_import.exceed", "%d max=%u", ret, max);
  if (ret > 0)
    for (i = 0; i < (unsigned)ret; i++) gnutls_x509_crt_deinit(certs[i]);
  max = 8;
  ret = gnutls_x509_crt_list_import(certs, &max, &der, GNUTLS_X509_FMT_DER, 0);
  MATCH("list_import.der", "%d max=%u", ret, max);
  if (ret > 0)
    for (i = 0; i < (unsigned)ret; i++) gnutls_x509_crt_deinit(certs[i]);
  max = 8;
  ret = gnutls_x509_crt_list_import(certs, &max, &der, GNUTLS_X509_FMT_PEM, 0);
  MATCH("list_import.der_as_pem", "%d max=%u", ret, max);

  ret = gnutls_x509_crt_list_import2(&all, &n, &chain, GNUTLS_X509_FMT_PEM, 0);
  MATCH("list_import2", "%d n=%u", ret, n);
  if (ret == 0) {
    unsigned status = 77;
    /* check_issuer and verify over the chain: rich and ed by the CA. */
    MATCH("check_issuer.rich_ca", "%u", gnutls_x509_crt_check_issuer(all[0], all[2]));
    MATCH("check_issuer.ed_ca", "%u", gnutls_x509_crt_check_issuer(all[1], all[2]));
    MATCH("check_issuer.ca_ca", "%u", gnutls_x509_crt_check_issuer(all[2], all[2]));
    MATCH("check_issuer.ca_rich", "%u", gnutls_x509_crt_check_issuer(all[2], all[0]));
    MATCH("equals.same", "%u", gnutls_x509_crt_equals(all[0], all[0]));
    MATCH("equals.other", "%u", gnutls_x509_crt_equals(all[0], all[1]));
    MATCH("equals2.der", "%u", gnutls_x509_crt_equals2(all[0], &der));
    MATCH("equals2.other", "%u", gnutls_x509_crt_equals2(all[1], &der));
    ret = gnutls_x509_crt_verify(all[0], &all[2], 1, 0, &status);
    MATCH("verify.rich", "%d status=%u", ret, status);
    status = 77;
    ret = gnutls_x509_crt_verify(all[1], &all[2], 1, 0, &status);
    MATCH("verify.ed", "%d status=%u", ret, status);
    status = 77;
    ret = gnutls_x509_crt_verify(all[2], &all[2], 1, 0, &status);
    MATCH("verify.ca_self", "%d status=%u", ret, status);
    {
      gnutls_x509_crt_t other = import_file("other.crt", GNUTLS_X509_FMT_PEM);
      status = 77;
      ret = gnutls_x509_crt_verify(all[0], &other, 1, 0, &status);
      MATCH("verify.rich_other", "%d status=%u", ret, status);
      status = 77;
      ret = gnutls_x509_crt_verify(all[0], &all[1], 1, 0, &status);
      MATCH("verify.rich_by_leaf", "%d status=%u", ret, status);
      MATCH("check_issuer.rich_other", "%u", gnutls_x509_crt_check_issuer(all[0], other));
      gnutls_x509_crt_deinit(other);
    }
    for (i = 0; i < n; i++) gnutls_x509_crt_deinit(all[i]);
    gnutls_free(all);
  }
  all = NULL;
  ret = gnutls_x509_crt_list_import2(&all, &n, &der, GNUTLS_X509_FMT_DER, 0);
  MATCH("list_import2.der", "%d n=%u", ret, n);
  if (ret == 0) {
    for (i = 0; i < n; i++) gnutls_x509_crt_deinit(all[i]);
    gnutls_free(all);
  }
  {
    gnutls_datum_t empty = {(unsigned char*)"hello", 5};
    all = NULL;
    ret = gnutls_x509_crt_list_import2(&all, &n, &empty, GNUTLS_X509_FMT_PEM, 0);
    MATCH("list_import2.nopem", "%d", ret);
    max = 8;
    ret = gnutls_x509_crt_list_import(certs, &max, &empty, GNUTLS_X509_FMT_PEM, 0);
    MATCH("list_import.nopem", "%d max=%u", ret, max);
  }
  gnutls_free(chain.data);
  gnutls_free(der.data);
}

static void base64(void) {
  gnutls_datum_t data = {(unsigned char*)"hello, world", 12};
  gnutls_datum_t out = {NULL, 0}, back = {NULL, 0};
  char buf[512];
  unsigned char bin[512];
  size_t size = sizeof buf;
  int ret;
  unsigned char digest[64];

  ret = gnutls_pem_base64_encode("TEST DATA", &data, buf, &size);
  MATCH("b64.encode", "%d size=%zu %s", ret, size, ret == 0 ? hex(buf, size) : "-");
  size = 5;
  ret = gnutls_pem_base64_encode("TEST DATA", &data, buf, &size);
  MATCH("b64.encode.short", "%d size=%zu", ret, size);
  ret = gnutls_pem_base64_encode2("TEST DATA", &data, &out);
  MATCH("b64.encode2", "%d size=%u %s", ret, out.size, ret == 0 ? hex(out.data, out.size) : "-");
  if (ret == 0) {
    size = sizeof bin;
    ret = gnutls_pem_base64_decode("TEST DATA", &out, bin, &size);
    MATCH("b64.decode", "%d size=%zu %s", ret, size, ret == 0 ? show(bin, size) : "-");
    size = 3;
    ret = gnutls_pem_base64_decode("TEST DATA", &out, bin, &size);
    MATCH("b64.decode.short", "%d size=%zu", ret, size);
    size = sizeof bin;
    ret = gnutls_pem_base64_decode(NULL, &out, bin, &size);
    MATCH("b64.decode.anylabel", "%d size=%zu", ret, size);
    size = sizeof bin;
    ret = gnutls_pem_base64_decode("OTHER", &out, bin, &size);
    MATCH("b64.decode.wronglabel", "%d", ret);
    ret = gnutls_pem_base64_decode2("TEST DATA", &out, &back);
    MATCH("b64.decode2", "%d %s", ret, ret == 0 ? show(back.data, back.size) : "-");
    if (ret == 0) gnutls_free(back.data);
    gnutls_free(out.data);
  }
  {
    gnutls_datum_t bad = {(unsigned char*)"-----BEGIN X-----\n!!!!\n-----END X-----\n", 39};
    size = sizeof bin;
    ret = gnutls_pem_base64_decode("X", &bad, bin, &size);
    MATCH("b64.decode.bad", "%d", ret);
    ret = gnutls_pem_base64_decode2("X", &bad, &back);
    MATCH("b64.decode2.bad", "%d", ret);
  }
  {
    gnutls_datum_t empty = {(unsigned char*)"", 0};
    ret = gnutls_pem_base64_encode2("E", &empty, &out);
    MATCH("b64.encode2.empty", "%d %s", ret, ret == 0 ? hex(out.data, out.size) : "-");
    if (ret == 0) gnutls_free(out.data);
  }
  ret = gnutls_hash_fast(GNUTLS_DIG_SHA256, "abc", 3, digest);
  MATCH("hash_fast.sha256", "%d %s", ret, hex(digest, 32));
  ret = gnutls_hash_fast(GNUTLS_DIG_SHA1, "abc", 3, digest);
  MATCH("hash_fast.sha1", "%d %s", ret, hex(digest, 20));
  ret = gnutls_hash_fast(GNUTLS_DIG_MD5, "abc", 3, digest);
  MATCH("hash_fast.md5", "%d %s", ret, hex(digest, 16));
  ret = gnutls_hash_fast(GNUTLS_DIG_SHA512, "abc", 3, digest);
  MATCH("hash_fast.sha512", "%d %s", ret, hex(digest, 64));
  ret = gnutls_hash_fast(GNUTLS_DIG_SHA384, "", 0, digest);
  MATCH("hash_fast.sha384", "%d %s", ret, hex(digest, 48));
  ret = gnutls_hash_fast(GNUTLS_DIG_SHA224, "abc", 3, digest);
  MATCH("hash_fast.sha224", "%d %s", ret, hex(digest, 28));
  ret = gnutls_hash_fast((gnutls_digest_algorithm_t)999, "abc", 3, digest);
  MATCH("hash_fast.unknown", "%d", ret);
  size = sizeof digest;
  ret = gnutls_fingerprint(GNUTLS_DIG_SHA256, &data, digest, &size);
  MATCH("fingerprint.sha256", "%d size=%zu %s", ret, size, hex(digest, size));
  size = 4;
  ret = gnutls_fingerprint(GNUTLS_DIG_SHA256, &data, digest, &size);
  MATCH("fingerprint.short", "%d size=%zu", ret, size);
  size = sizeof digest;
  ret = gnutls_fingerprint((gnutls_digest_algorithm_t)999, &data, digest, &size);
  MATCH("fingerprint.unknown", "%d", ret);
}

static void unloaded(void) {
  gnutls_x509_crt_t crt;
  char buf[256];
  size_t size = sizeof buf;
  unsigned u = 77, c = 77;
  int p = 77;
  gnutls_datum_t d;
  gnutls_x509_dn_t dn;
  gnutls_x509_crt_init(&crt);
  MATCH("empty.dn_by_oid", "%d", gnutls_x509_crt_get_dn_by_oid(crt, "2.5.4.3", 0, 0, buf, &size));
  size = sizeof buf;
  MATCH("empty.dn_oid", "%d", gnutls_x509_crt_get_dn_oid(crt, 0, buf, &size));
  size = sizeof buf;
  MATCH("empty.serial", "%d", gnutls_x509_crt_get_serial(crt, buf, &size));
  MATCH("empty.version", "%d", gnutls_x509_crt_get_version(crt));
  MATCH("empty.pk", "%d", gnutls_x509_crt_get_pk_algorithm(crt, &u));
  MATCH("empty.sigalg", "%d", gnutls_x509_crt_get_signature_algorithm(crt));
  size = sizeof buf;
  MATCH("empty.san", "%d", gnutls_x509_crt_get_subject_alt_name(crt, 0, buf, &size, &c));
  MATCH("empty.key_usage", "%d", gnutls_x509_crt_get_key_usage(crt, &u, &c));
  MATCH("empty.basic", "%d", gnutls_x509_crt_get_basic_constraints(crt, &c, &u, &p));
  MATCH("empty.ca_status", "%d", gnutls_x509_crt_get_ca_status(crt, &c));
  size = sizeof buf;
  MATCH("empty.fpr", "%d", gnutls_x509_crt_get_fingerprint(crt, GNUTLS_DIG_SHA1, buf, &size));
  size = sizeof buf;
  MATCH("empty.keyid", "%d", gnutls_x509_crt_get_key_id(crt, 0, (unsigned char*)buf, &size));
  size = sizeof buf;
  MATCH("empty.skid", "%d", gnutls_x509_crt_get_subject_key_id(crt, buf, &size, &c));
  MATCH("empty.raw_dn", "%d", gnutls_x509_crt_get_raw_dn(crt, &d));
  MATCH("empty.subject", "%d", gnutls_x509_crt_get_subject(crt, &dn));
  gnutls_x509_crt_deinit(crt);
  {
    gnutls_x509_dn_t fresh;
    gnutls_datum_t junk = {(unsigned char*)"\x30\x05\x31", 3};
    gnutls_x509_dn_init(&fresh);
    MATCH("dn.fresh.str", "%d", gnutls_x509_dn_get_str(fresh, &d));
    MATCH("dn.import.junk", "%d", gnutls_x509_dn_import(fresh, &junk));
    junk.size = 0;
    MATCH("dn.import.empty", "%d", gnutls_x509_dn_import(fresh, &junk));
    gnutls_x509_dn_deinit(fresh);
  }
}

int main(int argc, char** argv) {
  static const char* const files[] = {"rich.crt", "ed.crt", "ca.crt", "other.crt", "crit.crt"};
  unsigned i;
  (void)argc; /* the api tests pass their certificate directory: not ours */
  (void)argv;
  gnutls_global_init();
  for (i = 0; i < sizeof files / sizeof files[0]; i++) {
    gnutls_x509_crt_t crt = import_file(files[i], GNUTLS_X509_FMT_PEM);
    certificate(files[i], crt);
    gnutls_x509_crt_deinit(crt);
  }
  lists();
  base64();
  unloaded();
  gnutls_global_deinit();
  printf("done\n");
  return 0;
}
